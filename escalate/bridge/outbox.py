"""Writing the outbox: each new line of a case's timeline becomes one message per endpoint
that wants its event, in the same transaction as the change (an ``after_flush`` hook on
every session), so a change is never reported without happening, nor the reverse.

Every change to a case adds a line to its timeline (``CaseEvent``), whichever door it
came through (the console, the API, the thread, the sweep, the helpdesk itself), so
hooking the timeline covers them all. The message's body is fixed when it is written:
the case as it is at the end of that flush, and what changed.
"""

from __future__ import annotations

import json
from uuid import uuid4

from flask import Flask, current_app
from sqlalchemy import event, select, update
from sqlalchemy.orm import Session

from app.clock import rfc3339, utcnow
from app.web import external_url
from escalate.bridge import signing
from escalate.bridge.models import OutboxMessage, WebhookEndpoint
from escalate.models import Case, CaseEvent
from escalate.schemas import CaseSchema

ENDPOINTS = WebhookEndpoint.__table__
CASES = Case.__table__
ORIGIN = "bridge_origin"  # session.info key: "helpdesk" while applying an inbound request


def _after_flush(session: Session, _context) -> None:
    new = [obj for obj in session.new if isinstance(obj, CaseEvent)]
    if not new:
        return
    with session.no_autoflush:
        endpoints = _endpoints(session)
        rows = [row for line in sorted(new, key=lambda line: line.id)
                for row in _messages(session, line, endpoints)]
    if rows:
        _in_commit_order(session, {row["case_id"] for row in rows})
        session.connection().execute(OutboxMessage.__table__.insert(), rows)


def _in_commit_order(session: Session, case_ids: set[int]) -> None:
    """Outbox ids must follow commit order per case, or the job could send a later event
    while an earlier one is still uncommitted. PostgreSQL: lock the cases first, so a
    second writer of the same case takes its ids after this transaction commits. SQLite
    has one writer at a time, so its ids follow commits already."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(select(CASES.c.id).where(CASES.c.id.in_(sorted(case_ids)))
                           .order_by(CASES.c.id).with_for_update())


def _messages(session: Session, line: CaseEvent, endpoints: list) -> list[dict]:
    name = signing.event_of(line.kind, line.detail)
    wanted = [endpoint for endpoint in endpoints if name in endpoint.events.split(",")]
    if not wanted:
        return []
    body = {"event": name, "occurred_at": rfc3339(line.created_at or utcnow()),
            "origin": session.info.get(ORIGIN, "peerdesk"),
            "case": {**CaseSchema().dump(line.case),
                     "thread_url": external_url("community.thread",
                                                thread_id=line.case.thread_id)},
            "change": {"kind": line.kind, "detail": line.detail,
                       "actor": line.actor.username if line.actor else None,
                       "post_id": line.post_id, "body_html": line.body_html}}
    now = utcnow()
    rows = []
    for endpoint in wanted:
        key = uuid4().hex
        rows.append({"endpoint_id": endpoint.id, "case_id": line.case.id, "event": name,
                     "idempotency_key": key, "payload": json.dumps({"id": key, **body}),
                     "status": "pending", "attempts": 0, "created_at": now,
                     "next_attempt_at": now})
    return rows


def _endpoints(session: Session) -> list:
    connection = session.connection()
    _follow_settings(connection)
    return list(connection.execute(select(ENDPOINTS.c.id, ENDPOINTS.c.events)
                                   .where(ENDPOINTS.c.active.is_(True))))


def _follow_settings(connection) -> None:
    """Keep the endpoint ``PEERDESK_WEBHOOK_URL`` names in step with the settings, in the
    transaction of the change (so a rollback undoes it too); two workers creating it at
    once make one (a partial unique index)."""
    url = current_app.config.get("WEBHOOK_URL") or ""
    secret = str(current_app.config.get("WEBHOOK_SECRET") or "")
    found = connection.execute(select(ENDPOINTS.c.id, ENDPOINTS.c.url, ENDPOINTS.c.secret,
                                      ENDPOINTS.c.active)
                               .where(ENDPOINTS.c.from_settings.is_(True))).first()
    wanted = {"url": url, "secret": secret, "active": bool(url and secret)}
    if found is not None:
        if (found.url, found.secret, found.active) != (url, secret, wanted["active"]):
            connection.execute(update(ENDPOINTS).where(ENDPOINTS.c.id == found.id)
                               .values(**wanted))
    elif url and secret:
        statement = (insert_for(connection)(ENDPOINTS)
                     .values(from_settings=True, created_at=utcnow(),
                             events=",".join(signing.EVENTS), **wanted)
                     .on_conflict_do_nothing(index_elements=["from_settings"],
                                             index_where=ENDPOINTS.c.from_settings))
        connection.execute(statement)


def insert_for(connection):
    from sqlalchemy.dialects import postgresql, sqlite

    return postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert


def init_app(app: Flask) -> None:
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)
