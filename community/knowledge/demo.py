"""The demo knowledge base for ``make run``: Lumio's most needed answers, promoted by the
demo moderator and approved by the demo agent through the real services, a few left in
review, some readers' answers to "was this helpful?", and the candidates job run once.
Idempotent: a base that has articles is left alone."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts import services as accounts
from app.demo import seeder
from app.extensions import db
from community.knowledge import services
from community.knowledge.jobs import propose_candidates
from community.knowledge.models import Article
from community.models import Post, Thread, ThreadKind

PUBLISHED, IN_REVIEW = 18, 3
# (yes, no, reason) for the first articles, so "least helpful" has something to show
FEEDBACK = [(9, 1, None), (2, 6, "outdated"), (5, 0, None), (1, 4, "unclear"),
            (7, 2, "did_not_solve")]


@seeder(order=20, name="knowledge base")
def seed_knowledge_base() -> str:
    writer = accounts.find_by_username("moderator")
    reviewer = accounts.find_by_username("agent")
    if writer is None or reviewer is None:
        return "skipped (no demo staff)"
    # The writer's own articles mark a seeded base: agents' accepted answers in cases have
    # been proposed already while the community was seeded (escalate.sync).
    if db.session.scalar(select(Article.id).where(Article.author_id == writer.id).limit(1)):
        return "0 articles promoted (already seeded)"
    promoted = 0
    for index, answer in enumerate(_most_needed(PUBLISHED + IN_REVIEW)):
        article = services.promote(writer, answer)
        if index < PUBLISHED:
            services.approve(reviewer, article)
            _feedback(article, index)
        promoted += 1
    candidates = propose_candidates()
    return f"{promoted} articles promoted, {candidates} candidates proposed"


def _most_needed(limit: int) -> list[Post]:
    """Accepted answers of the questions most people needed, without an article yet."""
    has_article = select(Article.source_thread_id).where(Article.source_thread_id.is_not(None))
    return list(db.session.scalars(
        select(Post).join(Thread, Thread.accepted_post_id == Post.id)
        .where(Thread.kind == ThreadKind.QUESTION, Thread.id.not_in(has_article))
        .order_by((Post.helpful_count * 3 + Thread.me_too_count * 2).desc(), Thread.id)
        .limit(limit)))


def _feedback(article: Article, index: int) -> None:
    if index >= len(FEEDBACK):
        return
    yes, no, reason = FEEDBACK[index]
    for number in range(yes + no):
        services.rate(article, visitor=f"demo:{number}", user=None, helpful=number < yes,
                      reason=reason if number >= yes else None)
