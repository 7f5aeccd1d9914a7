"""Which team and which agent a case goes to."""

from __future__ import annotations

from datetime import timedelta

from app.accounts.models import Role
from app.clock import utcnow
from app.extensions import db
from escalate import routing
from escalate.models import Team, TeamMember


def test_the_least_loaded_available_agent_gets_the_case(app, make, support):
    from escalate import services
    from escalate.rules import Reason

    first = make.thread(support.customer, support.area)
    second = make.thread(support.customer, support.area)
    with app.app_context():
        from app.accounts.models import User

        moderator = db.session.get(User, support.moderator.id)
        one = services.escalate(first.id, services.Request(Reason.MANUAL, by=moderator))
        two = services.escalate(second.id, services.Request(Reason.MANUAL, by=moderator))
        assert {one.assignee_id, two.assignee_id} == {support.agent.id, support.other_agent.id}


def test_an_unavailable_agent_gets_nothing(app, support):
    with app.app_context():
        db.session.get(TeamMember, (support.team_id, support.agent.id)).available = False
        team = db.session.get(Team, support.team_id)

        assert routing.assignee_for(team, "least_loaded").user_id == support.other_agent.id


def test_round_robin_takes_the_agent_who_waited_longest(app, support):
    with app.app_context():
        db.session.get(TeamMember, (support.team_id, support.other_agent.id)) \
            .last_assigned_at = utcnow() - timedelta(hours=1)
        db.session.get(TeamMember, (support.team_id, support.agent.id)) \
            .last_assigned_at = utcnow()
        team = db.session.get(Team, support.team_id)

        assert routing.assignee_for(team, "round_robin").user_id == support.other_agent.id


def test_a_team_is_chosen_by_area_and_language(app, make, support):
    other_area = make.category("Speakers")
    with app.app_context():
        italian = Team(name="Assistenza", languages="it")
        everything = Team(name="Everyone", languages="")
        db.session.add_all([italian, everything])
        db.session.commit()

        assert routing.team_for(support.area.id, "en").name == "Audio"
        assert routing.team_for(support.area.id, "it").name == "Assistenza"
        assert routing.team_for(other_area.id, "en").name == "Everyone"


def test_with_no_team_a_case_waits_unassigned(app, make):
    area = make.category("Chargers")
    make.user("solo", role=Role.AGENT)
    with app.app_context():
        assert routing.team_for(area.id, "en") is None
        assert routing.assignee_for(None, "least_loaded") is None
