"""The credit an imported thread owes its source, for the thread page.

CC BY-SA and Stack Exchange's attribution rules ask for: the source (a link to the
original question), each author's name (linked to their page on the site when known),
and the licence with its version (linked). The licence version of the question is the
one stored on the thread; answers carry their own author's name on each post.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

LICENCE = re.compile(r"^CC BY-SA (\d\.\d)$")
NUMBERED_AUTHOR = re.compile(r"^user (-?\d+)$")


@dataclass(frozen=True)
class Credit:
    site: str
    site_url: str
    source_url: str
    author: str
    author_url: str | None
    licence: str
    licence_url: str | None


def credit_for(thread, question) -> Credit | None:
    """What the page must say about an imported thread (``None`` for a native one)."""
    if not thread.source_url:
        return None
    site = urlsplit(thread.source_url).hostname or ""
    author = (question.original_author if question is not None else None) or "anonymous"
    return Credit(site=site, site_url=f"https://{site}/", source_url=thread.source_url,
                  author=author, author_url=author_url(site, author),
                  licence=thread.licence or "CC BY-SA", licence_url=licence_url(thread.licence))


def author_url(site: str, author: str | None) -> str | None:
    """An author known only by number ("user 42") has a page: https://<site>/users/42."""
    match = NUMBERED_AUTHOR.match(author or "")
    return f"https://{site}/users/{match.group(1)}" if match and site else None


def post_author_url(post) -> str | None:
    """The original author's page for an imported post (its external id names the site)."""
    parts = (post.external_id or "").split(":")
    if len(parts) != 3 or parts[0] != "stackexchange":
        return None
    return author_url(parts[1], post.original_author)


def licence_url(licence: str | None) -> str | None:
    match = LICENCE.match(licence or "")
    return f"https://creativecommons.org/licenses/by-sa/{match.group(1)}/" if match else None
