"""Markdown in, sanitized HTML out: no script survives, links are marked as user content."""

from html.parser import HTMLParser

import pytest

from app.text import ALLOWED_TAGS, plain_text, render_markdown, words_of_html

ATTACKS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="&#106;avascript:alert(1)">click</a>',
    '<svg onload="alert(1)"></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<body onload="alert(1)">',
    '<div onmouseover="alert(1)">hover</div>',
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    '<form action="https://evil.example"><input name="q"></form>',
]


class ElementCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements_of(html: str) -> list[tuple[str, dict]]:
    collector = ElementCollector()
    collector.feed(html)
    return collector.elements


@pytest.mark.parametrize("payload", ATTACKS)
def test_no_script_vector_survives(payload):
    for tag, attrs in elements_of(str(render_markdown(payload))):
        assert tag in ALLOWED_TAGS, f"<{tag}> survived"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"event handler {name} survived"
            assert name != "style"
            scheme = (value or "").strip().lower().split(":", 1)[0]
            if name in ("href", "src") and ":" in (value or ""):
                assert scheme in ("http", "https", "mailto"), f"{value!r} survived"


def test_commonmark_is_rendered():
    html = str(render_markdown("# Title\n\n**bold** and `code`\n\n- one\n- two"))
    assert "<h1>Title</h1>" in html
    assert "<strong>bold</strong>" in html and "<code>code</code>" in html
    assert "<li>one</li>" in html


def test_tables_and_strikethrough_are_rendered():
    html = str(render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~"))
    assert "<table>" in html and "<s>old</s>" in html


def test_links_get_nofollow_ugc_noopener():
    html = str(render_markdown("[docs](https://example.com/help)"))
    assert 'href="https://example.com/help"' in html
    assert 'rel="nofollow ugc noopener"' in html


def test_bare_urls_become_marked_links():
    html = str(render_markdown("see https://example.com/help please"))
    assert '<a href="https://example.com/help" rel="nofollow ugc noopener">' in html


def test_author_cannot_override_rel():
    html = str(render_markdown('<a href="https://example.com" rel="me">x</a>'))
    assert 'rel="nofollow ugc noopener"' in html and 'rel="me"' not in html


def test_mailto_links_survive():
    assert 'href="mailto:help@example.com"' in str(render_markdown("<mailto:help@example.com>"))


def test_urls_in_code_blocks_stay_text():
    html = str(render_markdown("```\ncurl https://example.com\n```"))
    assert "<a " not in html


def test_code_language_class_survives_but_other_classes_do_not():
    assert 'class="language-python"' in str(render_markdown("```python\nx = 1\n```"))
    assert "class=" not in str(render_markdown('<code class="button">x</code>'))


def test_plain_text_strips_markup_and_entities():
    assert plain_text("**Fish & chips** <b>now</b>") == "Fish & chips now"


def test_plain_text_truncates_on_request():
    assert plain_text("word " * 50, limit=20).endswith("…")
    assert len(plain_text("word " * 50, limit=20)) == 20


def test_rendering_from_many_threads_gives_the_same_html():
    from concurrent.futures import ThreadPoolExecutor

    sources = [f"**item {n}** see https://example.com/{n} <script>x</script>" for n in range(40)]
    expected = [str(render_markdown(source)) for source in sources]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda s: str(render_markdown(s)), sources * 25))
    assert results == expected * 25


def test_the_words_of_stored_html_match_its_plain_text():
    source = "**Hold** the button for *15 s* & then [reset](https://lumio.example).\n\n- one\n- two"
    assert words_of_html(str(render_markdown(source))) == plain_text(source)


def test_the_quick_check_for_forbidden_characters_misses_none():
    import unicodedata

    from app.text import forbidden_characters

    def by_definition(char: str, multiline: bool) -> bool:
        kept = multiline and char in "\n\t"
        line_break = not multiline and char in "\n\r\u2028\u2029"
        return not kept and (unicodedata.category(char) in ("Cc", "Cs") or line_break)

    for code in range(0x10000):  # every control character and surrogate is in the BMP
        char = chr(code)
        for multiline in (True, False):
            found = forbidden_characters(f"a{char}b", multiline=multiline)
            assert (found == [char]) == by_definition(char, multiline), (hex(code), multiline)
