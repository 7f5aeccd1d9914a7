"""The Whoosh backend: an embedded index in the instance folder (the default).

Each language has its own fields (English with the Porter stemmer, Italian with the
Snowball stemmer), so "caricano" finds "caricare" and "charging" finds "charge". A title
weighs twice the tags, the question and the replies (BM25F, each field with its own
length: docs/search.md says why). Queries are natural language: any word (or synonym
group) may match, and each group a document matches adds its score, so documents
matching more of them rank higher. Whoosh stores and analyzes; the query is scored by
``whoosh_scoring.py`` (numpy, a term at a time, Whoosh's BM25F formula), every match
times the document's boost (a column, at most 1 + MAX_LIFT), so the order is exactly the
formula's. The ``words`` field holds the words of titles and tags as typed, for "did you
mean". Searchers are kept open between queries (``whoosh_searchers.py``).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from itertools import islice
from pathlib import Path

from whoosh import columns, index
from whoosh.fields import BOOLEAN, COLUMN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.highlight import ContextFragmenter
from whoosh.index import LockError
from whoosh.query import Or, Term
from whoosh.searching import Hit as WhooshHit
from whoosh.searching import Results as WhooshResults
from whoosh.util.filelock import FileLock, try_for

from app.search import (
    CLOSE_SHARE,
    CLOSE_WINDOW,
    MAX_RESULTS,
    Document,
    Hit,
    Results,
    whoosh_parallel,
    whoosh_scoring,
)
from app.search.terms import (
    OTHER_LANGUAGE_WEIGHT,
    SYNONYM_WEIGHT,
    Query,
)
from app.search.whoosh_analysis import WordAnalyzer
from app.search.whoosh_scoring import Clause
from app.search.whoosh_searchers import BUILD_ID, SearcherPool

logger = logging.getLogger(__name__)

LANGUAGES = ("en", "it")
BOOSTS = {"title": 2.0, "tags": 1.0, "body": 1.0, "replies": 1.0}
TEXT_FIELDS = ("title", "tags", "body", "replies")
SNIPPET_FIELDS = ("body", "replies")
# A snippet comes from the text's beginning (an excerpt stored for it), from a window
# around the first word of the question found there: highlighting is paid per character.
EXCERPT_CHARS = 4000
WINDOW_CHARS = 600


def schema() -> Schema:
    fields = {
        "key": ID(unique=True, stored=True),
        "kind": ID(stored=True),
        "ident": NUMERIC(stored=True, numtype=int, bits=64),
        "category": ID(),
        "tag": KEYWORD(),  # for the tag filter; the tags' words are searched in tags_*
        "solved": BOOLEAN(),
        "boost": COLUMN(columns.NumericColumn("f", default=1.0)),
        "language": STORED(),
        **{f"{name}_excerpt": STORED() for name in SNIPPET_FIELDS},
        # The words of titles and tags, for spelling suggestions. Scorable only so that
        # Whoosh stores its lengths: without them its writer looks for the lengths file
        # once per word at every commit (a stat call each, a third of an import's commit).
        "words": KEYWORD(scorable=True),
    }
    for language in LANGUAGES:
        analyzer = WordAnalyzer(language)
        for name in TEXT_FIELDS:
            # No positions (phrase=False): a synonym of several words matches when all its
            # words are in the field (whoosh_scoring.py), and the index is smaller.
            fields[f"{name}_{language}"] = TEXT(analyzer=analyzer, field_boost=BOOSTS[name],
                                                phrase=False)
    return Schema(**fields)


def _fields(document: Document) -> dict:
    language = document.language if document.language in LANGUAGES else "en"
    return {
        "key": document.key, "kind": document.kind, "ident": document.id,
        "category": document.category, "tag": " ".join(document.tags),
        "solved": document.solved,
        "boost": float(document.boost), "language": language,
        "body_excerpt": document.body[:EXCERPT_CHARS],
        "replies_excerpt": document.replies[:EXCERPT_CHARS],
        "words": " ".join(sorted(document.vocabulary)),
        f"title_{language}": document.title, f"tags_{language}": " ".join(document.tags),
        f"body_{language}": document.body, f"replies_{language}": document.replies,
    }


def _check_complete(ix, written: int) -> None:
    """A rebuilt index holds every document written to it, or it is not swapped in (a
    writing process that died would otherwise lose its share without a word)."""
    with ix.reader() as reader:
        if reader.doc_count() != written:
            raise RuntimeError(f"The new search index holds {reader.doc_count()} documents "
                               f"of the {written} written; the live index is unchanged.")


class WhooshBackend:
    def __init__(self, directory: str) -> None:
        self.path = Path(directory)
        self._searchers = SearcherPool(self.path, self._open)

    def _open(self, create: bool = False):
        if not index.exists_in(self.path):
            if not create:
                return None
            self.path.mkdir(parents=True, exist_ok=True)
            return index.create_in(self.path, schema())
        ix = index.open_dir(self.path)
        if set(ix.schema.names()) != set(schema().names()):
            logger.warning("The search index in %s was built by an older Peerdesk; run "
                           "`flask search reindex`.", self.path)
            return None
        return ix

    def write(self, documents: list[Document], remove: list[str]) -> None:
        stale = [*remove, *(document.key for document in documents)]
        self._note_during_rebuild(stale)
        writer = self._writer()
        if writer is None:
            return
        with writer:
            # One delete for the batch: update_document would open a searcher per document.
            if stale:
                writer.delete_by_query(Or([Term("key", key) for key in stale]))
            for document in documents:
                writer.add_document(**_fields(document))

    def is_current(self) -> bool:
        return index.exists_in(self.path) and self._open() is not None

    def _writer(self):
        """A writer on the live index, or None: when an older version built it, or while a
        rebuild runs and there is no live index (before the first one exists, or between
        the swap's two renames); that rebuild writes the keys from its journal."""
        for attempt in (1, 2):
            ix = self._open(create=not self._journal.exists())
            if ix is None:
                return None
            try:
                return ix.writer(timeout=10)
            except FileNotFoundError:  # a rebuild swapped the directories meanwhile
                if attempt == 2:
                    raise
        return None

    @contextmanager
    def rebuilding(self, expected: int = 0) -> Iterator[Callable[[Document], None]]:
        """Build a fresh index beside the live one, then swap it in: searches keep
        working on the old index while the new one is written.

        The site keeps writing to the live index meanwhile, and notes each key it writes
        in a journal beside it (``<index>.changes``). After the swap the journal is read
        (``written_during_rebuild``) and those documents are written again from the
        database, so a change made while the rebuild read an older state is not lost.
        A key noted before the journal is taken is replayed; a write after it goes to the
        new index, since the swap came first."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        running = FileLock(str(self.path.with_name(self.path.name + ".rebuild.lock")))
        if not running.acquire(blocking=False):
            raise RuntimeError(f"Another reindex of {self.path} is running; let it finish.")
        try:
            fresh = self.path.with_name(self.path.name + ".rebuild")
            shutil.rmtree(fresh, ignore_errors=True)
            fresh.mkdir(parents=True)
            (fresh / BUILD_ID).write_text(uuid.uuid4().hex)
            self._journal.write_text("")
            ix = index.create_in(fresh, schema())
            writer = whoosh_parallel.rebuild_writer(ix, expected)
            written = 0
            try:
                def write(document: Document) -> None:
                    nonlocal written
                    writer.add_document(**_fields(document))
                    written += 1

                yield write
                writer.commit()
                _check_complete(ix, written)
                self._swap_in(fresh)
            except BaseException:
                if not writer.is_closed:
                    writer.cancel()
                shutil.rmtree(fresh, ignore_errors=True)
                self._journal.unlink(missing_ok=True)
                raise
        finally:
            running.release()

    def _swap_in(self, fresh: Path) -> None:
        old = self.path.with_name(self.path.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        live = self._open()
        # A write in progress on the live index finishes first; a writer that locks after
        # the swap finds the new index (Whoosh reads the lock and contents by path).
        lock = live.lock("WRITELOCK") if live is not None else None
        if lock is not None and not try_for(lock.acquire, timeout=30):
            raise LockError(f"the search index in {self.path} stayed locked for 30 s")
        try:
            if self.path.exists():
                os.replace(self.path, old)
            os.replace(fresh, self.path)
        finally:
            if lock is not None:
                lock.release()
        shutil.rmtree(old, ignore_errors=True)

    def written_during_rebuild(self) -> list[str]:
        """The keys the site wrote while the last rebuild ran (read once)."""
        taken = self._journal.with_name(self._journal.name + ".taken")
        with suppress(FileNotFoundError):
            os.replace(self._journal, taken)
        try:
            keys = sorted(set(taken.read_text().split()))
        except FileNotFoundError:
            return []
        taken.unlink()
        return keys

    @property
    def _journal(self) -> Path:
        return self.path.with_name(self.path.name + ".changes")

    def _note_during_rebuild(self, keys: list[str]) -> None:
        """Append ``keys`` to the journal if a rebuild is running (the file exists)."""
        try:
            descriptor = os.open(self._journal, os.O_WRONLY | os.O_APPEND)
        except FileNotFoundError:
            return
        try:
            os.write(descriptor, "".join(f"{key}\n" for key in keys).encode())
        finally:
            os.close(descriptor)

    def search(self, query: Query, *, limit: int, offset: int) -> Results:
        with self._searchers.searcher() as searcher:
            if searcher is None:
                return Results([], 0)
            clauses = _clauses(query, searcher.schema)
            limit = max(0, min(limit, MAX_RESULTS - offset))
            scored = whoosh_scoring.best(
                searcher, clauses, wanted=max(min(offset + limit, MAX_RESULTS), CLOSE_WINDOW),
                allowed=_allowed(query))
            best = scored.best
            threshold = CLOSE_SHARE * best[0][0] if best else 0.0
            page = WhooshResults(searcher, _terms_of(clauses), best)  # for highlighting
            page.fragmenter = ContextFragmenter(maxchars=200, surround=40)
            first_word = _first_word(clauses)
            hits = []
            for position, (score, docnum) in enumerate(best[offset:offset + limit], offset):
                found = WhooshHit(page, docnum, position, score)
                hits.append(Hit(found["kind"], found["ident"], score,
                                _highlight(found, first_word), close=score >= threshold))
            close = sum(1 for score, _ in best[:CLOSE_WINDOW] if score >= threshold)
            return Results(hits, min(scored.matched, MAX_RESULTS), close=close)

    def known(self, words: list[str]) -> set[str]:
        """The words some document holds in any of their forms, in either language."""
        with self._searchers.searcher() as searcher:
            if searcher is None:
                return set()
            reader = searcher.reader()
            return {word for word in words if any(
                reader.doc_frequency(f"{name}_{language}", term)
                for language in LANGUAGES for term in _analyzed(searcher.schema, language, word)
                for name in TEXT_FIELDS)}

    def similar(self, word: str) -> list[tuple[str, int]]:
        with self._searchers.searcher() as searcher:
            if searcher is None:
                return []
            near = searcher.reader().terms_within("words", word, maxdist=2, prefix=1)
            counted = [(candidate, _live_documents(searcher, candidate)) for candidate in near]
            return [(candidate, count) for candidate, count in counted if count]


def _clauses(query: Query, schema: Schema) -> list[Clause]:
    """Each group's words and synonyms in every field, weighed as BOOSTS say, a synonym
    at SYNONYM_WEIGHT, a field of another language than the question's at
    OTHER_LANGUAGE_WEIGHT. Words are analyzed as each language's field does (stemmed,
    its common words dropped); a synonym of several words needs all of them in a field."""
    clauses = []
    for group in query.groups:
        for phrase, weight in ((group.typed, 1.0),
                               *((synonym, SYNONYM_WEIGHT) for synonym in group.synonyms)):
            for language in LANGUAGES:
                terms = tuple(term for word in phrase
                              for term in _analyzed(schema, language, word))
                if not terms:
                    continue
                other = query.language not in (None, language)
                for name in TEXT_FIELDS:
                    clauses.append(Clause(
                        f"{name}_{language}", terms,
                        group.weight * weight * (OTHER_LANGUAGE_WEIGHT if other else 1.0)))
    return clauses


def _analyzed(schema: Schema, language: str, word: str) -> list[str]:
    return list(schema[f"title_{language}"].process_text(word, mode="query"))


def _terms_of(clauses: list[Clause]):
    return Or([Term(clause.field, term) for clause in clauses for term in clause.terms])


def _allowed(query: Query) -> list[list[tuple[str, object]]]:
    """The filters: a document holds one of each list's (field, value) pairs."""
    allowed = []
    if query.kinds:
        allowed.append([("kind", kind) for kind in query.kinds])
    if query.categories:
        allowed.append([("category", slug) for slug in query.categories])
    if query.tags:
        allowed.append([("tag", tag) for tag in query.tags])
    if query.solved_only:
        allowed.append([("solved", True)])
    return allowed


def _live_documents(searcher, word: str, limit: int | None = None) -> int:
    """Documents holding ``word`` (up to ``limit``), not counting removed ones, whose words
    stay in the index's word list until its segments are merged."""
    return sum(1 for _ in islice(searcher.docs_for_query(Term("words", word)), limit))


def _first_word(clauses: list[Clause]) -> re.Pattern | None:
    """A word starting with one of the query's stems ("charg" finds "charging")."""
    stems = sorted({term for clause in clauses for term in clause.terms}, key=len, reverse=True)
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + ")", re.IGNORECASE)


def _highlight(hit, first_word: re.Pattern | None) -> str:
    stored = hit.fields()
    language = stored.get("language", "en")
    for name in SNIPPET_FIELDS:
        if text := stored.get(f"{name}_excerpt"):
            found = first_word.search(text) if first_word else None
            start = max(0, found.start() - WINDOW_CHARS // 3) if found else 0
            snippet = hit.highlights(f"{name}_{language}",
                                     text=text[start:start + WINDOW_CHARS], top=2)
            if snippet:
                return snippet
    return ""
