"""The catalogue of signals that carry news between Peerdesk's packages.

A package may import only from the layers below it (``app`` -> ``community`` ->
``moderation`` | ``social_listen`` -> ``escalate``). When something a higher layer cares
about happens in a lower one, the lower one *sends* a signal declared here and the higher
one *receives* it: search indexes a question, moderation screens it, escalation starts its
clock. Every signal that crosses a package boundary is declared in this module, nowhere
else, with what it means and what it carries.

Rules for senders and receivers:

- Signals are named in the past tense: they report a fact that is already committed.
  A service commits its transaction first, then sends with :func:`notify`. A receiver
  never sees data that could still be rolled back.
- The sender is the object the news is about (a ``User``, a ``Thread``...). Extra data is
  passed as keyword arguments, documented below.
- Receivers are thin: they call a service of their own package, which runs its own
  transaction. A failing receiver must not undo the sender's work.
"""

from __future__ import annotations

import logging

from blinker import NamedSignal, Namespace

from app.extensions import db

log = logging.getLogger(__name__)
_signals = Namespace()

# --- accounts (app) ---------------------------------------------------------------------

user_registered = _signals.signal(
    "user-registered",
    doc="""A new account was created through the sign-up page or the CLI.

    sender: the ``User``. kwargs: ``via`` ("web" | "cli" | "demo").
    """,
)

user_role_changed = _signals.signal(
    "user-role-changed",
    doc="""An admin changed a user's role.

    sender: the ``User`` whose role changed. kwargs: ``old_role`` and ``new_role``
    (``Role``), ``changed_by`` (the admin ``User``, or ``None`` from the CLI).
    """,
)

password_reset_completed = _signals.signal(
    "password-reset-completed",
    doc="""A user set a new password from an e-mailed reset link.

    sender: the ``User``. All of the user's other sessions were signed out.
    """,
)

# --- community ---------------------------------------------------------------------------

question_asked = _signals.signal(
    "question-asked",
    doc="""A member started a thread (a question or a discussion).

    sender: the ``Thread`` (its opening post is ``thread.posts[0]``). Search indexes it,
    moderation screens it, escalation starts its unanswered clock.
    """,
)

answer_posted = _signals.signal(
    "answer-posted",
    doc="""A reply was added to a thread (an answer, a follow-up, or the asker's own reply).

    sender: the ``Post``. Escalation uses it to stop or restart its clocks.
    """,
)

answer_accepted = _signals.signal(
    "answer-accepted",
    doc="""An answer was marked as the one that solved the question.

    sender: the accepted ``Post``. kwargs: ``accepted_by`` (the ``User``: the asker, a
    moderator or an agent). The knowledge base proposes it for promotion.
    """,
)

answer_unaccepted = _signals.signal(
    "answer-unaccepted",
    doc="""An accepted answer was un-accepted; the question is open again.

    sender: the ``Post``. kwargs: ``unaccepted_by`` (the ``User``). Articles promoted
    from it are marked for re-review.
    """,
)

post_edited = _signals.signal(
    "post-edited",
    doc="""A post's text (or, for the opening post, the thread title) changed.

    sender: the ``Post``. kwargs: ``editor`` (the ``User``). The previous text is its
    newest ``PostRevision``. Search re-indexes; articles from it go back to review.
    """,
)

vote_cast = _signals.signal(
    "vote-cast",
    doc="""A member voted an answer helpful (``value`` = 1) or took the vote back (-1).

    sender: the ``Post``. kwargs: ``voter`` (the ``User``), ``value``.
    """,
)

me_too_changed = _signals.signal(
    "me-too-changed",
    doc="""A member said "I have this problem too" on a question (``value`` = 1) or took
    it back (-1).

    sender: the ``Thread``. kwargs: ``member`` (the ``User``), ``value``. Search re-weighs
    the thread; escalation may count it as demand.
    """,
)

# --- knowledge base (community) ---------------------------------------------------------

article_published = _signals.signal(
    "article-published",
    doc="""A reviewer approved an article revision: readers now see it (first publication
    or an update of a published article).

    sender: the ``Article``. kwargs: ``reviewer`` (the ``User``). Search re-indexes it.
    """,
)

article_archived = _signals.signal(
    "article-archived",
    doc="""Staff archived an article: readers no longer see it.

    sender: the ``Article``. kwargs: ``archived_by`` (the ``User``). Search drops it.
    """,
)

article_rated = _signals.signal(
    "article-rated",
    doc="""A reader answered "was this helpful?" on an article (or changed the answer).

    sender: the ``Article``. kwargs: ``helpful`` (bool). Search re-weighs it.
    """,
)


