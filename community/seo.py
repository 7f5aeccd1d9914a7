"""Search-engine pages and tags: ``robots.txt``, the sitemaps, canonical URLs, meta
descriptions and the structured data (JSON-LD) of thread and article pages.

Most of Peerdesk's readers arrive from a search engine, so the rules are the engines' own:

- The sitemap lists the pages worth sending people to: solved questions whose question
  and accepted answer are both visible (the "solved" list), and readable articles. Open
  questions and discussions are still crawled through category pages; held, hidden and
  deleted content is never listed. A sitemap file holds at most 50,000 URLs (the
  protocol's limit; ``SITEMAP_PAGE_SIZE`` lowers it): past that, ``/sitemap.xml`` becomes
  an index of numbered pages. Pages are streamed from the database in id order, so 100,000
  threads never sit in memory.
- Every URL is absolute and built on ``BASE_URL``, never on the request's Host header.
- ``robots.txt`` is derived from the URL map: every first path segment that holds no
  public page (the account, admin, API, ask, search, notification and profile pages, and
  whatever a package adds later) is disallowed, so new routes need no edit here. Search
  results are disallowed, as Discourse and Stack Overflow do: endless thin pages.
- JSON-LD follows Google's structured-data documentation: ``QAPage`` for a question with at
  least one visible answer (Google requires one), with ``answerCount`` counting every
  visible answer; ``DiscussionForumPosting`` for discussions; ``Article`` for articles. It
  is built from the rows the page already loaded (no extra SQL), only on the signed-out
  page crawlers see (which the page cache keeps), and serialized with ``<``, ``>`` and
  ``&`` escaped, so no text can close the ``<script>`` element it sits in.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from html.parser import HTMLParser
from types import SimpleNamespace

from babel.core import LOCALE_ALIASES
from flask import Blueprint, Flask, Response, abort, current_app, stream_with_context
from markupsafe import Markup
from sqlalchemy import Integer, Select, case, func, select
from sqlalchemy.orm import aliased

from app.clock import rfc3339
from app.extensions import db
from app.web import external_url
from community.knowledge.models import Article
from community.knowledge.queries import readable
from community.models import Post, Source, Thread, Visibility
from community.queries import thread_list

bp = Blueprint("seo", __name__, template_folder="templates")

MAX_URLS = 50_000
DESCRIPTION_LENGTH = 155
CACHE_CONTROL = "public, max-age=3600"
# Pages a search engine should index; top-level paths with none of them are disallowed.
PUBLIC_ENDPOINTS = frozenset({
    "community.home", "community.category", "community.thread", "knowledge.index",
    "knowledge.article", "seo.robots", "seo.sitemap", "seo.sitemap_page", "static",
})
SCHEMA = "https://schema.org"


# --- robots.txt -------------------------------------------------------------------------


@bp.get("/robots.txt")
def robots():
    body = current_app.jinja_env.get_template("community/seo/robots.txt").render(
        disallowed=disallowed_paths(), sitemap=external_url("seo.sitemap"))
    return Response(body, mimetype="text/plain", headers={"Cache-Control": CACHE_CONTROL})


def disallowed_paths() -> list[str]:
    """``/segment`` (the page itself and below) or ``/segment/`` for each first path segment
    whose pages are all private."""
    public, private, exact = set(), set(), set()
    for rule in current_app.url_map.iter_rules():
        if "GET" not in (rule.methods or ()):
            continue
        segment = rule.rule.lstrip("/").split("/", 1)[0]
        if not segment:  # the home page
            continue
        (public if rule.endpoint in PUBLIC_ENDPOINTS else private).add(segment)
        if rule.rule == f"/{segment}":
            exact.add(segment)
    paths = [f"/{segment}" if segment in exact else f"/{segment}/"
             for segment in sorted(private - public)]
    # "/me" must not also shut out a public "/media/...".
    return [path for path in paths
            if not any(f"/{segment}".startswith(path) for segment in public)]


# --- sitemaps ---------------------------------------------------------------------------


def _solved_threads() -> Select:
    """The "solved" list (visible question), with a visible accepted answer. Threads
    imported from Stack Exchange are left out (their canonical page is the original)
    unless ``SITEMAP_IMPORTED_THREADS`` is set."""
    accepted = aliased(Post)
    lastmod = case((Thread.solved_at > Thread.last_activity_at, Thread.solved_at),
                   else_=Thread.last_activity_at)
    statement = (select(Thread.id, Thread.slug, lastmod.label("lastmod"))
                 .join(accepted, accepted.id == Thread.accepted_post_id)
                 .where(thread_list("solved").whereclause,
                        accepted.visibility == Visibility.VISIBLE))
    if not current_app.config.get("SITEMAP_IMPORTED_THREADS", False):
        statement = statement.where(Thread.source != Source.IMPORT)
    return statement


def canonical_url(thread: Thread) -> str:
    """A thread imported from Stack Exchange is a copy: search engines are sent to the
    original. Every other thread's canonical page is its own."""
    if thread.source == Source.IMPORT and thread.source_url:
        return thread.source_url
    return thread_url(thread)


