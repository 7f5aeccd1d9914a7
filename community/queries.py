"""What the forum's pages read. Each function is a fixed number of queries whatever the
size of the thread or list, so pages stay fast as the community grows.

Hidden and deleted posts are filtered here, in SQL; pending posts are shown to their
author and to staff only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache

from sqlalchemy import and_, bindparam, case, exists, func, inspect, literal, or_, select, union_all
from sqlalchemy.orm import aliased, contains_eager, defer, joinedload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db
from app.permissions import can
from community.models import (
    Category,
    HelpfulVote,
    MemberProfile,
    MeToo,
    Notification,
    Post,
    Subscription,
    Thread,
    ThreadKind,
    ThreadLink,
    ThreadStatus,
    Visibility,
)
from community.reputation import reputation_of

LISTS = ("attention", "unanswered", "solved", "newest", "mine")


# --- home and categories ----------------------------------------------------------------


def top_categories() -> list[Category]:
    """Top-level categories in order, children loaded, in two queries."""
    return list(db.session.scalars(
        select(Category).where(Category.parent_id.is_(None))
        .options(selectinload(Category.children))
        .order_by(Category.position, Category.name)
    ))


@dataclass(frozen=True)
class ListVersions:
    """What the pages that list threads and articles are keyed on (community/versions.py)."""

    count: int
    version: int
    changed_at: datetime | None

    @property
    def key(self) -> tuple[int, int]:
        return (self.count, self.version)


_LIST_VERSIONS = select(func.count(), func.coalesce(func.sum(Category.version), 0),
                        func.max(Category.changed_at))


def list_versions() -> ListVersions:
    """Every category's version at once: one small query (categories are few)."""
    count, version, changed_at = db.session.connection().execute(_LIST_VERSIONS).one()
    return ListVersions(count, int(version), changed_at)


def category_by_slug(slug: str) -> Category | None:
    return db.session.scalar(
        select(Category).where(Category.slug == slug).options(selectinload(Category.children))
    )


def unanswered_since(hours: int = 24) -> int:
    since = utcnow() - timedelta(hours=hours)
    return db.session.scalar(
        select(func.count()).select_from(Thread)
        .where(Thread.kind == ThreadKind.QUESTION, Thread.answered_at.is_(None),
               Thread.created_at >= since, Thread.status == ThreadStatus.OPEN)
    ) or 0


def thread_list(list_name: str, category: Category | None = None, viewer: User | None = None):
    """The statement behind a category's list, newest activity first. "mine" (the
    threads the viewer asked or replied in) needs a signed-in viewer."""
    statement = (select(Thread)
                 .options(joinedload(Thread.author), joinedload(Thread.last_poster),
                          joinedload(Thread.category), selectinload(Thread.tags)))
    viewer_id = viewer.id if viewer is not None and viewer.is_authenticated else None
    if list_name == "mine":  # the viewer's own questions waiting or removed are theirs too
        statement = statement.where(or_(_question_visible(), and_(
            Thread.author_id == viewer_id, _question_visible(AUTHOR_SEES))))
    else:
        statement = statement.where(_question_visible())
    if category is not None:
        ids = [category.id, *(child.id for child in category.children)]
        statement = statement.where(Thread.category_id.in_(ids))
    open_question = and_(Thread.kind == ThreadKind.QUESTION,
                         Thread.status == ThreadStatus.OPEN)
    if list_name == "attention":
        # Unsolved, and either nobody answered or the asker spoke last (waiting on us).
        statement = statement.where(open_question, or_(
            Thread.answered_at.is_(None), Thread.last_poster_id == Thread.author_id))
    elif list_name == "unanswered":  # the asker's own follow-ups are not answers
        statement = statement.where(open_question, Thread.answered_at.is_(None))
    elif list_name == "solved":  # archived solved threads stay in this list
        statement = statement.where(Thread.accepted_post_id.is_not(None))
    elif list_name == "mine":
        statement = statement.where(or_(
            Thread.author_id == viewer_id,
            exists().where(Post.thread_id == Thread.id, Post.author_id == viewer_id)))
    if list_name == "newest":
        return statement.order_by(Thread.created_at.desc(), Thread.id.desc())
    return statement.order_by(Thread.last_activity_at.desc(), Thread.id.desc())


