"""Signed-out thread pages a shared cache (nginx, a CDN) may keep: tagged with the
thread's version, revalidated for one small query, never public when they are personal."""

import pytest
from sqlalchemy import select

from app.accounts.models import Role
from app.extensions import db
from community import search_views, visibility
from community.models import Category, Post, Visibility
from tests.community.test_thread_page import StatementCounter, sign_in, thread_url


def revalidate(client, thread, tag: str, **headers):
    return client.get(thread_url(thread), headers={"If-None-Match": tag, **headers})


def test_a_signed_out_thread_page_is_public_and_tagged(client, question):
    response = client.get(thread_url(question))
    assert response.cache_control.public and response.cache_control.no_cache
    assert response.cache_control.max_age == 0
    assert response.headers["ETag"] and response.last_modified is not None
    assert {"Accept-Language", "Cookie"} <= set(response.vary)
    assert "Set-Cookie" not in response.headers


def test_its_max_age_is_a_setting(app, client, question):
    app.config.update(PAGE_MAX_AGE=60)
    response = client.get(thread_url(question))
    assert response.cache_control.max_age == 60 and not response.cache_control.no_cache


def test_a_cache_holding_the_current_page_gets_304_for_one_query(app, client, question):
    tag = client.get(thread_url(question)).get_etag()[0]
    with app.app_context():
        engine = db.engine
    with StatementCounter(engine) as counter:
        response = revalidate(client, question, tag)
    assert response.status_code == 304 and response.get_data() == b""
    assert counter.count == 1
    assert response.cache_control.public and response.get_etag()[0] == tag


def test_a_new_reply_changes_the_tag(client, make, people, question):
    tag = client.get(thread_url(question)).get_etag()[0]
    make.reply(people.helper, question, "Reset the case for fifteen seconds.")
    response = revalidate(client, question, tag)
    assert response.status_code == 200 and "fifteen seconds" in response.get_data(as_text=True)


def test_a_post_hidden_by_a_moderator_is_gone_for_the_next_visitor(app, client, make, people,
                                                                   question):
    answer = make.reply(people.helper, question, "Buy cheap earbuds at spam.example")
    tag = client.get(thread_url(question)).get_etag()[0]
    with app.app_context():
        visibility.change(db.session.get(Post, answer.id), Visibility.HIDDEN)
        db.session.commit()
    response = revalidate(client, question, tag)
    assert response.status_code == 200
    assert "spam.example" not in response.get_data(as_text=True)


def test_each_language_has_its_own_tag(client, question):
    english = client.get(thread_url(question)).get_etag()[0]
    response = revalidate(client, question, english, **{"Accept-Language": "it"})
    assert response.status_code == 200 and 'lang="it"' in response.get_data(as_text=True)


def test_a_signed_in_page_is_never_public(client, post_form, people, question):
    anonymous_tag = client.get(thread_url(question)).get_etag()[0]
    sign_in(post_form, "other")
    response = revalidate(client, question, anonymous_tag)
    assert response.status_code == 200
    assert response.cache_control.private and not response.cache_control.public
    assert "ETag" not in response.headers


def test_a_page_showing_a_flash_message_is_private(client, question):
    with client.session_transaction() as session:
        session["_flashes"] = [("success", "Thank you for telling us.")]
    response = client.get(thread_url(question))
    assert "Thank you for telling us." in response.get_data(as_text=True)
    assert response.cache_control.private and not response.cache_control.public


@pytest.mark.parametrize("url", ["/t/999999/missing", "/t/{id}/old-slug"])
def test_errors_and_redirects_are_not_public(client, question, url):
    response = client.get(url.format(id=question.id))
    assert response.status_code in (301, 404)
    assert not response.cache_control.public


# --- pages that list: the home page, product areas, the knowledge base ------------------


@pytest.fixture
def area(make, question):
    return make.get(Category, question.category_id)


@pytest.fixture
def pages(make, people, area):
    reviewer = make.user("kb-agent", role=Role.AGENT)
    article = make.article(people.moderator, area, reviewer=reviewer,
                           title="Charging the Buds Pro case")
    return {"home": "/", "area": f"/c/{area.slug}",
            "area, solved list": f"/c/{area.slug}?list=solved",
            "knowledge base": "/kb", "article": f"/kb/{article.id}/{article.slug}"}


@pytest.mark.parametrize("name", ["home", "area", "area, solved list", "knowledge base",
                                  "article"])
def test_signed_out_lists_are_public_and_revalidate_for_one_query(app, client, pages, name):
    response = client.get(pages[name])
    assert response.status_code == 200 and response.cache_control.public
    assert response.last_modified is not None and "Set-Cookie" not in response.headers
    with app.app_context():
        engine = db.engine
    with StatementCounter(engine) as counter:
        again = client.get(pages[name], headers={"If-None-Match": response.get_etag()[0]})
    assert again.status_code == 304 and counter.count == 1


