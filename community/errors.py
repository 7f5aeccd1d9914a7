"""The refusals the forum's services raise: a message for the person, the form field it
concerns, the HTTP status the API answers with (and, for rate limits, when to retry)."""

from __future__ import annotations


class CommunityError(ValueError):
    """A request the rules refuse; ``field`` names the form field the message belongs to,
    ``retry_after`` the seconds to wait when the refusal is a rate limit (429)."""

    def __init__(self, message: str, field: str | None = None, status: int = 422,
                 retry_after: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.status = status
        self.retry_after = retry_after


class NotAllowed(CommunityError):
    def __init__(self, message: str) -> None:
        super().__init__(message, status=403)


class Conflict(CommunityError):
    def __init__(self, message: str) -> None:
        super().__init__(message, status=409)
