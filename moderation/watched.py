"""Watched words as moderators keep them: the list, each change (audited), and the matcher
every screening uses.

Matching itself is pure (``moderation.words``). Compiling 1,000 words for every post would
cost more than matching them, so each process keeps one compiled matcher and rebuilds it
when the list changes: a change made here is seen at once; one made by another process
within ``RECHECK_SECONDS`` (the list's "stamp", its row count and highest id, is read at
most that often).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from threading import Lock

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from moderation import audit
from moderation.models import WatchedWord, WordAction
from moderation.words import Entry, Matcher, pattern_problem

RECHECK_SECONDS = 2.0


class WordError(ValueError):
    def __init__(self, message: str, field: str = "pattern") -> None:
        super().__init__(message)
        self.message, self.field = message, field


@dataclass
class _Compiled:
    stamp: tuple | None = None
    checked_at: float = 0.0
    matcher: Matcher | None = None
    lock: Lock = field(default_factory=Lock)


def _state() -> _Compiled:
    return current_app.extensions.setdefault("moderation_words", _Compiled())


def matcher() -> Matcher:
    """The compiled list, rebuilt when it changed."""
    compiled, now = _state(), time.monotonic()
    if compiled.matcher is not None and now - compiled.checked_at < RECHECK_SECONDS:
        return compiled.matcher
    stamp = tuple(db.session.execute(select(func.count(), func.max(WatchedWord.id))).one())
    with compiled.lock:
        if compiled.matcher is None or stamp != compiled.stamp:
            entries = [Entry(word.id, word.pattern, word.action, word.is_regex)
                       for word in db.session.scalars(select(WatchedWord))]
            timeout = current_app.config["MODERATION_REGEX_TIMEOUT_SECONDS"]
            compiled.matcher = Matcher(entries, regex_timeout=timeout)
            compiled.stamp = stamp
        compiled.checked_at = now
        return compiled.matcher


def _forget() -> None:
    _state().checked_at = 0.0


def listed(action: WordAction | None = None) -> list[WatchedWord]:
    statement = select(WatchedWord).order_by(WatchedWord.action, func.lower(WatchedWord.pattern))
    if action is not None:
        statement = statement.where(WatchedWord.action == action)
    return list(db.session.scalars(statement))


def add(pattern: str, action: WordAction, *, is_regex: bool, by) -> WatchedWord:
    pattern = pattern.strip()
    problem = pattern_problem(pattern, is_regex)
    if problem:
        raise WordError(problem)
    word = WatchedWord(pattern=pattern, action=action, is_regex=is_regex, created_by_id=by.id)
    db.session.add(word)
    try:
        db.session.flush()
    except IntegrityError as error:
        db.session.rollback()
        raise WordError(_("“%(pattern)s” is already on this list.", pattern=pattern)) from error
    audit.record(by, "word.add", "word", word.id, f"{action.value}: {pattern}",
                 after={"pattern": pattern, "action": action.value, "regex": is_regex})
    db.session.commit()
    _forget()
    return word


def remove(word_id: int, *, by) -> None:
    word = db.session.get(WatchedWord, word_id)
    if word is None:
        raise WordError(_("This word is no longer on the list."))
    audit.record(by, "word.remove", "word", word.id, f"{word.action.value}: {word.pattern}",
                 before={"pattern": word.pattern, "action": word.action.value,
                         "regex": word.is_regex})
    db.session.delete(word)
    db.session.commit()
    _forget()
