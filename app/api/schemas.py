"""Schemas shared by every API endpoint."""

from __future__ import annotations

from datetime import UTC

from marshmallow import Schema, fields

from app.accounts.models import Role


class UtcDateTime(fields.DateTime):
    """RFC 3339 with an explicit offset: Peerdesk stores naive UTC, and the API says so."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


class JsonBoolean(fields.Boolean):
    """``true`` or ``false`` in a JSON body, nothing else: marshmallow would also take 1,
    "yes" or "on", which the document (``type: boolean``) does not allow, so a client
    sending them learns it here, not from another server. Query strings keep the plain
    ``Boolean``: there every value is text."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):  # 0 and 1 would pass a set test: 0 == False
            raise self.make_error("invalid", input=value)
        return value


class ProblemSchema(Schema):
    """RFC 9457 problem details."""

    type = fields.String(metadata={"example": "about:blank"})
    title = fields.String(required=True, metadata={"example": "Not Found"})
    status = fields.Integer(required=True, metadata={"example": 404})
    detail = fields.String()
    instance = fields.String()
    errors = fields.Dict(metadata={"description": "Validation messages by field (422)."})


class UserSchema(Schema):
    id = fields.Integer(dump_only=True)
    username = fields.String(dump_only=True)
    role = fields.Enum(Role, by_value=True, dump_only=True)
    locale = fields.String(dump_only=True, allow_none=True)
    created_at = UtcDateTime(dump_only=True)


class RoleChangeSchema(Schema):
    role = fields.Enum(Role, by_value=True, required=True)
