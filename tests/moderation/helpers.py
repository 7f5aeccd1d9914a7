"""Small readers shared by the moderation tests."""

from sqlalchemy import select

from app.extensions import db
from community.models import Post, Thread
from moderation.models import ReviewItem


def opening(app, thread) -> Post:
    with app.app_context():
        post = db.session.scalar(select(Post).where(Post.thread_id == thread.id,
                                                    Post.is_opening.is_(True)))
        db.session.expunge(post)
        return post


def post_of(app, post_id) -> Post:
    with app.app_context():
        post = db.session.get(Post, post_id)
        db.session.expunge(post)
        return post


def item_of(app, post_id) -> ReviewItem | None:
    with app.app_context():
        item = db.session.scalar(select(ReviewItem).where(ReviewItem.post_id == post_id))
        if item is not None:
            _ = [reason.code for reason in item.reasons]
            db.session.expunge_all()
        return item


def reason_codes(app, post_id) -> list[str]:
    item = item_of(app, post_id)
    return [reason.code for reason in item.reasons] if item else []


def thread_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(db.func.count()).select_from(Thread))
