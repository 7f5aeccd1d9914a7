"""The refusal every social listening service raises: a message for the person, the HTTP
status the API answers with, and the form field it concerns."""

from __future__ import annotations


class ListeningError(ValueError):
    def __init__(self, message: str, status: int = 422, field: str | None = None) -> None:
        super().__init__(message)
        self.message, self.status, self.field = message, status, field
