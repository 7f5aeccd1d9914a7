"""Settings and the profile page."""

from tests.factories import PASSWORD

NEW = "another long passphrase"


def sign_in(post_form, password=PASSWORD):
    return post_form("/sign-in", {"login": "grace", "password": password})


def change_password(post_form, current, new, confirm=None):
    return post_form("/account/settings", {
        "password-current_password": current, "password-password": new,
        "password-confirm": confirm or new,
    }, prefix="password-")


def test_change_password_keeps_this_session(make, client, post_form):
    make.user("grace")
    sign_in(post_form)
    assert change_password(post_form, PASSWORD, NEW).status_code == 302
    assert client.get("/account/settings").status_code == 200


def test_wrong_current_password_is_refused_next_to_the_field(make, post_form):
    grace = make.user("grace")
    sign_in(post_form)
    response = change_password(post_form, "not my password", NEW)
    assert 'id="password-current_password-error"' in response.get_data(as_text=True)
    assert make.reload(grace).password_hash == grace.password_hash


def test_language_setting_is_saved(make, client, post_form):
    grace = make.user("grace")
    sign_in(post_form)
    post_form("/account/settings", {"settings-locale": "it"}, prefix="settings-")
    assert make.reload(grace).locale == "it"


def test_unknown_language_is_refused(make, post_form):
    grace = make.user("grace")
    sign_in(post_form)
    post_form("/account/settings", {"settings-locale": "xx"}, prefix="settings-")
    assert make.reload(grace).locale is None


def test_settings_need_sign_in(client):
    assert client.get("/account/settings").headers["Location"].startswith("/sign-in")


def test_profile_shows_the_role_and_join_date(make, client):
    make.user("grace")
    make.user("vera", role="moderator")
    html = client.get("/u/VERA").get_data(as_text=True)
    assert "vera" in html and "Moderator" in html and "Member since" in html


def test_unknown_profile_is_404(client):
    assert client.get("/u/nobody").status_code == 404
