"""Journey verbs: copy a journey onto a new question, count deflections, forget old steps.

Each is one transaction. See :mod:`community.journey.rules` for why the rules are what
they are.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import and_, delete, insert, or_, select

from app.clock import utcnow
from app.extensions import db
from community.journey import recorder, rules
from community.journey.models import JourneyEvent, Step, ThreadJourney
from community.knowledge.models import Article, ArticleRevision
from community.models import Thread

LOOKBACK = timedelta(days=1)  # clicks older than this are no longer looked at
DELETE_BATCH = 5000
CHUNK = 500
COLUMNS = (JourneyEvent.visitor, JourneyEvent.user_id, JourneyEvent.step, JourneyEvent.query,
           JourneyEvent.thread_id, JourneyEvent.article_id, JourneyEvent.detail,
           JourneyEvent.created_at)


# --- the journey travels with the question ----------------------------------------------


def attach_to_question(thread: Thread, asked_as: str | None = None) -> ThreadJourney | None:
    """Copy the asker's last 24 hours onto the new question, then note that they asked
    (as visitor ``asked_as``, when asked from a browser).

    The asker's steps are found by user id only: their own as a member, and the
    anonymous ones claimed when they signed in (see :mod:`~community.journey.recorder`);
    never by a visitor id, which someone else may have used or planted."""
    recorder.flush()  # the steps this process still holds belong to the journey
    rows = db.session.execute(
        select(*COLUMNS)
        .where(JourneyEvent.created_at >= utcnow() - rules.ATTACH_WINDOW,
               JourneyEvent.user_id == thread.author_id)
        .order_by(JourneyEvent.created_at.desc(), JourneyEvent.id.desc())
        .limit(rules.MAX_STEPS * 4)
    ).mappings().all()
    steps = rules.fold(_compact(list(reversed(rows))))
    journey = None
    if steps:
        journey = ThreadJourney(thread_id=thread.id, steps=steps)
        db.session.add(journey)
        db.session.commit()
    recorder.add(asked_as or f"member:{thread.author_id}", thread.author_id, Step.ASKED,
                 thread_id=thread.id)
    return journey


def _compact(rows) -> list[dict]:
    threads = _thread_titles({row.thread_id for row in rows if row.thread_id})
    articles = _article_titles({row.article_id for row in rows if row.article_id})
    steps = []
    for row in rows:
        step = {"at": row.created_at.isoformat(timespec="seconds"), "step": row.step}
        if row.query:
            step["query"] = row.query
        if (count := rules.result_count(row.detail)) is not None:
            step["count"] = count
        elif row.detail:
            step["detail"] = row.detail
        if row.thread_id:
            step["thread_id"] = row.thread_id
            step["title"], step["slug"] = threads.get(row.thread_id, ("", ""))
        if row.article_id:
            step["article_id"] = row.article_id
            step["title"], step["slug"] = articles.get(row.article_id, ("", ""))
        steps.append(step)
    return steps


def _thread_titles(ids: set[int]) -> dict[int, tuple[str, str]]:
    if not ids:
        return {}
    rows = db.session.execute(select(Thread.id, Thread.title, Thread.slug)
                              .where(Thread.id.in_(ids)))
    return {row.id: (row.title, row.slug) for row in rows}


def _article_titles(ids: set[int]) -> dict[int, tuple[str, str]]:
    if not ids:
        return {}
    rows = db.session.execute(
        select(Article.id, Article.slug, ArticleRevision.title)
        .outerjoin(ArticleRevision, ArticleRevision.id == Article.current_revision_id)
        .where(Article.id.in_(ids)))
    return {row.id: (row.title or "", row.slug) for row in rows}


# --- deflections -------------------------------------------------------------------------


def solved_it(kind: str, item_id: int) -> bool:
    """The customer says a suggestion they clicked solved their problem: one deflection
    per visit, so pressing the button twice (or after reloading, or on a second
    suggestion) counts once. The customer is this browser's visitor or, signed in, the
    member (whose visitor id changes when they sign in)."""
    who = _this_visitor()
    if who is None:
        return False
    recorder.flush()
    target = JourneyEvent.thread_id if kind == "thread" else JourneyEvent.article_id
    clicked = and_(JourneyEvent.step == Step.SUGGESTION_CLICKED, target == item_id)
    rows = db.session.execute(
        select(JourneyEvent.step, JourneyEvent.created_at)
        .where(who, or_(clicked, JourneyEvent.step == Step.DEFLECTED),
               JourneyEvent.created_at >= utcnow() - rules.ATTACH_WINDOW)
    ).all()
    clicks = [row.created_at for row in rows if row.step == Step.SUGGESTION_CLICKED]
    deflections = [row.created_at for row in rows if row.step == Step.DEFLECTED]
    if not rules.solved_it_counts(clicks, deflections):
        return False
    recorder.record(Step.DEFLECTED, detail=rules.SOLVED_IT, **{f"{kind}_id": item_id})
    return True


def _this_visitor():
    """The current request's visitor and member, as a condition; None if neither."""
    who = []
    if (visitor := recorder.visitor_id(create=False)) is not None:
        who.append(JourneyEvent.visitor == visitor)
    if (member := recorder.member_id()) is not None:
        who.append(JourneyEvent.user_id == member)
    return or_(*who) if who else None


