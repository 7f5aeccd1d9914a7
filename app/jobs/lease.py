"""Database leases: the rule that makes a job run once per tick across processes.

Time is cut into ticks of the job's period (tick = seconds since the epoch // period),
the same for every process whatever its clock drift within a tick. To run, a process
moves the job's row to the current tick with a single conditional UPDATE; the database
lets exactly one such UPDATE match, so exactly one process wins. While a run holds the
lease (``leased_until``: the job's timeout) no later tick starts, so runs never overlap;
if the runner dies, the lease lapses and a later tick runs elsewhere. Only the holder of
a tick's lease can release it.
"""

from __future__ import annotations

import logging
import os
import socket
import traceback
from datetime import datetime

from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError

from app.clock import epoch_seconds, utcnow
from app.extensions import db
from app.jobs import Job
from app.jobs.models import JobLease

HOLDER = f"{socket.gethostname()}:{os.getpid()}"
log = logging.getLogger(__name__)


def tick_of(job: Job, now: datetime) -> int:
    return int(epoch_seconds(now)) // max(job.seconds, 1)


def ensure_rows(jobs: list[Job]) -> None:
    for item in jobs:
        if db.session.get(JobLease, item.name) is None:
            db.session.add(JobLease(name=item.name))
            try:
                db.session.commit()
            except IntegrityError:  # another process created it first
                db.session.rollback()


def acquire(job: Job, tick: int, holder: str = HOLDER, now: datetime | None = None) -> bool:
    """Take the lease for ``tick``; True for exactly one caller per tick."""
    now = now or utcnow()
    result = db.session.execute(
        update(JobLease)
        .where(
            JobLease.name == job.name,
            or_(JobLease.tick.is_(None), JobLease.tick < tick),
            or_(JobLease.leased_until.is_(None), JobLease.leased_until < now),
        )
        .values(
            tick=tick,
            holder=holder,
            started_at=now,
            leased_until=now + job.lease,
        )
    )
    db.session.commit()
    return result.rowcount == 1


def release(job: Job, tick: int, holder: str = HOLDER, *,
            error: BaseException | None = None) -> bool:
    """Record the run and free the lease, if this holder still has this tick's lease."""
    result = db.session.execute(
        update(JobLease)
        .where(JobLease.name == job.name, JobLease.tick == tick, JobLease.holder == holder)
        .values(
            leased_until=None,
            finished_at=utcnow(),
            last_status="failed" if error else "ok",
            last_error="".join(traceback.format_exception(error))[-4000:] if error else None,
            runs=JobLease.runs + 1,
        )
    )
    db.session.commit()
    if result.rowcount != 1:
        log.warning("job %s: lease for tick %s was lost before the run ended", job.name, tick)
    return result.rowcount == 1


def run_leased(job: Job, now: datetime | None = None) -> bool:
    """Run ``job`` if this process wins the current tick. Returns whether it ran."""
    now = now or utcnow()
    tick = tick_of(job, now)
    if not acquire(job, tick, now=now):
        return False
    try:
        job.func()
    except Exception as error:
        db.session.rollback()
        release(job, tick, error=error)
        raise
    release(job, tick)
    return True
