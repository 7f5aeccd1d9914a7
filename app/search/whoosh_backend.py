"""The Whoosh backend: an embedded index in the instance folder (the default).

Each language has its own fields (English with the Porter stemmer, Italian with the
Snowball stemmer), so "caricano" finds "caricare" and "charging" finds "charge". Titles
weigh most, then tags, then an accepted answer, then the rest of the text (BM25F). Queries
are natural language: any word (or synonym group) may match, and each group a document
matches adds its score, so documents matching more of them rank higher. (Whoosh's own
coordination bonus is not used: it counts a word once per field and per index segment.)
The text score is then multiplied by the document's boost (kept in a column, applied by
:class:`BoostedBM25F`). The ``words`` field holds every word as typed,
for "did you mean".
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from whoosh import columns, index, scoring
from whoosh.analysis import LanguageAnalyzer, StemmingAnalyzer
from whoosh.fields import BOOLEAN, COLUMN, ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.highlight import ContextFragmenter
from whoosh.qparser import MultifieldParser, OrGroup
from whoosh.query import And, Or, Term

from app.search import Document, Hit, Results
from app.search.terms import (
    OTHER_LANGUAGE_WEIGHT,
    SYNONYM_WEIGHT,
    Group,
    Phrase,
    Query,
    vocabulary,
)

logger = logging.getLogger(__name__)

LANGUAGES = ("en", "it")
BOOSTS = {"title": 4.0, "tags": 2.0, "extra": 1.5, "body": 1.0}
TEXT_FIELDS = ("title", "tags", "extra", "body")


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
                                                stored=name == "body")
    return Schema(**fields)


def _fields(document: Document) -> dict:
    language = document.language if document.language in LANGUAGES else "en"
    return {
        "key": document.key, "kind": document.kind, "ident": document.id,
        "category": document.category, "solved": document.solved,
        "boost": float(document.boost),
        "words": " ".join(sorted(vocabulary(document.title, " ".join(document.tags),
                                            document.extra, document.body))),
        f"title_{language}": document.title, f"tags_{language}": " ".join(document.tags),
        f"extra_{language}": document.extra, f"body_{language}": document.body,
    }


class BoostedBM25F(scoring.BM25F):
    """BM25F times the document's boost (solved threads, helpful articles rank higher)."""

    use_final = True

    def __init__(self) -> None:
        super().__init__()
        self._boosts = None  # one search's column reader

    def final(self, searcher, docnum, score):
        if self._boosts is None:
            self._boosts = searcher.reader().column_reader("boost")
        return score * self._boosts[docnum]


class WhooshBackend:
    def __init__(self, directory: str) -> None:
        self.path = Path(directory)

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
        ix = self._open(create=True)
        if ix is None:
            return
        stale = [*remove, *(document.key for document in documents)]
        with ix.writer(timeout=10) as writer:
            # One delete for the batch: update_document would open a searcher per document.
            if stale:
                writer.delete_by_query(Or([Term("key", key) for key in stale]))
            for document in documents:
                writer.add_document(**_fields(document))

    @contextmanager
    def rebuilding(self) -> Iterator[Callable[[Document], None]]:
        """Build a fresh index beside the live one, then swap it in: searches keep
        working on the old index while the new one is written."""
        fresh = self.path.with_name(self.path.name + ".rebuild")
        shutil.rmtree(fresh, ignore_errors=True)
        fresh.mkdir(parents=True)
        ix = index.create_in(fresh, schema())
        writer = ix.writer(limitmb=512)  # fewer runs to merge at commit (measured: -25 %)
        try:
            yield lambda document: writer.add_document(**_fields(document))
        except BaseException:
            writer.cancel()
            shutil.rmtree(fresh, ignore_errors=True)
            raise
        writer.commit()
        old = self.path.with_name(self.path.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if self.path.exists():
            os.replace(self.path, old)
        os.replace(fresh, self.path)
        shutil.rmtree(old, ignore_errors=True)

    def search(self, query: Query, *, limit: int, offset: int) -> Results:
        ix = self._open()
        if ix is None:
            return Results([], 0)
        fields = [f"{name}_{lang}" for name in TEXT_FIELDS for lang in LANGUAGES]
        other_languages = {f"{name}_{lang}": OTHER_LANGUAGE_WEIGHT for name in TEXT_FIELDS
                           for lang in LANGUAGES if query.language not in (None, lang)}
        parser = MultifieldParser(fields, ix.schema, fieldboosts=other_languages, group=OrGroup)
        parsed = Or([parser.parse(_group_text(group)) for group in query.groups])
        with ix.searcher(weighting=BoostedBM25F()) as searcher:
            page = searcher.search(parsed, limit=offset + limit, filter=_filter(query),
                                   terms=True)
            page.fragmenter = ContextFragmenter(maxchars=200, surround=40)
            hits = [Hit(hit["kind"], hit["ident"], hit.score, _highlight(hit))
                    for hit in page[offset:offset + limit]]
            return Results(hits, len(page))

    def known(self, words: list[str]) -> set[str]:
        ix = self._open()
        if ix is None:
            return set()
        with ix.searcher() as searcher:
            return {word for word in words if _live_documents(searcher, word, limit=1)}

    def similar(self, word: str) -> list[tuple[str, int]]:
        ix = self._open()
        if ix is None:
            return []
        with ix.searcher() as searcher:
            near = searcher.reader().terms_within("words", word, maxdist=2, prefix=1)
            counted = [(candidate, _live_documents(searcher, candidate)) for candidate in near]
            return [(candidate, count) for candidate, count in counted if count]


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
    for language in LANGUAGES:
        if stored.get(f"body_{language}"):
            text = hit.highlights(f"body_{language}", top=2)
            if text:
                return text
    return ""
