"""Product areas in every language the site speaks: an admin names and describes each
area once per language; pages show the reader's language and fall back to the default's
(``Category.name``). The admin also says whether members may ask there: an area that only
receives imported threads (social mentions) is left out of the Ask form. Saving one raises
the versions of the area and its subareas (lists, articles) and their ``label_version``
(thread pages), so cached pages show it at once.
"""

from __future__ import annotations

from flask import current_app
from sqlalchemy import update

from app.clock import utcnow
from app.extensions import db
from community.models import Category


def languages() -> tuple[str, ...]:
    """The site's languages, the default first (its texts are the required ones)."""
    default = current_app.config["BABEL_DEFAULT_LOCALE"]
    return (default, *(code for code in current_app.config["LANGUAGES"] if code != default))


def save(category: Category, texts: dict[str, tuple[str, str]], takes_questions: bool) -> None:
    """``texts``: {language: (name, description)}. The default language's are required
    (the form says so); another's left empty falls back to the default's.
    ``takes_questions``: whether the Ask form offers the area."""
    default = current_app.config["BABEL_DEFAULT_LOCALE"]
    name, description = texts[default]
    category.name, category.description = name.strip(), description.strip()
    category.takes_questions = takes_questions
    category.translations = {
        language: {"name": name.strip(), "description": description.strip()}
        for language, (name, description) in texts.items()
        if language != default and (name.strip() or description.strip())}
    family = [category.id, *(child.id for child in category.children)]  # children name it
    db.session.execute(update(Category).where(Category.id.in_(family)).values(
        version=Category.version + 1, label_version=Category.label_version + 1,
        changed_at=utcnow()))
    db.session.commit()
