"""Watched words: what a moderator's list catches in a post, and what it leaves alone."""

from __future__ import annotations

import pytest

from moderation.words import (
    MAX_PATTERN_LENGTH,
    Entry,
    Match,
    Matcher,
    WordAction,
    pattern_problem,
)


def entry(pattern: str, action: WordAction = WordAction.FLAG, *, id: int = 1,
          is_regex: bool = False) -> Entry:
    return Entry(id=id, pattern=pattern, action=action, is_regex=is_regex)


def found(pattern: str, text: str, *, is_regex: bool = False) -> list[str]:
    """The texts a one-entry list finds in text."""
    return [m.text for m in Matcher([entry(pattern, is_regex=is_regex)]).find(text)]


@pytest.mark.parametrize("text", ["ass", "what an ass.", "(ass)", "ass!", "«ass»", "ass\nhat"])
def test_a_listed_word_matches_as_a_whole_word(text):
    assert found("ass", text) == ["ass"]


@pytest.mark.parametrize(("pattern", "text"), [
    ("ass", "class"),
    ("ass", "classe"),
    ("ass", "assistenza"),
    ("cunt", "Scunthorpe"),
    ("idiota", "idiotaggine"),
    ("spam", "antispam"),
])
def test_a_word_inside_another_word_does_not_match(pattern, text):
    assert found(pattern, text) == []


def test_digits_and_underscores_belong_to_the_word():
    assert found("ass", "ass2 ass_hat 2ass") == []


@pytest.mark.parametrize("text", ["IDIOTA", "Idiota", "iDiOtA"])
def test_case_does_not_matter(text):
    assert found("idiota", text) == [text]


@pytest.mark.parametrize(("pattern", "text"), [
    ("perché", "perche"),
    ("perche", "perché"),
    ("cazzo", "càzzo"),
    ("cazzo", "CÀZZO"),
    ("perche", "perche\u0301"),  # the accent typed as a separate combining mark
    ("cazzo", "\uff43\uff41\uff5a\uff5a\uff4f"),  # fullwidth letters
])
def test_accents_do_not_matter(pattern, text):
    assert found(pattern, text) == [text]


@pytest.mark.parametrize("text", ["l'idiota", "dell\u2019idiota", "L\u2019IDIOTA!", "po' idiota"])
def test_an_italian_apostrophe_of_either_kind_separates_words(text):
    assert [t.casefold() for t in found("idiota", text)] == ["idiota"]


@pytest.mark.parametrize(
    "text", ["Buy  followers!", "buy-followers", "BUY\nfollowers", "buy, followers"])
def test_a_phrase_matches_its_words_across_spaces_and_punctuation(text):
    assert found("buy followers", text) == [text.rstrip("!")]


@pytest.mark.parametrize("text", ["buy more followers", "followers buy", "buy followersgram"])
def test_a_phrase_does_not_match_other_words_or_another_order(text):
    assert found("buy followers", text) == []


@pytest.mark.parametrize("text", ["spam", "spammer", "SPAMMING", "spam-bot"])
def test_a_trailing_star_matches_any_word_starting_with_the_pattern(text):
    assert found("spam*", text) == [text.split("-")[0]]


@pytest.mark.parametrize("text", ["coin", "bitcoin", "Dogecoin"])
def test_a_leading_star_matches_any_word_ending_with_the_pattern(text):
    assert found("*coin", text) == [text]


@pytest.mark.parametrize(("pattern", "text"), [("spam*", "antispam"), ("*coin", "coins")])
def test_a_star_does_not_reach_past_the_other_end_of_the_word(pattern, text):
    assert found(pattern, text) == []


def test_a_star_on_a_phrase_applies_to_its_last_word():
    assert found("buy follow*", "Buy followers now") == ["Buy followers"]


