"""axe-core finds no accessibility violations on the core pages, anonymous or signed in."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.factories import PASSWORD

AXE = Axe()
OPTIONS = {"resultTypes": ["violations"], "runOnly": ["wcag2a", "wcag2aa", "best-practice"]}


def violations(page) -> list[str]:
    results = AXE.run(page, options=OPTIONS)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']]}"
            for v in results.response["violations"]]


@pytest.mark.parametrize("path", ["/", "/sign-in", "/register", "/password/forgot",
                                  "/search?q=battery", "/no-such-page"])
def test_anonymous_pages(page, path):
    page.goto(path)
    assert violations(page) == []


def test_register_form_with_errors(page):
    page.goto("/register")
    page.get_by_role("button", name="Create my account").click()
    assert violations(page) == []


def test_signed_in_admin_pages(page, make):
    make.admin("boss")
    make.user("grace")
    page.goto("/sign-in")
    page.get_by_label("Username or e-mail").fill("boss")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    for path in ("/admin", "/admin/users", "/account/settings", "/u/grace"):
        page.goto(path)
        assert violations(page) == [], path


def test_forum_pages(page, make):
    earbuds = make.category("Earbuds", description="Buds Pro and Buds Lite")
    asker, helper = make.user("asker"), make.user("helper")
    thread = make.thread(asker, earbuds, title="Buds Pro left earbud will not charge",
                         tags=["battery"])
    answer = make.reply(helper, thread, "Hold the case button for **15 seconds**.")
    make.act("accept", asker, answer)
    make.reply(helper, thread, "Also check the contacts for dust.")
    page.goto("/sign-in")
    page.get_by_label("Username or e-mail").fill("asker")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    for path in ("/", "/c/earbuds", "/c/earbuds?list=solved", f"/t/{thread.id}/{thread.slug}",
                 "/ask", "/notifications", "/u/helper"):
        page.goto(path)
        assert violations(page) == [], path


def test_knowledge_base_pages(page, make):
    from app.accounts.models import Role

    earbuds = make.category("Earbuds", description="Buds Pro and Buds Lite")
    asker, helper = make.user("asker"), make.user("helper")
    mod, agent = make.user("mod", role=Role.MODERATOR), make.user("agent", role=Role.AGENT)
    thread = make.thread(asker, earbuds, title="Buds Pro case will not charge the buds")
    answer = make.reply(helper, thread, "Mail me at a@b.example, then hold the button.")
    make.act("accept", asker, answer)
    published = make.article(mod, earbuds, title="Cleaning the Buds Pro charging contacts",
                             reviewer=agent)
    draft = make.promote(mod, answer)
    page.goto(f"/kb/{published.id}/{published.slug}")
    assert violations(page) == []
    page.goto("/sign-in")
    page.get_by_label("Username or e-mail").fill("agent")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    for path in ("/kb", f"/kb/{published.id}/{published.slug}", f"/kb/{draft.id}/review",
                 f"/kb/{published.id}/edit", f"/kb/{published.id}/history", "/kb/manage",
                 "/kb/manage?tab=candidates", "/kb/new", "/account/products"):
        page.goto(path)
        assert violations(page) == [], path


def test_moderation_pages(page, make):
    from app.accounts.models import Role

    earbuds = make.category("Earbuds", description="Buds Pro and Buds Lite")
    make.user("mod", role=Role.MODERATOR)
    member, newcomer = make.user("maren"), make.newcomer("nadia")
    thread = make.thread(member, earbuds, title="Buds Pro will not pair with my laptop")
    held = make.reply(newcomer, thread, "Have you tried forgetting the device first?")
    page.goto("/sign-in")
    page.get_by_label("Username or e-mail").fill("mod")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"/moderation/posts/{held.id}")
    item_url = page.url
    for path in ("/moderation/", "/moderation/?status=approved", item_url,
                 item_url + "/edit", "/moderation/words", "/moderation/tester",
                 "/moderation/audit", "/moderation/members/nadia",
                 f"/moderation/posts/{held.id}/flag", f"/t/{thread.id}/{thread.slug}"):
        page.goto(path)
        assert violations(page) == [], path
    page.goto("/moderation/tester")
    page.get_by_label("Text").fill("Call +44 7700 900123 now for cheap buds")
    page.get_by_role("button", name="Try it").click()
    assert violations(page) == []
