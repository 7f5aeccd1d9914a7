"""Escalation's data: teams of agents, cases and their timelines, and the clocks that say
when a thread becomes due for an agent.

**A thread has at most one open case**: a partial unique index on ``cases.thread_id``
over the active statuses, so two sweeps, a sweep and a moderator, or two agents pressing
"escalate" at once can never open two; a solved or closed case leaves room for a new one.

**Clocks.** A thread's ``EscalationClock`` says when it becomes due (24 h after a question
nobody answered, 72 h after the asker's unanswered reply). Receivers of the community's
events set and clear it as posts come in, so the sweep reads only the clocks that are
due, through an index on ``due_at``: its cost grows with what is due, not with the
number of threads.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db, string_enum
from community.models import Category, Thread
from escalate.rules import CaseStatus, Priority, Reason

ACTIVE_STATUSES = "status IN ('new', 'open', 'pending', 'on_hold')"


class Team(db.Model):
    """Agents who take the cases of some product areas (all of them, with none listed) in
    some languages (any, with none listed)."""

    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    languages: Mapped[str] = mapped_column(String(64), default="")  # "en, it"; "" = any
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    categories: Mapped[list[Category]] = relationship(secondary="team_categories",
                                                      order_by=Category.name)
    members: Mapped[list[TeamMember]] = relationship(back_populates="team",
                                                     cascade="all, delete-orphan")


class TeamCategory(db.Model):
    __tablename__ = "team_categories"

    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"),
                                         primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id", ondelete="CASCADE"),
                                             primary_key=True)


class TeamMember(db.Model):
    """An agent in a team; ``available`` agents take new cases (round robin by
    ``last_assigned_at``, or the least loaded)."""

    __tablename__ = "team_members"

    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"),
                                         primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    available: Mapped[bool] = mapped_column(default=True)
    last_assigned_at: Mapped[datetime | None]

    team: Mapped[Team] = relationship(back_populates="members")
    user: Mapped[User] = relationship()


class Case(db.Model):
    __tablename__ = "cases"
    __table_args__ = (
        Index("uq_cases_open_thread", "thread_id", unique=True,
              sqlite_where=text(ACTIVE_STATUSES), postgresql_where=text(ACTIVE_STATUSES)),
        Index("ix_cases_queue", "team_id", "status", "resolution_due_at"),
        Index("ix_cases_assignee", "assignee_id", "status"),
        Index("ix_cases_customer", "customer_id", "opened_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)  # the case number customers see
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # A social case's customer before they claim their handle: "@jane on X".
    customer_label: Mapped[str | None] = mapped_column(String(160))
    mention_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentions.id", ondelete="SET NULL"))
    reason: Mapped[Reason] = mapped_column(string_enum(Reason, "case_reason"))
    priority: Mapped[Priority] = mapped_column(string_enum(Priority, "case_priority"))
    status: Mapped[CaseStatus] = mapped_column(string_enum(CaseStatus, "case_status"),
                                               default=CaseStatus.NEW)
    language: Mapped[str] = mapped_column(String(8), default="en")
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="SET NULL"))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    first_response_due_at: Mapped[datetime]
    resolution_due_at: Mapped[datetime]
    first_responded_at: Mapped[datetime | None]
    paused_since: Mapped[datetime | None]  # pending or on hold since
    paused_seconds: Mapped[int] = mapped_column(default=0)
    solved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    tags: Mapped[str] = mapped_column(String(300), default="")
    # The contact form's answers (problem type, description), as JSON.
    form: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(default=0)

    thread: Mapped[Thread] = relationship()
    customer: Mapped[User | None] = relationship(foreign_keys=[customer_id])
    assignee: Mapped[User | None] = relationship(foreign_keys=[assignee_id])
    team: Mapped[Team | None] = relationship()
    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="case", order_by="CaseEvent.id", cascade="all, delete-orphan")

    @property
    def number(self) -> str:
        return f"#{self.id}"

    @property
    def form_answers(self) -> dict:
        """The contact form's answers ({} for a case opened otherwise)."""
        try:
            found = json.loads(self.form) if self.form else {}
        except ValueError:
            return {}
        return found if isinstance(found, dict) else {}

    @property
    def assignee_name(self) -> str | None:
        return self.assignee.username if self.assignee else None

    @property
    def team_name(self) -> str | None:
        return self.team.name if self.team else None


class CaseEvent(db.Model):
    """One line of a case's timeline: opened, assigned, a status change, a reply (public,
    private or an internal note), the customer's reply in the thread, the survey."""

    __tablename__ = "case_events"
    __table_args__ = (Index("ix_case_events_case", "case_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"))
    body_html: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    case: Mapped[Case] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()

    @property
    def actor_name(self) -> str | None:
        return self.actor.username if self.actor else None


class EscalationClock(db.Model):
    """When a thread becomes due for an agent, and under which rule; at most one per
    thread (the newest event decides)."""

    __tablename__ = "escalation_clocks"
    __table_args__ = (Index("ix_escalation_clocks_due", "due_at"),)

    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"),
                                           primary_key=True)
    reason: Mapped[Reason] = mapped_column(string_enum(Reason, "clock_reason"))
    due_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(1000))


class CaseSurvey(db.Model):
    """The customer's satisfaction with a solved case: 1 (bad) to 5 (great) and a comment,
    asked once by e-mail when the case is solved and on their case page; answering again
    changes the answer."""

    __tablename__ = "case_surveys"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"),
                                         primary_key=True)
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    score: Mapped[int | None]
    comment: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None]


class CannedReply(db.Model):
    """A reply agents reuse ("How to reset the earbuds: ..."), picked in the reply form."""

    __tablename__ = "canned_replies"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(120), unique=True)
    body: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
