"""What moderation's pages read about a member: their flags, the flags and decisions on
their posts, their sanctions. A fixed number of grouped queries per page."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from app.extensions import db
from community.models import Post
from moderation.models import Flag, FlagStatus, ItemStatus, ReviewItem, Sanction


@dataclass(frozen=True)
class MemberSummary:
    flags_raised: dict[str, int]  # by status
    flags_received: int
    items: dict[str, int]  # their posts' queue items, by status
    sanctions: list[Sanction]
    recent_items: list[ReviewItem]


def member_summary(user_id: int) -> MemberSummary:
    raised = dict(db.session.execute(
        select(Flag.status, func.count()).where(Flag.flagger_id == user_id)
        .group_by(Flag.status)).all())
    received = db.session.scalar(
        select(func.count()).select_from(Flag).join(Post, Post.id == Flag.post_id)
        .where(Post.author_id == user_id)) or 0
    items = dict(db.session.execute(
        select(ReviewItem.status, func.count()).where(ReviewItem.author_id == user_id)
        .group_by(ReviewItem.status)).all())
    history = list(db.session.scalars(
        select(Sanction).options(joinedload(Sanction.created_by))
        .where(Sanction.user_id == user_id).order_by(Sanction.starts_at.desc())))
    recent = list(db.session.scalars(
        select(ReviewItem).options(joinedload(ReviewItem.post).joinedload(Post.thread))
        .where(ReviewItem.author_id == user_id)
        .order_by(ReviewItem.created_at.desc()).limit(10)))
    return MemberSummary(
        flags_raised={FlagStatus(status).value: count for status, count in raised.items()},
        flags_received=received,
        items={ItemStatus(status).value: count for status, count in items.items()},
        sanctions=history, recent_items=recent)
