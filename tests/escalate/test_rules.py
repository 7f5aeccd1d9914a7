"""Escalation's pure rules: priorities, service levels, status moves, reopening."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from escalate import rules
from escalate.rules import CaseStatus, Priority, Reason

OPENED = datetime(2026, 3, 2, 9, 0)


def test_an_urgent_mention_is_urgent_whatever_its_reason():
    assert rules.priority_for(Reason.SOCIAL, urgent=True) == Priority.URGENT
    assert rules.priority_for(Reason.SOCIAL) == Priority.HIGH
    assert rules.priority_for(Reason.UNANSWERED) == Priority.NORMAL


def test_first_reply_is_owed_sooner_the_higher_the_priority():
    dues = [rules.first_response_due(OPENED, priority) for priority in
            (Priority.URGENT, Priority.HIGH, Priority.NORMAL, Priority.LOW)]
    assert dues == sorted(dues)
    assert dues[0] == OPENED + timedelta(hours=1)


def test_time_waiting_for_the_customer_does_not_count_against_resolution():
    paused = timedelta(hours=30)

    due = rules.resolution_due(OPENED, Priority.NORMAL, paused)

    assert due == OPENED + timedelta(days=3) + paused


@pytest.mark.parametrize(("current", "wanted", "allowed"), [
    (CaseStatus.NEW, CaseStatus.OPEN, True),
    (CaseStatus.OPEN, CaseStatus.PENDING, True),
    (CaseStatus.PENDING, CaseStatus.ON_HOLD, True),
    (CaseStatus.ON_HOLD, CaseStatus.SOLVED, True),
    (CaseStatus.SOLVED, CaseStatus.OPEN, True),
    (CaseStatus.SOLVED, CaseStatus.CLOSED, True),
    (CaseStatus.SOLVED, CaseStatus.PENDING, False),
    (CaseStatus.CLOSED, CaseStatus.OPEN, False),
    (CaseStatus.OPEN, CaseStatus.OPEN, False),
    (CaseStatus.NEW, CaseStatus.CLOSED, False),
])
def test_status_moves(current, wanted, allowed):
    assert rules.can_move(current, wanted) is allowed


def test_a_customer_reply_reopens_a_pending_case_and_a_recently_solved_one():
    now = OPENED + timedelta(days=10)

    assert rules.reopens(CaseStatus.PENDING, None, now)
    assert rules.reopens(CaseStatus.SOLVED, now - timedelta(days=6), now)
    assert not rules.reopens(CaseStatus.SOLVED, now - timedelta(days=8), now)
    assert not rules.reopens(CaseStatus.CLOSED, now - timedelta(days=1), now)
    assert not rules.reopens(CaseStatus.OPEN, None, now)


def test_breaching_soon_means_due_within_the_hour_or_late():
    now = OPENED

    assert rules.breaching(now + timedelta(minutes=59), now)
    assert rules.breaching(now - timedelta(minutes=5), now)
    assert not rules.breaching(now + timedelta(hours=2), now)
    assert not rules.breaching(None, now)


def test_a_mention_worth_a_case_is_clearly_unhappy_or_highly_urgent():
    assert rules.is_negative_or_urgent(-0.6, 0)
    assert rules.is_negative_or_urgent(0.2, 2)
    assert not rules.is_negative_or_urgent(-0.2, 1)


def test_tags_are_lower_case_words_each_once():
    assert rules.tags_from("Billing, refund  REFUND,,vip") == ["billing", "refund", "vip"]
    assert rules.tags_from(["Refund", "billing"]) == ["refund", "billing"]


@pytest.mark.parametrize("bad", ["<b>", "two words!", "x" * 31, ",".join("abcdefghijk")])
def test_a_bad_tag_is_named(bad):
    with pytest.raises(ValueError):
        rules.tags_from(bad)
