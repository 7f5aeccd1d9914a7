"""Each visitor's journey: recorded cheaply, counted as views, kept for a while, and
attached to the question they finally ask, for staff to read."""

from datetime import timedelta

import pytest
from flask import session
from flask_login import login_user
from sqlalchemy import event, insert, select

from app.clock import utcnow
from app.extensions import db
from community import page_cache
from community.journey import jobs, record, recorder, services, visitor_key
from community.journey.models import JourneyEvent, Step, ThreadJourney
from community.journey.rules import fold, is_bot
from community.models import Thread
from tests.conftest import reading
from tests.factories import PASSWORD

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"


def thread_url(thread) -> str:
    return f"/t/{thread.id}/{thread.slug}"


def sign_in(post_form, username: str) -> None:
    assert post_form("/sign-in", {"login": username, "password": PASSWORD}).status_code == 302


def steps_in_database(app) -> list[dict]:
    """Every recorded step, after writing what this app's process still holds."""
    with app.app_context():
        recorder.flush()
        return [dict(row) for row in db.session.execute(
            select(JourneyEvent.__table__).order_by(JourneyEvent.id)).mappings()]


def stored_steps(app) -> list[dict]:
    """What is in the database now, without flushing the buffer."""
    with app.app_context():
        return [dict(row) for row in db.session.execute(
            select(JourneyEvent.__table__)).mappings()]


def visitor_of(client) -> str | None:
    """The browser's visitor id: its session's, else its beacon cookie's."""
    with client.session_transaction() as cookie_session:
        visitor = cookie_session.get(recorder.VISITOR_KEY)
    cookie = client.get_cookie(recorder.BEACON_COOKIE, path=recorder.BEACON_PATH)
    return visitor or (cookie.value if cookie else None)


def record_search(app, visitor: str, query: str, results: int) -> None:
    """What the search page does (another module's call), for this visitor."""
    with app.test_request_context(headers={"User-Agent": BROWSER}):
        session[recorder.VISITOR_KEY] = visitor
        record(Step.SEARCHED, query=query, detail=str(results))
        recorder.flush()


def ask_on_the_web(post_form, category, title="Buds Lite crackle on calls since update 3.2"):
    return post_form("/ask", {"title": title, "category": str(category.id), "kind": "question",
                              "body": "Since the update my callers hear crackling all along.",
                              "tags": ""})


def asked_thread(app) -> Thread:
    with app.app_context():
        thread = db.session.scalar(select(Thread).order_by(Thread.id.desc()).limit(1))
        db.session.expunge(thread)
        return thread


def journey_of(app, thread) -> list[dict] | None:
    with app.app_context():
        journey = db.session.get(ThreadJourney, thread.id)
        return journey.steps if journey else None


# --- recording ---------------------------------------------------------------------------


def test_an_anonymous_visit_is_recorded_for_a_random_visitor(app, client, people, question, read):
    read(thread_url(question))
    [step] = steps_in_database(app)
    assert step["step"] == "viewed_thread" and step["thread_id"] == question.id
    assert step["user_id"] is None and step["visitor"] == visitor_of(client)
    assert len(step["visitor"]) >= 16


def test_a_signed_in_visit_also_carries_the_member(app, client, people, post_form, question, read):
    sign_in(post_form, "other")
    read(thread_url(question))
    [step] = steps_in_database(app)
    assert step["user_id"] == people.other.id and step["visitor"] == visitor_of(client)


def test_each_browser_is_its_own_visitor(app, client, people, question, read):
    read(thread_url(question))
    read(thread_url(question))
    reading(app.test_client())(thread_url(question))
    visitors = [step["visitor"] for step in steps_in_database(app)]
    assert visitors[0] == visitors[1] != visitors[2]


