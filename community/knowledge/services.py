"""Knowledge-base use cases. Each public function is one transaction: it checks the rules,
writes, commits, and then announces the fact through ``app.events``.

Only staff (moderators, agents, admins) write and review articles; readers rate them.
Promoting an accepted answer drafts an article with personal data removed (``pii``) and
sends it straight to review: the reviewer sees what was removed and the source thread.
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from app import events
from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db
from app.text import plain_text, render_markdown, slugify
from community import rules as forum_rules
from community.knowledge import pii, rules
from community.knowledge.models import (
    Article,
    ArticleFeedback,
    ArticleRevision,
    ArticleStatus,
    FeedbackReason,
    PromotionCandidate,
    RevisionState,
)
from community.knowledge.queries import article_from_thread
from community.models import Category, MemberProfile, Post, Thread, Visibility
from community.services import CommunityError, Conflict, check_allowed, locked_thread


def _check_text(title: str, body: str) -> None:
    problem = forum_rules.title_problem(title)
    if problem:
        raise CommunityError(problem, field="title")
    problem = rules.body_problem(body)
    if problem:
        raise CommunityError(problem, field="body")


def _revision(article: Article, author: User, title: str, body: str,
              state: RevisionState, **extra) -> ArticleRevision:
    body = forum_rules.clean_body(body)
    revision = ArticleRevision(
        article=article, title=title.strip(), body_source=body,
        body_html=str(render_markdown(body)), summary=plain_text(body, rules.SUMMARY_LENGTH),
        state=state, author_id=author.id, **extra)
    db.session.add(revision)
    return revision


def _latest(article: Article) -> ArticleRevision:
    return db.session.scalar(select(ArticleRevision).where(
        ArticleRevision.article_id == article.id).order_by(ArticleRevision.id.desc()).limit(1))


def _settle(article: Article, latest: ArticleRevision) -> None:
    article.status = rules.status_for(article.current_revision_id is not None, latest.state,
                                      article.status == ArticleStatus.ARCHIVED)


def _check_not_archived(article: Article) -> None:
    if article.status == ArticleStatus.ARCHIVED:
        raise Conflict(_("This article is archived: restore it first."))


def _supersede_pending(article: Article) -> None:
    """A new revision replaces the drafts and reviews still pending before it."""
    for revision in article.revisions:
        if revision.state in (RevisionState.DRAFT, RevisionState.IN_REVIEW):
            revision.state = RevisionState.SUPERSEDED


# --- writing -----------------------------------------------------------------------------


def create(author: User, *, title: str, body: str, category: Category, language: str = "en",
           submit: bool = False) -> Article:
    check_allowed(author, "article.write")
    _check_text(title, body)
    article = Article(slug=slugify(title), category=category, language=language,
                      author_id=author.id)
    db.session.add(article)
    state = RevisionState.IN_REVIEW if submit else RevisionState.DRAFT
    latest = _revision(article, author, title, body, state)
    _settle(article, latest)
    db.session.commit()
    return article


def edit(author: User, article: Article, *, title: str, body: str, note: str = "",
         submit: bool = False) -> ArticleRevision:
    """A new revision; readers keep the current one until a reviewer approves it."""
    check_allowed(author, "article.write", article)
    _check_not_archived(article)
    _check_text(title, body)
    _supersede_pending(article)
    state = RevisionState.IN_REVIEW if submit else RevisionState.DRAFT
    revision = _revision(article, author, title, body, state, note=note.strip()[:300])
    if article.current_revision_id is None:
        article.slug = slugify(title)
    _settle(article, revision)
    db.session.commit()
    return revision


def submit(author: User, article: Article) -> ArticleRevision:
    check_allowed(author, "article.write", article)
    _check_not_archived(article)
    latest = _latest(article)
    if latest.state != RevisionState.DRAFT:
        raise Conflict(_("Only a draft can be sent to review."))
    latest.state = RevisionState.IN_REVIEW
    _settle(article, latest)
    db.session.commit()
    return latest


# --- promotion ---------------------------------------------------------------------------


def promote(user: User, post: Post) -> Article:
    """Draft an article from a solved question and its accepted answer, with personal
    data removed (from the title too: it becomes the URL), and send it to review."""
    check_allowed(user, "article.write")
    thread = locked_thread(post.thread_id)  # two staff promoting at once: one wins
    question = next(p for p in thread.posts if p.is_opening)
    if (thread.accepted_post_id != post.id or post.visibility != Visibility.VISIBLE
            or question.visibility != Visibility.VISIBLE):
        raise CommunityError(_("Only the accepted answer of a solved question can become an "
                               "article."), status=422)
    if article_from_thread(thread.id) is not None:
        raise Conflict(_("This thread already has an article."))
    title, removed = pii.strip_personal_data(thread.title, _marks())
    body, removed_body = _draft_body(question, post)
    article = Article(slug=slugify(title), category_id=thread.category_id,
                      language=thread.language, author_id=user.id,
                      source_thread_id=thread.id, source_post_id=post.id)
    db.session.add(article)
    latest = _revision(article, user, title, body, RevisionState.IN_REVIEW,
                       redactions=[{"kind": r.kind, "text": r.text}
                                   for r in removed + removed_body],
                       note=_("Promoted from a community answer."))
    _settle(article, latest)
    candidate = db.session.get(PromotionCandidate, thread.id)
    if candidate is not None:
        db.session.delete(candidate)
    db.session.commit()
    return article


def _marks() -> dict[str, str]:
    return {"email": _("[email removed]"), "phone": _("[phone number removed]"),
            "handle": _("[handle removed]"), "order": _("[number removed]")}


def _draft_body(question: Post, answer: Post) -> tuple[str, list[pii.Redaction]]:
    problem, removed_q = pii.strip_personal_data(question.body_source, _marks())
    solution, removed_a = pii.strip_personal_data(answer.body_source, _marks())
    body = f"{problem.strip()}\n\n## {_('Solution')}\n\n{solution.strip()}\n"
    return body, removed_q + removed_a


# --- review ------------------------------------------------------------------------------


def _awaiting_review(article: Article, revision_id: int | None) -> ArticleRevision:
    """The revision in review, which must be the one the reviewer read (``revision_id``,
    from the review form): a newer text submitted meanwhile is not approved unseen."""
    _check_not_archived(article)
    latest = _latest(article)
    if latest.state != RevisionState.IN_REVIEW:
        raise Conflict(_("Nothing in this article is waiting for review."))
    if revision_id is not None and latest.id != revision_id:
        raise Conflict(_("The article changed while you were reviewing it. Review it again."))
    return latest


def approve(reviewer: User, article: Article, comment: str = "",
            revision_id: int | None = None) -> ArticleRevision:
    """The revision in review becomes what readers see."""
    latest = _awaiting_review(article, revision_id)
    check_allowed(reviewer, "article.review", latest)
    now = utcnow()
    latest.state = RevisionState.APPROVED
    latest.reviewer_id, latest.reviewed_at = reviewer.id, now
    latest.review_comment = comment.strip()[:500]
    article.current_revision_id = latest.id
    article.published_at = article.published_at or now
    article.needs_review, article.review_reason = False, ""
    if article.status != ArticleStatus.ARCHIVED:
        article.status = ArticleStatus.PUBLISHED
    article.updated_at = now
    _thread_changed(article)
    db.session.commit()
    events.notify(events.article_published, article, reviewer=reviewer)
    return latest


def reject(reviewer: User, article: Article, comment: str,
           revision_id: int | None = None) -> ArticleRevision:
    latest = _awaiting_review(article, revision_id)
    check_allowed(reviewer, "article.review", latest)
    if not comment.strip():
        raise CommunityError(_("Say what the author should change."), field="comment")
    latest.state = RevisionState.REJECTED
    latest.reviewer_id, latest.reviewed_at = reviewer.id, utcnow()
    latest.review_comment = comment.strip()[:500]
    _settle(article, latest)
    db.session.commit()
    return latest


def confirm_accurate(reviewer: User, article: Article) -> None:
    """A re-review that found the published text still right."""
    check_allowed(reviewer, "article.review")
    article.needs_review, article.review_reason = False, ""
    db.session.commit()


def archive(user: User, article: Article) -> None:
    check_allowed(user, "article.write", article)
    if article.status == ArticleStatus.ARCHIVED:
        raise Conflict(_("This article is already archived."))
    article.status = ArticleStatus.ARCHIVED
    article.updated_at = utcnow()
    _thread_changed(article)
    db.session.commit()
    events.notify(events.article_archived, article, archived_by=user)


def restore(user: User, article: Article) -> None:
    check_allowed(user, "article.write", article)
    if article.status != ArticleStatus.ARCHIVED:
        raise Conflict(_("Only an archived article can be restored."))
    if article.source_thread_id and article_from_thread(article.source_thread_id):
        raise Conflict(_("Its thread has another article now."))
    article.status = ArticleStatus.DRAFT  # let _settle decide from the revisions
    _settle(article, _latest(article))
    article.updated_at = utcnow()
    _thread_changed(article)
    db.session.commit()
    if article.is_readable:
        events.notify(events.article_published, article, reviewer=user)


def _thread_changed(article: Article) -> None:
    """The source thread's page shows the article link: its cached copies must go."""
    if article.source_thread_id:
        thread = db.session.get(Thread, article.source_thread_id)
        if thread is not None:
            thread.version = Thread.version + 1