def _question_visible(states=(Visibility.VISIBLE,)):
    """A thread is listed only while its opening post is visible (not held or hidden)."""
    opening = aliased(Post)  # the outer query may select posts itself
    return exists().where(opening.thread_id == Thread.id, opening.is_opening.is_(True),
                          opening.visibility.in_(states))


def listed():
    """The condition a thread meets to be listed for readers: its question is visible."""
    return _question_visible()


def not_visible(thread_ids: list[int]) -> set[int]:
    """Which of these threads' questions readers cannot see (held or removed): the author's
    "Mine" list marks them."""
    if not thread_ids:
        return set()
    return set(db.session.scalars(select(Post.thread_id).where(
        Post.thread_id.in_(thread_ids), Post.is_opening.is_(True),
        Post.visibility != Visibility.VISIBLE)))


def recent_threads(limit: int = 10) -> list[Thread]:
    return list(db.session.scalars(thread_list("recent").limit(limit)))


# --- the thread page --------------------------------------------------------------------


@dataclass
class ThreadPage:
    thread: Thread
    question: Post
    accepted: Post | None
    answers: list[Post]
    reputation: dict[int, int]
    voted: set[int] = field(default_factory=set)
    me_too: bool = False
    subscribed: bool = False
    unread: bool = False  # the viewer has unread notifications about this thread
    # What the viewer may do, decided once here rather than once per post in the template.
    viewer_id: int | None = None
    can_accept: bool = False
    editable: set[int] = field(default_factory=set)
    # The knowledge-base article made from this thread, and related or duplicate questions.
    article: object | None = None
    related: list[tuple[Thread, str]] = field(default_factory=list)


# The statements every thread page runs are built once, here, with their parameters bound
# per request: building a select and its cache key each time cost a member's page more
# than running it.
@lru_cache(maxsize=1)
def _thread_statement():
    """The thread, and whether an article was made from it (most have none: no query)."""
    from community.knowledge.models import Article, ArticleStatus

    has_article = exists().where(Article.source_thread_id == Thread.id,
                                 Article.status != ArticleStatus.ARCHIVED)
    return (select(Thread, has_article.label("has_article"))
            .where(Thread.id == bindparam("thread_id"))
            .options(joinedload(Thread.category).joinedload(Category.parent),
                     joinedload(Thread.tags)))


def thread_page(thread_id: int, viewer: User | None, *, lean: bool = False) -> ThreadPage | None:
    """The thread as ``viewer`` may see it. ``lean``: for the web page, which never shows
    the Markdown and keeps posts' HTML (see :func:`_visible_posts`); the API shows both."""
    row = db.session.execute(_thread_statement(), {"thread_id": thread_id}).unique().first()
    if row is None:
        return None
    thread, has_article = row
    posts, reputation = _visible_posts(thread, viewer, lean)
    opening = next((post for post in posts if post.is_opening), None)
    if opening is None:
        return None
    accepted = next((post for post in posts if post.id == thread.accepted_post_id), None)
    replies = [post for post in posts if not post.is_opening and post is not accepted]
    if thread.is_question:  # the best answers first; a discussion reads in time order
        replies.sort(key=lambda post: (-post.helpful_count, post.created_at, post.id))
    answers = replies
    # Only imports link threads so far; native threads skip the query.
    related = related_threads(thread.id) if thread.external_id else []
    page = ThreadPage(thread, opening, accepted, answers, reputation,
                      article=_article_from(thread.id) if has_article else None,
                      related=related)
    if viewer is not None and viewer.is_authenticated:
        _viewer_state(page, viewer, [post.id for post in posts])
        page.viewer_id = viewer.id
        page.can_accept = thread.is_question and can(viewer, "post.accept", thread)
        page.editable = {post.id for post in posts if can(viewer, "post.edit", post)}
    return page


def _article_from(thread_id: int):
    from community.knowledge.queries import article_from_thread

    return article_from_thread(thread_id)


