"""Escalation's scheduled jobs; each is idempotent."""

from __future__ import annotations

from datetime import timedelta

from app.jobs import job
from escalate import clocks, mentions


@job("escalation-sweep", every=timedelta(minutes=1),
     why="Opens a case for each thread whose escalation clock is due (a question nobody "
         "answered, an asker left waiting) and that still needs an agent, and for each "
         "recent clearly unhappy or urgent social mention.")
def sweep_due_threads() -> None:
    clocks.sweep()
    mentions.sweep()
