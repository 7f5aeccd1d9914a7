"""Who sees journeys: staff only (moderators, agents, admins), as in Kitsune and Zendesk,
where the customer's path before asking is a tool for whoever helps them. The asker is
not shown their own recorded journey on the thread page."""

from __future__ import annotations

from typing import Any

from app.permissions import is_staff, rule


@rule("journey.view")
def _view(user: Any, _obj: Any) -> bool:
    return is_staff(user)
