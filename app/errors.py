"""Errors, answered the way the caller can use them.

Under ``/api/`` every error is an RFC 9457 problem details document
(``application/problem+json``); everywhere else it is a friendly HTML page in the
site's layout. Neither ever shows a stack trace: a 500 is logged in full and answered
with a plain apology.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, current_app, jsonify, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.http import HTTP_STATUS_CODES

from app.extensions import db

PROBLEM_MIME = "application/problem+json"
API_PREFIX = "/api/"
HTML_PAGES = {400, 403, 404, 405, 413, 429, 500}


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(InternalServerError, handle_internal_error)


def wants_problem_json() -> bool:
    return request.path.startswith(API_PREFIX) or request.path == "/healthz"


def problem(status: int, detail: str | None = None, **extra: Any) -> Response:
    """A problem details response; ``extra`` members (e.g. ``errors``) are added as-is."""
    title = HTTP_STATUS_CODES.get(status, "Error")
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    body["instance"] = request.path
    body.update(extra)
    response = jsonify(body)
    response.status_code = status
    response.mimetype = PROBLEM_MIME
    return response


def handle_http_exception(error: HTTPException) -> Response | HTTPException:
    if error.code is None:  # a RequestRedirect and friends: not an error
        return error
    if error.code >= 500:
        db.session.rollback()
    if wants_problem_json():
        response = problem(error.code, _detail(error), **_extra_members(error))
    elif error.code in HTML_PAGES:
        response = current_app.make_response(
            (render_template(f"errors/{error.code}.html", error=error), error.code)
        )
    else:
        response = current_app.make_response(
            (render_template("errors/generic.html", error=error), error.code)
        )
    for name, value in error.get_headers():
        if name.lower() not in ("content-type", "content-length"):
            response.headers[name] = value
    for name, value in ((getattr(error, "data", None) or {}).get("headers") or {}).items():
        response.headers[name] = value
    return response


def handle_internal_error(error: InternalServerError) -> Response:
    """Unhandled exceptions arrive here; Flask has already logged the traceback."""
    db.session.rollback()
    if wants_problem_json():
        return problem(500, _("Something went wrong on our side. It has been logged."))
    return current_app.make_response((render_template("errors/500.html", error=error), 500))


def _detail(error: HTTPException) -> str | None:
    data = getattr(error, "data", None) or {}
    if "message" in data:
        return str(data["message"])
    if error.code == 422:
        return _("The request body or parameters did not validate.")
    if error.code == 429:
        return _("Too many requests: %(limit)s. Try again later.", limit=error.description)
    return error.description


def _extra_members(error: HTTPException) -> dict[str, Any]:
    data = getattr(error, "data", None) or {}
    errors = data.get("errors") or data.get("messages")
    if not errors:
        return {}
    # webargs nests errors by location ({"json": {"field": [...]}}); one location is the norm.
    if isinstance(errors, dict) and len(errors) == 1 and next(iter(errors)) in _LOCATIONS:
        errors = next(iter(errors.values()))
    return {"errors": errors}


_LOCATIONS = {"json", "query", "form", "headers", "files", "path", "view_args", "cookies"}
