"""The customer's side of support: their cases (``/cases/my``), and the satisfaction
survey, answered on the case page or from the e-mail's link without signing in."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.extensions import db
from escalate import queries, satisfaction
from escalate.forms import SurveyForm
from escalate.models import Case
from escalate.services import EscalationError
from escalate.views import PER_PAGE, bp


@bp.get("/my")
@login_required
def my_cases():
    page = db.paginate(queries.visible_cases(current_user).where(
        Case.customer_id == current_user.id), per_page=PER_PAGE, error_out=False)
    return render_template("escalate/my_cases.html", page=page)


@bp.route("/<id:case_id>/survey", methods=["GET", "POST"])
def survey(case_id: int):
    token = request.values.get("t")
    found = db.session.get(Case, case_id)
    viewer = current_user if current_user.is_authenticated else None
    if found is None or not satisfaction.may_answer(found, viewer, token):
        abort(404)
    answered = satisfaction.survey_of(case_id)
    form = SurveyForm(score=request.args.get("score") or
                      (str(answered.score) if answered and answered.score else None))
    if form.validate_on_submit():
        try:
            satisfaction.answer(case_id, int(form.score.data), form.comment.data or "",
                                viewer=viewer, token=token)
        except EscalationError as error:
            form.score.errors = [*form.score.errors, error.message]
        else:
            flash(_("Thank you: your answer helps us do better."), "success")
            return redirect(url_for(".case", case_id=case_id) if viewer and
                            viewer.id == found.customer_id else
                            url_for(".survey", case_id=case_id, t=token))
    return render_template("escalate/survey.html", case=found, form=form, token=token,
                           answered=answered), 422 if form.errors else 200
