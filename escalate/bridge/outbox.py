"""Writing the outbox: each new line of a case's timeline becomes one message per endpoint
that wants its event, in the same transaction as the change (an ``after_flush`` hook on
every session), so a change is never reported without happening, nor the reverse.

Every change to a case adds a line to its timeline (``CaseEvent``), whichever door it
came through (the console, the API, the thread, the sweep, the helpdesk itself), so
hooking the timeline covers them all. The message's body is fixed when it is written:
the case as it was then, and what changed.
"""

from __future__ import annotations

import json
from datetime import UTC
from uuid import uuid4

from flask import Flask, current_app
from sqlalchemy import event, select, update
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.web import external_url
from escalate.bridge import signing
from escalate.bridge.models import OutboxMessage, WebhookEndpoint
from escalate.models import CaseEvent
from escalate.schemas import CaseSchema

ENDPOINTS = WebhookEndpoint.__table__
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
        session.connection().execute(OutboxMessage.__table__.insert(), rows)


def _messages(session: Session, line: CaseEvent, endpoints: list) -> list[dict]:
    name = signing.event_of(line.kind, line.detail)
    wanted = [endpoint for endpoint in endpoints if name in endpoint.events.split(",")]
    if not wanted:
        return []
    occurred = (line.created_at or utcnow()).replace(tzinfo=UTC)
    body = {"event": name, "occurred_at": occurred.isoformat(),
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
    """The endpoint ``PEERDESK_WEBHOOK_URL`` names: created, or updated when the settings
    changed, once per process (the settings do not change while it runs)."""
    state = current_app.extensions.setdefault("bridge", {})
    url = current_app.config.get("WEBHOOK_URL") or ""
    secret = str(current_app.config.get("WEBHOOK_SECRET") or "")
    if state.get("followed") == (url, secret):
        return
    values = {"url": url, "secret": secret, "events": ",".join(signing.EVENTS),
              "active": bool(url and secret)}
    found = connection.execute(select(ENDPOINTS.c.id)
                               .where(ENDPOINTS.c.from_settings.is_(True))).scalar()
    if found is not None:
        connection.execute(update(ENDPOINTS).where(ENDPOINTS.c.id == found).values(**values))
    elif url and secret:
        connection.execute(ENDPOINTS.insert().values(from_settings=True, created_at=utcnow(),
                                                     **values))
    state["followed"] = (url, secret)


def init_app(app: Flask) -> None:
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)