def mark_for_review(article_id: int, reason: str) -> None:
    """The source changed (called by receivers, no user). Drafts and articles in review
    are flagged too, so the reviewer sees it before publishing. A changed accepted answer
    outweighs an edit, so it replaces that reason."""
    article = db.session.get(Article, article_id)
    if article is None or article.status == ArticleStatus.ARCHIVED:
        return
    if article.needs_review and not (reason == "accepted_changed"
                                     and article.review_reason != reason):
        return
    article.needs_review, article.review_reason = True, reason[:200]
    db.session.commit()


def drop_candidate(thread_id: int) -> None:
    """A thread whose question or accepted answer readers cannot see is no candidate; the
    next run of the candidates job proposes it again if it comes back."""
    db.session.execute(delete(PromotionCandidate).where(
        PromotionCandidate.thread_id == thread_id, PromotionCandidate.dismissed_at.is_(None)))
    db.session.commit()


# --- readers -----------------------------------------------------------------------------


def rate(article: Article, *, visitor: str, user: User | None, helpful: bool,
         reason: str | None = None, comment: str = "") -> ArticleFeedback:
    """One answer per reader and article; answering again changes it. The counters are
    recounted from the answers, so parallel requests cannot make them drift."""
    if not article.is_readable:
        raise CommunityError(_("There is no such article."), status=404)
    if reason and reason not in FeedbackReason.__members__.values():
        raise CommunityError(_("Choose one of the reasons."), field="reason")
    try:
        feedback = _record_feedback(article, visitor, user, helpful, reason, comment)
    except IntegrityError:  # the same reader's other tab answered first: answer again
        db.session.rollback()
        feedback = _record_feedback(article, visitor, user, helpful, reason, comment)
    events.notify(events.article_rated, article, helpful=helpful)
    return feedback


