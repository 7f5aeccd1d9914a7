"""Deflection on the ask page: answers that may already exist, shown before anyone asks.

While a customer types a title, up to five solved threads and published articles that
look like it are suggested. The index only proposes ids; the rows are loaded with SQL
and visibility is applied again (a solved thread whose question is now hidden, or an
article taken back, never appears, however stale the index). Suggestion links go through
a tracked redirect that records the click and lands on the page with a marker, which
asks "Did this solve your problem?". The ask form's draft (title, product area, kind,
tags) is kept in the session, so "No, back to my question" finds it as it was; the
details the customer typed are kept by the page's script in the browser.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from flask import render_template, request, session, url_for
from markupsafe import Markup
from werkzeug.routing import BuildError

from app import search
from community.journey import recorder, rules
from community.journey.models import Step
from community.knowledge.queries import readable_articles
from community.search_documents import visible_threads

log = logging.getLogger(__name__)

KINDS = ("thread", "article")
MARKER = "suggested"  # ?suggested=1 on a page reached from a suggestion
SHOWN_KEY = "journey_shown"
DRAFT_KEY = "ask_draft"


@dataclass(frozen=True)
class Target:
    """A solved thread or readable article a customer may be sent to."""

    kind: str
    id: int
    title: str
    category: str
    url: str  # the page itself, canonical

    @property
    def tracked_url(self) -> str:
        return url_for("journey.follow", kind=self.kind, item_id=self.id)

    @property
    def ids(self) -> dict:
        return {f"{self.kind}_id": self.id}


def suggest(text: str, *, limit: int = rules.MAX_SUGGESTIONS) -> list[Target]:
    """Solved threads and articles like ``text``, best first; records that they were shown."""
    query = rules.normalize_query(text)
    if not query:
        return []
    try:
        hits = search.query(query, kinds=KINDS, solved_only=True, limit=limit * 3).hits
    except Exception:  # the ask page must work even when the index does not
        log.exception("suggestions: search failed for %r", query)
        return []
    found = _load([(hit.kind, hit.id) for hit in hits])[:limit]
    if found:
        _note_shown(query, found)
    return found


def target(kind: str, item_id: int) -> Target | None:
    found = _load([(kind, item_id)])
    return found[0] if found else None


def _load(keys: list[tuple[str, int]]) -> list[Target]:
    """The keys that may be shown, in their order: two or three queries however many."""
    threads = visible_threads([ident for kind, ident in keys if kind == "thread"])
    article_ids = [ident for kind, ident in keys if kind == "article"]
    articles = readable_articles(article_ids) if article_ids else {}
    found = []
    for kind, ident in keys:
        thread, article = threads.get(ident), articles.get(ident)
        if kind == "thread" and thread is not None and thread.accepted_post_id is not None:
            found.append(Target("thread", ident, thread.title, thread.category.name,
                                url_for("community.thread", thread_id=ident, slug=thread.slug)))
        elif kind == "article" and article is not None and (url := _article_url(article)):
            found.append(Target("article", ident, article.current_revision.title,
                                article.category.name, url))
    return found


def _article_url(article) -> str | None:
    try:
        return url_for("knowledge.article", article_id=article.id, slug=article.slug)
    except BuildError:  # the knowledge base's pages are not installed
        return None


def _note_shown(query: str, found: list[Target]) -> None:
    """One step per new set of suggestions, not one per keystroke."""
    signature = ",".join(f"{item.kind}:{item.id}" for item in found)
    if session.get(SHOWN_KEY) != signature:
        session[SHOWN_KEY] = signature
        recorder.record(Step.SUGGESTIONS_SHOWN, query=query, detail=str(len(found)))


# --- the page reached from a suggestion ------------------------------------------------


@dataclass(frozen=True)
class Banner:
    solved_url: str
    back_url: str


def banner(kind: str, item_id: int) -> Banner | None:
    """The "Did this solve your problem?" question, on pages reached from a suggestion."""
    if b"suggested=1" not in request.query_string or request.args.get(MARKER) != "1":
        return None  # the first test is cheap: this runs on every thread page
    return Banner(url_for("journey.solved_it", kind=kind, item_id=item_id),
                  url_for("community.ask"))


def banner_html(kind: str, item_id: int) -> Markup:
    """For page templates (e.g. an article): ``{{ deflection_banner('article', id) }}``.
    A page that is cached must skip its cache when :func:`banner` is not None."""
    found = banner(kind, item_id)
    if found is None:
        return Markup("")
    return Markup(render_template("journey/_deflection_banner.html", deflection=found))  # noqa: S704


# --- the ask form's draft ----------------------------------------------------------------


def keep_draft(form) -> None:
    """Small fields only: the session is a cookie, and details can be 20,000 characters."""
    session[DRAFT_KEY] = {"title": (form.title.data or "")[:150],
                          "category": form.category.data, "kind": form.kind.data,
                          "tags": (form.tags.data or "")[:200]}


def draft(category: int | None = None) -> dict:
    """What a fresh ask page starts from: the draft (e.g. back from a suggestion), in the
    product area named by the link if there is one."""
    kept = dict(session.get(DRAFT_KEY) or {})
    if category is not None or "category" not in kept:
        kept["category"] = category
    return kept


def forget_draft() -> None:
    session.pop(DRAFT_KEY, None)
    session.pop(SHOWN_KEY, None)
