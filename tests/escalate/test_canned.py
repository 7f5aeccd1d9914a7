"""Canned replies and article links in the agent's reply form."""

from __future__ import annotations

from app.extensions import db
from escalate.models import CannedReply


def test_an_agent_adds_a_canned_reply_every_agent_can_insert(client, sign_in, open_case,
                                                             post_form):
    case_id, _agent, _thread = open_case
    sign_in("agnes")

    response = post_form("/cases/canned", {"title": "Reset the earbuds",
                                           "body": "Hold both buttons for ten seconds."})

    assert response.status_code == 302
    page = client.get(f"/cases/{case_id}").get_data(as_text=True)
    assert 'data-insert-into="body"' in page and "Hold both buttons for ten seconds." in page


def test_a_second_canned_reply_with_the_same_title_is_refused(client, sign_in, support,
                                                              post_form):
    sign_in("agnes")
    post_form("/cases/canned", {"title": "Reset", "body": "Hold both buttons."})

    response = post_form("/cases/canned", {"title": "Reset", "body": "Something else."})

    assert response.status_code == 422
    assert "exists already" in response.get_data(as_text=True)


def test_only_its_author_or_an_admin_removes_a_canned_reply(app, client, sign_in, support,
                                                           post_form):
    sign_in("agnes")
    post_form("/cases/canned", {"title": "Reset", "body": "Hold both buttons."})
    with app.app_context():
        canned_id = db.session.query(CannedReply.id).scalar()
    post_form("/sign-out", {}, form_page="/")
    sign_in("otto")

    post_form("/cases/canned/delete", {"canned_id": canned_id}, form_page="/cases/canned")

    with app.app_context():
        assert db.session.get(CannedReply, canned_id) is not None


def test_members_have_no_canned_replies_page(client, sign_in, support):
    sign_in("carla")

    assert client.get("/cases/canned").status_code == 403


def test_the_reply_form_offers_links_to_the_areas_articles(app, client, make, sign_in,
                                                           support, open_case):
    case_id, _agent, _thread = open_case
    make.article(support.agent, support.area, title="Charging case troubleshooting",
                 reviewer=support.admin)
    sign_in("agnes")

    page = client.get(f"/cases/{case_id}").get_data(as_text=True)

    assert "Link an article" in page
    assert "[Charging case troubleshooting](http://localhost/kb/" in page
