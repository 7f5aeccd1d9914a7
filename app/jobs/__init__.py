"""Scheduled jobs: one registry, one runner, one lease per job and tick.

Packages declare their jobs in their own ``jobs.py`` with :func:`job`; ``flask jobs
list`` prints the whole table (name, every, why) and ``docs/architecture.md`` keeps a
copy. The runner (``flask jobs run``, or beside the dev server under ``make run``) is
APScheduler; before a job body runs, the process must win the job's database lease for
the current tick (see :mod:`app.jobs.lease`), so however many processes run a scheduler,
each job runs once per tick.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from flask import Flask

DEFAULT_TIMEOUT = timedelta(minutes=5)


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    why: str
    func: Callable[[], object]
    # How long a run may take before its lease lapses and another process may run it.
    timeout: timedelta = DEFAULT_TIMEOUT

    @property
    def seconds(self) -> int:
        return int(self.every.total_seconds())

    @property
    def lease(self) -> timedelta:
        return max(self.every, self.timeout)


_registry: dict[str, Job] = {}


def job(
    name: str, *, every: timedelta, why: str, timeout: timedelta = DEFAULT_TIMEOUT
) -> Callable:
    """Declare a scheduled job. Jobs must be idempotent: a run that outlives ``timeout``
    loses its lease, and the job may then run again elsewhere."""

    def register(func: Callable[[], object]) -> Callable[[], object]:
        if name in _registry and _registry[name].func is not func:
            raise ValueError(f"job {name!r} is declared twice")
        _registry[name] = Job(name, every, why, func, timeout)
        return func

    return register


def registered() -> list[Job]:
    return sorted(_registry.values(), key=lambda item: item.name)


def get(name: str) -> Job:
    return _registry[name]


def init_app(app: Flask) -> None:
    from app.jobs import builtin, cli  # noqa: F401 - declares the built-in jobs

    app.cli.add_command(cli.jobs)
