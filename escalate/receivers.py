"""How escalation hears of social mentions sent to an agent (``mention_escalated``), and
of posts in threads with a case (``answer_posted``: see ``work.on_answer_posted``).

A mention staff escalate from the social inbox becomes a case about its conversation's
thread: imported first if it is not a post yet (so the agent's public answer has a place
to go, and the community can see it), with the social author as the customer until a
member claims the handle, high priority, urgent when the mention is.
"""

from __future__ import annotations

import logging

from app import events
from app.extensions import db
from escalate import rules, services, work
from escalate.rules import Reason
from social_listen import triage
from social_listen.models import Mention, MentionStatus

log = logging.getLogger(__name__)


def on_mention_escalated(mention: Mention, *, by=None, **_data) -> None:
    mention = db.session.get(Mention, mention.id)
    if mention.thread_id is None:
        mention = triage.import_mention(mention.id, by)
        mention.status = MentionStatus.ESCALATED  # as staff chose; the post is there too
        db.session.commit()
    identity = mention.identity
    claimed = identity.claimed_by_id is not None and identity.claim_confirmed_at is not None
    services.escalate(mention.thread_id, services.Request(
        Reason.SOCIAL, by=by, urgent=mention.urgency >= rules.URGENT_MENTION,
        customer_label=None if claimed else identity.label,
        customer_id=identity.claimed_by_id if claimed else None, mention_id=mention.id))


def init_app() -> None:
    events.mention_escalated.connect(on_mention_escalated)
    events.answer_posted.connect(work.on_answer_posted)
    events.content_published.connect(_published)


def _published(post, *, first: bool = False, **_data) -> None:
    """A held reply published by a moderator reaches the case like any reply."""
    if first and not post.is_opening:
        work.on_answer_posted(post)