def _readable_articles() -> Select:
    return (select(Article.id, Article.slug, Article.updated_at.label("lastmod"))
            .where(readable().whereclause))


# kind -> (rows, page endpoint, its id argument)
KINDS = {
    "threads": (_solved_threads, "community.thread", "thread_id"),
    "articles": (_readable_articles, "knowledge.article", "article_id"),
}


def page_size() -> int:
    return max(1, min(int(current_app.config.get("SITEMAP_PAGE_SIZE", MAX_URLS)), MAX_URLS))


def _count(kind: str) -> int:
    rows = KINDS[kind][0]().subquery()
    return db.session.scalar(select(func.count()).select_from(rows)) or 0


@bp.get("/sitemap.xml")
def sitemap():
    size = page_size()
    counts = {kind: _count(kind) for kind in KINDS}
    if sum(counts.values()) <= size:
        urls = (url for kind in counts for url in _entries(kind, 1, size))
        return _xml("community/seo/urlset.xml", urls=urls)
    pages = [(external_url("seo.sitemap_page", kind=kind, number=number), rfc3339(lastmod))
             for kind, count in counts.items() if count
             for number, lastmod in _page_lastmods(kind, size)]
    return _xml("community/seo/sitemapindex.xml", sitemaps=pages)


@bp.get("/sitemap-<any(threads, articles):kind>-<int(min=1):number>.xml")
def sitemap_page(kind: str, number: int):
    size = page_size()
    if number > max(1, -(-_count(kind) // size)):
        abort(404)
    return _xml("community/seo/urlset.xml", urls=_entries(kind, number, size))


def _entries(kind: str, number: int, size: int) -> Iterator[tuple[str, str]]:
    """(absolute URL, lastmod) of one page, read through a streaming cursor."""
    rows, endpoint, id_name = KINDS[kind]
    statement = rows()
    build = _url_builder(endpoint, id_name)
    result = db.session.execute(
        statement.order_by(statement.selected_columns[0])
        .offset((number - 1) * size).limit(size).execution_options(yield_per=1000))
    for ident, slug, lastmod in result:
        yield build(ident, slug), rfc3339(lastmod)


def _page_lastmods(kind: str, size: int) -> list[tuple[int, datetime]]:
    """(page number, newest lastmod on it) for every page of ``kind``, in one query."""
    statement = KINDS[kind][0]()
    row_number = func.row_number(type_=Integer).over(order_by=statement.selected_columns[0])
    numbered = statement.add_columns(((row_number - 1) // size).label("page")).subquery()
    return [(page + 1, lastmod) for page, lastmod in db.session.execute(
        select(numbered.c.page, func.max(numbered.c.lastmod))
        .group_by(numbered.c.page).order_by(numbered.c.page))]


def _url_builder(endpoint: str, id_name: str):
    """A fast ``(id, slug) -> absolute URL`` for one endpoint (``external_url``'s result,
    with the URL map bound once rather than once per row)."""
    adapter = current_app.url_map.bind("peerdesk.invalid")
    base = current_app.config["BASE_URL"]

    def build(ident: int, slug: str) -> str:
        return base + adapter.build(endpoint, {id_name: ident, "slug": slug})

    return build


def _xml(template: str, **context) -> Response:
    stream = current_app.jinja_env.get_template(template).stream(**context)
    stream.enable_buffering(500)  # a few KB per write, not one write per tag
    return Response(stream_with_context(stream), mimetype="application/xml",
                    headers={"Cache-Control": CACHE_CONTROL})


# --- tags on pages ----------------------------------------------------------------------


class _TextOf(HTMLParser):
    BLOCKS = frozenset({"p", "br", "li", "tr", "td", "th", "pre", "blockquote", "div", "hr",
                        "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "summary"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "img":  # an answer that is only a screenshot still says something
            found = dict(attrs)
            self.parts.append(f" {found.get('alt') or found.get('src') or ''} ")
        self.handle_endtag(tag)

    def handle_endtag(self, tag) -> None:
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data) -> None:
        self.parts.append(data)


def text(html: str, limit: int | None = None) -> str:
    """The words of sanitized post HTML, on one line, cut at a word under ``limit``."""
    parser = _TextOf()
    parser.feed(html or "")
    parser.close()
    return shorten(" ".join("".join(parser.parts).split()), limit)


def shorten(words: str, limit: int | None) -> str:
    if limit is None or len(words) <= limit:
        return words
    cut = words[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[limit // 2:] else cut).rstrip(" ,.;:") + "…"


def thread_url(thread: Thread) -> str:
    return external_url("community.thread", thread_id=thread.id, slug=thread.slug)


def thread_description(page) -> str:
    return text(page.question.body_html, DESCRIPTION_LENGTH) or page.thread.title


def article_url(article: Article) -> str:
    return external_url("knowledge.article", article_id=article.id, slug=article.slug)


def article_description(article: Article) -> str:
    revision = article.current_revision
    return (shorten(" ".join(revision.summary.split()), DESCRIPTION_LENGTH)
            or text(revision.body_html, DESCRIPTION_LENGTH) or revision.title)


def og_locale(language: str) -> str:
    """OpenGraph wants language_TERRITORY: "it" -> "it_IT"."""
    return LOCALE_ALIASES.get(language, language)


def json_ld(data: dict) -> Markup:
    """``data`` as the body of a ``<script type="application/ld+json">``: JSON with ``<``,
    ``>`` and ``&`` as \\u escapes, so ``</script>`` or ``<!--`` in a title stays text."""
    encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char in "<>&":
        encoded = encoded.replace(char, f"\\u{ord(char):04x}")
    return Markup(encoded)  # noqa: S704 - JSON with every markup character escaped


def _person(post: Post) -> dict:
    if post.original_author:  # imported: credit the author at the source
        return {"@type": "Person", "name": post.original_author}
    return {"@type": "Person", "name": post.author.username,
            "url": external_url("accounts.profile", username=post.author.username)}


def _dates(post: Post) -> dict:
    dates = {"dateCreated": rfc3339(post.created_at), "datePublished": rfc3339(post.created_at)}
    if post.edited_at:
        dates["dateModified"] = rfc3339(post.edited_at)
    return dates


def _answer(post: Post, url: str, kind: str = "Answer") -> dict:
    answer = {"@type": kind, "text": text(post.body_html), **_dates(post),
              "url": f"{url}#post-{post.id}", "author": _person(post)}
    if kind == "Answer":
        answer["upvoteCount"] = post.helpful_count
    return answer


def thread_data(page) -> dict | None:
    """QAPage or DiscussionForumPosting for a thread page, from what the page loaded; None
    for signed-in viewers (crawlers are signed out) and for unanswered questions."""
    if page.viewer_id is not None:
        return None
    thread, url = page.thread, thread_url(page.thread)
    accepted = page.accepted if page.accepted and _visible(page.accepted) else None
    others = [post for post in page.answers if _visible(post)]
    if not thread.is_question:
        return _discussion(page, url, [*([accepted] if accepted else []), *others])
    if accepted is None and not others:
        return None
    question = {"@type": "Question", "name": thread.title,
                "text": text(page.question.body_html) or thread.title,
                "answerCount": len(others) + (1 if accepted else 0),
                "upvoteCount": thread.me_too_count, **_dates(page.question),
                "author": _person(page.question), "url": url}
    if accepted:
        question["acceptedAnswer"] = _answer(accepted, url)
    if others:
        question["suggestedAnswer"] = [_answer(post, url) for post in others]
    return {"@context": SCHEMA, "@type": "QAPage", "url": url, "inLanguage": thread.language,
            "mainEntity": question}


def _discussion(page, url: str, replies: list[Post]) -> dict:
    thread = page.thread
    return {"@context": SCHEMA, "@type": "DiscussionForumPosting", "url": url,
            "mainEntityOfPage": url, "headline": thread.title,
            "text": text(page.question.body_html) or thread.title,
            "inLanguage": thread.language, "author": _person(page.question),
            **_dates(page.question),
            "interactionStatistic": {"@type": "InteractionCounter",
                                     "interactionType": f"{SCHEMA}/CommentAction",
                                     "userInteractionCount": len(replies)},
            "comment": [_answer(post, url, "Comment") for post in replies]}


def _visible(post: Post) -> bool:
    return post.visibility == Visibility.VISIBLE


def article_data(article: Article) -> dict:
    """Article structured data; the page should load ``article.author`` with the article."""
    revision, url = article.current_revision, article_url(article)
    site = current_app.config["SITE_NAME"]
    return {"@context": SCHEMA, "@type": "Article", "headline": revision.title,
            "description": article_description(article),
            "datePublished": rfc3339(article.published_at or article.created_at),
            "dateModified": rfc3339(article.updated_at),
            "author": {"@type": "Person", "name": article.author.username},
            "publisher": {"@type": "Organization", "name": site,
                          "url": current_app.config["BASE_URL"] + "/"},
            "inLanguage": article.language, "url": url,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url}}


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.add_template_global(SimpleNamespace(
        thread_url=thread_url, canonical_url=canonical_url,
        thread_description=thread_description, thread_data=thread_data,
        article_url=article_url, article_description=article_description,
        article_data=article_data, og_locale=og_locale, json_ld=json_ld, text=text,
    ), "seo")
