"""Reading cases: who may see which, and the lists the API and the console show.

Agents and admins see every case; anyone else sees only the cases opened for them (a
customer's own), and a case they may not see is "not found", so its existence leaks
nothing.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Select, func, select
from sqlalchemy.orm import joinedload, selectinload

from app.accounts.models import Role, User
from app.clock import utcnow
from app.extensions import db
from app.permissions import can
from escalate.models import Case, Team, TeamMember
from escalate.rules import ACTIVE, CLOCK_RUNS, CaseStatus, Priority

VIEWS = ("mine", "team", "unassigned", "breaching", "all")
BREACHING_WITHIN = timedelta(hours=1)


def visible_cases(viewer, status: CaseStatus | None = None,
                  mine: bool = False) -> Select:
    """Newest first; ``mine``: assigned to the viewer (agents)."""
    statement = (select(Case).options(joinedload(Case.thread), joinedload(Case.team),
                                      joinedload(Case.assignee), joinedload(Case.customer))
                 .order_by(Case.opened_at.desc(), Case.id.desc()))
    if not can(viewer, "cases.work"):
        statement = statement.where(Case.customer_id == viewer.id)
    elif mine:
        statement = statement.where(Case.assignee_id == viewer.id)
    if status is not None:
        statement = statement.where(Case.status == status)
    return statement


def works_on_cases(viewer) -> bool:
    return can(viewer, "cases.work")


def case_for(viewer, case_id: int) -> Case | None:
    statement = visible_cases(viewer).where(Case.id == case_id).options(
        selectinload(Case.events))
    return db.session.scalars(statement).unique().one_or_none()


def console(agent, view: str, priority: Priority | None = None,
            team_id: int | None = None) -> Select:
    """The console's lists of active cases, the ones due soonest first, narrowed to a
    priority and a team when asked."""
    statement = (select(Case).options(joinedload(Case.thread), joinedload(Case.team),
                                      joinedload(Case.assignee), joinedload(Case.customer))
                 .order_by(Case.resolution_due_at, Case.id).where(*_view_filter(agent, view)))
    if priority is not None:
        statement = statement.where(Case.priority == priority)
    if team_id is not None:
        statement = statement.where(Case.team_id == team_id)
    return statement


def teams() -> list[Team]:
    return list(db.session.scalars(select(Team).order_by(Team.name)))


def _view_filter(agent, view: str) -> list:
    active = Case.status.in_(ACTIVE)
    if view == "mine":
        return [active, Case.assignee_id == agent.id]
    if view == "team":
        teams = select(TeamMember.team_id).where(TeamMember.user_id == agent.id)
        return [active, Case.team_id.in_(teams)]
    if view == "unassigned":
        return [active, Case.assignee_id.is_(None)]
    if view == "breaching":
        soon = utcnow() + BREACHING_WITHIN
        return [Case.status.in_(CLOCK_RUNS), (Case.resolution_due_at <= soon)
                | ((Case.first_responded_at.is_(None)) & (Case.first_response_due_at <= soon))]
    return [active]


def console_counts(agent) -> dict[str, int]:
    """How many cases each view holds (``all``: the active ones)."""
    counts = {}
    for view in VIEWS:
        filters = _view_filter(agent, view)
        counts[view] = db.session.scalar(select(func.count()).select_from(Case)
                                         .where(*filters)) or 0
    return counts


CUSTOMER_SEES = ("opened", "status", "reply_public", "reply_private", "customer_reply")


def customer_events(case: Case) -> list:
    """The timeline as the customer sees it: no internal notes, no assignments."""
    return [event for event in case.events if event.kind in CUSTOMER_SEES]


def agents() -> list[User]:
    """Who cases can go to: agents and admins, by name."""
    return list(db.session.scalars(select(User).where(User.role.in_([Role.AGENT, Role.ADMIN]))
                                   .order_by(User.username)))

