"""Imported bodies: the dump's HTML, sanitized, stored so that editing cannot damage it.

Stack Exchange dumps hold HTML, not the Markdown it was written in. Peerdesk stores each
post twice: ``body_source``, what the edit form shows and what an edit renders again with
Markdown, and ``body_html``, what pages show. For an import both are the sanitized HTML,
laid out so that CommonMark passes it through untouched (raw HTML is valid Markdown):
no blank lines outside ``<pre>`` (a blank line would end an HTML block and let Markdown
rules loose on the text after it), no indented lines there (four spaces start a code
block), and each ``<pre>`` opening its own block, which runs to ``</pre>`` whatever blank
lines the code holds. Whitespace outside ``<pre>`` means nothing in HTML, so the page is
unchanged. Saving an unchanged edit therefore renders the same page (a test checks every
post of a real dump), and an editor may add Markdown next to the HTML.

Links relative to the site (``href="/questions/tagged/moka"``) would lead to Peerdesk's
own paths, so they are made absolute on the site the dump comes from. Those that name an
imported question or answer are later pointed at the local copy (``site_links``).
"""

from __future__ import annotations

import re

from app.text import sanitize

PRE_BLOCK = re.compile(r"(<pre\b.*?</pre>)", re.DOTALL | re.IGNORECASE)
LINE_BREAKS = re.compile(r"\s*\n\s*")
# In sanitized HTML every attribute is double-quoted, a quote inside a value is &quot;
# and a "<" in text is &lt;: this matches real tags only, never text about HTML.
SITE_RELATIVE = re.compile(r'(<(?:a|img)\s[^>]*?\b(?:href|src)=")/(?!/)', re.IGNORECASE)


def imported_body(html: str, site: str) -> str:
    """Sanitized HTML that reads the same as HTML and as Markdown, with links and images
    relative to ``site`` made absolute."""
    parts = PRE_BLOCK.split(SITE_RELATIVE.sub(rf"\g<1>https://{site}/", str(sanitize(html))))
    laid_out = []
    for index, part in enumerate(parts):
        if index % 2:  # a <pre> block; the rest of its last line stays with it
            laid_out.append(f"\n\n{part}")
        else:
            text = LINE_BREAKS.sub("\n", part)
            laid_out.append(text.rstrip() if index + 1 < len(parts) else text)
    return "".join(laid_out).strip()
