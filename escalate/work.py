"""An agent's work on a case: replies (public, private, internal), status, priority,
assignee and tags, one case or many at once.

- **Public reply**: posted into the thread as the agent (marked as staff), through the
  community's own service, so it is screened, counted, indexed and notified like any
  post; the case hears of it through ``answer_posted`` like of every post in its thread
  (``sync``).
- **Private reply**: to the customer only, by e-mail and on their case page.
- **Internal note**: for agents only.
- **Solving with an answer**: the agent accepts their public answer in the thread; the
  community's ``answer_accepted`` solves the case and proposes the answer for the
  knowledge base (``sync.on_answer_accepted``), as when the asker accepts it.

Every agent reads every case, but changes only their teams' (``cases.change``): a case
is the team's commitment to its customer. The service-level clock pauses while the case
waits for the customer or a third party (pending, on hold), and the solution is due that
much later; a new priority sets new due times from the opening.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

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
from escalate.rules import ACTIVE, CaseStatus, Priority
from escalate.services import EscalationError, show_on_thread

log = logging.getLogger(__name__)
KINDS = ("public", "private", "internal")
MAX_BULK = 100
UNCHANGED = object()


@dataclass(frozen=True)
class Changes:
    """What an agent changes at once (the API's PATCH); ``UNCHANGED`` leaves a field be,
    and ``assignee_id=None`` unassigns."""

    status: CaseStatus | None = None
    priority: Priority | None = None
    assignee_id: object = UNCHANGED
    tags: list[str] | str | None = None


def reply(case_id: int, agent: User, body: str, kind: str) -> Case:
    case = workable(case_id, agent)
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
        responded(case, now)
    db.session.commit()
    events.notify(events.case_updated, case, change=f"reply_{kind}", by=agent)
    if kind == "private":
        _email_customer(case, body)
    return case


def set_status(case_id: int, agent: User, status: CaseStatus) -> Case:
    return change(case_id, agent, Changes(status=status))


def change(case_id: int, agent: User, changes: Changes) -> Case:
    """Apply ``changes`` together, or none of them (a bad assignee leaves the status be)."""
    case = workable(case_id, agent, lock=True)
    now = utcnow()
    try:
        what = [name for name, done in (
            ("assignee", _reassign(case, changes.assignee_id, agent, now)),
            ("priority", _reprioritize(case, changes.priority, agent, now)),
            ("tags", _retag(case, changes.tags, agent, now)),
            ("status", _restatus(case, changes.status, agent, now))) if done]
    except EscalationError:
        db.session.rollback()  # the steps before the refused one are undone too
        raise
    if not what:
        db.session.rollback()
        return case
    db.session.commit()
    _announce(case, what, agent)
    return case


def assign_many(case_ids: list[int], agent: User, assignee_id: int | None) -> list[Case]:
    """The console's bulk assign: every case or none (one the agent may not change, or a
    closed one, refuses the lot and says which). The cases are locked in one statement,
    in id order, so two agents assigning overlapping lists wait for each other."""
    wanted = sorted(set(case_ids))
    if len(wanted) > MAX_BULK:
        raise EscalationError(_("Assign at most %(most)d cases at once.", most=MAX_BULK))
    if not can(agent, "cases.work"):
        raise EscalationError(_("Only agents work on cases."), status=403)
    db.session.scalars(locked(select(Case).where(Case.id.in_(wanted)).order_by(Case.id))).all()
    cases = [workable(case_id, agent) for case_id in wanted]  # each is in the session now
    now = utcnow()
    try:
        changed = [case for case in cases if _reassign(case, assignee_id, agent, now)]
    except EscalationError:
        db.session.rollback()
        raise
    db.session.commit()
    for case in changed:
        _announce(case, ["assignee"], agent)
    return cases


def solve_with_answer(case_id: int, agent: User, post_id: int) -> Case:
    """Accept the agent's public answer in the thread; ``sync`` solves the case and
    proposes the answer for the knowledge base when it hears of it."""
    case = workable(case_id, agent)
    post = db.session.get(Post, post_id)
    if post is None or post.thread_id != case.thread_id or post.is_opening:
        raise EscalationError(_("Choose a reply from this case's thread."))
    try:
        community.accept(agent, post)
    except CommunityError as error:
        raise EscalationError(error.message, status=error.status) from error
    return db.session.get(Case, case_id)


def _announce(case: Case, what: list[str], agent: User) -> None:
    if case.status == CaseStatus.SOLVED and "status" in what:
        events.notify(events.case_solved, case, by=agent)
    else:
        events.notify(events.case_updated, case, change=",".join(what), by=agent)


def _restatus(case: Case, status: CaseStatus | None, agent: User, now: datetime) -> bool:
    if status is None or status == case.status:
        return False
    if case.status == CaseStatus.SOLVED and status == CaseStatus.OPEN and newer_case(case):
        raise EscalationError(_("The thread has a newer open case: work on that one."),
                              status=409)
    if not rules.can_move(case.status, status):
        raise EscalationError(_("A case that is %(now)s cannot become %(wanted)s.",
                                now=STATUSES[case.status.value],
                                wanted=STATUSES[status.value]), status=409)
    move(case, status, now, by=agent)
    return True


def _reassign(case: Case, assignee_id, agent: User, now: datetime) -> bool:
    if assignee_id is UNCHANGED or assignee_id == case.assignee_id:
        return False
    assignee = db.session.get(User, assignee_id) if assignee_id is not None else None
    if assignee_id is not None and (assignee is None or not can(assignee, "cases.work")):
        raise EscalationError(_("Cases go to agents: choose an agent."))
    case.assignee_id = assignee_id
    case.events.append(CaseEvent(kind="assigned" if assignee else "unassigned",
                                 detail=assignee.username if assignee else "",
                                 actor_id=agent.id, created_at=now))
    return True


def _reprioritize(case: Case, priority: Priority | None, agent: User,
                  now: datetime) -> bool:
    if priority is None or priority == case.priority:
        return False
    case.priority = priority
    case.first_response_due_at = rules.first_response_due(case.opened_at, priority)
    case.resolution_due_at = rules.resolution_due(
        case.opened_at, priority, timedelta(seconds=case.paused_seconds))
    case.events.append(CaseEvent(kind="priority", detail=priority.value, actor_id=agent.id,
                                 created_at=now))
    return True


def _retag(case: Case, raw: list[str] | str | None, agent: User, now: datetime) -> bool:
    if raw is None:
        return False
    try:
        tags = ",".join(rules.tags_from(raw))
    except ValueError as error:
        raise EscalationError(_("Tags are up to %(most)d words of letters, digits, - and _ "
                                "(not \"%(tag)s\").", most=rules.MAX_TAGS,
                                tag=str(error)[:40])) from error
    if tags == case.tags:
        return False
    case.tags = tags
    case.events.append(CaseEvent(kind="tags", detail=tags[:200], actor_id=agent.id,
                                 created_at=now))
    return True


def thread_case(thread_id: int) -> Case | None:
    """The thread's active case, else its latest solved one (a reply may reopen it)."""
    return db.session.scalars(locked(
        select(Case).where(Case.thread_id == thread_id,
                           Case.status.in_([*ACTIVE, CaseStatus.SOLVED]))
        .order_by(Case.id.desc()).limit(1))).first()


