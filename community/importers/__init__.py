"""Imports from other communities (Stack Exchange data dumps)."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    pass
