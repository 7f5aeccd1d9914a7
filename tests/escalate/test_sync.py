"""The thread shows its case, and an accepted answer solves the case."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import User
from app.extensions import db
from community.knowledge.models import Article
from community.models import Post, Thread
from escalate import work
from escalate.models import Case
from escalate.rules import CaseStatus


def public_answer(app, case_id, agent_id, body="Hold both buttons for ten seconds."):
    with app.app_context():
        work.reply(case_id, db.session.get(User, agent_id), body, "public")
        case = db.session.get(Case, case_id)
        return db.session.scalar(select(Post.id).where(Post.thread_id == case.thread_id,
                                                       Post.is_opening.is_(False)))


def test_the_thread_says_it_was_escalated_to_support(client, open_case):
    _case_id, _agent, thread_id = open_case

    page = client.get(f"/t/{thread_id}", follow_redirects=True).get_data(as_text=True)

    assert "Escalated to support." in page and "the case is new" in page


def test_a_visitors_cached_page_follows_the_case_status(app, client, open_case):
    case_id, agent_id, thread_id = open_case
    client.get(f"/t/{thread_id}", follow_redirects=True)  # now in the page cache
    with app.app_context():
        work.set_status(case_id, db.session.get(User, agent_id), CaseStatus.PENDING)

    page = client.get(f"/t/{thread_id}", follow_redirects=True).get_data(as_text=True)

    assert "the case is waiting for the customer" in page


def test_only_the_customer_and_agents_get_the_case_link(client, sign_in, open_case,
                                                        post_form):
    case_id, _agent, thread_id = open_case
    sign_in("henrik")
    others = client.get(f"/t/{thread_id}", follow_redirects=True).get_data(as_text=True)
    post_form("/sign-out", {}, form_page="/")
    sign_in("carla")
    customers = client.get(f"/t/{thread_id}", follow_redirects=True).get_data(as_text=True)

    assert f"/cases/{case_id}" not in others and f"/cases/{case_id}" in customers


def test_the_asker_accepting_the_agents_answer_solves_the_case(app, make, support,
                                                                open_case):
    case_id, agent_id, _thread = open_case
    answer_id = public_answer(app, case_id, agent_id)

    make.act("accept", support.customer, make.get(Post, answer_id))

    with app.app_context():
        case = db.session.get(Case, case_id)
        assert case.status == CaseStatus.SOLVED and case.solved_at is not None
        assert [e.kind for e in case.events][-3:] == ["accepted", "status", "proposed"]


def test_the_agents_accepted_answer_is_proposed_for_the_knowledge_base(app, make, support,
                                                                      open_case):
    case_id, agent_id, _thread = open_case
    answer_id = public_answer(app, case_id, agent_id)

    make.act("accept", support.customer, make.get(Post, answer_id))

    with app.app_context():
        article = db.session.scalar(select(Article).where(Article.source_post_id == answer_id))
        assert article is not None and article.author_id == agent_id
        assert article.current_revision_id is None  # in review, not yet published


def test_a_members_accepted_answer_solves_without_a_proposal(app, make, support, open_case):
    case_id, _agent, thread_id = open_case
    answer = make.reply(support.helper, make.get(Thread, thread_id),
                        "Try another cable, that fixed mine.")

    make.act("accept", support.customer, answer)

    with app.app_context():
        assert db.session.get(Case, case_id).status == CaseStatus.SOLVED
        assert db.session.scalar(select(Article.id)) is None


def test_the_agent_solves_by_accepting_their_answer(app, client, sign_in, support, open_case,
                                                    post_form):
    case_id, agent_id, _thread = open_case
    answer_id = public_answer(app, case_id, agent_id)
    sign_in("agnes" if agent_id == support.agent.id else "otto")

    response = post_form(f"/cases/{case_id}/solve", {"post_id": answer_id},
                         form_page=f"/cases/{case_id}")

    assert response.status_code == 302
    with app.app_context():
        case = db.session.get(Case, case_id)
        assert case.status == CaseStatus.SOLVED
        assert case.thread.accepted_post_id == answer_id


def test_solving_with_a_post_of_another_thread_is_refused(app, make, support, open_case):
    case_id, agent_id, _thread = open_case
    elsewhere = make.thread(support.helper, support.area, title="Another question here")
    other = make.reply(support.agent, elsewhere, "An answer elsewhere, with enough words to post.")

    with app.app_context():
        try:
            work.solve_with_answer(case_id, db.session.get(User, agent_id), other.id)
        except work.EscalationError as error:
            assert error.status == 422
        else:
            raise AssertionError("a post of another thread solved the case")
        assert db.session.get(Case, case_id).status == CaseStatus.NEW
