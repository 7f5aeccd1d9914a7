"""Search: one adapter in front of the index, so packages never touch Whoosh directly.

A package describes what is searchable as :class:`Document` values and registers a
:class:`Source` (how to build one document, and all of them for a rebuild). The index
answers with ids only; the package then loads the rows with SQL and applies visibility
and permissions, so a lagging index can never show hidden content. Documents are written
after the transaction that changed them has committed (the package's event receivers
call :func:`update`), never during a flush. ``flask search reindex`` rebuilds everything
from the database, which is the only source of truth.

Backends: Whoosh (``SEARCH_BACKEND = "whoosh"``, the default, an index in the instance
folder). A PostgreSQL full-text backend for several app nodes comes next.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from flask import Flask, current_app


@dataclass(frozen=True)
class Document:
    """One searchable item, e.g. a thread with its question and answers."""

    kind: str  # "thread" or "article"
    id: int
    title: str
    body: str
    language: str = "en"
    tags: tuple[str, ...] = ()
    category: str = ""
    solved: bool = False
    extra: str = ""  # text that should weigh more than the body (an accepted answer)
    # Multiplies the text score: solved threads and articles readers found helpful
    # deserve to rank above an unanswered question with the same words.
    boost: float = 1.0

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True)
class Hit:
    kind: str
    id: int
    score: float
    highlight: str = ""


@dataclass(frozen=True)
class Results:
    hits: list[Hit]
    total: int


@dataclass(frozen=True)
class Source:
    """How a package feeds the index: one document by id (None when it should not be
    searchable, e.g. hidden), and every document for a rebuild, with a count for the
    progress bar."""

    kind: str
    load: Callable[[int], Document | None]
    load_all: Callable[[], Iterator[Document]]
    count: Callable[[], int]


@dataclass
class Search:
    backend: object
    sources: dict[str, Source] = field(default_factory=dict)


def init_app(app: Flask) -> None:
    from app.search import cli
    from app.search.whoosh_backend import WhooshBackend

    if app.config["SEARCH_BACKEND"] != "whoosh":
        raise RuntimeError(f"Unknown SEARCH_BACKEND {app.config['SEARCH_BACKEND']!r}.")
    app.extensions["peerdesk_search"] = Search(WhooshBackend(app.config["SEARCH_INDEX_DIR"]))
    app.cli.add_command(cli.search)


def _search() -> Search:
    return current_app.extensions["peerdesk_search"]


def register_source(app: Flask, source: Source) -> None:
    app.extensions["peerdesk_search"].sources[source.kind] = source


_suspended: ContextVar[bool] = ContextVar("search_suspended", default=False)


@contextmanager
def suspended() -> Iterator[None]:
    """Skip per-change updates (e.g. while seeding thousands of posts); rebuild after."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


def update(kind: str, ids: Iterable[int]) -> None:
    """Re-read these items and write (or remove) their documents. Call after commit."""
    if _suspended.get():
        return
    source = _search().sources[kind]
    documents, gone = [], []
    for ident in ids:
        document = source.load(ident)
        if document is None:
            gone.append(f"{kind}:{ident}")
        else:
            documents.append(document)
    _search().backend.write(documents, remove=gone)


def query(text: str, *, kinds: Iterable[str] | None = None, category: str | None = None,
          solved_only: bool = False, limit: int = 20, offset: int = 0) -> Results:
    return _search().backend.search(text, kinds=list(kinds or []), category=category,
                                    solved_only=solved_only, limit=limit, offset=offset)


def rebuild(progress: Callable[[int], None] = lambda _n: None) -> int:
    """Rebuild the whole index from the sources; returns how many documents it holds."""
    backend = _search().backend
    total = 0
    with backend.rebuilding() as write:
        for source in _search().sources.values():
            for document in source.load_all():
                write(document)
                total += 1
                progress(1)
    return total


def expected_count() -> int:
    return sum(source.count() for source in _search().sources.values())
