"""Jobs the core itself needs."""

from __future__ import annotations

from datetime import timedelta

from app.jobs import job

HEARTBEAT_EVERY = timedelta(seconds=30)


@job("heartbeat", every=HEARTBEAT_EVERY, why="/healthz tells whether a job runner is alive.")
def heartbeat() -> None:
    """Nothing to do: the lease row's finished_at is the heartbeat."""
