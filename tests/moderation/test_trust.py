"""Trust levels: the rules, and the job that gives members the level their activity earns."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import update

from app.clock import utcnow
from app.extensions import db
from community.journey.models import JourneyEvent, Step
from moderation import jobs, rules, trust
from moderation.models import MemberTrust
from moderation.settings import DEFAULTS

NOW = datetime(2026, 12, 3, 12, 0)
REQUIREMENTS = {level: DEFAULTS[f"MODERATION_TL{level}"] for level in (1, 2, 3)}


NOTHING = rules.Activity()


def level(current=0, lifetime=NOTHING, recent=NOTHING, *, sanctioned=False,
          promoted_days_ago=None):
    promoted = NOW - timedelta(days=promoted_days_ago) if promoted_days_ago is not None else None
    return rules.trust_level(current, lifetime, recent, requirements=REQUIREMENTS,
                             sanctioned_recently=sanctioned, promoted_at=promoted, now=NOW)


def test_reading_five_threads_on_a_day_makes_a_basic_member():
    assert level(lifetime=rules.Activity(threads_read=5, days_visited=1)) == 1
    assert level(lifetime=rules.Activity(threads_read=4, days_visited=1)) == 0


def test_a_member_needs_visits_reading_replies_and_a_helpful_vote():
    active = rules.Activity(threads_read=20, days_visited=15, replies=3, helpful_received=1)
    assert level(lifetime=active) == 2
    assert level(lifetime=rules.Activity(threads_read=20, days_visited=15, replies=3)) == 1


def test_levels_one_and_two_are_never_taken_away():
    assert level(current=2) == 2


def test_a_regular_is_judged_on_the_last_hundred_days():
    recent = rules.Activity(threads_read=100, days_visited=50, replies=10, helpful_received=20)
    assert level(current=2, recent=recent) == 3
    assert level(current=2, recent=recent, sanctioned=True) == 2


def test_a_regular_who_stops_coming_goes_back_to_member_after_the_grace_weeks():
    assert level(current=3, promoted_days_ago=5) == 3
    assert level(current=3, promoted_days_ago=30) == 2


def test_a_leader_is_only_made_by_hand_and_stays():
    assert level(current=4) == 4


def test_flag_weight_grows_with_trust_and_accuracy():
    assert rules.flag_weight(1, 0, 0) == 1.0
    assert rules.flag_weight(3, 0, 0) == 2.0
    assert rules.flag_weight(1, 0, 8) == pytest.approx(0.6)
    assert rules.flag_weight(0, 0, 0) == 0.0


def test_the_suspension_ladder_repeats_its_last_step():
    ladder = DEFAULTS["MODERATION_SUSPENSION_LADDER_HOURS"]
    assert [rules.suspension_hours(n, ladder) for n in range(6)] == [24, 72, 168, 720, 720, 720]


def test_waiting_times_in_seconds():
    assert rules.seconds_to_wait(NOW - timedelta(seconds=10), 30, NOW) == 20
    assert rules.seconds_to_wait(NOW - timedelta(seconds=40), 30, NOW) == 0
    joined = NOW - timedelta(hours=20)
    assert rules.first_day_wait(joined, 3, 3, NOW) == 4 * 3600
    assert rules.first_day_wait(joined, 2, 3, NOW) == 0


# --- the job ------------------------------------------------------------------------------


def read_threads(app, user, thread_ids):
    with app.app_context():
        for thread_id in thread_ids:
            db.session.add(JourneyEvent(visitor=f"user:{user.id}", user_id=user.id,
                                        step=Step.VIEWED_THREAD, thread_id=thread_id,
                                        created_at=utcnow()))
        db.session.commit()


def level_of(app, user) -> int:
    with app.app_context():
        return db.session.get(MemberTrust, user.id).level


def test_the_job_promotes_a_newcomer_who_read_around_and_their_posts_then_publish(
        app, client, make, crew, token_of):
    threads = [make.thread(crew.member, crew.area, title=f"Buds thread number {n} here",
                           body=f"The body of thread number {n}, long enough.")
               for n in range(5)]
    read_threads(app, crew.newcomer, [thread.id for thread in threads])
    with app.app_context():
        jobs.update_trust_levels()
    assert level_of(app, crew.newcomer) == 1
    reply = client.post(f"/api/v1/threads/{threads[0].id}/posts", headers=token_of(crew.newcomer),
                        json={"body": "Same here, resetting the case fixed mine."})
    assert reply.get_json()["visibility"] == "visible"


def test_the_job_leaves_a_level_set_by_hand(app, make, crew):
    with app.app_context():
        trust.set_level(db.session.get(type(crew.member), crew.member.id), 4,
                        by=db.session.get(type(crew.admin), crew.admin.id))
        jobs.update_trust_levels()
    assert level_of(app, crew.member) == 4


def test_a_regular_without_recent_activity_loses_the_level(app, make, crew):
    with app.app_context():
        db.session.execute(update(MemberTrust).where(MemberTrust.user_id == crew.regular.id)
                           .values(promoted_at=utcnow() - timedelta(days=120)))
        db.session.commit()
    make.reply(crew.regular, make.thread(crew.member, crew.area))
    with app.app_context():
        jobs.update_trust_levels()
    assert level_of(app, crew.regular) == 2


def test_moderators_see_a_members_trust_level_on_their_profile(client, crew, sign_in):
    sign_in("mod")
    page = client.get("/u/kestrel").get_data(as_text=True)
    assert "TL3" in page and 'href="/moderation/members/kestrel"' in page


def test_members_do_not_see_trust_levels_on_profiles(client, crew, sign_in):
    sign_in("maren")
    assert "TL3" not in client.get("/u/kestrel").get_data(as_text=True)
