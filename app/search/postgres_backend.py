"""The PostgreSQL full-text backend: the index lives in the database, so every app node
searches the same one and a write is visible to all as soon as it commits.

Documents (``search_documents``) carry a weighted ``tsvector`` built in their language's
configuration (english or italian): title A, tags B, replies C, question (or article) D.
The query, its scoring and its snippets are ``postgres_query.py``'s.

Two counts are kept beside the documents, adjusted by every write and recounted by a
reindex: ``search_words``, the documents holding each word of their titles and tags
(trigram-indexed), the words "did you mean" may suggest; and ``search_terms``, the
documents holding each lexeme of their vectors, and of their titles and tags alone
(``title_vector``), a query's word frequencies.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.engine import Connection

from app.extensions import db
from app.search import (
    CLOSE_SHARE,
    CLOSE_WINDOW,
    MAX_RESULTS,
    Document,
    Hit,
    Results,
    postgres_query,
)
from app.search.postgres_query import COUNT, DOCUMENTS, PAGE, START, STOP
from app.search.terms import Query, vocabulary

CONFIGS = {"en": "english", "it": "italian"}
BATCH = 500
SUGGESTIONS = 20
WRITE_ALWAYS = "infinity"

UPSERT = text("""
INSERT INTO search_documents AS d (key, kind, ident, language, category, solved, boost,
                                   title, tags, replies, body, vector, title_vector,
                                   indexed_at)
SELECT u.key, u.kind, u.ident, u.language, u.category, u.solved, u.boost,
       u.title, u.tags, u.replies, u.body,
       t.vector || setweight(to_tsvector(u.config::regconfig, u.replies), 'C')
       || setweight(to_tsvector(u.config::regconfig, u.body), 'D'),
       t.vector, localtimestamp
FROM unnest(CAST(:key AS text[]), CAST(:kind AS text[]), CAST(:ident AS bigint[]),
            CAST(:language AS text[]), CAST(:config AS text[]), CAST(:category AS text[]),
            CAST(:solved AS boolean[]), CAST(:boost AS float8[]), CAST(:title AS text[]),
            CAST(:tags AS text[]), CAST(:replies AS text[]), CAST(:body AS text[]))
     AS u(key, kind, ident, language, config, category, solved, boost, title, tags, replies,
          body)
CROSS JOIN LATERAL (SELECT setweight(to_tsvector(u.config::regconfig, u.title), 'A')
                           || setweight(to_tsvector(u.config::regconfig, u.tags), 'B')
                    AS vector) AS t
ON CONFLICT (key) DO UPDATE SET
    kind = excluded.kind, ident = excluded.ident, language = excluded.language,
    category = excluded.category, solved = excluded.solved, boost = excluded.boost,
    title = excluded.title, tags = excluded.tags, replies = excluded.replies,
    body = excluded.body, vector = excluded.vector, title_vector = excluded.title_vector,
    indexed_at = excluded.indexed_at
WHERE d.indexed_at < CAST(:since AS timestamp)
RETURNING d.key
""")
COUNT_WORDS = text("""
INSERT INTO search_words AS w (word, documents)
SELECT * FROM unnest(CAST(:words AS text[]), CAST(:counts AS int[])) ORDER BY 1
ON CONFLICT (word) DO UPDATE SET documents = w.documents + excluded.documents
""")
LOCK_OLD = text("SELECT key, title, tags FROM search_documents "
                "WHERE key = ANY(:keys) ORDER BY key FOR UPDATE")
# A removed document leaves an empty row with no vector (never matched) and the time of
# its removal, so that a rebuild that read it earlier does not bring it back (it writes
# only over rows older than its start). The rebuild clears the ones before it started.
BURY = text("""
INSERT INTO search_documents AS d (key, kind, ident, language, category, solved, boost,
                                   title, tags, replies, body, vector, title_vector,
                                   indexed_at)
SELECT k, split_part(k, ':', 1), CAST(split_part(k, ':', 2) AS bigint), '', '', false, 1,
       '', '', '', '', NULL, NULL, localtimestamp
FROM unnest(CAST(:keys AS text[])) AS k
ON CONFLICT (key) DO UPDATE SET title = '', tags = '', replies = '', body = '',
                                vector = NULL, title_vector = NULL,
                                indexed_at = excluded.indexed_at
