"""Scoring a query over the Whoosh index with numpy, one term at a time.

Whoosh's searcher scores a query by walking a tree of matchers one posting at a time in
Python: on 20,000 posts that walk, not the arithmetic, took four fifths of a query's time,
and it grows with the index. Here each term's postings are read a block at a time into
arrays, scored with Whoosh's own BM25F formula and parameters, summed into one array of
scores per index segment, and cut to the best with ``argpartition``. Every match is
scored, so the order is exactly the formula's (no candidate set to widen) and the count
of matches comes free.

Decoded postings, field lengths and the boost column are kept in a cache bounded in
bytes (``CACHE_BYTES``), keyed by segment: a segment never changes once written, so an
entry is never stale; removed documents are masked at query time. The words a site is
asked about most are the longest lists and stay cached.

This reads Whoosh 2.7's block format through a few private attributes; Whoosh 2.7 is
finished (its last release was in 2016) and pinned, and the tests compare these scores
with Whoosh's searcher on the same query.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from math import log

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.reading import TermNotFound
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

K1, B = 1.2, 0.75  # Whoosh's BM25F defaults
CACHE_BYTES = 48 * 1024 * 1024
# What an entry costs besides its arrays' data: the key and the array objects.
ENTRY_BYTES = 512
_LENGTHS = np.array([byte_to_length(i) for i in range(256)], dtype=np.float64)


@dataclass(frozen=True)
class Clause:
    """Terms (already analyzed for ``field``) that must all be in that field of a
    document, and how much their score counts: one word, or a synonym of several words,
    which matches when all its words are in the field."""

    field: str
    terms: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class Scored:
    best: list[tuple[float, int]]  # (score, docnum), best first
    matched: int  # documents with a score, after the filter


def best(searcher: Searcher, clauses: Iterable[Clause], *, wanted: int,
         allowed: list[list[tuple[str, str]]] = (), boost_column: str = "boost") -> Scored:
    """The ``wanted`` best documents for ``clauses``, by summed score times the boost
    column. ``allowed``: a document must hold one (field, value) pair of each list."""
    clauses = list(clauses)
    if not clauses or searcher.doc_count_all() == 0:
        return Scored([], 0)
    statistics = {(clause.field, term): _statistics(searcher, clause.field, term)
                  for clause in clauses for term in clause.terms}
    found: list[tuple[float, int]] = []
    matched = 0
    for leaf, base in searcher.reader().leaf_readers():
        scores = np.zeros(leaf.doc_count_all(), dtype=np.float64)
        for clause in clauses:
            ids, values = _clause(leaf, clause, statistics)
            scores[ids] += clause.weight * values
        scores *= _column(leaf, boost_column, default=1.0)
        scores[_deleted(leaf)] = 0.0
        for pairs in allowed:
            scores[~_holding(leaf, pairs)] = 0.0
        candidates = np.flatnonzero(scores > 0)
        matched += len(candidates)
        if wanted < len(candidates):
            # Every document scoring at least the wanted-th best: ties at the cut are all
            # kept, so that a page never depends on how many were asked for.
            cut = np.partition(scores[candidates], len(candidates) - wanted)[
                len(candidates) - wanted] if wanted else np.inf
            candidates = candidates[scores[candidates] >= cut]
        found.extend((float(scores[doc]), int(doc) + base) for doc in candidates)
    found.sort(key=lambda pair: (-pair[0], pair[1]))
    return Scored(found[:wanted], matched)


def _statistics(searcher: Searcher, field: str, term: str) -> tuple[float, float]:
    """The term's inverse document frequency and the field's average length, over the
    whole index, as Whoosh's BM25F computes them."""
    frequency = searcher.doc_frequency(field, term)
    idf = log(searcher.doc_count_all() / (frequency + 1)) + 1
    return idf, searcher.avg_field_length(field) or 1.0


