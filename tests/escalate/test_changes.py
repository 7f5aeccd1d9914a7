"""An agent changes a case's priority, agent and tags, one case or many, on the page and
through the API; a bad value is explained and changes nothing."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.extensions import db
from community.models import Post
from escalate.models import Case
from escalate.rules import Priority


def case_row(app, case_id):
    with app.app_context():
        case = db.session.get(Case, case_id)
        db.session.expunge(case)
        return case


def test_a_new_priority_sets_new_due_times(app, client, support, open_case, token_of):
    case_id, _agent, _thread = open_case

    response = client.patch(f"/api/v1/cases/{case_id}", json={"priority": "urgent"},
                            headers=token_of(support.agent))

    assert response.status_code == 200 and response.get_json()["priority"] == "urgent"
    case = case_row(app, case_id)
    assert case.priority == Priority.URGENT
    assert case.first_response_due_at - case.opened_at == timedelta(hours=1)
    assert case.resolution_due_at - case.opened_at == timedelta(hours=4)


def test_tags_are_normalized_and_shown(client, support, open_case, token_of):
    case_id, _agent, _thread = open_case

    response = client.patch(f"/api/v1/cases/{case_id}", json={"tags": ["Refund", "billing",
                                                                      "refund"]},
                            headers=token_of(support.agent))

    assert response.get_json()["tags"] == ["refund", "billing"]


def test_a_bad_tag_is_explained_next_to_the_field_and_nothing_changes(
        app, client, sign_in, support, open_case, post_form):
    case_id, _agent, _thread = open_case
    sign_in("agnes")

    response = post_form(f"/cases/{case_id}/changes", {
        "priority": "high", "assignee": "", "tags": "billing, <script>"},
        form_page=f"/cases/{case_id}")

    assert response.status_code == 422
    assert "not &#34;&lt;script&gt;&#34;" in response.get_data(as_text=True) or \
        "&lt;script&gt;" in response.get_data(as_text=True)
    case = case_row(app, case_id)
    assert case.priority != Priority.HIGH and case.tags == ""


def test_cases_go_only_to_agents(app, client, support, open_case, token_of):
    case_id, assignee_id, _thread = open_case

    response = client.patch(f"/api/v1/cases/{case_id}",
                            json={"assignee": "henrik", "priority": "low"},
                            headers=token_of(support.agent))

    assert response.status_code == 422
    case = case_row(app, case_id)
    assert case.assignee_id == assignee_id and case.priority != Priority.LOW


def test_an_unknown_assignee_is_a_clear_422(client, support, open_case, token_of):
    case_id, _agent, _thread = open_case

    response = client.patch(f"/api/v1/cases/{case_id}", json={"assignee": "nobody-here"},
                            headers=token_of(support.agent))

    assert response.status_code == 422 and "nobody-here" in response.get_json()["detail"]


def test_null_unassigns(app, client, support, open_case, token_of):
    case_id, _agent, _thread = open_case

    response = client.patch(f"/api/v1/cases/{case_id}", json={"assignee": None},
                            headers=token_of(support.agent))

    assert response.status_code == 200 and response.get_json()["assignee"] is None
    assert case_row(app, case_id).assignee_id is None


def test_an_api_reply_in_public_is_posted_in_the_thread(app, client, support, open_case,
                                                        token_of):
    case_id, _agent, thread_id = open_case

    response = client.post(f"/api/v1/cases/{case_id}/replies", json={
        "body": "Reset it by holding both buttons for ten seconds.", "kind": "public"},
        headers=token_of(support.agent))

    assert response.status_code == 201
    assert response.get_json()["events"][-1]["kind"] == "reply_public"
    with app.app_context():
        assert db.session.scalar(select(Post.id).where(
            Post.thread_id == thread_id, Post.is_opening.is_(False))) is not None


def test_an_empty_api_reply_is_refused(client, support, open_case, token_of):
    case_id, _agent, _thread = open_case

    response = client.post(f"/api/v1/cases/{case_id}/replies", json={"body": "",
                                                                     "kind": "secret"},
                           headers=token_of(support.agent))

    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {"body", "kind"}


def test_bulk_assign_gives_every_ticked_case_to_the_agent(app, make, client, sign_in, support,
                                                          open_case, post_form):
    from escalate import services
    from escalate.rules import Reason

    case_id, _agent, _thread = open_case
    thread = make.thread(support.customer, support.area, title="My earbuds do not pair")
    with app.app_context():
        second = services.escalate(thread.id, services.Request(Reason.CONTACT)).id
    sign_in("agnes")

    response = post_form("/cases/assign", {"cases": [case_id, second],
                                           "assignee": str(support.other_agent.id)},
                         form_page="/cases/?view=all")

    assert response.status_code == 302
    assert {case_row(app, c).assignee_id for c in (case_id, second)} == \
        {support.other_agent.id}


def test_bulk_assign_with_another_teams_case_assigns_none(app, make, client, sign_in,
                                                          support, open_case, post_form):
    from escalate import services
    from escalate.rules import Reason

    case_id, assignee_id, _thread = open_case
    thread = make.thread(support.helper, support.billing_area,
                         title="I was charged twice this month")
    with app.app_context():
        billing = services.escalate(thread.id, services.Request(Reason.CONTACT)).id
    sign_in("otto")

    response = post_form("/cases/assign", {"cases": [case_id, billing],
                                           "assignee": str(support.other_agent.id)},
                         form_page="/cases/?view=all")

    assert response.status_code == 403
    assert case_row(app, case_id).assignee_id == assignee_id
    assert case_row(app, billing).assignee_id is None


def test_bulk_assign_without_ticked_cases_says_so(client, sign_in, support, open_case,
                                                  post_form):
    sign_in("agnes")

    response = post_form("/cases/assign", {"assignee": str(support.agent.id)},
                         form_page="/cases/?view=all")

    assert response.status_code == 422
    assert "Tick the cases to assign." in response.get_data(as_text=True)


def test_a_refused_status_undoes_the_priority_sent_with_it(app, client, support, open_case,
                                                         token_of):
    case_id, _agent, _thread = open_case

    refused = client.patch(f"/api/v1/cases/{case_id}",
                           json={"priority": "low", "status": "closed"},
                           headers=token_of(support.agent))
    assert refused.status_code == 409
    case = case_row(app, case_id)
    assert case.priority != Priority.LOW
    assert "priority now low" not in client.get(
        f"/api/v1/cases/{case_id}", headers=token_of(support.agent)).get_data(as_text=True)


def test_bulk_assign_takes_at_most_a_hundred_cases(app, client, sign_in, support, open_case,
                                                   post_form):
    case_id, assignee_id, _thread = open_case
    sign_in("agnes")

    response = post_form("/cases/assign", {"cases": [case_id, *range(10_000, 10_101)],
                                           "assignee": str(support.other_agent.id)},
                         form_page="/cases/?view=all")

    assert response.status_code == 422
    assert "at most 100 cases" in response.get_data(as_text=True)
    assert case_row(app, case_id).assignee_id == assignee_id
