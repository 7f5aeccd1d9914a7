"""The review queue and moderators' decisions: one row per post, approve, reject with a
reason, delete, spam, edit and approve, undo, and who may decide what."""

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from app.clock import utcnow
from app.extensions import db
from community import jobs
from community.models import Notification, Post, Thread, Visibility
from moderation.models import (
    AuditEntry,
    ItemStatus,
    ReviewDecision,
    ReviewItem,
    SpamExample,
)
from tests.moderation.helpers import item_of, opening, post_of


@pytest.fixture
def held(app, make, crew):
    """A newcomer's first question, waiting for a moderator."""
    thread = make.thread(crew.newcomer, crew.area, title="Buds Lite right earbud is quieter",
                         body="The right earbud is much quieter than the left, even after "
                              "cleaning the mesh with a dry brush.")
    return opening(app, thread)


def decide(client, headers, item_id, **payload):
    return client.post(f"/api/v1/moderation/queue/{item_id}/decision", json=payload,
                       headers=headers)


def test_the_queue_lists_the_held_post_with_its_reasons(client, crew, held, token_of):
    queue = client.get("/api/v1/moderation/queue", headers=token_of(crew.moderator)).get_json()
    [item] = queue["items"]
    assert item["post"]["id"] == held.id and item["status"] == "pending"
    assert [reason["code"] for reason in item["reasons"]] == ["first_posts"]
    assert item["author"]["username"] == "nadia"
    assert item["queued_at"].endswith("+00:00")


def test_approving_publishes_the_post_and_tells_its_author(app, client, crew, held, token_of,
                                                          inbox):
    item = item_of(app, held.id)
    response = decide(client, token_of(crew.moderator), item.id, action="approve")
    assert response.status_code == 200 and response.get_json()["status"] == "approved"
    assert post_of(app, held.id).visibility == Visibility.VISIBLE
    found = client.get("/search?q=quieter+earbud").get_data(as_text=True)
    assert "right earbud is quieter" in found
    with app.app_context():
        jobs.send_notification_emails()
    [message] = inbox.wait_for(1)
    assert message["To"] == "nadia@example.com"
    assert "approved your post" in message.get_body(("plain",)).get_content()


def test_rejecting_needs_a_reason_the_author_then_reads(app, client, crew, held, token_of,
                                                       sign_in):
    item = item_of(app, held.id)
    refused = decide(client, token_of(crew.moderator), item.id, action="reject")
    assert refused.status_code == 422 and "reason" in refused.get_json()["errors"]
    decide(client, token_of(crew.moderator), item.id, action="reject",
           reason="Please post this in the Warranty area with your order date.")
    post = post_of(app, held.id)
    assert post.visibility == Visibility.HIDDEN
    sign_in("nadia")
    thread = client.get(f"/t/{post.thread_id}/x", follow_redirects=True).get_data(as_text=True)
    assert "Removed by a moderator" in thread
    assert "Please post this in the Warranty area with your order date." in thread
    notes = client.get("/notifications").get_data(as_text=True)
    assert "A moderator removed your post" in notes and "Warranty area" in notes


def test_deleting_hides_a_post_even_from_its_author(app, client, crew, held, token_of, sign_in):
    decide(client, token_of(crew.moderator), item_of(app, held.id).id, action="delete")
    assert post_of(app, held.id).visibility == Visibility.DELETED
    sign_in("nadia")
    assert client.get(f"/t/{held.thread_id}/x").status_code == 404


def test_confirming_spam_teaches_the_classifier_and_tells_nobody(app, client, crew, held,
                                                                 token_of):
    decide(client, token_of(crew.moderator), item_of(app, held.id).id, action="spam")
    with app.app_context():
        example = db.session.get(SpamExample, held.id)
        assert example.is_spam and "quieter" in example.tokens.split("\n")
        assert db.session.scalars(select(Notification).where(
            Notification.user_id == crew.newcomer.id)).all() == []


def test_approving_teaches_the_classifier_that_it_is_not_spam(app, client, crew, held,
                                                              token_of):
    decide(client, token_of(crew.moderator), item_of(app, held.id).id, action="approve")
    with app.app_context():
        assert db.session.get(SpamExample, held.id).is_spam is False


