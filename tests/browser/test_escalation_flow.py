"""In Chromium: a question nobody answers reaches an agent with the customer's journey,
and the agent's answer comes back to the community; the contact flow deflects or opens a
case with the form's answers."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from app.accounts.models import Role
from app.clock import utcnow
from app.extensions import db
from community.journey import recorder
from community.journey.models import JourneyEvent
from community.knowledge.models import Article
from escalate import clocks
from escalate.models import Case, Team, TeamCategory, TeamMember
from escalate.rules import CaseStatus
from tests.support.smtp import body_of


@pytest.fixture
def support_desk(app, make):
    """Earbuds, whose team is Audio (agnes); a customer, carla; a solved question."""
    earbuds = make.category("Earbuds", description="Buds Pro and Buds Lite")
    customer, helper = make.user("carla"), make.user("henrik")
    agent = make.user("agnes", role=Role.AGENT)
    solved = make.thread(helper, earbuds, title="Buds Pro case is not charging anymore",
                         body="The case light stays off even on the cable, since Monday.")
    make.act("accept", helper, make.reply(agent, solved, "Clean the USB-C port, then hold "
                                                         "the button for 15 seconds."))
    with app.app_context():
        team = Team(name="Audio")
        db.session.add(team)
        db.session.flush()
        db.session.add_all([TeamCategory(team_id=team.id, category_id=earbuds.id),
                            TeamMember(team_id=team.id, user_id=agent.id)])
        db.session.commit()
    return customer, agent, solved


def only_case(app) -> Case:
    with app.app_context():
        case = db.session.scalar(select(Case))
        if case is not None:
            db.session.expunge(case)
        return case


def test_an_unanswered_question_becomes_a_case_and_the_answer_comes_back(
        app, browser_for, support_desk, inbox):
    _customer, agent, _solved = support_desk
    asker = browser_for("carla")
    asker.goto("/search?q=left+earbud+silent")
    asker.goto("/ask")
    asker.get_by_label("Title").fill("Left earbud is silent after the 3.2 update")
    asker.get_by_label("Product area").select_option(label="Earbuds")
    asker.get_by_label("Details").fill("Since updating to 3.2 the left earbud makes no sound.")
    asker.get_by_role("button", name="Post your question").click()
    expect(asker.get_by_role("heading", level=1)).to_contain_text("Left earbud is silent")
    question_url = asker.url

    with app.app_context():  # a day passes and nobody answers
        assert clocks.sweep(utcnow() + timedelta(hours=25)).done == 1
    case = only_case(app)
    assert case.assignee_id == agent.id and case.team_id is not None

    desk = browser_for("agnes")
    desk.goto("/cases/")
    desk.get_by_role("link", name=f"#{case.id}").click()
    expect(desk.get_by_role("heading", name="Before asking")).to_be_visible()
    expect(desk.locator(".journey")).to_contain_text("left earbud silent")
    desk.get_by_role("textbox", name="Reply").fill(
        "Please reset the earbuds: hold the case button for 15 seconds, then pair again.")
    desk.get_by_role("button", name="Send").click()
    expect(desk.get_by_role("status")).to_contain_text("Your reply is on the case")

    asker.goto(question_url)
    expect(asker.locator(".case-notice")).to_contain_text("Escalated to support")
    answer = asker.locator("article.post", has_text="hold the case button for 15 seconds")
    expect(answer).to_contain_text("agnes")
    inbox.clear()
    answer.get_by_role("button", name="Accept this answer").click()
    expect(asker.locator(".case-notice")).to_contain_text("Solved by support")

    assert only_case(app).status == CaseStatus.SOLVED
    [survey] = [m for m in inbox.wait_for(1) if "how did we do" in m["Subject"].lower()]
    assert survey["To"] == "carla@example.com" and "/survey?t=" in body_of(survey)
    with app.app_context():
        article = db.session.scalar(select(Article).where(Article.author_id == agent.id))
        assert article is not None and article.source_thread_id == case.thread_id


def fill_contact_form(page):
    page.get_by_role("link", name="Contact support").click()
    page.get_by_label("Product area").select_option(label="Earbuds")
    page.get_by_label("Something does not work").check()
    page.get_by_label("Subject").fill("Buds Pro case is not charging at all")
    page.get_by_label("Describe the problem").fill(
        "The case light stays off on the cable, I tried two cables already.")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="This may help")).to_be_visible()


def test_a_suggestion_from_the_contact_form_solves_it(app, browser_for, support_desk):
    _customer, _agent, solved = support_desk
    page = browser_for("carla")
    fill_contact_form(page)

    with page.expect_popup() as opened:
        page.get_by_role("link", name=solved.title).click()
    suggestion = opened.value
    expect(suggestion.get_by_role("heading", level=1)).to_contain_text(solved.title)
    suggestion.get_by_role("button", name="Yes, this solved it").click()
    expect(suggestion.get_by_role("status")).to_contain_text("glad this solved your problem")

    with app.app_context():
        recorder.flush()
        assert list(db.session.scalars(select(JourneyEvent.detail).where(
            JourneyEvent.step == "deflected"))) == ["solved_it"]
    assert only_case(app) is None


def test_still_needing_help_opens_a_case_with_the_forms_answers(app, browser_for,
                                                               support_desk):
    page = browser_for("carla")
    fill_contact_form(page)

    page.get_by_role("button", name="Still need help: contact support").click()

    expect(page.get_by_role("status")).to_contain_text("will answer within 8 hours")
    case = only_case(app)
    assert case.form_answers["problem"] == "broken"
    desk = browser_for("agnes")
    desk.goto(f"/cases/{case.id}")
    expect(desk.get_by_role("heading", name="What they told the contact form")).to_be_visible()
    expect(desk.locator("dd", has_text="Something does not work")).to_be_visible()


def fits(page, width: int) -> bool:
    """Nothing wider than the window: the page scrolls down, never sideways."""
    page.set_viewport_size({"width": width, "height": 800})
    return page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_support_pages_are_accessible_and_fit_a_phone(app, make, browser_for,
                                                          support_desk):
    from tests.browser.test_accessibility import violations

    make.admin("boss")
    customer = browser_for("carla")
    customer.goto("/support/contact")
    assert violations(customer) == []
    fill_contact_form(customer)
    assert violations(customer) == []
    customer.get_by_role("button", name="Still need help: contact support").click()
    expect(customer.get_by_role("status")).to_contain_text("will answer within")
    assert violations(customer) == [] and fits(customer, 390)
    case_url = customer.url

    desk = browser_for("agnes")
    for path in ("/cases/?view=all", case_url, "/cases/canned"):
        desk.goto(path)
        assert violations(desk) == [], path
        assert fits(desk, 1280) and fits(desk, 390), path
    admin = browser_for("boss")
    admin.goto("/admin/webhooks")
    assert violations(admin) == [] and fits(admin, 1280) and fits(admin, 390)
