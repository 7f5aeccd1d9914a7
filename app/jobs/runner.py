"""The scheduler process: APScheduler fires every job each period, the lease decides who runs.

Triggers start at the epoch, so every process's ticks fall at the same instants.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.interval import IntervalTrigger
from flask import Flask

from app.extensions import db
from app.jobs import Job, registered
from app.jobs.lease import ensure_rows, run_leased

log = logging.getLogger(__name__)
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def _fire(app: Flask, job: Job) -> None:
    with app.app_context():
        try:
            if run_leased(job):
                log.info("job %s ran", job.name)
        except Exception:
            log.exception("job %s failed", job.name)
        finally:
            db.session.remove()


def build_scheduler(app: Flask, *, blocking: bool, jobs: list[Job] | None = None) -> BaseScheduler:
    jobs = registered() if jobs is None else jobs
    with app.app_context():
        ensure_rows(jobs)
    scheduler_class = BlockingScheduler if blocking else BackgroundScheduler
    scheduler = scheduler_class(timezone=UTC)
    for item in jobs:
        scheduler.add_job(
            _fire,
            IntervalTrigger(seconds=item.seconds, start_date=EPOCH, timezone=UTC),
            args=(app, item),
            id=item.name,
            name=item.name,
            max_instances=1,
            coalesce=True,
            misfire_grace_time=max(item.seconds // 2, 1),
        )
    return scheduler
