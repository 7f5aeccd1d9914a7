"""What each search backend promises beyond the shared page tests: choosing one, a
reindex while the site serves."""

import pytest

from app import create_app
from app import search as search_adapter
from tests.conftest import EVERY_SEARCH_BACKEND, app_settings


def test_postgresql_search_refuses_to_start_on_sqlite(tmp_path):
    settings = app_settings(f"sqlite:///{tmp_path / 'x.sqlite'}", SEARCH_BACKEND="postgresql")
    with pytest.raises(RuntimeError, match="PostgreSQL full-text backend"):
        create_app(settings)


def test_an_unknown_search_backend_is_refused_by_name(tmp_path):
    settings = app_settings(f"sqlite:///{tmp_path / 'x.sqlite'}", SEARCH_BACKEND="solr")
    with pytest.raises(RuntimeError, match="'solr'"):
        create_app(settings)


def document(ident: int, title: str) -> search_adapter.Document:
    return search_adapter.Document("thread", ident, title, body=f"{title}, in more words.")


def found(text: str) -> list[int]:
    return [hit.id for hit in search_adapter.query(text).hits]


@EVERY_SEARCH_BACKEND
def test_searches_find_the_old_documents_while_a_reindex_runs(app):
    backend = app.extensions["peerdesk_search"].backend
    with app.app_context():
        backend.write([document(1, "Remote control unresponsive")], remove=[])
        with backend.rebuilding() as write:
            write(document(1, "Remote control unresponsive"))
            assert found("remote") == [1]
        assert found("remote") == [1]


@EVERY_SEARCH_BACKEND
def test_a_reindex_drops_documents_it_did_not_write(app):
    backend = app.extensions["peerdesk_search"].backend
    with app.app_context():
        backend.write([document(1, "Remote control unresponsive"),
                       document(2, "Remote battery cover lost")], remove=[])
        with backend.rebuilding() as write:
            write(document(1, "Remote control unresponsive"))
        assert found("remote") == [1]


@pytest.mark.parametrize(("backend", "search_backend"), [("postgresql", "postgresql")],
                         ids=["postgresql-fts"], scope="session")
def test_a_change_written_during_a_reindex_is_not_overwritten_by_it(app):
    backend = app.extensions["peerdesk_search"].backend
    with app.app_context():
        backend.write([document(1, "Soundbar silent")], remove=[])
        with backend.rebuilding() as write:
            write(document(1, "Soundbar silent"))  # read before the change below
            backend.write([document(1, "Soundbar silent, fixed by switching on ARC")], [])
        assert found("arc") == [1]


@EVERY_SEARCH_BACKEND
def test_each_write_is_found_by_the_next_search_however_quick(app):
    backend = app.extensions["peerdesk_search"].backend
    with app.app_context():
        for ident in range(1, 6):  # searchers are kept open between queries
            backend.write([document(ident, f"Remote number {ident} lost")], remove=[])
            assert len(found("remote")) == ident


@EVERY_SEARCH_BACKEND
def test_a_removal_during_a_reindex_is_not_undone_by_it(app):
    backend = app.extensions["peerdesk_search"].backend
    with app.app_context():
        backend.write([document(1, "Soundbar spam offer")], remove=[])
        with backend.rebuilding() as write:
            backend.write([], remove=["thread:1"])  # hidden while the reindex runs...
            write(document(1, "Soundbar spam offer"))  # ...which had read it before
        for key in backend.written_during_rebuild():  # what search.rebuild does next
            backend.write([], remove=[key])
        assert found("soundbar") == []


@EVERY_SEARCH_BACKEND
def test_reindex_if_outdated_leaves_a_current_index_alone(app):
    backend = app.extensions["peerdesk_search"].backend
    with app.app_context():
        backend.write([document(1, "Remote control unresponsive")], remove=[])
    result = app.test_cli_runner().invoke(args=["search", "reindex", "--if-outdated"])
    assert "up to date" in result.output


