"""Moderation's forms and endpoints with bad input: a clear answer, nothing written."""

import pytest
from sqlalchemy import func, select

from app.extensions import db
from moderation.models import Flag, WatchedWord


def words(app):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(WatchedWord))


@pytest.mark.parametrize(("pattern", "regex", "message"), [
    ("   ", False, "Write the word or phrase."),
    ("x" * 101, False, "100"),
    ("(unclosed", True, "regular expression"),
    (".*", True, "every post"),
    ("f*ck", False, "*"),
])
def test_a_bad_watched_word_is_refused_next_to_the_field(app, client, crew, sign_in, post_form,
                                                         pattern, regex, message):
    sign_in("mod")
    data = {"pattern": pattern, "action": "block"} | ({"is_regex": "y"} if regex else {})
    response = post_form("/moderation/words", data)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="pattern-error"' in html and message in html
    assert words(app) == 0


def test_the_same_word_twice_is_refused(app, client, crew, sign_in, post_form):
    sign_in("mod")
    post_form("/moderation/words", {"pattern": "casino", "action": "block"})
    again = post_form("/moderation/words", {"pattern": "casino", "action": "block"})
    assert again.status_code == 422 and "already on this list" in again.get_data(as_text=True)
    assert words(app) == 1


def test_an_unknown_action_is_refused(app, client, crew, sign_in, post_form):
    sign_in("mod")
    response = post_form("/moderation/words", {"pattern": "casino", "action": "explode"})
    assert response.status_code == 422 and words(app) == 0


@pytest.mark.parametrize("payload", [
    {"post_id": 1, "kind": "nonsense"},
    {"post_id": 0, "kind": "spam"},
    {"post_id": 99999999999999999999, "kind": "spam"},
    {"kind": "spam"},
    {"post_id": 1, "kind": "spam", "message": "x" * 501},
])
def test_bad_flags_are_422_and_write_nothing(app, client, crew, token_of, payload):
    response = client.post("/api/v1/flags", json=payload, headers=token_of(crew.member))
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Flag)) == 0


def test_flagging_a_post_that_does_not_exist_is_404(client, crew, token_of):
    response = client.post("/api/v1/flags", json={"post_id": 424242, "kind": "spam"},
                           headers=token_of(crew.member))
    assert response.status_code == 404


@pytest.mark.parametrize("payload", [{"action": "obliterate"}, {}, {"action": "reject",
                                                                   "reason": "x" * 501}])
def test_bad_decisions_are_422(client, crew, token_of, payload):
    response = client.post("/api/v1/moderation/queue/1/decision", json=payload,
                           headers=token_of(crew.moderator))
    assert response.status_code == 422


def test_a_decision_on_no_item_is_404(client, crew, token_of):
    response = client.post("/api/v1/moderation/queue/4242/decision",
                           json={"action": "approve"}, headers=token_of(crew.moderator))
    assert response.status_code == 404


@pytest.mark.parametrize("query", ["status=nonsense", "type=poem", "page=0", "per_page=1000",
                                   "category=no-such-area", "sort=random"])
def test_bad_queue_filters_are_422(client, crew, token_of, query):
    response = client.get(f"/api/v1/moderation/queue?{query}", headers=token_of(crew.moderator))
    assert response.status_code == 422


def test_bad_queue_page_filters_are_404_not_500(client, crew, sign_in):
    sign_in("mod")
    assert client.get("/moderation/?status=nonsense").status_code == 404
    assert client.get("/moderation/?category=abc").status_code == 404
    assert client.get("/moderation/?page=0").status_code == 404


def test_the_tester_names_an_unknown_author(client, crew, token_of):
    response = client.post("/api/v1/moderation/screen", headers=token_of(crew.moderator),
                           json={"text": "hello there", "author": "nobody-here"})
    assert response.status_code == 422 and "author" in response.get_json()["errors"]


def test_a_bad_audit_date_is_400_not_500(client, crew, sign_in):
    sign_in("mod")
    assert client.get("/moderation/audit?since=yesterday").status_code == 400


def test_an_unknown_member_page_is_404(client, crew, sign_in):
    sign_in("mod")
    assert client.get("/moderation/members/nobody-here").status_code == 404
