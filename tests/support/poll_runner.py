"""A job runner of its own for crash and concurrency tests: polls one rule until it has
caught up with the newest post, as ``flask listen poll`` would, in a separate process.

Usage: python -m tests.support.poll_runner RULE_ID NEWEST_ID ROUNDS (configured by the
environment: DATABASE_URL and PEERDESK_* settings).
"""

from __future__ import annotations

import sys
import time

from app import create_app
from app.extensions import db
from social_listen import polling
from social_listen.models import ListeningRule


def main() -> int:
    rule_id, newest, rounds = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    app = create_app()
    with app.app_context():
        for _round in range(rounds):
            if not polling.poll(rule_id).polled:
                time.sleep(0.05)  # the other runner holds the rule
            rule = db.session.get(ListeningRule, rule_id)
            db.session.refresh(rule)
            if rule.since_id == newest and rule.resume_token is None:
                return 0
            db.session.rollback()
    return 1


if __name__ == "__main__":
    sys.exit(main())
