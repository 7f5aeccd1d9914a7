"""The knowledge base's API: list and write articles, promote an accepted answer."""

from __future__ import annotations

from flask import Flask, abort, jsonify, url_for
from flask.views import MethodView
from flask_smorest import abort as api_abort
from sqlalchemy import select

from app.api import api, blueprint, token_required
from app.api.auth import current_api_user
from app.api.docs import authenticated
from app.extensions import db
from app.permissions import can
from community import queries as forum_queries
from community.api import refuse
from community.knowledge import queries, services
from community.knowledge.models import Article
from community.knowledge.schemas import (
    ArticlePageSchema,
    ArticleQuerySchema,
    ArticleSchema,
    NewArticleSchema,
    StaffArticleSchema,
)
from community.models import Post
from community.services import CommunityError

bp = blueprint("knowledge_api", __name__, description="Knowledge-base articles.")


def init_app(app: Flask) -> None:
    api.register_blueprint(bp)


def _schema(many: bool = False):
    staff = can(current_api_user(), "article.view_unpublished")
    return (StaffArticleSchema if staff else ArticleSchema)(many=many)


def _dump(article: Article, status: int = 200):
    return jsonify(_schema().dump(_with_url(article))), status


def _with_url(article: Article) -> Article:
    article.url = url_for("knowledge.article", article_id=article.id, slug=article.slug,
                          _external=True)
    if article.current_revision is None:
        article.shown_revision = queries.latest_revision(article)
    return article


@bp.route("/articles")
class Articles(MethodView):
    decorators = [token_required]

    @authenticated(bp, 403, 422)
    @bp.arguments(ArticleQuerySchema, location="query")
    @bp.response(200, ArticlePageSchema)
    def get(self, args):
        """Published articles, most helpful first; staff may filter by any status."""
        user = current_api_user()
        if args.get("status") and not can(user, "article.view_unpublished"):
            api_abort(403, message="Only staff see unpublished articles.")
        statement = queries.staff_list(args["status"]) if args.get("status") else (
            queries.readable().order_by(Article.id.desc()))
        if args.get("category"):
            category = forum_queries.category_by_slug(args["category"])
            if category is None:
                refuse(CommunityError("No category with this slug.", field="category"))
            ids = [category.id, *(child.id for child in category.children)]
            statement = statement.where(Article.category_id.in_(ids))
        if args.get("language"):
            statement = statement.where(Article.language == args["language"])
        page = db.paginate(statement, page=args["page"], per_page=args["per_page"],
                           error_out=False)
        return jsonify({"items": _schema(many=True).dump([_with_url(a) for a in page.items]),
                        "page": page.page, "per_page": page.per_page, "total": page.total})

    @authenticated(bp, 403, 422)
    @bp.arguments(NewArticleSchema)
    @bp.response(201, StaffArticleSchema)
    def post(self, payload):
        """Write an article (staff). It starts as a draft, or in review with ``submit``."""
        category = forum_queries.category_by_slug(payload["category"])
        if category is None:
            refuse(CommunityError("No category with this slug.", field="category"))
        try:
            created = services.create(current_api_user(), title=payload["title"],
                                      body=payload["body"], category=category,
                                      language=payload["language"], submit=payload["submit"])
        except CommunityError as error:
            refuse(error)
        return _dump(created, 201)


@bp.route("/posts/<id:post_id>/promote")
class Promote(MethodView):
    decorators = [token_required]

    @authenticated(bp, 403, 404, 409, 422)
    @bp.response(201, StaffArticleSchema)
    def post(self, post_id: int):
        """Draft an article from this accepted answer and its question, with personal
        data removed (listed in ``redactions``), and send it to review (staff)."""
        post = db.session.scalar(select(Post).where(Post.id == post_id)) or abort(
            404, "No post with this id.")
        if not forum_queries.may_see(post, current_api_user()):
            abort(404, "No post with this id.")
        try:
            created = services.promote(current_api_user(), post)
        except CommunityError as error:
            refuse(error)
        return _dump(created, 201)
