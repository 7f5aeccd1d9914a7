"""Peerdesk as docs/deployment.md runs it on several nodes, on 127.0.0.1.

Each :class:`Node` is what one machine would run: gunicorn serving ``wsgi:app`` with its
own instance folder, and ``flask jobs run`` beside it. All nodes share one PostgreSQL
database (full-text search in it) and one Redis (rate-limit counters, page cache), and
nginx balances between them (``tests/support/nginx.py``).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FLASK = [sys.executable, "-m", "flask", "--app", "wsgi"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def shared_settings(database_url: str, redis_url: str) -> dict[str, str]:
    """Production settings every node has in common (deployment.md, "Several nodes")."""
    return {
        "PEERDESK_ENV": "production",
        "PEERDESK_SECRET_KEY": "two-nodes-test-only-" + "k" * 24,
        "PEERDESK_BASE_URL": "http://127.0.0.1",
        "DATABASE_URL": database_url,
        "PEERDESK_SEARCH_BACKEND": "postgresql",
        "PEERDESK_RATELIMIT_STORAGE_URI": f"{redis_url}/0",
        "PEERDESK_PAGE_CACHE_REDIS_URL": f"{redis_url}/1",
        "PEERDESK_TRUSTED_PROXIES": "1",
        "PEERDESK_MAIL_BACKEND": "log",
        # Plain http on 127.0.0.1: the browser would drop Secure cookies.
        "PEERDESK_SESSION_COOKIE_SECURE": "false",
        "PEERDESK_REMEMBER_COOKIE_SECURE": "false",
    }


def flask(env: dict[str, str], *arguments: str) -> str:
    result = subprocess.run([*FLASK, *arguments], cwd=ROOT, env={**os.environ, **env},
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"flask {' '.join(arguments)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


class Node:
    """One app node: ``gunicorn -w 2`` and a job runner, with its own instance folder."""

    def __init__(self, name: str, settings: dict[str, str], folder: Path) -> None:
        self.name = name
        self.port = free_port()
        self.address = f"127.0.0.1:{self.port}"
        self.url = f"http://{self.address}"
        (folder / name).mkdir(parents=True, exist_ok=True)
        self.env = {**os.environ, **settings, "PEERDESK_INSTANCE_PATH": str(folder / name)}
        self._web: subprocess.Popen | None = None
        self._jobs: subprocess.Popen | None = None

    def start(self) -> Node:
        self._web = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--bind", self.address, "--workers", "2",
             "--log-level", "warning", "wsgi:app"], cwd=ROOT, env=self.env)
        self.jobs_log = Path(self.env["PEERDESK_INSTANCE_PATH"]) / "jobs.log"
        with self.jobs_log.open("w") as log:  # kept for a failing test to show
            self._jobs = subprocess.Popen([*FLASK, "jobs", "run"], cwd=ROOT, env=self.env,
                                          stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self._web.poll() is not None:
                raise RuntimeError(f"node {self.name}: gunicorn exited")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"node {self.name}: gunicorn did not start")

    def runs_jobs(self) -> bool:
        return self._jobs is not None and self._jobs.poll() is None

    def stop(self) -> None:
        for process in (self._web, self._jobs):
            if process is not None and process.poll() is None:
                process.terminate()
        for process in (self._web, self._jobs):
            if process is not None:
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=10)
