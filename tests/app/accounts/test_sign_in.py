"""Sign-in and sign-out, including the brute-force limits per IP and per account."""

from tests.factories import PASSWORD


def sign_in(post_form, login, password, **extra):
    return post_form("/sign-in", {"login": login, "password": password, **extra})


def test_sign_in_with_username_in_any_case(make, client, post_form):
    make.user("grace", email="grace@example.com")
    assert sign_in(post_form, "GRACE", PASSWORD).status_code == 302
    assert "grace" in client.get("/account/settings").get_data(as_text=True)


def test_sign_in_by_email_address(make, post_form):
    make.user("grace", email="grace@example.com")
    assert sign_in(post_form, "Grace@Example.com", PASSWORD).status_code == 302


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(make, post_form):
    make.user("grace")
    response = sign_in(post_form, "grace", "not the password")
    assert response.status_code == 200
    assert "Wrong username, e-mail or password." in response.get_data(as_text=True)


def test_unknown_account_gets_the_same_answer(post_form):
    response = sign_in(post_form, "nobody", "whatever it is")
    assert "Wrong username, e-mail or password." in response.get_data(as_text=True)


def test_deactivated_account_cannot_sign_in_and_is_told_why(make, post_form):
    make.user("grace", is_active=False)
    response = sign_in(post_form, "grace", PASSWORD)
    assert response.status_code == 403
    assert "This account is closed" in response.get_data(as_text=True)


def test_a_wrong_password_on_a_deactivated_account_reveals_nothing(make, post_form):
    make.user("grace", is_active=False)
    response = sign_in(post_form, "grace", "not her password at all")
    html = response.get_data(as_text=True)
    assert "Wrong username, e-mail or password." in html and "closed" not in html


def test_sign_out_ends_the_session(make, client, post_form):
    make.user("grace")
    sign_in(post_form, "grace", PASSWORD)
    response = post_form("/sign-out", {}, form_page="/")
    assert response.status_code == 302
    assert "Sign in" in client.get("/").get_data(as_text=True)


def test_next_parameter_is_followed_on_this_site_only(make, post_form):
    make.user("grace")
    response = post_form("/sign-in?next=https://evil.example/phish",
                         {"login": "grace", "password": PASSWORD})
    assert response.headers["Location"] == "/"


def test_next_parameter_returns_to_the_page_asked_for(make, post_form):
    make.user("grace")
    response = post_form("/sign-in?next=/account/settings",
                         {"login": "grace", "password": PASSWORD})
    assert response.headers["Location"] == "/account/settings"


def test_remember_me_sets_a_lasting_http_only_cookie(make, client, post_form):
    make.user("grace")
    sign_in(post_form, "grace", PASSWORD, remember="y")
    cookie = client.get_cookie("remember_token")
    assert cookie is not None and cookie.http_only and cookie.expires is not None


def test_failed_attempts_on_one_account_are_limited(app, make, post_form):
    app.config["RATELIMIT_SIGNIN_PER_ACCOUNT"] = "3 per 15 minutes"
    make.user("grace")
    for _ in range(3):
        assert sign_in(post_form, "grace", "wrong password!").status_code == 200
    blocked = sign_in(post_form, "grace", PASSWORD)
    assert blocked.status_code == 429
    assert "Too many attempts" in blocked.get_data(as_text=True)
    assert "Retry-After" in blocked.headers


def test_successful_sign_ins_do_not_use_up_the_account_limit(app, make, client, post_form):
    app.config["RATELIMIT_SIGNIN_PER_ACCOUNT"] = "2 per 15 minutes"
    make.user("grace")
    for _ in range(3):
        assert sign_in(post_form, "grace", PASSWORD).status_code == 302
        post_form("/sign-out", {}, form_page="/")


def test_attempts_from_one_address_are_limited_across_accounts(app, make, post_form):
    app.config["RATELIMIT_SIGNIN_PER_IP"] = "4 per minute"
    for number in range(4):
        assert sign_in(post_form, f"someone{number}", "wrong password!").status_code == 200
    assert sign_in(post_form, "someone-else", "wrong password!").status_code == 429


