"""Social listening (layer 2): brand mentions on social networks become threads.

Owns listening rules, sources (X through tweepy, RSS/Atom through feedparser), mentions,
the triage inbox, import into threads, claims of social identities and spike alerts.
See DESIGN.md §1.4 and docs/architecture.md.
"""

from __future__ import annotations

from flask import Flask, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.layout import Notice, StaffTool, add_notice, add_settings_section, add_staff_tool
from app.permissions import can
from community.post_tools import PostTool, add_post_tool
from social_listen import settings


def init_app(app: Flask) -> None:
    # models, permissions and jobs register themselves when imported
    from social_listen import (  # noqa: F401
        admin_views,
        api,
        cli,
        demo,
        jobs,
        models,
        permissions,
        views,
    )

    settings.init_app(app)
    app.register_blueprint(views.bp)
    api.init_app(app)
    app.cli.add_command(cli.listen)
    add_staff_tool(app, StaffTool(
        _l("Social listening"), _l("Social inbox"),
        _l("Brand mentions from X and feeds to answer, import or dismiss."),
        "social_listen.inbox", "listening.triage", badge=_waiting, order=20))
    add_staff_tool(app, StaffTool(
        _l("Social listening"), _l("Listening rules"),
        _l("What to listen for, where, and how often."),
        "social_listen.rules", "listening.rules", order=20))
    add_staff_tool(app, StaffTool(
        _l("Social listening"), _l("Handle claims"),
        _l("Members asking to link the X account their mentions came from."),
        "social_listen.claims_page", "listening.claims", order=20))
    add_notice(app, _spike_notice)
    add_settings_section(app, _claim_section)
    add_post_tool(app, PostTool(lambda: str(_l("Reply on X")), "social_listen.reply_on_x",
                                "listening.triage", others_only=False, external_prefix="x:"))


def _waiting() -> int:
    from social_listen import queries

    return queries.waiting()


def _spike_notice(user) -> Notice | None:
    if not can(user, "listening.triage"):
        return None
    from social_listen import queries

    spike = queries.latest_open_spike()
    if spike is None:
        return None
    return Notice(_("Mentions are spiking on “%(rule)s”: %(count)d in an hour.",
                    rule=spike.rule.name, count=spike.count), _("See the inbox"),
                  url_for("social_listen.inbox", rule=spike.rule_id))


def _claim_section(user) -> str:
    if not can(user, "listening.claim"):
        return ""
    return render_template("social_listen/_claim_card.html")