def count_left_after_click(now: datetime | None = None) -> int:
    """Clicks on a suggestion followed by no question within 30 minutes become
    deflections ("left_after_click"), once per visit. Idempotent."""
    recorder.flush()
    now = now or utcnow()
    end = now - rules.LEFT_AFTER
    clicks = db.session.execute(
        select(*COLUMNS).where(JourneyEvent.step == Step.SUGGESTION_CLICKED,
                               JourneyEvent.created_at >= end - LOOKBACK,
                               JourneyEvent.created_at < end)
        .order_by(JourneyEvent.created_at, JourneyEvent.id)
    ).mappings().all()
    if not clicks:
        return 0
    # a deflection up to 30 minutes before a click means its visit is already counted
    later = _asked_or_deflected(clicks, since=end - LOOKBACK - rules.LEFT_AFTER)
    counted = []
    for click in clicks:
        if rules.left_after_click(click, later):
            deflection = {**click, "step": str(Step.DEFLECTED), "query": "",
                          "detail": rules.LEFT_AFTER_CLICK,
                          "created_at": click["created_at"] + rules.LEFT_AFTER}
            counted.append(deflection)
            later.append(deflection)  # the visit's other clicks are counted with it
    if counted:
        db.session.execute(insert(JourneyEvent.__table__), counted)
        db.session.commit()
    return len(counted)


def _asked_or_deflected(clicks, since: datetime) -> list[dict]:
    visitors = sorted({click["visitor"] for click in clicks})
    users = sorted({click["user_id"] for click in clicks if click["user_id"] is not None})
    found: list[dict] = []
    for start in range(0, max(len(visitors), len(users)), CHUNK):
        who = [JourneyEvent.visitor.in_(visitors[start:start + CHUNK])]
        if users[start:start + CHUNK]:
            who.append(JourneyEvent.user_id.in_(users[start:start + CHUNK]))
        found += [dict(row) for row in db.session.execute(
            select(*COLUMNS).where(JourneyEvent.step.in_([Step.ASKED, Step.DEFLECTED]),
                                   JourneyEvent.created_at >= since, or_(*who))
        ).mappings()]
    return found


# --- retention ---------------------------------------------------------------------------


def delete_expired(now: datetime | None = None, batch: int = DELETE_BATCH) -> int:
    """Delete steps older than ``JOURNEY_RETENTION_DAYS``, a batch per transaction, so
    the table is never locked for long. Copies attached to questions stay."""
    days = current_app.config["JOURNEY_RETENTION_DAYS"]
    cutoff = (now or utcnow()) - timedelta(days=days)
    table = JourneyEvent.__table__
    deleted = 0
    while True:
        oldest = (select(table.c.id).where(table.c.created_at < cutoff)
                  .order_by(table.c.id).limit(batch))
        result = db.session.execute(delete(table).where(table.c.id.in_(oldest)))
        db.session.commit()
        deleted += result.rowcount
        if result.rowcount < batch:
            return deleted
