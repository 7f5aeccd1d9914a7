"""Notices other packages show on a thread page, under its question ("escalated to
support: a support agent is on it").

A provider is called once per page render with the thread and the viewer (``None`` for a
signed-out visitor) and returns HTML or ``None``. Signed-out visitors get a cached copy
of the page (``page_cache``), so what a provider shows them must change only together
with ``thread.version``: the provider's package bumps it when its news changes.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, current_app
from markupsafe import Markup

Provider = Callable[[object, object], str | None]


def add_thread_notice(app: Flask, provider: Provider) -> None:
    app.extensions.setdefault("community_thread_notices", []).append(provider)


def for_page(thread, viewer) -> list[Markup]:
    providers = current_app.extensions.get("community_thread_notices", [])
    return [Markup(html) for provider in providers  # noqa: S704 - providers' own templates
            if (html := provider(thread, viewer))]
