"""Deflection on the ask page: similar solved questions while typing, a two-step form
without JavaScript, and the deflections counted from suggestions."""

from datetime import datetime, timedelta

import pytest
from flask import url_for
from sqlalchemy import select

from app.clock import utcnow
from app.extensions import db
from community import page_cache
from community.journey import jobs, services
from community.journey.rules import left_after_click, solved_it_counts
from community.models import Post, Thread
from tests.community.test_journey import (
    _token,
    ask_on_the_web,
    sign_in,
    statements_for,
    steps_in_database,
    thread_url,
)
from tests.conftest import csrf_token_from
from tests.factories import PASSWORD

JSON = {"Accept": "application/json"}


@pytest.fixture
def earbuds(make):
    return make.category("Earbuds", description="Buds Pro and Buds Lite")


def solved(make, people, category, title: str):
    thread = make.thread(people.asker, category, title=title)
    make.act("accept", people.asker, make.reply(people.helper, thread))
    return thread


def suggested(client, text: str) -> list[dict]:
    response = client.get("/ask/suggestions", query_string={"q": text}, headers=JSON)
    assert response.status_code == 200
    return response.get_json()["suggestions"]


@pytest.fixture
def charging(make, people, earbuds):
    return solved(make, people, earbuds, "Buds Pro case is not charging anymore")


def click(client, thread):
    """Open ``thread`` from the suggestions, as a customer typing its title would."""
    assert any(item["id"] == thread.id for item in suggested(client, thread.title))
    return client.get(f"/ask/suggestion/thread/{thread.id}")


def steps_named(app, name: str) -> list[dict]:
    return [step for step in steps_in_database(app) if step["step"] == name]


# --- suggestions while typing --------------------------------------------------------------


def test_similar_solved_questions_are_suggested(client, make, people, earbuds, charging):
    make.thread(people.asker, earbuds, title="Buds Lite not charging since the update")
    found = suggested(client, "my buds are not charging")
    assert [(item["kind"], item["title"]) for item in found] == [("thread", charging.title)]
    assert found[0]["url"] == f"/ask/suggestion/thread/{charging.id}"


def test_at_most_five_are_suggested(client, make, people, earbuds):
    for number in range(7):
        solved(make, people, earbuds, f"Buds Pro battery drains overnight, case {number}")
    assert len(suggested(client, "battery drains overnight")) == 5


def test_hidden_questions_are_never_suggested_even_with_a_stale_index(app, client, charging):
    with app.app_context():  # hidden behind the index's back
        opening = db.session.scalar(select(Post).where(Post.thread_id == charging.id,
                                                       Post.is_opening.is_(True)))
        opening.visibility = "hidden"
        db.session.commit()
    assert suggested(client, "case not charging") == []


def test_questions_no_longer_solved_are_not_suggested_even_with_a_stale_index(
        app, client, charging):
    with app.app_context():
        db.session.get(Thread, charging.id).accepted_post_id = None
        db.session.commit()
    assert suggested(client, "case not charging") == []


@pytest.mark.parametrize("text", ["", "   ", "ab", "\n\n"])
def test_an_empty_or_too_short_title_suggests_nothing(app, client, charging, text):
    assert suggested(client, text) == []
    assert steps_in_database(app) == []


@pytest.mark.parametrize("text", ['charging" AND (OR * case', "case:charging OR", "**~~??"])
def test_a_title_with_search_syntax_never_breaks_the_page(client, charging, text):
    response = client.get("/ask/suggestions", query_string={"q": text}, headers=JSON)
    assert response.status_code == 200 and isinstance(response.get_json()["suggestions"], list)


def test_the_fragment_links_through_the_tracked_redirect(client, charging):
    html = client.get("/ask/suggestions?q=case+not+charging").get_data(as_text=True)
    assert "Check these first" in html
    assert f'href="/ask/suggestion/thread/{charging.id}"' in html


def test_no_suggestion_means_an_empty_fragment(client, charging):
    assert client.get("/ask/suggestions?q=strap+size+wrist").get_data(as_text=True).strip() == ""


