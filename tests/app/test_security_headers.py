"""Security headers and cookie flags on every page."""

from html.parser import HTMLParser

import pytest

from app import create_app
from tests.conftest import app_settings
from tests.factories import PASSWORD


def test_pages_carry_a_strict_csp_without_inline_script(client):
    csp = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp


class ScriptFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inline: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not attributes.get("src"):
            self.inline.append("<script> without src")
        self.inline += [f"{tag} {name}" for name in attributes if name.startswith("on")]


@pytest.mark.parametrize("path", ["/", "/sign-in", "/register", "/password/forgot", "/nope"])
def test_pages_have_no_inline_script_or_handlers(client, path):
    finder = ScriptFinder()
    finder.feed(client.get(path).get_data(as_text=True))
    assert finder.inline == []


def test_anonymous_pages_set_no_cookie(client):
    """Anonymous pages carry no form token, so they can be cached and shared."""
    assert "Set-Cookie" not in client.get("/").headers


def test_other_security_headers(client):
    headers = client.get("/").headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"


def test_session_cookie_is_http_only_and_lax(make, client, post_form):
    make.user("grace")
    post_form("/sign-in", {"login": "grace", "password": PASSWORD})
    cookie = client.get_cookie("session")
    assert cookie.http_only and cookie.same_site == "Lax"


def test_production_cookies_are_secure_and_hsts_is_sent(database_url, tmp_path):
    app = create_app({**app_settings(database_url), "ENV": "production",
                      "SECRET_KEY": "x" * 40, "BASE_URL": "https://community.example.com"})
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    response = app.test_client().get("/")
    assert "max-age" in response.headers["Strict-Transport-Security"]


def test_static_files_are_served_locally(client):
    html = client.get("/").get_data(as_text=True)
    assert "/static/css/peerdesk.css" in html and "/static/js/peerdesk.js" in html
    assert "cdn" not in html.lower()
    assert client.get("/static/css/peerdesk.css").status_code == 200


def test_behind_a_trusted_proxy_the_client_address_is_used(database_url, tmp_path):
    from tests.conftest import csrf_token_from

    proxied = create_app({**app_settings(database_url), "TRUSTED_PROXIES": 1,
                          "RATELIMIT_SIGNIN_PER_IP": "1 per minute"})
    client = proxied.test_client()
    token = csrf_token_from(client.get("/sign-in").get_data(as_text=True))
    attempt = {"csrf_token": token, "login": "nobody", "password": "wrong password"}
    for address, expected in (("203.0.113.1", 200), ("203.0.113.1", 429), ("203.0.113.2", 200)):
        response = client.post("/sign-in", data=attempt, headers={"X-Forwarded-For": address})
        assert response.status_code == expected
