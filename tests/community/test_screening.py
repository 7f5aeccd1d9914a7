"""The screening gate as the community uses it (``app.screening``).

A screen registered for the test stands in for moderation here, so these tests check the
community's half of the contract: what a verdict does to the post that is written, and
that a held or hidden post is never indexed, listed, e-mailed, cached or served to anyone
but its author and staff.
"""

import pytest
from sqlalchemy import select

from app import events, screening
from app.extensions import db
from app.screening import Action, Reason, Verdict
from community import jobs, visibility
from community.models import MemberProfile, Notification, Post, Thread, Visibility
from tests.factories import PASSWORD


class Gate:
    """A screen that answers what the test says, and remembers what it kept."""

    def __init__(self) -> None:
        self.action = Action.PUBLISH
        self.kept: list[tuple[str, int]] = []
        self.seen: list[screening.Submission] = []

    def screen(self, submission):
        self.seen.append(submission)
        if self.action == Action.PUBLISH:
            return None
        if self.action == Action.REFUSE:
            return Verdict(Action.REFUSE, message="Wait 30 seconds.", status=429,
                           retry_after=30, concerns="body")
        return Verdict(self.action, reasons=[Reason("test_rule", "said so", 1.0)],
                       message="A moderator checks new members' first posts.")

    def keep(self, verdict, submission, post_id):
        self.kept.append((verdict.action.label, post_id))


@pytest.fixture
def gate(app):
    gate = Gate()
    screening.register(app, gate.screen, gate.keep)
    return gate


def sign_in(post_form, username):
    assert post_form("/sign-in", {"login": username, "password": PASSWORD}).status_code == 302


def publish(app, post_id, visibility_=Visibility.VISIBLE):
    """What a moderator's decision does on the community's side (moderation calls this)."""
    with app.app_context():
        post = db.session.get(Post, post_id)
        change = visibility.change(post, visibility_)
        db.session.commit()
        events.notify(visibility.signal_for(change), post, previous=change.previous,
                      first=change.first_publication, by=None, reason="test")


def opening_id(app, thread) -> int:
    with app.app_context():
        return db.session.scalar(select(Post.id).where(Post.thread_id == thread.id,
                                                       Post.is_opening.is_(True)))


def searched(client, words):
    return client.get(f"/search?q={words}").get_data(as_text=True)


def test_with_no_screen_registered_every_post_is_published(app, make, people, monkeypatch):
    monkeypatch.setitem(app.extensions, "peerdesk_screens", [])
    with app.app_context():
        assert screening.screen(screening.Submission(
            kind="reply", author=None, body="x", html="x")).action == Action.PUBLISH
    thread = make.thread(people.asker)
    assert make.get(Post, opening_id(app, thread)).visibility == Visibility.VISIBLE


def test_the_screen_sees_the_text_as_it_would_be_stored(app, make, people, gate):
    make.thread(people.asker, title="Buds Pro echo on Teams calls",
                body="Callers hear themselves.\r\nSince update 3.2.")
    [seen] = gate.seen
    assert (seen.kind, seen.title, seen.source) == ("question", "Buds Pro echo on Teams calls",
                                                    "web")
    assert seen.body == "Callers hear themselves.\nSince update 3.2."
    assert "<p>Callers hear themselves." in seen.html


def test_a_held_question_is_written_pending_with_its_queue_row(app, make, people, gate):
    gate.action = Action.HOLD
    thread = make.thread(people.asker, title="Buds Pro echo on Teams calls")
    post = make.get(Post, opening_id(app, thread))
    assert post.visibility == Visibility.PENDING
    assert post.visibility_note == "A moderator checks new members' first posts."
    assert gate.kept == [("hold", post.id)]


def test_a_refusal_writes_nothing_and_says_when_to_try_again(app, client, make, people, gate):
    make.category("Earbuds")
    gate.action = Action.REFUSE
    token = make.api_token(people.asker)
    response = client.post("/api/v1/threads", headers={"Authorization": f"Bearer {token}"},
                           json={"category": "earbuds", "title": "Buds Pro echo on Teams calls",
                                 "body": "Callers hear themselves since update 3.2."})
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) >= 30
    assert response.get_json()["errors"] == {"body": ["Wait 30 seconds."]}
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(Thread)) == 0
    assert gate.kept == []


