"""Search administration: the synonym list, edited by admins as one text."""

from __future__ import annotations

from flask import Blueprint, Flask, flash, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import login_required

from app.layout import StaffTool, add_staff_tool
from app.permissions import require
from app.search import synonyms
from app.search.forms import SynonymsForm

bp = Blueprint("search", __name__, template_folder="templates")


@bp.route("/admin/search/synonyms", methods=["GET", "POST"])
@login_required
def edit_synonyms():
    require("search.edit_synonyms")
    form = SynonymsForm()
    if form.validate_on_submit():
        groups = synonyms.parse(form.synonyms.data or "").groups
        synonyms.replace(groups)
        flash(ngettext("Synonyms saved: %(num)d group.", "Synonyms saved: %(num)d groups.",
                       len(groups)), "success")
        return redirect(url_for("search.edit_synonyms"), 303)
    if not form.is_submitted():
        form.synonyms.data = synonyms.as_text(synonyms.stored_groups())
    return render_template("search/synonyms.html", form=form)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    add_staff_tool(app, StaffTool(
        _l("Site"), _l("Search synonyms"), _l("Words search treats as the same."),
        "search.edit_synonyms", "search.edit_synonyms", order=90))
