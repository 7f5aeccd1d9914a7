"""Languages: English and Italian, chosen per person.

The locale is, in order: the one picked with the footer's language links in this session,
the one a signed-in user saved in their settings, then the best match for the browser's
``Accept-Language``. Every user-facing string goes through gettext; the
catalogues live in ``app/translations`` and cover all packages.
"""

from __future__ import annotations

from flask import Flask, current_app, has_app_context, has_request_context, request, session
from flask_babel import get_locale, get_translations
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
    _install_template_gettext(app)


def _install_template_gettext(app: Flask) -> None:
    """Templates translate through catalogues kept per locale for the app's life.

    flask_babel looks its catalogue up anew for every string (three trips through ``g``,
    and the locale's name rebuilt): about 9 µs a string, a twentieth of a signed-in thread
    page that says 25 of them. Here each string costs one ``get_locale()``; keyed by the
    locale, a mail rendered under ``force_locale`` still gets its own language.
    """
    catalogues: dict = {}

    def catalogue():
        locale = get_locale()
        found = catalogues.get(locale)
        if found is None:
            found = catalogues[locale] = get_translations()
        return found

    app.jinja_env.install_gettext_callables(
        gettext=lambda string: catalogue().ugettext(string),
        ngettext=lambda singular, plural, n: catalogue().ungettext(singular, plural, n),
        pgettext=lambda context, string: catalogue().upgettext(context, string),
        npgettext=lambda context, singular, plural, n: catalogue().unpgettext(
            context, singular, plural, n),
        newstyle=True)
