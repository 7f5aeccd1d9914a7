"""In Chromium: a customer types a question title, a solved question like it appears, and
it solves their problem before they ask."""

from playwright.sync_api import expect
from sqlalchemy import select

from app.accounts.models import Role
from app.extensions import db
from community.journey import recorder
from community.journey.models import JourneyEvent
from tests.browser.test_accessibility import violations
from tests.factories import PASSWORD


def solved_question(make):
    earbuds = make.category("Earbuds", description="Buds Pro and Buds Lite")
    asker, helper = make.user("asker"), make.user("helper")
    thread = make.thread(asker, earbuds, title="Buds Pro case is not charging anymore",
                         body="The case light stays off even on the cable, since Monday.")
    answer = make.reply(helper, thread, "Clean the USB-C port, then hold the button 15 s.")
    make.act("accept", asker, answer)
    return thread


def deflections(app) -> list[str]:
    with app.app_context():
        recorder.flush()
        return list(db.session.scalars(
            select(JourneyEvent.detail).where(JourneyEvent.step == "deflected")))


def test_a_suggestion_solves_the_problem_before_asking(app, make, browser_for):
    thread = solved_question(make)
    make.user("ann")
    page = browser_for("ann")
    page.goto("/ask")
    page.get_by_label("Title").press_sequentially("my buds case not charging", delay=20)
    suggestion = page.get_by_role("link", name=thread.title)
    expect(suggestion).to_be_visible()
    expect(page.get_by_role("heading", name="Check these first")).to_be_visible()
    suggestion.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(thread.title)
    page.get_by_role("button", name="Yes, this solved it").click()
    expect(page.get_by_role("status")).to_contain_text("glad this solved your problem")
    assert deflections(app) == ["solved_it"]


def test_back_from_a_suggestion_the_question_is_as_it_was(make, browser_for):
    thread = solved_question(make)
    make.user("ann")
    page = browser_for("ann")
    page.goto("/ask")
    page.get_by_label("Details").fill("It blinks red three times, then nothing.")
    page.get_by_label("Title").fill("Buds Pro case is not charging at all")
    page.get_by_role("link", name=thread.title).click()
    page.get_by_role("link", name="No, back to my question").click()
    expect(page.get_by_label("Title")).to_have_value("Buds Pro case is not charging at all")
    expect(page.get_by_label("Details")).to_have_value("It blinks red three times, then nothing.")


def test_the_ask_page_suggestions_and_the_journey_are_accessible(make, browser_for):
    thread = solved_question(make)
    make.user("ann")
    make.user("mod", role=Role.MODERATOR)
    page = browser_for("ann")
    page.goto("/ask")
    page.get_by_label("Title").fill("Buds Pro case is not charging at all")
    expect(page.get_by_role("link", name=thread.title)).to_be_visible()
    assert violations(page) == []
    page.get_by_role("link", name=thread.title).click()
    assert violations(page) == []
    page.get_by_role("link", name="No, back to my question").click()
    page.get_by_label("Product area").select_option(label="Earbuds")
    page.get_by_label("Details").fill("It blinks red three times, then nothing at all.")
    page.get_by_role("button", name="Post your question").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("not charging at all")
    staff = browser_for("mod")
    staff.goto(page.url)
    expect(staff.get_by_role("heading", name="Before asking")).to_be_visible()
    assert violations(staff) == []
    staff.goto("/journey/numbers")
    assert violations(staff) == []


def test_signing_out_clears_the_question_typed_in_this_tab(make, browser_for):
    make.category("Earbuds", description="Buds Pro and Buds Lite")
    make.user("ann")
    make.user("bob")
    page = browser_for("ann")
    page.goto("/ask")
    page.get_by_label("Title").fill("My order 4051 never arrived at my home address")
    page.get_by_label("Details").fill("Ann Lee, 12 Via Roma, Milano: nothing since Monday.")
    page.locator(".account-menu summary").click()  # the menu under one's name
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("status")).to_contain_text("signed out")
    page.goto("/sign-in")
    page.get_by_label("Username or e-mail").fill("bob")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto("/ask")
    expect(page.get_by_label("Title")).to_have_value("")
    expect(page.get_by_label("Details")).to_have_value("")
