"""What staff do with a mention: import it as a thread, ignore it, block its author, send
it to an agent; and the rules' automatic imports. One use case, one transaction.

**One conversation, one thread.** The first mention of an X conversation imported opens
a thread (its key is the conversation's id); every later one of the same conversation
becomes a reply there, whichever rule heard it. A conversation whose thread was closed or
archived starts a new one.

The rules' automatic imports are in ``auto_import``.

**Who wrote it.** An imported post belongs to the ``social-import`` account and names its
author as heard ("@jane on X"); once a member's claim to the handle is confirmed
(``claims``) their posts, past and future, are theirs.

Imports pass the screening gate (``community.importers.external``), so a spammy mention
is held for a moderator like any post. No reply is ever sent to the network: the thread
page offers a "reply on X" link that opens X's own composer.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

from flask_babel import gettext as _
from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.exc import IntegrityError

from app import events
from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db, locked
from app.permissions import can
from app.web import is_id
from community import rules as forum_rules
from community.importers import external
from community.importers.services import inactive_account
from community.models import Category, Thread
from social_listen.errors import ListeningError
from social_listen.models import (
    Mention,
    MentionStatus,
    SocialIdentity,
    SourceKind,
)

ACCOUNT_USERNAME = "social-import"
ACCOUNT_EMAIL = "social-import@peerdesk.invalid"


def import_mention(mention_id: int, actor: User | None = None,
                   category_id: int | None = None) -> Mention:
    """The mention as a post: a new thread, or a reply in its conversation's thread."""
    if actor is not None and not can(actor, "listening.triage"):
        raise ListeningError(_("You are not allowed to triage mentions."), status=403)
    try:
        [(mention, written)] = write_imports([_locked(mention_id)], actor, category_id)
        db.session.commit()
    except IntegrityError:  # another import opened the conversation's thread meanwhile
        db.session.rollback()
        [(mention, written)] = write_imports([_locked(mention_id)], actor, category_id)
        db.session.commit()
    if written is not None:
        announce_imports([(mention, written)], actor)
    return mention


def write_imports(mentions: list[Mention], actor: User | None = None,
                  category_id: int | None = None,
                  ) -> list[tuple[Mention, external.Written | None]]:
    """Import mentions the caller has read and locked, oldest first, in the caller's
    transaction (``None``: not imported, already a post or no longer waiting). The caller
    commits, then calls :func:`announce_imports`. An automatic import (no
    ``actor``) takes only mentions still waiting in the inbox: one a moderator has just
    ignored, or whose author was blocked, stays as it is."""
    wanted = [mention for mention in mentions  # an escalated one may be a post already
              if mention.status != MentionStatus.IMPORTED and mention.post_id is None
              and (actor is not None or mention.status == MentionStatus.NEW)]
    entries = _entries(wanted, category_id)
    written = dict(zip((mention.id for mention in wanted), external.write_all(entries),
                       strict=True))
    now = utcnow()
    table = Mention.__table__  # one statement for the batch (the objects expire at commit)
    if wanted:
        db.session.execute(
            update(table).where(table.c.id == bindparam("mention")), [
                {"mention": mention.id, "status": MentionStatus.IMPORTED,
                 "thread_id": written[mention.id].thread_id,
                 "post_id": written[mention.id].post_id,
                 "decided_by_id": actor.id if actor is not None else None, "decided_at": now}
                for mention in wanted])
    return [(mention, written.get(mention.id)) for mention in mentions]


def announce_imports(imported: list[tuple[Mention, external.Written]],
                     actor: User | None) -> None:
    """After the commit: each post's news, and each mention's."""
    posts = external.announce_all([written for _mention, written in imported])
    for (mention, _written), post in zip(imported, posts, strict=True):
        events.notify(events.mention_imported, mention, post=post, by=actor)


def ignore(mention_id: int, actor: User) -> Mention:
    return _set_status(mention_id, actor, MentionStatus.IGNORED)


def reopen(mention_id: int, actor: User) -> Mention:
    """Back to the inbox (an ignored or filtered mention someone wants to look at)."""
    return _set_status(mention_id, actor, MentionStatus.NEW)


def escalate(mention_id: int, actor: User) -> Mention:
    """Ask for an agent: escalation (a layer above) opens the case when it hears of it."""
    mention = _set_status(mention_id, actor, MentionStatus.ESCALATED)
    events.notify(events.mention_escalated, mention, by=actor)
    return mention


def block_author(mention_id: int, actor: User) -> SocialIdentity:
    """The author's mentions stop reaching the inbox, these waiting ones included."""
    _check(actor)
    mention = _locked(mention_id)
    identity = mention.identity
    identity.blocked = True
    db.session.execute(
        update(Mention).where(Mention.identity_id == identity.id,
                              Mention.status == MentionStatus.NEW)
        .values(status=MentionStatus.FILTERED, filtered="blocked_account",
                decided_by_id=actor.id, decided_at=utcnow()))
    db.session.commit()
    return identity


