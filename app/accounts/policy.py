"""Rules for names and passwords, pure functions with no app or database needed.

Passwords follow NIST SP 800-63B rather than composition rules: length is what makes a
password strong, so we ask for length, refuse the passwords attackers try first, and
refuse passwords built from the user's own name or e-mail. Each rule returns a message a
person can act on, or ``None``.
"""

from __future__ import annotations

import re
from itertools import pairwise

from flask_babel import lazy_gettext as _l

USERNAME_MIN, USERNAME_MAX = 3, 30
PASSWORD_MAX = 128
USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")

# Names that would let an account pose as the site or its staff.
RESERVED_USERNAMES = frozenset(
    {"peerdesk", "staff", "support", "moderators", "system", "root", "api", "null", "anonymous"}
)

# The first guesses in every password-spraying run; a short list we keep ourselves.
COMMON_PASSWORDS = frozenset(
    {
        "password", "password1", "password12", "password123", "passw0rd", "p@ssw0rd",
        "1234567890", "0123456789", "12345678910", "1q2w3e4r5t", "qwertyuiop", "qwerty1234",
        "asdfghjkl1", "iloveyou12", "letmein123", "welcome123", "admin12345", "abc1234567",
        "trustno1trustno1", "football12", "baseball12", "monkey1234", "dragon1234",
        "sunshine12", "princess12", "changeme12", "qwertyuiop1", "peerdesk123",
    }
)


def username_problem(username: str) -> str | None:
    if not USERNAME_MIN <= len(username) <= USERNAME_MAX:
        return str(
            _l(
                "A username is %(min)d to %(max)d characters long.",
                min=USERNAME_MIN,
                max=USERNAME_MAX,
            )
        )
    if not USERNAME_PATTERN.match(username):
        return str(
            _l(
                "Use letters, digits, dots, dashes and underscores, "
                "starting with a letter or digit."
            )
        )
    if username.lower() in RESERVED_USERNAMES:
        return str(_l("This username is reserved. Please choose another."))
    return None


def password_problem(
    password: str, *, min_length: int, username: str = "", email: str = ""
) -> str | None:
    if len(password) < min_length:
        return str(
            _l(
                "Use at least %(min)d characters; a short sentence is easy to remember.",
                min=min_length,
            )
        )
    if len(password) > PASSWORD_MAX:
        return str(_l("Use at most %(max)d characters.", max=PASSWORD_MAX))
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS or _is_monotonous(lowered):
        return str(_l("This password is among the first ones attackers try. Choose another."))
    for personal in (username.lower(), email.lower().split("@")[0]):
        if len(personal) >= 3 and personal in lowered:
            return str(_l("Your password must not contain your username or e-mail address."))
    return None


def _is_monotonous(password: str) -> bool:
    """One repeated character, or a run like 'abcdefghij' / '9876543210'."""
    if len(set(password)) <= 2:
        return True
    steps = {ord(b) - ord(a) for a, b in pairwise(password)}
    return steps in ({1}, {-1})
