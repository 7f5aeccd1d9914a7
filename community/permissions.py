"""The forum's permissions, registered in ``app.permissions`` so ``can()`` knows them.

Members ask, reply, vote and say "me too". The asker accepts an answer to their own
question; moderators and agents may accept or un-accept on any question (Discourse's
discourse-solved and Kitsune work the same way). Authors edit their own posts; staff
edit any.
"""

from __future__ import annotations

from typing import Any

from app.accounts.models import Role
from app.permissions import role_of, rule

ACCEPTING_STAFF = frozenset({Role.MODERATOR, Role.AGENT, Role.ADMIN})


def _member(user: Any) -> bool:
    return role_of(user) is not None


@rule("thread.ask", contributes=True)
def _ask(user: Any, _obj: Any) -> bool:
    return _member(user)


@rule("thread.reply", contributes=True)
def _reply(user: Any, _thread: Any) -> bool:
    return _member(user)


@rule("thread.me_too", contributes=True)
def _me_too(user: Any, _thread: Any) -> bool:
    return _member(user)


@rule("post.vote", contributes=True)
def _vote(user: Any, _post: Any) -> bool:
    return _member(user)


@rule("post.edit", contributes=True)
def _edit(user: Any, post: Any) -> bool:
    role = role_of(user)
    if role is None:
        return False
    return role in ACCEPTING_STAFF or (post is not None and post.author_id == user.id)


@rule("post.accept", contributes=True)
def _accept(user: Any, thread: Any) -> bool:
    role = role_of(user)
    if role is None or thread is None:
        return False
    return role in ACCEPTING_STAFF or thread.author_id == user.id


@rule("post.view_hidden")
def _view_hidden(user: Any, _post: Any) -> bool:
    return role_of(user) in ACCEPTING_STAFF


@rule("tag.describe")
def _describe_tag(user: Any, _tag: Any) -> bool:
    return role_of(user) in {Role.MODERATOR, Role.ADMIN}


@rule("areas.edit")
def _edit_areas(user: Any, _category: Any) -> bool:
    return role_of(user) == Role.ADMIN
