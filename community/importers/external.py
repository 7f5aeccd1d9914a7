"""Posts written somewhere else, brought home as forum posts: social mentions today.

Social listening (a layer above) decides *what* to import; this module writes it the way
the forum writes every post: through the screening gate (``source="social"``, so
moderation applies its policy for social posts), counted when visible, held when the gate
says so, with its queue row in the same transaction. The caller owns the transaction: it
commits, then calls :func:`announce`, so a visible post is news (search, notifications,
escalation clocks) and a held one is news to moderation only.

The text arrives as plain text. It is stored as Markdown that shows exactly that text
(Markdown's characters escaped, line breaks kept), so a post saying ``*50% off*`` or
``<script>`` reads as written and never becomes markup; its HTML is built directly
(:func:`html_of`), exactly as rendering that Markdown would store it.

Imports come in bursts, so posts are written a batch at a time (:func:`write_all`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from bleach.linkifier import URL_RE as BARE_URL
from flask_babel import gettext as _
from markdown_it.common.normalize_url import normalizeLink, normalizeLinkText
from sqlalchemy import insert, select
from sqlalchemy.orm import joinedload

from app import events, screening
from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db
from app.text import (
    LINK_REL,
    forbidden_characters,
    link_paragraph,
    normalize_newlines,
    render_markdown,
    slugify,
)
from community import notifications, rules, visibility
from community.models import Category, Post, Source, Thread, ThreadKind, Visibility

# Every ASCII punctuation character can be escaped in CommonMark; escaping them all
# leaves no way for a post's text to become markup (links, images, headings, HTML).
MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")
LINK = re.compile(r"(https?://[^\s<>\"]*[^\s<>\".,;:!?)'\]])")
LEADING_HANDLES = re.compile(r"^(?:\s*[@\uff20]\w+)+\s*")
MAYBE_DOMAIN = re.compile(r"[\w-]\.[^\W\d_]{2}")  # in every address the linkifier finds
# bleach decodes what looks like a character reference ("&amp;", "&#65;") in text
ENTITY_LIKE = re.compile(r"&#?\w+;")


@dataclass(frozen=True)
class ExternalPost:
    key: str  # unique among imported posts, e.g. "x:1440716895355764743"
    text: str
    url: str  # the original
    author_label: str  # "@jane", shown instead of the local author until claimed
    site: str  # "X", or a feed's host
    created_at: datetime | None
    language: str = "en"
    title: str | None = None  # feeds have one; for a post without, made from its text


@dataclass(frozen=True)
class Entry:
    """One post of a batch and where it goes: a reply in ``thread``, or (``thread`` None)
    the opening post of a new thread keyed ``thread_key`` in ``category``; a later entry
    of the batch with the same key, and no thread, becomes a reply in that new thread."""

    item: ExternalPost
    author: User
    category: Category
    thread_key: str
    thread: Thread | None = None
    claimed: bool = False  # the author is the member who claimed the handle


@dataclass(frozen=True)
class Written:
    post_id: int
    thread_id: int
    verdict: screening.Verdict
    new_thread: bool


def write_all(entries: list[Entry]) -> list[Written]:
    """Screen and write a batch of posts (the caller commits, then calls
    :func:`announce_all`). The gate judges the batch at once and its rows go in a few
    multi-row INSERTs: an import's bursts are thousands of posts, and the ORM's unit of
    work costs more per row than screening it."""
    opening = _openings(entries)
    submissions = [_submission(entry, first)
                   for entry, first in zip(entries, opening, strict=True)]
    verdicts = [_imported(verdict) for verdict in screening.screen_all(submissions)]
    now = utcnow()
    threads = dict(zip(
        (entry.thread_key for entry, first in zip(entries, opening, strict=True) if first),
        _inserted(Thread, [_thread_row(entry, submission, verdict, now)
                           for entry, first, submission, verdict
                           in zip(entries, opening, submissions, verdicts, strict=True)
                           if first]),
        strict=True))
    thread_ids = [entry.thread.id if entry.thread else threads[entry.thread_key]
                  for entry in entries]
    post_ids = _inserted(Post, [
        _post_row(entry, thread_id, submission, verdict, first, now)
        for entry, thread_id, first, submission, verdict
        in zip(entries, thread_ids, opening, submissions, verdicts, strict=True)])
    written = [Written(post_id, thread_id, verdict, first) for post_id, thread_id, verdict, first
               in zip(post_ids, thread_ids, verdicts, opening, strict=True)]
    _counted(entries, written, now)
    screening.keep_written([
        (each.verdict, submission, screening.PostRef(
            each.post_id, entry.author.id, each.thread_id, submission.category_id))
        for each, submission, entry in zip(written, submissions, entries, strict=True)
        if each.verdict.queued])
    return written


def announce_all(written: list[Written]) -> list[Post]:
    """After the caller's commit: the same news a member's post makes, for each post of
    the batch (read back in one query); returns the posts, in order."""
    posts = _loaded([each.post_id for each in written])
    for each, post in zip(written, posts, strict=True):
        if not each.verdict.visible:
            events.notify(events.content_held, post, reasons=each.verdict.reasons,
                          by=post.author, new=True)
        elif each.new_thread:
            events.notify(events.question_asked, post.thread)
        else:
            events.notify(events.answer_posted, post)
    return posts


def _openings(entries: list[Entry]) -> list[bool]:
    """Which entries open a thread: the first of each new key."""
    seen: set[str] = set()
    opening = []
    for entry in entries:
        opening.append(entry.thread is None and entry.thread_key not in seen)
        seen.add(entry.thread_key)
    return opening


def _submission(entry: Entry, opening: bool) -> screening.Submission:
    """What the gate judges: the words heard, not the link back to them the post adds."""
    item = entry.item
    body = markdown_of(item.text)
    thread = entry.thread
    return screening.Submission(
        kind="question" if opening else "reply", author=entry.author, body=body,
        html=html_of(item.text), title=thread_title(item) if opening else "",
        source=Source.SOCIAL.value, language=item.language if thread is None else
        thread.language, category_id=entry.category.id if thread is None else
        thread.category_id, thread_id=thread.id if thread is not None else None)


def _imported(verdict: screening.Verdict) -> screening.Verdict:
    """An import keeps every post of a conversation: what the gate would refuse is held."""
    if verdict.refused:
        verdict.action = screening.Action.HOLD
    return verdict


def _inserted(model, rows: list[dict]) -> list[int]:
    """The ids of ``rows`` inserted, in their order. Core, in a few multi-row INSERTs: the
    ORM's bulk INSERT costs twice as much per row, and asking for the ids in the rows'
    order makes SQLite send one INSERT per row; each row's unique ``external_id`` says
    which id is whose instead."""
    if not rows:
        return []
    table = model.__table__
    result = db.session.execute(insert(table).returning(table.c.external_id, table.c.id), rows)
    ids = {key: ident for key, ident in result.all()}
    return [ids[row["external_id"]] for row in rows]


def _loaded(post_ids: list[int]) -> list[Post]:
    if not post_ids:
        return []
    found = {post.id: post for post in db.session.scalars(
        select(Post).where(Post.id.in_(post_ids)).options(joinedload(Post.thread)))}
    return [found[post_id] for post_id in post_ids]


def _thread_row(entry: Entry, submission: screening.Submission, verdict: screening.Verdict,
                now: datetime) -> dict:
    item, claimed = entry.item, entry.claimed
    title = verdict.title or submission.title
    return {
        "kind": ThreadKind.QUESTION, "title": title, "slug": slugify(title),
        "category_id": entry.category.id, "author_id": entry.author.id,
        "language": item.language, "source": Source.SOCIAL, "created_at": now,
        "last_activity_at": now, "last_poster_id": entry.author.id if claimed else None,
        "external_id": entry.thread_key[:120], "source_url": item.url[:500],
        "original_author": None if claimed else item.author_label[:120],
        "original_site": None if claimed else item.site[:80],
        # nobody here to remind of accepting an answer, until claimed
        "reminders_sent": 0 if claimed else len(rules.REMINDER_AFTER)}


def _post_row(entry: Entry, thread_id: int, submission: screening.Submission,
              verdict: screening.Verdict, opening: bool, now: datetime) -> dict:
    item = entry.item
    text = verdict.body if verdict.body is not None else submission.body
    html = verdict.html if verdict.html is not None else submission.html
    link = original_link(item.url)
    return {
        "thread_id": thread_id, "author_id": entry.author.id, "is_opening": opening,
        "body_source": f"{text}\n\n{link}" if link else text,
        "body_html": f"{html.rstrip()}\n{link_paragraph(item.url, _('Original post'))}"
        if link else html,
        "created_at": now, "external_id": item.key[:120],
        "original_author": None if entry.claimed else item.author_label[:120],
        "visibility": Visibility.VISIBLE if verdict.visible else Visibility.PENDING,
        "published_at": now if verdict.visible else None,
        "visibility_note": None if verdict.visible
        else verdict.message[:visibility.NOTE_LENGTH] or None}


def _counted(entries: list[Entry], written: list[Written], now: datetime) -> None:
    """The visible posts count: new questions in their areas, replies in their threads
    (``visibility.counted_all``), where a reply tells the thread's followers and lists
    name the author heard, never the import account. Threads replied to change version."""
    visibility.questions_counted(Counter(
        entry.category.id for entry, each in zip(entries, written, strict=True)
        if each.new_thread and each.verdict.visible))
    replies = _loaded([each.post_id for each in written
                       if not each.new_thread and each.verdict.visible])
    visibility.counted_all(replies, now)
    for post in replies:
        notifications.reply_posted(post)
    for post in {post.thread: post for post in replies}.values():  # each thread's last
        if post.original_author:
            post.thread.last_poster_id = None
    for thread in {entry.thread for entry in entries if entry.thread is not None}:
        thread.version = Thread.version + 1


def html_of(text: str) -> str:
    """The HTML that ``render_markdown(markdown_of(text))`` stores, built directly: text
    escaped, http(s) addresses as links, a line break per line, a paragraph per blank line.
    An import renders thousands of posts, and parsing and sanitizing each one costs more
    than the rest of the import. A text that names a site without ``http`` ("acme.com"),
    which the sanitizer makes a link, or that holds something like a character reference,
    which it decodes, takes the long way so it reads exactly like a member's post."""
    cleaned = _clean(text)
    rest = LINK.sub(" ", cleaned)
    if ENTITY_LIKE.search(rest) or (MAYBE_DOMAIN.search(rest) and BARE_URL.search(rest)):
        return str(render_markdown(markdown_of(text)))
    paragraphs: list[list[str]] = [[]]
    for line in cleaned.split("\n"):
        if line := line.strip():
            paragraphs[-1].append(_inline(line))
        elif paragraphs[-1]:  # a blank line (spaces of any kind) ends a paragraph
            paragraphs.append([])
    return "".join("<p>" + "<br>\n".join(lines) + "</p>\n" for lines in paragraphs if lines)


