"""What search engines see: robots.txt, the sitemaps, and each page's canonical URL, meta
description, OpenGraph tags and JSON-LD — validated against the schemas in ``schemas/``
(written for Peerdesk from the documented rules, see the comment at the top of each)."""

import itertools
import json
from pathlib import Path
from urllib.robotparser import RobotFileParser

import jsonschema
import pytest
from lxml import etree
from lxml import html as lxml_html

from app.accounts.models import Role, User
from app.extensions import db
from app.web import external_url
from community.models import Category, Post, Thread, ThreadKind, Visibility

SCHEMAS = Path(__file__).parent / "schemas"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
_numbers = itertools.count(1)


# --- schemas ----------------------------------------------------------------------------


def _answer_count_rule(_validator, enabled, instance, _schema):
    """peerdeskAnswerCount: answerCount is exactly the answers marked up (Peerdesk marks up
    every visible answer, so a lower or higher count would misstate the page)."""
    if enabled and isinstance(instance, dict):
        marked = len(instance.get("suggestedAnswer", [])) + ("acceptedAnswer" in instance)
        if instance.get("answerCount") != marked:
            yield jsonschema.ValidationError(
                f"answerCount is {instance.get('answerCount')}, {marked} answers are marked up")


Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator,
                                         {"peerdeskAnswerCount": _answer_count_rule})


def assert_valid_json_ld(data: dict, schema_name: str) -> None:
    schema = json.loads((SCHEMAS / f"{schema_name}.schema.json").read_text())
    Validator.check_schema(schema)
    errors = [f"{list(error.absolute_path)}: {error.message}"
              for error in Validator(schema).iter_errors(data)]
    assert not errors, errors


def valid_xml(body: bytes, xsd_name: str):
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / xsd_name)))
    document = etree.fromstring(body)
    assert schema.validate(document), schema.error_log
    return document


def locs(document) -> list[str]:
    return document.xpath("//sm:loc/text()", namespaces=SITEMAP_NS)


def test_the_schemas_reject_what_search_engines_reject():
    """The schemas are worth trusting: a QAPage whose answerCount disagrees with its
    answers, and a sitemap with a relative URL, both fail."""
    question = {"@type": "Question", "name": "Q?", "text": "Why?", "answerCount": 2,
                "datePublished": "2025-01-01T00:00:00+00:00",
                "author": {"@type": "Person", "name": "a"},
                "suggestedAnswer": [{"@type": "Answer", "text": "Because.", "upvoteCount": 0,
                                     "datePublished": "2025-01-01T00:00:00+00:00",
                                     "url": "http://localhost/t/1/q#post-2",
                                     "author": {"@type": "Person", "name": "b"}}]}
    page = {"@context": "https://schema.org", "@type": "QAPage", "mainEntity": question}
    with pytest.raises(AssertionError, match="answerCount is 2"):
        assert_valid_json_ld(page, "qapage")
    relative = (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                b"<url><loc>/t/1/q</loc></url></urlset>")
    with pytest.raises(AssertionError):
        valid_xml(relative, "sitemap.xsd")


# --- helpers ----------------------------------------------------------------------------


def solved(make, people, title: str | None = None, **thread_fields):
    thread = make.thread(people.asker, title=title, **thread_fields)
    answer = make.reply(people.helper, thread,
                        f"Hold the case button for {next(_numbers) + 10} seconds to reset.")
    make.act("accept", people.asker, answer)
    return make.get(Thread, thread.id), answer


def set_visibility(app, post_id: int, visibility: Visibility) -> None:
    with app.app_context():
        db.session.get(Post, post_id).visibility = visibility
        db.session.commit()


def opening_post_id(app, thread) -> int:
    with app.app_context():
        return db.session.scalar(db.select(Post.id).where(
            Post.thread_id == thread.id, Post.is_opening.is_(True)))


