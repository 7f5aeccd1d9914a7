"""The knowledge base's pure rules: workflow status, candidates, helpfulness."""

from community.knowledge import rules
from community.knowledge.models import ArticleStatus, RevisionState


def test_an_article_stays_published_while_a_new_revision_waits():
    assert rules.status_for(True, RevisionState.IN_REVIEW, False) == ArticleStatus.PUBLISHED


def test_a_never_approved_article_follows_its_newest_revision():
    assert rules.status_for(False, RevisionState.IN_REVIEW, False) == ArticleStatus.IN_REVIEW
    assert rules.status_for(False, RevisionState.REJECTED, False) == ArticleStatus.DRAFT


def test_archived_wins_over_everything():
    assert rules.status_for(True, RevisionState.APPROVED, True) == ArticleStatus.ARCHIVED


def test_a_helpful_vote_counts_more_than_a_me_too_which_counts_more_than_views():
    assert rules.candidate_score(1, 0, 0) > rules.candidate_score(0, 1, 0) > \
        rules.candidate_score(0, 0, 25)


def test_one_early_no_does_not_make_an_article_the_least_helpful():
    one_no = rules.least_helpful_key(0, 1)
    many_no = rules.least_helpful_key(2, 8)
    assert many_no > one_no


def test_helpful_articles_rank_above_unhelpful_ones_in_search():
    assert rules.search_prior(9, 1) > rules.search_prior(0, 0) > rules.search_prior(1, 9)
