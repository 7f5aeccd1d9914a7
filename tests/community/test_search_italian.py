"""Italian as a first-class search language: every form of a verb, elided articles, "did
you mean" that leaves correct words alone, and questions that cross languages through
the synonym list, ranked below matches in their own language.

Every test runs on each search backend, as in test_search.py."""

from app import search
from app.extensions import db
from app.search import synonyms
from community.models import Thread
from tests.conftest import EVERY_SEARCH_BACKEND

pytestmark = EVERY_SEARCH_BACKEND

CHARGE = [["earbuds", "buds", "auricolari"], ["charge", "charging", "caricare", "carica"]]


def titles(app, text: str, **options) -> list[str]:
    with app.app_context():
        hits = search.query(text, kinds=("thread",), **options).hits
        return [db.session.get(Thread, hit.id).title for hit in hits]


def test_every_form_of_an_italian_verb_finds_the_thread(app, make, people):
    thread = make.thread(people.asker, title="La custodia non carica più gli auricolari",
                         body="La luce lampeggia e la batteria resta a zero.", language="it")
    for form in ("caricano", "caricare", "caricato"):
        assert titles(app, f"auricolari non si {form}")[:1] == [thread.title], form


def test_elided_articles_are_read_apart_from_their_word(app, make, people):
    thread = make.thread(people.asker, title="Problemi dell'app dopo l'aggiornamento",
                         body="Quest'app si chiude all'avvio.", language="it")
    make.thread(people.other, title="Il cinturino dell'orologio si è rotto",
                body="Dove compro un cinturino nuovo?", language="it")
    assert titles(app, "aggiornamento app")[:1] == [thread.title]
    assert titles(app, "l\u2019aggiornamento dell\u2019app")[:1] == [thread.title]


def test_the_issue_question_offers_no_correction_for_correct_words(app, make, people):
    make.thread(people.asker, title="La custodia si carica lentamente",
                body="Dopo l'aggiornamento la carica dura ore.", language="it")
    with app.app_context():
        found = search.query("i miei auricolari non si caricano dopo l'aggiornamento",
                             suggest=True)
    assert found.suggestion is None


def test_a_misspelled_italian_word_is_still_corrected(app, make, people):
    make.thread(people.asker, title="Aggiornamento del firmware non riuscito",
                body="L'aggiornamento si ferma al 50%.", language="it")
    with app.app_context():
        assert search.query("aggiornamneto", suggest=True).suggestion == "aggiornamento"


def test_an_italian_question_finds_the_english_thread_through_synonyms(app, make, people):
    thread = make.thread(people.asker, title="Nothing is charging overnight",
                         body="The light blinks and the battery stays empty.")
    with app.app_context():
        synonyms.replace(CHARGE)
    # "caricano" is a form of the listed "caricare": its group holds "charging".
    assert titles(app, "non si caricano più") == [thread.title]


def test_an_english_question_finds_the_italian_thread_through_synonyms(app, make, people):
    thread = make.thread(people.asker, title="Gli auricolari non si caricano nella custodia",
                         body="La luce lampeggia e restano scarichi.", language="it")
    with app.app_context():
        synonyms.replace(CHARGE)
    assert thread.title in titles(app, "my earbuds are not charging")


def test_a_match_in_the_question_language_ranks_above_a_translation(app, make, people):
    english = make.thread(people.asker, title="Earbuds not charging in the case",
                          body="The case light blinks and the battery stays empty.")
    italian = make.thread(people.other, title="Gli auricolari non si caricano nella custodia",
                          body="La luce lampeggia e restano scarichi.", language="it")
    with app.app_context():
        synonyms.replace(CHARGE)
    assert titles(app, "i miei auricolari non si caricano") == [italian.title, english.title]
    assert titles(app, "my earbuds are not charging") == [english.title, italian.title]
