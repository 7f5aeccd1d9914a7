"""Watched words: the matching engine behind moderation's word lists.

Moderators list words, phrases and regular expressions, each with a WordAction; every post is
checked against them before publication. This module owns only the matching: which entries a
text contains, where, and how to censor them. Storage, the moderator's form and what each
action does to a post belong to the callers; nothing here imports Flask, the database or the
app, so the engine can be tested and timed alone. Literal entries follow these rules:

* Whole words only, because substring filters flag "class" for "ass" and the town of
  Scunthorpe. A word is a run of Unicode word characters (letters of any script, digits,
  underscore), so "classe", "assistenza" and "Scunthorpe" match neither "ass" nor "cunt".
* Everything else separates words, both apostrophes (' and U+2019) included: Italian elides
  articles into the next word ("l'idiota", "dell'idiota"), and that word must be found.
* Case and accents do not count: text and patterns are compared after casefold and NFKD with
  combining marks dropped, since users add and drop accents freely ("perché", "perche") and
  fullwidth letters or ligatures must not slip through.
* A phrase ("buy followers") matches its words in order with any non-word characters between
  them: "Buy  followers!", "buy-followers".
* A leading or trailing * stands for the rest of a word: "spam*" matches "spammer", "*coin"
  matches "bitcoin". Nowhere else: a * inside a word would bring the substring problem back.
* No giant alternation: the text is folded once and split into words; the distinct words are
  looked up in a dict (exact words) or tries (wildcards), so checking a post costs about the
  same against 10 entries or 1,000. Folding can change lengths (ß -> ss), so positions are
  mapped back and `find` reports what the author wrote.

Regular-expression entries run with the `regex` module on the original text, ignoring case,
under a time limit: one that runs out of time is reported as Match(timed_out=True), so the
caller holds the post instead of a worker hanging. Empty matches say nothing and are ignored.

The Matcher applies only entries pattern_problem accepts, so a bad row can neither crash it
nor match every post. Censoring covers every occurrence of CENSOR entries, overlaps merged.
In HTML only text nodes change, matched after decoding entities ("perch&eacute;"); an entity
inside a censored word is censored with it, and words split by a tag are not seen.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from html import unescape
from operator import itemgetter
from typing import Any

import regex

MAX_PATTERN_LENGTH = 100
CENSOR_CHAR = "■"
_WORD = regex.compile(r"\w+")  # regex's \w keeps words with spacing marks (Indic) whole
_ASCII_WORD = re.compile(r"\w+")  # the same on ASCII text, and faster
_TAG = regex.compile(r"<!--.*?-->|<[A-Za-z/!?](?:[^>\"']|\"[^\"]*\"|'[^']*')*>", regex.DOTALL)
_ENTITY = regex.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
_Span = tuple[int, int]


class WordAction(StrEnum):
    BLOCK = "block"  # the post is refused, the author told which word
    REQUIRE_APPROVAL = "require_approval"  # the post is held for a moderator
    CENSOR = "censor"  # the word is replaced by ■ characters when stored
    FLAG = "flag"  # published, but put in the review queue


@dataclass(frozen=True)
class Entry:
    id: int
    pattern: str
    action: WordAction
    is_regex: bool = False


@dataclass(frozen=True)
class Match:
    entry: Entry
    text: str  # the matched text as it appears in the input ("" when timed_out)
    timed_out: bool = False  # a regex that hit the time limit: the caller holds the post


@dataclass(frozen=True, slots=True)
class _Literal:
    index: int  # the entry's position in the Matcher, which breaks ties in ordering
    words: tuple[str, ...]  # folded
    tests: tuple[Callable[[str, str], bool], ...]  # per word: ==, startswith (spam*), endswith

    def matches_at(self, words: list[str], i: int) -> bool:
        got = words[i : i + len(self.words)]
        return len(got) == len(self.words) and all(
            test(g, w) for test, g, w in zip(self.tests, got, self.words, strict=True))


def pattern_problem(pattern: str, is_regex: bool) -> str | None:
    """A message for the moderator's form, or None when the pattern is fine."""
    prepared = _prepare(pattern, is_regex)
    return prepared if isinstance(prepared, str) else None


