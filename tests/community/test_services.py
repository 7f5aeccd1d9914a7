"""Forum use cases through the services, with the bad inputs the rules refuse."""

import pytest
from sqlalchemy import func, select

from app import events
from app.extensions import db
from community import services, tags
from community.models import (
    MemberProfile,
    Notification,
    Post,
    PostRevision,
    Subscription,
    Thread,
    ThreadKind,
    ThreadStatus,
)


def reputation(app, user) -> int:
    with app.app_context():
        profile = db.session.get(MemberProfile, user.id)
        return profile.reputation if profile else 0


def notifications_of(app, user) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(
            select(Notification.kind).where(Notification.user_id == user.id)))


def refused(make, service_name, user, target) -> services.CommunityError:
    with pytest.raises(services.CommunityError) as caught:
        make.act(service_name, user, target)
    return caught.value


# --- asking ---------------------------------------------------------------------------


def test_asking_creates_the_thread_its_question_and_a_subscription(app, make, people):
    thread = make.thread(people.asker, title="Buds Pro will not pair with my Pixel 8")
    with app.app_context():
        stored = db.session.get(Thread, thread.id)
        assert stored.posts[0].is_opening
        assert stored.slug == "buds-pro-will-not-pair-with-my-pixel-8"
        assert stored.category.thread_count == 1
        assert db.session.get(Subscription, (thread.id, people.asker.id)) is not None


@pytest.mark.parametrize("title, body, field", [
    ("Too short", "This body is long enough to pass the rule.", "title"),
    ("x" * 151, "This body is long enough to pass the rule.", "title"),
    ("A perfectly fine title here", "short body", "body"),
    ("A perfectly fine title here", "x" * 20_001, "body"),
])
def test_asking_refuses_bad_titles_and_bodies(app, make, people, title, body, field):
    with pytest.raises(services.CommunityError) as caught:
        make.thread(people.asker, title=title, body=body)
    assert caught.value.field == field
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Thread)) == 0


def test_the_same_text_twice_within_five_minutes_is_refused(app, make, people, question):
    make.reply(people.helper, question, "Hold the case button for 15 seconds to reset it.")
    with pytest.raises(services.CommunityError) as caught:
        make.reply(people.helper, question, "Hold the case button for 15 seconds to reset it.")
    assert caught.value.status == 409
    with app.app_context():
        assert db.session.get(Thread, question.id).reply_count == 1


def test_too_many_tags_are_refused(make, people):
    with pytest.raises(services.CommunityError) as caught:
        make.thread(people.asker, tags=["a1", "b2", "c3", "d4", "e5", "f6"])
    assert caught.value.field == "tags"


# --- replying -------------------------------------------------------------------------


def test_a_reply_notifies_the_asker_and_followers_but_not_its_author(app, make, people,
                                                                      question):
    make.reply(people.other, question)
    make.reply(people.helper, question)
    assert notifications_of(app, people.asker) == ["answer_posted", "answer_posted"]
    assert notifications_of(app, people.other) == ["reply_posted"]
    assert notifications_of(app, people.helper) == []


@pytest.mark.parametrize("status", [ThreadStatus.CLOSED, ThreadStatus.ARCHIVED])
def test_replies_to_closed_or_archived_threads_are_refused(app, make, people, question,
                                                           status):
    with app.app_context():
        db.session.get(Thread, question.id).status = status
        db.session.commit()
    with pytest.raises(services.CommunityError):
        make.reply(people.helper, question)
    with app.app_context():
        assert db.session.get(Thread, question.id).reply_count == 0


# --- voting and "me too" ----------------------------------------------------------------


def test_a_helpful_vote_counts_once_and_gives_ten_points(app, make, people, question):
    answer = make.reply(people.helper, question)
    make.act("vote_helpful", people.other, answer)
    make.act("vote_helpful", people.other, answer)
    assert make.get(Post, answer.id).helpful_count == 1
    assert reputation(app, people.helper) == 10


def test_taking_a_vote_back_takes_the_points_back(app, make, people, question):
    answer = make.reply(people.helper, question)
    make.act("vote_helpful", people.other, answer)
    make.act("unvote_helpful", people.other, answer)
    assert make.get(Post, answer.id).helpful_count == 0
    assert reputation(app, people.helper) == 0


def test_voting_on_your_own_post_is_refused(app, make, people, question):
    answer = make.reply(people.helper, question)
    error = refused(make, "vote_helpful", people.helper, answer)
    assert error.status == 403 and "own post" in error.message
    assert reputation(app, people.helper) == 0


