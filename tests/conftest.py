"""Fixtures: every test that uses ``app`` runs once on SQLite and once on PostgreSQL.

The PostgreSQL server is a real one, started for the run from the machine's binaries
(``tests/support/postgres.py``); set ``PEERDESK_TEST_POSTGRES_URL`` to use one you run
yourself. Browser tests drive Debian's ``/usr/bin/chromium`` through Playwright; proxy
tests put Debian's nginx in front of the app (``tests/support/nginx.py``), and tests of
several nodes share one Redis, started like PostgreSQL (``tests/support/redis_server.py``).

Where PostgreSQL, Chromium, nginx or Redis is missing, their tests are skipped with the
reason, unless ``PEERDESK_TEST_REQUIRE`` names them (``postgresql,browser,nginx,redis``;
CI sets all): then a missing part fails the run, and so does a run in which none of
their tests passed.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest

from tests.support import postgres, redis_server, smtp

BACKENDS = ("sqlite", "postgresql")
CHROMIUM = os.environ.get("PEERDESK_TEST_CHROMIUM", "/usr/bin/chromium")
REQUIRED = {part.strip() for part in os.environ.get("PEERDESK_TEST_REQUIRE", "").split(",")
            if part.strip()}

# PEERDESK_SHARED_DIR is where the tests find ../shared's data, not a setting of the app.
for _name in [name for name in os.environ if name.startswith("PEERDESK_")
              and not name.startswith("PEERDESK_TEST_")
              and name != "PEERDESK_SHARED_DIR"] + ["DATABASE_URL"]:
    os.environ.pop(_name, None)  # a developer's settings must not leak into the tests
os.environ["PEERDESK_INSTANCE_PATH"] = tempfile.mkdtemp(prefix="peerdesk-test-instance-")


def unavailable(part: str, reason: str):
    """Skip when ``part`` is optional here; fail when the run requires it."""
    if part in REQUIRED:
        pytest.fail(f"{part} is required (PEERDESK_TEST_REQUIRE) but unavailable: {reason}",
                    pytrace=False)
    pytest.skip(f"{part} unavailable: {reason}")


# --- servers for the whole run --------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_server_url():
    if os.environ.get("PEERDESK_TEST_POSTGRES_URL"):
        yield os.environ["PEERDESK_TEST_POSTGRES_URL"]
        return
    try:
        server = postgres.start()
    except postgres.PostgresUnavailable as error:
        unavailable("postgresql", str(error))
    yield server.url()
    server.stop()


@pytest.fixture(scope="session")
def redis_server_url():
    try:
        server = redis_server.start()
    except redis_server.RedisUnavailable as error:
        unavailable("redis", str(error))
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def smtp_server():
    controller, inbox = smtp.start()
    yield controller, inbox
    controller.stop()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request):
    return request.param


@pytest.fixture(scope="session")
def search_backend():
    """The app's ``SEARCH_BACKEND``: Whoosh, unless a test is marked ``EVERY_SEARCH_BACKEND``."""
    return "whoosh"


# Mark a test (or a module, with ``pytestmark``) to run it once per search backend each
# database offers: Whoosh on SQLite and on PostgreSQL, PostgreSQL full text on PostgreSQL.
EVERY_SEARCH_BACKEND = pytest.mark.parametrize(
    ("backend", "search_backend"),
    [("sqlite", "whoosh"), ("postgresql", "whoosh"), ("postgresql", "postgresql")],
    ids=["sqlite-whoosh", "postgresql-whoosh", "postgresql-fts"], scope="session")


@pytest.fixture(scope="session")
def database_url(backend, tmp_path_factory, request):
    """One database per backend for the run, with the schema created once."""
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'peerdesk.sqlite'}"
    else:
        server_url = request.getfixturevalue("postgres_server_url")
        url = postgres.create_database(server_url, "peerdesk_test")
    from app import create_app
    from app.extensions import db

    app = create_app(app_settings(url))
    with app.app_context():
        db.create_all()
        db.engine.dispose()
    return url


def app_settings(url: str, **extra) -> dict:
    """Settings for an app under test; the instance folder is the run's own (see above)."""
    return {
        "ENV": "testing",
        "SECRET_KEY": "test-secret-key",
        "SQLALCHEMY_DATABASE_URI": url,
        "RATELIMIT_STORAGE_URI": "memory://",
        "MAIL_BACKEND": "log",
        "SERVER_NAME": None,
        **extra,
    }


# --- per test -------------------------------------------------------------------------


@pytest.fixture
def app(database_url, smtp_server, tmp_path, search_backend):
    from app import create_app
    from app.extensions import db

    controller, inbox = smtp_server
    inbox.clear()
    app = create_app(
        app_settings(database_url, MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1",
                     MAIL_PORT=controller.port,
                     SEARCH_BACKEND=search_backend,
                     SEARCH_INDEX_DIR=str(tmp_path / "search-index"))
    )
    # No app context stays pushed during the test: requests must get their own, as in
    # production, or Flask-Login's cached user (in ``g``) would leak between requests.
    yield app
    with app.app_context():
        _empty_tables(db)
        db.engine.dispose()


