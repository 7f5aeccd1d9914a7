"""GET /api/v1/search: the search page's results for programs, on every search backend."""

import pytest

from tests.conftest import EVERY_SEARCH_BACKEND

pytestmark = EVERY_SEARCH_BACKEND
PROBLEM = "application/problem+json"


@pytest.fixture
def token(make, people):
    return {"Authorization": f"Bearer {make.api_token(people.other)}"}


def search(client, token, **params):
    return client.get("/api/v1/search", query_string=params, headers=token)


def test_results_carry_kind_id_title_url_snippet_and_score(client, token, make, people):
    thread = make.thread(people.asker, title="Stream 4K remote does not respond",
                         body="The remote stopped working even with new batteries.")
    body = search(client, token, q="remote batteries").get_json()
    assert body["total"] == 1 and body["page"] == 1
    item = body["items"][0]
    assert (item["kind"], item["id"], item["title"]) == ("thread", thread.id, thread.title)
    assert item["url"] == f"http://localhost/t/{thread.id}/{thread.slug}"
    assert '<b class="match' in item["snippet"] and item["score"] > 0


def test_pages_and_their_size_follow_the_parameters(client, token, make, people):
    for number in range(3):
        make.thread(people.asker, title=f"Watch strap pin keeps falling out, case {number + 10}")
    body = search(client, token, q="strap pin", per_page=2, page=2).get_json()
    assert body["total"] == 3 and len(body["items"]) == 1 and body["per_page"] == 2


def test_solved_only_and_type_filter_the_results(client, token, make, people):
    solved = make.thread(people.asker, title="Soundbar silent with the Stream 4K box")
    answer = make.reply(people.helper, solved, "Switch HDMI ARC on in the TV settings.")
    make.act("accept", people.asker, answer)
    make.thread(people.other, title="Soundbar silent after a power cut")
    body = search(client, token, q="soundbar silent", solved="true", type="threads").get_json()
    assert [item["id"] for item in body["items"]] == [solved.id]


def test_a_misspelled_question_comes_with_a_suggestion(client, token, make, people):
    make.thread(people.asker, title="Soundbar silent with the Stream 4K box")
    assert search(client, token, q="sondbar").get_json()["suggestion"] == "soundbar"


def test_a_missing_question_is_422_on_the_field(client, token):
    response = search(client, token)
    assert response.status_code == 422 and response.mimetype == PROBLEM
    assert "q" in response.get_json()["errors"]


def test_an_unknown_type_is_422(client, token):
    response = search(client, token, q="remote", type="videos")
    assert response.status_code == 422 and "type" in response.get_json()["errors"]


def test_an_unknown_category_is_422_on_the_field(client, token):
    response = search(client, token, q="remote", category="toasters")
    assert response.status_code == 422 and "category" in response.get_json()["errors"]


def test_search_needs_a_token(client):
    response = client.get("/api/v1/search", query_string={"q": "remote"})
    assert response.status_code == 401 and response.mimetype == PROBLEM


def test_search_is_in_the_openapi_document(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    parameters = {p["name"] for p in spec["paths"]["/api/v1/search"]["get"]["parameters"]}
    assert {"q", "category", "type", "solved", "page", "per_page"} <= parameters


def test_close_matches_are_counted_and_flagged_apart_from_loose_ones(client, token, make,
                                                                     people):
    close = make.thread(people.asker, title="Buds Pro charging case stays dark on the cable",
                        body="The charging case light never comes on, the earbuds are fine.")
    loose = make.thread(people.other, title="Watch strap for small wrists",
                        body="Which strap fits a 14 cm wrist? The case is fine.")
    body = search(client, token, q="buds pro charging case dark").get_json()
    assert body["total"] == 2 and body["close"] == 1
    assert [(item["id"], item["close"]) for item in body["items"]] == [(close.id, True),
                                                                       (loose.id, False)]


def test_a_search_answers_its_best_two_hundred_matches(client, token, make, people, app):
    from app import search as search_adapter

    with app.app_context(), search_adapter.batched():  # one index write for the lot
        for number in range(205):
            make.thread(people.asker, title=f"Remote number {number} lost")
    body = search(client, token, q="remote", per_page=50, page=5).get_json()
    assert body["total"] == 200 and body["items"] == []
