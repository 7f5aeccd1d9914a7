"""Which of a question's groups make a PostgreSQL full-text candidate, and where
(``postgres_query.Frequencies.matching``). Pure rules: no app, no database."""

from app.search.postgres_query import TEXT_BUDGET, TITLE_BUDGET, Frequencies

DOCUMENTS = 30_000  # a tenth of them, 3,000, makes a group common


def matching(groups: list[int], titles: list[int], documents: int = DOCUMENTS):
    return Frequencies(documents, tuple(groups), tuple(titles)).matching()


def test_rare_groups_match_anywhere_and_common_ones_only_add_to_the_score():
    anywhere, in_titles = matching([40, 9_000, 300], [5, 2_000, 20])
    assert anywhere == [0, 2] and in_titles == []


def test_groups_past_the_budget_match_in_titles_only():
    anywhere, in_titles = matching([TEXT_BUDGET - 100, TEXT_BUDGET, 2_500],
                                   [50, 100, TITLE_BUDGET - 100])
    assert anywhere == [0]
    assert in_titles == [1, 2]  # TITLE_BUDGET titles in all: within the title budget


def test_a_rare_word_beside_it_never_leaves_a_word_past_both_budgets_unmatched():
    anywhere, in_titles = matching([1, TEXT_BUDGET + 100], [1, TITLE_BUDGET + 100])
    assert anywhere == [0] and in_titles == [1]


def test_titles_are_matched_within_their_own_budget_rarest_first():
    anywhere, in_titles = matching([2_000, 2_500, 2_900], [TITLE_BUDGET, 80, TITLE_BUDGET - 80])
    assert anywhere == [] and in_titles == [1, 2]


def test_a_question_of_only_common_words_matches_them_in_titles():
    anywhere, in_titles = matching([9_000, 12_000], [TITLE_BUDGET // 2, TITLE_BUDGET // 2])
    assert anywhere == [] and in_titles == [0, 1]


def test_past_every_budget_the_group_in_fewest_titles_still_matches_there():
    anywhere, in_titles = matching([9_000, 12_000], [4_000, TITLE_BUDGET + 1])
    assert anywhere == [] and in_titles == [1]


def test_a_group_no_document_holds_is_not_what_a_question_matches_on():
    anywhere, in_titles = matching([0, 9_000], [0, TITLE_BUDGET])
    assert anywhere == [] and in_titles == [1]


def test_in_a_small_index_every_group_matches_anywhere():
    assert matching([60, 40, 1], [10, 5, 1], documents=80) == ([0, 1, 2], [])
