"""Knowledge-base pages: readers, "was this helpful?", staff workflow, FAQ, products."""

from app.extensions import db
from community.knowledge.models import Article, ArticleFeedback, FeedbackReason
from community.models import Post, Thread
from tests.community.test_pages import sign_in


def url(article) -> str:
    return f"/kb/{article.id}/{article.slug}"


def test_readers_see_a_published_article(client, make, people, agent):
    article = make.article(people.moderator, title="Pairing the Buds Pro with a laptop",
                           reviewer=agent)
    html = client.get(url(article)).get_data(as_text=True)
    assert "Pairing the Buds Pro with a laptop" in html and "Was this article helpful?" in html


def test_a_draft_is_hidden_from_readers_but_shown_to_staff(client, make, people, post_form):
    article = make.article(people.moderator)
    assert client.get(url(article)).status_code == 404
    sign_in(post_form, "mod")
    html = client.get(url(article)).get_data(as_text=True)
    assert "Readers cannot see this article yet" in html


def test_an_old_slug_redirects_to_the_canonical_url(client, make, people, agent):
    article = make.article(people.moderator, reviewer=agent)
    response = client.get(f"/kb/{article.id}/old-name")
    assert response.status_code == 301 and response.headers["Location"].endswith(url(article))


def test_yes_thanks_the_reader_and_counts(app, client, make, people, agent, post_form):
    article = make.article(people.moderator, reviewer=agent)
    response = post_form(f"/kb/{article.id}/feedback", {"helpful": "yes"},
                         form_page=url(article), follow_redirects=True)
    assert "Glad it helped" in response.get_data(as_text=True)
    assert make.get(Article, article.id).helpful_yes == 1


def test_a_signed_out_readers_answer_from_another_site_is_refused(client, make, people,
                                                                 agent):
    article = make.article(people.moderator, reviewer=agent)
    response = client.post(f"/kb/{article.id}/feedback", data={"helpful": "yes"},
                           headers={"Origin": "https://elsewhere.example"})
    assert response.status_code == 403
    assert make.get(Article, article.id).helpful_yes == 0


def test_a_members_answer_still_needs_the_forms_token(client, make, people, agent,
                                                      post_form):
    article = make.article(people.moderator, reviewer=agent)
    sign_in(post_form, "other")
    response = client.post(f"/kb/{article.id}/feedback", data={"helpful": "yes"},
                           headers={"Sec-Fetch-Site": "same-origin"})
    assert response.status_code == 400
    assert make.get(Article, article.id).helpful_yes == 0


def test_no_asks_for_a_reason_and_stores_it(app, client, make, people, agent, post_form):
    article = make.article(people.moderator, reviewer=agent)
    response = post_form(f"/kb/{article.id}/feedback", {"helpful": "no"},
                         form_page=url(article), follow_redirects=True)
    assert "What was wrong?" in response.get_data(as_text=True)
    post_form(f"/kb/{article.id}/feedback/reason",
              {"reason": "outdated", "comment": "The menu moved in 3.0"},
              form_page=f"{url(article)}?feedback=reason")
    with app.app_context():
        feedback = db.session.scalar(db.select(ArticleFeedback))
        assert (feedback.helpful, feedback.reason) == (False, FeedbackReason.OUTDATED)
        assert feedback.comment == "The menu moved in 3.0"
        assert db.session.get(Article, article.id).helpful_no == 1


def test_a_missing_reason_is_explained_next_to_the_choices(client, make, people, agent,
                                                           post_form):
    article = make.article(people.moderator, reviewer=agent)
    response = post_form(f"/kb/{article.id}/feedback/reason", {"reason": ""},
                         form_page=f"{url(article)}?feedback=reason")
    assert response.status_code == 422
    assert 'id="reason-error"' in response.get_data(as_text=True)


def test_members_cannot_open_the_staff_pages(client, make, people, post_form):
    article = make.article(people.moderator)
    sign_in(post_form, "asker")
    for path in ("/kb/manage", "/kb/new", f"/kb/{article.id}/edit",
                 f"/kb/{article.id}/review", f"/kb/{article.id}/history"):
        assert client.get(path).status_code in (403, 404), path


