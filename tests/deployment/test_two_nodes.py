"""Two app nodes on one PostgreSQL and one Redis, behind nginx, as docs/deployment.md
describes ("Several nodes"): what one node writes, the other shows at once; limits count
across both; each job runs once per tick whoever runs the schedulers."""

from __future__ import annotations

import itertools
import re
import time
from dataclasses import dataclass
from datetime import UTC

import psycopg
import pytest
import redis
import requests

from app.demo import DEMO_PASSWORD
from tests.conftest import unavailable
from tests.support import postgres
from tests.support.nginx import Nginx, NginxUnavailable
from tests.support.nodes import Node, flask, shared_settings

pytestmark = [pytest.mark.postgresql, pytest.mark.nginx, pytest.mark.redis]

BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36"}

PER_IP, PER_ACCOUNT = 5, 3


@dataclass
class Cluster:
    a: Node
    b: Node
    proxy: Nginx
    database_url: str
    redis_url: str

    def sql(self, statement: str, *params) -> list[tuple]:
        with psycopg.connect(self.database_url.replace("+psycopg", "")) as connection:
            return connection.execute(statement, params).fetchall()


@pytest.fixture(scope="module")
def cluster(postgres_server_url, redis_server_url, tmp_path_factory):
    database_url = postgres.create_database(postgres_server_url, "peerdesk_two_nodes")
    settings = {**shared_settings(database_url, redis_server_url),
                "PEERDESK_RATELIMIT_SIGNIN_PER_IP": f"{PER_IP} per minute",
                "PEERDESK_RATELIMIT_SIGNIN_PER_ACCOUNT": f"{PER_ACCOUNT} per 15 minutes"}
    folder = tmp_path_factory.mktemp("nodes")
    a, b = Node("a", settings, folder), Node("b", settings, folder)
    try:
        proxy = Nginx([a.address, b.address])
    except NginxUnavailable as error:
        unavailable("nginx", str(error))
    flask(settings, "db", "upgrade")
    flask({**settings, "PEERDESK_ENV": "development"}, "demo", "seed")
    try:
        a.start(), b.start()
        with proxy:
            yield Cluster(a, b, proxy, database_url, redis_server_url)
    finally:
        a.stop(), b.stop()
        postgres.drop_database(postgres_server_url, "peerdesk_two_nodes")


_addresses = itertools.count(1)


def browser(node_url: str, username: str | None = None) -> requests.Session:
    """A visitor's browser talking to ``node_url``; signed in as ``username`` if given,
    from an address of its own (so only the rate-limit tests spend a shared budget)."""
    session = requests.Session()
    session.headers.update(BROWSER)
    if username:
        response = sign_in(session, node_url, username, DEMO_PASSWORD,
                           client_address=f"192.0.2.{next(_addresses)}")
        assert response.status_code == 200 and "Sign out" in response.text
    return session


def sign_in(session: requests.Session, node_url: str, login: str, password: str,
            client_address: str | None = None) -> requests.Response:
    headers = {"X-Forwarded-For": client_address} if client_address else {}
    form = session.get(f"{node_url}/sign-in", timeout=10).text
    return session.post(f"{node_url}/sign-in", timeout=10, headers=headers, data={
        "csrf_token": csrf_token(form), "login": login, "password": password})


def csrf_token(html: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)


def thread_paths(cluster: Cluster) -> list[str]:
    home = requests.get(cluster.proxy.url, headers=BROWSER, timeout=10).text
    return list(dict.fromkeys(re.findall(r'href="(/t/\d+/[^"?#]+)"', home)))


def reply(session: requests.Session, node_url: str, path: str, body: str) -> None:
    thread_id = path.split("/")[2]
    page = session.get(f"{node_url}{path}", timeout=10).text
    response = session.post(f"{node_url}/t/{thread_id}/reply", timeout=10, data={
        "csrf_token": csrf_token(page), "body": body})
    assert response.status_code == 200 and body in response.text


def test_a_reply_through_node_a_is_on_node_bs_next_signed_out_page(cluster):
    path = thread_paths(cluster)[0]
    for _ in range(2):  # node B keeps the signed-out page
        before = requests.get(f"{cluster.b.url}{path}", headers=BROWSER, timeout=10)
    assert before.headers.get("ETag")
    reply(browser(cluster.a.url, "member"), cluster.a.url, path,
          "Written through node A: resetting the case fixed it.")
    after = requests.get(f"{cluster.b.url}{path}", headers=BROWSER, timeout=10)
    assert "Written through node A" in after.text
    assert after.headers["ETag"] != before.headers["ETag"]


