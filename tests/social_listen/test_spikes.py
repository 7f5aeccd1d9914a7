"""Spike alerts: one in-page notice and one e-mail per spike, measured by when people
posted; a new rule's backlog is not a spike."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.clock import utcnow
from app.extensions import db
from social_listen import spikes
from social_listen.models import Mention, MentionStatus, SocialIdentity, SpikeAlert


@pytest.fixture
def quiet_week(app, rule):
    """A mention every four hours for a week (42 in all)."""
    with app.app_context():
        identity = SocialIdentity(source="x", external_id="7", handle="jane")
        db.session.add(identity)
        db.session.flush()
        now = utcnow()
        add(rule, identity, [now - timedelta(hours=2 + 4 * n) for n in range(42)])
        return identity.id


_numbers = iter(range(10**6))


def add(rule, identity, moments) -> None:
    for moment in moments:
        db.session.add(Mention(source="x", external_id=str(next(_numbers)), rule_id=rule.id,
                               identity_id=identity.id, text="@acme help", url="https://x.com",
                               posted_at=moment, captured_at=utcnow(),
                               status=MentionStatus.NEW))
    db.session.commit()


def burst(app, rule, identity_id, count: int) -> None:
    with app.app_context():
        now = utcnow()
        add(rule, db.session.get(SocialIdentity, identity_id),
            [now - timedelta(minutes=1 + n % 50) for n in range(count)])


def test_a_burst_well_above_the_baseline_alerts_staff_once(x_app, rule, staff, quiet_week,
                                                           inbox):
    burst(x_app, rule, quiet_week, 25)

    with x_app.app_context():
        first = spikes.check()
        second = spikes.check()
        open_alerts = db.session.scalar(select(func.count()).select_from(SpikeAlert))
    assert len(first) == 1 and second == [] and open_alerts == 1
    assert {message["To"] for message in inbox.wait_for(3)} == {
        "boss@example.com", "mod@example.com", "agent@example.com"}


def test_a_few_more_posts_than_usual_are_not_a_spike(x_app, rule, quiet_week):
    burst(x_app, rule, quiet_week, 4)

    with x_app.app_context():
        assert spikes.check() == []


def test_a_spike_ends_when_the_hour_calms_down(x_app, rule, quiet_week):
    burst(x_app, rule, quiet_week, 25)
    with x_app.app_context():
        spikes.check()

        spikes.check(now=utcnow() + timedelta(hours=3))

        alert = db.session.scalar(select(SpikeAlert))
        assert alert.ended_at is not None


def test_staff_pages_show_an_open_spike(client, x_app, rule, quiet_week, post_form):
    from tests.factories import PASSWORD

    burst(x_app, rule, quiet_week, 25)
    with x_app.app_context():
        spikes.check()
    post_form("/sign-in", {"login": "agent", "password": PASSWORD})

    page = client.get("/").get_data(as_text=True)

    assert "Mentions are spiking on" in page


def test_a_new_rules_backlog_of_older_posts_is_not_a_spike(x_app, rule):
    with x_app.app_context():
        identity = SocialIdentity(source="x", external_id="8", handle="joe")
        db.session.add(identity)
        db.session.flush()
        now = utcnow()
        add(rule, identity, [now - timedelta(hours=2 + n % 140) for n in range(300)])

        assert spikes.check() == []