@pytest.mark.parametrize("agent", [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0)", "curl/8.5.0", "python-requests/2.31", ""])
def test_bots_are_not_recorded_nor_counted_as_views(app, client, question, agent, read):
    assert read(thread_url(question), headers={"User-Agent": agent}).status_code == 200
    assert steps_in_database(app) == []
    assert view_count(app, question) == 0


def test_steps_are_written_in_a_batch_once_the_buffer_is_full(app, client, question, read):
    app.config.update(JOURNEY_BUFFER_SIZE=3, JOURNEY_BUFFER_SECONDS=3600)
    for _ in range(2):
        read(thread_url(question)).close()
    assert stored_steps(app) == []
    read(thread_url(question)).close()  # written after this response was sent
    assert len(stored_steps(app)) == 3


def test_an_old_buffer_is_written_after_the_next_response(app, client, question, read):
    app.config.update(JOURNEY_BUFFER_SECONDS=0)
    read(thread_url(question)).close()
    assert len(stored_steps(app)) == 1


def test_a_step_that_cannot_be_written_never_breaks_a_page(app, client, question, read):
    app.config.update(JOURNEY_BUFFER_SECONDS=0)
    with app.test_request_context(headers={"User-Agent": BROWSER}):
        record(Step.VIEWED_THREAD, thread_id=question.id + 1000)  # no such thread
    response = read(thread_url(question))
    response.close()
    assert response.status_code == 200
    assert [step["thread_id"] for step in stored_steps(app)] == [question.id]


def view_count(app, thread) -> int:
    with app.app_context():
        recorder.flush()
        return db.session.get(Thread, thread.id).view_count


def version_of(app, thread) -> int:
    with app.app_context():
        return db.session.get(Thread, thread.id).version


def test_views_are_counted_without_emptying_the_page_cache(app, client, question, read):
    version = version_of(app, question)
    read(thread_url(question))
    read(thread_url(question))
    assert view_count(app, question) == 2 and version_of(app, question) == version
    assert statements_for(app, client, thread_url(question)) == 1  # still from the cache


def statements_for(app, client, url: str) -> int:
    with app.app_context():
        engine = db.engine
    statements = []

    def count(*_args):
        statements.append(1)

    event.listen(engine, "before_cursor_execute", count)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(statements)


def test_signed_in_views_are_counted_too(app, client, post_form, people, question, read):
    sign_in(post_form, "other")
    read(thread_url(question))
    assert view_count(app, question) == 1


def test_signing_in_starts_a_fresh_visitor(app, client, post_form, people, question, read):
    read(thread_url(question))
    anonymous = visitor_of(client)
    sign_in(post_form, "other")
    read(thread_url(question))
    assert visitor_of(client) not in (None, anonymous)


def test_registering_starts_a_fresh_visitor_too(app, client, post_form, question, read):
    read(thread_url(question))
    anonymous = visitor_of(client)
    registered = post_form("/register", {"username": "newcomer", "email": "new@example.com",
                                         "password": PASSWORD, "confirm": PASSWORD})
    assert registered.status_code == 302
    read(thread_url(question))
    assert visitor_of(client) not in (None, anonymous)


def test_the_visitor_is_dropped_on_signing_out(app, client, post_form, people, question, read):
    sign_in(post_form, "other")
    read(thread_url(question))
    client.post("/sign-out", data={"csrf_token": _token(client)})
    assert visitor_of(client) is None


def test_the_visitor_key_names_the_member_or_the_journey_visitor(app, people):
    with app.test_request_context(headers={"User-Agent": BROWSER}):
        session[recorder.VISITOR_KEY] = "browser-1"
        assert visitor_key() == "visitor:browser-1"
        login_user(people.other)
        assert visitor_key() == f"user:{people.other.id}"


def test_the_visitor_key_gives_a_new_visitor_an_id(app):
    with app.test_request_context(headers={"User-Agent": BROWSER}):
        key = visitor_key()
        assert key == f"visitor:{session[recorder.VISITOR_KEY]}" and len(key) > 20


# --- privacy -------------------------------------------------------------------------------


def test_personal_data_is_taken_out_of_recorded_queries(app):
    record_search(app, "v1", "order 40512277 never arrived, write to ann.lee@example.com", 0)
    [step] = steps_in_database(app)
    assert "40512277" not in step["query"] and "ann.lee@example.com" not in step["query"]
    assert step["query"].startswith("order [number removed] never arrived")


def test_global_privacy_control_stops_recording_anonymous_visitors(app, client, question, read):
    response = read(thread_url(question), headers={"Sec-GPC": "1"})
    assert response.status_code == 200
    assert steps_in_database(app) == [] and visitor_of(client) is None


def test_global_privacy_control_still_counts_the_view(app, client, question, read):
    read(thread_url(question), headers={"Sec-GPC": "1"})
    assert view_count(app, question) == 1


def test_members_journeys_are_recorded_whatever_their_browser_sends(app, client, post_form,
                                                                   people, question, read):
    sign_in(post_form, "other")
    read(thread_url(question), headers={"Sec-GPC": "1"})
    assert [step["user_id"] for step in steps_in_database(app)] == [people.other.id]


# --- what members do is written at once --------------------------------------------------


def test_a_members_search_is_written_at_once(app, client, post_form, people, question, read):
    app.config.update(JOURNEY_BUFFER_SIZE=500, JOURNEY_BUFFER_SECONDS=3600)
    sign_in(post_form, "other")
    read("/search?q=earbud+charge")
    assert [step["step"] for step in stored_steps(app)] == ["searched"]


def test_an_anonymous_search_waits_in_the_buffer(app, client, question, read):
    app.config.update(JOURNEY_BUFFER_SIZE=500, JOURNEY_BUFFER_SECONDS=3600)
    read("/search?q=earbud+charge")
    assert stored_steps(app) == []
    assert [step["step"] for step in steps_in_database(app)] == ["searched"]


def _token(client) -> str:
    from tests.conftest import csrf_token_from

    return csrf_token_from(client.get("/notifications").get_data(as_text=True))


# --- retention -----------------------------------------------------------------------------


def add_steps(app, *ages: timedelta) -> None:
    now = utcnow()
    with app.app_context():
        db.session.execute(insert(JourneyEvent), [
            {"visitor": "v1", "step": "viewed_thread", "created_at": now - age} for age in ages])
        db.session.commit()


def test_retention_deletes_old_steps_only(app):
    add_steps(app, timedelta(days=31), timedelta(days=40), timedelta(days=29), timedelta(0))
    with app.app_context():
        jobs.delete_old_journey_steps()
    ages = sorted((utcnow() - step["created_at"]).days for step in stored_steps(app))
    assert ages == [0, 29]


def test_retention_follows_its_setting_and_works_in_batches(app):
    app.config["JOURNEY_RETENTION_DAYS"] = 7
    add_steps(app, *[timedelta(days=8)] * 5, timedelta(days=6))
    with app.app_context():
        assert services.delete_expired(batch=2) == 5
    assert len(stored_steps(app)) == 1


def test_retention_defaults_to_30_days(app):
    assert app.config["JOURNEY_RETENTION_DAYS"] == 30


# --- the journey travels with the question -------------------------------------------------


@pytest.fixture
def earbuds(make):
    return make.category("Earbuds", description="Buds Pro and Buds Lite")


def test_asking_attaches_the_last_24_hours_of_the_journey(app, client, post_form, make,
                                                          people, question, earbuds, read):
    read(thread_url(question))  # read while signed out
    record_search(app, visitor_of(client), "earbuds not charging", 3)
    sign_in(post_form, "other")
    assert ask_on_the_web(post_form, earbuds).status_code == 302
    steps = journey_of(app, asked_thread(app))
    assert [step["step"] for step in steps] == ["viewed_thread", "searched"]
    assert steps[0]["title"] == question.title and steps[0]["thread_id"] == question.id
    assert steps[1] == {"at": steps[1]["at"], "step": "searched",
                        "query": "earbuds not charging", "count": 3}


def backdate(app, minutes: int) -> None:
    """Every step recorded so far happened ``minutes`` earlier."""
    for step in steps_in_database(app):
        with app.app_context():
            db.session.execute(JourneyEvent.__table__.update().values(
                created_at=step["created_at"] - timedelta(minutes=minutes))
                .where(JourneyEvent.id == step["id"]))
            db.session.commit()


def test_only_the_last_30_minutes_before_signing_in_join_the_journey(
        app, client, post_form, people, question, earbuds, read):
    record_search(app, visitor_of_new(client), "somebody else's search", 2)
    backdate(app, 40)  # whoever used this browser before
    record_search(app, visitor_of(client), "earbuds not charging", 3)
    sign_in(post_form, "other")
    ask_on_the_web(post_form, earbuds)
    steps = journey_of(app, asked_thread(app))
    assert [step["query"] for step in steps] == ["earbuds not charging"]


def visitor_of_new(client) -> str:
    with client.session_transaction() as cookie_session:
        cookie_session[recorder.VISITOR_KEY] = "shared-browser"
    return "shared-browser"


def test_steps_recorded_under_the_old_visitor_id_after_signing_in_stay_out(
        app, client, post_form, people, earbuds, read):
    planted = visitor_of_new(client)  # e.g. a session cookie planted by someone else
    sign_in(post_form, "other")
    record_search(app, planted, "call +39 333 1234567 to get a refund", 0)
    assert ask_on_the_web(post_form, earbuds).status_code == 302
    assert journey_of(app, asked_thread(app)) is None


def test_anonymous_steps_claimed_by_a_member_stay_theirs(app, client, post_form, people,
                                                         question, read):
    read(thread_url(question))
    sign_in(post_form, "other")
    read("/")  # the page signing in leads to: its beacon hands the reading over
    assert [step["user_id"] for step in steps_in_database(app)] == [people.other.id]


def test_steps_older_than_24_hours_stay_behind(app, client, post_form, people, question,
                                               earbuds, read):
    sign_in(post_form, "other")
    read(thread_url(question))
    steps_in_database(app)
    with app.app_context():
        db.session.execute(JourneyEvent.__table__.update().values(
            created_at=utcnow() - timedelta(hours=25)))
        db.session.commit()
    ask_on_the_web(post_form, earbuds)
    assert journey_of(app, asked_thread(app)) is None


def test_asking_is_itself_a_step(app, client, post_form, people, earbuds, read):
    sign_in(post_form, "other")
    ask_on_the_web(post_form, earbuds)
    thread = asked_thread(app)
    assert [(step["step"], step["thread_id"], step["user_id"])
            for step in stored_steps(app)] == [("asked", thread.id, people.other.id)]


def test_a_question_asked_through_the_api_carries_the_members_journey(
        app, client, make, post_form, people, question, earbuds, read):
    sign_in(post_form, "other")
    read(thread_url(question))
    headers = {"Authorization": f"Bearer {make.api_token(people.other)}"}
    created = app.test_client().post("/api/v1/threads", headers=headers, json={
        "category": "earbuds", "title": "Buds Pro echo on Teams calls",
        "body": "People hear their own voice back when I use the Buds Pro on Teams."})
    assert created.status_code == 201
    steps = journey_of(app, asked_thread(app))
    assert [(step["step"], step["title"]) for step in steps] == [
        ("viewed_thread", question.title)]


def test_staff_see_the_journey_under_the_question(app, client, post_form, people, question,
                                                  earbuds, read):
    read(thread_url(question))
    record_search(app, visitor_of(client), "earbuds not charging", 3)
    sign_in(post_form, "other")
    ask_on_the_web(post_form, earbuds)
    asked = asked_thread(app)
    moderator = app.test_client()
    moderator.post("/sign-in", data={"login": "mod", "password": PASSWORD,
                                     "csrf_token": _sign_in_token(moderator)})
    html = moderator.get(thread_url(asked)).get_data(as_text=True)
    assert "Before asking" in html
    assert "searched “earbuds not charging” — 3 results" in html
    assert f'>{question.title}</a>' in html


def _sign_in_token(client) -> str:
    from tests.conftest import csrf_token_from

    return csrf_token_from(client.get("/sign-in").get_data(as_text=True))


def test_the_asker_and_anonymous_visitors_do_not_see_the_journey(app, client, post_form,
                                                                 people, question, earbuds, read):
    sign_in(post_form, "other")
    read(thread_url(question))
    ask_on_the_web(post_form, earbuds)
    asked = asked_thread(app)
    assert journey_of(app, asked) is not None
    assert "Before asking" not in read(thread_url(asked)).get_data(as_text=True)
    anonymous = app.test_client()
    assert "Before asking" not in anonymous.get(thread_url(asked)).get_data(as_text=True)
    with app.app_context():
        cached = list(page_cache.cache()._entries.values())
    assert cached and not any("Before asking" in html for html in cached)


# --- numbers for staff ---------------------------------------------------------------------


def test_staff_read_the_self_service_numbers_per_day(app, client, post_form, people):
    record_search(app, "v1", "earbuds not charging", 0)
    record_search(app, "v1", "earbuds", 3)
    sign_in(post_form, "mod")
    html = client.get("/journey/numbers").get_data(as_text=True)
    today = utcnow().date().isoformat()
    assert f'<time datetime="{today}">' in html
    assert "<td>2</td><td>1</td><td>0</td>" in html  # searches, without results, shown


def test_members_cannot_read_the_numbers(client, post_form, people):
    sign_in(post_form, "other")
    assert client.get("/journey/numbers").status_code == 403


# --- rules (no database) -------------------------------------------------------------------


def test_browsers_are_recorded_even_when_automated():
    assert not is_bot(BROWSER)
    assert not is_bot("Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0 Safari/537.36")


def test_a_journey_folds_reloads_and_suggestions_refreshed_while_typing():
    steps = [{"at": "10:00", "step": "viewed_thread", "thread_id": 1},
             {"at": "10:01", "step": "viewed_thread", "thread_id": 1},
             {"at": "10:02", "step": "suggestions_shown", "query": "buds", "count": 2},
             {"at": "10:03", "step": "suggestions_shown", "query": "buds not charging",
              "count": 4},
             {"at": "10:04", "step": "viewed_thread", "thread_id": 1}]
    assert fold(steps) == [steps[0], {**steps[3], "at": "10:02"}, steps[4]]
