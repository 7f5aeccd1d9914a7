"""The knowledge base's rules, as pure functions (no app, no database).

Workflow: a revision is written as a draft, submitted for review, then approved or
rejected by a reviewer. Approving makes it the article's current revision, which is what
readers see. An article's status follows from that: ``draft`` or ``in_review`` until a
first revision is approved, then ``published`` (even while a newer revision waits for
review: readers keep the approved text), and ``archived`` when staff take it down.

Promotion candidates: a solved thread is worth an article when many people needed it.
"Me too" counts more than a view (someone had the problem), a helpful vote on the
accepted answer most (someone confirmed the fix); see :func:`candidate_score`.
"""

from __future__ import annotations

from flask_babel import gettext as _

from community import rules as forum_rules
from community.knowledge.models import ArticleStatus, RevisionState

BODY_MIN, BODY_MAX = 20, 50_000
SUMMARY_LENGTH = 200
CANDIDATE_THRESHOLD = 10.0
LEAST_HELPFUL_MIN_VOTES = 3


def body_problem(body: str) -> str | None:
    problem = forum_rules.characters_problem(body)
    if problem:
        return problem
    length = len(body.strip())
    if length < BODY_MIN:
        return _("Write at least %(num)d characters.", num=BODY_MIN)
    if length > BODY_MAX:
        return _("Keep it under %(num)d characters.", num=BODY_MAX)
    return None


def status_for(has_current: bool, latest: RevisionState, archived: bool) -> ArticleStatus:
    if archived:
        return ArticleStatus.ARCHIVED
    if has_current:
        return ArticleStatus.PUBLISHED
    return ArticleStatus.IN_REVIEW if latest == RevisionState.IN_REVIEW else ArticleStatus.DRAFT


def candidate_score(helpful_votes: int, me_too: int, views: int) -> float:
    return 3.0 * helpful_votes + 2.0 * me_too + views / 25.0


def least_helpful_key(helpful_yes: int, helpful_no: int) -> float:
    """Share of "no" answers, pulled toward one half when there are few (a Laplace prior),
    so one early "no" does not put a new article at the top of the list."""
    return (helpful_no + 1) / (helpful_yes + helpful_no + 2)


def search_prior(helpful_yes: int, helpful_no: int) -> float:
    """Articles are curated answers: a new one starts a little above a solved thread (0.7
    against 0.6) and moves with readers' votes (about 0.3 when everyone says no, 1 when
    all say yes). ``search.lift`` makes it a boost of at most 5 %: a tie-breaker."""
    return min(1.0, 0.7 + 0.8 * (0.5 - least_helpful_key(helpful_yes, helpful_no)))
