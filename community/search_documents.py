"""What the community puts in the search index: one document per thread, its question
and, apart, its visible replies (the accepted answer first, weighing as much as the rest:
weighing it more cost relevance on Stack Exchange's pairs, docs/search.md).

Its prior says how likely the thread is to help whoever searches: solved threads above
answered ones, answered above unanswered, and helpful votes on its visible answers and
"me too"s add a little (both saturate). It breaks near-ties only: ``search.lift`` turns
it into at most a 5 % boost, so a popular thread never buries a better match. A published
article's prior starts a little above a solved thread's (knowledge/rules.py).

Documents are rebuilt from the database after each change that alters a thread's text or
status (the receivers below run after commit). A thread whose question is held or hidden
has no document; and since search pages load results with SQL and apply visibility
again, a lagging index still cannot show it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from app import events, search
from app.extensions import db
from app.text import words_of_html
from community.models import Thread, Visibility
from community.queries import thread_list

BATCH = 500
SOLVED, ANSWERED, UNANSWERED = 0.6, 0.2, 0.0
MAX_VOTES_PRIOR, MAX_ME_TOO_PRIOR = 0.25, 0.15


def boost(*, solved: bool, answered: bool, helpful_votes: int, me_too: int) -> float:
    """1.0 for an unanswered question, up to 1.05 for a solved, much-voted one."""
    status = SOLVED if solved else ANSWERED if answered else UNANSWERED
    votes = min(MAX_VOTES_PRIOR, 0.0625 * math.log2(1 + helpful_votes))
    agreed = min(MAX_ME_TOO_PRIOR, 0.0375 * math.log2(1 + me_too))
    return round(search.lift(status + votes + agreed), 4)


def document_for(thread: Thread) -> search.Document | None:
    visible = [post for post in thread.posts if post.visibility == Visibility.VISIBLE]
    opening = next((post for post in visible if post.is_opening), None)
    if opening is None:
        return None
    accepted = next((post for post in visible if post.id == thread.accepted_post_id), None)
    replies = sorted((post for post in visible if not post.is_opening),
                     key=lambda post: post is not accepted)  # the accepted answer first
    answers = [post for post in visible if post.author_id != thread.author_id]
    return search.Document(
        kind="thread", id=thread.id, title=thread.title,
        body=words_of_html(opening.body_html),
        replies="\n".join(words_of_html(post.body_html) for post in replies),
        language=thread.language, tags=tuple(tag.name for tag in thread.tags),
        category=thread.category.slug, solved=accepted is not None,
        boost=boost(solved=accepted is not None, answered=bool(answers),
                    helpful_votes=sum(post.helpful_count for post in answers),
                    me_too=thread.me_too_count),
    )


def _with_content():
    return (select(Thread).options(selectinload(Thread.posts), selectinload(Thread.tags),
                                   joinedload(Thread.category)))


def load(thread_id: int) -> search.Document | None:
    thread = db.session.scalar(_with_content().where(Thread.id == thread_id))
    return document_for(thread) if thread is not None else None


def load_many(ids: list[int]) -> dict[int, search.Document | None]:
    found: dict[int, search.Document | None] = {}
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        for thread in db.session.scalars(_with_content().where(Thread.id.in_(chunk))):
            found[thread.id] = document_for(thread)
    return found


def load_all() -> Iterator[search.Document]:
    last_id = 0
    while True:
        batch = db.session.scalars(
            _with_content().where(Thread.id > last_id).order_by(Thread.id).limit(BATCH)).all()
        if not batch:
            return
        for thread in batch:
            document = document_for(thread)
            if document is not None:
                yield document
        last_id = batch[-1].id
        db.session.expunge_all()  # keep memory flat on large communities


def count() -> int:
    return db.session.scalar(select(func.count()).select_from(Thread)) or 0


def _thread_changed(sender, *, new: bool = False, **_data) -> None:
    """A post held as it was written (``content_held`` with ``new``) changes no document:
    a thread's document holds only what readers can see."""
    if new:
        return
    thread_id = sender.id if isinstance(sender, Thread) else sender.thread_id
    search.update("thread", [thread_id])


SIGNALS = (events.question_asked, events.answer_posted, events.post_edited,
           events.answer_accepted, events.answer_unaccepted, events.vote_cast,
           events.me_too_changed, events.content_held, events.content_published,
           events.content_hidden)


def init_app(app: Flask) -> None:
    search.register_source(app, search.Source("thread", load, load_all, count, load_many))
    for signal in SIGNALS:
        signal.connect(_thread_changed)


def visible_threads(ids: list[int]) -> dict[int, Thread]:
    """The threads among ``ids`` whose question is visible, loaded for a result list."""
    if not ids:
        return {}
    statement = thread_list("recent").where(Thread.id.in_(ids))
    return {thread.id: thread for thread in db.session.scalars(statement).unique()}

