"""The search benchmark's corpus: the real Stack Exchange dumps, grown to any size.

The six dumps in ``../shared/data/stackexchange`` hold about 9,400 real questions and
answers. A benchmark of 100,000 posts repeats them, and each copy varies so the index is
not fed the same document ten times: the title gets a suffix a real poster might add, the
answers come in another order, the thread lives in another category, and one copy in four
lost its accepted answer. Everything is derived from fixed seeds, so every run indexes
the same text. Bodies are the dump's HTML, sanitized as an import stores them.

Only the parsed dumps are kept between databases, in memory; nothing is cached on disk.
"""

from __future__ import annotations

import os
import random
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.harness import ROOT

DUMPS = Path(os.environ.get("PEERDESK_BENCH_DUMPS",
                            ROOT.parent / "shared" / "data" / "stackexchange"))
SITES = {  # folder: the site's address, for source URLs
    "beer": "beer.stackexchange.com",
    "bicycles.meta": "bicycles.meta.stackexchange.com",
    "coffee": "coffee.stackexchange.com",
    "cstheory.meta": "cstheory.meta.stackexchange.com",
    "history.meta": "history.meta.stackexchange.com",
    "quantumcomputing": "quantumcomputing.stackexchange.com",
}
TITLE_SUFFIXES = ("", " (again)", " after the latest update", " — any ideas?",
                  " on a new setup", " for a beginner", " — still happening",
                  " (follow-up)", " this year", " in practice", " once more", " at home")
TITLE_MAX = 150
TAG = re.compile(r"[^<>|]+")  # "<hops><history>", or "|hops|history|" in newer dumps


@dataclass(frozen=True)
class Question:
    """A real question of a dump, with its answers (bodies sanitized)."""

    site: str  # the folder, e.g. "beer"
    ident: int  # its id in the dump
    title: str
    body: str
    tags: tuple[str, ...]
    answers: tuple[str, ...]
    accepted: int | None  # index into ``answers``
    created: datetime
    author: str


@dataclass(frozen=True)
class Copy:
    """One thread of the corpus: a question, varied for copy number ``number``."""

    question: Question
    number: int
    title: str
    category: str  # slug
    answers: tuple[str, ...]
    accepted: int | None

    @property
    def posts(self) -> int:
        return 1 + len(self.answers)

    @property
    def created(self) -> datetime:
        return self.question.created + timedelta(days=7 * self.number)

    @property
    def external_id(self) -> str:
        return f"bench:{self.question.site}:{self.number}:{self.question.ident}"

    @property
    def source_url(self) -> str:
        return f"https://{SITES[self.question.site]}/questions/{self.question.ident}"


def read_dumps(folder: Path = DUMPS) -> list[Question]:
    """Every question of every dump with its answers, in dump order."""
    if not folder.is_dir():
        raise SystemExit(f"The Stack Exchange dumps are not in {folder} (see "
                         "PEERDESK_BENCH_DUMPS).")
    return [question for site in SITES for question in _read_site(folder, site)]


def _read_site(folder: Path, site: str) -> list[Question]:
    from app.text import sanitize

    rows: dict[int, dict[str, str]] = {}
    answers: dict[int, list[int]] = {}
    for _event, element in ET.iterparse(folder / site / "Posts.xml"):
        if element.tag == "row" and element.get("PostTypeId") in ("1", "2"):
            ident = int(element.get("Id"))
            rows[ident] = dict(element.attrib)
            if element.get("PostTypeId") == "2":
                answers.setdefault(int(element.get("ParentId", "0")), []).append(ident)
        element.clear()
    questions = []
    for ident, row in rows.items():
        if row["PostTypeId"] != "1":
            continue
        ids = answers.get(ident, [])
        accepted = int(row.get("AcceptedAnswerId") or 0)
        questions.append(Question(
            site=site, ident=ident, title=row.get("Title", "")[:TITLE_MAX],
            body=str(sanitize(row.get("Body", ""))),
            tags=tuple(TAG.findall(row.get("Tags", ""))),
            answers=tuple(str(sanitize(rows[answer].get("Body", ""))) for answer in ids),
            accepted=ids.index(accepted) if accepted in ids else None,
            created=datetime.fromisoformat(row["CreationDate"]),
            author=f"user {row.get('OwnerUserId', 'anonymous')}",
        ))
    return questions


def category_slug(site: str, number: int) -> str:
    return f"{site.replace('.', '-')}-{number + 1}"


def copies(questions: list[Question], posts: int) -> Iterator[Copy]:
    """Threads holding exactly ``posts`` posts: copy 0 is the dumps as they are, each
    further copy varies them (the last thread may lose some answers to hit the count)."""
    left = posts
    number = 0
    while left > 0:
        for position, question in enumerate(questions):
            if left <= 0:
                return
            copy = _vary(question, number, random.Random(number * 1_000_003 + position))
            if copy.posts > left:
                copy = Copy(copy.question, number, copy.title, copy.category,
                            copy.answers[:left - 1], None)
            left -= copy.posts
            yield copy
        number += 1


def _vary(question: Question, number: int, rng: random.Random) -> Copy:
    if number == 0:
        return Copy(question, 0, question.title, category_slug(question.site, 0),
                    question.answers, question.accepted)
    suffix = TITLE_SUFFIXES[(number + question.ident) % len(TITLE_SUFFIXES)]
    title = question.title[:TITLE_MAX - len(suffix)] + suffix
    order = list(range(len(question.answers)))
    rng.shuffle(order)
    accepted = None
    if question.accepted is not None and number % 4 != 3:
        accepted = order.index(question.accepted)
    return Copy(question, number, title, category_slug(question.site, number),
                tuple(question.answers[index] for index in order), accepted)
