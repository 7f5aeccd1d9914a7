"""What a slow runner, a lying source, an old checkpoint, huge ids and hostile text
cannot break."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db
from community.importers.external import markdown_of, original_link
from community.models import Thread, ThreadStatus
from social_listen import auto_import, claims, jobs, polling, sources, spikes, triage
from social_listen.errors import ListeningError
from social_listen.models import ListeningRule, Mention, MentionStatus, SpikeAlert
from social_listen.sources.x import parse_page
from tests.social_listen.conftest import make_rule


def reload(app, rule) -> ListeningRule:
    with app.app_context():
        found = db.session.get(ListeningRule, rule.id)
        db.session.expunge(found)
        return found


def test_a_runner_that_lost_the_rule_writes_nothing(x_app, rule, fake_x):
    with x_app.app_context():
        slow = polling.take(rule.id)
        db.session.execute(update(ListeningRule).values(polling_until=utcnow()
                                                        - timedelta(seconds=1)))
        db.session.commit()
        assert polling.poll(rule.id).error is None  # another runner took over and finished
        page = sources.Page(items=[], next_token="until:1", newest_id="1")

        with pytest.raises(polling.LeaseLost):
            polling._commit_page(slow, page, polling.PollResult(rule.id))
        db.session.rollback()
    after = reload(x_app, rule)
    assert after.since_id == fake_x.newest_id() and after.resume_token is None


def test_a_page_claiming_a_newer_id_than_it_holds_moves_the_checkpoint_no_further():
    page = parse_page({"data": [{"id": "120", "text": "@acme help"}],
                       "meta": {"newest_id": "99999999999999999999"}})

    assert page.newest_id == "120"


@pytest.mark.parametrize("newest", ["abc", "\uff11\uff12\uff13", "-5", None])
def test_a_malformed_newest_id_falls_back_to_the_posts_on_the_page(newest):
    page = parse_page({"data": [{"id": "7", "text": "hi"}], "meta": {"newest_id": newest}})

    assert page.newest_id == "7"


def test_an_entry_dated_in_the_future_cannot_push_the_checkpoint_past_now():
    from social_listen.sources.feed import _time

    moment = _time(datetime(2099, 1, 1, tzinfo=UTC).timetuple())

    assert moment <= datetime.now(UTC)


def test_a_checkpoint_older_than_xs_window_is_given_up_and_listening_resumes(
        x_app, rule, fake_x):
    with x_app.app_context():
        db.session.execute(update(ListeningRule).values(since_id="1000"))
        db.session.commit()
    fake_x.oldest_since_id = 10**15

    with x_app.app_context():
        first = polling.poll(rule.id)
        given_up = db.session.get(ListeningRule, rule.id)
        assert given_up.since_id is None and "7 days" in given_up.last_error
        second = polling.poll(rule.id)
    assert "7 days" in first.error and second.error is None
    assert reload(x_app, rule).since_id == fake_x.newest_id()


@pytest.mark.parametrize("path", ["/listening/rules/3000000000",
                                  "/listening/?rule=3000000000", "/t/3000000000"])
def test_ids_past_what_a_column_holds_are_a_404(client, staff, post_form, path):
    from tests.factories import PASSWORD

    post_form("/sign-in", {"login": "boss", "password": PASSWORD})

    assert client.get(path).status_code == 404


def test_an_api_rule_with_a_huge_category_id_is_a_422(client, staff, make):
    headers = {"Authorization": f"Bearer {make.api_token(staff.admin)}"}

    response = client.post("/api/v1/listening/rules", headers=headers, json={
        "name": "Brand", "query": "acme", "category_id": 3_000_000_000})

    assert response.status_code == 422


def test_importing_into_a_huge_category_id_is_refused_not_a_crash(x_app, rule, staff):
    with x_app.app_context():
        polling.poll(rule.id)
        mention = db.session.scalar(select(Mention.id))

        with pytest.raises(ListeningError):
            triage.import_mention(mention, db.session.get(User, staff.moderator.id),
                                  category_id=3_000_000_000)


@pytest.mark.parametrize(("text", "forbidden"), [
    ("https://x.co/[Acme support](https://evil)", ">Acme support</a>"),  # a disguised link
    ("https://a/![x](https://evil/p.png)", "<img"),
    ("Title\n===", "<h1"),
    ("<script>alert(1)</script>", "<script"),
    ("[click](javascript:alert(1))", 'href="javascript'),
])
def test_a_posts_text_never_becomes_markup(app, text, forbidden):
    from app.text import render_markdown

    with app.test_request_context():
        html = str(render_markdown(markdown_of(text)))

    assert forbidden not in html


def test_only_web_addresses_link_to_an_original():
    from social_listen.capture import web_url

    assert original_link("javascript:alert(1)") == ""
    assert web_url("javascript:alert(1)") == "" and web_url("data:text/html,x") == ""
    assert web_url("https://reviews.example/r/1") == "https://reviews.example/r/1"


def test_a_closed_conversation_goes_on_in_one_new_thread(x_app, rule, staff):
    moderator = staff.moderator
    with x_app.app_context():
        polling.poll(rule.id)
        first, *later = [db.session.scalar(select(Mention.id).where(
            Mention.external_id == external_id)) for external_id in (
            "1275653067283759104", "1276035977375477760", "1275763727908798470")]
        actor = db.session.get(User, moderator.id)
        opened = triage.import_mention(first, actor).thread_id
        db.session.execute(update(Thread).where(Thread.id == opened)
                           .values(status=ThreadStatus.CLOSED))
        db.session.commit()

        threads = {triage.import_mention(mention, db.session.get(User, moderator.id))
                   .thread_id for mention in later}

    assert len(threads) == 1 and opened not in threads


def test_a_moderator_cannot_confirm_their_own_claim(x_app, rule, staff):
    with x_app.app_context():
        polling.poll(rule.id)
        moderator = db.session.get(User, staff.moderator.id)
        identity = claims.request_claim(moderator, "snowman")

        with pytest.raises(ListeningError) as refused:
            claims.confirm(db.session.get(User, staff.moderator.id), identity.id)
    assert refused.value.status == 403


def test_an_automatic_import_leaves_a_mention_someone_ignored(x_app, staff):
    rule = make_rule(x_app, staff, import_policy="all")
    with x_app.app_context():
        polling.poll(rule.id)
        mention = db.session.scalar(select(Mention))
        mention.status = MentionStatus.IGNORED
        db.session.commit()

        [(_, written)] = triage.write_imports([mention])

        assert written is None


def test_the_job_leaves_imports_to_the_runner_that_holds_the_rule(x_app, staff, fake_x):
    rule = make_rule(x_app, staff, import_policy="all")
    with x_app.app_context():
        polling.take(rule.id)

        jobs.poll_due_rules()

        assert db.session.scalar(select(db.func.count()).select_from(Mention)) == 0
        assert auto_import.import_pending(rule.id).done == 0


def test_pausing_a_rule_closes_its_spike(x_app, rule):
    with x_app.app_context():
        db.session.add(SpikeAlert(rule_id=rule.id, count=40, baseline=1.0))
        db.session.execute(update(ListeningRule).values(active=False))
        db.session.commit()

        spikes.check()

        assert db.session.scalar(select(SpikeAlert)).ended_at is not None
