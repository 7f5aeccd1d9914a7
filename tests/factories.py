"""Test data, made through the same services the app uses.

Every factory runs in its own app context and returns detached, fully loaded objects,
so tests can read them freely while requests run in contexts of their own.
"""

from __future__ import annotations

import itertools
from typing import Any

from flask import Flask

from app.accounts import services
from app.accounts.models import Role, User
from app.extensions import db

PASSWORD = "correct horse battery"
_numbers = itertools.count(1)


class Factories:
    def __init__(self, app: Flask) -> None:
        self.app = app

    def user(self, username: str | None = None, *, role: Role = Role.MEMBER,
             email: str | None = None, password: str = PASSWORD, trust_level: int = 1,
             **fields: Any) -> User:
        """A member who has been around a little (trust level 1: their posts are not held
        as a newcomer's first ones); ``newcomer`` makes a brand-new one."""
        from moderation.models import MemberTrust

        number = next(_numbers)
        username = username or f"user{number}"
        with self.app.app_context():
            user = services.register(
                username, email or f"{username}@example.com", password, role=role, via="test"
            )
            for name, value in fields.items():
                setattr(user, name, value)
            if trust_level:
                db.session.add(MemberTrust(user_id=user.id, level=trust_level))
            db.session.commit()
            return _detached(user)

    def newcomer(self, username: str | None = None, **fields: Any) -> User:
        """A member who joined just now (trust level 0): new-member limits apply."""
        return self.user(username, trust_level=0, **fields)

    def admin(self, username: str = "root-admin", **fields: Any) -> User:
        return self.user(username, role=Role.ADMIN, **fields)

    def api_token(self, user: User, name: str = "test") -> str:
        with self.app.app_context():
            return services.create_api_token(db.session.get(User, user.id), name)

    def reload(self, user: User) -> User:
        with self.app.app_context():
            return _detached(db.session.get(User, user.id))

    # --- community ----------------------------------------------------------------------

    def category(self, name: str = "Earbuds", parent=None, **fields: Any):
        from community.models import Category

        with self.app.app_context():
            category = Category(name=name, slug=fields.pop("slug", name.lower()),
                                parent_id=parent.id if parent else None, **fields)
            db.session.add(category)
            db.session.commit()
            return _detached(category)

    def thread(self, author: User, category=None, *, title: str | None = None,
               body: str | None = None, **kwargs):
        from community import services
        from community.models import Category

        category = category or self.category(f"Area {next(_numbers)}")
        with self.app.app_context():
            thread = services.ask(
                db.session.get(User, author.id), category=db.session.get(Category, category.id),
                title=title or f"Question number {next(_numbers)} about charging",
                body=body or f"It stopped working after update {next(_numbers)}, what can I do?",
                **kwargs)
            return _detached(thread)

    def reply(self, author: User, thread, body: str | None = None):
        from community import services
        from community.models import Thread

        with self.app.app_context():
            post = services.reply(db.session.get(User, author.id),
                                  db.session.get(Thread, thread.id),
                                  body or f"Try resetting it, that fixed mine ({next(_numbers)}).")
            return _detached(post)

    def act(self, service_name: str, user: User, target):
        """Run a community service (accept, vote_helpful...) as ``user`` on ``target``."""
        from community import services
        from community.models import Post, Thread

        model = Post if service_name in {"accept", "unaccept", "vote_helpful",
                                         "unvote_helpful"} else Thread
        with self.app.app_context():
            getattr(services, service_name)(db.session.get(User, user.id),
                                            db.session.get(model, target.id))

    # --- knowledge base -------------------------------------------------------------------

    def article(self, author: User, category=None, *, title: str | None = None,
                body: str | None = None, language: str = "en", reviewer: User | None = None):
        """An article written by ``author``; published when a ``reviewer`` is given."""
        from community.knowledge import services
        from community.models import Category

        category = category or self.category(f"Area {next(_numbers)}")
        with self.app.app_context():
            article = services.create(
                db.session.get(User, author.id), category=db.session.get(Category, category.id),
                title=title or f"How to reset your device, part {next(_numbers)}",
                body=body or "Hold the button for ten seconds until the light blinks twice.",
                language=language, submit=reviewer is not None)
            if reviewer is not None:
                services.approve(db.session.get(User, reviewer.id), article)
            return _detached(article)

    def promote(self, user: User, post, reviewer: User | None = None):
        """Promote an accepted answer; publish the draft when a ``reviewer`` is given."""
        from community.knowledge import services
        from community.models import Post

        with self.app.app_context():
            article = services.promote(db.session.get(User, user.id),
                                       db.session.get(Post, post.id))
            if reviewer is not None:
                services.approve(db.session.get(User, reviewer.id), article)
            return _detached(article)

    def get_first_reply(self, thread):
        from community.models import Post

        with self.app.app_context():
            return _detached(db.session.scalar(
                db.select(Post).where(Post.thread_id == thread.id, Post.is_opening.is_(False))
                .order_by(Post.id).limit(1)))

    def get(self, model, ident):
        with self.app.app_context():
            return _detached(db.session.get(model, ident))


def _detached(obj):
    db.session.refresh(obj)
    db.session.expunge(obj)
    return obj
