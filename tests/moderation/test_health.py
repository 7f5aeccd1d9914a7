"""The queue's health: moderators reminded when the oldest item waits too long, in the page
and by e-mail (once per period), and the median time to a decision."""

from datetime import timedelta

import pytest
from sqlalchemy import update

from app.clock import utcnow
from app.extensions import db
from moderation import jobs
from moderation.models import ReviewItem


@pytest.fixture
def waiting_two_hours(app, make, crew):
    thread = make.thread(crew.newcomer, crew.area, title="Buds Lite right earbud is quieter")
    with app.app_context():
        db.session.execute(update(ReviewItem).values(queued_at=utcnow() - timedelta(hours=2)))
        db.session.commit()
    return thread


def run(app, job):
    with app.app_context():
        job()


def test_moderators_are_emailed_once_when_the_oldest_item_waits_too_long(app, crew, inbox,
                                                                         waiting_two_hours):
    run(app, jobs.remind_moderators)
    run(app, jobs.remind_moderators)
    messages = inbox.wait_for(3)
    assert sorted(message["To"] for message in messages) == [
        "boss@example.com", "mod2@example.com", "mod@example.com"]
    assert messages[0]["Subject"] == "1 post waits for a moderator"
    text = messages[0].get_body(("plain",)).get_content()
    assert "http://localhost/moderation/?sort=oldest" in text


def test_no_reminder_while_the_queue_is_young(app, make, crew, inbox):
    make.thread(crew.newcomer, crew.area)
    run(app, jobs.remind_moderators)
    assert inbox.wait_for(1, timeout=0.5) == []


def test_moderators_see_the_overdue_queue_on_every_page(client, crew, sign_in,
                                                        waiting_two_hours):
    sign_in("mod")
    page = client.get("/").get_data(as_text=True)
    assert "1 post waits for a moderator" in page and "Review the oldest first" in page
    assert 'Review queue <span class="count-badge">1</span>' in page


def test_members_do_not_see_the_queue_notice(client, crew, sign_in, waiting_two_hours):
    sign_in("maren")
    page = client.get("/").get_data(as_text=True)
    assert "wait for a moderator" not in page and "Review queue" not in page


def test_the_queue_page_shows_the_median_time_to_a_decision(app, client, crew, sign_in,
                                                            token_of, waiting_two_hours):
    from sqlalchemy import select

    with app.app_context():
        item_id = db.session.scalar(select(ReviewItem.id))
    client.post(f"/api/v1/moderation/queue/{item_id}/decision", headers=token_of(crew.moderator),
                json={"action": "approve"})
    sign_in("mod")
    page = client.get("/moderation/").get_data(as_text=True)
    assert "120 min" in page