def test_username_and_email_share_one_attempt_budget(app, make, post_form):
    app.config["RATELIMIT_SIGNIN_PER_ACCOUNT"] = "2 per 15 minutes"
    make.user("grace", email="grace@example.com")
    assert sign_in(post_form, "grace", "wrong password!").status_code == 200
    assert sign_in(post_form, "grace@example.com", "wrong password!").status_code == 200
    assert sign_in(post_form, "GRACE", PASSWORD).status_code == 429


def test_parallel_guesses_cannot_exceed_the_account_limit(app, make):
    from concurrent.futures import ThreadPoolExecutor

    from tests.conftest import csrf_token_from

    app.config["RATELIMIT_SIGNIN_PER_ACCOUNT"] = "3 per 15 minutes"
    app.config["RATELIMIT_SIGNIN_PER_IP"] = "1000 per minute"
    make.user("grace")
    clients = [app.test_client() for _ in range(12)]
    tokens = [csrf_token_from(c.get("/sign-in").get_data(as_text=True)) for c in clients]

    def guess(index: int) -> int:
        return clients[index].post("/sign-in", data={
            "login": "grace", "password": f"guess number {index}", "csrf_token": tokens[index],
        }).status_code

    with ThreadPoolExecutor(max_workers=12) as pool:
        codes = list(pool.map(guess, range(12)))
    assert codes.count(200) == 3 and codes.count(429) == 9


SIGN_IN_WITHOUT_LIMITS = """
import re, sys
from app import create_app
from app.accounts import services
from app.extensions import db
app = create_app({"ENV": "testing", "SECRET_KEY": "k", "RATELIMIT_ENABLED": False,
                  "SQLALCHEMY_DATABASE_URI": "sqlite://"})
with app.app_context():
    db.create_all()
    services.register("grace", "grace@example.com", "correct horse battery")
client = app.test_client()
token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"',
                  client.get("/sign-in").get_data(as_text=True)).group(1)
response = client.post("/sign-in", data={"login": "grace", "csrf_token": token,
                                         "password": "correct horse battery"})
sys.exit(0 if response.status_code == 302 else response.status_code)
"""


def test_sign_in_works_with_rate_limits_switched_off():
    """A fresh process, as under gunicorn: no other app has set the limiter up before."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", SIGN_IN_WITHOUT_LIMITS],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]


SIGN_IN_WHILE_REDIS_IS_DOWN = """
import re, sys
from app import create_app
from app.extensions import db
app = create_app({"ENV": "testing", "SECRET_KEY": "k", "SQLALCHEMY_DATABASE_URI": "sqlite://",
                  "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:%d/0",
                  "RATELIMIT_SIGNIN_PER_ACCOUNT": "2 per 15 minutes"})
with app.app_context():
    db.create_all()
client = app.test_client()
codes = []
for _ in range(3):
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"',
                      client.get("/sign-in").get_data(as_text=True)).group(1)
    codes.append(client.post("/sign-in", data={"login": "grace", "csrf_token": token,
                                               "password": "wrong password!"}).status_code)
print(codes)
"""


def test_sign_in_still_answers_and_limits_while_the_limits_redis_is_down():
    """Counters fall back to the worker's memory rather than turning sign-in into a 500."""
    import subprocess
    import sys

    from tests.support.nodes import free_port

    result = subprocess.run([sys.executable, "-c", SIGN_IN_WHILE_REDIS_IS_DOWN % free_port()],
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[200, 200, 429]", result.stderr[-2000:]


def test_sign_in_does_not_wait_on_a_limits_redis_that_never_answers():
    """A Redis host cut off (connections accepted, nothing answered) costs a quarter of a
    second, then the counters fall back to memory: not a sign-in hanging until a 502."""
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-c", SIGN_IN_WHILE_REDIS_IS_DOWN % silent.getsockname()[1]],
            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[200, 200, 429]", result.stderr[-2000:]
    assert time.monotonic() - started < 20
