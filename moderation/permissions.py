"""Moderation's permissions, registered in ``app.permissions``.

Moderators and admins review the queue, sanction members, keep the watched words and read
the audit log (Discourse gives moderators the same tools). Agents work cases, not the
queue. Flagging is for members who have read around a little (trust level 1, Discourse's
rule), and for staff; nobody flags their own post.
"""

from __future__ import annotations

from typing import Any

from app.accounts.models import Role
from app.permissions import is_staff, role_of, rule

MODERATORS = frozenset({Role.MODERATOR, Role.ADMIN})


def _moderator(user: Any, _obj: Any = None) -> bool:
    return role_of(user) in MODERATORS


rule("moderation.review")(_moderator)
rule("moderation.sanction")(_moderator)
rule("moderation.words")(_moderator)
rule("moderation.audit")(_moderator)
rule("moderation.trust")(_moderator)


@rule("post.flag_link", contributes=True)
def _offer_flagging(user: Any, _post: Any) -> bool:
    """Whether a page offers "Flag" under posts: to every member (checked once per page,
    without a query); the flag page tells a new member why they cannot flag yet."""
    return role_of(user) is not None


@rule("post.flag", contributes=True)
def _flag(user: Any, post: Any) -> bool:
    if role_of(user) is None or (post is not None and post.author_id == user.id):
        return False
    if is_staff(user):
        return True
    from moderation.trust import level_of

    return level_of(user) >= 1
