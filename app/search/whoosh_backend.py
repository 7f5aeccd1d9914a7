"""The Whoosh backend: an embedded index in the instance folder (the default).

Each language has its own fields (English with the Porter stemmer, Italian with the
Snowball stemmer), so "caricano" finds "caricare" and "charging" finds "charge". A title
weighs twice the tags, the question and the replies (BM25F, each field with its own
length: docs/search.md says why). Queries
are natural language: any word (or synonym group) may match, and each group a document
matches adds its score, so documents matching more of them rank higher. (Whoosh's own
coordination bonus is not used: it counts a word once per field and per index segment.)
Whoosh ranks by the text score alone, so that it can skip the blocks of postings that
cannot reach the page asked for (a scorer that adjusts every score, ``use_final``, would
turn that off and score every match). The document's boost (kept in a column, at most
1 + MAX_LIFT) then reorders the best candidates; they are widened until no document left
out could be lifted onto the page (:func:`_best`). The ``words`` field holds every word
as typed, for "did you mean".
Searchers are kept open between queries (``whoosh_searchers.py``).
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from itertools import islice
from pathlib import Path

from whoosh import columns, index
from whoosh.analysis import LanguageAnalyzer, StemmingAnalyzer
from whoosh.fields import BOOLEAN, COLUMN, ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.highlight import ContextFragmenter
from whoosh.index import LockError
from whoosh.qparser import MultifieldParser, OrGroup
from whoosh.query import And, Or, Term
from whoosh.searching import Hit as WhooshHit
from whoosh.searching import Searcher
from whoosh.util.filelock import FileLock, try_for

from app.search import (
    CLOSE_SHARE,
    CLOSE_WINDOW,
    MAX_LIFT,
    MAX_RESULTS,
    Document,
    Hit,
    Results,
)
from app.search.terms import (
    OTHER_LANGUAGE_WEIGHT,
    SYNONYM_WEIGHT,
    Group,
    Phrase,
    Query,
    vocabulary,
)
from app.search.whoosh_searchers import BUILD_ID, SearcherPool

logger = logging.getLogger(__name__)

LANGUAGES = ("en", "it")
BOOSTS = {"title": 2.0, "tags": 1.0, "body": 1.0, "replies": 1.0}
TEXT_FIELDS = ("title", "tags", "body", "replies")
SNIPPET_FIELDS = ("body", "replies")
HIGHLIGHT_CHARS = 4000  # a snippet is looked for in the text's beginning only
CANDIDATES = 20  # ranked beyond the page asked for, before the boosts reorder them
MAX_FETCH = 1000


def _analyzer(language: str):
    return StemmingAnalyzer() if language == "en" else LanguageAnalyzer(language)


def schema() -> Schema:
    fields = {
        "key": ID(unique=True, stored=True),
        "kind": ID(stored=True),
        "ident": NUMERIC(stored=True, numtype=int, bits=64),
        "category": ID(),
        "solved": BOOLEAN(),
        "boost": COLUMN(columns.NumericColumn("f", default=1.0)),
        # The vocabulary, space-separated, for spelling suggestions. Scorable only so that
        # Whoosh stores its lengths: without them its writer looks for the lengths file
        # once per word at every commit (a stat call each, a third of an import's commit).
        "words": KEYWORD(scorable=True),
    }
    for language in LANGUAGES:
        analyzer = _analyzer(language)
        for name in TEXT_FIELDS:
            fields[f"{name}_{language}"] = TEXT(analyzer=analyzer, field_boost=BOOSTS[name],
                                                stored=name in SNIPPET_FIELDS)
    return Schema(**fields)


def _fields(document: Document) -> dict:
    language = document.language if document.language in LANGUAGES else "en"
    return {
        "key": document.key, "kind": document.kind, "ident": document.id,
        "category": document.category, "solved": document.solved,
        "boost": float(document.boost),
        "words": " ".join(sorted(vocabulary(document.title, " ".join(document.tags),
                                            document.replies, document.body))),
        f"title_{language}": document.title, f"tags_{language}": " ".join(document.tags),
        f"body_{language}": document.body, f"replies_{language}": document.replies,
    }


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
    def rebuilding(self) -> Iterator[Callable[[Document], None]]:
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
            writer = index.create_in(fresh, schema()).writer(limitmb=512)  # fewer merges
            try:
                yield lambda document: writer.add_document(**_fields(document))
                writer.commit()
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
            parsed, filter_ = _parsed(query, searcher.schema), _filter(query)
            limit = max(0, min(limit, MAX_RESULTS - offset))
            page, best, complete = _best(searcher, parsed, filter_,
                                         max(min(offset + limit, MAX_RESULTS), CLOSE_WINDOW))
            threshold = CLOSE_SHARE * best[0][0] if best else 0.0
            page.fragmenter = ContextFragmenter(maxchars=200, surround=40)
            hits = []
            for position, (score, docnum) in enumerate(best[offset:offset + limit], offset):
                found = WhooshHit(page, docnum, position, score)
                hits.append(Hit(found["kind"], found["ident"], score, _highlight(found),
                                close=score >= threshold))
            total = min(len(page.top_n), MAX_RESULTS) if complete else \
                _count(searcher, parsed, filter_)
            close = sum(1 for score, _ in best[:CLOSE_WINDOW] if score >= threshold)
            return Results(hits, total, close=close)

    def known(self, words: list[str]) -> set[str]:
        with self._searchers.searcher() as searcher:
            if searcher is None:
                return set()
            return {word for word in words if _live_documents(searcher, word, limit=1)}

    def similar(self, word: str) -> list[tuple[str, int]]:
        with self._searchers.searcher() as searcher:
            if searcher is None:
                return []
            near = searcher.reader().terms_within("words", word, maxdist=2, prefix=1)
            counted = [(candidate, _live_documents(searcher, candidate)) for candidate in near]
            return [(candidate, count) for candidate, count in counted if count]


def _parsed(query: Query, schema: Schema):
    """The query for Whoosh: each group in every field, other languages' fields weighing
    less."""
    fields = [f"{name}_{lang}" for name in TEXT_FIELDS for lang in LANGUAGES]
    other_languages = {f"{name}_{lang}": OTHER_LANGUAGE_WEIGHT
                       for name in TEXT_FIELDS for lang in LANGUAGES
                       if query.language not in (None, lang)}
    parser = MultifieldParser(fields, schema, fieldboosts=other_languages, group=OrGroup)
    return Or([parser.parse(_group_text(group)) for group in query.groups])


def _best(searcher: Searcher, parsed, filter_, wanted: int):
    """The ``wanted`` best documents by text score times boost, as (score, docnum) pairs;
    Whoosh's results (for highlighting); and whether every match was fetched."""
    boosts = searcher.reader().column_reader("boost")
    fetch = wanted + CANDIDATES
    while True:
        page = searcher.search(parsed, limit=fetch, filter=filter_)
        best = sorted(((score * boosts[docnum], docnum) for score, docnum in page.top_n),
                      key=lambda pair: (-pair[0], pair[1]))
        everything = len(page.top_n) < fetch
        # Anything not fetched scores at most the last one fetched, lifted at most so far.
        # (Past MAX_FETCH candidates, near-ties at the page's end stay in text order.)
        if everything or fetch >= MAX_FETCH or (
                len(best) >= wanted and
                page.top_n[-1][0] * (1 + MAX_LIFT) <= best[wanted - 1][0]):
            return page, best[:wanted], everything
        fetch *= 4


