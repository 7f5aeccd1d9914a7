"""Role changes: admins only, never leaving the site without an admin."""

from app.accounts.models import Role
from tests.factories import PASSWORD


def sign_in_as(post_form, username):
    assert post_form("/sign-in", {"login": username, "password": PASSWORD}).status_code == 302


def change_role(post_form, user, role):
    return post_form(f"/admin/users/{user.id}/role", {f"user-{user.id}-role": role},
                     form_page="/", prefix=f"user-{user.id}-")


def test_admin_changes_a_members_role(make, post_form, client):
    make.admin("boss")
    grace = make.user("grace")
    sign_in_as(post_form, "boss")
    response = client.get("/admin/users")
    assert "grace" in response.get_data(as_text=True)
    change_role(post_form, grace, "moderator")
    assert make.reload(grace).role == Role.MODERATOR
    assert "grace is now Moderator." in client.get("/admin/users").get_data(as_text=True)


def test_member_cannot_change_roles(make, post_form):
    grace = make.user("grace")
    sign_in_as(post_form, "grace")
    assert change_role(post_form, grace, "admin").status_code == 403
    assert make.reload(grace).role == Role.MEMBER


def test_moderator_cannot_change_roles(make, post_form):
    make.user("mod", role=Role.MODERATOR)
    grace = make.user("grace")
    sign_in_as(post_form, "mod")
    assert change_role(post_form, grace, "agent").status_code == 403
    assert make.reload(grace).role == Role.MEMBER


def test_anonymous_visitor_is_sent_to_sign_in(make, client):
    assert client.get("/admin/users").headers["Location"].startswith("/sign-in")


def test_people_list_is_for_admins_only(make, post_form, client):
    make.user("grace")
    sign_in_as(post_form, "grace")
    assert client.get("/admin/users").status_code == 403


def test_unknown_role_is_refused_with_a_message(make, post_form, client):
    make.admin("boss")
    grace = make.user("grace")
    sign_in_as(post_form, "boss")
    assert change_role(post_form, grace, "overlord").status_code == 303
    assert "Choose one of the listed roles." in client.get("/admin/users").get_data(as_text=True)
    assert make.reload(grace).role == Role.MEMBER


def test_a_deactivated_admin_does_not_count_as_the_other_admin(make, post_form, client):
    boss = make.admin("boss")
    make.admin("former", is_active=False)
    sign_in_as(post_form, "boss")
    change_role(post_form, boss, "member")
    assert make.reload(boss).role == Role.ADMIN


def test_one_of_two_admins_can_step_down(make, post_form):
    boss = make.admin("boss")
    make.admin("deputy")
    sign_in_as(post_form, "boss")
    change_role(post_form, boss, "member")
    assert make.reload(boss).role == Role.MEMBER


def test_role_id_past_64_bits_is_404(make, post_form, client):
    make.admin("boss")
    sign_in_as(post_form, "boss")
    response = post_form("/admin/users/99999999999999999999/role", {}, form_page="/")
    assert response.status_code == 404


def test_the_last_admin_cannot_step_down(make, post_form, client):
    boss = make.admin("boss")
    sign_in_as(post_form, "boss")
    change_role(post_form, boss, "member")
    assert make.reload(boss).role == Role.ADMIN
    assert "at least one admin" in client.get("/admin/users").get_data(as_text=True)


def test_people_list_is_paginated_and_searchable(make, post_form, client):
    make.admin("boss")
    for number in range(55):
        make.user(f"member{number:02d}")
    sign_in_as(post_form, "boss")
    first = client.get("/admin/users").get_data(as_text=True)
    assert "Page 1 of 2" in first
    found = client.get("/admin/users?q=member07").get_data(as_text=True)
    assert "member07" in found and "member08" not in found


def test_two_admins_demoting_each_other_at_once_leave_one_admin(app, make):
    """Both requests arrive together, many times over: each one either wins or is refused
    with the last-admin message, never a server error, and one admin always remains."""

    from app.extensions import db

    boss, deputy = make.admin("boss"), make.admin("deputy")
    tokens = {user.id: make.api_token(user) for user in (boss, deputy)}
    for _round in range(10):
        for user in (boss, deputy):
            with app.app_context():
                db.session.get(type(user), user.id).role = Role.ADMIN
                db.session.commit()
        statuses = demote_each_other_at_once(app, tokens, boss, deputy)
        assert sorted(statuses) in ([200, 403], [200, 409]), statuses
        roles = {make.reload(boss).role, make.reload(deputy).role}
        assert Role.ADMIN in roles


def demote_each_other_at_once(app, tokens, first, second) -> list[int]:
    import threading

    barrier, statuses = threading.Barrier(2), []

    def demote(actor, target):
        client = app.test_client()
        barrier.wait()
        statuses.append(client.put(
            f"/api/v1/users/{target.id}/role", json={"role": "member"},
            headers={"Authorization": f"Bearer {tokens[actor.id]}"}).status_code)

    threads = [threading.Thread(target=demote, args=pair)
               for pair in ((first, second), (second, first))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses
