"""Errors, answered the way the caller can use them.

Under ``/api/`` (and ``/healthz``) every error is an RFC 9457 problem details document
(``application/problem+json``); everywhere else it is a friendly page in the site's
layout. Neither ever shows a stack trace: a 500 is logged in full, the session is rolled
back so nothing is half-written, and the answer is a plain apology.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, current_app, jsonify, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.http import HTTP_STATUS_CODES

from app.extensions import db

PROBLEM_MIME = "application/problem+json"
API_PREFIX = "/api/"

ERROR_PAGES = {
    400: (_l("Bad request"),
          _l("The request could not be understood. Please go back and try again.")),
    403: (_l("Not allowed"),
          _l("You do not have permission to see this page. If you think you should, "
             "sign in with the right account.")),
    404: (_l("Page not found"),
          _l("There is nothing here. The page may have moved, or the link may be mistyped.")),
    405: (_l("Not allowed here"), _l("This page cannot be used this way.")),
    413: (_l("Too large"), _l("What you sent is larger than we accept.")),
    415: (_l("Unsupported format"), _l("This page cannot read what was sent.")),
    429: (_l("Slow down"),
          _l("Too many attempts in a short time. Please wait a few minutes and try again.")),
    500: (_l("Something went wrong"),
          _l("An error on our side stopped this page. It has been logged, and nothing you "
             "entered was half-saved. Please try again in a moment.")),
}
CSRF_PAGE = (_l("This form has expired"),
             _l("For your safety, forms work only for a while and only from this site. "
                "Go back, reload the page and send it again."))


def init_app(app: Flask) -> None:
    """Register after the API (flask-smorest installs its own HTTPException handler)."""
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(InternalServerError, handle_internal_error)


def wants_problem_json() -> bool:
    return request.path.startswith(API_PREFIX) or request.path == "/healthz"


def problem(status: int, detail: str | None = None, **extra: Any) -> Response:
    """A problem details response; ``extra`` members (e.g. ``errors``) are added as-is."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTP_STATUS_CODES.get(status, "Error"),
        "status": status,
    }
    if detail:
        body["detail"] = detail
    body["instance"] = request.path
    body.update(extra)
    response = jsonify(body)
    response.status_code = status
    response.mimetype = PROBLEM_MIME
    return response


def error_page(status: int, title: str, text: str) -> Response:
    html = render_template("errors/page.html", code=status, title=title, text=text)
    return current_app.make_response((html, status))


def handle_http_exception(error: HTTPException) -> Response:
    if error.code >= 500:
        db.session.rollback()
    if wants_problem_json():
        response = problem(error.code, _detail(error), **_extra_members(error))
    else:
        title, text = ERROR_PAGES.get(error.code, (error.name, error.description))
        response = error_page(error.code, str(title), str(text))
    for name, value in error.get_headers():
        if name.lower() not in ("content-type", "content-length"):
            response.headers[name] = value
    for name, value in ((getattr(error, "data", None) or {}).get("headers") or {}).items():
        response.headers[name] = value
    return response


def handle_csrf_error(error: CSRFError) -> Response:
    title, text = CSRF_PAGE
    return error_page(400, str(title), str(text))


def handle_internal_error(error: InternalServerError) -> Response:
    """Unhandled exceptions arrive here; Flask has already logged the traceback."""
    db.session.rollback()
    if wants_problem_json():
        return problem(500, _("Something went wrong on our side. It has been logged."))
    title, text = ERROR_PAGES[500]
    return error_page(500, str(title), str(text))


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
    # webargs nests errors by location ({"json": {"field": [...]}}); one location is the
    # norm. A field that happens to be called "query" holds a list, not a dict.
    if isinstance(errors, dict) and len(errors) == 1 and next(iter(errors)) in _LOCATIONS \
            and isinstance(next(iter(errors.values())), dict):
        errors = next(iter(errors.values()))
    return {"errors": errors}


_LOCATIONS = {"json", "query", "form", "headers", "files", "path", "view_args", "cookies"}
