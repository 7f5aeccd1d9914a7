"""Small helpers every view uses: form errors, safe redirects, URLs, the ``id`` converter."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from flask import Flask, Response, abort, current_app, request, send_from_directory, url_for
from flask_wtf import FlaskForm
from werkzeug.exceptions import BadRequest
from werkzeug.routing import BuildError, IntegerConverter


def attach_error(form: FlaskForm, error) -> None:
    """Show a service's refusal next to the field it concerns, or above the form."""
    field = getattr(form, error.field, None) if getattr(error, "field", None) else None
    if field is not None:
        field.errors = [*field.errors, error.message]
    else:
        form.form_errors.append(error.message)


def form_submitted(form: FlaskForm) -> bool:
    """With several prefixed forms on one page, tell which one this POST belongs to."""
    prefix = form._prefix
    return request.method == "POST" and any(key.startswith(prefix) for key in request.form)


def external_url(endpoint: str, **values) -> str:
    """An absolute URL for e-mails, built on ``BASE_URL``, never on the request's Host.
    Works outside requests too (jobs send e-mail)."""
    path = current_app.url_map.bind("peerdesk.invalid").build(endpoint, values)
    return current_app.config["BASE_URL"] + path


def home_url() -> str:
    """The front page. It belongs to whichever package ``HOME_ENDPOINT`` names (the
    community); this layer only knows the setting, so it never imports upward."""
    try:
        return url_for(current_app.config["HOME_ENDPOINT"])
    except BuildError:
        return "/"


def search_url() -> str | None:
    """Where the header's search box goes, or None when no package offers search."""
    try:
        return url_for(current_app.config["SEARCH_ENDPOINT"])
    except BuildError:
        return None


MAX_PAGE = 10_000


def page_number() -> int:
    """``?page=`` as a positive number; a page past any real list is a 404, not an error."""
    raw = request.args.get("page", "1")
    # ASCII digits only: "²" is a digit to str.isdigit() and not a number to int().
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 6) or not 1 <= int(raw) <= MAX_PAGE:
        abort(404)
    return int(raw)


def safe_next_url(target: str | None, default: str | None = None) -> str:
    """``target`` if it stays on this site, else ``default`` (the home page).

    Redirecting to any URL a request names would make Peerdesk an open redirect for
    phishing links, so only same-host http(s) URLs are followed.
    """
    fallback = default or home_url()
    if not target:
        return fallback
    here = urlsplit(request.host_url)
    there = urlsplit(urljoin(request.host_url, target))
    if there.scheme in ("http", "https") and there.netloc == here.netloc:
        return there.path + (f"?{there.query}" if there.query else "")
    return fallback


# Ids are INTEGER columns: 32 bits on PostgreSQL, which refuses a larger number in a
# query with an error, where SQLite would just find nothing.
MAX_ID = 2**31 - 1


def is_id(value: int | None) -> bool:
    return value is not None and 1 <= value <= MAX_ID


class IdConverter(IntegerConverter):
    """``<id:name>``: a positive database id. Numbers past what an id column holds are a
    404, not an error from the database."""

    def __init__(self, url_map, *args, **kwargs) -> None:
        super().__init__(url_map, *args, min=1, max=MAX_ID, **kwargs)


def refuse_nul_characters() -> None:
    """A NUL in the URL or a form field is never text a person typed, and PostgreSQL
    refuses to store or even compare it: every page and endpoint answers 400 instead of
    failing somewhere deeper. (JSON bodies are checked by the API's parser.)"""
    values = [request.path, *(value for _key, values in request.args.lists()
                              for value in [_key, *values])]
    if request.method in ("POST", "PUT", "PATCH") and request.mimetype in FORM_TYPES:
        values += [value for key, items in request.form.lists() for value in [key, *items]]
    if any("\x00" in value for value in values):
        raise BadRequest("The request contains a NUL character (U+0000), which is not text.")


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def favicon() -> Response:
    """Feed readers, bookmarks and browsers showing a bare JSON or XML page ask for
    ``/favicon.ico`` without reading the page's ``<link rel="icon">``: they get the icon."""
    response = send_from_directory(current_app.static_folder, "favicon.svg",
                                   mimetype="image/svg+xml", max_age=86_400)
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


def init_app(app: Flask) -> None:
    app.url_map.converters["id"] = IdConverter
    app.before_request(refuse_nul_characters)
    app.add_url_rule("/favicon.ico", "favicon", favicon)
