"""Pure rules of the journey: who is a bot, what a journey looks like when copied onto a
question, and when leaving the ask page counts as a deflection. No app or database here.

- **Bots** are told by their user agent. Crawlers follow every link, so counting them
  would drown the real visitors' journeys and inflate view counts; a request with no user
  agent at all does not come from a browser either.
- **The copied journey** keeps what helps staff understand what the customer already
  tried: the last :data:`MAX_STEPS` steps of :data:`ATTACH_WINDOW`, with repeats folded
  (reloading a thread is one visit; suggestions refreshed while typing are one step).
- **Signing in** brings along only what this browser did in the :data:`CLAIM_WINDOW`
  before it, while nobody was signed in: that is the member looking for an answer; earlier
  steps may be whoever used a shared computer before them.
- **Deflection by leaving**: a customer who clicked a suggestion and did not ask within
  :data:`LEFT_AFTER` found their answer (Zendesk and Kitsune count self-service the same
  way).
- **One deflection per visit**: a customer who opens three suggestions and leaves (or says
  two of them solved it) was helped once. A click belongs to a visit already counted when
  the same visitor (or member) has a deflection from :data:`LEFT_AFTER` before the click
  onwards; so a click counts at most once, whichever way it was counted first, and a
  visit at most once, however many suggestions were opened.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from functools import lru_cache

ATTACH_WINDOW = timedelta(hours=24)
LEFT_AFTER = timedelta(minutes=30)
CLAIM_WINDOW = timedelta(minutes=30)
MAX_STEPS = 50
MIN_QUERY = 3  # fewer characters than this cannot say what the problem is
MAX_SUGGESTIONS = 5

SOLVED_IT = "solved_it"
LEFT_AFTER_CLICK = "left_after_click"

_BOTS = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|"
    r"monitor|pingdom|uptime|lighthouse|curl/|wget/|python|java/|go-http|okhttp|libwww|"
    r"httpclient|axios|node-fetch|scrapy|feedfetcher|bingpreview|yandex|baidu",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)
def is_bot(user_agent: str) -> bool:
    """True for crawlers, monitors and scripts; browsers always send a user agent."""
    return not user_agent.strip() or _BOTS.search(user_agent) is not None


def _identity(step: Mapping) -> tuple:
    return (step.get("step"), step.get("query"), step.get("thread_id"), step.get("article_id"),
            step.get("detail"))


def fold(steps: Iterable[dict]) -> list[dict]:
    """Drop immediate repeats; consecutive "suggestions shown" become the last of them."""
    folded: list[dict] = []
    for step in steps:
        previous = folded[-1] if folded else None
        if previous is not None and previous["step"] == step["step"] == "suggestions_shown":
            folded[-1] = {**step, "at": previous["at"]}  # what was typed last, since first
        elif previous is None or _identity(previous) != _identity(step):
            folded.append(step)
    return folded[-MAX_STEPS:]


def left_after_click(click: Mapping, others: Iterable[Mapping]) -> bool:
    """Whether ``click`` (a suggestion_clicked event) became a deflection by leaving.

    ``others`` are "asked" and "deflected" events around it. The click counts when its
    visitor (or member) did not ask within :data:`LEFT_AFTER` of it and their visit has
    no deflection yet (the customer's own "this solved it", or this rule on an earlier
    click or run).
    """
    moment = click["created_at"]
    for event in others:
        if not _same_visitor(click, event):
            continue
        if event["step"] == "asked" and moment <= event["created_at"] <= moment + LEFT_AFTER:
            return False
        if event["step"] == "deflected" and _same_visit(moment, event["created_at"]):
            return False
    return True


def _same_visit(click: datetime, deflection: datetime) -> bool:
    return deflection >= click - LEFT_AFTER


def _same_visitor(a: Mapping, b: Mapping) -> bool:
    return a["visitor"] == b["visitor"] or (
        a.get("user_id") is not None and a.get("user_id") == b.get("user_id"))


def normalize_query(text: str, limit: int = 150) -> str:
    """What is worth searching for: one line, single spaces, at most ``limit`` characters;
    empty when too short to say anything."""
    text = " ".join((text or "").split())[:limit]
    return text if len(text) >= MIN_QUERY else ""


def result_count(detail: str) -> int | None:
    return int(detail) if detail.isdigit() else None


def solved_it_counts(clicks: Iterable[datetime], deflections: Iterable[datetime]) -> bool:
    """A "this solved it" counts when the item was clicked and the visit of its last click
    has no deflection yet (``deflections``: the visitor's, on any item)."""
    last_click = max(clicks, default=None)
    if last_click is None:
        return False
    return not any(_same_visit(last_click, moment) for moment in deflections)