def test_edit_and_approve_keeps_the_original_in_the_history(app, client, crew, held, token_of):
    decide(client, token_of(crew.moderator), item_of(app, held.id).id, action="edit_approve",
           body="The right earbud is much quieter than the left one (my phone number "
                "removed by a moderator).")
    post = post_of(app, held.id)
    assert post.visibility == Visibility.VISIBLE and "removed by a moderator" in post.body_source
    with app.app_context():
        assert "dry brush" in db.session.get(Post, held.id).revisions[0].body_source


def test_undo_within_ten_minutes_puts_everything_back(app, client, crew, held, token_of):
    headers = token_of(crew.moderator)
    decide(client, headers, item_of(app, held.id).id, action="spam")
    with app.app_context():
        decision_id = db.session.scalar(select(ReviewDecision.id))
    undone = client.post(f"/api/v1/moderation/decisions/{decision_id}/undo", headers=headers)
    assert undone.status_code == 200 and undone.get_json()["status"] == "pending"
    post = post_of(app, held.id)
    assert post.visibility == Visibility.PENDING
    assert "first posts are checked" in post.visibility_note
    with app.app_context():
        assert db.session.get(SpamExample, held.id) is None


def test_undo_after_ten_minutes_is_refused(app, client, crew, held, token_of):
    headers = token_of(crew.moderator)
    decide(client, headers, item_of(app, held.id).id, action="approve")
    with app.app_context():
        db.session.execute(update(ReviewDecision).values(
            undo_until=utcnow() - timedelta(seconds=1)))
        db.session.commit()
        decision_id = db.session.scalar(select(ReviewDecision.id))
    response = client.post(f"/api/v1/moderation/decisions/{decision_id}/undo", headers=headers)
    assert response.status_code == 409
    assert post_of(app, held.id).visibility == Visibility.VISIBLE


def test_nobody_decides_on_their_own_post(app, client, make, crew, token_of):
    thread = make.thread(crew.member, crew.area)
    from moderation import queue

    with app.app_context():
        post = db.session.get(Post, opening(app, thread).id)
        item_id = queue.item_for(post).id
        db.session.execute(update(ReviewItem).values(author_id=crew.moderator.id))
        db.session.commit()
    response = decide(client, token_of(crew.moderator), item_id, action="delete")
    assert response.status_code == 403
    assert "own posts" in response.get_json()["detail"]


def test_a_decision_made_meanwhile_is_a_conflict_not_a_surprise(app, client, crew, held,
                                                               token_of):
    item_id = item_of(app, held.id).id
    decide(client, token_of(crew.other_moderator), item_id, action="approve")
    late = decide(client, token_of(crew.moderator), item_id, action="reject",
                  reason="Off topic here.", seen_status="pending")
    assert late.status_code == 409
    assert post_of(app, held.id).visibility == Visibility.VISIBLE


def test_members_and_agents_cannot_see_or_work_the_queue(client, make, crew, held, token_of):
    from app.accounts.models import Role

    agent = make.user("agent", role=Role.AGENT)
    for user in (crew.member, agent):
        assert client.get("/api/v1/moderation/queue", headers=token_of(user)).status_code == 403
        assert decide(client, token_of(user), 1, action="approve").status_code in (403, 404)


def test_every_decision_is_in_the_audit_log_with_before_and_after(app, client, crew, held,
                                                                  token_of, sign_in):
    decide(client, token_of(crew.moderator), item_of(app, held.id).id, action="reject",
           reason="Duplicate of the pinned thread.")
    with app.app_context():
        entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "item.reject"))
        assert entry.actor_id == crew.moderator.id and entry.target_id == held.id
        assert '"pending"' in entry.before and '"hidden"' in entry.after
    sign_in("boss")
    page = client.get("/moderation/audit?action=item.").get_data(as_text=True)
    assert "item.reject" in page and "Duplicate of the pinned thread." in page


def test_the_queue_page_shows_its_health_and_filters(app, client, make, crew, held, sign_in):
    sign_in("mod")
    page = client.get("/moderation/").get_data(as_text=True)
    assert "Buds Lite right earbud is quieter" in page
    assert "New member\N{RIGHT SINGLE QUOTATION MARK}s first post" in page
    assert "Median time to a decision" in page
    empty = client.get("/moderation/?reason=flag").get_data(as_text=True)
    assert "Buds Lite right earbud is quieter" not in empty