""")
DELETE_STALE = text("DELETE FROM search_documents WHERE indexed_at < :started "
                    "RETURNING key, title, tags")
ALL_TITLES = text("SELECT key, title, tags FROM search_documents")
# The lexemes of documents' vectors with how many of them hold each, anywhere and in a
# title or tags; the lexeme "" counts the documents with a vector.
TERMS = """
SELECT lexeme, sum(anywhere) AS documents, sum(in_title) AS titles
FROM (SELECT lexeme, 1 AS anywhere, 0 AS in_title
      FROM search_documents d, unnest(tsvector_to_array(d.vector)) AS lexeme
      WHERE d.vector IS NOT NULL {documents}
      UNION ALL
      SELECT lexeme, 0, 1
      FROM search_documents d, unnest(tsvector_to_array(d.title_vector)) AS lexeme
      WHERE d.vector IS NOT NULL {documents}
      UNION ALL
      SELECT '', 1, 0 FROM search_documents d WHERE d.vector IS NOT NULL {documents}
      UNION ALL
      SELECT '', 0, 0) AS t
GROUP BY lexeme
"""
TERMS_OF = text(TERMS.format(documents="AND d.key = ANY(:keys)"))
COUNT_TERMS = text("""
INSERT INTO search_terms AS t (lexeme, documents, titles)
SELECT * FROM unnest(CAST(:lexemes AS text[]), CAST(:documents AS int[]),
                     CAST(:titles AS int[])) ORDER BY 1
ON CONFLICT (lexeme) DO UPDATE SET documents = t.documents + excluded.documents,
                                   titles = t.titles + excluded.titles
""")
RECOUNT_TERMS = text(
    "INSERT INTO search_terms AS t (lexeme, documents, titles)" + TERMS.format(documents="")
    + "ON CONFLICT (lexeme) DO UPDATE SET documents = excluded.documents, "
      "titles = excluded.titles")
# Words some document holds in any of their forms, in either language.
KNOWN = text("""
SELECT word FROM unnest(CAST(:words AS text[])) AS word
WHERE EXISTS (SELECT 1 FROM search_documents
              WHERE vector @@ (plainto_tsquery('english', word)
                               || plainto_tsquery('italian', word)))
""")


def _clean(value: str) -> str:
    return value.replace(START, " ").replace(STOP, " ")


def _columns(documents: list[Document]) -> dict[str, list]:
    return {
        "key": [d.key for d in documents], "kind": [d.kind for d in documents],
        "ident": [d.id for d in documents], "language": [d.language for d in documents],
        "config": [CONFIGS.get(d.language, "english") for d in documents],
        "category": [d.category for d in documents], "solved": [d.solved for d in documents],
        "boost": [float(d.boost) for d in documents],
        "title": [_clean(d.title) for d in documents],
        "tags": [" ".join(d.tags) for d in documents],
        "replies": [_clean(d.replies) for d in documents],
        "body": [_clean(d.body) for d in documents],
    }


def _words(row) -> set[str]:
    return vocabulary(row.title, row.tags)


def _count_words(connection: Connection, change: Counter) -> None:
    items = sorted((word, count) for word, count in change.items() if count)
    if not items:
        return
    words = [word for word, _ in items]
    connection.execute(COUNT_WORDS, {"words": words, "counts": [count for _, count in items]})
    connection.execute(text("DELETE FROM search_words WHERE word = ANY(:words) "
                            "AND documents <= 0"), {"words": words})


def _terms(connection: Connection, keys: list[str]) -> Counter:
    """The lexemes of these documents, counted: (lexeme, "documents") those holding it,
    (lexeme, "titles") those holding it in a title or tags."""
    counts: Counter = Counter()
    for row in connection.execute(TERMS_OF, {"keys": keys}):
        counts[row.lexeme, "documents"] = row.documents
        counts[row.lexeme, "titles"] = row.titles
    return counts


def _count_terms(connection: Connection, change: Counter) -> None:
    """Apply ``change`` to ``search_terms``; count them all if they were never counted
    (the row "" holds the number of documents)."""
    if connection.execute(DOCUMENTS).first() is None:
        connection.execute(RECOUNT_TERMS)
        return
    lexemes = sorted({lexeme for (lexeme, _), count in change.items() if count})
    if not lexemes:
        return
    connection.execute(COUNT_TERMS, {
        "lexemes": lexemes, "documents": [change[lexeme, "documents"] for lexeme in lexemes],
        "titles": [change[lexeme, "titles"] for lexeme in lexemes]})
    connection.execute(text("DELETE FROM search_terms WHERE lexeme = ANY(:lexemes) "
                            "AND documents <= 0 AND lexeme <> ''"), {"lexemes": lexemes})


def _store(connection: Connection, documents: list[Document], since: datetime | str) -> Counter:
    """Upsert ``documents`` (but none written after ``since``); the word counts' change."""
    documents = sorted({d.key: d for d in documents}.values(), key=lambda d: d.key)
    keys = [d.key for d in documents]
    old = {row.key: row for row in connection.execute(LOCK_OLD, {"keys": keys})}
    written = set(connection.execute(UPSERT, {**_columns(documents), "since": since}).scalars())
    change: Counter = Counter()
    for document in documents:
        if document.key in written:
            change.update(document.vocabulary)
            if document.key in old:
                change.subtract(_words(old[document.key]))
    return change


