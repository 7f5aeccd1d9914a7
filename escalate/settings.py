"""Escalation's settings (``PEERDESK_ESCALATE_*``); ``init_app`` fills in what is not set.
The rules' defaults and why they are what they are: ``escalate.rules``."""

from __future__ import annotations

from typing import Any

from flask import current_app

from escalate import rules

DEFAULTS: dict[str, Any] = {
    "ESCALATE_UNANSWERED_HOURS": rules.UNANSWERED_AFTER.total_seconds() / 3600,
    "ESCALATE_ASKER_WAITING_HOURS": rules.ASKER_WAITING_AFTER.total_seconds() / 3600,
    "ESCALATE_ME_TOO_THRESHOLD": rules.ME_TOO_THRESHOLD,  # 0: no case for "me too" votes
    # A mention reaching the triage inbox this unhappy (-1..1) or this urgent (0..2).
    "ESCALATE_SOCIAL_MENTIONS": True,
    "ESCALATE_SOCIAL_NEGATIVE_BELOW": rules.NEGATIVE_MENTION,
    "ESCALATE_SOCIAL_URGENCY_FROM": rules.URGENT_MENTION,
    # Product areas (slugs) whose threads no rule escalates; staff still can.
    "ESCALATE_EXCLUDED_CATEGORIES": [],
    # "least_loaded" (fewest active cases) or "round_robin" (longest since the last one).
    "ESCALATE_ASSIGNMENT": "least_loaded",
    "ESCALATE_SWEEP_BATCH": 500,  # due clocks handled per run of the sweep
    # The default webhook endpoint (both set, or none) and the inbound requests' secret
    # (by default the same one).
    "WEBHOOK_URL": "",
    "WEBHOOK_SECRET": "",
    "WEBHOOK_INBOUND_SECRET": "",
    "WEBHOOK_TIMEOUT": 10,  # seconds to wait for an endpoint's answer
    "WEBHOOK_BATCH": 200,  # deliveries per run of the job
}


def init_app(app) -> None:
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)


def setting(name: str) -> Any:
    return current_app.config[name]
