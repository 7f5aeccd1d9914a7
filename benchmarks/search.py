"""Search over 100,000 posts: reindex throughput and query latency for every backend,
each beside a baseline measured in the same run.

DESIGN.md §5 targets: a search over 100,000 posts answers in ≤ 50 ms at p95 (paginated),
over 1,000,000 in ≤ 100 ms; a reindex writes ≥ 2,000 posts/s on PostgreSQL full text,
≥ 1,000 on Whoosh. The corpus
is the real Stack Exchange dumps grown to ``--posts`` (``search_corpus.py``), written
with bulk SQL into a fresh, migrated database (``search_seed.py``). Backends: Whoosh on
SQLite always; Whoosh on PostgreSQL and PostgreSQL full text when a throwaway PostgreSQL
server can be started (tests/support) and the "postgresql" backend exists.

Per backend it measures ``search.rebuild()`` (posts/s and documents/s, beside building the
same documents without writing them), ``search.query(..., limit=20)`` in-process and warm
(``search_queries.py``: 240 queries, p50/p95/max, beside a primary-key lookup), and the
search page through gunicorn (beside a bare endpoint on the same server). Missed targets
are marked, not fatal: the exit status is non-zero only on errors.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import importlib.util
import io
import os
import pstats
import random
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import search_report
from benchmarks.harness import Result, gunicorn, load
from benchmarks.search_corpus import Copy, read_dumps
from benchmarks.search_corpus import copies as grow
from benchmarks.search_queries import Probe, probes
from benchmarks.search_seed import seed

SECRET = "benchmark-only-secret-" + "x" * 24
QUERY_TIMEOUT_S = 30  # one query slower than this is cancelled (PostgreSQL only)


@dataclass
class Measured:
    """Everything one backend on one database gave."""

    name: str
    documents: int = 0
    rebuild_seconds: float = 0.0
    latencies_ms: dict[str, list[float]] = field(default_factory=dict)
    asked: int = 0  # queries measured; fewer than all when the time budget ran out
    page: Result | None = None
    bare: Result | None = None


@dataclass
class Database:
    name: str  # "sqlite" or "postgresql"
    url: str
    folder: Path
    seed_seconds: float = 0.0
    # The reindex baseline: documents built from SQL and not written, for a while.
    build_seconds: float = 0.0
    build_documents: int = 0
    build_posts: int = 0
    lookup_ms: list[float] = field(default_factory=list)  # primary-key lookups

    def settings(self, backend: str) -> dict:
        return {"ENV": "production", "SECRET_KEY": SECRET, "BASE_URL": "http://127.0.0.1",
                "SQLALCHEMY_DATABASE_URI": self.url, "SEARCH_BACKEND": backend,
                "SEARCH_INDEX_DIR": str(self.folder / f"index-{self.name}-{backend}"),
                "RATELIMIT_ENABLED": False, "SESSION_COOKIE_SECURE": False}

    def environment(self, backend: str) -> dict[str, str]:
        settings = self.settings(backend)
        env = {"DATABASE_URL": self.url, "PEERDESK_INSTANCE_PATH": str(self.folder)}
        for name, value in settings.items():
            if name != "SQLALCHEMY_DATABASE_URI":
                env[f"PEERDESK_{name}"] = str(value).lower() if isinstance(value, bool) \
                    else str(value)
        return env


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search", description=__doc__
                                     .split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=100_000,
                        help="posts in the corpus (default 100000; 5000 for a quick run)")
    parser.add_argument("--page-seconds", type=float, default=5.0,
                        help="seconds of load on the search page per backend (default 5)")
    parser.add_argument("--query-budget", type=float, default=120.0, metavar="SECONDS",
                        help="stop asking a backend after this long (default 120); the "
                             "queries left are reported as not measured")
    parser.add_argument("--profile", action="store_true",
                        help="print where reindex and queries spend their time (cProfile)")
    parser.add_argument("--no-postgresql", action="store_true",
                        help="measure Whoosh on SQLite only")
    parser.add_argument("--postgresql-only", action="store_true",
                        help="measure PostgreSQL full text only (for --posts 1000000, where "
                             "each Whoosh reindex would take a quarter of an hour)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    options = arguments(argv)
    # Stopped from outside, still stop the PostgreSQL server and remove the temp folder.
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit("search benchmark: terminated"))
    began = time.monotonic()
    questions = read_dumps()
    threads = list(grow(questions, options.posts))
    asked = probes(questions, threads)
    print(f"\nSearch benchmark: {options.posts:,} posts in {len(threads):,} threads from "
          f"{len(questions):,} real questions; {len(asked)} queries", flush=True)
    measured: list[tuple[Database, Measured]] = []
    instance = os.environ.get("PEERDESK_INSTANCE_PATH")
    with tempfile.TemporaryDirectory(prefix="peerdesk-bench-search-") as folder:
        os.environ["PEERDESK_INSTANCE_PATH"] = folder  # create_app reads it from there
        try:
            sqlite = Database("sqlite", f"sqlite:///{folder}/peerdesk.sqlite", Path(folder))
            if not options.postgresql_only:
                measured += _database(sqlite, ["whoosh"], threads, asked, options)
            if not options.no_postgresql:
                measured += _on_postgresql(Path(folder), threads, asked, options)
        finally:
            os.environ.pop("PEERDESK_INSTANCE_PATH")
            if instance is not None:
                os.environ["PEERDESK_INSTANCE_PATH"] = instance
    search_report.report(options.posts, len(threads), len(asked), measured)
    print(f"\n  (the search benchmark took {time.monotonic() - began:.0f} s)")


def _on_postgresql(folder: Path, threads: list[Copy], asked: list[Probe],
                   options) -> list[tuple[Database, Measured]]:
    from tests.support import postgres

    try:
        server = postgres.start()
    except postgres.PostgresUnavailable as error:
        print(f"PostgreSQL: not available ({error}); measuring SQLite only")
        return []
    try:
        url = postgres.create_database(server.url(), "peerdesk_bench_search")
        backends = [] if options.postgresql_only else ["whoosh"]
        if importlib.util.find_spec("app.search.postgres_backend") is not None:
            backends.append("postgresql")
        else:
            print("postgresql backend: not available")
        return _database(Database("postgresql", url, folder), backends, threads, asked,
                         options)
    finally:
        server.stop()


def _database(database: Database, backends: list[str], threads: list[Copy],
              asked: list[Probe], options) -> list[tuple[Database, Measured]]:
    from app import create_app

    app = create_app(database.settings(backends[0]))
    with app.app_context():
        _migrate()
        started = time.perf_counter()
        seed(threads)
        database.seed_seconds = time.perf_counter() - started
        print(f"  {database.name}: seeded in {database.seed_seconds:.1f} s", flush=True)
        _build_only(database, threads)
        database.lookup_ms = _primary_key_lookups(len(threads))
        _dispose()
    return [(database, _backend(database, backend, asked, options)) for backend in backends]


def _migrate() -> None:
    """``flask db upgrade``, without Alembic's log lines."""
    from flask_migrate import upgrade

    with contextlib.redirect_stderr(io.StringIO()):
        upgrade()


