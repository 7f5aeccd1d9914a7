"""An agent's work on a case, and what the thread tells the case."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db
from community.models import Post
from escalate import work
from escalate.models import Case
from escalate.rules import CaseStatus


def agent_of(app, case_id):
    with app.app_context():
        return db.session.get(Case, case_id).assignee_id


def kinds(app, case_id) -> list[str]:
    with app.app_context():
        return [event.kind for event in db.session.get(Case, case_id).events]


def test_a_public_reply_is_posted_in_the_thread_as_staff(app, client, sign_in, support,
                                                         open_case, post_form):
    case_id, assignee_id, thread_id = open_case
    sign_in("agnes" if assignee_id == support.agent.id else "otto")

    response = post_form(f"/cases/{case_id}/replies", {
        "body": "Hold both buttons for ten seconds to reset the charging case.",
        "kind": "public"}, form_page=f"/cases/{case_id}")

    assert response.status_code == 302
    with app.app_context():
        post = db.session.scalar(select(Post).where(Post.thread_id == thread_id,
                                                    Post.is_opening.is_(False)))
        case = db.session.get(Case, case_id)
        assert post.is_staff and "ten seconds" in post.body_source
        assert case.first_responded_at is not None and case.status == CaseStatus.OPEN
    assert kinds(app, case_id)[-1] == "reply_public"


def test_a_private_reply_is_emailed_to_the_customer_only(app, support, open_case, inbox):
    from tests.support.smtp import body_of

    case_id, assignee_id, thread_id = open_case
    inbox.clear()
    with app.app_context():
        agent = db.session.get(User, assignee_id)
        work.reply(case_id, agent, "Please send us your order number.", "private")

    [message] = inbox.wait_for(1)
    assert message["To"] == "carla@example.com" and "order number" in body_of(message)
    with app.app_context():
        assert db.session.scalar(select(Post).where(Post.thread_id == thread_id,
                                                    Post.is_opening.is_(False))) is None
    assert kinds(app, case_id)[-1] == "reply_private"


def test_an_internal_note_is_hidden_from_the_customer(app, client, sign_in, open_case):
    case_id, assignee_id, _thread = open_case
    with app.app_context():
        work.reply(case_id, db.session.get(User, assignee_id),
                   "Customer had the same issue in March.", "internal")
    sign_in("carla")

    page = client.get(f"/cases/{case_id}").get_data(as_text=True)

    assert "same issue in March" not in page


def test_a_customer_reply_reopens_a_pending_case(app, make, support, open_case):
    case_id, assignee_id, thread_id = open_case
    with app.app_context():
        work.set_status(case_id, db.session.get(User, assignee_id), CaseStatus.PENDING)
    make.reply(support.customer, type("T", (), {"id": thread_id}),
               "Here is the order number you asked for: 123-456.")

    with app.app_context():
        case = db.session.get(Case, case_id)
        assert case.status == CaseStatus.OPEN
    assert "customer_reply" in kinds(app, case_id)


def test_time_pending_moves_the_solution_due_time(app, support, open_case):
    case_id, assignee_id, _thread = open_case
    with app.app_context():
        agent = db.session.get(User, assignee_id)
        due = db.session.get(Case, case_id).resolution_due_at
        work.set_status(case_id, agent, CaseStatus.PENDING)
        case = db.session.get(Case, case_id)
        case.paused_since = utcnow() - timedelta(hours=5)
        db.session.commit()
        work.set_status(case_id, agent, CaseStatus.OPEN)
        case = db.session.get(Case, case_id)
        assert case.resolution_due_at - due >= timedelta(hours=5)
        assert case.paused_seconds >= 5 * 3600


def test_a_solved_case_cannot_go_pending_and_a_closed_one_stays_closed(app, support,
                                                                       open_case):
    import pytest

    from escalate.services import EscalationError

    case_id, assignee_id, _thread = open_case
    with app.app_context():
        agent = db.session.get(User, assignee_id)
        work.set_status(case_id, agent, CaseStatus.SOLVED)
        with pytest.raises(EscalationError) as refused:
            work.set_status(case_id, agent, CaseStatus.PENDING)
        assert refused.value.status == 409
        work.set_status(case_id, agent, CaseStatus.CLOSED)
        with pytest.raises(EscalationError):
            work.set_status(case_id, agent, CaseStatus.OPEN)


def test_members_cannot_reply_on_cases(app, support, open_case):
    import pytest

    from escalate.services import EscalationError

    case_id, _assignee, _thread = open_case
    with app.app_context(), pytest.raises(EscalationError) as refused:
        work.reply(case_id, db.session.get(User, support.customer.id), "hi there", "internal")
    assert refused.value.status == 403


def test_an_empty_reply_is_refused_next_to_the_field(client, sign_in, support, open_case,
                                                     post_form):
    case_id, assignee_id, _thread = open_case
    sign_in("agnes" if assignee_id == support.agent.id else "otto")

    response = post_form(f"/cases/{case_id}/replies", {"body": "", "kind": "internal"},
                         form_page=f"/cases/{case_id}")

    assert response.status_code == 422
    assert 'id="body-error"' in response.get_data(as_text=True)


def test_a_reply_the_forum_refuses_is_an_error_next_to_the_field(client, sign_in, support,
                                                                 open_case, post_form):
    case_id, assignee_id, _thread = open_case
    sign_in("agnes" if assignee_id == support.agent.id else "otto")

    response = post_form(f"/cases/{case_id}/replies", {"body": "ok", "kind": "public"},
                         form_page=f"/cases/{case_id}")

    assert response.status_code == 422
    assert 'id="body-error"' in response.get_data(as_text=True)


def test_a_held_reply_of_the_customer_reaches_the_case_once_published(app, make, support,
                                                                       open_case):
    from app import events

    case_id, _assignee, thread_id = open_case
    post = make.reply(support.customer, type("T", (), {"id": thread_id}),
                      "Here is the order number you asked for: 123-456.")
    with app.app_context():
        published = db.session.get(Post, post.id)
        before = kinds(app, case_id).count("customer_reply")
        events.content_published.send(published, first=True)

    assert kinds(app, case_id).count("customer_reply") == before + 1
