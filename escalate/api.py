"""Escalation's API: send a thread to support (staff), read cases (agents all of them,
customers their own), change them and reply (agents, on their teams' cases)."""

from __future__ import annotations

from dataclasses import replace

from flask import Flask, abort
from flask.views import MethodView
from flask_smorest import abort as api_abort
from sqlalchemy import select

from app.accounts.models import User
from app.api import api, blueprint, token_required
from app.api.auth import current_api_user
from app.api.docs import authenticated, links
from app.extensions import db
from escalate import queries, services, work
from escalate.rules import Reason
from escalate.schemas import (
    CaseDetailSchema,
    CasePageSchema,
    CasePatchSchema,
    CaseQuerySchema,
    CaseReplySchema,
    CaseSchema,
)

bp = blueprint("cases_api", __name__, description="Escalation to support: cases.")


def init_app(app: Flask) -> None:
    api.register_blueprint(bp)


@bp.route("/threads/<id:thread_id>/escalate")
class Escalate(MethodView):
    decorators = [token_required]

    @authenticated(bp, 403, 404)
    @links(bp, 200, getCaseDetail={"case_id": "/id"}, patchCaseDetail={"case_id": "/id"},
               postCaseReplies={"case_id": "/id"})
    @bp.response(200, CaseSchema)
    def post(self, thread_id: int):
        """Send the thread to support (moderators, agents, admins): its active case,
        opened now unless it has one already."""
        try:
            return services.escalate(thread_id, services.Request(Reason.MANUAL,
                                                                 by=current_api_user()))
        except services.EscalationError as error:
            api_abort(error.status, message=error.message)


@bp.route("/cases")
class Cases(MethodView):
    decorators = [token_required]

    @authenticated(bp, 422)
    @bp.arguments(CaseQuerySchema, location="query")
    @links(bp, 200, getCaseDetail={"case_id": "/items/0/id"},
               postCaseReplies={"case_id": "/items/0/id"})
    @bp.response(200, CasePageSchema)
    def get(self, args):
        """Cases, newest first: every case for agents and admins (``mine``: assigned to
        me), a customer's own cases for anyone else."""
        statement = queries.visible_cases(current_api_user(), args["status"], args["mine"])
        page = db.paginate(statement, page=args["page"], per_page=args["per_page"],
                           error_out=False)
        return {"items": page.items, "page": page.page, "per_page": page.per_page,
                "total": page.total}


@bp.route("/cases/<id:case_id>")
class CaseDetail(MethodView):
    decorators = [token_required]

    @authenticated(bp, 404)
    @bp.response(200, CaseDetailSchema)
    def get(self, case_id: int):
        """A case with its timeline (its customer, agents and admins; the customer's
        timeline leaves out internal notes and assignments)."""
        viewer = current_api_user()
        case = queries.case_for(viewer, case_id) or abort(404, "No case with this id.")
        return _detail(case, viewer)

    @authenticated(bp, 403, 404, 409, 422)
    @bp.arguments(CasePatchSchema)
    @bp.response(200, CaseDetailSchema)
    def patch(self, changes, case_id: int):
        """Change a case's status, priority, agent or tags, together or not at all (agents
        of the case's team, admins)."""
        agent = current_api_user()
        wanted = work.Changes(status=changes.get("status"), priority=changes.get("priority"),
                              tags=changes.get("tags"))
        if "assignee" in changes:
            wanted = replace(wanted, assignee_id=_agent_id(changes["assignee"]))
        try:
            case = work.change(case_id, agent, wanted)
        except services.EscalationError as error:
            api_abort(error.status, message=error.message)
        return _detail(queries.case_for(agent, case.id), agent)


@bp.route("/cases/<id:case_id>/replies")
class CaseReplies(MethodView):
    decorators = [token_required]

    @authenticated(bp, 403, 404, 409, 422)
    @bp.arguments(CaseReplySchema)
    @bp.response(201, CaseDetailSchema)
    def post(self, reply, case_id: int):
        """Reply on a case: publicly in the thread, privately to the customer by e-mail,
        or as an internal note (agents of the case's team, admins)."""
        agent = current_api_user()
        try:
            case = work.reply(case_id, agent, reply["body"], reply["kind"])
        except services.EscalationError as error:
            api_abort(error.status, message=error.message)
        return _detail(queries.case_for(agent, case.id), agent)


def _detail(case, viewer):
    case.shown_events = case.events if queries.works_on_cases(viewer) else \
        queries.customer_events(case)
    return case


def _agent_id(username: str | None) -> int | None:
    if username is None:
        return None
    found = db.session.scalar(select(User.id).where(User.username == username))
    if found is None:
        api_abort(422, message=f"There is no user named {username!r}.")
    return found
