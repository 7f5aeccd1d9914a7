"""Trust levels: reading a member's level, setting it by hand, and the job that computes it.

Activity comes from what the community already records: the journey's steps (a member's
thread views; kept 30 days) are folded each hour into ``member_visits`` (one row per member
and day, kept as long as trust needs), replies and helpful votes from the forum's tables.
The rules themselves are pure (``moderation.rules``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import and_, delete, distinct, func, insert, select
from sqlalchemy.exc import IntegrityError

from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db
from app.jobs import items
from app.permissions import is_staff
from community.journey.models import JourneyEvent, Step
from community.models import HelpfulVote, Post, Visibility
from moderation import audit, rules
from moderation.models import MemberTrust, MemberVisit, Sanction
from moderation.settings import setting


def level_of(user: User | None) -> int:
    """Staff count as leaders; everyone else has their row's level, or 0."""
    if user is None:
        return 0
    if is_staff(user):
        return rules.STAFF_LEVEL
    return db.session.scalar(select(MemberTrust.level).where(MemberTrust.user_id == user.id)) or 0


def record_for(user_id: int) -> MemberTrust:
    """The member's row, created on first use (a concurrent request may create it first)."""
    row = db.session.get(MemberTrust, user_id)
    if row is None:
        try:
            with db.session.begin_nested():
                db.session.add(MemberTrust(user_id=user_id, level=0))
        except IntegrityError:
            pass
        row = db.session.get(MemberTrust, user_id)
    return row


def peek(user_id: int) -> MemberTrust:
    """The member's row to read, or a blank one (level 0) that is not saved."""
    return db.session.get(MemberTrust, user_id) or MemberTrust(
        user_id=user_id, level=0, locked=False, days_visited=0, threads_read=0, replies=0,
        helpful_received=0, accepted=0, flags_agreed=0, flags_disagreed=0, spam_confirmed=0)


def set_level(member: User, level: int, *, by: User | None, locked: bool = True) -> MemberTrust:
    """Set a level by hand (leaders are only ever made this way). A locked level is left
    alone by the job until someone unlocks it."""
    row = record_for(member.id)
    before = {"level": row.level, "locked": row.locked}
    row.level, row.locked, row.updated_at = level, locked, utcnow()
    if level > before["level"]:
        row.promoted_at = row.updated_at
    audit.record(by, "trust.set", "user", member.id,
                 f"{member.username}: level {before['level']} → {level}",
                 before=before, after={"level": level, "locked": locked})
    db.session.commit()
    return row


# --- the job ----------------------------------------------------------------------------


def fold_visits(now: datetime | None = None) -> int:
    """Rewrite today's and yesterday's ``member_visits`` from the journey (idempotent);
    the first time, every day the journey still holds, so no reading is lost."""
    now = now or utcnow()
    first_time = db.session.scalar(select(MemberVisit.user_id).limit(1)) is None
    span = current_app.config["JOURNEY_RETENTION_DAYS"] if first_time else 1
    written = 0
    for back in range(span, -1, -1):
        day = now.date() - timedelta(days=back)
        start = datetime.combine(day, datetime.min.time())
        rows = db.session.execute(
            select(JourneyEvent.user_id,
                   func.count(distinct(JourneyEvent.thread_id)).filter(
                       JourneyEvent.step == Step.VIEWED_THREAD))
            .where(JourneyEvent.user_id.is_not(None), JourneyEvent.created_at >= start,
                   JourneyEvent.created_at < start + timedelta(days=1))
            .group_by(JourneyEvent.user_id)).all()
        db.session.execute(delete(MemberVisit).where(MemberVisit.day == day))
        if rows:
            db.session.execute(insert(MemberVisit), [
                {"user_id": user_id, "day": day, "threads_read": read or 0}
                for user_id, read in rows])
        written += len(rows)
    db.session.commit()
    return written


def recompute(now: datetime | None = None) -> int:
    """Give every member with recorded activity the level the rules say; returns how many
    levels changed. One member failing is set aside (``app.jobs.items``)."""
    now = now or utcnow()
    requirements = {level: setting(f"TL{level}") for level in (1, 2, 3)}
    since = now - timedelta(days=setting("TL3_WINDOW_DAYS"))
    lifetime, recent = _activity(None), _activity(since)
    sanctioned = set(db.session.scalars(select(Sanction.user_id)
                                        .where(Sanction.starts_at >= since)))
    changed = 0

    def update(user_id: int) -> None:
        nonlocal changed
        row = record_for(user_id)
        if row.locked:
            return
        totals = lifetime.get(user_id, rules.Activity())
        level = rules.trust_level(row.level, totals, recent.get(user_id, rules.Activity()),
                                  requirements=requirements,
                                  sanctioned_recently=user_id in sanctioned,
                                  promoted_at=row.promoted_at, now=now)
        row.days_visited, row.threads_read = totals.days_visited, totals.threads_read
        row.replies, row.helpful_received = totals.replies, totals.helpful_received
        if level != row.level:
            row.promoted_at = now if level > row.level else row.promoted_at
            row.level, row.updated_at = level, now
            changed += 1

    members = sorted(set(lifetime) - _staff_ids())
    items.each(members, update, job="trust-levels", key=lambda user_id: f"user:{user_id}")
    return changed


def _staff_ids() -> set[int]:
    from app.permissions import STAFF

    return set(db.session.scalars(select(User.id).where(User.role.in_(list(STAFF)))))


def _activity(since: datetime | None) -> dict[int, rules.Activity]:
    """Activity per member, in four grouped queries (over all time, or since ``since``)."""
    visit_filter = [MemberVisit.day >= since.date()] if since else []
    visits = db.session.execute(
        select(MemberVisit.user_id, func.count(), func.sum(MemberVisit.threads_read))
        .where(*visit_filter).group_by(MemberVisit.user_id)).all()
    post_filter = [Post.created_at >= since] if since else []
    replies = dict(db.session.execute(
        select(Post.author_id, func.count())
        .where(Post.is_opening.is_(False), Post.visibility == Visibility.VISIBLE, *post_filter)
        .group_by(Post.author_id)).all())
    vote_filter = [HelpfulVote.created_at >= since] if since else []
    helpful = dict(db.session.execute(
        select(Post.author_id, func.count())
        .join(HelpfulVote, and_(HelpfulVote.post_id == Post.id, *vote_filter))
        .group_by(Post.author_id)).all())
    people = {user_id for user_id, _days, _read in visits} | set(replies) | set(helpful)
    by_visits = {user_id: (days, read or 0) for user_id, days, read in visits}
    return {user_id: rules.Activity(threads_read=by_visits.get(user_id, (0, 0))[1],
                                    days_visited=by_visits.get(user_id, (0, 0))[0],
                                    replies=replies.get(user_id, 0),
                                    helpful_received=helpful.get(user_id, 0))
            for user_id in people}
