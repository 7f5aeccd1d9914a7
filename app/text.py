"""User text in, safe HTML out: the one place that renders Markdown and sanitizes HTML.

Markdown is CommonMark (plus tables and strikethrough, as GitHub and Discourse users
expect), rendered once when content is written and stored; pages never render it again.
The HTML then goes through bleach with an allow-list: anything not listed is escaped,
so a new browser feature cannot open a hole. Links get ``rel="nofollow ugc noopener"``
(search engines must not count user links, and a new tab cannot script its opener), and
only http, https and mailto URLs survive: ``javascript:``, ``data:`` and friends are
removed together with the attribute that carried them.
"""

from __future__ import annotations

import html
import re
import threading
import unicodedata
from functools import lru_cache
from urllib.parse import urlsplit

import bleach
from bleach.linkifier import LinkifyFilter
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "blockquote", "pre", "code", "kbd", "samp", "sub", "sup",
        "strong", "em", "b", "i", "s", "del", "ins", "mark", "small",
        "a", "img", "ul", "ol", "li", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6",
        "table", "thead", "tbody", "tr", "th", "td", "details", "summary",
    }
)
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title", "rel"],
    "img": ["src", "alt", "title", "width", "height"],
    "th": ["align"],
    "td": ["align"],
    "ol": ["start"],
    "code": lambda _tag, name, value: name == "class" and value.startswith("language-"),
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"


def _set_rel(attrs: dict, new: bool = False) -> dict:
    attrs[(None, "rel")] = LINK_REL
    return attrs


def _linkify(source):
    return LinkifyFilter(source, callbacks=[_set_rel], skip_tags={"pre", "code"})


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"breaks": False}).enable(["table", "strikethrough"])


_per_thread = threading.local()


def _cleaner() -> bleach.Cleaner:
    """bleach's Cleaner is not thread-safe, so each thread keeps its own."""
    cleaner = getattr(_per_thread, "cleaner", None)
    if cleaner is None:
        cleaner = _per_thread.cleaner = _new_cleaner()
    return cleaner


def _new_cleaner() -> bleach.Cleaner:
    return bleach.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
        filters=[_linkify],
    )


def sanitize(html: str) -> Markup:
    """Keep only allowed tags, attributes and URL schemes; mark every link as user content."""
    return Markup(_cleaner().clean(html))  # noqa: S704 - cleaned by the allow-list above


def render_markdown(source: str) -> Markup:
    """CommonMark source to sanitized HTML, ready to store and to show."""
    return sanitize(_markdown().render(source))


def link_paragraph(url: str, label: str) -> Markup:
    """``<p><a href=url>label</a></p>`` as :func:`render_markdown` would store it, without
    parsing Markdown (a post's link back to its original, written a thousand times in an
    import)."""
    if urlsplit(url).scheme not in ALLOWED_PROTOCOLS:
        return Markup("")
    return Markup('<p><a href="{}" rel="{}">{}</a></p>\n').format(url, LINK_REL, label)


def plain_text(source: str, limit: int | None = None) -> str:
    """The text a person reads, without markup: for e-mails, meta descriptions, snippets."""
    stripped = bleach.clean(_markdown().render(source), tags=set(), strip=True)
    text = " ".join(html.unescape(stripped).split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


_BLOCK_TAG = re.compile(r"</?(?:p|div|li|ul|ol|h[1-6]|pre|blockquote|table|tr|td|th|br|hr)\b[^>]*>",
                        re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def words_of_html(stored_html: str) -> str:
    """The words of HTML this module already rendered and sanitized (a stored
    ``body_html``): tags out, entities decoded. For the search index, which reads every
    post on a reindex: about twenty times cheaper than :func:`plain_text`, which renders
    and sanitizes again."""
    spaced = _BLOCK_TAG.sub(" ", stored_html)
    return " ".join(html.unescape(_TAG.sub("", spaced)).split())


# Line and paragraph separators end a line as surely as "\n" does.
_LINE_BREAKS = frozenset("\n\r\u2028\u2029")
_KEPT_IN_BODIES = frozenset("\n\t")
# Every character forbidden_characters may find: controls (Cc), surrogates (Cs), breaks.
_SUSPECT = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")
_SUSPECT_IN_BODY = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def forbidden_characters(text: str, *, multiline: bool) -> list[str]:
    """The characters that have no place in a title (``multiline=False``) or a body.

    Control characters (NUL, escape, DEL, C1 controls...) are invisible, break e-mail
    headers and are refused by PostgreSQL (NUL); lone surrogates are not text at all and
    cannot be stored. A body keeps its line breaks and tabs (normalize ``"\r\n"`` first,
    see :func:`normalize_newlines`); a title is one line, so any line break is refused.
    Returns each offending character once, in order of appearance.
    """
    found: list[str] = []
    if not (_SUSPECT_IN_BODY if multiline else _SUSPECT).search(text):  # almost every text
        return found
    for char in text:
        category = unicodedata.category(char)
        bad = (category in ("Cc", "Cs") or (not multiline and char in _LINE_BREAKS)) and not (
            multiline and char in _KEPT_IN_BODIES)
        if bad and char not in found:
            found.append(char)
    return found


def describe_character(char: str) -> str:
    """"U+000D (carriage return)": how to name an invisible character to a person."""
    if unicodedata.category(char) == "Cs":
        return f"U+{ord(char):04X} (lone surrogate)"
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(char, "control character")
    return f"U+{ord(char):04X} ({name.lower()})"


def is_line_break(char: str) -> bool:
    return char in _LINE_BREAKS


_CONTROL_NAMES = {"\n": "line feed", "\r": "carriage return", "\t": "tab", "\x00": "NUL",
                  "\x1b": "escape", "\x7f": "delete", "\x85": "next line"}


def normalize_newlines(text: str) -> str:
    """Windows ("\r\n") and old Mac ("\r") line ends become "\n", as browsers send them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def slugify(text: str, max_length: int = 80) -> str:
    """A URL-safe, readable slug: "Le cuffie non si caricano!" -> "le-cuffie-non-si-caricano"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "thread"
