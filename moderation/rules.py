"""Moderation's rules as pure functions: trust levels, new-member limits, flag weights,
the suspension ladder. No app, no database: numbers in, a decision out.

**Trust levels** follow Discourse's model, simplified. 0: new; 1: has read around
(threads read, a day visited); 2: a member (days visited, threads read, replies, a
helpful vote received); 3: a regular, judged over the last 100 days and lost again when
that activity stops; 4: a leader, only by hand. Levels 1 and 2 are never taken away by
the job: what someone has shown once stays shown.

**Flags** weigh by who raises them: a regular's flag counts double a new member's, and
a flagger whose flags moderators keep agreeing with counts more than one whose flags they
keep dismissing (a Laplace-smoothed share of agreed flags, so a first flag is neutral).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

LEADER = 4
REGULAR = 3
LEVEL_WEIGHTS = {0: 0.0, 1: 1.0, 2: 1.5, 3: 2.0, 4: 3.0}
STAFF_LEVEL = 4
TL3_GRACE = timedelta(days=14)


@dataclass(frozen=True)
class Activity:
    threads_read: int = 0
    days_visited: int = 0
    replies: int = 0
    helpful_received: int = 0


def meets(activity: Activity, requirement: dict[str, int]) -> bool:
    return all(getattr(activity, name) >= minimum for name, minimum in requirement.items())


def trust_level(current: int, lifetime: Activity, recent: Activity, *,
                requirements: dict[int, dict[str, int]], sanctioned_recently: bool,
                promoted_at: datetime | None, now: datetime) -> int:
    """The level a member should have now. Levels 1-2 only ever rise; 3 is kept while the
    last 100 days still meet its bar (with two weeks' grace after promotion) and never
    while sanctioned; 4 is given by hand only."""
    earned = 0
    if meets(lifetime, requirements[1]):
        earned = 1
    if meets(lifetime, requirements[2]):
        earned = 2
    regular = meets(recent, requirements[3]) and not sanctioned_recently
    if regular:
        earned = REGULAR
    level = max(earned, min(current, 2))
    if current >= REGULAR and not regular and not sanctioned_recently \
            and promoted_at is not None and now - promoted_at < TL3_GRACE:
        level = max(level, REGULAR)
    return min(level, REGULAR) if current < LEADER else current


def flag_weight(level: int, agreed: int, disagreed: int) -> float:
    """Weight of a new flag: the flagger's level weight times 0.5-1.5 by past accuracy."""
    accuracy = (agreed + 1) / (agreed + disagreed + 2)
    return round(LEVEL_WEIGHTS.get(level, 0.0) * (0.5 + accuracy), 3)


def suspension_hours(previous_suspensions: int, ladder: list[int]) -> int:
    """24 h, then 72 h, 7 days, 30 days; the last step repeats."""
    return ladder[min(previous_suspensions, len(ladder) - 1)]


def seconds_to_wait(last: datetime | None, gap_seconds: int, now: datetime) -> int:
    """Seconds before the next post is allowed after ``last`` (0: allowed now)."""
    if last is None or gap_seconds <= 0:
        return 0
    return max(0, math.ceil(gap_seconds - (now - last).total_seconds()))


def first_day_wait(joined: datetime, count: int, limit: int, now: datetime) -> int:
    """Seconds before a new member's first-day limit stops applying (0: under the limit,
    or the first day is over)."""
    day_ends = joined + timedelta(days=1)
    if count < limit or now >= day_ends:
        return 0
    return math.ceil((day_ends - now).total_seconds())


def queue_score(reason_scores: list[float]) -> float:
    """An item's place in the queue: its reasons' weights added up (flags by weight)."""
    return round(sum(reason_scores), 3)


def median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
