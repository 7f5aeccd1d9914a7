"""No automatic replies: staff answer on X themselves, from X's own composer.

Apps that @-reply automatically get restricted by X; a person replying from their own
account is what X's rules and customers expect. The thread page offers a "reply on X"
link to X's web intent, addressed to the original post and carrying the thread's
address, so the answer on X points to the community's.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask_babel import gettext as _

from app.web import external_url

INTENT = "https://x.com/intent/post"


def compose_url(post) -> str | None:
    """X's composer, replying to ``post``'s original with the thread's address."""
    prefix, _colon, post_id = (post.external_id or "").partition(":")
    if prefix != "x" or not post_id.isdigit():
        return None
    thread = post.thread
    link = external_url("community.thread", thread_id=thread.id, slug=thread.slug)
    text = _("We answered this in our community: %(link)s", link=link)
    return f"{INTENT}?{urlencode({'in_reply_to': post_id, 'text': text})}"
