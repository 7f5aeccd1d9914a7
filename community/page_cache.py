"""Signed-out pages, rendered once per version and language, and tagged for shared caches.

Most visitors arrive from a search engine, signed out. Their copy of a thread, an
article, the home page or a product area is the same for everyone, so it is kept in
memory, keyed by what it shows: a thread's ``version`` (which every visible change bumps,
in the same transaction), or the categories' versions for pages that list
(:mod:`community.versions`), with the page language and the hour (so "3 hours ago" never
goes stale for long). A hit costs one small query for the version, so several workers and
several nodes never serve a stale page: an old version's entry is simply never asked for
again and ages out. :func:`serve` also makes the key the page's ETag
(:mod:`app.http_cache`), so a browser or a proxy holding it gets 304 for the same query.

Signed-in pages differ by viewer, but most of a thread page does not: each post's head
and body (``community/_post.html``) are kept here too, per thread version, and shared by
every viewer (:func:`post_fragments`), so a member's page builds only its footers (votes,
accept, edit, staff tools: :mod:`community.post_cards`).

Each worker keeps its own copy. With ``PAGE_CACHE_REDIS_URL`` set, what one worker renders
is also written to Redis (:class:`SharedPageCache`), so the other workers and nodes, and
a worker just started, read it instead of rendering it again.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime
from threading import Lock

from flask import Flask, Response, current_app, g, make_response, request, session
from flask_babel import get_locale
from flask_login import current_user

from app import http_cache

MAX_BYTES = 32 * 1024 * 1024  # per worker: pages are ~10-50 KB each
MAX_SEEN = 10_000  # keys remembered for pages kept only once asked twice (searches)
SHARED_TTL = 2 * 3600  # seconds: every key names its hour, so an older entry is dead
REDIS_TIMEOUT = 0.25  # seconds; a page is rendered rather than waited for
REDIS_RETRY_AFTER = 30  # seconds without asking Redis after it failed
log = logging.getLogger(__name__)


class PageCache:
    """A least-recently-used cache bounded by the total size of the pages it holds."""

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self._entries: OrderedDict[tuple, str] = OrderedDict()
        self._seen: OrderedDict[int, None] = OrderedDict()
        self._lock = Lock()
        self.max_bytes = max_bytes
        self.size = 0

    def seen_before(self, key: tuple) -> bool:
        """Whether ``key`` was asked for recently (among the last ``MAX_SEEN``); notes it."""
        with self._lock:
            found = hash(key) in self._seen
            self._seen[hash(key)] = None
            self._seen.move_to_end(hash(key))
            if len(self._seen) > MAX_SEEN:
                self._seen.popitem(last=False)
            return found

    def get(self, key: tuple) -> str | None:
        with self._lock:
            html = self._entries.get(key)
            if html is not None:
                self._entries.move_to_end(key)
            return html

    def put(self, key: tuple, html: str) -> None:
        with self._lock:
            previous = self._entries.pop(key, None)
            self.size -= len(previous) if previous else 0
            self._entries[key] = html
            self.size += len(html)
            while self.size > self.max_bytes and len(self._entries) > 1:
                _, evicted = self._entries.popitem(last=False)
                self.size -= len(evicted)


class SharedPageCache(PageCache):
    """This worker's pages in front of Redis, shared by every worker and node.

    A key names what a page shows at one version, so an entry never goes stale: this
    worker's copy is as good as Redis's, and Redis spares only the renderings another
    worker or node already did. Redis failing costs renderings, never a page.
    """

    def __init__(self, client, namespace: str = "", max_bytes: int = MAX_BYTES) -> None:
        super().__init__(max_bytes)
        self._client = client
        self._prefix = f"peerdesk:page:{namespace}:"
        self._down_until = 0.0

    def get(self, key: tuple) -> str | None:
        html = super().get(key)
        if html is None and (raw := self._ask(self._client.get, self._name(key))) is not None:
            html = raw.decode()
            super().put(key, html)
        return html

    def put(self, key: tuple, html: str) -> None:
        super().put(key, html)
        self._ask(self._client.set, self._name(key), html.encode(), ex=SHARED_TTL)

    def _ask(self, command: Callable, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return None
        from redis import RedisError

        try:
            return command(*args, **kwargs)
        except RedisError as error:
            log.warning("page cache: Redis unavailable for %ss (%s)", REDIS_RETRY_AFTER, error)
            self._down_until = time.monotonic() + REDIS_RETRY_AFTER
            return None


    def _name(self, key: tuple) -> str:
        return self._prefix + http_cache.etag(*key)  # the same digest on every node


def init_app(app: Flask) -> None:
    app.extensions["community_page_cache"] = _build(app.config.get("PAGE_CACHE_REDIS_URL"),
                                                    _namespace(app))


def _namespace(app: Flask) -> str:
    """Two sites sharing one Redis (staging and production) never share pages: their
    base URLs differ, and so do the links in their pages."""
    return http_cache.etag(app.config.get("BASE_URL"), app.config.get("SITE_NAME"))


def _build(redis_url: str | None, namespace: str = "") -> PageCache:
    if not redis_url:
        return PageCache()
    from redis import Redis

    return SharedPageCache(Redis.from_url(redis_url, socket_timeout=REDIS_TIMEOUT,
                                          socket_connect_timeout=REDIS_TIMEOUT), namespace)


def cache() -> PageCache:
    return current_app.extensions["community_page_cache"]


def applies() -> bool:
    """Only signed-out visitors with nothing personal to show (no pending flash message)."""
    return not current_user.is_authenticated and "_flashes" not in session


def key(*parts: object) -> tuple:
    """A page's key: what it shows (``parts``), the page language, the hour, the query
    string as sent (pages echo it: the search box, pagination links) and the release."""
    if "page_cache_suffix" not in g:  # once per request: a page asks for one per post
        g.page_cache_suffix = (str(get_locale()), int(time.time() // 3600),
                               request.query_string, http_cache.release())
    return (*parts, *g.page_cache_suffix)


def serve(page_key: tuple, render: Callable[[], str],
          last_modified: datetime | None = None, *, when_asked_twice: bool = False) -> Response:
    """304 for a client holding this page's tag; else the cached or freshly rendered page,
    public for shared caches. Call only when :func:`applies`. ``when_asked_twice``: keep
    the page only once it is asked for again (a search: a flood of one-off questions
    would otherwise push every thread page out)."""
    tag = http_cache.etag(*page_key)
    if (not_modified := http_cache.unchanged(tag, last_modified)) is not None:
        return not_modified
    html = cache().get(page_key)
    if html is None:
        html = render()
        if not when_asked_twice or cache().seen_before(page_key):
            cache().put(page_key, html)
    return http_cache.make_public(make_response(html), tag, last_modified)


def _post_key(post, page, accepted: bool, suffix: tuple | None = None) -> tuple:
    # The "edited" link (to the revisions) is the one viewer-dependent part of a head.
    return ("post", post.id, page.thread.version, bool(accepted), post.id in page.editable,
            *(_fragment_suffix() if suffix is None else suffix))


def _fragment_suffix() -> tuple:
    """A page's key suffix without the query string: a post's head never shows it, so
    ``?utm_source=...`` shares the heads (and cannot fill the cache with copies)."""
    locale, hour, _query, release = key()[-4:]
    return (locale, hour, release)


def post_fragments(posts, page) -> dict[int, str | None]:
    """Each post's head and body as rendered for this thread version, by id (the accepted
    answer's as accepted), or None where not kept."""
    kept, suffix = cache(), _fragment_suffix()
    return {post.id: kept.get(_post_key(post, page, post is page.accepted, suffix))
            for post in posts}


def keep_post_fragment(post, page, accepted: bool, html: str) -> str:
    cache().put(_post_key(post, page, accepted), str(html))
    return html
