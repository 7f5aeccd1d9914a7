"""A signed-out reader's steps are recorded by the page's beacon, so the pages themselves
set no cookie and are the same for everyone: nothing of the journey is lost."""

import pytest
from sqlalchemy import select

from app.accounts.models import Role
from app.extensions import db
from community.journey import recorder
from community.journey.models import JourneyEvent
from community.models import Thread
from tests.conftest import csrf_token_from
from tests.factories import PASSWORD

SAME_SITE = {"Sec-Fetch-Site": "same-origin"}


def thread_url(thread) -> str:
    return f"/t/{thread.id}/{thread.slug}"


def steps(app) -> list[dict]:
    with app.app_context():
        recorder.flush()
        return [dict(row) for row in db.session.execute(
            select(JourneyEvent.__table__).order_by(JourneyEvent.id)).mappings()]


def beacon_cookie(client):
    return client.get_cookie(recorder.BEACON_COOKIE, path=recorder.BEACON_PATH)


def send(client, data: str, headers: dict | None = None):
    return client.post("/journey/beacon", data=data, headers=headers or SAME_SITE,
                       content_type="application/x-www-form-urlencoded")


@pytest.fixture
def article(make, people):
    return make.article(people.moderator, title="Pairing the Buds Pro with a laptop",
                        reviewer=make.user("kb-agent", role=Role.AGENT))


@pytest.mark.parametrize("page", ["thread", "article", "search"])
def test_a_signed_out_page_sets_no_cookie_and_records_nothing_itself(
        app, client, question, article, page):
    url = {"thread": thread_url(question), "article": f"/kb/{article.id}/{article.slug}",
           "search": "/search?q=earbud+charge"}[page]
    response = client.get(url)
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert 'data-journey-beacon="/journey/beacon"' in response.get_data(as_text=True)
    assert steps(app) == []


def test_the_beacon_records_the_step_the_page_named(app, client, question, read):
    read(thread_url(question))
    [step] = steps(app)
    assert (step["step"], step["thread_id"], step["user_id"]) == ("viewed_thread",
                                                                   question.id, None)
    assert step["visitor"] == beacon_cookie(client).value


def test_the_search_beacon_keeps_the_query_without_personal_data(app, client, read):
    read("/search?q=order+123-4567890-1234567+not+delivered")
    [step] = steps(app)
    assert step["step"] == "searched" and "123-4567890" not in step["query"]
    assert "delivered" in step["query"] and step["detail"] == "0"


def test_the_beacon_cookie_is_sent_to_the_beacon_only(app, client, question, read):
    read(thread_url(question))
    cookie = beacon_cookie(client)
    assert cookie.path == "/journey/" and cookie.http_only and cookie.same_site == "Lax"
    assert "Set-Cookie" not in client.get(thread_url(question)).headers


def test_later_readings_keep_the_same_visitor(app, client, question, read):
    read(thread_url(question))
    read("/search?q=earbud")
    first, second = steps(app)
    assert first["visitor"] == second["visitor"]


@pytest.mark.parametrize("headers", [
    {"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"},
    {"Origin": "https://elsewhere.example"}])
def test_a_beacon_from_another_site_is_refused(app, client, question, headers):
    response = send(client, f"step=viewed_thread&thread_id={question.id}", headers)
    assert response.status_code == 403
    assert response.mimetype == "application/problem+json"
    assert steps(app) == []


@pytest.mark.parametrize("data", [
    "", "step=nonsense", "step=asked&thread_id=1", "step=viewed_thread",
    "step=viewed_thread&thread_id=abc", "step=viewed_thread&thread_id=-3",
    "step=viewed_article&article_id=99999999999999999999", "step=searched&query=++"])
def test_a_beacon_naming_no_step_a_page_names_gets_a_clear_400(app, client, data):
    response = send(client, data)
    assert response.status_code == 400
    assert response.get_json()["detail"]
    assert steps(app) == []


def test_a_beacon_for_a_thread_that_does_not_exist_loses_nobody_elses_steps(
        app, client, question, read):
    app.config.update(JOURNEY_BUFFER_SECONDS=0)
    send(client, "step=viewed_thread&thread_id=424242")
    read(thread_url(question))
    assert [step["thread_id"] for step in steps(app)] == [question.id]


def test_global_privacy_control_counts_the_view_and_sets_no_cookie(app, client, question):
    response = send(client, f"step=viewed_thread&thread_id={question.id}",
                    {**SAME_SITE, "Sec-GPC": "1"})
    assert response.status_code == 204 and beacon_cookie(client) is None
    assert steps(app) == []
    with app.app_context():
        assert db.session.get(Thread, question.id).view_count == 1


def test_a_browser_with_a_session_visitor_keeps_one_journey(app, client, question, read):
    read(thread_url(question))  # under the beacon cookie's id
    with client.session_transaction() as session:  # e.g. the ask page gave it one
        session[recorder.VISITOR_KEY] = "session-visitor1"
    read("/search?q=earbud")
    assert {step["visitor"] for step in steps(app)} == {"session-visitor1"}
    assert beacon_cookie(client).value == "session-visitor1"


def test_members_pages_carry_no_beacon_and_record_on_the_request(
        app, client, question, post_form, people, read):
    assert post_form("/sign-in", {"login": "other", "password": PASSWORD}).status_code == 302
    read("/")  # the first page after signing in hands over the beacon cookie
    html = client.get(thread_url(question)).get_data(as_text=True)
    assert "data-journey-beacon" not in html
    [step] = steps(app)
    assert step["user_id"] == people.other.id


def test_the_first_page_after_signing_in_claims_the_beacon_cookie(
        app, client, question, post_form, people, read):
    read(thread_url(question))
    assert post_form("/sign-in", {"login": "other", "password": PASSWORD}).status_code == 302
    html = read("/").get_data(as_text=True)
    assert 'data-journey=""' in html
    assert [step["user_id"] for step in steps(app)] == [people.other.id]
    assert beacon_cookie(client) is None


def test_signing_out_drops_the_beacon_cookie(app, client, question, post_form, read):
    assert post_form("/sign-in", {"login": "other", "password": PASSWORD}).status_code == 302
    client.set_cookie(recorder.BEACON_COOKIE, "a" * 16, path=recorder.BEACON_PATH)
    token_page = client.get("/notifications").get_data(as_text=True)
    client.post("/sign-out", data={"csrf_token": csrf_token_from(token_page)})
    assert beacon_cookie(client) is None


def test_beacons_are_rate_limited_per_address(app, client, question):
    app.config.update(RATELIMIT_ENABLED=True, JOURNEY_BEACON_RATE_LIMIT="3 per minute")
    statuses = [send(client, f"step=viewed_thread&thread_id={question.id}").status_code
                for _ in range(4)]
    assert statuses == [204, 204, 204, 429]


@pytest.mark.parametrize("item", ["²", "1" * 5000, "\u0661\u0662"])
def test_a_beacon_with_a_number_python_cannot_read_gets_a_clear_400(app, client, item):
    response = send(client, f"step=viewed_thread&thread_id={item}")
    assert response.status_code == 400 and steps(app) == []
