"""The spam classifier's core (moderation/spam.py): what a post becomes as tokens, the training
arithmetic, and how well it sorts real messages, measured on real data read in place from the
shared folder (see spam_data.py). Run with ``-s`` to see the measurements side by side.
"""

from __future__ import annotations

import copy
import itertools
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import pytest

from moderation import spam
from moderation.spam import AuthorFacts, Corpus, Counts, features, score, seed_weight
from tests.moderation import spam_data

# --- features ---------------------------------------------------------------------------


def test_phone_numbers_become_one_token_whatever_their_punctuation():
    for number in ("08712460324", "0800 123 4567", "+44 20 7946 0958", "1-800-555-0199",
                   "02.1234.5678"):
        tokens = features(f"Call {number} today")
        assert "phone-number" in tokens, number
        assert not any(token.isdigit() for token in tokens), (number, tokens)


def test_short_numbers_and_dates_are_not_phone_numbers():
    tokens = features("Ticket 48213 was opened on 2024-11-03 and closed on 05/11/2024")
    assert "phone-number" not in tokens
    assert "48213" in tokens


def test_money_becomes_one_token():
    for amount in ("$500", "£1.50", "€20", "20 €", "€ 1,000"):
        tokens = features(f"You get {amount} back")
        assert "money" in tokens, amount
        assert not any(token[0].isdigit() for token in tokens), (amount, tokens)
    assert "money" not in features("I bought 2 phones in 2023")


def test_urls_and_addresses_in_the_text_give_their_domain():
    tokens = features("See https://WWW.Example.COM/help?x=1, www.shop.example.org or "
                      "cheap-pills.biz, or write to Help@Peerdesk.IT.")
    for token in ("url:example.com", "url:shop.example.org", "url:cheap-pills.biz",
                  "email:peerdesk.it", "has-url"):
        assert token in tokens
    assert "www" not in tokens and "com" not in tokens  # the URL is not read as words too
    assert "has-url" not in features("No links here, just e.g. a sentence.")


def test_links_count_by_domain_and_many_distinct_links_are_marked():
    three = ["https://a.example/x", "http://www.b.example", "mailto:sales@c.example"]
    tokens = features("text", links=three)
    assert {"url:a.example", "url:b.example", "email:c.example", "has-url",
            "many-links"} <= set(tokens)
    assert "many-links" not in features("text", links=three[:2])
    assert "many-links" not in features("text", links=[three[0]] * 3)  # one link, thrice
    text_and_links = features("see www.b.example/ and https://a.example/x", links=three[:2])
    assert "many-links" not in text_and_links  # the same two links, written and linked
    assert features("text", links=["/t/5/my-thread", "#answer-3"]) == ["text"]  # internal


