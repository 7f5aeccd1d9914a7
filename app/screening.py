"""The screening gate: every post passes it before it is committed as visible.

The community writes posts; moderation decides whether they may be seen. The community
may not import moderation (it is a layer above), so the gate is a port here, in the core:
moderation registers its screen with :func:`register` when it starts (Discourse's
``NewPostManager.add_handler`` is the model). With nothing registered every post is
published.

A service that writes a post (ask, reply, edit, an import) calls :func:`screen` first,
with the text as it would be stored, and then:

- ``refuse``: writes nothing and tells the author why (a blocked word, a rate limit with
  the seconds to wait, a silenced account);
- ``publish`` or ``review``: writes the post visible (``review`` also puts it in front of
  a moderator, who may still remove it);
- ``hold`` or ``spam``: writes the post pending, so only its author and staff see it, and
  sends no news of it (nothing is indexed, e-mailed or listed) until a moderator decides.

Before committing, the service calls :func:`keep` with the written post's id: the screen's
``keep`` hook writes its review-queue row in the same transaction, so a held post never
exists without the item a moderator will see. :func:`screen` with ``dry_run`` runs the
very same checks for the staff tester and the API without counting anything.

An import writes hundreds of posts in one transaction: :func:`screen_all` and
:func:`keep_written` are the same two steps for a batch, so a screen can read what it
needs once for all of them (the classifier's token counts, the queue's rows).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, NamedTuple

from flask import Flask, current_app


class Action(IntEnum):
    """What becomes of a post; a higher value is stricter, and the strictest one wins."""

    PUBLISH = 0
    REVIEW = 1  # published, and queued for a moderator to look at
    HOLD = 2  # pending until a moderator approves it
    SPAM = 3  # pending, and very likely spam
    REFUSE = 4  # not written at all

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Submission:
    """A post about to be written: the text as it would be stored, and who sends it."""

    kind: str  # "question", "reply" or "edit"
    author: Any  # the User (for imports, the importing account)
    body: str  # Markdown source
    html: str  # the rendered, sanitized HTML that would be stored
    title: str = ""  # questions, and edits of a question
    source: str = "web"  # "web", "api", "import" or "social"
    category_id: int | None = None
    thread_id: int | None = None
    post_id: int | None = None  # the post being edited
    language: str = "en"
    dry_run: bool = False  # the tester: judge, but count and write nothing


@dataclass(frozen=True)
class Reason:
    """Why a screen did not simply publish: kept for the review queue."""

    code: str  # e.g. "first_posts", "watched_word", "spam_score", "unknown_link"
    detail: str = ""  # the word, the domain, the score...
    score: float = 0.0  # how much it adds to the item's place in the queue


@dataclass
class Verdict:
    action: Action = Action.PUBLISH
    reasons: list[Reason] = field(default_factory=list)
    # What the author is told, in plain words: why a post is refused or waits.
    message: str = ""
    concerns: str | None = None  # the form field a refusal concerns
    status: int = 422  # a refusal's HTTP status (429 for rate limits)
    retry_after: int | None = None  # seconds, for rate limits
    spam_score: float | None = None  # the classifier's probability, when it ran
    # The text to store, when a screen rewrote it (censored words): the title, the
    # Markdown source (which the API returns and editors see) and its rendered HTML.
    title: str | None = None
    body: str | None = None
    html: str | None = None
    # Anything a screen wants back in its keep hook (e.g. matched words).
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def refused(self) -> bool:
        return self.action == Action.REFUSE

    @property
    def visible(self) -> bool:
        return self.action in (Action.PUBLISH, Action.REVIEW)

    @property
    def queued(self) -> bool:
        return self.action in (Action.REVIEW, Action.HOLD, Action.SPAM)


Screen = Callable[[Submission], Verdict | None]
Keeper = Callable[[Verdict, Submission, int], None]
BatchScreen = Callable[[list[Submission]], list[Verdict | None]]
BatchKeeper = Callable[[list[tuple[Verdict, Submission, "PostRef"]]], None]


class PostRef(NamedTuple):
    """A post just written by a batch, as its keeper needs it (no object loaded)."""

    id: int
    author_id: int
    thread_id: int
    category_id: int


@dataclass
class _Registered:
    screen: Screen
    keep: Keeper | None
    screen_all: BatchScreen | None = None
    keep_written: BatchKeeper | None = None


def register(app: Flask, screen: Screen, keep: Keeper | None = None, *,
             screen_all: BatchScreen | None = None,
             keep_written: BatchKeeper | None = None) -> None:
    """Add a screen (and the hook that records its queue rows) for this app; the batch
    versions are optional (without them a batch is screened and kept one post at a
    time)."""
    app.extensions.setdefault("peerdesk_screens", []).append(
        _Registered(screen, keep, screen_all, keep_written))


def _registered() -> list[_Registered]:
    return current_app.extensions.get("peerdesk_screens", [])


def screen(submission: Submission) -> Verdict:
    """Every registered screen's verdict, merged: the strictest action wins, reasons add
    up, and a rewrite by one screen is what the next one judges and what is stored."""
    merged = Verdict()
    for registered in _registered():
        verdict = registered.screen(submission)
        if verdict is None:
            continue
        merged = merge(merged, verdict)
        if merged.refused:
            break
    return merged


def screen_all(submissions: list[Submission]) -> list[Verdict]:
    """:func:`screen` of each submission, in order (a batch: an import's posts)."""
    merged = [Verdict() for _submission in submissions]
    for registered in _registered():
        waiting = [index for index, verdict in enumerate(merged) if not verdict.refused]
        batch = [submissions[index] for index in waiting]
        verdicts = registered.screen_all(batch) if registered.screen_all else \
            [registered.screen(submission) for submission in batch]
        for index, verdict in zip(waiting, verdicts, strict=True):
            if verdict is not None:
                merged[index] = merge(merged[index], verdict)
    return merged


def merge(current: Verdict, new: Verdict) -> Verdict:
    """Two verdicts as one: the stricter action with its message and status, every reason,
    the later rewrite of the text."""
    strictest = new if new.action > current.action else current
    return Verdict(
        action=strictest.action, reasons=[*current.reasons, *new.reasons],
        message=strictest.message or current.message or new.message,
        concerns=strictest.concerns, status=strictest.status, retry_after=strictest.retry_after,
        spam_score=new.spam_score if new.spam_score is not None else current.spam_score,
        title=new.title if new.title is not None else current.title,
        body=new.body if new.body is not None else current.body,
        html=new.html if new.html is not None else current.html,
        notes={**current.notes, **new.notes})


def keep(verdict: Verdict, submission: Submission, post_id: int) -> None:
    """Let each screen record what it decided about the post just written (same
    transaction: the caller commits)."""
    for registered in _registered():
        if registered.keep is not None:
            registered.keep(verdict, submission, post_id)


def keep_written(kept: list[tuple[Verdict, Submission, PostRef]]) -> None:
    """:func:`keep` for a batch of posts written in this transaction, which no screen has
    kept before."""
    for registered in _registered():
        if registered.keep_written is not None:
            registered.keep_written(kept)
        elif registered.keep is not None:
            for verdict, submission, post in kept:
                registered.keep(verdict, submission, post.id)