def _bury(connection: Connection, keys: list[str]) -> Counter:
    """Remove ``keys`` (see BURY); the word counts' change."""
    change: Counter = Counter()
    if keys:
        for row in connection.execute(LOCK_OLD, {"keys": keys}):
            change.subtract(_words(row))
        connection.execute(BURY, {"keys": keys})
    return change


def _remove_stale(connection: Connection, started: datetime) -> Counter:
    """Remove the documents (and empty rows) older than ``started``; the word counts' change."""
    change: Counter = Counter()
    for row in connection.execute(DELETE_STALE, {"started": started}):
        change.subtract(_words(row))
    return change


class PostgresBackend:
    def write(self, documents: list[Document], remove: list[str]) -> None:
        keys = sorted({*remove, *(document.key for document in documents)})
        with db.engine.begin() as connection:
            connection.execute(LOCK_OLD, {"keys": keys})
            before = _terms(connection, keys)
            change = _bury(connection, sorted(remove))
            if documents:
                change.update(_store(connection, documents, WRITE_ALWAYS))
            _count_words(connection, change)
            terms = _terms(connection, keys)
            terms.subtract(before)
            _count_terms(connection, terms)

    @contextmanager
    def rebuilding(self, expected: int = 0) -> Iterator[Callable[[Document], None]]:
        """Rewrite every document in batches of their own transactions, then remove the
        ones not written. Searches go on meanwhile: a document is replaced in place, never
        missing. A document written by the site after the rebuild began is newer than the
        rebuild's copy and is kept. The word counts are recounted at the end."""
        with db.engine.begin() as connection:
            started = connection.execute(text("SELECT localtimestamp")).scalar_one()
        pending: list[Document] = []

        def flush() -> None:
            with db.engine.begin() as connection:
                _store(connection, pending, started)
            pending.clear()

        def write(document: Document) -> None:
            pending.append(document)
            if len(pending) >= BATCH:
                flush()

        yield write
        flush()
        with db.engine.begin() as connection:
            # Writers wait for this short transaction, so the recount is exact.
            connection.execute(text("LOCK TABLE search_documents IN SHARE MODE"))
            _remove_stale(connection, started)
            _recount_words(connection)
            connection.execute(text("DELETE FROM search_terms"))
            connection.execute(RECOUNT_TERMS)

    def is_current(self) -> bool:
        """Whether every document there is was written by this version: its terms
        counted (``search_terms``) and its title vector made (a node of the version
        before migration 0013 could still write without one)."""
        return not db.session.execute(text(
            "SELECT EXISTS (SELECT 1 FROM search_documents WHERE vector IS NOT NULL) "
            "AND NOT EXISTS (SELECT 1 FROM search_terms WHERE lexeme = '') "
            "OR EXISTS (SELECT 1 FROM search_documents "
            "           WHERE vector IS NOT NULL AND title_vector IS NULL)")).scalar()

    def written_during_rebuild(self) -> list[str]:
        """Nothing to write again: a rebuild never overwrites what the site wrote or
        removed after it started (``indexed_at``, and BURY's empty rows)."""
        return []

    def search(self, query: Query, *, limit: int, offset: int) -> Results:
        limit = max(0, min(limit, MAX_RESULTS - offset))
        known = postgres_query.frequencies(db.session, query)
        rows = db.session.execute(*postgres_query.statement(
            query, PAGE, known, limit=limit, offset=offset, share=CLOSE_SHARE,
            max_results=MAX_RESULTS, window=CLOSE_WINDOW)).all()
        if rows:
            total, close = rows[0].total, rows[0].close_total
        else:  # nothing on this page: there may still be results on earlier ones
            total = db.session.execute(*postgres_query.statement(
                query, COUNT, known, max_results=MAX_RESULTS)).scalar_one() if offset else 0
            close = 0
        return Results([Hit(row.kind, row.ident, row.score,
                            postgres_query.highlight(row.headline), close=row.close)
                        for row in rows], total, close=close)

    def known(self, words: list[str]) -> set[str]:
        return set(db.session.execute(KNOWN, {"words": words}).scalars())

    def similar(self, word: str) -> list[tuple[str, int]]:
        rows = db.session.execute(text(
            "SELECT word, documents FROM search_words WHERE word % :word "
            "ORDER BY similarity(word, :word) DESC, documents DESC LIMIT :limit"),
            {"word": word, "limit": SUGGESTIONS})
        return [(row.word, row.documents) for row in rows]


def _recount_words(connection: Connection) -> None:
    counts: Counter = Counter()
    rows = connection.execute(ALL_TITLES, execution_options={"yield_per": BATCH})
    for row in rows:
        counts.update(_words(row))
    connection.execute(text("DELETE FROM search_words"))
    _count_words(connection, counts)
