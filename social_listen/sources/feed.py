"""RSS and Atom feeds through feedparser: a review site, a blog, a search feed.

The rule's query is the feed's address. A feed has no pages and no ``since_id``: it lists
its latest entries, newest or not. The checkpoint is the newest entry date committed
(ISO 8601); entries older than it are left out, and entries at or after it are offered
again and stored once by the database's unique key (source, entry id), so an entry that
shares the checkpoint's second is never lost. An entry without an id is known by its
link, or its title and date.

The feed is fetched with requests (a timeout, a size cap) and parsed from memory:
feedparser's own fetching has neither.
"""

from __future__ import annotations

import calendar
import hashlib
from datetime import UTC, datetime
from urllib.parse import urlsplit

import feedparser
import requests

from app.text import words_of_html
from social_listen.sources import Author, Item, Page, Refused, Unavailable

MAX_BYTES = 5 * 1024 * 1024
USER_AGENT = "Peerdesk social listening (+https://peerdesk.invalid/listening)"


class FeedSource:
    def __init__(self, timeout: float = 10.0, session: requests.Session | None = None) -> None:
        self.timeout = timeout
        self.session = session or requests.Session()

    @classmethod
    def from_config(cls, config) -> FeedSource:
        return cls(timeout=config["LISTEN_TIMEOUT"], session=config.get("FEED_SESSION"))

    def fetch(self, query: str, since_id: str | None, token: str | None) -> Page:
        content = self._download(query)
        parsed = feedparser.parse(content)
        if parsed.bozo and not parsed.entries:
            raise Unavailable(f"The feed could not be read: {parsed.get('bozo_exception')}")
        since = _parse_checkpoint(since_id)
        host = urlsplit(query).hostname or "feed"
        language = (parsed.feed.get("language") or "")[:2].lower() or None
        items = [item for entry in parsed.entries
                 if (item := _item(entry, host, language)) is not None
                 and (since is None or item.created_at is None or item.created_at >= since)]
        dated = [item.created_at for item in items if item.created_at]
        newest = max(dated, default=since)
        return Page(items=items, newest_id=newest.isoformat() if newest else since_id)

    def _download(self, url: str) -> bytes:
        try:
            with self.session.get(url, timeout=self.timeout, stream=True,
                                  headers={"User-Agent": USER_AGENT}) as response:
                if response.status_code >= 500 or response.status_code == 429:
                    raise Unavailable(f"The feed answered {response.status_code}")
                if response.status_code >= 400:
                    raise Refused(f"The feed answered {response.status_code}")
                content = response.raw.read(MAX_BYTES + 1, decode_content=True)
        except requests.RequestException as error:
            raise Unavailable(f"The feed could not be reached: {type(error).__name__}") \
                from error
        if len(content) > MAX_BYTES:
            raise Refused("The feed is larger than 5 MB")
        return content


def _item(entry, host: str, language: str | None) -> Item | None:
    link = entry.get("link") or ""
    title = (entry.get("title") or "").strip()
    created = _time(entry.get("published_parsed") or entry.get("updated_parsed"))
    ident = entry.get("id") or link or (
        hashlib.sha256(f"{title}|{created}".encode()).hexdigest()[:32] if title else None)
    if not ident:
        return None
    name = (entry.get("author") or "").strip() or host
    text = words_of_html(entry.get("summary") or entry.get("description") or "")
    author = Author(external_id=f"{host}:{name}"[:120], handle=name[:80], name=name[:120])
    return Item(external_id=str(ident)[:200], text=text, url=link, created_at=created,
                author=author, title=title or None, language=language)


def _time(parsed) -> datetime | None:
    """The entry's date, never later than now: a feed that dates an entry in the future
    must not move the checkpoint past the entries still to come."""
    if not parsed:
        return None
    try:
        moment = datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    except (OverflowError, ValueError, OSError):
        return None
    return min(moment, datetime.now(UTC))


def _parse_checkpoint(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
