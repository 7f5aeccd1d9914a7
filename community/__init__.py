"""Community (layer 1): the peer Q&A forum and the knowledge base grown from it.

Owns categories, threads, posts, votes, accepted answers, reputation, subscriptions and
notifications (and, next, articles, search documents and each visitor's journey). See
DESIGN.md §1.1-1.2.
"""

from __future__ import annotations

from flask import Flask, render_template, url_for
from flask_babel import gettext as _

from app.layout import AccountLink, add_account_link, add_profile_section


def init_app(app: Flask) -> None:
    # jobs, permissions and demo register themselves when imported
    from community import (  # noqa: F401
        api,
        demo,
        jobs,
        notifications,
        page_cache,
        permissions,
        queries,
        search_documents,
        search_views,
        views,
    )
    from community.journey import models as _journey_models  # noqa: F401
    from community.knowledge import models as _knowledge_models  # noqa: F401

    page_cache.init_app(app)
    search_documents.init_app(app)
    app.register_blueprint(views.bp)
    api.init_app(app)

    def notifications_link(user) -> AccountLink:
        return AccountLink(_("Notifications"), url_for("community.notifications_page"),
                           notifications.unread_count(user.id))

    def activity(user) -> str:
        return render_template("community/_activity.html", activity=queries.activity_of(user))

    add_account_link(app, notifications_link)
    add_profile_section(app, activity)
