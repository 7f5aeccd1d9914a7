"""Moderation's API shapes: flags, queue items, decisions, the screening verdict.

Datetimes are RFC 3339 with an explicit UTC offset (``+00:00``), as every client reads
them unambiguously.
"""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from app.api.schemas import UtcDateTime
from app.web import MAX_ID
from moderation.models import DecisionAction, FlagKind, ItemStatus


class PersonSchema(Schema):
    id = fields.Integer()
    username = fields.String()


class NewFlagSchema(Schema):
    post_id = fields.Integer(required=True, validate=validate.Range(min=1, max=MAX_ID))
    kind = fields.Enum(FlagKind, by_value=True, required=True,
                       metadata={"description": "spam, rude, off_topic, duplicate or other"})
    message = fields.String(load_default="", validate=validate.Length(max=500),
                            metadata={"description": "Required when kind is other."})


class FlagSchema(Schema):
    id = fields.Integer()
    post_id = fields.Integer()
    kind = fields.Enum(FlagKind, by_value=True)
    message = fields.String()
    weight = fields.Float()
    status = fields.String(attribute="status.value")
    created_at = UtcDateTime()
    hidden = fields.Boolean(metadata={"description": "True when this flag hid the post."})


class ReasonSchema(Schema):
    code = fields.String(metadata={"description": "e.g. first_posts, watched_word, spam_score, "
                                                  "unknown_link, phone_number, flag"})
    detail = fields.String()
    score = fields.Float()
    settled = fields.Boolean()


class QueuedPostSchema(Schema):
    id = fields.Integer()
    thread_id = fields.Integer()
    title = fields.Function(lambda post: post.thread.title)
    is_question = fields.Boolean(attribute="is_opening")
    body = fields.String(attribute="body_source")
    visibility = fields.String(attribute="visibility.value")
    visibility_note = fields.String(allow_none=True)
    created_at = UtcDateTime()


class DecisionSchema(Schema):
    id = fields.Integer()
    action = fields.Enum(DecisionAction, by_value=True)
    reason = fields.String()
    moderator = fields.Nested(PersonSchema)
    created_at = UtcDateTime()
    undo_until = UtcDateTime()
    undone_at = UtcDateTime(allow_none=True)


class ItemSchema(Schema):
    id = fields.Integer()
    status = fields.Enum(ItemStatus, by_value=True)
    kind = fields.String(attribute="kind.value")
    source = fields.String()
    score = fields.Float()
    spam_score = fields.Float(allow_none=True)
    hidden_by_flags = fields.Boolean()
    queued_at = UtcDateTime()
    decided_at = UtcDateTime(allow_none=True)
    author = fields.Nested(PersonSchema)
    claimed_by = fields.Nested(PersonSchema, allow_none=True)
    post = fields.Nested(QueuedPostSchema)
    reasons = fields.List(fields.Nested(ReasonSchema))
    decisions = fields.List(fields.Nested(DecisionSchema))


class QueueQuerySchema(Schema):
    status = fields.Enum(ItemStatus, by_value=True, load_default=ItemStatus.PENDING)
    reason = fields.String(load_default="", validate=validate.Length(max=40),
                           metadata={"description": "A reason code (prefix), e.g. flag"})
    category = fields.String(validate=validate.Length(max=80),
                             metadata={"description": "Category slug."})
    type = fields.String(load_default="", validate=validate.OneOf(
        ["", "question", "reply", "edit"]))
    source = fields.String(load_default="", validate=validate.OneOf(
        ["", "web", "api", "import", "social"]))
    sort = fields.String(load_default="score", validate=validate.OneOf(["score", "oldest"]))
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=10_000))
    per_page = fields.Integer(load_default=25, validate=validate.Range(min=1, max=100))


class QueuePageSchema(Schema):
    items = fields.List(fields.Nested(ItemSchema))
    page = fields.Integer()
    per_page = fields.Integer()
    total = fields.Integer()


class DecisionRequestSchema(Schema):
    action = fields.Enum(DecisionAction, by_value=True, required=True, metadata={
        "description": "approve, edit_approve, reject (reason required), delete or spam"})
    reason = fields.String(load_default="", validate=validate.Length(max=500),
                           metadata={"description": "The author reads it (reject, delete)."})
    body = fields.String(validate=validate.Length(max=20_000),
                         metadata={"description": "The corrected text (edit_approve)."})
    title = fields.String(validate=validate.Length(max=150),
                          metadata={"description": "The corrected title (edit_approve)."})
    seen_status = fields.Enum(ItemStatus, by_value=True, metadata={
        "description": "The status you saw: 409 if someone decided meanwhile."})


class ScreenRequestSchema(Schema):
    text = fields.String(required=True, validate=validate.Length(min=1, max=20_000))
    title = fields.String(load_default="", validate=validate.Length(max=150))
    author = fields.String(load_default="", validate=validate.Length(max=30), metadata={
        "description": "A username whose trust and history count; empty: a new member."})


class VerdictSchema(Schema):
    verdict = fields.String(metadata={
        "description": "publish, review, hold, spam or refuse"})
    score = fields.Float(allow_none=True, metadata={
        "description": "The spam classifier's probability, when it ran."})
    message = fields.String(metadata={"description": "What the author would read."})
    retry_after = fields.Integer(allow_none=True)
    reasons = fields.List(fields.Nested(ReasonSchema))
