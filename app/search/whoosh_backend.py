"""The Whoosh backend: an embedded index in the instance folder (the default).

Each language has its own fields (English with the Porter stemmer, Italian with the
Snowball stemmer), so "caricano" finds "caricare" and "charging" finds "charge". Titles
weigh most, then tags, then an accepted answer, then the rest of the text. Queries are
natural language: any word may match, documents matching more words rank higher.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh import index
from whoosh.analysis import LanguageAnalyzer, StemmingAnalyzer
from whoosh.fields import BOOLEAN, ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.highlight import ContextFragmenter
from whoosh.qparser import MultifieldParser, OrGroup
from whoosh.query import And, Or, Term

from app.search import Document, Hit, Results

LANGUAGES = ("en", "it")
BOOSTS = {"title": 4.0, "tags": 2.0, "extra": 1.5, "body": 1.0}


def _analyzer(language: str):
    return StemmingAnalyzer() if language == "en" else LanguageAnalyzer(language)


def schema() -> Schema:
    fields = {
        "key": ID(unique=True, stored=True),
        "kind": ID(stored=True),
        "ident": NUMERIC(stored=True, numtype=int, bits=64),
        "category": ID(),
        "solved": BOOLEAN(),
        "tags": KEYWORD(commas=True, lowercase=True, scorable=True, field_boost=BOOSTS["tags"]),
    }
    for language in LANGUAGES:
        analyzer = _analyzer(language)
        fields[f"title_{language}"] = TEXT(analyzer=analyzer, field_boost=BOOSTS["title"])
        fields[f"extra_{language}"] = TEXT(analyzer=analyzer, field_boost=BOOSTS["extra"])
        fields[f"body_{language}"] = TEXT(analyzer=analyzer, stored=True)
    return Schema(**fields)


def _fields(document: Document) -> dict:
    language = document.language if document.language in LANGUAGES else "en"
    return {
        "key": document.key, "kind": document.kind, "ident": document.id,
        "category": document.category, "solved": document.solved,
        "tags": ",".join(document.tags),
        f"title_{language}": document.title, f"extra_{language}": document.extra,
        f"body_{language}": document.body,
    }


class WhooshBackend:
    def __init__(self, directory: str) -> None:
        self.path = Path(directory)

    def _open(self, create: bool = False):
        if not index.exists_in(self.path):
            if not create:
                return None
            self.path.mkdir(parents=True, exist_ok=True)
            return index.create_in(self.path, schema())
        return index.open_dir(self.path)

    def write(self, documents: list[Document], remove: list[str]) -> None:
        ix = self._open(create=True)
        with ix.writer(timeout=10) as writer:
            for key in remove:
                writer.delete_by_term("key", key)
            for document in documents:
                writer.update_document(**_fields(document))

    @contextmanager
    def rebuilding(self) -> Iterator[Callable[[Document], None]]:
        """Build a fresh index beside the live one, then swap it in: searches keep
        working on the old index while the new one is written."""
        fresh = self.path.with_name(self.path.name + ".rebuild")
        shutil.rmtree(fresh, ignore_errors=True)
        fresh.mkdir(parents=True)
        ix = index.create_in(fresh, schema())
        writer = ix.writer(limitmb=128)
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

    def search(self, text: str, *, kinds: list[str], category: str | None,
               solved_only: bool, limit: int, offset: int) -> Results:
        ix = self._open()
        if ix is None or not text.strip():
            return Results([], 0)
        fields = [f"{name}_{lang}" for name in ("title", "extra", "body") for lang in LANGUAGES]
        parser = MultifieldParser([*fields, "tags"], ix.schema, group=OrGroup.factory(0.9))
        parsed = parser.parse(text)
        filters = [Or([Term("kind", kind) for kind in kinds])] if kinds else []
        if category:
            filters.append(Term("category", category))
        if solved_only:
            filters.append(Term("solved", True))
        with ix.searcher() as searcher:
            page = searcher.search(parsed, limit=offset + limit,
                                   filter=And(filters) if filters else None, terms=True)
            page.fragmenter = ContextFragmenter(maxchars=200, surround=40)
            hits = [Hit(hit["kind"], hit["ident"], hit.score, _highlight(hit))
                    for hit in page[offset:offset + limit]]
            return Results(hits, len(page))


def _highlight(hit) -> str:
    stored = hit.fields()
    for language in LANGUAGES:
        if stored.get(f"body_{language}"):
            text = hit.highlights(f"body_{language}", top=2)
            if text:
                return text
    return ""
