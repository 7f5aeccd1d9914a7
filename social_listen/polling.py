"""Polling a rule: pages from its source into mentions, exactly once.

The guarantees, and what gives each:

- **No duplicates**: mentions are unique per (source, external id) in the database;
  storing a page twice adds nothing (``capture``).
- **No gaps**: X pages from the newest result down to the checkpoint. The checkpoint
  (``since_id``) moves only when the *last* page of a run is committed, in that page's
  transaction; until then the run's newest id waits in ``run_newest_id`` and the page to
  go on from in ``resume_token``, both written with the page's mentions. A run that stops
  anywhere (a 429, a 500, a crash, SIGKILL) goes on from the page it had not committed;
  if X no longer accepts that token, the run starts again from the newest page, and the
  pages it had stored are stored again as nothing.
- **One runner per rule**: a runner takes the rule with one conditional UPDATE
  (``polling_until``, a lease that lapses if the runner dies); a second runner at the
  same moment finds it taken and moves on.
- **Rate limits**: a 429 (or a page that used the last request of the window) sets the
  rule's next poll to ``x-rate-limit-reset``; no worker sleeps.
- **Failures** (5xx, timeouts, malformed bodies, refusals) are recorded on the rule
  (last error, when, failures in a row) where admins see them, and retried with an
  exponential back-off.
"""

from __future__ import annotations

import logging
import random
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import or_, select, update

from app import events
from app.clock import utcnow
from app.extensions import db
from social_listen import capture, sources
from social_listen.models import ListeningRule, Mention
from social_listen.settings import setting

log = logging.getLogger(__name__)
ERROR_LENGTH = 1000
RATE_LIMIT_FALLBACK = timedelta(minutes=15)


@dataclass
class PageReport:
    number: int
    fetched: int
    new: int
    reposts: int
    duplicates: int
    more: bool


@dataclass
class PollResult:
    rule_id: int
    polled: bool = True  # False: another runner holds the rule
    pages: int = 0
    new: int = 0
    reposts: int = 0
    duplicates: int = 0
    error: str | None = None
    next_poll_at: datetime | None = None
    new_ids: list[int] = field(default_factory=list)


Progress = Callable[[PageReport], None]


class LeaseLost(Exception):
    """Another runner took the rule while this one was slow: stop, write nothing more."""


@dataclass
class Run:
    """One runner's poll of a rule: its lease and where the rule's run stands."""

    rule_id: int
    lease: str
    query: str
    source_kind: str
    since_id: str | None
    resume_token: str | None
    run_newest_id: str | None
    poll_minutes: int


def poll(rule_id: int, *, progress: Progress | None = None,
         source: sources.Source | None = None) -> PollResult:
    """Poll one rule now (if no other runner holds it), page after page until its
    source has nothing newer, the quota is spent, or the source fails."""
    result = PollResult(rule_id)
    run = take(rule_id)
    if run is None:
        result.polled = False
        return result
    schedule: dict = {}
    try:
        rule = db.session.get(ListeningRule, rule_id)
        schedule = _run(run, source or sources.for_rule(rule, current_app.config), result,
                        progress)
    except LeaseLost:
        db.session.rollback()
        log.warning("rule %s: another runner took over; this one stops", rule_id)
        return result
    except sources.CheckpointTooOld as error:
        schedule = _restart(run, error, result)
    except sources.SourceError as error:
        schedule = _failed(run, error, result)
    except Exception as error:  # a bug must not leave the rule held, nor hide
        log.exception("rule %s: polling failed", rule_id)
        schedule = _failed(run, sources.Unavailable(f"{type(error).__name__}: {error}"),
                           result)
    _release(run, schedule)
    result.next_poll_at = schedule.get("next_poll_at")
    return result


def take(rule_id: int) -> Run | None:
    """Hold the rule for this runner (for ``LISTEN_LEASE_SECONDS`` at most, renewed with
    every page): one conditional UPDATE, which only one runner can match."""
    now, lease = utcnow(), secrets.token_hex(8)
    taken = db.session.execute(
        update(ListeningRule)
        .where(ListeningRule.id == rule_id,
               or_(ListeningRule.polling_until.is_(None), ListeningRule.polling_until < now))
        .values(polling_until=now + timedelta(seconds=setting("LISTEN_LEASE_SECONDS")),
                lease=lease)
    ).rowcount
    db.session.commit()
    if not taken:
        return None
    row = db.session.execute(select(
        ListeningRule.query, ListeningRule.source, ListeningRule.since_id,
        ListeningRule.resume_token, ListeningRule.run_newest_id, ListeningRule.poll_minutes)
        .where(ListeningRule.id == rule_id)).one()
    return Run(rule_id, lease, row.query, row.source, row.since_id, row.resume_token,
               row.run_newest_id, row.poll_minutes)


def due_rules(now: datetime | None = None) -> list[int]:
    now = now or utcnow()
    return list(db.session.scalars(
        select(ListeningRule.id)
        .where(ListeningRule.active.is_(True),
               or_(ListeningRule.next_poll_at.is_(None), ListeningRule.next_poll_at <= now))
        .order_by(ListeningRule.next_poll_at.is_not(None), ListeningRule.next_poll_at)))


