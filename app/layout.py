"""What every page's layout needs: permissions, the language switch, pagination links, and
the places where packages above add to the shared pages without this layer importing them:

- :func:`add_account_link` — a link in the header's account menu (with an optional
  badge), e.g. the community's notifications with the unread count;
- :func:`add_staff_tool` — a page for moderators, agents or admins: it is listed in the
  header's one staff menu and on the staff landing page ``/admin`` for whoever may use it,
  so a package's new staff page never widens the header;
- :func:`add_profile_section` — a block on a member's profile page, e.g. their answers;
- :func:`add_nav_link` — a section in the main navigation, e.g. the knowledge base;
- :func:`add_settings_section` — a card on the settings page, e.g. the member's products;
- :func:`add_notice` — a notice above every page for some signed-in users, e.g. "you are
  silenced until..." or, for moderators, "the review queue waits";
- :func:`add_main_attributes` — attributes on the page's ``<main>`` for the script, e.g.
  the journey step a signed-out reader's beacon records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app, has_request_context, request, url_for
from flask_babel import get_locale
from flask_login import current_user
from markupsafe import Markup

from app.clock import utcnow
from app.permissions import can, is_staff
from app.web import home_url, search_url

LANGUAGE_NAMES = {"en": "English", "it": "Italiano"}


@dataclass(frozen=True)
class NavLink:
    label: Callable[[], str]  # called per request, so it follows the visitor's language
    endpoint: str
    current_on: tuple[str, ...] = ()  # endpoints where it is current; default: its blueprint

    def is_current(self, endpoint: str) -> bool:
        if self.current_on:
            return endpoint in self.current_on
        return endpoint.split(".")[0] == self.endpoint.split(".")[0]


@dataclass(frozen=True)
class AccountLink:
    label: str
    url: str
    badge: int = 0


@dataclass(frozen=True)
class StaffTool:
    """A staff page, for moderators, agents and admins (never a member, whatever the
    permission's rule says); labels are lazy strings, so they follow the viewer's language."""

    section: Any  # lazy string: the heading it is grouped under ("Moderation")
    label: Any
    description: Any  # one line on the landing page: what the page is for
    endpoint: str
    permission: str
    badge: Callable[[], int] | None = None  # e.g. how many items wait in the queue
    order: int = 50  # sections sort by their first tool's order: daily work first


@dataclass(frozen=True)
class StaffLink:
    section: str
    label: str
    description: str
    url: str
    badge: int = 0
    current: bool = False


@dataclass(frozen=True)
class Notice:
    text: str
    link_text: str = ""
    url: str = ""


def _hooks(app: Flask) -> dict[str, list[Callable]]:
    return app.extensions.setdefault("peerdesk_layout", {"links": [], "profile": [], "nav": [],
                                                         "settings": [], "notices": [],
                                                         "main": [], "staff": []})


def add_notice(app: Flask, provider: Callable[[Any], Notice | None]) -> None:
    """Register ``provider(user)``: called for signed-in users on every page; keep it cheap
    (look at the user row first, query only when there is something to say)."""
    _hooks(app)["notices"].append(provider)


def notices() -> list[Notice]:
    if not current_user.is_authenticated:
        return []
    user = current_user._get_current_object()  # the proxy costs a lookup per attribute
    return [notice for provider in _hooks(current_app)["notices"]
            if (notice := provider(user))]


def add_settings_section(app: Flask, renderer: Callable[[Any], str]) -> None:
    """Register ``renderer(user)``: returns HTML shown on the user's own settings page."""
    _hooks(app)["settings"].append(renderer)


def add_nav_link(app: Flask, label: Callable[[], str], endpoint: str,
                 current_on: tuple[str, ...] = ()) -> None:
    """A section in the main navigation, after "Community"; ``current_on`` names the
    endpoints where it is marked current when they share a blueprint with other pages."""
    _hooks(app)["nav"].append(NavLink(label, endpoint, current_on))


def nav_links() -> list[tuple[str, str, bool]]:
    """(label, url, current) for each registered section."""
    return [(link.label(), url_for(link.endpoint), link.is_current(request.endpoint or ""))
            for link in _hooks(current_app)["nav"]]


def add_account_link(app: Flask, provider: Callable[[Any], AccountLink | None]) -> None:
    """Register ``provider(user)``: called for signed-in users on every page."""
    _hooks(app)["links"].append(provider)


def add_staff_tool(app: Flask, tool: StaffTool) -> None:
    """List ``tool`` in the staff menu and on ``/admin``, after the ones added before."""
    _hooks(app)["staff"].append(tool)


def staff_links(user=None) -> list[StaffLink]:
    """The staff tools ``user`` (default: the visitor) may use, in their sections' order,
    with badges. Empty for members and signed-out visitors."""
    user = user or current_user._get_current_object()
    if not is_staff(user):  # every member's page would ask each tool's rule in vain
        return []
    tools = sorted((tool for tool in _hooks(current_app)["staff"]
                    if can(user, tool.permission)), key=lambda tool: tool.order)
    sections = list(dict.fromkeys(str(tool.section) for tool in tools))
    tools.sort(key=lambda tool: sections.index(str(tool.section)))
    return [StaffLink(str(tool.section), str(tool.label), str(tool.description),
                      url_for(tool.endpoint), tool.badge() if tool.badge else 0,
                      request.endpoint == tool.endpoint)
            for tool in tools]


def staff_sections(user=None) -> list[tuple[str, list[StaffLink]]]:
    """:func:`staff_links` grouped by section, in order."""
    sections: dict[str, list[StaffLink]] = {}
    for link in staff_links(user):
        sections.setdefault(link.section, []).append(link)
    return list(sections.items())


def add_profile_section(app: Flask, renderer: Callable[[Any], str]) -> None:
    """Register ``renderer(user)``: returns HTML shown on that user's profile page."""
    _hooks(app)["profile"].append(renderer)


def add_main_attributes(app: Flask, provider: Callable[[], dict[str, str]]) -> None:
    """Register ``provider()``: the attributes it returns go on every page's ``<main>``."""
    _hooks(app)["main"].append(provider)


def main_attributes() -> dict[str, str]:
    attributes: dict[str, str] = {}
    for provider in _hooks(current_app)["main"]:
        attributes.update(provider())
    return attributes


def account_links() -> list[AccountLink]:
    if not current_user.is_authenticated:
        return []
    user = current_user._get_current_object()
    return [link for provider in _hooks(current_app)["links"] if (link := provider(user))]


def profile_sections(user) -> list[Markup]:
    renderers = _hooks(current_app)["profile"]
    return [Markup(renderer(user)) for renderer in renderers]  # noqa: S704 - our templates


def settings_sections(user) -> list[Markup]:
    return [Markup(renderer(user))  # noqa: S704 - our templates
            for renderer in _hooks(current_app)["settings"]]


def page_url(number: int) -> str:
    """This page's URL with ``page`` set to ``number`` and every other argument kept."""
    args = {**request.args.to_dict(), "page": number}
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def layout_context() -> dict:
    if not has_request_context():  # e-mails rendered by jobs need no page furniture
        return {"site_name": current_app.config["SITE_NAME"]}
    locale = str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])
    return {
        "can": can,
        "site_name": current_app.config["SITE_NAME"],
        "current_locale": locale,
        "languages": LANGUAGE_NAMES,
        "page_url": page_url,
        "account_links": account_links,
        "staff_sections": staff_sections,
        "notices": notices,
        "main_attributes": main_attributes,
        "profile_sections": profile_sections,
        "nav_links": nav_links,
        "settings_sections": settings_sections,
        "home_url": home_url,
        "search_url": search_url(),
        "is_home": request.endpoint == current_app.config["HOME_ENDPOINT"],
        "is_search": request.endpoint == current_app.config["SEARCH_ENDPOINT"],
    }


def init_app(app: Flask) -> None:
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.globals["now"] = utcnow  # also seen by imported macros
    app.context_processor(layout_context)
