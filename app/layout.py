"""What every page's layout needs: permissions, the language switch, pagination links."""

from __future__ import annotations

from flask import Flask, current_app, request, url_for
from flask_babel import get_locale
from flask_login import current_user

from app.permissions import can, is_staff
from app.web import home_url, search_url

LANGUAGE_NAMES = {"en": "English", "it": "Italiano"}


def page_url(number: int) -> str:
    """This page's URL with ``page`` set to ``number`` and every other argument kept."""
    args = {**request.args.to_dict(), "page": number}
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def layout_context() -> dict:
    locale = str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])
    return {
        "can": can,
        "is_staff": is_staff(current_user),
        "site_name": current_app.config["SITE_NAME"],
        "current_locale": locale,
        "languages": LANGUAGE_NAMES,
        "page_url": page_url,
        "home_url": home_url,
        "search_url": search_url(),
        "is_home": request.endpoint == current_app.config["HOME_ENDPOINT"],
        "is_search": request.endpoint == current_app.config["SEARCH_ENDPOINT"],
    }


def init_app(app: Flask) -> None:
    app.jinja_env.add_extension("jinja2.ext.do")
    app.context_processor(layout_context)
