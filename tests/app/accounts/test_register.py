"""Sign-up: good input makes an account and signs in; bad input is refused next to the field."""

from sqlalchemy import func, select

from app.accounts.models import Role, User
from app.extensions import db

GOOD = {
    "username": "Ada_L",
    "email": "ada@example.com",
    "password": "analytical engine 1843",
    "confirm": "analytical engine 1843",
}


def register(post_form, **changes):
    return post_form("/register", {**GOOD, **changes})


def count_users(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(User))


def error_for(response, field: str) -> str:
    html = response.get_data(as_text=True)
    marker = f'id="{field}-error">'
    assert marker in html, f"no error shown next to {field}"
    return html.split(marker, 1)[1].split("</p>", 1)[0]


def test_register_creates_a_member_and_signs_in(app, client, post_form):
    response = register(post_form)
    assert response.status_code == 302
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "Ada_L"))
        assert user.role == Role.MEMBER
        assert user.password_hash.startswith("$argon2id$")
        assert "analytical" not in user.password_hash
    assert "Ada_L" in client.get("/").get_data(as_text=True)


def test_duplicate_username_is_refused_whatever_the_case(app, make, post_form):
    make.user("ada_l")
    response = register(post_form, email="other@example.com")
    assert response.status_code == 200
    assert "taken" in error_for(response, "username")
    assert count_users(app) == 1


def test_duplicate_email_is_refused_whatever_the_case(app, make, post_form):
    make.user("someone", email="ADA@example.com")
    response = register(post_form)
    assert "e-mail address exists" in error_for(response, "email")
    assert count_users(app) == 1


def test_weak_password_is_refused_with_the_reason(app, post_form):
    response = register(post_form, password="short1", confirm="short1")
    assert "at least 10 characters" in error_for(response, "password")
    assert count_users(app) == 0


def test_common_password_is_refused(app, post_form):
    response = register(post_form, password="password123", confirm="password123")
    assert "attackers try" in error_for(response, "password")
    assert count_users(app) == 0


def test_password_containing_the_username_is_refused(app, post_form):
    response = register(post_form, password="ada_l is my name", confirm="ada_l is my name")
    assert "username" in error_for(response, "password")


def test_mismatched_confirmation_is_refused(app, post_form):
    response = register(post_form, confirm="something else entirely")
    assert "differ" in error_for(response, "confirm")
    assert count_users(app) == 0


def test_bad_email_is_refused(app, post_form):
    response = register(post_form, email="not-an-address")
    assert "valid e-mail" in error_for(response, "email")
    assert count_users(app) == 0


def test_bad_username_characters_are_refused(app, post_form):
    response = register(post_form, username="ada lovelace!")
    assert "letters, digits" in error_for(response, "username")


def test_reserved_username_is_refused(app, post_form):
    response = register(post_form, username="Support")
    assert "reserved" in error_for(response, "username")


def test_the_form_keeps_what_was_typed_except_passwords(post_form):
    html = register(post_form, email="nope").get_data(as_text=True)
    assert 'value="Ada_L"' in html
    assert "analytical engine" not in html


def test_all_mistakes_are_shown_at_once(post_form):
    response = register(post_form, username="a b", email="bad", password="short",
                        confirm="other")
    for field in ("username", "email", "password", "confirm"):
        error_for(response, field)


def test_registering_returns_to_the_page_you_came_from(post_form):
    response = post_form("/register?next=/t/1/some-thread", GOOD)
    assert response.headers["Location"] == "/t/1/some-thread"
