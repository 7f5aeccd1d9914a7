"""Imported posts pass the same screening gate as every other post (``app.screening``),
with ``source="import"``: moderation applies its policy for imports (watched words, no
new-member limits). A post the gate would hold is written pending and waits in the review
queue like any other; one it would refuse is held too, since an import keeps every post
of a thread for a moderator to judge rather than leave holes in it.

The gate's queue rows need the posts' ids, so the importer keeps what it screened for the
batch in flight and calls :meth:`ImportGate.keep_all` after the batch's flush.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app import screening
from app.accounts.models import User
from app.extensions import db
from community import visibility
from community.models import Post, Visibility


@dataclass
class ImportGate:
    account_id: int
    source: str = "import"  # moderation's import policy is by source ("social"...)
    held: int = 0
    _kept: list[tuple[screening.Verdict, screening.Submission, Post]] = field(
        default_factory=list)

    def screen(self, *, kind: str, body: str, title: str, category_id: int,
               language: str, html: str | None = None,
               ) -> tuple[screening.Submission, screening.Verdict]:
        """``html`` is the rendered body; a Stack Exchange body is its own HTML."""
        submission = screening.Submission(
            kind=kind, author=db.session.get(User, self.account_id), body=body,
            html=body if html is None else html,
            title=title, source=self.source, category_id=category_id, language=language)
        verdict = screening.screen(submission)
        if verdict.refused:
            verdict.action = screening.Action.HOLD
        return submission, verdict

    def written(self, post: Post, submission: screening.Submission,
                verdict: screening.Verdict) -> Post:
        """Set the post's visibility from the verdict; remember it for :meth:`keep_all`."""
        post.visibility = Visibility.VISIBLE if verdict.visible else Visibility.PENDING
        post.published_at = post.created_at if verdict.visible else None
        if not verdict.visible:
            post.visibility_note = verdict.message[:visibility.NOTE_LENGTH] or None
            self.held += 1
        if verdict.html is not None:  # an import's source is its sanitized HTML
            post.body_source = post.body_html = verdict.html
        if verdict.title is not None and post.is_opening:
            post.thread.title = verdict.title
        if verdict.action != screening.Action.PUBLISH:
            self._kept.append((verdict, submission, post))
        return post

    def keep_all(self) -> None:
        """After the batch's flush, before its commit: the queue rows of what was held."""
        for verdict, submission, post in self._kept:
            screening.keep(verdict, submission, post.id)
        self._kept.clear()