def app_after_import(url: str, search_backend: str, folder: Path, *arguments: str):
    """An app on ``url`` whose database holds what ``flask import stackexchange
    *arguments`` loaded (a module's data set, asked many questions); tables emptied after."""
    from app import create_app
    from app.extensions import db

    app = create_app(app_settings(url, SEARCH_BACKEND=search_backend,
                                  SEARCH_INDEX_DIR=str(folder / "search-index")))
    with app.app_context():
        result = app.test_cli_runner().invoke(args=["import", "stackexchange", *arguments])
        assert result.exit_code == 0, result.output
    yield app
    with app.app_context():
        _empty_tables(db)
        db.engine.dispose()


def _empty_tables(db) -> None:
    tables = list(reversed(db.metadata.sorted_tables))
    with db.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            names = ", ".join(f'"{table.name}"' for table in tables)
            connection.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
        else:  # threads and posts refer to each other: no order deletes both
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            for table in tables:
                connection.execute(table.delete())
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def inbox(smtp_server):
    return smtp_server[1]


@pytest.fixture
def make(app):
    from tests.factories import Factories

    return Factories(app)


# --- CSRF-aware form posting ----------------------------------------------------------

CSRF_INPUT = re.compile(r'<input[^>]*\bname="(?:[\w-]+-)?csrf_token"[^>]*>')
VALUE = re.compile(r'\bvalue="([^"]+)"')


def csrf_token_from(html: str) -> str:
    """The session's CSRF token, from any form on the page (all forms share it)."""
    tag = CSRF_INPUT.search(html)
    assert tag, "the page has no CSRF token"
    return VALUE.search(tag.group(0)).group(1)


BEACON = re.compile(r'<main[^>]*\bdata-journey-beacon="([^"]+)"[^>]*\bdata-journey="([^"]*)"')


def reading(client):
    """GET a page like a browser running its script: the page's journey beacon is sent
    after it, as ``navigator.sendBeacon`` does. Returns the page."""

    def get(url: str, headers: dict | None = None):
        page = client.get(url, headers=headers)
        found = BEACON.search(page.get_data(as_text=True))
        if found:
            beacon_url, data = (html.unescape(part) for part in found.groups())
            client.post(beacon_url, data=data, content_type="application/x-www-form-urlencoded",
                        headers={"Sec-Fetch-Site": "same-origin", **(headers or {})}).close()
        return page

    return get


@pytest.fixture
def read(client):
    return reading(client)


@pytest.fixture
def post_form(client):
    """POST like a browser: fetch the form page, copy its CSRF token (a form signed-out
    visitors share has none: see ``app.security.form_for_everyone``), send the fields."""

    def post(url: str, data: dict, *, form_page: str | None = None, prefix: str = "",
             follow_redirects: bool = False):
        html = reading(client)(form_page or url).get_data(as_text=True)
        token = CSRF_INPUT.search(html) and csrf_token_from(html)
        fields = {**data, **({f"{prefix}csrf_token": token} if token else {})}
        return client.post(url, data=fields, follow_redirects=follow_redirects,
                           headers={"Sec-Fetch-Site": "same-origin"})

    return post


# --- browser --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        unavailable("browser", f"{CHROMIUM} not found; install Debian's 'chromium' package")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        unavailable("browser", f"playwright is not installed: {error}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture
def live_server(app):
    from tests.support.live_server import LiveServer

    with LiveServer(app) as server:
        yield server


@pytest.fixture
def proxied(live_server):
    """nginx, configured as docs/nginx/peerdesk.conf ships, in front of the live app."""
    from tests.support.nginx import Nginx, NginxUnavailable

    try:
        with Nginx([live_server.url.removeprefix("http://")]) as proxy:
            yield proxy
    except NginxUnavailable as error:
        unavailable("nginx", str(error))


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


# --- the run's summary: what ran against which real part ------------------------------

_outcomes: Counter = Counter()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    params = getattr(getattr(item, "callspec", None), "params", {})
    parts = [params["backend"]] if "backend" in params else []
    for part in ("postgresql", "browser", "nginx", "redis"):
        if item.get_closest_marker(part) and part not in parts:
            parts.append(part)
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        for part in parts or ["no database"]:
            _outcomes[(part, report.outcome)] += 1
    return report


def pytest_collection_modifyitems(items):
    for item in items:
        if "chromium" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
        if "proxied" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.nginx)
        if "redis_server_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.redis)


def pytest_terminal_summary(terminalreporter):
    terminalreporter.section("Peerdesk: tests by real part")
    for part in ("sqlite", "postgresql", "browser", "nginx", "redis", "no database"):
        counts = {outcome: _outcomes[(part, outcome)] for outcome in ("passed", "failed",
                                                                       "skipped")}
        terminalreporter.write_line(
            f"{part:<12} {counts['passed']} passed, {counts['failed']} failed, "
            f"{counts['skipped']} skipped"
        )


def pytest_sessionfinish(session, exitstatus):
    for part in REQUIRED:
        if _outcomes[(part, "passed")] == 0 and session.testscollected:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
            print(f"\nPEERDESK_TEST_REQUIRE names {part}, but no test passed against it.")
