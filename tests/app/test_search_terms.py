"""How a query is read before any backend sees it, and how "did you mean" picks a word.
Pure rules: no app, no database."""

from app.search import spelling
from app.search.terms import CONTEXT_WEIGHT, Synonyms, parse

EARBUDS = Synonyms([["earbuds", "buds", "auricolari"], ["wi-fi", "wifi"]])


def typed(query) -> list[str]:
    return [" ".join(group.typed) for group in query.groups]


def test_common_words_of_either_language_are_not_searched():
    query = parse("my earbuds will not charge", EARBUDS)
    assert typed(query) == ["earbuds", "charge"]


def test_a_question_of_only_common_words_still_searches_them():
    assert typed(parse("the who", EARBUDS)) == ["the", "who"]


def test_the_question_language_is_told_by_its_common_words():
    assert parse("my earbuds will not charge", EARBUDS).language == "en"
    assert parse("le cuffie non si caricano più", EARBUDS).language == "it"
    assert parse("earbuds charging", EARBUDS).language is None


def test_words_after_after_count_half_until_the_clause_ends():
    query = parse("earbuds won't charge after the update, help", EARBUDS)
    weights = {" ".join(group.typed): group.weight for group in query.groups}
    assert weights == {"earbuds": 1.0, "charge": 1.0, "update": CONTEXT_WEIGHT, "help": 1.0}


def test_a_word_expands_to_its_synonym_group_with_the_typed_word_first():
    group = parse("buds", EARBUDS).groups[0]
    assert group.typed == ("buds",)
    assert group.synonyms == (("earbuds",), ("auricolari",))


def test_synonyms_match_other_forms_of_the_word():
    assert parse("my bud", EARBUDS).groups[0].synonyms


def test_a_synonym_term_of_several_words_matches_as_a_phrase():
    group = parse("no wi-fi at all", EARBUDS).groups[0]
    assert group.typed == ("wi", "fi") and group.synonyms == (("wifi",),)


def test_two_synonyms_in_one_question_count_once():
    assert len(parse("earbuds buds", EARBUDS).groups) == 1


def test_a_swap_of_two_letters_is_one_edit():
    assert spelling.distance("chrage", "charge") == 1
    assert spelling.distance("earbds", "earbuds") == 1


def test_the_closest_word_wins_then_the_most_frequent():
    assert spelling.closest("chargng", [("charging", 3), ("changing", 40)]) == "charging"
    assert spelling.closest("bat", [("bag", 2), ("cat", 9)]) == "cat"


def test_far_words_are_never_suggested():
    assert spelling.closest("earbds", [("keyboard", 50)]) is None


# --- Italian ----------------------------------------------------------------------------

CHARGE = Synonyms([["charge", "charging", "caricare", "carica"],
                   ["charger", "caricatore"]])


class Vocabulary:
    """An index's vocabulary: the words it holds and their near neighbours."""

    def __init__(self, near: dict[str, list[tuple[str, int]]]) -> None:
        self.near = near

    def known(self, words: list[str]) -> set[str]:
        return set()

    def similar(self, word: str) -> list[tuple[str, int]]:
        return self.near.get(word, [])


def test_every_form_of_an_italian_verb_finds_its_synonym_group():
    for form in ("caricano", "carico", "caricate"):
        group = parse(f"gli auricolari non si {form}", CHARGE).groups[-1]
        assert ("charge",) in group.synonyms, form


def test_a_term_typed_as_listed_keeps_its_own_group_when_stems_collide():
    # "caricatore" and "caricare" share the Italian stem "caric".
    group = parse("caricatore rotto", CHARGE).groups[0]
    assert group.synonyms == (("charger",),)


def test_two_forms_of_one_word_count_once():
    assert len(parse("batteria batterie", CHARGE).groups) == 1


def test_elided_articles_leave_the_word_with_either_apostrophe():
    query = parse("problemi dell'app dopo l\u2019aggiornamento, quest'anno", CHARGE)
    assert typed(query) == ["problemi", "app", "aggiornamento", "anno"]
    assert query.language == "it"


def test_a_correct_italian_verb_form_is_never_corrected():
    vocabulary = Vocabulary({"caricano": [("carica", 12), ("caricare", 3)]})
    assert spelling.suggestion("auricolari non si caricano", vocabulary) is None


def test_another_form_of_an_indexed_word_is_not_a_misspelling():
    # "ricaricano" is in no dictionary, but the site's "ricaricare" is the same verb.
    vocabulary = Vocabulary({"ricaricano": [("ricaricare", 3), ("ricarica", 8)]})
    assert spelling.suggestion("ricaricano", vocabulary) is None


def test_misspellings_are_still_corrected_in_both_languages():
    vocabulary = Vocabulary({"chargng": [("charging", 3)], "aggiornamneto": [
        ("aggiornamento", 5)]})
    assert spelling.suggestion("chargng aggiornamneto", vocabulary) == \
        "charging aggiornamento"


def test_a_plural_finds_the_group_of_its_own_listed_term():
    group = parse("i caricatori sono rotti", CHARGE).groups[0]
    assert group.typed == ("caricatori",) and group.synonyms == (("charger",),)


def test_an_english_word_is_not_taken_for_an_italian_listed_term():
    # "mice" has the Italian stem "mic", as "microfono" has not but "mic" would.
    mics = Synonyms([["microphone", "mic", "microfono"]])
    assert parse("my mice are broken", mics).groups[0].synonyms == ()


def test_two_english_words_alike_only_in_italian_are_two_ideas():
    # The Italian stemmer makes "tape" and "tap" one stem; in English they differ.
    assert typed(parse("the tape or the tap", EARBUDS)) == ["tape", "tap"]
