"""Flags: members from trust level 1 report posts (spam, rude or abusive, off-topic,
duplicate, or something else they describe).

- One open flag per member and post (a unique index over open flags), a daily limit per
  trust level, and 24 hours before a member may flag the same post again after a
  moderator handled their flag.
- Each flag weighs by its flagger (``rules.flag_weight``: level and past accuracy) and
  adds to the post's single queue item. Once the open flags on a post weigh
  ``MODERATION_FLAG_HIDE_WEIGHT``, it is hidden at once, pending a moderator.
- A reason a moderator settled ("flag:rude" after approving the post) is not raised
  again: the flag is kept, but it neither queues nor hides the post.
"""

from __future__ import annotations

from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from app import events
from app.accounts.models import User
from app.accounts.services import restriction_reason
from app.clock import utcnow
from app.extensions import db, locked
from app.permissions import can
from app.screening import Reason
from community import queries, visibility
from community.models import Post, Visibility
from moderation import queue, rules, trust
from moderation.errors import ModerationError
from moderation.models import Flag, FlagKind, FlagStatus, ItemKind, ReviewDecision
from moderation.settings import setting

DAY = timedelta(days=1)


def raise_flag(flagger: User, post: Post, kind: FlagKind, message: str = "") -> Flag:
    """Flags on one post are counted one after the other (the post's row is locked):
    two members flagging at once neither both create its queue item nor both miss the
    weight that hides it."""
    message = message.strip()
    post = db.session.scalars(locked(select(Post).where(Post.id == post.id))
                              .execution_options(populate_existing=True)).one()
    _check(flagger, post, kind, message)
    level = trust.level_of(flagger)
    record = trust.record_for(flagger.id)
    flag = Flag(post_id=post.id, flagger_id=flagger.id, kind=kind, message=message[:500],
                weight=rules.flag_weight(level, record.flags_agreed, record.flags_disagreed))
    db.session.add(flag)
    try:
        db.session.flush()
    except IntegrityError as error:
        db.session.rollback()
        raise ModerationError(_("You flagged this post already; a moderator will look at it."),
                              409) from error
    item = queue.enqueue(post, [Reason("flag", kind.value, flag.weight)],
                         kind=ItemKind.QUESTION if post.is_opening else ItemKind.REPLY,
                         source=post.thread.source.value, flag_id=flag.id)
    change = None
    if item is not None and post.visibility == Visibility.VISIBLE and _weight(item) >= setting(
            "FLAG_HIDE_WEIGHT"):
        change = visibility.change(post, Visibility.HIDDEN, _hidden_note(post))
        item.hidden_by_flags = True
    db.session.commit()
    events.notify(events.content_flagged, post, flag=flag, hidden=change is not None)
    if change is not None:
        events.notify(events.content_hidden, post, previous=change.previous, reason="flags",
                      by=None)
    return flag


def _check(flagger: User, post: Post, kind: FlagKind, message: str) -> None:
    if not queries.may_see(post, flagger) or post.visibility != Visibility.VISIBLE:
        raise ModerationError(_("There is no such post."), 404)
    if not can(flagger, "post.flag", post):
        raise ModerationError(why_not(flagger, post), 403)
    if kind == FlagKind.OTHER and not message:
        raise ModerationError(_("Tell the moderators what is wrong."), field="message")
    _check_limits(flagger, post)


def why_not(user: User, post: Post) -> str:
    """Why this member may not flag this post, in words they can act on."""
    if post.author_id == user.id:
        return _("This is your own post: edit it instead.")
    if user.read_only():
        return restriction_reason(user) or _("You cannot flag posts for now.")
    return _("Members can flag posts once they have read around a little (trust level 1).")


def _check_limits(flagger: User, post: Post) -> None:
    now = utcnow()
    level = str(min(trust.level_of(flagger), rules.LEADER))
    limit = setting("FLAGS_PER_DAY").get(level, 10)
    today = db.session.execute(select(func.count(), func.min(Flag.created_at)).where(
        Flag.flagger_id == flagger.id, Flag.created_at >= now - DAY)).one()
    if today[0] >= limit:
        wait = int((today[1] + DAY - now).total_seconds()) + 1
        raise ModerationError(_("You have used your %(limit)d flags for today; thank you. You "
                                "can flag again in %(hours)d h.", limit=limit,
                                hours=max(1, wait // 3600)), 429, retry_after=wait)
    last = db.session.scalar(select(func.max(Flag.resolved_at)).where(
        Flag.flagger_id == flagger.id, Flag.post_id == post.id,
        Flag.status != FlagStatus.OPEN))
    cooldown = timedelta(hours=setting("REFLAG_COOLDOWN_HOURS"))
    if last is not None and now - last < cooldown:
        wait = int((last + cooldown - now).total_seconds()) + 1
        raise ModerationError(_("A moderator handled your flag on this post recently; you can "
                                "flag it again in %(hours)d h.", hours=max(1, wait // 3600)),
                              429, retry_after=wait)


def _weight(item) -> float:
    return sum(reason.score for reason in item.reasons
               if reason.code == "flag" and not reason.settled)


def _hidden_note(post: Post) -> str:
    from flask_babel import force_locale

    with force_locale(post.author.locale or "en"):
        return _("Hidden after reports from the community; a moderator will look at it.")


def resolve(post_id: int, decision: ReviewDecision, *, agreed: bool) -> None:
    """The moderator's decision settles the open flags on the post: agreed when the post was
    removed, not when it was approved. Flaggers' accuracy follows."""
    for flag in db.session.scalars(select(Flag).where(Flag.post_id == post_id,
                                                      Flag.status == FlagStatus.OPEN)):
        flag.status = FlagStatus.AGREED if agreed else FlagStatus.DISAGREED
        flag.resolved_at, flag.decision_id = decision.created_at, decision.id
        _count(flag, +1)


def reopen(decision: ReviewDecision) -> None:
    """Undo: the flags the decision settled are open again, and accuracy as it was."""
    for flag in db.session.scalars(select(Flag).where(Flag.decision_id == decision.id)):
        _count(flag, -1)
        flag.status, flag.resolved_at, flag.decision_id = FlagStatus.OPEN, None, None


def _count(flag: Flag, step: int) -> None:
    record = trust.record_for(flag.flagger_id)
    if flag.status == FlagStatus.AGREED:
        record.flags_agreed += step
    else:
        record.flags_disagreed += step


def on_post(post_id: int) -> list[Flag]:
    """Every flag raised on a post, oldest first, with its flagger."""
    return list(db.session.scalars(select(Flag).options(joinedload(Flag.flagger))
                                   .where(Flag.post_id == post_id).order_by(Flag.created_at)))
