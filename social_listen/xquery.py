"""X search queries, checked before a rule is saved (pure: no app needed).

X answers a malformed query with a 400 at poll time, long after the admin who wrote it
has left the page; so the rule form checks what X would refuse and points at the place:
the length (512 characters on recent search), quotes and parentheses that are never
closed, operators X does not know (``form:acme`` for ``from:acme``), ``is:``/``has:``
values, a lone ``OR``, and a query of nothing but negations or operators that X accepts
only beside a keyword ("conjunction-required" in X's documentation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import get_close_matches

from flask_babel import lazy_gettext as _l

MAX_LENGTH = 512

# Operators that match on their own (a keyword, a phrase, an account...).
STANDALONE = frozenset({
    "from", "to", "url", "retweets_of", "context", "entity", "conversation_id", "list",
    "place", "place_country", "point_radius", "bounding_box", "bio", "bio_name",
    "bio_location", "in_reply_to_tweet_id", "quotes_of_tweet_id", "retweets_of_tweet_id",
})
# Operators X accepts only beside a standalone term.
CONJUNCTION_REQUIRED = frozenset({"is", "has", "lang", "sample"})
IS_VALUES = frozenset({"retweet", "reply", "quote", "verified", "nullcast"})
HAS_VALUES = frozenset({"hashtags", "cashtags", "links", "mentions", "media", "images",
                        "video_link", "geo"})
OPERATORS = STANDALONE | CONJUNCTION_REQUIRED
# A term: an optional prefix (-, an operator's name:) and a "quoted phrase"; a parenthesis;
# or a bare word.
TOKEN = re.compile(r'-?[^\s()"]*"[^"]*"|[()]|[^\s()"]+')
OPERATOR = re.compile(r"^-?([a-z_]+):(.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    message: str
    position: int | None = None  # the 1-based character the problem is at

    def __str__(self) -> str:
        return str(self.message)


def problem(query: str) -> Problem | None:
    """What X would refuse in ``query``, in words that point at it; None if it is fine."""
    text = query.strip()
    if not text:
        return Problem(_l("Write what to listen for: words, a \"phrase\", @account or "
                          "#hashtag."))
    if len(text) > MAX_LENGTH:
        return Problem(_l("X accepts queries up to %(max)d characters; this one has %(n)d.",
                          max=MAX_LENGTH, n=len(text)))
    return _quotes(text) or _parentheses(text) or _terms(text)


def _quotes(text: str) -> Problem | None:
    positions = [index for index, char in enumerate(text) if char == '"']
    if len(positions) % 2:
        return Problem(_l("The quote at character %(at)d is never closed.",
                          at=positions[-1] + 1), positions[-1] + 1)
    return None


def _parentheses(text: str) -> Problem | None:
    opened: list[int] = []
    quoted = False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif char == "(":
            opened.append(index)
        elif char == ")":
            if not opened:
                return Problem(_l("The parenthesis at character %(at)d closes nothing.",
                                  at=index + 1), index + 1)
            start = opened.pop()
            if not text[start + 1:index].strip():
                return Problem(_l("The parentheses at character %(at)d are empty.",
                                  at=start + 1), start + 1)
    if opened:
        return Problem(_l("The parenthesis at character %(at)d is never closed.",
                          at=opened[-1] + 1), opened[-1] + 1)
    return None


def _terms(text: str) -> Problem | None:
    terms = [(match.group(), match.start()) for match in TOKEN.finditer(text)]
    words = [(term, at) for term, at in terms if term not in "()"]
    for index, (term, at) in enumerate(words):
        if term == "OR" and (index == 0 or index == len(words) - 1):
            return Problem(_l("“OR” at character %(at)d needs a term on each side.",
                              at=at + 1), at + 1)
        found = _operator_problem(term, at)
        if found:
            return found
    if not any(_standalone(term) for term, _at in words):
        return Problem(_l("Add at least one word, \"phrase\", @account, #hashtag or from: "
                          "to listen for: X does not accept a query of only negations or "
                          "of only is:, has:, lang: and sample:."))
    return None


def _operator_problem(term: str, at: int) -> Problem | None:
    match = OPERATOR.match(term)
    if match is None or term.startswith(("http:", "https:", "-http:", "-https:")):
        return None
    name, value = match.group(1).lower(), match.group(2)
    if name not in OPERATORS:
        close = get_close_matches(name, sorted(OPERATORS), n=1)
        hint = _l(" Did you mean “%(name)s:”?", name=close[0]) if close else ""
        return Problem(_l("X has no operator “%(name)s:” (character %(at)d).%(hint)s",
                          name=name, at=at + 1, hint=hint), at + 1)
    if not value:
        return Problem(_l("“%(name)s:” at character %(at)d needs a value.",
                          name=name, at=at + 1), at + 1)
    allowed = {"is": IS_VALUES, "has": HAS_VALUES}.get(name)
    if allowed and value.lower() not in allowed:
        return Problem(_l("“%(term)s” at character %(at)d: %(name)s: takes one of "
                          "%(values)s.", term=term, at=at + 1, name=name,
                          values=", ".join(sorted(allowed))), at + 1)
    if name == "lang" and not re.fullmatch(r"[a-z]{2,3}", value.lower()):
        return Problem(_l("“%(term)s” at character %(at)d: lang: takes a language code "
                          "such as en or it.", term=term, at=at + 1), at + 1)
    return None


def _standalone(term: str) -> bool:
    if term.startswith("-") or term == "OR":
        return False
    match = OPERATOR.match(term)
    if match is None or term.startswith(("http:", "https:")):
        return True
    return match.group(1).lower() in STANDALONE
