"""Spelling ("did you mean"): replace the query words no document holds by the closest
word of the site's titles and tags, so "earbds chargng" suggests "earbuds charging".

A word is never replaced when some document holds it in any of its forms (the backend's
``known`` compares stems, in either language), when the language knows it (it is in the
English or Italian dictionary, ``languages.py``), or when it is another form of a near
word ("ricaricano" beside "ricaricare"): "did you mean … carica" for a correct "caricano"
sends a customer away from the right answer.

Suggestions come from titles and tags, not from every word of every reply: those are the
words a thread is about, a misspelled search is corrected towards what will be found,
and keeping the whole vocabulary doubled the index's postings (and its reindex time). The
backend proposes near words with how many documents hold each; the choice is made here,
the same way for every backend: fewest edits (a swap of two letters is one edit), then
the most documents. Words of up to five letters may differ by one edit, longer ones by
two. Numbers, words under three letters, common words and the synonym list's own words
are never corrected.
"""

from __future__ import annotations

from typing import Protocol

from app.search import languages
from app.search.terms import WORD, words

MIN_LENGTH = 3


class Vocabulary(Protocol):
    def known(self, words: list[str]) -> set[str]: ...

    def similar(self, word: str) -> list[tuple[str, int]]: ...


def max_edits(word: str) -> int:
    return 1 if len(word) <= 5 else 2


def distance(a: str, b: str) -> int:
    """Edits between ``a`` and ``b``: insertions, deletions, substitutions and swaps of
    neighbouring letters (optimal string alignment)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


def closest(word: str, candidates: list[tuple[str, int]]) -> str | None:
    """The best replacement among (word, documents) pairs, or None if none is near."""
    limit = max_edits(word)
    scored = [(edits, -documents, candidate) for candidate, documents in candidates
              if candidate != word and (edits := distance(word, candidate)) <= limit]
    return min(scored)[2] if scored else None


def _correction(word: str, candidates: list[tuple[str, int]]) -> str | None:
    if any(languages.inflects(word, candidate) for candidate, _ in candidates):
        return None  # a form of a word the site has: not a misspelling
    return closest(word, candidates)


def suggestion(text: str, vocabulary: Vocabulary, never: set[str] = frozenset()) -> str | None:
    """``text`` with its unknown words corrected, or None when there is nothing to correct."""
    checked = [word for word in dict.fromkeys(words(text))
               if len(word) >= MIN_LENGTH and not word.isdigit() and word not in never]
    if not checked:
        return None
    known = vocabulary.known(checked)
    fixes = {word: fix for word in checked
             if word not in known and not languages.is_word(word)
             and (fix := _correction(word, vocabulary.similar(word)))}
    if not fixes:
        return None
    return WORD.sub(lambda match: fixes.get(match.group(0).lower(), match.group(0)), text)
