"""Settings and the profile page."""

from tests.conftest import csrf_token_from
from tests.factories import PASSWORD

NEW = "another long passphrase"


def sign_in(post_form, password=PASSWORD):
    return post_form("/sign-in", {"login": "grace", "password": password})


def change_password(post_form, current, new, confirm=None):
    return post_form("/account/settings", {
        "password-current_password": current, "password-password": new,
        "password-confirm": confirm or new,
    }, prefix="password-")


def test_change_password_keeps_this_session_and_signs_out_others(app, make, client,
                                                                  post_form):
    make.user("grace")
    other_device = app.test_client()
    token = csrf_token_from(other_device.get("/sign-in").get_data(as_text=True))
    other_device.post("/sign-in", data={"login": "grace", "password": PASSWORD,
                                        "csrf_token": token})
    sign_in(post_form)
    assert change_password(post_form, PASSWORD, NEW).status_code == 302
    assert client.get("/account/settings").status_code == 200
    assert other_device.get("/account/settings").status_code == 302


def test_new_password_works_and_the_old_one_does_not(make, client, post_form):
    make.user("grace")
    sign_in(post_form)
    change_password(post_form, PASSWORD, NEW)
    post_form("/sign-out", {}, form_page="/")
    assert sign_in(post_form, PASSWORD).status_code == 200
    assert sign_in(post_form, NEW).status_code == 302


def test_change_password_keeps_remember_me(app, make, client, post_form):
    make.user("grace")
    post_form("/sign-in", {"login": "grace", "password": PASSWORD, "remember": "y"})
    change_password(post_form, PASSWORD, NEW)
    remember = client.get_cookie("remember_token")
    restarted = app.test_client()  # a browser restart: only the remember cookie survives
    restarted.set_cookie("remember_token", remember.value)
    assert restarted.get("/account/settings").status_code == 200


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


def test_unknown_language_is_refused_next_to_the_field(make, post_form):
    grace = make.user("grace")
    sign_in(post_form)
    response = post_form("/account/settings", {"settings-locale": "xx"}, prefix="settings-")
    assert 'id="settings-locale-error"' in response.get_data(as_text=True)
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
