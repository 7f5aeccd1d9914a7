"""Opening cases: one use case, one transaction, then the news.

A case is opened for a thread by a rule (the sweep), by the customer's contact form or by
staff's "escalate". It is routed to a team and an agent (``routing``), given its service
levels from its priority (``rules``), and starts its timeline. A thread that already has
an active case keeps it: asking again returns that case (the database's partial unique
index settles a race between two askers).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app import events
from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db
from app.permissions import can
from community.models import Thread
from escalate import routing, rules
from escalate.models import Case, CaseEvent, EscalationClock
from escalate.rules import ACTIVE, CaseStatus, Reason
from escalate.settings import setting


class EscalationError(Exception):
    """A refusal; ``field`` names the form field it is about, when one is."""

    def __init__(self, message: str, status: int = 422, field: str | None = None) -> None:
        super().__init__(message)
        self.message, self.status, self.field = message, status, field


@dataclass(frozen=True)
class Request:
    """What a case is opened with, besides its thread."""

    reason: Reason
    by: User | None = None  # staff, or the customer through the contact form
    urgent: bool = False
    customer_label: str | None = None  # a social author not yet claimed: "@jane on X"
    customer_id: int | None = None  # the member behind a claimed handle
    mention_id: int | None = None
    form: str | None = None  # the contact form's answers, JSON


def escalate(thread_id: int, request: Request) -> Case:
    """The thread's active case, opened now unless it has one (committed, announced)."""
    if request.reason == Reason.MANUAL and not can(request.by, "cases.escalate"):
        raise EscalationError(_("You are not allowed to escalate threads."), status=403)
    thread = db.session.get(Thread, thread_id)
    if thread is None:
        raise EscalationError(_("There is no such thread."), status=404)
    existing = active_case(thread_id)
    if existing is not None:
        return existing
    try:
        case = _opened(thread, request)
        db.session.commit()
    except IntegrityError:  # someone else opened it a moment ago
        db.session.rollback()
        existing = active_case(thread_id)
        if existing is None:
            raise
        return existing
    events.notify(events.case_opened, case, by=request.by)
    return case


def active_case(thread_id: int) -> Case | None:
    return db.session.scalar(select(Case).where(Case.thread_id == thread_id,
                                                Case.status.in_(ACTIVE)))


def _opened(thread: Thread, request: Request) -> Case:
    now = utcnow()
    priority = rules.priority_for(request.reason, urgent=request.urgent)
    team = routing.team_for(thread.category_id, thread.language)
    member = routing.assignee_for(team, setting("ESCALATE_ASSIGNMENT"))
    social = request.reason == Reason.SOCIAL
    case = Case(thread_id=thread.id,
                customer_id=request.customer_id if social else thread.author_id,
                customer_label=request.customer_label,
                mention_id=request.mention_id, reason=request.reason, priority=priority,
                language=thread.language, team=team,
                assignee_id=member.user_id if member else None,
                opened_by_id=request.by.id if request.by else None, opened_at=now,
                first_response_due_at=rules.first_response_due(now, priority),
                resolution_due_at=rules.resolution_due(now, priority), form=request.form)
    case.events.append(CaseEvent(kind="opened", actor_id=case.opened_by_id,
                                 detail=request.reason.value, created_at=now))
    if member is not None:
        member.last_assigned_at = now
        case.events.append(CaseEvent(kind="assigned", detail=member.user.username,
                                     created_at=now))
    db.session.add(case)
    clock = db.session.get(EscalationClock, thread.id)
    if clock is not None:  # the case is what the clock was waiting for
        db.session.delete(clock)
    db.session.flush()
    show_on_thread(case)
    return case


def show_on_thread(case: Case) -> None:
    """The thread page shows its newest case's status (``sync.thread_notice``), from the
    thread's own row; its cached anonymous copies go, in the same transaction as the
    change. A closed case leaves the page (unless a newer case already took its place)."""
    thread = db.session.get(Thread, case.thread_id)
    if case.status == CaseStatus.CLOSED:
        if thread.support_case_id == case.id:
            thread.support_case_id, thread.support_status = None, None
    elif thread.support_case_id is None or thread.support_case_id <= case.id:
        thread.support_case_id, thread.support_status = case.id, case.status.value
    thread.version = Thread.version + 1
