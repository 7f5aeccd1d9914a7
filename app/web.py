"""Small helpers every HTML view uses: form errors, safe redirects, which form was sent."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from flask import request, url_for
from flask_wtf import FlaskForm


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


def safe_next_url(target: str | None, default: str | None = None) -> str:
    """``target`` if it stays on this site, else ``default`` (the home page).

    Redirecting to any URL a request names would make Peerdesk an open redirect for
    phishing links, so only same-host http(s) URLs are followed.
    """
    fallback = default or url_for("community.home")
    if not target:
        return fallback
    here = urlsplit(request.host_url)
    there = urlsplit(urljoin(request.host_url, target))
    if there.scheme in ("http", "https") and there.netloc == here.netloc:
        return there.path + (f"?{there.query}" if there.query else "")
    return fallback
