"""Search: one adapter in front of the index, so packages never touch Whoosh directly.

A package describes what is searchable as :class:`Document` values and registers a
:class:`Source` (how to build one document, and all of them for a rebuild). The index
answers with ids only; the package then loads the rows with SQL and applies visibility
and permissions, so a lagging index can never show hidden content. Documents are written
after the transaction that changed them has committed (the package's event receivers
call :func:`update`), never during a flush. ``flask search reindex`` rebuilds everything
from the database, which is the only source of truth.

Backends (``SEARCH_BACKEND``): "whoosh", the default, an index in the instance folder
(``whoosh_backend.py``); "postgresql", full text in the PostgreSQL database itself, so
several app nodes share one index (``postgres_backend.py``). Both get the same parsed
query (``terms.py``: words, synonym groups from the editable list, filters), rank by text
score times ``Document.boost``, and answer "did you mean" from their vocabulary
(``spelling.py``). Admins edit the synonym list at /admin/search/synonyms (``views.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from typing import Protocol

from flask import Flask, current_app
from sqlalchemy.engine import make_url

from app.search import terms


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
    # A thread's replies (its accepted answer first), apart from its question: so that
    # the answers' words add to a match without diluting the question's own.
    replies: str = ""
    # Multiplies the text score, between 1 and 1 + MAX_LIFT (see ``lift``): a solved
    # thread or a helpful article wins a near-tie with an unanswered question.
    boost: float = 1.0

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"

    @property
    def vocabulary(self) -> set[str]:
        """The words "did you mean" may suggest from this document: its title's and tags'
        (spelling.py says why)."""
        return terms.vocabulary(self.title, " ".join(self.tags))


# How far what is known of a document besides its words (solved, helpful votes, being
# an article) may lift it: 5 %. Enough to break a near-tie, never enough to put it over a
# document that matches the question clearly better. Priors that lifted by up to 75 %
# cost relevance on Stack Exchange's own duplicate pairs (docs/search.md).
MAX_LIFT = 0.05


def lift(prior: float) -> float:
    """A document's boost from its prior: 0 (nothing known for it) to 1 (the best there is)."""
    return 1 + MAX_LIFT * min(max(prior, 0.0), 1.0)


# A search answers its best 200 matches (20 pages of 10): nobody reads further, and
# counting every document that shares one word with a question costs as much as ranking.
MAX_RESULTS = 200
# A close match scores at least half the best match's score; the rest share fewer or
# more common words with the question and are shown apart, as "more results". Close
# matches are counted among the best 50.
CLOSE_SHARE = 0.5
CLOSE_WINDOW = 50


@dataclass(frozen=True)
class Hit:
    kind: str
    id: int
    score: float
    highlight: str = ""
    close: bool = True  # scores at least CLOSE_SHARE of the best match


@dataclass(frozen=True)
class Results:
    hits: list[Hit]
    total: int  # every match, counted up to MAX_RESULTS
    suggestion: str | None = None  # the query with its misspelled words corrected
    close: int = 0  # close matches among the best CLOSE_WINDOW


@dataclass(frozen=True)
class Source:
    """How a package feeds the index: one document by id (None when it should not be
    searchable, e.g. hidden), and every document for a rebuild, with a count for the
    progress bar."""

    kind: str
    load: Callable[[int], Document | None]
    load_all: Callable[[], Iterator[Document]]
    count: Callable[[], int]
    # Many documents in a few queries (a batch of imported threads); optional.
    load_many: Callable[[list[int]], dict[int, Document | None]] | None = None


class Backend(Protocol):
    """What a backend does. It receives queries already parsed (words, synonym groups,
    filters: see terms.py) and answers with ids. For "did you mean" it tells which words
    some document holds in any of their forms (``known``), and proposes near words from
    the documents' titles and tags with how many documents hold each (``similar``)."""

    def write(self, documents: list[Document], remove: list[str]) -> None: ...

    def rebuilding(self, expected: int = 0
                   ) -> AbstractContextManager[Callable[[Document], None]]: ...

    def written_during_rebuild(self) -> list[str]: ...

    def is_current(self) -> bool: ...

    def search(self, query: terms.Query, *, limit: int, offset: int) -> Results: ...

    def known(self, words: list[str]) -> set[str]: ...

    def similar(self, word: str) -> list[tuple[str, int]]: ...


@dataclass
class Search:
    backend: Backend
    sources: dict[str, Source] = field(default_factory=dict)


