"""The contact flow's pages (``/support/contact``): the form, "this may help", and the case
it opens; see ``contact`` for the flow and why it goes this way."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import format_timedelta
from flask_babel import gettext as _
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from app.i18n import select_locale
from app.permissions import require
from community import queries as community
from community.forms import area_choices
from escalate import contact
from escalate.forms import ContactForm
from escalate.services import EscalationError

bp = Blueprint("support", __name__, url_prefix="/support", template_folder="templates")


@bp.route("/contact", methods=["GET", "POST"])
@login_required
def contact_form():
    require("thread.ask")
    form = ContactForm(**({} if request.method == "POST" else contact.draft()))
    form.category.choices = _areas()
    if not form.validate_on_submit():
        return render_template("escalate/contact.html", form=form, step="form"), \
            422 if form.is_submitted() else 200
    wanted = _request(form)
    contact.keep_draft(wanted)
    if request.form.get("step") != "send":
        found = contact.suggestions(wanted, back=url_for(".contact_form"))
        return render_template("escalate/contact.html", form=form, step="check",
                               suggestions=found)
    try:
        case = contact.open_case(current_user, wanted)
    except EscalationError as error:
        field = {"category": form.category, "title": form.title}.get(error.field or "",
                                                                      form.description)
        field.errors = [*field.errors, error.message]
        return render_template("escalate/contact.html", form=form, step="form"), error.status
    flash(_next_steps(case), "success")
    return redirect(url_for("escalate.case", case_id=case.id))


def _request(form: ContactForm) -> contact.Request:
    return contact.Request(category_id=form.category.data, problem=form.problem.data,
                           title=form.title.data.strip(), description=form.description.data,
                           language=select_locale() or "en")


def _next_steps(case) -> str:
    """What happens next and by when: the case's first-reply due time."""
    within = format_timedelta(case.first_response_due_at - case.opened_at, threshold=1.1)
    return _("Case %(number)s is open. A support agent will answer within %(within)s, here "
             "and by e-mail; your question is also in the community, where others can "
             "help meanwhile.", number=case.number, within=within)


def _areas() -> list[SelectChoice]:
    return area_choices(_("Choose a product area"), community.top_categories())
