"""/healthz: database reachability and the job runner's heartbeat."""

from datetime import timedelta

from app.clock import utcnow
from app.extensions import db
from app.jobs.models import JobLease


def test_healthy_database_and_no_runner_yet(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["jobs"]["status"] == "never"


def test_recent_heartbeat_is_ok(app, client):
    with app.app_context():
        db.session.add(JobLease(name="heartbeat", finished_at=utcnow()))
        db.session.commit()
    assert client.get("/healthz").get_json()["checks"]["jobs"]["status"] == "ok"


def test_old_heartbeat_is_stale(app, client):
    with app.app_context():
        db.session.add(JobLease(name="heartbeat", finished_at=utcnow() - timedelta(hours=1)))
        db.session.commit()
    assert client.get("/healthz").get_json()["checks"]["jobs"]["status"] == "stale"


def test_unreachable_database_is_503(tmp_path):
    from app import create_app
    from tests.conftest import app_settings

    url = "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=1"
    app = create_app(app_settings(url))
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["checks"]["database"]["status"] == "unavailable"