def test_reindex_if_outdated_builds_a_missing_whoosh_index(app):
    result = app.test_cli_runner().invoke(args=["search", "reindex", "--if-outdated"])
    assert result.exit_code == 0 and "Indexed 0 documents" in result.output


def test_reindex_if_outdated_rebuilds_an_index_from_an_older_version(app):
    from pathlib import Path

    from whoosh import index
    from whoosh.fields import ID, Schema

    folder = Path(app.config["SEARCH_INDEX_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    index.create_in(folder, Schema(key=ID(unique=True, stored=True)))
    result = app.test_cli_runner().invoke(args=["search", "reindex", "--if-outdated"])
    assert "Indexed 0 documents" in result.output


def test_a_second_reindex_while_one_runs_is_refused(app):
    backend = app.extensions["peerdesk_search"].backend
    with app.app_context(), backend.rebuilding() as write:
        write(document(1, "Remote control unresponsive"))
        with pytest.raises(RuntimeError, match="Another reindex"), backend.rebuilding():
            pass


def test_a_failed_reindex_leaves_the_live_index_working(app):
    backend = app.extensions["peerdesk_search"].backend
    with app.app_context():
        backend.write([document(1, "Remote control unresponsive")], remove=[])
        with pytest.raises(ValueError), backend.rebuilding():
            raise ValueError("the database went away")
        backend.write([document(2, "Remote battery cover lost")], remove=[])
        assert sorted(found("remote")) == [1, 2]
        assert backend.written_during_rebuild() == []


def test_a_write_with_no_live_index_is_left_to_the_running_reindex(app):
    backend = app.extensions["peerdesk_search"].backend
    with app.app_context():
        with backend.rebuilding() as write:
            write(document(1, "Remote control unresponsive"))
            backend.write([document(2, "Remote battery cover lost")], remove=[])
            assert not backend.path.exists()  # nothing created that the swap would meet
        assert backend.written_during_rebuild() == ["thread:2"]
        assert found("remote") == [1]


def test_a_large_reindex_writes_on_two_processes_and_loses_nothing(app, monkeypatch):
    from app.search import whoosh_parallel

    monkeypatch.setattr(whoosh_parallel, "PARALLEL_FROM", 10)
    backend = app.extensions["peerdesk_search"].backend
    titles = [f"Remote number {n} unresponsive" for n in range(1, 301)]
    with app.app_context():
        with backend.rebuilding(expected=len(titles)) as write:
            for ident, title in enumerate(titles, 1):
                write(document(ident, title))
        assert len(list(backend.path.glob("*.seg"))) >= 2  # one segment per process
        assert search_adapter.query("remote", limit=1).total == search_adapter.MAX_RESULTS
        assert found("number 257")[:1] == [257]


class LosingWriter:
    """A writer whose second document never arrives (as when a writing process dies)."""

    def __init__(self, writer) -> None:
        self.writer, self.added = writer, 0

    def add_document(self, **fields) -> None:
        self.added += 1
        if self.added != 2:
            self.writer.add_document(**fields)

    def __getattr__(self, name: str):
        return getattr(self.writer, name)


def test_a_reindex_missing_documents_is_not_swapped_in(app, monkeypatch):
    from app.search import whoosh_parallel

    backend = app.extensions["peerdesk_search"].backend
    real = whoosh_parallel.rebuild_writer
    monkeypatch.setattr(whoosh_parallel, "rebuild_writer",
                        lambda ix, expected: LosingWriter(real(ix, expected)))
    with app.app_context():
        backend.write([document(1, "Remote control unresponsive")], remove=[])
        with pytest.raises(RuntimeError, match="holds 1 documents of the 2 written"), \
                backend.rebuilding() as write:
            write(document(1, "Remote control unresponsive"))
            write(document(2, "Remote battery cover lost"))
        assert found("remote") == [1]


# --- PostgreSQL full text: word frequencies ---------------------------------------------

ONLY_POSTGRESQL_FTS = pytest.mark.parametrize(
    ("backend", "search_backend"), [("postgresql", "postgresql")], ids=["postgresql-fts"],
    scope="session")


def counted_terms() -> dict[str, tuple[int, int]]:
    """What the writes counted: lexeme -> (documents holding it, holding it in titles)."""
    from sqlalchemy import text

    from app.extensions import db

    rows = db.session.execute(text("SELECT lexeme, documents, titles FROM search_terms"))
    return {lexeme: (documents, titles) for lexeme, documents, titles in rows}


def recounted_terms() -> dict[str, tuple[int, int]]:
    """The same, counted afresh from the documents' vectors."""
    from sqlalchemy import text

    from app.extensions import db

    rows = db.session.execute(text(
        "SELECT lexeme, count(*), count(*) FILTER (WHERE lexeme = ANY("
        "    tsvector_to_array(title_vector))) "
        "FROM search_documents, unnest(tsvector_to_array(vector)) AS lexeme "
        "WHERE vector IS NOT NULL GROUP BY lexeme "
        "UNION ALL SELECT '', count(*), 0 FROM search_documents WHERE vector IS NOT NULL"))
    return {lexeme: (documents, titles) for lexeme, documents, titles in rows if documents}


@ONLY_POSTGRESQL_FTS
def test_word_frequencies_stay_exact_through_writes_and_removals(app):
    backend = app.extensions["peerdesk_search"].backend
    with app.app_context():
        backend.write([document(1, "Remote control unresponsive"),
                       document(2, "Remote battery cover lost")], remove=[])
        backend.write([document(1, "Soundbar remote paired")], remove=["thread:2"])
        backend.write([document(3, "Soundbar silent")], remove=[])
        assert counted_terms() == recounted_terms()
        assert counted_terms()["remot"] == (1, 1) and counted_terms()[""] == (2, 0)


@ONLY_POSTGRESQL_FTS
def test_a_reindex_recounts_the_word_frequencies(app):
    backend = app.extensions["peerdesk_search"].backend
    with app.app_context():
        backend.write([document(1, "Remote control unresponsive")], remove=[])
        with backend.rebuilding() as write:
            write(document(2, "Soundbar silent"))
        assert counted_terms() == recounted_terms() == {
            "": (1, 0), "soundbar": (1, 1), "silent": (1, 1), "word": (1, 0)}


@ONLY_POSTGRESQL_FTS
def test_a_word_in_most_documents_is_scored_but_does_not_match_alone(app):
    backend = app.extensions["peerdesk_search"].backend
    with app.app_context():
        backend.write([document(n, f"Beer review number {n}") for n in range(1, 101)]
                      + [document(101, "Stout beer served too cold"),
                         document(102, "Stout pairing with cheese")], remove=[])
        results = search_adapter.query("stout beer", limit=20)
        assert [hit.id for hit in results.hits] == [101, 102]  # "beer" adds to the score
        assert results.total == 2
        assert search_adapter.query("beer", limit=20).total == 101  # alone, it matches
        # A rarer word no document holds leaves the common ones to match.
        assert search_adapter.query("beer zymurgy", limit=20).total == 101


def about(ident: int, title: str, body: str, **more) -> search_adapter.Document:
    return search_adapter.Document("thread", ident, title, body=body, **more)


FOAM_IN_A_TITLE = about(1, "Stout foam collapses", "It goes flat.")


def foam_in_texts(*idents: int, solved: int = 0) -> list[search_adapter.Document]:
    return [about(n, f"Pouring lager {n}", "Some foam, then none.", solved=n == solved)
            for n in idents]


@pytest.fixture
def write_within(app, monkeypatch):
    """Write documents to the full-text index with ``postgres_query`` limits made small."""
    from app.search import postgres_query

    def write(documents: list[search_adapter.Document], **limits: int) -> None:
        for name, value in limits.items():
            monkeypatch.setattr(postgres_query, name, value)
        app.extensions["peerdesk_search"].backend.write(documents, remove=[])

    return write


@ONLY_POSTGRESQL_FTS
def test_a_word_in_more_texts_than_the_budget_matches_in_titles(app, write_within):
    with app.app_context():
        write_within([FOAM_IN_A_TITLE, *foam_in_texts(2, 3, 4)], TEXT_BUDGET=2)
        results = search_adapter.query("foam", limit=20)
        assert [hit.id for hit in results.hits] == [1] and results.total == 1


@ONLY_POSTGRESQL_FTS
def test_a_word_past_the_budget_in_no_title_still_matches_in_the_text(app, write_within):
    with app.app_context():
        write_within(foam_in_texts(1, 2, 3, 4), TEXT_BUDGET=2)
        assert sorted(found("foam")) == [1, 2, 3, 4]


@ONLY_POSTGRESQL_FTS
def test_when_filters_leave_no_title_match_the_word_matches_in_the_text(app, write_within):
    with app.app_context():
        write_within([FOAM_IN_A_TITLE, *foam_in_texts(2, 3, 4, solved=3)], TEXT_BUDGET=2)
        assert [hit.id for hit in search_adapter.query("foam", solved_only=True).hits] == [3]


@ONLY_POSTGRESQL_FTS
def test_past_the_candidate_cap_the_questions_language_is_kept(app, write_within):
    with app.app_context():
        write_within([*(about(n, f"App crashes on start {n}", "It closes.") for n in (1, 2, 3)),
                      *(about(n, f"L'app si blocca {n}", "Si chiude.", language="it")
                        for n in (4, 5))], CANDIDATES=2)
        assert sorted(found("la mia app")) == [4, 5]
        assert len(found("my app")) == 2


@ONLY_POSTGRESQL_FTS
def test_documents_written_without_a_title_vector_call_for_a_reindex(app):
    from sqlalchemy import text

    from app.extensions import db

    backend = app.extensions["peerdesk_search"].backend
    with app.app_context():
        backend.write([document(1, "Remote control unresponsive")], remove=[])
        assert backend.is_current()
        with db.engine.begin() as connection:  # as a node of the version before writes
            connection.execute(text("UPDATE search_documents SET title_vector = NULL"))
        assert not backend.is_current()


def test_a_failed_large_reindex_stops_its_writing_processes(app, monkeypatch):
    import multiprocessing

    from app.search import whoosh_parallel

    monkeypatch.setattr(whoosh_parallel, "PARALLEL_FROM", 10)
    backend = app.extensions["peerdesk_search"].backend
    with app.app_context():
        backend.write([document(1, "Remote control unresponsive")], remove=[])
        with pytest.raises(ValueError), backend.rebuilding(expected=300) as write:
            for ident in range(1, 301):
                write(document(ident, f"Soundbar number {ident}"))
            raise ValueError("the database went away")
        assert multiprocessing.active_children() == []
        assert found("remote") == [1] and found("soundbar") == []


def test_a_writing_process_that_dies_stops_the_reindex_with_an_error(app, monkeypatch):
    import os
    import signal

    from app.search import whoosh_parallel

    monkeypatch.setattr(whoosh_parallel, "PARALLEL_FROM", 10)
    writers = []
    real = whoosh_parallel.rebuild_writer
    monkeypatch.setattr(whoosh_parallel, "rebuild_writer",
                        lambda ix, expected: writers.append(real(ix, expected)) or writers[-1])
    backend = app.extensions["peerdesk_search"].backend
    with app.app_context():
        backend.write([document(1, "Remote control unresponsive")], remove=[])
        with pytest.raises(RuntimeError, match="stopped"), \
                backend.rebuilding(expected=5000) as write:
            for ident in range(1, 5001):
                write(document(ident, f"Soundbar number {ident}"))
                if ident == 300:
                    for task in writers[0].tasks:
                        os.kill(task.pid, signal.SIGKILL)
        assert found("remote") == [1]
