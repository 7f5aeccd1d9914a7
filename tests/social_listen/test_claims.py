"""A member claims their X handle; once a moderator confirms it, the posts imported from
it (and the ones imported later) are theirs."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.accounts.models import User
from app.extensions import db
from community.models import Post, Thread
from social_listen import claims, polling, triage
from social_listen.errors import ListeningError
from social_listen.models import Mention, SocialIdentity

FIRST, LATER = "1275653067283759104", "1275882613572583424"  # both by @snowman


@pytest.fixture
def imported(x_app, rule, staff):
    with x_app.app_context():
        polling.poll(rule.id)
        mention = db.session.scalar(select(Mention).where(Mention.external_id == FIRST))
        triage.import_mention(mention.id, db.session.get(User, staff.moderator.id))
        return mention.thread_id


def user(app, person):
    return db.session.get(User, person.id)


def snowman():
    return db.session.scalar(select(SocialIdentity).where(SocialIdentity.handle == "snowman"))


def test_a_confirmed_claim_makes_the_imported_thread_the_members(x_app, staff, imported):
    with x_app.app_context():
        claims.request_claim(user(x_app, staff.member), "@Snowman")
        claims.confirm(user(x_app, staff.moderator), snowman().id)

        thread = db.session.get(Thread, imported)
        assert thread.author_id == staff.member.id and thread.original_author is None
        assert thread.posts[0].author_id == staff.member.id


def test_posts_imported_after_the_claim_are_the_members_too(x_app, staff, imported):
    with x_app.app_context():
        claims.request_claim(user(x_app, staff.member), "snowman")
        claims.confirm(user(x_app, staff.moderator), snowman().id)
        later = db.session.scalar(select(Mention).where(Mention.external_id == LATER))

        triage.import_mention(later.id, user(x_app, staff.moderator))

        post = db.session.get(Post, db.session.get(Mention, later.id).post_id)
        assert post.author_id == staff.member.id and post.original_author is None


def test_an_unconfirmed_claim_changes_nothing(x_app, staff, imported):
    with x_app.app_context():
        claims.request_claim(user(x_app, staff.member), "snowman")

        thread = db.session.get(Thread, imported)
        assert thread.original_author == "@snowman" and thread.author_id != staff.member.id


def test_a_handle_confirmed_for_one_member_cannot_be_claimed_by_another(x_app, staff,
                                                                        imported, make):
    other = make.user("other")
    with x_app.app_context():
        claims.request_claim(user(x_app, staff.member), "snowman")
        claims.confirm(user(x_app, staff.moderator), snowman().id)

        with pytest.raises(ListeningError) as refused:
            claims.request_claim(user(x_app, other), "snowman")
    assert refused.value.status == 409


def test_members_cannot_confirm_claims(x_app, staff, imported):
    with x_app.app_context():
        claims.request_claim(user(x_app, staff.member), "snowman")

        with pytest.raises(ListeningError) as refused:
            claims.confirm(user(x_app, staff.member), snowman().id)
    assert refused.value.status == 403


def test_a_rejected_claim_can_be_made_again_by_someone_else(x_app, staff, imported, make):
    other = make.user("other")
    with x_app.app_context():
        claims.request_claim(user(x_app, staff.member), "snowman")
        claims.reject(user(x_app, staff.moderator), snowman().id)

        claims.request_claim(user(x_app, other), "snowman")

        assert snowman().claimed_by_id == other.id
