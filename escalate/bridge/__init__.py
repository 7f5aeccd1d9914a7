"""The external helpdesk bridge: cases travel to a helpdesk (Zendesk, Freshdesk, an
in-house tool) as signed webhooks, and the helpdesk's agents answer back.

- **Out** (``outbox``, ``delivery``): every line a case's timeline gains is written, in
  the same transaction, as one outbox message per endpoint that wants its event
  (``case.opened``, ``case.updated``, ``case.replied``, ``case.solved``). The
  ``webhook-delivery`` job posts them, signed with HMAC-SHA256, oldest first and in order
  per case, retrying with exponential back-off; each carries an idempotency key, so a
  receiver that saw one already can say so and move on.
- **In** (``inbound``): the helpdesk changes a case's status or replies through a signed
  request; a forged, stale or replayed one is refused.
- **Admins** (``views``, ``api``) keep the endpoints and see every delivery's state.
  ``PEERDESK_WEBHOOK_URL`` and ``PEERDESK_WEBHOOK_SECRET`` give a default endpoint.
"""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

from app.layout import StaffTool, add_staff_tool


def init_app(app: Flask) -> None:
    from escalate.bridge import api, jobs, models, outbox, permissions, views  # noqa: F401

    outbox.init_app(app)
    app.register_blueprint(views.bp)
    api.init_app(app)
    add_staff_tool(app, StaffTool(
        _l("Support cases"), _l("Webhooks"), _l("Send case events to your helpdesk."),
        "bridge.webhooks", "webhooks.manage", order=30))

