"""Admins' listening rules (with each rule's state: checkpoint, next poll, last error,
volume) and the handle claims moderators confirm."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from app.extensions import db
from app.permissions import require
from app.web import attach_error
from community.models import Category
from social_listen import auto_import, claims, polling, queries, services
from social_listen.errors import ListeningError
from social_listen.forms import RuleForm
from social_listen.models import ListeningRule
from social_listen.views import bp


@bp.get("/rules")
@login_required
def rules():
    require("listening.rules")
    return render_template("social_listen/rules.html", rules=queries.rules(),
                           spikes={alert.rule_id: alert for alert in queries.open_spikes()})


@bp.route("/rules/new", methods=["GET", "POST"])
@login_required
def new_rule():
    require("listening.rules")
    form = _rule_form()
    if form.validate_on_submit():
        try:
            rule = services.create_rule(current_user, _fields(form))
        except ListeningError as error:
            attach_error(form, error)
            return _form_page(form, None, error.status)
        flash(_("Rule “%(name)s” saved; it is polled within a minute.", name=rule.name),
              "success")
        return redirect(url_for(".rule", rule_id=rule.id), 303)
    return _form_page(form, None, 422 if form.is_submitted() else 200)


@bp.route("/rules/<id:rule_id>", methods=["GET", "POST"])
@login_required
def rule(rule_id: int):
    require("listening.rules")
    found = db.get_or_404(ListeningRule, rule_id)
    form = _rule_form(found)
    if form.validate_on_submit():
        try:
            services.update_rule(current_user, found, _fields(form))
        except ListeningError as error:
            db.session.rollback()
            attach_error(form, error)
            return _form_page(form, found, error.status)
        flash(_("Rule saved."), "success")
        return redirect(url_for(".rule", rule_id=found.id), 303)
    return _form_page(form, found, 422 if form.is_submitted() else 200)


@bp.post("/rules/<id:rule_id>/poll")
@login_required
def poll_rule(rule_id: int):
    require("listening.rules")
    found = db.get_or_404(ListeningRule, rule_id)
    result = polling.poll(found.id)
    if result.polled:
        imported = auto_import.import_pending(found.id)
    if not result.polled:
        flash(_("This rule is being polled right now; look again in a moment."), "info")
    elif result.error:
        flash(_("Polling stopped: %(error)s. Next try at %(when)s UTC.", error=result.error,
                when=result.next_poll_at.strftime("%H:%M")), "error")
    else:
        flash(_("%(new)d new mention(s), %(imported)d imported.", new=result.new,
                imported=imported.done), "success")
    return redirect(url_for(".rule", rule_id=found.id), 303)


@bp.post("/rules/<id:rule_id>/active")
@login_required
def toggle_rule(rule_id: int):
    require("listening.rules")
    found = db.get_or_404(ListeningRule, rule_id)
    services.set_active(current_user, found, not found.active)
    flash(_("Rule resumed.") if found.active else _("Rule paused."), "success")
    return redirect(url_for(".rule", rule_id=found.id), 303)


def _rule_form(rule: ListeningRule | None = None) -> RuleForm:
    form = RuleForm(obj=rule)
    form.category_id.choices = [SelectChoice(category.id, category.name) for category in
                                db.session.scalars(db.select(Category).order_by(Category.name))]
    return form


def _fields(form: RuleForm) -> services.RuleFields:
    return services.RuleFields(
        name=form.name.data or "", source=form.source.data, query=form.query.data or "",
        category_id=form.category_id.data, languages=form.languages.data or "",
        excluded_accounts=form.excluded_accounts.data or "",
        blocked_words=form.blocked_words.data or "", import_policy=form.import_policy.data,
        active=form.active.data, poll_minutes=form.poll_minutes.data)


def _form_page(form: RuleForm, rule: ListeningRule | None, status: int = 200):
    volume = queries.hourly_volume(rule.id) if rule is not None else []
    return render_template("social_listen/rule.html", form=form, rule=rule,
                           volume=volume), status


@bp.get("/claims")
@login_required
def claims_page():
    require("listening.claims")
    return render_template("social_listen/claims.html", claims=claims.pending())


@bp.post("/claims/<id:identity_id>/<any(confirm, reject):decision>")
@login_required
def decide_claim(identity_id: int, decision: str):
    require("listening.claims")
    try:
        identity = (claims.confirm if decision == "confirm" else claims.reject)(
            current_user, identity_id)
    except ListeningError as error:
        if error.status == 404:
            abort(404)
        flash(error.message, "error")
        return redirect(url_for(".claims_page"), 303)
    flash(_("Claim to @%(handle)s confirmed: its posts are the member's now.",
            handle=identity.handle) if decision == "confirm" else
          _("Claim to @%(handle)s rejected.", handle=identity.handle), "success")
    return redirect(url_for(".claims_page"), 303)
