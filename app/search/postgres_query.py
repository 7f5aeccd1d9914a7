"""The PostgreSQL full-text backend's query: one statement that matches, scores, counts
and highlights a page of documents.

A query is the OR of its synonym groups (each group the OR of its terms; a term of
several words is a phrase), made in both configurations; a document must match in its
own language. The score is BM25-like: for each group, ``ts_rank`` (which has no notion of
rare words) times the group's inverse document frequency, summed, then multiplied by the
document's boost and, for a document in another language than the question's, by
OTHER_LANGUAGE_WEIGHT. Snippets come from ``ts_headline``, for the returned page only.

**A query ranks a bounded set of candidates.** Matching every document that shares a
word with a question and scoring each one costs time in proportion to the matches: a
question of twelve ordinary words matched a quarter of 100,000 documents and took half a
second. So a document is a candidate when it holds one of the question's rarer groups
anywhere, or one of its other groups in its title or tags, and every candidate is scored
with every group. The frequencies that choose come from ``search_terms`` (the documents
holding each lexeme, and those holding it in a title or tags, kept by every write):

- a group held by more than COMMON_SHARE of the documents is common: it is scored, not
  matched. In "is there a way to keep beer cold" over a beer forum, "beer" alone would
  match most of the index, yet it adds to the score of every candidate holding it;
- the other groups are matched anywhere from the rarest up, while the documents they may
  match add up to at most TEXT_BUDGET; those left over are matched in titles and tags,
  again from the rarest up, within TITLE_BUDGET (a title is where a thread says what it
  is about), or at least the one in fewest titles;
- if none was chosen (every word is common), the same is done with every group, in
  titles only;
- when that finds no candidate (the words are only ever in the text, or the filters
  leave none), the groups that are not common (or, if none, every group) are matched
  anywhere, in the same statement.

Candidates are capped at CANDIDATES, those in the question's language first: a last
guard for a question of only the commonest words, where the order among thousands of
equal matches means little. In an index of a few hundred documents every group that is
not common fits the budgets.
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
# Below this many documents a common group is matched too: in a small index a tenth of
# the documents is a handful.
COMMON_FROM = 100
# Documents a query's groups may match, anywhere and in titles (from the groups' counts,
# so before matching): scoring a candidate takes 10 to 15 µs.
TEXT_BUDGET = 700
TITLE_BUDGET = 350
CANDIDATES = 1000
START, STOP = "\x02", "\x03"  # highlight markers: control characters never in plain text
HEADLINE = (f"StartSel={START}, StopSel={STOP}, MaxFragments=2, MaxWords=18, MinWords=8, "
            'FragmentDelimiter=" … "')

# Each query word's lexemes in both configurations, with the documents holding each
# anywhere and in a title or tags.
FREQUENCIES = text("""
SELECT w.word, coalesce(max(t.documents), 0) AS documents, coalesce(max(t.titles), 0) AS titles
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
    titles: tuple[int, ...]  # the same, in a title or tags

    def idf(self, i: int) -> float:
        df = min(self.groups[i], self.documents)
        return log(1 + (self.documents - df + 0.5) / (df + 0.5))

    def rare(self) -> list[int]:
        """The groups that are not common."""
        common = (COMMON_SHARE * self.documents if self.documents >= COMMON_FROM
                  else self.documents)
        return [i for i, held in enumerate(self.groups) if held <= common]

    def matching(self) -> tuple[list[int], list[int]]:
        """The groups a candidate holds one of: (anywhere, in its title or tags)."""
        rare = self.rare()
        anywhere = _within(self.groups, TEXT_BUDGET, rare)
        left = [i for i in rare if i not in anywhere]
        in_titles = _within(self.titles, TITLE_BUDGET, left) or self._fewest_titles(left)
        if not anywhere and not in_titles:  # every group is common, or in no document
            every = range(len(self.groups))
            in_titles = _within(self.titles, TITLE_BUDGET, every) or self._fewest_titles(every)
        return anywhere, in_titles

    def _fewest_titles(self, groups: Iterable[int]) -> list[int]:
        """The one of ``groups`` in fewest titles (but some): past every budget, a word
        of the question still matches where it says most."""
        held = [i for i in groups if self.titles[i]]
        return [min(held, key=lambda i: self.titles[i])] if held else []


def _within(held: tuple[int, ...], budget: float, groups: Iterable[int]) -> list[int]:
    """The rarest of ``groups`` whose documents add up to at most ``budget`` (none held
    by no document: they match nothing)."""
    chosen, total = [], 0
    for i in sorted((i for i in groups if held[i]), key=lambda i: held[i]):
        total += held[i]
        if total > budget:
            break
        chosen.append(i)
    return sorted(chosen)