@pytest.mark.parametrize("name", ["home", "area", "article"])
def test_a_new_question_in_the_area_changes_their_tag(client, make, people, area, pages, name):
    tag = client.get(pages[name]).get_etag()[0]
    make.thread(people.other, area, title="Case lid does not close any more")
    assert client.get(pages[name], headers={"If-None-Match": tag}).status_code == 200


def test_a_question_removed_by_a_moderator_leaves_the_home_page(app, client, make, people,
                                                                pages):
    spam = make.thread(people.other, title="Cheap replica earbuds at spam.example")
    tag = client.get("/").get_etag()[0]
    with app.app_context():
        opening = db.session.scalar(select(Post).where(Post.thread_id == spam.id))
        visibility.change(opening, Visibility.HIDDEN)
        db.session.commit()
    response = client.get("/", headers={"If-None-Match": tag})
    assert response.status_code == 200
    assert "spam.example" not in response.get_data(as_text=True)


def test_an_article_vote_changes_the_articles_tag(client, make, people, pages, post_form):
    tag = client.get(pages["article"]).get_etag()[0]
    article_id = int(pages["article"].split("/")[2])
    post_form(f"/kb/{article_id}/feedback", {"helpful": "yes"}, form_page=pages["article"])
    assert client.get(pages["article"], headers={"If-None-Match": tag}).status_code == 200


def test_a_signed_in_home_page_is_never_public(client, post_form, people, pages):
    sign_in(post_form, "other")
    response = client.get("/")
    assert response.cache_control.private and "ETag" not in response.headers


def test_a_signed_out_search_is_public_and_sees_a_new_question_at_once(client, make, people,
                                                                        area):
    make.thread(people.asker, area, title="Case lid will not close")
    first = client.get("/search?q=case+lid")
    assert first.cache_control.public and "Case lid will not close" in first.get_data(
        as_text=True)
    make.thread(people.other, area, title="Case lid squeaks when it opens")
    again = client.get("/search?q=case+lid", headers={"If-None-Match": first.get_etag()[0]})
    assert again.status_code == 200
    assert "Case lid squeaks when it opens" in again.get_data(as_text=True)


def test_a_suggested_articles_banner_is_that_visitors_only(app, client, pages):
    from community.journey import deflection

    article_id = int(pages["article"].split("/")[2])
    with client.session_transaction() as session:
        session[deflection.CLICKED_KEY] = [deflection._key("article", article_id)]
    mine = client.get(pages["article"] + "?suggested=1")
    assert "Yes, this solved it" in mine.get_data(as_text=True)
    assert not mine.cache_control.public
    someone_else = app.test_client().get(pages["article"] + "?suggested=1")
    assert "Yes, this solved it" not in someone_else.get_data(as_text=True)


def test_a_cached_page_never_repeats_another_visitors_query_string(app, client, make,
                                                                  people, area, pages):
    for number in range(20):  # two pages: the next page's link keeps the query string
        make.thread(people.other, area, title=f"Case question number {number}")
    client.get(pages["area"] + "?utm_source=newsletter&email=alice%40example.com")
    html = app.test_client().get(pages["area"]).get_data(as_text=True)
    assert "alice" not in html


def test_a_cached_search_shows_each_visitor_their_own_words(app, client, area):
    shared = "earbuds " * 25  # 200 characters: the search reads no further
    client.get(f"/search?q={shared}first+visitor+secret")
    html = app.test_client().get(f"/search?q={shared}second").get_data(as_text=True)
    assert "secret" not in html


def test_an_articles_page_follows_the_thread_it_came_from(app, client, make, people, area):
    thread = make.thread(people.asker, area, title="Buds Pro case blinks red")
    answer = make.reply(people.helper, thread, "Clean the contacts, then reset the case.")
    make.act("accept", people.asker, answer)
    reviewer = make.user("kb-reviewer", role=Role.AGENT)
    article = make.promote(people.moderator, answer, reviewer=reviewer)
    url = f"/kb/{article.id}/{article.slug}"
    tag = client.get(url).get_etag()[0]
    make.reply(people.other, thread, "Same here, the reset worked.")
    assert client.get(url, headers={"If-None-Match": tag}).status_code == 200


def test_a_search_is_kept_once_it_is_asked_for_a_second_time(client, area, monkeypatch):
    rendered = []
    render = search_views._render_search
    monkeypatch.setattr(search_views, "_render_search",
                        lambda text, *rest: rendered.append(text) or render(text, *rest))
    for _ in range(3):
        assert client.get("/search?q=case+lid+hinge").status_code == 200
    client.get("/search?q=asked+only+once")
    assert rendered == ["case lid hinge", "case lid hinge", "asked only once"]
