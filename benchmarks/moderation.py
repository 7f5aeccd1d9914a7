"""Moderation's costs, measured side by side in one run.

1. **Screening a post** with 1,000 watched words and the spam classifier (seeded from the
   SMS Spam Collection in ../shared), on 300 real forum posts from the Stack Exchange
   dumps: the gate alone, and a whole question asked with and without screening (the
   same service, with the gate's screens removed: writing, indexing, events), in
   process, p50 / p95.
2. **The review queue with 10,000 items** against the bare endpoint on one gunicorn,
   signed in as a moderator: the first page, a deep page, a filter, and the API.

``python -m benchmarks.moderation`` (``make bench`` runs it too). Needs ../shared (or
``PEERDESK_SHARED_DIR``) for the real posts and the spam corpus.
"""

from __future__ import annotations

import os
import random
import re
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from benchmarks.harness import gunicorn, measure, prepared_environment, report
from benchmarks.search_corpus import read_dumps
from benchmarks.thread_page import PASSWORD, session_cookie

SHARED = Path(os.environ.get("PEERDESK_SHARED_DIR",
                             Path(__file__).resolve().parents[2] / "shared"))
QUEUE_ITEMS = 10_000
WORDS = 1_000
POSTS = 300
TAG = re.compile(r"<[^>]+>")


def watched_words(rng: random.Random) -> list[tuple[str, str, bool]]:
    """1,000 entries shaped like a real list: words, phrases, wildcards, a few regexes."""
    letters = "abcdefghijklmnopqrstuvwxyz"

    def word() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(5, 10)))

    entries = []
    for number in range(WORDS):
        action = ("block", "require_approval", "censor", "flag")[number % 4]
        shape = number % 10
        if shape < 7:
            entries.append((word(), action, False))
        elif shape == 7:
            entries.append((f"{word()} {word()}", action, False))
        elif shape == 8:
            entries.append((f"{word()}*", action, False))
        elif number % 100 == 9:
            entries.append((rf"{word()}\d{{3,}}", action, True))
        else:
            entries.append((f"*{word()}", action, False))
    return entries


def forum_texts() -> list[str]:
    """Real questions and answers from the dumps, as a person would have typed them."""
    texts = []
    for question in read_dumps(SHARED / "data" / "stackexchange"):
        for body in (question.body, *question.answers):
            text = " ".join(TAG.sub(" ", body).split())
            if 80 <= len(text) <= 4000:
                texts.append(text)
    return random.Random(3).sample(texts, POSTS)


def percentiles(values: list[float]) -> tuple[float, float]:
    return statistics.median(values), statistics.quantiles(values, n=20)[-1]


def screening_cost(env: dict[str, str]) -> None:
    os.environ.update(env)
    from app import create_app, screening
    from app.accounts import services as accounts
    from app.extensions import db
    from app.text import render_markdown
    from community import services
    from community.models import Category
    from moderation import spam, spam_model, watched
    from moderation.cli import read_corpus
    from moderation.models import MemberTrust, WatchedWord

    app = create_app()
    rng = random.Random(20261203)
    with app.app_context():
        admin = accounts.register("bench-admin", "admin@example.com", PASSWORD, role="admin")
        members = [accounts.register(f"poster{n}", f"poster{n}@example.com", PASSWORD)
                   for n in range(2)]
        db.session.add_all([MemberTrust(user_id=members[0].id, level=1),
                            MemberTrust(user_id=members[1].id, level=1)])
        db.session.add_all([WatchedWord(pattern=pattern, action=action, is_regex=regex,
                                        created_by_id=admin.id)
                            for pattern, action, regex in watched_words(rng)])
        category = Category(slug="coffee", name="Coffee", description="")
        db.session.add(category)
        db.session.commit()
        spam_model.seed((spam.features(text), is_spam) for text, is_spam in
                        read_corpus(SHARED / "data" / "spam" / "sms" / "SMSSpamCollection"))
        texts = forum_texts()
        thread = services.ask(members[1], category=category, title="Benchmark thread here",
                              body="A thread to reply to, many times over.")
        print(f"\nScreening a post: {len(watched.matcher())} watched words, classifier "
              f"seeded; {len(texts)} real Stack Exchange posts; a trust level 1 author")
        gate_times = []
        for text in texts:
            submission = screening.Submission(kind="reply", author=members[0], body=text,
                                              html=str(render_markdown(text)),
                                              thread_id=thread.id, category_id=category.id)
            started = time.perf_counter()
            screening.screen(submission)
            gate_times.append((time.perf_counter() - started) * 1000)
            db.session.rollback()
        screened = _question_times(services, members[0], category, texts)
        kept = app.extensions["peerdesk_screens"]
        app.extensions["peerdesk_screens"] = []
        unscreened = _question_times(services, members[0], category, texts, tag="again ")
        app.extensions["peerdesk_screens"] = kept
    print(f"  {'what':<36} {'p50 ms':>8} {'p95 ms':>8}")
    for label, values in (("the gate alone (screen)", gate_times),
                          ("a question asked, screened", screened),
                          ("a question asked, no screening", unscreened)):
        p50, p95 = percentiles(values)
        print(f"  {label:<36} {p50:>8.2f} {p95:>8.2f}")


