"""The escalation sweep: a question nobody answered, or an asker left waiting, reaches an
agent as a case once its clock is due; and only then."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from app.clock import utcnow
from app.extensions import db
from escalate import clocks, services
from escalate.models import Case, EscalationClock
from escalate.rules import CaseStatus, Reason


def sweep(app, after: timedelta):
    with app.app_context():
        return clocks.sweep(utcnow() + after)


def cases_of(app, thread) -> list[Case]:
    with app.app_context():
        found = db.session.scalars(select(Case).where(Case.thread_id == thread.id)).all()
        for case in found:
            case.events  # noqa: B018 - loaded for the assertions
        return found


def test_an_unanswered_question_becomes_a_case_for_its_areas_team(app, make, support):
    thread = make.thread(support.customer, support.area)

    tally = sweep(app, timedelta(hours=25))

    [case] = cases_of(app, thread)
    assert tally.done == 1
    assert (case.reason, case.status, case.team_id) == (Reason.UNANSWERED, CaseStatus.NEW,
                                                        support.team_id)
    assert case.customer_id == support.customer.id
    assert case.assignee_id in (support.agent.id, support.other_agent.id)
    assert [event.kind for event in case.events] == ["opened", "assigned"]


def test_a_question_is_not_escalated_before_its_time(app, make, support):
    thread = make.thread(support.customer, support.area)

    sweep(app, timedelta(hours=23))

    assert cases_of(app, thread) == []


def test_an_answered_question_is_left_to_the_community(app, make, support):
    thread = make.thread(support.customer, support.area)
    make.reply(support.helper, thread)

    sweep(app, timedelta(days=30))

    assert cases_of(app, thread) == []


def test_an_asker_left_waiting_after_an_answer_reaches_an_agent_after_72_hours(app, make,
                                                                              support):
    thread = make.thread(support.customer, support.area)
    make.reply(support.helper, thread)
    make.reply(support.customer, thread, "That did not work for me, it still will not charge.")

    sweep(app, timedelta(hours=71))
    assert cases_of(app, thread) == []
    sweep(app, timedelta(hours=73))

    [case] = cases_of(app, thread)
    assert case.reason == Reason.ASKER_WAITING


def test_a_suspended_askers_question_is_not_escalated(app, make, support):
    thread = make.thread(support.customer, support.area)
    with app.app_context():
        from app.accounts.models import User

        db.session.get(User, support.customer.id).read_only_until = utcnow() + timedelta(days=9)
        db.session.commit()

    sweep(app, timedelta(hours=25))

    assert cases_of(app, thread) == []
    with app.app_context():
        assert db.session.get(EscalationClock, thread.id) is None  # checked once


def test_an_excluded_area_is_left_alone(app, make, support):
    thread = make.thread(support.customer, support.area)
    app.config["ESCALATE_EXCLUDED_CATEGORIES"] = [support.area.slug]

    sweep(app, timedelta(hours=25))

    assert cases_of(app, thread) == []


def test_a_thread_has_one_active_case_however_often_it_is_escalated(app, make, support):
    thread = make.thread(support.customer, support.area)
    with app.app_context():
        from app.accounts.models import User

        moderator = db.session.get(User, support.moderator.id)
        first = services.escalate(thread.id, services.Request(Reason.MANUAL, by=moderator)).id
        again = services.escalate(thread.id, services.Request(Reason.MANUAL, by=moderator)).id
    sweep(app, timedelta(hours=25))

    assert first == again and len(cases_of(app, thread)) == 1


def test_a_member_cannot_escalate(app, make, support):
    import pytest

    thread = make.thread(support.customer, support.area)
    with app.app_context():
        from app.accounts.models import User

        member = db.session.get(User, support.helper.id)
        with pytest.raises(services.EscalationError) as refused:
            services.escalate(thread.id, services.Request(Reason.MANUAL, by=member))
    assert refused.value.status == 403 and cases_of(app, thread) == []


def test_one_thread_that_fails_does_not_block_the_others(app, make, support, monkeypatch):
    broken = make.thread(support.customer, support.area)
    fine = make.thread(support.customer, support.area)
    escalate = services.escalate

    def breaks_on_one(thread_id, request):
        if thread_id == broken.id:
            raise RuntimeError("a bug only this thread meets")
        return escalate(thread_id, request)

    monkeypatch.setattr(services, "escalate", breaks_on_one)
    tally = sweep(app, timedelta(hours=25))

    assert (tally.done, tally.failed) == (1, 1)
    assert len(cases_of(app, fine)) == 1
    with app.app_context():
        clock = db.session.get(EscalationClock, broken.id)
        assert clock.attempts == 1 and "only this thread meets" in clock.last_error


def test_the_sweep_reads_only_the_clocks_that_are_due(app, make, support):
    due = make.thread(support.customer, support.area)
    later = make.thread(support.customer, support.area)
    with app.app_context():
        db.session.get(EscalationClock, later.id).due_at = utcnow() + timedelta(days=5)
        db.session.commit()

    sweep(app, timedelta(hours=25))

    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Case)) == 1
        assert db.session.get(EscalationClock, later.id) is not None
    assert len(cases_of(app, due)) == 1
