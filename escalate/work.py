"""An agent's work on a case: replies (public, private, internal), status changes, and
what the thread tells the case.

- **Public reply**: posted into the thread as the agent (marked as staff), through the
  community's own service, so it is screened, counted, indexed and notified like any
  post; the case hears of it through ``answer_posted`` like of every post in its thread.
- **Private reply**: to the customer only, by e-mail and on their case page.
- **Internal note**: for agents only.

**The thread tells the case** (``on_answer_posted``): a post by an agent is the case's
first response if none came yet; a post by the customer lands in the timeline and
reopens a pending case, or a case solved less than 7 days ago. Only the customer's posts
reopen; the service-level clock pauses while the case waits for the customer or a third
party (pending, on hold) and the solution is due that much later.
"""

from __future__ import annotations

import logging
from datetime import datetime

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from app import events, mail
from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db, locked
from app.permissions import can
from app.text import render_markdown
from app.web import external_url
from community import services as community
from community.errors import CommunityError
from community.models import Post, Thread
from escalate import rules
from escalate.labels import STATUSES
from escalate.models import Case, CaseEvent
from escalate.rules import ACTIVE, CaseStatus
from escalate.services import EscalationError

log = logging.getLogger(__name__)
KINDS = ("public", "private", "internal")


def reply(case_id: int, agent: User, body: str, kind: str) -> Case:
    case = _workable(case_id, agent)
    if kind not in KINDS:
        raise EscalationError(_("Choose a public reply, a private reply or a note."))
    if not body.strip():
        raise EscalationError(_("Write the reply first."))
    if kind == "private" and (case.customer is None or not case.customer.email):
        raise EscalationError(_("This customer has no e-mail address here: reply publicly "
                                "in the thread."))
    if kind == "public":
        try:
            community.reply(agent, db.session.get(Thread, case.thread_id), body)
        except CommunityError as error:
            raise EscalationError(error.message, status=error.status) from error
        return db.session.get(Case, case_id)  # the receiver has recorded it
    now = utcnow()
    case.events.append(CaseEvent(kind=f"reply_{kind}", actor_id=agent.id, created_at=now,
                                 body_html=str(render_markdown(body))))
    if kind == "private":
        _responded(case, now)
    db.session.commit()
    events.notify(events.case_updated, case, change=f"reply_{kind}", by=agent)
    if kind == "private":
        _email_customer(case, body)
    return case


def set_status(case_id: int, agent: User, status: CaseStatus) -> Case:
    case = _workable(case_id, agent, lock=True)
    if case.status == CaseStatus.SOLVED and status == CaseStatus.OPEN and _newer_case(case):
        raise EscalationError(_("The thread has a newer open case: work on that one."),
                              status=409)
    if not rules.can_move(case.status, status):
        raise EscalationError(_("A case that is %(now)s cannot become %(wanted)s.",
                                now=STATUSES[case.status.value],
                                wanted=STATUSES[status.value]), status=409)
    _move(case, status, utcnow(), by=agent)
    db.session.commit()
    events.notify(events.case_solved if status == CaseStatus.SOLVED else events.case_updated,
                  case, **({} if status == CaseStatus.SOLVED else {"change": "status"}),
                  by=agent)
    return case


def on_answer_posted(post: Post, **_data) -> None:
    """A post in a thread with a case: the agent's first response, or the customer's
    reply (which reopens a waiting or recently solved case)."""
    case = _thread_case(post.thread_id)
    if case is None:
        return
    now = utcnow()
    author = db.session.get(User, post.author_id)
    if case.customer_id is not None and post.author_id == case.customer_id:
        case.events.append(CaseEvent(kind="customer_reply", post_id=post.id, created_at=now))
        if rules.reopens(case.status, case.solved_at, now) and not _newer_case(case):
            _move(case, CaseStatus.OPEN, now, by=None)
    elif can(author, "cases.work"):
        case.events.append(CaseEvent(kind="reply_public", actor_id=author.id, post_id=post.id,
                                     body_html=post.body_html, created_at=now))
        _responded(case, now)
    else:
        return
    db.session.commit()
    events.notify(events.case_updated, case, change="thread", by=author)


def _thread_case(thread_id: int) -> Case | None:
    """The thread's active case, else its latest solved one (a reply may reopen it)."""
    return db.session.scalars(locked(
        select(Case).where(Case.thread_id == thread_id,
                           Case.status.in_([*ACTIVE, CaseStatus.SOLVED]))
        .order_by(Case.id.desc()).limit(1))).first()


def _newer_case(case: Case) -> bool:
    return db.session.scalar(select(Case.id).where(
        Case.thread_id == case.thread_id, Case.id != case.id,
        Case.status.in_(ACTIVE))) is not None


def _move(case: Case, status: CaseStatus, now: datetime, by: User | None) -> None:
    waiting = (CaseStatus.PENDING, CaseStatus.ON_HOLD)
    if case.paused_since is not None and status not in waiting:
        paused = now - case.paused_since  # the clock stood still meanwhile
        case.paused_seconds += int(paused.total_seconds())
        case.resolution_due_at += paused
        case.paused_since = None
    elif case.paused_since is None and status in waiting:
        case.paused_since = now
    if status == CaseStatus.SOLVED:
        case.solved_at = now
    if status == CaseStatus.CLOSED:
        case.closed_at = now
    case.events.append(CaseEvent(kind="status", detail=status.value,
                                 actor_id=by.id if by else None, created_at=now))
    case.status = status


def _responded(case: Case, now: datetime) -> None:
    if case.first_responded_at is None:
        case.first_responded_at = now
    if case.status == CaseStatus.NEW:
        case.status = CaseStatus.OPEN


def _workable(case_id: int, agent: User, lock: bool = False) -> Case:
    if not can(agent, "cases.work"):
        raise EscalationError(_("Only agents work on cases."), status=403)
    statement = select(Case).where(Case.id == case_id)
    case = db.session.scalars(locked(statement) if lock else statement).one_or_none()
    if case is None:
        raise EscalationError(_("There is no such case."), status=404)
    if case.status == CaseStatus.CLOSED:
        raise EscalationError(_("This case is closed."), status=409)
    return case


def _email_customer(case: Case, body: str) -> None:
    customer = case.customer
    if customer is None or not customer.email:
        return
    link = external_url("escalate.case", case_id=case.id)
    with force_locale(customer.locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
        subject = _("Case %(number)s: a reply from support", number=case.number)
        text = render_template("escalate/email/private_reply.txt", customer=customer,
                               case=case, body=body, link=link)
    try:
        mail.send(to=customer.email, subject=subject, text=text)
    except mail.MailError:
        log.exception("the private reply on case %s was not e-mailed", case.id)
