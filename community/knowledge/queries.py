"""Reading the knowledge base: what a reader may see, and lists for pages."""

from __future__ import annotations

from sqlalchemy import bindparam, case, func, or_, select
from sqlalchemy.orm import aliased, contains_eager, joinedload, selectinload

from app.extensions import db
from community.knowledge import rules
from community.knowledge.models import (
    Article,
    ArticleFeedback,
    ArticleRevision,
    ArticleStatus,
    PromotionCandidate,
    RevisionState,
)
from community.models import Category, Thread, member_products


def readable():
    """Articles readers may open: a revision was approved and the article is not archived."""
    return (select(Article)
            .where(Article.current_revision_id.is_not(None),
                   Article.status == ArticleStatus.PUBLISHED)
            .options(joinedload(Article.current_revision), joinedload(Article.category)))


def readable_articles(ids: list[int]) -> dict[int, Article]:
    """The readable articles among ``ids`` (e.g. search hits), loaded for a result list."""
    if not ids:
        return {}
    return {article.id: article
            for article in db.session.scalars(readable().where(Article.id.in_(ids)))}


def article_from_thread(thread_id: int) -> Article | None:
    """The article promoted from this thread, readable or not (the page decides who sees a
    draft): one thread makes at most one live article; archived ones do not count."""
    return db.session.scalar(_FROM_THREAD, {"thread_id": thread_id})


_FROM_THREAD = (select(Article).where(Article.source_thread_id == bindparam("thread_id"),
                                      Article.status != ArticleStatus.ARCHIVED)
                .options(joinedload(Article.current_revision))
                .order_by(Article.id.desc()).limit(1))  # built once: every thread page runs it


def article_for(article_id: int) -> Article | None:
    return db.session.scalar(
        select(Article).where(Article.id == article_id)
        .options(joinedload(Article.current_revision), joinedload(Article.category),
                 joinedload(Article.source_thread), joinedload(Article.author)))


_FAMILY = aliased(Category)
_READABLE_VERSION = (
    select(Article.slug, Article.updated_at,
           select(func.sum(_FAMILY.version)).where(or_(
               _FAMILY.id == Article.category_id, _FAMILY.parent_id == Article.category_id))
           .scalar_subquery().label("version"),
           select(Thread.version).where(Thread.id == Article.source_thread_id)
           .scalar_subquery().label("source_version"))
    .where(Article.id == bindparam("article_id"), Article.status == ArticleStatus.PUBLISHED,
           Article.current_revision_id.is_not(None)))


def readable_version(article_id: int):
    """(slug, updated_at, version, source_version) of a readable article: ``version`` is
    its area's and subareas' (which any change to it or its "related" list bumps:
    community/versions.py), ``source_version`` the thread it was promoted from (its title
    and link are on the page). One small query."""
    return db.session.connection().execute(_READABLE_VERSION,
                                           {"article_id": article_id}).first()


def latest_revision(article: Article) -> ArticleRevision | None:
    return db.session.scalar(
        select(ArticleRevision).where(ArticleRevision.article_id == article.id)
        .options(joinedload(ArticleRevision.author))
        .order_by(ArticleRevision.id.desc()).limit(1))


def revisions_of(article: Article) -> list[ArticleRevision]:
    return list(db.session.scalars(
        select(ArticleRevision).where(ArticleRevision.article_id == article.id)
        .options(joinedload(ArticleRevision.author), joinedload(ArticleRevision.reviewer))
        .order_by(ArticleRevision.id.desc())))


def _helpfulness():
    return (Article.helpful_yes + 1) * 1.0 / (Article.helpful_yes + Article.helpful_no + 2)


def _faq_order(language: str, products: list[int]) -> list:
    order = [case((Article.category_id.in_(products), 0), else_=1)] if products else []
    return [*order, case((Article.language == language, 0), else_=1),
            _helpfulness().desc(), Article.view_count.desc(), Article.id.desc()]


def top_articles(*, language: str, category: Category | None = None,
                 products: list[int] = (), limit: int = 5) -> list[Article]:
    """The contextual FAQ: the most helpful, most read articles of a product area. A
    member's own products come first, then articles in their language."""
    statement = readable()
    if category is not None:
        ids = [category.id, *(child.id for child in category.children)]
        statement = statement.where(Article.category_id.in_(ids))
    order = _faq_order(language, list(products))
    return list(db.session.scalars(statement.order_by(*order).limit(limit)))


def top_articles_by_area(*, language: str, products: list[int] = (),
                         per_area: int = 5) -> dict[int, list[Article]]:
    """:func:`top_articles` for every top-level area at once (one query, not one per
    area): {top-level category id: articles}."""
    area = func.coalesce(Category.parent_id, Category.id)
    order = _faq_order(language, list(products))
    ranked = (select(Article.id, func.row_number().over(partition_by=area, order_by=order)
                     .label("rank"))
              .join(Category, Category.id == Article.category_id)
              .where(Article.current_revision_id.is_not(None),
                     Article.status == ArticleStatus.PUBLISHED).subquery())
    chosen = select(ranked.c.id).where(ranked.c.rank <= per_area)
    grouped: dict[int, list[Article]] = {}
    for article in db.session.scalars(readable().where(Article.id.in_(chosen))
                                      .order_by(*order)):
        top = article.category.parent_id or article.category_id
        grouped.setdefault(top, []).append(article)
    return grouped


