"""The job lease: however many schedulers run, each job runs once per tick."""

import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.clock import utcnow
from app.extensions import db
from app.jobs import Job
from app.jobs.lease import acquire, ensure_rows, run_leased, tick_of
from app.jobs.models import JobLease
from app.jobs.runner import build_scheduler


class CountingJob:
    """A one-second job that records the tick of each run."""

    def __init__(self) -> None:
        self.ticks: list[int] = []
        self._lock = threading.Lock()
        self.job = Job("test-counter", timedelta(seconds=1), "counts its runs", self._run)

    def _run(self) -> None:
        with self._lock:
            self.ticks.append(tick_of(self.job, utcnow()))


@pytest.fixture
def counter():
    return CountingJob()


def test_only_one_holder_wins_a_tick(app, counter):
    counting_job = counter.job
    with app.app_context():
        ensure_rows([counting_job])
        assert acquire(counting_job, tick=100, holder="a") is True
        assert acquire(counting_job, tick=100, holder="b") is False


def test_the_next_tick_can_run_once_the_lease_is_released(app, counter):
    counting_job = counter.job
    with app.app_context():
        ensure_rows([counting_job])
        now = utcnow()
        assert run_leased(counting_job, now) is True
        assert run_leased(counting_job, now) is False
        assert run_leased(counting_job, now + timedelta(seconds=1)) is True
        assert len(counter.ticks) == 2


def test_a_running_job_is_not_started_again_before_its_lease_expires(app, counter):
    counting_job = counter.job
    with app.app_context():
        ensure_rows([counting_job])
        now = utcnow()
        assert acquire(counting_job, tick=tick_of(counting_job, now), now=now)
        later = now + timedelta(seconds=5)
        assert acquire(counting_job, tick=tick_of(counting_job, later), now=later) is False
        much_later = now + counting_job.lease + timedelta(seconds=1)  # the holder died
        assert acquire(counting_job, tick=tick_of(counting_job, much_later), now=much_later)


def test_only_the_holder_can_release_its_tick(app, counter):
    from app.jobs.lease import release

    with app.app_context():
        ensure_rows([counter.job])
        assert acquire(counter.job, tick=7, holder="a")
        assert release(counter.job, 7, holder="b") is False
        assert db.session.get(JobLease, counter.job.name).leased_until is not None
        assert release(counter.job, 7, holder="a") is True


def test_a_failing_job_records_the_error_and_frees_the_lease(app):
    def broken():
        raise ValueError("boom")

    job = Job("test-broken", timedelta(seconds=1), "fails", broken)
    with app.app_context():
        ensure_rows([job])
        with pytest.raises(ValueError):
            run_leased(job)
        lease = db.session.get(JobLease, job.name)
        assert lease.last_status == "failed" and "boom" in lease.last_error
        assert lease.leased_until is None


def test_two_schedulers_run_each_tick_once(app, counter):
    counting_job = counter.job
    schedulers = [build_scheduler(app, blocking=False, jobs=[counting_job]) for _ in range(2)]
    for scheduler in schedulers:
        scheduler.start()
    time.sleep(4.2)
    for scheduler in schedulers:
        scheduler.shutdown(wait=True)
    ticks = counter.ticks
    assert len(ticks) >= 2, ticks  # ~4 ticks elapse; a loaded machine may miss some
    assert len(ticks) == len(set(ticks)), f"a tick ran twice: {ticks}"
    with app.app_context():
        lease = db.session.scalar(select(JobLease).where(JobLease.name == counting_job.name))
        assert lease.runs == len(ticks)


def test_heartbeat_job_is_registered_with_a_reason(app):
    from app.jobs import registered

    jobs = {job.name: job for job in registered()}
    assert "heartbeat" in jobs and jobs["heartbeat"].why


# --- items set aside --------------------------------------------------------------------


def test_an_item_that_keeps_failing_is_skipped_after_five_attempts(app):
    from app.jobs import items

    seen: list[int] = []

    def handle(number: int) -> None:
        seen.append(number)
        if number == 2:
            raise ValueError("no mailbox for item 2")

    with app.app_context():
        for _run in range(6):
            tally = items.each([1, 2, 3], handle, job="test-walk", key=lambda n: f"n:{n}")
        [failure] = items.failures("test-walk")
    assert seen.count(2) == items.MAX_ATTEMPTS and seen.count(3) == 6
    assert (tally.done, tally.failed, tally.skipped) == (2, 0, 1)
    assert failure.item == "n:2" and "no mailbox" in failure.error


def test_an_outage_stops_the_walk_without_blaming_the_item(app):
    from app.jobs import items

    class Down(Exception):
        pass

    def handle(number: int) -> None:
        raise Down("server unreachable")

    with app.app_context():
        tally = items.each([1, 2], handle, job="test-walk", key=str, stop_on=(Down,))
        assert items.failures("test-walk") == []
    assert tally.stopped and tally.done == tally.failed == 0


def test_operators_list_and_retry_what_was_set_aside(app):
    from app.jobs import items

    def broken(_number: int) -> None:
        raise RuntimeError("disk full")

    with app.app_context():
        items.each([7], broken, job="test-walk", key=lambda n: f"n:{n}")
    runner = app.test_cli_runner()
    listed = runner.invoke(args=["jobs", "failures"])
    assert "test-walk" in listed.output and "n:7" in listed.output and "disk full" in listed.output
    assert "1 item(s)" in runner.invoke(args=["jobs", "retry", "test-walk"]).output
    assert "No failed items." in runner.invoke(args=["jobs", "failures"]).output
