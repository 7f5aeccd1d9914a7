"""``flask search reindex``: rebuild the index from the database, with a progress bar."""

from __future__ import annotations

import time

import click
from flask.cli import AppGroup

from app import search as search_adapter

search = AppGroup("search", help="The search index.")


@search.command("reindex")
def reindex() -> None:
    """Rebuild the whole index; the site keeps searching the old one until it is done."""
    started = time.perf_counter()
    with click.progressbar(length=search_adapter.expected_count(),
                           label="Indexing") as bar:
        total = search_adapter.rebuild(progress=bar.update)
    elapsed = time.perf_counter() - started
    click.echo(f"Indexed {total} documents in {elapsed:.1f} s.")
