"""The contact flow: the form, "this may help", and the case it opens."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from community.models import Thread
from escalate.models import Case
from escalate.rules import Reason

FORM = {"problem": "broken", "title": "Buds Pro case is not charging anymore",
        "description": "The case light stays off even on the cable since Monday."}


def solved_question(make, support):
    thread = make.thread(support.helper, support.area,
                         title="Buds Pro case does not charge on the cable",
                         body="The light stays off when the case is on the cable.")
    answer = make.reply(support.agent, thread, "Clean the USB-C port, then hold 15 seconds.")
    make.act("accept", support.helper, answer)
    return thread


def test_signed_out_visitors_sign_in_first(client):
    response = client.get("/support/contact")

    assert response.status_code == 302 and "/sign-in" in response.location


def test_a_missing_answer_is_explained_next_to_its_field(app, client, sign_in, support,
                                                         post_form):
    sign_in("carla")

    response = post_form("/support/contact", {**FORM, "category": support.area.id,
                                              "problem": "", "step": "check"})

    assert response.status_code == 422
    assert "Choose the kind of problem." in response.get_data(as_text=True)


def test_similar_solved_questions_are_offered_first(app, client, make, sign_in, support,
                                                   post_form):
    solved = solved_question(make, support)
    sign_in("carla")

    response = post_form("/support/contact", {**FORM, "category": support.area.id,
                                              "step": "check"})

    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "This may help" in page
    assert solved.title in page and "Still need help" in page
    with app.app_context():
        assert db.session.scalar(select(Case.id)) is None


def test_still_needing_help_opens_a_case_with_the_forms_answers(app, client, sign_in,
                                                               support, post_form):
    sign_in("carla")

    response = post_form("/support/contact", {**FORM, "category": support.area.id,
                                              "step": "send"})

    assert response.status_code == 302
    with app.app_context():
        case = db.session.scalar(select(Case))
        thread = db.session.get(Thread, case.thread_id)
        assert (case.reason, case.customer_id) == (Reason.CONTACT, support.customer.id)
        assert case.form_answers["problem"] == "broken" and thread.title == FORM["title"]
        assert case.team_id == support.team_id
    page = client.get(response.location).get_data(as_text=True)
    assert "will answer within 8 hours" in page


def test_the_agent_sees_the_forms_answers_on_the_case(app, client, sign_in, support,
                                                      post_form):
    sign_in("carla")
    response = post_form("/support/contact", {**FORM, "category": support.area.id,
                                              "step": "send"})
    case_url = response.location
    post_form("/sign-out", {}, form_page="/")
    sign_in("agnes")

    page = client.get(case_url).get_data(as_text=True)

    assert "What they told the contact form" in page
    assert "Something does not work" in page


def test_an_area_that_takes_no_questions_is_not_offered_nor_accepted(app, client, make,
                                                                    sign_in, support,
                                                                    post_form):
    mentions = make.category("Social mentions", slug="social-mentions",
                             takes_questions=False)
    sign_in("carla")
    assert "Social mentions" not in client.get("/support/contact").get_data(as_text=True)

    response = post_form("/support/contact", {**FORM, "category": mentions.id,
                                              "step": "send"})

    error = response.get_data(as_text=True).split('id="category-error"', 1)[1]
    assert response.status_code == 422
    assert "Choose a product area from the list." in error.split("</p>", 1)[0]
    with app.app_context():
        assert db.session.scalar(select(Thread.id)) is None
