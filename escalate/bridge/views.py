"""The admins' webhook page (``/admin/webhooks``): the endpoints, adding and removing one,
and the latest deliveries with their state; a delivery given up can be sent again."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.extensions import db
from app.permissions import require
from escalate.bridge import delivery, endpoints
from escalate.bridge.forms import EndpointForm, IdForm
from escalate.bridge.models import DeliveryStatus
from escalate.services import EscalationError

bp = Blueprint("bridge", __name__, template_folder="templates")
PER_PAGE = 50


@bp.route("/admin/webhooks", methods=["GET", "POST"])
@login_required
def webhooks():
    require("webhooks.manage")
    form = EndpointForm()
    if form.validate_on_submit():
        try:
            endpoints.add(current_user, endpoints.Fields(
                url=form.url.data, secret=form.secret.data, events=form.events.data,
                active=form.active.data))
        except EscalationError as error:
            form.url.errors = [*form.url.errors, error.message]
        else:
            flash(_("The endpoint is added: new case events go there."), "success")
            return redirect(url_for(".webhooks"))
    status = request.args.get("status") or None
    if status is not None and status not in {item.value for item in DeliveryStatus}:
        abort(404)
    page = db.paginate(endpoints.deliveries(status=DeliveryStatus(status) if status else None),
                       per_page=PER_PAGE, error_out=False)
    return render_template("bridge/webhooks.html", form=form, id_form=IdForm(),
                           endpoints=endpoints.all_endpoints(), page=page,
                           status=status), 422 if form.errors else 200


@bp.post("/admin/webhooks/remove")
@login_required
def remove():
    require("webhooks.manage")
    form = IdForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        endpoints.remove(current_user, form.item_id.data)
    except EscalationError as error:
        flash(error.message, "error")
    else:
        flash(_("The endpoint is removed."), "success")
    return redirect(url_for(".webhooks"))


@bp.post("/admin/webhooks/toggle")
@login_required
def toggle():
    """Pause an endpoint (its deliveries wait, in order) or resume it."""
    require("webhooks.manage")
    form = IdForm()
    if not form.validate_on_submit():
        abort(400)
    found = next((item for item in endpoints.all_endpoints()
                  if item.id == form.item_id.data), None)
    try:
        endpoints.change(current_user, form.item_id.data,
                         endpoints.Fields(active=not found.active if found else None))
    except EscalationError as error:
        flash(error.message, "error")
    else:
        flash(_("The endpoint is paused: its deliveries wait.") if found.active else
              _("The endpoint is active again."), "success")
    return redirect(url_for(".webhooks"))


@bp.post("/admin/webhooks/send-again")
@login_required
def send_again():
    require("webhooks.manage")
    form = IdForm()
    if not form.validate_on_submit():
        abort(400)
    if delivery.send_again(form.item_id.data) is None:
        flash(_("Only a delivery that was given up can be sent again."), "error")
    else:
        flash(_("The delivery will be tried again within a minute."), "success")
    return redirect(url_for(".webhooks", status=request.args.get("status")))
