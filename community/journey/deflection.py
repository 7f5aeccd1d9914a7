"""Deflection on the ask page: answers that may already exist, shown before anyone asks.

While a customer types a title, up to five solved threads and published articles that
look like it are suggested. The index only proposes ids; the rows are loaded with SQL
and visibility is applied again (a solved thread whose question is now hidden, or an
article taken back, never appears, however stale the index). Suggestion links go through
a tracked redirect that records the click and lands on the page with a marker, which
asks "Did this solve your problem?".

The session remembers what it was shown and what it clicked (the last few of each), and
that is what counts: a click is recorded only on something this session was suggested,
so deflections cannot be inflated by requesting the redirect for any solved thread; and
the question shows (and the anonymous page cache is skipped) only where this session
recorded a click, so ``?suggested=1`` on any thread is just the cached page.

The ask form's draft (title, product area, kind, tags) is kept in the session, so "No,
back to my question" finds it as it was; the details the customer typed are kept by the
page's script in the browser. Signing out forgets all of these (:func:`forget_all`), and
the page's script forgets its copy when the sign-out form is sent.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from flask import render_template, request, session, url_for
from markupsafe import Markup

from app import search
from community.journey import recorder, rules
from community.journey.models import Step
from community.knowledge.queries import readable_articles
from community.search_documents import visible_threads

log = logging.getLogger(__name__)

KINDS = ("thread", "article")
MARKER = "suggested"  # ?suggested=1 on a page reached from a suggestion
LAST_SHOWN_KEY = "journey_last_shown"  # the set last shown, so it is recorded once
SHOWN_KEY = "journey_shown"  # "thread:12", ... the most recent MAX_SHOWN shown
CLICKED_KEY = "journey_clicked"  # the same, for the most recent MAX_CLICKED clicks
DRAFT_KEY = "ask_draft"
BACK_KEY = "journey_back"  # where "No, back to my question" leads (the ask page by default)
SESSION_KEYS = (LAST_SHOWN_KEY, SHOWN_KEY, CLICKED_KEY, DRAFT_KEY, BACK_KEY)
MAX_SHOWN = 4 * rules.MAX_SUGGESTIONS
MAX_CLICKED = 10


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

    @property
    def key(self) -> str:
        return _key(self.kind, self.id)


def _key(kind: str, item_id: int) -> str:
    return f"{kind}:{item_id}"


def suggest(text: str, *, limit: int = rules.MAX_SUGGESTIONS,
            back: str | None = None) -> list[Target]:
    """Solved threads and articles like ``text``, best first; records that they were shown.
    ``back``: the form a suggestion's "No, back to my question" returns to (the ask page
    unless said otherwise, e.g. the contact form)."""
    if session.get(BACK_KEY) != back:  # written only on a change: sessions are cookies
        if back is None:
            session.pop(BACK_KEY)
        else:
            session[BACK_KEY] = back
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
    articles = readable_articles(article_ids)
    found = []
    for kind, ident in keys:
        thread, article = threads.get(ident), articles.get(ident)
        if kind == "thread" and thread is not None and thread.accepted_post_id is not None:
            found.append(Target("thread", ident, thread.title, thread.category.name,
                                url_for("community.thread", thread_id=ident, slug=thread.slug)))
        elif kind == "article" and article is not None:
            found.append(Target("article", ident, article.current_revision.title,
                                article.category.name,
                                url_for("knowledge.article", article_id=ident,
                                        slug=article.slug)))
    return found


def _note_shown(query: str, found: list[Target]) -> None:
    """One step per new set of suggestions, not one per keystroke."""
    signature = ",".join(item.key for item in found)
    if session.get(LAST_SHOWN_KEY) != signature:
        session[LAST_SHOWN_KEY] = signature
        _remember(SHOWN_KEY, [item.key for item in found], MAX_SHOWN)
        recorder.record(Step.SUGGESTIONS_SHOWN, query=query, detail=str(len(found)))


def _remember(key: str, items: list[str], limit: int) -> None:
    kept = [item for item in session.get(key, []) if item not in items]
    session[key] = (kept + items)[-limit:]


def follow(found: Target) -> bool:
    """Record a click on a suggestion this session was shown; False for anything else."""
    if found.key not in session.get(SHOWN_KEY, []):
        return False
    if not recorder.record(Step.SUGGESTION_CLICKED, **found.ids):
        return False
    _remember(CLICKED_KEY, [found.key], MAX_CLICKED)
    return True


# --- the page reached from a suggestion ------------------------------------------------


@dataclass(frozen=True)
class Banner:
    solved_url: str
    back_url: str


def banner(kind: str, item_id: int) -> Banner | None:
    """The "Did this solve your problem?" question, on pages this session reached from a
    suggestion it clicked."""
    if b"suggested=1" not in request.query_string or request.args.get(MARKER) != "1":
        return None  # the first test is cheap: this runs on every thread page
    if _key(kind, item_id) not in session.get(CLICKED_KEY, []):
        return None
    return Banner(url_for("journey.solved_it", kind=kind, item_id=item_id),
                  session.get(BACK_KEY) or url_for("community.ask"))


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
    """After asking or "this solved it": the next suggestions are a new step."""
    session.pop(DRAFT_KEY, None)
    session.pop(LAST_SHOWN_KEY, None)


def forget_all() -> None:
    """On signing out: nothing of this member's question is left for the next person."""
    for key in SESSION_KEYS:
        session.pop(key, None)
