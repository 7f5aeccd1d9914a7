"""The queue's health: moderators are told, on every page and by e-mail, when the oldest
item has waited longer than ``MODERATION_REMIND_AFTER_MINUTES`` (Peerdesk's target is a
median decision within the hour). E-mails go at most once per that period; each one is
written to the audit log, which is also how the next run knows when the last one went.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app, render_template
from flask_babel import force_locale, ngettext
from sqlalchemy import func, select

from app import mail
from app.accounts.models import Role, User
from app.clock import utcnow
from app.extensions import db
from app.web import external_url
from moderation import audit, queue
from moderation.models import AuditEntry
from moderation.settings import setting

REMINDED = "queue.reminded"


def overdue(now: datetime | None = None) -> queue.Waiting | None:
    """How many items wait, and since when, if the oldest waits too long; else None."""
    now = now or utcnow()
    state = queue.waiting()
    limit = timedelta(minutes=setting("REMIND_AFTER_MINUTES"))
    return state if state.oldest is not None and now - state.oldest > limit else None


def remind(now: datetime | None = None) -> int:
    """E-mail every moderator and admin; returns how many e-mails went out."""
    now = now or utcnow()
    state = overdue(now)
    period = timedelta(minutes=setting("REMIND_AFTER_MINUTES"))
    last = db.session.scalar(select(func.max(AuditEntry.created_at))
                             .where(AuditEntry.action == REMINDED))
    if state is None or (last is not None and now - last < period):
        return 0
    sent = 0
    for moderator in db.session.scalars(select(User).where(
            User.role.in_([Role.MODERATOR, Role.ADMIN]), User.is_active.is_(True))):
        sent += _email(moderator, state, now)
    audit.record(None, REMINDED, "queue", None,
                 f"{state.size} waiting, oldest since {state.oldest:%Y-%m-%d %H:%M}; "
                 f"{sent} moderators e-mailed")
    db.session.commit()
    return sent


def _email(moderator: User, state: queue.Waiting, now: datetime) -> bool:
    hours = max(1, int((now - state.oldest).total_seconds() // 3600))
    with force_locale(moderator.locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
        subject = ngettext("%(num)d post waits for a moderator",
                           "%(num)d posts wait for a moderator", state.size)
        text = render_template("moderation/email/queue_reminder.txt", moderator=moderator,
                               state=state, hours=hours,
                               link=external_url("moderation.queue_page", sort="oldest"))
    try:
        mail.send(to=moderator.email, subject=subject, text=text)
    except mail.MailError:
        current_app.logger.exception("queue reminder to user %s not sent", moderator.id)
        return False
    return True
