"""Moderation pages: the review queue, an item with its decisions, flagging a post.
Watched words, the tester and the audit log are in ``admin_views.py``; members' trust and
sanctions in ``member_views.py``; all on this blueprint."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.extensions import db
from app.permissions import can, require
from app.web import attach_error, is_id, page_number, safe_next_url
from community import queries
from community.models import Category, Post
from moderation import decisions, flags, queue, sanctions, trust
from moderation.errors import ModerationError
from moderation.forms import DecisionForm, EditApproveForm, FlagForm, SanctionForm
from moderation.models import (
    DecisionAction,
    FlagKind,
    ItemStatus,
    ReviewDecision,
    ReviewItem,
)

bp = Blueprint("moderation", __name__, url_prefix="/moderation", template_folder="templates")
PER_PAGE = 25


@bp.get("/")
@login_required
def queue_page():
    require("moderation.review")
    filters = _filters()
    page = queue.page(filters, current_user.id, page_number(), PER_PAGE)
    return render_template("moderation/queue.html", page=page, filters=filters,
                           health=queue.health(), categories=_categories(),
                           spam_accounts=queue.spam_accounts())


def _filters() -> queue.Filters:
    args = request.args
    try:
        status = ItemStatus(args.get("status", "pending"))
        category = int(args["category"]) if args.get("category") else None
    except ValueError:
        abort(404)
    if category is not None and not is_id(category):
        abort(404)
    return queue.Filters(status=status, reason=args.get("reason", "")[:40],
                         category_id=category, kind=args.get("kind", "")[:16],
                         source=args.get("source", "")[:16], claimed=args.get("claimed", ""),
                         oldest_first=args.get("sort") == "oldest")


def _categories() -> list[Category]:
    return list(db.session.scalars(db.select(Category).order_by(Category.name)))


@bp.get("/items/<id:item_id>")
@login_required
def item(item_id: int):
    require("moderation.review")
    found = queue.item_with_history(item_id) or abort(404)
    return _item_page(found, DecisionForm(), SanctionForm(prefix="sanction"))


def _item_page(found: ReviewItem, form: DecisionForm, sanction_form: SanctionForm,
               status: int = 200):
    return render_template(
        "moderation/item.html", item=found, form=form, sanction_form=sanction_form,
        flags=flags.on_post(found.post_id), level=trust.level_of(found.author),
        active=sanctions.active(found.author_id),
        proposed_hours=sanctions.proposed_hours(found.author_id)), status


@bp.post("/items/<id:item_id>/decision")
@login_required
def decide(item_id: int):
    require("moderation.review")
    found = db.get_or_404(ReviewItem, item_id)
    form = DecisionForm()
    if form.validate_on_submit():
        try:
            decision = decisions.decide(current_user, found, DecisionAction(form.action.data),
                                        reason=form.reason.data or "",
                                        seen_status=_seen(form.seen.data))
        except ModerationError as error:
            attach_error(form, error)
            return _item_page(found, form, SanctionForm(prefix="sanction"), error.status)
        flash(_decided_message(decision), "success")
        return redirect(safe_next_url(request.form.get("next"), url_for(".queue_page")), 303)
    return _item_page(found, form, SanctionForm(prefix="sanction"), 422)


def retry_after(error: ModerationError) -> dict[str, str]:
    return {"Retry-After": str(error.retry_after)} if error.retry_after else {}


def _seen(value: str | None) -> ItemStatus | None:
    try:
        return ItemStatus(value) if value else None
    except ValueError:
        return None


def _decided_message(decision: ReviewDecision) -> str:
    labels = {DecisionAction.APPROVE: _("Approved."), DecisionAction.EDIT_APPROVE:
              _("Edited and approved."), DecisionAction.REJECT: _("Rejected; the author is "
                                                                  "told why."),
              DecisionAction.DELETE: _("Deleted."), DecisionAction.SPAM: _("Removed as spam.")}
    return _("%(done)s You can undo this for %(minutes)d minutes from the item's page.",
             done=labels[decision.action],
             minutes=max(1, int((decision.undo_until - decision.created_at).total_seconds()
                               // 60)))


@bp.route("/items/<id:item_id>/edit", methods=["GET", "POST"])
@login_required
def edit_approve(item_id: int):
    require("moderation.review")
    found = db.get_or_404(ReviewItem, item_id)
    post = found.post
    form = EditApproveForm(title=post.thread.title, body=post.body_source,
                           seen=found.status.value)
    if not post.is_opening:
        del form.title
    if form.validate_on_submit():
        try:
            decisions.decide(current_user, found, DecisionAction.EDIT_APPROVE,
                             seen_status=_seen(form.seen.data), body=form.body.data,
                             title=form.title.data if post.is_opening else None)
        except ModerationError as error:
            attach_error(form, error)
        else:
            flash(_("Edited and approved."), "success")
            return redirect(url_for(".queue_page"), 303)
    return render_template("moderation/edit.html", form=form, item=found)


@bp.post("/decisions/<id:decision_id>/undo")
@login_required
def undo(decision_id: int):
    require("moderation.review")
    decision = db.get_or_404(ReviewDecision, decision_id)
    try:
        decisions.undo(current_user, decision)
    except ModerationError as error:
        flash(error.message, "error")
    else:
        flash(_("Undone: the post and the item are as they were."), "success")
    return redirect(url_for(".item", item_id=decision.item_id), 303)


@bp.post("/items/<id:item_id>/<any(claim, unclaim):action>")
@login_required
def claim(item_id: int, action: str):
    require("moderation.review")
    found = db.get_or_404(ReviewItem, item_id)
    queue.claim(found, current_user if action == "claim" else None)
    return redirect(safe_next_url(request.form.get("next"), url_for(".item", item_id=item_id)),
                    303)


@bp.get("/posts/<id:post_id>")
@login_required
def moderate_post(post_id: int):
    """From the thread page: the post's item (opened if nobody queued the post)."""
    require("moderation.review")
    post = db.get_or_404(Post, post_id)
    return redirect(url_for(".item", item_id=queue.item_for(post).id))


@bp.route("/posts/<id:post_id>/flag", methods=["GET", "POST"])
@login_required
def flag(post_id: int):
    post = db.get_or_404(Post, post_id)
    if not queries.may_see(post, current_user):
        abort(404)
    form = FlagForm()
    if form.validate_on_submit():
        try:
            flags.raise_flag(current_user, post, FlagKind(form.kind.data),
                             form.message.data or "")
        except ModerationError as error:
            if error.status == 404:
                abort(404)
            attach_error(form, error)
            return render_template("moderation/flag.html", form=form, post=post), \
                error.status, retry_after(error)
        hidden = db.session.get(Post, post_id).visibility.value != "visible"
        flash(_("Thank you: the moderators will look at it.") + (
            " " + _("Enough members flagged it that it is hidden until then.")
            if hidden else ""), "success")
        return redirect(url_for("community.thread", thread_id=post.thread_id,
                                slug=post.thread.slug) + ("" if hidden else f"#post-{post.id}"),
                        303)
    if not can(current_user, "post.flag", post):
        form.form_errors.append(flags.why_not(current_user, post))
        return render_template("moderation/flag.html", form=form, post=post, closed=True), 403
    return render_template("moderation/flag.html", form=form, post=post)
