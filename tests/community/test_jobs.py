"""The forum's jobs: e-mails, digests, accept reminders, archiving."""

from datetime import timedelta

from sqlalchemy import select, update

from app.clock import utcnow
from app.extensions import db
from community import jobs, notifications
from community.models import EmailMode, Notification, Thread, ThreadStatus
from tests.support.smtp import body_of


def run(app, job):
    with app.app_context():
        job()


def set_mode(app, user, mode):
    with app.app_context():
        notifications.set_email_mode(user.id, mode)


def test_immediate_notifications_are_emailed_once(app, make, people, question, inbox):
    make.reply(people.helper, question, "Clean the charging contacts with a dry cotton swab.")
    run(app, jobs.send_notification_emails)
    run(app, jobs.send_notification_emails)
    [message] = inbox.wait_for(1)
    assert message["To"] == "asker@example.com"
    assert message["Subject"] == "Buds Pro left earbud will not charge"
    text = body_of(message)
    assert "helper answered your question" in text
    assert f"http://localhost/t/{question.id}/{question.slug}#post-" in text
    assert "http://localhost/unsubscribe/" in text


def test_members_who_chose_never_get_no_email(app, make, people, question, inbox):
    set_mode(app, people.asker, EmailMode.OFF)
    make.reply(people.helper, question)
    run(app, jobs.send_notification_emails)
    assert inbox.wait_for(1, timeout=0.5) == []


def test_daily_digest_collects_notifications_into_one_email_a_day(app, make, people, question,
                                                                   inbox):
    set_mode(app, people.asker, EmailMode.DAILY)
    make.reply(people.helper, question, "First idea: reset the case.")
    make.reply(people.other, question, "Second idea: update the firmware.")
    run(app, jobs.send_notification_emails)  # the helper, who follows too, gets theirs
    assert to_asker(inbox) == []
    run(app, jobs.send_notification_digest)
    make.reply(people.helper, question, "Third idea: contact support for a swap.")
    run(app, jobs.send_notification_digest)  # within 24 h of the last digest: waits
    [digest] = to_asker(inbox)
    assert digest["Subject"] == "2 updates in the community"


def to_asker(inbox):
    return [m for m in inbox.wait_for(2, timeout=0.5) if m["To"] == "asker@example.com"]


def test_a_mail_server_that_is_down_is_retried_next_time(app, make, people, question, inbox):
    from tests.support.postgres import free_port

    make.reply(people.helper, question)
    port = app.config["MAIL_PORT"]
    app.config["MAIL_PORT"] = free_port()
    run(app, jobs.send_notification_emails)
    app.config["MAIL_PORT"] = port
    run(app, jobs.send_notification_emails)
    assert len(inbox.wait_for(1)) == 1


def age_thread(app, thread, days):
    with app.app_context():
        moment = utcnow() - timedelta(days=days)
        db.session.execute(update(Thread).where(Thread.id == thread.id)
                           .values(created_at=moment, last_activity_at=moment))
        db.session.commit()


def reminders(app, user) -> int:
    with app.app_context():
        return len(db.session.scalars(select(Notification).where(
            Notification.user_id == user.id, Notification.kind == "accept_reminder")).all())


def answered_days_ago(app, thread, days):
    with app.app_context():
        db.session.execute(update(Thread).where(Thread.id == thread.id)
                           .values(answered_at=utcnow() - timedelta(days=days)))
        db.session.commit()


def test_askers_are_reminded_three_and_seven_days_after_the_answer(app, make, people,
                                                                   question):
    make.reply(people.helper, question)
    answered_days_ago(app, question, 2)
    run(app, jobs.remind_to_accept)
    assert reminders(app, people.asker) == 0
    answered_days_ago(app, question, 3)
    run(app, jobs.remind_to_accept)
    run(app, jobs.remind_to_accept)
    assert reminders(app, people.asker) == 1
    answered_days_ago(app, question, 8)
    run(app, jobs.remind_to_accept)
    run(app, jobs.remind_to_accept)
    assert reminders(app, people.asker) == 2


