"""``flask import stackexchange``: real Stack Exchange dumps (shared/data/stackexchange, read
in place) become categories, threads, answers, tags and links, credited as CC BY-SA asks.
Edge cases (risky HTML, malformed files, a dump that grows) use tiny dumps made in tmp_path.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path
from xml.etree.ElementTree import iterparse
from xml.sax.saxutils import quoteattr

import pytest
from sqlalchemy import func, select

from app.accounts.models import User
from app.extensions import db
from app.text import render_markdown
from community import services
from community.importers.bodies import imported_body
from community.importers.stackexchange import licence_for
from community.models import Category, Notification, Post, Tag, Thread, ThreadLink, ThreadStatus

# The shared data sits beside the repository (../shared); PEERDESK_SHARED_DIR overrides.
SHARED = Path(os.environ.get("PEERDESK_SHARED_DIR",
                             Path(__file__).resolve().parents[3] / "shared"))
DUMPS = SHARED / "data" / "stackexchange"
COFFEE, BICYCLES = DUMPS / "coffee", DUMPS / "bicycles.meta"


def run_import(app, *args):
    return app.test_cli_runner().invoke(args=["import", "stackexchange", *map(str, args)])


def file_rows(path: Path) -> list[dict[str, str]]:
    return [dict(element.attrib) for _event, element in iterparse(path)
            if element.tag == "row"]


def count(app, model, *where) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


def thread_by_source(app, site: str, post_id: int) -> Thread:
    with app.app_context():
        return db.session.scalar(select(Thread).where(
            Thread.external_id == f"stackexchange:{site}:{post_id}"))


def page_of(client, thread: Thread) -> str:
    return client.get(f"/t/{thread.id}/{thread.slug}").get_data(as_text=True)


def write_dump(folder: Path, posts: list[dict], links: list[dict] = (),
               tags: list[dict] | None = None) -> Path:
    """A dump folder in the official format, for cases the real dumps do not have."""
    folder.mkdir(parents=True, exist_ok=True)

    def document(root: str, rows) -> str:
        lines = ["<row " + " ".join(f"{name}={quoteattr(str(value))}"
                                    for name, value in row.items()) + " />" for row in rows]
        return f'<?xml version="1.0" encoding="utf-8"?>\n<{root}>\n' + "\n".join(lines) + \
            f"\n</{root}>\n"

    (folder / "Posts.xml").write_text(document("posts", posts), encoding="utf-8")
    if links:
        (folder / "PostLinks.xml").write_text(document("postlinks", links), encoding="utf-8")
    if tags is not None:
        (folder / "Tags.xml").write_text(document("tags", tags), encoding="utf-8")
    return folder


def question(ident: int, title: str, body: str = "<p>How do I descale my espresso machine?</p>",
             created: str = "2016-05-01T10:00:00.000", **extra) -> dict:
    return {"Id": ident, "PostTypeId": 1, "CreationDate": created, "Title": title,
            "Body": body, "Tags": "<espresso><cleaning>", "OwnerUserId": 7, **extra}


def answer(ident: int, parent: int, body: str = "<p>Use citric acid, then rinse twice.</p>",
           created: str = "2016-05-02T10:00:00.000", **extra) -> dict:
    return {"Id": ident, "PostTypeId": 2, "ParentId": parent, "CreationDate": created,
            "Body": body, "OwnerUserId": 9, **extra}


# --- a whole site -----------------------------------------------------------------------


def test_a_whole_site_arrives_with_the_counts_of_its_file(app):
    rows = file_rows(COFFEE / "Posts.xml")
    questions = [row for row in rows if row["PostTypeId"] == "1"]
    answers = [row for row in rows if row["PostTypeId"] == "2"]
    answer_ids = {row["Id"] for row in answers}
    accepted = [row for row in questions if row.get("AcceptedAnswerId") in answer_ids]

    result = run_import(app, COFFEE)

    assert result.exit_code == 0, result.output
    assert f"Imported {len(questions)} threads and {len(answers)} answers" in result.output
    others = len(rows) - len(questions) - len(answers)
    assert re.search(rf"skipped \(not questions or answers\)\s+{others}", result.output)
    with app.app_context():
        category = db.session.scalar(select(Category).where(Category.slug == "coffee"))
        assert category.thread_count == len(questions)
        threads = db.session.scalars(select(Thread).where(Thread.category_id == category.id)).all()
        assert len(threads) == len(questions)
        assert sum(thread.reply_count for thread in threads) == len(answers)
        assert sum(thread.accepted_post_id is not None for thread in threads) == len(accepted)
        assert sum(thread.status == ThreadStatus.CLOSED for thread in threads) == sum(
            "ClosedDate" in row for row in questions)


def test_accepted_answers_tags_and_dates_come_from_the_dump(app):
    run_import(app, "--limit", 5, COFFEE)
    thread = thread_by_source(app, "coffee.stackexchange.com", 1)  # AcceptedAnswerId 24
    with app.app_context():
        thread = db.session.merge(thread)
        assert thread.title == "How should I store whole bean coffee?"
        assert thread.status == ThreadStatus.SOLVED
        assert thread.accepted_post.external_id == "stackexchange:coffee.stackexchange.com:24"
        assert thread.solved_at == thread.accepted_post.created_at
        assert [tag.name for tag in thread.tags] == ["storage", "whole-bean"]
        assert thread.created_at == datetime(2015, 1, 27, 20, 9, 32, 720000)
        assert thread.language == "en" and thread.source.value == "import"
        assert thread.source_url == "https://coffee.stackexchange.com/q/1"


def test_importing_twice_imports_nothing_new(app):
    first = run_import(app, "--limit", 20, COFFEE)
    posts = count(app, Post)
    second = run_import(app, "--limit", 20, COFFEE)
    assert first.exit_code == second.exit_code == 0
    assert "Imported 0 threads and 0 answers" in second.output
    assert re.search(rf"already present \(skipped\)\s+{posts}", second.output)
    assert count(app, Post) == posts and count(app, Category) == 1
    assert count(app, User) == 1  # the one importer account, created once


def search_page(client, text: str) -> str:
    return client.get("/search", query_string={"q": text}).get_data(as_text=True)


def test_found_by_search_after_the_import(app, client):
    result = run_import(app, "--limit", 10, COFFEE)  # a new forum: the index is rebuilt
    assert "Rebuilding the search index" in result.output
    assert "How should I store whole bean coffee?" in search_page(client, "how to store beans")


def test_a_small_import_indexes_only_its_threads(app, client, make, people):
    native = [make.thread(people.asker, title=f"Lumio Buds case number {number} stopped charging")
              for number in range(3)]
    result = run_import(app, "--limit", 2, COFFEE)
    assert "Indexing new threads" in result.output
    assert "How should I store whole bean coffee?" in search_page(client, "store whole beans")
    assert native[0].title in search_page(client, "case stopped charging")


# --- links between questions ------------------------------------------------------------


def test_post_links_become_duplicate_and_related_links_between_imported_questions(app):
    limit = 40
    questions = [int(row["Id"]) for row in file_rows(BICYCLES / "Posts.xml")
                 if row["PostTypeId"] == "1"][:limit]
    pairs: dict[frozenset, str] = {}
    for row in file_rows(BICYCLES / "PostLinks.xml"):
        ends = {int(row["PostId"]), int(row["RelatedPostId"])}
        if ends <= set(questions) and row["LinkTypeId"] in ("1", "3"):
            kind = "duplicate" if row["LinkTypeId"] == "3" else "related"
            if pairs.get(frozenset(ends)) != "duplicate":
                pairs[frozenset(ends)] = kind

    result = run_import(app, "--limit", limit, BICYCLES)

    assert result.exit_code == 0, result.output
    assert count(app, ThreadLink, ThreadLink.kind == "duplicate") == \
        list(pairs.values()).count("duplicate")
    assert count(app, ThreadLink, ThreadLink.kind == "related") == \
        list(pairs.values()).count("related")


def test_a_duplicate_names_its_original_and_the_original_lists_it(app, client):
    run_import(app, "--limit", 40, BICYCLES)  # post 1 was closed as a duplicate of 144
    duplicate = thread_by_source(app, "bicycles.meta.stackexchange.com", 1)
    original = thread_by_source(app, "bicycles.meta.stackexchange.com", 144)

    on_duplicate = page_of(client, duplicate).split("Duplicate of", 1)
    on_original = page_of(client, original).split("Duplicates of this question", 1)

    assert len(on_duplicate) == 2 and original.title in on_duplicate[1]
    assert len(on_original) == 2 and duplicate.title in on_original[1]


# --- bodies -----------------------------------------------------------------------------


def test_risky_html_in_a_body_does_not_survive(app, client, tmp_path):
    risky = ('<p onclick="steal()">Descale <a href="javascript:alert(1)">here</a> '
             '<img src="x.png" onerror="steal()"></p><script>alert("owned")</script>'
             '<iframe src="https://evil.example"></iframe>')
    write_dump(tmp_path / "coffee", [question(1, "Descaling an espresso machine safely",
                                              body=risky)])
    assert run_import(app, tmp_path / "coffee").exit_code == 0
    html = page_of(client, thread_by_source(app, "coffee.stackexchange.com", 1))
    body = html.split('class="post-body"', 1)[1].split("</div>", 1)[0]
    assert "Descale" in body
    for danger in ("<script", "onclick", "onerror", "javascript:", "<iframe"):
        assert danger not in body


def test_a_real_table_keeps_its_text_and_loses_its_styles():
    row = next(row for row in file_rows(BICYCLES / "Posts.xml") if row["Id"] == "1416")
    body = imported_body(row["Body"], "bicycles.meta.stackexchange.com")
    assert "<table>" in body and "Users suspended" in body
    assert "style=" not in body and "s-table" not in body


def test_saving_an_imported_body_unchanged_renders_the_same_page():
    """body_source is what the edit form shows: Markdown must leave it as it is."""

    def text(html: str) -> str:  # whitespace outside <pre> means nothing in HTML
        parts = re.split(r"(<pre\b.*?</pre>)", html, flags=re.DOTALL)
        return "".join(part if index % 2 else " ".join(part.split())
                       for index, part in enumerate(parts)).strip()

    for row in file_rows(COFFEE / "Posts.xml"):
        if row["PostTypeId"] in ("1", "2"):
            stored = imported_body(row["Body"], "coffee.stackexchange.com")
            assert text(str(render_markdown(stored))) == text(stored), row["Id"]


def test_a_moderator_edit_keeps_the_imported_formatting(app, people, tmp_path):
    code = "<pre><code>descale():\n\n    *run* acid_cycle(2)\n</code></pre>"
    write_dump(tmp_path / "coffee", [question(1, "Descaling an espresso machine safely"),
                                     answer(2, 1, f"<p>Run this:</p>\n\n{code}\n\n<ul>\n"
                                                  "<li>rinse</li>\n\n<li>repeat</li></ul>")])
    run_import(app, tmp_path / "coffee")
    with app.app_context():
        post = db.session.scalar(select(Post).where(Post.external_id.like("%:2")))
        moderator = db.session.get(User, people.moderator.id)
        services.edit_post(moderator, post, post.body_source + "\n\nEdit: rinse **twice**.")
        html = db.session.get(Post, post.id).body_html
    assert code in html  # the blank line and the indented line of code are untouched
    assert "<li>rinse</li>" in html and "<strong>twice</strong>" in html


def post_body(html: str, post_id: int) -> str:
    return html.split(f'id="post-{post_id}"', 1)[1].split('class="post-body">', 1)[1] \
        .split("</div>", 1)[0]


def local_post_id(app, site: str, post_id: int) -> int:
    with app.app_context():
        return db.session.scalar(select(Post.id).where(
            Post.external_id == f"stackexchange:{site}:{post_id}"))


def test_relative_links_in_a_body_point_at_the_source_site(app, client, tmp_path):
    write_dump(tmp_path / "coffee", [question(
        1, "Descaling an espresso machine safely",
        body='<p>See <a href="/questions/tagged/moka">moka</a> and <a href="/help/on-topic">'
             'the help</a>, <a href="//meta.stackexchange.com/a/5">meta</a>.</p>')])
    run_import(app, tmp_path / "coffee")
    thread = thread_by_source(app, "coffee.stackexchange.com", 1)
    body = post_body(page_of(client, thread), local_post_id(app, "coffee.stackexchange.com", 1))
    assert 'href="https://coffee.stackexchange.com/questions/tagged/moka"' in body
    assert 'href="https://coffee.stackexchange.com/help/on-topic"' in body
    assert 'href="//meta.stackexchange.com/a/5"' in body  # another host: left as it was


def test_links_to_imported_questions_and_answers_lead_to_their_local_copies(app, client, tmp_path):
    site = "coffee.stackexchange.com"
    write_dump(tmp_path / "coffee", [
        question(1, "Descaling an espresso machine safely",
                 body=f'<p>Like <a href="https://{site}/questions/4/which-grinder">this one</a>, '
                      f'<a href="/q/4/19">short</a>, <a href="http://{site}/a/5">that answer</a>'
                      f' and <a href="https://{site}/questions/4/which-grinder/5#5">again</a>.</p>'),
        question(4, "Which grinder setting for a moka pot?", created="2016-06-01T10:00:00.000"),
        answer(5, 4, created="2016-06-02T10:00:00.000"),
    ])
    run_import(app, tmp_path / "coffee")
    target = thread_by_source(app, site, 4)
    answer_id = local_post_id(app, site, 5)
    body = post_body(page_of(client, thread_by_source(app, site, 1)), local_post_id(app, site, 1))
    local = f"/t/{target.id}/{target.slug}"
    assert body.count(f'href="{local}"') == 2
    assert body.count(f'href="{local}#post-{answer_id}"') == 2
    assert site not in body


def test_links_to_questions_not_imported_stay_on_the_source_site(app, client, tmp_path):
    site = "coffee.stackexchange.com"
    write_dump(tmp_path / "coffee", [question(
        1, "Descaling an espresso machine safely",
        body=f'<p>See <a href="https://{site}/questions/77/cold-brew">cold brew</a>.</p>')])
    run_import(app, tmp_path / "coffee")
    body = post_body(page_of(client, thread_by_source(app, site, 1)), local_post_id(app, site, 1))
    assert f'href="https://{site}/questions/77/cold-brew"' in body


def test_a_later_run_points_old_links_at_the_questions_it_brings(app, client, tmp_path):
    site, folder = "coffee.stackexchange.com", tmp_path / "coffee"
    first = question(1, "Descaling an espresso machine safely",
                     body=f'<p>See <a href="https://{site}/q/4">the grinder question</a>.</p>')
    write_dump(folder, [first])
    run_import(app, folder)
    thread = thread_by_source(app, site, 1)
    page_of(client, thread)  # cached for signed-out visitors
    write_dump(folder, [first, question(4, "Which grinder setting for a moka pot?",
                                        created="2016-06-01T10:00:00.000")])

    run_import(app, folder)

    target = thread_by_source(app, site, 4)
    body = post_body(page_of(client, thread), local_post_id(app, site, 1))
    assert f'href="/t/{target.id}/{target.slug}"' in body


def test_a_link_in_a_post_edited_here_is_left_as_its_editor_saved_it(app, people, tmp_path):
    site, folder = "coffee.stackexchange.com", tmp_path / "coffee"
    first = question(1, "Descaling an espresso machine safely",
                     body=f'<p>See <a href="https://{site}/q/4">the grinder question</a>.</p>')
    write_dump(folder, [first])
    run_import(app, folder)
    with app.app_context():
        post = db.session.get(Post, local_post_id(app, site, 1))
        services.edit_post(db.session.get(User, people.moderator.id), post,
                           post.body_source + "\n\nEdit: see also the manual.")
    write_dump(folder, [first, question(4, "Which grinder setting for a moka pot?",
                                        created="2016-06-01T10:00:00.000")])

    run_import(app, folder)

    with app.app_context():
        post = db.session.get(Post, local_post_id(app, site, 1))
        assert f'href="https://{site}/q/4"' in post.body_html
        assert f'href="https://{site}/q/4"' in post.body_source


# --- credit and licence -----------------------------------------------------------------


def test_the_page_credits_the_site_the_author_and_the_licence_of_its_date(app, client):
    run_import(app, "--limit", 3, COFFEE)  # posted in 2015: CC BY-SA 3.0
    html = page_of(client, thread_by_source(app, "coffee.stackexchange.com", 1))
    credit = html.split('class="import-credit"', 1)[1].split("</aside>", 1)[0]
    text = " ".join(re.sub(r"<[^>]+>", "", credit).split())
    assert "Originally asked on coffee.stackexchange.com by user 4, licensed CC BY-SA 3.0" in text
    assert 'href="https://coffee.stackexchange.com/q/1"' in credit
    assert 'href="https://coffee.stackexchange.com/users/4"' in credit
    assert 'href="https://creativecommons.org/licenses/by-sa/3.0/"' in credit


def test_the_licence_stated_in_the_dump_wins_over_the_date(app):
    # bicycles.meta post 60 was asked in 2010 (2.5 by date) but the dump says 3.0
    run_import(app, "--limit", 15, BICYCLES)
    assert thread_by_source(app, "bicycles.meta.stackexchange.com", 60).licence == "CC BY-SA 3.0"


@pytest.mark.parametrize(("created", "licence"), [
    ("2011-04-07T23:59:59", "CC BY-SA 2.5"), ("2011-04-08T00:00:00", "CC BY-SA 3.0"),
    ("2018-05-02T23:59:59", "CC BY-SA 3.0"), ("2018-05-03T00:00:00", "CC BY-SA 4.0"),
])
def test_the_licence_version_follows_the_post_date(created, licence):
    assert licence_for(datetime.fromisoformat(created)) == licence


def test_answers_credit_their_named_authors_not_a_local_account(app, client, tmp_path):
    write_dump(tmp_path / "coffee", [
        question(1, "Descaling an espresso machine safely"),
        answer(2, 1, OwnerDisplayName="Ada Roaster", OwnerUserId=""),
    ])
    run_import(app, tmp_path / "coffee")
    html = page_of(client, thread_by_source(app, "coffee.stackexchange.com", 1))
    assert re.search(r'class="author original-author"[^>]*>Ada Roaster<', html)
    assert "stackexchange-import" not in html.split('class="post-body"', 1)[1]


def test_each_post_shows_the_licence_of_its_own_date(app, client, tmp_path):
    site = "coffee.stackexchange.com"
    write_dump(tmp_path / "coffee", [
        question(1, "Descaling an espresso machine safely", created="2010-09-01T10:00:00.000"),
        answer(2, 1, created="2019-01-10T10:00:00.000"),
    ])
    run_import(app, tmp_path / "coffee")
    html = page_of(client, thread_by_source(app, site, 1))

    def header(post_id: int) -> str:
        return html.split(f'id="post-{local_post_id(app, site, post_id)}"', 1)[1] \
            .split("</header>", 1)[0]

    assert re.search(r'href="https://creativecommons.org/licenses/by-sa/2.5/"[^>]*>'
                     r'CC BY-SA 2.5<', header(1))
    assert re.search(r'href="https://creativecommons.org/licenses/by-sa/4.0/"[^>]*>'
                     r'CC BY-SA 4.0<', header(2))


def test_a_native_post_shows_no_licence(app, client, question):
    assert "creativecommons.org" not in page_of(client, question)


def credit_of(app, thread_or_id, answer_id: int | None = None):
    with app.app_context():
        thread = db.session.get(Thread, getattr(thread_or_id, "id", thread_or_id))
        answer = db.session.get(Post, answer_id) if answer_id else None
        return app.jinja_env.globals["import_thread_credit"](thread, answer)


def test_an_article_credit_names_the_question_the_accepted_answer_and_the_licence(app, tmp_path):
    site = "coffee.stackexchange.com"
    write_dump(tmp_path / "coffee", [
        question(1, "Descaling an espresso machine safely", created="2010-09-01T10:00:00.000",
                 AcceptedAnswerId=3),
        answer(2, 1, created="2012-01-10T10:00:00.000"),
        answer(3, 1, created="2019-01-10T10:00:00.000", OwnerDisplayName="Ada Roaster",
               OwnerUserId=""),
    ])
    run_import(app, tmp_path / "coffee")

    credit = credit_of(app, thread_by_source(app, site, 1))

    assert (credit.site, credit.source_url) == (site, f"https://{site}/q/1")
    assert (credit.question.author, credit.question.author_url) == \
        ("user 7", f"https://{site}/users/7")
    assert credit.question.licence == "CC BY-SA 2.5"
    assert (credit.answer.author, credit.answer.author_url) == ("Ada Roaster", None)
    assert (credit.answer.url, credit.answer.licence) == (f"https://{site}/a/3", "CC BY-SA 4.0")
    assert (credit.licence, credit.licence_url) == \
        ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/")


def test_an_article_credit_can_name_another_answer_than_the_accepted_one(app, tmp_path):
    site = "coffee.stackexchange.com"
    write_dump(tmp_path / "coffee", [
        question(1, "Descaling an espresso machine safely", created="2010-09-01T10:00:00.000"),
        answer(2, 1, created="2012-01-10T10:00:00.000"),
    ])
    run_import(app, tmp_path / "coffee")

    credit = credit_of(app, thread_by_source(app, site, 1), local_post_id(app, site, 2))

    assert (credit.answer.author, credit.answer.licence) == ("user 9", "CC BY-SA 3.0")
    assert credit.licence == "CC BY-SA 3.0"


def test_an_article_credit_without_an_answer_credits_the_question_alone(app, tmp_path):
    write_dump(tmp_path / "coffee", [question(1, "Descaling an espresso machine safely")])
    run_import(app, tmp_path / "coffee")
    credit = credit_of(app, thread_by_source(app, "coffee.stackexchange.com", 1))
    assert credit.answer is None and credit.licence == "CC BY-SA 3.0"


def test_a_native_thread_needs_no_article_credit(app, question):
    assert credit_of(app, question) is None


# --- the importer account ---------------------------------------------------------------


def test_the_importer_account_cannot_sign_in(app, client, post_form):
    run_import(app, "--limit", 1, COFFEE)
    with app.app_context():
        account = db.session.scalar(select(User))
        assert account.username == "stackexchange-import" and not account.is_active
    response = post_form("/sign-in", {"login": "stackexchange-import", "password": "!"})
    assert response.status_code != 302  # still on the sign-in form


def test_an_import_notifies_nobody(app):
    run_import(app, "--limit", 10, COFFEE)
    assert count(app, Notification) == 0


# --- a dump that grows ------------------------------------------------------------------


def test_a_second_run_adds_only_the_new_posts(app, tmp_path):
    folder = tmp_path / "coffee"
    write_dump(folder, [question(1, "Descaling an espresso machine safely"), answer(2, 1)])
    run_import(app, folder)
    write_dump(folder, [
        question(1, "Descaling an espresso machine safely", AcceptedAnswerId=3),
        answer(2, 1), answer(3, 1, "<p>Vinegar works but leaves a taste for days.</p>",
                             created="2016-05-03T10:00:00.000"),
        question(4, "Which grinder setting for a moka pot?", created="2016-06-01T10:00:00.000"),
    ])

    result = run_import(app, folder)

    assert "Imported 1 threads and 1 answers" in result.output
    assert re.search(r"already present \(skipped\)\s+2", result.output)
    thread = thread_by_source(app, "coffee.stackexchange.com", 1)
    assert thread.reply_count == 2 and thread.status == ThreadStatus.SOLVED
    assert thread.last_activity_at == datetime(2016, 5, 3, 10)
    assert count(app, Post) == 4


def test_the_askers_own_follow_up_is_not_an_answer(app, tmp_path):
    write_dump(tmp_path / "coffee", [
        question(1, "Descaling an espresso machine safely"),
        answer(2, 1, "<p>Update: I found the manual, still unsure about the acid.</p>",
               OwnerUserId=7),
    ])
    run_import(app, tmp_path / "coffee")
    thread = thread_by_source(app, "coffee.stackexchange.com", 1)
    assert thread.reply_count == 1 and thread.answered_at is None


def test_tags_xml_brings_the_sites_tags_in_use(app, tmp_path):
    write_dump(tmp_path / "coffee", [question(1, "Descaling an espresso machine safely")],
               tags=[{"Id": 1, "TagName": "espresso", "Count": 3},
                     {"Id": 2, "TagName": "cold-brew", "Count": 2},
                     {"Id": 3, "TagName": "never-used", "Count": 0}])
    run_import(app, tmp_path / "coffee")
    with app.app_context():
        names = set(db.session.scalars(select(Tag.name)))
    assert names == {"espresso", "cleaning", "cold-brew"}


def test_an_older_answer_brought_by_a_later_run_is_not_the_last_post(app, make, people, tmp_path):
    folder = tmp_path / "coffee"
    write_dump(folder, [question(1, "Descaling an espresso machine safely"), answer(2, 1)])
    run_import(app, folder)
    thread = thread_by_source(app, "coffee.stackexchange.com", 1)
    make.reply(people.helper, thread, "Citric acid worked for me too, twice a year.")
    write_dump(folder, [question(1, "Descaling an espresso machine safely"), answer(2, 1),
                        answer(3, 1, created="2016-05-03T10:00:00.000")])

    run_import(app, folder)

    thread = thread_by_source(app, "coffee.stackexchange.com", 1)
    assert thread.reply_count == 3 and thread.last_poster_id == people.helper.id


def test_an_older_follow_up_by_the_asker_does_not_make_the_thread_wait(app, tmp_path):
    folder = tmp_path / "coffee"
    write_dump(folder, [question(1, "Descaling an espresso machine safely"), answer(2, 1)])
    run_import(app, folder)
    write_dump(folder, [question(1, "Descaling an espresso machine safely"), answer(2, 1),
                        answer(3, 1, "<p>Update: the manual says vinegar.</p>",
                               created="2016-05-01T18:00:00.000", OwnerUserId=7)])

    run_import(app, folder)

    assert thread_by_source(app, "coffee.stackexchange.com", 1).last_poster_id is None


def test_the_newest_answer_of_a_new_thread_is_its_last_post(app, tmp_path):
    write_dump(tmp_path / "coffee", [
        question(1, "Descaling an espresso machine safely", LastActivityDate="2020-01-01T00:00:00"),
        answer(2, 1, created="2016-05-02T10:00:00.000"),
        answer(3, 1, "<p>Update: the manual says vinegar.</p>", created="2016-05-03T10:00:00.000",
               OwnerUserId=7),
    ])
    run_import(app, tmp_path / "coffee")
    thread = thread_by_source(app, "coffee.stackexchange.com", 1)
    with app.app_context():
        account = db.session.scalar(select(User.id).where(User.username == "stackexchange-import"))
    assert thread.last_poster_id == account  # the asker spoke last: it waits on the community


# --- bad input --------------------------------------------------------------------------


def assert_refused(app, result, message: str) -> None:
    assert result.exit_code != 0
    assert message in result.output
    assert count(app, Thread) == 0 and count(app, Category) == 0 and count(app, User) == 0


def test_a_missing_folder_is_refused(app, tmp_path):
    assert_refused(app, run_import(app, tmp_path / "nowhere"), "no such folder")


def test_a_folder_without_posts_xml_is_refused(app, tmp_path):
    (tmp_path / "coffee").mkdir()
    assert_refused(app, run_import(app, tmp_path / "coffee"), "no Posts.xml here")


def test_malformed_xml_is_refused_before_anything_is_written(app, tmp_path):
    write_dump(tmp_path / "coffee", [question(1, "Descaling an espresso machine safely")])
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "Posts.xml").write_text(
        '<?xml version="1.0"?>\n<posts>\n<row Id="1" PostTypeId="1" Title="Cut off\n',
        encoding="utf-8")
    result = run_import(app, tmp_path / "coffee", tmp_path / "broken")  # a good one first
    assert_refused(app, result, "not well-formed XML")


def test_a_question_without_a_title_is_named_in_the_error(app, tmp_path):
    write_dump(tmp_path / "coffee", [question(1, "Descaling an espresso machine safely"),
                                     question(5, "")])
    assert_refused(app, run_import(app, tmp_path / "coffee"), "question 5 has no Title")


def test_a_folder_that_names_no_site_asks_for_site(app, tmp_path):
    write_dump(tmp_path / "my dump", [question(1, "Descaling an espresso machine safely")])
    assert_refused(app, run_import(app, tmp_path / "my dump"), "--site HOST")
    result = run_import(app, "--site", "coffee.stackexchange.com", tmp_path / "my dump")
    assert result.exit_code == 0 and thread_by_source(app, "coffee.stackexchange.com", 1)


def test_the_threads_take_the_language_given(app, tmp_path):
    write_dump(tmp_path / "coffee", [question(1, "Come decalcificare la macchina espresso")])
    result = run_import(app, "--language", "it", tmp_path / "coffee")
    assert result.exit_code == 0, result.output
    assert thread_by_source(app, "coffee.stackexchange.com", 1).language == "it"


def test_a_language_the_forum_does_not_have_is_refused(app, tmp_path):
    write_dump(tmp_path / "coffee", [question(1, "Descaling an espresso machine safely")])
    result = run_import(app, "--language", "fr", tmp_path / "coffee")
    assert_refused(app, result, "--language")
    assert "en, it" in result.output
