"""HTTP API plumbing under ``/api/v1``: the OpenAPI document, Bearer tokens, problem details.

Packages build their endpoints on :func:`blueprint` and protect them with
:func:`token_required`; the document at ``/api/v1/openapi.json`` is generated from their
marshmallow schemas and docstrings, so it cannot drift from what the code accepts.
Every error is answered by ``app.errors`` as RFC 9457 problem details.
"""

from __future__ import annotations

from flask import Flask, current_app
from flask_smorest import Api as _SmorestApi
from flask_smorest import Blueprint

from app.api.auth import BEARER_SCHEME, token_required
from app.api.schemas import ProblemSchema
from app.extensions import csrf, limiter

__all__ = ["Blueprint", "api", "blueprint", "token_required"]

PREFIX = "/api/v1"


class Api(_SmorestApi):
    """flask-smorest, answering errors with Peerdesk's own handler (problem details)."""

    def handle_http_exception(self, error):
        from app.errors import handle_http_exception

        return handle_http_exception(error)


api = Api(
    spec_kwargs={
        "info": {
            "description": "Peerdesk's HTTP API. Authenticate with `Authorization: Bearer "
            "<token>`; create a token with `flask users token NAME`. Errors are RFC 9457 "
            "problem details (`application/problem+json`).",
        },
    }
)


def blueprint(name: str, import_name: str, description: str) -> Blueprint:
    """A blueprint mounted under ``/api/v1``, rate limited per client and exempt from CSRF
    (the API authenticates with Bearer tokens, never with the session cookie)."""
    bp = Blueprint(name, import_name, url_prefix=PREFIX, description=description)
    csrf.exempt(bp)
    limiter.limit(lambda: current_app.config["RATELIMIT_API"])(bp)
    return bp


def init_app(app: Flask) -> None:
    from app.api import views

    api.init_app(app)
    api.spec.components.security_scheme("bearerAuth", BEARER_SCHEME)
    api.spec.components.schema("Problem", schema=ProblemSchema)
    api.register_blueprint(views.bp)