def _dispose() -> None:
    from app.extensions import db

    db.session.remove()
    db.engine.dispose()


def _build_only(database: Database, threads: list[Copy], seconds: float = 30.0) -> None:
    """The reindex baseline: documents read from SQL and built, none written, for
    ``seconds`` at most (the rate is what counts, and threads are alike across the corpus).
    Thread ids follow the corpus order (search_seed.py), so each one's post count is known."""
    from flask import current_app

    source = current_app.extensions["peerdesk_search"].sources["thread"]
    started = time.perf_counter()
    for document in source.load_all():
        database.build_documents += 1
        database.build_posts += threads[document.id - 1].posts
        if time.perf_counter() - started > seconds:
            break
    database.build_seconds = time.perf_counter() - started


def _primary_key_lookups(threads: int, count: int = 500) -> list[float]:
    """The query baseline: one thread's title by primary key, the cheapest useful SQL."""
    from sqlalchemy import select

    from app.extensions import db
    from community.models import Thread

    rng = random.Random(5)
    timings = []
    for _ in range(2):  # the first round warms the connection and the cache
        timings = []
        for ident in (rng.randrange(1, threads + 1) for _ in range(count)):
            started = time.perf_counter()
            db.session.execute(select(Thread.title).where(Thread.id == ident)).scalar_one()
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def _backend(database: Database, backend: str, asked: list[Probe], options) -> Measured:
    from app import create_app, search

    result = Measured("postgresql full text" if backend == "postgresql"
                      else f"{backend} on {database.name}")
    app = create_app(database.settings(backend))
    with app.app_context():
        started = time.perf_counter()
        result.documents = _profiled(options.profile, f"reindex, {result.name}",
                                     search.rebuild)
        result.rebuild_seconds = time.perf_counter() - started
        print(f"  {result.name}: reindexed in {result.rebuild_seconds:.1f} s", flush=True)
        _ask(asked[::10], search, options.query_budget / 4)  # warm files, caches, connections
        started = time.perf_counter()
        result.latencies_ms = _profiled(options.profile, f"queries, {result.name}",
                                        lambda: _ask(asked, search, options.query_budget))
        result.asked = sum(len(values) for values in result.latencies_ms.values())
        print(f"  {result.name}: {result.asked} queries in "
              f"{time.perf_counter() - started:.1f} s", flush=True)
        _dispose()
    if result.asked == len(asked):
        result.bare, result.page = _search_page(database, backend, asked,
                                                options.page_seconds)
    return result


