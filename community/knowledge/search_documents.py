"""What the knowledge base puts in the search index: one document per readable article
(its current revision), weighted by readers' "was this helpful?" answers. Drafts, articles
in first review and archived ones have no document."""

from __future__ import annotations

from collections.abc import Iterator

from flask import Flask
from sqlalchemy import func, select

from app import events, search
from app.extensions import db
from app.text import words_of_html
from community.knowledge import rules
from community.knowledge.models import Article
from community.knowledge.queries import readable

BATCH = 500


def document_for(article: Article) -> search.Document | None:
    if not article.is_readable:
        return None
    revision = article.current_revision
    return search.Document(
        kind="article", id=article.id, title=revision.title,
        body=words_of_html(revision.body_html), language=article.language,
        category=article.category.slug, solved=True,
        boost=search.lift(rules.search_prior(article.helpful_yes, article.helpful_no)),
    )


def load(article_id: int) -> search.Document | None:
    article = db.session.scalar(readable().where(Article.id == article_id))
    return document_for(article) if article is not None else None


def load_all() -> Iterator[search.Document]:
    last_id = 0
    while True:
        batch = db.session.scalars(
            readable().where(Article.id > last_id).order_by(Article.id).limit(BATCH)).all()
        if not batch:
            return
        for article in batch:
            yield document_for(article)
        last_id = batch[-1].id
        db.session.expunge_all()


def count() -> int:
    return db.session.scalar(select(func.count()).select_from(readable().subquery())) or 0


def _article_changed(article: Article, **_data) -> None:
    search.update("article", [article.id])


def init_app(app: Flask) -> None:
    search.register_source(app, search.Source("article", load, load_all, count))
    for signal in (events.article_published, events.article_archived, events.article_rated):
        signal.connect(_article_changed)
