"""Configuration: defaults here, then the instance file, then the environment.

Order matters and is the same for every process (web, job runner, CLI):

1. the defaults in :class:`Defaults`;
2. ``instance/peerdesk.cfg`` if it exists (a Python file of UPPERCASE names);
3. environment variables: ``PEERDESK_<NAME>`` sets ``<NAME>`` (values are parsed as
   JSON when they can be, so ``PEERDESK_MAIL_PORT=2525`` is an int), and
   ``DATABASE_URL`` sets the database;
4. a mapping passed to ``create_app(config)`` (tests), last so it wins.

The secret key is the one setting with a rule of its own, see :func:`ensure_secret_key`.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any

from flask import Flask

ENVIRONMENTS = ("development", "production", "testing")
STRING_SETTINGS = ("SECRET_KEY", "BASE_URL", "MAIL_USERNAME", "MAIL_PASSWORD", "SITE_NAME",
                   "WEBHOOK_SECRET", "WEBHOOK_INBOUND_SECRET")
MIN_SECRET_LENGTH = 32


class Defaults:
    """Every setting Peerdesk reads, with the value it has when nobody says otherwise."""

    ENV = "production"
    SECRET_KEY: str | None = None
    # The public address of the site, for links in e-mails. Never taken from the request's
    # Host header, which a client controls (a reset link must not point elsewhere).
    BASE_URL: str | None = None
    SQLALCHEMY_DATABASE_URI: str | None = None  # default: SQLite in the instance folder
    SQLITE_BUSY_TIMEOUT_MS = 5000
    # NORMAL: safe from a crashed process, not from a power cut; FULL: an fsync per commit.
    SQLITE_SYNCHRONOUS = "NORMAL"

    PACKAGES = ("community", "moderation", "social_listen", "escalate")
    HOME_ENDPOINT = "community.home"
    SEARCH_ENDPOINT = "community.search"
    LANGUAGES = ("en", "it")
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = "UTC"
    SITE_NAME = "Peerdesk"

    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_NAME = "remember_token"
    REMEMBER_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_DURATION = timedelta(days=30)
    PERMANENT_SESSION_LIFETIME = timedelta(days=14)
    # Seconds a shared cache (nginx, a CDN) may serve a signed-out page without asking
    # again (app/http_cache.py). 0: it asks every time, and a moderator's decision
    # reaches the next visitor at once.
    PAGE_MAX_AGE = 0
    # Rendered posts and signed-out pages are kept in each worker; with a Redis URL
    # (redis://host:6379/1) they are shared by every worker and node as well. The Redis
    # must be private to the site: what it holds is served as HTML.
    PAGE_CACHE_REDIS_URL: str | None = None
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    # How many reverse proxies stand in front (their X-Forwarded-* headers are trusted):
    # rate limits per IP and https URLs need the client's real address and scheme.
    TRUSTED_PROXIES = 0

    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session

    # Argon2id; OWASP's minimum is 19 MiB, 2 passes. Tests lower these to stay fast.
    PASSWORD_HASH_MEMORY_KIB = 19 * 1024
    PASSWORD_HASH_TIME_COST = 2
    PASSWORD_MIN_LENGTH = 10
    PASSWORD_RESET_MAX_AGE = 3600  # seconds a reset link stays valid

    # Stated, not left to Flask-Limiter: its one Limiter takes a missing value from the
    # last app it was set up for, so an app without limits switched off the next one's.
    RATELIMIT_ENABLED = True
    RATELIMIT_STORAGE_URI = "memory://"
    # If that storage (Redis) stops answering, count in the worker's memory until it is
    # back: limits per worker are looser than shared ones, and better than a 500.
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    # A Redis host that does not answer must not hold a sign-in for the OS's connect
    # timeout (minutes): give up after a quarter of a second and fall back.
    RATELIMIT_STORAGE_OPTIONS = {"socket_timeout": 0.25, "socket_connect_timeout": 0.25}
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_SIGNIN_PER_IP = "10 per minute;60 per hour"
    RATELIMIT_SIGNIN_PER_ACCOUNT = "5 per 15 minutes"
    RATELIMIT_REGISTER_PER_IP = "20 per hour"  # attempts, so typos are counted too
    RATELIMIT_PASSWORD_RESET_PER_IP = "5 per hour"  # noqa: S105 - a limit, not a secret
    RATELIMIT_API = "300 per minute"

    MAIL_BACKEND = "smtp"  # "smtp" sends, "log" writes the message to the log
    MAIL_SERVER = "127.0.0.1"
    MAIL_PORT = 25
    MAIL_USE_TLS = False
    MAIL_USERNAME: str | None = None
    MAIL_PASSWORD: str | None = None
    MAIL_DEFAULT_SENDER = "Peerdesk <no-reply@peerdesk.invalid>"
    MAIL_TIMEOUT = 10

    JOBS_STALE_AFTER_SECONDS = 180

    # "whoosh": an index in the instance folder (one app node). "postgresql": full text in
    # the database itself, shared by every node; needs a PostgreSQL database (see app/search).
    SEARCH_BACKEND = "whoosh"
    SEARCH_INDEX_DIR: str | None = None  # Whoosh's folder; default: instance/search-index

    API_TITLE = "Peerdesk API"
    API_VERSION = "v1"
    OPENAPI_VERSION = "3.1.0"
    OPENAPI_URL_PREFIX = "/api/v1"
    OPENAPI_JSON_PATH = "openapi.json"


class Development:
    BASE_URL = "http://127.0.0.1:5000"
    MAIL_BACKEND = "log"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_SECURE = False


class Testing(Development):
    TESTING = True
    BASE_URL = "http://localhost"
    PASSWORD_HASH_MEMORY_KIB = 1024
    PASSWORD_HASH_TIME_COST = 1


_OVERLAYS: dict[str, type] = {"development": Development, "testing": Testing}


def load(app: Flask, overrides: dict[str, Any] | None) -> None:
    """Fill ``app.config`` in the documented order.

    The environment (``ENV``) picks an overlay of defaults (development sends mail to the
    log, testing hashes passwords cheaply), so the layers are read once to learn ``ENV``
    and then again on top of that overlay: whatever is set explicitly always wins.
    """
    _read_layers(app, Defaults, overrides)
    env = app.config["ENV"]
    if env not in ENVIRONMENTS:
        raise RuntimeError(f"PEERDESK_ENV must be one of {', '.join(ENVIRONMENTS)}, not {env!r}.")
    if env in _OVERLAYS:
        _read_layers(app, _OVERLAYS[env], overrides)
    for name in STRING_SETTINGS:  # PEERDESK_SECRET_KEY=1234... must stay a string
        if app.config.get(name) is not None:
            app.config[name] = str(app.config[name])
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url(app)
    if not app.config.get("SEARCH_INDEX_DIR"):
        app.config["SEARCH_INDEX_DIR"] = str(Path(app.instance_path) / "search-index")
    ensure_secret_key(app)
    ensure_base_url(app)


def _read_layers(app: Flask, defaults: type, overrides: dict[str, Any] | None) -> None:
    app.config.from_object(Defaults)
    app.config.from_object(defaults)
    app.config.from_pyfile("peerdesk.cfg", silent=True)
    app.config.from_prefixed_env("PEERDESK")
    if os.environ.get("DATABASE_URL"):
        app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    app.config.update(overrides or {})


def database_url(app: Flask) -> str:
    """The SQLAlchemy URL; ``postgres://`` URLs (as Heroku-style hosts give) use psycopg 3."""
    url = app.config.get("SQLALCHEMY_DATABASE_URI")
    if not url:
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{Path(app.instance_path) / 'peerdesk.sqlite'}"
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def ensure_secret_key(app: Flask) -> None:
    """Production refuses to start without a secret key; development makes one, once.

    A generated key is written to ``instance/secret_key`` so sessions survive restarts and
    the job runner signs links with the same key as the web server.
    """
    key = app.config.get("SECRET_KEY")
    if key:
        if app.config["ENV"] == "production" and len(key) < MIN_SECRET_LENGTH:
            raise RuntimeError(
                f"SECRET_KEY is too short ({len(key)} characters); production needs at least "
                f"{MIN_SECRET_LENGTH}. Generate one with "
                "python -c 'import secrets; print(secrets.token_hex(32))'."
            )
        return
    if app.config["ENV"] == "production":
        raise RuntimeError(
            "SECRET_KEY is not set. Peerdesk signs sessions, CSRF tokens and password-reset "
            "links with it, so production will not start without one. Set PEERDESK_SECRET_KEY "
            "to a long random value (python -c 'import secrets; print(secrets.token_hex(32))'), "
            "or set PEERDESK_ENV=development to have one generated for local use."
        )
    key_file = Path(app.instance_path) / "secret_key"
    if not key_file.exists():
        _write_once(key_file, secrets.token_hex(32))
    key = key_file.read_text().strip()
    if not key:
        raise RuntimeError(f"{key_file} is empty: delete it and Peerdesk will make a new one.")
    app.config["SECRET_KEY"] = key


def ensure_base_url(app: Flask) -> None:
    if app.config.get("BASE_URL"):
        app.config["BASE_URL"] = app.config["BASE_URL"].rstrip("/")
        return
    raise RuntimeError(
        "BASE_URL is not set. Peerdesk puts it in the links it e-mails (password resets, "
        "notifications) instead of trusting the request's Host header. Set PEERDESK_BASE_URL "
        "to the public address, e.g. https://community.example.com."
    )


def _write_once(path: Path, content: str) -> None:
    """Create ``path`` atomically; if another process won the race, keep its file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f".{path.name}.{os.getpid()}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(content)
    try:
        os.link(draft, path)
    except FileExistsError:
        pass
    finally:
        draft.unlink()
