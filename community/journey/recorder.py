"""Recording steps cheaply enough for every page view.

**Who.** A visitor is a random id; signed-in visitors also carry their user id.

- A member's steps are recorded on the request path.
- A signed-out reader's page views are recorded by a beacon. The page (the same for
  everyone, so a shared cache may keep it: :mod:`app.http_cache`) names its step in
  ``<main data-journey>``; a small ``POST /journey/beacon`` after it loads records the
  step under an id kept in a cookie sent to ``/journey/`` only (:data:`BEACON_COOKIE`).
  Reading never puts a cookie on the pages themselves.
- A browser that already has a session (it voted, used the ask page) keeps its id there,
  and its beacon moves the cookie's earlier steps under that id.

Signing in (or registering) gives the member the steps this browser took anonymously in
the last 30 minutes (``rules.CLAIM_WINDOW``): the session's at once, the beacon cookie's
with the first page's beacon after signing in (:func:`from_beacon`). Then a fresh visitor
id starts: steps recorded under the old id later — a cookie planted in the member's
browser, or whoever used it before — never join the member's journey, which is found by
user id only. Signing out drops the id and the beacon cookie (and the ask draft, see
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
import re
import secrets
import time
import weakref
from collections import Counter
from threading import Lock
from urllib.parse import urlencode

from flask import (
    Flask,
    Response,
    after_this_request,
    current_app,
    g,
    has_request_context,
    request,
    session,
    url_for,
)
from flask_login import current_user
from sqlalchemy import bindparam, insert, update
from sqlalchemy.exc import IntegrityError
from werkzeug.datastructures import MultiDict

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
BEACON_COOKIE = "peerdesk_visitor"
BEACON_PATH = "/journey/"
BEACON_STEPS = {Step.VIEWED_THREAD: "thread_id", Step.VIEWED_ARTICLE: "article_id",
                Step.SEARCHED: None}
CLAIM_KEY = "journey_claim"
VISITOR_ID = re.compile(r"[A-Za-z0-9_-]{16}")


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


def note(step: Step, *, query: str = "", thread_id: int | None = None,
         article_id: int | None = None, detail: str = "") -> None:
    """A step a page shows (a thread or article read, a search): a member's is recorded
    now; a signed-out visitor's is named on the page, for its beacon to record."""
    if member_id() is not None:
        record(step, query=query, thread_id=thread_id, article_id=article_id, detail=detail)
        return
    fields = {"step": str(step), "thread_id": thread_id, "article_id": article_id,
              "query": query[:MAX_QUERY], "detail": detail}
    g.journey_step = urlencode({name: value for name, value in fields.items() if value})


def beacon_attributes() -> dict[str, str]:
    """``<main>``'s data attributes: the step this page names, or, on a member's first
    page after signing in, an empty step that hands over the beacon cookie's visitor."""
    step = g.get("journey_step")
    if step is None and not (member_id() is not None and session.get(CLAIM_KEY)):
        return {}
    return {"data-journey-beacon": url_for("journey.beacon"), "data-journey": step or ""}


def record(step: Step, *, query: str = "", thread_id: int | None = None,
           article_id: int | None = None, detail: str = "",
           visitor: str | None = None) -> bool:
    """Note one step of the current visitor's journey (cheap: safe on every page view).
    False when it is not recorded: bots, and signed-out visitors who opted out."""
    try:
        if not has_request_context() or rules.is_bot(request.user_agent.string):
            return False
        user_id = member_id()
        if user_id is None and _opted_out():
            _count_view_only(step, thread_id, article_id)
            return False
        add(visitor or visitor_id(), user_id, step, query=query, thread_id=thread_id,
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


# --- the beacon ------------------------------------------------------------------------


class BadBeacon(ValueError):
    """A beacon naming no step a page can name."""


def from_beacon(form: MultiDict, response: Response) -> None:
    """Record the step a signed-out visitor's page named (see :func:`note`), under the
    session's visitor id if the browser has one, else the beacon cookie's (set here)."""
    cookie = request.cookies.get(BEACON_COOKIE, "")
    cookie = cookie if VISITOR_ID.fullmatch(cookie) else None
    user_id = member_id()
    if user_id is not None:
        if session.pop(CLAIM_KEY, None) and cookie:
            claim(cookie, user_id)
        if cookie:
            response.delete_cookie(BEACON_COOKIE, path=BEACON_PATH)
        return
    step = _beacon_step(form)
    visitor = session.get(VISITOR_KEY) or cookie or secrets.token_urlsafe(12)
    if not record(step["step"], visitor=visitor, **{k: v for k, v in step.items()
                                                    if k != "step"}):
        return
    if cookie and cookie != visitor:
        _move_steps(cookie, visitor)
    if cookie != visitor:
        response.set_cookie(BEACON_COOKIE, visitor, path=BEACON_PATH, httponly=True,
                            samesite="Lax", secure=current_app.config["SESSION_COOKIE_SECURE"])


def _beacon_step(form: MultiDict) -> dict:
    try:
        step = Step(form.get("step", ""))
    except ValueError:
        raise BadBeacon("unknown step") from None
    if step not in BEACON_STEPS:
        raise BadBeacon("not a step a page names")
    fields: dict = {"step": step}
    if (key := BEACON_STEPS[step]) is not None:
        item = form.get(key, "")
        if not (item.isascii() and item.isdigit() and len(item) <= 10) \
                or not 0 < int(item) < 2**31:
            raise BadBeacon(f"{key} must be a positive integer")
        fields[key] = int(item)
    else:
        fields["query"] = form.get("query", "").strip()[:MAX_QUERY]
        if not fields["query"]:
            raise BadBeacon("query is required")
        fields["detail"] = form.get("detail", "")[:16]
    return fields


def _move_steps(old: str, new: str) -> None:
    """The beacon cookie's anonymous steps join the session's visitor."""
    flush()
    table = JourneyEvent.__table__
    try:
        with db.engine.begin() as connection:
            connection.execute(update(table).where(table.c.visitor == old,
                                                   table.c.user_id.is_(None))
                               .values(visitor=new))
    except Exception:
        log.exception("journey: could not move a beacon visitor's steps")


# --- signing in and out ----------------------------------------------------------------


def _remember_visitor() -> None:
    """Signing in may clear the session; note the visitor before it is cleared."""
    if request.method == "POST":
        g.journey_visitor = session.get(VISITOR_KEY)


def signed_in(user_id: int) -> None:
    """The member keeps this browser's recent anonymous steps, under a fresh visitor id."""
    previous = g.get("journey_visitor") or session.get(VISITOR_KEY)
    session.pop(VISITOR_KEY, None)
    session[CLAIM_KEY] = True
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
    session.pop(CLAIM_KEY, None)
    after_this_request(_drop_beacon_cookie)


def _drop_beacon_cookie(response: Response) -> Response:
    response.delete_cookie(BEACON_COOKIE, path=BEACON_PATH)
    return response


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
