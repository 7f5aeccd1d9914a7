"""Without X credentials the demo listens to the recorded X responses: a visitor sees the
triage inbox, an imported conversation and a claim to confirm; seeding twice adds nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from app import demo
from app.extensions import db
from community.models import Thread
from social_listen import demo as listening_demo
from social_listen import polling
from social_listen.models import ListeningRule, Mention, MentionStatus, SocialIdentity
from tests.support.fake_x import FIXTURES


def count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_the_demo_rule_is_fed_from_the_recordings_once(app):
    app.config["LISTEN_DEMO_RESPONSES"] = str(FIXTURES)
    with app.app_context():
        demo.seed_accounts()

        summary = listening_demo.seed_listening()
        again = listening_demo.seed_listening()

        assert "1 rule" in summary and again == "demo rule already there"
        assert count(Mention, Mention.status == MentionStatus.NEW) > 0
        thread = db.session.scalar(select(Thread).where(Thread.source == "social"))
        assert len(thread.posts) == 3 and thread.original_site == "X"
        assert count(SocialIdentity, SocialIdentity.claimed_by_id.is_not(None)) == 1
        rule = db.session.scalar(select(ListeningRule))
        assert polling.poll(rule.id).new == 0  # the next poll hears nothing new


def test_the_area_of_imported_conversations_has_an_italian_name(app, client):
    app.config["LISTEN_DEMO_RESPONSES"] = str(FIXTURES)
    with app.app_context():
        demo.seed_accounts()
        listening_demo.seed_listening()
    html = client.get("/c/social-mentions", headers={"Accept-Language": "it"}).get_data(
        as_text=True)
    assert "<h1>Menzioni social</h1>" in html


def test_customers_cannot_ask_in_the_area_of_imported_conversations(app, client, post_form,
                                                                   make):
    app.config["LISTEN_DEMO_RESPONSES"] = str(FIXTURES)
    make.category("Earbuds")
    with app.app_context():
        demo.seed_accounts()
        listening_demo.seed_listening()
    assert post_form("/sign-in", {"login": "member", "password": demo.DEMO_PASSWORD}
                     ).status_code == 302
    ask = client.get("/ask").get_data(as_text=True)
    assert ">Earbuds<" in ask and "Social mentions" not in ask


def test_without_recordings_the_demo_says_why_it_skipped(app, tmp_path):
    app.config["LISTEN_DEMO_RESPONSES"] = str(tmp_path)
    with app.app_context():
        demo.seed_accounts()

        assert listening_demo.seed_listening().startswith("skipped")


def test_the_demo_moderator_has_approved_the_imported_conversation(app):
    from community.models import Visibility
    from moderation import demo as moderation_demo

    app.config["LISTEN_DEMO_RESPONSES"] = str(FIXTURES)
    with app.app_context():
        demo.seed_accounts()
        listening_demo.seed_listening()

        moderation_demo.approve_social_imports()

        thread = db.session.scalar(select(Thread).where(Thread.source == "social"))
        assert {post.visibility for post in thread.posts} == {Visibility.VISIBLE}