def test_staff_promote_from_the_thread_page_and_land_on_the_review(app, client, make, people,
                                                                  solved, question, post_form):
    sign_in(post_form, "mod")
    thread_page = f"/t/{question.id}/{question.slug}"
    assert "Promote to knowledge base" in client.get(thread_page).get_data(as_text=True)
    response = post_form(f"/posts/{solved.id}/promote", {}, form_page=thread_page,
                         follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "4 pieces of personal data were removed" in html and "care@lumio.example" in html


def test_members_see_no_promote_button(client, make, people, solved, question, post_form):
    sign_in(post_form, "asker")
    html = client.get(f"/t/{question.id}/{question.slug}").get_data(as_text=True)
    assert "Promote to knowledge base" not in html


def test_the_thread_links_to_its_published_article_even_when_cached(client, make, people,
                                                                    solved, question, agent):
    thread_page = f"/t/{question.id}/{question.slug}"
    assert "became a knowledge-base article" not in client.get(thread_page).get_data(
        as_text=True)
    article = make.promote(people.moderator, solved, reviewer=agent)
    html = client.get(thread_page).get_data(as_text=True)
    assert "became a knowledge-base article" in html and url(article) in html


def test_the_article_cites_its_source_thread(client, make, people, solved, question, agent):
    article = make.promote(people.moderator, solved, reviewer=agent)
    html = client.get(url(article)).get_data(as_text=True)
    assert f'href="/t/{question.id}/{question.slug}"' in html


def test_a_reviewer_approves_through_the_review_page(client, make, people, solved, agent,
                                                    post_form):
    article = make.promote(people.moderator, solved)
    sign_in(post_form, "agent")
    response = post_form(f"/kb/{article.id}/review", {"decision": "approve", "comment": ""},
                         follow_redirects=True)
    assert "Published. Readers now see this revision." in response.get_data(as_text=True)
    assert make.get(Article, article.id).is_readable


def test_the_author_is_told_another_reviewer_decides(client, make, people, solved, post_form):
    article = make.promote(people.moderator, solved)
    sign_in(post_form, "mod")
    html = client.get(f"/kb/{article.id}/review").get_data(as_text=True)
    assert "another reviewer decides" in html and 'value="approve"' not in html


def test_sending_back_without_a_comment_is_explained(client, make, people, solved, agent,
                                                     post_form):
    article = make.promote(people.moderator, solved)
    sign_in(post_form, "agent")
    response = post_form(f"/kb/{article.id}/review", {"decision": "reject", "comment": ""})
    assert response.status_code == 422
    assert "Say what the author should change." in response.get_data(as_text=True)


def test_staff_write_an_article_with_errors_next_to_fields(client, make, people, post_form):
    make.category("Earbuds")
    sign_in(post_form, "mod")
    response = post_form("/kb/new", {"title": "Short", "category": "", "body": "tiny",
                                     "language": "en"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Choose a product area." in html and "Write at least 20 characters." in html


def test_the_category_page_shows_its_top_articles(client, make, people, agent):
    earbuds = make.category("Earbuds")
    make.article(people.moderator, earbuds, title="Cleaning the Buds Pro charging contacts",
                 reviewer=agent)
    html = client.get("/c/earbuds").get_data(as_text=True)
    assert "Top articles" in html and "Cleaning the Buds Pro charging contacts" in html


def test_a_members_products_come_first(client, make, people, agent, post_form):
    earbuds, watch = make.category("Earbuds"), make.category("Watch")
    make.article(people.moderator, earbuds, title="Earbuds article about the charging case",
                 reviewer=agent)
    make.article(people.moderator, watch, title="Watch article about the strap sizes",
                 reviewer=agent)
    sign_in(post_form, "asker")
    post_form("/account/products", {"products": [str(watch.id)]})
    html = client.get("/kb").get_data(as_text=True)
    assert html.index("Watch article") < html.index("Earbuds article")


def test_articles_in_the_visitors_language_come_first(client, make, people, agent):
    earbuds = make.category("Earbuds")
    make.article(people.moderator, earbuds, title="Charging case blinks red: what it means",
                 reviewer=agent)
    make.article(people.moderator, earbuds, title="La custodia lampeggia rossa: cosa significa",
                 language="it", reviewer=agent)
    html = client.get("/c/earbuds", headers={"Accept-Language": "it"}).get_data(as_text=True)
    assert html.index("La custodia") < html.index("Charging case blinks")


def test_the_knowledge_base_has_an_empty_state(client):
    assert "No articles yet" in client.get("/kb").get_data(as_text=True)


def test_every_manage_tab_renders_for_staff(client, make, people, solved, agent, post_form):
    make.promote(people.moderator, solved)
    sign_in(post_form, "agent")
    for tab in ("review", "rereview", "candidates", "least-helpful", "drafts", "archived"):
        assert client.get(f"/kb/manage?tab={tab}").status_code == 200, tab
    assert client.get("/kb/manage?tab=nope").status_code == 404


def test_settings_show_the_members_products(client, make, people, post_form):
    watch = make.category("Watch")
    sign_in(post_form, "asker")
    post_form("/account/products", {"products": [str(watch.id)]})
    html = client.get("/account/settings").get_data(as_text=True)
    assert "Your products" in html and "Watch" in html


def test_an_unknown_product_is_refused(client, make, people, post_form):
    make.category("Watch")
    sign_in(post_form, "asker")
    response = post_form("/account/products", {"products": ["999999"]})
    assert response.status_code == 422 and "not a valid choice" in response.get_data(
        as_text=True)


def test_a_decision_names_the_revision_the_reviewer_read(client, make, people, solved, agent,
                                                        post_form):
    article = make.promote(people.moderator, solved)
    sign_in(post_form, "agent")
    response = post_form(f"/kb/{article.id}/review",
                         {"decision": "approve", "comment": "", "revision_id": "999999"},
                         follow_redirects=True)
    assert "The article changed while you were reviewing it" in response.get_data(as_text=True)
    assert not make.get(Article, article.id).is_readable


def test_least_helpful_shows_readers_comments(app, client, make, people, agent, post_form):
    from community.knowledge import services

    article = make.article(people.moderator, reviewer=agent)
    with app.app_context():
        found = db.session.get(Article, article.id)
        for number in range(3):
            services.rate(found, visitor=f"v{number}", user=None, helpful=False,
                          reason="outdated", comment=f"The menu moved in 3.{number}")
    sign_in(post_form, "agent")
    html = client.get("/kb/manage?tab=least-helpful").get_data(as_text=True)
    assert "The menu moved in 3.2" in html


def test_an_article_from_an_imported_thread_credits_its_authors(app, client, make, people,
                                                                agent):
    from tests.community.test_import_stackexchange import DUMPS, run_import

    assert run_import(app, DUMPS / "coffee", "--limit", "40").exit_code == 0
    with app.app_context():
        thread = db.session.scalar(db.select(Thread).where(Thread.accepted_post_id.is_not(None),
                                                           Thread.external_id.is_not(None)))
        accepted = thread.accepted_post_id
    article = make.promote(people.moderator, make.get(Post, accepted), reviewer=agent)
    html = client.get(url(article)).get_data(as_text=True)
    assert "Adapted from a question on coffee.stackexchange.com" in html
    assert 'rel="license noopener"' in html and "CC BY-SA" in html
