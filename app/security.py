"""HTTP security headers on every response.

The Content-Security-Policy allows scripts and styles from this origin only, with no
inline script and no ``eval``: even if sanitizing ever let markup through, injected
script would not run. Frames are refused (click-jacking) and form posts may only go back
to this site.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import Flask, Response, abort, current_app, request
from flask_login import current_user
from werkzeug.middleware.proxy_fix import ProxyFix

from app.extensions import csrf

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: https:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

HSTS = "max-age=31536000; includeSubDomains"
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def add_security_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if response.mimetype == "text/html":
        # Pages can show private data (notifications, staff views): never cache them shared.
        response.headers.setdefault("Cache-Control", "private, no-cache")
    if current_app.config["SESSION_COOKIE_SECURE"]:  # served over HTTPS: keep it that way
        response.headers.setdefault("Strict-Transport-Security", HSTS)
    return response


def from_this_site() -> bool:
    """Whether a browser says this request was made by one of this site's pages: for
    requests that carry no CSRF token because they change nothing of a signed-in member
    (a signed-out reader's beacon). Fetch metadata first, then ``Origin``; a client that
    sends neither (not a browser) is let through."""
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = request.headers.get("Origin")
    return origin is None or origin == request.host_url.rstrip("/")


def form_for_everyone(view: Callable) -> Callable:
    """For a form on a page every signed-out visitor shares (an article's "was this
    helpful?"): a member's post is checked against the CSRF token as usual; a signed-out
    visitor's carries none (making one would give the page a session cookie) and is checked
    with :func:`from_this_site` instead. Render the form with :func:`csrf_for_visitor`."""

    @wraps(view)
    def checked(*args, **kwargs):
        if current_user.is_authenticated:
            csrf.protect()
        elif not from_this_site():
            abort(403)
        return view(*args, **kwargs)

    return csrf.exempt(checked)


def csrf_for_visitor() -> dict:
    """A form's ``meta`` for :func:`form_for_everyone`: a CSRF token for members only."""
    return {"csrf": bool(current_user.is_authenticated)}


def init_app(app: Flask) -> None:
    app.after_request(add_security_headers)
    hops = int(app.config["TRUSTED_PROXIES"])
    if hops:
        # The Host header is not taken from the proxy: links in e-mails use BASE_URL.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)
