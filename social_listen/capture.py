"""Storing a page of heard posts as mentions, in the caller's transaction.

Reposts are dropped; the rest are enriched (language, sentiment, urgency, question),
filtered by the rule (``policy``) and inserted with ``ON CONFLICT DO NOTHING`` on
(source, external id): a page stored twice, by a retry or by two runners, adds nothing
the second time, and the ids returned are those of the mentions that are new. Authors
become :class:`SocialIdentity` rows, found or added in one query per page.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import select

from app.clock import utcnow
from app.extensions import db, insert
from social_listen import enrich, policy
from social_listen.models import (
    ListeningRule,
    Mention,
    MentionStatus,
    SocialIdentity,
)
from social_listen.settings import setting
from social_listen.sources import Author, Item


@dataclass
class Stored:
    new: list[int]  # ids of the mentions this page added
    reposts: int = 0
    duplicates: int = 0  # already stored (another page, another run, another rule)


def store(rule: ListeningRule, items: list[Item]) -> Stored:
    originals = [item for item in items if not item.is_repost]
    stored = Stored(new=[], reposts=len(items) - len(originals))
    if not originals:
        return stored
    identities = _identities(rule, [item.author for item in originals])
    blocked = {identity.id for identity in identities.values() if identity.blocked}
    unique = _unique(originals)
    conversations = _conversations(rule, unique)
    rows = [_row(rule, item, identities[item.author.external_id], blocked,
                 conversations[item.external_id]) for item in unique]
    table = Mention.__table__  # Core: a page's rows in one statement, compiled once
    statement = insert(table).on_conflict_do_nothing(
        index_elements=["source", "external_id"]).returning(table.c.id)
    stored.new = list(db.session.scalars(statement, rows))
    stored.duplicates = len(rows) - len(stored.new)
    return stored


def _unique(items: list[Item]) -> list[Item]:
    """A page lists each post once; a malformed one might not: keep the first."""
    return list({item.external_id: item for item in reversed(items)}.values())[::-1]


def _conversations(rule: ListeningRule, items: list[Item]) -> dict[str, str]:
    """Each item's conversation. X says it when asked for ``conversation_id``; without
    it, a reply belongs to the conversation of the post it answers (heard before, or on
    this page), else to that post's own id; a post that answers nothing starts one."""
    parents = {item.in_reply_to for item in items
               if item.conversation_id is None and item.in_reply_to}
    known = dict(db.session.execute(
        select(Mention.external_id, Mention.conversation_id)
        .where(Mention.source == rule.source, Mention.external_id.in_(parents))).all()) \
        if parents else {}
    found: dict[str, str] = {}
    for item in sorted(items, key=lambda i: (i.created_at is None, i.created_at, i.external_id)):
        parent = item.in_reply_to
        found[item.external_id] = item.conversation_id or (
            (found.get(parent) or known.get(parent) or parent) if parent else item.external_id)
    return found


def _row(rule: ListeningRule, item: Item, identity: SocialIdentity, blocked: set[int],
         conversation: str) -> dict:
    text = f"{item.title}\n{item.text}" if item.title else item.text
    language = enrich.language(text, item.language)
    mood = enrich.sentiment(text)
    reason = "blocked_account" if identity.id in blocked else policy.filtered_reason(
        item, language=language, languages=_languages(rule),
        excluded=policy.handles(rule.excluded_accounts),
        words=policy.split_list(rule.blocked_words), thresholds=_thresholds())
    return {
        "source": rule.source, "external_id": item.external_id[:200], "rule_id": rule.id,
        "identity_id": identity.id, "conversation_id": conversation[:200],
        "in_reply_to": item.in_reply_to, "title": (item.title or "")[:300] or None,
        "text": item.text, "url": web_url(item.url), "language": language[:8],
        "sentiment": round(mood, 3), "urgency": enrich.urgency(text, mood),
        "is_question": enrich.looks_like_question(text),
        "reach": item.author.followers or 0, "engagement": item.engagement,
        "posted_at": item.created_at.replace(tzinfo=None) if item.created_at else None,
        "captured_at": utcnow(), "status": MentionStatus.FILTERED if reason
        else MentionStatus.NEW, "filtered": reason, "import_attempts": 0,
    }


def web_url(url: str) -> str:
    """The original's address if it is a plain http(s) one, else "": a feed chooses its
    entries' links, and a ``javascript:`` or ``data:`` one must never reach a page."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname or len(url) > 500 \
            or any(char.isspace() or char in '<>"\'' for char in url):
        return ""
    return url


def _languages(rule: ListeningRule) -> set[str]:
    return {code.lower() for code in policy.split_list(rule.languages)}


def _thresholds() -> policy.Thresholds:
    return policy.Thresholds(bot_max_followers=setting("LISTEN_BOT_MAX_FOLLOWERS"),
                             bot_min_posts=setting("LISTEN_BOT_MIN_POSTS"))


def _identities(rule: ListeningRule, authors: list[Author]) -> dict[str, SocialIdentity]:
    """The page's authors as identities (added when new, their numbers refreshed)."""
    wanted = {author.external_id[:120]: author for author in authors}
    found = {identity.external_id: identity for identity in db.session.scalars(
        select(SocialIdentity).where(SocialIdentity.source == rule.source,
                                     SocialIdentity.external_id.in_(list(wanted))))}
    missing = [key for key in wanted if key not in found]
    if missing:
        db.session.execute(
            insert(SocialIdentity).values([_identity_row(rule, wanted[key]) for key in missing])
            .on_conflict_do_nothing(index_elements=["source", "external_id"]))
        found.update({identity.external_id: identity for identity in db.session.scalars(
            select(SocialIdentity).where(SocialIdentity.source == rule.source,
                                         SocialIdentity.external_id.in_(missing)))})
    for key, identity in found.items():
        _refresh(identity, wanted[key])
    return {author.external_id: found[author.external_id[:120]] for author in authors}


def _identity_row(rule: ListeningRule, author: Author) -> dict:
    return {"source": rule.source, "external_id": author.external_id[:120],
            "handle": (author.handle or author.external_id)[:80], "name": author.name[:120],
            "url": (author.url or "")[:300] or None, "followers": author.followers,
            "posts": author.posts, "verified": author.verified, "blocked": False,
            "created_at": utcnow()}


def _refresh(identity: SocialIdentity, author: Author) -> None:
    if author.handle and identity.handle != author.handle[:80]:
        identity.handle = author.handle[:80]
    if author.followers is not None and identity.followers != author.followers:
        identity.followers = author.followers
    if author.posts is not None and identity.posts != author.posts:
        identity.posts = author.posts
