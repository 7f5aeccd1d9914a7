"""Sanctions: silence (read-only), suspend (the ladder), ban; the reason the member reads;
sessions and API tokens that stop at once; expiry by the job."""

from datetime import timedelta

from sqlalchemy import select, update

from app.clock import utcnow
from app.extensions import db
from moderation import jobs
from moderation.models import AuditEntry, Sanction
from tests.conftest import csrf_token_from
from tests.factories import PASSWORD


def impose(client, post_form, username, kind, reason="Insulting other members.", hours=""):
    return post_form(f"/moderation/members/{username}/sanction",
                     {"sanction-kind": kind, "sanction-reason": reason,
                      "sanction-hours": hours}, form_page=f"/moderation/members/{username}",
                     prefix="sanction-")


def test_a_silenced_member_reads_but_cannot_post_and_sees_why(app, client, make, crew,
                                                             sign_in, post_form, token_of,
                                                             inbox):
    thread = make.thread(crew.regular, crew.area)
    headers = token_of(crew.member)
    sign_in("mod")
    assert impose(client, post_form, "maren", "silence").status_code == 303
    [message] = inbox.wait_for(1)
    assert message["To"] == "maren@example.com"
    assert "Insulting other members." in message.get_body(("plain",)).get_content()
    refused = client.post(f"/api/v1/threads/{thread.id}/posts", headers=headers,
                          json={"body": "Trying to reply while silenced, should not work."})
    assert refused.status_code == 403
    assert "Insulting other members." in refused.get_json()["detail"]
    assert client.get(f"/api/v1/threads/{thread.id}", headers=headers).status_code == 200
    client.post("/sign-out", data={"csrf_token": csrf_token_from(
        client.get("/").get_data(as_text=True))})
    sign_in("maren")
    page = client.get(f"/t/{thread.id}/{thread.slug}").get_data(as_text=True)
    assert "You can read the community but not post until" in page
    assert "Post your answer" in page and "Helpful</button>" not in page


def _csrf(client):
    return csrf_token_from(client.get("/sign-in").get_data(as_text=True))


def test_a_suspended_member_is_signed_out_everywhere_at_once(app, client, make, crew,
                                                             token_of, post_form):
    member_client = app.test_client()
    member_client.post("/sign-in", data={"login": "maren", "password": PASSWORD,
                                         "csrf_token": _csrf(member_client)})
    assert "maren" in member_client.get("/").get_data(as_text=True)
    headers = token_of(crew.member)
    response = client.post("/sign-in", data={"login": "mod", "password": PASSWORD,
                                             "csrf_token": _csrf(client)})
    assert response.status_code == 302
    assert impose(client, post_form, "maren", "suspend").status_code == 303
    assert "Sign in" in member_client.get("/").get_data(as_text=True)
    assert client.get("/api/v1/me", headers=headers).status_code == 401
    again = app.test_client()
    page = again.post("/sign-in", data={"login": "maren", "password": PASSWORD,
                                        "csrf_token": _csrf(again)})
    assert page.status_code == 403
    html = page.get_data(as_text=True)
    assert "suspended until" in html and "Insulting other members." in html


def test_suspensions_climb_the_ladder(app, client, crew, sign_in, post_form):
    sign_in("mod")
    lengths = []
    for _round in range(5):
        impose(client, post_form, "maren", "suspend")
        with app.app_context():
            latest = db.session.scalars(select(Sanction).order_by(Sanction.id.desc())).first()
            lengths.append(round((latest.ends_at - latest.starts_at).total_seconds() / 3600))
            latest.lifted_at = utcnow()
            db.session.commit()
    assert lengths == [24, 72, 168, 720, 720]


def test_a_moderator_may_choose_another_length(app, client, crew, sign_in, post_form):
    sign_in("mod")
    impose(client, post_form, "maren", "suspend", hours="6")
    with app.app_context():
        sanction = db.session.scalar(select(Sanction))
        assert round((sanction.ends_at - sanction.starts_at).total_seconds()) == 6 * 3600


def test_the_job_lifts_what_has_run_out(app, client, make, crew, sign_in, post_form):
    sign_in("mod")
    impose(client, post_form, "maren", "suspend")
    with app.app_context():
        db.session.execute(update(Sanction).values(ends_at=utcnow() - timedelta(minutes=1)))
        db.session.commit()
        jobs.expire_sanctions()
    assert make.reload(crew.member).is_active is True
    with app.app_context():
        lifted = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "sanction.lift"))
        assert lifted.actor_id is None


def test_a_ban_has_no_end(app, client, make, crew, sign_in, post_form):
    sign_in("mod")
    impose(client, post_form, "maren", "ban", reason="Spam account.")
    with app.app_context():
        assert db.session.scalar(select(Sanction.ends_at)) is None
        jobs.expire_sanctions()
    assert make.reload(crew.member).is_active is False


def test_lifting_early_gives_the_account_back(app, client, make, crew, sign_in, post_form):
    sign_in("mod")
    impose(client, post_form, "maren", "suspend")
    with app.app_context():
        sanction_id = db.session.scalar(select(Sanction.id))
    post_form(f"/moderation/sanctions/{sanction_id}/lift", {"lift-reason": "Apologised."},
              form_page="/moderation/members/maren", prefix="lift-")
    assert make.reload(crew.member).is_active is True


def test_staff_are_not_sanctioned_here(client, crew, sign_in, post_form):
    sign_in("mod")
    response = impose(client, post_form, "mod2", "ban")
    assert response.status_code == 422
    assert "Staff are not sanctioned" in response.get_data(as_text=True)


def test_a_sanction_needs_a_reason(client, crew, sign_in, post_form):
    sign_in("mod")
    response = impose(client, post_form, "maren", "silence", reason="")
    assert response.status_code == 422
    assert 'id="sanction-reason-error"' in response.get_data(as_text=True)


def test_members_cannot_sanction(client, crew, sign_in, post_form):
    sign_in("kestrel")
    response = post_form("/moderation/members/maren/sanction",
                         {"sanction-kind": "ban", "sanction-reason": "x"}, form_page="/",
                         prefix="sanction-")
    assert response.status_code == 403


def test_lifting_a_silence_never_opens_a_closed_account(app, client, make, crew, sign_in,
                                                        post_form):
    closed = make.user("closed", is_active=False)
    sign_in("mod")
    impose(client, post_form, "closed", "silence")
    with app.app_context():
        sanction_id = db.session.scalar(select(Sanction.id))
    post_form(f"/moderation/sanctions/{sanction_id}/lift", {"lift-reason": ""},
              form_page="/moderation/members/closed", prefix="lift-")
    assert make.reload(closed).is_active is False
