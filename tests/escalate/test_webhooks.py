"""The outbox against a local receiver that is up, down, slow and failing: every case
event arrives once per idempotency key, in order per case, once the receiver is back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db
from escalate import services, work
from escalate.bridge import delivery, signing
from escalate.bridge.models import DeliveryStatus, OutboxMessage, WebhookEndpoint
from escalate.rules import CaseStatus, Reason
from tests.support.receiver import Receiver

SECRET = "a-long-shared-secret-0123456789"


@pytest.fixture
def receiver(app):
    found = Receiver(SECRET, delay=0.8)
    app.config.update(WEBHOOK_URL=found.url, WEBHOOK_SECRET=SECRET, WEBHOOK_TIMEOUT=0.3)
    yield found
    found.close()


@pytest.fixture
def two_cases(app, make, support, receiver):
    """Two escalated questions, each with a few events: opened, replied, solved."""
    ids = []
    for title in ("My earbuds stopped charging", "The left earbud is silent"):
        thread = make.thread(support.customer, support.area, title=title)
        with app.app_context():
            case = services.escalate(thread.id, services.Request(Reason.CONTACT))
            agent = db.session.get(User, case.assignee_id)
            work.reply(case.id, agent, "Please send us your order number.", "private")
            work.set_status(case.id, agent, CaseStatus.SOLVED)
            ids.append(case.id)
    return ids


def messages(app) -> list[OutboxMessage]:
    with app.app_context():
        found = list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
        db.session.expunge_all()
        return found


def run(app, after=timedelta(0)):
    with app.app_context():
        return delivery.deliver_due(utcnow() + after)


def in_order_per_case(payloads: list[dict]) -> dict[int, list[str]]:
    by_case: dict[int, list[str]] = {}
    for payload in payloads:
        by_case.setdefault(payload["case"]["id"], []).append(payload["event"])
    return by_case


def test_each_case_event_is_written_to_the_outbox_with_the_change(app, two_cases):
    written = messages(app)

    assert [m.event for m in written if m.case_id == two_cases[0]] == [
        "case.opened", "case.updated", "case.replied", "case.solved"]  # updated: assigned
    assert all(m.status == DeliveryStatus.PENDING and m.attempts == 0 for m in written)


def test_no_endpoint_no_outbox(app, make, support):
    thread = make.thread(support.customer, support.area)
    with app.app_context():
        services.escalate(thread.id, services.Request(Reason.CONTACT))

    assert messages(app) == []


def test_a_receiver_that_is_up_gets_every_event_signed_once(app, receiver, two_cases):
    tally = run(app)

    assert tally.done == len(messages(app)) and receiver.bad_signatures == 0
    assert sorted(receiver.keys()) == sorted(m.idempotency_key for m in messages(app))
    assert all(m.status == DeliveryStatus.DELIVERED for m in messages(app))
    assert in_order_per_case(receiver.accepted)[two_cases[1]][0] == "case.opened"


def test_a_receiver_that_is_down_gets_everything_in_order_when_back(app, receiver,
                                                                    two_cases):
    receiver.go_down()
    run(app)
    waiting = messages(app)
    assert [m.attempts for m in waiting].count(1) == 1  # one try, then the rest wait
    assert all(m.status == DeliveryStatus.PENDING for m in waiting)

    receiver.recover()
    run(app, after=timedelta(minutes=1))

    assert sorted(receiver.keys()) == sorted(m.idempotency_key for m in waiting)
    events = in_order_per_case(receiver.accepted)
    assert events[two_cases[0]] == ["case.opened", "case.updated", "case.replied",
                                    "case.solved"]


def test_a_failing_receiver_is_tried_again_later_and_later(app, receiver, two_cases):
    receiver.mode = "error"
    run(app)
    first = next(m for m in messages(app) if m.attempts)
    assert first.last_status_code == 500
    assert first.next_attempt_at - utcnow() <= signing.retry_after(1)

    run(app, after=signing.retry_after(1) + timedelta(seconds=1))
    again = next(m for m in messages(app) if m.id == first.id)
    assert again.attempts == 2
    assert again.next_attempt_at - utcnow() > signing.retry_after(1)

    receiver.mode = "ok"
    run(app, after=timedelta(hours=7))
    assert len(receiver.keys()) == len(messages(app))
    assert all(m.status == DeliveryStatus.DELIVERED for m in messages(app))


def test_a_slow_receiver_gets_each_key_once_though_it_was_sent_twice(app, receiver,
                                                                      two_cases):
    receiver.mode = "slow"
    run(app)  # the first request times out; the receiver takes it late
    receiver.mode = "ok"

    run(app, after=timedelta(minutes=1))
    receiver.wait_idle()

    assert receiver.received > len(receiver.keys())  # a copy came twice...
    assert sorted(receiver.keys()) == sorted(m.idempotency_key for m in messages(app))
    events = in_order_per_case(receiver.accepted)
    assert all(events[case][0] == "case.opened" and events[case][-1] == "case.solved"
               for case in two_cases)


def test_after_every_attempt_a_delivery_is_given_up_and_can_be_sent_again(app, receiver,
                                                                         two_cases):
    receiver.mode = "error"
    for attempt in range(signing.MAX_ATTEMPTS):
        run(app, after=timedelta(hours=7 * (attempt + 1)))
    given_up = [m for m in messages(app) if m.status == DeliveryStatus.GAVE_UP]
    assert given_up and all(m.attempts == signing.MAX_ATTEMPTS for m in given_up)

    with app.app_context():
        assert delivery.send_again(given_up[0].id).status == DeliveryStatus.PENDING


def test_the_settings_endpoint_follows_the_settings(app, receiver, two_cases):
    with app.app_context():
        [endpoint] = db.session.scalars(select(WebhookEndpoint)).all()
        assert endpoint.from_settings and endpoint.url == receiver.url
        assert endpoint.event_list == list(signing.EVENTS)


def test_a_given_up_delivery_holds_its_cases_later_events_until_sent_again(app, receiver,
                                                                          two_cases):
    receiver.mode = "error"
    for attempt in range(signing.MAX_ATTEMPTS):
        run(app, after=timedelta(hours=7 * (attempt + 1)))
    receiver.mode = "ok"
    run(app, after=timedelta(days=5))
    assert receiver.keys() == []  # "opened" was given up: nothing after it may go first

    with app.app_context():
        for message in messages(app):
            delivery.send_again(message.id)
    run(app, after=timedelta(days=5))

    events = in_order_per_case(receiver.accepted)
    assert events[two_cases[0]] == ["case.opened", "case.updated", "case.replied",
                                    "case.solved"]


def test_a_paused_endpoint_gets_nothing_until_resumed(app, receiver, two_cases):
    with app.app_context():
        endpoint = db.session.scalars(select(WebhookEndpoint)).one()
        endpoint.from_settings, endpoint.active = False, False
        db.session.commit()
    app.config.update(WEBHOOK_URL="")

    run(app)

    assert receiver.received == 0
    assert all(m.attempts == 0 for m in messages(app))
