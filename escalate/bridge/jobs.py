"""The bridge's scheduled job; idempotent (a message delivered twice carries the same
idempotency key)."""

from __future__ import annotations

from datetime import timedelta

from app.jobs import job
from escalate.bridge import delivery


@job("webhook-delivery", every=timedelta(minutes=1),
     why="Posts the outbox's case events to the helpdesk endpoints, signed, in order per "
         "case, retrying failed ones with exponential back-off.")
def deliver_webhooks() -> None:
    delivery.deliver_due()
