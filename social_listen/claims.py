"""A member claims a social identity ("@jane on X is me"); a moderator confirms it.

Peerdesk cannot ask X who a member is (that would need each member's X sign-in), so a
claim waits for a moderator, who can check it the way support teams do: a reply from the
handle, a detail only its owner knows. Once confirmed, every post imported from that
identity is the member's (threads, replies, the ones imported later too), and the
threads list them as their asker; a rejected claim changes nothing.
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.orm import joinedload

from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db, locked
from app.permissions import can
from community.models import Post, Thread
from social_listen.errors import ListeningError
from social_listen.models import Mention, SocialIdentity, SourceKind


def request_claim(member: User, handle: str) -> SocialIdentity:
    if not can(member, "listening.claim"):
        raise ListeningError(_("You are not allowed to claim a handle."), status=403)
    name = handle.strip().lstrip("@")
    identity = db.session.scalars(locked(select(SocialIdentity).where(
        SocialIdentity.source == SourceKind.X,
        func.lower(SocialIdentity.handle) == name.lower()))).first()
    if identity is None:
        raise ListeningError(_("No post by @%(handle)s has been heard here yet.", handle=name),
                             field="handle", status=404)
    if identity.claimed_by_id not in (None, member.id) and identity.claim_confirmed_at:
        raise ListeningError(_("Another member's claim to @%(handle)s was confirmed.",
                               handle=identity.handle), field="handle", status=409)
    if identity.claimed_by_id not in (None, member.id):
        raise ListeningError(_("Another member has claimed @%(handle)s; a moderator is "
                               "looking at it.", handle=identity.handle), field="handle",
                             status=409)
    identity.claimed_by_id = member.id
    identity.claim_requested_at = utcnow()
    db.session.commit()
    return identity


def pending() -> list[SocialIdentity]:
    return list(db.session.scalars(
        select(SocialIdentity).options(joinedload(SocialIdentity.claimed_by))
        .where(SocialIdentity.claimed_by_id.is_not(None),
               SocialIdentity.claim_confirmed_at.is_(None))
        .order_by(SocialIdentity.claim_requested_at)))


def of_member(user_id: int) -> list[SocialIdentity]:
    return list(db.session.scalars(select(SocialIdentity).where(
        SocialIdentity.claimed_by_id == user_id).order_by(SocialIdentity.handle)))


def confirm(moderator: User, identity_id: int) -> SocialIdentity:
    """The member's claim holds: their imported posts and threads are theirs."""
    identity = _claimed(moderator, identity_id)
    identity.claim_confirmed_at = utcnow()
    identity.claim_confirmed_by_id = moderator.id
    posts = select(Mention.post_id).where(Mention.identity_id == identity.id,
                                          Mention.post_id.is_not(None))
    db.session.execute(update(Post).where(Post.id.in_(posts))
                       .values(author_id=identity.claimed_by_id, original_author=None))
    opened = select(Post.thread_id).where(Post.id.in_(posts), Post.is_opening.is_(True))
    db.session.execute(update(Thread).where(Thread.id.in_(opened)).values(
        author_id=identity.claimed_by_id, original_author=None, original_site=None,
        reminders_sent=0, version=Thread.version + 1))
    db.session.commit()
    return identity


def reject(moderator: User, identity_id: int) -> SocialIdentity:
    identity = _claimed(moderator, identity_id)
    identity.claimed_by_id = identity.claim_requested_at = None
    db.session.commit()
    return identity


def _claimed(moderator: User, identity_id: int) -> SocialIdentity:
    if not can(moderator, "listening.claims"):
        raise ListeningError(_("Only moderators confirm claims."), status=403)
    identity = db.session.scalars(locked(select(SocialIdentity).where(
        SocialIdentity.id == identity_id))).one_or_none()
    if identity is None or identity.claimed_by_id is None:
        raise ListeningError(_("There is no such claim."), status=404)
    if identity.claim_confirmed_at is not None:
        raise ListeningError(_("This claim was confirmed already."), status=409)
    if identity.claimed_by_id == moderator.id:
        raise ListeningError(_("Another moderator decides on your own claim."), status=403)
    return identity
