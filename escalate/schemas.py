"""Escalation's API shapes. Datetimes are RFC 3339 with an explicit UTC offset."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from app.api.schemas import UtcDateTime
from escalate.rules import CaseStatus, Priority
from escalate.work import KINDS


class CaseEventSchema(Schema):
    kind = fields.String(metadata={"description": "opened, assigned, ..."})
    detail = fields.String()
    actor = fields.String(attribute="actor_name", allow_none=True)
    created_at = UtcDateTime()


class CaseSchema(Schema):
    id = fields.Integer()
    number = fields.String(metadata={"example": "#42"})
    thread_id = fields.Integer()
    thread_title = fields.String(attribute="thread.title")
    status = fields.String(attribute="status.value")
    priority = fields.String(attribute="priority.value")
    reason = fields.String(attribute="reason.value")
    language = fields.String()
    team = fields.String(attribute="team_name", allow_none=True)
    assignee = fields.String(attribute="assignee_name", allow_none=True)
    customer = fields.Method("_customer")
    opened_at = UtcDateTime()
    first_response_due_at = UtcDateTime()
    resolution_due_at = UtcDateTime()
    first_responded_at = UtcDateTime(allow_none=True)
    solved_at = UtcDateTime(allow_none=True)
    tags = fields.Method("_tags", metadata={"example": ["billing", "refund"]})

    def _tags(self, case) -> list[str]:
        return [tag for tag in case.tags.split(",") if tag]

    def _customer(self, case) -> str | None:
        return case.customer.username if case.customer else case.customer_label


class CaseDetailSchema(CaseSchema):
    # What the viewer may see of the timeline (``shown_events``, set by the view).
    events = fields.List(fields.Nested(CaseEventSchema), attribute="shown_events")


class CaseQuerySchema(Schema):
    status = fields.Enum(CaseStatus, by_value=True, load_default=None)
    mine = fields.Boolean(load_default=False,
                          metadata={"description": "Only the cases assigned to me (agents)."})
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=100_000))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))


class CasePageSchema(Schema):
    items = fields.List(fields.Nested(CaseSchema))
    page = fields.Integer()
    per_page = fields.Integer()
    total = fields.Integer()


class CasePatchSchema(Schema):
    """Only the fields sent change; ``assignee: null`` unassigns."""

    status = fields.Enum(CaseStatus, by_value=True)
    priority = fields.Enum(Priority, by_value=True)
    assignee = fields.String(allow_none=True, validate=validate.Length(min=1, max=64),
                             metadata={"description": "An agent's username."})
    tags = fields.List(fields.String(validate=validate.Length(min=1, max=30)),
                       validate=validate.Length(max=10))


class CaseReplySchema(Schema):
    body = fields.String(required=True, validate=validate.Length(min=1, max=20_000))
    kind = fields.String(load_default="public", validate=validate.OneOf(KINDS),
                         metadata={"description": "public (posted in the thread), private "
                                                  "(e-mailed to the customer) or internal "
                                                  "(a note for agents)."})
