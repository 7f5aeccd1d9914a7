"""Tag pages: ``/tags`` (the most used tags) and ``/tags/<name>`` (a tag's description, the
articles promoted from its threads, and its threads, newest activity first), where every
tag on a thread leads; moderators describe a tag there."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from app.extensions import db
from app.permissions import can, require
from app.web import page_number
from community import queries, tags
from community.forms import TagDescriptionForm
from community.knowledge.models import Article
from community.knowledge.queries import readable
from community.models import Thread
from community.views import PER_PAGE, bp

ARTICLES_SHOWN = 5
TAGS_PER_PAGE = 60


@bp.get("/tags")
def tag_index():
    listed = queries.listed()
    page = db.paginate(tags.popular(listed), page=page_number(), per_page=TAGS_PER_PAGE,
                       max_per_page=TAGS_PER_PAGE)
    return render_template("community/tags.html", page=page,
                           uses=tags.uses(listed, [tag.id for tag in page.items]))


@bp.get("/tags/<name>")
def tag(name: str, form: TagDescriptionForm | None = None):
    found = tags.tag_by_name(name)
    if found is None:
        abort(404)
    if found.name != name:
        return redirect(url_for(".tag", name=found.name), 301)
    every = queries.thread_list("all")  # no list's filter: every visible thread, by activity
    threads = db.paginate(tags.tagged(every, found),
                          page=page_number(), per_page=PER_PAGE, max_per_page=PER_PAGE)
    if not threads.total and not found.description:
        abort(404)  # only held or removed threads carry it: nothing to show, nor to tell
    if form is None and can(current_user, "tag.describe", found):
        form = TagDescriptionForm(description=found.description)
    return render_template("community/tag.html", tag=found, page=threads, form=form,
                           articles=_articles(found) if threads.page == 1 else [])


@bp.post("/tags/<name>/description")
@login_required
def describe_tag(name: str):
    found = tags.tag_by_name(name)
    if found is None:
        abort(404)
    require("tag.describe", found)
    form = TagDescriptionForm()
    if not form.validate_on_submit():
        return tag(found.name, form=form), 422
    tags.describe(found, form.description.data or "")
    flash(_("The description of “%(tag)s” is saved.", tag=found.name), "success")
    return redirect(url_for(".tag", name=found.name), 303)


def _articles(found) -> list[Article]:
    """Readable articles promoted from threads with the tag (articles have no tags)."""
    from_tagged = tags.tagged(select(Thread.id), found)
    return list(db.session.scalars(
        readable().where(Article.source_thread_id.in_(from_tagged))
        .order_by(Article.view_count.desc(), Article.id.desc()).limit(ARTICLES_SHOWN)))
