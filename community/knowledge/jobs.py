"""The knowledge base's scheduled job: proposing solved threads worth an article."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import exists, func, select

from app.extensions import db
from app.jobs import job
from community.knowledge import rules
from community.knowledge.models import Article, ArticleStatus, PromotionCandidate
from community.models import Post, Thread, ThreadKind, Visibility

BATCH = 500


@job("promotion-candidates", every=timedelta(hours=6),
     why="Proposes solved threads many people needed (views, 'me too', helpful votes) "
         "for promotion to the knowledge base.")
def propose_candidates() -> int:
    """Score solved questions without an article; keep those above the threshold. A
    dismissed candidate stays dismissed. Returns how many candidates are new."""
    accepted = Post.__table__.alias("accepted")
    has_article = exists().where(Article.source_thread_id == Thread.id,
                                 Article.status != ArticleStatus.ARCHIVED)
    rows = db.session.execute(
        select(Thread.id, func.coalesce(accepted.c.helpful_count, 0), Thread.me_too_count,
               Thread.view_count)
        .join(accepted, accepted.c.id == Thread.accepted_post_id)
        .where(Thread.kind == ThreadKind.QUESTION, accepted.c.visibility == Visibility.VISIBLE,
               ~has_article)
    ).all()
    known = {candidate.thread_id: candidate
             for candidate in db.session.scalars(select(PromotionCandidate))}
    added = 0
    for thread_id, helpful, me_too, views in rows:
        score = rules.candidate_score(helpful, me_too, views)
        if score < rules.CANDIDATE_THRESHOLD:
            continue
        if thread_id in known:
            known[thread_id].score = score
        else:
            db.session.add(PromotionCandidate(thread_id=thread_id, score=score))
            added += 1
    db.session.commit()
    return added
