"""The bridge's API shapes. Datetimes are RFC 3339 with an explicit UTC offset."""

from __future__ import annotations

from marshmallow import Schema, fields, validate, validates_schema
from marshmallow.exceptions import ValidationError

from app.api.schemas import JsonBoolean, UtcDateTime
from escalate.bridge.models import DeliveryStatus
from escalate.bridge.signing import EVENTS
from escalate.rules import CaseStatus, Priority
from escalate.work import KINDS


class EndpointSchema(Schema):
    id = fields.Integer(dump_only=True)
    url = fields.String(required=True, validate=validate.Length(min=1, max=500),
                        metadata={"example": "https://helpdesk.example.com/hooks/peerdesk"})
    secret = fields.String(required=True, load_only=True,
                           validate=validate.Length(min=16, max=200))
    secret_hint = fields.String(dump_only=True, metadata={"example": "…f3a9"})
    events = fields.List(fields.String(validate=validate.OneOf(EVENTS)),
                         attribute="event_list", data_key="events",
                         validate=validate.Length(min=1), metadata={"example": list(EVENTS)})
    active = JsonBoolean(load_default=True)
    from_settings = fields.Boolean(dump_only=True)
    created_at = UtcDateTime(dump_only=True)


class EndpointPatchSchema(Schema):
    url = fields.String(validate=validate.Length(min=1, max=500))
    secret = fields.String(validate=validate.Length(min=16, max=200))
    events = fields.List(fields.String(validate=validate.OneOf(EVENTS)),
                         validate=validate.Length(min=1))
    active = JsonBoolean()


class DeliverySchema(Schema):
    id = fields.Integer()
    endpoint_id = fields.Integer()
    case_id = fields.Integer()
    event = fields.String()
    idempotency_key = fields.String()
    status = fields.Enum(DeliveryStatus, by_value=True)
    attempts = fields.Integer()
    created_at = UtcDateTime()
    next_attempt_at = UtcDateTime()
    delivered_at = UtcDateTime(allow_none=True)
    last_status_code = fields.Integer(allow_none=True)
    last_error = fields.String(allow_none=True)


class DeliveryQuerySchema(Schema):
    status = fields.Enum(DeliveryStatus, by_value=True, load_default=None)
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=100_000))
    per_page = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))


class DeliveryPageSchema(Schema):
    items = fields.List(fields.Nested(DeliverySchema))
    page = fields.Integer()
    per_page = fields.Integer()
    total = fields.Integer()


class InboundReplySchema(Schema):
    body = fields.String(required=True, validate=validate.Length(min=1, max=20_000))
    kind = fields.String(load_default="public", validate=validate.OneOf(KINDS))


class InboundSchema(Schema):
    """What the helpdesk sends: at least one change, in the name of one of our agents."""

    id = fields.String(required=True, validate=validate.Length(min=1, max=100),
                       metadata={"description": "Unique per request: a replay is refused."})
    case_id = fields.Integer(required=True)
    agent = fields.String(required=True, validate=validate.Length(min=1, max=64),
                          metadata={"description": "The username of an agent here."})
    status = fields.Enum(CaseStatus, by_value=True)
    priority = fields.Enum(Priority, by_value=True)
    tags = fields.List(fields.String(validate=validate.Length(min=1, max=30)),
                       validate=validate.Length(max=10))
    reply = fields.Nested(InboundReplySchema)

    @validates_schema
    def _something(self, data, **_kwargs) -> None:
        if not any(name in data for name in ("status", "priority", "tags", "reply")):
            raise ValidationError("Send a status, priority, tags or a reply.", "_schema")
