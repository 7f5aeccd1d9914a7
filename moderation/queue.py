"""The review queue: one item per post, whatever brought it here, and how it is read.

Items come from the screening gate (``keep``, in the transaction that writes the post)
and from flags (``moderation.flags``). A reason a moderator already settled on an item
("watched_word:casino", "flag:rude") never queues it again: the item keeps its settled
reasons, and a new one with the same key is ignored.

The queue is ordered by score (reasons' weights, flags by their weight) and then by age,
and filtered with indexed columns only, so it stays fast and paginated at 10,000 items.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import g, has_request_context
from sqlalchemy import Select, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, selectinload

from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db
from app.screening import PostRef, Reason, Submission, Verdict
from community.models import Post, Thread, Visibility
from moderation import rules
from moderation.models import (
    ItemKind,
    ItemStatus,
    MemberTrust,
    ReviewDecision,
    ReviewItem,
    ReviewReason,
)
from moderation.settings import setting

HEALTH_WINDOW = timedelta(days=7)


def keep(verdict: Verdict, submission: Submission, post_id: int) -> None:
    """The gate's hook: put a post it did not simply publish in front of a moderator."""
    if not verdict.queued:
        return
    reasons = list(verdict.reasons)
    if submission.kind == "edit":
        reasons.append(Reason("edited", utcnow().isoformat(timespec="seconds"), 0.5))
    post = db.session.get(Post, post_id)
    item = enqueue(post, reasons, kind=ItemKind(submission.kind), source=submission.source)
    if item is not None and verdict.spam_score is not None:
        item.spam_score = verdict.spam_score


def keep_written(kept: list[tuple[Verdict, Submission, PostRef]]) -> None:
    """:func:`keep` for posts just written in this transaction (an import's batch): none
    has an item yet, so their items and reasons go in two multi-row INSERTs."""
    now = utcnow()
    queued = [(verdict, submission, post) for verdict, submission, post in kept
              if verdict.queued]
    if not queued:
        return
    items = ReviewItem.__table__  # Core, and ids matched by post: see external._inserted
    result = db.session.execute(insert(items).returning(items.c.post_id, items.c.id), [
        {"post_id": post.id, "author_id": post.author_id, "thread_id": post.thread_id,
         "category_id": post.category_id, "kind": ItemKind(submission.kind),
         "source": submission.source, "status": ItemStatus.PENDING, "queued_at": now,
         "created_at": now, "spam_score": verdict.spam_score,
         "score": rules.queue_score([reason.score for reason in verdict.reasons])}
        for verdict, submission, post in queued])
    item_ids = {post_id: ident for post_id, ident in result.all()}
    rows = [{"item_id": item_ids[post.id], "key": _key(reason), "code": reason.code,
             "detail": reason.detail[:200], "score": reason.score, "created_at": now}
            for verdict, _submission, post in queued for reason in verdict.reasons]
    if rows:
        db.session.execute(insert(ReviewReason.__table__), rows)


def enqueue(post: Post, reasons: list[Reason], *, kind: ItemKind, source: str = "web",
            flag_id: int | None = None) -> ReviewItem | None:
    """Add ``reasons`` to the post's item (creating or reopening it); reasons settled
    before are left out. Returns the item, or None when nothing new was added."""
    item = item_for_post(post.id)
    settled = {reason.key for reason in item.reasons if reason.settled} if item else set()
    fresh = [reason for reason in reasons if _key(reason) not in settled]
    if not fresh:
        return None
    now = utcnow()
    if item is None:
        item = _new_item(post, kind, source, ItemStatus.PENDING, now)
    elif item.status != ItemStatus.PENDING:
        item.status, item.queued_at, item.decided_at = ItemStatus.PENDING, now, None
        item.claimed_by_id = item.claimed_at = None
    for reason in fresh:
        item.reasons.append(ReviewReason(key=_key(reason), code=reason.code,
                                         detail=reason.detail[:200], score=reason.score,
                                         flag_id=flag_id, created_at=now))
    rescore(item)
    db.session.flush()
    return item


def _key(reason: Reason) -> str:
    return f"{reason.code}:{reason.detail}"[:140]


def rescore(item: ReviewItem) -> None:
    item.score = rules.queue_score([reason.score for reason in item.reasons
                                    if not reason.settled])


# --- reading ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    status: ItemStatus = ItemStatus.PENDING
    reason: str = ""  # a reason code, e.g. "flag", "spam_score", "first_posts"
    category_id: int | None = None
    kind: str = ""  # question, reply, edit
    source: str = ""  # web, api, import, social
    claimed: str = ""  # "", "mine", "unclaimed"
    oldest_first: bool = False


def page(filters: Filters, viewer_id: int | None, number: int, per_page: int):
    """One page of the queue. The page's ids are found on the queue table alone (sorted
    and counted on narrow rows), then only those items are loaded with their post,
    thread, author and reasons: a deep page of 10,000 items stays cheap."""
    found = db.paginate(_ids(filters, viewer_id), page=number, per_page=per_page,
                        max_per_page=per_page, error_out=False)
    ids = list(found.items)
    loaded = {item.id: item for item in db.session.scalars(
        select(ReviewItem).where(ReviewItem.id.in_(ids))
        .options(joinedload(ReviewItem.post).joinedload(Post.thread)
                 .joinedload(Thread.category),
                 joinedload(ReviewItem.author), joinedload(ReviewItem.claimed_by),
                 selectinload(ReviewItem.reasons).joinedload(ReviewReason.flag),
                 selectinload(ReviewItem.decisions).joinedload(ReviewDecision.moderator)))
              } if ids else {}
    found.items = [loaded[ident] for ident in ids if ident in loaded]
    return found


