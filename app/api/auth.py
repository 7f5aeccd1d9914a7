"""Bearer-token authentication for the API. Tokens are looked up by their SHA-256."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import g, request
from werkzeug.exceptions import Unauthorized

from app.accounts import services

BEARER_SCHEME = {"type": "http", "scheme": "bearer", "description": "A Peerdesk API token."}


class BearerUnauthorized(Unauthorized):
    def get_headers(self, environ=None, scope=None):
        return [*super().get_headers(environ, scope), ("WWW-Authenticate", 'Bearer realm="api"')]


def current_api_user():
    """The user the request's token belongs to, or ``None``."""
    if "api_user" not in g:
        g.api_user = _authenticate()
    return g.api_user


def _authenticate():
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return services.user_for_api_token(token.strip())


def token_required(view: Callable) -> Callable:
    """Refuse the request with 401 problem details unless it carries a valid token."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if request.headers.get("Authorization") is None:
            raise BearerUnauthorized("This endpoint needs an 'Authorization: Bearer' token.")
        if current_api_user() is None:
            raise BearerUnauthorized("The token is unknown, revoked, or malformed.")
        return view(*args, **kwargs)

    return wrapper
