"""Social listening's permissions, registered in ``app.permissions``.

Moderators and agents triage mentions (Khoros and Zendesk give the social inbox to both:
moderators bring conversations into the community, agents take the ones that need a
case). Admins keep the listening rules, since a rule spends the site's X quota.
"""

from __future__ import annotations

from typing import Any

from app.accounts.models import Role
from app.permissions import role_of, rule

TRIAGERS = frozenset({Role.MODERATOR, Role.AGENT, Role.ADMIN})


@rule("listening.triage")
def _triage(user: Any, _obj: Any = None) -> bool:
    return role_of(user) in TRIAGERS


@rule("listening.rules")
def _rules(user: Any, _obj: Any = None) -> bool:
    return role_of(user) == Role.ADMIN


@rule("listening.claim", contributes=True)
def _claim(user: Any, _obj: Any = None) -> bool:
    return role_of(user) is not None


@rule("listening.claims")
def _confirm_claims(user: Any, _obj: Any = None) -> bool:
    """Confirming that a handle is a member's is a moderator's call, like a flag."""
    return role_of(user) in (Role.MODERATOR, Role.ADMIN)
