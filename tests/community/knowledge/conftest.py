import pytest

from app.accounts.models import Role

PII_ANSWER = ("Write to care@lumio.example with order #48213377 or call +39 333 123 4567; "
              "ask @lumio_help too. Then hold the case button for 15 seconds.")


@pytest.fixture
def agent(make):
    return make.user("agent", role=Role.AGENT)


@pytest.fixture
def solved(make, people, question):
    """A solved question whose accepted answer carries personal data."""
    answer = make.reply(people.helper, question, PII_ANSWER)
    make.act("accept", people.asker, answer)
    return answer
