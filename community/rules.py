"""The forum's rules, as pure functions: no app, no database.

The numbers are the ones Discourse users meet (its minimum title is 15 characters, its
minimum post 20; topics close after months of silence). Every refusal is a message a
person can act on.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l

from app.text import describe_character, forbidden_characters, is_line_break, normalize_newlines
from community.models import ThreadStatus

TITLE_MIN, TITLE_MAX = 15, 150
BODY_MIN, BODY_MAX = 20, 20_000
DUPLICATE_WINDOW = timedelta(minutes=5)
ARCHIVE_AFTER = timedelta(days=180)
REMINDER_AFTER = (timedelta(days=3), timedelta(days=7))
POINTS_ACCEPTED = 15
POINTS_HELPFUL = 10
READ_ONLY = frozenset({ThreadStatus.CLOSED, ThreadStatus.ARCHIVED})


def title_problem(title: str) -> str | None:
    """Length, and one line of visible text: a line break in a title became a header line
    in notification e-mails."""
    found = forbidden_characters(title, multiline=False)
    if any(is_line_break(char) for char in found):
        return str(_l("Keep the title on one line: remove the line break."))
    if found:
        return _invisible(found)
    length = len(title.strip())
    if length < TITLE_MIN:
        return str(_l("Make the title at least %(min)d characters: say what goes wrong.",
                      min=TITLE_MIN))
    if length > TITLE_MAX:
        return str(_l("Keep the title under %(max)d characters; details go in the body.",
                      max=TITLE_MAX))
    return None


def body_problem(body: str) -> str | None:
    """Length, and no invisible control characters (line breaks and tabs are kept). The
    length is the stored text's, one per line break: a browser sends each as two ("\r\n"),
    and counted so, a text its counter showed as fitting was refused."""
    problem = characters_problem(body)
    if problem:
        return problem
    length = len(normalize_newlines(body).strip())
    if length < BODY_MIN:
        return str(_l("Write at least %(min)d characters, so others can help.", min=BODY_MIN))
    if length > BODY_MAX:
        return str(_l("Keep it under %(max)d characters (this is %(length)d).",
                      max=BODY_MAX, length=length))
    return None


def characters_problem(body: str) -> str | None:
    """Invisible control characters in a multi-line text (line breaks and tabs are fine)."""
    found = forbidden_characters(normalize_newlines(body), multiline=True)
    return _invisible(found) if found else None


def _invisible(found: list[str]) -> str:
    names = ", ".join(describe_character(char) for char in found[:3])
    return str(_l("Remove the invisible characters this text contains: %(names)s.",
                  names=names))


def clean_body(body: str) -> str:
    """The body as stored: line ends normalized, surrounding blank space trimmed."""
    return normalize_newlines(body).strip()


def reply_problem(status: ThreadStatus) -> str | None:
    if status == ThreadStatus.CLOSED:
        return str(_l("This thread is closed: it takes no new replies."))
    if status == ThreadStatus.ARCHIVED:
        return str(_l("This thread is archived after months without activity. "
                      "Ask a new question and link to it."))
    return None


def is_duplicate(body: str, previous: str | None, previous_at: datetime | None,
                 now: datetime) -> bool:
    """The same text from the same person within the window: a double click or a paste."""
    if previous is None or previous_at is None:
        return False
    return _normalized(body) == _normalized(previous) and now - previous_at < DUPLICATE_WINDOW


def _normalized(text: str) -> str:
    return " ".join(text.split()).casefold()


def reminder_due(answered_at: datetime | None, reminders_sent: int, now: datetime) -> bool:
    """Askers with answers but none accepted are reminded 3 and 7 days after the first
    answer, once each (counting from the answer, not the question: a question answered
    late still gets its reminders days apart)."""
    if answered_at is None or reminders_sent >= len(REMINDER_AFTER):
        return False
    return now - answered_at >= REMINDER_AFTER[reminders_sent]
