"""Worker memory under a mixed load: resident size of each gunicorn worker after a first
and a second batch of requests (issue 12's target: at most 150 MB, and flat).

The batch cycles through the pages most traffic reads, signed out and signed in, driven
by wrk in runs of a few seconds until the batch has sent its requests (stopping wrk's
threads mid-run instead leaves sync workers waiting on half-open connections until
gunicorn kills them, which would measure fresh workers).
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

from benchmarks.harness import BROWSER

TARGET_MB = 150

MIXED_SCRIPT = """
local pages = {%(pages)s}
local sent = 0
request = function()
  sent = sent + 1
  local page = pages[(sent %% #pages) + 1]
  return wrk.format("GET", page[1], page[2])
end
done = function(summary, latency, requests)
  io.write(string.format("PEERDESK %%d %%d\\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.timeout))
end
"""


def workers_of(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def mixed_load(port: int, pages: list[tuple[str, dict[str, str]]], total: int,
               seconds: int = 5) -> tuple[int, int]:
    """Send at least ``total`` requests cycling through ``pages``; (requests, errors)."""
    entries = ", ".join(_lua_page(path, headers) for path, headers in pages)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(MIXED_SCRIPT % {"pages": entries})
    arguments = ["wrk", "-t2", "-c16", f"-d{seconds}s", "-s", script.name]
    for name, value in BROWSER.items():
        arguments += ["-H", f"{name}: {value}"]
    sent = errors = 0
    while sent < total:
        output = subprocess.run([*arguments, f"http://127.0.0.1:{port}/"], check=True,
                                capture_output=True, text=True).stdout
        line = next(row for row in output.splitlines() if row.startswith("PEERDESK "))
        requests, failed = (int(value) for value in line.split()[1:])
        sent, errors = sent + requests, errors + failed
    Path(script.name).unlink()
    return sent, errors


def _lua_page(path: str, headers: dict[str, str]) -> str:
    """``{"/path", {["Name"] = "value"}}``: JSON's string escapes are Lua's too."""
    fields = ", ".join(f"[{json.dumps(name)}] = {json.dumps(value)}"
                       for name, value in headers.items())
    return "{" + json.dumps(path) + ", {" + fields + "}}"


def report(master: int, port: int, pages: list[tuple[str, dict[str, str]]],
           total: int = 10_000) -> None:
    print(f"\nWorker memory (resident MB per gunicorn worker) under {total:,}-request mixed "
          f"batches of {len(pages)} pages, from wrk — target ≤ {TARGET_MB} MB and flat")
    print(f"  {'after':<22} " + " ".join(f"{'worker ' + str(n + 1):>9}"
                                          for n in range(len(workers_of(master)))))
    print(f"  {'start':<22} " + " ".join(f"{rss_mb(pid):>9.1f}" for pid in workers_of(master)))
    sent = 0
    for _batch in (1, 2):
        requests, errors = mixed_load(port, pages, total)
        sent += requests
        print(f"  {f'{sent:,} requests':<22} "
              + " ".join(f"{rss_mb(pid):>9.1f}" for pid in workers_of(master))
              + (f"  ({errors} errors)" if errors else ""))
