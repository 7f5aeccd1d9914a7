"""Escalation's permissions, registered in ``app.permissions``.

Moderators and agents may send a thread to support (Discourse and Kitsune let both
escalate); working on cases is for agents and admins.
"""

from __future__ import annotations

from typing import Any

from app.accounts.models import Role
from app.extensions import db
from app.permissions import role_of, rule
from escalate.models import TeamMember


@rule("cases.escalate")
def _escalate(user: Any, _obj: Any = None) -> bool:
    return role_of(user) in (Role.MODERATOR, Role.AGENT, Role.ADMIN)


@rule("cases.work")
def _work(user: Any, _obj: Any = None) -> bool:
    return role_of(user) in (Role.AGENT, Role.ADMIN)


@rule("cases.change")
def _change(user: Any, case: Any = None) -> bool:
    """An agent changes the cases of their own teams (and those of no team, or assigned to
    them); an admin changes any. Every agent may read every case: a customer's history
    crosses teams."""
    role = role_of(user)
    if role == Role.ADMIN:
        return True
    if role != Role.AGENT or case is None:
        return False
    if case.team_id is None or case.assignee_id == user.id:
        return True
    return db.session.get(TeamMember, (case.team_id, user.id)) is not None
