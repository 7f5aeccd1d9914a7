"""Moderation in the demo: a queue a visitor signed in as ``moderator`` can work.

Members the demo creates have been around (trust level 2), so the forum's demo threads
publish as they would in a real community. On top of them this seeder, through the real
services: a starter list of watched words; the spam classifier's seed, from the SMS Spam
Collection beside the repository when it is there (``../shared`` or
``PEERDESK_SHARED_DIR``); two newcomers whose first posts wait for a moderator; a spam
attempt; a rude reply flagged by three members (hidden by their flags) and one flagged
once; an earlier decision, so the queue's health has a median. Idempotent: whatever
exists (by username, title or pattern) is left alone.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select, update

from app.accounts import services as accounts
from app.accounts.models import Role, User
from app.clock import utcnow
from app.demo import DEMO_PASSWORD, seeder
from app.extensions import db
from community import notifications, services
from community.models import Category, EmailMode, Post, Source, Thread
from moderation import decisions, flags, spam, spam_model, trust, watched
from moderation.models import (
    DecisionAction,
    FlagKind,
    ItemStatus,
    MemberTrust,
    ReviewDecision,
    ReviewItem,
    WatchedWord,
    WordAction,
)

ROOT = Path(__file__).resolve().parent.parent
SMS = Path("data") / "spam" / "sms" / "SMSSpamCollection"
WORDS = (
    ("buy followers", WordAction.BLOCK), ("replica watches", WordAction.BLOCK),
    ("lawsuit", WordAction.REQUIRE_APPROVAL), ("avvocato", WordAction.REQUIRE_APPROVAL),
    ("crap", WordAction.CENSOR), ("merda", WordAction.CENSOR),
    ("scam", WordAction.FLAG), ("truffa", WordAction.FLAG),
)
NEWCOMERS = (
    ("nadia_new", "en", "earbuds", "Buds Lite right earbud much quieter than the left",
     "Got my Buds Lite yesterday. The right one is clearly quieter than the left, even "
     "after cleaning the mesh. Is this a defect or a setting?", 35),
    ("luca_nuovo", "it", "speakers", "Lumio Go non si accende più dopo la carica",
     "Ho caricato il Lumio Go tutta la notte e ora non si accende più, nemmeno tenendo "
     "premuto il tasto. Qualcuno ha avuto lo stesso problema?", 95),
)
SPAM = ("deals4u_store", "earbuds", "Cheap Buds Pro 80% OFF free shipping today only",
        "WINNER deal!! Buy cheap Buds Pro replicas 80% OFF, free shipping. Call now "
        "+44 7700 900123 or order at http://cheap-buds-deals.example/offer to claim your prize!")
APPROVED = ("ana_first", "en", "wearables", "Which strap sizes fit the Lumio Band 2?",
            "I have a small wrist (about 14 cm). Does the Band 2 come with a small strap, or "
            "do I need to order one separately?", 180)
RUDE = ("Honestly, if you cannot pair a pair of earbuds you should not own a phone. Read "
        "the manual.")
OFF_TOPIC = ("Anyone else watching the match tonight? Nothing to do with earbuds but I "
             "need to talk to someone about that penalty.")


def on_registered(user: User, *, via: str = "", **_data) -> None:
    """Members the demo creates have been around: trust level 2, so they post at once."""
    if via == "demo" and user.role == Role.MEMBER:
        trust.record_for(user.id).level = 2
        db.session.commit()


@seeder(order=30, name="moderation")
def seed_moderation() -> str:
    words = _words()
    seeded = _spam_seed()
    held = sum(_newcomer(*item) for item in NEWCOMERS) + _spam_attempt()
    _approved_earlier()
    flagged = _flags()
    return (f"{words} watched words, spam classifier {seeded}, {held} posts held, "
            f"{flagged} flags")


@seeder(order=45, name="moderation of social imports")
def approve_social_imports() -> str:
    """The demo's imported X conversation waits for a moderator (the SMS-seeded classifier
    doubts JSON in a tweet); the demo moderator has approved it, so visitors see it."""
    moderator = accounts.find_by_username("moderator")
    waiting = db.session.scalars(
        select(ReviewItem).join(Thread, Thread.id == ReviewItem.thread_id)
        .where(Thread.source == Source.SOCIAL, ReviewItem.status == ItemStatus.PENDING)).all()
    for item in waiting:
        decisions.decide(moderator, item, DecisionAction.APPROVE)
    return f"{len(waiting)} imported posts approved"


def _words() -> int:
    moderator = accounts.find_by_username("moderator")
    added = 0
    for pattern, action in WORDS:
        exists = db.session.scalar(select(WatchedWord.id).where(WatchedWord.pattern == pattern))
        if exists is None:
            watched.add(pattern, action, is_regex=False, by=moderator)
            added += 1
    return added


def _spam_seed() -> str:
    if spam_model.state().get(spam_model.SEED) is not None:
        return "already seeded"
    shared = Path(os.environ.get("PEERDESK_SHARED_DIR", ROOT.parent / "shared"))
    path = shared / SMS
    if not path.exists():
        return f"not seeded ({path} not found; see 'flask moderation spam-seed')"
    from moderation.cli import read_corpus

    counts = spam_model.seed((spam.features(text), is_spam)
                             for text, is_spam in read_corpus(path))
    return f"seeded ({counts[0]} spam, {counts[1]} other SMS messages)"


def _member(username: str, locale: str = "en") -> User:
    user = accounts.find_by_username(username)
    if user is None:
        user = accounts.register(username, f"{username}@peerdesk-demo.example.com",
                                 DEMO_PASSWORD, via="demo-newcomer", locale=locale)
        notifications.set_email_mode(user.id, EmailMode.OFF)  # no mail to made-up people
    return user


def _newcomer(username: str, locale: str, category: str, title: str, body: str,
              minutes_ago: int) -> int:
    if db.session.scalar(select(Thread.id).where(Thread.title == title)):
        return 0
    area = db.session.scalar(select(Category).where(Category.slug == category))
    thread = services.ask(_member(username, locale), category=area, title=title, body=body,
                          language=locale)
    _age(thread.id, minutes_ago)
    return 1


def _spam_attempt() -> int:
    username, category, title, body = SPAM
    return _newcomer(username, "en", category, title, body, 20)


def _age(thread_id: int, minutes: int) -> None:
    """Backdate a held post and its queue item: the queue shows how long it waited."""
    moment = utcnow() - timedelta(minutes=minutes)
    post_id = db.session.scalar(select(Post.id).where(Post.thread_id == thread_id))
    db.session.execute(update(Post).where(Post.id == post_id).values(created_at=moment))
    db.session.execute(update(Thread).where(Thread.id == thread_id).values(
        created_at=moment, last_activity_at=moment))
    db.session.execute(update(ReviewItem).where(ReviewItem.post_id == post_id).values(
        created_at=moment, queued_at=moment))
    db.session.commit()


def _approved_earlier() -> None:
    """A newcomer's first post the moderator approved 25 minutes after it was posted."""
    if db.session.scalar(select(Thread.id).where(Thread.title == APPROVED[3])):
        return
    _newcomer(*APPROVED)
    post = db.session.scalar(select(Post).join(Thread, Thread.id == Post.thread_id)
                             .where(Thread.title == APPROVED[3]))
    item = db.session.scalar(select(ReviewItem).where(ReviewItem.post_id == post.id))
    decision = decisions.decide(accounts.find_by_username("moderator"), item,
                                DecisionAction.APPROVE)
    decided = item.queued_at + timedelta(minutes=25)
    db.session.execute(update(ReviewDecision).where(ReviewDecision.id == decision.id).values(
        created_at=decided, undo_until=decided + timedelta(minutes=10)))
    db.session.execute(update(ReviewItem).where(ReviewItem.id == item.id).values(
        decided_at=decided))
    db.session.commit()


def _flags() -> int:
    """A rude reply two members flagged (enough to hide it), an off-topic one flagged once."""
    threads = db.session.scalars(select(Thread).where(Thread.kind == "question")
                                 .order_by(Thread.id).limit(2)).all()
    if len(threads) < 2 or db.session.scalar(select(Post.id).where(Post.body_source == RUDE)):
        return 0
    members = db.session.scalars(select(User).join(MemberTrust, MemberTrust.user_id == User.id)
                                 .where(MemberTrust.level >= 2, User.role == Role.MEMBER,
                                        User.id.not_in([t.author_id for t in threads]))
                                 .order_by(User.id).limit(4)).all()
    if len(members) < 4:
        return 0
    rude = services.reply(members[0], threads[0], RUDE)
    for flagger, note in ((members[1], "Talking down to the asker."), (members[2], "")):
        flags.raise_flag(flagger, db.session.get(Post, rude.id), FlagKind.RUDE, note)
    chatter = services.reply(members[3], threads[1], OFF_TOPIC)
    flags.raise_flag(members[1], db.session.get(Post, chatter.id), FlagKind.OFF_TOPIC)
    return 3