def _ask(asked: list[Probe], search, budget: float) -> dict[str, list[float]]:
    """Each probe's latency by kind, until ``budget`` seconds have passed. On PostgreSQL a
    statement that runs past ``QUERY_TIMEOUT_S`` is cancelled and ends the round."""
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    from app.extensions import db

    if db.engine.dialect.name == "postgresql":
        db.session.execute(text(f"SET statement_timeout = {QUERY_TIMEOUT_S * 1000}"))
    timings: dict[str, list[float]] = {}
    stop_at = time.monotonic() + budget
    for probe in asked:
        if time.monotonic() > stop_at:
            break
        started = time.perf_counter()
        try:
            probe.call(search)
        except OperationalError as error:
            if "statement timeout" not in str(error):
                raise
            db.session.rollback()
            print(f"    a query ran past {QUERY_TIMEOUT_S} s and was cancelled: "
                  f"{probe.kind} {probe.text!r}", flush=True)
            break
        timings.setdefault(probe.kind, []).append((time.perf_counter() - started) * 1000)
    return timings


def _profiled(enabled: bool, title: str, work: Callable):
    if not enabled:
        return work()
    profile = cProfile.Profile()
    outcome = profile.runcall(work)
    print(f"\n--- profile: {title} (top 25 by own time, then by cumulative time)")
    stats = pstats.Stats(profile).strip_dirs()
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(25)
    return outcome


def _search_page(database: Database, backend: str, asked: list[Probe],
                 seconds: float) -> tuple[Result, Result]:
    paths = [probe.page_path for probe in asked]
    with gunicorn("benchmarks.bench_app:app", database.environment(backend)) as port:
        load(port, "/_bench/bare", seconds=1)  # warm up every worker
        bare = load(port, "/_bench/bare", seconds=seconds)
        search_report.load_paths(port, paths, seconds=1)
        page = search_report.load_paths(port, paths, seconds=seconds)
    page.path = f"/search?q= ({len(paths)} queries)"
    if not bare.latencies_ms or page.errors == page.requests:
        raise RuntimeError(f"The search page answered no request ({page.errors} errors); "
                           "see gunicorn's messages above.")
    return bare, page


if __name__ == "__main__":
    main()
