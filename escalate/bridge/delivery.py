"""Delivering the outbox (the ``webhook-delivery`` job): each due message is posted to its
endpoint, signed, with its idempotency key; a 2xx answer delivers it, anything else (an
error status, a refused connection, no answer within ``WEBHOOK_TIMEOUT``) counts an
attempt and sets the next one by ``signing.retry_after``.

**In order per case**: a message waits while an older one for the same case and endpoint
is still pending or was given up (until an admin sends it again), so a receiver never
hears "solved" before "opened"; a run goes in rounds, so a case's five events still
leave in one run. **An endpoint that is down** is
not asked again in the same run: its other messages keep their attempts for when it is
back.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime

import requests
from flask import current_app
from sqlalchemy import delete, exists, select
from sqlalchemy.orm import aliased

from app.clock import utcnow
from app.extensions import db
from app.jobs import items
from escalate.bridge import signing
from escalate.bridge.models import (
    DeliveryStatus,
    InboundEvent,
    OutboxMessage,
    WebhookEndpoint,
)

log = logging.getLogger(__name__)
JOB = "webhook-delivery"
RUN_SECONDS = 240  # the job's lease is 5 minutes: a run ends before another may start
ERROR_SAMPLE = 200


def deliver_due(now: datetime | None = None) -> items.Tally:
    """Deliver in rounds: each round sends the first waiting message of every case, so a
    case's next event goes out in the same run once the one before it is delivered. A run
    stops after ``RUN_SECONDS``, well inside its lease, however slow the endpoints."""
    now = now or utcnow()
    down: set[int] = set()
    total = items.Tally()
    budget = current_app.config["WEBHOOK_BATCH"]
    deadline = time.monotonic() + RUN_SECONDS

    def handle(message_id: int) -> None:
        message = db.session.get(OutboxMessage, message_id)
        if message is None or message.endpoint_id in down or time.monotonic() > deadline:
            return  # removed with its endpoint meanwhile, or left for the next run
        if not attempt(message, now):
            down.add(message.endpoint_id)

    while budget > 0 and time.monotonic() < deadline:
        heads = _due(now, down, budget)
        if not heads:
            break
        tally = items.each(heads, handle, job=JOB, record=_record_failure)
        total.done, total.failed = total.done + tally.done, total.failed + tally.failed
        budget -= len(heads)
    _forget_old_inbound(now)
    return total


def _due(now: datetime, down: set[int], limit: int) -> list[int]:
    """The pending messages whose time has come and that are first in line for their
    case and endpoint, oldest first: an older one still pending or given up holds the
    later ones back, so a receiver never hears them out of order. None for an endpoint
    paused by an admin or found down in this run."""
    earlier = aliased(OutboxMessage)
    ahead = exists().where(earlier.endpoint_id == OutboxMessage.endpoint_id,
                           earlier.case_id == OutboxMessage.case_id,
                           earlier.id < OutboxMessage.id,
                           earlier.status != DeliveryStatus.DELIVERED)
    return list(db.session.scalars(
        select(OutboxMessage.id)
        .join(WebhookEndpoint, WebhookEndpoint.id == OutboxMessage.endpoint_id)
        .where(OutboxMessage.status == DeliveryStatus.PENDING,
               OutboxMessage.next_attempt_at <= now, ~ahead,
               WebhookEndpoint.active.is_(True),
               OutboxMessage.endpoint_id.not_in(down))
        .order_by(OutboxMessage.id).limit(limit)))


def attempt(message: OutboxMessage, now: datetime) -> bool:
    """Post the message once and record what happened (the caller commits); whether the
    endpoint answered at all."""
    endpoint = message.endpoint
    body = message.payload.encode()
    headers = {"Content-Type": "application/json", "User-Agent": "Peerdesk-Webhooks/1",
               "Idempotency-Key": message.idempotency_key, "Peerdesk-Event": message.event,
               signing.HEADER: signing.sign(endpoint.secret, int(time.time()), body)}
    message.attempts += 1
    try:
        with requests.post(endpoint.url, data=body, headers=headers, stream=True,
                           timeout=current_app.config["WEBHOOK_TIMEOUT"],
                           allow_redirects=False) as response:
            code = response.status_code
            sample = "" if 200 <= code < 300 else _sample(response)
    except requests.RequestException as error:
        _failed(message, now, f"{type(error).__name__}: {error}", None)
        return False
    if 200 <= code < 300:
        message.status, message.delivered_at = DeliveryStatus.DELIVERED, now
        message.last_status_code, message.last_error = code, None
    else:
        _failed(message, now, f"HTTP {code}: {sample}", code)
    return True


def _sample(response) -> str:
    """The start of an error page, for the admin: never the whole of a huge body."""
    raw = next(response.iter_content(ERROR_SAMPLE), b"")
    return raw.decode("utf-8", "replace")


def _failed(message: OutboxMessage, now: datetime, error: str, code: int | None) -> None:
    message.last_error, message.last_status_code = error[:1000], code
    if message.attempts >= signing.MAX_ATTEMPTS:
        message.status = DeliveryStatus.GAVE_UP
        log.warning("webhook %s to %s given up: %s", message.id, message.endpoint.url, error)
    else:
        message.next_attempt_at = now + signing.retry_after(message.attempts)


def _record_failure(message_id: int, error: str) -> None:
    """Our own failure (not the endpoint's): counted like one, so it cannot loop."""
    message = db.session.get(OutboxMessage, message_id)
    if message is None:
        return
    message.attempts += 1
    _failed(message, utcnow(), error, None)


def _forget_old_inbound(now: datetime) -> None:
    """Inbound ids older than the signature's tolerance cannot come back (their signature
    is too old), so they need not be kept."""
    db.session.execute(delete(InboundEvent).where(
        InboundEvent.received_at < now - 2 * signing.TOLERANCE))
    db.session.commit()


def send_again(message_id: int) -> OutboxMessage | None:
    """An admin's "send again" for a message given up: pending now, attempts from zero."""
    message = db.session.get(OutboxMessage, message_id)
    if message is None or message.status != DeliveryStatus.GAVE_UP:
        return None
    message.status, message.attempts, message.next_attempt_at = \
        DeliveryStatus.PENDING, 0, utcnow()
    db.session.commit()
    return message
