"""API authentication: Bearer tokens, answered with RFC 9457 problem details."""

from app.accounts.models import Role

PROBLEM = "application/problem+json"


def put_role(client, token: str, user_id: int, role: str):
    return client.put(f"/api/v1/users/{user_id}/role", json={"role": role},
                      headers={"Authorization": f"Bearer {token}"})


def test_no_token_is_401_problem_details(client):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.mimetype == PROBLEM
    body = response.get_json()
    assert body["status"] == 401 and body["title"] == "Unauthorized"
    assert body["instance"] == "/api/v1/me"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_bad_token_is_401_problem_details(client):
    response = client.get("/api/v1/me", headers={"Authorization": "Bearer pd_not-a-token"})
    assert response.status_code == 401
    assert response.mimetype == PROBLEM
    assert "unknown" in response.get_json()["detail"]


def test_wrong_scheme_is_401(client, make):
    token = make.api_token(make.user("grace"))
    response = client.get("/api/v1/me", headers={"Authorization": f"Basic {token}"})
    assert response.status_code == 401


def test_valid_token_identifies_the_user(client, make):
    token = make.api_token(make.user("grace"))
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.get_json()["username"] == "grace"
    assert response.get_json()["role"] == "member"


def test_token_of_a_deactivated_user_is_refused(client, make):
    token = make.api_token(make.user("grace", is_active=False))
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_tokens_are_stored_hashed(app, make):
    from sqlalchemy import select

    from app.accounts.models import ApiToken
    from app.extensions import db

    token = make.api_token(make.user("grace"))
    with app.app_context():
        stored = db.session.scalars(select(ApiToken.token_hash)).all()
    assert token not in stored and len(stored) == 1


def test_session_cookie_does_not_authenticate_the_api(client, make, post_form):
    make.user("grace")
    post_form("/sign-in", {"login": "grace", "password": "correct horse battery"})
    assert client.get("/api/v1/me").status_code == 401


def test_member_cannot_change_roles_through_the_api(client, make):
    grace = make.user("grace")
    token = make.api_token(grace)
    response = put_role(client, token, grace.id, "admin")
    assert response.status_code == 403
    assert response.mimetype == PROBLEM
    assert make.reload(grace).role == Role.MEMBER


def test_admin_changes_a_role_through_the_api(client, make):
    token = make.api_token(make.admin("boss"))
    grace = make.user("grace")
    response = put_role(client, token, grace.id, "agent")
    assert response.status_code == 200
    assert response.get_json()["role"] == "agent"
    assert make.reload(grace).role == Role.AGENT


def test_invalid_role_is_422_with_field_errors(client, make):
    token = make.api_token(make.admin("boss"))
    grace = make.user("grace")
    response = put_role(client, token, grace.id, "overlord")
    assert response.status_code == 422
    assert response.mimetype == PROBLEM
    assert "role" in response.get_json()["errors"]


def test_last_admin_demotion_is_409(client, make):
    boss = make.admin("boss")
    token = make.api_token(boss)
    response = put_role(client, token, boss.id, "member")
    assert response.status_code == 409
    assert "at least one admin" in response.get_json()["detail"]


def test_unknown_user_is_404_problem(client, make):
    token = make.api_token(make.admin("boss"))
    response = put_role(client, token, 999999, "agent")
    assert response.status_code == 404
    assert response.mimetype == PROBLEM
