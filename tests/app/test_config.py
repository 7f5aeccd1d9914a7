"""Configuration layers and the secret-key rule."""

import os
import stat

import pytest

from app import create_app

BASE = {"SQLALCHEMY_DATABASE_URI": "sqlite://"}


@pytest.fixture
def instance(tmp_path, monkeypatch):
    folder = tmp_path / "instance"
    monkeypatch.setenv("PEERDESK_INSTANCE_PATH", str(folder))
    return folder


def test_production_refuses_to_start_without_a_secret_key(instance, monkeypatch):
    monkeypatch.setenv("PEERDESK_ENV", "production")
    monkeypatch.setenv("PEERDESK_BASE_URL", "https://community.example.com")
    with pytest.raises(RuntimeError, match="SECRET_KEY is not set"):
        create_app(BASE)


def test_development_generates_a_secret_key_once(instance, monkeypatch):
    monkeypatch.setenv("PEERDESK_ENV", "development")
    first = create_app(BASE).config["SECRET_KEY"]
    second = create_app(BASE).config["SECRET_KEY"]
    assert first == second and len(first) >= 64
    key_file = instance / "secret_key"
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600


def test_environment_variables_override_the_instance_file(instance, monkeypatch):
    instance.mkdir()
    (instance / "peerdesk.cfg").write_text("SITE_NAME = 'From file'\nMAIL_PORT = 1025\n")
    monkeypatch.setenv("PEERDESK_ENV", "development")
    monkeypatch.setenv("PEERDESK_MAIL_PORT", "2525")
    app = create_app(BASE)
    assert app.config["SITE_NAME"] == "From file"
    assert app.config["MAIL_PORT"] == 2525


def test_instance_file_wins_over_the_environment_overlay(instance, monkeypatch):
    instance.mkdir()
    (instance / "peerdesk.cfg").write_text("MAIL_BACKEND = 'smtp'\n")
    monkeypatch.setenv("PEERDESK_ENV", "development")
    assert create_app(BASE).config["MAIL_BACKEND"] == "smtp"


def test_database_url_postgres_scheme_uses_psycopg(instance, monkeypatch):
    monkeypatch.setenv("PEERDESK_ENV", "development")
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@127.0.0.1:5432/peerdesk")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql+psycopg://")


def test_default_database_is_sqlite_in_the_instance_folder(instance, monkeypatch):
    monkeypatch.setenv("PEERDESK_ENV", "development")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{instance / 'peerdesk.sqlite'}"


def test_unknown_environment_is_refused(instance, monkeypatch):
    monkeypatch.setenv("PEERDESK_ENV", "staging")
    with pytest.raises(RuntimeError, match="PEERDESK_ENV must be one of"):
        create_app(BASE)


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(instance, monkeypatch, tmp_path):
    from sqlalchemy import text

    from app.extensions import db

    monkeypatch.setenv("PEERDESK_ENV", "development")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'wal.sqlite'}"})
    with app.app_context():
        assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert db.session.execute(text("PRAGMA busy_timeout")).scalar() == 5000
        db.engine.dispose()


def test_numeric_secret_from_the_environment_stays_a_string(instance, monkeypatch):
    monkeypatch.setenv("PEERDESK_ENV", "development")
    monkeypatch.setenv("PEERDESK_SECRET_KEY", "12345678901234567890123456789012345")
    app = create_app(BASE)
    assert app.config["SECRET_KEY"] == "12345678901234567890123456789012345"
    assert app.test_client().get("/sign-in").status_code == 200


def test_production_refuses_a_short_secret_key(instance, monkeypatch):
    monkeypatch.setenv("PEERDESK_ENV", "production")
    monkeypatch.setenv("PEERDESK_SECRET_KEY", "short")
    with pytest.raises(RuntimeError, match="too short"):
        create_app(BASE)


def test_production_refuses_to_start_without_a_base_url(instance, monkeypatch):
    monkeypatch.setenv("PEERDESK_ENV", "production")
    monkeypatch.setenv("PEERDESK_SECRET_KEY", "x" * 40)
    with pytest.raises(RuntimeError, match="BASE_URL is not set"):
        create_app(BASE)
