"""Moderation's API: flags, the review queue, decisions and undo, the screening tester."""

from __future__ import annotations

from flask import Flask, abort
from flask.views import MethodView
from flask_smorest import abort as api_abort
from sqlalchemy import select

from app.api import api, blueprint, token_required
from app.api.auth import current_api_user
from app.api.docs import authenticated, links
from app.extensions import db
from app.permissions import require
from community import queries as forum_queries
from community.models import Post
from moderation import decisions, flags, queue, tester
from moderation.errors import ModerationError
from moderation.models import ReviewDecision, ReviewItem
from moderation.schemas import (
    DecisionRequestSchema,
    FlagSchema,
    ItemSchema,
    NewFlagSchema,
    QueuePageSchema,
    QueueQuerySchema,
    ScreenRequestSchema,
    VerdictSchema,
)

bp = blueprint("moderation_api", __name__, description="Flags, the review queue, screening.")


def init_app(app: Flask) -> None:
    api.register_blueprint(bp)


def refuse(error: ModerationError):
    extra = {"errors": {error.field: [error.message]}} if error.field else {}
    if error.retry_after is not None:
        extra["headers"] = {"Retry-After": str(error.retry_after)}
    api_abort(error.status, message=error.message, **extra)


@bp.route("/flags")
class Flags(MethodView):
    decorators = [token_required]

    @authenticated(bp, 403, 404, 409, 422)
    @bp.arguments(NewFlagSchema)
    @bp.response(201, FlagSchema)
    def post(self, payload):
        """Flag a post (members from trust level 1). One open flag per member and post;
        enough weighted flags hide the post at once, pending a moderator."""
        post = db.session.get(Post, payload["post_id"])
        user = current_api_user()
        if post is None or not forum_queries.may_see(post, user):
            abort(404, "No post with this id.")
        try:
            flag = flags.raise_flag(user, post, payload["kind"], payload["message"])
        except ModerationError as error:
            refuse(error)
        flag.hidden = db.session.get(Post, post.id).visibility.value != "visible"
        return flag


@bp.route("/moderation/queue")
class Queue(MethodView):
    decorators = [token_required]

    @authenticated(bp, 403, 422)
    @bp.arguments(QueueQuerySchema, location="query")
    @links(bp, 200, postDecision={"item_id": "/items/0/id"})
    @bp.response(200, QueuePageSchema)
    def get(self, args):
        """The review queue (moderators): one item per post with all its reasons, highest
        score first (``sort=oldest``: waiting longest first)."""
        require("moderation.review", user=current_api_user())
        category = forum_queries.category_by_slug(args["category"]) \
            if args.get("category") else None
        if args.get("category") and category is None:
            api_abort(422, message="No category with this slug.",
                      errors={"category": ["No category with this slug."]})
        filters = queue.Filters(status=args["status"], reason=args["reason"],
                                category_id=category.id if category else None,
                                kind=args["type"], source=args["source"],
                                oldest_first=args["sort"] == "oldest")
        page = queue.page(filters, current_api_user().id, args["page"], args["per_page"])
        return {"items": page.items, "page": page.page, "per_page": page.per_page,
                "total": page.total}


@bp.route("/moderation/queue/<id:item_id>/decision")
class Decision(MethodView):
    decorators = [token_required]

    @authenticated(bp, 403, 404, 409, 422)
    @bp.arguments(DecisionRequestSchema)
    @bp.response(200, ItemSchema)
    def post(self, payload, item_id: int):
        """Decide on an item: approve, edit_approve (with the corrected body), reject (with
        the reason the author reads), delete, or spam. Undo within 10 minutes."""
        require("moderation.review", user=current_api_user())
        item = db.session.get(ReviewItem, item_id) or abort(404, "No item with this id.")
        try:
            decisions.decide(current_api_user(), item, payload["action"],
                             reason=payload["reason"], seen_status=payload.get("seen_status"),
                             body=payload.get("body"), title=payload.get("title"))
        except ModerationError as error:
            refuse(error)
        return db.session.get(ReviewItem, item_id)


@bp.route("/moderation/decisions/<id:decision_id>/undo")
class Undo(MethodView):
    decorators = [token_required]

    @authenticated(bp, 403, 404, 409)
    @bp.response(200, ItemSchema)
    def post(self, decision_id: int):
        """Undo a decision (within 10 minutes): the post and the item are as they were."""
        require("moderation.review", user=current_api_user())
        decision = db.session.scalar(select(ReviewDecision).where(
            ReviewDecision.id == decision_id)) or abort(404, "No decision with this id.")
        try:
            return decisions.undo(current_api_user(), decision)
        except ModerationError as error:
            refuse(error)


@bp.route("/moderation/screen")
class Screen(MethodView):
    decorators = [token_required]

    @authenticated(bp, 403, 422)
    @bp.arguments(ScreenRequestSchema)
    @bp.response(200, VerdictSchema)
    def post(self, payload):
        """Judge a text exactly as a post would be (staff); nothing is written."""
        require("moderation.review", user=current_api_user())
        try:
            verdict = tester.try_text(payload["text"], title=payload["title"],
                                      author=payload["author"])
        except tester.UnknownAuthor:
            api_abort(422, message="No member has this username.",
                      errors={"author": ["No member has this username."]})
        return {"verdict": verdict.action.label, "score": verdict.spam_score,
                "message": verdict.message, "retry_after": verdict.retry_after,
                "reasons": [{"code": reason.code, "detail": reason.detail,
                             "score": reason.score, "settled": False}
                            for reason in verdict.reasons]}
