"""Triage: a mention becomes a thread (one thread per conversation), through the screening
gate; ignore, block, escalate; the rules' automatic import policies."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app import events
from app.accounts.models import User
from app.extensions import db
from community.models import Post, Source, Thread, Visibility
from social_listen import auto_import, polling, triage
from social_listen.errors import ListeningError
from social_listen.models import Mention, MentionStatus, SocialIdentity
from tests.social_listen.conftest import make_rule

CONVERSATION = "1274086728471461889"  # the recorded support conversation's parent post


def polled(app, rule):
    with app.app_context():
        polling.poll(rule.id)


def mention_id(app, external_id: str) -> int:
    with app.app_context():
        return db.session.scalar(select(Mention.id).where(Mention.external_id == external_id))


def do(app, action, mention, user):
    with app.app_context():
        return action(mention, db.session.get(User, user.id))


def test_importing_a_mention_opens_a_thread_that_credits_its_author(x_app, rule, staff):
    polled(x_app, rule)
    mention = mention_id(x_app, "1275653067283759104")

    do(x_app, triage.import_mention, mention, staff.moderator)

    with x_app.app_context():
        found = db.session.get(Mention, mention)
        thread = db.session.get(Thread, found.thread_id)
        opening = db.session.get(Post, found.post_id)
        assert found.status == MentionStatus.IMPORTED
        assert thread.source == Source.SOCIAL and thread.category_id == staff.area.id
        assert thread.source_url == "https://x.com/snowman/status/1275653067283759104"
        assert (thread.original_author, thread.original_site) == ("@snowman", "X")
        assert "I get an error" in opening.body_html
        assert opening.visibility == Visibility.VISIBLE


def test_mentions_of_one_conversation_become_posts_of_one_thread(x_app, rule, staff):
    polled(x_app, rule)
    first, reply = (mention_id(x_app, "1275653067283759104"),
                    mention_id(x_app, "1276035977375477760"))

    do(x_app, triage.import_mention, first, staff.moderator)
    do(x_app, triage.import_mention, reply, staff.moderator)

    with x_app.app_context():
        threads = {m.thread_id for m in db.session.scalars(
            select(Mention).where(Mention.id.in_([first, reply])))}
        assert len(threads) == 1
        thread = db.session.get(Thread, threads.pop())
        assert thread.reply_count == 1
        assert [post.original_author for post in thread.posts] == ["@snowman", "@happycamper"]


def test_importing_twice_writes_one_post(x_app, rule, staff):
    polled(x_app, rule)
    mention = mention_id(x_app, "1275653067283759104")

    do(x_app, triage.import_mention, mention, staff.moderator)
    do(x_app, triage.import_mention, mention, staff.moderator)

    with x_app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(Post)) == 1


def test_an_imported_post_passes_the_screening_gate(x_app, rule, staff):
    from moderation import watched
    from moderation.models import WordAction

    with x_app.app_context():
        watched.add("metrics", WordAction.REQUIRE_APPROVAL, is_regex=False,
                    by=db.session.get(User, staff.moderator.id))
    polled(x_app, rule)
    mention = mention_id(x_app, "1276035977375477760")  # "...are not the metrics..."

    do(x_app, triage.import_mention, mention, staff.moderator)

    with x_app.app_context():
        post = db.session.get(Post, db.session.get(Mention, mention).post_id)
        assert post.visibility == Visibility.PENDING


def test_members_may_not_triage(x_app, rule, staff):
    polled(x_app, rule)
    mention = mention_id(x_app, "1275653067283759104")

    with pytest.raises(ListeningError) as refused:
        do(x_app, triage.ignore, mention, staff.member)

    assert refused.value.status == 403


def test_agents_triage_too(x_app, rule, staff):
    polled(x_app, rule)
    mention = mention_id(x_app, "1275653067283759104")

    do(x_app, triage.ignore, mention, staff.agent)

    with x_app.app_context():
        assert db.session.get(Mention, mention).status == MentionStatus.IGNORED


def test_blocking_an_author_files_away_their_waiting_mentions(x_app, rule, staff):
    polled(x_app, rule)
    mention = mention_id(x_app, "1275653067283759104")  # by @snowman, who wrote two

    do(x_app, triage.block_author, mention, staff.moderator)

    with x_app.app_context():
        identity = db.session.scalar(select(SocialIdentity).where(
            SocialIdentity.handle == "snowman"))
        statuses = set(db.session.scalars(select(Mention.status).where(
            Mention.identity_id == identity.id)))
        assert identity.blocked and statuses == {MentionStatus.FILTERED}


def test_escalating_a_mention_tells_escalation(x_app, rule, staff):
    polled(x_app, rule)
    mention = mention_id(x_app, "1275653067283759104")
    heard = []

    def receiver(sender, **data):
        heard.append((sender.id, data["by"].id))

    with events.mention_escalated.connected_to(receiver):
        do(x_app, triage.escalate, mention, staff.agent)

    assert heard == [(mention, staff.agent.id)]


def test_an_imported_mention_cannot_be_ignored(x_app, rule, staff):
    polled(x_app, rule)
    mention = mention_id(x_app, "1275653067283759104")
    do(x_app, triage.import_mention, mention, staff.moderator)

    with pytest.raises(ListeningError) as refused:
        do(x_app, triage.ignore, mention, staff.moderator)

    assert refused.value.status == 409


def test_auto_import_of_questions_imports_only_questions(x_app, staff):
    rule = make_rule(x_app, staff, import_policy="questions")
    polled(x_app, rule)

    with x_app.app_context():
        tally = auto_import.import_pending(rule.id)
        imported = db.session.scalars(select(Mention).where(
            Mention.status == MentionStatus.IMPORTED)).all()
        assert tally.done == len(imported) > 0
        assert all(mention.is_question for mention in imported)


def test_auto_import_of_all_is_idempotent(x_app, staff):
    rule = make_rule(x_app, staff, import_policy="all")
    polled(x_app, rule)

    with x_app.app_context():
        auto_import.import_pending(rule.id)
        again = auto_import.import_pending(rule.id)
        waiting = db.session.scalar(select(db.func.count()).select_from(Mention).where(
            Mention.status == MentionStatus.NEW))
        posts = db.session.scalar(select(db.func.count()).select_from(Post))
        imported = db.session.scalar(select(db.func.count()).select_from(Mention).where(
            Mention.status == MentionStatus.IMPORTED))
    assert again.done == 0 and waiting == 0
    assert posts == imported


def test_one_mention_that_fails_to_import_does_not_block_the_others(x_app, staff,
                                                                   monkeypatch):
    from community.importers import external

    rule = make_rule(x_app, staff, import_policy="all")
    polled(x_app, rule)
    bad = mention_id(x_app, "1275653067283759104")
    with x_app.app_context():
        bad_text = db.session.get(Mention, bad).text
    html_of = external.html_of

    def breaks_on_one(text):
        if bad_text in text:
            raise RuntimeError("a bug that only this mention meets")
        return html_of(text)

    monkeypatch.setattr(external, "html_of", breaks_on_one)
    with x_app.app_context():
        tally = auto_import.import_pending(rule.id)
        failed = db.session.get(Mention, bad)
        waiting = db.session.scalar(select(db.func.count()).select_from(Mention).where(
            Mention.status == MentionStatus.NEW, Mention.id != bad))
    assert tally.failed == 1 and tally.done > 0 and waiting == 0
    assert failed.import_attempts == 1 and "only this mention meets" in failed.import_error
