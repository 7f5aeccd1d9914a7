"""Database leases: the rule that makes a job run once per tick across processes.

Time is cut into ticks of the job's period (tick = seconds since the epoch // period),
the same for every process whatever its clock drift within a tick. To run, a process
moves the job's row to the current tick with a single conditional UPDATE; the database
lets exactly one such UPDATE match, so exactly one process wins. The lease also expires
(``leased_until``), so a crashed runner cannot block a job for ever, and a run still
going on when the next tick comes is not started twice.
"""

from __future__ import annotations

import os
import socket
import traceback
from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError

from app.clock import epoch_seconds, utcnow
from app.extensions import db
from app.jobs import Job
from app.jobs.models import JobLease

HOLDER = f"{socket.gethostname()}:{os.getpid()}"


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
            leased_until=now + max(job.every, timedelta(seconds=60)),
        )
    )
    db.session.commit()
    return result.rowcount == 1


def release(job: Job, *, error: BaseException | None = None) -> None:
    lease = db.session.get(JobLease, job.name)
    lease.leased_until = None
    lease.finished_at = utcnow()
    lease.last_status = "failed" if error else "ok"
    lease.last_error = "".join(traceback.format_exception(error))[-4000:] if error else None
    lease.runs += 1
    db.session.commit()


def run_leased(job: Job, now: datetime | None = None) -> bool:
    """Run ``job`` if this process wins the current tick. Returns whether it ran."""
    now = now or utcnow()
    if not acquire(job, tick_of(job, now), now=now):
        return False
    try:
        job.func()
    except Exception as error:
        db.session.rollback()
        release(job, error=error)
        raise
    release(job)
    return True
