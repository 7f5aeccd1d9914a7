"""Through Debian's nginx, configured as docs/nginx/peerdesk.conf ships: a signed-out
visitor's repeat view is nginx's answer, a moderator's decision reaches the next visitor,
and a signed-in visitor is never given a shared page."""

import re
import time

import requests

from app.extensions import db
from community import visibility
from community.models import Post, Visibility
from tests.factories import PASSWORD

BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36"}
VALID_SECONDS = 1  # proxy_cache_valid in the shipped file


def thread_url(proxy, thread) -> str:
    return f"{proxy.url}/t/{thread.id}/{thread.slug}"


def test_a_repeat_signed_out_view_is_answered_by_nginx(proxied, question):
    first = requests.get(thread_url(proxied, question), headers=BROWSER, timeout=5)
    second = requests.get(thread_url(proxied, question), headers=BROWSER, timeout=5)
    assert first.headers["X-Cache-Status"] == "MISS"
    assert second.headers["X-Cache-Status"] == "HIT" and second.text == first.text


def test_an_unchanged_page_is_revalidated_with_its_etag(proxied, question):
    requests.get(thread_url(proxied, question), headers=BROWSER, timeout=5)
    time.sleep(VALID_SECONDS + 1.1)  # nginx counts in whole seconds
    again = requests.get(thread_url(proxied, question), headers=BROWSER, timeout=5)
    assert again.headers["X-Cache-Status"] == "REVALIDATED"


def test_a_post_hidden_by_a_moderator_is_gone_for_the_next_visitor(app, proxied, make,
                                                                   people, question):
    answer = make.reply(people.helper, question, "Cheap replica earbuds at spam.example")
    assert "spam.example" in requests.get(thread_url(proxied, question), headers=BROWSER,
                                          timeout=5).text
    with app.app_context():
        visibility.change(db.session.get(Post, answer.id), Visibility.HIDDEN)
        db.session.commit()
    time.sleep(VALID_SECONDS + 1.1)  # nginx counts in whole seconds
    after = requests.get(thread_url(proxied, question), headers=BROWSER, timeout=5)
    assert after.status_code == 200 and "spam.example" not in after.text


def signed_in(proxy, username: str) -> requests.Session:
    browser = requests.Session()
    browser.headers.update(BROWSER)
    form = browser.get(f"{proxy.url}/sign-in", timeout=5).text
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', form).group(1)
    response = browser.post(f"{proxy.url}/sign-in", timeout=5, data={
        "csrf_token": token, "login": username, "password": PASSWORD})
    assert response.status_code == 200 and "Sign out" in response.text
    return browser


def test_a_signed_in_visitor_is_never_served_a_cached_page(proxied, people, question):
    for _ in range(2):  # now nginx holds the signed-out copy
        requests.get(thread_url(proxied, question), headers=BROWSER, timeout=5)
    browser = signed_in(proxied, "other")
    response = browser.get(thread_url(proxied, question), timeout=5)
    assert response.headers["X-Cache-Status"] == "BYPASS"
    assert "Sign out" in response.text and "Post your answer" in response.text
    assert "public" not in response.headers["Cache-Control"]


def test_a_page_the_app_keeps_private_is_never_stored(proxied):
    for _ in range(2):
        response = requests.get(f"{proxied.url}/sign-in", headers=BROWSER, timeout=5)
        assert response.headers["X-Cache-Status"] == "MISS"
