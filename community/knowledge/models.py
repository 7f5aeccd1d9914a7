"""The knowledge base's data: articles, their revisions, readers' feedback and the
threads proposed for promotion.

An article is what readers see; its revisions are the history of its text. Readers only
ever see ``current_revision`` (the last approved one), so staff can rework a published
article in a new revision without readers seeing a half-finished text. ``status`` is the
workflow state of the article as a whole (see rules.py): a published article whose newer
revision waits for review stays published, and readable.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db
from community.models import Category, Post, Thread, _enum
from community.versions import ARTICLE_COLUMNS, keep_category_version


class ArticleStatus(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class RevisionState(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    REJECTED = "rejected"
    SUPERSEDED = "superseded"  # replaced by a newer revision before anyone decided


class FeedbackReason(StrEnum):
    DID_NOT_SOLVE = "did_not_solve"
    INACCURATE = "inaccurate"
    UNCLEAR = "unclear"
    OUTDATED = "outdated"
    OTHER = "other"


class Article(db.Model):
    __tablename__ = "articles"
    __table_args__ = (Index("ix_articles_category_status", "category_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(160))
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"))
    language: Mapped[str] = mapped_column(String(8), default="en")
    status: Mapped[ArticleStatus] = mapped_column(
        _enum(ArticleStatus, "article_status"), default=ArticleStatus.DRAFT
    )
    current_revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("article_revisions.id", use_alter=True,
                   name="fk_articles_current_revision_id_article_revisions")
    )
    # Promoted from a thread: the question it answers and the answer it was made from.
    source_thread_id: Mapped[int | None] = mapped_column(
        ForeignKey("threads.id", ondelete="SET NULL"), index=True
    )
    source_post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"))
    # Set when the source changed after publication, or a newer revision awaits review.
    needs_review: Mapped[bool] = mapped_column(default=False)
    review_reason: Mapped[str] = mapped_column(String(200), default="")
    helpful_yes: Mapped[int] = mapped_column(default=0)
    helpful_no: Mapped[int] = mapped_column(default=0)
    view_count: Mapped[int] = mapped_column(default=0)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_at: Mapped[datetime | None]

    category: Mapped[Category] = relationship()
    author: Mapped[User] = relationship()
    current_revision: Mapped[ArticleRevision | None] = relationship(
        foreign_keys=[current_revision_id], post_update=True
    )
    revisions: Mapped[list[ArticleRevision]] = relationship(
        back_populates="article", foreign_keys="ArticleRevision.article_id",
        order_by="ArticleRevision.id",
    )
    source_thread: Mapped[Thread | None] = relationship()
    source_post: Mapped[Post | None] = relationship()

    @property
    def is_readable(self) -> bool:
        """Readers see an article once a revision was approved, until it is archived."""
        return self.current_revision_id is not None and self.status == ArticleStatus.PUBLISHED

    @property
    def helpful_ratio(self) -> float | None:
        votes = self.helpful_yes + self.helpful_no
        return self.helpful_yes / votes if votes else None


class ArticleRevision(db.Model):
    __tablename__ = "article_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(150))
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    # Plain text for meta descriptions and search snippets, made on write.
    summary: Mapped[str] = mapped_column(String(300), default="")
    state: Mapped[RevisionState] = mapped_column(
        _enum(RevisionState, "revision_state"), default=RevisionState.DRAFT
    )
    # What promotion removed as personal data: [{"kind": "email", "text": "..."}, ...]
    redactions: Mapped[list] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(String(300), default="")
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None]
    review_comment: Mapped[str] = mapped_column(String(500), default="")

    article: Mapped[Article] = relationship(back_populates="revisions", foreign_keys=[article_id])
    author: Mapped[User] = relationship(foreign_keys=[author_id])
    reviewer: Mapped[User | None] = relationship(foreign_keys=[reviewer_id])


class ArticleFeedback(db.Model):
    """One reader's "was this helpful?" answer; a reader may change it, not repeat it."""

    __tablename__ = "article_feedback"
    __table_args__ = (UniqueConstraint("article_id", "visitor"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    visitor: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    helpful: Mapped[bool]
    reason: Mapped[FeedbackReason | None] = mapped_column(_enum(FeedbackReason, "feedback_reason"))
    comment: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PromotionCandidate(db.Model):
    """A solved thread the candidates job thinks deserves an article."""

    __tablename__ = "promotion_candidates"

    thread_id: Mapped[int] = mapped_column(
        ForeignKey("threads.id", ondelete="CASCADE"), primary_key=True
    )
    score: Mapped[float]
    proposed_at: Mapped[datetime] = mapped_column(default=utcnow)
    dismissed_at: Mapped[datetime | None]
    dismissed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    thread: Mapped[Thread] = relationship()


keep_category_version(Article.__table__, ARTICLE_COLUMNS)
