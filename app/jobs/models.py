"""One row per job: who holds its lease, for which tick, and how the last run went."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db


class JobLease(db.Model):
    __tablename__ = "job_leases"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    tick: Mapped[int | None] = mapped_column(BigInteger)
    holder: Mapped[str | None] = mapped_column(String(120))
    leased_until: Mapped[datetime | None]
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    last_status: Mapped[str | None] = mapped_column(String(16))
    last_error: Mapped[str | None] = mapped_column(Text)
    runs: Mapped[int] = mapped_column(default=0)


class JobItemFailure(db.Model):
    """An item a job could not handle (``item`` is e.g. "thread:42"): what went wrong and
    how often. The job skips the item once ``attempts`` reaches its limit, until an
    operator clears the row (``flask jobs retry``); a later success deletes it."""

    __tablename__ = "job_item_failures"

    job: Mapped[str] = mapped_column(String(80), primary_key=True)
    item: Mapped[str] = mapped_column(String(120), primary_key=True)
    attempts: Mapped[int] = mapped_column(default=0)
    error: Mapped[str] = mapped_column(Text, default="")
    first_failed_at: Mapped[datetime]
    last_failed_at: Mapped[datetime]
