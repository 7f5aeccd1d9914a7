"""Every response of the API keeps the OpenAPI document, whatever a client sends.

schemathesis, run as a client would run it (its command line, over HTTP), reads
``/api/v1/openapi.json`` from the app served with the demo's data and sends the requests it
generates from it: documented examples, boundary values, random fuzzing, and chains that
follow the document's links (a thread created, then answered, accepted, escalated...). It
runs every check it has: no server error, every status, content type, header and body as
documented, bad input refused, good input accepted (``schemathesis.toml`` says why a 422
counts as accepting). An endpoint added later is in the document, so it is in this run.

Once per role that sees a different API (a member, a moderator, an admin), on SQLite and on
PostgreSQL; the seed is fixed, so a failure is the same on the next run.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.demo_site import served_demo

CONFIG = Path(__file__).with_name("schemathesis.toml")
SCHEMATHESIS = Path(sys.executable).with_name("st")
ROLES = {"member": 1, "moderator": 2, "admin": 3}  # the admin last: it changes roles


@pytest.fixture(scope="module")
def served(database_url, tmp_path_factory):
    """The demo site, rate limits off (the run sends thousands of requests a minute; the
    limits have tests of their own) and inbound webhooks on."""
    with served_demo(database_url, tmp_path_factory.mktemp("contract"), RATELIMIT_ENABLED=False,
                     WEBHOOK_INBOUND_SECRET="contract-test-inbound-secret-0123456789") as site:
        yield site


def token_for(app, username: str) -> str:
    result = app.test_cli_runner().invoke(args=["users", "token", username, "--name", "fuzz"])
    assert result.exit_code == 0, result.output
    return result.output.strip().splitlines()[-1]


@pytest.mark.parametrize("role", list(ROLES))
def test_every_operation_keeps_the_contract(served, role):
    app, url = served
    run = subprocess.run(
        [str(SCHEMATHESIS), "--config-file", str(CONFIG), "run", f"{url}/api/v1/openapi.json",
         "--checks", "all", "--header", f"Authorization: Bearer {token_for(app, role)}",
         "--max-examples", "25", "--seed", str(ROLES[role]), "--generation-database", "none",
         "--request-timeout", "30", "--no-color", "--output-truncate", "false"],
        capture_output=True, text=True, timeout=600, check=False)
    report = run.stdout + run.stderr
    assert run.returncode == 0, report
    selected = re.search(r"Selected: (\d+)/(\d+)", report)
    tested = re.search(r"Tested: (\d+)", report)
    assert selected and tested and int(tested[1]) == int(selected[2]), report
    counts = re.search(r"(\d+) generated, (\d+) passed", report)
    assert counts and int(counts[1]) > 1000 and counts[1] == counts[2], report
    print(f"{role}: {counts[0]}")  # the closing note quotes these (pytest -s, or -rP)
