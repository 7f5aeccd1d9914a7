"""Which heard posts become mentions (pure: no app needed).

- **Reposts** are dropped before they are stored: a retweet repeats someone else's words,
  and a campaign of a thousand retweets is one conversation, not a thousand.
- **Bots**: an account with very few followers and very many posts is a bot or a spam
  farm far more often than a customer (both thresholds are settings).
- **Blocked words and accounts** of the rule, and accounts a moderator blocked.
- **Language**: the rule's languages, if it names any (the source's tag, else detected).

What is filtered for a reason other than a repost is still stored, marked with the
reason, so an admin tuning a rule can see what it held back and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from social_listen.sources import Item


@dataclass(frozen=True)
class Thresholds:
    bot_max_followers: int = 10
    bot_min_posts: int = 50_000


def split_list(text: str | None) -> list[str]:
    """A rule's list field (commas or line breaks) as clean entries."""
    return [part.strip() for part in re.split(r"[,\n]", text or "") if part.strip()]


def handles(text: str | None) -> set[str]:
    return {entry.lstrip("@").lower() for entry in split_list(text)}


def looks_like_bot(item: Item, thresholds: Thresholds) -> bool:
    followers, posts = item.author.followers, item.author.posts
    return followers is not None and posts is not None and \
        followers <= thresholds.bot_max_followers and posts >= thresholds.bot_min_posts


def blocked_word(text: str, words: list[str]) -> str | None:
    """The first of ``words`` found as a whole word (or phrase), case-insensitively."""
    for word in words:
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE):
            return word
    return None


def filtered_reason(item: Item, *, language: str, languages: set[str],
                    excluded: set[str], words: list[str],
                    thresholds: Thresholds) -> str | None:
    """Why the rule keeps ``item`` out of the inbox ("bot", "blocked_account",
    "blocked_word", "language"), or None to let it in."""
    if item.author.handle.lower() in excluded:
        return "blocked_account"
    if looks_like_bot(item, thresholds):
        return "bot"
    if blocked_word(f"{item.title or ''}\n{item.text}", words):
        return "blocked_word"
    if languages and language not in languages:
        return "language"
    return None
