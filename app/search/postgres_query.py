"""The PostgreSQL full-text backend's query: one statement that matches, scores, counts
and highlights a page of documents.

A query is the OR of its synonym groups (each group the OR of its terms; a term of
several words is a phrase), made in both configurations; a document must match in its
own language. The score is BM25-like: for each group, ``ts_rank`` (which has no notion of
rare words) times the group's inverse document frequency, summed, then multiplied by the
document's boost and, for a document in another language than the question's, by
OTHER_LANGUAGE_WEIGHT. Snippets come from ``ts_headline``, for the returned page only.

**Common words are scored, not matched.** The frequencies come from ``search_terms``
(the documents holding each lexeme, kept by every write): a group held by more than
COMMON_SHARE of the documents does not make a document a match when the question has a
rarer group that some document holds; it still adds to the score of the documents the
rarer groups matched. In
"is there a way to keep beer cold" over a beer forum, "beer" alone would match most of
the index, and ranking every one of those documents was most of a query's time.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from math import log

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.search.terms import OTHER_LANGUAGE_WEIGHT, SYNONYM_WEIGHT, Group, Query

# ts_rank's weights, in its order: D question, C replies, B tags, A title. (A title weighing
# 2 or 3 times the text instead of 4 cost relevance on Stack Exchange's pairs.)
WEIGHTS = "'{0.25, 0.25, 0.5, 1.0}'::float4[]"
NORMALIZATION = 32  # rank / (rank + 1): saturates, as BM25 does, so no word wins by repetition
COMMON_SHARE = 0.1
# Below this many documents every group matches: ranking every match is cheap there, and
# in a small index a tenth of the documents is a handful.
COMMON_FROM = 100
START, STOP = "\x02", "\x03"  # highlight markers: control characters never in plain text
HEADLINE = (f"StartSel={START}, StopSel={STOP}, MaxFragments=2, MaxWords=18, MinWords=8, "
            'FragmentDelimiter=" … "')

# Each query word's lexemes in both configurations, with the documents holding each.
FREQUENCIES = text("""
SELECT w.word, coalesce(max(t.documents), 0) AS documents
FROM unnest(CAST(:words AS text[])) AS w(word)
CROSS JOIN (VALUES ('english'), ('italian')) AS c(config)
CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector(CAST(c.config AS regconfig), w.word)))
    AS l(lexeme)
LEFT JOIN search_terms t ON t.lexeme = l.lexeme
GROUP BY w.word
""")
DOCUMENTS = text("SELECT documents FROM search_terms WHERE lexeme = ''")


@dataclass(frozen=True)
class Frequencies:
    documents: int  # documents with a vector
    groups: tuple[int, ...]  # documents holding each group (an estimate for synonyms)

    def idf(self, i: int) -> float:
        df = min(self.groups[i], self.documents)
        return log(1 + (self.documents - df + 0.5) / (df + 0.5))

    def matching(self) -> list[int]:
        """The groups a document must match one of: the rarer ones, when some are held by
        any document; otherwise every group."""
        if self.documents >= COMMON_FROM:
            rare = [i for i, held in enumerate(self.groups)
                    if 0 < held <= COMMON_SHARE * self.documents]
            if rare:
                return rare
        return list(range(len(self.groups)))


def frequencies(session: Session, query: Query) -> Frequencies:
    """The groups' document frequencies from ``search_terms``. A group holds the
    documents of its terms (summed, at most all), a phrase those of its rarest word."""
    documents = session.execute(DOCUMENTS).scalar() or 0
    words = sorted({word for group in query.groups for phrase in group.alternatives
                    for word in phrase})
    held = dict(session.execute(FREQUENCIES, {"words": words}).all())
    return Frequencies(documents, tuple(
        sum(min(held.get(word, 0) for word in phrase) for phrase in group.alternatives)
        for group in query.groups))


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
# The matched rows carry their vector read once (``|| ''``: a long vector is stored apart,
# TOASTed, and each ts_rank of each group would fetch it again: 20 % of a long query).
MATCHED = """
WITH q AS (SELECT {queries}),
matched AS MATERIALIZED (
    SELECT d.key, d.kind, d.ident, d.language, d.category, d.solved, d.boost,
           d.vector || ''::tsvector AS vector
    FROM search_documents d, q
    WHERE d.vector @@ (q.en_match || q.it_match)
      AND d.vector @@ CASE WHEN d.language = 'it' THEN q.it_match ELSE q.en_match END
)"""
PAGE = """,
scored AS (
    SELECT m.key, m.kind, m.ident, m.language, m.boost * {score} AS score
    FROM matched m, q
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


def statement(query: Query, tail: str, known: Frequencies, **params):
    """The statement for ``query`` ending with ``tail`` (PAGE: a page of hits, or COUNT),
    given the groups' frequencies."""
    matching = [query.groups[i] for i in known.matching()]
    texts = {"all": _tsquery(query.groups), "match": _tsquery(matching)}
    scores = []
    for i, group in enumerate(query.groups):
        texts[f"t{i}"] = _tsquery([Group(group.typed)])
        rank = f"ts_rank({WEIGHTS}, m.vector, {_in_language(f't{i}')}, {NORMALIZATION})"
        if group.synonyms:
            texts[f"s{i}"] = _tsquery([Group(group.synonyms[0], group.synonyms[1:])])
            rank = (f"greatest({rank}, {SYNONYM_WEIGHT} * ts_rank({WEIGHTS}, m.vector, "
                    f"{_in_language(f's{i}')}, {NORMALIZATION}))")
        scores.append(f"{group.weight} * {known.idf(i):.9f} * {rank}")
    params.update(texts)
    params.update({"options": HEADLINE, "kinds": list(query.kinds),
                   "categories": list(query.categories), "language": query.language})
    queries = ", ".join(f"to_tsquery('english', :{name}) AS en_{name}, "
                        f"to_tsquery('italian', :{name}) AS it_{name}" for name in texts)
    return text((MATCHED + tail).format(
        queries=queries, score=f"({_language(query)}) * ({' + '.join(scores)})",
        filters=_filters(query))), params


def _language(query: Query) -> str:
    return (f"CASE WHEN m.language = :language THEN 1 ELSE {OTHER_LANGUAGE_WEIGHT} END"
            if query.language else "1")


def _filters(query: Query) -> str:
    filters = ["TRUE"]
    if query.kinds:
        filters.append("m.kind = ANY(:kinds)")
    if query.categories:
        filters.append("m.category = ANY(:categories)")
    if query.solved_only:
        filters.append("m.solved")
    return " AND ".join(filters)


def highlight(headline: str) -> str:
    """Escape the snippet, then turn the markers into the same tags Whoosh writes; a
    snippet without a match (only the title matched) is no help and is dropped."""
    if START not in headline:
        return ""
    escaped = html.escape(headline, quote=False)
    return escaped.replace(START, '<b class="match">').replace(STOP, "</b>")
