import pytest

from app.accounts.models import Role


@pytest.fixture
def people(make):
    """An asker, two helpers, and a moderator."""

    class People:
        asker = make.user("asker")
        helper = make.user("helper")
        other = make.user("other")
        moderator = make.user("mod", role=Role.MODERATOR)

    return People


@pytest.fixture
def question(make, people):
    return make.thread(people.asker, title="Buds Pro left earbud will not charge")
