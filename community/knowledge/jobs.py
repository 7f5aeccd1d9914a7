"""The knowledge base's scheduled job: proposing solved threads worth an article."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import and_, exists, func, select

from app.extensions import db
from app.jobs import job
from community.knowledge import rules
from community.knowledge.models import Article, ArticleStatus, PromotionCandidate
from community.models import Post, Thread, ThreadKind, Visibility


@job("promotion-candidates", every=timedelta(hours=6),
     why="Proposes solved threads many people needed (views, 'me too', helpful votes) "
         "for promotion to the knowledge base.")
def propose_candidates() -> int:
    """Score solved questions without an article; keep those above the threshold. A
    dismissed candidate stays dismissed; one that no longer qualifies (un-solved, hidden,
    promoted elsewhere) leaves the list. Returns how many candidates are new."""
    scores = _scores()
    known = {candidate.thread_id: candidate
             for candidate in db.session.scalars(select(PromotionCandidate))}
    added = 0
    for thread_id, candidate in known.items():
        if thread_id not in scores and candidate.dismissed_at is None:
            db.session.delete(candidate)
    for thread_id, score in scores.items():
        if thread_id in known:
            known[thread_id].score = score
        else:
            db.session.add(PromotionCandidate(thread_id=thread_id, score=score))
            added += 1
    db.session.commit()
    return added


def _scores() -> dict[int, float]:
    """Qualifying threads: visible question and accepted answer, no live article."""
    accepted, opening = Post.__table__.alias("accepted"), Post.__table__.alias("opening")
    has_article = exists().where(Article.source_thread_id == Thread.id,
                                 Article.status != ArticleStatus.ARCHIVED)
    rows = db.session.execute(
        select(Thread.id, func.coalesce(accepted.c.helpful_count, 0), Thread.me_too_count,
               Thread.view_count)
        .join(accepted, accepted.c.id == Thread.accepted_post_id)
        .join(opening, and_(opening.c.thread_id == Thread.id, opening.c.is_opening.is_(True)))
        .where(Thread.kind == ThreadKind.QUESTION, ~has_article,
               accepted.c.visibility == Visibility.VISIBLE,
               opening.c.visibility == Visibility.VISIBLE))
    scored = {thread_id: rules.candidate_score(helpful, me_too, views)
              for thread_id, helpful, me_too, views in rows}
    return {thread_id: score for thread_id, score in scored.items()
            if score >= rules.CANDIDATE_THRESHOLD}
