"""The audit log: staff actions made anywhere are recorded, with before and after, and can
be filtered."""

from sqlalchemy import select

from app.extensions import db
from moderation.models import AuditEntry


def entries(app, action):
    with app.app_context():
        found = db.session.scalars(select(AuditEntry).where(AuditEntry.action == action)).all()
        db.session.expunge_all()
        return found


def test_a_role_change_is_audited(app, client, crew, token_of):
    client.put(f"/api/v1/users/{crew.member.id}/role", json={"role": "agent"},
               headers=token_of(crew.admin))
    [entry] = entries(app, "user.role")
    assert entry.actor_id == crew.admin.id and "member → agent" in entry.summary


def test_a_moderator_editing_someone_elses_post_is_audited_with_the_text_before(
        app, make, crew):
    from community import services
    from community.models import Post

    thread = make.thread(crew.member, crew.area, body="My order number is 123-4567 and it "
                                                      "still has not shipped.")
    with app.app_context():
        post = db.session.scalar(select(Post).where(Post.thread_id == thread.id))
        services.edit_post(db.session.get(type(crew.moderator), crew.moderator.id), post,
                           "My order (number removed) still has not shipped.")
    [entry] = entries(app, "post.edit")
    assert "123-4567" in entry.before and "number removed" in entry.after


def test_an_author_editing_their_own_post_is_not_a_staff_action(app, make, crew):
    from community import services
    from community.models import Post

    thread = make.thread(crew.member, crew.area)
    with app.app_context():
        post = db.session.scalar(select(Post).where(Post.thread_id == thread.id))
        services.edit_post(db.session.get(type(crew.member), crew.member.id), post,
                           "A clearer description of the problem I have.")
    assert entries(app, "post.edit") == []


def test_watched_word_changes_are_audited(app, client, crew, sign_in, post_form):
    sign_in("mod")
    post_form("/moderation/words", {"pattern": "casino", "action": "block"})
    assert [entry.summary for entry in entries(app, "word.add")] == ["block: casino"]


def test_the_log_filters_by_who_and_what(app, client, crew, sign_in, post_form, token_of):
    client.put(f"/api/v1/users/{crew.member.id}/role", json={"role": "agent"},
               headers=token_of(crew.admin))
    sign_in("mod")
    post_form("/moderation/words", {"pattern": "casino", "action": "block"})
    by_mod = client.get("/moderation/audit?actor=mod").get_data(as_text=True)
    assert "<code>word.add</code>" in by_mod and "<code>user.role</code>" not in by_mod
    roles = client.get("/moderation/audit?action=user.").get_data(as_text=True)
    assert "<code>user.role</code>" in roles and "<code>word.add</code>" not in roles


def test_members_cannot_read_the_log(client, crew, sign_in):
    sign_in("maren")
    assert client.get("/moderation/audit").status_code == 403
