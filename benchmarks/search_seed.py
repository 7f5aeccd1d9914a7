"""Write the search corpus into a fresh, migrated database with bulk SQL.

The benchmark measures search, not the importer, so rows go in as a few multi-row
INSERTs (ids assigned here, so no round trip per row), the way an import leaves them:
an importing account as author, the original author's name and source URL kept, bodies
stored as sanitized HTML in both ``body_source`` and ``body_html``. Nothing is indexed
here; the benchmark times ``search.rebuild()`` itself.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import bindparam, text

from benchmarks.search_corpus import Copy

CHUNK = 2000


def seed(threads: list[Copy]) -> dict[str, int]:
    """Insert ``threads`` (in an app context on a migrated database); the counts."""
    from app.extensions import db

    with db.engine.begin() as connection:
        author = _importer(connection)
        categories = _categories(connection, threads)
        tags = _tags(connection, threads)
        _threads_and_posts(connection, threads, author, categories, tags)
        if connection.dialect.name == "postgresql":
            _advance_sequences(connection)
    return {"threads": len(threads), "posts": sum(thread.posts for thread in threads),
            "categories": len(categories), "tags": len(tags)}


def _importer(connection) -> int:
    from app.accounts.models import Role, User

    connection.execute(User.__table__.insert(), [{
        "id": 1, "username": "stackexchange-import", "email": "import@peerdesk.invalid",
        "password_hash": "!", "role": Role.MEMBER, "session_nonce": "0" * 16}])
    return 1


def _categories(connection, threads: list[Copy]) -> dict[str, int]:
    from community.models import Category

    counts: dict[str, int] = {}
    for thread in threads:
        counts[thread.category] = counts.get(thread.category, 0) + 1
    ids = {slug: number for number, slug in enumerate(counts, 1)}
    connection.execute(Category.__table__.insert(), [
        {"id": ids[slug], "slug": slug, "name": slug.replace("-", " ").title()[:80],
         "description": "", "position": ids[slug], "thread_count": counts[slug]}
        for slug in counts])
    return ids


def _tags(connection, threads: list[Copy]) -> dict[str, int]:
    from community.models import Tag
    from community.tags import tag_name

    names = sorted({name for thread in threads for raw in thread.question.tags
                    if (name := tag_name(raw))})
    ids = {name: number for number, name in enumerate(names, 1)}
    if ids:
        connection.execute(Tag.__table__.insert(), [{"id": ident, "name": name}
                                                    for name, ident in ids.items()])
    return ids


def _threads_and_posts(connection, threads: list[Copy], author: int,
                       categories: dict[str, int], tags: dict[str, int]) -> None:
    from community.models import Post, Thread, thread_tags
    from community.tags import tag_name

    post_id = 0
    accepted: list[dict[str, int]] = []
    for start in range(0, len(threads), CHUNK):
        thread_rows, post_rows, tag_rows = [], [], []
        for thread_id, thread in enumerate(threads[start:start + CHUNK], start + 1):
            thread_rows.append(_thread_row(thread_id, thread, author, categories))
            tag_rows += [{"thread_id": thread_id, "tag_id": tags[name]}
                         for name in sorted({tag_name(raw) for raw in thread.question.tags})
                         if name in tags]
            bodies = [thread.question.body, *thread.answers]
            for position, body in enumerate(bodies):
                post_id += 1
                post_rows.append(_post_row(post_id, thread_id, thread, author, body, position))
                if thread.accepted is not None and position == thread.accepted + 1:
                    accepted.append({"thread": thread_id, "post": post_id})
        connection.execute(Thread.__table__.insert(), thread_rows)
        _insert_chunked(connection, Post.__table__.insert(), post_rows)
        if tag_rows:
            connection.execute(thread_tags.insert(), tag_rows)
    table = Thread.__table__
    statement = (table.update().where(table.c.id == bindparam("thread"))
                 .values(accepted_post_id=bindparam("post")))
    for start in range(0, len(accepted), CHUNK):
        connection.execute(statement, accepted[start:start + CHUNK])


def _thread_row(ident: int, thread: Copy, author: int, categories: dict[str, int]) -> dict:
    from app.text import slugify
    from community.models import Source, ThreadKind, ThreadStatus

    created = thread.created
    solved = thread.accepted is not None
    return {
        "id": ident, "kind": ThreadKind.QUESTION, "title": thread.title,
        "slug": slugify(thread.title), "category_id": categories[thread.category],
        "author_id": author,
        "status": ThreadStatus.SOLVED if solved else ThreadStatus.OPEN,
        "accepted_post_id": None, "language": "en", "source": Source.IMPORT,
        "reply_count": len(thread.answers), "me_too_count": 0, "view_count": 0,
        "reminders_sent": 0, "version": 0,
        "last_activity_at": created + timedelta(hours=len(thread.answers)),
        "last_poster_id": author, "created_at": created,
        "solved_at": created + timedelta(hours=1) if solved else None,
        "answered_at": created + timedelta(hours=1) if thread.answers else None,
        "external_id": thread.external_id, "source_url": thread.source_url,
        "licence": "CC BY-SA 3.0",
    }


def _post_row(ident: int, thread_id: int, thread: Copy, author: int, body: str,
              position: int) -> dict:
    from community.models import Visibility

    return {
        "id": ident, "thread_id": thread_id, "author_id": author,
        "is_opening": position == 0, "body_source": body, "body_html": body,
        "visibility": Visibility.VISIBLE, "is_staff": False, "helpful_count": 0,
        "created_at": thread.created + timedelta(hours=position), "edited_at": None,
        "external_id": f"{thread.external_id}:{position}",
        "original_author": thread.question.author if position == 0 else f"user {position}",
    }


def _insert_chunked(connection, statement, rows: list[dict], size: int = 500) -> None:
    for start in range(0, len(rows), size):
        connection.execute(statement, rows[start:start + size])


def _advance_sequences(connection) -> None:
    """Ids were given explicitly; later inserts by the app must not collide with them."""
    for table in ("users", "categories", "tags", "threads", "posts"):
        connection.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT coalesce(max(id), 1) FROM {table}))"))

