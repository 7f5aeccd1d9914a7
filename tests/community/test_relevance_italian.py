"""Italian relevance on data nobody here wrote: SQuAD-it (../shared/data/squad-it; Croce,
Zelenanska and Basili, AI*IA 2018, CC BY-SA 4.0), whose 2,010 Wikipedia paragraphs become
threads and whose questions are asked (tests/support/relevance_it.py: the first question
of every second paragraph, 996). The paragraph asked about is expected first. Floors sit
a little under the figures measured on 2026-12-03, per backend: a change to Italian
analysis, stop words, query parsing or ranking that lowers them must be looked at. Run
with ``-s`` to see the figures; ``python -m benchmarks.relevance --language it`` shows
them beside a plain BM25 and a stock Whoosh set-up (both Italian) over the same questions.

The paragraphs are written as a Stack Exchange dump and imported once per backend with
``flask import stackexchange --language it`` (10 to 20 s); the questions are asked in a
request whose ``Accept-Language`` is Italian, as an Italian user's would be.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app import search
from app.extensions import db
from community.models import Thread
from tests.conftest import app_after_import
from tests.support import relevance, relevance_it

# Whoosh ranks the same on either database (its index is a folder), so it is measured on
# SQLite; PostgreSQL full text on PostgreSQL.
pytestmark = pytest.mark.parametrize(
    ("backend", "search_backend"), [("sqlite", "whoosh"), ("postgresql", "postgresql")],
    ids=["sqlite-whoosh", "postgresql-fts"], scope="session")

# MRR@10 floors: measured 2026-12-04 on 996 questions over 2,010 paragraphs (Whoosh 0.773,
# recall@5 0.869; PostgreSQL full text 0.772 and 0.868; plain Italian BM25 0.811 and 0.907,
# stock Whoosh with LanguageAnalyzer("it") 0.767 and 0.868) minus about 0.015. Peerdesk is
# not held to the plain BM25: both Whoosh set-ups are below it on this set, whose titles
# repeat the body's first sentence (a one-field Whoosh index reaches 0.808).
FLOORS = {"whoosh": 0.758, "postgresql": 0.757}
ITALIAN_USER = {"Accept-Language": "it"}


@pytest.fixture(scope="module")
def imported(database_url, search_backend, tmp_path_factory, paragraphs):
    folder = tmp_path_factory.mktemp("relevance-it")
    dump = relevance_it.write_dump(paragraphs, folder / "dump")
    yield from app_after_import(database_url, search_backend, folder,
                                "--language", "it", str(dump))


@pytest.fixture(scope="module")
def paragraphs() -> list[relevance_it.Paragraph]:
    return relevance_it.paragraphs()


def test_the_paragraph_is_found_from_a_question_asked_on_it(imported, paragraphs,
                                                            search_backend):
    questions = relevance_it.pairs(paragraphs)
    with imported.test_request_context(headers=ITALIAN_USER):
        threads = db.session.execute(select(Thread.id, Thread.external_id, Thread.title)).all()
        # Every paragraph arrived whole: its own thread, under the title the set gave it.
        assert {(key, title) for _id, key, title in threads} == {
            (relevance_it.external_id(p), p.title) for p in paragraphs}
        keys = {ident: key for ident, key, _title in threads}

        def ranked(pair: relevance.Pair) -> list[str]:
            hits = search.query(pair.query, kinds=("thread",), limit=11).hits
            return [keys.get(hit.id, "") for hit in hits]

        found = relevance.score(questions, ranked)
    print(found.line(f"{search_backend} SQuAD-it questions"))
    assert found.count == len(questions)
    assert found.mrr >= FLOORS[search_backend]
