"""The knowledge-base API: articles and promotion, with problem details on refusal."""

import pytest

PROBLEM = "application/problem+json"


@pytest.fixture
def tokens(make, people, agent):
    holders = {"asker": people.asker, "moderator": people.moderator, "agent": agent}
    return {name: {"Authorization": f"Bearer {make.api_token(user)}"}
            for name, user in holders.items()}


def test_staff_promote_an_accepted_answer(client, tokens, solved, question):
    response = client.post(f"/api/v1/posts/{solved.id}/promote", headers=tokens["moderator"])
    assert response.status_code == 201
    article = response.get_json()
    assert article["status"] == "in_review" and article["source_thread_id"] == question.id
    assert {item["kind"] for item in article["redactions"]} == {"email", "order", "phone",
                                                                 "handle"}
    assert "care@lumio.example" not in article["body"]


def test_promoting_twice_is_a_conflict(client, tokens, solved):
    client.post(f"/api/v1/posts/{solved.id}/promote", headers=tokens["moderator"])
    again = client.post(f"/api/v1/posts/{solved.id}/promote", headers=tokens["agent"])
    assert again.status_code == 409 and again.content_type == PROBLEM


def test_members_may_not_promote(client, tokens, solved):
    response = client.post(f"/api/v1/posts/{solved.id}/promote", headers=tokens["asker"])
    assert response.status_code == 403 and response.content_type == PROBLEM


def test_promoting_an_unknown_post_is_404(client, tokens):
    response = client.post("/api/v1/posts/999999/promote", headers=tokens["moderator"])
    assert response.status_code == 404 and response.content_type == PROBLEM


def test_readers_list_only_published_articles(client, make, people, agent, tokens):
    make.article(people.moderator, title="Published article about pairing", reviewer=agent)
    make.article(people.moderator, title="Draft article about pairing")
    items = client.get("/api/v1/articles", headers=tokens["asker"]).get_json()["items"]
    assert [item["title"] for item in items] == ["Published article about pairing"]
    assert items[0]["url"].endswith(f"/kb/{items[0]['id']}/{items[0]['slug']}")


def test_staff_filter_by_status_and_members_may_not(client, make, people, tokens):
    make.article(people.moderator, title="Draft article about pairing")
    drafts = client.get("/api/v1/articles?status=draft", headers=tokens["agent"]).get_json()
    assert [item["title"] for item in drafts["items"]] == ["Draft article about pairing"]
    refused = client.get("/api/v1/articles?status=draft", headers=tokens["asker"])
    assert refused.status_code == 403


def test_staff_write_an_article(client, make, tokens):
    make.category("Earbuds")
    response = client.post("/api/v1/articles", headers=tokens["agent"], json={
        "category": "earbuds", "title": "Cleaning the charging contacts",
        "body": "Use a dry cotton swab on the contacts, never alcohol.", "submit": True})
    assert response.status_code == 201 and response.get_json()["status"] == "in_review"


def test_bad_fields_are_reported_by_name(client, make, tokens):
    response = client.post("/api/v1/articles", headers=tokens["agent"], json={
        "category": "nowhere", "title": "Cleaning the charging contacts",
        "body": "Use a dry cotton swab on the contacts, never alcohol."})
    assert response.status_code == 422 and "category" in response.get_json()["errors"]


def test_members_may_not_write_articles(client, make, tokens):
    make.category("Earbuds")
    response = client.post("/api/v1/articles", headers=tokens["asker"], json={
        "category": "earbuds", "title": "Cleaning the charging contacts",
        "body": "Use a dry cotton swab on the contacts, never alcohol."})
    assert response.status_code == 403


def test_readers_never_see_what_promotion_removed(client, make, people, agent, tokens, solved):
    make.promote(people.moderator, solved, reviewer=agent)
    item = client.get("/api/v1/articles", headers=tokens["asker"]).get_json()["items"][0]
    assert "redactions" not in item and "needs_review" not in item
    staff = client.get("/api/v1/articles", headers=tokens["agent"]).get_json()["items"][0]
    assert staff["redactions"]
