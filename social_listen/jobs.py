"""Social listening's scheduled jobs; each is idempotent."""

from __future__ import annotations

from datetime import timedelta

from app.extensions import db
from app.jobs import items, job
from social_listen import auto_import, polling, spikes
from social_listen.models import ListeningRule


@job("listen-poll", every=timedelta(minutes=1), timeout=timedelta(minutes=10),
     why="Polls each active listening rule whose time has come (its interval, or the "
         "rate-limit reset or back-off its last poll set), then applies its import policy.")
def poll_due_rules() -> None:
    items.each(polling.due_rules(), _poll_and_import, job="listen-poll",
               record=_record_failure)


def _poll_and_import(rule_id: int) -> None:
    if polling.poll(rule_id).polled:  # else another runner is at it, imports included
        auto_import.import_pending(rule_id)


def _record_failure(rule_id: int, error: str) -> None:
    rule = db.session.get(ListeningRule, rule_id)
    if rule is not None:
        rule.last_error = error


@job("listen-spikes", every=timedelta(minutes=10),
     why="Alerts staff (in the pages and by e-mail, once per spike) when a rule's last "
         "hour of mentions is well above its 7-day hourly mean, and closes calmed spikes.")
def check_spikes() -> None:
    spikes.check()
