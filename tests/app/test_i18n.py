"""English and Italian: chosen from the profile, the footer switch, or the browser."""

from tests.factories import PASSWORD


def test_browser_language_picks_italian(client):
    html = client.get("/", headers={"Accept-Language": "it-IT,it;q=0.9"}).get_data(as_text=True)
    assert 'lang="it"' in html
    assert "Come possiamo aiutarti?" in html


def test_unsupported_browser_language_falls_back_to_english(client):
    html = client.get("/", headers={"Accept-Language": "de-DE"}).get_data(as_text=True)
    assert 'lang="en"' in html and "How can we help?" in html


def test_footer_switch_remembers_the_choice_for_a_visitor(client, post_form):
    post_form("/locale", {"lang-locale": "it"}, form_page="/", prefix="lang-")
    assert "Come possiamo aiutarti?" in client.get("/").get_data(as_text=True)


def test_profile_language_wins_over_the_browser(make, client, post_form):
    make.user("grace", locale="it")
    post_form("/sign-in", {"login": "grace", "password": PASSWORD})
    html = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Come possiamo aiutarti?" in html


def test_forms_are_translated(client):
    response = client.get("/register", headers={"Accept-Language": "it"})
    assert "Crea il mio account" in response.get_data(as_text=True)
