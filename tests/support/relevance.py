"""A relevance set nobody here wrote: the duplicate and "linked" pairs that Stack
Exchange's own users marked in ../shared/data/stackexchange (``PostLinks.xml``).

For each pair whose two ends are questions of the dump, the first question's **title**
is a query (and, separately, the **first sentence** of its body), and the second
question's thread is the one expected; every other imported thread is the haystack. The
asking question's own thread is left out of its ranking (it would find itself first).
Scores: MRR@10 (the mean of 1/rank of the expected thread, 0 past 10) and recall@5.

Two baselines are computed over the same questions in the same run, and every backend
is reported beside them: a plain BM25 (``rank_bm25.BM25Okapi``, words lowercased, no
stemming, title and body as one text), and a stock Whoosh set-up (BM25F, Porter stemming,
any word may match, the title weighing twice the body).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from community.importers.stackexchange import (
    QUESTION,
    links,
    open_dump,
    post_from,
    rows,
)

SHARED = Path(os.environ.get("PEERDESK_SHARED_DIR",
                             Path(__file__).resolve().parents[2].parent / "shared"))
DUMPS = SHARED / "data" / "stackexchange"
TAG = re.compile(r"<[^>]+>")
SENTENCE_END = re.compile(r"(?<=[.!?])\s")
WORD = re.compile(r"\w+")
MIN_SENTENCE_WORDS = 4


@dataclass(frozen=True)
class Pair:
    query: str
    asked: str  # the external id of the asking question's thread (left out of its ranking)
    expected: str  # the external id of the thread that should come first
    kind: str  # "duplicate" or "linked"
    form: str  # "title" or "sentence"


@dataclass(frozen=True)
class Question:
    key: str
    title: str
    text: str  # the body as plain text


@dataclass(frozen=True)
class Scores:
    mrr: float
    recall_at_5: float
    count: int

    def line(self, name: str) -> str:
        return f"{name:<34} MRR@10 {self.mrr:.3f}  recall@5 {self.recall_at_5:.3f}  ({self.count})"


def folders() -> list[Path]:
    return sorted(path for path in DUMPS.iterdir() if (path / "Posts.xml").is_file())


def questions(folder: Path) -> dict[int, Question]:
    dump = open_dump(folder)
    found = {}
    for row in rows(dump.posts):
        post = post_from(row, dump.posts)
        if post is not None and post.type == QUESTION:
            found[post.id] = Question(dump.key(post.id), post.title, plain(post.body))
    return found


def plain(html: str) -> str:
    return " ".join(unescape(TAG.sub(" ", html)).split())


def first_sentence(text: str) -> str | None:
    """The body's first sentence with a few words to it, or None (code, a lone link)."""
    for sentence in SENTENCE_END.split(text):
        if len(WORD.findall(sentence)) >= MIN_SENTENCE_WORDS:
            return sentence[:300]
    return None


def pairs(all_questions: dict[Path, dict[int, Question]]) -> list[Pair]:
    found = []
    for folder, asked_in in all_questions.items():
        for post_id, related_id, kind in links(open_dump(folder)):
            asking, expected = asked_in.get(post_id), asked_in.get(related_id)
            if asking is None or expected is None or post_id == related_id:
                continue
            found.append(Pair(asking.title, asking.key, expected.key, kind, "title"))
            sentence = first_sentence(asking.text)
            if sentence:
                found.append(Pair(sentence, asking.key, expected.key, kind, "sentence"))
    return found


def score(pairs_: Iterable[Pair], ranked: Callable[[Pair], list[str]]) -> Scores:
    """``ranked(pair)``: the external ids of the threads found, best first."""
    reciprocal, within_5, count = 0.0, 0, 0
    for pair in pairs_:
        order = [key for key in ranked(pair) if key != pair.asked][:10]
        rank = order.index(pair.expected) + 1 if pair.expected in order else None
        reciprocal += 1 / rank if rank else 0.0
        within_5 += bool(rank and rank <= 5)
        count += 1
    return Scores(reciprocal / count, within_5 / count, count) if count else Scores(0, 0, 0)


class PlainBM25:
    """The baseline: BM25 over title + body, lowercased words, nothing else. ``tokens``
    turns a text into its words (another language's may stem them and drop stop words)."""

    def __init__(self, haystack: Iterable[Question],
                 tokens: Callable[[str], list[str]] | None = None) -> None:
        from rank_bm25 import BM25Okapi

        self.tokens = tokens or _tokens
        self.keys, texts = [], []
        for question in haystack:
            self.keys.append(question.key)
            texts.append(self.tokens(f"{question.title} {question.text}"))
        self.model = BM25Okapi(texts)

    def ranked(self, pair: Pair) -> list[str]:
        scores = self.model.get_scores(self.tokens(pair.query))
        best = sorted(range(len(scores)), key=lambda i: -scores[i])[:11]
        return [self.keys[i] for i in best if scores[i] > 0]


class StockWhoosh:
    """The second baseline: Whoosh as its documentation sets it up, nothing of ours.
    ``analyzer`` makes one (default: ``StemmingAnalyzer()``, English Porter stemming)."""

    def __init__(self, haystack: Iterable[Question],
                 analyzer: Callable[[], object] | None = None) -> None:
        from whoosh import index
        from whoosh.analysis import StemmingAnalyzer
        from whoosh.fields import ID, TEXT, Schema
        from whoosh.qparser import MultifieldParser, OrGroup

        analyzer = analyzer or StemmingAnalyzer
        self.folder = tempfile.TemporaryDirectory(prefix="peerdesk-stock-whoosh-")
        schema = Schema(key=ID(stored=True),
                        title=TEXT(analyzer=analyzer(), field_boost=2.0),
                        body=TEXT(analyzer=analyzer()))
        self.index = index.create_in(self.folder.name, schema)
        with self.index.writer(limitmb=256) as writer:
            for question in haystack:
                writer.add_document(key=question.key, title=question.title, body=question.text)
        self.parser = MultifieldParser(["title", "body"], schema, group=OrGroup)

    def ranked(self, pair: Pair) -> list[str]:
        query = self.parser.parse(" ".join(WORD.findall(pair.query)))
        with self.index.searcher() as searcher:
            return [hit["key"] for hit in searcher.search(query, limit=11)]


def _tokens(text: str) -> list[str]:
    return WORD.findall(text.lower())
