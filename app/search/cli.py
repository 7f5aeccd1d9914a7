"""``flask search reindex``: rebuild the index from the database, with a progress bar;
``--if-outdated`` only when the index is missing or older than the code (``make run``)."""

from __future__ import annotations

import time

import click
from flask.cli import AppGroup

from app import search as search_adapter

search = AppGroup("search", help="The search index.")


@search.command("reindex")
@click.option("--if-outdated", is_flag=True,
              help="Only when the index is missing or was built by an older version.")
def reindex(if_outdated: bool) -> None:
    """Rebuild the whole index; the site keeps searching the old one until it is done."""
    if if_outdated and search_adapter.is_current():
        click.echo("The search index is up to date.")
        return
    started = time.perf_counter()
    with click.progressbar(length=search_adapter.expected_count(),
                           label="Indexing") as bar:
        total = search_adapter.rebuild(progress=bar.update)
    elapsed = time.perf_counter() - started
    click.echo(f"Indexed {total} documents in {elapsed:.1f} s.")
