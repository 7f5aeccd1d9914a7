"""Tags: how a name becomes a tag, a question's tags found or made, and what a tag's page
lists (its threads, the articles promoted from them, the most used tags)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from flask_babel import gettext as _
from sqlalchemy import Select, exists, func, select

from app.extensions import db
from community.errors import CommunityError
from community.models import Tag, Thread, thread_tags

MAX_TAGS = 5


def tag_name(name: str) -> str:
    """Lower case, words joined by hyphens, letters of any script kept ("Wi-Fi 6" ->
    "wi-fi-6", "Батарея" -> "батарея")."""
    return re.sub(r"[^\w]+", "-", name.strip().lower()).strip("-_")[:40].rstrip("-_")


def tags_named(names: Iterable[str]) -> list[Tag]:
    """The tags for these names, existing ones reused, new ones created (unsaved)."""
    cleaned = sorted({tag_name(name) for name in names if tag_name(name)})
    if len(cleaned) > MAX_TAGS:
        raise CommunityError(_("Use at most %(max)d tags.", max=MAX_TAGS), field="tags")
    existing = {tag.name: tag for tag in db.session.scalars(
        select(Tag).where(Tag.name.in_(cleaned)))} if cleaned else {}
    return [existing.get(name) or Tag(name=name) for name in cleaned]


def tag_by_name(name: str) -> Tag | None:
    """The tag called ``name``, or written another way ("Wi-Fi" for "wi-fi")."""
    if not name:
        return None
    return (db.session.scalar(select(Tag).where(Tag.name == name))
            or db.session.scalar(select(Tag).where(Tag.name == tag_name(name))))


def tagged(statement: Select, tag: Tag) -> Select:
    """``statement`` (over threads) narrowed to the threads with ``tag``."""
    return statement.where(exists().where(thread_tags.c.thread_id == Thread.id,
                                          thread_tags.c.tag_id == tag.id))


def popular(listed) -> Select:
    """Tags on listed threads, most used first, for a paginated list; ``listed`` is the
    condition a thread meets to be listed (a held question's tags, a spammer's, are
    nobody's business). :func:`uses` counts them."""
    return (select(Tag).join(thread_tags, thread_tags.c.tag_id == Tag.id)
            .join(Thread, Thread.id == thread_tags.c.thread_id).where(listed)
            .group_by(Tag.id).order_by(func.count(thread_tags.c.thread_id).desc(), Tag.name))


def uses(listed, tag_ids: list[int]) -> dict[int, int]:
    """How many listed threads carry each of these tags."""
    if not tag_ids:
        return {}
    return dict(db.session.execute(
        select(thread_tags.c.tag_id, func.count()).join(
            Thread, Thread.id == thread_tags.c.thread_id)
        .where(listed, thread_tags.c.tag_id.in_(tag_ids)).group_by(thread_tags.c.tag_id)).all())


def describe(tag: Tag, description: str) -> None:
    """Set what the tag is for (a moderator's words, plain text)."""
    tag.description = " ".join(description.split())[:500]
    db.session.commit()

