"""What the search benchmark asks: real question titles and the ways people type them.

Each probe is one call of ``search.query(..., limit=20)``. The mix follows what a search
box receives: whole titles pasted in, a few key words, a question phrased in plain
language, the same with typos (asking for "did you mean"), and searches narrowed to a
category, to solved threads, or turned to page 2. Probes are drawn from the real
questions with a fixed seed, so every run and every backend asks the same things.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from benchmarks.search_corpus import Copy, Question

STOPWORDS = frozenset("""a about after all also am an and any are as at be been but by can
could did do does doing for from get had has have how i if in into is it its just me more
most my no not of on or our should so some than that the their them then there these they
this to too use used using was way we were what when where which who why will with would
you your""".split())  # noqa: SIM905 - a word list reads best as words
PHRASINGS = ("how do i {0}", "why is {0} not working", "{0} problem", "help with {0}",
             "is there a way to {0}", "question about {0}", "what is the best {0}",
             "{0} not working after update")
MIX = {"title": 60, "key words": 50, "plain language": 40, "misspelled": 30,
       "category": 20, "solved only": 20, "page 2": 20}


@dataclass(frozen=True)
class Probe:
    kind: str
    text: str
    category: str | None = None
    solved_only: bool = False
    offset: int = 0
    suggest: bool = False

    @property
    def page_path(self) -> str:
        """The search page asking the same (it shows 10 results a page, "page 2" is the
        second page there too)."""
        parameters = {"q": self.text, "category": self.category or "",
                      "solved": "1" if self.solved_only else "",
                      "page": "2" if self.offset else ""}
        return "/search?" + urlencode({name: value for name, value in parameters.items()
                                       if value})

    def call(self, search) -> int:
        """Run this probe with ``search`` (the adapter); how many results it found."""
        found = search.query(self.text, category=self.category, solved_only=self.solved_only,
                             limit=20, offset=self.offset, suggest=self.suggest)
        return found.total


def key_words(title: str, count: int = 4) -> list[str]:
    words = [word for word in re.findall(r"[\w'-]+", title.lower())
             if word not in STOPWORDS and len(word) > 2]
    return words[:count]


def misspelled(text: str, rng: random.Random) -> str:
    """Two neighbouring letters swapped in the longest word, and a letter dropped in
    another: the typos a phone keyboard makes."""
    words = text.split()
    longest = max(range(len(words)), key=lambda index: len(words[index]))
    word = words[longest]
    if len(word) >= 4:
        at = rng.randrange(1, len(word) - 2)
        words[longest] = word[:at] + word[at + 1] + word[at] + word[at + 2:]
    others = [index for index, other in enumerate(words) if index != longest and len(other) > 4]
    if others:
        index = rng.choice(others)
        at = rng.randrange(1, len(words[index]) - 1)
        words[index] = words[index][:at] + words[index][at + 1:]
    return " ".join(words)


def probes(questions: list[Question], threads: list[Copy], seed: int = 4) -> list[Probe]:
    """The benchmark's queries (``MIX`` says how many of each kind), the kinds mixed in a
    fixed order, so that a run cut short by its time budget still measured every kind."""
    rng = random.Random(seed)
    usable = [question for question in questions if len(key_words(question.title)) >= 3]
    picked = rng.sample(usable, sum(MIX.values()))
    homes: dict[Question, list[str]] = {}  # the categories holding a copy of each question
    for thread in threads:
        homes.setdefault(thread.question, []).append(thread.category)
    every = sorted({thread.category for thread in threads})
    made: list[Probe] = []
    for kind, count in MIX.items():
        for question in picked[len(made):len(made) + count]:
            made.append(_probe(kind, question, homes.get(question, every), rng))
    rng.shuffle(made)
    return made


def _probe(kind: str, question: Question, categories: list[str],
           rng: random.Random) -> Probe:
    words = " ".join(key_words(question.title))
    if kind == "title":
        return Probe(kind, question.title)
    if kind == "key words":
        return Probe(kind, words)
    if kind == "plain language":
        return Probe(kind, rng.choice(PHRASINGS).format(words))
    if kind == "misspelled":
        return Probe(kind, misspelled(words, rng), suggest=True)
    if kind == "category":
        return Probe(kind, words, category=rng.choice(categories))
    if kind == "solved only":
        return Probe(kind, words, solved_only=True)
    return Probe(kind, " ".join(key_words(question.title, 2)), offset=20)
