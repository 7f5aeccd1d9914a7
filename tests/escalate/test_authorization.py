"""Who may do what to a case, route by route: a member sees only their own cases; an
agent reads every case but changes only their teams' ones; an admin changes any."""

from __future__ import annotations

import pytest

from app.extensions import db
from escalate.models import Case
from escalate.rules import CaseStatus

HTML_CHANGES = [
    ("/replies", {"body": "Try this.", "kind": "internal"}),
    ("/status", {"status": "pending"}),
    ("/changes", {"priority": "high", "assignee": "", "tags": "x"}),
    ("/solve", {"post_id": "1"}),
]


def status_of(app, case_id):
    with app.app_context():
        case = db.session.get(Case, case_id)
        return case.status, case.priority, len(case.events)


@pytest.mark.parametrize(("path", "data"), HTML_CHANGES)
def test_an_agent_of_another_team_cannot_change_the_case(app, client, sign_in, open_case,
                                                         post_form, path, data):
    case_id, _agent, _thread = open_case
    before = status_of(app, case_id)
    sign_in("olga")

    response = post_form(f"/cases/{case_id}{path}", data, form_page=f"/cases/{case_id}")

    assert response.status_code == 403
    assert status_of(app, case_id) == before


def test_another_teams_agent_reads_the_case_without_its_forms(client, sign_in, open_case):
    case_id, _agent, _thread = open_case
    sign_in("olga")

    page = client.get(f"/cases/{case_id}").get_data(as_text=True)

    assert "belongs to another team" in page and f"/cases/{case_id}/replies" not in page


@pytest.mark.parametrize(("path", "data"), HTML_CHANGES[:3])
def test_an_admin_changes_any_case(app, client, sign_in, open_case, post_form, path, data):
    case_id, _agent, _thread = open_case
    before = status_of(app, case_id)
    sign_in("boss")

    response = post_form(f"/cases/{case_id}{path}", data, form_page=f"/cases/{case_id}")

    assert response.status_code == 302 and status_of(app, case_id) != before


@pytest.mark.parametrize(("method", "path", "body"), [
    ("patch", "", {"status": "pending"}),
    ("post", "/replies", {"body": "Try this.", "kind": "internal"}),
])
def test_the_api_refuses_another_teams_agent(app, client, support, open_case, token_of,
                                             method, path, body):
    case_id, _agent, _thread = open_case
    before = status_of(app, case_id)

    response = getattr(client, method)(f"/api/v1/cases/{case_id}{path}", json=body,
                                       headers=token_of(support.outsider))

    assert response.status_code == 403
    assert "another team" in response.get_json()["detail"]
    assert status_of(app, case_id) == before


@pytest.mark.parametrize(("method", "path", "body"), [
    ("get", "", None),
    ("patch", "", {"status": "pending"}),
    ("post", "/replies", {"body": "Try this.", "kind": "internal"}),
])
def test_a_member_gets_nothing_of_someone_elses_case(client, support, open_case, token_of,
                                                     method, path, body):
    case_id, _agent, _thread = open_case

    response = getattr(client, method)(f"/api/v1/cases/{case_id}{path}", json=body,
                                       headers=token_of(support.helper))

    assert response.status_code in (403, 404)
    assert "carla" not in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["", "/survey"])
def test_a_member_sees_no_page_of_someone_elses_case(client, sign_in, open_case, path):
    case_id, _agent, _thread = open_case
    sign_in("henrik")

    response = client.get(f"/cases/{case_id}{path}")

    assert response.status_code in (403, 404)


def test_my_cases_lists_only_the_members_own(client, sign_in, make, support, open_case):
    case_id, _agent, _thread = open_case
    sign_in("carla")

    page = client.get("/cases/my").get_data(as_text=True)

    assert f"/cases/{case_id}" in page and "My earbuds stopped charging" in page


def test_my_cases_is_empty_for_a_member_without_cases(client, sign_in, open_case):
    sign_in("henrik")

    page = client.get("/cases/my").get_data(as_text=True)

    assert "You have no support cases" in page


def test_a_closed_case_takes_no_change(app, client, support, open_case, token_of):
    case_id, _agent, _thread = open_case
    headers = token_of(support.admin)
    for status in ("solved", "closed"):
        assert client.patch(f"/api/v1/cases/{case_id}", json={"status": status},
                            headers=headers).status_code == 200

    response = client.patch(f"/api/v1/cases/{case_id}", json={"priority": "low"},
                            headers=headers)

    assert response.status_code == 409
    assert status_of(app, case_id)[0] == CaseStatus.CLOSED
