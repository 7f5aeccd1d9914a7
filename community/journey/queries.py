"""The read side for staff: a question's journey as a timeline, and self-service numbers."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from babel.dates import format_timedelta
from flask import url_for
from flask_babel import get_locale
from sqlalchemy import func, select

from app.clock import utcnow
from app.extensions import db
from community.journey.models import JourneyEvent, Step, ThreadJourney


@dataclass(frozen=True)
class TimelineStep:
    step: str
    before: str  # "2 hours" (before asking)
    query: str = ""
    count: int | None = None
    detail: str = ""
    title: str = ""
    url: str | None = None
    is_article: bool = False


def timeline(thread_id: int) -> list[TimelineStep] | None:
    """What the asker did in the 24 hours before asking, oldest first; None if nothing
    was recorded (questions from imports, social mentions, or before journeys existed)."""
    journey = db.session.get(ThreadJourney, thread_id)
    if journey is None:
        return None
    locale = str(get_locale())
    return [TimelineStep(
        step=step["step"],
        before=format_timedelta(journey.created_at - datetime.fromisoformat(step["at"]),
                                locale=locale),
        query=step.get("query", ""), count=step.get("count"), detail=step.get("detail", ""),
        title=step.get("title", ""), url=_url(step), is_article="article_id" in step,
    ) for step in journey.steps]


def _url(step: dict) -> str | None:
    if "article_id" in step:
        return url_for("knowledge.article", article_id=step["article_id"],
                       slug=step.get("slug") or "-")
    if "thread_id" in step:
        return url_for("community.thread", thread_id=step["thread_id"])
    return None


@dataclass
class Day:
    day: date
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))


COLUMNS = ("searched", "searched_empty", "suggestions_shown", "suggestion_clicked",
           "deflected", "asked")


def daily_numbers(days: int = 30) -> list[Day]:
    """Per day, newest first: searches (and those without results), suggestions shown and
    clicked, deflections and questions asked. One grouped query."""
    day = func.date(JourneyEvent.created_at)
    empty = JourneyEvent.detail == "0"
    rows = db.session.execute(
        select(day.label("day"), JourneyEvent.step, empty.label("empty"), func.count())
        .where(JourneyEvent.created_at >= utcnow() - timedelta(days=days),
               JourneyEvent.step.in_([Step.SEARCHED, Step.SUGGESTIONS_SHOWN,
                                      Step.SUGGESTION_CLICKED, Step.DEFLECTED, Step.ASKED]))
        .group_by(day, JourneyEvent.step, empty)
    ).all()
    by_day: dict[date, Day] = {}
    for when, step, is_empty, count in rows:
        when = when if isinstance(when, date) else date.fromisoformat(when)
        entry = by_day.setdefault(when, Day(when))
        entry.counts[step] += count
        if step == Step.SEARCHED and is_empty:
            entry.counts["searched_empty"] += count
    return sorted(by_day.values(), key=lambda entry: entry.day, reverse=True)
