"""Escalation (layer 3): what the community cannot solve reaches an agent as a case.

Owns escalation rules, cases, teams, SLAs, the agent console, the contact flow and the
webhook outbox. See DESIGN.md §1.5.
"""

from __future__ import annotations

from flask import Flask, url_for
from flask_babel import gettext as _

from app.layout import AccountLink, add_account_link, add_nav_link
from app.permissions import can
from community.thread_notices import add_thread_notice


def init_app(app: Flask) -> None:
    # models, permissions and jobs register themselves when imported
    from escalate import (  # noqa: F401
        api,
        bridge,
        clocks,
        contact_views,
        customer_views,
        demo,
        jobs,
        labels,
        models,
        permissions,
        receivers,
        satisfaction,
        settings,
        sync,
        views,
    )

    settings.init_app(app)
    labels.init_app(app)
    clocks.init_app()
    receivers.init_app()
    satisfaction.init_app()
    app.register_blueprint(views.bp)
    app.register_blueprint(contact_views.bp)
    api.init_app(app)
    bridge.init_app(app)
    add_account_link(app, _cases_link)
    add_thread_notice(app, sync.thread_notice)
    add_nav_link(app, lambda: _("Contact support"), "support.contact_form")


def _cases_link(user) -> AccountLink:
    """Agents' console, or a member's own cases (always there, like "My questions": a
    query on every page to hide an empty list would cost every member)."""
    if can(user, "cases.work"):
        return AccountLink(_("Cases"), url_for("escalate.console"))
    return AccountLink(_("My support cases"), url_for("escalate.my_cases"))

