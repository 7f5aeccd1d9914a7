"""The cases API, route by route: who may escalate, who may read which case."""

from __future__ import annotations

import re

import pytest

RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


@pytest.fixture
def escalated(client, make, support, token_of):
    thread = make.thread(support.customer, support.area)
    response = client.post(f"/api/v1/threads/{thread.id}/escalate",
                           headers=token_of(support.moderator))
    assert response.status_code == 200
    return response.get_json()


def test_staff_escalate_a_thread_and_get_its_case(escalated, support):
    assert escalated["reason"] == "manual" and escalated["status"] == "new"
    assert escalated["team"] == "Audio" and escalated["customer"] == "carla"
    assert RFC3339.match(escalated["opened_at"])
    assert RFC3339.match(escalated["resolution_due_at"])


def test_escalating_twice_returns_the_same_case(client, escalated, support, token_of):
    again = client.post(f"/api/v1/threads/{escalated['thread_id']}/escalate",
                        headers=token_of(support.agent))

    assert again.status_code == 200 and again.get_json()["id"] == escalated["id"]


def test_a_member_cannot_escalate(client, make, support, token_of):
    thread = make.thread(support.customer, support.area)

    response = client.post(f"/api/v1/threads/{thread.id}/escalate",
                           headers=token_of(support.helper))

    assert response.status_code == 403
    assert response.headers["Content-Type"].startswith("application/problem+json")


def test_escalating_a_thread_that_does_not_exist_is_404(client, support, token_of):
    response = client.post("/api/v1/threads/987654/escalate",
                           headers=token_of(support.moderator))

    assert response.status_code == 404


def test_agents_list_every_case(client, escalated, support, token_of):
    listed = client.get("/api/v1/cases", headers=token_of(support.agent)).get_json()

    assert [case["id"] for case in listed["items"]] == [escalated["id"]]


def test_a_customer_sees_their_own_case_with_its_timeline(client, escalated, support,
                                                         token_of):
    headers = token_of(support.customer)

    listed = client.get("/api/v1/cases", headers=headers).get_json()
    detail = client.get(f"/api/v1/cases/{escalated['id']}", headers=headers).get_json()

    assert listed["total"] == 1
    assert [event["kind"] for event in detail["events"]] == ["opened"]  # not who is on it


def test_another_member_sees_no_case_and_cannot_open_it(client, escalated, support, token_of):
    headers = token_of(support.helper)

    listed = client.get("/api/v1/cases", headers=headers).get_json()
    detail = client.get(f"/api/v1/cases/{escalated['id']}", headers=headers)

    assert listed["total"] == 0 and detail.status_code == 404


def test_a_moderator_who_escalated_is_not_an_agent(client, escalated, support, token_of):
    response = client.get(f"/api/v1/cases/{escalated['id']}",
                          headers=token_of(support.moderator))

    assert response.status_code == 404


def test_a_bad_status_filter_is_a_422_by_field(client, support, token_of):
    response = client.get("/api/v1/cases?status=lost", headers=token_of(support.agent))

    assert response.status_code == 422 and "status" in str(response.get_json()["errors"])


def test_the_cases_api_needs_a_token(client):
    assert client.get("/api/v1/cases").status_code == 401


def test_a_customer_never_sees_internal_notes_through_the_api(app, client, escalated, support,
                                                              token_of):
    from app.accounts.models import User
    from app.extensions import db
    from escalate import work
    from escalate.models import Case

    with app.app_context():
        agent_id = db.session.get(Case, escalated["id"]).assignee_id
        work.reply(escalated["id"], db.session.get(User, agent_id), "Known issue, see JIRA-12.",
                   "internal")

    mine = client.get(f"/api/v1/cases/{escalated['id']}", headers=token_of(support.customer))
    agents = client.get(f"/api/v1/cases/{escalated['id']}", headers=token_of(support.agent))

    assert "reply_internal" not in [event["kind"] for event in mine.get_json()["events"]]
    assert "reply_internal" in [event["kind"] for event in agents.get_json()["events"]]
    assert mine.get_json()["thread_title"] == agents.get_json()["thread_title"]
