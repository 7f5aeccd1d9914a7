"""Product areas speak the reader's language: an admin names and describes each area per
language; readers of another language see the default's."""

import re

from app.extensions import db
from community.models import Category
from tests.factories import PASSWORD

ITALIAN = {"Accept-Language": "it"}


def sign_in(post_form, username):
    assert post_form("/sign-in", {"login": username, "password": PASSWORD}).status_code == 302


def translate(app, category, **languages):
    with app.app_context():
        found = db.session.get(Category, category.id)
        found.translations = {code: {"name": name, "description": description}
                              for code, (name, description) in languages.items()}
        db.session.commit()


def test_an_italian_reader_sees_the_italian_name_and_description(app, client, make):
    earbuds = make.category("Earbuds", description="Buds Pro and Buds Lite.")
    translate(app, earbuds, it=("Auricolari", "Buds Pro e Buds Lite."))
    italian = client.get("/c/earbuds", headers=ITALIAN).get_data(as_text=True)
    english = app.test_client().get("/c/earbuds").get_data(as_text=True)
    assert "<h1>Auricolari</h1>" in italian and "Buds Pro e Buds Lite." in italian
    assert "<h1>Earbuds</h1>" in english and "Auricolari" not in english


def test_an_area_without_a_translation_shows_the_default_language(client, make):
    make.category("Earbuds", description="Buds Pro and Buds Lite.")
    assert "<h1>Earbuds</h1>" in client.get("/c/earbuds", headers=ITALIAN).get_data(
        as_text=True)


def test_an_admin_names_an_area_in_italian_and_readers_see_it_at_once(app, client, post_form,
                                                                     make):
    make.category("Earbuds", description="Buds Pro and Buds Lite.")
    reader = app.test_client()
    assert "Auricolari" not in reader.get("/", headers=ITALIAN).get_data(as_text=True)
    make.admin("boss")
    sign_in(post_form, "boss")
    response = post_form("/admin/areas/earbuds", {
        "name_en": "Earbuds", "description_en": "Buds Pro and Buds Lite.",
        "name_it": "Auricolari", "description_it": "Buds Pro e Buds Lite.",
        "takes_questions": "yes"})
    assert response.status_code == 303
    assert "Auricolari" in reader.get("/", headers=ITALIAN).get_data(as_text=True)
    assert "Auricolari" in client.get("/admin/areas").get_data(as_text=True)


