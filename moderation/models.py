"""Moderation's data: trust levels, watched words, the spam model, the review queue with
its reasons, flags and decisions, sanctions, and the audit log.

The review queue has **one row per post** (``ReviewItem``), however many flags or reasons
it collects; a decision closes the item and remembers the reasons it settled, so the same
reason never queues the item again. Nothing here deletes content: decisions change a
post's visibility (``community.visibility``) and keep what it was, for undo and restore.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Enum, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db, string_enum
from community.models import Post
from moderation.words import WordAction


def _enum(kind: type[StrEnum], name: str) -> Enum:
    return string_enum(kind, name, length=20)


# --- trust ----------------------------------------------------------------------------


class MemberTrust(db.Model):
    """A member's trust level (0 new .. 4 leader) and the activity it was computed from.
    No row means level 0. ``locked`` levels were set by hand and the job leaves them."""

    __tablename__ = "member_trust"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    level: Mapped[int] = mapped_column(default=0)
    locked: Mapped[bool] = mapped_column(default=False)
    days_visited: Mapped[int] = mapped_column(default=0)
    threads_read: Mapped[int] = mapped_column(default=0)
    replies: Mapped[int] = mapped_column(default=0)
    helpful_received: Mapped[int] = mapped_column(default=0)
    accepted: Mapped[int] = mapped_column(default=0)
    # Flagging accuracy: flags moderators agreed and disagreed with.
    flags_agreed: Mapped[int] = mapped_column(default=0)
    flags_disagreed: Mapped[int] = mapped_column(default=0)
    spam_confirmed: Mapped[int] = mapped_column(default=0)
    promoted_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship()


class MemberVisit(db.Model):
    """One day a member came (from the journey's steps, kept longer than the journey):
    days visited and threads read, for trust levels."""

    __tablename__ = "member_visits"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)
    threads_read: Mapped[int] = mapped_column(default=0)


# --- watched words --------------------------------------------------------------------


class WatchedWord(db.Model):
    __tablename__ = "watched_words"
    __table_args__ = (Index("uq_watched_words_pattern_action", "pattern", "action",
                            unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pattern: Mapped[str] = mapped_column(String(100))
    action: Mapped[WordAction] = mapped_column(_enum(WordAction, "word_action"))
    is_regex: Mapped[bool] = mapped_column(default=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id",
                                                                 ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


# --- the spam model -------------------------------------------------------------------


class SpamCorpus(db.Model):
    """Document counts of one corpus: "seed" (the data it started from) or "own" (the
    community's moderators' decisions)."""

    __tablename__ = "spam_corpora"

    name: Mapped[str] = mapped_column(String(8), primary_key=True)
    spam_docs: Mapped[float] = mapped_column(default=0.0)
    ham_docs: Mapped[float] = mapped_column(default=0.0)
    decisions: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class SpamToken(db.Model):
    """Counts of one token in one corpus. The key starts with the token: scoring looks up
    a post's tokens in both corpora at once."""

    __tablename__ = "spam_tokens"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    corpus: Mapped[str] = mapped_column(String(8), primary_key=True)
    spam: Mapped[float] = mapped_column(default=0.0)
    ham: Mapped[float] = mapped_column(default=0.0)


class SpamExample(db.Model):
    """What a decision taught the model about a post, so an undo unlearns exactly it."""

    __tablename__ = "spam_examples"

    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"),
                                         primary_key=True)
    is_spam: Mapped[bool]
    tokens: Mapped[str] = mapped_column(Text)  # one per line
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


# --- the review queue -----------------------------------------------------------------


class ItemStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    DELETED = "deleted"
    SPAM = "spam"


class ItemKind(StrEnum):
    QUESTION = "question"
    REPLY = "reply"
    EDIT = "edit"


