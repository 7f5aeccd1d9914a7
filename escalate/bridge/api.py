"""The bridge's API: admins keep the webhook endpoints and read their deliveries; the
helpdesk sends its changes to ``POST /api/v1/helpdesk/events`` (signed, no token)."""

from __future__ import annotations

import json

from flask import Flask, request
from flask.views import MethodView
from flask_smorest import abort as api_abort
from marshmallow import ValidationError

from app.api import api, blueprint, token_required
from app.api.auth import current_api_user
from app.api.docs import authenticated, links, problems
from app.extensions import db
from app.permissions import can
from escalate import work
from escalate.bridge import delivery, endpoints, inbound
from escalate.bridge.models import OutboxMessage
from escalate.bridge.schemas import (
    DeliveryPageSchema,
    DeliveryQuerySchema,
    DeliverySchema,
    EndpointPatchSchema,
    EndpointSchema,
    InboundSchema,
)
from escalate.schemas import CaseDetailSchema
from escalate.services import EscalationError

bp = blueprint("webhooks_api", __name__,
               description="The external helpdesk bridge: webhook endpoints, deliveries, "
                           "and the helpdesk's signed changes.")


def init_app(app: Flask) -> None:
    api.register_blueprint(bp)


def _admin():
    user = current_api_user()
    if not can(user, "webhooks.manage"):
        api_abort(403, message="Only admins manage webhooks.")
    return user


def _fields(data: dict) -> endpoints.Fields:
    return endpoints.Fields(url=data.get("url"), secret=data.get("secret"),
                            events=data.get("events", data.get("event_list")),
                            active=data.get("active"))


@bp.route("/webhooks")
class Endpoints(MethodView):
    decorators = [token_required]

    @authenticated(bp, 403)
    @bp.response(200, EndpointSchema(many=True))
    def get(self):
        """Every webhook endpoint (admins); secrets are never shown, only their end."""
        _admin()
        return endpoints.all_endpoints()

    @authenticated(bp, 403, 422)
    @bp.arguments(EndpointSchema)
    @links(bp, 201, patchEndpoint={"endpoint_id": "/id"}, deleteEndpoint={"endpoint_id": "/id"},
               getDeliveries={"endpoint_id": "/id"})
    @bp.response(201, EndpointSchema)
    def post(self, data):
        """Add an endpoint: its URL, the secret that signs what it receives, its events."""
        try:
            return endpoints.add(_admin(), _fields(data))
        except EscalationError as error:
            api_abort(error.status, message=error.message)


@bp.route("/webhooks/<id:endpoint_id>")
class Endpoint(MethodView):
    decorators = [token_required]

    @authenticated(bp, 403, 404, 409, 422)
    @bp.arguments(EndpointPatchSchema)
    @bp.response(200, EndpointSchema)
    def patch(self, data, endpoint_id: int):
        """Change an endpoint (not the one from the settings)."""
        try:
            return endpoints.change(_admin(), endpoint_id, _fields(data))
        except EscalationError as error:
            api_abort(error.status, message=error.message)

    @authenticated(bp, 403, 404, 409)
    @bp.response(204)
    def delete(self, endpoint_id: int):
        """Remove an endpoint and its waiting deliveries."""
        try:
            endpoints.remove(_admin(), endpoint_id)
        except EscalationError as error:
            api_abort(error.status, message=error.message)


@bp.route("/webhooks/<id:endpoint_id>/deliveries")
class Deliveries(MethodView):
    decorators = [token_required]

    @authenticated(bp, 403, 422)
    @bp.arguments(DeliveryQuerySchema, location="query")
    @links(bp, 200, postSendAgain={"delivery_id": "/items/0/id"})
    @bp.response(200, DeliveryPageSchema)
    def get(self, args, endpoint_id: int):
        """An endpoint's deliveries, newest first: pending, delivered or given up, with
        their attempts and last error."""
        _admin()
        page = db.paginate(endpoints.deliveries(endpoint_id, args["status"]),
                           page=args["page"], per_page=args["per_page"], error_out=False)
        return {"items": page.items, "page": page.page, "per_page": page.per_page,
                "total": page.total}


@bp.route("/webhooks/deliveries/<id:delivery_id>/send-again")
class SendAgain(MethodView):
    decorators = [token_required]

    @authenticated(bp, 403, 404, 409)
    @bp.response(200, DeliverySchema)
    def post(self, delivery_id: int):
        """Send a given-up delivery again: pending now, its attempts from zero; the case's
        later events follow it, in order."""
        _admin()
        if db.session.get(OutboxMessage, delivery_id) is None:
            api_abort(404, message="No delivery with this id.")
        message = delivery.send_again(delivery_id)
        if message is None:
            api_abort(409, message="Only a delivery that was given up can be sent again.")
        return message


@bp.route("/helpdesk/events")
class HelpdeskEvents(MethodView):
    @problems(bp, 400, 401, 403, 404, 409, 422, 429)
    @bp.doc(parameters=[{"in": "header", "name": "Peerdesk-Signature", "required": True,
                         "schema": {"type": "string"},
                         "description": "t=<unix seconds>,v1=<hex HMAC-SHA256 of "
                                        "\"<t>.<body>\"> with the shared secret."}],
            requestBody={"required": True, "content": {
                "application/json": {"schema": InboundSchema}}})
    @bp.response(200, CaseDetailSchema)
    def post(self):
        """The helpdesk changes a case or replies on it, signed with the shared secret;
        a forged, stale or replayed request is refused."""
        body = request.get_data()
        try:
            inbound.authenticate(body, request.headers.get("Peerdesk-Signature"))
            data = InboundSchema().load(_json(body))
            case = inbound.apply(inbound.Request(
                event_id=data["id"], case_id=data["case_id"], agent=data["agent"],
                changes=work.Changes(status=data.get("status"),
                                     priority=data.get("priority"), tags=data.get("tags")),
                reply_body=data.get("reply", {}).get("body"),
                reply_kind=data.get("reply", {}).get("kind", "public")))
        except EscalationError as error:
            api_abort(error.status, message=error.message)
        except ValidationError as error:
            api_abort(422, errors=error.messages)
        case.shown_events = case.events
        return case


def _json(body: bytes):
    try:
        return json.loads(body or b"null")
    except ValueError:
        api_abort(400, message="The body is not JSON.")
