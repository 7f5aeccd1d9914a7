"""The knowledge base: articles grown from accepted answers, reviewed before publication.

Staff promote an accepted answer (or write an article), a second staff member reviews it,
readers see the approved revision and say whether it helped. See DESIGN.md §1.2.
"""

from __future__ import annotations

from flask import Flask, render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.i18n import select_locale
from app.layout import StaffTool, add_nav_link, add_settings_section, add_staff_tool


def faq_for(category=None, limit: int = 5) -> list:
    """The contextual FAQ for templates: a product area's top articles (or the whole
    base's), the visitor's products and language first."""
    from community.knowledge import queries

    return queries.top_articles(language=select_locale() or "en", category=category,
                                products=queries.products_of(current_user), limit=limit)


def init_app(app: Flask) -> None:
    # permissions, jobs and the demo register themselves when imported
    from community.knowledge import (  # noqa: F401
        api,
        demo,
        jobs,
        permissions,
        receivers,
        search_documents,
        views,
    )

    app.register_blueprint(views.bp)
    api.init_app(app)
    receivers.init_app()
    search_documents.init_app(app)
    app.add_template_global(faq_for, "faq_for")
    add_nav_link(app, lambda: _("Knowledge base"), "knowledge.index")
    add_staff_tool(app, StaffTool(
        _l("Knowledge base"), _l("Manage articles"),
        _l("Drafts, reviews, and the accepted answers worth promoting."),
        "knowledge.manage", "article.write", order=40))
    add_settings_section(app, _products_section)


def _products_section(user) -> str:
    from community.knowledge import queries

    ids = set(queries.products_of(user))
    chosen = [area for area in queries.all_areas() if area.id in ids]
    return render_template("knowledge/_settings_products.html", products=chosen)
