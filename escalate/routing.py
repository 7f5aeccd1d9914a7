"""Which team takes a case and which of its agents gets it.

**Team**: the first team (by name) that covers the thread's product area and language;
a team with no areas listed covers every area, with no languages every language; one that
names the area beats one that covers everything. No team at all: the case waits
unassigned in the "unassigned" view, where every agent sees it.

**Agent**: among the team's available agents, the one with the fewest active cases
(``least_loaded``, Zendesk's omnichannel routing default) or the one whose last case is
the oldest (``round_robin``); ties go to the one who waited longest, then the lowest id,
so the choice is the same on every run.
"""

from __future__ import annotations

from sqlalchemy import func, select

from app.accounts.models import User
from app.extensions import db
from escalate.models import Case, Team, TeamMember
from escalate.rules import ACTIVE


def team_for(category_id: int, language: str) -> Team | None:
    teams = db.session.scalars(select(Team).order_by(Team.name)).all()
    fitting = [team for team in teams if _speaks(team, language)
               and (not team.categories or category_id in {c.id for c in team.categories})]
    named = [team for team in fitting if team.categories]
    return (named or fitting or [None])[0]


def _speaks(team: Team, language: str) -> bool:
    wanted = {code.strip().lower() for code in team.languages.split(",") if code.strip()}
    return not wanted or language.lower() in wanted


def assignee_for(team: Team | None, how: str) -> TeamMember | None:
    """The member to assign (the caller sets ``last_assigned_at``), or None."""
    if team is None:
        return None
    load = (select(Case.assignee_id, func.count().label("active"))
            .where(Case.status.in_(ACTIVE), Case.team_id == team.id)
            .group_by(Case.assignee_id).subquery())
    statement = (select(TeamMember, func.coalesce(load.c.active, 0))
                 .join(User, User.id == TeamMember.user_id)
                 .outerjoin(load, load.c.assignee_id == TeamMember.user_id)
                 .where(TeamMember.team_id == team.id, TeamMember.available.is_(True),
                        User.is_active.is_(True)))
    candidates = db.session.execute(statement).all()
    if not candidates:
        return None

    def waited(member: TeamMember):
        return (member.last_assigned_at is not None, member.last_assigned_at, member.user_id)

    if how == "round_robin":
        return min((member for member, _active in candidates), key=waited)
    return min(candidates, key=lambda row: (row[1], waited(row[0])))[0]
