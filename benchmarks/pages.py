"""The pages most traffic reads, each against a bare Flask endpoint on the same gunicorn in
the same round (the ceiling), on the demo site plus a question with 50 answers.

Production settings with rate limits on as shipped, gunicorn ``-w 2`` sync, SQLite; load
from wrk (Debian's package, ``-t2 -c16``, a browser User-Agent) when it is installed,
else from Python threads, named in the table, since the two clients' ratios differ. The
signed-in rows use a real sign-in (the form's CSRF token, the redirect followed). With
nginx installed, the last row goes through ``docs/nginx/peerdesk.conf`` in front of the
same gunicorn. Each figure is the median of ``ROUNDS`` rounds. Then each worker's memory
after two mixed batches of 10,000 requests (``benchmarks/memory.py``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from benchmarks import memory
from benchmarks.harness import gunicorn, measure, prepared_environment
from benchmarks.thread_page import seed_thread, session_cookie

ROUNDS = 3
SECONDS = 5.0
SEARCH = "/search?q=earbuds+not+charging"
NEW_SEARCH = "/search?q=earbuds+not+charging+{n}"  # never the same twice: no cache helps

# Issue 12's targets: a page's ratio to the ceiling, with wrk.
TARGETS = {"thread, 50 answers, signed in": 0.10, "thread, 50 answers, signed out": 0.50,
           "home, signed out": 0.50, "product area, signed out": 0.50,
           "knowledge-base article, signed out": 0.50, "search page, signed out": 0.05,
           "thread through nginx's cache, repeat view": 1.0}


@dataclass
class Row:
    name: str
    path: str
    headers: dict[str, str] | None = None
    via_nginx: bool = False


def demo_paths(env: dict[str, str]) -> dict[str, str]:
    """A product area and a published article of the demo."""
    os.environ.update(env)
    from sqlalchemy import select

    from app import create_app
    from app.extensions import db
    from community.knowledge.models import Article, ArticleStatus
    from community.models import Category

    with create_app().app_context():
        area = db.session.scalar(select(Category.slug).order_by(Category.position).limit(1))
        article = db.session.execute(select(Article.id, Article.slug).where(
            Article.status == ArticleStatus.PUBLISHED).order_by(Article.id).limit(1)).one()
    return {"area": f"/c/{area}", "article": f"/kb/{article.id}/{article.slug}"}


def rows(thread: str, paths: dict[str, str], cookie: str, nginx: bool) -> list[Row]:
    found = [Row("thread, 50 answers, signed out", thread),
             Row("thread, 50 answers, signed in", thread, {"Cookie": cookie}),
             Row("home, signed out", "/"),
             Row("product area, signed out", paths["area"]),
             Row("knowledge-base article, signed out", paths["article"]),
             Row("search page, signed out", SEARCH),
             Row("search page, signed out, a new question each time", NEW_SEARCH)]
    if nginx:
        found.append(Row("thread through nginx's cache, repeat view", thread, via_nginx=True))
    return found


def run_rounds(app_port: int, proxy_port: int | None, measured: list[Row],
               rounds: int, seconds: float) -> tuple[str, dict[str, list[tuple]]]:
    figures: dict[str, list[tuple]] = {"ceiling: bare Flask endpoint": []}
    client = "python"
    for _ in range(rounds):
        ceiling = measure(app_port, "/_bench/bare", seconds)
        client = ceiling.client
        figures["ceiling: bare Flask endpoint"].append((ceiling.rps, ceiling.median_ms, 1.0,
                                                        ceiling.errors))
        for row in measured:
            port = proxy_port if row.via_nginx else app_port
            result = measure(port, row.path, seconds, headers=row.headers)
            figures.setdefault(row.name, []).append(
                (result.rps, result.median_ms, result.rps / ceiling.rps, result.errors))
    return client, figures


def print_table(client: str, figures: dict[str, list[tuple]], rounds: int) -> bool:
    print(f"\nPages (ratio = page req/s / bare endpoint req/s, same round; median of "
          f"{rounds} rounds) — load from {client}")
    print(f"  {'page':<52} {'req/s':>8} {'p50 ms':>8} {'ratio':>7} {'target':>7}")
    met = True
    for name, values in figures.items():
        rps, p50, ratio = (statistics.median(value[index] for value in values)
                           for index in range(3))
        errors = sum(value[3] for value in values)
        target = TARGETS.get(name)
        verdict = "" if target is None else ("  ok" if ratio >= target else "  BELOW")
        met &= target is None or ratio >= target
        print(f"  {name:<52} {rps:>8.1f} {p50:>8.2f} {ratio:>7.3f} "
              f"{'' if target is None else f'{target:.2f}':>7}{verdict}"
              + (f"  ({errors} errors)" if errors else ""))
    return met


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--seconds", type=float, default=SECONDS)
    parser.add_argument("--only", default="", help="measure only rows whose name has this")
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="peerdesk-bench-") as folder, ExitStack() as stack:
        env = prepared_environment(Path(folder), demo=True)
        thread = seed_thread(env)
        paths = demo_paths(env)
        started: list = []
        port = stack.enter_context(gunicorn("benchmarks.bench_app:app", env, started=started))
        proxy = _nginx(stack, port)
        measure(port, "/_bench/bare", seconds=1)  # warm up every worker
        for path in (thread, "/", paths["area"], paths["article"], SEARCH):
            measure(port, path, seconds=1)
        measured = [row for row in rows(thread, paths, session_cookie(port, then=(thread,)),
                         proxy is not None)
                    if arguments.only in row.name]
        client, figures = run_rounds(port, proxy, measured, arguments.rounds,
                                     arguments.seconds)
        print_table(client, figures, arguments.rounds)
        if client == "wrk" and not arguments.only:
            memory.report(started[0].pid, port, [(row.path, row.headers or {})
                                                  for row in measured
                                                  if not row.via_nginx and "{n}" not in row.path])


def _nginx(stack: ExitStack, port: int) -> int | None:
    from tests.support.nginx import Nginx, NginxUnavailable

    try:
        return stack.enter_context(Nginx([f"127.0.0.1:{port}"])).port
    except NginxUnavailable as error:
        print(f"(no nginx row: {error})")
        return None


if __name__ == "__main__":
    main()
