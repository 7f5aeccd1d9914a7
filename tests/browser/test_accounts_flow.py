"""In Chromium: a visitor registers through the real page, signs out, and signs in again."""

from playwright.sync_api import expect


def test_register_sign_out_and_sign_in(page):
    page.goto("/")
    page.get_by_role("link", name="Join", exact=True).click()

    page.get_by_label("Username").fill("marta")
    page.get_by_label("E-mail address").fill("marta@example.com")
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_label("Repeat the password").fill("short")
    page.get_by_role("button", name="Create my account").click()
    expect(page.locator("#password-error")).to_contain_text("at least 10 characters")

    page.get_by_label("Password", exact=True).fill("river stones and tea")
    page.get_by_label("Repeat the password").fill("river stones and tea")
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("status")).to_contain_text("Welcome to the community, marta!")

    page.locator(".account-menu summary").click()  # the menu under one's name
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("status")).to_contain_text("You are signed out.")

    page.get_by_role("link", name="Sign in", exact=True).click()
    page.get_by_label("Username or e-mail").fill("marta@example.com")
    page.get_by_label("Password").fill("river stones and tea")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("status")).to_contain_text("Welcome back, marta")
    expect(page.get_by_role("navigation", name="Account")).to_contain_text("marta")


def test_pages_run_no_inline_script_under_the_csp(page):
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto("/sign-in")
    page.goto("/register")
    assert violations == []
