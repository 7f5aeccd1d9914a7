"""Social listening's throughput: mentions per second from a local fake X server into
community threads, beside a baseline that only fetches and parses the same pages.

The fake server (``tests/support/fake_x.py``) serves real recorded posts from
../shared/fixtures/x_api, cloned under new ids to ``--mentions`` posts (reposts left
out, so every post served becomes a thread). Measured in one run, in process, on SQLite
with Whoosh, as ``make run`` has it:

1. **parse only**: tweepy's Client fetches every page and the X source parses it;
2. **captured**: the same pages polled into mentions (enriched, filtered, stored once);
3. **into threads**: those mentions imported by the rule's "import all" policy, through
   the screening gate (the spam classifier seeded from the SMS corpus, the demo's watched
   words) and indexed for search.

Each round starts from a fresh database; the round with the median speed is shown (this
machine's speed drifts by a fifth between runs).

``python -m benchmarks.listen [--mentions N] [--rounds R]`` (``make bench``: 3,000, 3).
"""

from __future__ import annotations

import argparse
import copy
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.harness import prepared_environment
from tests.support.fake_x import FakeX, is_retweet, load_corpus

SHARED = Path(os.environ.get("PEERDESK_SHARED_DIR",
                             Path(__file__).resolve().parents[2] / "shared"))
TARGET = 500  # mentions a second, into threads


def corpus(count: int) -> tuple[list[dict], dict]:
    """``count`` posts: the recorded originals again and again, each under a new id."""
    tweets, users = load_corpus()
    originals = [tweet for tweet in tweets if not is_retweet(tweet)]
    clones = []
    for number in range(count):
        tweet = copy.deepcopy(originals[number % len(originals)])
        tweet["id"] = tweet["conversation_id"] = str(2_000_000_000_000_000_000 + number)
        tweet.pop("referenced_tweets", None)
        clones.append(tweet)
    return clones, users


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mentions", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    tweets, users = corpus(args.mentions)
    rounds = []
    for _round in range(args.rounds):
        with tempfile.TemporaryDirectory(prefix="peerdesk-bench-") as folder, \
                FakeX(tweets, users) as fake_x:
            env = prepared_environment(Path(folder))
            os.environ.update(env, PEERDESK_X_API_BASE=fake_x.url,
                              PEERDESK_X_BEARER_TOKEN="benchmark",
                              PEERDESK_LISTEN_PAGE_SIZE="100")
            rounds.append(run(fake_x))
    report(args.mentions, rounds)


@dataclass(frozen=True)
class Round:
    parsed: int
    parse_seconds: float
    captured: int
    capture_seconds: float
    imported: int
    import_seconds: float

    @property
    def into_threads(self) -> float:
        return self.imported / (self.capture_seconds + self.import_seconds)


def run(fake_x: FakeX) -> Round:
    """One round on a fresh database: the same pages parsed, captured, imported."""
    from app import create_app
    from social_listen import auto_import, polling
    from social_listen.sources.x import XSource

    app = create_app()
    with app.app_context():
        rule = _prepared_rule()
        source = XSource("benchmark", fake_x.url, page_size=100)
        started, parsed, token = time.perf_counter(), 0, None
        while True:
            page = source.fetch(rule.query, None, token)
            parsed += len(page.items)
            if not (token := page.next_token):
                break
        parse_seconds = time.perf_counter() - started

        started = time.perf_counter()
        captured = polling.poll(rule.id).new
        capture_seconds = time.perf_counter() - started

        started, imported = time.perf_counter(), 0
        while done := auto_import.import_pending(rule.id).done:
            imported += done
        import_seconds = time.perf_counter() - started
    return Round(parsed, parse_seconds, captured, capture_seconds, imported, import_seconds)


def _prepared_rule():
    """An "import all" rule, the classifier seeded from the SMS corpus, the demo's watched
    words, and the language model loaded (as a worker has it after its first poll)."""
    from app.accounts import services as accounts
    from app.extensions import db
    from community.models import Category
    from moderation import spam, spam_model, watched
    from moderation.cli import read_corpus
    from moderation.demo import WORDS
    from social_listen import enrich, services

    admin = accounts.register("bench-admin", "admin@example.com", "bench-password-1",
                              role="admin")
    category = Category(slug="social", name="Social", description="")
    db.session.add(category)
    db.session.commit()
    for pattern, action in WORDS:
        watched.add(pattern, action, is_regex=False, by=admin)
    spam_model.seed((spam.features(text), is_spam) for text, is_spam in
                    read_corpus(SHARED / "data" / "spam" / "sms" / "SMSSpamCollection"))
    enrich.language("A worker loads the language model once, before its first poll.")
    return services.create_rule(admin, services.RuleFields(
        name="Benchmark", source="x", query="acme", category_id=category.id,
        import_policy="all"))


def report(count: int, rounds: list[Round]) -> None:
    print(f"\nSocial listening: {count} posts from the local fake X server (pages of 100), "
          f"SQLite + Whoosh, one process, {len(rounds)} rounds (median round shown)")
    middle = sorted(rounds, key=lambda r: r.into_threads)[len(rounds) // 2]
    print(f"  {'stage':<44} {'posts':>6} {'seconds':>8} {'per second':>11}")
    for label, number, seconds in (
            ("parse only (fetch + parse, the baseline)", middle.parsed, middle.parse_seconds),
            ("captured (enriched, filtered, stored)", middle.captured, middle.capture_seconds),
            ("imported (screened, written, indexed)", middle.imported, middle.import_seconds)):
        print(f"  {label:<44} {number:>6} {seconds:>8.2f} {number / seconds:>11.0f}")
    speeds = ", ".join(f"{r.into_threads:.0f}" for r in rounds)
    into = middle.into_threads
    print(f"  from the server into threads: {into:.0f} mentions/s "
          f"({into / (middle.parsed / middle.parse_seconds):.3f} of parse only; "
          f"rounds: {speeds}; target {TARGET}: {'met' if into >= TARGET else 'MISSED'})")


if __name__ == "__main__":
    main()
