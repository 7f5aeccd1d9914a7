"""Accounts: users, their role, and the API tokens they hold."""

from __future__ import annotations

import secrets
from datetime import datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import Enum, ForeignKey, Index, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.clock import utcnow
from app.extensions import db


class Role(StrEnum):
    """What a person does in the community; each role is a strict superset of member."""

    MEMBER = "member"
    MODERATOR = "moderator"
    AGENT = "agent"
    ADMIN = "admin"


def new_session_nonce() -> str:
    return secrets.token_hex(8)


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(30))
    email: Mapped[str] = mapped_column(String(254))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(
        Enum(
            Role,
            name="role",
            native_enum=False,
            create_constraint=True,
            length=16,
            values_callable=lambda roles: [role.value for role in roles],
        ),
        default=Role.MEMBER,
    )
    locale: Mapped[str | None] = mapped_column(String(8))
    is_active: Mapped[bool] = mapped_column(default=True)
    # Until then the member may sign in and read, but every action declared as a
    # contribution (``app.permissions.rule(..., contributes=True)``) is refused.
    read_only_until: Mapped[datetime | None]
    # Part of the session identity: changing it signs the user out everywhere.
    session_nonce: Mapped[str] = mapped_column(String(16), default=new_session_nonce)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime | None]

    tokens: Mapped[list[ApiToken]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    def get_id(self) -> str:
        return f"{self.id}:{self.session_nonce}"

    def read_only(self, now: datetime | None = None) -> bool:
        return self.read_only_until is not None and self.read_only_until > (now or utcnow())

    def __repr__(self) -> str:
        return f"<User {self.username} ({self.role})>"


# Case-insensitive uniqueness: "Ada" and "ada" are the same person, and so are two
# spellings of one mailbox.
Index("uq_users_username_lower", func.lower(User.username), unique=True)
Index("uq_users_email_lower", func.lower(User.email), unique=True)


class ApiToken(db.Model):
    """A Bearer token for the HTTP API. Only its SHA-256 is stored; the token is shown once."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    user: Mapped[User] = relationship(back_populates="tokens")
