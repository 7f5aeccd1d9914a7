"""Escalation's rules, as pure functions: when a thread needs a person, how urgent a case
is, what a case's status may become and by when an agent owes an answer. No app needed.

**When.** A question nobody answered within ``UNANSWERED_AFTER`` (24 h), or whose asker
replied last and waited ``ASKER_WAITING_AFTER`` (72 h) without an accepted answer, goes
to an agent; so does a thread with ``ME_TOO_THRESHOLD`` "me too" votes, a negative or
urgent social mention, the customer's own "still need help" and staff's "escalate".
Each is a setting with these defaults (``ESCALATE_*``).

**How urgent.** The reason sets the priority (an urgent mention or many "me too" votes is
a problem many people see; an unanswered question is normal), and the priority sets the
service levels: Zendesk's defaults for a small team (first reply within 1 h for urgent,
4 h high, 8 h normal, 24 h low; solved within 4 h, 24 h, 3 days, 7 days).

**Statuses** go new → open → pending (waiting for the customer) → on hold (waiting for a
third party) → solved → closed, with the moves agents make in Zendesk: any open status to
any other, solved back to open when the customer writes within ``REOPEN_WITHIN`` (7 days),
closed for good.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from enum import StrEnum


class CaseStatus(StrEnum):
    NEW = "new"
    OPEN = "open"
    PENDING = "pending"  # waiting for the customer
    ON_HOLD = "on_hold"  # waiting for someone else (a supplier, engineering)
    SOLVED = "solved"
    CLOSED = "closed"


class Priority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class Reason(StrEnum):
    UNANSWERED = "unanswered"  # no reply within the threshold
    ASKER_WAITING = "asker_waiting"  # the asker's last reply went unanswered
    ME_TOO = "me_too"  # many members have the same problem
    SOCIAL = "social"  # a negative or urgent social mention
    CONTACT = "contact"  # the customer's own "still need help"
    MANUAL = "manual"  # a moderator or agent escalated it


UNANSWERED_AFTER = timedelta(hours=24)
ASKER_WAITING_AFTER = timedelta(hours=72)
ME_TOO_THRESHOLD = 5
REOPEN_WITHIN = timedelta(days=7)
URGENT_MENTION = 2  # social_listen.enrich's urgency: 0 low, 1 normal, 2 high
NEGATIVE_MENTION = -0.5  # social_listen.enrich's sentiment, -1..1: clearly unhappy

PRIORITY_OF = {
    Reason.UNANSWERED: Priority.NORMAL,
    Reason.ASKER_WAITING: Priority.NORMAL,
    Reason.ME_TOO: Priority.HIGH,
    Reason.SOCIAL: Priority.HIGH,
    Reason.CONTACT: Priority.NORMAL,
    Reason.MANUAL: Priority.NORMAL,
}
FIRST_RESPONSE = {
    Priority.URGENT: timedelta(hours=1),
    Priority.HIGH: timedelta(hours=4),
    Priority.NORMAL: timedelta(hours=8),
    Priority.LOW: timedelta(hours=24),
}
RESOLUTION = {
    Priority.URGENT: timedelta(hours=4),
    Priority.HIGH: timedelta(hours=24),
    Priority.NORMAL: timedelta(days=3),
    Priority.LOW: timedelta(days=7),
}
ACTIVE = frozenset({CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.PENDING, CaseStatus.ON_HOLD})
# Only these count against the resolution clock: pending and on hold wait for others.
CLOCK_RUNS = frozenset({CaseStatus.NEW, CaseStatus.OPEN})
MOVES = {
    CaseStatus.NEW: ACTIVE | {CaseStatus.SOLVED},
    CaseStatus.OPEN: ACTIVE | {CaseStatus.SOLVED},
    CaseStatus.PENDING: ACTIVE | {CaseStatus.SOLVED},
    CaseStatus.ON_HOLD: ACTIVE | {CaseStatus.SOLVED},
    CaseStatus.SOLVED: frozenset({CaseStatus.OPEN, CaseStatus.CLOSED}),
    CaseStatus.CLOSED: frozenset(),
}


def priority_for(reason: Reason, *, urgent: bool = False) -> Priority:
    """An urgent social mention (an outage, a safety problem) is urgent whatever else."""
    return Priority.URGENT if urgent else PRIORITY_OF[reason]


def can_move(current: CaseStatus, wanted: CaseStatus) -> bool:
    return wanted != current and wanted in MOVES[current]


def first_response_due(opened_at: datetime, priority: Priority) -> datetime:
    return opened_at + FIRST_RESPONSE[priority]


def resolution_due(opened_at: datetime, priority: Priority,
                   paused: timedelta = timedelta(0)) -> datetime:
    """The resolution clock stops while the case waits for the customer or a third party
    (``paused``, the time spent pending or on hold so far)."""
    return opened_at + RESOLUTION[priority] + paused


def reopens(status: CaseStatus, solved_at: datetime | None, now: datetime) -> bool:
    """Whether a customer's reply brings the case back to an agent: a pending case always,
    a solved one within ``REOPEN_WITHIN`` of its solving."""
    if status == CaseStatus.PENDING:
        return True
    return status == CaseStatus.SOLVED and solved_at is not None and \
        now - solved_at <= REOPEN_WITHIN


def breaching(due_at: datetime | None, now: datetime,
              soon: timedelta = timedelta(hours=1)) -> bool:
    """Due within ``soon`` or already late: the console's "breaching soon"."""
    return due_at is not None and due_at - now <= soon


def is_negative_or_urgent(sentiment: float, urgency: int, *,
                          negative_below: float = NEGATIVE_MENTION,
                          urgent_from: int = URGENT_MENTION) -> bool:
    """A social mention worth a case: clearly unhappy (sentiment -1..1), or of high urgency
    (0 low, 1 normal, 2 high; see social_listen.enrich for how both are measured)."""
    return sentiment <= negative_below or urgency >= urgent_from


MAX_TAGS = 10
TAG_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,29}")


def tags_from(raw: str | list[str]) -> list[str]:
    """A case's tags from what an agent typed ("billing, Refund") or an API list: lower
    case, each once, in the order given. Raises ``ValueError`` naming the first bad one,
    so the agent is told what to fix instead of losing it silently."""
    words = raw if isinstance(raw, list) else re.split(r"[,\s]+", raw)
    tags: list[str] = []
    for word in (str(word).strip().lower() for word in words):
        if not word or word in tags:
            continue
        if not TAG_PATTERN.fullmatch(word):
            raise ValueError(word)
        tags.append(word)
    if len(tags) > MAX_TAGS:
        raise ValueError(tags[MAX_TAGS])
    return tags
