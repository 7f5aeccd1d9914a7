"""RSS and Atom feeds through feedparser, from a local HTTP server: entries become
mentions once, the checkpoint follows the newest entry, broken feeds are recorded."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import select

from app.extensions import db
from social_listen import polling
from social_listen.models import ListeningRule, Mention
from tests.social_listen.conftest import make_rule

ITEM = """<item><title>{title}</title><link>https://reviews.example/r/{n}</link>
<guid>https://reviews.example/r/{n}</guid>
<author>reviewer{n}@reviews.example (Reviewer {n})</author>
<pubDate>{date}</pubDate><description>&lt;p&gt;{text}&lt;/p&gt;</description></item>"""


def rss(items: list[tuple[int, str, str, str]]) -> str:
    body = "".join(ITEM.format(n=n, title=title, text=text, date=date)
                   for n, title, text, date in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Reviews</title>'
            f"<language>en-us</language>{body}</channel></rss>")


FIRST = [(1, "Buds Pro: great sound, poor battery", "The battery dies after two hours?",
          "Mon, 30 Nov 2026 10:00:00 GMT"),
         (2, "Lumio Go stopped charging", "Mine will not charge since the update, any fix?",
          "Tue, 01 Dec 2026 09:30:00 GMT")]
LATER = (3, "Support answered in minutes", "Thanks, great support and a quick fix.",
         "Wed, 02 Dec 2026 18:15:00 GMT")


class FeedServer:
    def __init__(self) -> None:
        self.body, self.status = rss(FIRST).encode(), 200
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args) -> None:
                pass

            def do_GET(self) -> None:
                self.send_response(server.status)
                self.send_header("content-type", "application/rss+xml")
                self.end_headers()
                self.wfile.write(server.body)

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http.server_port}/reviews.rss"


@pytest.fixture
def feed():
    server = FeedServer()
    yield server
    server.http.shutdown()


@pytest.fixture
def feed_rule(app, staff, feed):
    return make_rule(app, staff, name="Reviews", source="feed", query=feed.url)


def stored(app) -> dict[str, Mention]:
    with app.app_context():
        mentions = db.session.scalars(select(Mention)).all()
        db.session.expunge_all()
        return {mention.external_id: mention for mention in mentions}


def poll(app, rule):
    with app.app_context():
        return polling.poll(rule.id)


def test_entries_become_mentions_with_their_title_author_and_link(app, feed_rule):
    poll(app, feed_rule)

    mentions = stored(app)
    mention = mentions["https://reviews.example/r/2"]
    assert set(mentions) == {"https://reviews.example/r/1", "https://reviews.example/r/2"}
    assert mention.title == "Lumio Go stopped charging"
    assert mention.text == "Mine will not charge since the update, any fix?"
    assert mention.language == "en" and mention.is_question


def test_a_second_poll_stores_only_new_entries_and_moves_the_checkpoint(app, feed_rule, feed):
    poll(app, feed_rule)
    feed.body = rss([*FIRST, LATER]).encode()

    result = poll(app, feed_rule)

    assert result.new == 1 and len(stored(app)) == 3
    with app.app_context():
        assert db.session.get(ListeningRule, feed_rule.id).since_id.startswith("2026-12-02T18:15")


def test_a_feed_that_is_not_a_feed_is_recorded_and_retried(app, feed_rule, feed):
    feed.body = b"<html><body>Maintenance</body"

    result = poll(app, feed_rule)

    assert result.error and "could not be read" in result.error
    with app.app_context():
        assert db.session.get(ListeningRule, feed_rule.id).failures == 1


def test_a_missing_feed_is_recorded_on_the_rule(app, feed_rule, feed):
    feed.status = 404

    result = poll(app, feed_rule)

    assert "404" in result.error and stored(app) == {}