def _ids(filters: Filters, viewer_id: int | None) -> Select:
    statement = select(ReviewItem.id).where(ReviewItem.status == filters.status)
    if filters.reason:
        statement = statement.where(select(ReviewReason.id).where(
            ReviewReason.item_id == ReviewItem.id, ReviewReason.settled.is_(False),
            ReviewReason.code.startswith(filters.reason, autoescape=True)).exists())
    if filters.category_id:
        statement = statement.where(ReviewItem.category_id == filters.category_id)
    if filters.kind:
        statement = statement.where(ReviewItem.kind == filters.kind)
    if filters.source:
        statement = statement.where(ReviewItem.source == filters.source)
    if filters.claimed == "mine" and viewer_id:
        statement = statement.where(ReviewItem.claimed_by_id == viewer_id)
    elif filters.claimed == "unclaimed":
        statement = statement.where(ReviewItem.claimed_by_id.is_(None))
    if filters.status != ItemStatus.PENDING:
        return statement.order_by(ReviewItem.decided_at.desc(), ReviewItem.id.desc())
    if filters.oldest_first:
        return statement.order_by(ReviewItem.queued_at, ReviewItem.id)
    return statement.order_by(ReviewItem.score.desc(), ReviewItem.queued_at, ReviewItem.id)


def item_with_history(item_id: int) -> ReviewItem | None:
    """An item for its page: the post, reasons with their flags, decisions with their
    moderators, in a fixed number of queries."""
    return db.session.scalar(
        select(ReviewItem).where(ReviewItem.id == item_id)
        .options(joinedload(ReviewItem.post).joinedload(Post.thread)
                 .joinedload(Thread.category),
                 joinedload(ReviewItem.author), joinedload(ReviewItem.claimed_by),
                 selectinload(ReviewItem.reasons).joinedload(ReviewReason.flag),
                 selectinload(ReviewItem.decisions).joinedload(ReviewDecision.moderator)))


def item_for_post(post_id: int) -> ReviewItem | None:
    return db.session.scalar(select(ReviewItem).where(ReviewItem.post_id == post_id))


def _new_item(post: Post, kind: ItemKind, source: str, status: ItemStatus,
              now: datetime) -> ReviewItem:
    item = ReviewItem(post_id=post.id, author_id=post.author_id, thread_id=post.thread_id,
                      category_id=post.thread.category_id, kind=kind, source=source,
                      status=status, queued_at=now, created_at=now,
                      decided_at=None if status == ItemStatus.PENDING else now)
    db.session.add(item)
    return item


def item_for(post: Post) -> ReviewItem:
    """The post's item, made (and committed) when a moderator acts on a post nobody
    queued: it starts as what the post is, published or waiting, so looking at a post does
    not add to the queue. Two moderators opening it at once share one item."""
    item = item_for_post(post.id)
    if item is not None:
        return item
    status = ItemStatus.APPROVED if post.visibility == Visibility.VISIBLE else ItemStatus.PENDING
    kind = ItemKind.QUESTION if post.is_opening else ItemKind.REPLY
    try:
        with db.session.begin_nested():
            item = _new_item(post, kind, post.thread.source.value, status, utcnow())
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        item = item_for_post(post.id)
    return item


@dataclass(frozen=True)
class Waiting:
    size: int
    oldest: datetime | None


@dataclass(frozen=True)
class Health(Waiting):
    median_minutes: float | None  # post queued to decision, over the last 7 days
    decided: int


def waiting() -> Waiting:
    """How many items wait and since when: one query on the queue's index, once per request
    (the header's badge and the overdue notice both ask)."""
    if has_request_context() and "moderation_waiting" in g:
        return g.moderation_waiting
    size, oldest = db.session.execute(
        select(func.count(), func.min(ReviewItem.queued_at))
        .where(ReviewItem.status == ItemStatus.PENDING)).one()
    found = Waiting(size=size, oldest=oldest)
    if has_request_context():
        g.moderation_waiting = found
    return found


def health(now: datetime | None = None) -> Health:
    now = now or utcnow()
    current = waiting()
    waits = [(decided - queued).total_seconds() / 60 for decided, queued in db.session.execute(
        select(ReviewDecision.created_at, ReviewDecision.queued_at)
        .where(ReviewDecision.created_at >= now - HEALTH_WINDOW,
               ReviewDecision.undone_at.is_(None)))]
    return Health(size=current.size, oldest=current.oldest,
                  median_minutes=rules.median(waits), decided=len(waits))


def pending_count() -> int:
    return waiting().size


def claim(item: ReviewItem, moderator) -> None:
    """Claiming is optional: it tells other moderators someone is on it (they may still
    decide)."""
    item.claimed_by_id = moderator.id if moderator is not None else None
    item.claimed_at = utcnow() if moderator is not None else None
    db.session.commit()


def spam_accounts(limit: int = 10) -> list[MemberTrust]:
    """Members with enough posts confirmed as spam to deserve a look (not a sanction)."""
    return list(db.session.scalars(
        select(MemberTrust).join(MemberTrust.user)
        .options(joinedload(MemberTrust.user))
        .where(MemberTrust.spam_confirmed >= setting("SPAM_ACCOUNT_AFTER"),
               User.is_active.is_(True))
        .order_by(MemberTrust.spam_confirmed.desc()).limit(limit)))