def newer_case(case: Case) -> bool:
    return db.session.scalar(select(Case.id).where(
        Case.thread_id == case.thread_id, Case.id != case.id,
        Case.status.in_(ACTIVE))) is not None


def move(case: Case, status: CaseStatus, now: datetime, by: User | None) -> None:
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
    show_on_thread(case)


def responded(case: Case, now: datetime) -> None:
    if case.first_responded_at is None:
        case.first_responded_at = now
    if case.status == CaseStatus.NEW:
        case.status = CaseStatus.OPEN
        show_on_thread(case)


def workable(case_id: int, agent: User, lock: bool = False) -> Case:
    """The case, if ``agent`` may change it: 403 for a customer or another team's agent,
    404 for no such case, 409 once it is closed."""
    if not can(agent, "cases.work"):
        raise EscalationError(_("Only agents work on cases."), status=403)
    statement = select(Case).where(Case.id == case_id)
    case = db.session.scalars(locked(statement) if lock else statement).one_or_none()
    if case is None:
        raise EscalationError(_("There is no such case."), status=404)
    if not can(agent, "cases.change", case):
        raise EscalationError(_("Case %(number)s belongs to another team: ask its agents or "
                                "an admin.", number=case.number), status=403)
    if case.status == CaseStatus.CLOSED:
        raise EscalationError(_("Case %(number)s is closed.", number=case.number),
                              status=409)
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