def _question_times(services, author, category, texts, tag="") -> list[float]:
    """Each text asked as a new question: written, screened or not, indexed, announced."""
    times = []
    for number, text in enumerate(texts):
        started = time.perf_counter()
        services.ask(author, category=category, title=f"Benchmark question {tag}{number}",
                     body=text)
        times.append((time.perf_counter() - started) * 1000)
    return times


def seed_queue(env: dict[str, str]) -> str:
    """10,000 held posts with their queue items, written in bulk; a moderator's token."""
    os.environ.update(env)
    from sqlalchemy import insert

    from app import create_app
    from app.accounts import services as accounts
    from app.clock import utcnow
    from app.extensions import db
    from community.models import Category, Post, Thread
    from moderation.models import ReviewItem, ReviewReason

    app = create_app()
    with app.app_context():
        accounts.register("moderator1", "moderator1@example.com", PASSWORD, role="moderator")
        author = accounts.register("newbie", "newbie@example.com", PASSWORD)
        category = Category(slug="earbuds", name="Earbuds", description="")
        db.session.add(category)
        db.session.commit()
        now = utcnow()
        for start in range(0, QUEUE_ITEMS, 2000):
            numbers = range(start, min(start + 2000, QUEUE_ITEMS))
            moments = {n: now - timedelta(minutes=QUEUE_ITEMS - n) for n in numbers}
            db.session.execute(insert(Thread), [dict(
                id=n + 1, kind="question", title=f"Held question number {n} about earbuds",
                slug=f"held-question-{n}", category_id=category.id, author_id=author.id,
                status="open", language="en", source="web", created_at=moments[n],
                last_activity_at=moments[n]) for n in numbers])
            db.session.execute(insert(Post), [dict(
                id=n + 1, thread_id=n + 1, author_id=author.id, is_opening=True,
                body_source=f"Body of held question {n}: buds will not charge.",
                body_html=f"<p>Body of held question {n}: buds will not charge.</p>",
                visibility="pending", created_at=moments[n]) for n in numbers])
            db.session.execute(insert(ReviewItem), [dict(
                id=n + 1, post_id=n + 1, author_id=author.id, thread_id=n + 1,
                category_id=category.id, kind="question", source="web", status="pending",
                score=1.0 + (n % 7), created_at=moments[n], queued_at=moments[n])
                for n in numbers])
            db.session.execute(insert(ReviewReason), [dict(
                item_id=n + 1, key="first_posts:1", code="first_posts", detail="1",
                score=1.0, created_at=moments[n]) for n in numbers])
            db.session.commit()
        from app.accounts.services import create_api_token, find_by_username

        return create_api_token(find_by_username("moderator1"), "bench")


def queue_pages(env: dict[str, str]) -> None:
    token = seed_queue(env)
    with gunicorn("benchmarks.bench_app:app", env) as port:
        cookie = session_cookie(port, "moderator1")
        measure(port, "/_bench/bare", seconds=1)
        baseline = measure(port, "/_bench/bare")
        measured = []
        for path, label in (("/moderation/", "queue, first page"),
                            ("/moderation/?page=300", "queue, page 300 of 400"),
                            ("/moderation/?reason=first_posts&sort=oldest",
                             "queue, a filter, oldest first")):
            result = measure(port, path, headers={"Cookie": cookie})
            result.path = label
            measured.append(result)
        api = measure(port, "/api/v1/moderation/queue?per_page=25",
                      headers={"Authorization": f"Bearer {token}"})
        api.path = "API queue, 25 items"
        measured.append(api)
    report(f"Review queue with {QUEUE_ITEMS:,} items, signed in as a moderator "
           "(ratio = page req/s / bare endpoint req/s)", baseline, measured)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="peerdesk-bench-") as folder:
        screening_cost(prepared_environment(Path(folder)))
    with tempfile.TemporaryDirectory(prefix="peerdesk-bench-") as folder:
        queue_pages(prepared_environment(Path(folder)))


if __name__ == "__main__":
    main()
