"""Recorded X responses served to tweepy's real ``Client``, for the demo without credentials.

:class:`RecordedSearch` is a requests transport adapter: mounted on ``client.session`` (the
X source does that when ``X_TRANSPORT`` is set), it answers recent-search requests from
response bodies recorded from the real API (``../shared/fixtures/x_api/``), so the whole
path (tweepy's request and errors, parsing, storing, importing) runs as it would against
X. It honours what the poller sends: pages are chained by ``next_token`` and ``since_id``
leaves out what the rule has already heard, so a second poll finds nothing new.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from requests import Response
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

SEARCH_PATH = "/2/tweets/search/recent"


class RecordedSearch(BaseAdapter):
    def __init__(self, pages: list[dict]) -> None:
        super().__init__()
        self.pages = pages
        self.requests = 0

    @classmethod
    def from_files(cls, paths: list[Path]) -> RecordedSearch:
        return cls([json.loads(path.read_text(encoding="utf-8")) for path in paths])

    def send(self, request, **_kwargs) -> Response:
        self.requests += 1
        url = urlsplit(request.url)
        if url.path != SEARCH_PATH:
            return _response(request, 404, {"title": "Not Found Error",
                                             "detail": f"No recording for {url.path}"})
        query = parse_qs(url.query)
        since = int((query.get("since_id") or ["0"])[0])
        start = int((query.get("next_token") or ["recorded:0"])[0].split(":")[-1])
        return _response(request, 200, self._page(start, since))

    def _page(self, index: int, since: int) -> dict:
        pages = [page for page in self.pages[index:]
                 if any(int(tweet["id"]) > since for tweet in page.get("data", []))]
        if not pages:
            return {"meta": {"result_count": 0}}
        page = pages[0]
        data = [tweet for tweet in page["data"] if int(tweet["id"]) > since]
        meta = {"result_count": len(data), "newest_id": max(
            (tweet["id"] for tweet in data), key=int)}
        following = self.pages.index(page) + 1
        if following < len(self.pages):
            meta["next_token"] = f"recorded:{following}"
        return {"data": data, "includes": page.get("includes", {}), "meta": meta}

    def close(self) -> None:
        pass


def _response(request, status: int, body: dict) -> Response:
    response = Response()
    response.status_code = status
    response.reason = "OK" if status == 200 else "Not Found"
    response.url = request.url
    response.request = request
    response._content = json.dumps(body).encode()
    response.headers = CaseInsensitiveDict({
        "content-type": "application/json; charset=utf-8",
        "x-rate-limit-limit": "450", "x-rate-limit-remaining": "449",
        "x-rate-limit-reset": str(int(time.time()) + 900)})
    response.encoding = "utf-8"
    return response