def _prepare(pattern: str, is_regex: bool) -> str | regex.Pattern | tuple[Any, ...]:
    """A message saying what is wrong, or the pattern ready for the Matcher."""
    if not pattern.strip():
        return "Enter a word or a phrase."
    if len(pattern) > MAX_PATTERN_LENGTH:
        return f"Keep it to {MAX_PATTERN_LENGTH} characters or fewer."
    return _compile(pattern) if is_regex else _split_literal(pattern)


def _compile(pattern: str) -> str | regex.Pattern:
    try:
        compiled = regex.compile(pattern, regex.IGNORECASE)
    except (regex.error, OverflowError, RecursionError) as exc:
        return f"This regular expression does not compile: {exc}."
    if compiled.search("") is not None:
        return "This regular expression matches empty text, so it would match every post."
    return compiled


def _split_literal(pattern: str) -> str | tuple[tuple[str, ...], tuple[Callable, ...]]:
    """The folded words, and how each is compared: a * opens or closes a word."""
    if not _WORD.search(_fold(pattern)[0]):
        return "Include a letter or a digit: punctuation alone is not a word."
    core = pattern.strip()
    lead, trail = core.startswith("*"), core.endswith("*")
    core = core[lead : len(core) - trail]
    if "*" in core:
        return "Use * only at the start or at the end, as in spam* or *coin."
    edges = (core[:1] if lead else "") + (core[-1:] if trail else "")
    if edges and not _WORD.fullmatch(edges):
        return "Put * right against a word, as in spam* or *coin."
    words = tuple(_WORD.findall(_fold(core)[0]))
    if lead and trail and len(words) == 1:
        return "Use * at the start or at the end of a word, not both."
    tests: list[Callable] = [str.__eq__] * len(words)
    tests[-1] = str.startswith if trail else tests[-1]
    tests[0] = str.endswith if lead else tests[0]
    return words, tuple(tests)