def init_app(app: Flask) -> None:
    from app.search import cli, demo, models, permissions, views  # noqa: F401

    app.extensions["peerdesk_search"] = Search(_backend(app))
    app.cli.add_command(cli.search)
    views.init_app(app)


def _backend(app: Flask) -> Backend:
    choice = app.config["SEARCH_BACKEND"]
    if choice == "whoosh":
        from app.search.whoosh_backend import WhooshBackend

        return WhooshBackend(app.config["SEARCH_INDEX_DIR"])
    if choice == "postgresql":
        database = make_url(app.config["SQLALCHEMY_DATABASE_URI"]).get_backend_name()
        if database != "postgresql":
            raise RuntimeError(
                f'SEARCH_BACKEND is "postgresql", but the database is {database}: the '
                "PostgreSQL full-text backend keeps its index in the database itself. Use a "
                'PostgreSQL DATABASE_URL, or set PEERDESK_SEARCH_BACKEND="whoosh".')
        from app.search.postgres_backend import PostgresBackend

        return PostgresBackend()
    raise RuntimeError(f"Unknown SEARCH_BACKEND {choice!r}: use \"whoosh\" (the default, an "
                       'index in the instance folder) or "postgresql" (full text in the '
                       "PostgreSQL database, for several app nodes).")


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


_batch: ContextVar[dict[str, set[int]] | None] = ContextVar("search_batch", default=None)


@contextmanager
def batched() -> Iterator[None]:
    """Collect the updates made inside and write them once at the end: one index commit
    for a batch of changes (an import writing a hundred threads) instead of one each.
    The updates are written even if the block raises: they are for committed data."""
    if _batch.get() is not None:
        yield
        return
    pending: dict[str, set[int]] = {}
    token = _batch.set(pending)
    try:
        yield
    finally:
        _batch.reset(token)
        for kind, ids in pending.items():
            update(kind, sorted(ids))


def update(kind: str, ids: Iterable[int]) -> None:
    """Re-read these items and write (or remove) their documents. Call after commit."""
    if _suspended.get():
        return
    pending = _batch.get()
    if pending is not None:
        pending.setdefault(kind, set()).update(ids)
        return
    source = _search().sources[kind]
    documents, gone = [], []
    ids = list(ids)
    loaded = source.load_many(ids) if source.load_many and len(ids) > 1 else \
        {ident: source.load(ident) for ident in ids}
    for ident in ids:
        document = loaded.get(ident)
        if document is None:
            gone.append(f"{kind}:{ident}")
        else:
            documents.append(document)
    _search().backend.write(documents, remove=gone)


def query(text: str, *, kinds: Iterable[str] | None = None, category: str | None = None,
          categories: Iterable[str] = (), tag: str | None = None, solved_only: bool = False,
          limit: int = 20, offset: int = 0, suggest: bool = False) -> Results:
    """Natural-language search: any word may match, more matching words (and synonym
    groups) rank higher. ``category`` or ``categories`` are slugs (a document matches any),
    ``tag`` a tag's name;
    ``suggest`` adds "did you mean" when some words are unknown to the index."""
    from app.search import spelling, stopwords, synonyms

    known_synonyms = synonyms.load()
    parsed = terms.parse(text, known_synonyms, kinds=kinds or (),
                         categories=[*([category] if category else []), *categories],
                         tags=[tag] if tag else [], solved_only=solved_only)
    backend = _search().backend
    found = backend.search(parsed, limit=limit, offset=offset) if parsed.groups else Results([], 0)
    if suggest:
        never = known_synonyms.words | stopwords.ALL
        found = replace(found, suggestion=spelling.suggestion(text, backend, never))
    return found


def rebuild(progress: Callable[[int], None] = lambda _n: None) -> int:
    """Rebuild the whole index from the sources; returns how many documents it holds.

    The site keeps changing things meanwhile; what it wrote while the rebuild ran is
    written again afterwards, from the database as it is then, so no change is lost."""
    backend = _search().backend
    total = 0
    with backend.rebuilding(expected=expected_count()) as write:
        for source in _search().sources.values():
            for document in source.load_all():
                write(document)
                total += 1
                progress(1)
    changed: dict[str, list[int]] = {}
    for key in backend.written_during_rebuild():
        kind, _, ident = key.partition(":")
        if kind in _search().sources and ident.isdigit():
            changed.setdefault(kind, []).append(int(ident))
    for kind, ids in changed.items():
        update(kind, ids)
    return total


def is_current() -> bool:
    """Whether the index exists in the shape this version writes."""
    return _search().backend.is_current()


def expected_count() -> int:
    return sum(source.count() for source in _search().sources.values())
