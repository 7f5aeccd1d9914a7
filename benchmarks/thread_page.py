"""A question with 50 answers to measure, and a real sign-in for the signed-in rows
(``benchmarks/pages.py`` measures the page)."""

from __future__ import annotations

import http.client
import os
import re
import urllib.parse

from benchmarks.harness import BROWSER

PASSWORD = "benchmark passphrase"


def seed_thread(env: dict[str, str]) -> str:
    """A thread with 50 answers by 10 members, votes and an accepted answer; its path."""
    os.environ.update(env)
    from app import create_app
    from app.accounts import services as accounts
    from app.extensions import db
    from community import services
    from community.models import Category
    from moderation.models import MemberTrust

    app = create_app()
    with app.app_context():
        members = [accounts.register(f"member{n}", f"member{n}@example.com", PASSWORD)
                   for n in range(10)]
        db.session.add_all([MemberTrust(user_id=member.id, level=2) for member in members])
        category = Category(slug="bench-earbuds", name="Earbuds (benchmark)",
                            description="Buds")
        db.session.add(category)
        db.session.commit()
        thread = services.ask(members[0], category=category,
                              title="Buds Pro left earbud will not charge after 3.2.1",
                              body="Since the update the left earbud stays at 0% in the case.")
        answers = [services.reply(members[1 + n % 9], thread,
                                  f"Answer {n}: **clean the contacts**, then reset the case "
                                  f"(hold the button {5 + n} seconds). See https://example.com")
                   for n in range(50)]
        for answer in answers[:20]:
            services.vote_helpful(members[0], answer)  # the asker votes, never an author
        services.accept(members[0], answers[7])
        return f"/t/{thread.id}/{thread.slug}"


def session_cookie(port: int, login: str = "member5", then: tuple[str, ...] = ()) -> str:
    """Sign in as a browser does: the form's CSRF token, then the redirect followed, then
    the pages in ``then``, each time keeping the cookie the server sets; the session cookie
    (``name=value``) the member's browser ends up holding."""
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", "/sign-in", headers=BROWSER)
    response = connection.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"csrf_token": token, "login": login,
                                   "password": PASSWORD})
    connection.request("POST", "/sign-in", body=form, headers={
        **BROWSER, "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    response.read()
    if response.status != 302:
        raise RuntimeError(f"signing in as {login} answered {response.status}")
    cookie = response.getheader("Set-Cookie").split(";")[0]
    for path in (urllib.parse.urlsplit(response.getheader("Location")).path, *then):
        connection.request("GET", path, headers={**BROWSER, "Cookie": cookie})
        landing = connection.getresponse()
        landing.read()
        if landing.getheader("Set-Cookie"):
            cookie = landing.getheader("Set-Cookie").split(";")[0]
    return cookie
