"""Question and language detection judged on text nobody here wrote: Stack Exchange
question titles and answers (English) and SQuAD-it's questions and paragraphs (Italian),
beside the plain baseline "it has a question mark", from the same run."""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest

from social_listen import enrich

SHARED = Path(os.environ.get("PEERDESK_SHARED_DIR",
                             Path(__file__).resolve().parents[2].parent / "shared")) / "data"
SITES = ("beer", "coffee", "bicycles.meta", "cstheory.meta", "history.meta",
         "quantumcomputing")
SAMPLE = 1500


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"{path} is missing: the shared data must sit beside the repository "
                    "(../shared) or PEERDESK_SHARED_DIR must point at it", pytrace=False)
    return path


@cache
def stack_exchange() -> tuple[list[str], list[str]]:
    titles, answers = [], []
    for site in SITES:
        for _event, row in ET.iterparse(_need(SHARED / "stackexchange" / site / "Posts.xml")):
            if row.tag != "row":
                continue
            if row.get("PostTypeId") == "1":
                titles.append(row.get("Title") or "")
            elif row.get("PostTypeId") == "2":
                line = re.sub(r"<[^>]+>", " ", row.get("Body") or "").strip().split("\n")[0]
                if len(line.split()) > 4:
                    answers.append(line[:280])
    rng = random.Random(7)
    return rng.sample(titles, SAMPLE), rng.sample(answers, SAMPLE)


@cache
def squad_it() -> tuple[list[str], list[str]]:
    with gzip.open(_need(SHARED / "squad-it" / "SQuAD_it-test.json.gz")) as handle:
        data = json.load(handle)["data"]
    questions = [qa["question"] for article in data for paragraph in article["paragraphs"]
                 for qa in paragraph["qas"]]
    sentences = [sentence for article in data for paragraph in article["paragraphs"]
                 for sentence in re.split(r"(?<=\.)\s", paragraph["context"])
                 if len(sentence.split()) > 4]
    rng = random.Random(7)
    return rng.sample(questions, SAMPLE), rng.sample(sentences, SAMPLE)


def share(texts: list[str], check) -> float:
    return sum(1 for text in texts if check(text)) / len(texts)


def has_question_mark(text: str) -> bool:
    return "?" in text


def test_question_detection_finds_at_least_what_question_marks_find_in_english():
    titles, answers = stack_exchange()
    ours, baseline = share(titles, enrich.looks_like_question), share(titles, has_question_mark)
    false_alarms = share(answers, enrich.looks_like_question)
    print(f"SE titles taken as questions: {ours:.3f} (baseline '?': {baseline:.3f}); "
          f"SE answers taken as questions: {false_alarms:.3f}")
    assert ours >= baseline
    assert false_alarms <= 0.15


def test_question_detection_in_italian():
    questions, sentences = squad_it()
    found, false_alarms = (share(questions, enrich.looks_like_question),
                           share(sentences, enrich.looks_like_question))
    print(f"SQuAD-it questions found: {found:.3f}; statements taken as questions: "
          f"{false_alarms:.3f}")
    assert found >= 0.95 and false_alarms <= 0.05


def test_language_detection_on_real_text():
    titles, answers = stack_exchange()
    questions, sentences = squad_it()
    english = share(answers, lambda text: enrich.language(text) == "en")
    italian = share(questions + sentences, lambda text: enrich.language(text) == "it")
    short = share(titles, lambda text: enrich.language(text) == "en")
    print(f"English answers {english:.3f}, Italian text {italian:.3f}, "
          f"short English titles {short:.3f}")
    assert english >= 0.98 and italian >= 0.98 and short >= 0.9
