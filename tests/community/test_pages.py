"""Forum pages through the web: asking, lists, buttons with and without JavaScript."""

import pytest

from app.extensions import db
from community.models import EmailMode, MemberProfile, Post, Thread
from tests.conftest import csrf_token_from
from tests.factories import PASSWORD


def sign_in(post_form, username):
    assert post_form("/sign-in", {"login": username, "password": PASSWORD}).status_code == 302


@pytest.fixture
def earbuds(make):
    return make.category("Earbuds", description="Buds Pro and Buds Lite")


def ask(post_form, category, **changes):
    data = {"title": "Buds Lite crackle on calls since update 3.2",
            "category": str(category.id) if category else "", "kind": "question",
            "body": "Since the update my callers hear crackling. Music is fine.",
            "tags": "calls, firmware", **changes}
    return post_form("/ask", data)


def test_a_member_asks_through_the_form(app, make, post_form, earbuds):
    make.user("ann")
    sign_in(post_form, "ann")
    response = ask(post_form, earbuds)
    assert response.status_code == 302
    with app.app_context():
        thread = db.session.scalar(db.select(Thread))
        assert response.headers["Location"] == f"/t/{thread.id}/{thread.slug}"
        assert [tag.name for tag in thread.tags] == ["calls", "firmware"]


def test_ask_shows_every_mistake_next_to_its_field(make, post_form, earbuds):
    make.user("ann")
    sign_in(post_form, "ann")
    html = ask(post_form, earbuds, title="Help", body="broken").get_data(as_text=True)
    assert 'id="title-error"' in html and 'id="body-error"' in html


def test_asking_needs_an_account(client):
    assert client.get("/ask").headers["Location"].startswith("/sign-in")


def test_category_lists(client, make, people, earbuds):
    unanswered = make.thread(people.asker, earbuds, title="Case lid does not close fully")
    solved = make.thread(people.asker, earbuds, title="Buds Pro disconnect from my laptop")
    answer = make.reply(people.helper, solved)
    make.act("accept", people.asker, answer)
    lists = {name: client.get(f"/c/earbuds?list={name}").get_data(as_text=True)
             for name in ("attention", "unanswered", "solved", "newest")}
    assert unanswered.title in lists["unanswered"] and solved.title not in lists["unanswered"]
    assert solved.title in lists["solved"] and unanswered.title not in lists["solved"]
    assert unanswered.title in lists["attention"] and solved.title not in lists["attention"]
    assert unanswered.title in lists["newest"] and solved.title in lists["newest"]


def test_needs_attention_includes_questions_where_the_asker_spoke_last(client, make, people,
                                                                       earbuds):
    thread = make.thread(people.asker, earbuds, title="Buds Pro battery drains overnight")
    make.reply(people.helper, thread, "Is the case lid fully closed at night?")
    assert thread.title not in client.get("/c/earbuds?list=attention").get_data(as_text=True)
    make.reply(people.asker, thread, "Yes, it is closed. Still drains to zero by morning.")
    assert thread.title in client.get("/c/earbuds?list=attention").get_data(as_text=True)


def test_an_unknown_list_or_category_is_404(client, earbuds):
    assert client.get("/c/earbuds?list=everything").status_code == 404
    assert client.get("/c/nothing").status_code == 404


def test_category_pages_are_paginated(client, make, people, earbuds):
    for number in range(23):
        make.thread(people.asker, earbuds, title=f"Question {number:02d} about the case hinge")
    first = client.get("/c/earbuds?list=newest").get_data(as_text=True)
    second = client.get("/c/earbuds?list=newest&page=2").get_data(as_text=True)
    assert "Page 1 of 2" in first and "Question 22" in first and "Question 02" in second


def test_home_shows_categories_and_the_unanswered_count(client, make, people, earbuds):
    make.thread(people.asker, earbuds, title="Lid magnet too weak on my case")
    html = client.get("/").get_data(as_text=True)
    assert "Earbuds" in html and "Lid magnet too weak" in html
    assert "1 question asked in the last 24 hours is still unanswered." in html


def test_vote_with_javascript_answers_json(client, make, people, question, post_form):
    answer = make.reply(people.helper, question)
    sign_in(post_form, "other")
    csrf = csrf_token_from(client.get(f"/t/{question.id}/{question.slug}").get_data(
        as_text=True))
    response = client.post(f"/posts/{answer.id}/vote", data={"csrf_token": csrf},
                           headers={"Accept": "application/json"})
    assert response.status_code == 200
    assert response.get_json()["count_text"] == "1 found this helpful"


def test_vote_without_javascript_redirects_back_to_the_answer(client, make, people, question,
                                                              post_form):
    answer = make.reply(people.helper, question)
    sign_in(post_form, "other")
    response = post_form(f"/posts/{answer.id}/vote", {},
                         form_page=f"/t/{question.id}/{question.slug}")
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"#post-{answer.id}")


def test_voting_on_your_own_answer_is_refused_in_json(client, make, people, question,
                                                       post_form):
    answer = make.reply(people.helper, question)
    sign_in(post_form, "helper")
    csrf = csrf_token_from(client.get("/notifications").get_data(as_text=True))
    response = client.post(f"/posts/{answer.id}/vote", data={"csrf_token": csrf},
                           headers={"Accept": "application/json"})
    assert response.status_code == 403
    assert "own post" in response.get_json()["message"]


def test_edit_page_keeps_history(client, make, people, question, post_form):
    sign_in(post_form, "asker")
    with client.application.app_context():
        opening = db.session.scalar(db.select(Post).where(Post.thread_id == question.id))
    response = post_form(f"/posts/{opening.id}/edit", {
        "title": "Buds Pro left earbud will not charge in the case",
        "body": "Update: the right one charges fine, only the left is dead."})
    assert response.status_code == 302
    history = client.get(f"/posts/{opening.id}/revisions").get_data(as_text=True)
    assert "Before the edit by asker" in history


