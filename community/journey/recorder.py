"""Recording steps cheaply enough for every page view.

**Who.** A visitor is a random id kept in the Flask session; signed-in visitors also
carry their user id. Signing in (or registering) gives the member the steps this browser
took anonymously in the last 30 minutes (``rules.CLAIM_WINDOW``), then starts a fresh
visitor id: steps recorded under the old id later — a session cookie planted in the
member's browser, or whoever used it before — never join the member's journey, which is
found by user id only. Signing out drops the id (and the ask draft, see
:mod:`~community.journey.deflection`), so the next person at a shared computer starts
afresh. :func:`visitor_key` names the visitor for other features (one vote per visitor).

**Privacy.** Queries are stored with personal data taken out (order numbers, e-mail
addresses, phone numbers: :func:`community.knowledge.pii.strip_personal_data`), as
customers often type them into a search box. A signed-out browser that sends Global
Privacy Control (``Sec-GPC: 1``) is not recorded and gets no visitor id; its page views
still add to ``view_count``, which names nobody. Members are recorded whatever their
browser sends: their journey is part of the support record of the questions they ask.

**When written.** Steps are buffered per process and written in one batch, after a
response has been sent, once the buffer holds ``JOURNEY_BUFFER_SIZE`` steps or its
oldest step is ``JOURNEY_BUFFER_SECONDS`` old (and when the process exits). The same
batch adds the thread and article views to their ``view_count`` with a plain ``UPDATE``:
it does not touch ``Thread.version``, so counting a view never empties the anonymous
page cache. Written at once, with whatever was buffered before them: the steps that
decide something (a suggestion clicked, a deflection, a question asked), and a signed-in
member's searches and suggestions shown — a member's journey is attached to the question
they ask, maybe in another worker process, whose buffer a quiet site may not write for a
long time. That was chosen over a flush timer: no thread per process to start after a
fork, and few writes (page views, the bulk, stay buffered). So a member's page views, and
anonymous steps still buffered in another process at sign-in, can miss an attached
journey; the searches and suggestions, which say what the problem was, cannot.

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
from flask_login import current_user
from sqlalchemy import bindparam, insert, update
from sqlalchemy.exc import IntegrityError

from app.clock import utcnow
from app.extensions import db
from community.journey import rules
from community.journey.models import JourneyEvent, Step
from community.knowledge.models import Article
from community.knowledge.pii import strip_personal_data
from community.models import Thread

log = logging.getLogger(__name__)

VISITOR_KEY = "visitor"
IMMEDIATE = frozenset({Step.SUGGESTION_CLICKED, Step.DEFLECTED, Step.ASKED})
IMMEDIATE_FOR_MEMBERS = frozenset({Step.SEARCHED, Step.SUGGESTIONS_SHOWN})
MAX_QUERY = 200
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


def member_id() -> int | None:
    return current_user.id if current_user.is_authenticated else None


def visitor_key() -> str:
    """Who is visiting, for features that count one of something per visitor:
    ``user:<id>`` for members, else ``visitor:<the journey's visitor id>``."""
    member = member_id()
    return f"user:{member}" if member is not None else f"visitor:{visitor_id()}"


def record(step: Step, *, query: str = "", thread_id: int | None = None,
           article_id: int | None = None, detail: str = "") -> bool:
    """Note one step of the current visitor's journey (cheap: safe on every page view).
    False when it is not recorded: bots, and signed-out visitors who opted out."""
    try:
        if not has_request_context() or rules.is_bot(request.user_agent.string):
            return False
        user_id = member_id()
        if user_id is None and _opted_out():
            _count_view_only(step, thread_id, article_id)
            return False
        add(visitor_id(), user_id, step, query=query, thread_id=thread_id,
            article_id=article_id, detail=detail)
    except Exception:
        log.exception("journey: could not record %s", step)
        return False
    return True


def _opted_out() -> bool:
    """Global Privacy Control (https://privacycg.github.io/gpc-spec/)."""
    return request.headers.get("Sec-GPC", "").strip() == "1"


def _count_view_only(step: Step, thread_id: int | None, article_id: int | None) -> None:
    """A view added to ``view_count`` with no step stored (no visitor: see :func:`_write`)."""
    if step in (Step.VIEWED_THREAD, Step.VIEWED_ARTICLE):
        buffer().add(_event(None, None, step, thread_id=thread_id, article_id=article_id))


def add(visitor: str, user_id: int | None, step: Step, *, query: str = "",
        thread_id: int | None = None, article_id: int | None = None, detail: str = "") -> None:
    """Buffer a step for ``visitor``; decisive steps, and members' searches, are written
    at once."""
    buffer().add(_event(visitor, user_id, step, query=query, thread_id=thread_id,
                        article_id=article_id, detail=detail))
    if step in IMMEDIATE or (user_id is not None and step in IMMEDIATE_FOR_MEMBERS):
        flush()


def _event(visitor: str | None, user_id: int | None, step: Step, *, query: str = "",
           thread_id: int | None = None, article_id: int | None = None,
           detail: str = "") -> dict:
    return {"visitor": visitor, "user_id": user_id, "step": str(step),
            "query": _without_personal_data(query), "thread_id": thread_id,
            "article_id": article_id, "detail": (detail or "")[:64], "created_at": utcnow()}


def _without_personal_data(query: str) -> str:
    if not query:
        return ""
    return strip_personal_data(query[:MAX_QUERY * 2])[0][:MAX_QUERY]


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
    steps = [event for event in events if event["visitor"] is not None]
    with db.engine.begin() as connection:
        if steps:
            connection.execute(insert(JourneyEvent.__table__), steps)
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


# --- signing in and out ----------------------------------------------------------------


def _remember_visitor() -> None:
    """Signing in may clear the session; note the visitor before it is cleared."""
    if request.method == "POST":
        g.journey_visitor = session.get(VISITOR_KEY)


def signed_in(user_id: int) -> None:
    """The member keeps this browser's recent anonymous steps, under a fresh visitor id."""
    previous = g.get("journey_visitor") or session.get(VISITOR_KEY)
    session.pop(VISITOR_KEY, None)
    if previous:
        claim(previous, user_id)


def claim(visitor: str, user_id: int) -> int:
    """``visitor``'s anonymous steps of the last ``rules.CLAIM_WINDOW`` become the member's."""
    flush()
    table = JourneyEvent.__table__
    try:
        with db.engine.begin() as connection:  # its own: the sign-in is not committed here
            return connection.execute(
                update(table).where(table.c.visitor == visitor, table.c.user_id.is_(None),
                                    table.c.created_at >= utcnow() - rules.CLAIM_WINDOW)
                .values(user_id=user_id)).rowcount
    except Exception:
        log.exception("journey: could not give anonymous steps to member %s", user_id)
        return 0


def forget_visitor() -> None:
    session.pop(VISITOR_KEY, None)


def _flush_at_exit(app_ref: weakref.ref) -> None:
    app = app_ref()
    if app is not None and len(app.extensions["journey_buffer"]):
        _flush_in(app)


def init_app(app: Flask) -> None:
    app.extensions["journey_buffer"] = Buffer()
    app.before_request(_remember_visitor)
    app.after_request(_flush_when_due)
    if not app.testing:
        atexit.register(_flush_at_exit, weakref.ref(app))