def test_a_question_asked_through_one_node_is_found_by_the_others_search(cluster):
    session = browser(cluster.a.url, "member")
    form = session.get(f"{cluster.a.url}/ask", timeout=10).text
    area = re.search(r'<option value="(\d+)"', form).group(1)
    asked = session.post(f"{cluster.a.url}/ask", timeout=10, data={
        "csrf_token": csrf_token(form), "category": area, "kind": "question",
        "title": "Zanzibar dock blinks amber after the firmware update",
        "body": "Since this morning the dock blinks amber and never charges the buds."})
    assert asked.status_code == 200 and "Zanzibar dock" in asked.text
    found = requests.get(f"{cluster.b.url}/search", params={"q": "zanzibar dock amber"},
                         headers=BROWSER, timeout=10)
    assert "Zanzibar dock blinks amber" in found.text


def test_a_signed_in_visitor_stays_signed_in_whichever_node_answers(cluster):
    session = browser(cluster.proxy.url, "member")
    pages = [session.get(f"{cluster.proxy.url}/", timeout=10) for _ in range(4)]
    assert all("Sign out" in page.text for page in pages)


def test_sign_in_attempts_from_one_address_count_on_both_nodes(cluster):
    session_a, session_b = browser(cluster.a.url), browser(cluster.b.url)
    statuses = [sign_in(session, node.url, f"nobody-{n}", "wrong password 1",
                        client_address="203.0.113.7").status_code
                for n, (session, node) in enumerate(
                    [(session_a, cluster.a), (session_b, cluster.b)] * 3)]
    assert statuses == [200] * PER_IP + [429]


def test_failed_sign_ins_to_one_account_count_on_both_nodes(cluster):
    session_a, session_b = browser(cluster.a.url), browser(cluster.b.url)
    statuses = [sign_in(session, node.url, "agent", "wrong password 2",
                        client_address=f"198.51.100.{n}").status_code
                for n, (session, node) in enumerate(
                    [(session_a, cluster.a), (session_b, cluster.b)] * 2)]
    assert statuses == [200] * PER_ACCOUNT + [429]


def test_post_html_kept_by_one_node_is_used_by_the_other(cluster):
    path = thread_paths(cluster)[-1]  # the oldest listed: no other test has rendered it
    store = redis.Redis.from_url(f"{cluster.redis_url}/1")
    on_a, on_b = browser(cluster.a.url, "moderator"), browser(cluster.b.url, "moderator")
    kept_before = len(store.keys("peerdesk:page:*"))
    page = on_a.get(f"{cluster.a.url}{path}", timeout=10).text
    posts = page.count('class="post-body')
    assert posts >= 1 and len(store.keys("peerdesk:page:*")) >= kept_before + posts
    hits_before = store.info("stats")["keyspace_hits"]
    assert on_b.get(f"{cluster.b.url}{path}", timeout=10).text.count('class="post-body') == posts
    assert store.info("stats")["keyspace_hits"] - hits_before >= posts


def test_each_job_runs_once_per_tick_with_a_runner_on_each_node(cluster):
    """Runs last: it waits for two heartbeat ticks (every 30 s) while both runners run,
    and checks the heartbeat and the jobs due every minute ran once in each."""
    every_minute = ("notification-emails", "escalation-sweep", "webhook-delivery",
                    "listen-poll")
    wait_for(lambda: set(every_minute) | {"heartbeat"} <= set(leases(cluster)),
             "the runners' lease rows")
    def due(tick: int) -> list[str]:
        return ["heartbeat", *(every_minute if tick % 60 == 0 else ())]

    def run_through(tick: int) -> dict[str, tuple]:
        time.sleep(max(tick - time.time(), 0))
        for name in due(tick):
            wait_for(lambda name=name: finished_since(cluster, name, tick), f"{name} at {tick}")
        time.sleep(2)  # a second run of the tick, were the lease broken, would be in by now
        return leases(cluster)

    first = (int(time.time()) // 30 + 1) * 30
    before = run_through(first)
    second = first + 30
    after = run_through(second)
    assert cluster.a.runs_jobs() and cluster.b.runs_jobs(), (
        cluster.a.jobs_log.read_text()[-2000:] + cluster.b.jobs_log.read_text()[-2000:])
    for name in ("heartbeat", *every_minute):
        assert after[name][0] - before[name][0] == int(name in due(second)), name


def leases(cluster: Cluster) -> dict[str, tuple]:
    """Each job's (runs, finished_at)."""
    return {name: (runs, finished) for name, runs, finished in
            cluster.sql("SELECT name, runs, finished_at FROM job_leases")}


def finished_since(cluster: Cluster, name: str, moment: int) -> bool:
    finished = leases(cluster).get(name, (0, None))[1]
    return finished is not None and finished.replace(tzinfo=UTC).timestamp() >= moment


def wait_for(condition, what: str, seconds: float = 40) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"waited {seconds} s for {what}"
        time.sleep(0.2)
