import pytest

from app.accounts.models import Role
from app.extensions import db
from tests.moderation.conftest import sign_in, token_of  # noqa: F401 - shared fixtures


@pytest.fixture
def support(app, make):
    """A product area with an English team of two agents, a customer, a moderator; an
    agent of another team (``outsider``) and an admin."""
    from escalate.models import Team, TeamCategory, TeamMember

    class Support:
        area = make.category("Earbuds")
        billing_area = make.category("Billing")
        customer = make.user("carla")
        helper = make.user("henrik")
        moderator = make.user("mod", role=Role.MODERATOR)
        agent = make.user("agnes", role=Role.AGENT)
        other_agent = make.user("otto", role=Role.AGENT)
        outsider = make.user("olga", role=Role.AGENT)
        admin = make.admin("boss")

    with app.app_context():
        team = Team(name="Audio", languages="en")
        db.session.add(team)
        db.session.flush()
        db.session.add(TeamCategory(team_id=team.id, category_id=Support.area.id))
        db.session.add_all([TeamMember(team_id=team.id, user_id=Support.agent.id),
                            TeamMember(team_id=team.id, user_id=Support.other_agent.id)])
        billing = Team(name="Billing")
        db.session.add(billing)
        db.session.flush()
        db.session.add(TeamCategory(team_id=billing.id, category_id=Support.billing_area.id))
        db.session.add(TeamMember(team_id=billing.id, user_id=Support.outsider.id,
                                  available=False))
        db.session.commit()
        Support.team_id = team.id
    return Support


@pytest.fixture
def open_case(app, make, support):
    """A customer's question escalated by a moderator: its case, assigned to an agent."""
    from app.accounts.models import User
    from escalate import services
    from escalate.rules import Reason

    thread = make.thread(support.customer, support.area, title="My earbuds stopped charging")
    with app.app_context():
        moderator = db.session.get(User, support.moderator.id)
        case = services.escalate(thread.id, services.Request(Reason.MANUAL, by=moderator))
        return case.id, case.assignee_id, thread.id
