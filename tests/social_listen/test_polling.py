"""Polling X through tweepy's real Client against the local fake X server: pages, the
checkpoint, rate limits and failures, exactly once."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import func, select

from app.clock import utcnow
from app.extensions import db
from social_listen import polling
from social_listen.models import ListeningRule, Mention


def stored_ids(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(Mention.external_id)))


def reload(app, rule) -> ListeningRule:
    with app.app_context():
        found = db.session.get(ListeningRule, rule.id)
        db.session.expunge(found)
        return found


def poll(app, rule):
    with app.app_context():
        return polling.poll(rule.id)


def test_a_poll_pages_through_every_result_and_stores_each_post_once(x_app, rule, fake_x):
    result = poll(x_app, rule)

    assert result.error is None
    assert result.pages == -(-len(fake_x.tweets) // 10)  # ten per page, rounded up
    ids = stored_ids(x_app)
    assert set(ids) == fake_x.expected_ids()
    assert len(ids) == len(set(ids))
    assert reload(x_app, rule).since_id == fake_x.newest_id()


def test_reposts_are_dropped_and_counted(x_app, rule, fake_x):
    result = poll(x_app, rule)

    reposts = len(fake_x.tweets) - len(fake_x.expected_ids())
    assert reposts > 0
    assert result.reposts == reposts


def test_the_next_poll_asks_only_for_what_is_newer(x_app, rule, fake_x):
    poll(x_app, rule)
    newer = dict(fake_x.tweets[0], id=str(int(fake_x.newest_id()) + 1000),
                 text="@acme my earbuds stopped charging, anyone else?")
    newer.pop("referenced_tweets", None)
    fake_x.add([newer])
    requests_before = fake_x.requests

    result = poll(x_app, rule)

    assert result.new == 1 and result.pages == 1
    assert fake_x.requests - requests_before == 1
    assert reload(x_app, rule).since_id == newer["id"]


def test_a_429_reschedules_the_rule_at_the_reset_time_without_sleeping(x_app, rule, fake_x):
    fake_x.faults.extend([None, "429"])
    started = utcnow()

    result = poll(x_app, rule)

    after = reload(x_app, rule)
    assert result.error and "429" in result.error
    assert utcnow() - started < timedelta(seconds=1)  # nobody slept until the reset
    assert after.next_poll_at <= utcnow() + timedelta(seconds=2)
    assert after.resume_token is not None  # goes on from page two
    assert after.since_id is None  # the checkpoint waits for the run to end
    assert after.failures == 0  # a rate limit is not a failure


def test_a_server_error_is_recorded_and_retried_with_back_off(x_app, rule, fake_x):
    fake_x.faults.extend(["500"])

    poll(x_app, rule)

    after = reload(x_app, rule)
    assert "500" in after.last_error
    assert after.failures == 1
    assert after.next_poll_at > utcnow() + timedelta(seconds=50)


def test_back_off_doubles_and_is_capped(app):
    with app.app_context():
        waits = [polling.backoff(n).total_seconds() for n in (1, 2, 3, 20)]
    assert 54 <= waits[0] <= 66 and 108 <= waits[1] <= 132 and 216 <= waits[2] <= 264
    assert waits[3] <= 3600 * 1.1


def test_a_body_that_is_not_json_is_retried_not_a_crash(x_app, rule, fake_x):
    fake_x.faults.extend(["malformed"])

    result = poll(x_app, rule)

    assert "not JSON" in result.error
    assert stored_ids(x_app) == []


def test_a_timeout_is_recorded_on_the_rule(x_app, rule, fake_x):
    fake_x.faults.extend(["timeout"])

    result = poll(x_app, rule)

    assert "could not be reached" in result.error
    assert reload(x_app, rule).last_error == result.error


def test_success_clears_the_rules_error(x_app, rule, fake_x):
    fake_x.faults.extend(["500"])
    poll(x_app, rule)

    poll(x_app, rule)

    after = reload(x_app, rule)
    assert after.last_error is None and after.failures == 0
    assert after.last_success_at is not None


def test_a_rule_another_runner_holds_is_left_alone(x_app, rule, fake_x):
    with x_app.app_context():
        assert polling.take(rule.id)

    result = poll(x_app, rule)

    assert not result.polled
    assert fake_x.requests == 0


def test_faults_in_random_order_lose_and_duplicate_nothing(x_app, rule, fake_x):
    seed = random.randrange(2**32)
    print(f"fault order seed: {seed}")
    faults = ["429", "500", "timeout", "malformed", "not-a-page"] * 4 + [None] * 25
    random.Random(seed).shuffle(faults)
    fake_x.faults.extend(faults)

    for _attempt in range(200):
        poll(x_app, rule)
        if not fake_x.faults and reload(x_app, rule).since_id == fake_x.newest_id():
            break

    ids = stored_ids(x_app)
    assert set(ids) == fake_x.expected_ids(), f"seed {seed}"
    with x_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Mention)) == len(set(ids))
    assert reload(x_app, rule).since_id == fake_x.newest_id(), f"seed {seed}"


def test_each_new_mention_is_announced_once(x_app, rule, fake_x):
    from app import events

    heard = []

    def receiver(mention, **_data):
        heard.append(mention.external_id)

    with events.mention_captured.connected_to(receiver):
        poll(x_app, rule)
        poll(x_app, rule)

    assert sorted(heard) == sorted(fake_x.expected_ids())
