"""The agent's pages: the console (``/cases/``: my cases, my teams' queue, unassigned,
breaching soon, every case) with bulk assign, the case page with the customer's whole
context, and the case's changes (replies, status, priority, agent, tags, solving with an
answer); canned replies. The customer's pages are in ``customer_views``."""

from __future__ import annotations

import re

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import format_timedelta, ngettext
from flask_babel import gettext as _
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from app.clock import utcnow
from app.extensions import db
from app.permissions import can, require
from community.journey import queries as journey
from escalate import canned, context, queries, rules, satisfaction, work
from escalate.forms import (
    AssignForm,
    CannedReplyForm,
    CaseForm,
    DeleteForm,
    ReplyForm,
    SolveForm,
    StatusForm,
    SurveyForm,
)
from escalate.labels import PRIORITIES, STATUSES
from escalate.rules import CaseStatus, Priority
from escalate.services import EscalationError

bp = Blueprint("escalate", __name__, url_prefix="/cases", template_folder="templates")
PER_PAGE = 25
NUMBER = re.compile(r"[0-9]{1,18}")  # an id from a form or a query string


@bp.app_template_filter("due")
def due(moment) -> str:
    """"in 3 hours" or "2 hours ago": how long is left before a service level is missed."""
    return format_timedelta(moment - utcnow(), add_direction=True, threshold=1.1)


@bp.get("/")
@login_required
def console(assign_form: AssignForm | None = None):
    require("cases.work")
    view = request.args.get("view", "mine")
    if view not in queries.VIEWS:
        abort(404)
    priority = request.args.get("priority") or None
    team = request.args.get("team") or None
    if (priority and priority not in PRIORITIES) or (team and not NUMBER.fullmatch(team)):
        abort(400)
    page = db.paginate(queries.console(current_user, view,
                                       priority=Priority(priority) if priority else None,
                                       team_id=int(team) if team else None),
                       per_page=PER_PAGE, error_out=False)
    return render_template("escalate/console.html", page=page, view=view,
                           counts=queries.console_counts(current_user), now=utcnow(),
                           breaching=rules.breaching, teams=queries.teams(),
                           priorities=PRIORITIES, priority=priority, team=team,
                           assign_form=_with_agents(assign_form or AssignForm()))


@bp.post("/assign")
@login_required
def assign():
    require("cases.work")
    form = _with_agents(AssignForm())
    if not form.validate_on_submit():
        return console(assign_form=form), 422
    assignee = int(form.assignee.data) if form.assignee.data else None
    try:
        cases = work.assign_many(form.cases.data, current_user, assignee)
    except EscalationError as error:
        form.cases.errors = [*form.cases.errors, error.message]
        return console(assign_form=form), error.status
    flash(ngettext("%(num)d case assigned.", "%(num)d cases assigned.", len(cases)),
          "success")
    view = request.form.get("view")
    return redirect(url_for(".console", view=view if view in queries.VIEWS else None))


@bp.get("/<id:case_id>")
@login_required
def case(case_id: int, reply_form: ReplyForm | None = None, case_form: CaseForm | None = None):
    found = queries.case_for(current_user, case_id) or abort(404)
    if not queries.works_on_cases(current_user):
        return _customer_page(found)
    replies, links = canned.inserts_for(found)
    return render_template(
        "escalate/case.html", case=found, staff_view=True, events=found.events,
        context=context.package(found), journey=journey.timeline(found.thread_id),
        deflection=None, may_change=can(current_user, "cases.change", found),
        reply_form=reply_form or ReplyForm(), status_form=StatusForm(status=found.status.value),
        case_form=case_form or _with_agents(CaseForm(
            priority=found.priority.value, assignee=str(found.assignee_id or ""),
            tags=found.tags.replace(",", ", "))),
        solve_form=SolveForm(), canned_replies=replies, article_links=links,
        survey=satisfaction.survey_of(found.id))


def _customer_page(found):
    survey = satisfaction.survey_of(found.id)
    answerable = satisfaction.may_answer(found, current_user, None)
    return render_template(
        "escalate/case.html", case=found, staff_view=False,
        events=queries.customer_events(found), context=None, journey=None, deflection=None,
        survey=survey, survey_form=SurveyForm(score=str(survey.score) if survey and
                                              survey.score else None) if answerable else None)


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
        if error.status in (403, 404):
            abort(error.status, error.message)
        form.body.errors = [*form.body.errors, error.message]
        return case(case_id, reply_form=form), error.status
    flash(_("Your reply is on the case."), "success")
    return redirect(url_for(".case", case_id=case_id))


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
        return _refused(case_id, error)
    flash(_("The case is now %(status)s.", status=str(STATUSES[wanted.value])), "success")
    return redirect(url_for(".case", case_id=case_id))


@bp.post("/<id:case_id>/changes")
@login_required
def changes(case_id: int):
    require("cases.work")
    form = _with_agents(CaseForm())
    if not form.validate_on_submit():
        return case(case_id, case_form=form), 422
    wanted = work.Changes(priority=Priority(form.priority.data), tags=form.tags.data or "",
                          assignee_id=int(form.assignee.data) if form.assignee.data else None)
    try:
        work.change(case_id, current_user, wanted)
    except EscalationError as error:
        if error.status in (403, 404):
            abort(error.status, error.message)
        form.tags.errors = [*form.tags.errors, error.message]
        return case(case_id, case_form=form), error.status
    flash(_("The case is saved."), "success")
    return redirect(url_for(".case", case_id=case_id))


@bp.post("/<id:case_id>/solve")
@login_required
def solve(case_id: int):
    require("cases.work")
    form = SolveForm()
    if not form.validate_on_submit() or not NUMBER.fullmatch(form.post_id.data):
        abort(400)
    try:
        work.solve_with_answer(case_id, current_user, int(form.post_id.data))
    except EscalationError as error:
        return _refused(case_id, error)
    flash(_("Your answer is accepted and the case is solved."), "success")
    return redirect(url_for(".case", case_id=case_id))


@bp.route("/canned", methods=["GET", "POST"])
@login_required
def canned_replies():
    require("cases.work")
    form = CannedReplyForm()
    if form.validate_on_submit():
        try:
            canned.add(current_user, form.title.data, form.body.data)
        except EscalationError as error:
            form.title.errors = [*form.title.errors, error.message]
        else:
            flash(_("The canned reply is saved."), "success")
            return redirect(url_for(".canned_replies"))
    status = 422 if form.errors else 200
    return render_template("escalate/canned.html", form=form, replies=canned.all_replies(),
                           delete_form=DeleteForm()), status


@bp.post("/canned/delete")
@login_required
def delete_canned():
    require("cases.work")
    form = DeleteForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        canned.remove(current_user, form.canned_id.data)
    except EscalationError as error:
        flash(error.message, "error")
    else:
        flash(_("The canned reply is removed."), "success")
    return redirect(url_for(".canned_replies"))


def _refused(case_id: int, error: EscalationError):
    """Another team's case or none: the status code says so; anything else is explained
    on the case page."""
    if error.status in (403, 404):
        abort(error.status, error.message)
    flash(error.message, "error")
    return redirect(url_for(".case", case_id=case_id))


def _with_agents(form):
    form.assignee.choices = [SelectChoice("", _("nobody"))] + [
        SelectChoice(str(agent.id), agent.username) for agent in queries.agents()]
    return form
