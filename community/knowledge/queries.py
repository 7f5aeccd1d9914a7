"""Reading the knowledge base: what a reader may see, and lists for pages."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.extensions import db
from community.knowledge.models import Article, ArticleStatus

READABLE = (ArticleStatus.PUBLISHED, ArticleStatus.IN_REVIEW)


def readable():
    """Articles readers may open: a revision was approved and the article is not archived."""
    return (select(Article)
            .where(Article.current_revision_id.is_not(None), Article.status.in_(READABLE))
            .options(joinedload(Article.current_revision), joinedload(Article.category)))


def readable_articles(ids: list[int]) -> dict[int, Article]:
    """The readable articles among ``ids`` (e.g. search hits), loaded for a result list."""
    if not ids:
        return {}
    return {article.id: article
            for article in db.session.scalars(readable().where(Article.id.in_(ids)))}


def article_from_thread(thread_id: int) -> Article | None:
    """The article promoted from this thread, readable or not (the page decides who sees a
    draft): one thread makes at most one live article; archived ones do not count."""
    return db.session.scalar(
        select(Article).where(Article.source_thread_id == thread_id,
                              Article.status != ArticleStatus.ARCHIVED)
        .options(joinedload(Article.current_revision)).order_by(Article.id.desc()).limit(1))
