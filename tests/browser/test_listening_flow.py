"""In Chromium: a mention heard on (the local fake) X is imported from the triage inbox as
a thread, a member answers it, and the thread links back to the original post; the
listening pages pass axe-core and fit 1,280 and 390 pixel wide screens."""

import pytest
from playwright.sync_api import expect

from app.accounts.models import Role, User
from app.extensions import db
from social_listen import polling, services
from tests.browser.test_accessibility import violations
from tests.factories import PASSWORD
from tests.support.fake_x import FakeX

ORIGINAL = "https://x.com/snowman/status/1275653067283759104"


@pytest.fixture
def heard(app, make):
    """Staff, a member, a rule on the fake X server, polled once."""
    with FakeX() as fake_x:
        app.config.update(X_API_BASE=fake_x.url, X_BEARER_TOKEN="test-token",
                          LISTEN_PAGE_SIZE=100)
        area = make.category("Developers")
        admin = make.admin("boss")
        make.user("mod", role=Role.MODERATOR)
        make.user("maren")
        with app.app_context():
            rule = services.create_rule(db.session.get(User, admin.id), services.RuleFields(
                name="API on X", source="x", query='"recent search" -is:retweet',
                category_id=area.id))
            polling.poll(rule.id)
            yield rule.id


def test_import_answer_and_link_back(heard, browser_for):
    moderator = browser_for("mod")
    moderator.goto("/listening/")
    mention = moderator.locator("li.mention", has_text="I get an error")
    expect(mention).to_contain_text("@snowman")
    mention.get_by_role("button", name="Import as thread").click()
    expect(moderator.get_by_role("status")).to_contain_text("Imported")
    moderator.goto("/listening/?status=imported")
    moderator.locator("li.mention", has_text="I get an error").get_by_role(
        "link", name="Thread here").click()
    expect(moderator.locator(".social-source")).to_contain_text("@snowman on X")
    expect(moderator.get_by_role("link", name="Reply on X")).to_be_visible()
    thread_url = moderator.url

    member = browser_for("maren")
    member.goto(thread_url)
    member.get_by_role("textbox", name="Your answer").fill(
        "public_metrics is spelled with a c: public_metrics, not public_metircs.")
    member.get_by_role("button", name="Post your answer").click()
    expect(member.get_by_role("status")).to_contain_text("Your answer is posted.")
    expect(member.locator("main")).to_contain_text("spelled with a c")
    original = member.get_by_role("link", name="See the original post")
    expect(original).to_have_attribute("href", ORIGINAL)


@pytest.mark.parametrize("width", [1280, 390])
def test_listening_pages_are_accessible_and_fit_the_screen(heard, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/sign-in")
    page.get_by_label("Username or e-mail").fill("boss")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    for path in ("/listening/", "/listening/?status=filtered", "/listening/rules",
                 f"/listening/rules/{heard}", "/listening/rules/new", "/listening/claims",
                 "/listening/claim"):
        page.goto(path)
        assert violations(page) == [], path
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than a {width}px screen"
