"""The search page (and what the API's search shares with it): ids from the index, rows and
visibility from SQL, in the index's order.

Threads and articles are mixed as the index ranks them; a thread and the article promoted
from it show once, as the article. Close matches come first and are counted; looser ones
(sharing fewer or commoner words with the question) follow as "more results". Each kind
is loaded with the query that applies its own visibility (a thread whose question is
hidden, an article taken back), so a stale index never shows what a reader may not see;
such hits are dropped from the page. Filters: a category (with its subcategories),
solved only, and all / threads / articles.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort, redirect, render_template, request, url_for
from markupsafe import Markup

from app import search as search_adapter
from app.web import page_number
from community import page_cache, queries, search_documents
from community.journey import note
from community.journey.models import Step
from community.knowledge.queries import readable_articles
from community.tags import tag_by_name, tag_name
from community.views import bp

KINDS = {"all": ("thread", "article"), "threads": ("thread",), "articles": ("article",)}
PER_PAGE = 10
MAX_QUERY = 200


@dataclass(frozen=True)
class Filters:
    category: str = ""  # a category slug; its subcategories are included
    solved_only: bool = False
    kind: str = "all"  # a key of KINDS
    tag: str = ""  # a tag's name: only threads with it (articles have no tags)


@dataclass(frozen=True)
class Found:
    """One result as a reader sees it."""

    kind: str
    id: int
    title: str
    url: str
    snippet: Markup
    score: float
    category: str
    item: object  # the Thread or the Article, for the page's badges and summaries
    close: bool = True  # a close match; the others are shown apart as "more results"


@dataclass(frozen=True)
class Page:
    """One page of results, shaped for ``_pagination.html``."""

    items: list[Found]
    total: int  # every match, counted up to search.MAX_RESULTS
    page: int
    per_page: int
    suggestion: str | None
    close: int = 0  # close matches (search.CLOSE_SHARE of the best score or more)

    @property
    def close_items(self) -> list[Found]:
        return [item for item in self.items if item.close]

    @property
    def more_items(self) -> list[Found]:
        return [item for item in self.items if not item.close]

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        return self.page - 1

    @property
    def next_num(self) -> int:
        return self.page + 1


class UnknownCategory(ValueError):
    pass


def find(text: str, filters: Filters, *, page: int = 1, per_page: int = PER_PAGE) -> Page:
    """Search, then load what the reader may see, in the index's order."""
    found = search_adapter.query(
        text, kinds=KINDS[filters.kind], categories=_category_slugs(filters.category),
        tag=filters.tag or None, solved_only=filters.solved_only, limit=per_page,
        offset=(page - 1) * per_page, suggest=True)
    return Page(_load(found.hits), found.total, page, per_page, found.suggestion, found.close)


def _category_slugs(slug: str) -> list[str]:
    if not slug:
        return []
    category = queries.category_by_slug(slug)
    if category is None:
        raise UnknownCategory(slug)
    return [category.slug, *(child.slug for child in category.children)]


def _load(hits: list[search_adapter.Hit]) -> list[Found]:
    threads = search_documents.visible_threads([hit.id for hit in hits if hit.kind == "thread"])
    article_ids = [hit.id for hit in hits if hit.kind == "article"]
    articles = readable_articles(article_ids)
    found = []
    for hit in _one_per_answer(hits, articles):
        snippet = Markup(hit.highlight)  # noqa: S704 - escaped by the search backend
        if hit.kind == "thread" and (thread := threads.get(hit.id)) is not None:
            url = url_for("community.thread", thread_id=thread.id, slug=thread.slug)
            found.append(Found("thread", thread.id, thread.title, url, snippet, hit.score,
                               thread.category.name, thread, hit.close))
        elif hit.kind == "article" and (article := articles.get(hit.id)) is not None:
            url = url_for("knowledge.article", article_id=article.id, slug=article.slug)
            found.append(Found("article", article.id, article.current_revision.title,
                               url, snippet, hit.score, article.category.name, article,
                               hit.close))
    return found


def _one_per_answer(hits: list[search_adapter.Hit], articles: dict) -> list[search_adapter.Hit]:
    """A thread and the article promoted from it are one answer, shown once: as the article
    (curated, kept up to date), in the better of their two places."""
    promoted = {article.source_thread_id: article_id for article_id, article in articles.items()
                if article.source_thread_id is not None}
    article_hits = {hit.id: hit for hit in hits if hit.kind == "article"}
    shown, seen = [], set()
    for hit in hits:
        if hit.kind == "thread" and hit.id in promoted:
            hit = article_hits[promoted[hit.id]]
        if (hit.kind, hit.id) not in seen:
            seen.add((hit.kind, hit.id))
            shown.append(hit)
    return shown


def _filters_from_request() -> Filters:
    kind = request.args.get("type", "all")
    return Filters(category=request.args.get("category", "")[:80],
                   solved_only=request.args.get("solved") == "1",
                   kind=kind if kind in KINDS else "all",
                   tag=tag_name(request.args.get("tag", "")))


@bp.get("/search")
def search():
    text = request.args.get("q", "").strip()[:MAX_QUERY]
    filters = _filters_from_request()
    number = page_number()
    if filters.tag and tag_by_name(filters.tag) is None:
        abort(404)  # as for an unknown product area: the chip would lead nowhere
    if filters.tag and not text:  # "search within a tag" with nothing typed: the tag itself
        return redirect(url_for(".tag", name=filters.tag))
    if not text or not page_cache.applies():
        return _render_search(text, filters, number)
    # The same for every signed-out visitor until a thread or article changes (or the hour
    # turns: synonyms edited by an admin reach it then): a spike of customers asking the
    # same thing after a broken update costs two searches.
    lists = queries.list_versions()
    key = page_cache.key("search", text, filters, number, *lists.key)
    return page_cache.serve(key, lambda: _render_search(text, filters, number),
                            lists.changed_at, when_asked_twice=True)


def _render_search(text: str, filters: Filters, number: int) -> str:
    results = None
    if text:
        try:
            results = find(text, filters, page=number)
        except UnknownCategory:
            abort(404)
        if number == 1:
            note(Step.SEARCHED, query=text, detail=str(results.total))
    return render_template("community/search.html", query=text, filters=filters,
                           results=results, page=results, categories=queries.top_categories())
