"""Every API error is problem details, never HTML and never a stack trace."""

import re

import pytest
from flask import Blueprint

PROBLEM = "application/problem+json"


@pytest.fixture
def auth(make):
    return {"Authorization": f"Bearer {make.api_token(make.admin('boss'))}"}


def test_unknown_api_path_is_404_problem(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.mimetype == PROBLEM


def test_wrong_method_is_405_problem(client):
    response = client.delete("/api/v1/me")
    assert response.status_code == 405
    assert response.mimetype == PROBLEM
    assert "GET" in response.headers["Allow"]


def test_malformed_json_is_400_problem(client, auth, make):
    grace = make.user("grace")
    response = client.put(f"/api/v1/users/{grace.id}/role", data="{not json",
                          headers={**auth, "Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.mimetype == PROBLEM


def test_body_that_is_not_json_is_415_problem(client, auth, make):
    grace = make.user("grace")
    response = client.put(f"/api/v1/users/{grace.id}/role", data="role=agent",
                          headers={**auth, "Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 415
    assert response.mimetype == PROBLEM
    assert "JSON" in response.get_json()["detail"]


def test_id_past_64_bits_is_404_not_500(client, auth):
    response = client.put("/api/v1/users/99999999999999999999/role", json={"role": "agent"},
                          headers=auth)
    assert response.status_code == 404
    assert response.mimetype == PROBLEM


def test_oversized_body_is_413_problem(app, client, auth, make):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    grace = make.user("grace")
    response = client.put(f"/api/v1/users/{grace.id}/role", data="x" * 4096,
                          headers={**auth, "Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.mimetype == PROBLEM


def test_rate_limit_is_429_problem_with_retry_after(app, client, make):
    app.config["RATELIMIT_API"] = "2 per minute"
    for _ in range(2):
        client.get("/api/v1/me")
    response = client.get("/api/v1/me")
    assert response.status_code == 429
    assert response.mimetype == PROBLEM
    assert int(response.headers["Retry-After"]) > 0


def test_unexpected_error_is_500_problem_without_traceback(database_url, tmp_path):
    from app import create_app
    from tests.conftest import app_settings

    app = create_app(app_settings(database_url, PROPAGATE_EXCEPTIONS=False))
    broken = Blueprint("broken", __name__)

    @broken.get("/api/v1/broken")
    def boom():
        raise RuntimeError("secret internals")

    app.register_blueprint(broken)
    response = app.test_client().get("/api/v1/broken")
    assert response.status_code == 500
    assert response.mimetype == PROBLEM
    text = response.get_data(as_text=True)
    assert "secret internals" not in text and "Traceback" not in text


def test_html_pages_keep_html_errors(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "Page not found" in response.get_data(as_text=True)


# --- hostile bodies on every JSON endpoint ------------------------------------------------

HOSTILE_BODIES = {
    "nested 2,000 deep": '{"a": ' + "[" * 2000 + "]" * 2000 + "}",
    "a lone surrogate": '{"title": "\\ud800", "body": "\\udfff", "role": "\\ud800"}',
    "a NUL character": '{"title": "a\\u0000b", "body": "a\\u0000b", "role": "a\\u0000"}',
}


def json_operations(client):
    """(method, path) of every operation in the OpenAPI document that takes a JSON body,
    with path parameters filled with 1: endpoints added later are covered too."""
    spec = client.get("/api/v1/openapi.json").get_json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if method not in ("post", "put", "patch"):
                continue
            if "application/json" in operation.get("requestBody", {}).get("content", {}):
                yield method.upper(), re.sub(r"\{[^}]+\}", "1", path)


@pytest.mark.parametrize("kind", HOSTILE_BODIES)
def test_every_json_endpoint_answers_hostile_bodies_with_400_or_422(client, auth, make, kind):
    make.user("grace")
    operations = list(json_operations(client))
    assert len(operations) >= 4
    for method, path in operations:
        response = client.open(path, method=method, data=HOSTILE_BODIES[kind],
                               headers={**auth, "Content-Type": "application/json"})
        assert response.status_code in (400, 404, 422), (method, path, response.status_code)
        assert response.mimetype == PROBLEM


@pytest.mark.parametrize("path", ["/api/v1/search?q=a%00b", "/api/v1/threads?category=a%00",
                                  "/search?q=a%00b", "/c/a%00b", "/t/1/a%00b", "/kb?q=%00"])
def test_a_nul_in_a_url_is_400_not_a_server_error(client, auth, path):
    response = client.get(path, headers=auth)
    assert response.status_code in (400, 404)