def related_threads(thread_id: int, limit: int = 10) -> list[tuple[Thread, str]]:
    """Questions linked to this one either way: "related", "duplicate" (this one duplicates
    it) or "duplicated_by"."""
    other = case((ThreadLink.thread_id == thread_id, ThreadLink.linked_thread_id),
                 else_=ThreadLink.thread_id)
    # A duplicate link points from the duplicate to the original: seen from the original,
    # the other thread is one of its duplicates.
    kind = case((and_(ThreadLink.kind == "duplicate", ThreadLink.linked_thread_id == thread_id),
                 "duplicated_by"), else_=ThreadLink.kind)
    rows = db.session.execute(
        select(Thread, kind)
        .join(ThreadLink, Thread.id == other)
        .where(or_(ThreadLink.thread_id == thread_id, ThreadLink.linked_thread_id == thread_id),
               _question_visible())
        .order_by(Thread.id).limit(limit)
    ).all()
    return [(thread, kind) for thread, kind in rows]


# Besides visible posts: what authors see of their own (marked as waiting, or removed with
# the reason), and what staff see of everyone's (so they can restore it).
AUTHOR_SEES = (Visibility.PENDING, Visibility.HIDDEN)
STAFF_SEES = (Visibility.PENDING, Visibility.HIDDEN, Visibility.DELETED)


def may_see(post: Post, viewer: User | None) -> bool:
    """The same rule as the thread page: everyone sees visible posts; authors their own
    pending and hidden ones; staff every post, deleted ones included."""
    if post.visibility == Visibility.VISIBLE:
        return True
    if viewer is None or not viewer.is_authenticated:
        return False
    if can(viewer, "post.view_hidden"):
        return post.visibility in STAFF_SEES
    return post.visibility in AUTHOR_SEES and post.author_id == viewer.id


def thread_visible_to(thread: Thread, viewer: User | None) -> bool:
    opening = db.session.scalar(
        select(Post).where(Post.thread_id == thread.id, Post.is_opening.is_(True)))
    return opening is not None and may_see(opening, viewer)


def _visible_posts(thread: Thread, viewer: User | None,
                   lean: bool = False) -> tuple[list[Post], dict[int, int]]:
    """The posts this viewer may see, with their authors and the authors' reputation.

    ``lean`` (the web page) leaves the Markdown out, and for a member the HTML (but the
    question's) and the authors too: their page's post heads and bodies usually come from
    the fragment cache, and :func:`load_bodies` and :func:`load_authors` read the few that
    do not."""
    member = viewer is not None and viewer.is_authenticated
    sees = ("staff" if can(viewer, "post.view_hidden") else "author") if member else "all"
    rows = db.session.execute(_posts_statement(sees, lean, member), {
        "thread_id": thread.id, "viewer_id": viewer.id if member else None}).all()
    for post, _points, *opening_html in rows:
        if opening_html and post.is_opening:  # the page's description needs it
            set_committed_value(post, "body_html", opening_html[0])
    return [row[0] for row in rows], {row[0].author_id: row[1] or 0 for row in rows}


@lru_cache(maxsize=16)
def _posts_statement(sees: str, lean: bool, member: bool):
    shown = [Post.visibility == Visibility.VISIBLE]
    if sees == "staff":
        shown.append(Post.visibility.in_(STAFF_SEES))
    elif sees == "author":
        shown.append(and_(Post.visibility.in_(AUTHOR_SEES),
                          Post.author_id == bindparam("viewer_id")))
    deferred = [defer(Post.body_source), *([defer(Post.body_html)] if member else [])] \
        if lean else []
    if lean and member:
        statement = select(Post, MemberProfile.reputation,
                           case((Post.is_opening, Post.body_html)).label("opening_html"))
    else:
        statement = (select(Post, MemberProfile.reputation).join(Post.author)
                     .options(contains_eager(Post.author)))
    return (statement.outerjoin(MemberProfile, MemberProfile.user_id == Post.author_id)
            .options(*deferred)
            .where(Post.thread_id == bindparam("thread_id"), or_(*shown))
            .order_by(Post.id))


