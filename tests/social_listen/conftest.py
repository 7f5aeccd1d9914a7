import pytest

from app.accounts.models import Role
from tests.support.fake_x import FakeX


@pytest.fixture
def fake_x():
    """The local fake X server, serving the recorded posts; faults queued per test. A
    "timeout" fault answers after the client's timeout (``x_app``)."""
    with FakeX(delay=2.5) as server:
        yield server


@pytest.fixture
def x_app(app, fake_x):
    """The app pointed at the fake server, with short back-offs. The timeout is short, but
    not so short that a loaded machine's ordinary answer misses it (0.3 s once did)."""
    app.config.update(X_API_BASE=fake_x.url, X_BEARER_TOKEN="test-token",
                      LISTEN_TIMEOUT=2.0, LISTEN_PAGE_SIZE=10)
    return app


@pytest.fixture
def staff(make):
    class Staff:
        admin = make.admin("boss")
        moderator = make.user("mod", role=Role.MODERATOR)
        agent = make.user("agent", role=Role.AGENT)
        member = make.user("maren")
        area = make.category("Earbuds")

    return Staff


@pytest.fixture
def rule(x_app, staff):
    return make_rule(x_app, staff)


def make_rule(app, staff, **values):
    from app.accounts.models import User
    from app.extensions import db
    from social_listen import services

    fields = {"name": "Brand on X", "source": "x", "query": "acme -is:retweet",
              "category_id": staff.area.id, **values}
    with app.app_context():
        rule = services.create_rule(db.session.get(User, staff.admin.id),
                                    services.RuleFields(**fields))
        db.session.refresh(rule)
        db.session.expunge(rule)
        return rule
