"""HTTP API plumbing under ``/api/v1``: the OpenAPI document, Bearer tokens, problem details.

Packages build their endpoints on :func:`blueprint` and protect them with
:func:`token_required`; the document at ``/api/v1/openapi.json`` is generated from their
marshmallow schemas and docstrings, so it cannot drift from what the code accepts.
Every error is answered by ``app.errors`` as RFC 9457 problem details.
"""

from __future__ import annotations

from flask import Flask, current_app, request
from flask_smorest import Api
from flask_smorest import Blueprint as SmorestBlueprint
from werkzeug.exceptions import UnsupportedMediaType

from app.api.auth import BEARER_SCHEME, token_required
from app.api.docs import OperationDocs, no_nul_pattern
from app.api.parser import Parser
from app.api.schemas import ProblemSchema
from app.extensions import csrf, limiter
from app.web import IdConverter

__all__ = ["Blueprint", "api", "blueprint", "token_required"]

PREFIX = "/api/v1"
BODY_METHODS = {"POST", "PUT", "PATCH"}


api = Api(
    spec_kwargs={
        "info": {
            "description": "Peerdesk's HTTP API. Authenticate with `Authorization: Bearer "
            "<token>`; create a token with `flask users token NAME`. Errors are RFC 9457 "
            "problem details (`application/problem+json`).",
        },
        "extra_plugins": [OperationDocs()],
    }
)
api.DEFAULT_ERROR_RESPONSE_NAME = None  # OperationDocs documents problem details instead


class Blueprint(SmorestBlueprint):
    ARGUMENTS_PARSER = Parser()


def blueprint(name: str, import_name: str, description: str) -> Blueprint:
    """A blueprint mounted under ``/api/v1``, rate limited per client and exempt from CSRF
    (the API authenticates with Bearer tokens, never with the session cookie)."""
    bp = Blueprint(name, import_name, url_prefix=PREFIX, description=description)
    csrf.exempt(bp)
    limiter.limit(lambda: current_app.config["RATELIMIT_API"])(bp)
    bp.before_request(_require_json_body)
    return bp


def _require_json_body() -> None:
    """A body the API cannot read is 415, not a confusing 'missing field' 422."""
    if request.method in BODY_METHODS and request.content_length and not request.is_json:
        raise UnsupportedMediaType("Send the request body as JSON (Content-Type: "
                                   "application/json).")


def init_app(app: Flask) -> None:
    from app.api import views

    api.init_app(app)
    api.register_converter(IdConverter, lambda _converter: {"type": "integer", "minimum": 1})
    api.spec.components.security_scheme("bearerAuth", BEARER_SCHEME)
    api.spec.components.schema("Problem", schema=ProblemSchema)
    api.ma_plugin.converter.add_attribute_function(no_nul_pattern)
    api.register_blueprint(views.bp)
