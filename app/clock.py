"""Peerdesk stores naive UTC datetimes; this is the one clock every package reads."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def epoch_seconds(moment: datetime) -> float:
    return moment.replace(tzinfo=UTC).timestamp()


def rfc3339(moment: datetime) -> str:
    """``moment`` (naive UTC, or aware) as RFC 3339 with its offset, to the second, as the
    API, JSON-LD, sitemaps and webhooks send it: a client reading a time without an offset
    takes it for its own local time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")
