"""Who may see a post, and everything that changes with it.

A post is **visible**; **pending** (held by the screening gate or an edit: its author and
staff see it, marked as waiting); **hidden** (rejected, spam, or hidden by members' flags:
its author and staff see it, with the reason in ``visibility_note``); or **deleted** (staff
only). Nothing is hard-deleted, so every state can be undone by a moderator.

A thread's counters count what readers see. A held reply is not in the reply count, does
not move the thread up the lists and does not answer the question; when it is published
it does all that then, and when a visible reply is hidden it stops doing it. Every
change bumps the thread's ``version``, so cached anonymous copies of the page go at once.

:func:`change` edits rows in the caller's transaction. The caller commits, then sends
:func:`signal_for` the change (``content_published``, ``content_held`` or
``content_hidden``), which search, notifications, reputation and the knowledge base
listen to.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from blinker import NamedSignal
from sqlalchemy import func, select

from app import events
from app.clock import utcnow
from app.extensions import db
from community.models import Category, Post, Thread, Visibility

NOTE_LENGTH = 300


@dataclass(frozen=True)
class Change:
    post: Post
    previous: Visibility
    current: Visibility
    # Seen by readers for the first time (a held post approved), not restored: it is news.
    first_publication: bool = False

    @property
    def happened(self) -> bool:
        return self.previous != self.current


def change(post: Post, visibility: Visibility, note: str = "") -> Change:
    """Set ``post``'s visibility (and the note its author reads), keeping the thread's
    counters true. The caller commits and sends :func:`signal_for` the change."""
    previous = Visibility(post.visibility)
    new_note = note[:NOTE_LENGTH] or None
    if new_note != post.visibility_note:  # the author and staff read it on the page
        post.visibility_note = new_note
        post.thread.version = Thread.version + 1
    if previous == visibility:
        return Change(post, previous, visibility)
    post.visibility = visibility
    first = visibility == Visibility.VISIBLE and post.published_at is None
    if visibility == Visibility.VISIBLE:
        counted(post, utcnow())
    elif previous == Visibility.VISIBLE:
        _uncounted(post)
    post.thread.version = Thread.version + 1
    return Change(post, previous, visibility, first_publication=first)


def signal_for(change_: Change) -> NamedSignal | None:
    if not change_.happened:
        return None
    if change_.current == Visibility.VISIBLE:
        return events.content_published
    if change_.current == Visibility.PENDING:
        return events.content_held
    return events.content_hidden


def counted(post: Post, now: datetime) -> None:
    """A post readers can now see: it counts in its thread (and a question in its area)."""
    counted_all([post], now)


def counted_all(posts: list[Post], now: datetime) -> None:
    """:func:`counted` for a batch (an import's): one statement per area and per thread,
    however many of its posts the batch holds."""
    opened: Counter[int] = Counter()
    replies: dict[Thread, list[Post]] = {}
    for post in posts:
        post.published_at = post.published_at or now
        if post.is_opening:
            opened[post.thread.category_id] += 1
        else:
            replies.setdefault(post.thread, []).append(post)
    questions_counted(opened)
    for thread, added in replies.items():
        thread.reply_count = Thread.reply_count + len(added)
        thread.last_activity_at = now
        thread.last_poster_id = added[-1].author_id
        if thread.answered_at is None and any(post.author_id != thread.author_id
                                              for post in added):
            thread.answered_at = now


def questions_counted(opened: Counter[int]) -> None:
    """New visible questions, by area id, counted in their areas."""
    for category_id, number in opened.items():
        db.session.execute(Category.__table__.update().where(Category.id == category_id)
                           .values(thread_count=Category.thread_count + number))


def _uncounted(post: Post) -> None:
    """A post readers no longer see: the thread's counters are taken from what remains."""
    thread = post.thread
    if post.is_opening:
        db.session.execute(Category.__table__.update()
                           .where(Category.id == thread.category_id)
                           .values(thread_count=Category.thread_count - 1))
        return
    db.session.flush()
    thread.reply_count = Thread.reply_count - 1
    last = db.session.execute(
        select(Post.author_id, Post.created_at)
        .where(Post.thread_id == thread.id, Post.visibility == Visibility.VISIBLE)
        .order_by(Post.created_at.desc(), Post.id.desc()).limit(1)).first()
    if last is not None:
        thread.last_poster_id = last.author_id
    thread.answered_at = db.session.scalar(
        select(func.min(Post.created_at))
        .where(Post.thread_id == thread.id, Post.visibility == Visibility.VISIBLE,
               Post.is_opening.is_(False), Post.author_id != thread.author_id))
