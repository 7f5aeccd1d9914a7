"""The refusal every moderation service raises: a message for the person, the HTTP status
the API answers with, the form field it concerns, and (rate limits) when to try again."""

from __future__ import annotations


class ModerationError(ValueError):
    def __init__(self, message: str, status: int = 422, field: str | None = None,
                 retry_after: int | None = None) -> None:
        super().__init__(message)
        self.message, self.status, self.field = message, status, field
        self.retry_after = retry_after
