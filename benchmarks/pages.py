"""Core pages against a bare Flask endpoint, same gunicorn, same run."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.harness import ROOT, gunicorn, measure, report

PAGES = ["/", "/sign-in", "/healthz"]


def prepared_environment(folder: Path) -> dict[str, str]:
    env = {
        "PEERDESK_ENV": "production",
        "PEERDESK_SECRET_KEY": "benchmark-only-secret-" + "x" * 24,
        "PEERDESK_BASE_URL": "http://127.0.0.1",
        "PEERDESK_INSTANCE_PATH": str(folder),
        "PEERDESK_RATELIMIT_ENABLED": "false",
        "PEERDESK_SESSION_COOKIE_SECURE": "false",
    }
    flask = [sys.executable, "-m", "flask", "--app", "wsgi"]
    subprocess.run([*flask, "db", "upgrade"], cwd=ROOT, env={**os.environ, **env}, check=True,
                   capture_output=True)
    return env


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="peerdesk-bench-") as folder:
        env = prepared_environment(Path(folder))
        with gunicorn("benchmarks.bench_app:app", env) as port:
            measure(port, "/_bench/bare", seconds=1)  # warm up every worker
            baseline = measure(port, "/_bench/bare")
            measured = [measure(port, path) for path in PAGES]
    report("Core pages, anonymous (ratio = page req/s / bare endpoint req/s)",
           baseline, measured)


if __name__ == "__main__":
    main()