def test_unsubscribe_link_works_without_signing_in(app, client, make, people):
    from community.notifications import unsubscribe_url

    with app.app_context():
        url = unsubscribe_url(db.session.get(type(people.asker), people.asker.id))
    path = url.replace("http://localhost", "")
    page = client.get(path).get_data(as_text=True)
    assert "Stop e-mails" in page
    token = csrf_token_from(page)
    assert "E-mails stopped" in client.post(path, data={"csrf_token": token}).get_data(
        as_text=True)
    with app.app_context():
        assert db.session.get(MemberProfile, people.asker.id).email_mode == EmailMode.OFF


def test_a_forged_unsubscribe_token_is_404(client):
    assert client.get("/unsubscribe/not-a-token").status_code == 404


def test_a_refused_reply_keeps_the_text_and_says_why(client, make, people, question,
                                                     post_form):
    sign_in(post_form, "helper")
    response = post_form(f"/t/{question.id}/reply", {"body": "Too short."},
                         form_page=f"/t/{question.id}/{question.slug}")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Too short." in html and 'id="body-error"' in html


@pytest.mark.parametrize("page", ["0", "abc", "99999999999999999999"])
def test_impossible_page_numbers_are_404(client, earbuds, page):
    assert client.get(f"/c/earbuds?page={page}").status_code == 404


def test_asking_without_any_product_area_says_so(make, client, post_form):
    make.user("ann")
    sign_in(post_form, "ann")
    html = client.get("/ask").get_data(as_text=True)
    assert "no product areas to ask in yet" in html


def test_a_profile_lists_questions_answers_and_accepted_answers(client, make, people,
                                                                question):
    answer = make.reply(people.helper, question, "Reset the case for fifteen seconds.")
    make.act("accept", people.asker, answer)
    html = client.get("/u/helper").get_data(as_text=True)
    assert html.count(question.title) == 2  # under answers and under accepted answers
    assert "15" in html  # reputation


def test_the_header_shows_the_unread_count_until_the_thread_is_read(client, make, people,
                                                                    question, post_form):
    make.reply(people.helper, question, "Reset the case for fifteen seconds.")
    sign_in(post_form, "asker")
    assert '<span class="count-badge">1</span>' in client.get("/").get_data(as_text=True)
    client.get(f"/t/{question.id}/{question.slug}")
    assert "count-badge" not in client.get("/").get_data(as_text=True)


def test_preview_renders_markdown_with_the_same_sanitizer(client, make, post_form):
    make.user("ann")
    sign_in(post_form, "ann")
    response = post_form("/preview", {"body": "**bold** <script>alert(1)</script>"},
                         form_page="/notifications")
    html = response.get_json()["html"]
    assert "<strong>bold</strong>" in html and "<script" not in html


def test_preview_needs_an_account(post_form):
    response = post_form("/preview", {"body": "x"}, form_page="/sign-in")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_mine_lists_the_threads_i_asked_or_answered(client, make, people, earbuds,
                                                    post_form):
    asked = make.thread(people.helper, earbuds, title="My own question about ear tips")
    answered = make.thread(people.asker, earbuds, title="Someone else's question I answered")
    other = make.thread(people.asker, earbuds, title="A question I never touched at all")
    make.reply(people.helper, answered, "Here is my answer to that question.")
    sign_in(post_form, "helper")
    html = client.get("/c/earbuds?list=mine").get_data(as_text=True)
    assert asked.title in html and "I answered" in html and other.title not in html


def test_mine_asks_visitors_to_sign_in(client, earbuds):
    assert client.get("/c/earbuds?list=mine").headers["Location"].startswith("/sign-in")


def test_edit_history_is_for_the_author_and_staff_only(client, make, people, question,
                                                       post_form):
    from community import services

    with client.application.app_context():
        opening = db.session.scalar(db.select(Post).where(Post.thread_id == question.id))
        services.edit_post(db.session.get(type(people.asker), people.asker.id), opening,
                           "Removed my phone number from this question, sorry.")
        opening_id = opening.id
    assert client.get(f"/posts/{opening_id}/revisions").status_code == 404
    sign_in(post_form, "other")
    assert client.get(f"/posts/{opening_id}/revisions").status_code == 404
    post_form("/sign-out", {}, form_page="/notifications")
    sign_in(post_form, "mod")
    assert client.get(f"/posts/{opening_id}/revisions").status_code == 200


def test_a_discussion_reads_in_time_order(client, make, people):
    from community.models import ThreadKind

    talk = make.thread(people.asker, title="Show your desk setup with Lumio gear",
                       kind=ThreadKind.DISCUSSION)
    first = make.reply(people.helper, talk, "Here is mine: Home speaker and the Watch.")
    second = make.reply(people.other, talk, "Thanks all, great setups everyone!")
    make.act("vote_helpful", people.asker, second)
    html = client.get(f"/t/{talk.id}/{talk.slug}").get_data(as_text=True)
    assert html.index(f'id="post-{first.id}"') < html.index(f'id="post-{second.id}"')
    assert "Your reply" in html


def test_ask_makes_you_choose_a_product_area(make, post_form, earbuds):
    make.user("ann")
    sign_in(post_form, "ann")
    html = ask(post_form, None).get_data(as_text=True)
    assert "Choose a product area." in html


def test_a_new_post_says_just_now(client, make, people, question):
    html = client.get(f"/t/{question.id}/{question.slug}").get_data(as_text=True)
    assert "just now" in html and "in 0 seconds" not in html