def _clause(leaf, clause: Clause, statistics) -> tuple[np.ndarray, np.ndarray]:
    lengths = _field_lengths(leaf, clause.field)
    ids, total = None, None
    for term in clause.terms:
        term_ids, weights = _postings(leaf, clause.field, term)
        idf, average = statistics[clause.field, term]
        values = idf * (weights * (K1 + 1)) / (
            weights + K1 * ((1 - B) + B * lengths[term_ids] / average))
        if ids is None:
            ids, total = term_ids, values
        else:  # every word of the term, in the same field
            ids, mine, theirs = np.intersect1d(ids, term_ids, assume_unique=True,
                                               return_indices=True)
            total = total[mine] + values[theirs]
    if ids is None:
        return np.empty(0, dtype=np.int64), np.empty(0)
    return ids, total


# --- arrays read from a segment, cached -------------------------------------------------


class _Cache:
    """Arrays by key, least recently used dropped first, at most ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit, self.size = limit, 0
        self._items: OrderedDict[tuple, tuple[np.ndarray, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple, load) -> tuple[np.ndarray, ...]:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = load()
        for array in value:
            array.setflags(write=False)  # shared by every query that reads it
        size = _size(value)
        # A word no document holds is not kept, or every one-off word of every question
        # would be: 3,000 new questions grew a worker by 160 MB.
        if size == ENTRY_BYTES:
            return value
        with self._lock:
            if key not in self._items and size <= self.limit:
                self._items[key] = value
                self.size += size
                while self.size > self.limit:
                    _, dropped = self._items.popitem(last=False)
                    self.size -= _size(dropped)
        return value


def _size(value: tuple[np.ndarray, ...]) -> int:
    return ENTRY_BYTES + sum(array.nbytes for array in value)


_cache = _Cache(CACHE_BYTES)


def _segment(leaf) -> str:
    return leaf._segment.segment_id()


def _postings(leaf, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
    """Every posting of the term in this segment, removed documents included."""
    return _cache.get((_segment(leaf), "postings", field, term),
                      lambda: _read_postings(leaf, field, term))


def _read_postings(leaf, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
    try:
        matcher = leaf._terms.matcher(field, leaf._text_to_bytes(field, term),
                                      leaf.schema[field].format, scorer=None)
    except TermNotFound:
        return np.empty(0, dtype=np.int64), np.empty(0)
    ids: list = []
    weights: list = []
    while matcher.is_active():  # one block (up to 128 postings) at a time
        matcher._read_ids()
        matcher._read_weights()
        ids.extend(matcher._ids)
        weights.extend(matcher._weights)
        matcher._next_block()
    return np.array(ids, dtype=np.int64), np.array(weights, dtype=np.float64)


def _field_lengths(leaf, field: str) -> np.ndarray:
    def load() -> tuple[np.ndarray]:
        name = f"_{field}_len"
        if not leaf._perdoc.has_column(name):
            return (np.zeros(leaf.doc_count_all()),)
        encoded = _numeric(leaf._perdoc.column_reader(name, LENGTHS_COLUMN),
                           leaf.doc_count_all())
        return (_LENGTHS[encoded.astype(np.int64)],)

    return _cache.get((_segment(leaf), "lengths", field), load)[0]


def _column(leaf, name: str, default: float) -> np.ndarray:
    def load() -> tuple[np.ndarray]:
        if not leaf.has_column(name):
            return (np.full(leaf.doc_count_all(), default),)
        return (_numeric(leaf.column_reader(name, translate=False), leaf.doc_count_all()),)

    return _cache.get((_segment(leaf), "column", name), load)[0]


def _numeric(reader, count: int) -> np.ndarray:
    """A numeric column's values: the stored ones, then the default for documents after
    the last one stored (Whoosh leaves those out)."""
    raw = reader._dbfile.get(reader._basepos, reader._count * reader._fixedlen)
    stored = np.frombuffer(raw, dtype=np.dtype(reader._typecode).newbyteorder(">"))
    values = np.full(count, reader._default, dtype=np.float64)
    values[:len(stored)] = stored[:count]
    return values


def _deleted(leaf) -> np.ndarray:
    return np.fromiter(leaf._perdoc.deleted_docs(), dtype=np.int64) if leaf.has_deletions() \
        else np.empty(0, dtype=np.int64)


def _holding(leaf, pairs: list[tuple[str, str]]) -> np.ndarray:
    mask = np.zeros(leaf.doc_count_all(), dtype=bool)
    for field, value in pairs:
        mask[_postings(leaf, field, value)[0]] = True
    return mask
