"""Account use cases. Each function is one transaction: it validates, writes, commits,
then sends the event (see ``app/events.py``). Views and the CLI call these; neither
touches the models directly.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from email_validator import EmailNotValidError, validate_email
from flask import current_app, render_template
from flask_babel import gettext as _
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError

from app import events, mail
from app.accounts import attempts
from app.accounts.models import ApiToken, Role, User, new_session_nonce
from app.accounts.policy import password_problem, username_problem
from app.clock import utcnow
from app.extensions import db, locked
from app.web import external_url

RESET_SALT = "peerdesk.password-reset"
TOKEN_PREFIX = "pd_"  # noqa: S105 - a marker that makes leaked tokens easy to scan for
TOKEN_USE_RESOLUTION = timedelta(hours=1)


class AccountError(ValueError):
    """A request the rules refuse; ``field`` names the form field the message belongs to."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


# --- passwords ------------------------------------------------------------------------


def _hasher() -> PasswordHasher:
    return PasswordHasher(
        time_cost=current_app.config["PASSWORD_HASH_TIME_COST"],
        memory_cost=current_app.config["PASSWORD_HASH_MEMORY_KIB"],
    )


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def check_password(user: User, password: str) -> bool:
    hasher = _hasher()
    try:
        hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
        db.session.commit()
    return True


def check_new_password(password: str, *, username: str, email: str) -> None:
    problem = password_problem(
        password,
        min_length=current_app.config["PASSWORD_MIN_LENGTH"],
        username=username,
        email=email,
    )
    if problem:
        raise AccountError(problem, field="password")


# --- lookups --------------------------------------------------------------------------


def find_by_login(login: str) -> User | None:
    """A user by username or e-mail address, case-insensitively."""
    login = login.strip().lower()
    return db.session.scalar(
        select(User).where(
            or_(func.lower(User.username) == login, func.lower(User.email) == login)
        )
    )


def find_by_username(username: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.username) == username.lower()))


def username_taken(username: str) -> bool:
    return find_by_username(username) is not None


def email_taken(email: str) -> bool:
    return db.session.scalar(
        select(User.id).where(func.lower(User.email) == email.strip().lower())
    ) is not None


def _valid_email(email: str) -> str:
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise AccountError(_("Enter a valid e-mail address."), field="email") from error


# --- use cases ------------------------------------------------------------------------


def register(
    username: str, email: str, password: str, *, role: Role = Role.MEMBER, via: str = "web",
    locale: str | None = None,
) -> User:
    """Create an account. ``locale`` is the language the person signed up in: their
    e-mails are written in it until they choose otherwise."""
    username, email = username.strip(), _valid_email(email)
    problem = username_problem(username)
    if problem:
        raise AccountError(problem, field="username")
    check_new_password(password, username=username, email=email)
    if username_taken(username):
        raise AccountError(_("This username is taken."), field="username")
    if email_taken(email):
        raise AccountError(_("An account with this e-mail address exists."), field="email")
    user = User(username=username, email=email, password_hash=hash_password(password), role=role,
                locale=locale if locale in current_app.config["LANGUAGES"] else None)
    db.session.add(user)
    try:
        db.session.commit()
    except IntegrityError as exc:  # lost a race with a simultaneous sign-up
        db.session.rollback()
        raise AccountError(_("This username or e-mail address was just taken.")) from exc
    events.notify(events.user_registered, user, via=via)
    return user


class AccountInactive(AccountError):
    """The password was right but the account may not sign in (suspended, banned...)."""


def add_restriction_reason(app, explain) -> None:
    """Register ``explain(user) -> str | None``: why an account is inactive (told only to
    someone who typed its password) or read-only (moderation: "suspended until...")."""
    app.extensions.setdefault("peerdesk_restriction_reasons", []).append(explain)


def restriction_reason(user: User) -> str | None:
    for explain in current_app.extensions.get("peerdesk_restriction_reasons", []):
        reason = explain(user)
        if reason:
            return reason
    return None


def _inactive_reason(user: User) -> str:
    return restriction_reason(user) or _(
        "This account is closed. If you think this is a mistake, contact the staff.")


def authenticate(login: str, password: str) -> User | None:
    """The user if the credentials are right and the account is active, else ``None``.

    Raises ``TooManyAttempts`` when the account (or, for unknown names, the name typed)
    has used up its attempts; the attempt is counted before the password is checked.
    Raises ``AccountInactive`` (with the reason) when the password is right but the
    account may not sign in.
    """
    user = find_by_login(login)
    account_key = f"user:{user.id}" if user else f"login:{login.strip().lower()}"
    attempts.count_attempt(account_key)
    if user is None:
        _hasher().hash(password)  # spend the same time, so timing does not reveal accounts
        return None
    if not check_password(user, password):
        return None
    if not user.is_active:
        raise AccountInactive(_inactive_reason(user))
    attempts.clear_attempts(account_key)
    return user


