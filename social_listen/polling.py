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


def poll(rule_id: int, *, progress: Progress | None = None,
         source: sources.Source | None = None) -> PollResult:
    """Poll one rule now (if no other runner holds it), page after page until its
    source has nothing newer, the quota is spent, or the source fails."""
    result = PollResult(rule_id)
    if not take(rule_id):
        result.polled = False
        return result
    rule = db.session.get(ListeningRule, rule_id)
    try:
        _run(rule, source or sources.for_rule(rule, current_app.config), result, progress)
    except sources.SourceError as error:
        _failed(rule, error, result)
    except Exception as error:  # a bug must not leave the rule held, nor hide
        log.exception("rule %s: polling failed", rule_id)
        _failed(rule, sources.Unavailable(f"{type(error).__name__}: {error}"), result)
    finally:
        rule.polling_until = None
        rule.last_polled_at = utcnow()
        result.next_poll_at = rule.next_poll_at
        db.session.commit()
    return result


def take(rule_id: int) -> bool:
    """Hold the rule for this runner (for ``LISTEN_LEASE_SECONDS`` at most)."""
    now = utcnow()
    taken = db.session.execute(
        update(ListeningRule)
        .where(ListeningRule.id == rule_id,
               or_(ListeningRule.polling_until.is_(None), ListeningRule.polling_until < now))
        .values(polling_until=now + timedelta(seconds=setting("LISTEN_LEASE_SECONDS")))
    ).rowcount
    db.session.commit()
    return bool(taken)


def due_rules(now: datetime | None = None) -> list[int]:
    now = now or utcnow()
    return list(db.session.scalars(
        select(ListeningRule.id)
        .where(ListeningRule.active.is_(True),
               or_(ListeningRule.next_poll_at.is_(None), ListeningRule.next_poll_at <= now))
        .order_by(ListeningRule.next_poll_at.is_not(None), ListeningRule.next_poll_at)))


def _run(rule: ListeningRule, source: sources.Source, result: PollResult,
         progress: Progress | None) -> None:
    restarted = False
    while True:
        try:
            page = source.fetch(rule.query, rule.since_id, rule.resume_token)
        except sources.InvalidToken:
            if restarted or not rule.resume_token:
                raise
            rule.resume_token, rule.run_newest_id, restarted = None, None, True
            continue
        report = _commit_page(rule, page, result)
        if progress:
            progress(report)
        if page.next_token is None:
            return _succeeded(rule, page.wait_until)
        if page.wait_until is not None:  # more pages, but no requests left until then
            rule.next_poll_at = page.wait_until.replace(tzinfo=None)
            return None


def _commit_page(rule: ListeningRule, page: sources.Page, result: PollResult) -> PageReport:
    """The page's mentions and the rule's progress, in one transaction; then the news."""
    stored = capture.store(rule, page.items)
    rule.run_newest_id = newest(rule.run_newest_id, page.newest_id)
    if page.next_token is None:  # the run is complete: the checkpoint moves, not before
        rule.since_id = newest(rule.since_id, rule.run_newest_id)
        rule.resume_token = rule.run_newest_id = None
    else:
        rule.resume_token = page.next_token
    rule.polling_until = utcnow() + timedelta(seconds=setting("LISTEN_LEASE_SECONDS"))
    db.session.commit()
    result.pages += 1
    result.new += len(stored.new)
    result.reposts += stored.reposts
    result.duplicates += stored.duplicates
    result.new_ids += stored.new
    for mention_id in stored.new:
        events.notify(events.mention_captured, db.session.get(Mention, mention_id))
    return PageReport(result.pages, len(page.items), len(stored.new), stored.reposts,
                      stored.duplicates, page.next_token is not None)


def newest(current: str | None, candidate: str | None) -> str | None:
    """The later of two checkpoints: X ids are numbers (compared as such), feed
    checkpoints ISO dates (compared as text)."""
    if not current or not candidate:
        return current or candidate
    if current.isdigit() and candidate.isdigit():
        return max(current, candidate, key=int)
    return max(current, candidate)


def _succeeded(rule: ListeningRule, wait_until: datetime | None) -> None:
    now = utcnow()
    regular = now + timedelta(minutes=max(1, rule.poll_minutes))
    later = wait_until.replace(tzinfo=None) if wait_until else None
    rule.next_poll_at = max(regular, later) if later else regular
    rule.failures = 0
    rule.last_error = rule.last_error_at = None
    rule.last_success_at = now


def _failed(rule: ListeningRule, error: sources.SourceError, result: PollResult) -> None:
    db.session.rollback()  # nothing half-written: the last committed page stands
    rule = db.session.get(ListeningRule, rule.id)
    now = utcnow()
    rule.last_error = error.message[:ERROR_LENGTH]
    rule.last_error_at = now
    result.error = error.message
    if isinstance(error, sources.RateLimited):
        reset = error.reset_at.replace(tzinfo=None) if error.reset_at else None
        rule.next_poll_at = max(reset, now) if reset else now + RATE_LIMIT_FALLBACK
        log.info("rule %s: rate limited until %s", rule.id, rule.next_poll_at)
        return
    rule.failures = (rule.failures or 0) + 1
    rule.next_poll_at = now + backoff(rule.failures)
    log.warning("rule %s: %s (failure %d, next try %s)", rule.id, error.message,
                rule.failures, rule.next_poll_at)


def backoff(failures: int) -> timedelta:
    """60 s, 2 min, 4 min … up to an hour (settings), with ±10 % jitter so rules that
    failed together do not retry together."""
    base = setting("LISTEN_RETRY_SECONDS") * 2 ** max(0, failures - 1)
    seconds = min(base, setting("LISTEN_RETRY_MAX_SECONDS"))
    return timedelta(seconds=seconds * random.uniform(0.9, 1.1))  # noqa: S311 - jitter
