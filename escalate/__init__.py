"""Escalation (layer 3): what the community cannot solve reaches an agent as a case.

Owns escalation rules, cases, teams, SLAs, the agent console, the contact flow and the
webhook outbox. See DESIGN.md §1.5.
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    # models, permissions and jobs register themselves when imported
    from escalate import clocks, jobs, models, permissions, settings, views  # noqa: F401

    settings.init_app(app)
    clocks.init_app()
    app.register_blueprint(views.bp)
