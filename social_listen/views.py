"""Social listening pages: the triage inbox, a member's claim of their handle. The rules
and the claims moderators confirm are in ``admin_views.py``; all on this blueprint."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from app.extensions import db
from app.permissions import require
from app.web import attach_error, is_id, safe_next_url
from community.models import Category, Post
from social_listen import claims, queries, replies, triage
from social_listen.errors import ListeningError
from social_listen.forms import ClaimForm, TriageForm
from social_listen.models import MentionStatus

bp = Blueprint("social_listen", __name__, url_prefix="/listening", template_folder="templates")
PER_PAGE = 25
ACTIONS = {"import": triage.import_mention, "ignore": triage.ignore, "reopen": triage.reopen,
           "escalate": triage.escalate, "block": triage.block_author}


@bp.get("/")
@login_required
def inbox():
    require("listening.triage")
    filters = _filters()
    page = db.paginate(queries.mentions(filters), per_page=PER_PAGE, error_out=False)
    form = TriageForm()
    form.category_id.choices = _category_choices()
    return render_template("social_listen/inbox.html", page=page, filters=filters,
                           counts=queries.counts(), rules=queries.rules(), form=form,
                           spikes=queries.open_spikes())


def _filters() -> queries.Filters:
    args = request.args
    try:
        status = MentionStatus(args.get("status", "new"))
        rule_id = int(args["rule"]) if args.get("rule") else None
    except ValueError:
        abort(404)
    if rule_id is not None and not is_id(rule_id):
        abort(404)
    return queries.Filters(
        status=status, rule_id=rule_id, language=args.get("language", "")[:8],
        mood=args.get("mood", "") if args.get("mood") in queries.MOODS else "",
        urgent_only=args.get("urgent") == "1", questions_only=args.get("questions") == "1",
        sort=args.get("sort", "newest") if args.get("sort") in queries.SORTS else "newest")


def _category_choices() -> list[SelectChoice]:
    return [SelectChoice(0, _("The rule's category"))] + [
        SelectChoice(category.id, category.name) for category in
        db.session.scalars(db.select(Category).order_by(Category.name))]


@bp.post("/mentions/<id:mention_id>")
@login_required
def triage_mention(mention_id: int):
    require("listening.triage")
    form = TriageForm()
    form.category_id.choices = _category_choices()
    back = safe_next_url(request.form.get("next"), url_for(".inbox"))
    action = ACTIONS.get(form.action.data or "")
    if not form.validate_on_submit() or action is None:
        flash(_("That did not work: reload the page and try again."), "error")
        return redirect(back, 303)
    try:
        if action is triage.import_mention:
            triage.import_mention(mention_id, current_user,
                                  category_id=form.category_id.data or None)
        else:
            action(mention_id, current_user)
    except ListeningError as error:
        if error.status == 404:
            abort(404)
        flash(error.message, "error")
        return redirect(back, 303)
    flash(_done(form.action.data), "success")
    return redirect(back, 303)


def _done(action: str) -> str:
    return {"import": _("Imported: the mention is now a post in the community."),
            "ignore": _("Ignored."), "reopen": _("Back in the inbox."),
            "escalate": _("Sent to the agents."),
            "block": _("Author blocked: their mentions no longer reach the inbox.")}[action]


@bp.get("/posts/<id:post_id>/reply-on-x")
@login_required
def reply_on_x(post_id: int):
    """To X's own composer: Peerdesk never posts on X itself."""
    require("listening.triage")
    url = replies.compose_url(db.get_or_404(Post, post_id)) or abort(404)
    return redirect(url, 302)


@bp.route("/claim", methods=["GET", "POST"])
@login_required
def claim():
    require("listening.claim")
    form = ClaimForm()
    if form.validate_on_submit():
        try:
            identity = claims.request_claim(current_user, form.handle.data)
        except ListeningError as error:
            attach_error(form, error)
            return _claim_page(form, error.status)
        flash(_("Thanks! A moderator will confirm that @%(handle)s is you; then its posts "
                "here become yours.", handle=identity.handle), "success")
        return redirect(url_for(".claim"), 303)
    return _claim_page(form, 422 if form.is_submitted() else 200)


def _claim_page(form: ClaimForm, status: int = 200):
    return render_template("social_listen/claim.html", form=form,
                           mine=claims.of_member(current_user.id)), status
