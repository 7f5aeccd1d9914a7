"""Notifications: written with their cause, read in the header, e-mailed by jobs.

A reply notifies everyone subscribed to the thread but its author (the asker and every
replier are subscribed automatically). An accepted answer notifies its author. E-mail
follows each member's choice: immediately (within a minute, by the ``notification-
emails`` job), once a day (``notification-digest``), or never. Every e-mail carries an
unsubscribe link that works without signing in.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import bindparam, delete, exists, func, select, update
from sqlalchemy.orm import joinedload

from app import mail
from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db
from app.jobs import items
from app.web import external_url
from community.models import EmailMode, MemberProfile, Notification, Post, Subscription, Thread
from community.reputation import profile_for

UNSUBSCRIBE_SALT = "peerdesk.unsubscribe"
DIGEST_EVERY = timedelta(hours=24)
MAX_EMAIL_ATTEMPTS = items.MAX_ATTEMPTS
MODERATION_KINDS = ("post_published", "post_removed", "edit_rejected")


# --- written with their cause (the caller commits) -------------------------------------


def reply_posted(post: Post) -> None:
    thread = post.thread
    subscribers = db.session.scalars(
        select(Subscription.user_id).where(Subscription.thread_id == thread.id,
                                           Subscription.user_id != post.author_id)
    )
    for user_id in subscribers:
        kind = "answer_posted" if user_id == thread.author_id else "reply_posted"
        db.session.add(Notification(user_id=user_id, kind=kind, thread_id=thread.id,
                                    post_id=post.id, actor_id=post.author_id))


def answer_accepted(post: Post, actor: User) -> None:
    """Once per answer: accepting, un-accepting and accepting again tells the author once."""
    if post.author_id == actor.id:
        return
    already = select(Notification.id).where(Notification.post_id == post.id,
                                            Notification.kind == "answer_accepted")
    if db.session.scalar(already) is None:
        db.session.add(Notification(user_id=post.author_id, kind="answer_accepted",
                                    thread_id=post.thread_id, post_id=post.id,
                                    actor_id=actor.id))


def answer_unaccepted(post: Post) -> None:
    """An acceptance taken back before anyone was told is not told at all."""
    db.session.execute(delete(Notification).where(
        Notification.post_id == post.id, Notification.kind == "answer_accepted",
        Notification.emailed_at.is_(None), Notification.read_at.is_(None)))


def accept_reminder(thread: Thread) -> None:
    db.session.add(Notification(user_id=thread.author_id, kind="accept_reminder",
                                thread_id=thread.id))


def post_moderated(post: Post, kind: str, actor_id: int | None, detail: str = "") -> None:
    """Tell an author what a moderator did with their post: "post_published" (a held post
    approved), "post_removed" or "edit_rejected" (with the reason they gave)."""
    db.session.add(Notification(user_id=post.author_id, kind=kind, thread_id=post.thread_id,
                                post_id=post.id, actor_id=actor_id, detail=detail or None))


def withdraw(post: Post) -> None:
    """A post nobody may see any more is not e-mailed about: unsent notifications about it
    (about its whole thread, when it is the question) are withdrawn. Only notes telling
    its own author what happened to it stay."""
    about = (Notification.thread_id == post.thread_id if post.is_opening
             else Notification.post_id == post.id)
    db.session.execute(delete(Notification).where(
        about, Notification.emailed_at.is_(None),
        Notification.kind.not_in(MODERATION_KINDS)))


# --- reading --------------------------------------------------------------------------


def text_of(note: Notification) -> str:
    """What the notification says, as plain text: pages escape it, e-mails use it as is."""
    actor = note.actor.username if note.actor else ""
    title = note.thread.title
    if note.kind == "answer_posted":
        return _("%(name)s answered your question “%(title)s”", name=actor, title=title)
    if note.kind == "reply_posted":
        return _("%(name)s replied in “%(title)s”", name=actor, title=title)
    if note.kind == "answer_accepted":
        return _("%(name)s accepted your answer in “%(title)s”", name=actor, title=title)
    if note.kind == "accept_reminder":
        return _("Did an answer solve “%(title)s”? Accept it so others find it.", title=title)
    if note.kind == "post_published":
        return _("A moderator approved your post in “%(title)s”: everyone can see it now.",
                 title=title)
    if note.kind == "post_removed":
        return _("A moderator removed your post in “%(title)s”: %(reason)s", title=title,
                 reason=note.detail or _("no reason given."))
    if note.kind == "edit_rejected":
        return _("A moderator did not accept your edit in “%(title)s”, so the post reads as "
                 "before: %(reason)s", title=title, reason=note.detail or _("no reason given."))
    return title


_UNREAD_COUNT = select(func.count()).where(Notification.user_id == bindparam("user_id"),
                                           Notification.read_at.is_(None))


def unread_count(user_id: int) -> int:
    """On every signed-in page (the account menu): a statement built once."""
    return db.session.connection().execute(_UNREAD_COUNT, {"user_id": user_id}).scalar() or 0


def recent(user_id: int, limit: int = 50) -> list[Notification]:
    return list(db.session.scalars(
        select(Notification)
        .options(joinedload(Notification.thread), joinedload(Notification.actor))
        .where(Notification.user_id == user_id)
        .order_by(Notification.id.desc())
        .limit(limit)
    ))


def mark_all_read(user_id: int) -> None:
    db.session.execute(update(Notification)
                       .where(Notification.user_id == user_id, Notification.read_at.is_(None))
                       .values(read_at=utcnow()))
    db.session.commit()


def mark_thread_read(user_id: int, thread_id: int) -> None:
    """Called on every signed-in thread view: it writes only when there is something to
    mark, so reading a thread is not a write transaction."""
    if db.session.scalar(_UNREAD_IN_THREAD, {"user_id": user_id, "thread_id": thread_id}):
        db.session.execute(update(Notification).where(*_unread_in_thread(user_id, thread_id))
                           .values(read_at=utcnow()))
        db.session.commit()


def _unread_in_thread(user_id, thread_id) -> tuple:
    return (Notification.user_id == user_id, Notification.thread_id == thread_id,
            Notification.read_at.is_(None))


_UNREAD_IN_THREAD = select(exists().where(
    *_unread_in_thread(bindparam("user_id"), bindparam("thread_id"))))


# --- e-mail ---------------------------------------------------------------------------


def email_mode(user_id: int) -> EmailMode:
    profile = db.session.get(MemberProfile, user_id)
    return profile.email_mode if profile else EmailMode.IMMEDIATE


def send_immediate_emails(limit: int = 200) -> int:
    """E-mail unsent notifications of members who want them at once (and mark those of
    members who want none as handled). Digest members' notes wait for the digest and
    never hold these up. Each note is its own transaction: one that cannot be sent is
    set aside (see ``app.jobs.items``) and the others go out. Returns how many e-mails
    went out."""
    sent = 0

    def email(item: tuple[Notification, EmailMode]) -> None:
        nonlocal sent
        note, mode = item
        if mode == EmailMode.IMMEDIATE and note.read_at is None:  # not read on the site
            _deliver([note])
            sent += 1
        note.emailed_at = utcnow()

    items.each(_unsent(limit, [EmailMode.IMMEDIATE, EmailMode.OFF]), email,
               job="notification-emails", record=lambda item, error: _failed([item[0]], error),
               stop_on=(mail.MailUnavailable,))
    return sent


def send_digests(now=None) -> int:
    """One e-mail per daily-digest member with unsent notifications, at most once a day."""
    now = now or utcnow()
    by_user: dict[int, list[Notification]] = defaultdict(list)
    for note, _mode in _unsent(5000, [EmailMode.DAILY]):
        if note.read_at is None:
            by_user[note.user_id].append(note)
    sent = 0

    def digest(item: tuple[int, list[Notification]]) -> None:
        nonlocal sent
        user_id, notes = item
        profile = db.session.get(MemberProfile, user_id)
        if profile is None or profile.email_mode != EmailMode.DAILY:
            return
        if profile.digest_sent_at and now - profile.digest_sent_at < DIGEST_EVERY:
            return
        _deliver(notes)
        for note in notes:
            note.emailed_at = now
        profile.digest_sent_at = now
        sent += 1

    items.each(list(by_user.items()), digest, job="notification-digest",
               record=lambda item, error: _failed(item[1], error),
               stop_on=(mail.MailUnavailable,))
    return sent


def _failed(notes: list[Notification], error: str) -> None:
    for note in notes:
        note.email_attempts += 1
        note.email_error = error


def _unsent(limit: int, modes: list[EmailMode]) -> list[tuple[Notification, EmailMode]]:
    """Unsent notifications of members whose e-mail choice is one of ``modes`` (members
    without a profile have the default, immediate), leaving out those given up on."""
    mode = func.coalesce(MemberProfile.email_mode, EmailMode.IMMEDIATE.value)
    return [(note, EmailMode(value)) for note, value in db.session.execute(
        select(Notification, mode)
        .outerjoin(MemberProfile, MemberProfile.user_id == Notification.user_id)
        .options(joinedload(Notification.thread), joinedload(Notification.actor))
        .where(Notification.emailed_at.is_(None), mode.in_([m.value for m in modes]),
               Notification.email_attempts < MAX_EMAIL_ATTEMPTS)
        .order_by(Notification.id)
        .limit(limit)
    )]


def _deliver(notes: list[Notification]) -> None:
    """Send one e-mail for ``notes``; raises ``mail.MailError`` if it cannot go out."""
    user = db.session.get(User, notes[0].user_id)
    if user is None or not user.is_active:
        return
    with force_locale(user.locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
        subject = (one_line(notes[0].thread.title) if len(notes) == 1
                   else _("%(count)d updates in the community", count=len(notes)))
        text = render_template("community/email/notifications.txt", user=user, notes=notes,
                               text_of=text_of, link=_thread_link,
                               unsubscribe=unsubscribe_url(user))
    mail.send(to=user.email, subject=subject, text=text,
              headers={"List-Unsubscribe": f"<{unsubscribe_url(user)}>"})


def one_line(text: str) -> str:
    """Titles stored before line breaks were refused still make a one-line subject."""
    return " ".join(text.split())


def _thread_link(note: Notification) -> str:
    anchor = f"#post-{note.post_id}" if note.post_id else ""
    return external_url("community.thread", thread_id=note.thread_id,
                        slug=note.thread.slug) + anchor


# --- unsubscribe without signing in ----------------------------------------------------


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(user: User) -> str:
    return external_url("community.unsubscribe", token=_serializer().dumps(user.id))


def user_for_unsubscribe_token(token: str) -> User | None:
    try:
        user_id = _serializer().loads(token)
    except BadSignature:
        return None
    return db.session.get(User, user_id) if isinstance(user_id, int) else None


def set_email_mode(user_id: int, mode: EmailMode) -> None:
    profile_for(user_id).email_mode = mode
    db.session.commit()
