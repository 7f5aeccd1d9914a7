"""Knowledge-base pages: reading and rating articles (everyone), writing and reviewing
them (staff), and choosing one's products (members). Thin: parse, call, render."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.extensions import db, limiter
from app.i18n import select_locale
from app.permissions import can, require
from app.security import csrf_for_visitor, form_for_everyone
from app.web import attach_error
from community import page_cache
from community import queries as forum_queries
from community.journey import deflection, note, visitor_key
from community.journey.models import Step
from community.knowledge import queries, services
from community.knowledge.forms import (
    ArticleForm,
    EditArticleForm,
    FeedbackForm,
    FeedbackReasonForm,
    ProductsForm,
    ReviewForm,
)
from community.knowledge.models import Article, RevisionState
from community.models import Category, Post
from community.services import CommunityError

bp = Blueprint("knowledge", __name__, template_folder="templates")


def _language() -> str:
    return select_locale() or "en"


def _article_or_404(article_id: int) -> Article:
    article = queries.article_for(article_id)
    if article is None or not (article.is_readable
                               or can(current_user, "article.view_unpublished")):
        abort(404)
    return article


# --- readers -----------------------------------------------------------------------------


@bp.get("/kb")
def index():
    if not page_cache.applies():
        return _render_index()
    lists = forum_queries.list_versions()
    return page_cache.serve(page_cache.key("kb", _language(), *lists.key), _render_index,
                            lists.changed_at)


def _render_index() -> str:
    products = queries.products_of(current_user)
    by_area = queries.top_articles_by_area(language=_language(), products=products)
    areas = [(category, by_area.get(category.id, []))
             for category in forum_queries.top_categories()]
    featured = queries.top_articles(language=_language(), products=products, limit=6)
    return render_template("knowledge/index.html", areas=[a for a in areas if a[1]],
                           featured=featured, has_products=bool(products))


@bp.get("/kb/<id:article_id>")
@bp.get("/kb/<id:article_id>/<slug>")
def article(article_id: int, slug: str | None = None):
    if page_cache.applies() and request.args.get("feedback") is None \
            and deflection.banner("article", article_id) is None:
        current = queries.readable_version(article_id)
        if current is not None and current.slug == slug:
            return page_cache.serve(page_cache.key("article", article_id, current.version,
                                                   current.source_version),
                                    lambda: _read(article_id, slug), current.updated_at)
    return _read(article_id, slug)


def _read(article_id: int, slug: str | None):
    found = _article_or_404(article_id)
    if found.is_readable and slug != found.slug:
        return redirect(url_for(".article", article_id=found.id, slug=found.slug), 301)
    note(Step.VIEWED_ARTICLE, article_id=found.id)
    return _render_article(found)


def _render_article(found: Article, reason_form: FeedbackReasonForm | None = None) -> str:
    staff = can(current_user, "article.view_unpublished")
    return render_template(
        "knowledge/article.html", article=found, revision=found.current_revision,
        latest=queries.latest_revision(found) if staff else None, staff=staff,
        feedback_form=FeedbackForm(meta=csrf_for_visitor()),
        reason_form=reason_form or FeedbackReasonForm(meta=csrf_for_visitor()),
        ask_reason=request.args.get("feedback") == "reason" or reason_form is not None,
        related=queries.top_articles(language=found.language, category=found.category,
                                     limit=6),
    )


@bp.post("/kb/<id:article_id>/feedback")
@limiter.limit("30 per hour")
@form_for_everyone
def feedback(article_id: int):
    found = _article_or_404(article_id)
    form = FeedbackForm(meta=csrf_for_visitor())
    if not form.validate_on_submit():
        flash(_("Choose yes or no."), "error")
        return redirect(url_for(".article", article_id=found.id, slug=found.slug))
    helpful = form.helpful.data == "yes"
    _rate(found, helpful=helpful)
    if helpful:
        flash(_("Thank you! Glad it helped."), "success")
        return redirect(url_for(".article", article_id=found.id, slug=found.slug))
    return redirect(url_for(".article", article_id=found.id, slug=found.slug,
                            feedback="reason", _anchor="feedback"))


@bp.post("/kb/<id:article_id>/feedback/reason")
@limiter.limit("30 per hour")
@form_for_everyone
def feedback_reason(article_id: int):
    found = _article_or_404(article_id)
    form = FeedbackReasonForm(meta=csrf_for_visitor())
    if not form.validate_on_submit():
        return _render_article(found, reason_form=form), 422
    _rate(found, helpful=False, reason=form.reason.data, comment=form.comment.data or "")
    flash(_("Thank you. Your answer goes to the people who maintain this article."), "success")
    return redirect(url_for(".article", article_id=found.id, slug=found.slug))


def _rate(found: Article, **answer) -> None:
    try:
        services.rate(found, visitor=visitor_key(), user=current_user, **answer)
    except CommunityError as error:
        abort(error.status if error.status in (403, 404, 409) else 422)


@bp.route("/account/products", methods=["GET", "POST"])
@login_required
def products():
    form = ProductsForm(products=queries.products_of(current_user))
    form.products.choices = [(category.id, category.name) for category in queries.all_areas()]
    if form.validate_on_submit():
        services.set_products(current_user, form.products.data)
        flash(_("Your products are saved."), "success")
        return redirect(url_for(".products"))
    return render_template("knowledge/products.html", form=form), 422 if form.errors else 200


# --- staff -------------------------------------------------------------------------------


@bp.get("/kb/manage")
@login_required
def manage():
    require("article.write")
    tab = request.args.get("tab", "review")
    lists = {
        "review": queries.awaiting_review, "rereview": queries.flagged_for_review,
        "candidates": queries.candidates, "least-helpful": queries.least_helpful,
        "drafts": queries.drafts, "archived": queries.archived,
    }
    if tab not in lists:
        abort(404)
    rows = lists[tab]()
    ids = [article.id for article in rows] if tab == "least-helpful" else []
    return render_template("knowledge/manage.html", tab=tab, rows=rows, tabs=list(lists),
                           reasons=queries.feedback_reasons(ids),
                           comments=queries.recent_comments(ids))


@bp.route("/kb/new", methods=["GET", "POST"])
@login_required
def new():
    require("article.write")
    form = ArticleForm(language=_language())
    form.category.choices = [("", _("Choose a product area")),
                             *((c.id, c.name) for c in queries.all_areas())]
    if form.validate_on_submit():
        try:
            created = services.create(
                current_user, title=form.title.data, body=form.body.data,
                category=db.session.get(Category, form.category.data),
                language=form.language.data, submit=form.submit_for_review.data)
        except CommunityError as error:
            attach_error(form, error)
        else:
            flash(_("Article saved."), "success")
            return redirect(url_for(".article", article_id=created.id, slug=created.slug))
    return render_template("knowledge/edit.html", form=form, article=None), (
        422 if form.errors else 200)


@bp.route("/kb/<id:article_id>/edit", methods=["GET", "POST"])
@login_required
def edit(article_id: int):
    require("article.write")
    found = _article_or_404(article_id)
    latest = queries.latest_revision(found)
    form = EditArticleForm(title=latest.title, body=latest.body_source)
    if form.validate_on_submit():
        try:
            services.edit(current_user, found, title=form.title.data, body=form.body.data,
                          note=form.note.data or "", submit=form.submit_for_review.data)
        except CommunityError as error:
            attach_error(form, error)
        else:
            flash(_("Your revision is saved. Readers see it once a reviewer approves it.")
                  if found.current_revision_id else _("Article saved."), "success")
            return redirect(url_for(".article", article_id=found.id, slug=found.slug))
    return render_template("knowledge/edit.html", form=form, article=found), (
        422 if form.errors else 200)


@bp.route("/kb/<id:article_id>/review", methods=["GET", "POST"])
@login_required
def review(article_id: int):
    require("article.write")
    found = _article_or_404(article_id)
    latest = queries.latest_revision(found)
    form = ReviewForm(revision_id=latest.id)
    if form.validate_on_submit():
        decision = request.form.get("decision")
        try:
            _decide(found, decision, form.comment.data or "", form.revision_id.data)
        except CommunityError as error:
            if error.status in (403, 409):
                flash(error.message, "error")
                return redirect(url_for(".review", article_id=found.id))
            attach_error(form, error)
        else:
            return redirect(url_for(".article", article_id=found.id, slug=found.slug))
    return render_template(
        "knowledge/review.html", article=found, latest=latest, form=form,
        can_decide=latest.state == RevisionState.IN_REVIEW
        and can(current_user, "article.review", latest),
    ), 422 if form.errors else 200


def _decide(found: Article, decision: str | None, comment: str,
            revision_id: int | None) -> None:
    if decision in ("approve", "reject") and revision_id is None:
        abort(400)
    if decision == "approve":
        services.approve(current_user, found, comment, revision_id)
        flash(_("Published. Readers now see this revision."), "success")
    elif decision == "reject":
        services.reject(current_user, found, comment, revision_id)
        flash(_("Sent back to the author with your comment."), "success")
    elif decision == "confirm":
        services.confirm_accurate(current_user, found)
        flash(_("Marked as still accurate."), "success")
    else:
        abort(400)


@bp.post("/kb/<id:article_id>/<any(submit, archive, restore):action>")
@login_required
def article_action(article_id: int, action: str):
    require("article.write")
    found = _article_or_404(article_id)
    messages = {"submit": _("Sent to review."), "archive": _("Archived: readers no longer "
                "see this article."), "restore": _("Restored.")}
    try:
        getattr(services, action)(current_user, found)
    except CommunityError as error:
        flash(error.message, "error")
    else:
        flash(messages[action], "success")
    return redirect(url_for(".article", article_id=found.id, slug=found.slug))


@bp.get("/kb/<id:article_id>/history")
@login_required
def history(article_id: int):
    require("article.view_unpublished")
    found = _article_or_404(article_id)
    return render_template("knowledge/history.html", article=found,
                           revisions=queries.revisions_of(found))


@bp.post("/posts/<id:post_id>/promote")
@login_required
def promote(post_id: int):
    require("article.write")
    post = db.get_or_404(Post, post_id)
    try:
        created = services.promote(current_user, post)
    except CommunityError as error:
        flash(error.message, "error")
        return redirect(url_for("community.thread", thread_id=post.thread_id,
                                slug=post.thread.slug))
    flash(_("Draft created and sent to review. Check what was removed before publishing."),
          "success")
    return redirect(url_for(".review", article_id=created.id))


@bp.post("/kb/candidates/<id:thread_id>/dismiss")
@login_required
def dismiss_candidate(thread_id: int):
    require("article.write")
    try:
        services.dismiss_candidate(current_user, thread_id)
    except CommunityError as error:
        abort(error.status)
    flash(_("Candidate dismissed."), "success")
    return redirect(url_for(".manage", tab="candidates"))
