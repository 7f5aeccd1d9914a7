"""Held and hidden content: who sees it, and that nobody acts on what they cannot see."""

import pytest

from app.extensions import db
from community.models import Post, Thread, ThreadStatus, Visibility
from community.services import CommunityError
from tests.factories import PASSWORD


def set_visibility(app, post_id, visibility):
    with app.app_context():
        db.session.get(Post, post_id).visibility = visibility
        db.session.commit()


def opening_of(app, thread) -> int:
    with app.app_context():
        return db.session.scalar(db.select(Post.id).where(Post.thread_id == thread.id,
                                                          Post.is_opening.is_(True)))


def sign_in(post_form, username):
    assert post_form("/sign-in", {"login": username, "password": PASSWORD}).status_code == 302


@pytest.fixture
def held_question(app, question):
    set_visibility(app, opening_of(app, question), Visibility.PENDING)
    return question


def test_a_held_question_is_not_listed(app, client, make, held_question):
    from community.models import Category

    slug = make.get(Category, make.get(Thread, held_question.id).category_id).slug
    assert held_question.title not in client.get("/").get_data(as_text=True)
    listed = client.get(f"/c/{slug}?list=newest")
    assert listed.status_code == 200
    assert held_question.title not in listed.get_data(as_text=True)


def test_a_held_question_is_404_for_others_but_visible_to_its_author(client, post_form,
                                                                    held_question):
    url = f"/t/{held_question.id}/{held_question.slug}"
    assert client.get(url).status_code == 404
    sign_in(post_form, "asker")
    page = client.get(url).get_data(as_text=True)
    assert "Waiting for a moderator" in page


@pytest.mark.parametrize("action", ["reply", "me_too"])
def test_nobody_acts_on_a_thread_they_cannot_see(app, make, people, held_question, action):
    with pytest.raises(CommunityError) as caught:
        if action == "reply":
            make.reply(people.helper, held_question, "Replying to something I cannot see.")
        else:
            make.act("me_too", people.other, held_question)
    assert caught.value.status == 404
    assert make.get(Thread, held_question.id).reply_count == 0


def test_revisions_of_a_hidden_post_are_404(app, client, make, people, question):
    answer = make.reply(people.helper, question, "Something the moderators hid later.")
    set_visibility(app, answer.id, Visibility.HIDDEN)
    assert client.get(f"/posts/{answer.id}/revisions").status_code == 404


def test_staff_see_hidden_posts_marked_as_such(app, client, make, people, question,
                                               post_form):
    answer = make.reply(people.helper, question, "Something the moderators hid later.")
    set_visibility(app, answer.id, Visibility.HIDDEN)
    sign_in(post_form, "mod")
    html = client.get(f"/t/{question.id}/{question.slug}").get_data(as_text=True)
    assert "moderators hid later" in html and "post-hidden" in html


@pytest.mark.parametrize("service", ["vote_helpful", "accept"])
def test_archived_threads_are_read_only(app, make, people, question, service):
    answer = make.reply(people.helper, question)
    with app.app_context():
        db.session.get(Thread, question.id).status = ThreadStatus.ARCHIVED
        db.session.commit()
    actor = people.other if service == "vote_helpful" else people.asker
    with pytest.raises(CommunityError) as caught:
        make.act(service, actor, answer)
    assert caught.value.status == 409


def test_editing_in_an_archived_thread_is_refused(app, make, people, question):
    from community import services

    with app.app_context():
        thread = db.session.get(Thread, question.id)
        thread.status = ThreadStatus.ARCHIVED
        db.session.commit()
        with pytest.raises(CommunityError):
            services.edit_post(db.session.get(type(people.asker), people.asker.id),
                               thread.posts[0], "Trying to change an archived question.")
