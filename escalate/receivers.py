"""How escalation hears of what the layers below report, and which rules open cases on
the spot (the clocks and unhappy mentions wait for the sweep: see ``clocks``,
``mentions``):

- ``mention_escalated``: staff sent a mention to an agent (``mentions``);
- ``me_too_changed``: a question reached ``ESCALATE_ME_TOO_THRESHOLD`` "me too" votes;
- ``answer_posted``, ``answer_accepted``, ``content_published``: news for a thread's case
  (``sync``).
"""

from __future__ import annotations

from app import events
from community.models import Thread
from escalate import clocks, mentions, services, sync
from escalate.rules import Reason
from escalate.settings import setting
from social_listen.models import Mention


def on_mention_escalated(mention: Mention, *, by=None, **_data) -> None:
    mentions.escalate_mention(mention.id, by)


def on_me_too(thread: Thread, *, value: int = 0, **_data) -> None:
    threshold = setting("ESCALATE_ME_TOO_THRESHOLD")
    if value <= 0 or not threshold or thread.me_too_count < threshold:
        return
    if services.active_case(thread.id) is None and clocks.needs_agent(thread, Reason.ME_TOO):
        services.escalate(thread.id, services.Request(Reason.ME_TOO))


def init_app() -> None:
    events.mention_escalated.connect(on_mention_escalated)
    events.me_too_changed.connect(on_me_too)
    events.content_published.connect(_published)
    sync.init_app()


def _published(post, *, first: bool = False, **_data) -> None:
    """A held reply published by a moderator reaches the case like any reply."""
    if first and not post.is_opening:
        sync.on_answer_posted(post)
