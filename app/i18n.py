"""Languages: English and Italian, chosen per person.

The locale is, in order: the one picked with the footer's language links in this session,
the one a signed-in user saved in their settings, then the best match for the browser's
``Accept-Language``. Every user-facing string goes through gettext; the
catalogues live in ``app/translations`` and cover all packages.
"""

from __future__ import annotations

from flask import Flask, current_app, has_app_context, has_request_context, request, session
from flask_babel import get_locale
from flask_login import current_user

from app.extensions import babel


def select_locale() -> str | None:
    if not has_request_context():  # CLI and jobs: the default locale
        return None
    languages = current_app.config["LANGUAGES"]
    if session.get("locale") in languages:
        return session["locale"]
    user_locale = getattr(current_user, "locale", None) if current_user else None
    if user_locale in languages:
        return user_locale
    return request.accept_languages.best_match(languages)


def page_language() -> str | None:
    """The language being rendered ("it"), a mail's forced one included; None outside an
    app (data shown there in the default language)."""
    locale = get_locale() if has_app_context() else None
    return locale.language if locale is not None else None


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
