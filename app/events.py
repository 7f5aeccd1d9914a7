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


def notify(signal: NamedSignal, sender: object, **data: object) -> None:
    """Send ``signal`` to each receiver in turn; a receiver that fails is logged and
    skipped, so it can neither undo the sender's committed work nor starve the others."""
    for receiver in signal.receivers_for(sender):
        try:
            receiver(sender, **data)
        except Exception:
            log.exception("receiver %r of %s failed", receiver, signal.name)


def catalogue() -> dict[str, str]:
    """Every declared signal with its documentation, for ``docs/`` and tests."""
    return {name: (signal.__doc__ or "").strip() for name, signal in sorted(_signals.items())}
