"""Social mentions that need a person: the ones staff send to an agent from the social
inbox, and the ones a rule sends because they are clearly unhappy or urgent.

**The rule** (``sweep``, part of the ``escalation-sweep`` job, so within a minute of being
heard): a mention captured in the last day, still in the inbox or imported, whose
sentiment is at most ``ESCALATE_SOCIAL_NEGATIVE_BELOW`` or whose urgency is at least
``ESCALATE_SOCIAL_URGENCY_FROM`` (``rules.is_negative_or_urgent``). It reads only recent
mentions through the inbox index, and does its work after the burst, not inside it, so
listening keeps its pace however many of the posts are angry. Filtered and ignored
mentions are left alone; ``ESCALATE_SOCIAL_MENTIONS = false`` turns the rule off.

**The case** is about the mention's conversation thread: the mention is imported first
if it is not a post yet (so the agent's public answer has a place to go, and the
community can see it), with the social author as the customer until a member claims the
handle, high priority, urgent when the mention is. The mention is then marked escalated,
so neither the rule nor the inbox offers it again.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select

from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db
from app.jobs import items
from escalate import rules, services
from escalate.rules import Reason
from escalate.settings import setting
from social_listen import triage
from social_listen.models import Mention, MentionStatus

RECENT = timedelta(days=1)
JOB = "escalation-mentions"


def escalate_mention(mention_id: int, by: User | None = None) -> None:
    mention = db.session.get(Mention, mention_id)
    if mention.thread_id is None:
        mention = triage.import_mention(mention.id, by)
        if mention.thread_id is None:  # not importable (its author blocked meanwhile)
            return
    identity = mention.identity
    claimed = identity.claimed_by_id is not None and identity.claim_confirmed_at is not None
    services.escalate(mention.thread_id, services.Request(
        Reason.SOCIAL, by=by, urgent=mention.urgency >= rules.URGENT_MENTION,
        customer_label=None if claimed else identity.label,
        customer_id=identity.claimed_by_id if claimed else None, mention_id=mention.id))
    # Marked once the case exists: if opening it failed, the rule tries again.
    mention = db.session.get(Mention, mention_id)
    mention.status = MentionStatus.ESCALATED
    db.session.commit()


def sweep(now: datetime | None = None) -> items.Tally:
    """Send each recent unhappy or urgent mention to an agent."""
    if not setting("ESCALATE_SOCIAL_MENTIONS"):
        return items.Tally()
    now = now or utcnow()
    wanted = db.session.scalars(
        select(Mention.id)
        .where(Mention.status.in_([MentionStatus.NEW, MentionStatus.IMPORTED]),
               Mention.captured_at >= now - RECENT,
               or_(Mention.sentiment <= setting("ESCALATE_SOCIAL_NEGATIVE_BELOW"),
                   Mention.urgency >= setting("ESCALATE_SOCIAL_URGENCY_FROM")))
        .order_by(Mention.id).limit(setting("ESCALATE_SWEEP_BATCH"))).all()
    return items.each(wanted, escalate_mention, job=JOB, key=str)