def load_bodies(posts: list[Post]) -> None:
    """Read the HTML of ``posts`` left out by :func:`_visible_posts`, in one query."""
    missing = {post.id: post for post in posts if "body_html" in inspect(post).unloaded}
    if not missing:
        return
    rows = db.session.execute(select(Post.id, Post.body_html).where(Post.id.in_(missing)))
    for post_id, html in rows:
        set_committed_value(missing[post_id], "body_html", html)


def load_authors(posts: list[Post]) -> None:
    """Read the authors of ``posts`` left out by :func:`_visible_posts`, in one query."""
    missing = [post for post in posts if "author" in inspect(post).unloaded]
    if not missing:
        return
    authors = {user.id: user for user in db.session.scalars(
        select(User).where(User.id.in_({post.author_id for post in missing})))}
    for post in missing:
        set_committed_value(post, "author", authors[post.author_id])


_VIEWER_STATE = union_all(
    select(HelpfulVote.post_id, literal("vote")).where(
        HelpfulVote.user_id == bindparam("viewer_id"),
        HelpfulVote.post_id.in_(bindparam("post_ids", expanding=True))),
    select(MeToo.thread_id, literal("me_too")).where(
        MeToo.user_id == bindparam("viewer_id"), MeToo.thread_id == bindparam("thread_id")),
    select(Subscription.thread_id, literal("subscribed")).where(
        Subscription.user_id == bindparam("viewer_id"),
        Subscription.thread_id == bindparam("thread_id")),
    select(literal(0), literal("unread")).where(exists().where(
        Notification.user_id == bindparam("viewer_id"),
        Notification.thread_id == bindparam("thread_id"), Notification.read_at.is_(None))),
)


def _viewer_state(page: ThreadPage, viewer: User, post_ids: list[int]) -> None:
    """What this viewer did here (votes, "me too", subscription) and whether they have
    unread notifications about it, in one query."""
    rows = db.session.execute(_VIEWER_STATE, {
        "viewer_id": viewer.id, "thread_id": page.thread.id, "post_ids": post_ids}).all()
    page.voted = {ident for ident, kind in rows if kind == "vote"}
    page.me_too = any(kind == "me_too" for _ident, kind in rows)
    page.subscribed = any(kind == "subscribed" for _ident, kind in rows)
    page.unread = any(kind == "unread" for _ident, kind in rows)


_THREAD_VERSION = (select(Thread.id, Thread.slug, Thread.version, Thread.last_activity_at,
                          Category.label_version)
                   .join(Category, Category.id == Thread.category_id)
                   .where(Thread.id == bindparam("thread_id")))


def thread_version(thread_id: int):
    """(id, slug, version, last_activity_at, label_version) of a thread (the last is its
    area's, renamed: the breadcrumb names it), for the anonymous page cache
    and its ETag: one small query, sent on the session's connection without the ORM (a
    cache hit is little else)."""
    return db.session.connection().execute(_THREAD_VERSION, {"thread_id": thread_id}).first()


# --- people -------------------------------------------------------------------------------


@dataclass
class Activity:
    threads: list[Thread]
    answers: list[Post]
    accepted: list[Post]
    reputation: int


def activity_of(user: User, limit: int = 20) -> Activity:
    threads = list(db.session.scalars(
        select(Thread).where(Thread.author_id == user.id, _question_visible())
        .order_by(Thread.created_at.desc()).limit(limit)))
    answers = list(db.session.scalars(
        select(Post).join(Post.thread)
        .options(contains_eager(Post.thread))
        .where(Post.author_id == user.id, Post.is_opening.is_(False),
               Post.visibility == Visibility.VISIBLE, _question_visible())
        .order_by(Post.created_at.desc()).limit(limit)))
    accepted = list(db.session.scalars(
        select(Post).join(Thread, Thread.accepted_post_id == Post.id)
        .options(contains_eager(Post.thread))
        .where(Post.author_id == user.id, Post.visibility == Visibility.VISIBLE,
               _question_visible())
        .order_by(Post.created_at.desc()).limit(limit)))
    return Activity(threads, answers, accepted, reputation_of({user.id}).get(user.id, 0))
