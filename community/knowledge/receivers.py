"""How the knowledge base hears about its source threads: when the question or the
answer an article was made from is edited, or the thread's accepted answer changes, the
article is flagged for (re-)review; when either is hidden by moderation, too, and the
thread leaves the promotion candidates. Reasons are codes ("source_edited",
"accepted_changed", "source_hidden"), translated where staff see them
(knowledge/_macros.html)."""

from __future__ import annotations

from sqlalchemy import select

from app import events
from app.extensions import db
from community.knowledge import services
from community.knowledge.models import Article, ArticleStatus
from community.models import Post, Thread


def _live_articles(thread_id: int) -> list[Article]:
    return list(db.session.scalars(select(Article).where(
        Article.source_thread_id == thread_id, Article.status != ArticleStatus.ARCHIVED)))


def on_post_edited(post: Post, **_data) -> None:
    """The question, or the very answer an article was made from, changed."""
    for article in _live_articles(post.thread_id):
        if post.is_opening or post.id == article.source_post_id:
            services.mark_for_review(article.id, "source_edited")


def on_accepted_changed(post: Post, **_data) -> None:
    accepted = db.session.scalar(select(Thread.accepted_post_id)
                                 .where(Thread.id == post.thread_id))
    for article in _live_articles(post.thread_id):
        if accepted != article.source_post_id:
            services.mark_for_review(article.id, "accepted_changed")


def on_source_hidden(post: Post, *, new: bool = False, **_data) -> None:
    """The question or the very answer an article was made from is no longer visible (held
    after an edit, rejected, spam): the article goes back to review, and the thread stops
    being a promotion candidate. A post held as it was written (``new``) is neither."""
    if new:
        return
    for article in _live_articles(post.thread_id):
        if post.is_opening or post.id == article.source_post_id:
            services.mark_for_review(article.id, "source_hidden")
    accepted = db.session.scalar(select(Thread.accepted_post_id)
                                 .where(Thread.id == post.thread_id))
    if post.is_opening or post.id == accepted:
        services.drop_candidate(post.thread_id)


def init_app() -> None:
    events.content_held.connect(on_source_hidden)
    events.content_hidden.connect(on_source_hidden)
    events.post_edited.connect(on_post_edited)
    events.answer_accepted.connect(on_accepted_changed)
    events.answer_unaccepted.connect(on_accepted_changed)
