"""A member as moderators see them: trust level, flags, sanctions; imposing and lifting a
sanction, setting a trust level by hand."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.accounts import services as accounts
from app.extensions import db
from app.permissions import require
from app.web import attach_error, safe_next_url
from moderation import queries, sanctions, trust
from moderation.errors import ModerationError
from moderation.forms import LiftForm, SanctionForm, TrustForm
from moderation.models import Sanction, SanctionKind
from moderation.views import bp


def _member(username: str):
    member = accounts.find_by_username(username)
    if member is None:
        abort(404)
    return member


@bp.get("/members/<username>")
@login_required
def member(username: str):
    require("moderation.review")
    found = _member(username)
    record = trust.peek(found.id)
    return _member_page(found, SanctionForm(prefix="sanction"),
                        TrustForm(prefix="trust", level=record.level, locked=record.locked))


def _member_page(found, sanction_form: SanctionForm, trust_form: TrustForm, status: int = 200):
    return render_template("moderation/member.html", member=found,
                           record=trust.peek(found.id),
                           level=trust.level_of(found), summary=queries.member_summary(found.id),
                           sanction_form=sanction_form, trust_form=trust_form,
                           lift_form=LiftForm(prefix="lift"),
                           proposed_hours=sanctions.proposed_hours(found.id)), status


@bp.post("/members/<username>/sanction")
@login_required
def sanction(username: str):
    require("moderation.sanction")
    found = _member(username)
    form = SanctionForm(prefix="sanction")
    if form.validate_on_submit():
        try:
            sanctions.impose(current_user, found, SanctionKind(form.kind.data),
                             form.reason.data, hours=form.hours.data,
                             item_id=request.form.get("item_id", type=int))
        except ModerationError as error:
            attach_error(form, error)
        else:
            flash(_("%(name)s is sanctioned and told why by e-mail.", name=found.username),
                  "success")
            return redirect(safe_next_url(request.form.get("next"),
                                          url_for(".member", username=found.username)), 303)
    return _member_page(found, form, TrustForm(prefix="trust"), 422)


@bp.post("/sanctions/<id:sanction_id>/lift")
@login_required
def lift(sanction_id: int):
    require("moderation.sanction")
    found = db.get_or_404(Sanction, sanction_id)
    form = LiftForm(prefix="lift")
    if form.validate_on_submit():
        try:
            sanctions.lift(current_user, found, form.reason.data or "")
        except ModerationError as error:
            flash(error.message, "error")
        else:
            flash(_("Lifted."), "success")
    return redirect(url_for(".member", username=found.user.username), 303)


@bp.post("/members/<username>/trust")
@login_required
def set_trust(username: str):
    require("moderation.trust")
    found = _member(username)
    form = TrustForm(prefix="trust")
    if form.validate_on_submit():
        trust.set_level(found, form.level.data, by=current_user, locked=form.locked.data)
        flash(_("Trust level saved."), "success")
        return redirect(url_for(".member", username=found.username), 303)
    return _member_page(found, SanctionForm(prefix="sanction"), form, 422)