def test_the_default_name_is_required_and_said_next_to_the_field(client, post_form, make):
    make.category("Earbuds")
    make.admin("boss")
    sign_in(post_form, "boss")
    response = post_form("/admin/areas/earbuds", {"name_en": "", "name_it": "Auricolari"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="name_en-error"' in html and "Every area needs a name." in html


def test_a_name_too_long_is_refused_and_nothing_is_saved(app, client, post_form, make):
    earbuds = make.category("Earbuds")
    make.admin("boss")
    sign_in(post_form, "boss")
    response = post_form("/admin/areas/earbuds", {"name_en": "E" * 81, "name_it": "Auricolari"})
    assert response.status_code == 422
    with app.app_context():
        assert db.session.get(Category, earbuds.id).translations == {}


def test_only_admins_edit_areas(client, post_form, make, people):
    make.category("Earbuds")
    sign_in(post_form, "mod")
    assert client.get("/admin/areas").status_code == 403
    assert post_form("/admin/areas/earbuds", {"name_en": "Mine"},
                     form_page="/").status_code == 403


def test_areas_sort_by_their_default_name_in_sql(app, make):
    make.category("Zebra pads")
    make.category("Anchors")
    with app.app_context():
        names = db.session.scalars(db.select(Category.name).order_by(Category.name)).all()
    assert names == ["Anchors", "Zebra pads"]


def test_renaming_an_area_refreshes_its_cached_thread_pages(app, client, post_form, make,
                                                           people):
    earbuds = make.category("Earbuds")
    thread = make.thread(people.asker, earbuds)
    reader = app.test_client()
    url = f"/t/{thread.id}/{thread.slug}"
    before = reader.get(url, headers=ITALIAN)
    assert "Auricolari" not in before.get_data(as_text=True)
    make.admin("boss")
    sign_in(post_form, "boss")
    post_form("/admin/areas/earbuds", {"name_en": "Earbuds", "name_it": "Auricolari",
                                       "takes_questions": "yes"})
    after = reader.get(url, headers={**ITALIAN, "If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and "Auricolari" in after.get_data(as_text=True)


def test_renaming_an_area_refreshes_the_pages_of_its_subareas(app, post_form, make, people):
    audio = make.category("Audio")
    earbuds = make.category("Earbuds", parent=audio)
    thread = make.thread(people.asker, earbuds)
    reader = app.test_client()
    url = f"/t/{thread.id}/{thread.slug}"
    reader.get(url, headers=ITALIAN)
    make.admin("boss")
    sign_in(post_form, "boss")
    post_form("/admin/areas/audio", {"name_en": "Audio", "name_it": "Suono",
                                     "takes_questions": "yes"})
    assert "Suono" in reader.get(url, headers=ITALIAN).get_data(as_text=True)


def test_a_description_counts_a_line_break_once_as_the_counter_does(app, post_form, make):
    earbuds = make.category("Earbuds")
    make.admin("boss")
    sign_in(post_form, "boss")
    description = "\r\n".join(["x" * 29] * 10)  # 290 letters, 9 line breaks: 299
    response = post_form("/admin/areas/earbuds", {"name_en": "Earbuds",
                                                  "description_en": description,
                                                  "takes_questions": "yes"})
    assert response.status_code == 303
    with app.app_context():
        assert db.session.get(Category, earbuds.id).base_description == description.replace(
            "\r\n", "\n")


def test_an_italian_reader_finds_solved_questions_under_a_plural_tab(client, make):
    """The list is "Risolte" (solved questions); a solved question's badge stays "Risolta"."""
    asker, helper = make.user("grace"), make.user("ada")
    thread = make.thread(asker, make.category("Earbuds"))
    make.act("accept", asker, make.reply(helper, thread))
    html = client.get("/c/earbuds?list=solved", headers=ITALIAN).get_data(as_text=True)
    tabs = html.split('class="tabs"', 1)[1].split("</nav>", 1)[0]
    assert ">Risolte<" in tabs and "Risolta" not in tabs
    assert '<span class="badge badge-solved">Risolta</span>' in html


def ask_form_areas(client) -> list[str]:
    html = client.get("/ask").get_data(as_text=True)
    select = html.split('name="category"', 1)[1].split("</select>", 1)[0]
    return re.findall(r'<option [^>]*value="\d+"[^>]*>([^<]+)</option>', select)


def test_the_ask_form_leaves_out_an_area_that_takes_no_questions(client, post_form, make):
    make.category("Earbuds")
    make.category("Social mentions", slug="social-mentions", takes_questions=False)
    make.user("grace")
    sign_in(post_form, "grace")
    assert ask_form_areas(client) == ["Earbuds"]
    page = client.get("/c/social-mentions").get_data(as_text=True)
    assert 'href="/ask"' in page and "category=social-mentions" not in page
    linked = client.get("/ask?category=social-mentions").get_data(as_text=True)
    assert '<option selected value="">' in linked  # the prompt: nothing chosen


def test_posting_a_question_into_such_an_area_is_refused_next_to_the_field(
        app, client, post_form, make):
    mentions = make.category("Social mentions", slug="social-mentions",
                             takes_questions=False)
    make.category("Earbuds")
    make.user("grace")
    sign_in(post_form, "grace")
    response = post_form("/ask", {"category": mentions.id, "kind": "question",
                                  "title": "Buds Pro echo on Teams calls",
                                  "body": "People hear their own voice back on Teams calls."})
    error = response.get_data(as_text=True).split('id="category-error"', 1)[1]
    assert "Choose a product area from the list." in error.split("</p>", 1)[0]
    with app.app_context():
        assert db.session.get(Category, mentions.id).thread_count == 0


def test_an_admin_closes_an_area_to_questions_and_members_see_it_at_once(
        client, post_form, make):
    make.category("Earbuds")
    make.category("Headphones")
    make.admin("boss")
    sign_in(post_form, "boss")
    form = client.get("/admin/areas/headphones").get_data(as_text=True)
    assert re.search(r'<input[^>]*checked[^>]*value="yes"', form)
    assert post_form("/admin/areas/headphones", {"name_en": "Headphones",
                                                 "takes_questions": "no"}).status_code == 303
    assert ask_form_areas(client) == ["Earbuds"]
    assert post_form("/admin/areas/headphones", {"name_en": "Headphones",
                                                 "takes_questions": "yes"}).status_code == 303
    assert ask_form_areas(client) == ["Earbuds", "Headphones"]


def test_an_area_form_without_the_choice_is_refused_and_the_area_stays_open(
        app, client, post_form, make):
    """A page from before the choice existed cannot close an area without a word."""
    earbuds = make.category("Earbuds")
    make.admin("boss")
    sign_in(post_form, "boss")
    response = post_form("/admin/areas/earbuds", {"name_en": "Earbuds"})
    assert response.status_code == 422
    assert 'id="takes_questions-error"' in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Category, earbuds.id).takes_questions
