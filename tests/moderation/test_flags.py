"""Flags: who may flag, one open flag per member and post, daily limits and the re-flag wait,
weights by trust and accuracy, and a post hidden at once when enough weight gathers."""

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from app.clock import utcnow
from app.extensions import db
from community.models import Visibility
from moderation.models import Flag, FlagStatus, MemberTrust, ReviewItem
from tests.moderation.helpers import item_of, post_of


@pytest.fixture
def rude(make, crew):
    thread = make.thread(crew.member, crew.area, title="Buds Pro will not pair with my laptop")
    return make.reply(crew.regular, thread, "If you cannot pair earbuds you should not own a "
                                            "laptop. Read the manual.")


def flag(client, headers, post_id, kind="rude", message=""):
    return client.post("/api/v1/flags", json={"post_id": post_id, "kind": kind,
                                              "message": message}, headers=headers)


def test_a_member_flags_a_post_and_it_joins_the_queue_with_the_flag(app, client, crew, rude,
                                                                    token_of):
    response = flag(client, token_of(crew.member), rude.id, message="Talking down to people.")
    assert response.status_code == 201
    assert response.get_json()["weight"] == 1.0 and response.get_json()["hidden"] is False
    item = item_of(app, rude.id)
    assert [(reason.code, reason.detail) for reason in item.reasons] == [("flag", "rude")]
    assert post_of(app, rude.id).visibility == Visibility.VISIBLE


def test_new_members_cannot_flag_yet(client, crew, rude, token_of):
    response = flag(client, token_of(crew.newcomer), rude.id)
    assert response.status_code == 403
    assert "trust level 1" in response.get_json()["detail"]


def test_nobody_flags_their_own_post(client, crew, rude, token_of):
    assert flag(client, token_of(crew.regular), rude.id).status_code == 403


def test_something_else_needs_a_message(client, crew, rude, token_of):
    response = flag(client, token_of(crew.member), rude.id, kind="other")
    assert response.status_code == 422 and "message" in response.get_json()["errors"]


def test_one_open_flag_per_member_and_post(app, client, crew, rude, token_of):
    assert flag(client, token_of(crew.member), rude.id).status_code == 201
    again = flag(client, token_of(crew.member), rude.id, kind="spam")
    assert again.status_code == 409
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(Flag)) == 1
    [item] = client.get("/api/v1/moderation/queue",
                        headers=token_of(crew.moderator)).get_json()["items"]
    assert len(item["reasons"]) == 1


def test_a_daily_limit_per_trust_level(app, client, make, crew, token_of):
    app.config["MODERATION_FLAGS_PER_DAY"] = {"1": 2}
    thread = make.thread(crew.regular, crew.area)
    replies = [make.reply(crew.regular, thread, f"Reply number {n} to be flagged here.")
               for n in range(3)]
    for reply in replies[:2]:
        assert flag(client, token_of(crew.member), reply.id).status_code == 201
    third = flag(client, token_of(crew.member), replies[2].id)
    assert third.status_code == 429
    assert int(third.headers["Retry-After"]) > 3600


def test_flags_that_weigh_enough_hide_the_post_at_once(app, client, make, crew, rude, token_of):
    second = make.user("tomasz")
    assert flag(client, token_of(crew.member), rude.id).get_json()["hidden"] is False
    assert flag(client, token_of(second), rude.id).get_json()["hidden"] is False
    third = make.user("jenna", trust_level=2)
    assert flag(client, token_of(third), rude.id).get_json()["hidden"] is True
    post = post_of(app, rude.id)
    assert post.visibility == Visibility.HIDDEN
    assert "reports from the community" in post.visibility_note
    assert item_of(app, rude.id).hidden_by_flags is True
    page = client.get(f"/t/{post.thread_id}/x", follow_redirects=True).get_data(as_text=True)
    assert "Read the manual" not in page


