"""The demo site (``flask demo seed``, indexed) served over HTTP on 127.0.0.1 for a module's
tests: what a newcomer, a browser or an API client meets after ``make run``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask

from app import create_app
from app.extensions import db
from tests.conftest import _empty_tables, app_settings
from tests.support.live_server import LiveServer


@contextmanager
def served_demo(database_url: str, folder: Path, **settings) -> Iterator[tuple[Flask, str]]:
    """(app, base URL); the tables are emptied afterwards for the next module."""
    app = create_app(app_settings(database_url, SEARCH_INDEX_DIR=str(folder / "search-index"),
                                  **settings))
    runner = app.test_cli_runner()
    for command in (["demo", "seed"], ["search", "reindex"]):
        result = runner.invoke(args=command)
        assert result.exit_code == 0, result.output
    try:
        with LiveServer(app) as server:
            yield app, server.url
    finally:
        with app.app_context():
            _empty_tables(db)
            db.engine.dispose()
