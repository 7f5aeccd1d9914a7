"""The Whoosh index's analyzers: words lowercased, common words dropped, stemmed.

Each does what Whoosh's own ``StemmingAnalyzer`` (English, Porter) and
``LanguageAnalyzer("it")`` (Italian, Snowball) do, the same words, stop lists and
stemmers, but in one pass: Whoosh chains a generator per step (tokenizer, lowercase,
stop words, stemmer), and those hops were most of a reindex's analysis time. When a
caller needs more than the words (character offsets for highlighting, stop words kept),
Whoosh's own chain answers.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from whoosh.analysis import Analyzer, LanguageAnalyzer, StemmingAnalyzer, Token
from whoosh.analysis.filters import STOP_WORDS
from whoosh.lang import stopwords_for_language

from app.search import languages

WORD = re.compile(r"\w+(?:\.?\w+)*")  # Whoosh's default token pattern, without a group
MIN_LENGTH = 2
STOP = {"en": frozenset(STOP_WORDS),
        "it": frozenset(STOP_WORDS) | frozenset(stopwords_for_language("it"))}


@lru_cache(maxsize=50_000)  # as Whoosh's StemFilter
def _term(word: str, language: str) -> str | None:
    word = word.lower()
    if len(word) < MIN_LENGTH or word in STOP[language]:
        return None
    return languages.stem(word, language)


class WordAnalyzer(Analyzer):
    """The words of a text in one language, as index terms."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __eq__(self, other) -> bool:
        return isinstance(other, WordAnalyzer) and other.language == self.language

    def __hash__(self) -> int:
        return hash(self.language)

    def __getstate__(self) -> dict:
        return {"language": self.language}

    def __setstate__(self, state: dict) -> None:
        self.language = state["language"]

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 removestops: bool = True, tokenize: bool = True, **kwargs):
        if positions or chars or not removestops or not tokenize or kwargs.get(
                "keeporiginal"):
            yield from _whoosh_chain(self.language)(
                value, positions=positions, chars=chars, removestops=removestops,
                tokenize=tokenize, **kwargs)
            return
        token = Token(removestops=True, mode=kwargs.get("mode", ""))
        token.boost, token.stopped = 1.0, False
        language = self.language
        for word in WORD.findall(value):
            text = _term(word, language)
            if text is not None:
                token.text = text
                yield token


@cache
def _whoosh_chain(language: str):
    return StemmingAnalyzer() if language == "en" else LanguageAnalyzer(language)
