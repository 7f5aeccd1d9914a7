"""Peerdesk's core (layer 0): the app factory and what every package stands on."""

from __future__ import annotations

import importlib
import logging
import os
from pathlib import Path
from typing import Any

from flask import Flask

from app import (
    accounts,
    api,
    config,
    demo,
    errors,
    health,
    http_cache,
    i18n,
    jobs,
    layout,
    search,
    security,
    web,
)
from app.extensions import csrf, db, limiter, login_manager

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    """Build the Peerdesk app. ``overrides`` win over every other configuration source.

    The domain packages (``PACKAGES``: community, moderation, social_listen, escalate) are
    loaded by name at the end, so this layer never imports the layers above it.
    """
    app = Flask(
        __name__,
        instance_path=os.environ.get("PEERDESK_INSTANCE_PATH"),
        instance_relative_config=True,
    )
    config.load(app, overrides)
    _log_info_in_development(app)

    http_cache.init_app(app)  # registered first, so it sees every other hook's cookie
    db.init_app(app)
    _init_migrations(app)
    login_manager.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    web.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    layout.init_app(app)
    accounts.init_app(app)
    api.init_app(app)
    errors.init_app(app)
    health.init_app(app)
    jobs.init_app(app)
    demo.init_app(app)
    search.init_app(app)
    for package in app.config["PACKAGES"]:
        importlib.import_module(package).init_app(app)
    return app


def _init_migrations(app: Flask) -> None:
    """Flask-Migrate (``flask db``), unless the ``MIGRATIONS`` setting is off: a web server
    never migrates, and Alembic weighs 10 MB a process (see wsgi.py)."""
    if app.config.get("MIGRATIONS", True):
        from flask_migrate import Migrate

        Migrate(app, db, directory=str(MIGRATIONS), render_as_batch=True, compare_type=True)


def _log_info_in_development(app: Flask) -> None:
    """Show INFO messages (e-mails under MAIL_BACKEND=log, job runs) while developing."""
    if app.config["ENV"] == "development":
        app.logger.setLevel(logging.INFO)
        logging.getLogger("app").setLevel(logging.INFO)
