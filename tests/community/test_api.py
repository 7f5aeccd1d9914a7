"""The forum API: threads, replies, accept and votes, with problem details on refusal."""

from datetime import datetime, timedelta

import pytest

PROBLEM = "application/problem+json"


@pytest.fixture
def tokens(make, people):
    return {name: {"Authorization": f"Bearer {make.api_token(getattr(people, name))}"}
            for name in ("asker", "helper", "other", "moderator")}


@pytest.fixture
def earbuds(make):
    return make.category("Earbuds")


def new_thread(client, headers, **changes):
    body = {"category": "earbuds", "title": "Buds Pro echo on Teams calls",
            "body": "People hear their own voice back when I use the Buds Pro on Teams.",
            "tags": ["calls"], **changes}
    return client.post("/api/v1/threads", json=body, headers=headers)


def test_ask_reply_vote_accept_through_the_api(client, tokens, earbuds):
    created = new_thread(client, tokens["asker"])
    assert created.status_code == 201
    thread = created.get_json()
    assert thread["status"] == "open" and thread["tags"] == ["calls"]
    reply = client.post(f"/api/v1/threads/{thread['id']}/posts",
                        json={"body": "Turn off sidetone in the Lumio app under Audio."},
                        headers=tokens["helper"])
    assert reply.status_code == 201
    post_id = reply.get_json()["id"]
    vote = client.post(f"/api/v1/posts/{post_id}/votes", headers=tokens["other"])
    assert vote.get_json()["helpful_count"] == 1
    assert client.post(f"/api/v1/posts/{post_id}/accept",
                       headers=tokens["asker"]).status_code == 200
    detail = client.get(f"/api/v1/threads/{thread['id']}", headers=tokens["other"]).get_json()
    assert detail["status"] == "solved" and detail["accepted_post_id"] == post_id
    assert [post["id"] for post in detail["posts"]][1] == post_id


def test_list_threads_filters_by_list_and_category(client, tokens, earbuds, make, people):
    make.thread(people.asker, earbuds, title="Unanswered one about the case lid")
    page = client.get("/api/v1/threads?list=unanswered&category=earbuds",
                      headers=tokens["other"]).get_json()
    assert page["total"] == 1 and page["items"][0]["title"].startswith("Unanswered one")


def test_unknown_category_is_422_on_the_field(client, tokens, earbuds):
    response = new_thread(client, tokens["asker"], category="toasters")
    assert response.status_code == 422 and response.mimetype == PROBLEM
    assert "category" in response.get_json()["errors"]


def test_asking_in_an_area_that_takes_no_questions_is_422_and_writes_nothing(
        app, client, tokens, make):
    from sqlalchemy import func, select

    from app.extensions import db
    from community.models import Thread

    make.category("Mentions", slug="earbuds", takes_questions=False)
    response = new_thread(client, tokens["asker"])
    assert response.status_code == 422 and response.mimetype == PROBLEM
    assert "takes no questions" in " ".join(response.get_json()["errors"]["category"])
    with app.app_context():
        assert db.session.scalar(select(func.count(Thread.id))) == 0


def test_short_title_is_422_with_field_errors(client, tokens, earbuds):
    response = new_thread(client, tokens["asker"], title="Help")
    assert response.status_code == 422
    assert "title" in response.get_json()["errors"]


def test_voting_on_your_own_post_is_403(client, tokens, make, people, question):
    answer = make.reply(people.helper, question)
    response = client.post(f"/api/v1/posts/{answer.id}/votes", headers=tokens["helper"])
    assert response.status_code == 403 and response.mimetype == PROBLEM


def test_accept_by_another_member_is_403(client, tokens, make, people, question):
    answer = make.reply(people.helper, question)
    response = client.post(f"/api/v1/posts/{answer.id}/accept", headers=tokens["other"])
    assert response.status_code == 403


def test_unaccept_returns_the_question_to_open(client, tokens, make, people, question):
    answer = make.reply(people.helper, question)
    client.post(f"/api/v1/posts/{answer.id}/accept", headers=tokens["asker"])
    assert client.delete(f"/api/v1/posts/{answer.id}/accept",
                         headers=tokens["moderator"]).status_code == 200
    detail = client.get(f"/api/v1/threads/{question.id}", headers=tokens["asker"]).get_json()
    assert detail["status"] == "open"


def test_duplicate_reply_is_409(client, tokens, question):
    body = {"body": "Reset the case by holding the button for 15 seconds."}
    client.post(f"/api/v1/threads/{question.id}/posts", json=body, headers=tokens["helper"])
    again = client.post(f"/api/v1/threads/{question.id}/posts", json=body,
                        headers=tokens["helper"])
    assert again.status_code == 409 and again.mimetype == PROBLEM


def test_unknown_thread_and_post_are_404(client, tokens):
    assert client.get("/api/v1/threads/424242", headers=tokens["other"]).status_code == 404
    assert client.post("/api/v1/posts/424242/votes", headers=tokens["other"]).status_code == 404


def test_the_forum_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    for path in ("/api/v1/threads", "/api/v1/threads/{thread_id}",
                 "/api/v1/threads/{thread_id}/posts", "/api/v1/posts/{post_id}/accept",
                 "/api/v1/posts/{post_id}/votes"):
        assert path in paths


def test_a_page_number_past_any_list_is_422(client, tokens, earbuds):
    response = client.get("/api/v1/threads?page=99999999999999999999", headers=tokens["other"])
    assert response.status_code == 422 and response.mimetype == PROBLEM


def test_a_thread_costs_the_same_few_queries_for_2_or_12_answers(app, client, make, people,
                                                                 tokens):
    from app.extensions import db
    from tests.community.test_thread_page import StatementCounter

    counts = []
    client.get("/api/v1/threads?per_page=1", headers=tokens["other"])  # the token's first use
    for answers in (2, 12):
        thread = make.thread(people.asker, title=f"Buds Pro echo with {answers} answers")
        for number in range(answers):
            make.reply(people.helper, thread, f"Answer {number}: turn off sidetone.")
        with app.app_context():
            engine = db.engine
        with StatementCounter(engine) as counter:
            assert client.get(f"/api/v1/threads/{thread.id}",
                              headers=tokens["other"]).status_code == 200
        counts.append(counter.count)
    assert counts[0] == counts[1], counts


def test_times_carry_their_utc_offset(client, tokens, earbuds):
    thread = new_thread(client, tokens["asker"]).get_json()
    assert thread["created_at"].endswith("+00:00")
    assert datetime.fromisoformat(thread["created_at"]).utcoffset() == timedelta(0)
    assert thread["posts"][0]["created_at"].endswith("+00:00")
