"""Posts written somewhere else, brought home as forum posts: social mentions today.

Social listening (a layer above) decides *what* to import; this module writes it the way
the forum writes every post: through the screening gate (``source="social"``, so
moderation applies its policy for social posts), counted when visible, held when the gate
says so, with its queue row in the same transaction. The caller owns the transaction: it
commits, then calls :func:`announce`, so a visible post is news (search, notifications,
escalation clocks) and a held one is news to moderation only.

The text arrives as plain text. It is stored as Markdown that shows exactly that text
(Markdown's characters escaped, line breaks kept), so a post saying ``*50% off*`` or
``<script>`` reads as written and never becomes markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _

from app import events, screening
from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db
from app.text import (
    forbidden_characters,
    link_paragraph,
    normalize_newlines,
    render_markdown,
    slugify,
)
from community import notifications, rules, visibility
from community.importers.gate import ImportGate
from community.models import Category, Post, Source, Thread, ThreadKind, Visibility

# Every ASCII punctuation character can be escaped in CommonMark; escaping them all
# leaves no way for a post's text to become markup (links, images, headings, HTML).
MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")
LINK = re.compile(r"(https?://[^\s<>\"]*[^\s<>\".,;:!?)'\]])")
LEADING_HANDLES = re.compile(r"^(?:\s*[@\uff20]\w+)+\s*")


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
class Written:
    post: Post
    verdict: screening.Verdict
    new_thread: bool


def start_thread(item: ExternalPost, *, category: Category, author: User, thread_key: str,
                 claimed: bool = False) -> Written:
    """A new question thread whose opening post is ``item`` (caller commits)."""
    gate = ImportGate(author.id, source=Source.SOCIAL.value)
    title, now = thread_title(item), utcnow()
    submission, verdict = _screen(gate, item, "question", category.id, item.language, title)
    thread = Thread(kind=ThreadKind.QUESTION, title=verdict.title or title,
                    slug=slugify(verdict.title or title), category_id=category.id,
                    author_id=author.id, language=item.language, source=Source.SOCIAL,
                    created_at=now, last_activity_at=now,
                    last_poster_id=author.id if claimed else None,
                    external_id=thread_key[:120], source_url=item.url[:500],
                    original_author=None if claimed else item.author_label[:120],
                    original_site=None if claimed else item.site[:80],
                    # nobody here to remind of accepting an answer, until claimed
                    reminders_sent=0 if claimed else len(rules.REMINDER_AFTER))
    post = _post(item, thread, author, submission, verdict, opening=True, claimed=claimed,
                 now=now)
    db.session.add_all([thread, post])
    return _written(post, submission, verdict, True, now)


def add_reply(thread: Thread, item: ExternalPost, *, author: User,
              claimed: bool = False) -> Written:
    """``item`` as a reply in ``thread`` (another post of the same conversation)."""
    gate = ImportGate(author.id, source=Source.SOCIAL.value)
    now = utcnow()
    submission, verdict = _screen(gate, item, "reply", thread.category_id, thread.language)
    post = _post(item, thread, author, submission, verdict, opening=False, claimed=claimed,
                 now=now)
    db.session.add(post)
    written = _written(post, submission, verdict, False, now)
    thread.version = Thread.version + 1
    if verdict.visible:
        notifications.reply_posted(post)
    return written


def announce(written: Written) -> None:
    """After the caller's commit: the same news a member's post makes."""
    post = written.post
    if not written.verdict.visible:
        events.notify(events.content_held, post, reasons=written.verdict.reasons,
                      by=post.author, new=True)
    elif written.new_thread:
        events.notify(events.question_asked, post.thread)
    else:
        events.notify(events.answer_posted, post)


def _screen(gate: ImportGate, item: ExternalPost, kind: str, category_id: int, language: str,
            title: str = ""):
    """The gate judges the words heard, not the link back to them that the post adds."""
    body = markdown_of(item.text)
    return gate.screen(kind=kind, body=body, html=str(render_markdown(body)), title=title,
                       category_id=category_id, language=language)


def _post(item: ExternalPost, thread: Thread, author: User, submission, verdict, *,
          opening: bool, claimed: bool, now: datetime) -> Post:
    text = verdict.body if verdict.body is not None else submission.body
    html = verdict.html if verdict.html is not None else submission.html
    link = original_link(item.url)
    post = Post(thread=thread, author_id=author.id, is_opening=opening,
                body_source=f"{text}\n\n{link}" if link else text,
                body_html=f"{html.rstrip()}\n{link_paragraph(item.url, _('Original post'))}"
                if link else html,
                created_at=now,
                external_id=item.key[:120],
                original_author=None if claimed else item.author_label[:120])
    if verdict.visible:
        post.visibility = Visibility.VISIBLE
    else:
        post.visibility = Visibility.PENDING
        post.visibility_note = verdict.message[:visibility.NOTE_LENGTH] or None
    return post


def _written(post: Post, submission, verdict, new_thread: bool, now: datetime) -> Written:
    db.session.flush()
    if verdict.visible:
        visibility.counted(post, now)
        if post.original_author:  # lists name the author heard, never the import account
            post.thread.last_poster_id = None
    if verdict.queued:
        screening.keep(verdict, submission, post.id)
    return Written(post, verdict, new_thread)


def markdown_of(text: str) -> str:
    """Plain text as Markdown that renders as that text: Markdown's characters escaped
    (links left whole, so they stay links), line breaks kept, invisible characters out."""
    text = normalize_newlines(text)
    forbidden = set(forbidden_characters(text, multiline=True))
    cleaned = "".join(char for char in text if char not in forbidden).strip()
    parts = LINK.split(cleaned)
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
    line = " ".join("".join(char for char in source if char.isprintable()).split())
    sentence = re.split(r"(?<=[.!?])\s", line, maxsplit=1)[0]
    title = sentence if len(sentence) >= rules.TITLE_MIN else line
    if len(title) > rules.TITLE_MAX:
        title = title[: rules.TITLE_MAX - 1].rsplit(" ", 1)[0] + "…"
    if len(title) < rules.TITLE_MIN:
        title = _("A post by %(author)s on %(site)s", author=item.author_label, site=item.site)
    return title[: rules.TITLE_MAX]