def test_a_question_answered_late_is_not_reminded_at_once(app, make, people, question):
    age_thread(app, question, 10)
    make.reply(people.helper, question)
    run(app, jobs.remind_to_accept)
    assert reminders(app, people.asker) == 0


def test_the_askers_own_follow_up_is_not_an_answer(app, client, make, people, question):
    make.reply(people.asker, question, "Adding details: it is the left one, firmware 3.2.1.")
    age_thread(app, question, 10)
    run(app, jobs.remind_to_accept)
    assert reminders(app, people.asker) == 0
    assert make.get(Thread, question.id).answered_at is None


def test_questions_without_answers_get_no_reminder(app, make, people, question):
    age_thread(app, question, 10)
    run(app, jobs.remind_to_accept)
    assert reminders(app, people.asker) == 0


def test_threads_quiet_for_180_days_are_archived(app, make, people, question):
    fresh = make.thread(people.asker, title="Lumio Go speaker: which strap fits it?")
    age_thread(app, question, 181)
    run(app, jobs.archive_quiet_threads)
    assert make.get(Thread, question.id).status == ThreadStatus.ARCHIVED
    assert make.get(Thread, fresh.id).status == ThreadStatus.OPEN


def test_archived_solved_threads_stay_in_the_solved_list(app, client, make, people, question):
    answer = make.reply(people.helper, question)
    make.act("accept", people.asker, answer)
    age_thread(app, question, 200)
    run(app, jobs.archive_quiet_threads)
    category = make.get(Thread, question.id).category_id
    from community.models import Category

    slug = make.get(Category, category).slug
    assert question.title in client.get(f"/c/{slug}?list=solved").get_data(as_text=True)


def test_plain_text_emails_carry_no_html_entities(app, make, people, inbox):
    thread = make.thread(people.asker, title='Buds won\'t pair & "reset" fails <again>')
    make.reply(people.helper, thread, "Try forgetting the device first, then pair again.")
    run(app, jobs.send_notification_emails)
    [message] = inbox.wait_for(1)
    text = body_of(message)
    assert 'Buds won\'t pair & "reset" fails <again>' in text
    assert "&amp;" not in text and "&#39;" not in text


def test_digest_notes_never_hold_up_immediate_ones(app, make, people, question, inbox):
    set_mode(app, people.asker, EmailMode.DAILY)
    for number in range(3):
        make.reply(people.other, question, f"Digest-bound idea number {number} for you.")
    helpers_thread = make.thread(people.helper, title="Lumio Go strap keeps slipping off")
    make.reply(people.other, helpers_thread, "Tighten the second loop, it holds better.")
    with app.app_context():
        sent = notifications.send_immediate_emails(limit=1)
    assert sent == 1
    assert [m["To"] for m in inbox.wait_for(1)] == ["helper@example.com"]


def test_notifications_read_on_the_site_are_not_emailed(app, make, people, question, inbox):
    make.reply(people.helper, question)
    with app.app_context():
        notifications.mark_all_read(people.asker.id)
    run(app, jobs.send_notification_emails)
    assert inbox.wait_for(1, timeout=0.5) == []


def test_emails_offer_one_click_unsubscribe_to_mail_apps(app, make, people, question, inbox):
    make.reply(people.helper, question)
    run(app, jobs.send_notification_emails)
    [message] = inbox.wait_for(1)
    assert message["List-Unsubscribe"].strip().startswith("<http://localhost/unsubscribe/")


def test_accepting_twice_tells_the_author_once(app, make, people, question):
    answer = make.reply(people.helper, question)
    make.act("accept", people.asker, answer)
    make.act("unaccept", people.asker, answer)
    make.act("accept", people.asker, answer)
    with app.app_context():
        kinds = db.session.scalars(select(Notification.kind).where(
            Notification.user_id == people.helper.id)).all()
    assert kinds == ["answer_accepted"]