def frequencies(session: Session, query: Query) -> Frequencies:
    """The groups' document frequencies from ``search_terms``. A group holds the
    documents of its terms (summed, at most all), a phrase those of its rarest word."""
    documents = session.execute(DOCUMENTS).scalar() or 0
    words = sorted({word for group in query.groups for phrase in group.alternatives
                    for word in phrase})
    held = {row.word: row for row in session.execute(FREQUENCIES, {"words": words})}

    def count(group: Group, column: str) -> int:
        return sum(min(getattr(held[word], column) if word in held else 0 for word in phrase)
                   for phrase in group.alternatives)

    return Frequencies(documents, tuple(count(group, "documents") for group in query.groups),
                       tuple(count(group, "titles") for group in query.groups))


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
# The candidates carry their vector read once: a long vector is stored apart (TOASTed),
# and each ts_rank of each group would fetch it again. ``setweight`` with no lexemes is a
# plain copy of it, read (``|| ''`` was one too, at twice the cost).
MATCHED = """
WITH q AS (SELECT {queries}),
chosen AS MATERIALIZED ({chosen}),
matched AS (
    SELECT * FROM chosen
    UNION ALL
    SELECT * FROM ({everywhere}) AS e WHERE NOT EXISTS (SELECT FROM chosen)
)"""
# The documents matching ``{en}`` or ``{it}`` (conditions on ``d``, with the queries of
# one configuration each) in their own language. A language's own arm lets the index
# answer alone: a filter on the vector would read every matched vector once more.
CANDIDATES_OF = """SELECT * FROM ({first} UNION ALL {second}) AS c LIMIT :candidates"""
IN_LANGUAGE = {
    "en": """(SELECT {columns} FROM search_documents d, q
     WHERE d.language <> 'it' AND ({en}) AND {filters} LIMIT :candidates)""",
    "it": """(SELECT {columns} FROM search_documents d, q
     WHERE d.language = 'it' AND ({it}) AND {filters} LIMIT :candidates)""",
}
COLUMNS = ("d.key, d.kind, d.ident, d.language, d.category, d.solved, d.boost, "
           "setweight(d.vector, 'A', '{}') AS vector")
PAGE = """,
scored AS (
    SELECT m.key, m.kind, m.ident, m.language, m.boost * {score} AS score
    FROM matched m, q
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
SELECT count(*) FROM (SELECT 1 FROM matched LIMIT :max_results) AS c
"""


def statement(query: Query, tail: str, known: Frequencies, **params):
    """The statement for ``query`` ending with ``tail`` (PAGE: a page of hits, or COUNT),
    given the groups' frequencies."""
    anywhere, in_titles = known.matching()
    fallback = known.rare() or range(len(query.groups))
    texts = {"all": _tsquery(query.groups),
             "fallback": _tsquery(query.groups[i] for i in fallback)}
    matches = []
    for name, column, chosen in (("anywhere", "vector", anywhere),
                                 ("in_titles", "title_vector", in_titles)):
        if chosen:
            texts[name] = _tsquery(query.groups[i] for i in chosen)
            matches.append(f"d.{column} @@ q.{{config}}_{name}")
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
    params.update({"options": HEADLINE, "kinds": list(query.kinds), "candidates": CANDIDATES,
                   "categories": list(query.categories), "tags": list(query.tags),
                   "language": query.language})
    queries = ", ".join(f"to_tsquery('english', :{name}) AS en_{name}, "
                        f"to_tsquery('italian', :{name}) AS it_{name}" for name in texts)
    matches = " OR ".join(matches) or "FALSE"
    return text((MATCHED + tail).format(
        queries=queries,
        chosen=_candidates(matches, query),
        everywhere=_candidates("d.vector @@ q.{config}_fallback", query),
        score=f"({_language(query)}) * ({' + '.join(scores)})")), params


def _candidates(matches: str, query: Query) -> str:
    """The candidates holding ``matches`` (with ``{config}`` for each configuration's
    queries), those in the question's language first (the cap keeps those)."""
    first, second = ("it", "en") if query.language == "it" else ("en", "it")
    arm = {language: template.format(
        columns=COLUMNS, filters=_filters(query),
        en=matches.format(config="en"), it=matches.format(config="it"))
        for language, template in IN_LANGUAGE.items()}
    return CANDIDATES_OF.format(first=arm[first], second=arm[second])


def _language(query: Query) -> str:
    return (f"CASE WHEN m.language = :language THEN 1 ELSE {OTHER_LANGUAGE_WEIGHT} END"
            if query.language else "1")


def _filters(query: Query) -> str:
    filters = ["TRUE"]
    if query.kinds:
        filters.append("d.kind = ANY(:kinds)")
    if query.categories:
        filters.append("d.category = ANY(:categories)")
    if query.tags:  # the document's tags are its names joined by spaces
        filters.append("string_to_array(d.tags, ' ') && CAST(:tags AS text[])")
    if query.solved_only:
        filters.append("d.solved")
    return " AND ".join(filters)


def highlight(headline: str) -> str:
    """Escape the snippet, then turn the markers into the same tags Whoosh writes; a
    snippet without a match (only the title matched) is no help and is dropped."""
    if START not in headline:
        return ""
    escaped = html.escape(headline, quote=False)
    return escaped.replace(START, '<b class="match">').replace(STOP, "</b>")
