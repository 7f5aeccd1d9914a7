"""Who may change how search behaves: the synonym list is the admins'."""

from __future__ import annotations

from typing import Any

from app.accounts.models import Role
from app.permissions import role_of, rule


@rule("search.edit_synonyms")
def _edit_synonyms(user: Any, _obj: Any) -> bool:
    return role_of(user) == Role.ADMIN
