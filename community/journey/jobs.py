"""The journey's scheduled jobs; both idempotent."""

from __future__ import annotations

from datetime import timedelta

from app.jobs import job
from community.journey import services


@job("journey-retention", every=timedelta(hours=1),
     why="Deletes journey steps older than JOURNEY_RETENTION_DAYS, in batches.")
def delete_old_journey_steps() -> None:
    services.delete_expired()


@job("journey-deflections", every=timedelta(minutes=5),
     why="Counts a deflection per visit where a suggestion was clicked and no question "
         "was asked within 30 minutes.")
def count_deflections_by_leaving() -> None:
    services.count_left_after_click()