# --- visibility and moderation ------------------------------------------------------------
# Every change of who may see a post sends exactly one of content_held, content_published
# and content_hidden (``community.visibility.signal_for``). Search, the page cache, the
# sitemap, notifications, reputation and the knowledge base listen to them: a post that is
# not visible is never indexed, e-mailed, listed or counted.

content_held = _signals.signal(
    "content-held",
    doc="""A post was written, or edited, into the pending state by the screening gate:
    only its author and staff see it until a moderator decides.

    sender: the ``Post``. kwargs: ``reasons`` (the gate's ``Reason`` list), ``by`` (the
    ``User`` whose action held it: the author), ``new`` (True when the post was held as it
    was written, so nothing was ever told or counted about it). Search drops it; unsent
    notifications about it are withdrawn.
    """,
)

content_published = _signals.signal(
    "content-published",
    doc="""A post became visible to everyone: a held post approved, or a hidden one restored.

    sender: the ``Post``. kwargs: ``previous`` (the ``Visibility`` it had), ``first``
    (True when a held post is seen for the first time: notifications go out now),
    ``by`` (the moderator ``User``, or ``None``). Search indexes it; reputation earned on
    it counts again.
    """,
)

content_hidden = _signals.signal(
    "content-hidden",
    doc="""A post stopped being visible: rejected, deleted, confirmed as spam, or hidden by
    members' flags.

    sender: the ``Post``. kwargs: ``previous`` (its ``Visibility`` before), ``reason``
    (e.g. "rejected", "spam", "deleted", "flags"), ``by`` (the ``User``, or ``None`` when
    flags hid it). Search drops it at once; unsent notifications about it are withdrawn;
    reputation earned on it is taken back; articles made from it go back to review.
    """,
)

content_flagged = _signals.signal(
    "content-flagged",
    doc="""A member flagged a post (spam, rude, off-topic, duplicate, other).

    sender: the ``Post``. kwargs: ``flag`` (the moderation ``Flag``), ``hidden`` (True
    when this flag's weight hid the post).
    """,
)

user_sanctioned = _signals.signal(
    "user-sanctioned",
    doc="""A moderator silenced, suspended or banned a member (or lifted it).

    sender: the ``User``. kwargs: ``sanction`` (the moderation ``Sanction``), ``lifted``
    (True when it was lifted). A suspended or banned member is signed out everywhere and
    their API tokens stop working at once.
    """,
)


# --- social listening -----------------------------------------------------------------------

mention_captured = _signals.signal(
    "mention-captured",
    doc="""A post heard on a social network (or a feed) was stored as a mention, once.

    sender: the social listening ``Mention`` (its ``status`` says whether the rule's
    filters let it into the triage inbox).
    """,
)

mention_imported = _signals.signal(
    "mention-imported",
    doc="""A mention became a post of a community thread (a new thread, or a reply in the
    thread of its conversation), by a moderator's choice or the rule's import policy.

    sender: the ``Mention``. kwargs: ``post`` (the ``Post``), ``by`` (the ``User``, or
    ``None`` for an automatic import).
    """,
)

mention_escalated = _signals.signal(
    "mention-escalated",
    doc="""Staff asked for a mention to be handled by an agent as a case.

    sender: the ``Mention``. kwargs: ``by`` (the ``User``). Escalation opens the case.
    """,
)


# --- escalate ----------------------------------------------------------------------------

case_opened = _signals.signal(
    "case-opened",
    doc="""A thread became a case for an agent (a rule, the customer's contact form, or
    staff's "escalate").

    sender: the ``Case``. kwargs: ``by`` (the ``User``, or ``None`` for a rule).
    """,
)

case_updated = _signals.signal(
    "case-updated",
    doc="""A case changed: its status, assignee, priority or tags, or a reply was added.

    sender: the ``Case``. kwargs: ``change`` (what changed, e.g. "status"), ``by``.
    """,
)

case_solved = _signals.signal(
    "case-solved",
    doc="""An agent marked a case solved.

    sender: the ``Case``. kwargs: ``by`` (the ``User``).
    """,
)


def notify(signal: NamedSignal, sender: object, **data: object) -> None:
    """Send ``signal`` to each receiver in turn; a receiver that fails is logged and
    skipped, so it can neither undo the sender's committed work nor starve the others. Its
    half-done work is rolled back, so the next receiver's commit cannot write it."""
    for receiver in signal.receivers_for(sender):
        try:
            receiver(sender, **data)
        except Exception:
            db.session.rollback()
            log.exception("receiver %r of %s failed", receiver, signal.name)


def catalogue() -> dict[str, str]:
    """Every declared signal with its documentation, for ``docs/`` and tests."""
    return {name: (signal.__doc__ or "").strip() for name, signal in sorted(_signals.items())}
