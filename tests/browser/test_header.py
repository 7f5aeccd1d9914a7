"""The header fits every role, at 1,280 and 390 px, in English and Italian, and so do the
staff pages its menu leads to.

On the demo site each demo account signs in once; then, for each width and language, the
test compares the boxes of the header's parts (nothing overlaps, nothing leaves the
screen), opens each menu (its panel stays on screen), visits every staff page the role
may use (no horizontal scroll), and saves screenshots of the header, closed and with the
staff menu open, in ``test-artifacts/header/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.demo import DEMO_PASSWORD
from tests.support.demo_site import served_demo

# The layout does not depend on the database: SQLite only (the demo is the same on both).
pytestmark = pytest.mark.parametrize("backend", ["sqlite"], scope="session")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "header"
ROLES = ("visitor", "member", "moderator", "agent", "admin")
STAFF = ROLES[2:]
WIDTHS = {"1280": {"width": 1280, "height": 800}, "390": {"width": 390, "height": 844}}
LOCALES = {"en": "en-US", "it": "it-IT"}

HEADER_BOXES = """() => {
  const parts = document.querySelectorAll(
    '.brand, .header-search input, .header-search button, .account-nav > a, ' +
    '.account-nav > details > summary, .main-nav a');
  const boxes = [...parts].map(element => {
    const box = element.getBoundingClientRect();
    return {name: (element.textContent.trim() || element.getAttribute('placeholder') ||
                   element.tagName).slice(0, 40),
            left: box.left, right: box.right, top: box.top, bottom: box.bottom};
  });
  return {boxes, width: window.innerWidth,
          scrollWidth: document.documentElement.scrollWidth};
}"""


@pytest.fixture(scope="module")
def site(database_url, tmp_path_factory):
    with served_demo(database_url, tmp_path_factory.mktemp("header")) as (_app, url):
        yield url


@pytest.fixture(scope="module")
def signed_in(chromium, site):
    """The demo accounts' cookies, each signed in once (sign-in is rate limited)."""
    states = {"visitor": None}
    for role in ROLES[1:]:
        context = chromium.new_context(base_url=site)
        page = context.new_page()
        page.goto("/sign-in")
        page.fill("#login", role)
        page.fill("#password", DEMO_PASSWORD)
        page.press("#password", "Enter")
        page.wait_for_url(lambda url: "/sign-in" not in url)
        states[role] = context.storage_state()
        context.close()
    return states


def open_as(chromium, site, signed_in, role: str, width: str, language: str):
    context = chromium.new_context(base_url=site, viewport=WIDTHS[width],
                                   locale=LOCALES[language], storage_state=signed_in[role])
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


@pytest.fixture(params=[(role, width, language) for role in ROLES for width in WIDTHS
                        for language in LOCALES], ids="-".join)
def view(request, chromium, site, signed_in):
    context, page = open_as(chromium, site, signed_in, *request.param)
    yield page, "-".join(request.param)
    context.close()


@pytest.fixture(params=[(role, width, language) for role in STAFF for width in WIDTHS
                        for language in LOCALES], ids="-".join)
def staff_view(request, chromium, site, signed_in):
    context, page = open_as(chromium, site, signed_in, *request.param)
    yield page
    context.close()


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    pairs = []
    for index, one in enumerate(boxes):
        for other in boxes[index + 1:]:
            if (one["left"] < other["right"] - 0.5 and other["left"] < one["right"] - 0.5
                    and one["top"] < other["bottom"] - 0.5
                    and other["top"] < one["bottom"] - 0.5):
                pairs.append((one["name"], other["name"]))
    return pairs


def test_the_header_parts_neither_overlap_nor_leave_the_screen(view):
    page, name = view
    page.goto("/")
    measured = page.evaluate(HEADER_BOXES)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.locator(".site-header").screenshot(path=str(ARTIFACTS / f"{name}.png"))

    assert overlapping(measured["boxes"]) == []
    assert [box["name"] for box in measured["boxes"]
            if box["left"] < 0 or box["right"] > measured["width"]] == []
    assert measured["scrollWidth"] <= measured["width"]
    search = page.locator(".header-search input").bounding_box()
    assert search["width"] >= 160  # room to read what one types


def test_each_menu_opens_on_screen(view):
    page, name = view
    page.goto("/")
    menus = page.locator(".account-nav > details")
    for index in range(menus.count()):
        menu = menus.nth(index)
        menu.locator("summary").click()
        panel = menu.locator(".menu-panel").bounding_box()
        assert panel["x"] >= 0 and panel["x"] + panel["width"] <= page.viewport_size["width"]
        if "staff-menu" in (menu.get_attribute("class") or ""):
            page.screenshot(path=str(ARTIFACTS / f"{name}-staff-menu.png"))
        menu.locator("summary").click()


def test_every_staff_page_fits_the_screen(view):
    page, name = view
    if name.startswith(("visitor", "member")):
        assert page.goto("/admin").status in (403, 200)  # sign-in page for visitors
        assert page.locator(".staff-menu").count() == 0
        return
    page.goto("/admin")
    paths = [page.evaluate("a => new URL(a.href).pathname", link) for link in
             page.locator(".staff-tools a").element_handles()]
    assert paths
    too_wide = {}
    for path in ["/admin", *paths]:
        page.goto(path)
        width, screen = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        if width > screen:
            too_wide[path] = width
    assert too_wide == {}


def test_one_menu_is_open_at_a_time_and_a_click_elsewhere_closes_it(staff_view):
    page = staff_view
    page.goto("/")
    staff, account = page.locator(".staff-menu"), page.locator(".account-menu")
    staff.locator("summary").click()
    account.locator("summary").click()
    assert account.evaluate("menu => menu.open") and not staff.evaluate("menu => menu.open")
    page.locator("main h1, main h2").first.click()
    assert not account.evaluate("menu => menu.open")


@pytest.mark.parametrize("language", list(LOCALES))
def test_the_staff_menu_shows_every_tool_without_scrolling_at_1280(chromium, site, signed_in,
                                                                   language):
    context, page = open_as(chromium, site, signed_in, "admin", "1280", language)
    page.goto("/")
    page.locator(".staff-menu summary").click()
    panel = page.locator(".staff-menu .menu-panel")
    assert panel.evaluate("panel => panel.scrollHeight <= panel.clientHeight")
    assert page.locator(".staff-menu .menu-panel a").last.is_visible()
    context.close()
