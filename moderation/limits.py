"""New members' limits (trust level 0), and the facts about an author they are judged on.

Discourse's defaults, each a setting: a new member's first post waits for a moderator; a
post carries at most 2 links; on their first day a member starts at most 3 threads and
writes at most 10 replies; 120 s pass between two threads and 30 s between two posts.
Every refusal says when the member may post again, and is a 429 with ``Retry-After``.

The facts are read in one query over the author's own posts, after locking the author's
trust row (``app.extensions.locked``): two posts sent at the same instant by one member
are judged one after the other, so a flood of 50 posts cannot slip 49 past the limits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from babel.dates import format_timedelta
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import case, func, select

from app.clock import utcnow
from app.extensions import db, locked
from app.screening import Action, Reason, Submission, Verdict
from community.models import Post, Visibility
from moderation import rules
from moderation.models import MemberTrust
from moderation.settings import setting
from moderation.trust import record_for

HREF = re.compile(r'<a\s[^>]*href="([^"]+)"')
BARE_URL = re.compile(r"\bhttps?://[^\s<>\"']+", re.IGNORECASE)
REPEAT_WINDOW = timedelta(days=7)


@dataclass(frozen=True)
class Facts:
    joined: datetime
    now: datetime
    published: int  # posts of theirs readers can see
    posts_first_day: tuple[int, int]  # (threads, replies) written in their first 24 h
    last_post_at: datetime | None
    last_thread_at: datetime | None
    author_id: int | None

    @property
    def age_days(self) -> float:
        return (self.now - self.joined).total_seconds() / 86400


def facts(author, *, lock: bool) -> Facts:
    if lock:
        record_for(author.id)
        db.session.scalars(locked(select(MemberTrust).where(
            MemberTrust.user_id == author.id))).first()
    now = utcnow()
    first_day = Post.created_at < author.created_at + timedelta(days=1)
    row = db.session.execute(select(
        func.count().filter(Post.visibility == Visibility.VISIBLE),
        func.count().filter(first_day, Post.is_opening.is_(True)),
        func.count().filter(first_day, Post.is_opening.is_(False)),
        func.max(Post.created_at),
        func.max(case((Post.is_opening.is_(True), Post.created_at))),
    ).where(Post.author_id == author.id)).one()
    return Facts(joined=author.created_at, now=now, published=row[0],
                 posts_first_day=(row[1], row[2]), last_post_at=row[3], last_thread_at=row[4],
                 author_id=author.id)


def refusal(submission: Submission, level: int, known: Facts) -> Verdict | None:
    """A new member's post that breaks a limit, refused with when they may post again."""
    if level > 0:
        return None
    count, most = len(set(links_of(submission.html))), setting("TL0_MAX_LINKS")
    if count > most:
        return Verdict(Action.REFUSE, concerns="body", message=_(
            "New members can include at most %(max)d links in a post (this one has "
            "%(count)d). Remove some; the limit goes once you have been around a little.",
            max=most, count=count))
    return None if submission.kind == "edit" else _rate(submission, known)


def _rate(submission: Submission, known: Facts) -> Verdict | None:
    threads, replies = known.posts_first_day
    if submission.kind == "question":
        limit = setting("TL0_THREADS_FIRST_DAY")
        wait = rules.first_day_wait(known.joined, threads, limit, known.now)
        if wait:
            return _too_soon(wait, _("New members can start %(limit)d threads on their first "
                                     "day.", limit=limit))
        wait = rules.seconds_to_wait(known.last_thread_at,
                                     setting("TL0_SECONDS_BETWEEN_THREADS"), known.now)
        if wait:
            return _too_soon(wait, _("New members wait a little between two threads."))
    else:
        limit = setting("TL0_REPLIES_FIRST_DAY")
        wait = rules.first_day_wait(known.joined, replies, limit, known.now)
        if wait:
            return _too_soon(wait, _("New members can write %(limit)d replies on their "
                                     "first day.", limit=limit))
    wait = rules.seconds_to_wait(known.last_post_at, setting("TL0_SECONDS_BETWEEN_POSTS"),
                                 known.now)
    return _too_soon(wait, _("New members wait a little between two posts.")) if wait else None


def _too_soon(seconds: int, why: str) -> Verdict:
    wait = format_timedelta(timedelta(seconds=seconds), threshold=1.1, locale=get_locale())
    return Verdict(Action.REFUSE, status=429, retry_after=seconds, concerns="body",
                   message=_("%(why)s You can post again in %(wait)s.", why=why, wait=wait))


def first_posts(level: int, known: Facts) -> Verdict:
    """A new member's first posts wait for a moderator (``MODERATION_HOLD_FIRST_POSTS``)."""
    if level > 0 or known.published >= setting("HOLD_FIRST_POSTS"):
        return Verdict()
    return Verdict(Action.HOLD, [Reason("first_posts", str(known.published + 1), 1.0)],
                   message=_("New members' first posts are checked by a moderator before "
                             "everyone sees them, usually within the hour."))


def repeated(submission: Submission, known: Facts) -> bool:
    """The same text this author already posted in another thread this week: copy-paste
    spam. (Bodies are stored trimmed, with one kind of line end, so equal is equal.)"""
    if submission.kind == "edit" or known.author_id is None:
        return False
    elsewhere = [Post.thread_id != submission.thread_id] if submission.thread_id else []
    return db.session.scalar(select(Post.id).where(
        Post.author_id == known.author_id, Post.created_at >= known.now - REPEAT_WINDOW,
        Post.body_source == submission.body, *elsewhere).limit(1)) is not None


def links_of(html: str) -> list[str]:
    """Every link in a post: its anchors, and web addresses written out in the text (the
    linkifier leaves addresses on unknown domains as text, and so do spammers)."""
    return list(dict.fromkeys([*HREF.findall(html), *BARE_URL.findall(html)]))
