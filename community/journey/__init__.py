"""Each visitor's journey (searches, pages read, suggestions shown and clicked) and the
deflections it proves.

Other packages call :func:`record` for what a visitor did (it is cheap and never
raises), and :func:`note` for what a page shows (``note(Step.SEARCHED, query=q,
detail=str(total))``, ``note(Step.VIEWED_ARTICLE, article_id=...)``): a signed-out
reader's page stays the same for everyone and its beacon records the step.
:func:`visitor_key` names the visitor (``user:<id>`` or ``visitor:<id>``) for features
that count one of something per visitor. When a question is asked (web or API) the
asker's last 24 hours are copied onto it for staff. Modules: ``recorder`` (buffered
writes, the beacon), ``rules`` (pure rules), ``services`` (verbs), ``deflection`` (the
ask page's suggestions), ``queries`` (staff reading), ``views``, ``jobs``.
See models.py for the tables.
"""

from __future__ import annotations

import logging

from flask import Flask, has_request_context
from flask_babel import lazy_gettext as _l
from flask_login import current_user, user_logged_in, user_logged_out

from app import events
from app.extensions import db
from app.layout import StaffTool, add_main_attributes, add_staff_tool
from community.journey import deflection, jobs, permissions, recorder, services, views  # noqa: F401
from community.journey.models import Step
from community.journey.recorder import note, record, visitor_key
from community.models import Source

__all__ = ["Step", "init_app", "note", "record", "visitor_key"]

log = logging.getLogger(__name__)

DEFAULTS = {
    "JOURNEY_RETENTION_DAYS": 30,
    "JOURNEY_BUFFER_SIZE": 500,  # steps held per process before a batch is written
    "JOURNEY_BUFFER_SECONDS": 5,  # ...or once the oldest is this old
    "JOURNEY_SUGGESTIONS_RATE_LIMIT": "60 per minute",  # while typing, debounced
    "JOURNEY_CLICK_RATE_LIMIT": "30 per minute",  # suggestions opened
    "JOURNEY_BEACON_RATE_LIMIT": "120 per minute",  # pages read by one signed-out address
}


def _question_asked(thread, **_data) -> None:
    """Web and API questions carry their asker's journey; imports and mentions do not."""
    if not has_request_context() or thread.source not in (Source.WEB, Source.API):
        return
    thread_id, visitor = thread.id, None
    if thread.source == Source.WEB and current_user.is_authenticated \
            and current_user.id == thread.author_id:
        visitor = recorder.visitor_id()
    try:
        services.attach_to_question(thread, asked_as=visitor)
    except Exception:  # the question is posted; its journey is a nice-to-have
        db.session.rollback()
        log.exception("journey: could not attach the journey to thread %s", thread_id)


def _question_held(post, *, new: bool = False, **_data) -> None:
    """A question held for moderation was still asked now: its journey is the one before."""
    if new and post.is_opening:
        _question_asked(post.thread)


def _signed_in(_app, user, **_extra) -> None:
    if has_request_context():
        recorder.signed_in(user.id)


def _signed_out(_app, **_extra) -> None:
    """Whoever uses this browser next starts afresh: no visitor id, no question draft."""
    if has_request_context():
        recorder.forget_visitor()
        deflection.forget_all()


def init_app(app: Flask) -> None:
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)
    recorder.init_app(app)
    app.register_blueprint(views.bp)
    app.add_template_global(deflection.banner_html, "deflection_banner")
    add_main_attributes(app, recorder.beacon_attributes)
    events.question_asked.connect(_question_asked)
    events.content_held.connect(_question_held)
    user_logged_in.connect(_signed_in, app)
    user_logged_out.connect(_signed_out, app)
    add_staff_tool(app, StaffTool(
        _l("Community"), _l("Self-service"),
        _l("How many customers found an answer without asking, day by day."),
        "journey.numbers", "journey.view", order=50))
