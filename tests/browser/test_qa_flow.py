"""In Chromium: ask, answer, vote, accept — the forum's core loop, end to end."""

import re

from playwright.sync_api import expect

from app.extensions import db
from community import jobs
from community.models import MemberProfile
from tests.factories import PASSWORD
from tests.support.smtp import body_of


def reputation(app, user) -> int:
    with app.app_context():
        profile = db.session.get(MemberProfile, user.id)
        return profile.reputation if profile else 0


def test_ask_answer_vote_accept(app, make, browser_for, inbox):
    make.category("Earbuds", description="Buds Pro and Buds Lite")
    make.user("asker")
    helper = make.user("helper")
    make.user("voter")

    asker = browser_for("asker")
    asker.goto("/ask")
    asker.get_by_label("Title").fill("Buds Pro left earbud will not charge")
    asker.get_by_label("Product area").select_option(label="Earbuds")
    asker.get_by_label("Details").fill("Since firmware 3.2.1 the left one stays at 0%.")
    asker.get_by_role("button", name="Post your question").click()
    expect(asker.get_by_role("heading", level=1)).to_contain_text("will not charge")
    thread_url = asker.url

    answerer = browser_for("helper")
    answerer.goto(thread_url)
    answerer.get_by_role("textbox", name="Your answer").fill(
        "Clean the contacts, then hold the case button for 15 seconds to reset.")
    answerer.get_by_role("button", name="Post your answer").click()
    expect(answerer.get_by_role("status")).to_contain_text("Your answer is posted.")
    with app.app_context():
        jobs.send_notification_emails()  # the job's next minute, before the asker looks

    voter = browser_for("voter")
    voter.goto(thread_url)
    voter.evaluate("window.stillTheSamePage = true")
    helpful = voter.get_by_role("button", name="Helpful")
    helpful.click()
    expect(helpful).to_have_attribute("aria-pressed", "true")
    expect(voter.locator(".helpful-count")).to_have_text("1 found this helpful")
    assert voter.evaluate("window.stillTheSamePage") is True  # sent by fetch, no reload

    asker.reload()
    asker.evaluate("window.stillTheSamePage = true")
    asker.get_by_role("button", name="Accept this answer").click()
    expect(asker.locator(".post-accepted")).to_contain_text("hold the case button")
    expect(asker.get_by_role("heading", level=1)).to_contain_text("Solved")
    assert asker.evaluate("window.stillTheSamePage") is True
    ids = asker.locator("article.post").evaluate_all("posts => posts.map(p => p.id)")
    assert len(ids) == 2  # the question, then the accepted answer right under it

    assert reputation(app, helper) == 25
    answerer.goto("/notifications")
    expect(answerer.locator(".notification-list")).to_contain_text(
        "asker accepted your answer")
    asker.goto("/notifications")
    expect(asker.locator(".notification-list")).to_contain_text(
        "helper answered your question")

    with app.app_context():
        jobs.send_notification_emails()
    mails = {message["To"]: body_of(message) for message in inbox.wait_for(2)}
    assert len(inbox.messages) == 2  # one each: read-on-site notes are not mailed again
    assert "helper answered your question" in mails["asker@example.com"]
    assert "asker accepted your answer" in mails["helper@example.com"]
    assert re.search(r"/t/\d+/buds-pro-left-earbud-will-not-charge#post-\d+",
                     mails["helper@example.com"])


def test_buttons_work_without_javascript(app, make, chromium, live_server):
    category = make.category("Earbuds")
    asker, helper = make.user("asker"), make.user("helper")
    thread = make.thread(asker, category, title="Case lid does not close fully anymore")
    make.reply(helper, thread, "Check the hinge for sand; mine had some from the beach.")
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/sign-in")
    page.get_by_label("Username or e-mail").fill("asker")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"/t/{thread.id}/{thread.slug}")
    page.get_by_role("button", name="Accept this answer").click()
    expect(page.get_by_role("status")).to_contain_text("Marked as the accepted answer.")
    expect(page.locator(".post-accepted")).to_contain_text("sand")
    context.close()


def test_preview_shows_the_answer_as_it_will_look(make, browser_for):
    category = make.category("Earbuds")
    asker = make.user("asker")
    make.user("helper")
    thread = make.thread(asker, category, title="Which ear tips fit the Buds Pro best?")
    page = browser_for("helper")
    page.goto(f"/t/{thread.id}/{thread.slug}")
    page.get_by_role("textbox", name="Your answer").fill("Try the **medium** tips first.")
    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".preview strong")).to_have_text("medium")


def test_the_reply_box_counts_characters_toward_the_limit(make, browser_for):
    asker = make.user("asker")
    thread = make.thread(asker, title="Buds Pro left earbud will not charge")
    make.user("helper")
    page = browser_for("helper")
    page.goto(f"/t/{thread.id}/{thread.slug}")
    box = page.get_by_role("textbox", name="Your answer")
    counter = page.locator("#body-count")

    box.fill("Clean the contacts 🙂")
    expect(counter).to_have_text("20 of 20,000 characters")  # the emoji is one character
    box.fill("x" * 20_005)
    expect(counter).to_have_text("5 characters too many: the limit is 20,000")
    expect(counter).to_have_class(re.compile("over-limit"))


def test_taking_back_the_only_helpful_vote_clears_the_count(make, browser_for):
    asker = make.user("asker")
    thread = make.thread(asker, title="Buds Pro left earbud will not charge")
    answer = make.reply(make.user("helper"), thread, "Hold the case button for 15 seconds.")
    make.user("voter")
    page = browser_for("voter")
    page.goto(f"/t/{thread.id}/{thread.slug}")
    helpful = page.get_by_role("button", name="Helpful")
    place = helpful.bounding_box()

    helpful.click()
    expect(page.locator(f"#helpful-{answer.id}")).to_have_text("1 found this helpful")
    assert helpful.bounding_box()["x"] == place["x"]  # the count appears after the button
    helpful.click()
    expect(helpful).to_have_attribute("aria-pressed", "false")
    expect(page.locator(f"#helpful-{answer.id}")).to_have_text("")