def test_me_too_counts_once_and_follows_the_thread(app, make, people, question):
    make.act("me_too", people.other, question)
    make.act("me_too", people.other, question)
    assert make.get(Thread, question.id).me_too_count == 1
    with app.app_context():
        assert db.session.get(Subscription, (question.id, people.other.id)) is not None


def test_the_asker_cannot_say_me_too(make, people, question):
    assert refused(make, "me_too", people.asker, question).status == 403


# --- accepting --------------------------------------------------------------------------


def test_the_asker_accepts_an_answer(app, make, people, question):
    answer = make.reply(people.helper, question)
    make.act("accept", people.asker, answer)
    thread = make.get(Thread, question.id)
    assert thread.status == ThreadStatus.SOLVED and thread.accepted_post_id == answer.id
    assert reputation(app, people.helper) == 15
    assert notifications_of(app, people.helper) == ["answer_accepted"]


def test_a_moderator_may_accept_on_someone_elses_question(make, people, question):
    answer = make.reply(people.helper, question)
    make.act("accept", people.moderator, answer)
    assert make.get(Thread, question.id).accepted_post_id == answer.id


def test_another_member_may_not_accept(app, make, people, question):
    answer = make.reply(people.helper, question)
    assert refused(make, "accept", people.other, answer).status == 403
    assert make.get(Thread, question.id).accepted_post_id is None
    assert reputation(app, people.helper) == 0


def test_accepting_another_answer_moves_the_points(app, make, people, question):
    first = make.reply(people.helper, question)
    second = make.reply(people.other, question)
    make.act("accept", people.asker, first)
    make.act("accept", people.asker, second)
    assert make.get(Thread, question.id).accepted_post_id == second.id
    assert (reputation(app, people.helper), reputation(app, people.other)) == (0, 15)


def test_unaccepting_reopens_the_question_and_takes_the_points_back(app, make, people,
                                                                    question):
    answer = make.reply(people.helper, question)
    make.act("accept", people.asker, answer)
    make.act("unaccept", people.asker, answer)
    thread = make.get(Thread, question.id)
    assert thread.status == ThreadStatus.OPEN and thread.accepted_post_id is None
    assert reputation(app, people.helper) == 0


def test_the_asker_may_accept_their_own_answer_without_points(app, make, people, question):
    own = make.reply(people.asker, question, "Found it myself: a firmware reset fixed it.")
    make.act("accept", people.asker, own)
    assert make.get(Thread, question.id).accepted_post_id == own.id
    assert reputation(app, people.asker) == 0


def test_answers_in_a_discussion_cannot_be_accepted(make, people):
    talk = make.thread(people.asker, title="Show us your desk setup with Lumio gear",
                       kind=ThreadKind.DISCUSSION)
    answer = make.reply(people.helper, talk)
    assert refused(make, "accept", people.asker, answer).status == 422


def test_unaccepting_an_answer_that_is_not_accepted_is_a_conflict(make, people, question):
    answer = make.reply(people.helper, question)
    assert refused(make, "unaccept", people.asker, answer).status == 409


# --- editing ------------------------------------------------------------------------------


def test_editing_keeps_the_previous_text_as_a_revision(app, make, people, question):
    with app.app_context():
        post = db.session.get(Thread, question.id).posts[0]
        services.edit_post(db.session.get(type(people.asker), people.asker.id), post,
                           "New details: it happens only with the left earbud.",
                           title="Buds Pro left earbud stops charging in the case")
        revision = db.session.scalar(select(PostRevision))
        assert revision.title == "Buds Pro left earbud will not charge"
        assert post.thread.slug == "buds-pro-left-earbud-stops-charging-in-the-case"
        assert post.edited_at is not None


def test_members_cannot_edit_other_peoples_posts(app, make, people, question):
    with app.app_context(), pytest.raises(services.NotAllowed):
        post = db.session.get(Thread, question.id).posts[0]
        services.edit_post(db.session.get(type(people.other), people.other.id), post,
                           "Vandalised text that is long enough.")


# --- events --------------------------------------------------------------------------------


def test_events_are_sent_after_commit(app, make, people):
    seen = []

    def receiver(sender, **data):
        with db.engine.connect() as connection:  # another connection sees committed rows
            seen.append(connection.scalar(select(func.count()).select_from(Thread)))

    with events.question_asked.connected_to(receiver):
        make.thread(people.asker)
    assert seen == [1]


@pytest.mark.parametrize("raw, name", [
    ("Wi-Fi 6", "wi-fi-6"), ("  Battery ", "battery"), ("Батарея", "батарея"),
    ("batteria scarica!", "batteria-scarica"),
])
def test_tag_names_are_normalised_in_any_script(raw, name):
    assert tags.tag_name(raw) == name
