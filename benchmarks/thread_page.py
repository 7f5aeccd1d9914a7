"""The thread page with 50 answers, anonymous and signed in, against a bare endpoint.

DESIGN.md §5 targets: signed in ≥ 0.08 of the bare endpoint, anonymous ≥ 0.50.
"""

from __future__ import annotations

import http.client
import os
import re
import tempfile
import urllib.parse
from pathlib import Path

from benchmarks.harness import gunicorn, measure, report
from benchmarks.pages import prepared_environment

PASSWORD = "benchmark passphrase"


def seed(env: dict[str, str]) -> str:
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
        category = Category(slug="earbuds", name="Earbuds", description="Buds")
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


def session_cookie(port: int, login: str = "member5") -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", "/sign-in")
    response = connection.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"csrf_token": token, "login": login,
                                   "password": PASSWORD})
    connection.request("POST", "/sign-in", body=form, headers={
        "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    response.read()
    return response.getheader("Set-Cookie").split(";")[0]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="peerdesk-bench-") as folder:
        env = prepared_environment(Path(folder))
        path = seed(env)
        with gunicorn("benchmarks.bench_app:app", env) as port:
            cookie = session_cookie(port)
            measure(port, "/_bench/bare", seconds=1)
            baseline = measure(port, "/_bench/bare")
            anonymous = measure(port, path)
            anonymous.path = "thread, 50 answers, anonymous"
            signed_in = measure(port, path, headers={"Cookie": cookie})
            signed_in.path = "thread, 50 answers, signed in"
    report("Thread page (ratio = page req/s / bare endpoint req/s)", baseline,
           [anonymous, signed_in])


if __name__ == "__main__":
    main()
