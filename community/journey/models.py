"""Each visitor's journey: what they searched, read and were suggested before asking.

Events are kept for ``JOURNEY_RETENTION_DAYS`` and then deleted by a job. When a
question is asked, the last 24 hours of its asker's journey are copied onto it
(:class:`ThreadJourney`), so staff and, later, agents see what the customer already
tried; that copy lives as long as the thread.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.extensions import db


class Step(StrEnum):
    SEARCHED = "searched"
    VIEWED_THREAD = "viewed_thread"
    VIEWED_ARTICLE = "viewed_article"
    SUGGESTIONS_SHOWN = "suggestions_shown"
    SUGGESTION_CLICKED = "suggestion_clicked"
    DEFLECTED = "deflected"
    ASKED = "asked"


class JourneyEvent(db.Model):
    __tablename__ = "journey_events"
    __table_args__ = (Index("ix_journey_events_visitor_time", "visitor", "created_at"),
                      Index("ix_journey_events_user_time", "user_id", "created_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    # A random id kept in the visitor's session; signed-in visitors also carry user_id.
    visitor: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    step: Mapped[str] = mapped_column(String(24))
    query: Mapped[str] = mapped_column(String(200), default="")
    thread_id: Mapped[int | None] = mapped_column(ForeignKey("threads.id", ondelete="SET NULL"))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    # e.g. how a deflection was counted ("solved_it", "left_after_click") or result count
    detail: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class ThreadJourney(db.Model):
    """The asker's journey in the 24 hours before the question, as it was then."""

    __tablename__ = "thread_journeys"

    thread_id: Mapped[int] = mapped_column(
        ForeignKey("threads.id", ondelete="CASCADE"), primary_key=True
    )
    steps: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
