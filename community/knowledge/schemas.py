"""The knowledge base's API shapes (marshmallow)."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from app.api.schemas import JsonBoolean, UtcDateTime
from community import rules as forum_rules
from community.knowledge import rules
from community.knowledge.models import ArticleStatus


class ArticleSchema(Schema):
    id = fields.Integer(dump_only=True)
    slug = fields.String(dump_only=True)
    url = fields.String(dump_only=True)
    status = fields.Enum(ArticleStatus, by_value=True, dump_only=True)
    category = fields.Function(lambda article: article.category.slug, dump_only=True)
    language = fields.String(dump_only=True)
    title = fields.Function(lambda article: _shown(article).title, dump_only=True)
    summary = fields.Function(lambda article: _shown(article).summary, dump_only=True)
    body = fields.Function(lambda article: _shown(article).body_source, dump_only=True)
    body_html = fields.Function(lambda article: _shown(article).body_html, dump_only=True)
    source_thread_id = fields.Integer(dump_only=True, allow_none=True)
    published_at = UtcDateTime(dump_only=True, allow_none=True)
    updated_at = UtcDateTime(dump_only=True)


class StaffArticleSchema(ArticleSchema):
    """What staff see besides: the review flag, readers' answers, and what promotion
    removed (personal data: never shown to anyone else)."""

    needs_review = fields.Boolean(dump_only=True)
    review_reason = fields.String(dump_only=True)
    helpful_yes = fields.Integer(dump_only=True)
    helpful_no = fields.Integer(dump_only=True)
    redactions = fields.Function(lambda article: _shown(article).redactions, dump_only=True,
                                 metadata={"description": "Personal data removed on "
                                           "promotion: [{kind, text}]."})


def _shown(article):
    """The published revision, or for staff looking at a draft, the newest one."""
    return getattr(article, "shown_revision", None) or article.current_revision


class ArticlePageSchema(Schema):
    items = fields.List(fields.Nested(StaffArticleSchema),
                        metadata={"description": "Staff-only fields are present for staff."})
    page = fields.Integer()
    per_page = fields.Integer()
    total = fields.Integer()


class ArticleQuerySchema(Schema):
    category = fields.String(metadata={"description": "Category slug (includes children)."})
    language = fields.String(validate=validate.OneOf(["en", "it"]))
    status = fields.Enum(ArticleStatus, by_value=True,
                         metadata={"description": "Staff only; readers see published ones."})
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=10_000))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))


class NewArticleSchema(Schema):
    category = fields.String(required=True, metadata={"description": "Category slug."})
    title = fields.String(required=True, validate=validate.Length(
        min=forum_rules.TITLE_MIN, max=forum_rules.TITLE_MAX))
    body = fields.String(required=True, validate=validate.Length(
        min=rules.BODY_MIN, max=rules.BODY_MAX))
    language = fields.String(validate=validate.OneOf(["en", "it"]), load_default="en")
    submit = JsonBoolean(load_default=False,
                            metadata={"description": "Send to review right away."})
