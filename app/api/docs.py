"""Decorators that put an endpoint's security and error responses in the OpenAPI document."""

from __future__ import annotations

from collections.abc import Callable

from flask_smorest import Blueprint

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
