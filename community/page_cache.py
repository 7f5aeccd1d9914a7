"""Anonymous thread pages, rendered once per thread version and language.

Most visitors arrive from a search engine, signed out. Their copy of a thread page is
the same for everyone, so it is kept in memory, keyed by the thread's ``version`` (which
every visible change bumps, in the same transaction) and the page language. A hit costs
one small query for the version, so several workers and several nodes never serve a
stale page: an old version's entry is simply never asked for again and ages out.
"""

from __future__ import annotations

from collections import OrderedDict
from threading import Lock

from flask import Flask, current_app, session
from flask_login import current_user

MAX_BYTES = 32 * 1024 * 1024  # per worker: pages are ~10-50 KB each


class PageCache:
    """A least-recently-used cache bounded by the total size of the pages it holds."""

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self._entries: OrderedDict[tuple, str] = OrderedDict()
        self._lock = Lock()
        self.max_bytes = max_bytes
        self.size = 0

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


def init_app(app: Flask) -> None:
    app.extensions["community_page_cache"] = PageCache()


def cache() -> PageCache:
    return current_app.extensions["community_page_cache"]


def applies() -> bool:
    """Only signed-out visitors with nothing personal to show (no pending flash message)."""
    return not current_user.is_authenticated and "_flashes" not in session
