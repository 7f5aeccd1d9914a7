"""`make run`'s demo gives a moderator a working queue, and seeding twice changes nothing."""

from sqlalchemy import func, select

from app.extensions import db
from moderation.models import Flag, ItemStatus, ReviewDecision, ReviewItem, WatchedWord


def seed(app):
    result = app.test_cli_runner().invoke(args=["demo", "seed"])
    assert result.exit_code == 0, result.output
    return result.output


def counts(app):
    with app.app_context():
        return (db.session.scalar(select(func.count()).select_from(ReviewItem)),
                db.session.scalar(select(func.count()).select_from(Flag)),
                db.session.scalar(select(func.count()).select_from(WatchedWord)))


def test_the_demo_seeds_held_posts_flags_and_a_spam_attempt_once(app):
    output = seed(app)
    assert "moderation:" in output
    with app.app_context():
        pending = db.session.scalar(select(func.count()).select_from(ReviewItem).where(
            ReviewItem.status == ItemStatus.PENDING))
        hidden_by_flags = db.session.scalar(select(func.count()).select_from(ReviewItem).where(
            ReviewItem.hidden_by_flags.is_(True)))
        assert db.session.scalar(select(func.count()).select_from(ReviewDecision)) == 1
    assert pending >= 4 and hidden_by_flags == 1
    first = counts(app)
    seed(app)
    assert counts(app) == first
