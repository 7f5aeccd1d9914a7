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

MAX_ENTRIES = 2000


class PageCache:
    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: OrderedDict[tuple, str] = OrderedDict()
        self._lock = Lock()
        self.max_entries = max_entries

    def get(self, key: tuple) -> str | None:
        with self._lock:
            html = self._entries.get(key)
            if html is not None:
                self._entries.move_to_end(key)
            return html

    def put(self, key: tuple, html: str) -> None:
        with self._lock:
            self._entries[key] = html
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)


def init_app(app: Flask) -> None:
    app.extensions["community_page_cache"] = PageCache()


def cache() -> PageCache:
    return current_app.extensions["community_page_cache"]


def applies() -> bool:
    """Only signed-out visitors with nothing personal to show (no pending flash message)."""
    return not current_user.is_authenticated and "_flashes" not in session
