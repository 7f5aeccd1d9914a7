"""Who may write, review and read unpublished articles: staff only (moderators, agents,
admins), as in Kitsune where the knowledge base has its own reviewers. A revision's
author does not approve it, unless an admin (a small team may have no second reviewer)."""

from __future__ import annotations

from typing import Any

from app.accounts.models import Role
from app.permissions import STAFF, role_of, rule


@rule("article.write")
def _write(user: Any, _article: Any) -> bool:
    return role_of(user) in STAFF


@rule("article.review")
def _review(user: Any, revision: Any) -> bool:
    role = role_of(user)
    if role not in STAFF:
        return False
    own = revision is not None and getattr(revision, "author_id", None) == user.id
    return not own or role == Role.ADMIN


@rule("article.view_unpublished")
def _view_unpublished(user: Any, _article: Any) -> bool:
    return role_of(user) in STAFF
