"""Search relevance on data nobody here wrote, for every backend, beside two baselines
computed in the same run: in English, Stack Exchange's own duplicate and linked pairs
(``tests/support/relevance.py``); in Italian, SQuAD-it's questions on Wikipedia paragraphs
(``tests/support/relevance_it.py``; Croce, Zelenanska and Basili, CC BY-SA 4.0).

English: the six dumps in ../shared/data/stackexchange are imported as ``flask import
stackexchange`` does (about 3,100 threads); each pair's title, then its body's first
sentence, is asked through ``search.query`` (what the search page and the API ask).
Italian: the 2,010 paragraphs are written as a dump and imported with ``flask import
stackexchange --language it``; 996 questions are asked, each in a request whose
``Accept-Language`` is Italian. The expected thread's rank gives MRR@10 and recall@5,
beside each language's plain BM25 and stock Whoosh set-up. Each language has its own
database and index. Backends: Whoosh on SQLite, and Whoosh and PostgreSQL full text on a
throwaway PostgreSQL server when one can start.

``python -m benchmarks.relevance [--no-postgresql] [--language en|it]``
"""

from __future__ import annotations

import argparse
import contextlib
import io
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.support import relevance, relevance_it

SECRET = "benchmark-only-secret-" + "x" * 24
SETS = [("duplicate", "title"), ("duplicate", "sentence"), ("related", "title"),
        ("related", "sentence")]
ITALIAN_SETS = [(relevance_it.KIND, relevance_it.FORM)]

Ranked = Callable[[relevance.Pair], list[str]]


@dataclass
class RelevanceSet:
    """One language's queries, what to import for them, and the figures found so far."""

    code: str
    title: str
    sets: list[tuple[str, str]]
    pairs: list[relevance.Pair]
    import_args: list[str]
    headers: dict[str, str] = field(default_factory=dict)  # of the request asking
    lines: list[tuple[str, dict]] = field(default_factory=list)

    def scores(self, ranked: Ranked) -> dict:
        return {name: relevance.score([p for p in self.pairs if (p.kind, p.form) == name],
                                      ranked) for name in self.sets}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-postgresql", action="store_true")
    parser.add_argument("--language", choices=("en", "it"), action="append",
                        help="measure only this language (may be given twice; default both)")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="peerdesk-relevance-") as folder:
        builders = {"en": english, "it": italian}
        chosen = [builders[code](Path(folder)) for code in options.language or builders]
        for chosen_set in chosen:
            chosen_set.lines.append(("whoosh on sqlite", measure(
                f"sqlite:///{folder}/{chosen_set.code}.sqlite", "whoosh", Path(folder),
                chosen_set)))
        if not options.no_postgresql:
            _on_postgresql(Path(folder), chosen)
    for chosen_set in chosen:
        report(chosen_set)


def english(_folder: Path) -> RelevanceSet:
    asked = {folder: relevance.questions(folder) for folder in relevance.folders()}
    haystack = [q for found in asked.values() for q in found.values()]
    found = RelevanceSet("en", "Stack Exchange's own pairs", SETS, relevance.pairs(asked),
                         [*map(str, relevance.folders())])
    found.lines += [("plain BM25 (rank_bm25, no stemming)",
                     found.scores(relevance.PlainBM25(haystack).ranked)),
                    ("stock Whoosh (BM25F, stemming, title x2)",
                     found.scores(relevance.StockWhoosh(haystack).ranked))]
    return found


def italian(folder: Path) -> RelevanceSet:
    paragraphs = relevance_it.paragraphs()
    dump = relevance_it.write_dump(paragraphs, folder / "dumps")
    haystack = relevance_it.questions(paragraphs)
    found = RelevanceSet("it", f"SQuAD-it, {len(haystack)} Wikipedia paragraphs (Italian)",
                         ITALIAN_SETS, relevance_it.pairs(paragraphs),
                         ["--language", "it", str(dump)], {"Accept-Language": "it"})
    found.lines += [("plain BM25 (Italian stop words, stems)",
                     found.scores(relevance_it.plain_bm25(haystack).ranked)),
                    ("stock Whoosh (LanguageAnalyzer it)",
                     found.scores(relevance_it.stock_whoosh(haystack).ranked))]
    return found


def _on_postgresql(folder: Path, chosen: list[RelevanceSet]) -> None:
    from tests.support import postgres

    try:
        server = postgres.start()
    except postgres.PostgresUnavailable as error:
        print(f"PostgreSQL: not available ({error})")
        return
    try:
        for chosen_set in chosen:
            for backend in ("whoosh", "postgresql"):
                name = f"peerdesk_relevance_{chosen_set.code}_{backend}"
                url = postgres.create_database(server.url(), name)
                label = "postgresql full text" if backend == "postgresql" else \
                    "whoosh on postgresql"
                chosen_set.lines.append((label, measure(url, backend, folder, chosen_set)))
    finally:
        server.stop()


def measure(url: str, backend: str, folder: Path, chosen: RelevanceSet) -> dict:
    """Import into a fresh database, then ask every query as the search page would."""
    from flask_migrate import upgrade
    from sqlalchemy import select

    from app import create_app, search
    from app.extensions import db
    from community.models import Thread

    index = folder / f"index-{chosen.code}-{backend}-{url[:8]}"
    app = create_app({"ENV": "production", "SECRET_KEY": SECRET,
                      "BASE_URL": "http://127.0.0.1", "SQLALCHEMY_DATABASE_URI": url,
                      "SEARCH_BACKEND": backend, "RATELIMIT_ENABLED": False,
                      "SEARCH_INDEX_DIR": str(index)})
    with app.app_context():
        with contextlib.redirect_stderr(io.StringIO()):
            upgrade()
        started = time.perf_counter()
        result = app.test_cli_runner().invoke(args=["import", "stackexchange",
                                                    *chosen.import_args])
        if result.exit_code:
            raise RuntimeError(result.output)
        imported = time.perf_counter()
        keys = dict(db.session.execute(select(Thread.id, Thread.external_id)).all())

        def ranked(pair: relevance.Pair) -> list[str]:
            hits = search.query(pair.query, kinds=("thread",), limit=11).hits
            return [keys.get(hit.id, "") for hit in hits]

        with app.test_request_context(headers=chosen.headers):
            scores = chosen.scores(ranked)
        print(f"{chosen.code} {backend} on {url.split(':')[0]}: {len(keys)} threads imported "
              f"and indexed in {imported - started:.1f} s, {len(chosen.pairs)} queries in "
              f"{time.perf_counter() - imported:.1f} s")
        db.session.remove()
        db.engine.dispose()
    return scores


def report(chosen: RelevanceSet) -> None:
    print(f"\nSearch relevance on {chosen.title} (MRR@10 / recall@5)")
    header = "".join(f"{kind + ' ' + form:>22}" for kind, form in chosen.sets)
    print(f"  {'':<40}{header}")
    counts = "".join(f"{'(' + str(chosen.lines[0][1][name].count) + ' queries)':>22}"
                     for name in chosen.sets)
    print(f"  {'':<40}{counts}")
    for label, scores in chosen.lines:
        cells = "".join(f"{scores[name].mrr:>13.3f} / {scores[name].recall_at_5:.3f}"
                        for name in chosen.sets)
        print(f"  {label:<40}{cells}")


if __name__ == "__main__":
    main()
