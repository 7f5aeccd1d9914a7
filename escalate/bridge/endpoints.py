"""Admins' verbs on webhook endpoints: add, change, remove, and the deliveries to show.

A URL must be http(s) with a host; the secret at least 16 characters (the receiver checks
signatures with it, so a guessable one would let anyone forge them). The endpoint from
the settings is changed in the settings, not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from flask_babel import gettext as _
from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from app.accounts.models import User
from app.extensions import db
from app.permissions import can
from escalate.bridge import signing
from escalate.bridge.models import DeliveryStatus, OutboxMessage, WebhookEndpoint
from escalate.services import EscalationError

MIN_SECRET = 16


@dataclass(frozen=True)
class Fields:
    url: str | None = None
    secret: str | None = None
    events: list[str] | None = None
    active: bool | None = None


def all_endpoints() -> list[WebhookEndpoint]:
    return list(db.session.scalars(select(WebhookEndpoint).order_by(WebhookEndpoint.id)))


def add(admin: User, fields: Fields) -> WebhookEndpoint:
    _check_admin(admin)
    endpoint = WebhookEndpoint(url="", secret="", events=",".join(signing.EVENTS))
    _apply(endpoint, Fields(url=fields.url or "", secret=fields.secret or "",
                            events=fields.events or list(signing.EVENTS),
                            active=True if fields.active is None else fields.active))
    db.session.add(endpoint)
    db.session.commit()
    return endpoint


def change(admin: User, endpoint_id: int, fields: Fields) -> WebhookEndpoint:
    endpoint = _found(admin, endpoint_id)
    _apply(endpoint, fields)
    db.session.commit()
    return endpoint


def remove(admin: User, endpoint_id: int) -> None:
    endpoint = _found(admin, endpoint_id)
    db.session.delete(endpoint)
    db.session.commit()


def deliveries(endpoint_id: int | None = None,
               status: DeliveryStatus | None = None) -> Select:
    statement = (select(OutboxMessage).options(joinedload(OutboxMessage.endpoint))
                 .order_by(OutboxMessage.id.desc()))
    if endpoint_id is not None:
        statement = statement.where(OutboxMessage.endpoint_id == endpoint_id)
    if status is not None:
        statement = statement.where(OutboxMessage.status == status)
    return statement


def _apply(endpoint: WebhookEndpoint, fields: Fields) -> None:
    if fields.url is not None:
        parts = urlsplit(fields.url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise EscalationError(_("Give the full address, starting with https://."))
        endpoint.url = fields.url.strip()
    if fields.secret is not None:
        if len(fields.secret) < MIN_SECRET:
            raise EscalationError(_("Use a secret of at least %(least)d characters.",
                                    least=MIN_SECRET))
        endpoint.secret = fields.secret
    if fields.events is not None:
        unknown = sorted(set(fields.events) - set(signing.EVENTS))
        if unknown or not fields.events:
            raise EscalationError(_("Choose among: %(events)s.",
                                    events=", ".join(signing.EVENTS)))
        endpoint.events = ",".join(event for event in signing.EVENTS
                                   if event in fields.events)
    if fields.active is not None:
        endpoint.active = fields.active


def _found(admin: User, endpoint_id: int) -> WebhookEndpoint:
    _check_admin(admin)
    endpoint = db.session.get(WebhookEndpoint, endpoint_id)
    if endpoint is None:
        raise EscalationError(_("There is no such endpoint."), status=404)
    if endpoint.from_settings:
        raise EscalationError(_("This endpoint comes from PEERDESK_WEBHOOK_URL: change it "
                                "in the settings."), status=409)
    return endpoint


def _check_admin(user: User) -> None:
    if not can(user, "webhooks.manage"):
        raise EscalationError(_("Only admins manage webhooks."), status=403)
