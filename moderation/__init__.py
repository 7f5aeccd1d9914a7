"""Moderation (layer 2): keeps the community clean.

Owns the review queue, flags, trust levels, watched words, spam screening, sanctions
and the audit log. See DESIGN.md §1.3.
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from moderation import views

    app.register_blueprint(views.bp)
