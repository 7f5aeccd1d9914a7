"""An Italian relevance set nobody here wrote: SQuAD-it (../shared/data/squad-it), the
Italian translation of SQuAD 1.1 by D. Croce, A. Zelenanska and R. Basili, "Neural
Learning for Question Answering in Italian", AI*IA 2018 (https://github.com/crux82/squad-it),
under CC BY-SA 4.0; its SOURCE.md stays beside the file.

Every paragraph of the test split (48 Wikipedia articles, 2,010 paragraphs) becomes one
question thread: its **first sentence** is the title (cut at a word boundary to fit a
thread title, ``rules.TITLE_MAX``), the whole paragraph the body. The queries are the
questions asked on the paragraphs; the thread expected first is the paragraph's own.
The questions were written in English by people reading the paragraph, then machine
translated: they share many words with it, so this set checks Italian word forms, elisions
("dell'"), stop words and stemming more than customers' own phrasing.

**Sample** (deterministic, about 1,000 queries so a run is quick): in file order, the
paragraphs that have questions are numbered from 0, and the **first question of every
even-numbered one** is asked; every paragraph, asked or not, is in the haystack.

The paragraphs are written as a Stack Exchange dump (:func:`write_dump`) and loaded with
``flask import stackexchange --language it FOLDER``, as an outside evaluator would; post
``n`` is the n-th paragraph (from 1), so a thread's ``external_id`` is ``dump.key(n)``.

The two baselines of ``relevance.py`` in their Italian form, over the same paragraphs and
questions: a plain BM25 (words lowercased, Whoosh's Italian stop words dropped, Whoosh's
Italian Snowball stemmer) and a stock Whoosh set-up (``LanguageAnalyzer("it")``, any word
may match, the title weighing twice the body).
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import cache, partial
from html import escape
from pathlib import Path
from xml.sax.saxutils import quoteattr

from community.importers.stackexchange import key, site_for_folder
from community.rules import TITLE_MAX
from tests.support.relevance import (
    MIN_SENTENCE_WORDS,
    SHARED,
    WORD,
    Pair,
    PlainBM25,
    Question,
    StockWhoosh,
)

SQUAD_IT = SHARED / "data" / "squad-it"
FILE = SQUAD_IT / "SQuAD_it-test.json.gz"
FOLDER_NAME = "squad-it"  # the dump's folder, which names its site for the importer
SITE = site_for_folder(FOLDER_NAME)  # squad-it.stackexchange.com (no such site exists)
KIND, FORM = "squad-it", "question"
SAMPLE_EVERY = 2
CREATED = "2018-05-03T00:00:00.000"  # any date: the licence is stated on each row
LICENCE = "CC BY-SA 4.0"
CREDIT = "SQuAD-it (Croce, Zelenanska, Basili) from Wikipedia"
# A sentence ends at . ! or ? before a capital letter, unless what precedes is an initial
# ("John F. Kennedy", "14 d. C.") or one of these abbreviations.
SENTENCE_END = re.compile(r"[.!?]+(?=\s+[\"«(]?[A-ZÀ-ÖØ-Ý])")
LAST_WORD = re.compile(r"(\w+)\W*$")
ABBREVIATIONS = frozenset({"Dr", "Gen", "Jr", "Mr", "Mrs", "Rep", "Sen", "Sig", "Sr", "St"})


@dataclass(frozen=True)
class Paragraph:
    number: int  # the post id in the dump: the paragraph's position in the file, from 1
    article: str
    text: str
    questions: tuple[tuple[str, str], ...]  # (SQuAD id, question)

    @property
    def title(self) -> str:
        return title_of(self.text)


def paragraphs(path: Path = FILE) -> list[Paragraph]:
    with gzip.open(path, "rt", encoding="utf-8") as file:
        data = json.load(file)["data"]
    found = []
    for article in data:
        for paragraph in article["paragraphs"]:
            asked = tuple((qa["id"], " ".join(qa["question"].split()))
                          for qa in paragraph["qas"])
            found.append(Paragraph(len(found) + 1, article["title"],
                                   " ".join(paragraph["context"].split()), asked))
    return found


def first_sentence(text: str) -> str:
    """Up to the first sentence end after a few words (the paragraph if there is none)."""
    for end in SENTENCE_END.finditer(text):
        before = LAST_WORD.search(text, 0, end.start())
        if before and (len(before.group(1)) == 1 or before.group(1) in ABBREVIATIONS):
            continue
        if len(WORD.findall(text, 0, end.start())) >= MIN_SENTENCE_WORDS:
            return text[:end.end()]
    return text


def title_of(text: str) -> str:
    """The first sentence; cut after its last whole word that fits, with "…", when longer
    than a thread title may be (the importer would cut it mid-word)."""
    sentence = first_sentence(text)
    if len(sentence) <= TITLE_MAX:
        return sentence
    title = ""
    for word in sentence.split():
        if len(title) + 1 + len(word) > TITLE_MAX - 1:
            break
        title = f"{title} {word}" if title else word
    return (title.rstrip(",;:") or sentence[:TITLE_MAX - 1]) + "…"


def external_id(paragraph: Paragraph) -> str:
    """The ``Thread.external_id`` the import gives the paragraph's thread."""
    return key(SITE, paragraph.number)


def questions(found: list[Paragraph]) -> list[Question]:
    """The haystack as the baselines see it, keyed as the import keys the threads."""
    return [Question(external_id(p), p.title, p.text) for p in found]


def pairs(found: list[Paragraph]) -> list[Pair]:
    """The sample's queries. ``asked`` names the SQuAD question, which has no thread."""
    asked = [paragraph for paragraph in found if paragraph.questions][::SAMPLE_EVERY]
    return [Pair(question, f"squad-it:{ident}", external_id(paragraph), KIND, FORM)
            for paragraph in asked for ident, question in paragraph.questions[:1]]


def write_dump(found: list[Paragraph], parent: Path) -> Path:
    """The paragraphs as a Stack Exchange dump folder (``parent/squad-it``): Posts.xml only,
    the one file the importer requires; one question per paragraph, no answers."""
    folder = parent / FOLDER_NAME
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "Posts.xml").open("w", encoding="utf-8") as file:
        file.write('<?xml version="1.0" encoding="utf-8"?>\n<posts>\n')
        for paragraph in found:
            body = f"<p>{escape(paragraph.text, quote=False)}</p>"
            row = {"Id": paragraph.number, "PostTypeId": 1, "CreationDate": CREATED,
                   "Title": paragraph.title, "Body": body,
                   "OwnerDisplayName": CREDIT, "ContentLicense": LICENCE}
            attributes = " ".join(f"{name}={quoteattr(str(value))}"
                                  for name, value in row.items())
            file.write(f"  <row {attributes} />\n")
        file.write("</posts>\n")
    return folder


@cache
def _italian():
    from whoosh.lang import stemmer_for_language, stopwords_for_language

    return cache(stemmer_for_language("it")), frozenset(stopwords_for_language("it"))


def italian_tokens(text: str) -> list[str]:
    """Lowercased words, Whoosh's Italian stop words dropped, the rest stemmed (Snowball)."""
    stem, stop = _italian()
    return [stem(word) for word in WORD.findall(text.lower()) if word not in stop]


def plain_bm25(haystack: list[Question]) -> PlainBM25:
    return PlainBM25(haystack, tokens=italian_tokens)


def stock_whoosh(haystack: list[Question]) -> StockWhoosh:
    from whoosh.analysis import LanguageAnalyzer

    return StockWhoosh(haystack, analyzer=partial(LanguageAnalyzer, "it"))
