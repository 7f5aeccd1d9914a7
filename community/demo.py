"""The demo forum for ``make run``: Lumio's community, loaded through the real services.

Everything goes through ``community.services`` (so counters, reputation and
notifications are what the app itself would produce); afterwards the timestamps are moved
back to when the demo says things happened. Idempotent: categories, members and threads
that already exist (by slug, username and title) are left alone.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from app import search
from app.accounts import services as accounts
from app.accounts.models import Role, User
from app.clock import utcnow
from app.demo import DEMO_PASSWORD, seeder
from app.extensions import db
from community import notifications, services
from community.models import (
    Category,
    EmailMode,
    Notification,
    Post,
    Thread,
    ThreadKind,
)


@seeder(order=10, name="community")
def seed_community() -> str:
    from community import demo_content  # large, and only needed here

    categories = _categories(demo_content.CATEGORIES, demo_content.CATEGORY_TRANSLATIONS)
    members = _members(demo_content.MEMBERS)
    with search.suspended():  # one rebuild at the end beats a write per post
        created = sum(_thread(item, categories, members) for item in demo_content.threads())
    indexed = search.rebuild() if created else None
    return (f"{len(categories)} categories, {len(members)} members, "
            f"{created} threads created" + (f", {indexed} indexed" if indexed else ""))


def _categories(items, translations: dict) -> dict[str, Category]:
    existing = {category.slug: category for category in db.session.scalars(select(Category))}
    for item in sorted(items, key=lambda c: c.parent is not None):
        if item.slug not in existing:
            existing[item.slug] = Category(
                slug=item.slug, name=item.name, description=item.description,
                position=item.position, parent=existing.get(item.parent))
            db.session.add(existing[item.slug])
        category = existing[item.slug]
        for language, areas in translations.items():
            if item.slug in areas and language not in (category.translations or {}):
                name, description = areas[item.slug]
                category.translations = {**(category.translations or {}),
                                         language: {"name": name, "description": description}}
    db.session.commit()
    return existing


def _members(items) -> dict[str, User]:
    members = {}
    for item in items:
        user = accounts.find_by_username(item.username)
        if user is None:
            user = accounts.register(item.username, f"{item.username}@peerdesk-demo.example.com",
                                     DEMO_PASSWORD, via="demo")
            user.locale = item.locale
            if item.staff:
                user.role = Role.AGENT
            db.session.commit()
            notifications.set_email_mode(user.id, EmailMode.OFF)  # no mail to made-up people
        members[item.username] = user
    return members


def _thread(item, categories: dict[str, Category],
            members: dict[str, User]) -> bool:
    if db.session.scalar(select(Thread.id).where(Thread.title == item.title)):
        return False
    asked_at = utcnow() - timedelta(days=item.days_ago)
    thread = services.ask(members[item.author], category=categories[item.category],
                          title=item.title, body=item.body, kind=ThreadKind(item.kind),
                          tags=item.tags, language=item.language)
    moments = {thread.posts[0].id: asked_at}
    for reply in item.replies:
        post = services.reply(members[reply.author], thread, reply.body)
        moments[post.id] = asked_at + timedelta(hours=reply.hours_after_question)
        for voter in reply.helpful_voters:
            services.vote_helpful(members[voter], post)
    for username in item.me_too:
        services.me_too(members[username], thread)
    if item.accepted is not None:
        accepted = thread.posts[item.accepted + 1]
        services.accept(members[item.author], accepted)
    thread.view_count = item.views
    _backdate(thread, moments, asked_at)
    return True


def _backdate(thread: Thread, moments: dict, asked_at) -> None:
    for post_id, moment in moments.items():
        db.session.execute(update(Post).where(Post.id == post_id).values(created_at=moment))
        db.session.execute(update(Notification).where(Notification.post_id == post_id)
                           .values(created_at=moment, emailed_at=moment, read_at=moment))
    last = max(moments.values())
    thread.created_at = asked_at
    thread.last_activity_at = last
    if thread.solved_at is not None:
        thread.solved_at = last
    db.session.commit()
