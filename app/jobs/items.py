"""Walking a list in a job: each item in its own transaction, a failing item set aside.

A job that stops at its first bad row stops for good, because the next tick meets the
same row first: one notification whose title broke the mail library once stopped every
e-mail on the site, every minute. So jobs walk their lists with :func:`each`. Each item
is handled and committed on its own; an item that raises is rolled back, its failure is
recorded (on the item itself when it has room for it, else in ``job_item_failures``) and
counted, and the walk moves on. After ``MAX_ATTEMPTS`` failures the item is skipped until
someone looks (``flask jobs failures``, ``flask jobs retry``).

One kind of failure is not the item's fault: the mail server down, say. A handler raises
one of ``stop_on`` for that; the walk stops without blaming anyone and the next tick
tries again, so an outage never uses up the items' attempts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import delete, select

from app.clock import utcnow
from app.extensions import db
from app.jobs.models import JobItemFailure

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_ATTEMPTS = 5
ERROR_LENGTH = 1000


@dataclass
class Tally:
    done: int = 0
    failed: int = 0
    skipped: int = 0
    stopped: bool = False


def each(items: Iterable[T], handle: Callable[[T], object], *, job: str,
         key: Callable[[T], str] | None = None,
         record: Callable[[T, str], None] | None = None,
         stop_on: tuple[type[BaseException], ...] = ()) -> Tally:
    """Run ``handle(item)`` and commit, for each item in turn.

    A failure is recorded by ``record(item, error)`` when given (the item keeps its own
    count, and the job's query leaves out items that reached ``MAX_ATTEMPTS``), else under
    ``key(item)`` in ``job_item_failures``, whose given-up items are skipped here.
    """
    tally = Tally()
    given_up = _given_up(job) if record is None else set()
    for item in items:
        name = key(item) if key else None
        if name in given_up:
            tally.skipped += 1
            continue
        try:
            handle(item)
            if name is not None:
                db.session.execute(delete(JobItemFailure).where(
                    JobItemFailure.job == job, JobItemFailure.item == name))
            db.session.commit()
            tally.done += 1
        except stop_on:
            db.session.rollback()
            log.warning("job %s stopped: the next run tries again", job, exc_info=True)
            tally.stopped = True
            return tally
        except Exception as error:
            db.session.rollback()
            log.exception("job %s: item %s failed", job, name or item)
            text = f"{type(error).__name__}: {error}"[:ERROR_LENGTH]
            if record is not None:
                record(item, text)
            else:
                _record(job, name or repr(item), text)
            db.session.commit()
            tally.failed += 1
    return tally


def _given_up(job: str) -> set[str]:
    return set(db.session.scalars(select(JobItemFailure.item).where(
        JobItemFailure.job == job, JobItemFailure.attempts >= MAX_ATTEMPTS)))


def _record(job: str, item: str, error: str) -> None:
    now = utcnow()
    failure = db.session.get(JobItemFailure, (job, item))
    if failure is None:
        failure = JobItemFailure(job=job, item=item, attempts=0, first_failed_at=now)
        db.session.add(failure)
    failure.attempts += 1
    failure.error = error
    failure.last_failed_at = now


def failures(job: str | None = None) -> list[JobItemFailure]:
    statement = select(JobItemFailure).order_by(JobItemFailure.job, JobItemFailure.item)
    if job:
        statement = statement.where(JobItemFailure.job == job)
    return list(db.session.scalars(statement))


def retry(job: str, item: str | None = None) -> int:
    """Forget the failures of ``job`` (one item, or all): they are tried again next run."""
    statement = delete(JobItemFailure).where(JobItemFailure.job == job)
    if item:
        statement = statement.where(JobItemFailure.item == item)
    removed = db.session.execute(statement).rowcount
    db.session.commit()
    return removed
