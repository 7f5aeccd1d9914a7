"""Language, sentiment, urgency and "question?" for mentions in English and Italian."""

import pytest

from social_listen import enrich


@pytest.mark.parametrize(("text", "language"), [
    ("My earbuds stopped charging yesterday and support never answered", "en"),
    ("Il modem non funziona da ieri sera, qualcuno ha lo stesso problema?", "it"),
    ("ok", "und"),
])
def test_language_is_detected_when_the_source_gives_none(text, language):
    assert enrich.language(text) == language


def test_the_sources_language_wins_unless_it_could_not_tell():
    assert enrich.language("Il modem non funziona da ieri sera", "en") == "en"
    assert enrich.language("Il modem non funziona da ieri sera, nessuna risposta", "und") == "it"


@pytest.mark.parametrize(("text", "sign"), [
    ("Thanks @acme, great support, fixed in minutes!", 1),
    ("Grazie @acme, assistenza ottima e veloce", 1),
    ("@acme worst service ever, the app keeps crashing", -1),
    ("@acme il router è rotto e nessuno risponde, vergogna", -1),
    ("@acme my router is not working", -1),
    ("@acme the update is out today", 0),
])
def test_sentiment_has_the_right_sign(text, sign):
    mood = enrich.sentiment(text)

    assert (mood > 0.1) - (mood < -0.1) == sign


def test_a_negation_turns_praise_around():
    assert enrich.sentiment("this is good") > 0 > enrich.sentiment("this is not good")


@pytest.mark.parametrize(("text", "level"), [
    ("@acme I was charged twice and still no answer, I want a refund", 2),
    ("@acme addebitato due volte, voglio il rimborso subito", 2),
    ("@acme MY ACCOUNT IS LOCKED AND NOBODY HELPS", 2),
    ("@acme when does the new model come out?", 0),
])
def test_urgency(text, level):
    assert enrich.urgency(text) == level


@pytest.mark.parametrize(("text", "question"), [
    ("@acme how do I reset the earbuds", True),
    ("Qualcuno sa come si aggiorna il firmware del Lumio", True),
    ("Does anyone know why https://acme.com/help?x=1 is down", True),
    ("@acme love the new update", False),
    ("Check https://acme.com/faq?lang=it", False),
])
def test_looks_like_a_question(text, question):
    assert enrich.looks_like_question(text) is question
