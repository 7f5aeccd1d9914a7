"""What a query means before any backend sees it: its words grouped with their synonyms,
how much each group counts, its language, and the filters. Pure functions, shared by
every backend so that they agree.

Words are runs of letters and digits (any script), lowercased. Common words ("my",
"the", "non") are dropped (stopwords.py). A word in the synonym list stands for its whole
group ("buds" also finds "earbuds" and "auricolari"), but a document holding the word as
typed ranks above one holding only a synonym. A group is counted once, so a question
ranks documents by how many of its ideas they hold, not by how many synonyms they repeat.

Ranking rules that natural-language questions need:

- what happened outweighs when it happened: in "my earbuds won't charge after the
  update", the words after "after" (also "since", "when", "dopo"...; up to the next
  punctuation) count half, so a thread about charging beats one about updates;
- documents in the question's language rank above others (a question is English or
  Italian when its common words say so), yet other languages still match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.search import stopwords

WORD = re.compile(r"\w+")
CLAUSE_END = re.compile(r"[.,;:!?()\[\]\n]")
MAX_QUERY_WORDS = 32
MAX_WORD_LENGTH = 40
MAX_TERM_WORDS = 4  # a synonym term may be a few words, e.g. "wi fi"

SYNONYM_WEIGHT = 0.6  # a synonym match, against the word as typed
CONTEXT_WEIGHT = 0.5  # words after a context marker
OTHER_LANGUAGE_WEIGHT = 0.6  # a document not in the question's language
CONTEXT_MARKERS = frozenset({"after", "since", "when", "while", "before", "during", "dopo",
                             "quando", "mentre", "durante", "prima"})

Phrase = tuple[str, ...]  # one or more words that must follow each other


@dataclass(frozen=True)
class Group:
    """One idea of the query: the words as typed, their synonyms, and its weight."""

    typed: Phrase
    synonyms: tuple[Phrase, ...] = ()
    weight: float = 1.0

    @property
    def alternatives(self) -> tuple[Phrase, ...]:
        return (self.typed, *self.synonyms)

    @property
    def key(self) -> frozenset[Phrase]:
        return frozenset(_key(phrase) for phrase in self.alternatives)


@dataclass(frozen=True)
class Query:
    """A parsed query: its groups, its language if known, and the filters."""

    groups: tuple[Group, ...]
    language: str | None = None
    kinds: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    solved_only: bool = False


def words(text: str) -> list[str]:
    return [word for word in WORD.findall(text.lower()) if len(word) <= MAX_WORD_LENGTH]


def vocabulary(*texts: str) -> set[str]:
    """The distinct words of a document worth suggesting: two letters or more, not numbers."""
    return {word for text in texts for word in words(text)
            if len(word) > 1 and not word.isdigit()}


def phrase(term: str) -> Phrase:
    return tuple(words(term))


SUFFIXES = ("ing", "es", "ed", "s", "e")


def light_stem(word: str) -> str:
    """A rough stem for matching synonym terms only, the same in every language:
    "disconnecting", "disconnects" and "disconnected" all give "disconnect". The
    backends' real stemmers (per language) still decide what a document matches."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _key(words_: Sequence[str]) -> Phrase:
    return tuple(light_stem(word) for word in words_)


class Synonyms:
    """Synonym groups, looked up by any of their terms."""

    def __init__(self, groups: Iterable[Sequence[str]] = ()) -> None:
        self.groups: list[tuple[Phrase, ...]] = []
        self._index: dict[Phrase, int] = {}
        for terms in groups:
            group = tuple(dict.fromkeys(p for term in terms if (p := phrase(term))))
            if len(group) < 2:
                continue
            for member in group:
                self._index.setdefault(_key(member), len(self.groups))
            self.groups.append(group)

    @property
    def words(self) -> set[str]:
        return {word for group in self.groups for member in group for word in member}

    def group_at(self, tokens: list[str], start: int) -> Group | None:
        """The group of the longest term starting at ``tokens[start]``."""
        for length in range(min(MAX_TERM_WORDS, len(tokens) - start), 0, -1):
            typed = tuple(tokens[start:start + length])
            if _key(typed) in self._index:
                members = self.groups[self._index[_key(typed)]]
                return Group(typed, tuple(m for m in members if _key(m) != _key(typed)))
        return None


def parse(text: str, synonyms: Synonyms, *, kinds: Iterable[str] = (),
          categories: Iterable[str] = (), solved_only: bool = False) -> Query:
    tokens = words(text)[:MAX_QUERY_WORDS]
    groups = _groups(text, synonyms, skip=stopwords.ALL)
    if not groups and tokens:  # nothing but common words: search for them after all
        groups = _groups(text, synonyms, skip=frozenset())
    return Query(tuple(groups), language=stopwords.language_of(tokens), kinds=tuple(kinds),
                 categories=tuple(categories), solved_only=solved_only)


def _groups(text: str, synonyms: Synonyms, skip: frozenset[str]) -> list[Group]:
    groups: dict[frozenset[Phrase], Group] = {}
    budget = MAX_QUERY_WORDS
    for clause in CLAUSE_END.split(text):
        tokens = words(clause)[:budget]
        budget -= len(tokens)
        weight, position = 1.0, 0
        while position < len(tokens):
            token = tokens[position]
            found = synonyms.group_at(tokens, position)
            if found is None and (token in CONTEXT_MARKERS or token in skip):
                weight = CONTEXT_WEIGHT if token in CONTEXT_MARKERS else weight
                position += 1
                continue
            group = found or Group((token,))
            group = Group(group.typed, group.synonyms, weight)
            if group.key not in groups or groups[group.key].weight < weight:
                groups[group.key] = group
            position += len(group.typed)
    return list(groups.values())
