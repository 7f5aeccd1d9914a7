"""Each visitor's journey (searches, pages read, suggestions shown and clicked) and the
deflections it proves. See models.py."""

from __future__ import annotations

from flask import Flask

from community.journey.models import Step


def record(step: Step, *, query: str = "", thread_id: int | None = None,
           article_id: int | None = None, detail: str = "") -> None:
    """Note one step of the current visitor's journey (cheap: safe on every page view)."""


def init_app(app: Flask) -> None:
    pass