class ReviewItem(db.Model):
    """One post waiting for (or decided by) a moderator, with everything that put it here."""

    __tablename__ = "review_items"
    __table_args__ = (
        Index("ix_review_items_queue", "status", "score", "queued_at"),
        Index("ix_review_items_status_queued", "status", "queued_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"),
                                         unique=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"), index=True)
    kind: Mapped[ItemKind] = mapped_column(_enum(ItemKind, "review_item_kind"))
    source: Mapped[str] = mapped_column(String(16), default="web")
    status: Mapped[ItemStatus] = mapped_column(_enum(ItemStatus, "review_item_status"),
                                               default=ItemStatus.PENDING)
    score: Mapped[float] = mapped_column(default=0.0)
    spam_score: Mapped[float | None]
    # True while the post is hidden only because members flagged it.
    hidden_by_flags: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    queued_at: Mapped[datetime] = mapped_column(default=utcnow)  # (re)entered the queue
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    claimed_at: Mapped[datetime | None]
    decided_at: Mapped[datetime | None]

    post: Mapped[Post] = relationship()
    author: Mapped[User] = relationship(foreign_keys=[author_id])
    claimed_by: Mapped[User | None] = relationship(foreign_keys=[claimed_by_id])
    reasons: Mapped[list[ReviewReason]] = relationship(
        back_populates="item", order_by="ReviewReason.id", cascade="all, delete-orphan")
    decisions: Mapped[list[ReviewDecision]] = relationship(
        back_populates="item", order_by="ReviewDecision.id", cascade="all, delete-orphan")


class ReviewReason(db.Model):
    """Why an item is in the queue: a screening rule, a watched word, the classifier's
    score, an edit, a flag. ``key`` ("watched_word:casino", "flag:rude") is what a decision
    settles: a settled key never queues the item again."""

    __tablename__ = "review_reasons"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("review_items.id", ondelete="CASCADE"),
                                         index=True)
    key: Mapped[str] = mapped_column(String(140))
    code: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(String(200), default="")
    score: Mapped[float] = mapped_column(default=0.0)
    flag_id: Mapped[int | None] = mapped_column(ForeignKey("flags.id", ondelete="SET NULL"))
    settled: Mapped[bool] = mapped_column(default=False)
    settled_by_id: Mapped[int | None] = mapped_column(ForeignKey("review_decisions.id",
                                                                ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    item: Mapped[ReviewItem] = relationship(back_populates="reasons")
    flag: Mapped[Flag | None] = relationship()


class DecisionAction(StrEnum):
    APPROVE = "approve"
    EDIT_APPROVE = "edit_approve"
    REJECT = "reject"
    DELETE = "delete"
    SPAM = "spam"


class ReviewDecision(db.Model):
    """A moderator's decision on an item: what the post was before, for undo; its time
    since the item was queued, for the queue's health."""

    __tablename__ = "review_decisions"
    __table_args__ = (Index("ix_review_decisions_created", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("review_items.id", ondelete="CASCADE"),
                                         index=True)
    moderator_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    action: Mapped[DecisionAction] = mapped_column(_enum(DecisionAction, "decision_action"))
    reason: Mapped[str] = mapped_column(String(500), default="")
    before_visibility: Mapped[str] = mapped_column(String(16))
    before_note: Mapped[str | None] = mapped_column(String(300))
    before_status: Mapped[str] = mapped_column(String(16))
    after_visibility: Mapped[str] = mapped_column(String(16))
    queued_at: Mapped[datetime]
    # The revision an edit made by the decision saved (edit and approve; a rejected edit
    # set back), so an undo can put that text back.
    revision_id: Mapped[int | None] = mapped_column(ForeignKey("post_revisions.id",
                                                              ondelete="SET NULL"))
    # What the spam model learnt ("spam", "ham" or ""), and what the post had taught it
    # before, so an undo restores exactly that.
    learnt: Mapped[str] = mapped_column(String(8), default="")
    previous_label: Mapped[str | None] = mapped_column(String(8))
    previous_tokens: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    undo_until: Mapped[datetime]
    undone_at: Mapped[datetime | None]
    undone_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    item: Mapped[ReviewItem] = relationship(back_populates="decisions")
    moderator: Mapped[User] = relationship(foreign_keys=[moderator_id])


# --- flags ----------------------------------------------------------------------------


class FlagKind(StrEnum):
    SPAM = "spam"
    RUDE = "rude"
    OFF_TOPIC = "off_topic"
    DUPLICATE = "duplicate"
    OTHER = "other"


class FlagStatus(StrEnum):
    OPEN = "open"
    AGREED = "agreed"
    DISAGREED = "disagreed"


class Flag(db.Model):
    """A member's report on a post. One open flag per member and post (a unique index
    that only covers open flags); its weight is fixed when it is raised."""

    __tablename__ = "flags"
    __table_args__ = (
        Index("uq_flags_open_post_flagger", "post_id", "flagger_id", unique=True,
              sqlite_where=text("status = 'open'"),
              postgresql_where=text("status = 'open'")),
        Index("ix_flags_flagger_created", "flagger_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"),
                                         index=True)
    flagger_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[FlagKind] = mapped_column(_enum(FlagKind, "flag_kind"))
    message: Mapped[str] = mapped_column(String(500), default="")
    weight: Mapped[float] = mapped_column(default=1.0)
    status: Mapped[FlagStatus] = mapped_column(_enum(FlagStatus, "flag_status"),
                                               default=FlagStatus.OPEN)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("review_decisions.id",
                                                              ondelete="SET NULL"))

    flagger: Mapped[User] = relationship()


# --- sanctions ------------------------------------------------------------------------


class SanctionKind(StrEnum):
    SILENCE = "silence"  # may read, not post
    SUSPEND = "suspend"  # may not sign in until it ends
    BAN = "ban"  # may not sign in, no end


class Sanction(db.Model):
    __tablename__ = "sanctions"
    __table_args__ = (Index("ix_sanctions_user_active", "user_id", "lifted_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[SanctionKind] = mapped_column(_enum(SanctionKind, "sanction_kind"))
    reason: Mapped[str] = mapped_column(String(500))
    starts_at: Mapped[datetime] = mapped_column(default=utcnow)
    ends_at: Mapped[datetime | None]  # None: until lifted
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("review_items.id",
                                                           ondelete="SET NULL"))
    lifted_at: Mapped[datetime | None]
    lifted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    lift_reason: Mapped[str] = mapped_column(String(300), default="")

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    created_by: Mapped[User] = relationship(foreign_keys=[created_by_id])


# --- audit ----------------------------------------------------------------------------


class AuditEntry(db.Model):
    """A staff action: who, what, to what, when, and the state before and after (JSON)."""

    __tablename__ = "audit_entries"
    __table_args__ = (
        Index("ix_audit_entries_created", "created_at"),
        Index("ix_audit_entries_target", "target_type", "target_id"),
        Index("ix_audit_entries_action", "action", "created_at"),
        Index("ix_audit_entries_actor", "actor_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(40))
    target_type: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[int | None]
    summary: Mapped[str] = mapped_column(String(300), default="")
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    actor: Mapped[User | None] = relationship()
