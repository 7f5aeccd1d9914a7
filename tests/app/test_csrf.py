"""Every form refuses a POST that lacks this session's CSRF token."""

import pytest

from tests.factories import PASSWORD


@pytest.mark.parametrize(
    "url", ["/sign-in", "/register", "/password/forgot", "/sign-out", "/account/settings",
            "/admin/users/1/role"]
)
def test_post_without_token_is_refused(client, url):
    response = client.post(url, data={"login": "x", "password": "y"})
    assert response.status_code == 400


def test_token_from_another_session_is_refused(app, make, client):
    make.user("grace")
    attacker = app.test_client()
    page = attacker.get("/sign-in").get_data(as_text=True)
    from tests.conftest import csrf_token_from

    stolen = csrf_token_from(page)
    response = client.post("/sign-in", data={"login": "grace", "password": PASSWORD,
                                             "csrf_token": stolen})
    assert response.status_code == 400


def test_refused_post_changes_nothing(make, client, post_form):
    grace = make.user("grace")
    post_form("/sign-in", {"login": "grace", "password": PASSWORD})
    response = client.post("/account/settings", data={"settings-locale": "it"})
    assert response.status_code == 400
    assert make.reload(grace).locale is None


def test_csrf_failure_page_explains_what_to_do(client):
    response = client.post("/sign-in", data={})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "This form has expired" in html and "reload the page" in html