@pytest.mark.parametrize(("pattern", "text", "expected"), [
    ("idiota", "Sei un IDIÒTA, davvero", "IDIÒTA"),
    ("strasse", "Die Straße ist", "Straße"),  # folding makes ß two characters
    ("perche", "ma perche\u0301 no", "perche\u0301"),  # the dropped accent is kept
    ("ﬁne", "the end: fine", "fine"),  # a ligature in the pattern
])
def test_find_reports_the_text_as_the_author_wrote_it(pattern, text, expected):
    assert found(pattern, text) == [expected]


def test_a_regex_entry_matches_ignoring_case():
    assert found(r"fr[e3]{2}\s+money", "Get FR3E  Money now", is_regex=True) == ["FR3E  Money"]


def test_a_regex_entry_matches_the_original_text_not_the_folded_one():
    assert found(r"perché", "perche", is_regex=True) == []


def test_a_regex_that_only_matches_empty_text_somewhere_is_not_reported():
    assert found(r"\b", "any post at all", is_regex=True) == []


@pytest.mark.parametrize(("pattern", "text"), [
    # regex disarms the classic (a+)+$ on short inputs, so the short case uses (a|aa)+$.
    (r"(a|aa)+$", "a" * 30 + "b"),
    (r"(a+)+$", "a" * 5000 + "b"),
])
def test_a_catastrophic_regex_times_out_instead_of_hanging(pattern, text):
    bad = entry(pattern, is_regex=True)
    assert Matcher([bad], regex_timeout=0.05).find(text) == [Match(bad, "", timed_out=True)]


def test_a_regex_that_times_out_does_not_hide_other_matches():
    bad, word = entry(r"(a|aa)+$", id=1, is_regex=True), entry("idiota", id=2)
    matches = Matcher([bad, word], regex_timeout=0.05).find("idiota " + "a" * 30 + "b")
    assert matches == [Match(word, "idiota"), Match(bad, "", timed_out=True)]


def test_each_entry_is_reported_once_however_often_it_appears():
    assert found("spam*", "spam spammer SPAM spam") == ["spam"]


def test_matches_come_in_order_of_first_appearance():
    entries = [entry("zebra", id=1), entry("apple", id=2), entry(r"m\w+o", id=3, is_regex=True)]
    matches = Matcher(entries).find("an apple, a mango, then a zebra and another apple")
    assert [(m.entry.id, m.text) for m in matches] == [(2, "apple"), (3, "mango"), (1, "zebra")]


def test_entries_that_share_a_word_are_each_reported():
    entries = [entry("spam", id=1), entry("spam*", id=2), entry("spam bot", id=3)]
    matches = Matcher(entries).find("a spam bot")
    assert [(m.entry.id, m.text) for m in matches] == [(1, "spam"), (2, "spam"), (3, "spam bot")]


def censor(patterns: list[str], text: str, *, html: bool = False) -> str:
    matcher = Matcher([entry(p, WordAction.CENSOR, id=i) for i, p in enumerate(patterns)])
    return matcher.censor_html(text) if html else matcher.censor_text(text)


def test_censor_text_replaces_every_occurrence_with_as_many_blocks_as_characters():
    assert censor(["cazzo", "spam*"], "Cazzo! spammers, CÀZZO") == "■■■■■! ■■■■■■■■, ■■■■■"


def test_censor_text_leaves_words_with_other_actions_alone():
    matcher = Matcher([entry("idiota", WordAction.BLOCK), entry("scemo", WordAction.CENSOR)])
    assert matcher.censor_text("idiota e scemo") == "idiota e ■■■■■"


def test_censor_text_merges_overlapping_matches():
    assert censor(["buy followers", "followers now"], "buy followers now!") == "■" * 17 + "!"


def test_censor_text_applies_a_censor_regex():
    matcher = Matcher([entry(r"\d{3}-\d{4}", WordAction.CENSOR, is_regex=True)])
    assert matcher.censor_text("call 555-1234 now") == "call ■■■■■■■■ now"