def test_the_queue_is_ordered_by_score_then_age(app, client, make, crew, token_of):
    from app.screening import Reason
    from moderation import queue

    threads = [make.thread(crew.member, crew.area, title=f"Buds question number {n} here",
                           body=f"Body of question number {n}, long enough.") for n in range(3)]
    with app.app_context():
        for thread, score in zip(threads, (1.0, 5.0, 1.0), strict=True):
            post = db.session.scalar(select(Post).where(Post.thread_id == thread.id))
            queue.enqueue(post, [Reason("test", "", score)], kind="question")
        db.session.commit()
    listed = client.get("/api/v1/moderation/queue", headers=token_of(crew.moderator)).get_json()
    titles = [item["post"]["title"] for item in listed["items"]]
    assert titles == [threads[1].title, threads[0].title, threads[2].title]
    oldest = client.get("/api/v1/moderation/queue?sort=oldest",
                        headers=token_of(crew.moderator)).get_json()
    assert oldest["items"][0]["post"]["title"] == threads[0].title


def test_moderators_act_from_the_thread_page(app, client, make, crew, sign_in, post_form):
    thread = make.thread(crew.member, crew.area)
    reply = make.reply(crew.regular, thread, "Visit my shop for cheap replacement buds.")
    sign_in("mod")
    page = client.get(f"/t/{thread.id}/{thread.slug}").get_data(as_text=True)
    assert f'href="/moderation/posts/{reply.id}"' in page
    opened = client.get(f"/moderation/posts/{reply.id}")
    item_url = opened.headers["Location"]
    assert client.get(item_url).status_code == 200
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(ReviewItem).where(
            ReviewItem.status == ItemStatus.PENDING)) == 0
    response = post_form(item_url.replace("/items/", "/items/") + "/decision",
                         {"action": "reject", "reason": "Advertising.", "seen": "approved"},
                         form_page=item_url)
    assert response.status_code == 303
    assert post_of(app, reply.id).visibility == Visibility.HIDDEN
    assert make.get(Thread, thread.id).reply_count == 0


def test_a_rejected_post_can_be_restored_after_the_undo_window(app, client, crew, held,
                                                               token_of):
    headers = token_of(crew.moderator)
    item_id = item_of(app, held.id).id
    decide(client, headers, item_id, action="reject", reason="Wrong area.")
    with app.app_context():
        db.session.execute(update(ReviewDecision).values(
            undo_until=utcnow() - timedelta(seconds=1)))
        db.session.commit()
    restored = decide(client, token_of(crew.other_moderator), item_id, action="approve")
    assert restored.status_code == 200 and restored.get_json()["status"] == "approved"
    assert post_of(app, held.id).visibility == Visibility.VISIBLE
    assert post_of(app, held.id).visibility_note is None


def test_claiming_shows_who_is_on_an_item(app, client, crew, held, sign_in, post_form):
    item_id = item_of(app, held.id).id
    sign_in("mod")
    post_form(f"/moderation/items/{item_id}/claim", {}, form_page=f"/moderation/items/{item_id}")
    assert item_of(app, held.id).claimed_by_id == crew.moderator.id
    mine = client.get("/moderation/?claimed=mine").get_data(as_text=True)
    assert "claimed by mod" in mine
    assert "right earbud" not in client.get("/moderation/?claimed=unclaimed").get_data(
        as_text=True)


# --- edits, undo order ----------------------------------------------------------------


def test_edit_and_approve_on_a_decided_item_is_refused_before_anything_is_saved(
        app, client, crew, held, token_of):
    item_id = item_of(app, held.id).id
    decide(client, token_of(crew.moderator), item_id, action="approve")
    late = decide(client, token_of(crew.other_moderator), item_id, action="edit_approve",
                  body="A different text the second moderator wanted.", seen_status="pending")
    assert late.status_code == 409
    assert "dry brush" in post_of(app, held.id).body_source


