"""The PostgreSQL full-text backend: the index lives in the database, so every app node
searches the same one and a write is visible to all as soon as it commits.

Documents (``search_documents``) carry a weighted ``tsvector`` built in their language's
configuration (english or italian): title A, tags B, replies C, question (or article) D. A query is
the OR of its synonym groups (each group the OR of its terms; a term of several words is a
phrase), made in both configurations; a document must match in its own language. The score
is BM25-like: for each group, ``ts_rank`` (which has no notion of rare words) times the
group's inverse document frequency, summed, then multiplied by the document's boost. So
"my earbuds will not charge after the update" ranks a document about earbuds charging
above one that only mentions the (very common) update. Snippets come from
``ts_headline``, computed for the returned page only.

``search_words`` counts the documents holding each word of their titles and tags
(trigram-indexed), the words "did you mean" may suggest; every write adjusts it by the
words the document gained and lost.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
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
)
from app.search.terms import OTHER_LANGUAGE_WEIGHT, SYNONYM_WEIGHT, Group, Query, vocabulary

CONFIGS = {"en": "english", "it": "italian"}
# ts_rank's weights, in its order: D question, C replies, B tags, A title. (A title weighing
# 2 or 3 times the text instead of 4 cost relevance on Stack Exchange's pairs.)
WEIGHTS = "'{0.25, 0.25, 0.5, 1.0}'::float4[]"
NORMALIZATION = 32  # rank / (rank + 1): saturates, as BM25 does, so no word wins by repetition
BATCH = 500
SUGGESTIONS = 20
START, STOP = "\x02", "\x03"  # highlight markers: control characters never in plain text
HEADLINE = (f"StartSel={START}, StopSel={STOP}, MaxFragments=2, MaxWords=18, MinWords=8, "
            'FragmentDelimiter=" … "')
WRITE_ALWAYS = "infinity"

UPSERT = text("""
INSERT INTO search_documents AS d (key, kind, ident, language, category, solved, boost,
                                   title, tags, replies, body, vector, indexed_at)
SELECT u.key, u.kind, u.ident, u.language, u.category, u.solved, u.boost,
       u.title, u.tags, u.replies, u.body,
       setweight(to_tsvector(u.config::regconfig, u.title), 'A')
       || setweight(to_tsvector(u.config::regconfig, u.tags), 'B')
       || setweight(to_tsvector(u.config::regconfig, u.replies), 'C')
       || setweight(to_tsvector(u.config::regconfig, u.body), 'D'),
       localtimestamp
FROM unnest(CAST(:key AS text[]), CAST(:kind AS text[]), CAST(:ident AS bigint[]),
            CAST(:language AS text[]), CAST(:config AS text[]), CAST(:category AS text[]),
            CAST(:solved AS boolean[]), CAST(:boost AS float8[]), CAST(:title AS text[]),
            CAST(:tags AS text[]), CAST(:replies AS text[]), CAST(:body AS text[]))
     AS u(key, kind, ident, language, config, category, solved, boost, title, tags, replies,
          body)
ON CONFLICT (key) DO UPDATE SET
    kind = excluded.kind, ident = excluded.ident, language = excluded.language,
    category = excluded.category, solved = excluded.solved, boost = excluded.boost,
    title = excluded.title, tags = excluded.tags, replies = excluded.replies,
    body = excluded.body,
    vector = excluded.vector, indexed_at = excluded.indexed_at
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
                                   title, tags, replies, body, vector, indexed_at)
SELECT k, split_part(k, ':', 1), CAST(split_part(k, ':', 2) AS bigint), '', '', false, 1,
       '', '', '', '', NULL, localtimestamp
FROM unnest(CAST(:keys AS text[])) AS k
ON CONFLICT (key) DO UPDATE SET title = '', tags = '', replies = '', body = '',
                                vector = NULL, indexed_at = excluded.indexed_at