def test_an_acceptance_taken_back_at_once_is_never_told(app, make, people, question):
    answer = make.reply(people.helper, question)
    make.act("accept", people.asker, answer)
    make.act("unaccept", people.asker, answer)
    with app.app_context():
        assert db.session.scalars(select(Notification).where(
            Notification.user_id == people.helper.id)).all() == []


# --- one bad row never blocks the rest ----------------------------------------------------


def test_a_notification_that_cannot_be_sent_does_not_stop_the_others(app, make, people,
                                                                     question, inbox):
    from tests.support.smtp import REFUSED_DOMAIN

    refused = make.user("gone", email=f"gone@{REFUSED_DOMAIN}")
    make.act("me_too", refused, question)
    make.reply(people.helper, question, "Clean the charging contacts with a dry cotton swab.")
    run(app, jobs.send_notification_emails)
    assert sorted(m["To"] for m in inbox.wait_for(1)) == ["asker@example.com"]
    with app.app_context():
        failed = db.session.scalar(select(Notification).where(
            Notification.user_id == refused.id))
        assert failed.emailed_at is None
        assert failed.email_attempts == 1
        assert "No such mailbox" in failed.email_error


def test_a_notification_that_keeps_failing_is_given_up_after_five_attempts(app, make, people,
                                                                           question, inbox):
    from tests.support.smtp import REFUSED_DOMAIN

    refused = make.user("gone", email=f"gone@{REFUSED_DOMAIN}")
    make.act("me_too", refused, question)
    make.reply(people.helper, question)
    for _ in range(7):
        run(app, jobs.send_notification_emails)
    with app.app_context():
        failed = db.session.scalar(select(Notification).where(
            Notification.user_id == refused.id))
        assert failed.email_attempts == notifications.MAX_EMAIL_ATTEMPTS == 5


def test_a_title_stored_with_a_line_break_cannot_inject_a_header(app, make, people, question,
                                                                 inbox):
    """Titles stored before line breaks were refused must not become header lines."""
    with app.app_context():
        db.session.execute(update(Thread).where(Thread.id == question.id).values(
            title="Buds Pro left earbud\r\nBcc: victim@example.com"))
        db.session.commit()
    make.reply(people.helper, question)
    other = make.thread(people.other, title="Lumio Go strap keeps slipping off")
    make.reply(people.helper, other, "Tighten the second loop, it holds better.")
    run(app, jobs.send_notification_emails)
    messages = inbox.wait_for(2)
    assert sorted(m["To"] for m in messages) == ["asker@example.com", "other@example.com"]
    assert all(m["Bcc"] is None for m in messages)
    assert "Buds Pro left earbud Bcc: victim@example.com" in [m["Subject"] for m in messages]


def test_a_reminder_that_fails_does_not_stop_the_others(app, make, people, question,
                                                        monkeypatch):
    """A failure inside one item's transaction is rolled back, recorded and counted; the
    walk goes on with the next thread."""
    second = make.thread(people.other, title="Lumio Go strap keeps slipping off")
    for thread in (question, second):
        make.reply(people.helper, thread)
        answered_days_ago(app, thread, 4)
    original = notifications.accept_reminder

    def broken_for_the_first(thread):
        if thread.id == question.id:
            raise RuntimeError("disk full")
        original(thread)

    monkeypatch.setattr(notifications, "accept_reminder", broken_for_the_first)
    run(app, jobs.remind_to_accept)
    assert reminders(app, people.other) == 1
    assert reminders(app, people.asker) == 0
    assert make.get(Thread, question.id).reminders_sent == 0
    from app.jobs.models import JobItemFailure

    with app.app_context():
        failure = db.session.scalar(select(JobItemFailure))
        assert (failure.job, failure.item, failure.attempts) == (
            "accept-reminders", f"thread:{question.id}", 1)
        assert "disk full" in failure.error
