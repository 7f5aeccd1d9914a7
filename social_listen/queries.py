"""Reading mentions for the triage inbox and the API: filters, order, pages; rules with
their state for the admin page. Pages load each mention's rule and author in the same
query (no query per row)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Select, func, select
from sqlalchemy.orm import joinedload

from app.clock import utcnow
from app.extensions import db
from social_listen.models import ListeningRule, Mention, MentionStatus, SpikeAlert

SORTS = ("newest", "urgent", "reach")
MOODS = ("negative", "neutral", "positive")


@dataclass(frozen=True)
class Filters:
    status: MentionStatus = MentionStatus.NEW
    rule_id: int | None = None
    language: str = ""
    mood: str = ""  # "negative", "neutral", "positive"
    urgent_only: bool = False
    questions_only: bool = False
    sort: str = "newest"


def mentions(filters: Filters) -> Select:
    statement = (select(Mention).options(joinedload(Mention.identity),
                                         joinedload(Mention.rule))
                 .where(Mention.status == filters.status))
    if filters.rule_id:
        statement = statement.where(Mention.rule_id == filters.rule_id)
    if filters.language:
        statement = statement.where(Mention.language == filters.language)
    if filters.mood == "negative":
        statement = statement.where(Mention.sentiment <= -0.2)
    elif filters.mood == "positive":
        statement = statement.where(Mention.sentiment >= 0.2)
    elif filters.mood == "neutral":
        statement = statement.where(Mention.sentiment.between(-0.2, 0.2))
    if filters.urgent_only:
        statement = statement.where(Mention.urgency >= 2)
    if filters.questions_only:
        statement = statement.where(Mention.is_question.is_(True))
    order = {"urgent": (Mention.urgency.desc(), Mention.sentiment, Mention.id.desc()),
             "reach": (Mention.reach.desc(), Mention.id.desc())}.get(
        filters.sort, (Mention.captured_at.desc(), Mention.id.desc()))
    return statement.order_by(*order)


def counts() -> dict[str, int]:
    """Mentions per status, for the inbox's tabs."""
    rows = db.session.execute(select(Mention.status, func.count()).group_by(Mention.status))
    return {MentionStatus(status).value: number for status, number in rows}


def rules() -> list[ListeningRule]:
    return list(db.session.scalars(select(ListeningRule).options(
        joinedload(ListeningRule.category)).order_by(ListeningRule.name)))


def hourly_volume(rule_id: int, hours: int = 48) -> list[tuple[str, int]]:
    """Mentions per hour (by when they were posted) over the last ``hours``, oldest first,
    for the chart."""
    since = utcnow().replace(minute=0, second=0, microsecond=0) - timedelta(hours=hours - 1)
    times = db.session.scalars(select(Mention.posted_at).where(
        Mention.rule_id == rule_id, Mention.posted_at >= since))
    buckets = {since + timedelta(hours=n): 0 for n in range(hours)}
    for moment in times:
        if moment is None:
            continue
        hour = moment.replace(minute=0, second=0, microsecond=0)
        if hour in buckets:
            buckets[hour] += 1
    return [(hour.strftime("%d %H:00"), number) for hour, number in buckets.items()]


def open_spikes() -> list[SpikeAlert]:
    return list(db.session.scalars(select(SpikeAlert).options(joinedload(SpikeAlert.rule))
                                   .where(SpikeAlert.ended_at.is_(None))
                                   .order_by(SpikeAlert.started_at.desc())))


def waiting() -> int:
    return db.session.scalar(select(func.count()).select_from(Mention)
                             .where(Mention.status == MentionStatus.NEW)) or 0


def latest_open_spike() -> SpikeAlert | None:
    return db.session.scalar(select(SpikeAlert).options(joinedload(SpikeAlert.rule))
                             .where(SpikeAlert.ended_at.is_(None))
                             .order_by(SpikeAlert.started_at.desc()).limit(1))
