"""How the knowledge base hears about its source threads: when the accepted answer an
article was made from changes after publication, the article goes back to review."""

from __future__ import annotations

from sqlalchemy import select

from app import events
from app.extensions import db
from community.knowledge import services
from community.knowledge.models import Article, ArticleStatus
from community.models import Post, Thread


def _published_from(thread_id: int) -> list[int]:
    return list(db.session.scalars(select(Article.id).where(
        Article.source_thread_id == thread_id, Article.current_revision_id.is_not(None),
        Article.status != ArticleStatus.ARCHIVED)))


def _flag(thread_id: int, reason: str) -> None:
    """``reason`` is a code (see views.REVIEW_REASONS), translated when shown."""
    for article_id in _published_from(thread_id):
        services.mark_for_review(article_id, reason)


def on_post_edited(post: Post, **_data) -> None:
    articles = db.session.scalars(select(Article).where(
        Article.source_thread_id == post.thread_id)).all()
    if any(post.id == article.source_post_id or post.is_opening for article in articles):
        _flag(post.thread_id, "source_edited")


def on_accepted_changed(post: Post, **_data) -> None:
    thread = db.session.get(Thread, post.thread_id)
    articles = db.session.scalars(select(Article).where(
        Article.source_thread_id == post.thread_id)).all()
    if any(thread.accepted_post_id != article.source_post_id for article in articles):
        _flag(post.thread_id, "accepted_changed")


def init_app() -> None:
    events.post_edited.connect(on_post_edited)
    events.answer_accepted.connect(on_accepted_changed)
    events.answer_unaccepted.connect(on_accepted_changed)
