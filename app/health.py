"""``GET /healthz``: is the database reachable, and is a job runner alive?

Load balancers read the status code: 200 while the database answers, 503 when it does
not. The job runner's heartbeat is reported in the body ("ok", "stale" or "never") but
does not fail the check, because web nodes can serve pages while the runner restarts.
"""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, current_app, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.clock import rfc3339, utcnow
from app.extensions import csrf, db, limiter
from app.jobs.models import JobLease

bp = Blueprint("health", __name__)


@bp.get("/healthz")
@limiter.exempt
def healthz():
    checks = {"database": _database(), "jobs": _jobs()}
    healthy = checks["database"]["status"] == "ok"
    body = {"status": "ok" if healthy else "unavailable", "checks": checks}
    return jsonify(body), 200 if healthy else 503


def _database() -> dict:
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        db.session.rollback()
        current_app.logger.warning("healthz: database unreachable: %s", error)
        return {"status": "unavailable"}
    return {"status": "ok"}


def _jobs() -> dict:
    try:
        lease = db.session.get(JobLease, "heartbeat")
    except SQLAlchemyError:
        db.session.rollback()
        return {"status": "unknown"}
    if lease is None or lease.finished_at is None:
        return {"status": "never", "last_heartbeat": None}
    age = utcnow() - lease.finished_at
    stale = age > timedelta(seconds=current_app.config["JOBS_STALE_AFTER_SECONDS"])
    return {
        "status": "stale" if stale else "ok",
        "last_heartbeat": rfc3339(lease.finished_at),
        "age_seconds": int(age.total_seconds()),
    }


def init_app(app) -> None:
    csrf.exempt(bp)
    app.register_blueprint(bp)
