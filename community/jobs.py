"""The forum's scheduled jobs. Each is idempotent: running it twice does nothing more."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app
from sqlalchemy import select, update

from app.clock import utcnow
from app.extensions import db
from app.jobs import items, job
from community import notifications, rules
from community.models import Source, Thread, ThreadKind, ThreadStatus


@job("notification-emails", every=timedelta(minutes=1),
     why="E-mails replies and accepted answers to members who want them right away.")
def send_notification_emails() -> None:
    notifications.send_immediate_emails()


@job("notification-digest", every=timedelta(hours=1),
     why="Sends the daily digest to members who chose it (at most one per day each).")
def send_notification_digest() -> None:
    notifications.send_digests()


@job("accept-reminders", every=timedelta(hours=1),
     why="Reminds askers with answers but none accepted, after 3 and after 7 days, once each.")
def remind_to_accept() -> None:
    now = utcnow()
    candidates = db.session.scalars(
        select(Thread).where(
            Thread.kind == ThreadKind.QUESTION, Thread.status == ThreadStatus.OPEN,
            Thread.answered_at <= now - rules.REMINDER_AFTER[0],
            Thread.reminders_sent < len(rules.REMINDER_AFTER),
        )
    ).all()
    def remind(thread: Thread) -> None:
        if rules.reminder_due(thread.answered_at, thread.reminders_sent, now):
            notifications.accept_reminder(thread)
            thread.reminders_sent += 1

    items.each(candidates, remind, job="accept-reminders", key=lambda t: f"thread:{t.id}")


@job("archive-threads", every=timedelta(hours=6),
     why="Makes threads read-only after 180 days without activity (Discourse-style); "
         "imported threads stay open unless ARCHIVE_IMPORTED_THREADS is set.")
def archive_quiet_threads() -> None:
    """Imported threads (Stack Exchange, social) were quiet here from the day they came:
    their age says nothing about whether the community is done with them."""
    cutoff = utcnow() - rules.ARCHIVE_AFTER
    statement = (update(Thread)
                 .where(Thread.last_activity_at < cutoff,
                        Thread.status.in_([ThreadStatus.OPEN, ThreadStatus.SOLVED]))
                 .values(status=ThreadStatus.ARCHIVED, version=Thread.version + 1))
    if not current_app.config.get("ARCHIVE_IMPORTED_THREADS", False):
        statement = statement.where(Thread.source.not_in([Source.IMPORT, Source.SOCIAL]))
    db.session.execute(statement)
    db.session.commit()
