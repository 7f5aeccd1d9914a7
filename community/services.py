"""Forum use cases. Each public function is one transaction: it checks the rules, writes,
commits, and then announces the fact through ``app.events`` (after commit, never before).

Permissions are checked here as well as in the views, with the same ``can()``: the API
and the jobs call these functions too, and a rule must not depend on which door was used.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from app import events, screening
from app.accounts.models import User
from app.accounts.services import restriction_reason
from app.clock import utcnow
from app.extensions import db, locked
from app.permissions import can, is_staff
from app.screening import Submission
from app.text import render_markdown, slugify
from community import notifications, queries, reputation, rules, visibility
from community.errors import CommunityError, Conflict, NotAllowed
from community.models import (
    Category,
    HelpfulVote,
    MeToo,
    Post,
    PostRevision,
    Source,
    Subscription,
    Thread,
    ThreadKind,
    ThreadStatus,
    Visibility,
)
from community.tags import tags_named

REMOVED = (Visibility.HIDDEN, Visibility.DELETED)


def check_allowed(user: User, action: str, obj: object = None) -> None:
    """Refuse (403) unless ``can(user, action, obj)``: the same check for every door. A
    member made read-only is told why and until when."""
    if not can(user, action, obj):
        reason = restriction_reason(user) if user.is_authenticated and user.read_only() \
            else None
        raise NotAllowed(reason or _("You are not allowed to do this."))


def _check(problem: str | None, field: str) -> None:
    if problem:
        raise CommunityError(problem, field=field)


def _check_visible(user: User, thread: Thread) -> None:
    """Nobody acts on a thread they cannot see (its question held or hidden): 404."""
    if not queries.thread_visible_to(thread, user):
        raise CommunityError(_("There is no such thread."), status=404)


def _check_writable(user: User, thread: Thread, field: str | None = None) -> None:
    """Closed and archived threads are read-only: no replies, edits, votes or accepts."""
    _check_visible(user, thread)
    problem = rules.reply_problem(thread.status)
    if problem:
        raise CommunityError(problem, field=field, status=409)


# --- asking and replying ----------------------------------------------------------------


def ask(author: User, *, category: Category, title: str, body: str,
        kind: ThreadKind = ThreadKind.QUESTION, tags: Iterable[str] = (),
        source: Source = Source.WEB, language: str = "en") -> Thread:
    check_allowed(author, "thread.ask")
    if not category.takes_questions:
        raise CommunityError(_("This area takes no questions: choose another."),
                             field="category")
    _check(rules.title_problem(title), "title")
    _check(rules.body_problem(body), "body")
    body, title = rules.clean_body(body), title.strip()
    _refuse_duplicate(author, body)
    submission, verdict = _screened(Submission(
        kind="question", author=author, title=title, body=body,
        html=str(render_markdown(body)), source=source.value, category_id=category.id,
        language=language))
    now = utcnow()
    thread = Thread(
        kind=kind, title=verdict.title or title, slug=slugify(verdict.title or title),
        category=category,
        author_id=author.id, language=language, source=source, last_activity_at=now,
        last_poster_id=author.id, created_at=now, tags=tags_named(tags),
    )
    post = _new_post(thread, author, submission, verdict, now, is_opening=True)
    db.session.add_all([thread, post])
    db.session.flush()
    if verdict.visible:
        visibility.counted(post, now)
    db.session.add(Subscription(thread_id=thread.id, user_id=author.id))
    screening.keep(verdict, submission, post.id)
    db.session.commit()
    _announce(post, verdict, events.question_asked, thread)
    return thread


def reply(author: User, thread: Thread, body: str, source: Source = Source.WEB) -> Post:
    check_allowed(author, "thread.reply", thread)
    _check_writable(author, thread, field="body")
    _check(rules.body_problem(body), "body")
    body = rules.clean_body(body)
    _refuse_duplicate(author, body)
    submission, verdict = _screened(Submission(
        kind="reply", author=author, body=body, html=str(render_markdown(body)),
        source=source.value, category_id=thread.category_id, thread_id=thread.id,
        language=thread.language))
    now = utcnow()
    post = _new_post(thread, author, submission, verdict, now)
    db.session.add(post)
    db.session.flush()
    if verdict.visible:  # a held reply counts, is told and follows once it is published
        subscribe(author.id, thread.id)
        visibility.counted(post, now)
        _changed(thread)
        notifications.reply_posted(post)
    screening.keep(verdict, submission, post.id)
    db.session.commit()
    _announce(post, verdict, events.answer_posted, post)
    return post


def _screened(submission: Submission) -> tuple[Submission, screening.Verdict]:
    """The screening gate's verdict on what is about to be written; a refusal is raised
    (with the seconds to wait, for rate limits) and nothing is written."""
    verdict = screening.screen(submission)
    if verdict.refused:
        raise CommunityError(verdict.message, field=verdict.concerns, status=verdict.status,
                             retry_after=verdict.retry_after)
    return submission, verdict


def _announce(post: Post, verdict: screening.Verdict, signal, sender) -> None:
    """After commit: a published post is news; a held one is news only to moderation."""
    if verdict.visible:
        events.notify(signal, sender)
    else:
        events.notify(events.content_held, post, reasons=verdict.reasons, by=post.author,
                      new=True)


def _new_post(thread: Thread, author: User, submission: Submission,
              verdict: screening.Verdict, now, is_opening: bool = False) -> Post:
    held = not verdict.visible
    return Post(thread=thread, author_id=author.id, is_opening=is_opening,
                body_source=verdict.body or submission.body,
                body_html=verdict.html or submission.html,
                visibility=Visibility.PENDING if held else Visibility.VISIBLE,
                visibility_note=verdict.message[:visibility.NOTE_LENGTH] if held else None,
                is_staff=is_staff(author), created_at=now)


def _refuse_duplicate(author: User, body: str) -> None:
    last = db.session.execute(
        select(Post.body_source, Post.created_at)
        .where(Post.author_id == author.id)
        .order_by(Post.id.desc())
        .limit(1)
    ).first()
    if last and rules.is_duplicate(body, last.body_source, last.created_at, utcnow()):
        raise CommunityError(
            _("You posted this same text a moment ago. Check the thread before posting again."),
            field="body", status=409)


# --- editing ----------------------------------------------------------------------------


def edit_post(editor: User, post: Post, body: str, title: str | None = None) -> Post:
    """Change a post, keeping what it was as a revision. The new text passes the gate: an
    edit that would be held takes the post back to pending until a moderator looks."""
    edit = apply_edit(editor, post, body, title)
    if edit.revision is not None:
        db.session.commit()
        announce_edit(post, editor, edit)
    return post


@dataclass(frozen=True)
class Edit:
    revision: PostRevision | None  # what the post was; None when nothing changed
    held: visibility.Change | None  # the edit took the post back to pending
    reasons: tuple = ()


def apply_edit(editor: User, post: Post, body: str, title: str | None = None) -> Edit:
    """The edit of :func:`edit_post` in the caller's transaction, for a use case that
    edits as part of something else (a moderator's "edit and approve"). The caller
    commits, then calls :func:`announce_edit`."""
    check_allowed(editor, "post.edit", post)
    _check_writable(editor, post.thread, field="body")
    if post.visibility in REMOVED and not is_staff(editor):
        raise Conflict(_("A moderator removed this post: it can no longer be edited."))
    _check(rules.body_problem(body), "body")
    if post.is_opening and title is not None:
        _check(rules.title_problem(title), "title")
    thread = post.thread
    body = rules.clean_body(body)
    new_title = title.strip() if post.is_opening and title is not None else None
    if body == post.body_source and new_title in (None, thread.title):
        return Edit(None, None)
    submission, verdict = _screened(Submission(
        kind="edit", author=editor, body=body, html=str(render_markdown(body)),
        title=new_title or "", category_id=thread.category_id, thread_id=thread.id,
        post_id=post.id, language=thread.language))
    revision = PostRevision(post_id=post.id, editor_id=editor.id,
                            title=thread.title if post.is_opening else None,
                            body_source=post.body_source)
    db.session.add(revision)
    post.body_source, post.body_html = verdict.body or body, verdict.html or submission.html
    post.edited_at = utcnow()
    if new_title not in (None, thread.title):
        stored = verdict.title or new_title
        thread.title, thread.slug = stored, slugify(stored)
    held = None
    if not verdict.visible and post.visibility == Visibility.VISIBLE:
        held = visibility.change(post, Visibility.PENDING, verdict.message)
    _changed(thread)
    db.session.flush()
    screening.keep(verdict, submission, post.id)
    return Edit(revision, held, tuple(verdict.reasons))


def announce_edit(post: Post, editor: User, edit: Edit) -> None:
    """After the edit's transaction committed: search re-reads it, articles from it go
    back to review; an edit the gate held is news to moderation only."""
    events.notify(events.post_edited, post, editor=editor)
    if edit.held is not None:
        events.notify(events.content_held, post, reasons=list(edit.reasons), by=editor,
                      new=False)


# --- accepting --------------------------------------------------------------------------


def accept(actor: User, post: Post) -> Post:
    """Mark ``post`` as the answer that solved the question (one per question)."""
    thread = locked_thread(post.thread_id)
    check_allowed(actor, "post.accept", thread)
    _check_writable(actor, thread)
    if not thread.is_question or post.is_opening or post.visibility != Visibility.VISIBLE:
        raise CommunityError(_("Only a visible answer to a question can be accepted."))
    if thread.accepted_post_id == post.id:
        return post
    if thread.accepted_post is not None:
        reputation.revoke(thread.accepted_post, "accepted")
    thread.accepted_post_id = post.id
    if thread.status not in rules.READ_ONLY:
        thread.status = ThreadStatus.SOLVED
    thread.solved_at = utcnow()
    _changed(thread)
    if post.author_id != thread.author_id:  # no points for accepting one's own answer
        reputation.award(post, actor, "accepted", rules.POINTS_ACCEPTED)
    notifications.answer_accepted(post, actor)
    db.session.commit()
    events.notify(events.answer_accepted, post, accepted_by=actor)
    return post


def unaccept(actor: User, post: Post) -> Post:
    thread = locked_thread(post.thread_id)
    check_allowed(actor, "post.accept", thread)
    _check_writable(actor, thread)
    if thread.accepted_post_id != post.id:
        raise Conflict(_("This answer is not the accepted one."))
    thread.accepted_post_id = None
    thread.solved_at = None
    if thread.status == ThreadStatus.SOLVED:
        thread.status = ThreadStatus.OPEN
    _changed(thread)
    reputation.revoke(post, "accepted")
    notifications.answer_unaccepted(post)
    db.session.commit()
    events.notify(events.answer_unaccepted, post, unaccepted_by=actor)
    return post


def locked_thread(thread_id: int) -> Thread:
    """The thread, locked (``app.extensions.locked``) and re-read: two people accepting
    at the same moment are decided one after the other, so points are never given twice."""
    return db.session.scalars(
        locked(select(Thread).where(Thread.id == thread_id))
        .execution_options(populate_existing=True)
    ).one()


# --- votes, "me too", subscriptions -----------------------------------------------------


def vote_helpful(voter: User, post: Post) -> Post:
    _check_votable(voter, post)
    db.session.add(HelpfulVote(post_id=post.id, user_id=voter.id))
    try:
        db.session.flush()
    except IntegrityError:  # already voted: the vote stands, nothing to do
        db.session.rollback()
        return post
    post.helpful_count = Post.helpful_count + 1
    _changed(post.thread)
    reputation.award(post, voter, "helpful", rules.POINTS_HELPFUL)
    db.session.commit()
    events.notify(events.vote_cast, post, voter=voter, value=1)
    return post


def unvote_helpful(voter: User, post: Post) -> Post:
    removed = db.session.execute(
        delete(HelpfulVote).where(HelpfulVote.post_id == post.id,
                                  HelpfulVote.user_id == voter.id)
    ).rowcount
    if removed:
        post.helpful_count = Post.helpful_count - 1
        _changed(post.thread)
        reputation.revoke(post, "helpful", voter)
    db.session.commit()
    if removed:
        events.notify(events.vote_cast, post, voter=voter, value=-1)
    return post


def _check_votable(voter: User, post: Post) -> None:
    check_allowed(voter, "post.vote", post)
    _check_writable(voter, post.thread)
    if post.author_id == voter.id:
        raise CommunityError(_("You cannot vote on your own post."), status=403)
    if post.is_opening or post.visibility != Visibility.VISIBLE:
        raise CommunityError(_("Only visible answers can be voted helpful."))


def me_too(user: User, thread: Thread) -> Thread:
    check_allowed(user, "thread.me_too", thread)
    _check_writable(user, thread)
    if thread.author_id == user.id:
        raise CommunityError(_("You asked this question: you have this problem already."),
                             status=403)
    db.session.add(MeToo(thread_id=thread.id, user_id=user.id))
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        return thread
    thread.me_too_count = Thread.me_too_count + 1
    _changed(thread)
    subscribe(user.id, thread.id)  # people with the problem want the answer
    db.session.commit()
    events.notify(events.me_too_changed, thread, member=user, value=1)
    return thread


def undo_me_too(user: User, thread: Thread) -> Thread:
    removed = db.session.execute(
        delete(MeToo).where(MeToo.thread_id == thread.id, MeToo.user_id == user.id)
    ).rowcount
    if removed:
        thread.me_too_count = Thread.me_too_count - 1
        _changed(thread)
    db.session.commit()
    if removed:
        events.notify(events.me_too_changed, thread, member=user, value=-1)
    return thread


def set_subscribed(user: User, thread: Thread, subscribed: bool) -> None:
    _check_visible(user, thread)
    if subscribed:
        subscribe(user.id, thread.id)
    else:
        db.session.execute(delete(Subscription).where(
            Subscription.thread_id == thread.id, Subscription.user_id == user.id))
    db.session.commit()


def _changed(thread: Thread) -> None:
    """Something a visitor sees changed: anonymous copies of the page are now stale."""
    thread.version = Thread.version + 1


def subscribe(user_id: int, thread_id: int) -> None:
    """Follow the thread (in the caller's transaction), unless already following."""
    if db.session.get(Subscription, (thread_id, user_id)) is None:
        insert_once(Subscription(thread_id=thread_id, user_id=user_id))


def insert_once(row) -> None:
    """Add ``row`` in a savepoint; if a concurrent request added it first, keep theirs."""
    try:
        with db.session.begin_nested():
            db.session.add(row)
    except IntegrityError:
        pass
