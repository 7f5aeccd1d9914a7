"""Reputation: +15 for an accepted answer, +10 per helpful vote, both taken back when undone.

Points are written to a ledger (``ReputationEvent``) and summed into ``MemberProfile``
in the same transaction as the vote or the acceptance, so the number next to a name is
always a sum of causes that still stand. Callers commit.
"""

from __future__ import annotations

from sqlalchemy import delete, desc, func, select, update
from sqlalchemy.exc import IntegrityError

from app.accounts.models import User
from app.extensions import db
from community.models import Category, MemberProfile, Post, ReputationEvent


def profile_for(user_id: int) -> MemberProfile:
    profile = db.session.get(MemberProfile, user_id)
    if profile is None:
        try:
            with db.session.begin_nested():  # a concurrent request may create it first
                db.session.add(MemberProfile(user_id=user_id, reputation=0))
        except IntegrityError:
            pass
        profile = db.session.get(MemberProfile, user_id)
    return profile


def award(post: Post, actor: User, kind: str, points: int) -> None:
    _record(post, actor.id, kind, points)


def award_once(post: Post, actor_id: int, kind: str, points: int) -> None:
    """Award unless this cause already counts (restoring a post gives its points back)."""
    counted = db.session.scalar(select(ReputationEvent.id).where(
        ReputationEvent.kind == kind, ReputationEvent.post_id == post.id,
        ReputationEvent.actor_id == actor_id))
    if counted is None:
        _record(post, actor_id, kind, points)


def _record(post: Post, actor_id: int, kind: str, points: int) -> None:
    profile_for(post.author_id)
    db.session.add(ReputationEvent(user_id=post.author_id, post_id=post.id, actor_id=actor_id,
                                   category_id=post.thread.category_id, kind=kind,
                                   points=points))
    _adjust(post.author_id, points)


def revoke(post: Post, kind: str, actor: User | None = None) -> None:
    """Take back the points of ``kind`` on ``post`` (from ``actor``'s action, or any)."""
    condition = [ReputationEvent.post_id == post.id, ReputationEvent.kind == kind]
    if actor is not None:
        condition.append(ReputationEvent.actor_id == actor.id)
    events = db.session.scalars(select(ReputationEvent).where(*condition)).all()
    for event in events:
        _adjust(event.user_id, -event.points)
    if events:
        db.session.execute(delete(ReputationEvent).where(*condition))


def _adjust(user_id: int, points: int) -> None:
    db.session.flush()
    db.session.execute(
        update(MemberProfile)
        .where(MemberProfile.user_id == user_id)
        .values(reputation=MemberProfile.reputation + points)
    )


def reputation_of(user_ids: set[int]) -> dict[int, int]:
    """Reputation for many users in one query (missing profiles count as 0)."""
    if not user_ids:
        return {}
    rows = db.session.execute(
        select(MemberProfile.user_id, MemberProfile.reputation)
        .where(MemberProfile.user_id.in_(user_ids))
    )
    return {user_id: reputation for user_id, reputation in rows}


def top_helpers(category: Category | None = None, limit: int = 10) -> list[tuple[User, int]]:
    """Members with the most points earned by their answers (in a category, with its
    subcategories, when given)."""
    points = func.sum(ReputationEvent.points).label("points")
    statement = (
        select(User, points)
        .join(ReputationEvent, ReputationEvent.user_id == User.id)
        .where(User.is_active.is_(True))
        .group_by(User.id)
        .order_by(desc(points), User.username)
        .limit(limit)
    )
    if category is not None:
        ids = [category.id, *(child.id for child in category.children)]
        statement = statement.where(ReputationEvent.category_id.in_(ids))
    return [(user, int(total)) for user, total in db.session.execute(statement)]