def _run(run: Run, source: sources.Source, result: PollResult,
         progress: Progress | None) -> dict:
    """Page after page; returns how the rule is to be scheduled."""
    restarted = False
    while True:
        try:
            page = source.fetch(run.query, run.since_id, run.resume_token)
        except sources.InvalidToken:
            if restarted or not run.resume_token:
                raise
            run.resume_token, run.run_newest_id, restarted = None, None, True
            continue
        report = _commit_page(run, page, result)
        if progress:
            progress(report)
        if page.next_token is None:
            return _succeeded(run, page.wait_until)
        if page.wait_until is not None:  # more pages, but no requests left until then
            return {"next_poll_at": page.wait_until.replace(tzinfo=None)}


def _commit_page(run: Run, page: sources.Page, result: PollResult) -> PageReport:
    """The page's mentions and the rule's progress, in one transaction, which holds only
    if this runner still holds the rule; then the news."""
    stored = capture.store(db.session.get(ListeningRule, run.rule_id), page.items)
    run_newest = newest(run.run_newest_id, page.newest_id)
    if page.next_token is None:  # the run is complete: the checkpoint moves, not before
        since_id, resume, run_newest = newest(run.since_id, run_newest), None, None
    else:
        since_id, resume = run.since_id, page.next_token
    _write(run, since_id=since_id, resume_token=resume, run_newest_id=run_newest,
           mentions_total=ListeningRule.mentions_total + len(stored.new),
           polling_until=utcnow() + timedelta(seconds=setting("LISTEN_LEASE_SECONDS")))
    db.session.commit()
    run.since_id, run.resume_token, run.run_newest_id = since_id, resume, run_newest
    result.pages += 1
    result.new += len(stored.new)
    result.reposts += stored.reposts
    result.duplicates += stored.duplicates
    result.new_ids += stored.new
    if events.mention_captured.receivers:  # loading each mention is for listeners only
        for mention_id in stored.new:
            events.notify(events.mention_captured, db.session.get(Mention, mention_id))
    return PageReport(result.pages, len(page.items), len(stored.new), stored.reposts,
                      stored.duplicates, page.next_token is not None)


def _write(run: Run, **values) -> None:
    """Write the rule's row if this runner still holds it; else LeaseLost."""
    done = db.session.execute(update(ListeningRule).where(
        ListeningRule.id == run.rule_id, ListeningRule.lease == run.lease).values(**values))
    if not done.rowcount:
        raise LeaseLost


def newest(current: str | None, candidate: str | None) -> str | None:
    """The later of two checkpoints: X ids are numbers (compared as such), feed
    checkpoints ISO dates (compared as text)."""
    if not current or not candidate:
        return current or candidate
    if current.isdigit() and candidate.isdigit():
        return max(current, candidate, key=int)
    return max(current, candidate)


def _succeeded(run: Run, wait_until: datetime | None) -> dict:
    now = utcnow()
    regular = now + timedelta(minutes=max(1, run.poll_minutes))
    later = wait_until.replace(tzinfo=None) if wait_until else None
    return {"next_poll_at": max(regular, later) if later else regular, "failures": 0,
            "last_error": None, "last_error_at": None, "last_success_at": now}


def _failed(run: Run, error: sources.SourceError, result: PollResult) -> dict:
    db.session.rollback()  # nothing half-written: the last committed page stands
    now = utcnow()
    result.error = error.message
    schedule = {"last_error": error.message[:ERROR_LENGTH], "last_error_at": now}
    if isinstance(error, sources.RateLimited):
        reset = error.reset_at.replace(tzinfo=None) if error.reset_at else None
        schedule["next_poll_at"] = max(reset, now) if reset else now + RATE_LIMIT_FALLBACK
        log.info("rule %s: rate limited until %s", run.rule_id, schedule["next_poll_at"])
        return schedule
    failures = (db.session.scalar(select(ListeningRule.failures)
                                  .where(ListeningRule.id == run.rule_id)) or 0) + 1
    schedule.update(failures=failures, next_poll_at=now + backoff(failures))
    log.warning("rule %s: %s (failure %d, next try %s)", run.rule_id, error.message,
                failures, schedule["next_poll_at"])
    return schedule


def _restart(run: Run, error: sources.SourceError, result: PollResult) -> dict:
    """X searches the last 7 days only: a checkpoint older than that is given up (what
    was said in between cannot be heard any more) and the next poll starts afresh."""
    db.session.rollback()
    result.error = error.message
    _write(run, since_id=None, resume_token=None, run_newest_id=None)
    return {"next_poll_at": utcnow(), "last_error": error.message[:ERROR_LENGTH],
            "last_error_at": utcnow()}


def _release(run: Run, schedule: dict) -> None:
    try:
        _write(run, polling_until=None, lease=None, last_polled_at=utcnow(), **schedule)
        db.session.commit()
    except LeaseLost:
        db.session.rollback()


def backoff(failures: int) -> timedelta:
    """60 s, 2 min, 4 min … up to an hour (settings), with ±10 % jitter so rules that
    failed together do not retry together."""
    base = setting("LISTEN_RETRY_SECONDS") * 2 ** max(0, failures - 1)
    seconds = min(base, setting("LISTEN_RETRY_MAX_SECONDS"))
    return timedelta(seconds=seconds * random.uniform(0.9, 1.1))  # noqa: S311 - jitter
