"""Moderation's scheduled jobs; each is idempotent."""

from __future__ import annotations

from datetime import timedelta

from app.jobs import job
from moderation import health, sanctions, trust


@job("trust-levels", every=timedelta(hours=1),
     why="Folds members' reading into daily visits and gives each member the trust level "
         "their activity earns (levels 1-2 rise only; 3 follows the last 100 days).")
def update_trust_levels() -> None:
    trust.fold_visits()
    trust.recompute()


@job("sanction-expiry", every=timedelta(minutes=5),
     why="Lifts silences and suspensions that have run out, so members are back on time.")
def expire_sanctions() -> None:
    sanctions.expire()


@job("moderation-reminder", every=timedelta(minutes=10),
     why="E-mails moderators when the oldest item in the review queue has waited longer "
         "than MODERATION_REMIND_AFTER_MINUTES (at most once per that period).")
def remind_moderators() -> None:
    health.remind()
