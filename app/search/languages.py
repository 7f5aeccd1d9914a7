"""What search knows of each language it indexes, apart from any index: how a word is
stemmed, and whether it is a word of the language at all.

Stems let the synonym list and "did you mean" see every form of a word: "caricano",
"caricare" and "carica" share the Italian stem "caric", "charging" and "charged" the
English "charg". They are the stemmers the Whoosh index uses (Porter for English,
Snowball for Italian), so a word matches the same way in the query and in the index.

The dictionaries are the word-frequency lists that ship in ``pyspellchecker``'s wheel
(about 160,000 English and 120,000 Italian words, verb forms included). "Did you mean"
never replaces a word that is in one, however rare it is on this site. They are read the
first time a suggestion needs them and kept as sorted 64-bit hashes (2.2 MB of arrays,
where sets of the words would take 30 MB; reading them leaves a worker about 18 MB
larger, and takes 0.4 s once).
"""

from __future__ import annotations

import gzip
import json
from array import array
from bisect import bisect_left
from functools import cache, lru_cache
from importlib import resources

from whoosh.lang.porter import stem as english_stem
from whoosh.lang.snowball.italian import ItalianStemmer

LANGUAGES = ("en", "it")
_STEMMERS = {"en": english_stem, "it": ItalianStemmer().stem}


@lru_cache(maxsize=20_000)
def stem(word: str, language: str) -> str:
    return _STEMMERS[language](word)


def same_stem(a: str, b: str, language: str | None = None) -> bool:
    """Whether ``a`` and ``b`` are forms of one word in that language (either, if None)."""
    return any(stem(a, each) == stem(b, each)
               for each in ((language,) if language else LANGUAGES))


def inflects(word: str, other: str) -> bool:
    """Whether ``word`` carries an ending that, taken off, leaves ``other``'s stem:
    "ricaricano" inflects "ricaricare". A word the stemmer leaves whole ("zephyrin") is
    not a form of anything, so a missing letter ("zephyrin" for "zephyrine") is still
    a misspelling."""
    return any((root := stem(word, language)) != word and root == stem(other, language)
               for language in LANGUAGES)


def is_word(word: str, language: str | None = None) -> bool:
    """Whether ``word`` (lowercase) is in that language's dictionary (either, if None)."""
    return any(_contains(_dictionary(each), hash(word))
               for each in ((language,) if language else LANGUAGES))


def _contains(hashes: array, value: int) -> bool:
    position = bisect_left(hashes, value)
    return position < len(hashes) and hashes[position] == value


@cache
def _dictionary(language: str) -> array:
    packaged = resources.files("spellchecker") / "resources" / f"{language}.json.gz"
    words = json.loads(gzip.decompress(packaged.read_bytes()))
    return array("q", sorted({hash(word.lower()) for word in words}))
