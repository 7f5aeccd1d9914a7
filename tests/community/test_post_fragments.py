"""Each post's head and body are rendered once per thread version and shared by every
viewer (community/page_cache.py); what depends on the viewer is never shared."""

from app.extensions import db
from community import services
from community.models import Post, Thread
from tests.community.test_thread_page import sign_in, thread_url


def edit(app, author, post, body: str) -> None:
    from app.accounts.models import User

    with app.app_context():
        services.edit_post(db.session.get(User, author.id), db.session.get(Post, post.id), body)


def test_a_member_gets_their_own_buttons_on_posts_a_visitor_rendered_first(
        client, make, people, question, post_form):
    make.reply(people.helper, question, "Hold the case button for fifteen seconds.")
    client.get(thread_url(question))  # a signed-out visitor renders every post
    sign_in(post_form, "other")
    html = client.get(thread_url(question)).get_data(as_text=True)
    assert "fifteen seconds" in html
    assert 'aria-pressed="false">Helpful</button>' in html


def test_an_edit_reaches_members_at_once(app, client, make, people, question, post_form):
    answer = make.reply(people.helper, question, "Hold the case button for fifteen seconds.")
    sign_in(post_form, "other")
    client.get(thread_url(question))
    edit(app, people.helper, answer, "Hold the case button for thirty seconds instead.")
    html = client.get(thread_url(question)).get_data(as_text=True)
    assert "thirty seconds" in html and "fifteen seconds" not in html


def test_only_who_may_edit_gets_the_link_to_the_revisions(app, client, make, people, question,
                                                          post_form):
    answer = make.reply(people.helper, question, "Hold the case button for fifteen seconds.")
    edit(app, people.helper, answer, "Hold the case button for thirty seconds instead.")
    revisions = f'/posts/{answer.id}/revisions"'
    sign_in(post_form, "other")
    assert revisions not in client.get(thread_url(question)).get_data(as_text=True)
    client.post("/sign-out", data={"csrf_token": _token(client)})
    sign_in(post_form, "helper")
    assert revisions in client.get(thread_url(question)).get_data(as_text=True)


def test_a_members_page_shows_posts_nobody_has_rendered_yet(app, client, make, people,
                                                            question, post_form):
    for number in range(3):
        make.reply(people.helper, question, f"Answer number {number} about the case.")
    sign_in(post_form, "other")
    with app.app_context():
        db.session.execute(Thread.__table__.update().values(version=Thread.version + 1))
        db.session.commit()  # a new version: nothing kept for it yet
    html = client.get(thread_url(question)).get_data(as_text=True)
    assert all(f"Answer number {number}" in html for number in range(3))


def _token(client) -> str:
    from tests.conftest import csrf_token_from

    return csrf_token_from(client.get("/notifications").get_data(as_text=True))


def test_a_new_moderation_note_on_a_hidden_post_reaches_its_author(app, client, make,
                                                                   people, question,
                                                                   post_form):
    from community import visibility
    from community.models import Visibility

    answer = make.reply(people.helper, question, "Buy replica earbuds at spam.example")
    with app.app_context():
        visibility.change(db.session.get(Post, answer.id), Visibility.HIDDEN, "Flagged")
        db.session.commit()
    sign_in(post_form, "helper")
    assert "Flagged" in client.get(thread_url(question)).get_data(as_text=True)
    with app.app_context():
        visibility.change(db.session.get(Post, answer.id), Visibility.HIDDEN,
                          "Removed as advertising")
        db.session.commit()
    assert "Removed as advertising" in client.get(thread_url(question)).get_data(as_text=True)


def test_a_link_with_a_tracking_query_reuses_the_kept_posts(app, client, make, people,
                                                            question, post_form):
    from tests.community.test_thread_page import StatementCounter

    make.reply(people.helper, question, "Hold the case button for fifteen seconds.")
    sign_in(post_form, "other")
    with app.app_context():
        engine = db.engine
    counts = []
    for url in (thread_url(question), thread_url(question),
                thread_url(question) + "?utm_source=newsletter"):
        with StatementCounter(engine) as counter:
            assert client.get(url).status_code == 200
        counts.append(counter.count)
    assert counts[2] == counts[1] < counts[0]  # no post's HTML or author read again