def test_long_hostile_posts_are_tokenized_in_linear_time():
    started = time.perf_counter()
    for unit in ("a", "a-", "a.", "1-", "1.", "a+", "www.", "1 ", "a@b."):
        features(unit * (40_000 // len(unit)) + "x", title=unit * 100)
    assert time.perf_counter() - started < 2  # about 0.3 s; quadratic patterns took minutes


def test_title_words_are_told_apart_from_body_words():
    tokens = features("the battery died", title="Free replacement?")
    assert {"title:free", "title:replacement", "battery"} <= set(tokens)
    assert "free" not in tokens and "title:battery" not in tokens


def test_shouting_needs_most_letters_upper_case_and_enough_of_them():
    assert "shouting" in features("WIN A FREE CRUISE NOW, reply yes")
    assert "shouting" not in features("HELP PLEASE")  # too short to call it shouting
    assert "shouting" not in features("My NAS and the VPN on the LAN stopped working today")


def test_author_facts_become_tokens():
    assert features("hi there", author=AuthorFacts(0, 0.2, 0))[-3:] == [
        "tl:0", "age:new", "posts:none"]
    assert features("hi there", author=AuthorFacts(2, 3, 4))[-3:] == [
        "tl:2", "age:week", "posts:few"]
    assert features("hi there", author=AuthorFacts(4, 400, 50))[-3:] == [
        "tl:4", "age:old", "posts:many"]


def test_words_are_folded_deduplicated_and_kept_in_order():
    assert features("Caffè perché CAFFÈ x, caffè Perché a") == ["caffè", "perché"]
    assert features("Supercalifragilisticexpialidocious!") == ["long:supe"]
    assert features("perche\u0301") == ["perché"]  # decomposed accents, as some keyboards send
    assert features("snake_case stays two words") == ["snake", "case", "stays", "two", "words"]


# --- training arithmetic ----------------------------------------------------------------


def corpus_of(spam_posts: int, ham_posts: int) -> Corpus:
    corpus = Corpus()
    for index in range(spam_posts):
        corpus.learn(["prize", "claim", f"s{index}"], is_spam=True)
    for index in range(ham_posts):
        corpus.learn(["router", "firmware", f"h{index}"], is_spam=False)
    return corpus


def test_no_score_until_both_classes_have_enough_decisions():
    assert corpus_of(spam.MIN_DOCS - 1, 500).score(["prize"]) is None
    assert corpus_of(500, spam.MIN_DOCS - 1).score(["prize"]) is None
    judged = corpus_of(spam.MIN_DOCS, spam.MIN_DOCS)
    assert judged.score(["prize", "claim"]) > 0.9
    assert judged.score(["router", "firmware"]) < 0.1
    assert judged.score(["never", "seen"]) == 0.5  # no evidence either way


def test_a_verdict_resting_on_one_word_stays_unsure():
    corpus = corpus_of(100, 100)
    assert spam.REVIEW_AT <= corpus.score(["prize"]) < spam.SPAM_AT
    assert corpus.score(["prize", "claim"]) < corpus.score(["prize", "claim"] + [
        f"s{index}" for index in range(6)])


def test_words_that_barely_lean_either_way_do_not_sway_the_score():
    corpus = corpus_of(100, 100)
    for is_spam in [True] * 11 + [False] * 9:
        corpus.learn(["maybe"], is_spam)  # f(w) about 0.54: not "interesting"
    assert corpus.score(["prize", "maybe"]) == corpus.score(["prize"])


def test_score_takes_plain_counts_as_the_database_layer_passes_them():
    corpus = corpus_of(30, 40)
    stored = {token: Counts(c.spam, c.ham) for token, c in corpus.tokens.items()}
    post = ["prize", "router", "claim", "unknown"]
    assert score(post, stored, 30, 40) == corpus.score(post)


def test_unlearn_exactly_inverts_learn():
    corpus = corpus_of(25, 30)
    before = copy.deepcopy(corpus)
    for weight in (1.0, 0.3, 2.5):
        corpus.learn(["prize", "brand-new", "router"], is_spam=True, weight=weight)
        assert corpus != before
        corpus.unlearn(["prize", "brand-new", "router"], is_spam=True, weight=weight)
        assert corpus == before


def test_unlearn_never_goes_below_zero():
    corpus = Corpus()
    corpus.unlearn(["prize"], is_spam=True)
    assert (corpus.spam_docs, corpus.ham_docs, corpus.tokens) == (0.0, 0.0, {})
    corpus.learn(["prize"], is_spam=False)
    corpus.unlearn(["prize"], is_spam=False, weight=3)
    assert (corpus.ham_docs, corpus.tokens) == (0.0, {})


def test_seed_weight_halves_at_the_half_life_and_keeps_falling():
    assert seed_weight(0) == 1.0
    assert seed_weight(200) == pytest.approx(0.5)
    assert seed_weight(50, half_life=50) == pytest.approx(0.5)
    assert seed_weight(400) == pytest.approx(0.25)
    weights = [seed_weight(n) for n in range(0, 5000, 100)]
    assert all(a > b > 0 for a, b in itertools.pairwise(weights))


def test_blended_adds_the_other_corpus_scaled_and_changes_neither():
    own, seed = corpus_of(20, 30), corpus_of(100, 400)
    own_before, seed_before = copy.deepcopy(own), copy.deepcopy(seed)
    mixed = own.blended(seed, 0.25)
    assert (mixed.spam_docs, mixed.ham_docs) == (20 + 25, 30 + 100)
    assert mixed.tokens["prize"] == Counts(20 + 25, 0)
    assert mixed.tokens["s99"] == Counts(0.25, 0)  # only the seed has it
    assert (own, seed) == (own_before, seed_before)
    assert own.blended(seed, 0).score(["prize", "router"]) == own.score(["prize", "router"])


# --- measured on real data --------------------------------------------------------------


def test_missing_shared_data_fails_and_says_how_to_point_at_it(monkeypatch, tmp_path):
    monkeypatch.setattr(spam_data, "SMS_FILE", tmp_path / "nowhere" / "SMSSpamCollection")
    with pytest.raises(pytest.fail.Exception, match="PEERDESK_SHARED_DIR"):
        spam_data.sms_messages()


@cache
def sms_with_tokens() -> tuple[tuple[list[str], bool, str], ...]:
    return tuple((features(text), is_spam, text) for text, is_spam in spam_data.sms_messages())


@cache
def sms_corpus() -> Corpus:
    corpus = Corpus()
    for tokens, is_spam, _text in sms_with_tokens():
        corpus.learn(tokens, is_spam)
    return corpus


@dataclass(frozen=True)
class Quality:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def __str__(self) -> str:
        return f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}"


def quality(flagged: Sequence[bool], truth: Sequence[bool]) -> Quality:
    hits = sum(f and t for f, t in zip(flagged, truth, strict=True))
    return Quality(hits / max(1, sum(flagged)), hits / max(1, sum(truth)))


def test_held_out_sms_classifier_beats_the_keyword_baseline():
    train, test = spam_data.split(sms_with_tokens())
    corpus = Corpus()
    for tokens, is_spam, _text in train:
        corpus.learn(tokens, is_spam)
    truth = [is_spam for _tokens, is_spam, _text in test]
    scores = [corpus.score(tokens) for tokens, _is_spam, _text in test]
    spam_band = quality([s >= spam.SPAM_AT for s in scores], truth)
    held = quality([s >= spam.REVIEW_AT for s in scores], truth)
    keywords = quality([spam_data.keyword_baseline(text) for _t, _s, text in test], truth)
    print(f"\nheld-out SMS: {len(test)} messages, {sum(truth)} spam (trained on {len(train)})"
          f"\n  spam band (>= {spam.SPAM_AT:.2f}):      {spam_band}"
          f"\n  review or spam (>= {spam.REVIEW_AT:.2f}): {held}"
          f"\n  keyword baseline:         {keywords}")
    # Measured: spam band P 0.993 R 0.879 F1 0.932; review or spam P 0.505 R 0.988 F1 0.668;
    # keywords P 0.765 R 0.612 F1 0.680 (1,394 held out, 165 spam).
    assert spam_band.f1 > keywords.f1 + 0.15
    assert spam_band.precision >= 0.97
    assert spam_band.recall >= 0.85
    # The review band trades precision for recall (a moderator looks at what it holds), so
    # its F1 is not the yardstick: it must let almost no spam through.
    assert held.recall >= 0.97 and held.recall > keywords.recall
    assert held.precision >= 0.45


def test_real_forum_posts_are_not_taken_for_sms_spam():
    corpus = sms_corpus()
    posts = spam_data.forum_post_records(1000)
    scores = [corpus.score(features(p.text, title=p.title, links=p.links)) for p in posts]
    in_spam = sum(s >= spam.SPAM_AT for s in scores) / len(scores)
    in_review = sum(spam.REVIEW_AT <= s < spam.SPAM_AT for s in scores) / len(scores)
    print(f"\n{len(posts)} Stack Exchange posts against the SMS-trained model: "
          f"{in_spam:.1%} in the spam band, {in_review:.1%} in the review band")
    # Measured: 0.5 % spam band (mostly bare links, which SMS spam taught to distrust),
    # 11.5 % review band. Nothing of the forum was learnt; the community's decisions fix the rest.
    assert len(posts) == 1000
    assert in_spam <= 0.01
    assert in_review <= 0.15


# --- the community's own decisions take over --------------------------------------------

# Legitimate support posts that an SMS-trained model finds spammy: free replacements, calls
# to support, warranty claims, phone numbers, offers and prizes asked about.
APPROVED = [
    "My phone screen cracked two weeks after purchase. Support told me to call 0800 123 4567 to "
    "claim the warranty and they will send a free replacement. Has anyone done this? How long "
    "did the replacement take?",
    "Update: I called customer support this morning and they confirmed my claim. The free "
    "replacement unit arrives on Friday. Thanks everyone for the advice!",
    "Is the free upgrade offer still valid for customers who bought the router last year? The "
    "email said to reply with my order number.",
    "You can claim your warranty online, you do not need to call. Go to the account page, pick "
    "the device and click 'Request repair'. Mine was approved within a day.",
    "Tip: if the charger stops working within 12 months, customer service will send a new one "
    "free of charge. Just call +44 20 7946 0958 and have your receipt ready.",
    "I received a text message saying I won a prize from your company and that I need to call "
    "09061 743 210 to collect it. Is this real or a scam?",
    "Careful, that 'you have won' text is not from the company. Official support never asks for "
    "your card details by text. Report the number here so others see it.",
    "Does the £50 cash back offer apply to the mobile plan too, or only to the handset?",
    "My mobile keeps dropping calls since the last update. I already tried restarting and "
    "resetting the network settings. Any ideas before I call support?",
    "Urgent: the app deletes my contacts every time it syncs. I have lost 200 numbers. Is there "
    "a way to get them back from the cloud backup?",
    "The replacement battery I claimed under warranty arrived today, five days after I called. "
    "The swap was easy, there is a video on the support page.",
    "How do I stop the promotional texts? I replied STOP twice but I still get two messages a "
    "week about new offers.",
    "To opt out of marketing messages go to Settings, Notifications, Offers and switch it off. "
    "Replying STOP only works for the SMS channel.",
    "I was charged twice for my monthly plan ($29.99). Who do I call to get a refund?",
    "Billing can refund double charges. Call 1-800-555-0199 Monday to Friday or use the chat, "
    "and have your account number ready.",
    "Free shipping on repairs: the courier label is free while the device is under warranty, "
    "otherwise it costs €9.90.",
    "Can I claim the free replacement if I bought the phone second hand? The seller gave me the "
    "original receipt.",
    "My claim was rejected for water damage but the phone never got wet. How do I appeal?",
    "The voucher code from the customer survey does not work at checkout. It says the offer has "
    "expired, but the email says it is valid until December.",
    "The new tariff gives unlimited texts and 500 minutes. Is roaming in Europe included or "
    "charged extra?",
    "Please call me back, I have been waiting three days for a reply to ticket 48213 about my "
    "broken speaker.",
    "The warranty covers manufacturing faults for two years. Screen damage from drops is not "
    "covered, but the insurance plan covers it.",
    "Has anyone received the loyalty reward? The email promised a free month of service to "
    "customers with more than three years.",
    "Guaranteed delivery date on the website said tomorrow but tracking shows nothing. Should I "
    "call the courier or support?",
    "Who won the headphones in last month's photo contest? I entered but never heard back.",
    "The claim form asks for the IMEI. Dial *#06# on the phone to see it, or look at the label "
    "on the box.",
    "Phone support is now open 8am to 8pm and chat is 24/7. Callback requests are answered "
    "within two hours.",
    "Reply with your order number if you still have not received the free case from the launch "
    "offer, and we will chase the warehouse.",
    "Does a £10 prepaid top up expire? I got a text saying my credit will be lost in 7 days.",
    "Win a free year of cloud storage? The banner in the app links to a survey. Is that an "
    "official promotion?",
    "Ho chiamato l'assistenza al numero 800 123 456 e mi hanno confermato la sostituzione "
    "gratuita in garanzia. Arriva entro una settimana.",
    "Come posso richiedere la garanzia per il caricabatterie? Il telefono è stato comprato a "
    "marzo e non si carica più.",
    "La ricarica da 10 € vale anche per le chiamate all'estero o solo per i messaggi?",
    "Mi è arrivato un SMS che dice che ho vinto un premio e devo chiamare un numero. È una "
    "truffa? Non ho partecipato a nessun concorso.",
    "Per disattivare i messaggi promozionali andate su Impostazioni, Notifiche, Offerte. "
    "Rispondere STOP non basta.",
]
CONFIRMED_SPAM = [
    "CHEAP replica watches and bags, 90% off! Order now at www.best-replica-shop.biz, free "
    "shipping worldwide.",
    "Earn $5000 a week from home!!! No experience needed. Click here: http://easy-cash.info/join",
    "Best online casino bonus this year: 200 free spins, claim now at casino-royal-bonus.com",
    "Need a loan fast? Guaranteed approval, bad credit OK. Call 0871 222 3333 or WhatsApp today.",
    "Buy followers and likes cheap for Instagram, TikTok and YouTube. Visit http://boost.ly/go",
    "Recupera i tuoi soldi! Investi in bitcoin con guadagni garantiti del 300%. Scrivi a "
    "profitti.facili@gmail.com",
    "Prestiti veloci senza garanzie, chiama subito il 347 555 1234",
    "Download cracked software for free: Photoshop, Office, Windows keys at "
    "www.free-keys-download.net",
]
# Never learnt: what the community's next posts look like.
NEW_LEGIT = [
    "Support said my earbuds qualify for a free replacement under warranty. Do I need to call "
    "0800 765 4321 again to claim it, or will they text me the courier details?",
    "Got a text offering a free replacement charger if I call a number. Is that the official "
    "warranty claim line or a scam?",
    "Ho chiamato il numero verde 800 123 456 per la garanzia: la sostituzione è gratuita e mi "
    "mandano un SMS con il codice del corriere.",
    "Mi hanno offerto un mese gratis se chiamo il servizio clienti al 02 1234 5678. Qualcuno sa "
    "se vale anche per i vecchi clienti?",
]
NEW_SPAM = ("Claim your FREE iPhone now! You have been selected as our lucky winner. Call "
            "0906 111 2222 or visit www.prize-claim-now.com")
MAX_ROUNDS = 10  # measured: every new post below REVIEW_AT after 8 rounds (344 decisions)


def scores_of(model: Callable[[list[str]], float | None], texts: Sequence[str]) -> list[float]:
    return [model(features(text)) for text in texts]


def test_the_communitys_own_decisions_take_over_from_the_seed():
    seed = sms_corpus()
    at_start = scores_of(seed.score, NEW_LEGIT)
    print(f"\ntakeover: new legitimate posts at start {[round(s, 3) for s in at_start]}")
    # The premise: the SMS seed holds these support posts (and the new ones) for review.
    assert sum(s >= spam.REVIEW_AT for s in scores_of(seed.score, APPROVED)) >= 0.8 * len(
        APPROVED)
    assert all(s >= spam.REVIEW_AT for s in at_start)

    own, decisions = Corpus(), 0
    for _round in range(MAX_ROUNDS):  # moderators keep approving posts like these
        for text in APPROVED:
            own.learn(features(text), is_spam=False)
        for text in CONFIRMED_SPAM:
            own.learn(features(text), is_spam=True)
        decisions += len(APPROVED) + len(CONFIRMED_SPAM)
        model = own.blended(seed, seed_weight(decisions))
        now = scores_of(model.score, NEW_LEGIT)
        print(f"  after {decisions} decisions (seed weight {seed_weight(decisions):.2f}): "
              f"{[round(s, 3) for s in now]}, new spam {model.score(features(NEW_SPAM)):.3f}")
        if all(s < spam.REVIEW_AT for s in now):
            break
    assert all(s < spam.REVIEW_AT for s in now), f"still held after {decisions} decisions"
    assert model.score(features(NEW_SPAM)) >= spam.SPAM_AT  # and spam is still caught
