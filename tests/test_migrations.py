"""Migrations: upgrading an empty database to head gives exactly the models' schema."""

import warnings

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from app import create_app
from app.extensions import db
from tests.conftest import app_settings
from tests.support import postgres


@pytest.fixture
def empty_database_url(backend, tmp_path, request):
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'migrated.sqlite'}"
    server_url = request.getfixturevalue("postgres_server_url")
    return postgres.create_database(server_url, "peerdesk_migrations")


@pytest.fixture
def migrated_app(empty_database_url, tmp_path):
    app = create_app(app_settings(empty_database_url))
    with app.app_context():
        upgrade()
        yield app
        db.session.remove()
        db.engine.dispose()


def test_head_matches_the_models(migrated_app):
    engine = db.engine
    with engine.connect() as connection, warnings.catch_warnings():
        # SQLite cannot reflect expression indexes; the case-insensitive unique indexes
        # are checked by behaviour below instead.
        warnings.filterwarnings("ignore", "autogenerate skipping")
        warnings.filterwarnings("ignore", "Skipped unsupported reflection")
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == []


@pytest.mark.parametrize("column", ["username", "email"])
def test_database_refuses_names_differing_only_in_case(migrated_app, column):
    """The service checks first, but two simultaneous sign-ups meet the unique index."""
    row = {"username": "Ada", "email": "ada@example.com", "password_hash": "x",
           "role": "member", "is_active": True, "session_nonce": "n", "created_at": "2026-01-01"}
    insert = text("INSERT INTO users (username, email, password_hash, role, is_active, "
                  "session_nonce, created_at) VALUES (:username, :email, :password_hash, "
                  ":role, :is_active, :session_nonce, :created_at)")
    with db.engine.begin() as connection:
        connection.execute(insert, row)
    twin = {**row, "username": "other", "email": "other@example.com",
            column: row[column].upper()}
    with pytest.raises(IntegrityError), db.engine.begin() as connection:
        connection.execute(insert, twin)


def test_downgrade_to_base_removes_everything(migrated_app):
    downgrade(revision="base")
    tables = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
    assert tables == set()


def test_sqlite_url_engine_sees_the_migrated_schema(empty_database_url, migrated_app):
    engine = create_engine(empty_database_url)
    assert "users" in inspect(engine).get_table_names()
    engine.dispose()


def test_0005_makes_titles_stored_with_line_breaks_one_line(migrated_app):
    downgrade(revision="0004")
    with db.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO users (id, username, email, password_hash, role, is_active, "
            "session_nonce, created_at) VALUES (1, 'ada', 'ada@example.com', 'x', 'member', "
            "true, 'n', '2026-01-01')"))
        insert_a_thread(connection, title="Buds Pro echo\r\nBcc: victim@example.com\x1b")
    upgrade(revision="0005")
    with db.engine.connect() as connection:
        title = connection.execute(text("SELECT title FROM threads")).scalar()
    assert title == "Buds Pro echo Bcc: victim@example.com"


def insert_a_thread(connection, title: str = "A question here") -> None:
    """Area 1 and, by user 1, thread 1: the columns every revision since 0004 has."""
    connection.execute(text(
        "INSERT INTO categories (id, slug, name, description, position, thread_count, "
        "created_at) VALUES (1, 'buds', 'Buds', '', 0, 1, '2026-01-01')"))
    connection.execute(text(
        "INSERT INTO threads (id, kind, title, slug, category_id, author_id, status, "
        "language, source, reply_count, me_too_count, view_count, reminders_sent, version, "
        "last_activity_at, created_at) VALUES (1, 'question', :title, 's', 1, 1, 'open', "
        "'en', 'web', 0, 0, 0, 0, 0, '2026-01-01', '2026-01-01')"), {"title": title})


