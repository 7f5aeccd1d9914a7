"""Links between imported posts: a link to a question or an answer of an imported site
leads to its local copy once that is here.

Stack Exchange posts link to each other all the time (``https://<site>/questions/<id>/<slug>``,
``/q/<id>``, ``/a/<id>``, ``/questions/<q>/<slug>/<answer>``; links relative to the site
were made absolute when the body was cleaned). Pages never render bodies again, so the
stored bodies are rewritten, once a dump's threads are all written: a link may name a
question further on in the dump, or one that only a later run brings. Each run therefore
looks at the posts it wrote, and at earlier imported posts that link to the site it
imported. A link whose target is not here stays on the source site, which still works.

A post edited here is left as its editor saved it: its source is their Markdown now, and
rewriting the HTML alone would be undone by the next edit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice

from flask import current_app
from sqlalchemy import select, update

from app.extensions import db
from community.importers.stackexchange import key
from community.models import Post, Thread

CHUNK = 200
IMPORTED = "stackexchange:"
# Sanitized HTML: attributes are double-quoted and "<" in text is &lt;, so only real links
# match. ``answer`` is the answer a /questions/<q>/<slug>/<answer> link points at.
SITE_LINK = re.compile(
    r'(?P<start><a\s[^>]*?\bhref=")(?:https?:)?//(?P<host>[a-z0-9.-]+)/'
    r'(?:(?:questions|q)/(?P<question>\d+)(?:/[^/"?#]*/(?P<answer>\d+))?|a/(?P<post>\d+))'
    r'(?:[/?#][^"]*)?"', re.IGNORECASE)


def resolve(site: str, thread_ids: list[int]) -> int:
    """Point links at local copies after writing ``thread_ids`` from ``site``'s dump;
    returns how many posts changed. Commits per chunk."""
    if not thread_ids:
        return 0
    changed = 0
    for chunk in _chunks(sorted(_candidates(site, thread_ids)), CHUNK):
        changed += _rewrite(db.session.scalars(select(Post).where(Post.id.in_(chunk))).all())
        db.session.commit()
        db.session.expunge_all()
    return changed


def _candidates(site: str, thread_ids: list[int]) -> set[int]:
    unedited = (Post.edited_at.is_(None), Post.external_id.startswith(IMPORTED))
    found = set(db.session.scalars(select(Post.id).where(
        *unedited, Post.body_html.contains(f"//{site}/", autoescape=True))))
    for chunk in _chunks(thread_ids, CHUNK):
        found.update(db.session.scalars(select(Post.id).where(
            *unedited, Post.thread_id.in_(chunk), Post.body_html.contains("//"))))
    return found


def _rewrite(posts: list[Post]) -> int:
    posts = [post for post in posts if post.body_source == post.body_html]
    urls = _local_urls({key(host, number) for post in posts
                        for host, numbers in _targets(post.body_html) for number in numbers})
    rewritten, threads = 0, set()
    for post in posts:
        html = SITE_LINK.sub(lambda match: _replacement(match, urls), post.body_html)
        if html != post.body_html:
            post.body_html = post.body_source = html
            rewritten += 1
            threads.add(post.thread_id)
    if threads:  # cached copies of these pages are stale
        db.session.execute(update(Thread).where(Thread.id.in_(threads))
                           .values(version=Thread.version + 1))
    return rewritten


def _targets(html: str) -> Iterator[tuple[str, list[str]]]:
    for match in SITE_LINK.finditer(html):
        yield match["host"].lower(), _numbers(match)


def _numbers(match: re.Match) -> list[str]:
    """The ids a link names, the most precise first."""
    return [number for number in (match["answer"], match["question"], match["post"]) if number]


def _replacement(match: re.Match, urls: dict[str, str]) -> str:
    host = match["host"].lower()
    for number in _numbers(match):
        url = urls.get(key(host, number))
        if url:
            return f'{match["start"]}{url}"'
    return match[0]


def _local_urls(keys: set[str]) -> dict[str, str]:
    """Local URLs of the imported questions (their thread) and answers (their post on it)."""
    urls, adapter = {}, current_app.url_map.bind("peerdesk.invalid")

    def thread_url(thread_id: int, slug: str) -> str:
        return adapter.build("community.thread", {"thread_id": thread_id, "slug": slug})

    for chunk in _chunks(sorted(keys), CHUNK):
        for external_id, post_id, thread_id, slug in db.session.execute(
                select(Post.external_id, Post.id, Thread.id, Thread.slug)
                .join(Thread, Post.thread_id == Thread.id).where(Post.external_id.in_(chunk))):
            urls[external_id] = f"{thread_url(thread_id, slug)}#post-{post_id}"
        for external_id, thread_id, slug in db.session.execute(
                select(Thread.external_id, Thread.id, Thread.slug)
                .where(Thread.external_id.in_(chunk))):
            urls[external_id] = thread_url(thread_id, slug)  # a question: its thread
    return urls


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
