"""Input an attacker (or a broken client) sends: refused with a clear answer, nothing written.

A title is one line: a line break in it became a header line in notification e-mails.
Bodies keep line breaks and tabs; other control characters (NUL, escape...) and text that
is not valid Unicode (a lone surrogate) are refused on every door, API and forms alike.
"""

import pytest

from app.extensions import db
from community.models import Post, Thread
from tests.factories import PASSWORD

PROBLEM = "application/problem+json"


@pytest.fixture
def earbuds(make):
    return make.category("Earbuds")


@pytest.fixture
def token(make, people):
    return {"Authorization": f"Bearer {make.api_token(people.asker)}"}


def api_ask(client, headers, **changes):
    body = {"category": "earbuds", "title": "Buds Pro echo on Teams calls",
            "body": "People hear their own voice back when I use the Buds Pro on Teams.",
            **changes}
    return client.post("/api/v1/threads", json=body, headers=headers)


def thread_count(app) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(Thread))


def sign_in(post_form, username):
    assert post_form("/sign-in", {"login": username, "password": PASSWORD}).status_code == 302


@pytest.mark.parametrize("title", ["Buds Pro echo\r\nBcc: victim@example.com",
                                   "Buds Pro echo\non Teams calls", "Buds Pro echo\x00 on calls",
                                   "Buds Pro echo \x1b[31mon calls", "Buds Pro\tTeams echo calls"])
def test_a_title_with_a_control_character_is_refused_by_the_api(app, client, token, earbuds,
                                                                title):
    response = api_ask(client, token, title=title)
    assert response.status_code == 422
    assert response.mimetype == PROBLEM
    assert "title" in response.get_json()["errors"]
    assert thread_count(app) == 0


def test_a_title_with_a_line_break_is_refused_by_the_ask_form(app, make, people, post_form,
                                                              earbuds):
    sign_in(post_form, "asker")
    response = post_form("/ask", {"title": "Buds Pro echo\r\nBcc: victim@example.com",
                                  "category": str(earbuds.id), "kind": "question",
                                  "body": "People hear their own voice back on Teams calls."})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="title-error"' in html and "line" in html
    assert thread_count(app) == 0


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b", "\x7f", "\u0085"])
def test_a_body_with_a_control_character_is_refused(app, client, token, earbuds, character):
    response = api_ask(client, token, body=f"People hear their own voice{character} back.")
    assert response.status_code == 422
    assert "body" in response.get_json()["errors"]
    assert thread_count(app) == 0


def test_a_body_keeps_its_line_breaks_and_tabs(app, client, token, earbuds):
    body = "Steps:\r\n1. Pair the buds\n2. Call someone\n\n\tcode: echo on\n"
    response = api_ask(client, token, body=body)
    assert response.status_code == 201
    with app.app_context():
        stored = db.session.scalar(db.select(Post.body_source))
    assert stored == "Steps:\n1. Pair the buds\n2. Call someone\n\n\tcode: echo on"


def test_a_reply_with_a_nul_is_refused(app, client, make, people, question):
    headers = {"Authorization": f"Bearer {make.api_token(people.helper)}"}
    response = client.post(f"/api/v1/threads/{question.id}/posts",
                           json={"body": "Reset the case, it fixed mine.\x00"}, headers=headers)
    assert response.status_code == 422
    assert make.get(Thread, question.id).reply_count == 0


def test_an_edit_with_a_control_character_is_refused(app, make, people, question, post_form):
    sign_in(post_form, "asker")
    with app.app_context():
        post_id = db.session.scalar(db.select(Post.id).where(Post.thread_id == question.id))
    response = post_form(f"/posts/{post_id}/edit",
                         {"title": "Buds Pro left earbud\r\nwill not charge",
                          "body": "It stopped charging after the update, any idea?"})
    assert response.status_code == 200
    assert 'id="title-error"' in response.get_data(as_text=True)
    assert make.get(Thread, question.id).title == "Buds Pro left earbud will not charge"


def test_a_lone_surrogate_is_refused_not_a_server_error(app, client, token, earbuds):
    raw = ('{"category": "earbuds", "title": "Buds Pro echo \\ud800 on calls", '
           '"body": "People hear their own voice back when I call."}')
    response = client.post("/api/v1/threads", data=raw,
                           headers={**token, "Content-Type": "application/json"})
    assert response.status_code in (400, 422)
    assert response.mimetype == PROBLEM
    assert thread_count(app) == 0


def test_json_nested_two_thousand_deep_is_400_not_a_server_error(app, client, token, earbuds):
    raw = '{"category": "earbuds", "title": ' + "[" * 2000 + "]" * 2000 + "}"
    response = client.post("/api/v1/threads", data=raw,
                           headers={**token, "Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.mimetype == PROBLEM
    assert thread_count(app) == 0


@pytest.mark.parametrize("page", ["²", "\u0661", "9" * 5000])
def test_a_page_number_python_cannot_read_is_404_not_a_server_error(client, page):
    assert client.get(f"/search?q=earbuds&page={page}").status_code == 404
