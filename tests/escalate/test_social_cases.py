"""A mention staff send to an agent becomes a case about its conversation's thread."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import User
from app.extensions import db
from community.models import Post
from escalate.models import Case
from escalate.rules import Priority, Reason
from social_listen import polling, triage
from social_listen.models import Mention
from tests.social_listen.conftest import fake_x, make_rule, staff, x_app  # noqa: F401


def test_an_escalated_mention_becomes_a_case_about_its_thread(x_app, staff):  # noqa: F811
    rule = make_rule(x_app, staff)
    with x_app.app_context():
        polling.poll(rule.id)
        mention_id = db.session.scalar(select(Mention.id).where(
            Mention.external_id == "1275653067283759104"))

        triage.escalate(mention_id, db.session.get(User, staff.agent.id))

        mention = db.session.get(Mention, mention_id)
        case = db.session.scalar(select(Case).where(Case.mention_id == mention_id))
        assert mention.thread_id is not None and case.thread_id == mention.thread_id
        assert (case.reason, case.mention_id) == (Reason.SOCIAL, mention_id)
        assert case.priority in (Priority.HIGH, Priority.URGENT)
        assert case.customer_id is None and case.customer_label.startswith("@")


def test_importing_an_escalated_mention_again_writes_no_second_post(x_app, staff):  # noqa: F811
    rule = make_rule(x_app, staff)
    with x_app.app_context():
        polling.poll(rule.id)
        mention_id = db.session.scalar(select(Mention.id).where(
            Mention.external_id == "1275653067283759104"))
        moderator = db.session.get(User, staff.moderator.id)
        triage.escalate(mention_id, moderator)
        post_id = db.session.get(Mention, mention_id).post_id

        triage.import_mention(mention_id, moderator)

        assert db.session.get(Mention, mention_id).post_id == post_id
        assert db.session.scalar(select(db.func.count(Post.id)).where(
            Post.external_id == "x:1275653067283759104")) == 1
