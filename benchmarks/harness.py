"""Serve a WSGI app with gunicorn on 127.0.0.1 and measure it under a bounded load.

Figures on a shared 2-core machine are noisy, so every benchmark measures its page *and*
a bare endpoint on the same server in the same run, and reports the ratio.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Result:
    path: str
    requests: int
    seconds: float
    latencies_ms: list[float]
    errors: int
    client: str = "python"
    # wrk reports percentiles, not every latency.
    median: float | None = None
    p95: float | None = None

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    @property
    def median_ms(self) -> float:
        return self.median if self.median is not None else statistics.median(self.latencies_ms)

    @property
    def p95_ms(self) -> float:
        if self.p95 is not None:
            return self.p95
        return statistics.quantiles(self.latencies_ms, n=20)[-1]


# Every request looks like a first visit from a real browser: bots are not recorded in the
# journey, and a benchmark that counted as one would leave that cost out.
BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like "
                         "Gecko) Chrome/131.0 Safari/537.36"}


def prepared_environment(folder: Path, demo: bool = False) -> dict[str, str]:
    """Production settings in ``folder``, migrated (and seeded with the demo content)."""
    env = {
        "PEERDESK_ENV": "production",
        "PEERDESK_SECRET_KEY": "benchmark-only-secret-" + "x" * 24,
        "PEERDESK_BASE_URL": "http://127.0.0.1",
        "PEERDESK_INSTANCE_PATH": str(folder),
        "PEERDESK_SESSION_COOKIE_SECURE": "false",
        "PEERDESK_REMEMBER_COOKIE_SECURE": "false",
    }
    flask = [sys.executable, "-m", "flask", "--app", "wsgi"]
    subprocess.run([*flask, "db", "upgrade"], cwd=ROOT, env={**os.environ, **env}, check=True,
                   capture_output=True)
    if demo:  # the demo refuses production: seed the same database as development
        subprocess.run([*flask, "demo", "seed"], cwd=ROOT, check=True, capture_output=True,
                       env={**os.environ, **env, "PEERDESK_ENV": "development"})
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(target: str, env: dict[str, str], workers: int = 2,
             started: list[subprocess.Popen] | None = None):
    """Serve ``target``; yields the port (and appends the master process to ``started``)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers",
         str(workers), "--log-level", "warning", target],
        cwd=ROOT, env={**os.environ, **env},
    )
    if started is not None:
        started.append(process)
    try:
        _wait_until_up(port)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=20)


def _wait_until_up(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not start on port {port}")


def load(port: int, path: str, seconds: float = 5.0, clients: int = 4,
         headers: dict[str, str] | None = None) -> Result:
    """Send GET ``path`` from ``clients`` threads for ``seconds`` (bounded in time)."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client() -> None:
        nonlocal errors
        while time.monotonic() < stop_at:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            started = time.perf_counter()
            connection.request("GET", path, headers={**BROWSER, **(headers or {})})
            response = connection.getresponse()
            response.read()
            elapsed = (time.perf_counter() - started) * 1000
            connection.close()
            with lock:
                latencies.append(elapsed)
                errors += response.status >= 400

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Result(path, len(latencies), time.monotonic() - began, latencies, errors)


WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("PEERDESK %d %d %.3f %.3f %d\\n", summary.requests,
    summary.duration, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.timeout))
end
"""


def measure(port: int, path: str, seconds: float = 5.0,
            headers: dict[str, str] | None = None) -> Result:
    """Load ``path`` with wrk (Debian's package) when it is installed, else from Python
    threads; the result names its client, since ratios from two clients differ."""
    if shutil.which("wrk"):
        return load_wrk(port, path, seconds, headers)
    return load(port, path, seconds, headers=headers)


def load_wrk(port: int, path: str, seconds: float = 5.0,
             headers: dict[str, str] | None = None, threads: int = 2,
             connections: int = 16) -> Result:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT + (COUNTING_SCRIPT % json.dumps(path) if "{n}" in path else ""))
    arguments = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s",
                 "-s", script.name]
    for name, value in {**BROWSER, **(headers or {})}.items():
        arguments += ["-H", f"{name}: {value}"]
    output = subprocess.run([*arguments, f"http://127.0.0.1:{port}{path}"], check=True,
                            capture_output=True, text=True).stdout
    Path(script.name).unlink()
    line = next(row for row in output.splitlines() if row.startswith("PEERDESK "))
    requests, micros, median, p95, errors = line.split()[1:]
    return Result(path, int(requests), int(micros) / 1e6, [], int(errors), client="wrk",
                  median=float(median), p95=float(p95))


# A path holding "{n}" gets a new number in each request: every request is a new page.
COUNTING_SCRIPT = """
local template, n = %s, 0
request = function()
  n = n + 1
  return wrk.format(nil, (string.gsub(template, "{n}", wrk.thread:get("id") .. "x" .. n)))
end
setup = function(thread)
  thread:set("id", tostring(math.random(1, 1000000)))
end
"""


def report(title: str, baseline: Result, measured: list[Result]) -> None:
    print(f"\n{title} — load from {baseline.client}")
    print(f"  {'path':<28} {'req/s':>8} {'median ms':>10} {'p95 ms':>8} {'ratio':>7}")
    for result in [baseline, *measured]:
        ratio = result.rps / baseline.rps
        print(f"  {result.path:<28} {result.rps:>8.1f} {result.median_ms:>10.2f} "
              f"{result.p95_ms:>8.2f} {ratio:>7.3f}" + (f"  ({result.errors} errors)"
                                                       if result.errors else ""))
