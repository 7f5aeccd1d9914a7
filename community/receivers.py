"""How the forum follows a post's visibility (``content_held``, ``content_published``,
``content_hidden``; see ``community.visibility``).

- **Notifications**: a held reply is told to the thread's followers when it is first
  published, not before; a post that stops being visible is withdrawn from the e-mails
  not yet sent.
- **Reputation**: points earned on a post count while readers can see it: taken back
  when it is hidden (spam, rejected, deleted), given back when a moderator restores it.
- **Search** re-reads the thread (``search_documents``), and the knowledge base marks
  articles made from it for review (``knowledge.receivers``).

Each receiver runs after the sender committed, in a transaction of its own.
"""

from __future__ import annotations

from sqlalchemy import select

from app import events
from app.extensions import db
from community import notifications, reputation, rules, services
from community.models import HelpfulVote, Post, Thread, Visibility


def on_published(post: Post, *, previous: Visibility | None = None, first: bool = False,
                 **_data) -> None:
    if first and not post.is_opening:
        services.subscribe(post.author_id, post.thread_id)
        notifications.reply_posted(post)
    _give_back_points(post)
    db.session.commit()


def on_not_visible(post: Post, *, new: bool = False, **_data) -> None:
    """A post readers no longer see: notifications about it and points earned on it go.
    A post held as it was written (``new``) never had either."""
    if new:
        return
    notifications.withdraw(post)
    reputation.revoke(post, "helpful")
    reputation.revoke(post, "accepted")
    db.session.commit()


def _give_back_points(post: Post) -> None:
    """The votes and the acceptance still stand: their points count again."""
    voters = db.session.scalars(select(HelpfulVote.user_id)
                                .where(HelpfulVote.post_id == post.id)).all()
    for voter_id in voters:
        reputation.award_once(post, voter_id, "helpful", rules.POINTS_HELPFUL)
    thread = db.session.get(Thread, post.thread_id)
    if thread.accepted_post_id == post.id and post.author_id != thread.author_id:
        reputation.award_once(post, thread.author_id, "accepted", rules.POINTS_ACCEPTED)


def init_app() -> None:
    events.content_published.connect(on_published)
    events.content_held.connect(on_not_visible)
    events.content_hidden.connect(on_not_visible)
