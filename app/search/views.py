"""Search administration: the synonym list, edited by admins as one text."""

from __future__ import annotations

from flask import Blueprint, Flask, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import login_required

from app.layout import AccountLink, add_account_link
from app.permissions import can, require
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


def _admin_link(user) -> AccountLink | None:
    if not can(user, "search.edit_synonyms"):
        return None
    return AccountLink(_("Search synonyms"), url_for("search.edit_synonyms"))


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    add_account_link(app, _admin_link)
