"""Moderators' decisions on queue items: approve, edit and approve, reject with a reason the
author reads, delete, confirm spam; undo within ``MODERATION_UNDO_MINUTES``.

A decision is one transaction: the item (locked, and still in the state the moderator
saw), the post's text when the decision edits it, its visibility (``community.
visibility``), the flags on it (agreed or not: their flaggers' accuracy), what the spam
model learns, the author's notification and the audit entry; then the events. Rejecting
an edit that waits sets the post back to its published text instead of hiding it.

A decision is only ever about content: sanctioning its author is a separate, explicit
choice (``moderation.sanctions``). Nobody decides on, or undoes a decision on, their own
posts. An undo restores exactly what its decision changed, and only the latest decision
still standing on an item can be undone.
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
from community.errors import CommunityError
from community.models import Notification, Post, PostRevision, Visibility
from moderation import audit, flags, queue, spam_model
from moderation.errors import ModerationError
from moderation.models import (
    DecisionAction,
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
    _check(moderator, item.author_id, action, reason)
    item = _locked(item.id)
    if seen_status is not None and item.status != seen_status:
        raise ModerationError(_("Someone decided this item meanwhile; reload to see what."), 409)
    status, target = OUTCOME[action]
    if item.status == status:
        raise ModerationError(_("This item is already decided this way."), 409)
    post, now = item.post, utcnow()
    decision = ReviewDecision(
        item_id=item.id, moderator_id=moderator.id, action=action, reason=reason.strip()[:500],
        before_visibility=post.visibility.value, before_note=post.visibility_note,
        before_status=item.status.value, queued_at=item.queued_at, created_at=now,
        undo_until=now + timedelta(minutes=setting("UNDO_MINUTES")))
    edit = None
    if action == DecisionAction.EDIT_APPROVE:
        edit = _edit(moderator, post, body or "", title)
    elif action == DecisionAction.REJECT and _edit_waits(item, post):
        edit, target = _set_back(moderator, post), Visibility.VISIBLE
    decision.revision_id = edit.revision.id if edit and edit.revision else None
    decision.after_visibility = target.value
    db.session.add(decision)
    db.session.flush()
    change = visibility.change(post, target, _note(action, decision.reason, post, target))
    item.status, item.decided_at, item.hidden_by_flags = status, now, False
    _settle(item, decision)
    flags.resolve(post.id, decision, agreed=action != DecisionAction.APPROVE
                  and action != DecisionAction.EDIT_APPROVE)
    _teach(post, action, decision)
    _tell_author(post, action, decision, change.first_publication, edited_back=edit is not None
                 and action == DecisionAction.REJECT)
    audit.record(moderator, f"item.{action.value}", "post", post.id, _summary(post, reason),
                 before={"visibility": decision.before_visibility,
                         "status": decision.before_status},
                 after={"visibility": target.value, "status": status.value,
                        "reason": decision.reason})
    db.session.commit()
    _announce(moderator, post, edit, change, reason=action.value)
    return decision


def _check(moderator: User, author_id: int, action: DecisionAction | None,
           reason: str = "") -> None:
    if not can(moderator, "moderation.review"):
        raise ModerationError(_("You are not allowed to do this."), 403)
    if author_id == moderator.id:
        raise ModerationError(_("Nobody decides on their own posts: another moderator will."),
                              403)
    if action == DecisionAction.REJECT and not reason.strip():
        raise ModerationError(_("Tell the author why: they will read this reason."),
                              field="reason")


def _locked(item_id: int) -> ReviewItem:
    return db.session.scalars(locked(select(ReviewItem).where(ReviewItem.id == item_id))
                              .execution_options(populate_existing=True)).one()


def _edit(moderator: User, post: Post, body: str, title: str | None) -> services.Edit:
    """Edit and approve: the edit is kept as a revision like any staff edit."""
    if not body.strip():
        raise ModerationError(_("Write the text to approve."), field="body")
    try:
        return services.apply_edit(moderator, post, body,
                                   title if post.is_opening else None)
    except CommunityError as error:
        raise ModerationError(error.message, error.status, error.field) from error


def _edit_waits(item: ReviewItem, post: Post) -> bool:
    """The post was published, then an edit took it back to waiting."""
    return post.visibility == Visibility.PENDING and post.published_at is not None and any(
        reason.code == "edited" and not reason.settled for reason in item.reasons)


def _set_back(moderator: User, post: Post) -> services.Edit:
    """Rejecting such an edit sets the post back to the text readers saw before it."""
    before = db.session.scalars(select(PostRevision).where(PostRevision.post_id == post.id)
                                .order_by(PostRevision.id.desc()).limit(1)).one()
    return _edit(moderator, post, before.body_source, before.title)


def _note(action: DecisionAction, reason: str, post: Post, target: Visibility) -> str:
    """What the author reads on their post, in their language. Spam is not named as such:
    its author learns nothing that helps them try again."""
    if target == Visibility.VISIBLE:
        return ""
    with force_locale(post.author.locale or "en"):
        return reason if reason and action != DecisionAction.SPAM else _(
            "Removed by a moderator.")


def _settle(item: ReviewItem, decision: ReviewDecision) -> None:
    for reason in item.reasons:
        if not reason.settled:
            reason.settled, reason.settled_by_id = True, decision.id
    queue.rescore(item)


def _teach(post: Post, action: DecisionAction, decision: ReviewDecision) -> None:
    """Approving teaches "not spam", confirming spam teaches "spam"; other decisions
    (rude, off-topic) say nothing about spam. The decision keeps what it changed."""
    if action not in (DecisionAction.SPAM, DecisionAction.APPROVE,
                      DecisionAction.EDIT_APPROVE):
        return
    is_spam = action == DecisionAction.SPAM
    learnt = spam_model.learn(post.id, spam_model.post_tokens(post), is_spam=is_spam)
    if learnt.changed:
        decision.learnt = "spam" if is_spam else "ham"
        if learnt.previous is not None:
            decision.previous_label = "spam" if learnt.previous.is_spam else "ham"
            decision.previous_tokens = learnt.previous.tokens
    if is_spam:
        record_for(post.author_id).spam_confirmed += 1


def _tell_author(post: Post, action: DecisionAction, decision: ReviewDecision,
                 first: bool, *, edited_back: bool) -> None:
    if action == DecisionAction.SPAM:
        return  # spammers learn nothing from us
    if edited_back:
        notifications.post_moderated(post, "edit_rejected", decision.moderator_id,
                                     decision.reason)
    elif action in (DecisionAction.APPROVE, DecisionAction.EDIT_APPROVE):
        if first:
            notifications.post_moderated(post, "post_published", decision.moderator_id)
    else:
        notifications.post_moderated(post, "post_removed", decision.moderator_id,
                                     post.visibility_note or "")


def _summary(post: Post, reason: str) -> str:
    what = post.thread.title if post.is_opening else f"reply in “{post.thread.title}”"
    return f"{what}" + (f" — {reason.strip()}" if reason.strip() else "")


def _announce(moderator: User, post: Post, edit: services.Edit | None,
              change: visibility.Change, *, reason: str) -> None:
    if edit is not None and edit.revision is not None:
        services.announce_edit(post, moderator, edit)
    signal = visibility.signal_for(change)
    if signal is not None:
        events.notify(signal, post, previous=change.previous,
                      first=change.first_publication, by=moderator, reason=reason,
                      reasons=[], new=False)


# --- undo -------------------------------------------------------------------------------


def undo(moderator: User, decision: ReviewDecision) -> ReviewItem:
    """Within the undo window, the latest decision still standing on its item: the post
    (text and visibility), the item, the flags, the spam model and the author's unsent
    notification go back to what they were before it."""
    decision = db.session.scalars(
        locked(select(ReviewDecision).where(ReviewDecision.id == decision.id))
        .execution_options(populate_existing=True)).one()
    item = _locked(decision.item_id)
    _check(moderator, item.author_id, None)
    if decision.undone_at is not None or utcnow() > decision.undo_until:
        raise ModerationError(_("This decision can no longer be undone."), 409)
    standing = [d.id for d in item.decisions if d.undone_at is None]
    if standing and max(standing) != decision.id:
        raise ModerationError(_("A later decision on this item stands: undo that one first."),
                              409)
    post = item.post
    edit = _put_text_back(moderator, post, decision)
    change = visibility.change(post, Visibility(decision.before_visibility),
                               decision.before_note or "")
    item.status, item.decided_at = ItemStatus(decision.before_status), None
    for reason in item.reasons:
        if reason.settled_by_id == decision.id:
            reason.settled, reason.settled_by_id = False, None
    queue.rescore(item)
    flags.reopen(decision)
    _unteach(post, decision)
    _withdraw_note(post, decision)
    decision.undone_at, decision.undone_by_id = utcnow(), moderator.id
    audit.record(moderator, "item.undo", "post", post.id,
                 f"undo {decision.action.value}: {_summary(post, '')}",
                 before={"visibility": decision.after_visibility},
                 after={"visibility": decision.before_visibility})
    db.session.commit()
    _announce(moderator, post, edit, change, reason="undo")
    return item


def _put_text_back(moderator: User, post: Post,
                   decision: ReviewDecision) -> services.Edit | None:
    if decision.revision_id is None:
        return None
    revision = db.session.get(PostRevision, decision.revision_id)
    return _edit(moderator, post, revision.body_source, revision.title) if revision else None


def _unteach(post: Post, decision: ReviewDecision) -> None:
    if decision.learnt:
        spam_model.unlearn(post.id)
        if decision.previous_label and decision.previous_tokens is not None:
            spam_model.learn(post.id, decision.previous_tokens.split("\n"),
                             is_spam=decision.previous_label == "spam")
    if decision.action == DecisionAction.SPAM:
        record_for(post.author_id).spam_confirmed -= 1


def _withdraw_note(post: Post, decision: ReviewDecision) -> None:
    """The author's note about the decision, if the e-mail job has not sent it yet."""
    db.session.execute(Notification.__table__.delete().where(
        Notification.post_id == post.id, Notification.emailed_at.is_(None),
        Notification.kind.in_(notifications.MODERATION_KINDS),
        Notification.created_at >= decision.created_at))
