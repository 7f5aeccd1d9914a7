"""The credit imported content owes its source: on the thread page, on each imported post,
and on knowledge-base articles made from an imported thread.

CC BY-SA and Stack Exchange's attribution rules ask for: the source (a link to the
original question or answer), each author's name (linked to their page on the site when
known), and the licence with its version (linked). The question's licence is stored on
the thread, each post's on the post: the version is the one in force when it was posted.
An article combining a question and an answer under different versions is shared under
the latest of them: versions 2.5 and 3.0 of BY-SA let adaptations take a later version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import select

from app.extensions import db
from community.models import Post, Source, Thread

LICENCE = re.compile(r"^CC BY-SA (\d\.\d)$")
NUMBERED_AUTHOR = re.compile(r"^user (-?\d+)$")
ANY_VERSION = "CC BY-SA"


@dataclass(frozen=True)
class Credit:
    site: str
    site_url: str
    source_url: str
    author: str
    author_url: str | None
    licence: str
    licence_url: str | None


@dataclass(frozen=True)
class Contribution:
    """One imported post as an article credits it."""

    author: str
    author_url: str | None
    url: str  # the post on the site
    licence: str
    licence_url: str | None


@dataclass(frozen=True)
class ThreadCredit:
    """What an article made from an imported thread must say: the site, the question, the
    answer it draws on, and the licence the article is shared under."""

    site: str
    site_url: str
    source_url: str
    question: Contribution
    answer: Contribution | None
    licence: str
    licence_url: str | None


def credit_for(thread, question) -> Credit | None:
    """What the page must say about a thread imported from Stack Exchange (``None`` for
    any other: a native thread, or one from social listening, which credits its author
    and links its original in ``_thread_source.html``)."""
    if not thread.source_url or thread.source != Source.IMPORT:
        return None
    site = urlsplit(thread.source_url).hostname or ""
    author = (question.original_author if question is not None else None) or "anonymous"
    return Credit(site=site, site_url=f"https://{site}/", source_url=thread.source_url,
                  author=author, author_url=author_url(site, author),
                  licence=thread.licence or ANY_VERSION, licence_url=licence_url(thread.licence))


def thread_credit(thread: Thread, answer: Post | None = None) -> ThreadCredit | None:
    """The credit of an article made from ``thread`` and ``answer`` (by default the
    accepted answer); ``None`` for a thread not imported from Stack Exchange. An answer
    written here, not imported, is not credited: it is not the source's content."""
    if thread is None or not thread.source_url or thread.source != Source.IMPORT:
        return None
    question = db.session.scalar(select(Post).where(Post.thread_id == thread.id,
                                                    Post.is_opening.is_(True)))
    site = urlsplit(thread.source_url).hostname or ""
    asked = _contribution(site, question, thread.source_url, thread.licence)
    answer = answer if answer is not None else thread.accepted_post
    answered = None
    if answer is not None and _source_of(answer):
        answered = _contribution(site, answer, f"https://{site}/a/{_source_of(answer)[1]}")
    licence = _latest([item.licence for item in (asked, answered) if item])
    return ThreadCredit(site=site, site_url=f"https://{site}/", source_url=thread.source_url,
                        question=asked, answer=answered, licence=licence,
                        licence_url=licence_url(licence))


def _contribution(site: str, post: Post | None, url: str,
                  fallback_licence: str | None = None) -> Contribution:
    author = (post.original_author if post is not None else None) or "anonymous"
    licence = (post.licence if post is not None else None) or fallback_licence or ANY_VERSION
    return Contribution(author=author, author_url=author_url(site, author), url=url,
                        licence=licence, licence_url=licence_url(licence))


def _latest(licences: list[str]) -> str:
    versioned = [licence for licence in licences if LICENCE.match(licence)]
    if not versioned:
        return licences[0] if licences else ANY_VERSION
    return max(versioned, key=lambda licence: float(LICENCE.match(licence).group(1)))


def author_url(site: str, author: str | None) -> str | None:
    """An author known only by number ("user 42") has a page: https://<site>/users/42."""
    match = NUMBERED_AUTHOR.match(author or "")
    return f"https://{site}/users/{match.group(1)}" if match and site else None


def post_author_url(post) -> str | None:
    """The original author's page for an imported post (its external id names the site):
    on Stack Exchange when known, on X for a post heard there."""
    if (post.external_id or "").startswith("x:") and (post.original_author or "").startswith("@"):
        return f"https://x.com/{post.original_author[1:]}"
    source = _source_of(post)
    return author_url(source[0], post.original_author) if source else None


def _source_of(post) -> tuple[str, str] | None:
    """(site, id there) of an imported post: its external id is stackexchange:<site>:<id>."""
    parts = (post.external_id or "").split(":")
    if len(parts) != 3 or parts[0] != "stackexchange":
        return None
    return parts[1], parts[2]


def licence_url(licence: str | None) -> str | None:
    match = LICENCE.match(licence or "")
    return f"https://creativecommons.org/licenses/by-sa/{match.group(1)}/" if match else None
