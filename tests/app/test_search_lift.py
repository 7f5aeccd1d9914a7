"""What is known of a document besides its words breaks near-ties, never more."""

from app import search
from community.knowledge.rules import search_prior
from community.search_documents import boost


def test_the_best_known_thread_is_lifted_by_at_most_five_percent():
    best = boost(solved=True, answered=True, helpful_votes=10**6, me_too=10**6)

    assert best == 1 + search.MAX_LIFT == 1.05


def test_a_solved_thread_ranks_above_an_unanswered_one_with_the_same_words():
    solved = boost(solved=True, answered=True, helpful_votes=0, me_too=0)
    unanswered = boost(solved=False, answered=False, helpful_votes=0, me_too=0)

    assert unanswered == 1.0 < solved


def test_a_new_article_starts_just_above_a_solved_thread():
    article = search.lift(search_prior(0, 0))
    solved = boost(solved=True, answered=True, helpful_votes=0, me_too=0)

    assert solved < article <= 1.05


def test_priors_out_of_range_are_bounded():
    assert search.lift(-3) == 1.0 and search.lift(42) == 1.05
