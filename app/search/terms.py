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
from dataclasses import dataclass, replace

from app.search import languages, stopwords

WORD = re.compile(r"\w+")
CLAUSE_END = re.compile(r"[.,;:!?()\[\]\n]")
MAX_QUERY_WORDS = 32
MAX_WORD_LENGTH = 40
MAX_TERM_WORDS = 4  # a synonym term may be a few words, e.g. "wi fi"

SYNONYM_WEIGHT = 0.6  # a synonym match, against the word as typed
CONTEXT_WEIGHT = 0.5  # words after a context marker
OTHER_LANGUAGE_WEIGHT = 0.6  # a document not in the question's language
# Not "prima": in a question it is more often "first" ("la prima volta") than "before".
CONTEXT_MARKERS = frozenset({"after", "since", "when", "while", "before", "during", "dopo",
                             "quando", "mentre", "durante"})

Phrase = tuple[str, ...]  # one or more words that must follow each other


@dataclass(frozen=True)
class Group:
    """One idea of the query: the words as typed, their synonyms, and its weight."""

    typed: Phrase
    synonyms: tuple[Phrase, ...] = ()
    weight: float = 1.0
    family: int | None = None  # the synonym group it comes from, if any

    @property
    def alternatives(self) -> tuple[Phrase, ...]:
        return (self.typed, *self.synonyms)


@dataclass(frozen=True)
class Query:
    """A parsed query: its groups, its language if known, and the filters."""

    groups: tuple[Group, ...]
    language: str | None = None
    kinds: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # a document holds one of them
    solved_only: bool = False


def words(text: str) -> list[str]:
    return [word for word in WORD.findall(text.lower()) if len(word) <= MAX_WORD_LENGTH]


def vocabulary(*texts: str) -> set[str]:
    """The distinct words of a document worth suggesting: two letters or more, not numbers."""
    return {word for text in texts for word in words(text)
            if len(word) > 1 and not word.isdigit()}


def phrase(term: str) -> Phrase:
    return tuple(words(term))


class Synonyms:
    """Synonym groups, looked up by any of their terms in any of its forms: a term typed
    as listed first, then by its stems in the question's language (in both when it is not
    known): "caricano" finds the group of "caricare", "disconnected" that of "disconnects".

    A listed term is found by the stems of its own language only, when the dictionaries
    tell it ("microfono" is Italian, so the English "mice" does not stem to it); a term
    of both languages or of neither ("app", "wifi") by either. When two groups share a
    stem ("caricatore" and "caricare" are both "caric"), the term closest to the word typed
    wins ("caricatori" finds "caricatore", "caricate" finds "caricare")."""

    def __init__(self, groups: Iterable[Sequence[str]] = ()) -> None:
        self.groups: list[tuple[Phrase, ...]] = []
        self._as_listed: dict[Phrase, int] = {}
        self._by_stems: dict[tuple[str, Phrase], list[tuple[int, Phrase]]] = {}
        for terms in groups:
            group = tuple(dict.fromkeys(p for term in terms if (p := phrase(term))))
            if len(group) < 2:
                continue
            for member in group:
                self._as_listed.setdefault(member, len(self.groups))
                for language in _languages_of(member):
                    self._by_stems.setdefault(_stems(member, language), []).append(
                        (len(self.groups), member))
            self.groups.append(group)

    @property
    def words(self) -> set[str]:
        return {word for group in self.groups for member in group for word in member}

    def group_at(self, tokens: list[str], start: int,
                 language: str | None = None) -> Group | None:
        """The group of the longest term starting at ``tokens[start]``."""
        for length in range(min(MAX_TERM_WORDS, len(tokens) - start), 0, -1):
            typed = tuple(tokens[start:start + length])
            found = self._as_listed.get(typed)
            if found is None:
                found = self._by_stem(typed, language)
            if found is not None:
                members = self.groups[found]
                return Group(typed, tuple(m for m in members if not _same(m, typed, language)),
                             family=found)
        return None

    def _by_stem(self, typed: Phrase, language: str | None) -> int | None:
        candidates = [found for each in ((language,) if language else languages.LANGUAGES)
                      for found in self._by_stems.get(_stems(typed, each), [])]
        if not candidates:
            return None
        text = " ".join(typed)
        return max(candidates, key=lambda found: _likeness(" ".join(found[1]), text))[0]


def _likeness(listed: str, typed: str) -> tuple[int, int]:
    """Closest in length first ("caricate" is "caricare", not "caricatore"), then the
    longest shared beginning."""
    shared = next((i for i, (x, y) in enumerate(zip(listed, typed, strict=False)) if x != y),
                  min(len(listed), len(typed)))
    return -abs(len(listed) - len(typed)), shared


def _languages_of(member: Phrase) -> tuple[str, ...]:
    own = tuple(language for language in languages.LANGUAGES
                if all(languages.is_word(word, language) for word in member))
    return own if len(own) == 1 else languages.LANGUAGES


def _idea(group: Group, seen: dict[object, Group], language: str | None) -> object:
    """Two terms of one synonym group, or two forms of one word, are one idea."""
    if group.family is not None:
        return group.family
    return next((key for key, other in seen.items() if other.family is None
                 and _same(other.typed, group.typed, language)), group.typed)


def _stems(words_: Sequence[str], language: str) -> tuple[str, Phrase]:
    return language, tuple(languages.stem(word, language) for word in words_)


def _same(a: Phrase, b: Phrase, language: str | None) -> bool:
    return len(a) == len(b) and all(languages.same_stem(x, y, language)
                                    for x, y in zip(a, b, strict=True))


def parse(text: str, synonyms: Synonyms, *, kinds: Iterable[str] = (),
          categories: Iterable[str] = (), tags: Iterable[str] = (),
          solved_only: bool = False) -> Query:
    tokens = words(text)[:MAX_QUERY_WORDS]
    language = stopwords.language_of(tokens)
    groups = _groups(text, synonyms, language, skip=stopwords.ALL)
    if not groups and tokens:  # nothing but common words: search for them after all
        groups = _groups(text, synonyms, language, skip=frozenset())
    return Query(tuple(groups), language=language, kinds=tuple(kinds),
                 categories=tuple(categories), tags=tuple(tags), solved_only=solved_only)


def _groups(text: str, synonyms: Synonyms, language: str | None,
            skip: frozenset[str]) -> list[Group]:
    groups: dict[object, Group] = {}
    budget = MAX_QUERY_WORDS
    for clause in CLAUSE_END.split(text):
        tokens = words(clause)[:budget]
        budget -= len(tokens)
        weight, position = 1.0, 0
        while position < len(tokens):
            token = tokens[position]
            found = synonyms.group_at(tokens, position, language)
            if found is None and (token in CONTEXT_MARKERS or token in skip):
                weight = CONTEXT_WEIGHT if token in CONTEXT_MARKERS else weight
                position += 1
                continue
            group = found or Group((token,))
            group = replace(group, weight=weight)
            key = _idea(group, groups, language)
            if key not in groups or groups[key].weight < weight:
                groups[key] = group
            position += len(group.typed)
    return list(groups.values())
