"""In Chromium: staff promote an accepted answer, a second reviewer publishes the
article, and customers find it from the thread and from search."""

from playwright.sync_api import expect

from app.accounts.models import Role

PII_ANSWER = ("Mail care@lumio.example with order #48213377 or call +39 333 123 4567. "
              "Then hold the case button for fifteen seconds until it flashes amber.")


def test_promote_review_publish_and_find(make, browser_for):
    earbuds = make.category("Earbuds")
    asker, helper = make.user("asker"), make.user("helper")
    make.user("mod", role=Role.MODERATOR)
    make.user("agent", role=Role.AGENT)
    question = make.thread(asker, earbuds, title="Buds Pro case will not charge the buds")
    make.act("accept", asker, make.reply(helper, question, PII_ANSWER))

    moderator = browser_for("mod")
    moderator.goto(f"/t/{question.id}/{question.slug}")
    moderator.get_by_role("button", name="Promote to knowledge base").click()
    expect(moderator.get_by_role("status")).to_contain_text("Draft created and sent to review")
    removed = moderator.get_by_role("region", name="personal data")
    expect(removed).to_contain_text("care@lumio.example")
    expect(removed).to_contain_text("48213377")
    draft = moderator.get_by_role("region", name="This revision")
    expect(draft).to_contain_text("hold the case button")
    expect(draft).not_to_contain_text("care@lumio.example")
    expect(draft).not_to_contain_text("333 123 4567")
    review_url = moderator.url

    reviewer = browser_for("agent")
    reviewer.goto(review_url)
    reviewer.get_by_role("button", name="Approve and publish").click()
    expect(reviewer.get_by_role("status")).to_contain_text("Published")
    expect(reviewer.get_by_role("heading", level=1)).to_contain_text("Buds Pro case")

    customer = browser_for("asker")
    customer.goto(f"/t/{question.id}/{question.slug}")
    customer.get_by_role("link", name="Buds Pro case will not charge the buds").last.click()
    expect(customer.get_by_text("Was this article helpful?")).to_be_visible()
    article_url = customer.url.removeprefix(customer.url.split("/kb/")[0])
    customer.goto("/search?q=case+flashes+amber")
    expect(customer.locator(f'main a[href="{article_url}"]')).to_be_visible()
