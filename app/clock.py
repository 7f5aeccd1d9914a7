"""Peerdesk stores naive UTC datetimes; this is the one clock every package reads."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def epoch_seconds(moment: datetime) -> float:
    return moment.replace(tzinfo=UTC).timestamp()