def _inline(line: str) -> str:
    parts = LINK.split(line)
    return "".join(
        f'<a href="{_escape(normalizeLink(part))}" rel="{LINK_REL}">'
        f"{_escape(normalizeLinkText(part))}</a>" if index % 2 else _escape(part)
        for index, part in enumerate(parts))


def _escape(text: str) -> str:
    """As markdown-it escapes text (``'`` stays as it is)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") \
        .replace('"', "&quot;")


def _clean(text: str) -> str:
    """Line breaks normalized, invisible characters out, outer blanks trimmed."""
    text = normalize_newlines(text)
    forbidden = set(forbidden_characters(text, multiline=True))
    if forbidden:
        text = "".join(char for char in text if char not in forbidden)
    return text.strip()


def markdown_of(text: str) -> str:
    """Plain text as Markdown that renders as that text: Markdown's characters escaped
    (links left whole, so they stay links), line breaks kept, invisible characters out."""
    parts = LINK.split(_clean(text))
    escaped = "".join(f"<{part}>" if index % 2 else MARKDOWN_SPECIAL.sub(r"\\\1", part)
                      for index, part in enumerate(parts))
    return "  \n".join(line.strip() for line in escaped.split("\n"))


def original_link(url: str) -> str:
    """The paragraph that links a post to its original (not screened: it is our own)."""
    return f"[{_('Original post')}](<{url}>)" if LINK.fullmatch(url or "") else ""


def thread_title(item: ExternalPost) -> str:
    """The item's title, else its first sentence without the @handles it opens with; a
    text too short for a title is named after its author."""
    source = item.title or LEADING_HANDLES.sub("", item.text)
    if not source.isprintable():  # line breaks become spaces; invisible characters go
        source = "".join(" " if char.isspace() else char for char in source
                         if char.isprintable() or char.isspace())
    line = " ".join(source.split())
    sentence = re.split(r"(?<=[.!?])\s", line, maxsplit=1)[0]
    title = sentence if len(sentence) >= rules.TITLE_MIN else line
    if len(title) > rules.TITLE_MAX:
        title = title[: rules.TITLE_MAX - 1].rsplit(" ", 1)[0] + "…"
    if len(title) < rules.TITLE_MIN:
        title = _("A post by %(author)s on %(site)s", author=item.author_label, site=item.site)
    return title[: rules.TITLE_MAX]