def test_suggestions_cost_the_same_few_queries_for_one_or_five(client, app, make, people,
                                                               earbuds, charging):
    one = statements_for(app, client, "/ask/suggestions?q=case+not+charging")
    for number in range(5):
        solved(make, people, earbuds, f"Buds Lite not charging in the case, take {number}")
    assert len(suggested(client, "case not charging")) == 5
    assert statements_for(app, client, "/ask/suggestions?q=charging+case") == one <= 3


def test_suggestions_are_rate_limited(app, client, charging):
    app.config["JOURNEY_SUGGESTIONS_RATE_LIMIT"] = "3 per minute"
    codes = [client.get("/ask/suggestions?q=charging").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


def test_the_same_suggestions_are_recorded_once_while_typing(app, client, charging):
    for text in ("case not charg", "case not chargi", "case not charging"):
        suggested(client, text)
    [shown] = steps_in_database(app)
    assert (shown["step"], shown["query"], shown["detail"]) == (
        "suggestions_shown", "case not charg", "1")


# --- the ask form without JavaScript --------------------------------------------------------


@pytest.fixture
def member(make, post_form):
    make.user("ann")
    sign_in(post_form, "ann")


def test_the_ask_page_starts_with_title_and_product_area(client, member, earbuds):
    html = client.get("/ask").get_data(as_text=True)
    assert 'name="step" value="check"' in html
    assert "data-ask-details hidden" in html


def check_first(post_form, earbuds, title="Buds Pro case not charging since today"):
    return post_form("/ask", {"title": title, "category": str(earbuds.id), "step": "check"})


def test_after_the_title_the_customer_checks_suggestions_first(client, member, post_form,
                                                               earbuds, charging):
    html = check_first(post_form, earbuds).get_data(as_text=True)
    assert "Check these first" in html and charging.title in html
    assert 'value="Buds Pro case not charging since today"' in html
    assert "data-ask-details hidden" not in html and 'value="check"' not in html


def test_a_bad_title_is_refused_at_the_first_step(client, member, post_form, earbuds):
    html = check_first(post_form, earbuds, title="Help").get_data(as_text=True)
    assert 'id="title-error"' in html and 'id="body-error"' not in html
    assert "data-ask-details hidden" in html


def test_back_from_a_suggestion_the_draft_is_still_there(client, member, post_form, earbuds,
                                                         charging):
    check_first(post_form, earbuds)
    client.get(f"/ask/suggestion/thread/{charging.id}")
    html = client.get("/ask").get_data(as_text=True)
    assert 'value="Buds Pro case not charging since today"' in html
    assert f'<option selected value="{earbuds.id}">' in html
    assert "data-ask-details hidden" not in html


def test_details_typed_are_kept_when_the_question_is_refused(client, member, post_form, earbuds):
    response = post_form("/ask", {"title": "Buds Pro case not charging since today",
                                  "category": str(earbuds.id), "kind": "question",
                                  "body": "too short"})
    html = response.get_data(as_text=True)
    assert 'id="body-error"' in html and "too short</textarea>" in html


def test_asking_forgets_the_draft(app, client, member, post_form, earbuds):
    check_first(post_form, earbuds)
    assert ask_on_the_web(post_form, earbuds).status_code == 302
    assert "data-ask-details hidden" in client.get("/ask").get_data(as_text=True)


def test_signing_out_forgets_the_draft_for_whoever_registers_next(client, member, post_form,
                                                                  earbuds, charging):
    check_first(post_form, earbuds)
    client.post("/sign-out", data={"csrf_token": _token(client)})
    with client.session_transaction() as cookie_session:
        assert not {"ask_draft", "journey_shown", "journey_clicked"} & set(cookie_session)
    post_form("/register", {"username": "bob", "email": "bob@example.com",
                            "password": PASSWORD, "confirm": PASSWORD})
    html = client.get("/ask").get_data(as_text=True)
    assert "Buds Pro case not charging since today" not in html
    assert "data-ask-details hidden" in html


def test_the_ask_page_keeps_its_address(app):
    with app.test_request_context():
        assert url_for("community.ask") == "/ask"


# --- the tracked click and "did this solve it?" ---------------------------------------------


def test_a_click_is_recorded_and_lands_on_the_thread_with_a_marker(app, client, charging):
    response = click(client, charging)
    assert response.status_code == 303
    assert response.headers["Location"] == f"{thread_url(charging)}?suggested=1"
    [clicked] = steps_named(app, "suggestion_clicked")
    assert clicked["thread_id"] == charging.id


def test_a_click_on_something_never_suggested_is_not_recorded(app, client, make, people,
                                                              earbuds, charging):
    other = solved(make, people, earbuds, "Watch strap broke after a week")
    suggested(client, charging.title)
    response = client.get(f"/ask/suggestion/thread/{other.id}")
    assert response.status_code == 303 and response.headers["Location"] == thread_url(other)
    assert steps_named(app, "suggestion_clicked") == []


def test_a_click_without_any_suggestion_is_not_recorded(app, client, charging):
    response = client.get(f"/ask/suggestion/thread/{charging.id}")
    assert response.headers["Location"] == thread_url(charging)
    assert steps_in_database(app) == []


def test_clicks_are_rate_limited(app, client, charging):
    app.config["JOURNEY_CLICK_RATE_LIMIT"] = "2 per minute"
    suggested(client, charging.title)
    codes = [client.get(f"/ask/suggestion/thread/{charging.id}").status_code
             for _ in range(3)]
    assert codes == [303, 303, 429]


@pytest.mark.parametrize("path", ["/ask/suggestion/thread/999", "/ask/suggestion/article/1",
                                  "/ask/suggestion/user/1"])
def test_clicks_on_what_cannot_be_suggested_are_404(client, path):
    assert client.get(path).status_code == 404


def test_the_marker_asks_whether_it_solved_the_problem(client, charging):
    click(client, charging)
    html = client.get(f"{thread_url(charging)}?suggested=1").get_data(as_text=True)
    assert "Did this solve your problem?" in html and "No, back to my question" in html
    assert "Did this solve" not in client.get(thread_url(charging)).get_data(as_text=True)


def test_the_marker_without_a_click_asks_nothing_and_is_served_from_the_cache(
        app, client, charging):
    app.test_client().get(thread_url(charging))  # cached
    url = f"{thread_url(charging)}?suggested=1"
    assert "Did this solve" not in client.get(url).get_data(as_text=True)
    assert statements_for(app, client, url) == 1  # the cache's version check only


def test_the_question_never_reaches_the_anonymous_page_cache(app, client, charging):
    click(client, charging)
    client.get(f"{thread_url(charging)}?suggested=1")
    app.test_client().get(thread_url(charging))
    with app.app_context():
        cached = list(page_cache.cache()._entries.values())
    assert cached and not any("Did this solve" in html for html in cached)


def deflections(app) -> list[str]:
    return [step["detail"] for step in steps_in_database(app) if step["step"] == "deflected"]


def say_it_solved(client, thread, follow_redirects=False):
    page = client.get(f"{thread_url(thread)}?suggested=1").get_data(as_text=True)
    return client.post(f"/ask/solved/thread/{thread.id}",
                       data={"csrf_token": csrf_token_from(page)},
                       follow_redirects=follow_redirects)


def test_this_solved_it_counts_one_deflection_and_thanks(app, client, charging):
    click(client, charging)
    response = say_it_solved(client, charging, follow_redirects=True)
    assert "glad this solved your problem" in response.get_data(as_text=True)
    assert "Did this solve" not in response.get_data(as_text=True)
    say_it_solved(client, charging)
    assert deflections(app) == ["solved_it"]


def test_this_solved_it_without_a_click_counts_nothing(app, client, charging):
    token = csrf_token_from(client.get("/sign-in").get_data(as_text=True))
    response = client.post(f"/ask/solved/thread/{charging.id}", data={"csrf_token": token})
    assert response.status_code == 303
    assert deflections(app) == []


def test_this_solved_it_is_matched_by_the_member_when_the_visitor_changed(
        app, client, member, charging):
    click(client, charging)
    page = client.get(f"{thread_url(charging)}?suggested=1").get_data(as_text=True)
    with client.session_transaction() as cookie_session:  # e.g. signed in again
        cookie_session.pop("visitor")
    client.post(f"/ask/solved/thread/{charging.id}", data={"csrf_token": csrf_token_from(page)})
    assert deflections(app) == ["solved_it"]


def test_two_suggestions_that_solved_it_in_one_visit_count_once(app, client, make, people,
                                                                earbuds, charging):
    pairing = solved(make, people, earbuds, "Buds Pro pairing fails with Pixel")
    click(client, charging)
    click(client, pairing)
    say_it_solved(client, charging)
    say_it_solved(client, pairing)
    assert deflections(app) == ["solved_it"]


def test_this_solved_it_needs_the_form_token(client, charging):
    click(client, charging)
    assert client.post(f"/ask/solved/thread/{charging.id}").status_code == 400


def run_deflection_job(app, minutes_later: int) -> int:
    with app.app_context():
        return services.count_left_after_click(utcnow() + timedelta(minutes=minutes_later))


def test_leaving_after_a_click_counts_once_after_30_minutes(app, client, charging):
    click(client, charging)
    assert run_deflection_job(app, 29) == 0
    assert run_deflection_job(app, 31) == 1
    assert run_deflection_job(app, 45) == 0
    assert deflections(app) == ["left_after_click"]


def test_asking_within_30_minutes_of_a_click_is_no_deflection(app, client, member, post_form,
                                                              earbuds, charging):
    click(client, charging)
    ask_on_the_web(post_form, earbuds)
    assert run_deflection_job(app, 31) == 0 and deflections(app) == []


def test_a_click_already_said_to_have_solved_it_is_not_counted_again(app, client, charging):
    click(client, charging)
    say_it_solved(client, charging)
    assert run_deflection_job(app, 31) == 0
    assert deflections(app) == ["solved_it"]


def test_the_job_counts_each_visitors_clicks(app, client, charging):
    click(client, charging)
    click(app.test_client(), charging)
    with app.app_context():
        jobs.count_deflections_by_leaving()  # clicks are not 30 minutes old yet
    assert run_deflection_job(app, 31) == 2


def test_opening_three_suggestions_and_leaving_counts_one_deflection(app, client, make,
                                                                     people, earbuds,
                                                                     charging):
    for title in ("Buds Pro pairing fails with Pixel", "Buds Pro left bud is silent"):
        click(client, solved(make, people, earbuds, title))
    click(client, charging)
    assert run_deflection_job(app, 31) == 1
    assert run_deflection_job(app, 45) == 0
    assert deflections(app) == ["left_after_click"]


def test_a_click_after_saying_another_solved_it_is_the_same_visit(app, client, make, people,
                                                                  earbuds, charging):
    click(client, charging)
    say_it_solved(client, charging)
    click(client, solved(make, people, earbuds, "Buds Pro pairing fails with Pixel"))
    assert run_deflection_job(app, 31) == 0
    assert deflections(app) == ["solved_it"]


# --- rules (no database) -------------------------------------------------------------------


def test_a_visitor_helped_again_after_a_quiet_half_hour_counts_again():
    helped = datetime(2025, 3, 3, 10, 0)
    assert solved_it_counts([helped + timedelta(minutes=31)], [helped])
    assert not solved_it_counts([helped + timedelta(minutes=29)], [helped])


def test_leaving_counts_unless_the_visit_was_already_counted_or_they_asked():
    click = {"visitor": "v1", "user_id": None, "created_at": datetime(2025, 3, 3, 10, 0)}

    def event(step, minutes, visitor="v1"):
        return {"visitor": visitor, "user_id": None, "step": step,
                "created_at": click["created_at"] + timedelta(minutes=minutes)}

    assert left_after_click(click, [event("deflected", -31), event("asked", 31),
                                    event("deflected", 5, visitor="v2")])
    assert not left_after_click(click, [event("deflected", -29)])
    assert not left_after_click(click, [event("asked", 29)])
