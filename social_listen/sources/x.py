"""X (Twitter) through tweepy: API v2 recent search, the only place tweepy is used.

One request per page: the query, ``since_id`` (the rule's checkpoint) and ``next_token``
(the page to resume from), with the ``author_id`` expansion and the tweet and user fields
the features need (conversation, language, metrics, the author's followers and post count
for reach and the bot heuristics). tweepy's ``Client`` builds the request and raises its
errors; the response body is read here, so a body that is not what X sends is an
:class:`~social_listen.sources.Unavailable`, not a crash.

tweepy 4.17 sends every request to ``https://api.twitter.com``. A transport adapter
mounted on ``client.session`` (:class:`ApiBase`) sends them to ``PEERDESK_X_API_BASE``
instead (X's own host by default; a proxy, or the local fake server in tests) and gives
each request a timeout, which tweepy does not: a server that never answers must not hold
a job runner for ever.
"""

from __future__ import annotations

import html
import json
import re
from datetime import UTC, datetime

import requests
import tweepy
from requests.adapters import HTTPAdapter

from social_listen.sources import (
    Author,
    CheckpointTooOld,
    InvalidToken,
    Item,
    Page,
    RateLimited,
    Refused,
    Unavailable,
)

TWEEPY_HOST = "https://api.twitter.com"
TWEET_ID = re.compile(r"^[0-9]{1,20}$")
EXPANSIONS = ["author_id", "referenced_tweets.id"]
TWEET_FIELDS = ["author_id", "conversation_id", "created_at", "lang", "public_metrics",
                "referenced_tweets", "in_reply_to_user_id"]
USER_FIELDS = ["username", "name", "public_metrics", "verified", "url"]


class ApiBase(HTTPAdapter):
    """Rewrites tweepy's fixed host to ``base`` and puts a timeout on every request."""

    def __init__(self, base: str, timeout: float) -> None:
        super().__init__(max_retries=0)
        self.base = base.rstrip("/")
        self.timeout = timeout

    def send(self, request, **kwargs):
        if request.url.startswith(TWEEPY_HOST):
            request.url = self.base + request.url[len(TWEEPY_HOST):]
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        return super().send(request, **kwargs)


class XSource:
    def __init__(self, bearer_token: str, base: str, *, page_size: int = 100,
                 timeout: float = 10.0, adapter: HTTPAdapter | None = None) -> None:
        self.client = tweepy.Client(bearer_token=bearer_token,
                                    return_type=requests.Response)
        self.client.session.mount(TWEEPY_HOST, adapter or ApiBase(base, timeout))
        self.page_size = max(10, min(100, page_size))

    @classmethod
    def from_config(cls, config) -> XSource:
        return cls(config["X_BEARER_TOKEN"] or "", config["X_API_BASE"],
                   page_size=config["LISTEN_PAGE_SIZE"], timeout=config["LISTEN_TIMEOUT"],
                   adapter=config.get("X_TRANSPORT"))

    def fetch(self, query: str, since_id: str | None, token: str | None) -> Page:
        response = self._request(query, since_id, token)
        try:
            body = response.json()
        except (json.JSONDecodeError, requests.JSONDecodeError, UnicodeDecodeError) as error:
            raise Unavailable(f"X sent a body that is not JSON: {error}") from error
        return parse_page(body, _wait_until(response))

    def _request(self, query: str, since_id: str | None, token: str | None):
        params = {"max_results": self.page_size, "expansions": EXPANSIONS,
                  "tweet_fields": TWEET_FIELDS, "user_fields": USER_FIELDS}
        if since_id:
            params["since_id"] = since_id
        if token:
            params["next_token"] = token
        try:
            return self.client.search_recent_tweets(query, **params)
        except tweepy.TooManyRequests as error:
            reset = error.reset_time
            raise RateLimited("X: too many requests (429)",
                              datetime.fromtimestamp(reset, UTC) if reset else None) from error
        except tweepy.TwitterServerError as error:
            raise Unavailable(f"X answered {_status(error)}: {error}") from error
        except tweepy.BadRequest as error:
            messages = " ".join(error.api_messages).lower()
            if token and "token" in messages:
                raise InvalidToken(f"X no longer accepts the page token: {error}") from error
            if since_id and "since_id" in messages:
                raise CheckpointTooOld(
                    "X searches the last 7 days only: the rule's checkpoint was older, so "
                    "posts from before that could not be heard; listening starts afresh "
                    f"({error})") from error
            raise Refused(f"X refused the query (400): {error}") from error
        except tweepy.HTTPException as error:
            raise Refused(f"X answered {_status(error)}: {error}") from error
        except requests.RequestException as error:
            raise Unavailable(f"X could not be reached: {type(error).__name__}") from error