def unblock_author(identity_id: int, actor: User) -> SocialIdentity:
    _check(actor)
    identity = db.session.get(SocialIdentity, identity_id)
    if identity is None:
        raise ListeningError(_("There is no such author."), status=404)
    identity.blocked = False
    db.session.commit()
    return identity


def social_account() -> User:
    return inactive_account(ACCOUNT_USERNAME, ACCOUNT_EMAIL)


def _entries(mentions: list[Mention], category_id: int | None) -> list[external.Entry]:
    """Where each mention goes: its conversation's open thread, else a new one (which the
    batch's later mentions of that conversation join)."""
    conversations = _conversations({conversation_key(mention) for mention in mentions})
    opened: dict[str, str] = {}  # conversation key -> the key of the thread it opens
    entries, account = [], None
    for mention in mentions:
        identity = mention.identity
        claimed = identity.claimed_by_id is not None and identity.claim_confirmed_at is not None
        if not claimed and account is None:
            account = social_account()
        key = conversation_key(mention)
        thread, taken = conversations[key]
        if thread is None and key not in opened:
            opened[key] = f"{key}:{mention.id}" if taken else key
        entries.append(external.Entry(
            item=_item(mention), author=identity.claimed_by if claimed else account,
            category=_category(category_id or mention.rule.category_id),
            thread_key=key if thread is not None else opened[key], thread=thread,
            claimed=claimed))
    return entries


def _item(mention: Mention) -> external.ExternalPost:
    return external.ExternalPost(
        key=key_for(mention.source, mention.external_id), text=mention.text,
        url=mention.url, author_label=mention.identity.label, site=site_of(mention),
        created_at=mention.posted_at, language=_language(mention), title=mention.title)


def _category(category_id: int | None) -> Category:
    category = db.session.get(Category, category_id) if is_id(category_id) else None
    if category is None:
        raise ListeningError(_("There is no such category."), field="category")
    return category


def conversation_key(mention: Mention) -> str:
    """At most 100 characters, leaving room for ":<mention id>" after a closing."""
    return key_for(mention.source,
                   f"conversation:{mention.conversation_id or mention.external_id}", 100)


def _conversations(keys: set[str]) -> dict[str, tuple[Thread | None, bool]]:
    """Each conversation's open thread, if any, and whether its key is taken: one query,
    and one more per conversation heard before (a new burst has few). A conversation
    whose thread was closed goes on in a new thread, keyed ":<mention id>" after its key."""
    first = {thread.external_id: thread for thread in db.session.scalars(
        select(Thread).where(Thread.external_id.in_(keys)))} if keys else {}
    return {key: (_open_thread_of(key) if key in first else None, key in first)
            for key in keys}


def _open_thread_of(key: str) -> Thread | None:
    """The newest thread of a conversation (a later one after a closing) that still takes
    replies."""
    candidates = db.session.scalars(select(Thread).where(or_(
        Thread.external_id == key, Thread.external_id.startswith(f"{key}:", autoescape=True)))
        .order_by(Thread.id.desc()).limit(5))
    return next((thread for thread in candidates
                 if thread.status not in forum_rules.READ_ONLY), None)


def key_for(source: str, external_id: str, limit: int = 120) -> str:
    """A key of at most ``limit`` characters: feeds' entry ids can be long URLs."""
    key = f"{source}:{external_id}"
    if len(key) <= limit:
        return key
    return f"{source}:sha256:{hashlib.sha256(external_id.encode()).hexdigest()}"


def site_of(mention: Mention) -> str:
    if mention.source == SourceKind.X:
        return "X"
    return urlsplit(mention.rule.query).hostname or _("a feed")


def _language(mention: Mention) -> str:
    return mention.language if mention.language in ("en", "it") else "en"


def _set_status(mention_id: int, actor: User, status: MentionStatus) -> Mention:
    _check(actor)
    mention = _locked(mention_id)
    if mention.status == MentionStatus.IMPORTED:
        raise ListeningError(_("This mention is already a post; moderate the post instead."),
                             status=409)
    mention.status = status
    if status == MentionStatus.NEW:
        mention.filtered = None
    _decided(mention, actor)
    db.session.commit()
    return mention


def _check(actor: User) -> None:
    if not can(actor, "listening.triage"):
        raise ListeningError(_("You are not allowed to triage mentions."), status=403)


def _locked(mention_id: int) -> Mention:
    mention = db.session.scalars(locked(select(Mention).where(Mention.id == mention_id))
                                 .execution_options(populate_existing=True)).one_or_none()
    if mention is None:
        raise ListeningError(_("There is no such mention."), status=404)
    return mention


def _decided(mention: Mention, actor: User | None) -> None:
    mention.decided_by_id = actor.id if actor is not None else None
    mention.decided_at = utcnow()
