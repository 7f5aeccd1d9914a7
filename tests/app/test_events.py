"""The signal catalogue: every signal documented, and sent only after commit."""

from sqlalchemy import select

from app import events
from app.accounts.models import User
from app.extensions import db


def test_every_signal_is_documented():
    catalogue = events.catalogue()
    assert {"user-registered", "user-role-changed", "password-reset-completed"} <= set(catalogue)
    assert all(len(doc) > 20 for doc in catalogue.values())


def test_user_registered_is_sent_after_the_row_is_committed(app, make):
    seen = []

    def receiver(user, via):
        # A fresh connection must already see the row: the sender committed first.
        with db.engine.connect() as connection:
            seen.append(connection.scalar(select(User.id).where(User.username == user.username)))

    with events.user_registered.connected_to(receiver):
        make.user("grace")
    assert seen and seen[0] is not None


def test_role_change_reports_old_and_new_roles(app, make):
    from app.accounts import services
    from app.accounts.models import Role

    seen = []
    make.admin("boss")
    grace = make.user("grace")
    with events.user_role_changed.connected_to(lambda user, **kw: seen.append(kw)), \
            app.app_context():
        services.change_role(db.session.get(User, grace.id), Role.AGENT, changed_by=None)
    assert seen == [{"old_role": Role.MEMBER, "new_role": Role.AGENT, "changed_by": None}]


def test_a_failing_receiver_does_not_undo_the_registration(app, make, caplog):
    def broken(user, via):
        raise RuntimeError("receiver bug")

    with events.user_registered.connected_to(broken):
        grace = make.user("grace")
    assert make.reload(grace).username == "grace"
    assert "receiver bug" in caplog.text


def test_a_failing_receivers_half_done_work_is_not_committed_by_the_next(app, make):
    from blinker import Namespace

    signal = Namespace().signal("test-half-done")
    grace = make.user("grace")

    def broken(sender, **_data):
        db.session.get(User, grace.id).locale = "it"
        raise RuntimeError("failed halfway")

    def committing(sender, **_data):
        db.session.commit()

    signal.connect(broken)
    signal.connect(committing)
    with app.app_context():
        events.notify(signal, object())
    assert make.reload(grace).locale is None
