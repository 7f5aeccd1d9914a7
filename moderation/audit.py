"""The audit log: every staff action, who did it, to what, when, and what it changed.

Moderation's own services write their entries in the same transaction as the action
(:func:`record`), so an action and its entry commit together. Staff actions elsewhere
(role changes, knowledge-base approvals, staff editing someone's post) are recorded by
receivers of the signals those packages send (``moderation.receivers``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from app.extensions import db
from moderation.models import AuditEntry

SUMMARY_LENGTH = 300


def record(actor: Any, action: str, target_type: str, target_id: int | None,
           summary: str = "", *, before: dict | None = None,
           after: dict | None = None) -> AuditEntry:
    """Add an entry to the session (the caller commits). ``actor`` None is the system."""
    entry = AuditEntry(actor_id=getattr(actor, "id", None), action=action,
                       target_type=target_type, target_id=target_id,
                       summary=summary[:SUMMARY_LENGTH], before=_json(before),
                       after=_json(after))
    db.session.add(entry)
    return entry


def _json(state: dict | None) -> str | None:
    return json.dumps(state, ensure_ascii=False, default=str, sort_keys=True) if state else None


def state_of(entry: AuditEntry) -> tuple[dict, dict]:
    return (json.loads(entry.before) if entry.before else {},
            json.loads(entry.after) if entry.after else {})


@dataclass(frozen=True)
class Filters:
    actor_id: int | None = None
    action: str = ""  # a prefix: "item." or "item.approve"
    target_type: str = ""
    target_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None


def entries(filters: Filters) -> Select:
    """Newest first, with the actor loaded (for pagination)."""
    statement = select(AuditEntry).options(joinedload(AuditEntry.actor))
    if filters.actor_id:
        statement = statement.where(AuditEntry.actor_id == filters.actor_id)
    if filters.action:
        statement = statement.where(AuditEntry.action.startswith(filters.action,
                                                                 autoescape=True))
    if filters.target_type:
        statement = statement.where(AuditEntry.target_type == filters.target_type)
    if filters.target_id:
        statement = statement.where(AuditEntry.target_id == filters.target_id)
    if filters.since:
        statement = statement.where(AuditEntry.created_at >= filters.since)
    if filters.until:
        statement = statement.where(AuditEntry.created_at < filters.until)
    return statement.order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())


def actions() -> list[str]:
    return list(db.session.scalars(select(AuditEntry.action).distinct()
                                   .order_by(AuditEntry.action)))
