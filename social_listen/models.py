"""Social listening's data: rules, the people heard, their mentions, spike alerts.

A mention is stored once per (source, external id): a database constraint, so a page
fetched twice (a retry, a crash, two runners) can never store it twice. A rule's
checkpoint (``since_id``) moves in the transaction that stores the mentions it covers, so
it never runs ahead of what was committed.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db, string_enum

_enum = string_enum


class SourceKind(StrEnum):
    X = "x"
    FEED = "feed"


class ImportPolicy(StrEnum):
    MANUAL = "manual"  # every mention waits in the triage inbox
    QUESTIONS = "questions"  # mentions that look like questions become threads
    ALL = "all"  # every mention that passes the filters becomes a thread


class MentionStatus(StrEnum):
    NEW = "new"  # in the inbox
    IMPORTED = "imported"  # a post of a thread
    IGNORED = "ignored"
    ESCALATED = "escalated"
    FILTERED = "filtered"  # kept out of the inbox by the rule's filters (see ``filtered``)


class ListeningRule(db.Model):
    __tablename__ = "listening_rules"
    __table_args__ = (Index("ix_listening_rules_due", "active", "next_poll_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    source: Mapped[SourceKind] = mapped_column(_enum(SourceKind, "listening_source"))
    # An X search query, or a feed's address.
    query: Mapped[str] = mapped_column(String(512))
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"))
    languages: Mapped[str] = mapped_column(String(64), default="")  # "en, it"; "" = any
    excluded_accounts: Mapped[str] = mapped_column(Text, default="")
    blocked_words: Mapped[str] = mapped_column(Text, default="")
    import_policy: Mapped[ImportPolicy] = mapped_column(
        _enum(ImportPolicy, "import_policy"), default=ImportPolicy.MANUAL)
    active: Mapped[bool] = mapped_column(default=True)
    poll_minutes: Mapped[int] = mapped_column(default=5)
    # The checkpoint: the newest id (a feed: the newest entry date) whose mentions are
    # committed. While a run pages through older results, ``resume_token`` is the page to
    # go on from and ``run_newest_id`` the checkpoint the run will reach when it ends.
    since_id: Mapped[str | None] = mapped_column(String(40))
    resume_token: Mapped[str | None] = mapped_column(String(200))
    run_newest_id: Mapped[str | None] = mapped_column(String(40))
    next_poll_at: Mapped[datetime | None]
    # A runner holds the rule until then (its ``lease`` token is on the row): a second
    # runner leaves it alone, and a runner that lost it can no longer write.
    polling_until: Mapped[datetime | None]
    lease: Mapped[str | None] = mapped_column(String(16))
    last_polled_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None]
    failures: Mapped[int] = mapped_column(default=0)  # in a row; sets the back-off
    mentions_total: Mapped[int] = mapped_column(default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    category = relationship("Category")


class SocialIdentity(db.Model):
    """Someone heard on a network ("@handle on X"): the author of their imported posts
    until a member claims the handle and a moderator confirms it."""

    __tablename__ = "social_identities"
    __table_args__ = (UniqueConstraint("source", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[SourceKind] = mapped_column(_enum(SourceKind, "identity_source"))
    external_id: Mapped[str] = mapped_column(String(120))
    handle: Mapped[str] = mapped_column(String(80), index=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    url: Mapped[str | None] = mapped_column(String(300))
    followers: Mapped[int | None]
    posts: Mapped[int | None]
    verified: Mapped[bool] = mapped_column(default=False)
    blocked: Mapped[bool] = mapped_column(default=False)
    # A member who says the handle is theirs, and the moderator who confirmed it.
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    claim_requested_at: Mapped[datetime | None]
    claim_confirmed_at: Mapped[datetime | None]
    claim_confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    claimed_by: Mapped[User | None] = relationship(foreign_keys=[claimed_by_id])

    @property
    def label(self) -> str:
        return f"@{self.handle}" if self.source == SourceKind.X else self.handle


class Mention(db.Model):
    __tablename__ = "mentions"
    __table_args__ = (
        UniqueConstraint("source", "external_id"),
        Index("ix_mentions_inbox", "status", "captured_at"),
        Index("ix_mentions_rule_posted", "rule_id", "posted_at"),
        Index("ix_mentions_conversation", "source", "conversation_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[SourceKind] = mapped_column(_enum(SourceKind, "mention_source"))
    external_id: Mapped[str] = mapped_column(String(200))
    rule_id: Mapped[int] = mapped_column(ForeignKey("listening_rules.id", ondelete="CASCADE"))
    identity_id: Mapped[int] = mapped_column(ForeignKey("social_identities.id"), index=True)
    conversation_id: Mapped[str | None] = mapped_column(String(200))
    in_reply_to: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(String(500))
    language: Mapped[str] = mapped_column(String(8), default="und")
    sentiment: Mapped[float] = mapped_column(default=0.0)
    urgency: Mapped[int] = mapped_column(default=0)
    is_question: Mapped[bool] = mapped_column(default=False)
    reach: Mapped[int] = mapped_column(default=0)  # the author's followers
    engagement: Mapped[int] = mapped_column(default=0)
    posted_at: Mapped[datetime | None]  # on the network
    captured_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[MentionStatus] = mapped_column(
        _enum(MentionStatus, "mention_status"), default=MentionStatus.NEW)
    filtered: Mapped[str | None] = mapped_column(String(32))  # why it was kept out
    thread_id: Mapped[int | None] = mapped_column(
        ForeignKey("threads.id", ondelete="SET NULL"), index=True)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]
    # Automatic import that failed (the gate refused, a bug): how often, and why.
    import_attempts: Mapped[int] = mapped_column(default=0)
    import_error: Mapped[str | None] = mapped_column(Text)

    rule: Mapped[ListeningRule] = relationship()
    identity: Mapped[SocialIdentity] = relationship()
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])


class SpikeAlert(db.Model):
    """A rule's volume well above its rolling baseline: one alert per spike, open until
    the volume falls back."""

    __tablename__ = "spike_alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    rule_id: Mapped[int] = mapped_column(
        ForeignKey("listening_rules.id", ondelete="CASCADE"), index=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None]
    count: Mapped[int]  # mentions in the hour that set it off
    baseline: Mapped[float]  # the rule's mean hourly volume over the 7 days before

    rule: Mapped[ListeningRule] = relationship()
