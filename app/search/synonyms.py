"""The synonym list: read at query time by every backend, edited by admins as text.

The text has one group per line, terms separated by commas ("earbuds, buds, earphones,
auricolari"). Changing it needs no reindex: documents keep their own words and the query
is widened. A term belongs to one group only, otherwise "buds" would mean two things.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from flask_babel import gettext as _
from sqlalchemy import delete, select

from app.extensions import db
from app.search.models import TERMS_MAX, SynonymGroup, split_terms
from app.search.terms import MAX_TERM_WORDS, Synonyms, words

MAX_GROUPS = 500


@dataclass(frozen=True)
class Parsed:
    groups: list[list[str]]
    errors: list[str]


def normalize(term: str) -> str:
    return " ".join(term.lower().split())


def parse(text: str) -> Parsed:
    """Groups from the admin's text, or the reasons it cannot be saved (by line)."""
    groups: list[list[str]] = []
    errors: list[str] = []
    first_seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        terms = list(dict.fromkeys(t for raw in line.split(",") if (t := normalize(raw))))
        if not terms:
            continue
        problem = _line_problem(terms) or _taken(terms, first_seen)
        if problem:
            errors.append(_("Line %(line)d: %(problem)s", line=number, problem=problem))
        for term in terms:
            first_seen.setdefault(term, number)
        groups.append(terms)
    if len(groups) > MAX_GROUPS:
        errors.append(_("At most %(count)d groups.", count=MAX_GROUPS))
    return Parsed(groups, errors)


def _line_problem(terms: list[str]) -> str | None:
    if len(terms) < 2:
        return _("“%(term)s” has no synonym; put two or more terms on a line, separated by "
                 "commas.", term=terms[0])
    if len(",".join(terms)) > TERMS_MAX:
        return _("a group can hold at most %(count)d characters.", count=TERMS_MAX)
    for term in terms:
        if not words(term):
            return _("“%(term)s” has no letters or digits.", term=term)
        if len(words(term)) > MAX_TERM_WORDS:
            return _("“%(term)s” is too long; a term has at most %(count)d words.",
                     term=term, count=MAX_TERM_WORDS)
    return None


def _taken(terms: list[str], first_seen: dict[str, int]) -> str | None:
    for term in terms:
        if term in first_seen:
            return _("“%(term)s” is already on line %(other)d; a term belongs to one group "
                     "only.", term=term, other=first_seen[term])
    return None


def as_text(groups: list[list[str]]) -> str:
    return "\n".join(", ".join(group) for group in groups)


def stored_groups() -> list[list[str]]:
    rows = db.session.scalars(select(SynonymGroup).order_by(SynonymGroup.id))
    return [row.term_list for row in rows]


def load() -> Synonyms:
    """The stored list, ready for lookups. Reading the rows is cheap; building the
    lookups is not (stems of every term in both languages: 130 ms for 500 groups), so
    it is done once per distinct list."""
    return _built(tuple(db.session.scalars(select(SynonymGroup.terms)
                                           .order_by(SynonymGroup.id))))


@lru_cache(maxsize=4)
def _built(rows: tuple[str, ...]) -> Synonyms:
    return Synonyms([split_terms(row) for row in rows])


def replace(groups: list[list[str]]) -> None:
    """Store ``groups`` (already parsed) instead of the current list, in one transaction."""
    db.session.execute(delete(SynonymGroup))
    db.session.add_all(SynonymGroup(terms=",".join(group)) for group in groups)
    db.session.commit()
