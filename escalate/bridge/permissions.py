"""The bridge's permission: only admins see and change where case data is sent."""

from __future__ import annotations

from typing import Any

from app.accounts.models import Role
from app.permissions import role_of, rule


@rule("webhooks.manage")
def _manage(user: Any, _obj: Any = None) -> bool:
    return role_of(user) == Role.ADMIN
