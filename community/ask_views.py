"""The ask page: a question in two steps, with answers that may already exist in between.

Without JavaScript the form comes in two steps: the title and product area, then "Check
these first" (similar solved questions and articles, see
:mod:`community.journey.deflection`) above the rest of the form. The page's script shows
the whole form at once and suggests while the title is typed. The draft is kept in the
session, so a customer back from a suggestion finds their question as they left it.
Routes are on the forum's blueprint (``community.ask``).
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from app.extensions import db
from app.i18n import select_locale
from app.permissions import require
from app.web import attach_error
from community import queries, services
from community.forms import AskForm, area_choices
from community.journey import deflection
from community.models import Category, ThreadKind
from community.views import bp, posted_message, refusal_status


@bp.route("/ask", methods=["GET", "POST"])
@login_required
def ask():
    require("thread.ask")
    form = AskForm(**({} if request.method == "POST"
                      else deflection.draft(category=_preselected_category())))
    form.category.choices = _category_choices()
    if len(form.category.choices) == 1:
        return render_template("community/ask_unavailable.html")
    if form.is_submitted() and request.form.get("step") == "check":
        return _check_first(form)
    status, headers = 200, {}
    if form.validate_on_submit():
        try:
            created = services.ask(
                current_user, category=db.session.get(Category, form.category.data),
                title=form.title.data, body=form.body.data, kind=ThreadKind(form.kind.data),
                tags=(form.tags.data or "").split(","), language=_language())
        except services.CommunityError as error:
            attach_error(form, error)
            status, headers = refusal_status(error, status)
        else:
            deflection.forget_draft()
            flash(*posted_message(created.posts[0],
                                  _("Your question is posted. You will be notified of answers.")))
            return redirect(url_for(".thread", thread_id=created.id, slug=created.slug))
    if form.is_submitted():
        deflection.keep_draft(form)
    return _ask_page(form, details=form.is_submitted() or bool(form.title.data)), status, headers


def _check_first(form: AskForm):
    """The first step sent: "check these first" and the details, or its own errors."""
    first_step_valid = form.title.validate(form) & form.category.validate(form)
    if first_step_valid:
        deflection.keep_draft(form)
    return _ask_page(form, details=first_step_valid)


def _ask_page(form: AskForm, details: bool):
    suggestions = deflection.suggest(form.title.data or "") if details else None
    return render_template("community/ask.html", form=form, details=details,
                           suggestions=suggestions)


def _preselected_category() -> int | None:
    slug = request.args.get("category")
    found = queries.category_by_slug(slug) if slug else None
    return found.id if found and found.takes_questions else None


def _category_choices() -> list[SelectChoice]:
    return area_choices(_("Choose a product area"), queries.top_categories())


def _language() -> str:
    return select_locale() or "en"
