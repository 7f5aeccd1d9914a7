"""Loaders for the real data the spam classifier is measured on, read in place from the shared
folder beside the repository (``../shared``; ``PEERDESK_SHARED_DIR`` overrides). Nothing is
copied into the repository.

- SMS: the SMS Spam Collection v.1, T. A. Almeida, J. M. Gómez Hidalgo, A. Yamakami,
  "Contributions to the Study of SMS Spam Filtering: New Collection and Results", ACM DocEng
  2011 (copyright the authors; listed by UCI under CC BY 4.0). See shared/data/spam/sms/SOURCE.md.
- Forum text: posts from six Stack Exchange data dumps (CC BY-SA, see
  shared/data/stackexchange/SOURCE.md), all written by people, so all ham.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar
from xml.etree.ElementTree import iterparse

import pytest

SHARED = Path(os.environ.get("PEERDESK_SHARED_DIR",
                             Path(__file__).resolve().parents[3] / "shared"))
SMS_FILE = SHARED / "data" / "spam" / "sms" / "SMSSpamCollection"
DUMPS = SHARED / "data" / "stackexchange"
SITES = ("beer", "coffee", "bicycles.meta", "cstheory.meta", "history.meta", "quantumcomputing")
SEED = 20261203

_TAG = re.compile(r"<[^>]*>")
_HREF = re.compile(r"""<a\s[^>]*?href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
T = TypeVar("T")


@dataclass(frozen=True)
class ForumPost:
    site: str
    text: str
    title: str
    links: tuple[str, ...]


def require(path: Path) -> Path:
    """The shared data are part of the test run: missing data fail, they do not skip."""
    if not path.exists():
        pytest.fail(f"{path} is missing: put the shared data beside the repository "
                    f"(../shared) or point PEERDESK_SHARED_DIR at it", pytrace=False)
    return path


def sms_messages() -> list[tuple[str, bool]]:
    """(text, is_spam) for all 5,574 messages, in file order. The collection stores a few
    characters as HTML entities (``&lt;#&gt;``, ``&amp;``); they are decoded."""
    messages = []
    for line in require(SMS_FILE).read_text(encoding="utf-8").splitlines():
        label, _, text = line.partition("\t")
        if label not in ("ham", "spam"):
            raise ValueError(f"unexpected line in {SMS_FILE}: {line[:60]!r}")
        messages.append((html.unescape(text), label == "spam"))
    return messages


def plain_text(body: str) -> str:
    return html.unescape(_TAG.sub(" ", body))


def _site_posts(site: str) -> list[ForumPost]:
    posts = []
    for _event, row in iterparse(require(DUMPS / site / "Posts.xml")):
        body = row.get("Body") if row.tag == "row" else None
        if body and body.strip():
            posts.append(ForumPost(site, plain_text(body), row.get("Title") or "",
                                   tuple(map(html.unescape, _HREF.findall(body)))))
        row.clear()
    return posts


def _key(seed: int, index: int) -> bytes:
    return hashlib.sha256(f"{seed}:{index}".encode()).digest()


def shuffled(items: Sequence[T], seed: int = SEED) -> list[T]:
    """The same order on every run and Python version."""
    order = sorted(range(len(items)), key=lambda index: _key(seed, index))
    return [items[index] for index in order]


def forum_post_records(limit: int) -> list[ForumPost]:
    """A deterministic sample of ``limit`` posts, questions and answers, taken in turn from the
    six sites (text, title where the post is a question, and the hrefs of its links)."""
    pools = [shuffled(_site_posts(site)) for site in SITES]
    sample: list[ForumPost] = []
    for index in range(max(map(len, pools))):
        sample += [pool[index] for pool in pools if index < len(pool)]
        if len(sample) >= limit:
            break
    return sample[:limit]


def forum_posts(limit: int) -> list[str]:
    """The plain text of ``forum_post_records(limit)``."""
    return [post.text for post in forum_post_records(limit)]


def split(items: Sequence[T], test_share: float = 0.25,
          seed: int = SEED) -> tuple[list[T], list[T]]:
    """(train, test): a deterministic shuffle, the last ``test_share`` of it held out."""
    order = shuffled(items, seed)
    cut = len(order) - round(len(order) * test_share)
    return order[:cut], order[cut:]


# The plain baseline the classifier is measured against: a fixed list of classic spam words.
SPAM_WORDS = (
    "free", "win", "winner", "won", "prize", "cash", "urgent", "claim", "offer", "call now",
    "txt", "viagra", "casino", "loan", "bitcoin", "click here", "guaranteed", "congratulations",
    "100% free", "limited time", "act now", "subscribe",
)
BASELINE = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, SPAM_WORDS)) + r")(?!\w)",
                       re.IGNORECASE)


def keyword_baseline(text: str) -> bool:
    """True if the text has any classic spam word: what a word filter alone would catch."""
    return BASELINE.search(text) is not None
