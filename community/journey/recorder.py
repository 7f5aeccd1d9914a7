"""Recording steps cheaply enough for every page view.

A visitor is a random id kept in the Flask session (signed-in visitors also carry their
user id), so a journey follows one browser, signed in or not; the id survives signing in
and is dropped on signing out, so the next person at a shared computer starts afresh.

Steps are buffered per process and written in one batch, after a response has been sent,
once the buffer holds ``JOURNEY_BUFFER_SIZE`` steps or its oldest step is
``JOURNEY_BUFFER_SECONDS`` old (and when the process exits). The same batch adds the
thread and article views to their ``view_count`` with a plain ``UPDATE``: it does not
touch ``Thread.version``, so counting a view never empties the anonymous page cache.
The rare steps that decide something — a suggestion clicked, a deflection, a question
asked — are written at once, with whatever was buffered before them.

Recording never breaks a page: a failure is logged and the steps are dropped.
"""

from __future__ import annotations

import atexit
import logging
import secrets
import time
import weakref
from collections import Counter
from threading import Lock

from flask import Flask, Response, current_app, g, has_request_context, request, session
from flask_login import current_user, user_logged_in, user_logged_out
from sqlalchemy import bindparam, insert, update
from sqlalchemy.exc import IntegrityError

from app.clock import utcnow
from app.extensions import db
from community.journey import rules
from community.journey.models import JourneyEvent, Step
from community.knowledge.models import Article
from community.models import Thread

log = logging.getLogger(__name__)

VISITOR_KEY = "visitor"
IMMEDIATE = frozenset({Step.SUGGESTION_CLICKED, Step.DEFLECTED, Step.ASKED})
VIEWS = ((Step.VIEWED_THREAD, "thread_id", Thread), (Step.VIEWED_ARTICLE, "article_id", Article))


class Buffer:
    """This process's unwritten steps; thread-safe."""

    def __init__(self) -> None:
        self._events: list[dict] = []
        self._oldest = 0.0
        self._lock = Lock()

    def add(self, event: dict) -> None:
        with self._lock:
            if not self._events:
                self._oldest = time.monotonic()
            self._events.append(event)

    def take(self) -> list[dict]:
        with self._lock:
            events, self._events = self._events, []
            return events

    def due(self, size: int, seconds: float) -> bool:
        return bool(self._events) and (
            len(self._events) >= size or time.monotonic() - self._oldest >= seconds)

    def __len__(self) -> int:
        return len(self._events)


def buffer() -> Buffer:
    return current_app.extensions["journey_buffer"]


def visitor_id(create: bool = True) -> str | None:
    visitor = session.get(VISITOR_KEY)
    if visitor is None and create:
        visitor = session[VISITOR_KEY] = secrets.token_urlsafe(12)
    return visitor


def record(step: Step, *, query: str = "", thread_id: int | None = None,
           article_id: int | None = None, detail: str = "") -> None:
    """Note one step of the current visitor's journey (cheap: safe on every page view)."""
    try:
        if not has_request_context() or rules.is_bot(request.user_agent.string):
            return
        user_id = current_user.id if current_user.is_authenticated else None
        add(visitor_id(), user_id, step, query=query, thread_id=thread_id,
            article_id=article_id, detail=detail)
    except Exception:
        log.exception("journey: could not record %s", step)


def add(visitor: str, user_id: int | None, step: Step, *, query: str = "",
        thread_id: int | None = None, article_id: int | None = None, detail: str = "") -> None:
    """Buffer a step for ``visitor``; decisive steps are written at once."""
    buffer().add({"visitor": visitor, "user_id": user_id, "step": str(step),
                  "query": (query or "")[:200], "thread_id": thread_id,
                  "article_id": article_id, "detail": (detail or "")[:64],
                  "created_at": utcnow()})
    if step in IMMEDIATE:
        flush()


def flush() -> int:
    """Write this process's buffered steps and view counts; returns how many were written."""
    events = buffer().take()
    if not events:
        return 0
    try:
        _write(events)
    except IntegrityError:  # e.g. an id that does not exist: keep the others
        return sum(_write_alone(event) for event in events)
    except Exception:
        log.exception("journey: %d steps could not be written and are dropped", len(events))
        return 0
    return len(events)


def _write(events: list[dict]) -> None:
    # Its own connection: never commits the current request's unfinished work.
    with db.engine.begin() as connection:
        connection.execute(insert(JourneyEvent.__table__), events)
        for step, key, model in VIEWS:
            counts = Counter(event[key] for event in events
                             if event["step"] == step and event[key] is not None)
            if counts:  # in id order, so two workers' batches cannot deadlock
                table = model.__table__
                connection.execute(
                    update(table).where(table.c.id == bindparam("item"))
                    .values(view_count=table.c.view_count + bindparam("views")),
                    [{"item": item, "views": views} for item, views in sorted(counts.items())])


def _write_alone(event: dict) -> int:
    try:
        _write([event])
    except Exception:
        log.exception("journey: dropped a %s step", event["step"])
        return 0
    return 1


def _flush_when_due(response: Response) -> Response:
    """After any request: once the buffer is big or old, write it after the response."""
    config = current_app.config
    if buffer().due(config["JOURNEY_BUFFER_SIZE"], config["JOURNEY_BUFFER_SECONDS"]):
        app = current_app._get_current_object()
        response.call_on_close(lambda: _flush_in(app))
    return response


def _flush_in(app: Flask) -> None:
    with app.app_context():
        flush()


def _remember_visitor() -> None:
    """Signing in starts a fresh session; note the visitor before it is cleared."""
    if request.method == "POST":
        g.journey_visitor = session.get(VISITOR_KEY)


def _keep_visitor(_app, **_extra) -> None:
    if has_request_context() and g.get("journey_visitor") and VISITOR_KEY not in session:
        session[VISITOR_KEY] = g.journey_visitor


def _forget_visitor(_app, **_extra) -> None:
    if has_request_context():
        session.pop(VISITOR_KEY, None)


def _flush_at_exit(app_ref: weakref.ref) -> None:
    app = app_ref()
    if app is not None and len(app.extensions["journey_buffer"]):
        _flush_in(app)


def init_app(app: Flask) -> None:
    app.extensions["journey_buffer"] = Buffer()
    app.before_request(_remember_visitor)
    app.after_request(_flush_when_due)
    user_logged_in.connect(_keep_visitor, app)
    user_logged_out.connect(_forget_visitor, app)
    if not app.testing:
        atexit.register(_flush_at_exit, weakref.ref(app))
