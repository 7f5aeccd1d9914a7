"""`make run` installs what running needs; `make test` adds the tools that check it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def planned(target: str) -> str:
    """The commands ``make TARGET`` would run from scratch (``-n``: none is run)."""
    if shutil.which("make") is None:
        pytest.fail("make is not installed")
    return subprocess.run(["make", "-n", "-B", target], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout


def test_make_run_installs_no_development_tools():
    commands = planned("run")
    assert "pip install --quiet --editable ." in commands
    assert ".[dev]" not in commands


def test_make_test_installs_the_development_tools():
    assert "pip install --quiet --editable '.[dev]'" in planned("test")
