"""The agent console and the case page, as agents, customers and others see them."""

from __future__ import annotations

from datetime import timedelta

from app.clock import utcnow
from app.extensions import db
from escalate.models import Case


def name_of(support, user_id):
    return "agnes" if user_id == support.agent.id else "otto"


def test_an_agent_finds_their_case_in_their_console(client, sign_in, support, open_case):
    case_id, assignee_id, _thread = open_case
    sign_in(name_of(support, assignee_id))

    page = client.get("/cases/").get_data(as_text=True)

    assert f"#{case_id}" in page and "My earbuds stopped charging" in page
    assert "first reply in" in page


def test_the_other_agent_sees_it_in_the_teams_queue_not_in_theirs(client, sign_in, support,
                                                                  open_case):
    case_id, assignee_id, _thread = open_case
    sign_in("otto" if name_of(support, assignee_id) == "agnes" else "agnes")

    mine = client.get("/cases/").get_data(as_text=True)
    team = client.get("/cases/?view=team").get_data(as_text=True)

    assert f"#{case_id}" not in mine and "No case is assigned to you" in mine
    assert f"#{case_id}" in team


def test_a_case_close_to_its_deadline_is_breaching_soon(app, client, sign_in, support,
                                                        open_case):
    case_id, assignee_id, _thread = open_case
    with app.app_context():
        db.session.get(Case, case_id).first_response_due_at = utcnow() + timedelta(minutes=20)
        db.session.commit()
    sign_in(name_of(support, assignee_id))

    page = client.get("/cases/?view=breaching").get_data(as_text=True)

    assert f"#{case_id}" in page and 'class="breaching"' in page


def test_the_case_page_gives_the_agent_the_whole_context(client, sign_in, support, open_case):
    case_id, assignee_id, _thread = open_case
    sign_in(name_of(support, assignee_id))

    page = client.get(f"/cases/{case_id}").get_data(as_text=True)

    assert "carla" in page and "trust level" in page
    assert "The thread" in page and "Timeline" in page and "escalated by staff" in page


def test_the_case_page_names_the_products_the_customer_owns(app, client, sign_in, support,
                                                           open_case):
    from app.accounts.models import User
    from app.extensions import db
    from community.knowledge import services as knowledge

    case_id, assignee_id, _thread = open_case
    with app.app_context():
        knowledge.set_products(db.session.get(User, support.customer.id), [support.area.id])
    sign_in(name_of(support, assignee_id))

    page = client.get(f"/cases/{case_id}").get_data(as_text=True)

    assert "Owns: Earbuds" in page


def test_the_customer_sees_their_case_without_the_agents_context(client, sign_in, open_case):
    case_id, _assignee, _thread = open_case
    sign_in("carla")

    response = client.get(f"/cases/{case_id}")

    assert response.status_code == 200
    assert "trust level" not in response.get_data(as_text=True)


def test_another_member_gets_not_found(client, sign_in, open_case):
    case_id, _assignee, _thread = open_case
    sign_in("henrik")

    assert client.get(f"/cases/{case_id}").status_code == 404


def test_members_and_moderators_have_no_console(client, sign_in, support):
    sign_in("henrik")
    assert client.get("/cases/").status_code == 403


def test_an_unknown_console_view_is_not_found(client, sign_in, support):
    sign_in("agnes")

    assert client.get("/cases/?view=everything").status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, open_case):
    case_id, _assignee, _thread = open_case

    assert client.get(f"/cases/{case_id}").status_code == 302
    assert client.get("/cases/").status_code == 302


def test_the_console_filters_by_priority(client, sign_in, support, open_case):
    case_id, _assignee, _thread = open_case
    sign_in("agnes")

    normal = client.get("/cases/?view=all&priority=normal").get_data(as_text=True)
    urgent = client.get("/cases/?view=all&priority=urgent").get_data(as_text=True)

    assert f"/cases/{case_id}" in normal and f"/cases/{case_id}" not in urgent


def test_the_console_filters_by_team(client, sign_in, support, open_case):
    case_id, _assignee, _thread = open_case
    sign_in("agnes")

    audio = client.get(f"/cases/?view=all&team={support.team_id}").get_data(as_text=True)
    other = client.get(f"/cases/?view=all&team={support.team_id + 1}").get_data(as_text=True)

    assert f"/cases/{case_id}" in audio and f"/cases/{case_id}" not in other


def test_a_made_up_filter_is_a_400(client, sign_in, support):
    sign_in("agnes")

    assert client.get("/cases/?priority=whenever").status_code == 400
    assert client.get("/cases/?team=audio").status_code == 400
