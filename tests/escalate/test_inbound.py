"""The helpdesk's signed requests: applied once; forged, stale and replayed ones refused."""

from __future__ import annotations

import json
import time

import pytest
from sqlalchemy import select

from app.extensions import db
from escalate.bridge import signing
from escalate.bridge.models import OutboxMessage
from escalate.models import Case
from escalate.rules import CaseStatus

SECRET = "the-helpdesk-shares-this-secret"
URL = "/api/v1/helpdesk/events"


@pytest.fixture
def helpdesk(app, client):
    app.config.update(WEBHOOK_SECRET=SECRET)

    def send(payload: dict, *, secret: str = SECRET, at: int | None = None):
        body = json.dumps(payload).encode()
        header = signing.sign(secret, at or int(time.time()), body)
        return client.post(URL, data=body, content_type="application/json",
                           headers={signing.HEADER: header})

    return send


def case_of(app, case_id) -> Case:
    with app.app_context():
        case = db.session.get(Case, case_id)
        db.session.expunge(case)
        return case


def test_a_signed_request_changes_the_case(app, helpdesk, support, open_case):
    case_id, _agent, _thread = open_case

    response = helpdesk({"id": "evt-1", "case_id": case_id, "agent": "agnes",
                         "status": "pending", "reply": {"body": "Which model do you have?",
                                                        "kind": "private"}})

    assert response.status_code == 200, response.get_json()
    assert case_of(app, case_id).status == CaseStatus.PENDING
    assert [e["kind"] for e in response.get_json()["events"]][-2:] == ["status",
                                                                       "reply_private"]


def test_a_forged_signature_is_refused_and_changes_nothing(app, helpdesk, open_case):
    case_id, _agent, _thread = open_case

    response = helpdesk({"id": "evt-1", "case_id": case_id, "agent": "agnes",
                         "status": "solved"}, secret="a-guess-at-the-secret-value")

    assert response.status_code == 401
    assert case_of(app, case_id).status == CaseStatus.NEW


def test_an_unsigned_request_is_refused(app, client, helpdesk, open_case):
    case_id, _agent, _thread = open_case

    response = client.post(URL, json={"id": "evt-1", "case_id": case_id, "agent": "agnes",
                                      "status": "solved"})

    assert response.status_code == 401
    assert case_of(app, case_id).status == CaseStatus.NEW


def test_a_replayed_request_is_refused(app, helpdesk, open_case):
    case_id, _agent, _thread = open_case
    payload = {"id": "evt-7", "case_id": case_id, "agent": "agnes", "priority": "high"}
    assert helpdesk(payload).status_code == 200

    again = helpdesk({**payload, "priority": "low"})

    assert again.status_code == 409
    assert case_of(app, case_id).priority.value == "high"


def test_a_request_signed_long_ago_is_refused(app, helpdesk, open_case):
    case_id, _agent, _thread = open_case

    response = helpdesk({"id": "evt-1", "case_id": case_id, "agent": "agnes",
                         "status": "solved"}, at=int(time.time()) - 3600)

    assert response.status_code == 401 and "too old" in response.get_json()["detail"]


def test_a_refused_change_can_be_fixed_and_sent_again_with_its_id(app, helpdesk, open_case):
    case_id, _agent, _thread = open_case
    payload = {"id": "evt-9", "case_id": case_id, "agent": "henrik", "status": "pending"}

    assert helpdesk(payload).status_code == 422  # henrik is no agent
    fixed = helpdesk({**payload, "agent": "agnes"})

    assert fixed.status_code == 200 and case_of(app, case_id).status == CaseStatus.PENDING


def test_a_request_without_a_change_is_a_422(helpdesk, open_case):
    case_id, _agent, _thread = open_case

    response = helpdesk({"id": "evt-1", "case_id": case_id, "agent": "agnes"})

    assert response.status_code == 422


def test_the_helpdesks_own_changes_reach_the_outbox_marked_as_its_own(app, helpdesk,
                                                                      open_case):
    case_id, _agent, _thread = open_case
    app.config.update(WEBHOOK_URL="http://127.0.0.1:9/hooks")

    helpdesk({"id": "evt-1", "case_id": case_id, "agent": "agnes", "priority": "urgent"})

    with app.app_context():
        [message] = db.session.scalars(select(OutboxMessage)).all()
        assert json.loads(message.payload)["origin"] == "helpdesk"


def test_with_no_secret_inbound_requests_are_off(app, client, open_case):
    case_id, _agent, _thread = open_case

    response = client.post(URL, json={"id": "e", "case_id": case_id, "agent": "agnes",
                                      "status": "solved"})

    assert response.status_code == 404


@pytest.mark.parametrize("header", [
    "t=\u00b2,v1=" + "a" * 64,  # a digit to str.isdigit, not to int()
    "t=" + "9" * 5000 + ",v1=" + "a" * 64,
    "t=1,v1=\u00e9",
    "v1=abc",
    "nonsense",
])
def test_a_malformed_signature_is_refused_not_a_crash(client, helpdesk, open_case, header):
    case_id, _agent, _thread = open_case
    body = json.dumps({"id": "e", "case_id": case_id, "agent": "agnes", "status": "solved"})

    response = client.post(URL, data=body.encode(), content_type="application/json",
                           headers={signing.HEADER: header.encode("utf-8").decode("latin-1")})

    assert response.status_code == 401


def test_an_admin_name_does_not_act_through_the_bridge(app, helpdesk, support, open_case):
    case_id, _agent, _thread = open_case

    response = helpdesk({"id": "evt-1", "case_id": case_id, "agent": "boss",
                         "status": "solved"})

    assert response.status_code == 422
    assert case_of(app, case_id).status == CaseStatus.NEW
