"""A thread page's posts as HTML: each one's head and body, kept for every viewer, and
the footer that depends on this viewer.

The head and body (the ``post_head`` macro of ``community/_post.html``) are the same for
every viewer but for the "edited" link, so they are rendered once per thread version and
kept (:mod:`community.page_cache`). The footer (votes, accept, edit, staff tools) is
built here in Python: for a thread with 50 answers, a template macro per post cost a
member's page about 1.5 ms of its 6, this about 0.2. Everything put into it is an int or
was escaped once for the page (:func:`escaped_labels`).
"""

from __future__ import annotations

from flask import current_app
from markupsafe import Markup, escape

from community import page_cache
from community.models import Visibility

ESCAPED = ("helpful", "accept", "unaccept", "edit", "link", "csrf", "posts")


def escaped_labels(labels: dict) -> dict:
    safe = {name: str(escape(labels[name])) for name in ESCAPED}
    safe["helpful_counts"] = {count: str(escape(text))
                              for count, text in labels["helpful_counts"].items()}
    safe["tools"] = [(tool, str(escape(tool.before)), str(escape(tool.after)),
                      str(escape(tool.label))) for tool in labels["tools"]]
    return safe


def post_card(post, page, accepted: bool, labels: dict) -> Markup:
    """One post: ``<article>``, its kept head and body, this viewer's footer."""
    head = labels["kept"].get(post.id)  # looked up once for the page, by the view
    if head is None:
        macro = current_app.jinja_env.get_template("community/_post.html").module.post_head
        head = page_cache.keep_post_fragment(post, page, accepted,
                                             str(macro(post, page, accepted, labels)))
    if "escaped" not in labels:
        labels["escaped"] = escaped_labels(labels)
    return Markup(f"{head}{_footer(post, page, accepted, labels['escaped'])}</article>")  # noqa: S704


def _footer(post, page, accepted: bool, safe: dict) -> str:
    parts = ['<footer class="post-actions">']
    visible = post.visibility == Visibility.VISIBLE
    if not post.is_opening:
        parts.append(_helpful(post, page, safe, visible))
        if page.can_accept and visible:
            action, label = ("unaccept", safe["unaccept"]) if accepted else (
                "accept", safe["accept"])
            parts.append(
                f'<form method="post" class="inline-form js-refresh" '
                f'action="{safe["posts"]}/{post.id}/{action}">'
                f'<input type="hidden" name="csrf_token" value="{safe["csrf"]}">'
                f'<button type="submit" class="{"" if accepted else "primary"}">{label}'
                f'</button></form>')
    if post.id in page.editable:
        parts.append(f'<a href="{safe["posts"]}/{post.id}/edit">{safe["edit"]}</a>')
    for tool, before, after, label in safe["tools"]:
        if ((not tool.others_only or post.author_id != page.viewer_id)
                and (not tool.external_prefix
                     or (post.external_id or "").startswith(tool.external_prefix))):
            parts.append(f'<a href="{before}{post.id}{after}">{label}</a>')
    parts.append(f'<a href="#post-{post.id}" class="permalink">{safe["link"]}</a></footer>')
    return "\n".join(parts)


def _helpful(post, page, safe: dict, visible: bool) -> str:
    count = (f'<span class="helpful-count" id="helpful-{post.id}">'
             f'{safe["helpful_counts"][post.helpful_count]}</span>')
    if not (page.viewer_id and page.viewer_id != post.author_id and visible):
        return count
    voted = post.id in page.voted
    action, other = ("unvote", "vote") if voted else ("vote", "unvote")
    return (f'<form method="post" class="inline-form js-action" '
            f'action="{safe["posts"]}/{post.id}/{action}" '
            f'data-other-action="{safe["posts"]}/{post.id}/{other}" '
            f'data-counter="#helpful-{post.id}">'
            f'<input type="hidden" name="csrf_token" value="{safe["csrf"]}">'
            f'<button type="submit" aria-pressed="{"true" if voted else "false"}">'
            f'{safe["helpful"]}</button></form>\n{count}')