def touch_last_seen(user: User) -> None:
    user.last_seen_at = utcnow()
    db.session.commit()


def update_settings(user: User, *, locale: str | None) -> None:
    user.locale = locale or None
    db.session.commit()


def change_password(user: User, current: str, new: str) -> None:
    if not check_password(user, current):
        raise AccountError(_("This is not your current password."), field="current_password")
    check_new_password(new, username=user.username, email=user.email)
    _set_password(user, new)
    db.session.commit()


def _set_password(user: User, password: str) -> None:
    user.password_hash = hash_password(password)
    user.session_nonce = new_session_nonce()  # every other session is signed out


@dataclass(frozen=True)
class RoleChange:
    user: User
    old_role: Role
    new_role: Role


def change_role(user: User, new_role: Role, *, changed_by: User | None) -> RoleChange:
    """Set ``user``'s role. The last admin cannot step down: someone must hold the keys."""
    old_role = Role(user.role)
    if old_role == new_role:
        return RoleChange(user, old_role, new_role)
    if old_role == Role.ADMIN and user.is_active and _lock_active_admins() <= 1:
        db.session.rollback()
        raise AccountError(_("Peerdesk needs at least one admin; promote someone else first."))
    user.role = new_role
    db.session.commit()
    events.notify(
        events.user_role_changed, user, old_role=old_role, new_role=new_role,
        changed_by=changed_by,
    )
    return RoleChange(user, old_role, new_role)


def _lock_active_admins() -> int:
    """Count the active admins, locked (see ``app.extensions.locked``) so that two admins
    demoting each other at once are decided one after the other."""
    admins = select(User.id).where(User.role == Role.ADMIN, User.is_active.is_(True))
    return len(db.session.scalars(locked(admins)).all())


# --- password reset -------------------------------------------------------------------


def _reset_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=RESET_SALT)


def _password_fingerprint(user: User) -> str:
    """Changes when the password changes, so a reset link works once."""
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def make_reset_token(user: User) -> str:
    return _reset_serializer().dumps({"uid": user.id, "pw": _password_fingerprint(user)})


def send_password_reset(email: str) -> None:
    """E-mail a reset link if the address has an account; say nothing either way."""
    user = db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
    if user is None or not user.is_active:
        return
    link = external_url("accounts.reset_password", token=make_reset_token(user))
    minutes = current_app.config["PASSWORD_RESET_MAX_AGE"] // 60
    try:
        mail.send(
            to=user.email,
            subject=_("Reset your %(site)s password", site=current_app.config["SITE_NAME"]),
            text=render_template("accounts/email/reset_password.txt", user=user, link=link,
                                 minutes=minutes),
        )
    except mail.MailError:
        # The answer must not differ from the one for unknown addresses.
        current_app.logger.exception("password reset e-mail to user %s not sent", user.id)


def user_for_reset_token(token: str) -> User:
    try:
        data = _reset_serializer().loads(
            token, max_age=current_app.config["PASSWORD_RESET_MAX_AGE"]
        )
    except SignatureExpired as exc:
        raise AccountError(_("This reset link has expired. Ask for a new one below.")) from exc
    except BadSignature as exc:
        raise AccountError(_("This reset link is not valid. Ask for a new one below.")) from exc
    user = db.session.get(User, data.get("uid")) if isinstance(data, dict) else None
    if user is None or data.get("pw") != _password_fingerprint(user):
        raise AccountError(_("This reset link has already been used. Ask for a new one below."))
    return user


def reset_password(token: str, new_password: str) -> User:
    user = user_for_reset_token(token)
    check_new_password(new_password, username=user.username, email=user.email)
    _set_password(user, new_password)
    db.session.commit()
    events.notify(events.password_reset_completed, user)
    return user


# --- API tokens -----------------------------------------------------------------------


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_api_token(user: User, name: str) -> str:
    """Create a token and return it in clear: this is the only time it can be seen."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    db.session.add(ApiToken(user=user, name=name, token_hash=hash_token(token)))
    db.session.commit()
    return token


def user_for_api_token(token: str) -> User | None:
    api_token = db.session.scalar(
        select(ApiToken).where(
            ApiToken.token_hash == hash_token(token), ApiToken.revoked_at.is_(None)
        )
    )
    if api_token is None or not api_token.user.is_active:
        return None
    now = utcnow()
    if api_token.last_used_at is None or now - api_token.last_used_at > TOKEN_USE_RESOLUTION:
        api_token.last_used_at = now  # coarse on purpose: not one write per request
        db.session.commit()
    return api_token.user
