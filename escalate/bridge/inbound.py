"""The helpdesk's side of the bridge: a signed request that changes a case (status,
priority, tags) and/or replies on it, in the name of one of our agents.

Refused: a request without a valid signature from ``WEBHOOK_INBOUND_SECRET`` (by default
``WEBHOOK_SECRET``), one signed more than 5 minutes ago, and one whose ``id`` was already
received (a replay). The id is recorded before the change is made, so two copies sent at
once apply once; if the change is refused, the id is forgotten so the helpdesk may fix
and resend it. Changes made here reach the outbox marked ``"origin": "helpdesk"``, so the
helpdesk can tell its own echo.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from app.accounts.models import Role, User
from app.extensions import db
from escalate import work
from escalate.bridge import signing
from escalate.bridge.models import InboundEvent
from escalate.bridge.outbox import ORIGIN
from escalate.models import Case
from escalate.services import EscalationError


@dataclass(frozen=True)
class Request:
    event_id: str
    case_id: int
    agent: str
    changes: work.Changes
    reply_body: str | None = None
    reply_kind: str = "public"


def authenticate(body: bytes, header: str | None) -> None:
    secret = str(current_app.config.get("WEBHOOK_INBOUND_SECRET")
                 or current_app.config.get("WEBHOOK_SECRET") or "")
    if not secret:
        raise EscalationError(_("Inbound webhooks are off: no secret is set."), status=404)
    try:
        signing.verify(secret, header, body, now=int(time.time()))
    except signing.BadSignature as error:
        raise EscalationError(_("Refused: %(why)s.", why=str(error)), status=401) from error


def apply(request: Request) -> Case:
    """The changes, then the reply. If anything is refused the id is forgotten, so the
    helpdesk may resend the same request: the changes set values (a status, a priority,
    tags), so applying them again is harmless, and the reply is what was refused."""
    agent = db.session.scalar(select(User).where(User.username == request.agent))
    if agent is None or agent.role != Role.AGENT:  # admins act here, not through a bridge
        raise EscalationError(_("%(name)s is not an agent here.", name=request.agent))
    _remember(request)
    db.session.info[ORIGIN] = "helpdesk"
    try:
        case = work.change(request.case_id, agent, request.changes)
        if request.reply_body:
            case = work.reply(request.case_id, agent, request.reply_body, request.reply_kind)
    except Exception:
        db.session.rollback()
        _forget(request.event_id)
        raise
    finally:
        db.session.info.pop(ORIGIN, None)
    return case


def _remember(request: Request) -> None:
    db.session.add(InboundEvent(event_id=request.event_id))
    try:
        db.session.commit()
    except IntegrityError as error:
        db.session.rollback()
        raise EscalationError(_("This request was received already (id %(id)s).",
                                id=request.event_id), status=409) from error


def _forget(event_id: str) -> None:
    db.session.execute(delete(InboundEvent).where(InboundEvent.event_id == event_id))
    db.session.commit()
