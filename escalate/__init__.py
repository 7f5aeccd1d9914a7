"""Escalation (layer 3): what the community cannot solve reaches an agent as a case.

Owns escalation rules, cases, teams, SLAs, the agent console, the contact flow and the
webhook outbox. See DESIGN.md §1.5.
"""

from __future__ import annotations

from flask import Flask, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.layout import AccountLink, StaffTool, add_account_link, add_nav_link, add_staff_tool
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
    add_staff_tool(app, StaffTool(
        _l("Support cases"), _l("Cases"),
        _l("Escalated threads waiting for an agent, soonest due first."),
        "escalate.console", "cases.work", order=30))
    add_staff_tool(app, StaffTool(
        _l("Support cases"), _l("Canned replies"), _l("Saved answers agents insert in replies."),
        "escalate.canned_replies", "cases.work", order=30))
    bridge.init_app(app)
    add_account_link(app, _cases_link)
    add_thread_notice(app, sync.thread_notice)
    add_nav_link(app, lambda: _("Contact support"), "support.contact_form")


def _cases_link(user) -> AccountLink | None:
    """A member's own cases (always there, like "My questions": a query on every page to
    hide an empty list would cost every member); agents have the console in the staff menu."""
    if can(user, "cases.work"):
        return None
    return AccountLink(_("My support cases"), url_for("escalate.my_cases"))

