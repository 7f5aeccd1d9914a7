"""Screening with moderation's real screen: who waits, who is refused and told when to try
again, what watched words and the spam rules do; the tester judges without writing."""

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.clock import utcnow
from app.extensions import db
from community.models import Post, Thread, Visibility
from moderation import watched
from moderation.models import AuditEntry, MemberTrust, ReviewItem, WordAction
from tests.moderation.helpers import opening, reason_codes, thread_count

QUESTION = {"category": "earbuds", "title": "Buds Lite right earbud much quieter",
            "body": "The right earbud is clearly quieter than the left after cleaning."}


def ask(client, headers, **changes):
    return client.post("/api/v1/threads", json={**QUESTION, **changes}, headers=headers)


def add_word(app, crew, pattern, action):
    with app.app_context():
        watched.add(pattern, action, is_regex=False,
                    by=db.session.get(type(crew.moderator), crew.moderator.id))


def backdate_posts(app, user, minutes):
    with app.app_context():
        db.session.execute(update(Post).where(Post.author_id == user.id).values(
            created_at=utcnow() - timedelta(minutes=minutes)))
        db.session.commit()


# --- new members --------------------------------------------------------------------------


def test_a_new_members_first_question_waits_and_they_are_told_why(app, client, crew, sign_in):
    sign_in("nadia")
    response = client.post("/ask", data={
        "title": QUESTION["title"], "category": str(crew.area.id), "kind": "question",
        "body": QUESTION["body"], "csrf_token": _token(client, "/ask")},
        follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "waiting for a moderator" in html
    assert "New members&#39; first posts are checked by a moderator" in html
    with app.app_context():
        post = db.session.scalar(select(Post))
        assert post.visibility == Visibility.PENDING
    assert reason_codes(app, post.id) == ["first_posts"]


def _token(client, url):
    from tests.conftest import csrf_token_from

    return csrf_token_from(client.get(url).get_data(as_text=True))


def test_a_held_question_is_invisible_to_everyone_else(app, client, make, crew, token_of):
    created = ask(client, token_of(crew.newcomer)).get_json()
    other = client.get(f"/api/v1/threads/{created['id']}", headers=token_of(crew.member))
    assert other.status_code == 404
    assert client.get(f"/t/{created['id']}/{created['slug']}").status_code == 404
    own = client.get(f"/api/v1/threads/{created['id']}", headers=token_of(crew.newcomer))
    assert own.get_json()["posts"][0]["visibility"] == "pending"


def test_a_member_who_has_read_around_is_published_at_once(app, client, crew, token_of):
    created = ask(client, token_of(crew.member))
    assert created.status_code == 201
    assert opening(app, Thread(id=created.get_json()["id"])).visibility == Visibility.VISIBLE


def test_staff_are_not_screened(app, client, crew, token_of):
    add_word(app, crew, "lawsuit", WordAction.BLOCK)
    response = ask(client, token_of(crew.moderator), body="Please do not threaten a lawsuit "
                   "here, write to support instead.")
    assert response.status_code == 201


def test_more_than_two_links_from_a_new_member_are_refused_with_the_count(client, crew,
                                                                         token_of, app):
    body = ("See https://a.example/1 and https://b.example/2 and https://c.example/3 for "
            "what I tried.")
    response = ask(client, token_of(crew.newcomer), body=body)
    assert response.status_code == 422
    message = response.get_json()["errors"]["body"][0]
    assert "at most 2 links" in message and "has 3" in message
    assert thread_count(app) == 0


def test_a_new_member_waits_two_minutes_between_threads_and_is_told_when(client, crew,
                                                                         token_of):
    assert ask(client, token_of(crew.newcomer)).status_code == 201
    second = ask(client, token_of(crew.newcomer), title="Buds Lite case lid squeaks loudly",
                 body="The lid of the charging case squeaks every time I open it.")
    assert second.status_code == 429
    assert int(second.headers["Retry-After"]) >= 60
    assert "You can post again in 2 minutes" in second.get_json()["errors"]["body"][0]


def test_a_new_member_starts_at_most_three_threads_on_their_first_day(app, client, crew,
                                                                      token_of):
    for number in range(3):
        created = ask(client, token_of(crew.newcomer), title=f"Buds Lite problem number {number}",
                      body=f"Describing problem number {number} in enough detail here.")
        assert created.status_code == 201
        backdate_posts(app, crew.newcomer, 10)
    fourth = ask(client, token_of(crew.newcomer), title="Buds Lite problem number four",
                 body="Describing problem number four in enough detail here.")
    assert fourth.status_code == 429
    assert "3 threads on their first day" in fourth.get_json()["detail"]
    assert int(fourth.headers["Retry-After"]) > 3600


def test_the_first_day_limits_end_with_the_first_day(app, client, crew, token_of):
    with app.app_context():
        db.session.execute(update(type(crew.newcomer)).where(
            type(crew.newcomer).id == crew.newcomer.id).values(
            created_at=utcnow() - timedelta(days=2)))
        db.session.commit()
    for number in range(4):
        assert ask(client, token_of(crew.newcomer), title=f"Buds Lite problem number {number}",
                   body=f"Describing problem number {number} in enough detail.").status_code == 201
        backdate_posts(app, crew.newcomer, 10)


def test_a_new_member_waits_thirty_seconds_between_two_posts(app, client, crew, token_of,
                                                             make):
    thread = make.thread(crew.member, crew.area)
    url = f"/api/v1/threads/{thread.id}/posts"
    first = client.post(url, json={"body": "Have you tried resetting the case?"},
                        headers=token_of(crew.newcomer))
    assert first.status_code == 201
    second = client.post(url, json={"body": "Also: which firmware are you on?"},
                         headers=token_of(crew.newcomer))
    assert second.status_code == 429
    assert "seconds" in second.get_json()["detail"]


# --- watched words ------------------------------------------------------------------------


def test_a_blocked_word_refuses_the_post_and_names_the_word(app, client, crew, token_of):
    add_word(app, crew, "replica watches", WordAction.BLOCK)
    response = ask(client, token_of(crew.member), body="Get Replica  Watches cheap at my "
                   "shop, best prices anywhere.")
    assert response.status_code == 422
    assert "“Replica Watches”" in response.get_json()["errors"]["body"][0]
    assert thread_count(app) == 0


def test_a_word_that_requires_approval_holds_the_post(app, client, crew, token_of):
    add_word(app, crew, "avvocato", WordAction.REQUIRE_APPROVAL)
    created = ask(client, token_of(crew.member), title="Auricolari difettosi, cosa fare?",
                  body="Se non me li cambiano chiamo l'avvocato, sono stufo di aspettare.")
    assert created.status_code == 201
    post = opening(app, Thread(id=created.get_json()["id"]))
    assert post.visibility == Visibility.PENDING
    assert reason_codes(app, post.id) == ["watched_word"]


def test_a_word_inside_another_word_is_not_matched(app, client, crew, token_of):
    add_word(app, crew, "ass", WordAction.REQUIRE_APPROVAL)
    created = ask(client, token_of(crew.member), body="The bass is too weak since the update, "
                  "and assistenza did not help.")
    post = opening(app, Thread(id=created.get_json()["id"]))
    assert post.visibility == Visibility.VISIBLE


def test_a_censored_word_is_stored_hidden_and_the_source_kept(app, client, crew, token_of):
    add_word(app, crew, "crap", WordAction.CENSOR)
    created = ask(client, token_of(crew.member), title="This crap case will not close",
                  body="The lid is crap: it pops open in my bag every single day.")
    thread = created.get_json()
    assert thread["title"] == "This ■■■■ case will not close"
    post = opening(app, Thread(id=thread["id"]))
    assert "■■■■" in post.body_html and "crap" not in post.body_html
    assert post.visibility == Visibility.VISIBLE


def test_a_flag_word_publishes_and_queues_the_post(app, client, crew, token_of):
    add_word(app, crew, "scam", WordAction.FLAG)
    created = ask(client, token_of(crew.member), body="The extended warranty feels like a "
                  "scam, nobody answers the claim form.")
    post = opening(app, Thread(id=created.get_json()["id"]))
    assert post.visibility == Visibility.VISIBLE
    assert reason_codes(app, post.id) == ["watched_word"]


# --- spam rules and the classifier ----------------------------------------------------


SPAMMY = ("Great deals on buds at http://cheap-buds.example/offer — call +44 7700 900123 "
          "today!")


def test_links_to_unknown_sites_and_a_phone_number_hold_a_new_members_post(app, client, crew,
                                                                          token_of):
    app.config["MODERATION_HOLD_FIRST_POSTS"] = 0
    created = ask(client, token_of(crew.newcomer), body=SPAMMY)
    post = opening(app, Thread(id=created.get_json()["id"]))
    assert post.visibility == Visibility.PENDING
    assert sorted(reason_codes(app, post.id)) == ["phone_number", "unknown_link"]


def test_the_same_doubt_only_queues_the_post_of_a_member_who_read_around(app, client, crew,
                                                                        token_of):
    created = ask(client, token_of(crew.member), body=SPAMMY)
    post = opening(app, Thread(id=created.get_json()["id"]))
    assert post.visibility == Visibility.VISIBLE
    assert sorted(reason_codes(app, post.id)) == ["phone_number", "unknown_link"]


def test_a_known_site_is_not_a_reason(app, client, crew, token_of):
    created = ask(client, token_of(crew.member), body="The manual on https://en.wikipedia.org/"
                  "wiki/Bluetooth explains the codecs; mine uses AAC.")
    assert opening(app, Thread(id=created.get_json()["id"])).visibility == Visibility.VISIBLE


@pytest.fixture
def seeded_classifier(app):
    """The classifier started from the SMS Spam Collection, as `make run` starts it."""
    from moderation import spam, spam_model
    from moderation.cli import read_corpus
    from tests.moderation.spam_data import SHARED

    path = Path(SHARED) / "data" / "spam" / "sms" / "SMSSpamCollection"
    with app.app_context():
        spam_model.seed((spam.features(text), label) for text, label in read_corpus(path))


def test_the_classifier_holds_spam_from_a_member_and_keeps_its_score(app, client, crew,
                                                                     token_of,
                                                                     seeded_classifier):
    created = ask(client, token_of(crew.member), title="WINNER! Claim your FREE prize now",
                  body="Congratulations! You have won a guaranteed cash prize. Txt CLAIM to "
                  "claim now, urgent, offer ends today!")
    post = opening(app, Thread(id=created.get_json()["id"]))
    assert post.visibility == Visibility.PENDING
    with app.app_context():
        item = db.session.scalar(select(ReviewItem))
        assert item.spam_score >= 0.9
        assert "spam_score" in [reason.code for reason in item.reasons]


def test_the_classifier_publishes_an_ordinary_support_question(app, client, crew, token_of,
                                                               seeded_classifier):
    created = ask(client, token_of(crew.member))
    assert opening(app, Thread(id=created.get_json()["id"])).visibility == Visibility.VISIBLE


def test_regulars_are_not_judged_by_the_classifier(app, client, crew, token_of,
                                                   seeded_classifier):
    created = ask(client, token_of(crew.regular), title="WINNER! Claim your FREE prize now",
                  body="A customer forwarded this text: 'You have won a cash prize, txt CLAIM "
                  "now'. Is this a known phishing message?")
    assert opening(app, Thread(id=created.get_json()["id"])).visibility == Visibility.VISIBLE


# --- the tester -------------------------------------------------------------------------


def test_the_tester_judges_like_a_post_and_writes_nothing(app, client, crew, token_of):
    add_word(app, crew, "lawsuit", WordAction.REQUIRE_APPROVAL)
    with app.app_context():
        before = (db.session.scalar(select(db.func.count()).select_from(AuditEntry)),
                  db.session.scalar(select(db.func.count()).select_from(MemberTrust)))
    response = client.post("/api/v1/moderation/screen", headers=token_of(crew.moderator),
                           json={"text": "Fix it or I file a lawsuit tomorrow morning."})
    assert response.status_code == 200
    verdict = response.get_json()
    assert verdict["verdict"] == "hold"
    assert {reason["code"] for reason in verdict["reasons"]} == {"watched_word", "first_posts"}
    with app.app_context():
        after = (db.session.scalar(select(db.func.count()).select_from(AuditEntry)),
                 db.session.scalar(select(db.func.count()).select_from(MemberTrust)))
    assert after == before and thread_count(app) == 0


def test_the_tester_judges_as_a_given_member(client, crew, token_of):
    response = client.post("/api/v1/moderation/screen", headers=token_of(crew.moderator),
                           json={"text": "The right earbud is quieter than the left one.",
                                 "author": "maren"})
    assert response.get_json()["verdict"] == "publish"


def test_members_cannot_use_the_tester(client, crew, token_of):
    response = client.post("/api/v1/moderation/screen", headers=token_of(crew.member),
                           json={"text": "anything at all"})
    assert response.status_code == 403


def test_the_tester_page_shows_the_verdict(client, crew, sign_in, post_form):
    sign_in("mod")
    response = post_form("/moderation/tester", {"try-text": "Call +44 7700 900123 now, visit "
                                                "http://deals.example/x for more."},
                         prefix="try-")
    html = response.get_data(as_text=True)
    assert "Held for a moderator" in html and "Phone number" in html


def test_a_broken_link_is_judged_not_a_server_error(app, client, crew, token_of):
    response = ask(client, token_of(crew.member), body="See http://[fe80::1 for the "
                   "router page; it will not load since the update.")
    assert response.status_code == 201


def test_a_censored_word_is_not_in_the_source_the_api_returns(app, client, crew, token_of):
    add_word(app, crew, "crap", WordAction.CENSOR)
    created = ask(client, token_of(crew.member), body="The lid is crap: it pops open in my "
                  "bag every single day.").get_json()
    detail = client.get(f"/api/v1/threads/{created['id']}",
                        headers=token_of(crew.regular)).get_json()
    assert "crap" not in detail["posts"][0]["body"] and "■■■■" in detail["posts"][0]["body"]


def test_the_ask_page_says_when_to_try_again_in_a_header_too(app, client, crew, sign_in,
                                                            post_form):
    sign_in("nadia")
    data = {"category": str(crew.area.id), "kind": "question", "body": QUESTION["body"]}
    post_form("/ask", {**data, "title": QUESTION["title"]})
    second = post_form("/ask", {**data, "title": "Buds Lite case lid squeaks loudly",
                                "body": "The lid of the case squeaks every time I open it."})
    assert second.status_code == 429 and int(second.headers["Retry-After"]) > 0
    assert "You can post again in" in second.get_data(as_text=True)


def test_a_batch_of_imported_posts_is_judged_as_each_post_alone(app, crew, seeded_classifier):
    from app import screening
    from app.extensions import db
    from moderation.cli import read_corpus
    from tests.moderation.spam_data import SHARED

    messages = list(read_corpus(Path(SHARED) / "data" / "spam" / "sms" / "SMSSpamCollection"))
    sample = [text for text, _label in messages[:60]]
    with app.app_context():
        author = db.session.get(type(crew.member), crew.member.id)
        posts = [screening.Submission(kind="question", author=author, body=text, html=text,
                                      title=text[:40], source="social",
                                      category_id=crew.area.id) for text in sample]

        together = screening.screen_all(posts)
        alone = [screening.screen(post) for post in posts]

    assert {verdict.action for verdict in alone} > {screening.Action.PUBLISH}  # some held
    assert [(v.action, v.spam_score, v.reasons) for v in together] == \
        [(v.action, v.spam_score, v.reasons) for v in alone]
