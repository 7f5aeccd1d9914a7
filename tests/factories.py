"""Test data, made through the same services the app uses.

Every factory runs in its own app context and returns detached, fully loaded objects,
so tests can read them freely while requests run in contexts of their own.
"""

from __future__ import annotations

import itertools
from typing import Any

from flask import Flask

from app.accounts import services
from app.accounts.models import Role, User
from app.extensions import db

PASSWORD = "correct horse battery"
_numbers = itertools.count(1)


class Factories:
    def __init__(self, app: Flask) -> None:
        self.app = app

    def user(self, username: str | None = None, *, role: Role = Role.MEMBER,
             email: str | None = None, password: str = PASSWORD, **fields: Any) -> User:
        number = next(_numbers)
        username = username or f"user{number}"
        with self.app.app_context():
            user = services.register(
                username, email or f"{username}@example.com", password, role=role, via="test"
            )
            for name, value in fields.items():
                setattr(user, name, value)
            db.session.commit()
            return _detached(user)

    def admin(self, username: str = "root-admin", **fields: Any) -> User:
        return self.user(username, role=Role.ADMIN, **fields)

    def api_token(self, user: User, name: str = "test") -> str:
        with self.app.app_context():
            return services.create_api_token(db.session.get(User, user.id), name)

    def reload(self, user: User) -> User:
        with self.app.app_context():
            return _detached(db.session.get(User, user.id))


def _detached(obj):
    db.session.refresh(obj)
    db.session.expunge(obj)
    return obj
