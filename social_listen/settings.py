"""Social listening's settings. Each can be set in ``instance/peerdesk.cfg`` or with
``PEERDESK_<NAME>``; ``init_app`` fills in what is not set.

The X API's address and token are settings so an operator can point Peerdesk at a proxy
(or tests at a local server): ``PEERDESK_X_API_BASE`` and ``PEERDESK_X_BEARER_TOKEN``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import current_app

DEFAULTS: dict[str, Any] = {
    "X_API_BASE": "https://api.x.com",
    "X_BEARER_TOKEN": None,
    # Results per X page (X allows 10-100) and how long a request may take (seconds).
    "LISTEN_PAGE_SIZE": 100,
    "LISTEN_TIMEOUT": 10.0,
    # Back-off after a failed poll: first wait, doubled per failure in a row, capped.
    "LISTEN_RETRY_SECONDS": 60,
    "LISTEN_RETRY_MAX_SECONDS": 3600,
    # A runner holds a rule this long at most; a crashed runner's rule is free after it.
    "LISTEN_LEASE_SECONDS": 300,
    # Bot heuristics: at most this many followers and at least this many posts.
    "LISTEN_BOT_MAX_FOLLOWERS": 10,
    "LISTEN_BOT_MIN_POSTS": 50_000,
    # Spike alerts: the last hour's mentions above this multiple of the rule's mean
    # hourly volume over 7 days, and at least LISTEN_SPIKE_MIN_MENTIONS of them.
    "LISTEN_SPIKE_FACTOR": 3.0,
    "LISTEN_SPIKE_MIN_MENTIONS": 10,
    # Recorded X responses the demo rule is fed from when there is no bearer token.
    "LISTEN_DEMO_RESPONSES": None,
}


def init_app(app) -> None:
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)
    if app.config["ENV"] == "development" and app.config["LISTEN_DEMO_RESPONSES"] is None:
        app.config["LISTEN_DEMO_RESPONSES"] = str(shared_dir() / "fixtures" / "x_api")
    if app.config["X_BEARER_TOKEN"] is not None:  # a token of digits stays a string
        app.config["X_BEARER_TOKEN"] = str(app.config["X_BEARER_TOKEN"])


def shared_dir() -> Path:
    """The shared data beside the repository (``../shared``; PEERDESK_SHARED_DIR overrides)."""
    root = Path(__file__).resolve().parent.parent
    return Path(os.environ.get("PEERDESK_SHARED_DIR", root.parent / "shared"))


def setting(name: str) -> Any:
    return current_app.config[name]
