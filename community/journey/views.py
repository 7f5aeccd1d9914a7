"""Deflection pages: suggestions while typing, the tracked click, "this solved it", and
the staff's self-service numbers."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
)
from flask_babel import gettext as _
from flask_login import login_required

from app.errors import problem
from app.extensions import csrf, limiter
from app.permissions import require
from app.security import from_this_site
from community.journey import deflection, queries, recorder, services

bp = Blueprint("journey", __name__)
KIND = "<any(thread, article):kind>"


@bp.get("/ask/suggestions")
@limiter.limit(lambda: current_app.config["JOURNEY_SUGGESTIONS_RATE_LIMIT"])
def suggestions():
    """An HTML fragment for the ask page's script, or JSON with ``Accept: application/json``."""
    found = deflection.suggest(request.args.get("q", ""))
    if request.accept_mimetypes.best == "application/json":
        return jsonify({"suggestions": [
            {"kind": item.kind, "id": item.id, "title": item.title,
             "category": item.category, "url": item.tracked_url} for item in found]})
    return render_template("journey/_suggestions.html", suggestions=found, show_empty=False)


@bp.get(f"/ask/suggestion/{KIND}/<id:item_id>")
@limiter.limit(lambda: current_app.config["JOURNEY_CLICK_RATE_LIMIT"])
def follow(kind: str, item_id: int):
    """Record the click, then land on the page with the "did this solve it?" marker; an
    item this session was not suggested is just the page."""
    target = deflection.target(kind, item_id)
    if target is None:
        abort(404)
    if not deflection.follow(target):
        return redirect(target.url, 303)
    return redirect(f"{target.url}?{deflection.MARKER}=1", 303)


@bp.post(f"/ask/solved/{KIND}/<id:item_id>")
def solved_it(kind: str, item_id: int):
    target = deflection.target(kind, item_id)
    if target is None:
        abort(404)
    services.solved_it(kind, item_id)
    deflection.forget_draft()
    flash(_("Thank you for telling us. We are glad this solved your problem."), "success")
    return redirect(target.url, 303)


@bp.post("/journey/beacon")
@csrf.exempt
@limiter.limit(lambda: current_app.config["JOURNEY_BEACON_RATE_LIMIT"])
def beacon():
    """The step a signed-out reader's page named, sent after it loaded (see
    :mod:`~community.journey.recorder`). No CSRF token (the page is the same for everyone
    and sets no cookie): the browser's own word that one of our pages sent it instead."""
    if not from_this_site():
        return problem(403, "Only this site's pages may send a journey step.")
    response = current_app.make_response(("", 204))
    try:
        recorder.from_beacon(request.form, response)
    except recorder.BadBeacon as error:
        return problem(400, str(error))
    return response


@bp.get("/journey/numbers")
@login_required
def numbers():
    require("journey.view")
    return render_template("journey/numbers.html", days=queries.daily_numbers(),
                           columns=queries.COLUMNS)
