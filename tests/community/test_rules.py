"""The forum's pure rules."""

from datetime import datetime, timedelta

import pytest

from community import rules
from community.models import ThreadStatus

NOW = datetime(2026, 11, 23, 12, 0)


@pytest.mark.parametrize("title, ok", [
    ("x" * 14, False), ("x" * 15, True), ("x" * 150, True), ("x" * 151, False),
    ("   short  title   ", False),
])
def test_title_length(title, ok):
    assert (rules.title_problem(title) is None) is ok


@pytest.mark.parametrize("body, ok", [
    ("x" * 19, False), ("x" * 20, True), ("x" * 20_000, True), ("x" * 20_001, False),
])
def test_body_length(body, ok):
    assert (rules.body_problem(body) is None) is ok


def test_a_line_break_a_browser_sends_as_two_characters_counts_as_one():
    lines = "\r\n".join(["x" * 99] * 200)  # 19,800 letters, 199 line breaks

    assert rules.body_problem(lines) is None


def test_body_too_long_says_how_long_it_is():
    assert "20001" in rules.body_problem("x" * 20_001)


@pytest.mark.parametrize("status, ok", [
    (ThreadStatus.OPEN, True), (ThreadStatus.SOLVED, True),
    (ThreadStatus.CLOSED, False), (ThreadStatus.ARCHIVED, False),
])
def test_replies_only_to_open_or_solved_threads(status, ok):
    assert (rules.reply_problem(status) is None) is ok


def test_same_text_within_five_minutes_is_a_duplicate():
    assert rules.is_duplicate("Try a reset.", "try  a reset.", NOW - timedelta(minutes=4), NOW)


def test_same_text_after_five_minutes_is_not_a_duplicate():
    assert not rules.is_duplicate("Try a reset.", "Try a reset.", NOW - timedelta(minutes=6),
                                  NOW)


def test_different_text_is_not_a_duplicate():
    assert not rules.is_duplicate("Try a reset.", "Try a reboot.", NOW, NOW)


@pytest.mark.parametrize("days_since_answer, sent, due", [
    (2, 0, False), (3, 0, True), (5, 1, False), (7, 1, True), (30, 2, False),
])
def test_accept_reminders_after_three_and_seven_days_once_each(days_since_answer, sent, due):
    assert rules.reminder_due(NOW - timedelta(days=days_since_answer), sent, NOW) is due


def test_no_reminder_without_an_answer():
    assert rules.reminder_due(None, 0, NOW) is False


@pytest.mark.parametrize("title", ["Buds Pro echo\r\nBcc: x@example.com",
                                   "Buds Pro echo on calls\u2028again", "Buds Pro echo\x00calls",
                                   "Buds Pro echo \ud800 on calls"])
def test_a_title_is_one_line_of_visible_text(title):
    assert rules.title_problem(title) is not None


def test_a_body_keeps_line_breaks_and_tabs_but_not_other_controls():
    assert rules.body_problem("Steps:\r\n1. Pair\n\t2. Call someone now") is None
    assert "U+001B (escape)" in rules.body_problem("Steps: pair the buds \x1b[31m now")


def test_a_stored_body_has_unix_line_ends():
    assert rules.clean_body("  one\r\ntwo\rthree  \n") == "one\ntwo\nthree"
