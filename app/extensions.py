"""The Flask extensions, created unbound here and bound in ``create_app``.

Every package imports them from this one module, so there is exactly one ``db``, one
``limiter`` and so on, whatever app instance (web, job runner, tests) is running.
"""

from __future__ import annotations

import sqlite3

from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase

# Named constraints make Alembic migrations reproducible on SQLite and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
limiter = Limiter(key_func=get_remote_address)


@event.listens_for(Engine, "connect")
def _tune_sqlite(dbapi_connection, _record) -> None:
    """WAL lets readers work while one writer writes; the busy timeout waits out the writer.
    With WAL, ``synchronous=NORMAL`` is as safe against corruption and against a crashed
    process as FULL (the SQLite documentation's advice, Rails' default); it skips the fsync
    per commit, so only a power cut may lose the last commits (``SQLITE_SYNCHRONOUS=FULL``
    to have an fsync per commit again)."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    from flask import current_app, has_app_context

    config = current_app.config if has_app_context() else {}
    timeout = config.get("SQLITE_BUSY_TIMEOUT_MS", 5000)
    synchronous = str(config.get("SQLITE_SYNCHRONOUS", "NORMAL")).upper()
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    if synchronous in ("NORMAL", "FULL", "EXTRA"):
        cursor.execute(f"PRAGMA synchronous={synchronous}")
    cursor.execute(f"PRAGMA busy_timeout={int(timeout)}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def locked(statement):
    """``statement`` (a SELECT) made safe to decide a write on: PostgreSQL locks the rows it
    reads (FOR UPDATE); SQLite has no row locks, so the transaction first takes the
    database's write lock (BEGIN IMMEDIATE, waiting up to the busy timeout). Either way two
    requests deciding on the same rows are decided one after the other, never both on what
    they read before the other wrote."""
    connection = db.session.connection()
    if connection.dialect.name == "sqlite":
        driver = connection.connection.dbapi_connection
        if not driver.in_transaction:  # already writing means already holding the lock
            connection.exec_driver_sql("BEGIN IMMEDIATE")
    return statement.with_for_update()


def insert(model):
    """An INSERT for ``model`` that can say what to do on a conflict (``ON CONFLICT``):
    both databases have it, through their own dialect's ``insert``."""
    from sqlalchemy.dialects import postgresql, sqlite

    dialect = db.session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(model)


def string_enum(kind, name: str, length: int = 16):
    """A column of a ``StrEnum``'s values, stored as text with a CHECK constraint (no
    native enum type: adding a value is then a plain migration on both databases)."""
    from sqlalchemy import Enum

    return Enum(kind, name=name, native_enum=False, create_constraint=True, length=length,
                values_callable=lambda members: [member.value for member in members])
