"""Who may do what: one ``can(user, action, obj)`` for views, the API and templates.

Each action names a rule, a small function of the user and (optionally) the object acted
on. Packages add their own rules with :func:`rule` when they are imported, so every
permission in Peerdesk is found the same way: ``grep '@rule("'``. An action nobody
declared is refused, so a typo fails closed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import abort
from flask_login import current_user

from app.accounts.models import Role

Rule = Callable[[Any, Any], bool]
_rules: dict[str, Rule] = {}
# Actions that add to the community (asking, replying, voting, flagging...): refused to a
# member made read-only (``User.read_only_until``), whatever their rule says.
_contributions: set[str] = set()

STAFF = frozenset({Role.MODERATOR, Role.AGENT, Role.ADMIN})


def rule(action: str, *, contributes: bool = False) -> Callable[[Rule], Rule]:
    def register(check: Rule) -> Rule:
        if action in _rules:
            raise ValueError(f"permission {action!r} is declared twice")
        _rules[action] = check
        if contributes:
            _contributions.add(action)
        return check

    return register


def can(user: Any, action: str, obj: Any = None) -> bool:
    """True if ``user`` (a ``User``, or an anonymous user) may do ``action`` to ``obj``."""
    check = _rules.get(action)
    if check is None or user is None:
        return False
    if action in _contributions and getattr(user, "is_authenticated", False) \
            and user.read_only():
        return False
    return bool(check(user, obj))


def require(action: str, obj: Any = None, user: Any = None) -> None:
    """Abort with 403 unless the user (by default the signed-in one) may do ``action``."""
    if not can(current_user if user is None else user, action, obj):
        abort(403)


def declared() -> list[str]:
    return sorted(_rules)


def role_of(user: Any) -> Role | None:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return Role(user.role)


def is_staff(user: Any) -> bool:
    return role_of(user) in STAFF


@rule("users.change_role")
def _change_role(user: Any, target: Any) -> bool:
    return role_of(user) == Role.ADMIN


@rule("users.list")
def _list_users(user: Any, _obj: Any) -> bool:
    return role_of(user) == Role.ADMIN


@rule("users.edit_settings")
def _edit_settings(user: Any, target: Any) -> bool:
    return role_of(user) is not None and (target is None or target.id == user.id)
