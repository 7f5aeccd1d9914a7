"""The triage inbox, the rules pages and the claim pages, through the browser's door:
permissions, forms with errors next to their field, flash messages, empty states."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from social_listen import polling
from social_listen.models import ListeningRule, Mention, MentionStatus, SocialIdentity
from tests.factories import PASSWORD


@pytest.fixture
def sign_in(post_form):
    def sign_in_as(username):
        response = post_form("/sign-in", {"login": username, "password": PASSWORD})
        assert response.status_code == 302

    return sign_in_as


@pytest.fixture
def heard(x_app, rule):
    with x_app.app_context():
        polling.poll(rule.id)
    return rule


def mention_of(app, external_id):
    with app.app_context():
        return db.session.scalar(select(Mention).where(Mention.external_id == external_id))


@pytest.mark.parametrize("path", ["/listening/", "/listening/rules", "/listening/claims"])
def test_members_cannot_open_staff_pages(client, staff, sign_in, path):
    sign_in("maren")

    assert client.get(path).status_code == 403


def test_agents_see_the_inbox_but_not_the_rules(client, staff, sign_in):
    sign_in("agent")

    assert client.get("/listening/").status_code == 200
    assert client.get("/listening/rules").status_code == 403


def test_the_inbox_lists_mentions_with_author_reach_and_mood(client, heard, sign_in):
    sign_in("mod")

    page = client.get("/listening/").get_data(as_text=True)

    assert "@happycamper" in page and "Original post" in page
    assert "followers" in page and "Import as thread" in page


def test_an_empty_inbox_says_so(client, staff, sign_in):
    sign_in("mod")

    page = client.get("/listening/").get_data(as_text=True)

    assert "Nothing to triage" in page


def test_importing_from_the_inbox_makes_a_thread_that_links_back(client, x_app, heard,
                                                                 post_form, sign_in):
    sign_in("mod")
    mention = mention_of(x_app, "1275653067283759104")

    response = post_form(f"/listening/mentions/{mention.id}",
                         {"action": "import", "category_id": "0"}, form_page="/listening/",
                         follow_redirects=True)

    assert "Imported" in response.get_data(as_text=True)
    thread_id = mention_of(x_app, "1275653067283759104").thread_id
    page = client.get(f"/t/{thread_id}", follow_redirects=True).get_data(as_text=True)
    assert "https://x.com/snowman/status/1275653067283759104" in page
    assert "on X" in page and "See the original post" in page


def test_staff_get_a_reply_on_x_link_that_opens_xs_composer(client, x_app, heard, post_form,
                                                            sign_in):
    sign_in("mod")
    mention = mention_of(x_app, "1275653067283759104")
    post_form(f"/listening/mentions/{mention.id}", {"action": "import", "category_id": "0"},
              form_page="/listening/")
    post_id = mention_of(x_app, "1275653067283759104").post_id

    response = client.get(f"/listening/posts/{post_id}/reply-on-x")

    assert response.status_code == 302
    assert response.location.startswith("https://x.com/intent/post?in_reply_to=1275653067283759104")


def test_an_unknown_action_is_refused_with_a_message(client, x_app, heard, post_form,
                                                      sign_in):
    sign_in("mod")
    mention = mention_of(x_app, "1275653067283759104")

    response = post_form(f"/listening/mentions/{mention.id}", {"action": "delete"},
                         form_page="/listening/", follow_redirects=True)

    assert "did not work" in response.get_data(as_text=True)
    assert mention_of(x_app, "1275653067283759104").status == MentionStatus.NEW


def test_a_bad_query_is_shown_next_to_the_query_field(client, staff, post_form, sign_in):
    sign_in("boss")

    response = post_form("/listening/rules/new", {
        "name": "Brand", "source": "x", "query": '(acme "support', "category_id":
        str(staff.area.id), "import_policy": "manual", "poll_minutes": "5", "active": "y"})

    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="query-error"' in page and "never closed" in page


def test_an_admin_adds_a_rule_and_sees_its_state(client, x_app, staff, post_form, sign_in):
    sign_in("boss")

    response = post_form("/listening/rules/new", {
        "name": "Brand", "source": "x", "query": "@acme -is:retweet", "category_id":
        str(staff.area.id), "languages": "en, it", "import_policy": "questions",
        "poll_minutes": "10", "active": "y"}, follow_redirects=True)

    page = response.get_data(as_text=True)
    assert "saved" in page and "Checkpoint" in page
    with x_app.app_context():
        rule = db.session.scalar(select(ListeningRule))
        assert (rule.languages, rule.poll_minutes) == ("en, it", 10)


def test_a_rules_page_shows_the_last_error(client, x_app, rule, fake_x, sign_in):
    fake_x.faults.append("500")
    with x_app.app_context():
        polling.poll(rule.id)
    sign_in("boss")

    page = client.get(f"/listening/rules/{rule.id}").get_data(as_text=True)

    assert "Last error" in page and "500" in page


def test_a_member_claims_a_handle_and_a_moderator_confirms_it(client, x_app, heard,
                                                                post_form, sign_in):
    sign_in("maren")
    response = post_form("/listening/claim", {"handle": "@snowman"}, follow_redirects=True)
    assert "A moderator will confirm" in response.get_data(as_text=True)
    post_form("/sign-out", {}, form_page="/listening/claim")
    with x_app.app_context():
        identity = db.session.scalar(select(SocialIdentity).where(
            SocialIdentity.handle == "snowman"))

    sign_in("mod")
    response = post_form(f"/listening/claims/{identity.id}/confirm", {},
                         form_page="/listening/claims", follow_redirects=True)

    assert "confirmed" in response.get_data(as_text=True)


def test_claiming_a_handle_never_heard_says_so_next_to_the_field(client, staff, post_form,
                                                                  sign_in):
    sign_in("maren")

    response = post_form("/listening/claim", {"handle": "nobody_here"})

    assert response.status_code == 404
    assert 'id="handle-error"' in response.get_data(as_text=True)
