"""The forum's data: categories, threads, posts, votes, subscriptions, notifications and
reputation. Content is never hard-deleted: a post's ``visibility`` says who may see it.

Counters on ``Thread`` and ``Post`` (replies, helpful votes, "me too") are kept by the
services in the same transaction as the rows they count, so list pages never count.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    UniqueConstraint,
    true,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db, string_enum
from app.i18n import page_language
from community.versions import THREAD_COLUMNS, keep_category_version

_enum = string_enum


class ThreadKind(StrEnum):
    QUESTION = "question"
    DISCUSSION = "discussion"


class ThreadStatus(StrEnum):
    OPEN = "open"
    SOLVED = "solved"
    CLOSED = "closed"
    ARCHIVED = "archived"


class Visibility(StrEnum):
    VISIBLE = "visible"
    PENDING = "pending"
    HIDDEN = "hidden"
    DELETED = "deleted"


class Source(StrEnum):
    WEB = "web"
    API = "api"
    SOCIAL = "social"
    IMPORT = "import"


class EmailMode(StrEnum):
    IMMEDIATE = "immediate"
    DAILY = "daily"
    OFF = "off"


class Category(db.Model):
    """A product area. One level of nesting: a category has a parent or children, not both."""

    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"), index=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    # The site's default language (English) in these columns; other languages in
    # ``translations`` ({"it": {"name": ..., "description": ...}}). ``name`` and
    # ``description`` read in the page's language, falling back to the default; in SQL
    # they are the default language's columns (sorting, filters).
    base_name: Mapped[str] = mapped_column("name", String(80))
    base_description: Mapped[str] = mapped_column("description", String(300), default="")
    translations: Mapped[dict] = mapped_column(JSON, default=dict, server_default="{}")
    # Raised when the area (or its parent) is renamed: cached thread pages show the names.
    label_version: Mapped[int] = mapped_column(default=0, server_default="0")
    position: Mapped[int] = mapped_column(default=0)
    # False for an area that only receives threads (the listening rules' imported social
    # mentions): the Ask form does not offer it and asking there is refused.
    takes_questions: Mapped[bool] = mapped_column(default=True, server_default=true())
    thread_count: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Kept by triggers on threads and articles (community/versions.py): list pages' ETag.
    version: Mapped[int] = mapped_column(default=0, server_default="0")
    changed_at: Mapped[datetime | None]

    parent: Mapped[Category | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Category]] = relationship(
        back_populates="parent", order_by="Category.position"
    )

    @hybrid_property
    def name(self) -> str:
        return self.in_language("name", page_language())

    @name.inplace.setter
    def _name_setter(self, value: str) -> None:
        self.base_name = value

    @name.inplace.expression
    @classmethod
    def _name_expression(cls):
        return cls.base_name

    @hybrid_property
    def description(self) -> str:
        return self.in_language("description", page_language())

    @description.inplace.setter
    def _description_setter(self, value: str) -> None:
        self.base_description = value

    @description.inplace.expression
    @classmethod
    def _description_expression(cls):
        return cls.base_description

    def in_language(self, field: str, language: str | None) -> str:
        """``field`` ("name" or "description") in ``language``, else the default's."""
        translated = (self.translations or {}).get(language or "", {}).get(field)
        return translated or getattr(self, f"base_{field}")


