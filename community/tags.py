"""Tags: how a name becomes a tag, and a question's tags found or made."""

from __future__ import annotations

import re
from collections.abc import Iterable

from flask_babel import gettext as _
from sqlalchemy import select

from app.extensions import db
from community.errors import CommunityError
from community.models import Tag

MAX_TAGS = 5


def tag_name(name: str) -> str:
    """Lower case, words joined by hyphens, letters of any script kept ("Wi-Fi 6" ->
    "wi-fi-6", "Батарея" -> "батарея")."""
    return re.sub(r"[^\w]+", "-", name.strip().lower()).strip("-_")[:40]


def tags_named(names: Iterable[str]) -> list[Tag]:
    """The tags for these names, existing ones reused, new ones created (unsaved)."""
    cleaned = sorted({tag_name(name) for name in names if tag_name(name)})
    if len(cleaned) > MAX_TAGS:
        raise CommunityError(_("Use at most %(max)d tags.", max=MAX_TAGS), field="tags")
    existing = {tag.name: tag for tag in db.session.scalars(
        select(Tag).where(Tag.name.in_(cleaned)))} if cleaned else {}
    return [existing.get(name) or Tag(name=name) for name in cleaned]
