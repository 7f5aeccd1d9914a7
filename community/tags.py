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


def popular(listed, limit: int = 60) -> list[tuple[Tag, int]]:
    """The most used tags with how many listed threads carry each, most used first;
    ``listed`` is the condition a thread meets to be listed (a held question's tags, a
    spammer's, are nobody's business)."""
    used = func.count(thread_tags.c.thread_id)
    return [(tag, count) for tag, count in db.session.execute(
        select(Tag, used).join(thread_tags, thread_tags.c.tag_id == Tag.id)
        .join(Thread, Thread.id == thread_tags.c.thread_id).where(listed)
        .group_by(Tag.id).order_by(used.desc(), Tag.name).limit(limit))]


def describe(tag: Tag, description: str) -> None:
    """Set what the tag is for (a moderator's words, plain text)."""
    tag.description = " ".join(description.split())[:500]
    db.session.commit()

