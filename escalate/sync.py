"""The thread and its case keep each other informed, both ways.

**The thread tells the case** (``answer_posted``, ``answer_accepted``): a post by an agent
is the case's first response if none came yet; a post by the customer lands in the
timeline and reopens a pending case, or a case solved less than 7 days ago. Only the
customer's posts reopen a case and count for its service levels. An accepted answer
solves the case; when an agent wrote it, it is proposed for the knowledge base (a draft
in review, personal data removed), so the next customer finds it.

**The case tells the thread** (``thread_notice``): the thread page says it was escalated
to support and what the case's status is; the customer and agents get a link to the case.
"""

from __future__ import annotations

import logging

from flask import render_template
from sqlalchemy import select

from app import events
from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db
from app.permissions import can
from community.errors import CommunityError
from community.knowledge import services as knowledge
from community.models import Post
from escalate import rules, work
from escalate.models import Case, CaseEvent
from escalate.rules import ACTIVE, CaseStatus

log = logging.getLogger(__name__)


def on_answer_posted(post: Post, **_data) -> None:
    """A post in a thread with a case: the agent's first response, or the customer's
    reply (which reopens a waiting or recently solved case)."""
    case = work.thread_case(post.thread_id)
    if case is None:
        return
    now = utcnow()
    author = db.session.get(User, post.author_id)
    if case.customer_id is not None and post.author_id == case.customer_id:
        case.events.append(CaseEvent(kind="customer_reply", post_id=post.id, created_at=now))
        if rules.reopens(case.status, case.solved_at, now) and not work.newer_case(case):
            work.move(case, CaseStatus.OPEN, now, by=None)
    elif can(author, "cases.work"):
        case.events.append(CaseEvent(kind="reply_public", actor_id=author.id, post_id=post.id,
                                     body_html=post.body_html, created_at=now))
        work.responded(case, now)
    else:
        return
    db.session.commit()
    events.notify(events.case_updated, case, change="thread", by=author)


def on_answer_accepted(post: Post, *, accepted_by: User | None = None, **_data) -> None:
    """The question is solved, so is its case; an agent's answer goes to the knowledge
    base's review."""
    case = db.session.scalars(select(Case).where(Case.thread_id == post.thread_id,
                                                 Case.status.in_(ACTIVE))).first()
    if case is None:
        return
    now = utcnow()
    case.events.append(CaseEvent(kind="accepted", post_id=post.id, created_at=now,
                                 actor_id=accepted_by.id if accepted_by else None))
    work.move(case, CaseStatus.SOLVED, now, by=accepted_by)
    db.session.commit()
    events.notify(events.case_solved, case, by=accepted_by)
    author = db.session.get(User, post.author_id)
    if can(author, "cases.work") and can(author, "article.write"):
        _propose(case.id, author, post)


def _propose(case_id: int, author: User, post: Post) -> None:
    try:
        article = knowledge.promote(author, db.session.get(Post, post.id))
    except CommunityError as error:  # it has an article already, or lost visibility
        log.info("case %s: the answer was not proposed: %s", case_id, error.message)
        db.session.rollback()
        return
    case = db.session.get(Case, case_id)
    case.events.append(CaseEvent(kind="proposed", detail=article.slug[:200],
                                 actor_id=author.id, created_at=utcnow()))
    db.session.commit()


def thread_notice(thread, viewer) -> str | None:
    """"Escalated to support" and the case's status, under the question, from the
    thread's own row (``services.show_on_thread``). The asker and agents also get the
    case's link; everyone else sees only that help is on the way (a signed-out visitor's
    copy is cached until the thread's version changes). A social case's customer is not
    the thread's asker: agents still get the link."""
    if thread.support_case_id is None:
        return None
    linked = viewer is not None and (viewer.id == thread.author_id
                                     or can(viewer, "cases.work"))
    return render_template("escalate/_thread_notice.html", case_id=thread.support_case_id,
                           status=thread.support_status, linked=linked)


def init_app() -> None:
    events.answer_posted.connect(on_answer_posted)
    events.answer_accepted.connect(on_answer_accepted)
