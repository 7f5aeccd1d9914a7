"""Pages a shared cache may keep (app/http_cache.py): public, tagged, answered with 304
when unchanged, and never public once they set a cookie."""

import pytest
from flask import session

from app import http_cache


@pytest.fixture
def page(app):
    """A signed-out page tagged by ``?version=``; ``?remember=1`` writes to the session."""
    from flask import request

    def view():
        tag = http_cache.etag("page", request.args.get("version", "1"))
        if (unchanged := http_cache.unchanged(tag)) is not None:
            return unchanged
        if request.args.get("remember"):
            session["visitor"] = "someone"
        return http_cache.make_public(app.make_response("<p>Hello</p>"), tag)

    app.add_url_rule("/_test/page", "test_page", view)
    return app.test_client()


def test_a_public_page_says_so_and_carries_its_tag(page):
    response = page.get("/_test/page")
    assert response.cache_control.public and response.cache_control.no_cache
    assert response.headers["ETag"] and "Set-Cookie" not in response.headers
    assert {"Accept-Language", "Cookie"} <= set(response.vary)


def test_an_unchanged_page_is_answered_with_304_and_no_body(page):
    tag = page.get("/_test/page").headers["ETag"]
    response = page.get("/_test/page", headers={"If-None-Match": tag})
    assert response.status_code == 304 and response.data == b""
    assert response.headers["ETag"] == tag and response.cache_control.public


def test_a_changed_page_is_sent_whole(page):
    tag = page.get("/_test/page").headers["ETag"]
    response = page.get("/_test/page?version=2", headers={"If-None-Match": tag})
    assert response.status_code == 200 and response.headers["ETag"] != tag


def test_a_page_that_sets_a_cookie_is_never_public(page):
    response = page.get("/_test/page?remember=1")
    assert "Set-Cookie" in response.headers
    assert not response.cache_control.public and response.cache_control.private


def test_the_max_age_is_a_setting(app, page):
    app.config["PAGE_MAX_AGE"] = 60
    response = page.get("/_test/page")
    assert response.cache_control.max_age == 60 and not response.cache_control.no_cache


@pytest.mark.parametrize("url", ["/sign-in", "/search"])
def test_pages_that_do_not_ask_to_be_public_stay_private(client, url):
    response = client.get(url)
    assert response.cache_control.private and not response.cache_control.public


def test_a_new_release_changes_every_tag(tmp_path, monkeypatch):
    package = tmp_path / "release_probe"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "page.html").write_text("<p>Hello</p>")
    monkeypatch.syspath_prepend(str(tmp_path))
    __import__("release_probe")
    before = http_cache._fingerprint(("release_probe",))
    (package / "page.html").write_text("<p>Hello again</p>")
    http_cache._fingerprint.cache_clear()
    assert http_cache._fingerprint(("release_probe",)) != before
