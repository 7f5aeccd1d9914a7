"""Moderation (layer 2): keeps the community clean without driving newcomers away.

Owns the screening of every post before publication (registered with the gate in
``app.screening``), the review queue, flags, trust levels, watched words, the spam
classifier, sanctions and the audit log. See DESIGN.md §1.3 and docs/architecture.md.
"""

from __future__ import annotations

from flask import Flask, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from app import events
from app import screening as gate
from app.accounts.services import add_restriction_reason
from app.layout import Notice, StaffTool, add_notice, add_profile_section, add_staff_tool
from app.permissions import can
from community.post_tools import PostTool, add_post_tool
from moderation import settings


def init_app(app: Flask) -> None:
    # permissions, jobs and the demo register themselves when imported
    from moderation import (  # noqa: F401
        admin_views,
        api,
        cli,
        demo,
        jobs,
        member_views,
        permissions,
        queue,
        receivers,
        sanctions,
        screening,
        views,
    )

    settings.init_app(app)
    gate.register(app, screening.screen, queue.keep, screen_all=screening.screen_all,
                  keep_written=queue.keep_written)
    app.register_blueprint(views.bp)
    api.init_app(app)
    receivers.init_app()
    events.user_registered.connect(demo.on_registered)
    app.cli.add_command(cli.moderation)
    add_restriction_reason(app, sanctions.explain)
    add_staff_tool(app, StaffTool(
        _l("Moderation"), _l("Review queue"),
        _l("Posts held by the filters, flagged by members or waiting for a first review."),
        "moderation.queue_page", "moderation.review", badge=_pending, order=10))
    add_staff_tool(app, StaffTool(
        _l("Moderation"), _l("Spam tester"),
        _l("Try a text against the spam filter and the watched words."),
        "moderation.tester_page", "moderation.review", order=10))
    add_staff_tool(app, StaffTool(
        _l("Moderation"), _l("Watched words"), _l("Words that hold, block or flag a post."),
        "moderation.words", "moderation.words", order=10))
    add_staff_tool(app, StaffTool(
        _l("Moderation"), _l("Audit log"), _l("Every moderation decision: who, what and when."),
        "moderation.audit_log", "moderation.audit", order=10))
    add_notice(app, _silenced_notice)
    add_notice(app, _overdue_notice)
    add_profile_section(app, _on_profile)
    add_post_tool(app, PostTool(lambda: str(_l("Flag")), "moderation.flag", "post.flag_link"))
    add_post_tool(app, PostTool(lambda: str(_l("Moderate")), "moderation.moderate_post",
                                "moderation.review", others_only=False))


def _pending() -> int:
    from moderation import queue

    return queue.pending_count()


def _on_profile(member) -> str:
    """Moderators see a member's trust level and a way to their moderation page."""
    from flask import render_template
    from flask_login import current_user

    if not can(current_user, "moderation.review"):
        return ""
    from moderation import trust

    return render_template("moderation/_profile.html", member=member,
                           level=trust.level_of(member))


def _silenced_notice(user) -> Notice | None:
    if not user.read_only():
        return None
    from moderation import sanctions

    reason = sanctions.explain(user)
    return Notice(reason) if reason else None


def _overdue_notice(user) -> Notice | None:
    if not can(user, "moderation.review"):
        return None
    from moderation import health

    state = health.overdue()
    if state is None:
        return None
    return Notice(ngettext("%(num)d post waits for a moderator, since %(since)s UTC.",
                           "%(num)d posts wait for a moderator; the oldest since %(since)s UTC.",
                           state.size, since=state.oldest.strftime("%H:%M")),
                  _("Review the oldest first"), url_for("moderation.queue_page", sort="oldest"))
