"""The satisfaction survey: asked by e-mail when a case is solved, answered in one click
from the e-mail or on the customer's case page."""

from __future__ import annotations

import re

import pytest

from app.accounts.models import User
from app.extensions import db
from escalate import work
from escalate.models import Case, CaseSurvey
from escalate.rules import CaseStatus
from tests.support.smtp import body_of


@pytest.fixture
def solved(app, open_case, inbox):
    case_id, agent_id, _thread = open_case
    inbox.clear()
    with app.app_context():
        work.set_status(case_id, db.session.get(User, agent_id), CaseStatus.SOLVED)
    return case_id


def survey_links(inbox) -> dict[int, str]:
    [message] = inbox.wait_for(1)
    text = body_of(message).replace("\r\n", "\n")
    return {int(score): url.replace("http://localhost", "")
            for score, url in re.findall(r"^(\d) — [^:]+: (\S+)$", text, re.M)}


def test_solving_a_case_emails_the_customer_a_survey(solved, inbox):
    [message] = inbox.wait_for(1)

    assert message["To"] == "carla@example.com"
    assert "how did we do" in message["Subject"].lower()
    assert sorted(survey_links(inbox)) == [1, 2, 3, 4, 5]


def test_the_emailed_link_records_the_answer_without_signing_in(app, client, solved, inbox,
                                                                post_form):
    link = survey_links(inbox)[4]

    response = post_form(link, {"score": "4", "comment": "Quick and kind."})

    assert response.status_code == 302
    with app.app_context():
        survey = db.session.get(CaseSurvey, solved)
        assert (survey.score, survey.comment) == (4, "Quick and kind.")
        assert db.session.get(Case, solved).events[-1].kind == "survey"


def test_a_forged_token_opens_no_survey(client, solved):
    response = client.get(f"/cases/{solved}/survey?t=forged.token")

    assert response.status_code == 404


def test_a_token_opens_only_its_own_case(app, client, make, support, solved, inbox):
    link = survey_links(inbox)[5]
    token = re.search(r"t=([^&]+)", link).group(1)

    response = client.get(f"/cases/{solved + 1}/survey?t={token}")

    assert response.status_code == 404


def test_a_score_outside_one_to_five_is_refused_next_to_the_field(app, client, solved, inbox,
                                                                  post_form):
    link = survey_links(inbox)[3]

    response = post_form(link, {"score": "9", "comment": "hmm"})

    assert response.status_code == 422
    assert "Not a valid choice" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(CaseSurvey, solved).score is None


def test_the_customer_answers_on_the_case_page(app, client, sign_in, solved, post_form):
    sign_in("carla")
    page = client.get(f"/cases/{solved}").get_data(as_text=True)
    assert "How did we do?" in page

    response = post_form(f"/cases/{solved}/survey", {"score": "2", "comment": "Slow."},
                         form_page=f"/cases/{solved}")

    assert response.status_code == 302 and response.location.endswith(f"/cases/{solved}")
    with app.app_context():
        assert db.session.get(CaseSurvey, solved).score == 2


def test_an_open_case_has_no_survey_yet(client, sign_in, open_case):
    case_id, _agent, _thread = open_case
    sign_in("carla")

    assert client.get(f"/cases/{case_id}/survey").status_code == 404


def test_solving_again_after_reopening_asks_once(app, make, support, solved, inbox):
    with app.app_context():
        agent_id = db.session.get(Case, solved).assignee_id
        work.set_status(solved, db.session.get(User, agent_id), CaseStatus.OPEN)
        work.set_status(solved, db.session.get(User, agent_id), CaseStatus.SOLVED)

    assert len(inbox.wait_for(1)) == 1