def test_a_regulars_flag_weighs_more_and_accuracy_counts(app, client, make, crew, rude,
                                                          token_of):
    assert flag(client, token_of(make.user("reg3", trust_level=3)), rude.id).get_json()[
        "weight"] == 2.0
    reliable = make.user("reliable")
    with app.app_context():
        db.session.execute(update(MemberTrust).where(MemberTrust.user_id == reliable.id)
                           .values(flags_agreed=8, flags_disagreed=0))
        db.session.commit()
    assert flag(client, token_of(reliable), rude.id).get_json()["weight"] == pytest.approx(1.4)


def test_a_moderator_rejecting_agrees_with_the_flaggers(app, client, crew, rude, token_of):
    flag(client, token_of(crew.member), rude.id)
    item = item_of(app, rude.id)
    client.post(f"/api/v1/moderation/queue/{item.id}/decision", headers=token_of(crew.moderator),
                json={"action": "reject", "reason": "Be kind to people asking for help."})
    with app.app_context():
        assert db.session.scalar(select(Flag.status)) == FlagStatus.AGREED
        assert db.session.get(MemberTrust, crew.member.id).flags_agreed == 1


def test_an_approved_post_is_not_queued_again_for_the_same_flag(app, client, make, crew, rude,
                                                                 token_of):
    flag(client, token_of(crew.member), rude.id)
    item = item_of(app, rude.id)
    client.post(f"/api/v1/moderation/queue/{item.id}/decision", headers=token_of(crew.moderator),
                json={"action": "approve"})
    for name in ("tomasz", "jenna", "mike"):
        assert flag(client, token_of(make.user(name, trust_level=2)), rude.id).status_code == 201
    assert item_of(app, rude.id).status.value == "approved"
    assert post_of(app, rude.id).visibility == Visibility.VISIBLE
    other = flag(client, token_of(make.user("sophie")), rude.id, kind="spam")
    assert other.status_code == 201 and item_of(app, rude.id).status.value == "pending"


def test_after_a_decision_the_same_member_waits_a_day_to_flag_again(app, client, crew, rude,
                                                                    token_of):
    flag(client, token_of(crew.member), rude.id)
    item = item_of(app, rude.id)
    client.post(f"/api/v1/moderation/queue/{item.id}/decision", headers=token_of(crew.moderator),
                json={"action": "approve"})
    again = flag(client, token_of(crew.member), rude.id, kind="spam")
    assert again.status_code == 429
    with app.app_context():
        db.session.execute(update(Flag).values(resolved_at=utcnow() - timedelta(hours=25),
                                               created_at=utcnow() - timedelta(hours=25)))
        db.session.commit()
    assert flag(client, token_of(crew.member), rude.id, kind="spam").status_code == 201


def test_flagging_through_the_page(app, client, crew, rude, sign_in, post_form):
    sign_in("maren")
    page = client.get(f"/t/{rude.thread_id}/x", follow_redirects=True).get_data(as_text=True)
    assert f'href="/moderation/posts/{rude.id}/flag"' in page
    response = post_form(f"/moderation/posts/{rude.id}/flag",
                         {"kind": "rude", "message": "Condescending."})
    assert response.status_code == 303
    assert "the moderators will look at it" in client.get(
        response.headers["Location"]).get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(ReviewItem.score)) == 1.0


def test_a_new_member_is_told_why_they_cannot_flag_yet(client, crew, rude, sign_in):
    sign_in("nadia")
    response = client.get(f"/moderation/posts/{rude.id}/flag")
    assert response.status_code == 403
    assert "once they have read around a little" in response.get_data(as_text=True)


def test_two_members_flagging_at_once_make_one_item_and_hide_together(app, make, crew, rude):
    import threading

    from moderation import flags
    from moderation.models import FlagKind

    flaggers = [make.user("jenna", trust_level=3), make.user("mike", trust_level=2)]
    barrier, errors = threading.Barrier(2), []

    def raise_flag(user):
        with app.app_context():
            barrier.wait()
            try:
                flags.raise_flag(db.session.get(type(user), user.id),
                                 db.session.get(type(rude), rude.id), FlagKind.RUDE)
            except Exception as error:
                errors.append(error)

    workers = [threading.Thread(target=raise_flag, args=(user,)) for user in flaggers]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(ReviewItem)) == 1
    assert post_of(app, rude.id).visibility == Visibility.HIDDEN
