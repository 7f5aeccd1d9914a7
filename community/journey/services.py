"""Journey verbs: copy a journey onto a new question, count deflections, forget old steps.

Each is one transaction. See :mod:`community.journey.rules` for why the rules are what
they are.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import delete, insert, or_, select

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


def attach_to_question(thread: Thread, visitor: str | None) -> ThreadJourney | None:
    """Copy the asker's last 24 hours (this browser's steps and the member's own) onto
    the new question, then note that they asked."""
    recorder.flush()  # the steps this process still holds belong to the journey
    who = [JourneyEvent.user_id == thread.author_id]
    if visitor:
        who.append(JourneyEvent.visitor == visitor)
    rows = db.session.execute(
        select(*COLUMNS)
        .where(JourneyEvent.created_at >= utcnow() - rules.ATTACH_WINDOW, or_(*who))
        .order_by(JourneyEvent.created_at.desc(), JourneyEvent.id.desc())
        .limit(rules.MAX_STEPS * 4)
    ).mappings().all()
    steps = rules.fold(_compact(list(reversed(rows))))
    journey = None
    if steps:
        journey = ThreadJourney(thread_id=thread.id, steps=steps)
        db.session.add(journey)
        db.session.commit()
    recorder.add(visitor or f"member:{thread.author_id}", thread.author_id, Step.ASKED,
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
    per click, so pressing the button twice (or after reloading) counts once."""
    visitor = recorder.visitor_id(create=False)
    if visitor is None:
        return False
    recorder.flush()
    target = JourneyEvent.thread_id if kind == "thread" else JourneyEvent.article_id
    rows = db.session.execute(
        select(JourneyEvent.step, JourneyEvent.created_at)
        .where(JourneyEvent.visitor == visitor, target == item_id,
               JourneyEvent.step.in_([Step.SUGGESTION_CLICKED, Step.DEFLECTED]),
               JourneyEvent.created_at >= utcnow() - rules.ATTACH_WINDOW)
    ).all()
    clicks = [row.created_at for row in rows if row.step == Step.SUGGESTION_CLICKED]
    deflections = [row.created_at for row in rows if row.step == Step.DEFLECTED]
    if not rules.solved_it_counts(clicks, deflections):
        return False
    recorder.record(Step.DEFLECTED, detail=rules.SOLVED_IT, **{f"{kind}_id": item_id})
    return True


def count_left_after_click(now: datetime | None = None) -> int:
    """Clicks on a suggestion followed by no question within 30 minutes become
    deflections ("left_after_click"), once per click. Idempotent."""
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
    later = _asked_or_deflected(clicks, since=end - LOOKBACK)
    counted = []
    for click in clicks:
        if rules.left_after_click(click, later):
            deflection = {**click, "step": str(Step.DEFLECTED), "query": "",
                          "detail": rules.LEFT_AFTER_CLICK,
                          "created_at": click["created_at"] + rules.LEFT_AFTER}
            counted.append(deflection)
            later.append(deflection)  # a second click on the same item is the same visit
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