@functools.lru_cache(maxsize=65536)
def _fold_char(char: str) -> str:
    """One character as it is compared: casefolded, decomposed, combining marks dropped."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", char).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class _Positions:
    """The original index of each folded character (then len(text)), so spans can be
    mapped back; worked out on first use, since most texts match nothing."""

    def __init__(self, text: str, table: dict[int, str]) -> None:
        self._text, self._table = text, table
        self._positions: list[int] | None = None

    def __getitem__(self, index: int) -> int:
        if self._positions is None:
            self._positions = [*(i for i, char in enumerate(self._text)
                                 for _ in self._table[ord(char)]), len(self._text)]
        return self._positions[index]


def _fold(text: str) -> tuple[str, _Positions | None]:
    """The folded text and, unless every character folded to exactly one, the original
    positions of its characters."""
    if text.isascii():
        return text.lower(), None  # the common case; casefold is lower() on ASCII
    table = {ord(char): _fold_char(char) for char in set(text)}
    folded = text.translate(table)
    if all(len(piece) == 1 for piece in table.values()):
        return folded, None
    return folded, _Positions(text, table)


def _original_span(origin: _Positions | None, start: int, end: int) -> _Span:
    """A folded span as a span of the original, with any accents dropped after it."""
    if origin is None:
        return start, end
    return origin[start], max(origin[end], origin[end - 1] + 1)


class _Wildcards:
    """Words that may open longer words (spam*), or close them (*coin) when from_end: a trie,
    behind a set of stubs (their shortest length's worth of characters) that turns most of a
    post's words away without running Python code for each of them."""

    def __init__(self, literals: list[_Literal], from_end: bool) -> None:
        self.from_end, self.trie = from_end, dict[Any, Any]()  # the key None holds entries
        for literal in literals:
            node = self.trie
            for char in self._chars(literal.words[0]):
                node = node.setdefault(char, {})
            node.setdefault(None, []).append(literal)
        size = min((len(literal.words[0]) for literal in literals), default=1)
        self.stub = itemgetter(slice(-size, None) if from_end else slice(size))
        self.stubs = {self.stub(literal.words[0]) for literal in literals}

    def _chars(self, word: str) -> Iterable[str]:
        return reversed(word) if self.from_end else word

    def walk(self, word: str) -> list[_Literal]:
        found, node = [], self.trie
        for char in self._chars(word):
            node = node.get(char)
            if node is None:
                break
            found += node.get(None, ())
        return found

    def heads(self, distinct: set[str]) -> set[str]:
        """The words some entry here matches."""
        hot = self.stubs and self.stubs.intersection(map(self.stub, distinct))
        return {w for w in distinct if self.stub(w) in hot and self.walk(w)} if hot else set()


class _LiteralIndex:
    """Literal entries keyed by their first word: exact words in a dict, wildcards in tries."""

    def __init__(self, literals: Iterable[_Literal]) -> None:
        self.exact: dict[str, list[_Literal]] = {}
        prefixes, suffixes = [], []
        for literal in literals:
            if literal.tests[0] is str.endswith:
                suffixes.append(literal)
            elif literal.tests[0] is str.startswith:
                prefixes.append(literal)
            else:
                self.exact.setdefault(literal.words[0], []).append(literal)
        self.prefix, self.suffix = _Wildcards(prefixes, False), _Wildcards(suffixes, True)
        self.empty = not (self.exact or prefixes or suffixes)

    def scan(self, folded: str) -> Iterator[tuple[_Literal, int, int]]:
        """Every occurrence of every entry in text order, as spans of the folded text. A clean
        post costs a tokenization and a few set operations; spans are found only for hits."""
        tokenizer = _ASCII_WORD if folded.isascii() else _WORD
        words = tokenizer.findall(folded)
        distinct = set(words)
        heads = self.exact.keys() & distinct | self.prefix.heads(distinct)
        heads |= self.suffix.heads(distinct)
        if not heads:
            return
        spans: list[_Span] = []
        tokens = tokenizer.finditer(folded)
        for i, word in enumerate(words):
            if word not in heads:
                continue
            for literal in (*self.exact.get(word, ()), *self.prefix.walk(word),
                            *self.suffix.walk(word)):
                if literal.matches_at(words, i):
                    last = i + len(literal.words) - 1
                    while len(spans) <= last:
                        spans.append(next(tokens).span())
                    yield literal, spans[i][0], spans[last][1]


class Matcher:
    """A forum's entries, prepared once and applied to every post."""

    def __init__(self, entries: Iterable[Entry], regex_timeout: float = 0.05) -> None:
        self._timeout = regex_timeout
        self._entries: list[Entry] = []
        literals: list[_Literal] = []
        self._regexes: list[tuple[int, regex.Pattern]] = []
        for entry in entries:
            prepared = _prepare(entry.pattern, entry.is_regex)
            if isinstance(prepared, str):
                continue  # the form should have stopped it; it must not break posting
            self._entries.append(entry)
            if isinstance(prepared, tuple):
                literals.append(_Literal(len(self._entries) - 1, *prepared))
            else:
                self._regexes.append((len(self._entries) - 1, prepared))
        censors = {i for i, e in enumerate(self._entries) if e.action == WordAction.CENSOR}
        self._literals = _LiteralIndex(literals)
        self._censor_literals = _LiteralIndex(x for x in literals if x.index in censors)
        self._censor_regexes = [(i, rx) for i, rx in self._regexes if i in censors]

    def __len__(self) -> int:
        return len(self._entries)

    def find(self, text: str) -> list[Match]:
        """Every entry that matches, once each, in order of first appearance; regexes that
        timed out come last, having no position."""
        folded, origin = _fold(text)
        found: dict[int, tuple[int, Match]] = {}
        for literal, start, end in self._literals.scan(folded):
            if literal.index not in found:
                start, end = _original_span(origin, start, end)
                found[literal.index] = (start, Match(self._entries[literal.index],
                                                     text[start:end]))
        for index, compiled in self._regexes:
            try:
                start, end = next(self._regex_spans(compiled, text), (-1, -1))
            except TimeoutError:
                found[index] = (len(text), Match(self._entries[index], "", timed_out=True))
                continue
            if start >= 0:
                found[index] = (start, Match(self._entries[index], text[start:end]))
        return [match for _, (_, match) in sorted(found.items(), key=lambda f: (f[1][0], f[0]))]

    def censor_text(self, text: str) -> str:
        """The text with every CENSOR match replaced by as many ■ as it has characters."""
        return _splice(text, [(s, e, CENSOR_CHAR * (e - s)) for s, e in self._censor_spans(text)])

    def censor_html(self, html: str) -> str:
        """Sanitized HTML censored in its text nodes only; tags, comments, attributes and the
        entities outside censored words are copied as they are."""
        if self._censor_literals.empty and not self._censor_regexes:
            return html
        pieces, pos = [], 0
        for tag in _TAG.finditer(html):
            pieces += [self._censor_node(html[pos : tag.start()]), tag.group()]
            pos = tag.end()
        return "".join([*pieces, self._censor_node(html[pos:])])

    def _censor_node(self, raw: str) -> str:
        """Match on the decoded text, then replace the raw characters behind each match."""
        text, starts, ends = _decode(raw)
        spans = self._censor_spans(text)
        return _splice(raw, [(starts[s], ends[e - 1], CENSOR_CHAR * (e - s)) for s, e in spans])

    def _censor_spans(self, text: str) -> list[_Span]:
        if not text or (self._censor_literals.empty and not self._censor_regexes):
            return []
        folded, origin = _fold(text)
        spans = [_original_span(origin, s, e) for _, s, e in self._censor_literals.scan(folded)]
        for _, compiled in self._censor_regexes:
            try:
                for span in self._regex_spans(compiled, text):
                    spans.append(span)
            except TimeoutError:
                pass  # find reports it, and the caller holds the post for a moderator
        return _merge(spans)

    def _regex_spans(self, compiled: regex.Pattern, text: str) -> Iterator[_Span]:
        """Non-empty matches; the time limit covers the whole iteration."""
        for m in compiled.finditer(text, timeout=self._timeout):
            if m.end() > m.start():
                yield m.span()


def _merge(spans: list[_Span]) -> list[_Span]:
    """Overlapping or touching spans as one, so no character is censored twice."""
    merged: list[_Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    pieces, pos = [], 0
    for start, end, new in edits:
        start = max(start, pos)  # two matches inside one entity: never cut it twice
        if end > start:
            pieces += [text[pos:start], new]
            pos = end
    return "".join([*pieces, text[pos:]])


def _decode(raw: str) -> tuple[str, list[int], list[int]]:
    """A text node's text with entities decoded, and for each of its characters the start
    and end of the raw characters it came from (the whole entity, for a decoded one)."""
    text, starts, ends, pos = [], [], [], 0
    for ref in _ENTITY.finditer(raw):
        char = unescape(ref.group())
        if char == ref.group():
            continue  # not an entity HTML knows: plain text
        text += [raw[pos : ref.start()], char]
        starts += [*range(pos, ref.start()), *[ref.start()] * len(char)]
        ends += [*range(pos + 1, ref.start() + 1), *[ref.end()] * len(char)]
        pos = ref.end()
    starts += range(pos, len(raw))
    ends += range(pos + 1, len(raw) + 1)
    return "".join([*text, raw[pos:]]), starts, ends
