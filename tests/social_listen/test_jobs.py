"""The polling job polls each active rule whose time has come and applies its policy."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select, update

from app.clock import utcnow
from app.extensions import db
from social_listen import jobs
from social_listen.models import ListeningRule, Mention, MentionStatus
from tests.social_listen.conftest import make_rule


def test_due_rules_are_polled_and_their_policy_applied(x_app, staff, fake_x):
    make_rule(x_app, staff, import_policy="questions")

    with x_app.app_context():
        jobs.poll_due_rules()
        imported = db.session.scalar(select(func.count()).select_from(Mention).where(
            Mention.status == MentionStatus.IMPORTED))
    assert fake_x.requests > 0 and imported > 0


def test_rules_not_yet_due_and_paused_rules_wait(x_app, staff, fake_x):
    later = make_rule(x_app, staff, name="Later")
    make_rule(x_app, staff, name="Paused", active=False)
    with x_app.app_context():
        db.session.execute(update(ListeningRule).where(ListeningRule.id == later.id)
                           .values(next_poll_at=utcnow() + timedelta(minutes=5)))
        db.session.commit()

        jobs.poll_due_rules()

    assert fake_x.requests == 0
