"""Password reset by e-mailed link: signed, expiring, single-use, and silent about accounts."""

import re
from datetime import timedelta
from email.utils import parsedate_to_datetime

import pytest
from itsdangerous import URLSafeTimedSerializer

from app.accounts.services import RESET_SALT
from tests.factories import PASSWORD
from tests.support.smtp import body_of

NEW_PASSWORD = "a brand new passphrase"


def request_link(post_form, inbox, email="grace@example.com") -> str:
    response = post_form("/password/forgot", {"email": email})
    assert response.status_code == 302
    [message] = inbox.wait_for(1)
    assert message["To"] == email
    return re.search(r"http://localhost(/password/reset/\S+)", body_of(message)).group(1)


def reset(post_form, path, password=NEW_PASSWORD, confirm=None):
    return post_form(path, {"password": password, "confirm": confirm or password})


def sign_in(post_form, password):
    return post_form("/sign-in", {"login": "grace", "password": password})


@pytest.fixture
def grace(make):
    return make.user("grace", email="grace@example.com")


def test_link_by_email_sets_a_new_password(grace, post_form, inbox):
    path = request_link(post_form, inbox)
    response = reset(post_form, path)
    assert response.status_code == 302
    assert sign_in(post_form, PASSWORD).status_code == 200
    assert sign_in(post_form, NEW_PASSWORD).status_code == 302


def test_unknown_address_gets_the_same_answer_and_no_mail(post_form, inbox, client):
    response = post_form("/password/forgot", {"email": "nobody@example.com"},
                         follow_redirects=True)
    assert "If an account uses nobody@example.com" in response.get_data(as_text=True)
    assert inbox.wait_for(1, timeout=0.5) == []


def test_link_works_only_once(grace, post_form, inbox, client):
    path = request_link(post_form, inbox)
    reset(post_form, path)
    response = client.get(path, follow_redirects=True)
    assert "already been used" in response.get_data(as_text=True)


def test_expired_link_is_refused(app, grace, post_form, inbox, client):
    path = request_link(post_form, inbox)
    app.config["PASSWORD_RESET_MAX_AGE"] = -1
    response = client.get(path, follow_redirects=True)
    assert "has expired" in response.get_data(as_text=True)
    assert sign_in(post_form, PASSWORD).status_code == 302


def test_tampered_link_is_refused(grace, post_form, inbox, client):
    path = request_link(post_form, inbox)
    tampered = path[:-3] + ("aaa" if not path.endswith("aaa") else "bbb")
    response = client.get(tampered, follow_redirects=True)
    assert "not valid" in response.get_data(as_text=True)


def test_link_signed_with_another_key_is_refused(grace, client):
    forged = URLSafeTimedSerializer("not-our-key", salt=RESET_SALT).dumps({"uid": 1, "pw": "x"})
    response = client.get(f"/password/reset/{forged}", follow_redirects=True)
    assert "not valid" in response.get_data(as_text=True)


def test_weak_new_password_is_refused_and_the_link_still_works(grace, post_form, inbox):
    path = request_link(post_form, inbox)
    response = reset(post_form, path, password="tiny")
    assert response.status_code == 200
    assert 'id="password-error"' in response.get_data(as_text=True)
    assert reset(post_form, path).status_code == 302


def test_reset_signs_out_other_sessions(app, grace, post_form, inbox, client):
    other_device = app.test_client()
    page = other_device.get("/sign-in").get_data(as_text=True)
    from tests.conftest import csrf_token_from

    other_device.post("/sign-in", data={"login": "grace", "password": PASSWORD,
                                        "csrf_token": csrf_token_from(page)})
    assert other_device.get("/account/settings").status_code == 200
    reset(post_form, request_link(post_form, inbox))
    assert other_device.get("/account/settings").status_code == 302


def test_a_forged_host_header_does_not_change_the_link(grace, client, inbox):
    from tests.conftest import csrf_token_from

    evil = "http://evil.example"  # the attacker's request names their own host
    page = client.get("/password/forgot", base_url=evil).get_data(as_text=True)
    client.post("/password/forgot", base_url=evil,
                data={"email": "grace@example.com", "csrf_token": csrf_token_from(page)})
    [message] = inbox.wait_for(1)
    assert "evil.example" not in body_of(message)
    assert "http://localhost/password/reset/" in body_of(message)


def test_mail_server_down_gives_the_same_answer(app, grace, post_form):
    from tests.support.postgres import free_port

    app.config["MAIL_PORT"] = free_port()  # nothing listens there
    known = post_form("/password/forgot", {"email": "grace@example.com"})
    unknown = post_form("/password/forgot", {"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 302


def test_the_mail_says_when_it_was_sent_with_its_offset(grace, post_form, inbox):
    post_form("/password/forgot", {"email": "grace@example.com"})
    [message] = inbox.wait_for(1)
    sent = parsedate_to_datetime(message["Date"])
    assert sent.utcoffset() == timedelta(0)
