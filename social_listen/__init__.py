"""Social listening (layer 2): brand mentions on social networks become threads.

Owns listening rules, sources (X through tweepy, RSS), mentions, triage and import
into threads. See DESIGN.md §1.4.
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from social_listen import views

    app.register_blueprint(views.bp)