""")
DELETE_STALE = text("DELETE FROM search_documents WHERE indexed_at < :started "
                    "RETURNING key, title, tags")
ALL_TITLES = text("SELECT key, title, tags FROM search_documents")
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
        with db.engine.begin() as connection:
            change = _bury(connection, sorted(remove))
            if documents:
                change.update(_store(connection, documents, WRITE_ALWAYS))
            _count_words(connection, change)

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

    def is_current(self) -> bool:
        """Always: the tables come with the migrations, and older documents still match."""
        return True

    def written_during_rebuild(self) -> list[str]:
        """Nothing to write again: a rebuild never overwrites what the site wrote or
        removed after it started (``indexed_at``, and BURY's empty rows)."""
        return []

    def search(self, query: Query, *, limit: int, offset: int) -> Results:
        limit = max(0, min(limit, MAX_RESULTS - offset))
        rows = db.session.execute(*_statement(
            query, PAGE, limit=limit, offset=offset, share=CLOSE_SHARE,
            max_results=MAX_RESULTS, window=CLOSE_WINDOW)).all()
        if rows:
            total, close = rows[0].total, rows[0].close_total
        else:  # nothing on this page: there may still be results on earlier ones
            total = db.session.execute(*_statement(query, COUNT, max_results=MAX_RESULTS)
                                       ).scalar_one() if offset else 0
            close = 0
        return Results([Hit(row.kind, row.ident, row.score, _highlight(row.headline),
                            close=row.close) for row in rows], total, close=close)

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


# --- the query ------------------------------------------------------------------------


def _tsquery(groups: Iterable[Group]) -> str:
    """``('earbuds' | 'buds' | 'wi' <-> 'fi') | ('charge')`` for ``to_tsquery``; words are
    letters and digits only (terms.py), quoted so none is read as an operator."""
    return " | ".join(
        "(" + " | ".join(" <-> ".join(f"'{word}'" for word in phrase)
                         for phrase in group.alternatives) + ")"
        for group in groups)


def _in_language(name: str) -> str:
    return f"CASE WHEN m.language = 'it' THEN q.it_{name} ELSE q.en_{name} END"


# Templates filled with our own names and numbers only; every text is a bound parameter.
MATCHED = """
WITH q AS (SELECT {queries}),
matched AS MATERIALIZED (
    SELECT d.key, d.kind, d.ident, d.language, d.category, d.solved, d.boost, d.vector
    FROM search_documents d, q
    WHERE d.vector @@ (q.en_all || q.it_all)
      AND d.vector @@ CASE WHEN d.language = 'it' THEN q.it_all ELSE q.en_all END
)"""
STATS = """,
stats AS MATERIALIZED (
    SELECT (SELECT count(*) FROM search_documents WHERE vector IS NOT NULL) AS n,
           {frequencies}
    FROM matched m, q
)"""
PAGE = """,
scored AS (
    SELECT m.key, m.kind, m.ident, m.language, m.boost * {score} AS score
    FROM matched m, stats s, q
    WHERE {filters}
),
ranked AS (
    SELECT b.key, b.kind, b.ident, b.language, b.score, b.score >= :share * b.best AS close,
           least(count(*) OVER (), :max_results) AS total,
           least(count(*) FILTER (WHERE b.score >= :share * b.best) OVER (), :window)
               AS close_total
    FROM (SELECT scored.*, max(score) OVER () AS best FROM scored) b
    ORDER BY b.score DESC, b.key
    LIMIT :limit OFFSET :offset
)
SELECT r.kind, r.ident, r.score, r.total, r.close, r.close_total,
       ts_headline(CAST(CASE WHEN r.language = 'it' THEN 'italian' ELSE 'english' END
                        AS regconfig),
                   d.body, CASE WHEN r.language = 'it' THEN q.it_all ELSE q.en_all END,
                   :options) AS headline
FROM ranked r JOIN search_documents d ON d.key = r.key, q
ORDER BY r.score DESC, r.key
"""
COUNT = """
SELECT count(*) FROM (SELECT 1 FROM matched m WHERE {filters} LIMIT :max_results) AS c
"""


def _statement(query: Query, tail: str, **params):
    """The statement for ``query`` ending with ``tail`` (a page of hits, or a count)."""
    texts = {"all": _tsquery(query.groups)}
    scores = []
    for i, group in enumerate(query.groups):
        texts[f"g{i}"] = _tsquery([group])
        texts[f"t{i}"] = _tsquery([Group(group.typed)])
        rank = f"ts_rank({WEIGHTS}, m.vector, {_in_language(f't{i}')}, {NORMALIZATION})"
        if group.synonyms:
            texts[f"s{i}"] = _tsquery([Group(group.synonyms[0], group.synonyms[1:])])
            rank = (f"greatest({rank}, {SYNONYM_WEIGHT} * ts_rank({WEIGHTS}, m.vector, "
                    f"{_in_language(f's{i}')}, {NORMALIZATION}))")
        scores.append(f"{group.weight} * ln(1 + (s.n - s.df_g{i} + 0.5) / (s.df_g{i} + 0.5)) "
                      f"* {rank}")
    params.update(texts)
    params.update({"options": HEADLINE, "kinds": list(query.kinds),
                   "categories": list(query.categories), "language": query.language})
    queries = ", ".join(f"to_tsquery('english', :{name}) AS en_{name}, "
                        f"to_tsquery('italian', :{name}) AS it_{name}" for name in texts)
    frequencies = ", ".join(f"count(*) FILTER (WHERE m.vector @@ {_in_language(f'g{i}')}) "
                            f"AS df_g{i}" for i in range(len(query.groups)))
    language = (f"CASE WHEN m.language = :language THEN 1 ELSE {OTHER_LANGUAGE_WEIGHT} END"
                if query.language else "1")
    filters = ["TRUE"]
    if query.kinds:
        filters.append("m.kind = ANY(:kinds)")
    if query.categories:
        filters.append("m.category = ANY(:categories)")
    if query.solved_only:
        filters.append("m.solved")
    template = MATCHED + ("" if tail is COUNT else STATS) + tail
    return text(template.format(queries=queries, frequencies=frequencies,
                                score=f"({language}) * ({' + '.join(scores)})",
                                filters=" AND ".join(filters))), params


def _highlight(headline: str) -> str:
    """Escape the snippet, then turn the markers into the same tags Whoosh writes; a
    snippet without a match (only the title matched) is no help and is dropped."""
    if START not in headline:
        return ""
    escaped = html.escape(headline, quote=False)
    return escaped.replace(START, '<b class="match">').replace(STOP, "</b>")
