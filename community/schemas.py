"""The forum's API shapes (marshmallow): what the API accepts and what it returns."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from app.api.schemas import UtcDateTime
from community import rules
from community.models import ThreadKind, ThreadStatus, Visibility
from community.queries import LISTS


class AuthorSchema(Schema):
    id = fields.Integer()
    username = fields.String()


class PostSchema(Schema):
    id = fields.Integer(dump_only=True)
    thread_id = fields.Integer(dump_only=True)
    author = fields.Nested(AuthorSchema, dump_only=True)
    is_question = fields.Boolean(attribute="is_opening", dump_only=True)
    body = fields.String(attribute="body_source", dump_only=True)
    body_html = fields.String(dump_only=True)
    visibility = fields.Enum(Visibility, by_value=True, dump_only=True)
    is_staff = fields.Boolean(dump_only=True)
    helpful_count = fields.Integer(dump_only=True)
    created_at = UtcDateTime(dump_only=True)
    edited_at = UtcDateTime(dump_only=True, allow_none=True)


class ThreadSummarySchema(Schema):
    id = fields.Integer(dump_only=True)
    kind = fields.Enum(ThreadKind, by_value=True, dump_only=True)
    title = fields.String(dump_only=True)
    slug = fields.String(dump_only=True)
    category = fields.Function(lambda thread: thread.category.slug, dump_only=True)
    author = fields.Nested(AuthorSchema, dump_only=True)
    status = fields.Enum(ThreadStatus, by_value=True, dump_only=True)
    accepted_post_id = fields.Integer(dump_only=True, allow_none=True)
    reply_count = fields.Integer(dump_only=True)
    me_too_count = fields.Integer(dump_only=True)
    tags = fields.Pluck("TagSchema", "name", many=True, dump_only=True)
    language = fields.String(dump_only=True)
    source = fields.Function(lambda thread: thread.source.value, dump_only=True)
    created_at = UtcDateTime(dump_only=True)
    last_activity_at = UtcDateTime(dump_only=True)


class TagSchema(Schema):
    name = fields.String()


class ThreadSchema(ThreadSummarySchema):
    posts = fields.List(fields.Nested(PostSchema), dump_only=True)


class ThreadPageSchema(Schema):
    items = fields.List(fields.Nested(ThreadSummarySchema))
    page = fields.Integer()
    per_page = fields.Integer()
    total = fields.Integer()


class ThreadQuerySchema(Schema):
    category = fields.String(metadata={"description": "Category slug (includes its children)."})
    status = fields.Enum(ThreadStatus, by_value=True)
    list = fields.String(validate=validate.OneOf(LISTS), load_default="newest",
                         metadata={"description": "attention, unanswered, solved, newest or mine"})
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=10_000))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))


class NewThreadSchema(Schema):
    category = fields.String(required=True, metadata={"description": "Category slug."})
    title = fields.String(required=True, validate=validate.Length(
        min=rules.TITLE_MIN, max=rules.TITLE_MAX))
    body = fields.String(required=True, validate=validate.Length(
        min=rules.BODY_MIN, max=rules.BODY_MAX))
    kind = fields.Enum(ThreadKind, by_value=True, load_default=ThreadKind.QUESTION)
    tags = fields.List(fields.String(validate=validate.Length(max=40)), load_default=list,
                       validate=validate.Length(max=5))
    language = fields.String(validate=validate.OneOf(["en", "it"]), load_default="en")


class NewPostSchema(Schema):
    body = fields.String(required=True, validate=validate.Length(
        min=rules.BODY_MIN, max=rules.BODY_MAX))


# --- search -----------------------------------------------------------------------------

SEARCH_TYPES = ("all", "threads", "articles")


class SearchQuerySchema(Schema):
    q = fields.String(required=True, validate=validate.Length(min=1, max=200),
                      metadata={"description": "A question in natural language."})
    category = fields.String(validate=validate.Length(max=80),
                             metadata={"description": "Category slug (includes its children)."})
    tag = fields.String(validate=validate.Length(max=40),
                        metadata={"description": "Only threads with this tag."})
    type = fields.String(validate=validate.OneOf(SEARCH_TYPES), load_default="all",
                         metadata={"description": "all, threads or articles"})
    solved = fields.Boolean(load_default=False,
                            metadata={"description": "Only solved threads (and articles)."})
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=10_000))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=50))


class SearchResultSchema(Schema):
    kind = fields.String(metadata={"description": "thread or article"})
    id = fields.Integer()
    title = fields.String()
    url = fields.String(metadata={"description": "The page, as an absolute URL."})
    snippet = fields.String(metadata={
        "description": "HTML: matched words in <b class=\"match\">; all else escaped. May be "
                       "empty."})
    score = fields.Float(metadata={"description": "Relevance; higher is better."})
    close = fields.Boolean(metadata={
        "description": "A close match; the others share fewer or commoner words with q."})


class SearchPageSchema(Schema):
    items = fields.List(fields.Nested(SearchResultSchema))
    page = fields.Integer()
    per_page = fields.Integer()
    total = fields.Integer(metadata={
        "description": "Every match, counted up to 200: a search answers its best 200."})
    close = fields.Integer(metadata={
        "description": "Close matches (at least half the best score), counted among the "
                       "best 50; the items flag them."})
    suggestion = fields.String(allow_none=True, metadata={
        "description": "The query with misspelled words corrected (\"did you mean\"), or null."})
