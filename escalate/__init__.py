"""Escalation (layer 3): what the community cannot solve reaches an agent as a case.

Owns escalation rules, cases, teams, SLAs, the agent console, the contact flow and the
webhook outbox. See DESIGN.md §1.5.
"""

from __future__ import annotations

from flask import Flask, url_for
from flask_babel import gettext as _

from app.layout import AccountLink, add_account_link
from app.permissions import can


def init_app(app: Flask) -> None:
    # models, permissions and jobs register themselves when imported
    from escalate import (  # noqa: F401
        api,
        clocks,
        demo,
        jobs,
        labels,
        models,
        permissions,
        receivers,
        settings,
        views,
    )

    settings.init_app(app)
    labels.init_app(app)
    clocks.init_app()
    receivers.init_app()
    app.register_blueprint(views.bp)
    api.init_app(app)
    add_account_link(app, _console_link)


def _console_link(user) -> AccountLink | None:
    if not can(user, "cases.work"):
        return None
    return AccountLink(_("Cases"), url_for("escalate.console"))
