"""The screening tester: any text, judged by the same code path as a real post (the gate in
``app.screening`` with every registered screen), as a dry run: nothing is counted, locked
or written. Staff use it from ``/moderation/tester`` and ``POST /api/v1/moderation/screen``.
"""

from __future__ import annotations

from app import screening
from app.accounts import services as accounts
from app.accounts.models import Role, User
from app.clock import utcnow
from app.text import render_markdown


class UnknownAuthor(LookupError):
    pass


def try_text(text: str, *, title: str = "", author: str = "") -> screening.Verdict:
    """The verdict ``author`` (a username; empty: a brand-new member) would get for this
    text, posted as a question when it has a title, else as a reply."""
    writer = _author(author)
    return screening.screen(screening.Submission(
        kind="question" if title else "reply", author=writer, title=title.strip(),
        body=text, html=str(render_markdown(text)), dry_run=True))


def _author(username: str) -> User:
    if not username:
        # A stand-in that is never added to the session: a member who joined just now.
        return User(username="new-member", email="", role=Role.MEMBER, is_active=True,
                    created_at=utcnow())
    found = accounts.find_by_username(username.strip())
    if found is None:
        raise UnknownAuthor(username)
    return found
