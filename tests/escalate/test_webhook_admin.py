"""Admins keep the webhook endpoints, on the admin page and through the API; nobody else."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from escalate.bridge.models import WebhookEndpoint

SECRET = "a-long-shared-secret-0123456789"


def test_an_admin_adds_an_endpoint_on_the_page(app, client, sign_in, support, post_form):
    sign_in("boss")

    response = post_form("/admin/webhooks", {"url": "https://helpdesk.example.com/hooks",
                                             "secret": SECRET, "events": ["case.solved"],
                                             "active": "y"})

    assert response.status_code == 302
    page = client.get("/admin/webhooks").get_data(as_text=True)
    assert "https://helpdesk.example.com/hooks" in page and SECRET not in page
    with app.app_context():
        [endpoint] = db.session.scalars(select(WebhookEndpoint)).all()
        assert endpoint.event_list == ["case.solved"]


def test_a_short_secret_is_refused_next_to_the_field(app, client, sign_in, support,
                                                     post_form):
    sign_in("boss")

    response = post_form("/admin/webhooks", {"url": "https://helpdesk.example.com/hooks",
                                             "secret": "short", "events": ["case.solved"]})

    assert response.status_code == 422
    assert "Use a secret of 16 to 200 characters." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(WebhookEndpoint.id)) is None


@pytest.mark.parametrize("username", ["agnes", "mod", "carla"])
def test_only_admins_see_the_webhooks_page(client, sign_in, support, username):
    sign_in(username)

    assert client.get("/admin/webhooks").status_code == 403


def test_the_api_adds_lists_changes_and_removes_endpoints(client, support, token_of):
    headers = token_of(support.admin)

    added = client.post("/api/v1/webhooks", json={
        "url": "https://helpdesk.example.com/hooks", "secret": SECRET,
        "events": ["case.opened", "case.solved"]}, headers=headers)
    assert added.status_code == 201 and "secret" not in added.get_json()
    endpoint_id = added.get_json()["id"]

    changed = client.patch(f"/api/v1/webhooks/{endpoint_id}", json={"active": False},
                           headers=headers)
    assert changed.get_json()["active"] is False
    listed = client.get("/api/v1/webhooks", headers=headers).get_json()
    assert [item["events"] for item in listed] == [["case.opened", "case.solved"]]
    assert client.delete(f"/api/v1/webhooks/{endpoint_id}",
                         headers=headers).status_code == 204


def test_the_api_refuses_an_endpoint_that_is_no_web_address(client, support, token_of):
    response = client.post("/api/v1/webhooks", json={"url": "file:///etc/passwd",
                                                     "secret": SECRET},
                           headers=token_of(support.admin))

    assert response.status_code == 422


def test_the_api_takes_only_true_or_false_for_a_switch(client, support, token_of):
    response = client.post("/api/v1/webhooks", json={
        "url": "https://helpdesk.example.com/hooks", "secret": SECRET, "active": 0},
        headers=token_of(support.admin))

    assert response.status_code == 422
    assert "active" in response.get_json()["errors"]


@pytest.mark.parametrize(("method", "path"), [
    ("get", "/api/v1/webhooks"), ("post", "/api/v1/webhooks"),
    ("patch", "/api/v1/webhooks/1"), ("delete", "/api/v1/webhooks/1"),
    ("get", "/api/v1/webhooks/1/deliveries")])
def test_agents_get_no_webhook_api(client, support, token_of, method, path):
    body = {"url": "https://x.example.com", "secret": SECRET} if method == "post" else None

    response = getattr(client, method)(path, json=body, headers=token_of(support.agent))

    assert response.status_code == 403