def all_areas() -> list[Category]:
    """Every product area, each top-level one followed by its children."""
    from community.queries import top_categories

    return [area for top in top_categories() for area in (top, *top.children)]


def products_of(user) -> list[int]:
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    return list(db.session.scalars(select(member_products.c.category_id)
                                   .where(member_products.c.user_id == user.id)))


# --- staff lists -------------------------------------------------------------------------


def awaiting_review() -> list[tuple[Article, ArticleRevision]]:
    """Articles whose newest revision waits for a reviewer, oldest first."""
    newest = (select(func.max(ArticleRevision.id)).group_by(ArticleRevision.article_id)
              .scalar_subquery())
    rows = db.session.execute(
        select(Article, ArticleRevision).join(ArticleRevision,
                                              ArticleRevision.article_id == Article.id)
        .where(ArticleRevision.id.in_(newest),
               ArticleRevision.state == RevisionState.IN_REVIEW,
               Article.status != ArticleStatus.ARCHIVED)
        .options(joinedload(ArticleRevision.author), joinedload(Article.category))
        .order_by(ArticleRevision.created_at)).all()
    return [(article, revision) for article, revision in rows]


def flagged_for_review() -> list[Article]:
    """Published articles whose source thread changed since publication."""
    return list(db.session.scalars(readable().where(Article.needs_review.is_(True))
                                   .order_by(Article.updated_at)))


def drafts() -> list[Article]:
    """Articles whose newest revision is a draft or was sent back, published ones too."""
    newest = (select(func.max(ArticleRevision.id)).group_by(ArticleRevision.article_id)
              .scalar_subquery())
    return list(db.session.scalars(
        select(Article).join(ArticleRevision, ArticleRevision.article_id == Article.id)
        .where(ArticleRevision.id.in_(newest), Article.status != ArticleStatus.ARCHIVED,
               ArticleRevision.state.in_((RevisionState.DRAFT, RevisionState.REJECTED)))
        .options(joinedload(Article.category), joinedload(Article.current_revision),
                 contains_eager(Article.revisions))
        .order_by(ArticleRevision.created_at.desc()).limit(100)).unique())


def archived() -> list[Article]:
    return list(db.session.scalars(
        select(Article).where(Article.status == ArticleStatus.ARCHIVED)
        .options(joinedload(Article.category), joinedload(Article.current_revision),
                 selectinload(Article.revisions))
        .order_by(Article.updated_at.desc()).limit(50)))


def least_helpful(limit: int = 20) -> list[Article]:
    votes = Article.helpful_yes + Article.helpful_no
    return list(db.session.scalars(
        readable().where(votes >= rules.LEAST_HELPFUL_MIN_VOTES)
        .order_by(_helpfulness(), votes.desc()).limit(limit)))


def feedback_reasons(article_ids: list[int]) -> dict[int, dict[str, int]]:
    """How many readers gave each reason for "not helpful", per article."""
    counts: dict[int, dict[str, int]] = {}
    if not article_ids:
        return counts
    rows = db.session.execute(
        select(ArticleFeedback.article_id, ArticleFeedback.reason, func.count())
        .where(ArticleFeedback.article_id.in_(article_ids),
               ArticleFeedback.helpful.is_(False), ArticleFeedback.reason.is_not(None))
        .group_by(ArticleFeedback.article_id, ArticleFeedback.reason))
    for article_id, reason, count in rows:
        counts.setdefault(article_id, {})[reason.value] = count
    return counts


def recent_comments(article_ids: list[int], per_article: int = 3
                    ) -> dict[int, list[ArticleFeedback]]:
    """Readers' latest "not helpful" comments, a few per article."""
    found: dict[int, list[ArticleFeedback]] = {}
    if not article_ids:
        return found
    rows = db.session.scalars(
        select(ArticleFeedback).where(ArticleFeedback.article_id.in_(article_ids),
                                      ArticleFeedback.helpful.is_(False),
                                      ArticleFeedback.comment != "")
        .order_by(ArticleFeedback.created_at.desc()).limit(per_article * len(article_ids)))
    for feedback in rows:
        mine = found.setdefault(feedback.article_id, [])
        if len(mine) < per_article:
            mine.append(feedback)
    return found


def candidates(limit: int = 30) -> list[PromotionCandidate]:
    return list(db.session.scalars(
        select(PromotionCandidate).join(Thread, Thread.id == PromotionCandidate.thread_id)
        .where(PromotionCandidate.dismissed_at.is_(None), Thread.accepted_post_id.is_not(None))
        .options(contains_eager(PromotionCandidate.thread))
        .order_by(PromotionCandidate.score.desc()).limit(limit)))


def staff_list(status: ArticleStatus):
    return (select(Article).where(Article.status == status)
            .options(joinedload(Article.current_revision), joinedload(Article.category))
            .order_by(Article.updated_at.desc()))