def absolute(thread) -> str:
    return f"http://localhost/t/{thread.id}/{thread.slug}"


def sitemap_locs(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return locs(valid_xml(response.data, "sitemap.xsd"))


def thread_document(client, thread):
    response = client.get(f"/t/{thread.id}/{thread.slug}")
    assert response.status_code == 200
    return lxml_html.fromstring(response.get_data(as_text=True))


def json_ld_of(document) -> list[dict]:
    return [json.loads(script.text)
            for script in document.xpath('//script[@type="application/ld+json"]')]


def meta(document, attribute: str, name: str) -> list[str]:
    return document.xpath(f'//head/meta[@{attribute}="{name}"]/@content')


# --- sitemap ----------------------------------------------------------------------------


def test_the_sitemap_lists_solved_threads_at_their_absolute_canonical_urls(client, make,
                                                                            people):
    thread, _answer = solved(make, people, title="Buds Pro left earbud will not charge")
    assert sitemap_locs(client) == [absolute(thread)]


def test_unsolved_questions_and_discussions_are_not_in_the_sitemap(client, make, people,
                                                                   question):
    make.reply(people.helper, question, "Have you tried another cable for a day?")
    make.thread(people.asker, title="Share your favourite Buds Pro settings",
                kind=ThreadKind.DISCUSSION)
    assert sitemap_locs(client) == []


@pytest.mark.parametrize("visibility", [Visibility.HIDDEN, Visibility.PENDING,
                                        Visibility.DELETED])
def test_a_solved_question_no_longer_visible_leaves_the_sitemap(app, client, make, people,
                                                                visibility):
    thread, _answer = solved(make, people)
    kept, _other = solved(make, people)
    set_visibility(app, opening_post_id(app, thread), visibility)
    assert sitemap_locs(client) == [absolute(kept)]


def test_a_thread_whose_accepted_answer_was_hidden_leaves_the_sitemap(app, client, make,
                                                                      people):
    thread, answer = solved(make, people)
    set_visibility(app, answer.id, Visibility.HIDDEN)
    assert absolute(thread) not in sitemap_locs(client)


def test_lastmod_is_when_the_thread_was_solved_or_last_replied_to(client, make, people):
    thread, _answer = solved(make, people)
    response = client.get("/sitemap.xml")
    lastmod = valid_xml(response.data, "sitemap.xsd").xpath("//sm:lastmod/text()",
                                                             namespaces=SITEMAP_NS)
    newest = max(thread.solved_at, thread.last_activity_at)
    assert lastmod == [newest.strftime("%Y-%m-%dT%H:%M:%S+00:00")]


def test_a_large_sitemap_becomes_an_index_of_pages(app, client, make, people):
    app.config["SITEMAP_PAGE_SIZE"] = 2
    threads = [solved(make, people)[0] for _ in range(5)]
    index = valid_xml(client.get("/sitemap.xml").data, "siteindex.xsd")
    pages = locs(index)
    assert pages == [f"http://localhost/sitemap-threads-{n}.xml" for n in (1, 2, 3)]
    listed = []
    for url in pages:
        page = locs(valid_xml(client.get(url.removeprefix("http://localhost")).data,
                              "sitemap.xsd"))
        assert 1 <= len(page) <= 2
        listed += page
    assert listed == [absolute(thread) for thread in threads]


def test_each_index_entry_says_when_its_page_last_changed(app, client, make, people):
    app.config["SITEMAP_PAGE_SIZE"] = 2
    threads = [solved(make, people)[0] for _ in range(3)]
    index = valid_xml(client.get("/sitemap.xml").data, "siteindex.xsd")
    lastmods = index.xpath("//sm:lastmod/text()", namespaces=SITEMAP_NS)
    newest = [max(max(t.solved_at, t.last_activity_at) for t in group)
              for group in (threads[:2], threads[2:])]
    assert lastmods == [moment.strftime("%Y-%m-%dT%H:%M:%S+00:00") for moment in newest]


@pytest.mark.parametrize("path", ["/sitemap-threads-3.xml", "/sitemap-threads-0.xml",
                                  "/sitemap-posts-1.xml", "/sitemap-threads-x.xml"])
def test_a_sitemap_page_that_does_not_exist_is_404(app, client, make, people, path):
    app.config["SITEMAP_PAGE_SIZE"] = 2
    for _ in range(3):
        solved(make, people)
    assert client.get(path).status_code == 404


def test_an_empty_community_still_serves_a_valid_sitemap(client):
    assert sitemap_locs(client) == []


def test_sitemaps_and_robots_txt_may_be_cached(app, client, make, people):
    app.config["SITEMAP_PAGE_SIZE"] = 1
    for _ in range(2):
        solved(make, people)
    for path in ("/sitemap.xml", "/sitemap-threads-1.xml", "/robots.txt"):
        response = client.get(path)
        assert response.data and response.headers["Cache-Control"] == "public, max-age=3600"
    assert client.get("/sitemap.xml").mimetype == "application/xml"


# --- articles ---------------------------------------------------------------------------


@pytest.fixture
def publish(app, make, people):
    reviewer = make.user("reviewer", role=Role.AGENT)
    category = make.category("Guides")

    def publish(title: str, body: str, *, approve: bool = True) -> int:
        from community.knowledge import services as knowledge

        with app.app_context():
            article = knowledge.create(
                db.session.get(User, people.moderator.id), title=title, body=body,
                category=db.session.get(Category, category.id), submit=True)
            if approve:
                knowledge.approve(db.session.get(User, reviewer.id), article)
            return article.id

    return publish


def article_url(app, article_id: int) -> str:
    from community.knowledge.models import Article

    with app.test_request_context():
        article = db.session.get(Article, article_id)
        return external_url("knowledge.article", article_id=article.id, slug=article.slug)


GUIDE = ("Reset the case: open the lid, hold the button on the back for 15 seconds until "
         "the light blinks white, then put both earbuds back and wait a minute.")


def test_published_articles_are_in_the_sitemap_and_drafts_are_not(app, client, publish):
    published = publish("Resetting the Buds Pro charging case", GUIDE)
    in_review = publish("Pairing the Buds Pro with two phones", GUIDE, approve=False)
    listed = sitemap_locs(client)
    assert article_url(app, published) in listed
    assert article_url(app, in_review) not in listed


def test_articles_get_their_own_sitemap_pages_when_split(app, client, make, people, publish):
    app.config["SITEMAP_PAGE_SIZE"] = 1
    solved(make, people)
    article = publish("Resetting the Buds Pro charging case", GUIDE)
    pages = locs(valid_xml(client.get("/sitemap.xml").data, "siteindex.xsd"))
    assert pages == ["http://localhost/sitemap-threads-1.xml",
                     "http://localhost/sitemap-articles-1.xml"]
    articles = locs(valid_xml(client.get("/sitemap-articles-1.xml").data, "sitemap.xsd"))
    assert articles == [article_url(app, article)]


def render_article_head(app, article_id: int):
    from flask import render_template

    from community.knowledge.models import Article

    with app.test_request_context():
        article = db.session.get(Article, article_id)
        head = render_template("community/_article_head.html", article=article)
        description = render_template("community/_article_description.html", article=article)
    return lxml_html.fromstring(f"<html><head>{head}</head><body></body></html>"), description


def test_an_article_has_valid_article_json_ld(app, publish):
    article = publish("Resetting the Buds Pro charging case", GUIDE)
    document, _description = render_article_head(app, article)
    [data] = json_ld_of(document)
    assert_valid_json_ld(data, "article")
    assert data["headline"] == "Resetting the Buds Pro charging case"
    assert data["mainEntityOfPage"]["@id"] == article_url(app, article)
    assert data["author"]["name"] == "mod" and data["publisher"]["name"] == "Peerdesk"
    assert data["dateModified"] >= data["datePublished"]


def test_an_article_has_canonical_and_opengraph_tags(app, publish):
    article = publish("Resetting the Buds Pro charging case", GUIDE)
    document, description = render_article_head(app, article)
    url = article_url(app, article)
    assert document.xpath('//link[@rel="canonical"]/@href') == [url]
    assert meta(document, "property", "og:url") == [url]
    assert meta(document, "property", "og:type") == ["article"]
    assert meta(document, "property", "og:title") == ["Resetting the Buds Pro charging case"]
    assert meta(document, "property", "og:description") == [description]
    assert description.startswith("Reset the case: open the lid") and len(description) <= 155


# --- robots.txt -------------------------------------------------------------------------


@pytest.fixture
def robots(client) -> RobotFileParser:
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    parser = RobotFileParser()
    parser.parse(response.get_data(as_text=True).splitlines())
    return parser


@pytest.mark.parametrize("path", ["/", "/c/earbuds?list=solved", "/t/12/buds-will-not-charge",
                                  "/kb", "/kb/7/reset-the-case", "/static/css/peerdesk.css",
                                  "/sitemap.xml"])
def test_robots_txt_lets_crawlers_read_the_public_pages(robots, path):
    assert robots.can_fetch("Googlebot", f"http://localhost{path}")


@pytest.mark.parametrize("path", ["/search?q=charging", "/ask", "/account/settings",
                                  "/admin/users", "/api/v1/threads", "/notifications",
                                  "/posts/3/edit", "/posts/3/revisions", "/u/asker",
                                  "/sign-in", "/register", "/language/it",
                                  "/account/products"])
def test_robots_txt_keeps_crawlers_out_of_private_and_endless_pages(robots, path):
    assert not robots.can_fetch("Googlebot", f"http://localhost{path}")


def test_robots_txt_points_to_the_sitemap_by_its_absolute_url(robots):
    assert robots.site_maps() == ["http://localhost/sitemap.xml"]


# --- the thread page --------------------------------------------------------------------


LONG_BODY = ('Since the "3.2.1" update the **left** earbud stops at 0% & the case light '
             "<b>never</b> turns green. I cleaned the contacts, swapped the cable and tried "
             "another charger, and it still will not charge past zero after a whole night.")


def test_the_meta_description_is_the_question_in_plain_text(client, make, people):
    thread = make.thread(people.asker, title="Left earbud stuck at 0%", body=LONG_BODY)
    [description] = meta(thread_document(client, thread), "name", "description")
    assert description.startswith('Since the "3.2.1" update the left earbud stops at 0% & '
                                  "the case light never turns green.")
    assert len(description) <= 155 and description.endswith("…")


def test_a_thread_page_has_canonical_and_opengraph_tags(client, make, people):
    thread, _answer = solved(make, people, title="Buds Pro left earbud will not charge")
    document = thread_document(client, thread)
    assert document.xpath('//link[@rel="canonical"]/@href') == [absolute(thread)]
    assert meta(document, "property", "og:url") == [absolute(thread)]
    assert meta(document, "property", "og:title") == ["Buds Pro left earbud will not charge"]
    assert meta(document, "property", "og:description") == meta(document, "name",
                                                                 "description")
    assert meta(document, "property", "og:site_name") == ["Peerdesk"]
    assert meta(document, "property", "og:locale") == ["en_US"]
    assert meta(document, "name", "twitter:card") == ["summary"]


def test_a_solved_question_is_a_valid_qapage(client, make, people):
    thread, accepted = solved(make, people, title="Buds Pro left earbud will not charge")
    other = make.reply(people.other, thread, "Clean the contacts with a dry cotton bud.")
    make.act("vote_helpful", people.other, accepted)
    [data] = json_ld_of(thread_document(client, thread))
    assert_valid_json_ld(data, "qapage")
    question = data["mainEntity"]
    assert question["name"] == "Buds Pro left earbud will not charge"
    assert question["acceptedAnswer"]["url"] == f"{absolute(thread)}#post-{accepted.id}"
    assert question["acceptedAnswer"]["upvoteCount"] == 1
    assert question["acceptedAnswer"]["author"]["name"] == "helper"
    assert [answer["text"] for answer in question["suggestedAnswer"]] == [other.body_source]


def test_answer_count_counts_only_the_visible_answers(app, client, make, people, question):
    kept = make.reply(people.helper, question, "Reset the case: hold the button 15 seconds.")
    hidden = make.reply(people.other, question, "Call me on +39 333 1234567, I fix them.")
    set_visibility(app, hidden.id, Visibility.HIDDEN)
    [data] = json_ld_of(thread_document(client, question))
    assert_valid_json_ld(data, "qapage")
    assert data["mainEntity"]["answerCount"] == 1
    assert [answer["url"] for answer in data["mainEntity"]["suggestedAnswer"]] == [
        f"{absolute(question)}#post-{kept.id}"]


def test_an_unanswered_question_has_no_qapage(client, question):
    assert json_ld_of(thread_document(client, question)) == []


def test_a_discussion_is_a_valid_forum_posting(client, make, people):
    thread = make.thread(people.asker, title="Share your favourite Buds Pro settings",
                         kind=ThreadKind.DISCUSSION)
    make.reply(people.helper, thread, "Bass boost off, transparency on, for the office.")
    [data] = json_ld_of(thread_document(client, thread))
    assert_valid_json_ld(data, "discussion")
    assert data["headline"] == "Share your favourite Buds Pro settings"
    assert [comment["author"]["name"] for comment in data["comment"]] == ["helper"]


def test_a_script_end_tag_in_a_title_cannot_break_out_of_the_json_ld(client, make, people):
    title = "Case </script><script>alert(1)</script> will not charge"
    thread, _answer = solved(make, people, title=title)
    response = client.get(f"/t/{thread.id}/{thread.slug}")
    assert "<script>alert(1)" not in response.get_data(as_text=True)
    document = lxml_html.fromstring(response.get_data(as_text=True))
    assert all(script.get("src") or script.get("type") == "application/ld+json"
               for script in document.xpath("//script"))
    [data] = json_ld_of(document)
    assert data["mainEntity"]["name"] == title


def test_imported_posts_are_credited_to_their_original_authors(app, client, make, people):
    thread, answer = solved(make, people)
    with app.app_context():
        db.session.get(Post, opening_post_id(app, thread)).original_author = "Jon Skeet"
        db.session.get(Post, answer.id).original_author = "Anna Example"
        db.session.commit()
    question = json_ld_of(thread_document(client, thread))[0]["mainEntity"]
    assert question["author"] == {"@type": "Person", "name": "Jon Skeet"}
    assert question["acceptedAnswer"]["author"] == {"@type": "Person", "name": "Anna Example"}


# --- plain text for descriptions and structured data ------------------------------------


def test_plain_text_keeps_words_of_separate_blocks_apart():
    from community.seo import text

    html = "<p>Reset the case.</p><ul><li>Hold</li><li>Wait</li></ul><p>Done &amp; dusted</p>"
    assert text(html) == "Reset the case. Hold Wait Done & dusted"


def test_plain_text_of_a_screenshot_is_its_description():
    from community.seo import text

    assert text('<p><img src="https://example.com/a.png" alt="Case light red"></p>') == (
        "Case light red")
    assert text('<p><img src="https://example.com/a.png" alt=""></p>') == (
        "https://example.com/a.png")


def test_plain_text_is_cut_at_a_word_with_an_ellipsis():
    from community.seo import text

    cut = text("<p>" + "charging " * 40 + "</p>", 155)
    assert len(cut) <= 155 and cut.endswith("charging…")
