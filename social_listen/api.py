"""Social listening's API: rules (admins), polling a rule now, the mentions heard."""

from __future__ import annotations

from flask import Flask, abort
from flask.views import MethodView
from flask_smorest import abort as api_abort

from app.api import api, blueprint, token_required
from app.api.auth import current_api_user
from app.api.docs import authenticated, links
from app.extensions import db
from app.permissions import require
from social_listen import auto_import, polling, queries, services
from social_listen.errors import ListeningError
from social_listen.models import ListeningRule
from social_listen.schemas import (
    ListeningRuleInputSchema,
    ListeningRuleSchema,
    MentionPageSchema,
    MentionQuerySchema,
    PollResultSchema,
)

bp = blueprint("listening_api", __name__, description="Listening rules and mentions.")


def init_app(app: Flask) -> None:
    api.register_blueprint(bp)


def refuse(error: ListeningError):
    extra = {"errors": {error.field: [error.message]}} if error.field else {}
    api_abort(error.status, message=error.message, **extra)


def _fields(payload: dict) -> services.RuleFields:
    return services.RuleFields(
        name=payload["name"], source=payload["source"].value, query=payload["query"],
        category_id=payload["category_id"], languages=", ".join(payload["languages"]),
        excluded_accounts="\n".join(payload["excluded_accounts"]),
        blocked_words="\n".join(payload["blocked_words"]),
        import_policy=payload["import_policy"].value, active=payload["active"],
        poll_minutes=payload["poll_minutes"])


@bp.route("/listening/rules")
class Rules(MethodView):
    decorators = [token_required]

    @authenticated(bp, 403)
    @bp.response(200, ListeningRuleSchema(many=True))
    def get(self):
        """Every listening rule with its state: checkpoint, next poll, last error (admins)."""
        require("listening.rules", user=current_api_user())
        return queries.rules()

    @authenticated(bp, 403, 409, 422)
    @bp.arguments(ListeningRuleInputSchema)
    @links(bp, 201, postPoll={"rule_id": "/id"})
    @bp.response(201, ListeningRuleSchema)
    def post(self, payload):
        """Add a rule (admins). An X query is checked as X would check it, and a refusal
        says where the problem is."""
        try:
            return services.create_rule(current_api_user(), _fields(payload))
        except ListeningError as error:
            refuse(error)


@bp.route("/listening/rules/<id:rule_id>/poll")
class Poll(MethodView):
    decorators = [token_required]

    @authenticated(bp, 403, 404)
    @bp.response(200, PollResultSchema)
    def post(self, rule_id: int):
        """Poll the rule now, then apply its import policy (admins). A rate limit or an
        outage is reported in ``error`` with the time of the next try, not as an error."""
        require("listening.rules", user=current_api_user())
        rule = db.session.get(ListeningRule, rule_id) or abort(404, "No rule with this id.")
        result = polling.poll(rule.id)
        imported = auto_import.import_pending(rule.id).done if result.polled else 0
        return {**result.__dict__, "imported": imported}


@bp.route("/mentions")
class Mentions(MethodView):
    decorators = [token_required]

    @authenticated(bp, 403, 422)
    @bp.arguments(MentionQuerySchema, location="query")
    @bp.response(200, MentionPageSchema)
    def get(self, args):
        """Mentions heard, newest first by default (moderators, agents, admins); filter by
        status (new, imported, ignored, escalated, filtered), rule, language, mood."""
        require("listening.triage", user=current_api_user())
        filters = queries.Filters(
            status=args["status"], rule_id=args["rule_id"], language=args["language"],
            mood=args["mood"], urgent_only=args["urgent"], questions_only=args["questions"],
            sort=args["sort"])
        page = db.paginate(queries.mentions(filters), page=args["page"],
                           per_page=args["per_page"], error_out=False)
        return {"items": page.items, "page": page.page, "per_page": page.per_page,
                "total": page.total}
