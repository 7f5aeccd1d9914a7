"""Community (layer 1): the peer Q&A forum and the knowledge base grown from it.

Owns categories, threads, posts, votes, accepted answers, reputation, subscriptions and
notifications; the knowledge base (``knowledge/``), each visitor's journey (``journey/``),
search documents, search-engine pages and imports (``importers/``). See DESIGN.md §1.1-1.2.
"""

from __future__ import annotations

from flask import Flask, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.layout import (
    AccountLink,
    StaffTool,
    add_account_link,
    add_nav_link,
    add_profile_section,
    add_staff_tool,
)
from community import importers, journey, knowledge


def init_app(app: Flask) -> None:
    # jobs, permissions and demo register themselves when imported
    from community import (  # noqa: F401
        api,
        area_views,
        ask_views,
        demo,
        jobs,
        notifications,
        page_cache,
        permissions,
        post_cards,
        queries,
        receivers,
        search_documents,
        search_views,
        seo,
        tag_views,
        views,
    )

    page_cache.init_app(app)
    app.add_template_global(post_cards.post_card)
    search_documents.init_app(app)
    receivers.init_app()
    app.register_blueprint(views.bp)
    api.init_app(app)
    add_nav_link(app, lambda: _("Tags"), "community.tag_index",
                 current_on=("community.tag_index", "community.tag"))
    add_staff_tool(app, StaffTool(
        _l("Site"), _l("Product areas"),
        _l("Names and descriptions of the product areas, in each language."),
        "community.edit_areas", "areas.edit", order=90))
    knowledge.init_app(app)
    journey.init_app(app)
    importers.init_app(app)
    seo.init_app(app)

    def notifications_link(user) -> AccountLink:
        return AccountLink(_("Notifications"), url_for("community.notifications_page"),
                           notifications.unread_count(user.id))

    def activity(user) -> str:
        return render_template("community/_activity.html", activity=queries.activity_of(user))

    add_account_link(app, notifications_link)
    add_profile_section(app, activity)
