"""Exactly once through crashes and concurrency: pollers in processes of their own, killed
with SIGKILL in the middle of a page, and two runners at once, against the fake X server.
After recovery the mentions stored equal the posts served (no gap, no duplicate) and the
checkpoint is the newest id served."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from app.extensions import db
from social_listen.models import ListeningRule, Mention

ROOT = Path(__file__).resolve().parents[2]


def runner_env(app, fake_x, tmp_path) -> dict:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("PEERDESK_") or key == "PEERDESK_SHARED_DIR"}
    env.update({
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"], "PEERDESK_ENV": "testing",
        "PEERDESK_SECRET_KEY": "test-secret-key-for-the-poll-runner-0123456789",
        "PEERDESK_INSTANCE_PATH": str(tmp_path / "instance"), "PEERDESK_MAIL_BACKEND": "log",
        "PEERDESK_SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "PEERDESK_X_API_BASE": fake_x.url, "PEERDESK_X_BEARER_TOKEN": "test-token",
        "PEERDESK_LISTEN_PAGE_SIZE": "10", "PEERDESK_LISTEN_TIMEOUT": "2",
        "PEERDESK_LISTEN_LEASE_SECONDS": "2", "PYTHONPATH": str(ROOT)})
    return env


def start(rule, fake_x, env, rounds: int = 200) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.support.poll_runner", str(rule.id), fake_x.newest_id(),
         str(rounds)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def assert_exactly_once(app, rule, fake_x, seed: int) -> None:
    with app.app_context():
        ids = list(db.session.scalars(select(Mention.external_id)))
        total = db.session.scalar(select(func.count()).select_from(Mention))
        checkpoint = db.session.get(ListeningRule, rule.id).since_id
    assert set(ids) == fake_x.expected_ids(), f"seed {seed}"
    assert total == len(set(ids)), f"seed {seed}"
    assert checkpoint == fake_x.newest_id(), f"seed {seed}"


def test_a_poller_killed_mid_page_and_restarted_loses_and_duplicates_nothing(
        x_app, rule, fake_x, tmp_path):
    seed = random.randrange(2**32)
    print(f"kill timing seed: {seed}")
    rng = random.Random(seed)
    fake_x.delay = 0.25
    fake_x.faults.extend(["slow"] * 400)  # every page takes a while: kills land mid-page
    env = runner_env(x_app, fake_x, tmp_path)
    kills = 0
    for _attempt in range(4):
        process = start(rule, fake_x, env)
        time.sleep(rng.uniform(1.5, 4.0))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=30)
        time.sleep(2.2)  # the dead runner's hold on the rule lapses
    fake_x.faults.clear()

    final = start(rule, fake_x, env)
    output = final.communicate(timeout=120)[0].decode()

    assert final.returncode == 0, output
    assert kills >= 1, f"seed {seed}: every poller finished before it could be killed"
    assert_exactly_once(x_app, rule, fake_x, seed)


def test_two_runners_at_once_through_faults_store_each_post_once(x_app, rule, fake_x,
                                                                 tmp_path):
    seed = random.randrange(2**32)
    print(f"fault order seed: {seed}")
    faults = ["500", "timeout", "malformed", "429"] * 3 + ["slow"] * 10 + [None] * 20
    random.Random(seed).shuffle(faults)
    fake_x.delay = 0.3
    fake_x.faults.extend(faults)
    env = runner_env(x_app, fake_x, tmp_path)

    runners = [start(rule, fake_x, env, rounds=400) for _ in range(2)]
    outputs = [runner.communicate(timeout=240)[0].decode() for runner in runners]

    assert any(runner.returncode == 0 for runner in runners), outputs
    assert_exactly_once(x_app, rule, fake_x, seed)
