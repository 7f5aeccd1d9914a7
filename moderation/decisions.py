"""Moderators' decisions on queue items: approve, edit and approve, reject with a reason the
author reads, delete, confirm spam; undo within ``MODERATION_UNDO_MINUTES``.

A decision is one transaction: the post's visibility (``community.visibility``), the item,
the flags on the post (agreed or not: their flaggers' accuracy), what the spam model
learns, the author's notification and the audit entry; then the visibility signal.
A decision is only ever about content: sanctioning its author is a separate, explicit
choice (``moderation.sanctions``). Nobody decides on their own content, and a decision
names the state the moderator saw, so two moderators deciding at once cannot both win.
"""

from __future__ import annotations

from datetime import timedelta

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from app import events
from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db, locked
from app.permissions import can
from community import notifications, services, visibility
from community.models import Notification, Post, Visibility
from moderation import audit, flags, queue, spam_model
from moderation.errors import ModerationError
from moderation.models import (
    DecisionAction,
    ItemKind,
    ItemStatus,
    ReviewDecision,
    ReviewItem,
)
from moderation.settings import setting
from moderation.trust import record_for

OUTCOME = {
    DecisionAction.APPROVE: (ItemStatus.APPROVED, Visibility.VISIBLE),
    DecisionAction.EDIT_APPROVE: (ItemStatus.APPROVED, Visibility.VISIBLE),
    DecisionAction.REJECT: (ItemStatus.REJECTED, Visibility.HIDDEN),
    DecisionAction.DELETE: (ItemStatus.DELETED, Visibility.DELETED),
    DecisionAction.SPAM: (ItemStatus.SPAM, Visibility.HIDDEN),
}


def decide(moderator: User, item: ReviewItem, action: DecisionAction, *, reason: str = "",
           seen_status: ItemStatus | None = None, body: str | None = None,
           title: str | None = None) -> ReviewDecision:
    _check(moderator, item, action, reason)
    if action == DecisionAction.EDIT_APPROVE:
        _edit(moderator, item, body, title)
    item = _locked(item.id)
    if seen_status is not None and item.status != seen_status:
        raise ModerationError(_("Someone decided this item meanwhile; reload to see what."), 409)
    status, target = OUTCOME[action]
    if item.status == status:
        raise ModerationError(_("This item is already decided this way."), 409)
    post, now = item.post, utcnow()
    decision = ReviewDecision(
        item=item, moderator_id=moderator.id, action=action, reason=reason.strip()[:500],
        before_visibility=post.visibility.value, before_note=post.visibility_note,
        before_status=item.status.value, after_visibility=target.value,
        queued_at=item.queued_at, created_at=now,
        undo_until=now + timedelta(minutes=setting("UNDO_MINUTES")))
    db.session.add(decision)
    db.session.flush()
    change = visibility.change(post, target, _note(action, decision.reason, post))
    first = change.first_publication and item.kind != ItemKind.EDIT
    item.status, item.decided_at, item.hidden_by_flags = status, now, False
    _settle(item, decision)
    flags.resolve(post.id, decision, agreed=target != Visibility.VISIBLE)
    _teach(post, action)
    _tell_author(post, action, decision, first)
    audit.record(moderator, f"item.{action.value}", "post", post.id, _summary(post, reason),
                 before={"visibility": decision.before_visibility,
                         "status": decision.before_status},
                 after={"visibility": target.value, "status": status.value,
                        "reason": decision.reason})
    db.session.commit()
    _announce(change, moderator, action, first)
    return decision


def _check(moderator: User, item: ReviewItem, action: DecisionAction, reason: str) -> None:
    if not can(moderator, "moderation.review"):
        raise ModerationError(_("You are not allowed to do this."), 403)
    if item.author_id == moderator.id:
        raise ModerationError(_("Nobody decides on their own posts: another moderator will."),
                              403)
    if action == DecisionAction.REJECT and not reason.strip():
        raise ModerationError(_("Tell the author why: they will read this reason."),
                              field="reason")


def _edit(moderator: User, item: ReviewItem, body: str | None, title: str | None) -> None:
    """Edit and approve: the edit is kept as a revision like any staff edit, then approved."""
    if not body:
        raise ModerationError(_("Write the text to approve."), field="body")
    try:
        services.edit_post(moderator, item.post, body, title if item.post.is_opening else None)
    except services.CommunityError as error:
        raise ModerationError(error.message, error.status, error.field) from error


def _locked(item_id: int) -> ReviewItem:
    return db.session.scalars(locked(select(ReviewItem).where(ReviewItem.id == item_id))
                              .execution_options(populate_existing=True)).one()


def _note(action: DecisionAction, reason: str, post: Post) -> str:
    """What the author reads on their post, in their language."""
    if action in (DecisionAction.APPROVE, DecisionAction.EDIT_APPROVE):
        return ""
    with force_locale(post.author.locale or "en"):
        if action == DecisionAction.SPAM:
            return _("Removed as spam.")
        return reason or _("Removed by a moderator.")


