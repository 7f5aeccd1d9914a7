"""Social listening's API shapes: rules (with their state), mentions, poll results.
Datetimes are RFC 3339 with an explicit UTC offset."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from app.api.schemas import JsonBoolean, UtcDateTime
from app.web import MAX_ID
from social_listen.models import ImportPolicy, MentionStatus, SourceKind
from social_listen.queries import MOODS, SORTS
from social_listen.services import POLL_MINUTES

ID = validate.Range(min=1, max=MAX_ID)


class ListeningRuleInputSchema(Schema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=80))
    source = fields.Enum(SourceKind, by_value=True, load_default=SourceKind.X,
                         metadata={"description": "x or feed"})
    query = fields.String(required=True, validate=validate.Length(min=1, max=512),
                          metadata={"description": "An X recent-search query (checked as X "
                                                   "would), or a feed's https:// address."})
    category_id = fields.Integer(required=True, validate=ID)
    languages = fields.List(fields.String(validate=validate.Length(max=3)), load_default=list,
                            validate=validate.Length(max=10))
    excluded_accounts = fields.List(fields.String(validate=validate.Length(max=80)),
                                    load_default=list, validate=validate.Length(max=500))
    blocked_words = fields.List(fields.String(validate=validate.Length(max=80)),
                                load_default=list, validate=validate.Length(max=500))
    import_policy = fields.Enum(ImportPolicy, by_value=True, load_default=ImportPolicy.MANUAL,
                                metadata={"description": "manual, questions or all"})
    active = JsonBoolean(load_default=True)
    poll_minutes = fields.Integer(load_default=5, validate=validate.Range(*POLL_MINUTES))


class ListeningRuleSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    source = fields.String(attribute="source.value")
    query = fields.String()
    category_id = fields.Integer()
    languages = fields.Function(lambda rule: _list(rule.languages))
    excluded_accounts = fields.Function(lambda rule: _list(rule.excluded_accounts))
    blocked_words = fields.Function(lambda rule: _list(rule.blocked_words))
    import_policy = fields.String(attribute="import_policy.value")
    active = JsonBoolean()
    poll_minutes = fields.Integer()
    since_id = fields.String(allow_none=True, metadata={"description": "The checkpoint."})
    next_poll_at = UtcDateTime(allow_none=True)
    last_polled_at = UtcDateTime(allow_none=True)
    last_error = fields.String(allow_none=True)
    last_error_at = UtcDateTime(allow_none=True)
    failures = fields.Integer()
    mentions_total = fields.Integer()
    created_at = UtcDateTime()


def _list(text: str) -> list[str]:
    from social_listen.policy import split_list

    return split_list(text)


class PollResultSchema(Schema):
    rule_id = fields.Integer()
    polled = fields.Boolean(metadata={"description": "False when another runner held it."})
    pages = fields.Integer()
    new = fields.Integer()
    reposts = fields.Integer()
    imported = fields.Integer()
    error = fields.String(allow_none=True)
    next_poll_at = UtcDateTime(allow_none=True)


class SocialAuthorSchema(Schema):
    handle = fields.String()
    name = fields.String()
    url = fields.String(allow_none=True)
    followers = fields.Integer(allow_none=True)
    claimed = fields.Function(lambda identity: identity.claim_confirmed_at is not None)


class MentionSchema(Schema):
    id = fields.Integer()
    source = fields.String(attribute="source.value")
    external_id = fields.String()
    rule_id = fields.Integer()
    url = fields.String()
    title = fields.String(allow_none=True)
    text = fields.String()
    author = fields.Nested(SocialAuthorSchema, attribute="identity")
    conversation_id = fields.String(allow_none=True)
    language = fields.String()
    sentiment = fields.Float(metadata={"description": "-1 (angry) to 1 (delighted)."})
    urgency = fields.Integer(metadata={"description": "0 low, 1 normal, 2 urgent."})
    is_question = fields.Boolean()
    reach = fields.Integer(metadata={"description": "The author's followers."})
    engagement = fields.Integer()
    status = fields.String(attribute="status.value")
    filtered = fields.String(allow_none=True)
    thread_id = fields.Integer(allow_none=True)
    post_id = fields.Integer(allow_none=True)
    posted_at = UtcDateTime(allow_none=True)
    captured_at = UtcDateTime()


class MentionQuerySchema(Schema):
    status = fields.Enum(MentionStatus, by_value=True, load_default=MentionStatus.NEW)
    rule_id = fields.Integer(load_default=None, validate=ID)
    language = fields.String(load_default="", validate=validate.Length(max=8))
    mood = fields.String(load_default="", validate=validate.OneOf(("", *MOODS)))
    urgent = fields.Boolean(load_default=False)
    questions = fields.Boolean(load_default=False)
    sort = fields.String(load_default="newest", validate=validate.OneOf(SORTS))
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=100_000))
    per_page = fields.Integer(load_default=25, validate=validate.Range(min=1, max=100))


class MentionPageSchema(Schema):
    items = fields.List(fields.Nested(MentionSchema))
    page = fields.Integer()
    per_page = fields.Integer()
    total = fields.Integer()
