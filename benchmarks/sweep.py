"""The escalation sweep's cost: it must grow with the threads that are due, not with all
the threads there are.

Two fresh SQLite databases, as ``make run`` has them, each with 1,000 members' questions
whose 24-hour clock has run out (visible, unanswered, in an area with a team of agents):

- **small**: those 1,000 threads and nothing else;
- **large**: the same 1,000 among 1,000,000 threads, every one of them with a clock (the
  worst case: nobody answered anything yet), the 999,000 others not due for a day.

The sweep runs until nothing is due (each run takes ``ESCALATE_SWEEP_BATCH``, 500) and
opens 1,000 cases in each database. Shown: the time to find the due clocks (the query
alone) and the whole sweep, side by side, and their ratio, large over small.

``python -m benchmarks.sweep [--threads N] [--due D]`` (``make bench``: 1,000,000, 1,000).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from benchmarks.harness import prepared_environment

CHUNK = 50_000


@dataclass(frozen=True)
class Measure:
    threads: int
    due: int
    find_seconds: float
    sweep_seconds: float
    cases: int


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=1_000_000)
    parser.add_argument("--due", type=int, default=1_000)
    args = parser.parse_args(argv)
    measures = [measure(total, args.due) for total in (args.due, args.threads)]
    report(measures)


def measure(total: int, due: int) -> Measure:
    with tempfile.TemporaryDirectory(prefix="peerdesk-bench-") as folder:
        os.environ.update(prepared_environment(Path(folder)))
        from app import create_app

        app = create_app()
        with app.app_context():
            _fill(total, due)
            return _sweep(total, due)


def _fill(total: int, due: int) -> None:
    """``total`` questions with a clock each, the ``due`` last ones due an hour ago."""
    from app.accounts import services as accounts
    from app.clock import utcnow
    from app.extensions import db
    from community.models import Category, Post, Thread
    from escalate.models import EscalationClock, Team, TeamCategory, TeamMember

    asker = accounts.register("bench-asker", "asker@example.com", "bench-password-1")
    agent = accounts.register("bench-agent", "agent@example.com", "bench-password-1",
                              role="agent")
    area = Category(slug="earbuds", name="Earbuds", description="")
    team = Team(name="Audio")
    db.session.add_all([area, team])
    db.session.flush()
    db.session.add_all([TeamCategory(team_id=team.id, category_id=area.id),
                        TeamMember(team_id=team.id, user_id=agent.id)])
    db.session.commit()
    now = utcnow()
    for start in range(1, total + 1, CHUNK):
        ids = range(start, min(start + CHUNK, total + 1))
        db.session.execute(Thread.__table__.insert(), [_thread(i, area.id, asker.id, now)
                                                       for i in ids])
        db.session.execute(Post.__table__.insert(), [_post(i, asker.id, now) for i in ids])
        db.session.execute(EscalationClock.__table__.insert(), [
            {"thread_id": i, "reason": "unanswered", "attempts": 0,
             "due_at": now - timedelta(hours=1) if i > total - due else now + timedelta(days=1)}
            for i in ids])
        db.session.commit()


def _thread(number: int, category_id: int, author_id: int, now) -> dict:
    return {"id": number, "kind": "question", "title": f"Question {number} about charging",
            "slug": f"question-{number}", "category_id": category_id, "author_id": author_id,
            "status": "open", "language": "en", "source": "web", "reply_count": 0,
            "me_too_count": 0, "view_count": 0, "reminders_sent": 0, "version": 0,
            "last_activity_at": now, "last_poster_id": author_id, "created_at": now}


def _post(number: int, author_id: int, now) -> dict:
    return {"id": number, "thread_id": number, "author_id": author_id, "is_opening": True,
            "body_source": "It stopped charging.", "body_html": "<p>It stopped charging.</p>",
            "visibility": "visible", "is_staff": False, "helpful_count": 0,
            "created_at": now, "published_at": now}


def _sweep(total: int, due: int) -> Measure:
    from sqlalchemy import func, select

    from app.clock import utcnow
    from app.extensions import db
    from escalate import clocks
    from escalate.models import Case, EscalationClock

    started = time.perf_counter()
    found = db.session.scalars(select(EscalationClock.thread_id)
                               .where(EscalationClock.due_at <= utcnow())
                               .order_by(EscalationClock.due_at)).all()
    find_seconds = time.perf_counter() - started
    assert len(found) == due, (len(found), due)
    started = time.perf_counter()
    while clocks.sweep().done:
        pass
    sweep_seconds = time.perf_counter() - started
    cases = db.session.scalar(select(func.count(Case.id)))
    return Measure(total, due, find_seconds, sweep_seconds, cases)


def report(measures: list[Measure]) -> None:
    small, large = measures
    print(f"\nEscalation sweep: {small.due:,} due questions among {small.threads:,} and "
          f"among {large.threads:,} threads (each with a clock), SQLite, one process")
    print(f"  {'threads':>10} {'due':>6} {'find due (ms)':>14} {'sweep (s)':>10} "
          f"{'cases':>6} {'cases/s':>8}")
    for item in measures:
        print(f"  {item.threads:>10,} {item.due:>6,} {item.find_seconds * 1000:>14.1f} "
              f"{item.sweep_seconds:>10.2f} {item.cases:>6,} "
              f"{item.cases / item.sweep_seconds:>8.0f}")
    print(f"  ratio large/small: find {large.find_seconds / small.find_seconds:.2f}, sweep "
          f"{large.sweep_seconds / small.sweep_seconds:.2f} for "
          f"{large.threads // small.threads:,}x the threads")


if __name__ == "__main__":
    main()