def _settle(item: ReviewItem, decision: ReviewDecision) -> None:
    for reason in item.reasons:
        if not reason.settled:
            reason.settled, reason.settled_by_id = True, decision.id
    queue.rescore(item)


def _teach(post: Post, action: DecisionAction) -> None:
    """Approving teaches "not spam", confirming spam teaches "spam"; other decisions
    (rude, off-topic) say nothing about spam."""
    if action == DecisionAction.SPAM:
        spam_model.learn(post.id, spam_model.post_tokens(post), is_spam=True)
        trust_row = record_for(post.author_id)
        trust_row.spam_confirmed += 1
    elif action in (DecisionAction.APPROVE, DecisionAction.EDIT_APPROVE):
        spam_model.learn(post.id, spam_model.post_tokens(post), is_spam=False)


def _tell_author(post: Post, action: DecisionAction, decision: ReviewDecision,
                 first: bool) -> None:
    if action == DecisionAction.SPAM:
        return  # spammers learn nothing from us
    if action in (DecisionAction.APPROVE, DecisionAction.EDIT_APPROVE):
        if first:
            notifications.post_moderated(post, "post_published", decision.moderator_id)
        return
    notifications.post_moderated(post, "post_removed", decision.moderator_id,
                                 post.visibility_note or "")


def _summary(post: Post, reason: str) -> str:
    what = post.thread.title if post.is_opening else f"reply in “{post.thread.title}”"
    return f"{what}" + (f" — {reason.strip()}" if reason.strip() else "")


def _announce(change: visibility.Change, moderator: User, action: DecisionAction,
              first: bool) -> None:
    signal = visibility.signal_for(change)
    if signal is not None:
        events.notify(signal, change.post, previous=change.previous, first=first,
                      by=moderator, reason=action.value, reasons=[], new=False)


# --- undo -------------------------------------------------------------------------------


def undo(moderator: User, decision: ReviewDecision) -> ReviewItem:
    """Within the undo window: the post, the item, the flags, the spam model and the
    author's unsent notification go back to what they were before the decision."""
    if not can(moderator, "moderation.review"):
        raise ModerationError(_("You are not allowed to do this."), 403)
    now = utcnow()
    if decision.undone_at is not None or now > decision.undo_until:
        raise ModerationError(_("This decision can no longer be undone."), 409)
    item = _locked(decision.item_id)
    post = item.post
    change = visibility.change(post, Visibility(decision.before_visibility),
                               decision.before_note or "")
    item.status, item.decided_at = ItemStatus(decision.before_status), None
    for reason in item.reasons:
        if reason.settled_by_id == decision.id:
            reason.settled, reason.settled_by_id = False, None
    queue.rescore(item)
    flags.reopen(decision)
    spam_model.unlearn(post.id)
    if decision.action == DecisionAction.SPAM:
        record_for(post.author_id).spam_confirmed -= 1
    _withdraw_note(post, decision)
    decision.undone_at, decision.undone_by_id = now, moderator.id
    audit.record(moderator, "item.undo", "post", post.id,
                 f"undo {decision.action.value}: {_summary(post, '')}",
                 before={"visibility": decision.after_visibility},
                 after={"visibility": decision.before_visibility})
    db.session.commit()
    signal = visibility.signal_for(change)
    if signal is not None:
        events.notify(signal, post, previous=change.previous, first=False, by=moderator,
                      reason="undo", reasons=[], new=False)
    return item


def _withdraw_note(post: Post, decision: ReviewDecision) -> None:
    """The author's note about the decision, if the e-mail job has not sent it yet."""
    db.session.execute(Notification.__table__.delete().where(
        Notification.post_id == post.id, Notification.emailed_at.is_(None),
        Notification.kind.in_(notifications.MODERATION_KINDS),
        Notification.created_at >= decision.created_at))


# --- from the thread page -----------------------------------------------------------------


def item_for(moderator: User, post: Post) -> ReviewItem:
    """The post's queue item, for a moderator acting on the post from its thread. A post
    nobody queued gets an item that starts as what the post is (published or waiting), so
    looking at it does not add to the queue."""
    item = queue.item_for_post(post.id)
    if item is None:
        now = utcnow()
        visible = post.visibility == Visibility.VISIBLE
        item = ReviewItem(post_id=post.id, author_id=post.author_id, thread_id=post.thread_id,
                          category_id=post.thread.category_id,
                          kind=ItemKind.QUESTION if post.is_opening else ItemKind.REPLY,
                          source=post.thread.source.value, queued_at=now, created_at=now,
                          status=ItemStatus.APPROVED if visible else ItemStatus.PENDING,
                          decided_at=now if visible else None)
        db.session.add(item)
        db.session.commit()
    return item
