"""Spike alerts: a rule's last hour well above its rolling baseline, told to staff once.

The volume is counted by when people posted on the network (``posted_at``), not when
Peerdesk heard them: a new rule's first poll brings days of posts at once, and that is a
backlog, not a spike. A spike starts when the last hour's mentions reach
``LISTEN_SPIKE_FACTOR`` times the rule's mean hourly volume over the 7 days before (and
at least ``LISTEN_SPIKE_MIN_MENTIONS``, so three posts after a quiet week are not an
alarm); filtered mentions (bots, blocked words) are not counted. It ends when the hour
falls below that again, or the rule is paused. Each spike is one :class:`SpikeAlert`: one
notice in the staff pages while it lasts, one e-mail to each moderator, agent and admin
when it starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, select, update

from app import mail
from app.accounts.models import Role, User
from app.clock import utcnow
from app.extensions import db
from app.web import external_url
from social_listen.models import ListeningRule, Mention, SpikeAlert
from social_listen.settings import setting

WINDOW = timedelta(days=7)
HOUR = timedelta(hours=1)


@dataclass(frozen=True)
class Volume:
    last_hour: int
    baseline: float  # mean mentions an hour over the 7 days before the last hour


def volume(rule_id: int, now: datetime) -> Volume:
    def count(start: datetime, end: datetime) -> int:
        return db.session.scalar(select(func.count()).select_from(Mention).where(
            Mention.rule_id == rule_id, Mention.filtered.is_(None),
            Mention.posted_at > start, Mention.posted_at <= end)) or 0

    return Volume(count(now - HOUR, now), count(now - HOUR - WINDOW, now - HOUR) / (7 * 24))


def threshold(baseline: float) -> float:
    return max(setting("LISTEN_SPIKE_FACTOR") * baseline, setting("LISTEN_SPIKE_MIN_MENTIONS"))


def check(now: datetime | None = None) -> list[SpikeAlert]:
    """Open alerts for rules that spike, close those that calmed down; e-mail staff about
    the new ones. Returns the new alerts."""
    now = now or utcnow()
    started = []
    for rule in db.session.scalars(select(ListeningRule).where(ListeningRule.active.is_(True))):
        heard = volume(rule.id, now)
        alert = db.session.scalar(select(SpikeAlert).where(
            SpikeAlert.rule_id == rule.id, SpikeAlert.ended_at.is_(None)))
        spiking = heard.last_hour >= threshold(heard.baseline)
        if spiking and alert is None:
            alert = SpikeAlert(rule_id=rule.id, started_at=now, count=heard.last_hour,
                               baseline=heard.baseline)
            db.session.add(alert)
            started.append(alert)
        elif spiking:
            alert.count = max(alert.count, heard.last_hour)
        elif alert is not None:
            alert.ended_at = now
    db.session.execute(update(SpikeAlert).where(
        SpikeAlert.ended_at.is_(None), SpikeAlert.rule_id.in_(
            select(ListeningRule.id).where(ListeningRule.active.is_(False))))
        .values(ended_at=now))  # a paused rule hears nothing: its spike is over
    db.session.commit()
    for alert in started:
        _email_staff(alert)
    return started


def _email_staff(alert: SpikeAlert) -> None:
    staff = db.session.scalars(select(User).where(
        User.role.in_([Role.MODERATOR, Role.AGENT, Role.ADMIN]), User.is_active.is_(True)))
    link = external_url("social_listen.inbox", rule=alert.rule_id)
    for person in staff:
        with force_locale(person.locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
            subject = _("Mentions are spiking on “%(rule)s”", rule=alert.rule.name)
            text = render_template("social_listen/email/spike.txt", person=person,
                                   alert=alert, link=link)
        try:
            mail.send(to=person.email, subject=subject, text=text)
        except mail.MailError:
            current_app.logger.exception("spike alert to user %s not sent", person.id)
