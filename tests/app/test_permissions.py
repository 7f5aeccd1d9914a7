"""can(): one place for every permission, closed by default."""

import pytest
from flask_login import AnonymousUserMixin

from app.accounts.models import Role, User
from app.permissions import can, declared


def person(role: Role, active: bool = True) -> User:
    return User(id=1, username="x", email="x@example.com", role=role, is_active=active)


@pytest.mark.parametrize("role, allowed", [
    (Role.MEMBER, False), (Role.MODERATOR, False), (Role.AGENT, False), (Role.ADMIN, True),
])
def test_only_admins_change_roles(role, allowed):
    assert can(person(role), "users.change_role", person(Role.MEMBER)) is allowed


def test_anonymous_visitors_can_do_nothing_protected():
    for action in declared():
        assert can(AnonymousUserMixin(), action) is False


def test_a_deactivated_admin_loses_admin_rights():
    assert can(person(Role.ADMIN, active=False), "users.change_role") is False


def test_undeclared_actions_are_refused():
    assert can(person(Role.ADMIN), "users.delete_everything") is False


def test_members_edit_only_their_own_settings():
    me, other = person(Role.MEMBER), User(id=2, role=Role.MEMBER, is_active=True)
    assert can(me, "users.edit_settings", me) and not can(me, "users.edit_settings", other)
