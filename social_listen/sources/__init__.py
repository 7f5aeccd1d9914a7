"""Where mentions come from, behind one small interface.

A source turns a listening rule and its checkpoint into pages of :class:`Item`: X's recent
search (``x``, through tweepy) and RSS/Atom feeds (``feed``, through feedparser); a new
network (Mastodon, say) is one more module with a ``fetch``. Sources only read: they never
write to the database, so the polling service decides, in one transaction per page, what
is stored and how far the checkpoint moves.

A source reports trouble with three exceptions, so polling treats every network alike:
:class:`RateLimited` (wait until ``reset_at``), :class:`Unavailable` (a 5xx, a timeout,
a body that is not what it should be: retried with back-off) and :class:`Refused` (the
rule itself is wrong, or the credentials are: retried slowly, and shown to admins).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class Author:
    external_id: str
    handle: str  # "acme_support" on X; the author's name in a feed
    name: str = ""
    followers: int | None = None
    following: int | None = None
    posts: int | None = None
    verified: bool = False
    url: str | None = None


@dataclass(frozen=True)
class Item:
    """One post heard on a network, as the source sent it."""

    external_id: str
    text: str
    url: str
    created_at: datetime | None
    author: Author
    conversation_id: str | None = None
    in_reply_to: str | None = None  # the external id of the post it answers
    language: str | None = None  # as the source says ("und" means it could not tell)
    is_repost: bool = False
    title: str | None = None  # feeds: the entry's title
    engagement: int = 0  # likes, reposts, replies and quotes


@dataclass(frozen=True)
class Page:
    items: list[Item]
    next_token: str | None = None  # None: this was the last page of the run
    newest_id: str | None = None  # the checkpoint this page lets the rule reach
    wait_until: datetime | None = None  # the network's quota is spent until then
    malformed: int = 0  # entries skipped because they had no id
    notes: dict = field(default_factory=dict)


class SourceError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RateLimited(SourceError):
    def __init__(self, message: str, reset_at: datetime | None) -> None:
        super().__init__(message)
        self.reset_at = reset_at


class Unavailable(SourceError):
    """Try again later: the network failed, not the rule."""


class Refused(SourceError):
    """The network refused the request as made: a bad query, bad credentials."""


class InvalidToken(Refused):
    """A pagination token the network no longer accepts: start the run again."""


class CheckpointTooOld(Refused):
    """The checkpoint is older than the network searches (X: 7 days): give it up."""


class Source(Protocol):
    def fetch(self, query: str, since_id: str | None, token: str | None) -> Page: ...


DEMO_FILES = ("search_recent_tweets__docs_example_conversation.json",
              "derived/search_all_tweets__edit_era_small.json",
              "derived/search_recent_tweets__page1_of_2.json",
              "derived/search_recent_tweets__page2_of_2.json")


def for_rule(rule, config) -> Source:
    """The source that serves ``rule``, configured from the app's ``config``. An X rule
    without a bearer token is served the recorded responses when the demo has them
    (``LISTEN_DEMO_RESPONSES``), and refused otherwise."""
    from social_listen.sources import feed, x

    if rule.source != "x":
        return feed.FeedSource.from_config(config)
    if config["X_BEARER_TOKEN"] or config.get("X_TRANSPORT"):
        return x.XSource.from_config(config)
    recordings = demo_recordings(config)
    if recordings is None:
        raise Refused("No X bearer token is set: set PEERDESK_X_BEARER_TOKEN to listen on X.")
    return x.XSource("recorded", config["X_API_BASE"], page_size=config["LISTEN_PAGE_SIZE"],
                     adapter=recordings)


def demo_recordings(config):
    from pathlib import Path

    from social_listen.recorded import RecordedSearch

    folder = config.get("LISTEN_DEMO_RESPONSES")
    if not folder or not all((Path(folder) / name).is_file() for name in DEMO_FILES):
        return None
    return RecordedSearch.from_files([Path(folder) / name for name in DEMO_FILES])
