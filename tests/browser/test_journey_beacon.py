"""In Chromium: a signed-out reader's pages set no cookie of their own, yet what they read
and searched is recorded by the page's beacon and becomes theirs when they sign in."""

import time

from playwright.sync_api import expect
from sqlalchemy import select

from app.extensions import db
from community.journey import recorder
from community.journey.models import JourneyEvent
from tests.factories import PASSWORD


def steps_of(app, user_id: int | None) -> list[str]:
    with app.app_context():
        recorder.flush()
        return list(db.session.scalars(select(JourneyEvent.step).where(
            JourneyEvent.user_id.is_(user_id) if user_id is None
            else JourneyEvent.user_id == user_id).order_by(JourneyEvent.id)))


def wait_for_steps(app, user_id: int | None, expected: list[str]) -> list[str]:
    """Beacons are sent after the page loads: give them a moment to arrive."""
    deadline = time.monotonic() + 10
    while (found := steps_of(app, user_id)) != expected and time.monotonic() < deadline:
        time.sleep(0.1)
    return found


def test_a_signed_out_reading_is_recorded_and_joins_the_member(app, make, page):
    earbuds = make.category("Earbuds")
    thread = make.thread(make.user("asker"), earbuds, title="Buds Pro case is not charging",
                         body="The case light stays off even on the cable.")
    ann = make.user("ann")

    page.goto(f"/t/{thread.id}/{thread.slug}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(thread.title)
    page.goto("/search?q=case+not+charging")
    expect(page.get_by_role("link", name=thread.title)).to_be_visible()
    assert wait_for_steps(app, None, ["viewed_thread", "searched"]) == ["viewed_thread",
                                                                         "searched"]
    cookies = page.context.cookies()
    assert [(cookie["name"], cookie["path"]) for cookie in cookies] == [
        (recorder.BEACON_COOKIE, recorder.BEACON_PATH)]

    page.goto("/sign-in")
    page.get_by_label("Username or e-mail").fill("ann")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("status")).to_contain_text("Welcome back")
    assert wait_for_steps(app, ann.id, ["viewed_thread", "searched"]) == ["viewed_thread",
                                                                          "searched"]