def _count(searcher: Searcher, parsed, filter_) -> int:
    """The matches, counted up to MAX_RESULTS without scoring them."""
    query = And([parsed, filter_]) if filter_ is not None else parsed
    return sum(1 for _ in islice(searcher.docs_for_query(query), MAX_RESULTS))


def _live_documents(searcher, word: str, limit: int | None = None) -> int:
    """Documents holding ``word`` (up to ``limit``), not counting removed ones, whose words
    stay in the index's word list until its segments are merged."""
    return sum(1 for _ in islice(searcher.docs_for_query(Term("words", word)), limit))


def _group_text(group: Group) -> str:
    """A group for the query parser: ``(earbuds OR buds^0.6 OR "wi fi"^0.6)^0.5``. Words
    are letters and digits only (terms.py), so nothing in them is parser syntax; lowercase
    words are never operators."""
    alternatives = [_phrase_text(group.typed),
                    *(f"{_phrase_text(p)}^{SYNONYM_WEIGHT}" for p in group.synonyms)]
    text = alternatives[0] if len(alternatives) == 1 else f"({' OR '.join(alternatives)})"
    return text if group.weight == 1 else f"({text})^{group.weight}"


def _phrase_text(phrase: Phrase) -> str:
    return f'"{" ".join(phrase)}"' if len(phrase) > 1 else phrase[0]


def _filter(query: Query):
    filters = []
    if query.kinds:
        filters.append(Or([Term("kind", kind) for kind in query.kinds]))
    if query.categories:
        filters.append(Or([Term("category", slug) for slug in query.categories]))
    if query.solved_only:
        filters.append(Term("solved", True))
    return And(filters) if filters else None


def _highlight(hit) -> str:
    stored = hit.fields()
    for name in SNIPPET_FIELDS:
        for language in LANGUAGES:
            if text := stored.get(f"{name}_{language}"):
                snippet = hit.highlights(f"{name}_{language}", text=text[:HIGHLIGHT_CHARS],
                                         top=2)
                if snippet:
                    return snippet
    return ""
