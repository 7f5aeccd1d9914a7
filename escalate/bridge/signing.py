"""The bridge's pure rules: how a webhook is signed and checked, when a failed delivery is
tried again, and which webhook event a timeline line is. No app needed.

**Signature** (Stripe's scheme, which helpdesks already know how to check): the header
``Peerdesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">``. The time is
signed with the body, so a captured request cannot be sent again later: a receiver
refuses one older than ``TOLERANCE`` (5 minutes), and remembers the ids it has seen.

**Back-off**: 30 s after the first failure, doubling each time, at most 6 hours apart;
after ``MAX_ATTEMPTS`` (12, about a day and a half in all) the delivery is given up and
an admin sees it, and may send it again.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from datetime import timedelta

HEADER = "Peerdesk-Signature"
TOLERANCE = timedelta(minutes=5)
FIRST_RETRY = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=6)
MAX_ATTEMPTS = 12

OPENED, UPDATED, REPLIED, SOLVED = "case.opened", "case.updated", "case.replied", "case.solved"
EVENTS = (OPENED, UPDATED, REPLIED, SOLVED)


TIMESTAMP = re.compile(r"[0-9]{1,12}")  # ASCII digits only: "²".isdigit() is True
DIGEST = re.compile(r"[0-9a-f]{64}")


class BadSignature(Exception):
    """Why a request's signature is refused (missing, malformed, wrong, too old)."""


def sign(secret: str, timestamp: int, body: bytes) -> str:
    return f"t={timestamp},v1={_digest(secret, timestamp, body)}"


def verify(secret: str, header: str | None, body: bytes, now: int,
           tolerance: timedelta = TOLERANCE) -> int:
    """The signed time, if ``header`` signs ``body`` with ``secret`` and is recent enough;
    else :class:`BadSignature` saying why."""
    if not header:
        raise BadSignature("the request is not signed")
    parts = dict(part.strip().split("=", 1) for part in header.split(",") if "=" in part)
    timestamp, given = parts.get("t", ""), parts.get("v1", "")
    if not TIMESTAMP.fullmatch(timestamp) or not DIGEST.fullmatch(given):
        raise BadSignature("the signature header is malformed")
    if not hmac.compare_digest(_digest(secret, int(timestamp), body).encode(), given.encode()):
        raise BadSignature("the signature does not match")
    if abs(now - int(timestamp)) > tolerance.total_seconds():
        raise BadSignature("the signature is too old")
    return int(timestamp)


def _digest(secret: str, timestamp: int, body: bytes) -> str:
    signed = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def retry_after(attempts: int) -> timedelta:
    """The wait after the ``attempts``-th failure (1, 2, ...)."""
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_WAIT)


def event_of(kind: str, detail: str = "") -> str:
    """The webhook event for a timeline line (``CaseEvent.kind``)."""
    if kind == "opened":
        return OPENED
    if kind in ("reply_public", "reply_private", "customer_reply"):
        return REPLIED
    if kind == "status" and detail == "solved":
        return SOLVED
    return UPDATED