def test_censor_html_censors_a_word_inside_a_tag():
    assert censor(["cazzo"], "<p>che <strong>cazzo</strong></p>", html=True) == (
        "<p>che <strong>■■■■■</strong></p>")


def test_censor_html_never_touches_attribute_values():
    html = '<a href="https://example.com/cazzo?cazzo=1" title="cazzo">cazzo</a>'
    assert censor(["cazzo"], html, html=True) == (
        '<a href="https://example.com/cazzo?cazzo=1" title="cazzo">■■■■■</a>')


def test_censor_html_keeps_entity_references_intact():
    assert censor(["amp", "cazzo", "lt"], "Tom &amp; cazzo &lt;3", html=True) == (
        "Tom &amp; ■■■■■ &lt;3")


def test_censor_html_finds_a_word_written_with_entities():
    assert censor(["perché", "idiota"], "perch&eacute; l&#39;idiota", html=True) == (
        "■■■■■■ l&#39;■■■■■■")


def test_censor_html_leaves_comments_alone():
    assert censor(["cazzo"], "<!-- cazzo --><p>ok</p>", html=True) == "<!-- cazzo --><p>ok</p>"


@pytest.mark.parametrize(("pattern", "is_regex"), [
    ("", False),
    ("   ", False),
    (" \t", True),
    ("x" * (MAX_PATTERN_LENGTH + 1), False),
    ("x" * (MAX_PATTERN_LENGTH + 1), True),
    ("(unclosed", True),
    ("a*", True),
    ("x?|y", True),
    ("!!!", False),
    ("*", False),
    ("f*ck", False),
    ("*spam*", False),
    ("spam *", False),
])
def test_pattern_problem_explains_a_bad_pattern(pattern, is_regex):
    problem = pattern_problem(pattern, is_regex)
    assert isinstance(problem, str)
    assert problem


def test_pattern_problem_says_why_a_regex_does_not_compile():
    assert "missing )" in pattern_problem("(unclosed", True)


@pytest.mark.parametrize(("pattern", "is_regex"), [
    ("idiota", False),
    ("buy followers", False),
    ("spam*", False),
    ("*coin", False),
    ("l'idiota", False),
    ("x" * MAX_PATTERN_LENGTH, False),
    (r"fr[e3]{2}\s+money", True),
    (r"(a+)+$", True),
])
def test_pattern_problem_accepts_a_good_pattern(pattern, is_regex):
    assert pattern_problem(pattern, is_regex) is None


def test_the_matcher_skips_entries_pattern_problem_rejects():
    entries = [entry("(unclosed", id=1, is_regex=True), entry("a*", id=2, is_regex=True),
               entry("!!!", id=3), entry("ok", id=4)]
    matcher = Matcher(entries)
    assert len(matcher) == 1
    assert [m.entry.id for m in matcher.find("ok (unclosed !!! aaa")] == [4]


def test_len_counts_the_entries():
    assert len(Matcher([entry("a", id=1), entry("b", id=2), entry("c+", id=3, is_regex=True)])) == 3


def test_a_thousand_entries_still_find_the_right_matches():
    entries = [entry(f"word{i}", id=i) for i in range(700)]
    entries += [entry(f"pre{i}*", id=i) for i in range(700, 800)]
    entries += [entry(f"*{i}post", id=i) for i in range(800, 900)]
    entries += [entry(f"phrase{i} end", id=i) for i in range(900, 1000)]
    matcher = Matcher(entries)
    text = " ".join(["filler"] * 300 + ["word42", "pre750ing", "x850post", "phrase950 end",
                                        "word4200", "phrase951"] + ["filler"] * 30)
    assert len(matcher) == 1000
    assert [(m.entry.id, m.text) for m in matcher.find(text)] == [
        (42, "word42"), (750, "pre750ing"), (850, "x850post"), (950, "phrase950 end")]
