import pytest

from app.accounts.models import Role
from tests.factories import PASSWORD


@pytest.fixture
def crew(make):
    """A newcomer, a member who has read around (TL1), a regular (TL3), two moderators and
    an admin, and a product area."""

    class Crew:
        newcomer = make.newcomer("nadia")
        member = make.user("maren")
        regular = make.user("kestrel", trust_level=3)
        moderator = make.user("mod", role=Role.MODERATOR)
        other_moderator = make.user("mod2", role=Role.MODERATOR)
        admin = make.admin("boss")
        area = make.category("Earbuds")

    return Crew


@pytest.fixture
def sign_in(post_form):
    def sign_in_as(username):
        response = post_form("/sign-in", {"login": username, "password": PASSWORD})
        assert response.status_code == 302, response.get_data(as_text=True)

    return sign_in_as


@pytest.fixture
def token_of(make):
    def token(user):
        return {"Authorization": f"Bearer {make.api_token(user)}"}

    return token