def test_a_held_question_is_nowhere_until_published(app, client, make, people, gate):
    gate.action = Action.HOLD
    thread = make.thread(people.asker, title="Buds Pro echo on Teams calls")
    url = f"/t/{thread.id}/{thread.slug}"
    assert client.get(url).status_code == 404
    assert thread.title not in client.get("/").get_data(as_text=True)
    assert "Buds Pro echo" not in searched(client, "echo teams calls")
    publish(app, opening_id(app, thread))
    assert client.get(url).status_code == 200
    assert "Buds Pro echo" in searched(client, "echo teams calls")


def test_the_author_sees_their_held_post_and_why(app, client, make, people, gate, post_form):
    gate.action = Action.HOLD
    thread = make.thread(people.asker, title="Buds Pro echo on Teams calls")
    sign_in(post_form, "asker")
    html = client.get(f"/t/{thread.id}/{thread.slug}").get_data(as_text=True)
    assert "Waiting for a moderator" in html
    assert "A moderator checks new members&#39; first posts." in html


def test_a_held_reply_does_not_count_or_notify_until_published(app, make, people, question,
                                                              gate, inbox):
    gate.action = Action.HOLD
    reply = make.reply(people.helper, question, "Reset the case: hold the button 15 seconds.")
    thread = make.get(Thread, question.id)
    assert (thread.reply_count, thread.answered_at) == (0, None)
    with app.app_context():
        jobs.send_notification_emails()
    assert inbox.wait_for(1, timeout=0.5) == []
    publish(app, reply.id)
    thread = make.get(Thread, question.id)
    assert thread.reply_count == 1 and thread.answered_at is not None
    with app.app_context():
        jobs.send_notification_emails()
    assert [message["To"] for message in inbox.wait_for(1)] == ["asker@example.com"]


def test_an_edit_the_gate_holds_takes_the_post_back_to_pending(app, client, make, people,
                                                               question, gate):
    from community import services

    reply = make.reply(people.helper, question, "Reset the case: hold the button 15 seconds.")
    gate.action = Action.HOLD
    with app.app_context():
        services.edit_post(db.session.get(type(people.helper), people.helper.id),
                           db.session.get(Post, reply.id),
                           "Buy cheap replacement buds at my shop, link in profile.")
    assert make.get(Post, reply.id).visibility == Visibility.PENDING
    assert make.get(Thread, question.id).reply_count == 0
    page = client.get(f"/t/{question.id}/{question.slug}").get_data(as_text=True)
    assert "cheap replacement" not in page and "hold the button" not in page


def test_hiding_a_post_takes_it_out_of_search_and_the_cached_page(app, client, make, people,
                                                                 question):
    reply = make.reply(people.helper, question, "Use the xylophone firmware trick to fix it.")
    url = f"/t/{question.id}/{question.slug}"
    assert "xylophone" in client.get(url).get_data(as_text=True)  # now cached
    assert question.title in searched(client, "xylophone")
    publish(app, reply.id, Visibility.HIDDEN)
    assert "xylophone" not in client.get(url).get_data(as_text=True)
    assert question.title not in searched(client, "xylophone")


def test_a_hidden_reply_is_not_emailed_if_the_job_had_not_sent_it_yet(app, make, people,
                                                                      question, inbox):
    reply = make.reply(people.helper, question, "Visit my shop for cheap buds.")
    publish(app, reply.id, Visibility.HIDDEN)
    with app.app_context():
        jobs.send_notification_emails()
        assert db.session.scalars(select(Notification)).all() == []
    assert inbox.wait_for(1, timeout=0.5) == []


def test_reputation_earned_on_a_hidden_post_is_taken_back_and_given_back(app, make, people,
                                                                        question):
    reply = make.reply(people.helper, question)
    make.act("vote_helpful", people.other, reply)
    make.act("accept", people.asker, reply)

    def points():
        return make.get(MemberProfile, people.helper.id).reputation

    assert points() == 25
    publish(app, reply.id, Visibility.HIDDEN)
    assert points() == 0
    publish(app, reply.id, Visibility.VISIBLE)
    assert points() == 25


def test_the_api_shows_a_hidden_post_to_its_author_and_staff_only(app, client, make, people,
                                                                  question):
    reply = make.reply(people.helper, question, "Visit my shop for cheap buds.")
    publish(app, reply.id, Visibility.HIDDEN)

    def post_ids(user):
        token = make.api_token(user)
        thread = client.get(f"/api/v1/threads/{question.id}",
                            headers={"Authorization": f"Bearer {token}"}).get_json()
        return [post["id"] for post in thread["posts"]]

    assert reply.id not in post_ids(people.other)
    assert reply.id in post_ids(people.helper)
    assert reply.id in post_ids(people.moderator)
