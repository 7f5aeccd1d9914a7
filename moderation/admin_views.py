"""Moderators' tools besides the queue: watched words, the screening tester, the audit log."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.accounts import services as accounts
from app.extensions import db
from app.permissions import require
from app.web import attach_error, is_id, page_number
from moderation import audit, tester, watched
from moderation.forms import TesterForm, WordForm
from moderation.models import WordAction
from moderation.views import bp

AUDIT_PER_PAGE = 50


@bp.route("/words", methods=["GET", "POST"])
@login_required
def words():
    require("moderation.words")
    form = WordForm()
    if form.validate_on_submit():
        try:
            watched.add(form.pattern.data, WordAction(form.action.data),
                        is_regex=form.is_regex.data, by=current_user)
        except watched.WordError as error:
            attach_error(form, error)
        else:
            flash(_("“%(pattern)s” is on the list.", pattern=form.pattern.data.strip()),
                  "success")
            return redirect(url_for(".words"), 303)
    return render_template("moderation/words.html", form=form, words=watched.listed(),
                           tester_form=TesterForm(prefix="try")), 200 if not form.errors else 422


@bp.post("/words/<id:word_id>/delete")
@login_required
def delete_word(word_id: int):
    require("moderation.words")
    try:
        watched.remove(word_id, by=current_user)
    except watched.WordError as error:
        flash(error.message, "error")
    else:
        flash(_("Removed from the list."), "success")
    return redirect(url_for(".words"), 303)


@bp.route("/tester", methods=["GET", "POST"])
@login_required
def tester_page():
    """Any text, judged by the same code as a real post; nothing is written."""
    require("moderation.review")
    form = TesterForm(prefix="try")
    result = None
    if form.validate_on_submit():
        try:
            result = tester.try_text(form.text.data, title=form.title.data or "",
                                     author=form.author.data or "")
        except tester.UnknownAuthor:
            form.author.errors = [*form.author.errors, _("No member has this username.")]
    return render_template("moderation/tester.html", form=form, result=result)


@bp.get("/audit")
@login_required
def audit_log():
    require("moderation.audit")
    filters = _audit_filters()
    page = db.paginate(audit.entries(filters), page=page_number(), per_page=AUDIT_PER_PAGE,
                       max_per_page=AUDIT_PER_PAGE)
    return render_template("moderation/audit.html", page=page, filters=filters,
                           actions=audit.actions(), state_of=audit.state_of)


def _audit_filters() -> audit.Filters:
    args = request.args
    actor = accounts.find_by_username(args["actor"]) if args.get("actor") else None
    if args.get("actor") and actor is None:
        flash(_("No member has this username."), "error")
    try:
        since = datetime.fromisoformat(args["since"]) if args.get("since") else None
        until = datetime.fromisoformat(args["until"]) if args.get("until") else None
        target = int(args["target_id"]) if args.get("target_id") else None
        until = until + timedelta(days=1) if until else None  # the whole last day
    except (ValueError, OverflowError):
        abort(400)
    if target is not None and not is_id(target):
        abort(400)
    return audit.Filters(actor_id=actor.id if actor else None,
                         action=args.get("action", "")[:40],
                         target_type=args.get("target_type", "")[:20], target_id=target,
                         since=since, until=until)
