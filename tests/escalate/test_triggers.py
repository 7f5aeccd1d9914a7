"""Rules that open a case at once: many "me too" votes, an unhappy or urgent mention."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from escalate import mentions
from escalate.models import Case
from escalate.rules import Priority, Reason
from social_listen import polling
from social_listen.models import Mention, MentionStatus
from tests.social_listen.conftest import fake_x, make_rule, staff, x_app  # noqa: F401


def cases(app) -> list[Case]:
    with app.app_context():
        found = list(db.session.scalars(select(Case)))
        db.session.expunge_all()
        return found


def test_the_fifth_me_too_opens_a_high_priority_case(app, make, support):
    thread = make.thread(support.customer, support.area, title="Left earbud is silent")
    for number in range(4):
        make.act("me_too", make.user(f"same-{number}"), thread)
    assert cases(app) == []

    make.act("me_too", make.user("same-4"), thread)

    [case] = cases(app)
    assert (case.thread_id, case.reason, case.priority) == (thread.id, Reason.ME_TOO,
                                                            Priority.HIGH)


def test_me_too_votes_in_an_excluded_area_open_no_case(app, make, support):
    app.config["ESCALATE_EXCLUDED_CATEGORIES"] = [support.area.slug]
    thread = make.thread(support.customer, support.area, title="Left earbud is silent")
    for number in range(6):
        make.act("me_too", make.user(f"same-{number}"), thread)

    assert cases(app) == []


def test_an_unhappy_or_urgent_mention_is_sent_to_an_agent_by_the_sweep(x_app, staff):  # noqa: F811
    rule = make_rule(x_app, staff)
    with x_app.app_context():
        polling.poll(rule.id)
        heard = list(db.session.scalars(select(Mention)))
        wanted = {m.id for m in heard if m.sentiment <= -0.5 or m.urgency >= 2}
        assert db.session.scalar(select(Case.id)) is None  # hearing is not held up

        assert mentions.sweep().done == len(wanted)

        opened = {case.mention_id for case in db.session.scalars(select(Case))}
        assert wanted and opened == wanted
        found = list(db.session.scalars(select(Mention)))
        assert all(m.status == MentionStatus.ESCALATED and m.thread_id for m in found
                   if m.id in wanted)
        assert any(m.id not in wanted for m in found)
        assert all(m.status != MentionStatus.ESCALATED for m in found if m.id not in wanted)


def test_a_second_sweep_opens_nothing_more(x_app, staff):  # noqa: F811
    rule = make_rule(x_app, staff)
    with x_app.app_context():
        polling.poll(rule.id)
        mentions.sweep()

        assert mentions.sweep().done == 0


def test_with_the_rule_off_mentions_wait_in_the_inbox(x_app, staff):  # noqa: F811
    x_app.config["ESCALATE_SOCIAL_MENTIONS"] = False
    rule = make_rule(x_app, staff)
    with x_app.app_context():
        polling.poll(rule.id)
        mentions.sweep()

        assert db.session.scalar(select(Case.id)) is None
