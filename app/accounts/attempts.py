"""Failed sign-in attempts per account, counted before the password is checked.

Counting first (``hit`` is atomic in the limiter's storage) means parallel guesses cannot
slip past the limit, and keying on the resolved account means the username and the
e-mail address share one budget. A successful sign-in clears the count, so a person who
signs in on several devices is never locked out by their own successes.
"""

from __future__ import annotations

import time

from flask import current_app
from limits import parse_many

from app.extensions import limiter

NAMESPACE = "signin-account"


class TooManyAttempts(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many sign-in attempts; retry in {retry_after}s")
        self.retry_after = retry_after


def _limits():
    return parse_many(current_app.config["RATELIMIT_SIGNIN_PER_ACCOUNT"])


def _enabled() -> bool:
    return current_app.config.get("RATELIMIT_ENABLED", True)


def count_attempt(account_key: str) -> None:
    """Count one attempt for ``account_key``; raise if the account is over its limit."""
    if not _enabled():
        return
    strategy = limiter.limiter
    for item in _limits():
        if not strategy.hit(item, NAMESPACE, account_key):
            reset_at = strategy.get_window_stats(item, NAMESPACE, account_key).reset_time
            raise TooManyAttempts(max(int(reset_at - time.time()), 1))


def clear_attempts(account_key: str) -> None:
    if not _enabled():
        return
    for item in _limits():
        limiter.limiter.clear(item, NAMESPACE, account_key)