def test_0007_members_who_already_posted_start_at_trust_level_one(migrated_app):
    downgrade(revision="0006")
    with db.engine.begin() as connection:
        for ident, name in ((1, "ada"), (2, "bob")):
            connection.execute(text(
                "INSERT INTO users (id, username, email, password_hash, role, is_active, "
                "session_nonce, created_at) VALUES (:id, :name, :email, 'x', 'member', true, "
                "'n', '2026-01-01')"), {"id": ident, "name": name, "email": f"{name}@x.example"})
        insert_a_thread(connection)
        connection.execute(text(
            "INSERT INTO posts (id, thread_id, author_id, is_opening, body_source, body_html, "
            "visibility, is_staff, helpful_count, created_at) VALUES (1, 1, 1, true, 'b', 'b', "
            "'visible', false, 0, '2026-01-01')"))
    upgrade(revision="0007")
    with db.engine.connect() as connection:
        levels = connection.execute(text("SELECT user_id, level FROM member_trust")).all()
    assert levels == [(1, 1)]


@pytest.mark.parametrize("backend", ["postgresql"], scope="session")
def test_0013_gives_indexed_documents_their_title_vector_and_title_counts(migrated_app):
    downgrade(revision="0012")
    with db.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO search_documents (key, kind, ident, language, category, solved, boost, "
            "title, tags, replies, body, vector, indexed_at) VALUES ('thread:1', 'thread', 1, "
            "'it', '', false, 1, 'Cuffie scariche', 'batteria', '', 'Non si caricano.', "
            "setweight(to_tsvector('italian', 'Cuffie scariche'), 'A') || "
            "setweight(to_tsvector('italian', 'batteria'), 'B') || "
            "setweight(to_tsvector('italian', 'Non si caricano.'), 'D'), localtimestamp)"))
        connection.execute(text(
            "INSERT INTO search_terms (lexeme, documents) SELECT lexeme, 1 "
            "FROM search_documents, unnest(tsvector_to_array(vector)) AS lexeme "
            "UNION ALL SELECT '', 1 ON CONFLICT (lexeme) DO UPDATE SET documents = 1"))
    upgrade(revision="0013")
    with db.engine.connect() as connection:
        titles = dict(connection.execute(text("SELECT lexeme, titles FROM search_terms")).all())
        title_vector = connection.execute(text(
            "SELECT title_vector::text FROM search_documents")).scalar()
    assert title_vector == "'batter':3B 'cuff':1A 'scaric':2A"
    assert titles == {"": 0, "cuff": 1, "scaric": 1, "batter": 1, "caric": 0}


def test_0014_counts_each_categorys_thread_changes_but_not_views(migrated_app):
    from community.models import Category
    from tests.factories import Factories

    make = Factories(migrated_app)
    thread = make.thread(make.user("asker"), title="Buds Pro left earbud will not charge")

    def versions() -> int:
        return db.session.scalar(text("SELECT version FROM categories WHERE id = :id"),
                                 {"id": thread.category_id})

    created = versions()
    db.session.execute(text("UPDATE threads SET view_count = view_count + 5"))
    assert versions() == created > 0
    db.session.execute(text("UPDATE threads SET version = version + 1"))
    assert versions() == created + 1
    assert db.session.get(Category, thread.category_id).changed_at is not None


def test_0015_and_0016_downgrade_without_losing_the_threads_tags(migrated_app):
    with db.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO users (id, username, email, password_hash, role, is_active, "
            "session_nonce, created_at) VALUES (1, 'ada', 'ada@x.example', 'x', 'member', "
            "true, 'n', '2026-01-01')"))
        insert_a_thread(connection)
        connection.execute(text("INSERT INTO tags (id, name) VALUES (1, 'wi-fi')"))
        connection.execute(text("INSERT INTO thread_tags (thread_id, tag_id) VALUES (1, 1)"))
    downgrade(revision="0014")
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM thread_tags")).scalar() == 1
        assert connection.execute(text("SELECT name FROM categories")).scalar() == "Buds"
