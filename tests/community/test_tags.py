"""Tag pages: every tag on a thread leads to its page, which lists its threads (paginated)
and the articles promoted from them, under the description a moderator wrote."""

import re

from app.extensions import db
from community.models import Post, Visibility
from tests.factories import PASSWORD


def sign_in(post_form, username):
    assert post_form("/sign-in", {"login": username, "password": PASSWORD}).status_code == 302


def test_a_tag_on_a_thread_links_to_the_tags_page(client, make, people):
    thread = make.thread(people.asker, tags=["Wi-Fi"])
    html = client.get(f"/t/{thread.id}/{thread.slug}").get_data(as_text=True)
    assert '<a class="tag" href="/tags/wi-fi">wi-fi</a>' in html


def test_the_tag_page_lists_the_threads_with_the_tag_and_no_others(client, make, people):
    tagged = make.thread(people.asker, title="Lumio Home drops off the Wi-Fi at night",
                         tags=["wi-fi"])
    other = make.thread(people.other, title="Watch 2 strap size for a small wrist",
                        tags=["straps"])
    html = client.get("/tags/wi-fi").get_data(as_text=True)
    assert tagged.title in html and other.title not in html
    assert "1 thread" in html


def test_a_hidden_question_is_not_listed(app, client, make, people):
    thread = make.thread(people.asker, title="Lumio Home drops off the Wi-Fi at night",
                         tags=["wi-fi"])
    with app.app_context():
        for post in db.session.scalars(db.select(Post).where(Post.thread_id == thread.id)):
            post.visibility = Visibility.HIDDEN
        db.session.commit()
    assert thread.title not in client.get("/tags/wi-fi").get_data(as_text=True)


def test_the_tag_page_is_paginated(client, make, people):
    area = make.category("Speakers")
    for number in range(21):
        make.thread(people.asker, area, title=f"Lumio Home question number {number:02d}",
                    tags=["wi-fi"])
    first = client.get("/tags/wi-fi").get_data(as_text=True)
    second = client.get("/tags/wi-fi?page=2").get_data(as_text=True)
    assert len(re.findall(r'class="thread-title"', first)) == 20
    assert len(re.findall(r'class="thread-title"', second)) == 1
    assert "number 00" in second  # the oldest activity comes last


def test_an_unknown_tag_is_404_and_a_differently_written_one_redirects(client, make, people):
    make.thread(people.asker, tags=["wi-fi"])
    assert client.get("/tags/no-such-tag").status_code == 404
    response = client.get("/tags/Wi-Fi")
    assert response.status_code == 301 and response.headers["Location"].endswith("/tags/wi-fi")


def test_a_moderator_describes_a_tag_and_readers_see_it(app, post_form, make, people):
    make.thread(people.asker, tags=["wi-fi"])
    sign_in(post_form, "mod")
    response = post_form("/tags/wi-fi/description",
                         {"description": "Setup, drop-outs and routers."},
                         form_page="/tags/wi-fi")
    assert response.status_code == 303
    reader = app.test_client()
    assert "Setup, drop-outs and routers." in reader.get("/tags/wi-fi").get_data(as_text=True)


def test_a_member_may_not_describe_a_tag(client, post_form, make, people):
    make.thread(people.asker, tags=["wi-fi"])
    sign_in(post_form, "helper")
    assert "Describe this tag" not in client.get("/tags/wi-fi").get_data(as_text=True)
    response = post_form("/tags/wi-fi/description", {"description": "Mine now."},
                         form_page="/tags/wi-fi")
    assert response.status_code == 403


def test_a_too_long_description_is_refused_next_to_the_field(client, post_form, make, people):
    make.thread(people.asker, tags=["wi-fi"])
    sign_in(post_form, "mod")
    response = post_form("/tags/wi-fi/description", {"description": "x" * 501},
                         form_page="/tags/wi-fi")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="description-error"' in html and "x" * 501 in html


def test_articles_promoted_from_tagged_threads_are_listed(client, make, people):
    thread = make.thread(people.asker, title="Buds Pro case not charging", tags=["charging"])
    answer = make.reply(people.helper, thread, "Clean the contacts, then reset the case.")
    make.act("accept", people.asker, answer)
    article = make.promote(people.moderator, answer, reviewer=make.admin("boss"))
    html = client.get("/tags/charging").get_data(as_text=True)
    assert f"/kb/{article.id}/" in html


def test_the_tags_index_lists_tags_by_use(client, make, people):
    make.thread(people.asker, tags=["wi-fi", "setup"])
    make.thread(people.other, tags=["wi-fi"])
    html = client.get("/tags").get_data(as_text=True)
    assert html.index("/tags/wi-fi") < html.index("/tags/setup")
    assert "\u00d7 2" in html  # the multiplication sign: used twice


def test_the_main_navigation_marks_tags_current_only_on_tag_pages(client, make, people):
    make.thread(people.asker, tags=["wi-fi"])
    assert 'href="/tags" aria-current="page"' in client.get("/tags/wi-fi").get_data(
        as_text=True)
    assert 'href="/tags" aria-current' not in client.get("/").get_data(as_text=True)


def test_tags_only_held_or_hidden_questions_carry_are_not_shown(app, client, make, people):
    spam = make.thread(people.asker, title="Best casino bonus codes right here",
                       tags=["casino-bonus"])
    make.thread(people.other, tags=["wi-fi"])
    with app.app_context():
        for post in db.session.scalars(db.select(Post).where(Post.thread_id == spam.id)):
            post.visibility = Visibility.HIDDEN
        db.session.commit()
    assert "casino-bonus" not in client.get("/tags").get_data(as_text=True)
    assert client.get("/tags/casino-bonus").status_code == 404


def test_a_long_tag_cut_at_a_hyphen_still_leads_to_its_page(client, make, people):
    thread = make.thread(people.asker, title="A question with a very long tag on it",
                         tags=["a" * 39 + " b"])
    html = client.get(f"/t/{thread.id}/{thread.slug}").get_data(as_text=True)
    link = re.search(r'<a class="tag" href="(/tags/[^"]+)"', html).group(1)
    assert link == "/tags/" + "a" * 39
    assert client.get(link).status_code == 200


def test_the_tags_index_is_paginated(client, make, people):
    area = make.category("Speakers")
    for number in range(61):
        make.thread(people.asker, area, title=f"Lumio Home question number {number:02d}",
                    tags=[f"tag-{number:02d}"])
    first = client.get("/tags").get_data(as_text=True)
    second = client.get("/tags?page=2").get_data(as_text=True)
    assert first.count('<a class="tag"') == 60 and second.count('<a class="tag"') == 1
    assert "61 tags in use" in first and 'rel="next"' in first


def test_searching_within_an_unknown_tag_is_404(client, make, people):
    make.thread(people.asker, tags=["wi-fi"])
    response = client.get("/search", query_string={"q": "charging", "tag": "nope"})
    assert response.status_code == 404


def test_searching_within_a_tag_with_nothing_typed_opens_the_tag(client, make, people):
    make.thread(people.asker, tags=["wi-fi"])
    response = client.get("/search", query_string={"q": "", "tag": "wi-fi"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/tags/wi-fi")


def test_no_result_within_a_tag_says_so(client, make, people):
    make.thread(people.asker, tags=["wi-fi"])
    html = client.get("/search", query_string={"q": "zebra crossing", "tag": "wi-fi"}
                      ).get_data(as_text=True)
    assert "Nothing tagged “wi-fi” matches “zebra crossing” yet." in html
