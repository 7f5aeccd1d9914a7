"""The knowledge base: articles grown from accepted answers, reviewed before publication."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from community.knowledge import models  # noqa: F401
