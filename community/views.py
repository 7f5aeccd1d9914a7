"""Forum pages: parse the request, call a service or a query, render. The ask page is in
ask_views.py, the search page in search_views.py, both on this blueprint."""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache, partial

from babel.dates import format_timedelta
from flask import (
    Blueprint,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf.csrf import generate_csrf

from app.clock import utcnow
from app.extensions import db, limiter
from app.permissions import can, require
from app.text import render_markdown
from app.web import attach_error, page_number
from community import (
    journey,
    notifications,
    page_cache,
    post_tools,
    queries,
    reputation,
    rules,
    services,
    thread_notices,
)
from community.forms import EditForm, EmailModeForm, ReplyForm
from community.journey import deflection
from community.journey import queries as journey_queries
from community.journey.models import Step
from community.models import EmailMode, Post, Thread, Visibility

bp = Blueprint("community", __name__, template_folder="templates")


@bp.app_context_processor
def _counters() -> dict:
    return {"me_too_text": me_too_text, "notification_text": notifications.text_of}


@bp.app_template_filter("ago")
def ago(moment) -> str:
    """'3 days ago' / '3 giorni fa' in the page's language."""
    seconds = _coarse(utcnow() - moment)
    return _("just now") if seconds < 60 else _ago(str(get_locale()), seconds)


def _coarse(delta) -> int:
    """Seconds rounded to the unit they will be shown in, so the text can be cached."""
    seconds = max(int(delta.total_seconds()), 0)
    for unit in (86400, 3600, 60):
        if seconds >= unit:
            return round(seconds / unit) * unit
    return seconds


@lru_cache(maxsize=4096)
def _ago(locale: str, seconds: int) -> str:
    return format_timedelta(timedelta(seconds=-seconds), add_direction=True, locale=locale)
PER_PAGE = 20


@bp.get("/")
def home():
    if not page_cache.applies():
        return _render_home()
    lists = queries.list_versions()
    return page_cache.serve(page_cache.key("home", *lists.key), _render_home, lists.changed_at)


def _render_home() -> str:
    return render_template(
        "community/home.html",
        categories=queries.top_categories(),
        recent=queries.recent_threads(),
        unanswered_24h=queries.unanswered_since(24),
    )


@bp.get("/c/<slug>")
def category(slug: str):
    list_name = request.args.get("list", "attention")
    if list_name not in queries.LISTS:
        abort(404)
    if list_name == "mine" and not current_user.is_authenticated:
        return redirect(url_for("accounts.sign_in", next=request.full_path))
    render = partial(_render_category, slug, list_name, page_number())
    if not page_cache.applies():
        return render()
    lists = queries.list_versions()
    return page_cache.serve(page_cache.key("category", slug, list_name, page_number(),
                                           *lists.key), render, lists.changed_at)


def _render_category(slug: str, list_name: str, number: int) -> str:
    found = queries.category_by_slug(slug)
    if found is None:
        abort(404)
    statement = queries.thread_list(list_name, found, current_user)
    page = db.paginate(statement, page=number, per_page=PER_PAGE, max_per_page=PER_PAGE)
    waiting = queries.not_visible([thread.id for thread in page.items]) \
        if list_name == "mine" else set()
    return render_template("community/category.html", category=found, list_name=list_name,
                           page=page, helpers=reputation.top_helpers(found, limit=5),
                           waiting=waiting)


@bp.get("/t/<id:thread_id>")
@bp.get("/t/<id:thread_id>/<slug>")
def thread(thread_id: int, slug: str | None = None):
    # A page reached from an ask-page suggestion asks "did this solve it?": never cached.
    banner = deflection.banner("thread", thread_id)
    if page_cache.applies() and banner is None:
        return _anonymous_thread(thread_id, slug)
    viewer = current_user._get_current_object() if current_user.is_authenticated else None
    page = queries.thread_page(thread_id, viewer, lean=True)
    if page is None:
        abort(404)
    if slug != page.thread.slug:
        return _canonical(page.thread)
    journey.note(Step.VIEWED_THREAD, thread_id=thread_id)
    html = _render_thread(page, banner=banner)
    if page.unread:  # after rendering: the commit would expire what the page shows
        notifications.mark_thread_read(viewer.id, thread_id)
    return html


def _anonymous_thread(thread_id: int, slug: str | None):
    """The same page for every signed-out visitor: see :mod:`community.page_cache`. The
    page names the view for its journey beacon, so every visit that loads it counts."""
    current = queries.thread_version(thread_id)
    if current is None:
        abort(404)
    if slug != current.slug:
        return _canonical(current)

    def render() -> str:
        page = queries.thread_page(thread_id, None, lean=True)
        if page is None:
            abort(404)
        journey.note(Step.VIEWED_THREAD, thread_id=thread_id)
        return _render_thread(page)

    return page_cache.serve(page_cache.key(thread_id, current.version, current.label_version),
                            render, current.last_activity_at)


def _canonical(thread):
    """One URL per thread: old or missing slugs redirect permanently."""
    return redirect(url_for(".thread", thread_id=thread.id, slug=thread.slug), 301)


def _render_thread(page: queries.ThreadPage, reply_form: ReplyForm | None = None,
                   banner: deflection.Banner | None = None) -> str:
    labels = _post_labels()
    posts = [page.question, *page.answers, *([page.accepted] if page.accepted else [])]
    labels["kept"] = page_cache.post_fragments(posts, page)
    # The question's HTML is the page's description; the others only when not kept.
    rendered = [post for post in posts if labels["kept"][post.id] is None]
    queries.load_bodies([page.question, *rendered])
    queries.load_authors(rendered)
    labels["helpful_counts"] = {count: helpful_text(count)
                                for count in {post.helpful_count for post in posts}}
    if reply_form is None and current_user.is_authenticated:  # a token opens a session
        reply_form = ReplyForm()
    return render_template("community/thread.html", page=page,
                           reply_form=reply_form, labels=labels,
                           journey=_journey_for_staff(page), deflection=banner,
                           thread_notices=thread_notices.for_page(
                               page.thread, current_user if page.viewer_id else None))


def _journey_for_staff(page: queries.ThreadPage):
    """The asker's journey before asking: staff only, so never on a cached page."""
    if page.viewer_id is None or not can(current_user, "journey.view"):
        return None
    return journey_queries.timeline(page.thread.id)


def _post_labels() -> dict:
    """Per-page constants for every post: translated strings (once per language and
    process), and the CSRF token for the buttons (signed-in pages only: an anonymous page
    must not open a session)."""
    member = current_user.is_authenticated
    return {**_translated_labels(str(get_locale())),
            "csrf": generate_csrf() if member else "",
            "tools": post_tools.for_viewer(current_user._get_current_object()) if member
            else [],
            "posts": url_for(".edit", post_id=1).removesuffix("/1/edit"),
            "profiles": url_for("accounts.profile", username="-").removesuffix("-")}


@lru_cache(maxsize=8)
def _translated_labels(_locale: str) -> dict[str, str]:
    """Keyed by the page's language, which ``_`` reads from the request."""
    return {"accepted": _("Accepted answer"), "edited": _("edited"), "helpful": _("Helpful"),
            "accept": _("Accept this answer"), "unaccept": _("Unaccept"), "edit": _("Edit"),
            "link": _("Link"), "staff": _("Staff"), "reputation": _("Reputation"),
            "pending": _("Waiting for a moderator: only you and staff see this."),
            "hidden": _("Removed by a moderator: only its author and staff see this."),
            "deleted": _("Deleted: only staff see this.")}


@bp.post("/t/<id:thread_id>/reply")
@login_required
def reply(thread_id: int):
    found = db.get_or_404(Thread, thread_id)
    form = ReplyForm()
    status, headers = 422, {}
    if form.validate_on_submit():
        try:
            post = services.reply(current_user, found, form.body.data)
        except services.CommunityError as error:
            if error.status == 404:
                abort(404)
            attach_error(form, error)
            status, headers = refusal_status(error, status)
        else:
            flash(*posted_message(post, _("Your answer is posted.")))
            return redirect(_post_url(post))
    # The page again, with the text kept and the reason next to it.
    page = queries.thread_page(thread_id, current_user._get_current_object(), lean=True)
    if page is None:
        abort(404)
    return _render_thread(page, form), status, headers


def refusal_status(error: services.CommunityError, default: int) -> tuple[int, dict]:
    """A page shown again with a refusal: 429 with ``Retry-After`` for a rate limit."""
    if error.status == 429:
        return 429, {"Retry-After": str(error.retry_after)} if error.retry_after else {}
    return default, {}


def posted_message(post: Post, published: str) -> tuple[str, str]:
    """The flash after posting: "posted", or why the post waits and what happens next."""
    if post.visibility == Visibility.VISIBLE:
        return published, "success"
    reason = f" {post.visibility_note}" if post.visibility_note else ""
    return _("Saved, and waiting for a moderator.%(reason)s Until it is approved only you and "
             "staff can see it; you will be notified when it is published.",
             reason=reason), "info"


def _post_url(post: Post) -> str:
    return url_for(".thread", thread_id=post.thread_id, slug=post.thread.slug) + \
        f"#post-{post.id}"


@bp.route("/posts/<id:post_id>/edit", methods=["GET", "POST"])
@login_required
def edit(post_id: int):
    post = db.get_or_404(Post, post_id)
    require("post.edit", post)
    form = EditForm(obj=post, title=post.thread.title, body=post.body_source)
    if not post.is_opening:
        del form.title
    if form.validate_on_submit():
        try:
            services.edit_post(current_user, post, form.body.data,
                               form.title.data if post.is_opening else None)
        except services.CommunityError as error:
            attach_error(form, error)
        else:
            flash(*posted_message(post, _("Your changes are saved.")))
            return redirect(_post_url(post))
    return render_template("community/edit.html", form=form, post=post)


@bp.get("/posts/<id:post_id>/revisions")
def revisions(post_id: int):
    """Earlier versions keep what an edit removed (a phone number, an e-mail address), so
    only the author and staff, who may edit the post, can read them."""
    post = db.get_or_404(Post, post_id)
    viewer = current_user if current_user.is_authenticated else None
    if viewer is None or not can(viewer, "post.edit", post) or not queries.may_see(post, viewer):
        abort(404)
    return render_template("community/revisions.html", post=post)


# --- buttons: vote, accept, me too, subscribe (JSON for scripts, redirects otherwise) ---


THREAD_ACTION_MESSAGES = {
    "me_too": _l("Noted, and you now follow this thread: you will hear of the solution."),
    "undo_me_too": _l("Taken back."),
    "subscribe": _l("You follow this thread: new replies will be in your notifications."),
    "unsubscribe": _l("You no longer follow this thread."),
}

ACTIONS = {
    "vote": (services.vote_helpful, lambda: _("Thanks for your vote.")),
    "unvote": (services.unvote_helpful, lambda: _("Your vote is withdrawn.")),
    "accept": (services.accept, lambda: _("Marked as the accepted answer.")),
    "unaccept": (services.unaccept, lambda: _("The answer is no longer accepted.")),
}


@bp.post("/posts/<id:post_id>/<any(vote, unvote, accept, unaccept):action>")
@login_required
def post_action(post_id: int, action: str):
    post = db.get_or_404(Post, post_id)
    service, message = ACTIONS[action]
    try:
        service(current_user, post)
    except services.CommunityError as error:
        return _answer(post.thread, error.message, error.status)
    db.session.refresh(post)
    return _answer(post.thread, message(), 200, post=post)


@bp.post("/t/<id:thread_id>/<any(me_too, undo_me_too, subscribe, unsubscribe):action>")
@login_required
def thread_action(thread_id: int, action: str):
    found = db.get_or_404(Thread, thread_id)
    try:
        if action == "me_too":
            services.me_too(current_user, found)
        elif action == "undo_me_too":
            services.undo_me_too(current_user, found)
        else:
            services.set_subscribed(current_user, found, action == "subscribe")
    except services.CommunityError as error:
        return _answer(found, error.message, error.status)
    db.session.refresh(found)
    return _answer(found, str(THREAD_ACTION_MESSAGES[action]), 200)


def helpful_text(count: int) -> str:
    if not count:
        return ""
    return ngettext("%(num)d found this helpful", "%(num)d found this helpful", count)


def me_too_text(count: int) -> str:
    if not count:
        return ""
    return ngettext("%(num)d person has this problem too",
                    "%(num)d people have this problem too", count)


def _answer(thread: Thread, message: str, status: int, post: Post | None = None):
    """JSON for the page's script (``Accept: application/json``), else flash and redirect."""
    if request.accept_mimetypes.best == "application/json":
        count_text = (helpful_text(post.helpful_count) if post is not None
                      else me_too_text(thread.me_too_count))
        return jsonify({"message": message, "count_text": count_text}), status
    flash(message, "success" if status == 200 else "error")
    anchor = f"#post-{post.id}" if post is not None else ""
    return redirect(url_for(".thread", thread_id=thread.id, slug=thread.slug) + anchor, 303)


# --- notifications ----------------------------------------------------------------------


@bp.route("/notifications", methods=["GET", "POST"])
@login_required
def notifications_page():
    form = EmailModeForm(mode=notifications.email_mode(current_user.id).value)
    if form.validate_on_submit():
        notifications.set_email_mode(current_user.id, EmailMode(form.mode.data))
        flash(_("Your e-mail preference is saved."), "success")
        return redirect(url_for(".notifications_page"))
    items = notifications.recent(current_user.id)
    return render_template("community/notifications.html", items=items, form=form)


@bp.post("/notifications/read")
@login_required
def notifications_read():
    notifications.mark_all_read(current_user.id)
    return redirect(url_for(".notifications_page"), 303)


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
def unsubscribe(token: str):
    """Works without signing in: the signed token names the member."""
    user = notifications.user_for_unsubscribe_token(token)
    if user is None:
        abort(404)
    if request.method == "POST":
        notifications.set_email_mode(user.id, EmailMode.OFF)
        return render_template("community/unsubscribed.html", user=user)
    return render_template("community/unsubscribe.html", user=user)


@bp.post("/preview")
@login_required
@limiter.limit("60 per minute")
def preview():
    """Markdown as it will look once posted (the same renderer and sanitizer)."""
    source = request.form.get("body", "")[: rules.BODY_MAX]
    return jsonify({"html": str(render_markdown(source))})
