"""Escalation's permissions, registered in ``app.permissions``.

Moderators and agents may send a thread to support (Discourse and Kitsune let both
escalate); working on cases is for agents and admins.
"""

from __future__ import annotations

from typing import Any

from app.accounts.models import Role
from app.permissions import role_of, rule


@rule("cases.escalate")
def _escalate(user: Any, _obj: Any = None) -> bool:
    return role_of(user) in (Role.MODERATOR, Role.AGENT, Role.ADMIN)


@rule("cases.work")
def _work(user: Any, _obj: Any = None) -> bool:
    return role_of(user) in (Role.AGENT, Role.ADMIN)
