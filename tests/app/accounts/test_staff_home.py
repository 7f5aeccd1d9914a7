"""``/admin``: the staff landing page lists every staff tool its viewer may use, and the
header's one staff menu holds the same links."""

import re

import pytest

from app.accounts.models import Role
from app.layout import StaffTool, add_staff_tool
from tests.factories import PASSWORD


def sign_in_as(post_form, username):
    assert post_form("/sign-in", {"login": username, "password": PASSWORD}).status_code == 302


def tool_links(html: str) -> list[str]:
    tools = html.split('class="staff-grid"', 1)[1].split("</main>", 1)[0]
    return re.findall(r'<a href="([^"]+)"', tools)


def menu_links(html: str) -> list[str]:
    menu = html.split('class="menu staff-menu"', 1)[1].split("</details>", 1)[0]
    return re.findall(r'<a href="([^"]+)"', menu)


def test_an_admin_finds_every_staff_tool_on_the_landing_page(make, post_form, client):
    make.admin("boss")
    sign_in_as(post_form, "boss")
    links = tool_links(client.get("/admin").get_data(as_text=True))
    assert {"/admin/users", "/admin/search/synonyms", "/admin/webhooks", "/moderation/",
            "/moderation/audit", "/moderation/words", "/listening/", "/listening/rules",
            "/cases/", "/cases/canned", "/kb/manage", "/journey/numbers"} <= set(links)


def test_a_moderator_sees_moderation_tools_and_no_site_administration(make, post_form,
                                                                        client):
    make.user("mod", role=Role.MODERATOR)
    sign_in_as(post_form, "mod")
    links = tool_links(client.get("/admin").get_data(as_text=True))
    assert "/moderation/" in links
    assert "/admin/users" not in links and "/admin/webhooks" not in links


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.AGENT, Role.ADMIN])
def test_every_tool_on_the_landing_page_opens_for_its_viewer(make, post_form, client, role):
    make.user("staffer", role=role)
    sign_in_as(post_form, "staffer")
    for link in tool_links(client.get("/admin").get_data(as_text=True)):
        assert client.get(link).status_code == 200, link


def test_the_staff_menu_holds_the_landing_pages_tools_and_leads_there(make, post_form,
                                                                      client):
    make.user("agent", role=Role.AGENT)
    sign_in_as(post_form, "agent")
    html = client.get("/").get_data(as_text=True)
    assert menu_links(html) == ["/admin",
                                *tool_links(client.get("/admin").get_data(as_text=True))]


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.AGENT, Role.ADMIN])
def test_staff_read_every_kind_of_page_under_the_header(make, post_form, client, role):
    """The header's menus keep their variables to themselves: the area page's list of
    waiting threads was once replaced by the staff menu's count (a 500 for staff)."""
    area = make.category("Earbuds")
    asker = make.user("asker")
    thread = make.thread(asker, area, title="Buds Pro left earbud will not charge")
    make.user("staffer", role=role)
    sign_in_as(post_form, "staffer")
    for path in ("/", "/c/earbuds", f"/t/{thread.id}/{thread.slug}", "/search?q=charge",
                 "/tags", "/kb", "/admin"):
        response = client.get(path)
        assert response.status_code == 200, path


def test_a_member_has_no_staff_menu_and_no_landing_page(make, post_form, client):
    make.user("grace")
    sign_in_as(post_form, "grace")
    assert "staff-menu" not in client.get("/").get_data(as_text=True)
    assert client.get("/admin").status_code == 403


def test_a_staff_tool_is_never_offered_to_a_member(app, make, post_form, client):
    """Not even one whose permission any member has: the staff menu is for staff."""
    add_staff_tool(app, StaffTool("Tests", "Settings", "Every member may open it.",
                                  "accounts.settings", "users.edit_settings"))
    make.user("grace")
    sign_in_as(post_form, "grace")
    assert "staff-menu" not in client.get("/").get_data(as_text=True)


def test_a_visitor_is_sent_to_sign_in(client):
    assert client.get("/admin").headers["Location"].startswith("/sign-in")
