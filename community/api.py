"""The forum's API: threads, replies, accepted answers, helpful votes and search under
/api/v1."""

from __future__ import annotations

from flask import Flask, abort, current_app, jsonify
from flask.views import MethodView
from flask_smorest import abort as api_abort
from sqlalchemy import select

from app.api import api, blueprint, token_required
from app.api.auth import current_api_user
from app.api.docs import authenticated, links
from app.extensions import db
from community import queries, search_views, services
from community.models import Category, Post, Source, Thread
from community.schemas import (
    NewPostSchema,
    NewThreadSchema,
    PostSchema,
    SearchPageSchema,
    SearchQuerySchema,
    ThreadPageSchema,
    ThreadQuerySchema,
    ThreadSchema,
    ThreadSummarySchema,
)
from community.tags import tag_name

bp = blueprint("community_api", __name__, description="Threads, answers, votes.")


def init_app(app: Flask) -> None:
    api.register_blueprint(bp)


def refuse(error: services.CommunityError):
    """A service's refusal as problem details, with the field it concerns under errors."""
    extra = {"errors": {error.field: [error.message]}} if error.field else {}
    if error.retry_after is not None:
        extra["headers"] = {"Retry-After": str(error.retry_after)}
    api_abort(error.status, message=error.message, **extra)


def _category(slug: str) -> Category:
    found = queries.category_by_slug(slug)
    if found is None:
        refuse(services.CommunityError("No category with this slug.", field="category"))
    return found


@bp.route("/threads")
class Threads(MethodView):
    decorators = [token_required]

    @authenticated(bp, 422)
    @bp.arguments(ThreadQuerySchema, location="query")
    @bp.response(200, ThreadPageSchema)
    def get(self, args):
        """Threads, filtered by category, status and list, newest activity first."""
        category = _category(args["category"]) if args.get("category") else None
        statement = queries.thread_list(args["list"], category, current_api_user())
        if args.get("status"):
            statement = statement.where(Thread.status == args["status"])
        page = db.paginate(statement, page=args["page"], per_page=args["per_page"],
                           error_out=False)
        return {"items": page.items, "page": page.page, "per_page": page.per_page,
                "total": page.total}

    @authenticated(bp, 403, 409, 422, 429)
    @bp.arguments(NewThreadSchema)
    @links(bp, 201, getThreadDetail={"thread_id": "/id"}, postThreadPosts={"thread_id": "/id"},
               postEscalate={"thread_id": "/id"})
    @bp.response(201, ThreadSchema)
    def post(self, payload):
        """Ask a question or start a discussion."""
        try:
            return services.ask(current_api_user(), category=_category(payload["category"]),
                                title=payload["title"], body=payload["body"],
                                kind=payload["kind"], tags=payload["tags"],
                                source=Source.API, language=payload["language"])
        except services.CommunityError as error:
            refuse(error)


@bp.route("/threads/<id:thread_id>")
class ThreadDetail(MethodView):
    decorators = [token_required]

    @authenticated(bp, 404)
    @links(bp, 200, postThreadPosts={"thread_id": "/id"}, postEscalate={"thread_id": "/id"},
               postAccept={"post_id": "/posts/1/id"}, postVotes={"post_id": "/posts/1/id"},
               postPromote={"post_id": "/posts/1/id"})
    @bp.response(200, ThreadSchema)
    def get(self, thread_id: int):
        """A thread with the posts the token's user may see: the question first, then the
        accepted answer, then the others by helpful votes."""
        page = queries.thread_page(thread_id, current_api_user())
        if page is None:
            abort(404, "No thread with this id.")
        posts = [page.question, *([page.accepted] if page.accepted else []), *page.answers]
        return jsonify({**ThreadSummarySchema().dump(page.thread),
                        "posts": PostSchema(many=True).dump(posts)})


@bp.route("/threads/<id:thread_id>/posts")
class ThreadPosts(MethodView):
    decorators = [token_required]

    @authenticated(bp, 403, 404, 409, 422, 429)
    @bp.arguments(NewPostSchema)
    @links(bp, 201, postAccept={"post_id": "/id"}, deleteAccept={"post_id": "/id"},
               postVotes={"post_id": "/id"}, deleteVotes={"post_id": "/id"},
               postPromote={"post_id": "/id"}, getThreadDetail={"thread_id": "/thread_id"})
    @bp.response(201, PostSchema)
    def post(self, payload, thread_id: int):
        """Reply to a thread."""
        thread = db.session.get(Thread, thread_id) or abort(404, "No thread with this id.")
        try:
            return services.reply(current_api_user(), thread, payload["body"], Source.API)
        except services.CommunityError as error:
            refuse(error)


def _post_or_404(post_id: int) -> Post:
    return db.session.scalar(select(Post).where(Post.id == post_id)) or abort(
        404, "No post with this id.")


@bp.route("/posts/<id:post_id>/accept")
class Accept(MethodView):
    decorators = [token_required]

    @authenticated(bp, 403, 404, 409, 422)
    @bp.response(200, PostSchema)
    def post(self, post_id: int):
        """Accept this answer (the asker, a moderator or an agent). Replaces any other."""
        return self._do(services.accept, post_id)

    @authenticated(bp, 403, 404, 409)
    @bp.response(200, PostSchema)
    def delete(self, post_id: int):
        """Un-accept this answer; the question is open again."""
        return self._do(services.unaccept, post_id)

    @staticmethod
    def _do(service, post_id: int):
        post = _post_or_404(post_id)
        try:
            return service(current_api_user(), post)
        except services.CommunityError as error:
            refuse(error)


@bp.route("/posts/<id:post_id>/votes")
class Votes(MethodView):
    decorators = [token_required]

    @authenticated(bp, 403, 404, 422)
    @bp.response(200, PostSchema)
    def post(self, post_id: int):
        """Vote this answer helpful (once per member; never your own)."""
        return Accept._do(services.vote_helpful, post_id)

    @authenticated(bp, 403, 404)
    @bp.response(200, PostSchema)
    def delete(self, post_id: int):
        """Take your helpful vote back."""
        return Accept._do(services.unvote_helpful, post_id)


@bp.route("/search")
class Search(MethodView):
    decorators = [token_required]

    @authenticated(bp, 422)
    @bp.arguments(SearchQuerySchema, location="query")
    @bp.response(200, SearchPageSchema)
    def get(self, args):
        """Search threads and articles with a question in natural language: any word may
        match, more matching words rank higher; solved threads and helpful articles first.
        Only what the token's user may read is returned."""
        filters = search_views.Filters(category=args.get("category", ""),
                                       solved_only=args["solved"], kind=args["type"],
                                       tag=tag_name(args.get("tag", "")))
        try:
            found = search_views.find(args["q"], filters, page=args["page"],
                                      per_page=args["per_page"])
        except search_views.UnknownCategory:
            refuse(services.CommunityError("No category with this slug.", field="category"))
        base = current_app.config["BASE_URL"]
        return {"items": [{"kind": item.kind, "id": item.id, "title": item.title,
                           "url": base + item.url, "snippet": str(item.snippet),
                           "score": item.score, "close": item.close}
                          for item in found.items],
                "page": found.page, "per_page": found.per_page, "total": found.total,
                "close": found.close, "suggestion": found.suggestion}
