"""The escalation clocks: set and cleared as the community's news arrives, read by the
sweep only when due.

- a member's question, once readers can see it: due ``ESCALATE_UNANSWERED_HOURS`` later;
- a reply by anyone but the asker, or an accepted answer: no clock (someone is on it);
- the asker's own reply after someone answered, with no accepted answer: due
  ``ESCALATE_ASKER_WAITING_HOURS`` later (they still need help and nobody replied).

Only members' questions (asked on the site or through the API) have clocks: imported
threads have nobody here waiting, and social mentions have their own rule. When a clock
is due, the sweep checks the thread once more (still unanswered? not solved or closed?
its area not excluded? its asker not suspended?) and opens a case, or drops the clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select, update

from app import events
from app.clock import utcnow
from app.extensions import db, insert
from app.jobs import items
from community.models import Post, Source, Thread, ThreadKind, ThreadStatus, Visibility
from escalate import services
from escalate.models import EscalationClock
from escalate.rules import Reason
from escalate.settings import setting

ASKED_HERE = frozenset({Source.WEB, Source.API})


def on_question_asked(thread: Thread, **_data) -> None:
    if _watched(thread) and _opening_visible(thread):
        _set(thread.id, Reason.UNANSWERED, _hours("ESCALATE_UNANSWERED_HOURS"))


def on_published(post: Post, *, first: bool = False, **_data) -> None:
    """A held post published by a moderator counts from now: a question starts its clock,
    a reply is news like any reply."""
    if not first:
        return
    if not post.is_opening:
        on_answer_posted(post)
    elif _watched(post.thread):
        _set(post.thread_id, Reason.UNANSWERED, _hours("ESCALATE_UNANSWERED_HOURS"))


def on_answer_posted(post: Post, **_data) -> None:
    thread = post.thread
    if not _watched(thread):
        return
    if post.author_id != thread.author_id:
        _clear(thread.id)
    elif thread.answered_at is not None and thread.accepted_post_id is None:
        _set(thread.id, Reason.ASKER_WAITING, _hours("ESCALATE_ASKER_WAITING_HOURS"))


def on_answer_accepted(post: Post, **_data) -> None:
    _clear(post.thread_id)


def sweep(now: datetime | None = None) -> items.Tally:
    """Open a case for each thread whose clock is due and that still needs one."""
    now = now or utcnow()
    due = db.session.scalars(
        select(EscalationClock.thread_id)
        .where(EscalationClock.due_at <= now, EscalationClock.attempts < items.MAX_ATTEMPTS)
        .order_by(EscalationClock.due_at).limit(setting("ESCALATE_SWEEP_BATCH"))).all()
    return items.each(due, lambda thread_id: _handle(thread_id, now),
                      job="escalation-sweep", record=_record_failure)


def _handle(thread_id: int, now: datetime) -> None:
    clock = db.session.get(EscalationClock, thread_id)
    if clock is None or clock.due_at > now:  # cleared or moved since the list was read
        return
    thread = db.session.get(Thread, thread_id)
    if thread is None or not needs_agent(thread, clock.reason):
        db.session.delete(clock)
        return
    services.escalate(thread_id, services.Request(reason=clock.reason))
    # Checked once: a thread that had a case already keeps it, and the clock goes too.
    db.session.execute(delete(EscalationClock).where(EscalationClock.thread_id == thread_id))


def needs_agent(thread: Thread, reason: Reason) -> bool:
    """The checks made when a clock is due: the thread may have changed meanwhile."""
    if thread.status != ThreadStatus.OPEN or thread.accepted_post_id is not None:
        return False
    if reason == Reason.UNANSWERED and thread.answered_at is not None:
        return False
    if reason == Reason.ASKER_WAITING and thread.last_poster_id != thread.author_id:
        return False
    if thread.category.slug in setting("ESCALATE_EXCLUDED_CATEGORIES"):
        return False
    asker = thread.author
    return asker.is_active and not asker.read_only() and _opening_visible(thread)


def _watched(thread: Thread) -> bool:
    return thread.kind == ThreadKind.QUESTION and thread.source in ASKED_HERE


def _opening_visible(thread: Thread) -> bool:
    return db.session.scalar(select(Post.visibility).where(
        Post.thread_id == thread.id, Post.is_opening.is_(True))) == Visibility.VISIBLE


def _hours(name: str) -> timedelta:
    return timedelta(hours=float(setting(name)))


def _set(thread_id: int, reason: Reason, after: timedelta) -> None:
    values = {"reason": reason, "due_at": utcnow() + after, "attempts": 0, "last_error": None}
    db.session.execute(insert(EscalationClock).values(thread_id=thread_id, **values)
                       .on_conflict_do_update(index_elements=["thread_id"], set_=values))
    db.session.commit()


def _clear(thread_id: int) -> None:
    db.session.execute(delete(EscalationClock).where(EscalationClock.thread_id == thread_id))
    db.session.commit()


def _record_failure(thread_id: int, error: str) -> None:
    db.session.execute(update(EscalationClock).where(EscalationClock.thread_id == thread_id)
                       .values(attempts=EscalationClock.attempts + 1, last_error=error))


def init_app() -> None:
    events.question_asked.connect(on_question_asked)
    events.content_published.connect(on_published)
    events.answer_posted.connect(on_answer_posted)
    events.answer_accepted.connect(on_answer_accepted)
