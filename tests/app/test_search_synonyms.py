"""The synonym list's admin page: admins edit it as text, mistakes are shown next to the
field and nothing half-written is saved, and searches use it at once."""

from app.accounts.models import Role
from app.extensions import db
from app.search import synonyms
from app.search.demo import seed_synonyms
from app.search.models import SynonymGroup
from tests.factories import PASSWORD

PAGE = "/admin/search/synonyms"


def sign_in_as(post_form, username):
    assert post_form("/sign-in", {"login": username, "password": PASSWORD}).status_code == 302


def stored(app) -> list[list[str]]:
    with app.app_context():
        return synonyms.stored_groups()


def test_an_admin_saves_groups_one_per_line(app, make, post_form, client):
    make.admin("boss")
    sign_in_as(post_form, "boss")
    response = post_form(PAGE, {"synonyms": "Earbuds, buds,  auricolari\n\nwifi, Wi-Fi\n"},
                         follow_redirects=True)
    assert "Synonyms saved: 2 groups." in response.get_data(as_text=True)
    assert stored(app) == [["earbuds", "buds", "auricolari"], ["wifi", "wi-fi"]]


def test_the_page_shows_the_saved_list(app, make, post_form, client):
    with app.app_context():
        synonyms.replace([["remote", "telecomando"]])
    make.admin("boss")
    sign_in_as(post_form, "boss")
    assert "remote, telecomando" in client.get(PAGE).get_data(as_text=True)


def test_a_term_without_synonyms_is_refused_next_to_the_field(app, make, post_form):
    make.admin("boss")
    sign_in_as(post_form, "boss")
    with app.app_context():
        synonyms.replace([["remote", "telecomando"]])
    html = post_form(PAGE, {"synonyms": "earbuds, buds\nbattery"}).get_data(as_text=True)
    assert 'id="synonyms-error"' in html and "Line 2: “battery” has no synonym" in html
    assert stored(app) == [["remote", "telecomando"]]


def test_a_term_in_two_groups_is_refused(make, post_form):
    make.admin("boss")
    sign_in_as(post_form, "boss")
    html = post_form(PAGE, {"synonyms": "earbuds, buds\nbuds, headphones"}).get_data(
        as_text=True)
    assert "Line 2: “buds” is already on line 1" in html


def test_saving_without_the_form_token_is_refused(app, make, post_form, client):
    make.admin("boss")
    sign_in_as(post_form, "boss")
    assert client.post(PAGE, data={"synonyms": "a1, b1"}).status_code == 400
    assert stored(app) == []


def test_moderators_may_not_edit_synonyms(make, post_form, client):
    make.user("mod", role=Role.MODERATOR)
    sign_in_as(post_form, "mod")
    assert client.get(PAGE).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get(PAGE).headers["Location"].startswith("/sign-in")


def test_admins_find_the_page_in_their_account_menu(make, post_form, client):
    make.admin("boss")
    sign_in_as(post_form, "boss")
    assert f'href="{PAGE}"' in client.get("/").get_data(as_text=True)


def test_the_demo_seeds_lumio_synonyms_once(app):
    with app.app_context():
        seed_synonyms()
        count = db.session.query(SynonymGroup).count()
        assert seed_synonyms() == "synonyms already there"
        assert count > 10 and db.session.query(SynonymGroup).count() == count