thread_tags = Table(
    "thread_tags",
    db.metadata,
    Column("thread_id", ForeignKey("threads.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Tag(db.Model):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    # What the tag is for, on its page: plain text a moderator writes ("Wi-Fi: setup,
    # drop-outs and routers"); empty for most tags.
    description: Mapped[str] = mapped_column(String(500), default="", server_default="")


class Thread(db.Model):
    __tablename__ = "threads"
    __table_args__ = (
        Index("ix_threads_category_activity", "category_id", "last_activity_at"),
        Index("ix_threads_status_activity", "status", "last_activity_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ThreadKind] = mapped_column(_enum(ThreadKind, "thread_kind"))
    title: Mapped[str] = mapped_column(String(150))
    slug: Mapped[str] = mapped_column(String(160))
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    status: Mapped[ThreadStatus] = mapped_column(
        _enum(ThreadStatus, "thread_status"), default=ThreadStatus.OPEN
    )
    accepted_post_id: Mapped[int | None] = mapped_column(
        ForeignKey("posts.id", use_alter=True, name="fk_threads_accepted_post_id_posts")
    )
    language: Mapped[str] = mapped_column(String(8), default="en")
    source: Mapped[Source] = mapped_column(_enum(Source, "thread_source"), default=Source.WEB)
    reply_count: Mapped[int] = mapped_column(default=0)
    me_too_count: Mapped[int] = mapped_column(default=0)
    view_count: Mapped[int] = mapped_column(default=0)
    reminders_sent: Mapped[int] = mapped_column(default=0)
    # Bumped by every change a visitor could see; keys the anonymous page cache.
    version: Mapped[int] = mapped_column(default=0)
    # Its support case as the page shows it ("escalated to support: open"), kept by the
    # escalation package (a layer above) in the transaction of each change, so the page
    # needs no query of its own; None: never escalated, or the case is closed.
    support_case_id: Mapped[int | None]
    support_status: Mapped[str | None] = mapped_column(String(16))
    last_activity_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_poster_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    solved_at: Mapped[datetime | None]
    # The first reply by someone other than the asker: "unanswered" means this is empty.
    answered_at: Mapped[datetime | None]
    # Imported content: where it came from (e.g. "stackexchange:beer:123"), the page to
    # credit, and the licence it was published under (e.g. "CC BY-SA 3.0").
    external_id: Mapped[str | None] = mapped_column(String(120), unique=True)
    source_url: Mapped[str | None] = mapped_column(String(500))
    licence: Mapped[str | None] = mapped_column(String(32))
    # Who asked it where, for lists ("asked by jdoe on Stack Exchange", "@jane on X"):
    # an imported thread's local author is the importing account.
    original_author: Mapped[str | None] = mapped_column(String(120))
    original_site: Mapped[str | None] = mapped_column(String(80))

    category: Mapped[Category] = relationship()
    author: Mapped[User] = relationship(foreign_keys=[author_id])
    last_poster: Mapped[User | None] = relationship(foreign_keys=[last_poster_id])
    tags: Mapped[list[Tag]] = relationship(secondary=thread_tags, order_by=Tag.name)
    posts: Mapped[list[Post]] = relationship(
        back_populates="thread", foreign_keys="Post.thread_id", order_by="Post.id"
    )
    accepted_post: Mapped[Post | None] = relationship(
        foreign_keys=[accepted_post_id], post_update=True
    )

    @property
    def is_question(self) -> bool:
        return self.kind == ThreadKind.QUESTION

    @property
    def is_solved(self) -> bool:
        return self.accepted_post_id is not None


class ThreadLink(db.Model):
    """A question that is a duplicate of, or related to, another one (imported from
    Stack Exchange's PostLinks, shown as "related questions")."""

    __tablename__ = "thread_links"

    thread_id: Mapped[int] = mapped_column(
        ForeignKey("threads.id", ondelete="CASCADE"), primary_key=True
    )
    linked_thread_id: Mapped[int] = mapped_column(
        ForeignKey("threads.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # "related" or "duplicate"


class Post(db.Model):
    """The question itself (``is_opening``) or a reply. Markdown is rendered once, on write."""

    __tablename__ = "posts"
    __table_args__ = (Index("ix_posts_thread_visibility", "thread_id", "visibility"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    is_opening: Mapped[bool] = mapped_column(default=False)
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    visibility: Mapped[Visibility] = mapped_column(
        _enum(Visibility, "post_visibility"), default=Visibility.VISIBLE
    )
    # Why a post is not visible, in words its author reads ("New members' first posts are
    # checked by a moderator", a moderator's reason for removing it).
    visibility_note: Mapped[str | None] = mapped_column(String(300))
    is_staff: Mapped[bool] = mapped_column(default=False)
    helpful_count: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # When readers could first see it (a held post: when it was approved); None while it
    # never was visible. Its first publication is news; a restore is not.
    published_at: Mapped[datetime | None]
    edited_at: Mapped[datetime | None]
    # Imported posts: their id at the source, and the author's name there (the licence
    # requires the credit; the local author is the importing account).
    external_id: Mapped[str | None] = mapped_column(String(120), unique=True)
    original_author: Mapped[str | None] = mapped_column(String(120))
    licence: Mapped[str | None] = mapped_column(String(32))  # "CC BY-SA 3.0": its version

    thread: Mapped[Thread] = relationship(back_populates="posts", foreign_keys=[thread_id])
    author: Mapped[User] = relationship()
    revisions: Mapped[list[PostRevision]] = relationship(
        back_populates="post", order_by="PostRevision.id"
    )


class PostRevision(db.Model):
    """A post as it was before an edit (and the title, for the opening post)."""

    __tablename__ = "post_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    editor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str | None] = mapped_column(String(150))
    body_source: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    post: Mapped[Post] = relationship(back_populates="revisions")
    editor: Mapped[User] = relationship()


class HelpfulVote(db.Model):
    __tablename__ = "helpful_votes"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class MeToo(db.Model):
    """'I have this problem too' on a question."""

    __tablename__ = "me_too"

    thread_id: Mapped[int] = mapped_column(
        ForeignKey("threads.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Subscription(db.Model):
    __tablename__ = "subscriptions"

    thread_id: Mapped[int] = mapped_column(
        ForeignKey("threads.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Notification(db.Model):
    """Something a member should know. Written in the same transaction as its cause;
    e-mailed later by a job (immediately or in the daily digest), so a slow mail server
    never slows a page and a failed send is retried."""

    __tablename__ = "notifications"
    __table_args__ = (
        Index("ix_notifications_user_unread", "user_id", "read_at"),
        Index("ix_notifications_unsent", "emailed_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    detail: Mapped[str | None] = mapped_column(String(300))  # e.g. a moderator's reason
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]
    emailed_at: Mapped[datetime | None]
    # E-mails that failed (a refused mailbox): how often, and why. Given up at five.
    email_attempts: Mapped[int] = mapped_column(default=0)
    email_error: Mapped[str | None] = mapped_column(Text)

    thread: Mapped[Thread] = relationship()
    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])


class MemberProfile(db.Model):
    """What the community knows about a member: reputation and e-mail preferences."""

    __tablename__ = "member_profiles"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    reputation: Mapped[int] = mapped_column(default=0)
    email_mode: Mapped[EmailMode] = mapped_column(
        _enum(EmailMode, "email_mode"), default=EmailMode.IMMEDIATE
    )
    digest_sent_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()
    products: Mapped[list[Category]] = relationship(secondary="member_products",
                                                    order_by=Category.position)


member_products = Table(
    "member_products",
    db.metadata,
    Column("user_id", ForeignKey("member_profiles.user_id", ondelete="CASCADE"),
           primary_key=True),
    Column("category_id", ForeignKey("categories.id", ondelete="CASCADE"), primary_key=True),
)


class ReputationEvent(db.Model):
    """The ledger behind reputation: each point has a cause, so undoing the cause
    (un-voting, un-accepting) removes exactly the points it gave."""

    __tablename__ = "reputation_events"
    __table_args__ = (UniqueConstraint("kind", "post_id", "actor_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    actor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    points: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


keep_category_version(Thread.__table__, THREAD_COLUMNS)
