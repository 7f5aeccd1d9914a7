"""A local fake of X's recent-search endpoint, on 127.0.0.1, for fault, crash and load tests.

It serves a corpus made from the recorded X API v2 responses in
``../shared/fixtures/x_api/`` (real posts and their authors) the way X does: newest first,
``max_results`` per page, ``since_id`` leaving out what is older, ``next_token`` chaining
the pages, rate-limit headers on every answer. Faults are queued in ``faults`` and each
request takes the next one:

- ``"429"``: Too Many Requests with ``x-rate-limit-reset`` (the recorded problem body);
- ``"500"``: an HTML error page, as a proxy in front of X sends;
- ``"timeout"``: no answer before the client gives up (``delay`` seconds, then a page);
- ``"malformed"``: a 200 whose JSON body is cut short;
- ``"not-a-page"``: a 200 whose JSON is not a search result;
- ``"slow"``: a correct page, ``delay`` seconds late (for killing a poller mid-page);
- ``None``: a correct page.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

SHARED = Path(os.environ.get("PEERDESK_SHARED_DIR",
                             Path(__file__).resolve().parents[2].parent / "shared"))
FIXTURES = SHARED / "fixtures" / "x_api"
CORPUS_FILES = (
    "search_recent_tweets__full_expansions.json",
    "search_recent_tweets__partial_errors.json",
    "derived/search_all_tweets__edit_era_small.json",
    "search_recent_tweets__docs_example_conversation.json",
)
SEARCH_PATH = "/2/tweets/search/recent"


def load_corpus(folder: Path = FIXTURES) -> tuple[list[dict], dict[str, dict]]:
    """Every recorded post (once, newest first) and every recorded author by id."""
    tweets, users = {}, {}
    for name in CORPUS_FILES:
        body = json.loads((folder / name).read_text(encoding="utf-8"))
        for tweet in body.get("data", []):
            tweets.setdefault(tweet["id"], tweet)
        for user in body.get("includes", {}).get("users", []):
            users.setdefault(user["id"], user)
    return sorted(tweets.values(), key=lambda t: int(t["id"]), reverse=True), users


def is_retweet(tweet: dict) -> bool:
    return any(ref.get("type") == "retweeted" for ref in tweet.get("referenced_tweets", []))


class FakeX:
    def __init__(self, tweets: list[dict] | None = None, users: dict | None = None, *,
                 delay: float = 1.0) -> None:
        if tweets is None:
            tweets, users = load_corpus()
        self.tweets = sorted(tweets, key=lambda t: int(t["id"]), reverse=True)
        self.users = users or {}
        self.faults: deque = deque()
        self.delay = delay
        self.oldest_since_id: int | None = None  # X refuses an older since_id (7 days)
        self.requests = 0
        self.answered: list[str] = []  # the fault (or "ok") each request got
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    def __enter__(self) -> FakeX:
        self.thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def add(self, tweets: list[dict]) -> None:
        with self.lock:
            self.tweets = sorted(self.tweets + tweets, key=lambda t: int(t["id"]), reverse=True)

    def expected_ids(self) -> set[str]:
        """What a poller must end up with: every post served that is not a repost."""
        return {tweet["id"] for tweet in self.tweets if not is_retweet(tweet)}

    def newest_id(self) -> str:
        return self.tweets[0]["id"]

    def next_fault(self) -> str | None:
        with self.lock:
            self.requests += 1
            fault = self.faults.popleft() if self.faults else None
            self.answered.append(fault or "ok")
            return fault

    def page(self, query: dict) -> dict:
        size = max(10, min(100, int((query.get("max_results") or ["10"])[0])))
        since = int((query.get("since_id") or ["0"])[0])
        until = int((query.get("next_token") or ["until:0"])[0].split(":")[1]) or None
        with self.lock:
            eligible = [t for t in self.tweets if int(t["id"]) > since
                        and (until is None or int(t["id"]) < until)]
        data, rest = eligible[:size], eligible[size:]
        if not data:
            return {"meta": {"result_count": 0}}
        authors = {tweet.get("author_id") for tweet in data}
        meta = {"result_count": len(data), "newest_id": data[0]["id"],
                "oldest_id": data[-1]["id"]}
        if rest:
            meta["next_token"] = f"until:{data[-1]['id']}"
        return {"data": data, "includes": {"users": [user for key, user in self.users.items()
                                                     if key in authors]}, "meta": meta}


def _handler(fake: FakeX):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args) -> None:
            pass

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            if url.path != SEARCH_PATH:
                return self._send(404, {"title": "Not Found Error"})
            if not self.headers.get("Authorization", "").startswith("Bearer "):
                return self._send(401, json.loads(
                    (FIXTURES / "errors" / "401_unauthorized.json").read_text()))
            since = (parse_qs(url.query).get("since_id") or [None])[0]
            if fake.oldest_since_id and since and int(since) < fake.oldest_since_id:
                return self._send(400, {"errors": [{"parameters": {"since_id": [since]},
                                                    "message": f"Invalid 'since_id':'{since}'. "
                                                    "'since_id' must be a tweet id created "
                                                    "after the start of the search window."}],
                                        "title": "Invalid Request", "detail": "One or more "
                                        "parameters to your request was invalid.",
                                        "type": "https://api.twitter.com/2/problems/"
                                        "invalid-request"})
            fault = fake.next_fault()
            if fault == "429":
                body = json.loads((FIXTURES / "errors" / "429_too_many_requests.json")
                                  .read_text())
                return self._send(429, body, remaining=0, reset=int(time.time()) + 1)
            if fault == "500":
                return self._send(500, b"<html><body>Internal Server Error</body></html>",
                                  kind="text/html")
            if fault in ("timeout", "slow"):
                time.sleep(fake.delay)
            page = fake.page(parse_qs(url.query))
            if fault == "malformed":
                return self._send(200, json.dumps(page).encode()[:200])
            if fault == "not-a-page":
                return self._send(200, [page])
            return self._send(200, page)

        def _send(self, status: int, body, *, kind: str = "application/json; charset=utf-8",
                  remaining: int = 449, reset: int | None = None) -> None:
            payload = body if isinstance(body, bytes) else json.dumps(body).encode()
            try:
                self.send_response(status)
                self.send_header("content-type", kind)
                self.send_header("content-length", str(len(payload)))
                self.send_header("x-rate-limit-limit", "450")
                self.send_header("x-rate-limit-remaining", str(remaining))
                self.send_header("x-rate-limit-reset", str(reset or int(time.time()) + 900))
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout fault)

    return Handler