def test_undoing_edit_and_approve_puts_the_authors_text_back(app, client, crew, held,
                                                             token_of):
    headers = token_of(crew.moderator)
    decide(client, headers, item_of(app, held.id).id, action="edit_approve",
           body="The right earbud is quieter (edited by a moderator).")
    with app.app_context():
        decision_id = db.session.scalar(select(ReviewDecision.id))
    client.post(f"/api/v1/moderation/decisions/{decision_id}/undo", headers=headers)
    post = post_of(app, held.id)
    assert "dry brush" in post.body_source and post.visibility == Visibility.PENDING


def test_rejecting_an_edit_sets_the_post_back_to_what_readers_saw(app, client, make, crew,
                                                                  token_of, sign_in):
    from community import services
    from moderation import watched
    from moderation.models import WordAction

    thread = make.thread(crew.member, crew.area)
    answer = make.reply(crew.regular, thread, "Reset the case: hold the button 15 seconds.")
    with app.app_context():
        watched.add("casino", WordAction.REQUIRE_APPROVAL, is_regex=False,
                    by=db.session.get(type(crew.moderator), crew.moderator.id))
        services.edit_post(db.session.get(type(crew.regular), crew.regular.id),
                           db.session.get(Post, answer.id),
                           "Reset the case, then visit my casino for a bonus.")
    assert post_of(app, answer.id).visibility == Visibility.PENDING
    decide(client, token_of(crew.moderator), item_of(app, answer.id).id, action="reject",
           reason="No advertising, please.")
    post = post_of(app, answer.id)
    assert post.visibility == Visibility.VISIBLE and "casino" not in post.body_source
    assert make.get(Thread, thread.id).reply_count == 1
    sign_in("kestrel")
    notes = client.get("/notifications").get_data(as_text=True)
    assert "did not accept your edit" in notes and "No advertising, please." in notes


def test_only_the_latest_decision_can_be_undone_and_only_once(app, client, crew, held,
                                                              token_of):
    item_id = item_of(app, held.id).id
    decide(client, token_of(crew.moderator), item_id, action="approve")
    decide(client, token_of(crew.other_moderator), item_id, action="reject",
           reason="Second thoughts: wrong area.")
    with app.app_context():
        first, second = db.session.scalars(select(ReviewDecision.id)
                                           .order_by(ReviewDecision.id)).all()
    headers = token_of(crew.moderator)
    assert client.post(f"/api/v1/moderation/decisions/{first}/undo",
                       headers=headers).status_code == 409
    assert client.post(f"/api/v1/moderation/decisions/{second}/undo",
                       headers=headers).status_code == 200
    assert client.post(f"/api/v1/moderation/decisions/{second}/undo",
                       headers=headers).status_code == 409
    assert post_of(app, held.id).visibility == Visibility.VISIBLE


def test_nobody_undoes_a_decision_on_their_own_post(app, client, make, crew, token_of):
    from app.accounts.models import Role

    writer = make.user("modwriter", role=Role.MODERATOR)
    thread = make.thread(writer, crew.area)
    from moderation import decisions, queue

    with app.app_context():
        post = db.session.get(Post, opening(app, thread).id)
        item = queue.item_for(post)
        decisions.decide(db.session.get(type(crew.moderator), crew.moderator.id), item,
                         decisions.DecisionAction.DELETE)
        decision_id = db.session.scalar(select(ReviewDecision.id))
    response = client.post(f"/api/v1/moderation/decisions/{decision_id}/undo",
                           headers=token_of(writer))
    assert response.status_code == 403


def test_a_held_reply_rejected_then_restored_is_told_to_followers_once(app, client, make, crew,
                                                                      token_of, inbox):
    thread = make.thread(crew.member, crew.area)
    held_reply = make.reply(crew.newcomer, thread, "Try resetting the case for ten seconds.")
    headers = token_of(crew.moderator)
    item_id = item_of(app, held_reply.id).id
    decide(client, headers, item_id, action="reject", reason="Please add detail.")
    decide(client, token_of(crew.other_moderator), item_id, action="approve")
    with app.app_context():
        jobs.send_notification_emails()
    to_asker = [m for m in inbox.wait_for(3) if m["To"] == "maren@example.com"]
    assert len(to_asker) == 1
