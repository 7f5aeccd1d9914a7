"""Escalation in the demo: two teams and a few open cases, so a visitor signed in as
``agent`` sees a working console (one case from a social mention, one about to miss its
first-reply time), and a canned reply.

The teams come first, before the community's demo: its busiest questions reach the
"me too" threshold as they are seeded, and their cases must find a team like any other.
Idempotent: with any team there, no team is added; with a case staff opened, no case."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.accounts import services as accounts
from app.clock import utcnow
from app.demo import seeder
from app.extensions import db
from community.models import Post, Source, Thread, ThreadStatus, Visibility
from escalate import services
from escalate.models import CannedReply, Case, Team, TeamMember
from escalate.rules import ACTIVE, Reason
from social_listen import triage
from social_listen.models import Mention, MentionStatus

TEAMS = (("Customer care", ""), ("Assistenza clienti", "it"))
CANNED = ("Reset the earbuds",
          "Please put both earbuds in the case, hold the button on the case for 15 seconds "
          "until the light blinks white, then pair them again. Did that help?")


@seeder(order=5, name="support teams")
def seed_teams() -> str:
    if db.session.scalar(select(Team.id).limit(1)) is not None:
        return "teams already there"
    agent = accounts.find_by_username("agent")
    for name, languages in TEAMS:
        team = Team(name=name, languages=languages)
        db.session.add(team)
        db.session.flush()
        db.session.add(TeamMember(team_id=team.id, user_id=agent.id))
    db.session.add(CannedReply(title=CANNED[0], body=CANNED[1], created_by_id=agent.id))
    db.session.commit()
    return f"{len(TEAMS)} teams, 1 canned reply"


@seeder(order=50, name="escalation")
def seed_escalation() -> str:
    if db.session.scalar(select(Case.id).where(Case.reason == Reason.MANUAL)) is not None:
        return "cases already there"
    agent = accounts.find_by_username("agent")
    opened = [case for case in (_unanswered(agent), _social()) if case is not None]
    total = db.session.scalar(select(db.func.count(Case.id)).where(Case.status.in_(ACTIVE)))
    return f"{len(opened)} cases opened by staff, {total} open in all"


def _unanswered(agent) -> Case | None:
    """The newest member question without an answer, escalated, its first reply due soon."""
    thread = db.session.scalar(
        select(Thread).join(Post, (Post.thread_id == Thread.id) & Post.is_opening.is_(True))
        .where(Thread.reply_count == 0, Thread.source.in_((Source.WEB, Source.API)),
               Thread.status == ThreadStatus.OPEN, Post.visibility == Visibility.VISIBLE)
        .order_by(Thread.created_at.desc()).limit(1))
    if thread is None:
        return None
    moderator = accounts.find_by_username("moderator")
    case = services.escalate(thread.id, services.Request(Reason.MANUAL, by=moderator))
    case.first_response_due_at = utcnow() + timedelta(minutes=40)  # breaching soon
    db.session.commit()
    return case


def _social() -> Case | None:
    """A waiting mention from the demo rule, sent to an agent from the social inbox."""
    mention_id = db.session.scalar(select(Mention.id).where(
        Mention.status == MentionStatus.NEW).order_by(Mention.sentiment).limit(1))
    if mention_id is None:
        return None
    triage.escalate(mention_id, accounts.find_by_username("moderator"))
    mention = db.session.get(Mention, mention_id)
    return services.active_case(mention.thread_id) if mention.thread_id else None
