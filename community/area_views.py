"""Admins' pages for product areas: ``/admin/areas`` lists them, each with its name in every
language, and ``/admin/areas/<slug>`` edits an area's names and descriptions."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import login_required

from app.permissions import require
from community import areas, queries
from community.forms import area_form
from community.views import bp


@bp.get("/admin/areas")
@login_required
def edit_areas():
    require("areas.edit")
    return render_template("community/areas.html", categories=queries.top_categories(),
                           codes=areas.languages(),
                           default=current_app.config["BABEL_DEFAULT_LOCALE"])


@bp.route("/admin/areas/<slug>", methods=["GET", "POST"])
@login_required
def edit_area(slug: str):
    require("areas.edit")
    category = queries.category_by_slug(slug)
    if category is None:
        abort(404)
    languages, default = areas.languages(), current_app.config["BABEL_DEFAULT_LOCALE"]
    form = area_form(languages, default)()
    if form.validate_on_submit():
        texts = {code: (form[f"name_{code}"].data or "", form[f"description_{code}"].data or "")
                 for code in languages}
        areas.save(category, texts, takes_questions=form.takes_questions.data == "yes")
        flash(_("“%(area)s” is saved.", area=category.base_name), "success")
        return redirect(url_for(".edit_areas"), 303)
    if not form.is_submitted():
        form.takes_questions.data = "yes" if category.takes_questions else "no"
        for code in languages:
            form[f"name_{code}"].data = _stored(category, "name", code, default)
            form[f"description_{code}"].data = _stored(category, "description", code, default)
    status = 422 if form.is_submitted() else 200
    return render_template("community/area_form.html", category=category, form=form,
                           codes=languages, default=default), status


def _stored(category, field: str, code: str, default: str) -> str:
    if code == default:
        return getattr(category, f"base_{field}")
    return (category.translations or {}).get(code, {}).get(field, "")
