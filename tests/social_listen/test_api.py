"""The listening API: rules (admins), polling now, mentions; problem details for bad input."""

from __future__ import annotations

import pytest

from social_listen import polling


@pytest.fixture
def token_of(make):
    def token(user):
        return {"Authorization": f"Bearer {make.api_token(user)}"}

    return token


def rule_body(staff, **values):
    return {"name": "Brand", "query": "@acme -is:retweet", "category_id": staff.area.id,
            **values}


def test_an_admin_creates_a_rule_and_lists_it(client, staff, token_of):
    headers = token_of(staff.admin)

    created = client.post("/api/v1/listening/rules", json=rule_body(
        staff, languages=["en", "it"], import_policy="questions"), headers=headers)
    listed = client.get("/api/v1/listening/rules", headers=headers)

    assert created.status_code == 201
    assert created.json["languages"] == ["en", "it"]
    assert created.json["created_at"].endswith("+00:00")
    assert [rule["name"] for rule in listed.json] == ["Brand"]


def test_a_bad_query_is_a_422_naming_the_field_and_the_place(client, staff, token_of):
    response = client.post("/api/v1/listening/rules", json=rule_body(
        staff, query='acme OR (support "help'), headers=token_of(staff.admin))

    assert response.status_code == 422
    assert response.content_type == "application/problem+json"
    assert "character" in response.json["errors"]["query"][0]


def test_a_second_rule_with_the_same_name_is_a_409(client, staff, token_of):
    headers = token_of(staff.admin)
    client.post("/api/v1/listening/rules", json=rule_body(staff), headers=headers)

    again = client.post("/api/v1/listening/rules", json=rule_body(staff, name="brand"),
                        headers=headers)

    assert again.status_code == 409


def test_moderators_cannot_change_rules(client, staff, token_of):
    response = client.post("/api/v1/listening/rules", json=rule_body(staff),
                           headers=token_of(staff.moderator))

    assert response.status_code == 403


@pytest.mark.parametrize("body", [
    {"name": "x", "query": "acme", "category_id": 999999},
    {"name": "x", "query": "acme", "category_id": 1, "poll_minutes": 0},
    {"name": "x", "query": "acme", "category_id": 1, "source": "mastodon"},
    {"name": "x", "query": "ftp://example.com/feed", "category_id": 1, "source": "feed"},
    {"name": "x\u0000", "query": "acme", "category_id": 1},
])
def test_bad_rules_are_refused_and_nothing_is_written(client, staff, token_of, body):
    headers = token_of(staff.admin)

    response = client.post("/api/v1/listening/rules", json=body, headers=headers)

    assert response.status_code in (400, 422)
    assert client.get("/api/v1/listening/rules", headers=headers).json == []


def test_polling_a_rule_reports_what_it_heard(client, x_app, rule, staff, token_of, fake_x):
    response = client.post(f"/api/v1/listening/rules/{rule.id}/poll",
                           headers=token_of(staff.admin))

    assert response.status_code == 200
    assert response.json["new"] == len(fake_x.expected_ids())
    assert response.json["next_poll_at"].endswith("+00:00")


def test_a_rate_limited_poll_answers_with_the_next_try(client, x_app, rule, staff, token_of,
                                                       fake_x):
    fake_x.faults.append("429")

    response = client.post(f"/api/v1/listening/rules/{rule.id}/poll",
                           headers=token_of(staff.admin))

    assert response.status_code == 200
    assert "429" in response.json["error"] and response.json["new"] == 0


def test_polling_an_unknown_rule_is_a_404(client, staff, token_of):
    response = client.post("/api/v1/listening/rules/4242/poll", headers=token_of(staff.admin))

    assert response.status_code == 404


def test_mentions_are_listed_for_triagers_with_their_enrichment(client, x_app, rule, staff,
                                                                token_of):
    with x_app.app_context():
        polling.poll(rule.id)

    response = client.get("/api/v1/mentions?per_page=5&sort=urgent",
                          headers=token_of(staff.agent))

    assert response.status_code == 200
    mention = response.json["items"][0]
    assert {"sentiment", "urgency", "language", "reach", "author"} <= set(mention)
    assert mention["captured_at"].endswith("+00:00")
    assert response.json["total"] > 5


def test_members_cannot_list_mentions(client, staff, token_of):
    response = client.get("/api/v1/mentions", headers=token_of(staff.member))

    assert response.status_code == 403


def test_a_bad_mention_filter_is_a_422(client, staff, token_of):
    response = client.get("/api/v1/mentions?status=lost", headers=token_of(staff.agent))

    assert response.status_code == 422
