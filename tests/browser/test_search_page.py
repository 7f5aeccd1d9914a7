"""In Chromium: the search page as a customer on a phone sees it."""

from playwright.sync_api import expect

from tests.browser.test_escalation_flow import fits

LONG_WORD = "supercalifragilistic" * 9


def test_a_long_query_wraps_instead_of_widening_the_page(make, page):
    asker = make.user("asker")
    make.thread(asker, title="Buds Pro case is not charging anymore",
                body="The case light stays off even on the cable.")
    page.goto(f"/search?q=chargng+{LONG_WORD}")
    expect(page.get_by_text("Did you mean")).to_be_visible()
    assert fits(page, 390)


def test_nothing_found_for_a_long_query_still_fits_a_phone(page):
    page.goto(f"/search?q={LONG_WORD}")
    expect(page.get_by_text("Nothing matches")).to_be_visible()
    assert fits(page, 390)
