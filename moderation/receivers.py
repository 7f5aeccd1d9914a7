"""The audit log hears of staff actions made outside moderation: role changes (accounts),
articles published or archived (knowledge base), a staff member editing someone else's
post or accepting an answer on someone's question (forum). Each entry is written after
the action committed, in its own transaction."""

from __future__ import annotations

from app import events
from app.extensions import db
from app.permissions import is_staff
from moderation import audit


def on_role_changed(user, *, old_role, new_role, changed_by=None, **_data) -> None:
    audit.record(changed_by, "user.role", "user", user.id,
                 f"{user.username}: {old_role.value} → {new_role.value}",
                 before={"role": old_role.value}, after={"role": new_role.value})
    db.session.commit()


def on_article_published(article, *, reviewer=None, **_data) -> None:
    audit.record(reviewer, "article.publish", "article", article.id, article.slug)
    db.session.commit()


def on_article_archived(article, *, archived_by=None, **_data) -> None:
    audit.record(archived_by, "article.archive", "article", article.id, article.slug)
    db.session.commit()


def on_post_edited(post, *, editor=None, **_data) -> None:
    if editor is None or editor.id == post.author_id or not is_staff(editor):
        return
    previous = post.revisions[-1].body_source if post.revisions else ""
    audit.record(editor, "post.edit", "post", post.id, post.thread.title,
                 before={"body": previous}, after={"body": post.body_source})
    db.session.commit()


def on_answer_accepted(post, *, accepted_by=None, **_data) -> None:
    if accepted_by is None or accepted_by.id == post.thread.author_id:
        return
    audit.record(accepted_by, "post.accept", "post", post.id, post.thread.title)
    db.session.commit()


def init_app() -> None:
    events.user_role_changed.connect(on_role_changed)
    events.article_published.connect(on_article_published)
    events.article_archived.connect(on_article_archived)
    events.post_edited.connect(on_post_edited)
    events.answer_accepted.connect(on_answer_accepted)
