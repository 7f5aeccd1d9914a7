"""Search relevance on data nobody here wrote: Stack Exchange's own duplicate and linked
pairs (``tests/support/relevance.py``), for every backend, beside a plain BM25 computed
in the same run.

The six dumps in ../shared/data/stackexchange are imported as ``flask import
stackexchange`` does (about 3,100 threads); each pair's title, then its body's first
sentence, is asked through ``search.query`` (what the search page and the API ask), and
the expected thread's rank gives MRR@10 and recall@5, beside the two baselines of
``tests/support/relevance.py`` (a plain BM25 and a stock Whoosh set-up). Backends: Whoosh
on SQLite, and Whoosh and PostgreSQL full text on a throwaway PostgreSQL server when one
can start.

``python -m benchmarks.relevance [--no-postgresql]``
"""

from __future__ import annotations

import argparse
import contextlib
import io
import tempfile
from pathlib import Path

from tests.support import relevance

SECRET = "benchmark-only-secret-" + "x" * 24
SETS = [("duplicate", "title"), ("duplicate", "sentence"), ("related", "title"),
        ("related", "sentence")]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-postgresql", action="store_true")
    options = parser.parse_args(argv)
    asked = {folder: relevance.questions(folder) for folder in relevance.folders()}
    pairs = relevance.pairs(asked)
    haystack = [q for found in asked.values() for q in found.values()]
    lines = [("plain BM25 (rank_bm25, no stemming)",
              _scores(pairs, relevance.PlainBM25(haystack).ranked)),
             ("stock Whoosh (BM25F, stemming, title x2)",
              _scores(pairs, relevance.StockWhoosh(haystack).ranked))]
    with tempfile.TemporaryDirectory(prefix="peerdesk-relevance-") as folder:
        lines.append(("whoosh on sqlite", measure(f"sqlite:///{folder}/db.sqlite",
                                                  "whoosh", Path(folder), pairs)))
        if not options.no_postgresql:
            lines += _on_postgresql(Path(folder), pairs)
    report(lines)


def _on_postgresql(folder: Path, pairs: list[relevance.Pair]) -> list:
    from tests.support import postgres

    try:
        server = postgres.start()
    except postgres.PostgresUnavailable as error:
        print(f"PostgreSQL: not available ({error})")
        return []
    try:
        found = []
        for backend in ("whoosh", "postgresql"):
            url = postgres.create_database(server.url(), f"peerdesk_relevance_{backend}")
            label = "postgresql full text" if backend == "postgresql" else "whoosh on postgresql"
            found.append((label, measure(url, backend, folder, pairs)))
        return found
    finally:
        server.stop()


def measure(url: str, backend: str, folder: Path, pairs: list[relevance.Pair]) -> dict:
    from flask_migrate import upgrade
    from sqlalchemy import select

    from app import create_app, search
    from app.extensions import db
    from community.models import Thread

    app = create_app({"ENV": "production", "SECRET_KEY": SECRET,
                      "BASE_URL": "http://127.0.0.1", "SQLALCHEMY_DATABASE_URI": url,
                      "SEARCH_BACKEND": backend, "RATELIMIT_ENABLED": False,
                      "SEARCH_INDEX_DIR": str(folder / f"index-{backend}-{url[:8]}")})
    with app.app_context():
        with contextlib.redirect_stderr(io.StringIO()):
            upgrade()
        result = app.test_cli_runner().invoke(
            args=["import", "stackexchange", *map(str, relevance.folders())])
        if result.exit_code:
            raise RuntimeError(result.output)
        keys = dict(db.session.execute(select(Thread.id, Thread.external_id)).all())

        def ranked(pair: relevance.Pair) -> list[str]:
            hits = search.query(pair.query, kinds=("thread",), limit=11).hits
            return [keys.get(hit.id, "") for hit in hits]

        scores = _scores(pairs, ranked)
        db.session.remove()
        db.engine.dispose()
    return scores


def _scores(pairs: list[relevance.Pair], ranked) -> dict:
    return {name: relevance.score([p for p in pairs if (p.kind, p.form) == name], ranked)
            for name in SETS}


def report(lines: list[tuple[str, dict]]) -> None:
    print("\nSearch relevance on Stack Exchange's own pairs (MRR@10 / recall@5)")
    header = "".join(f"{kind + ' ' + form:>22}" for kind, form in SETS)
    print(f"  {'':<38}{header}")
    counts = "".join(f"{'(' + str(lines[0][1][name].count) + ' queries)':>22}" for name in SETS)
    print(f"  {'':<38}{counts}")
    for label, scores in lines:
        cells = "".join(f"{scores[name].mrr:>13.3f} / {scores[name].recall_at_5:.3f}"
                        for name in SETS)
        print(f"  {label:<38}{cells}")


if __name__ == "__main__":
    main()
