"""What the OpenAPI document says beyond the schemas: security, error responses, links.

Every error is an RFC 9457 document sent as ``application/problem+json`` (``app.errors``),
so the document says so for every operation: :class:`ProblemResponses` adds the errors any
operation can give (a malformed request, a body too large or not JSON, too many requests)
and makes problem details the default response; :func:`problems` adds the ones particular
to an endpoint. A NUL character is refused in every string (``app.web``, ``parser``), and
:func:`no_nul_pattern` says so too, so a client generated from the document never sends one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from apispec import BasePlugin
from flask_smorest import Blueprint
from marshmallow import fields

from app.api.schemas import ProblemSchema

ERROR_DESCRIPTIONS = {
    400: "The request is malformed.",
    401: "No token, or an unknown or revoked one.",
    403: "The token's user may not do this.",
    404: "No such object.",
    409: "The request conflicts with the current state.",
    413: "The request body is too large.",
    415: "The request body is not JSON.",
    422: "The body or parameters did not validate; `errors` says why, by field.",
    429: "Too many requests; `Retry-After` says when to try again.",
}


PROBLEM_MIME = "application/problem+json"
BODY_METHODS = ("post", "put", "patch")
NO_NUL = "^[^\\u0000]*$"


def problem_response(status: int | str) -> dict:
    description = ERROR_DESCRIPTIONS.get(status, "A problem details document (RFC 9457).")
    return {"description": description,
            "content": {PROBLEM_MIME: {"schema": {"$ref": "#/components/schemas/Problem"}}}}


class OperationDocs(BasePlugin):
    """Gives every operation an ``operationId`` (its method and view: ``getThreadDetail``),
    which links and generated clients name it by, and the problem details responses any
    request can get."""

    def operation_helper(self, path: str | None = None, operations: dict | None = None,
                         **kwargs: Any) -> None:
        view = kwargs["rule"].endpoint.rpartition(".")[2]
        for method, operation in (operations or {}).items():
            operation.setdefault("operationId", f"{method}{view}")
            responses = operation.setdefault("responses", {})
            documented = {str(status) for status in responses}
            for status in (400, 429, *((413, 415) if method in BODY_METHODS else ())):
                if str(status) not in documented:
                    responses[str(status)] = problem_response(status)
            responses["default"] = problem_response("default")


def links(bp: Blueprint, status: int, **targets: dict[str, str]) -> Callable:
    """Document where the ids in this operation's ``status`` response lead, so a client
    (or a fuzzer) can follow them: ``targets`` maps an operationId to {its parameter: the
    JSON pointer of the value in the response body}."""
    return bp.doc(responses={status: {"links": {
        operation_id: {"operationId": operation_id,
                       "parameters": {name: f"$response.body#{pointer}"
                                      for name, pointer in parameters.items()}}
        for operation_id, parameters in targets.items()}}})


def no_nul_pattern(self, field: fields.Field, ret: dict, **kwargs: Any) -> dict:
    """An attribute function of apispec's marshmallow converter: text a client may send
    holds no NUL (what Peerdesk sends back is documented as it is)."""
    plain_text = isinstance(field, fields.String) and not field.dump_only
    if plain_text and not {"pattern", "enum", "format"} & ret.keys():
        return {"pattern": NO_NUL}
    return {}


def problems(bp: Blueprint, *statuses: int) -> Callable:
    """Document ``statuses`` as problem details responses."""

    def decorate(view: Callable) -> Callable:
        for status in statuses:
            view = bp.alt_response(
                status,
                schema=ProblemSchema,
                description=ERROR_DESCRIPTIONS[status],
                content_type="application/problem+json",
            )(view)
        return view

    return decorate


def authenticated(bp: Blueprint, *statuses: int) -> Callable:
    """Document Bearer authentication and the errors every authenticated endpoint can give."""

    def decorate(view: Callable) -> Callable:
        view = problems(bp, 401, 429, *statuses)(view)
        return bp.doc(security=[{"bearerAuth": []}])(view)

    return decorate