def parse_page(body: object, wait_until: datetime | None = None) -> Page:
    """A search page as :class:`Page`; raises Unavailable if it is not one."""
    if not isinstance(body, dict) or not isinstance(body.get("meta", {}), dict):
        raise Unavailable("X sent a page that is not a search result")
    data, meta = body.get("data") or [], body.get("meta") or {}
    users = {user.get("id"): user for user in _list(body.get("includes"), "users")
             if isinstance(user, dict)}
    if not isinstance(data, list):
        raise Unavailable("X sent a page whose data is not a list")
    items = [item for entry in data if (item := _item(entry, users)) is not None]
    token = meta.get("next_token")
    return Page(items=items, next_token=str(token)[:200] if token else None,
                newest_id=_checkpoint(meta.get("newest_id"), items),
                wait_until=wait_until, malformed=len(data) - len(items))


def _checkpoint(claimed: object, items: list[Item]) -> str | None:
    """The page's newest id, as far as the page shows it: ``meta.newest_id`` is taken
    only if it is a number no larger than the newest post on the page (a bad value would
    move the checkpoint past posts never fetched)."""
    heard = _newest(items)
    value = str(claimed) if claimed is not None else ""
    if heard is None or not TWEET_ID.match(value) or int(value) > int(heard):
        return heard
    return value


def _list(container: object, key: str) -> list:
    value = container.get(key) if isinstance(container, dict) else None
    return value if isinstance(value, list) else []


def _item(entry: object, users: dict) -> Item | None:
    if not isinstance(entry, dict) or not TWEET_ID.match(str(entry.get("id", ""))):
        return None
    tweet_id = str(entry["id"])
    user = users.get(entry.get("author_id")) or {}
    author = _author(str(entry.get("author_id") or "0"), user)
    references = {ref.get("type"): str(ref.get("id")) for ref in _list(entry, "referenced_tweets")
                  if isinstance(ref, dict)}
    metrics = entry.get("public_metrics") if isinstance(entry.get("public_metrics"), dict) \
        else {}
    return Item(
        external_id=tweet_id, text=html.unescape(str(entry.get("text") or "")),
        url=f"https://x.com/{author.handle or 'i'}/status/{tweet_id}",
        created_at=_time(entry.get("created_at")), author=author,
        conversation_id=str(entry["conversation_id"]) if entry.get("conversation_id") else None,
        in_reply_to=references.get("replied_to"), language=entry.get("lang") or None,
        is_repost="retweeted" in references,
        engagement=sum(int(value) for value in metrics.values() if isinstance(value, int)))


def _author(author_id: str, user: dict) -> Author:
    metrics = user.get("public_metrics") if isinstance(user.get("public_metrics"), dict) else {}
    handle = str(user.get("username") or "")
    return Author(external_id=author_id, handle=handle, name=str(user.get("name") or ""),
                  followers=metrics.get("followers_count"),
                  following=metrics.get("following_count"),
                  posts=metrics.get("tweet_count"), verified=bool(user.get("verified")),
                  url=f"https://x.com/{handle}" if handle else None)


def _time(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return None


def _newest(items: list[Item]) -> str | None:
    return max((item.external_id for item in items), key=lambda i: (len(i), i), default=None)


def _wait_until(response) -> datetime | None:
    """When the quota this page used up comes back (``x-rate-limit-remaining: 0``)."""
    headers = response.headers
    if headers.get("x-rate-limit-remaining") == "0" and \
            str(headers.get("x-rate-limit-reset", "")).isdigit():
        return datetime.fromtimestamp(int(headers["x-rate-limit-reset"]), UTC)
    return None


def _status(error: tweepy.HTTPException) -> int | str:
    return getattr(error.response, "status_code", "an error")
