"""Social posts brought home as forum posts (``community.importers.external``): their
text reads exactly as it was written, whatever characters it holds."""

from __future__ import annotations

import html

import pytest

from app.text import ALLOWED_TAGS, render_markdown
from community.importers.external import html_of, markdown_of
from tests.app.test_text import elements_of
from tests.support.fake_x import load_corpus

HOSTILE = [
    "<script>alert(1)</script> is what the page showed",
    "*50% off* [click](javascript:alert(1)) ![x](https://evil.example/x.png)",
    '<img src=x onerror="alert(1)"> and <a href="javascript:alert(1)">this</a>',
    "# not a heading\n> not a quote\n- not a list\n1. not a list either",
    "`code` and ``` fences ``` and \\ backslashes \\\\",
    'a link https://example.com/a?b=1&c="2"<script> that ends oddly',
    "line one\r\nline two\rline three\u2028after a separator",
    "null\x00 and escape\x1b and bell\x07 characters",
]


def recorded_texts() -> list[str]:
    tweets, _users = load_corpus()
    return [html.unescape(tweet["text"]) for tweet in tweets]  # as the X source reads them


def test_every_recorded_post_renders_as_markdown_would_render_it():
    texts = recorded_texts()

    differ = [text for text in texts if html_of(text) != str(render_markdown(markdown_of(text)))]

    assert len(texts) > 200 and differ == []


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_shown_as_written(text):
    stored = html_of(text)

    assert stored == str(render_markdown(markdown_of(text)))
    assert {tag for tag, _attrs in elements_of(stored)} <= {"p", "br", "a"}
    assert all(attrs.get("href", "").startswith("https://")
               for tag, attrs in elements_of(stored) if tag == "a")
    assert {tag for tag, _attrs in elements_of(stored)} <= ALLOWED_TAGS


def test_a_site_named_without_http_becomes_a_link_as_in_a_members_post():
    stored = html_of("the manual on acme.com says otherwise")

    assert '<a href="http://acme.com"' in stored
