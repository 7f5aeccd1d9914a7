"""Browser fixtures shared by the end-to-end tests."""

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD


@pytest.fixture
def browser_for(chromium, live_server):
    contexts = []

    def open_as(username):
        context = chromium.new_context(base_url=live_server.url, locale="en-US")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto("/sign-in")
        page.get_by_label("Username or e-mail").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("status")).to_contain_text("Welcome back")
        return page

    yield open_as
    for context in contexts:
        context.close()
