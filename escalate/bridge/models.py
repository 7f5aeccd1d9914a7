"""The bridge's data: where webhooks go, what waits to be delivered, and which inbound
requests were already received."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.clock import utcnow
from app.extensions import db, string_enum


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # waiting for its turn, or for its next attempt
    DELIVERED = "delivered"
    GAVE_UP = "gave_up"  # failed MAX_ATTEMPTS times; an admin may send it again


class WebhookEndpoint(db.Model):
    """A receiver of case events. ``events`` lists the wanted ones ("case.opened,
    case.solved"); the one from ``PEERDESK_WEBHOOK_URL`` is ``from_settings`` and follows
    the settings."""

    __tablename__ = "webhook_endpoints"
    __table_args__ = (  # one endpoint from the settings, however many workers start at once
        Index("uq_webhook_endpoints_settings", "from_settings", unique=True,
              sqlite_where=text("from_settings"), postgresql_where=text("from_settings")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(500))
    secret: Mapped[str] = mapped_column(String(200))
    events: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    from_settings: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def event_list(self) -> list[str]:
        return [name for name in self.events.split(",") if name]

    @property
    def secret_hint(self) -> str:
        return f"…{self.secret[-4:]}" if len(self.secret) > 8 else "…"


class OutboxMessage(db.Model):
    """One event for one endpoint, written in the transaction of the change it reports."""

    __tablename__ = "webhook_outbox"
    __table_args__ = (
        Index("ix_webhook_outbox_due", "status", "next_attempt_at"),
        Index("ix_webhook_outbox_case", "endpoint_id", "case_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    endpoint_id: Mapped[int] = mapped_column(
        ForeignKey("webhook_endpoints.id", ondelete="CASCADE"))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    event: Mapped[str] = mapped_column(String(32))
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    payload: Mapped[str] = mapped_column(Text)  # the exact JSON body, signed as is
    status: Mapped[DeliveryStatus] = mapped_column(
        string_enum(DeliveryStatus, "delivery_status"), default=DeliveryStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    delivered_at: Mapped[datetime | None]
    last_status_code: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(String(1000))

    endpoint: Mapped[WebhookEndpoint] = relationship()


class InboundEvent(db.Model):
    """An inbound request's id, kept so the same request is never applied twice."""

    __tablename__ = "webhook_inbound_events"

    event_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
