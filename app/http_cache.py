"""Pages a shared cache may keep: what a signed-out visitor sees, the same for everyone.

A view that can serve such a page names what it shows as an ETag, made from versions the
database keeps (a thread's ``version``, a category's ...), and asks :func:`unchanged`
first: a request that already holds that ETag (``If-None-Match``) gets 304 before
anything is rendered. :func:`make_public` then marks the page ``Cache-Control: public``
with ``max-age`` PAGE_MAX_AGE seconds (0 by default: a cache revalidates every time, so a
moderator's decision reaches the next visitor at once, yet a 304 costs one small query)
and ``Vary: Accept-Language, Cookie`` (a language chosen in the session overrides the
browser's). A public page never sets a cookie: if the session changed while it was made,
:func:`keep_private` turns it back into a private one.
"""

from __future__ import annotations

import hashlib
import sys
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from flask import Flask, Response, current_app, make_response, request, session
from werkzeug.http import http_date

VARY = ("Accept-Language", "Cookie")
RELEASE_FILES = {".py", ".html", ".mo", ".js", ".css"}


def release() -> str:
    """What this deployment renders with: a new release (templates, code, translations)
    changes every tag, so no cache keeps a page the old code made. A digest of every code,
    template, catalogue and asset file of the app's packages, once per process: the same
    on every node running the same release."""
    return _fingerprint(("app", *current_app.config.get("PACKAGES", ())))


@lru_cache(maxsize=4)
def _fingerprint(packages: tuple[str, ...]) -> str:
    digest = hashlib.blake2b(digest_size=8)
    for package in packages:
        for folder in getattr(sys.modules.get(package), "__path__", []):
            for path in sorted(Path(folder).rglob("*")):
                if path.is_file() and path.suffix in RELEASE_FILES:
                    digest.update(path.relative_to(folder).as_posix().encode())
                    digest.update(path.read_bytes())
    return digest.hexdigest()


def etag(*parts: object) -> str:
    """A tag for a page made from ``parts`` (versions, ids, the language, the page)."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=12).hexdigest()


def unchanged(tag: str, last_modified: datetime | None = None) -> Response | None:
    """304 Not Modified when the request already holds ``tag``, else None."""
    if not request.if_none_match.contains(tag):
        return None
    return make_public(make_response("", 304), tag, last_modified)


def make_public(response: Response, tag: str,
                last_modified: datetime | None = None) -> Response:
    # Plain header strings: werkzeug's header objects cost more than the rest of a hit.
    headers = response.headers
    headers["ETag"] = f'"{tag}"'
    if last_modified is not None:
        headers["Last-Modified"] = http_date(last_modified)
    max_age = int(current_app.config["PAGE_MAX_AGE"])
    headers["Cache-Control"] = f"public, max-age={max_age}" + ("" if max_age else ", no-cache")
    headers["Vary"] = ", ".join(VARY)
    return response


def keep_private(response: Response) -> Response:
    """A page that sets a cookie is one visitor's: no shared cache may keep it."""
    if response.cache_control.public and (session.modified or "Set-Cookie" in response.headers):
        response.cache_control.public = False
        response.cache_control.private = True
        response.cache_control.no_cache = True
        response.cache_control.max_age = None
    return response


def init_app(app: Flask) -> None:
    app.after_request(keep_private)
