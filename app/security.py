"""HTTP security headers on every response.

The Content-Security-Policy allows scripts and styles from this origin only, with no
inline script and no ``eval``: even if sanitizing ever let markup through, injected
script would not run. Frames are refused (click-jacking) and form posts may only go back
to this site.
"""

from __future__ import annotations

from flask import Flask, Response, current_app
from werkzeug.middleware.proxy_fix import ProxyFix

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


def init_app(app: Flask) -> None:
    app.after_request(add_security_headers)
    hops = int(app.config["TRUSTED_PROXIES"])
    if hops:
        # The Host header is not taken from the proxy: links in e-mails use BASE_URL.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)
