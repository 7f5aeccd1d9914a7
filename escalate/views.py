"""The agent console (``/cases/``: my cases, my teams' queue, unassigned, breaching soon,
every case) and the case page with the customer's whole context."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import format_timedelta
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.clock import utcnow
from app.extensions import db
from app.permissions import require
from community.journey import queries as journey
from escalate import context, queries, rules, work
from escalate.forms import ReplyForm, StatusForm
from escalate.labels import STATUSES
from escalate.rules import CaseStatus
from escalate.services import EscalationError

bp = Blueprint("escalate", __name__, url_prefix="/cases", template_folder="templates")
PER_PAGE = 25


@bp.app_template_filter("due")
def due(moment) -> str:
    """"in 3 hours" or "2 hours ago": how long is left before a service level is missed."""
    return format_timedelta(moment - utcnow(), add_direction=True, threshold=1.1)


@bp.get("/")
@login_required
def console():
    require("cases.work")
    view = request.args.get("view", "mine")
    if view not in queries.VIEWS:
        abort(404)
    page = db.paginate(queries.console(current_user, view), per_page=PER_PAGE,
                       error_out=False)
    return render_template("escalate/console.html", page=page, view=view,
                           counts=queries.console_counts(current_user), now=utcnow(),
                           breaching=rules.breaching)


@bp.get("/<id:case_id>")
@login_required
def case(case_id: int, reply_form: ReplyForm | None = None):
    found = queries.case_for(current_user, case_id) or abort(404)
    staff_view = queries.works_on_cases(current_user)
    status_form = StatusForm(status=found.status.value)
    return render_template(
        "escalate/case.html", case=found, staff_view=staff_view,
        events=found.events if staff_view else queries.customer_events(found),
        context=context.package(found) if staff_view else None,
        journey=journey.timeline(found.thread_id) if staff_view else None, deflection=None,
        reply_form=reply_form or ReplyForm(), status_form=status_form)


@bp.post("/<id:case_id>/replies")
@login_required
def reply(case_id: int):
    require("cases.work")
    form = ReplyForm()
    if not form.validate_on_submit():
        return case(case_id, reply_form=form), 422
    try:
        work.reply(case_id, current_user, form.body.data, form.kind.data)
    except EscalationError as error:
        form.body.errors = [*form.body.errors, error.message]
        return case(case_id, reply_form=form), error.status
    flash(_("Your reply is on the case."), "success")
    return redirect(url_for("escalate.case", case_id=case_id))


@bp.post("/<id:case_id>/status")
@login_required
def status(case_id: int):
    require("cases.work")
    form = StatusForm()
    try:
        wanted = CaseStatus(form.status.data or "")
    except ValueError:
        abort(400)
    if not form.validate_on_submit():
        abort(400)
    try:
        work.set_status(case_id, current_user, wanted)
    except EscalationError as error:
        flash(error.message, "error")
        return redirect(url_for("escalate.case", case_id=case_id))
    flash(_("The case is now %(status)s.", status=_status_label(wanted)), "success")
    return redirect(url_for("escalate.case", case_id=case_id))


def _status_label(status: CaseStatus) -> str:
    return str(STATUSES[status.value])
