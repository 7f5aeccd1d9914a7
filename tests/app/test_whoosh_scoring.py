"""The numpy scorer over a Whoosh index gives Whoosh's own BM25F scores, masks removed
documents, applies filters and the boost column, and counts every match. A real index
in a temporary folder, written with the app's schema; no app needed."""

import pytest
from whoosh import index
from whoosh.query import Or, Term

from app.search import Document
from app.search.whoosh_backend import _fields, schema
from app.search.whoosh_scoring import Clause, best

DOCUMENTS = [
    Document("thread", 1, "Earbuds not charging", "The case light blinks when charging.",
             tags=("earbuds", "battery"), boost=1.02),
    Document("thread", 2, "Watch strap broke", "The strap broke after a week of use.",
             solved=True),
    Document("thread", 3, "Charging case cracked", "My charging case fell and cracked.",
             replies="Ask for a new case under warranty; charging still works."),
    Document("article", 4, "How to charge your earbuds", "Put the earbuds in the case.",
             boost=1.05),
    Document("thread", 5, "Wi fi drops on the speaker", "The speaker loses wi fi at night."),
]


@pytest.fixture
def searcher(tmp_path):
    ix = index.create_in(tmp_path, schema())
    with ix.writer() as writer:
        for document in DOCUMENTS:
            writer.add_document(**_fields(document))
    with ix.searcher() as opened:
        yield opened


def by_ident(searcher, scored) -> list[tuple[int, float]]:
    return [(searcher.stored_fields(docnum)["ident"], round(score, 6))
            for score, docnum in scored]


def test_scores_are_whooshs_own_bm25f_times_the_boost(searcher):
    clauses = [Clause("title_en", ("charg",), 1.0), Clause("body_en", ("charg",), 1.0),
               Clause("title_en", ("case",), 0.5), Clause("body_en", ("case",), 0.5)]
    whoosh = Or([Term(clause.field, clause.terms[0], boost=clause.weight)
                 for clause in clauses])
    boosts = searcher.reader().column_reader("boost")
    expected = sorted(((score * boosts[docnum], docnum)
                       for score, docnum in searcher.search(whoosh, limit=None).top_n),
                      key=lambda pair: (-pair[0], pair[1]))
    assert by_ident(searcher, best(searcher, clauses, wanted=10).best) == \
        by_ident(searcher, expected)


def test_every_match_is_counted_beyond_the_best_asked_for(searcher):
    scored = best(searcher, [Clause("body_en", ("the",), 1.0),
                             Clause("body_en", ("case",), 1.0)], wanted=1)
    assert len(scored.best) == 1 and scored.matched == 3


def test_a_term_of_several_words_needs_all_of_them_in_one_field(searcher):
    scored = best(searcher, [Clause("body_en", ("wi", "fi"), 1.0)], wanted=10)
    assert [ident for ident, _ in by_ident(searcher, scored.best)] == [5]
    assert best(searcher, [Clause("body_en", ("wi", "strap"), 1.0)], wanted=10).matched == 0


def test_removed_documents_are_never_found(tmp_path):
    ix = index.create_in(tmp_path, schema())
    with ix.writer() as writer:
        for document in DOCUMENTS:
            writer.add_document(**_fields(document))
    with ix.writer() as writer:
        writer.delete_by_term("key", "thread:3")
    with ix.searcher() as searcher:
        scored = best(searcher, [Clause("title_en", ("charg",), 1.0)], wanted=10)
        assert sorted(ident for ident, _ in by_ident(searcher, scored.best)) == [1, 4]


def test_filters_keep_documents_holding_one_value_of_each_list(searcher):
    clauses = [Clause("title_en", ("charg",), 1.0), Clause("title_en", ("strap",), 1.0)]
    threads = best(searcher, clauses, wanted=10, allowed=[[("kind", "thread")]])
    assert sorted(ident for ident, _ in by_ident(searcher, threads.best)) == [1, 2, 3]
    solved = best(searcher, clauses, wanted=10,
                  allowed=[[("kind", "thread")], [("solved", True)]])
    assert [ident for ident, _ in by_ident(searcher, solved.best)] == [2]


def test_nothing_matches_a_word_no_document_holds(searcher):
    assert best(searcher, [Clause("title_en", ("zebra",), 1.0)], wanted=10).matched == 0


def test_an_empty_index_finds_nothing(tmp_path):
    ix = index.create_in(tmp_path, schema())
    with ix.searcher() as searcher:
        scored = best(searcher, [Clause("title_en", ("charg",), 1.0)], wanted=10)
        assert scored.best == [] and scored.matched == 0


def test_equal_scores_come_in_one_order_however_many_are_asked(tmp_path):
    ix = index.create_in(tmp_path, schema())
    with ix.writer() as writer:
        for ident in range(1, 301):
            title = "Remote unresponsive" if ident % 3 else f"Remote number {ident} unresponsive"
            writer.add_document(**_fields(Document("thread", ident, title, "")))
    with ix.searcher() as searcher:
        clauses = [Clause("title_en", ("remot",), 1.0)]
        first_page = best(searcher, clauses, wanted=20).best
        two_pages = best(searcher, clauses, wanted=40).best
        assert two_pages[:20] == first_page


def test_the_postings_cache_stays_bounded_when_every_question_has_a_new_word():
    """A word no document holds still costs an entry (its key and two empty arrays): a
    flood of one-off words must not grow a worker without end."""
    import numpy as np

    from app.search.whoosh_scoring import _Cache

    cache = _Cache(limit=64 * 1024)
    for n in range(10_000):  # 160 entries a question were kept, empty or not
        cache.get(("segment", "postings", "title", f"word{n}"),
                  lambda: (np.empty(0, dtype=np.int64), np.empty(0)))
    assert cache.size <= cache.limit
    assert len(cache._items) < 1_000
