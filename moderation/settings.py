"""Moderation's settings, each with the default its peers ship (Discourse's trust levels and
new-user limits, SpamBayes' cutoffs). Every one can be changed in ``instance/peerdesk.cfg``
or with ``PEERDESK_<NAME>``; ``init_app`` fills in what is not set.
"""

from __future__ import annotations

from typing import Any

from flask import current_app

from moderation import spam

DEFAULTS: dict[str, Any] = {
    # New members (trust level 0): their first posts wait for a moderator; links, threads
    # and replies are limited; each limit's refusal says when they may post again.
    "MODERATION_HOLD_FIRST_POSTS": 1,
    "MODERATION_TL0_MAX_LINKS": 2,
    "MODERATION_TL0_THREADS_FIRST_DAY": 3,
    "MODERATION_TL0_REPLIES_FIRST_DAY": 10,
    "MODERATION_TL0_SECONDS_BETWEEN_THREADS": 120,
    "MODERATION_TL0_SECONDS_BETWEEN_POSTS": 30,
    # The spam classifier judges members up to this trust level (and every social import):
    # regulars are not second-guessed by a model.
    "MODERATION_SPAM_CHECK_UP_TO_LEVEL": 1,
    "MODERATION_SPAM_REVIEW_AT": spam.REVIEW_AT,
    "MODERATION_SPAM_AT": spam.SPAM_AT,
    # Seed corpus weight halves after this many moderator decisions (see moderation.spam).
    "MODERATION_SPAM_SEED_HALF_LIFE": 200,
    # Five posts confirmed as spam flag the account for a moderator (never a sanction).
    "MODERATION_SPAM_ACCOUNT_AFTER": 5,
    # Link domains nobody needs to check (the site's own domain is always known).
    "MODERATION_KNOWN_DOMAINS": ["wikipedia.org", "youtube.com", "github.com"],
    # How imports are screened, by source: "trusted" (watched words only), "screen" (as a
    # new member's post, without the rate limits) or "hold" (everything waits).
    "MODERATION_IMPORT_POLICY": {"import": "trusted", "social": "screen"},
    # Flags: the weight that hides a post at once; flags per day by trust level; the wait
    # before the same member may flag the same post again.
    "MODERATION_FLAG_HIDE_WEIGHT": 3.0,
    "MODERATION_FLAGS_PER_DAY": {"1": 10, "2": 15, "3": 20, "4": 30},
    "MODERATION_REFLAG_COOLDOWN_HOURS": 24,
    "MODERATION_UNDO_MINUTES": 10,
    # Moderators are reminded when the oldest item waits longer than this.
    "MODERATION_REMIND_AFTER_MINUTES": 60,
    # Suspensions grow with each one: 24 h, 72 h, 7 days, 30 days (the last one repeats).
    "MODERATION_SUSPENSION_LADDER_HOURS": [24, 72, 168, 720],
    "MODERATION_SILENCE_HOURS": 24,
    # Trust level requirements (Discourse's, simplified): see moderation.rules.
    "MODERATION_TL1": {"threads_read": 5, "days_visited": 1},
    "MODERATION_TL2": {"threads_read": 20, "days_visited": 15, "replies": 3,
                       "helpful_received": 1},
    "MODERATION_TL3": {"threads_read": 100, "days_visited": 50, "replies": 10,
                       "helpful_received": 20},
    "MODERATION_TL3_WINDOW_DAYS": 100,
    "MODERATION_REGEX_TIMEOUT_SECONDS": 0.05,
}


def init_app(app) -> None:
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)


def setting(name: str) -> Any:
    return current_app.config[f"MODERATION_{name}"]
