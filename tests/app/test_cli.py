"""The command line: users, tokens, demo content, jobs."""

from sqlalchemy import func, select

from app.accounts.models import ApiToken, Role, User
from app.demo import DEMO_PASSWORD
from app.extensions import db


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_users_create_with_a_role(app):
    result = app.test_cli_runner().invoke(
        args=["users", "create", "--role", "agent", "--password", "long enough secret",
              "--email", "ann@example.com", "ann"]
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "ann"))
        assert user.role == Role.AGENT


def test_users_create_refuses_a_weak_password_with_the_reason(app):
    result = app.test_cli_runner().invoke(args=["users", "create", "--password", "short", "ann"])
    assert result.exit_code != 0
    assert "at least 10 characters" in result.output
    assert count(app, User) == 0


def test_users_token_prints_a_token_that_works(app, make, client):
    make.user("grace")
    result = app.test_cli_runner().invoke(args=["users", "token", "grace"])
    assert result.exit_code == 0
    token = result.output.strip()
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.get_json()["username"] == "grace"
    assert count(app, ApiToken) == 1


def test_users_token_for_an_unknown_user_fails_clearly(app):
    result = app.test_cli_runner().invoke(args=["users", "token", "nobody"])
    assert result.exit_code != 0 and "No user named 'nobody'" in result.output


def test_demo_seed_creates_one_account_per_role_and_prints_the_logins(app):
    result = app.test_cli_runner().invoke(args=["demo", "seed"])
    assert result.exit_code == 0, result.output
    assert DEMO_PASSWORD in result.output
    with app.app_context():
        roles = set(db.session.scalars(select(User.role)))
    assert roles == set(Role)


def snapshot(app) -> dict:
    """Every table's row count, and the accounts as they are."""
    with app.app_context():
        counts = {table.name: db.session.scalar(select(func.count()).select_from(table))
                  for table in db.metadata.sorted_tables if table.name != "job_leases"}
        users = db.session.scalars(select(User).order_by(User.id))
        return {"counts": counts,
                "users": [(user.id, user.username, user.role, user.password_hash)
                          for user in users]}


def test_demo_seed_twice_changes_nothing(app):
    runner = app.test_cli_runner()
    runner.invoke(args=["demo", "seed"])
    before = snapshot(app)
    second = runner.invoke(args=["demo", "seed"])
    assert "accounts: 0 created" in second.output and "0 threads created" in second.output
    assert snapshot(app) == before
    assert before["counts"]["threads"] >= 150 and before["counts"]["posts"] >= 750


def test_jobs_list_shows_every_job_with_its_reason(app):
    result = app.test_cli_runner().invoke(args=["jobs", "list"])
    assert "heartbeat" in result.output and "/healthz" in result.output


def test_jobs_once_with_an_unknown_name_fails_clearly(app):
    result = app.test_cli_runner().invoke(args=["jobs", "once", "nope"])
    assert result.exit_code != 0 and "flask jobs list" in result.output


def test_demo_seed_refuses_production(app):
    app.config["ENV"] = "production"
    result = app.test_cli_runner().invoke(args=["demo", "seed"])
    assert result.exit_code != 0 and "refuses to run" in result.output
    assert count(app, User) == 0


def test_users_create_refuses_an_invalid_email(app):
    result = app.test_cli_runner().invoke(
        args=["users", "create", "--password", "long enough secret", "--email",
              "not an email", "ann"])
    assert result.exit_code != 0 and "valid e-mail" in result.output
    assert count(app, User) == 0