def _record_feedback(article, visitor, user, helpful, reason, comment) -> ArticleFeedback:
    feedback = db.session.scalar(select(ArticleFeedback).where(
        ArticleFeedback.article_id == article.id, ArticleFeedback.visitor == visitor))
    if feedback is None:
        feedback = ArticleFeedback(article_id=article.id, visitor=visitor)
        db.session.add(feedback)
    feedback.helpful = helpful
    feedback.user_id = user.id if user is not None and user.is_authenticated else None
    feedback.reason = FeedbackReason(reason) if reason and not helpful else None
    feedback.comment = "" if helpful else comment.strip()[:500]
    db.session.flush()
    article.helpful_yes = _answers(article.id, True)
    article.helpful_no = _answers(article.id, False)
    db.session.commit()
    return feedback


def _answers(article_id: int, helpful: bool):
    return (select(func.count()).select_from(ArticleFeedback)
            .where(ArticleFeedback.article_id == article_id,
                   ArticleFeedback.helpful.is_(helpful)).scalar_subquery())


def set_products(member: User, category_ids: list[int]) -> None:
    """The products a member owns: their articles come first for them."""
    profile = db.session.get(MemberProfile, member.id)
    if profile is None:
        profile = MemberProfile(user_id=member.id)
        db.session.add(profile)
    chosen = db.session.scalars(select(Category).where(Category.id.in_(category_ids))).all()
    profile.products = list(chosen)
    db.session.commit()


# --- candidates --------------------------------------------------------------------------


def dismiss_candidate(user: User, thread_id: int) -> None:
    check_allowed(user, "article.write")
    candidate = db.session.get(PromotionCandidate, thread_id)
    if candidate is None:
        raise CommunityError(_("This thread is not a candidate."), status=404)
    candidate.dismissed_at, candidate.dismissed_by_id = utcnow(), user.id
    db.session.commit()
