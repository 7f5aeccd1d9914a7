"""Search over threads: natural language, both languages, and never hidden content.

Every test runs on each search backend (Whoosh on SQLite and PostgreSQL, PostgreSQL full
text), since both must keep the same promises."""

from app import search
from app.extensions import db
from app.search import synonyms
from community.models import Post, Thread, Visibility
from tests.conftest import EVERY_SEARCH_BACKEND

pytestmark = EVERY_SEARCH_BACKEND


def results_page(client, text: str) -> str:
    return client.get("/search", query_string={"q": text}).get_data(as_text=True)


def test_a_natural_language_question_finds_the_thread(client, make, people):
    thread = make.thread(people.asker, title="Buds Pro stopped charging in the case",
                         body="Since yesterday the case light blinks red and nothing charges.")
    make.thread(people.other, title="Lumio Watch strap size for small wrists",
                body="Which strap should I order for a 14 cm wrist?")
    html = results_page(client, "my earbuds are not charging anymore")
    assert thread.title in html and "strap size" not in html


def test_italian_questions_are_found_by_other_forms_of_the_words(client, make, people):
    thread = make.thread(people.asker, title="Le cuffie non si caricano più nella custodia",
                         body="Da ieri la custodia lampeggia rossa e le cuffie restano scariche.",
                         language="it")
    assert thread.title in results_page(client, "caricare cuffia")


def test_results_show_a_highlighted_snippet(client, make, people):
    make.thread(people.asker, title="Lumio Home forgets the Wi-Fi after every update",
                body="After updating the firmware the speaker drops the router password.")
    html = results_page(client, "router password")
    assert '<b class="match' in html


def test_hidden_content_never_appears_even_with_a_stale_index(app, client, make, people):
    thread = make.thread(people.asker, title="Secret unreleased Lumio headphones leak",
                         body="Someone posted photos of the unreleased headphones here.")
    with app.app_context():  # hidden behind the index's back: the index still has it
        opening = db.session.scalar(db.select(Post).where(Post.thread_id == thread.id))
        opening.visibility = Visibility.HIDDEN
        db.session.commit()
        assert search.query("unreleased headphones").total == 1
    assert thread.title not in results_page(client, "unreleased headphones")


def test_reindex_rebuilds_from_the_database_with_a_count(app, make, people):
    make.thread(people.asker, title="Lumio Stream remote does not pair at all")
    make.thread(people.asker, title="Lumio Stream shows no picture on my old TV")
    result = app.test_cli_runner().invoke(args=["search", "reindex"])
    assert result.exit_code == 0 and "Indexed 2 documents" in result.output
    with app.app_context():
        assert search.query("Lumio Stream").total == 2


def test_a_reindex_loses_no_change_made_while_it_runs(app, make, people):
    edited = make.thread(people.asker, title="Lumio Stream remote does not pair at all")
    hidden = make.thread(people.asker, title="Lumio Stream cheap remotes offer")
    make.thread(people.asker, title="Lumio Stream shows no picture on my old TV")

    def meanwhile(read: list[int]) -> None:  # the rebuild has read all three threads
        read.append(1)
        if len(read) == 3:
            db.session.get(Thread, edited.id).title = "Lumio Stream remote pairs after a reset"
            db.session.scalar(db.select(Post).where(Post.thread_id == hidden.id)).visibility \
                = Visibility.HIDDEN
            db.session.commit()
            search.update("thread", [edited.id, hidden.id])  # as the site does after commit

    with app.app_context():
        read: list[int] = []
        search.rebuild(lambda _n: meanwhile(read))
        assert [hit.id for hit in search.query("reset").hits] == [edited.id]
        assert search.query("cheap offer").total == 0


def test_an_accepted_answer_makes_its_words_findable(client, make, people, question):
    answer = make.reply(people.helper, question,
                        "Hold the pairing button for fifteen seconds until it flashes amber.")
    make.act("accept", people.asker, answer)
    assert question.title in results_page(client, "flashes amber")


def test_an_empty_query_shows_no_results(client):
    assert client.get("/search?q=").status_code == 200


def test_threads_leave_the_index_when_reindexed_after_being_hidden(app, make, people):
    thread = make.thread(people.asker, title="Another thread that moderators will hide")
    with app.app_context():
        opening = db.session.scalar(db.select(Post).where(Post.thread_id == thread.id))
        opening.visibility = Visibility.HIDDEN
        db.session.commit()
        search.update("thread", [thread.id])
        assert search.query("moderators will hide").total == 0
        assert db.session.get(Thread, thread.id) is not None


# --- ranking --------------------------------------------------------------------------


def titles_in_order(html: str, *titles: str) -> list[str]:
    return sorted((title for title in titles if title in html), key=html.index)


def test_a_solved_thread_ranks_above_an_unanswered_one_with_the_same_words(
        client, make, people):
    body = "The charging case of my Buds Pro shows no light when I plug it in."
    make.thread(people.other, title="Buds Pro case shows no light when plugged", body=body)
    solved = make.thread(people.asker, title="Buds Pro case shows no light at all",
                         body=body)
    answer = make.reply(people.helper, solved, "Clean the USB-C port with a wooden toothpick.")
    make.act("accept", people.asker, answer)
    html = results_page(client, "buds pro case no light")
    assert titles_in_order(html, solved.title, "Buds Pro case shows no light when plugged")[0] \
        == solved.title


def test_a_solved_thread_never_outranks_a_clearly_better_match(client, make, people):
    solved = make.thread(people.asker, title="Beer sizes in Spain and Portugal",
                         body="What size is a cana compared to a pint?")
    make.act("accept", people.asker,
             make.reply(people.helper, solved, "A cana is about a third of a litre."))
    better = make.thread(people.other, title="Add a size column to my Gmail inbox",
                         body="Can the inbox show how big each message is?")
    html = results_page(client, "I'd like to add a size column to my gmail, is this possible?")
    assert titles_in_order(html, solved.title, better.title)[0] == better.title


def test_what_happened_outweighs_when_it_happened(client, make, people):
    charging = make.thread(people.asker, title="Buds Pro case will not charge any more",
                           body="The case stays dark on the cable, the earbuds are fine.")
    make.thread(people.other, title="Buds Pro update keeps failing at 60 percent",
                body="The update stops halfway through, every single time.")
    html = results_page(client, "my buds will not charge after the update")
    assert html.index(charging.title) < html.index("Buds Pro update keeps failing")


def test_synonyms_from_the_list_widen_the_question(app, client, make, people):
    thread = silent_earbuds(make, people)
    with app.app_context():
        synonyms.replace([["earbuds", "auricolari"]])
    assert thread.title in results_page(client, "auricolari")


def test_an_edited_synonym_list_applies_to_the_next_search(app, client, make, people):
    thread = silent_earbuds(make, people)
    with app.app_context():
        synonyms.replace([["earbuds", "auricolari"]])
        assert search.query("auricolari").total == 1
        synonyms.replace([["earbuds", "cuffiette"]])
    assert thread.title in results_page(client, "cuffiette")
    assert thread.title not in results_page(client, "auricolari")


def silent_earbuds(make, people):
    return make.thread(people.asker, title="Left earbuds stay silent after pairing",
                       body="Only the right one plays music.")


# --- did you mean ---------------------------------------------------------------------


def test_a_misspelled_question_offers_the_corrected_one_as_a_link(client, make, people):
    make.thread(people.asker, title="Earbuds charging case light blinks",
                body="My earbuds are not charging in the case any more.")
    html = results_page(client, "earbds chargng")
    assert "Did you mean" in html
    assert 'href="/search?q=earbuds+charging"' in html


def test_words_of_hidden_threads_are_never_suggested(app, make, people):
    thread = make.thread(people.asker, title="Prototype codenamed zephyrine leaked",
                         body="Photos of the unreleased headphones are posted here.")
    with app.app_context():
        assert search.query("zephyrnie", suggest=True).suggestion == "zephyrine"
        opening = db.session.scalar(db.select(Post).where(Post.thread_id == thread.id))
        opening.visibility = Visibility.HIDDEN
        db.session.commit()
        search.update("thread", [thread.id])
        assert search.query("zephyrnie", suggest=True).suggestion is None


def test_no_suggestion_when_every_word_is_known(client, make, people):
    make.thread(people.asker, title="Earbuds charging case light blinks")
    assert "Did you mean" not in results_page(client, "earbuds charging")


# --- filters, pages, empty state ------------------------------------------------------


def test_the_category_filter_includes_its_subcategories(client, make, people):
    audio = make.category("Audio")
    earbuds = make.category("Earbuds", parent=audio)
    watches = make.category("Watches")
    inside = make.thread(people.asker, earbuds, title="Battery drains overnight on the buds")
    make.thread(people.asker, watches, title="Battery drains overnight on the watch")
    html = client.get("/search", query_string={"q": "battery drains", "category": "audio"}
                      ).get_data(as_text=True)
    assert inside.title in html and "on the watch" not in html


def test_an_unknown_category_is_not_found(client):
    response = client.get("/search", query_string={"q": "battery", "category": "toasters"})
    assert response.status_code == 404


def test_solved_only_leaves_out_open_questions(client, make, people):
    solved = make.thread(people.asker, title="Remote stopped pairing with the box")
    answer = make.reply(people.helper, solved, "Take the batteries out for a minute.")
    make.act("accept", people.asker, answer)
    make.thread(people.other, title="Remote stopped pairing after a drop")
    html = client.get("/search", query_string={"q": "remote pairing", "solved": "1"}
                      ).get_data(as_text=True)
    assert solved.title in html and "after a drop" not in html


def test_results_come_ten_to_a_page_with_a_link_to_the_next(client, make, people):
    for number in range(12):
        make.thread(people.asker, title=f"Speaker crackles at volume level {number + 10}")
    first = results_page(client, "speaker crackles")
    second = client.get("/search", query_string={"q": "speaker crackles", "page": 2}
                        ).get_data(as_text=True)
    assert first.count("search-result-thread") == 10 and 'rel="next"' in first
    assert second.count("search-result-thread") == 2


def test_snippets_escape_the_text_around_the_match(client, make, people):
    make.thread(people.asker, title="Lumio app shows raw markup on the settings screen",
                body="The screen shows `<script>alert(1)</script>` next to the toggle.")
    html = results_page(client, "toggle")
    assert "toggle</b>" in html
    assert "<script>alert(1)" not in html and "</script> next" not in html


def test_articles_and_threads_share_the_results_each_linking_to_its_page(
        app, client, make, people):
    reviewer = make.admin()
    article = make.article(people.moderator, title="Resetting the Stream 4K remote",
                           body="Hold Home and Back for ten seconds until the light blinks.",
                           reviewer=reviewer)
    thread = make.thread(people.asker, title="Stream 4K remote needs a reset, how?")
    html = results_page(client, "reset the remote")
    assert f'href="/kb/{article.id}/{article.slug}"' in html
    assert thread.title in html


def test_a_thread_and_the_article_made_from_it_show_once_as_the_article(
        client, make, people):
    thread = make.thread(people.asker, title="Stream 4K remote needs a reset, how?",
                         body="The remote stopped answering after new batteries.")
    answer = make.reply(people.helper, thread, "Hold Home and Back for ten seconds.")
    make.act("accept", people.asker, answer)
    article = make.promote(people.moderator, answer, reviewer=make.admin())
    html = results_page(client, "stream remote reset")
    assert f'href="/kb/{article.id}/{article.slug}"' in html
    assert f'href="/t/{thread.id}/' not in html


def test_the_type_filter_shows_articles_only(client, make, people):
    make.article(people.moderator, title="Resetting the Stream 4K remote",
                 body="Hold Home and Back for ten seconds until the light blinks.",
                 reviewer=make.admin())
    thread = make.thread(people.asker, title="Stream 4K remote needs a reset, how?")
    html = client.get("/search", query_string={"q": "remote reset", "type": "articles"}
                      ).get_data(as_text=True)
    assert "Resetting the Stream 4K remote" in html and thread.title not in html


def test_nothing_found_offers_to_ask_the_community(client):
    html = results_page(client, "zebra xylophone")
    assert "Nothing matches" in html and 'href="/ask"' in html


def test_a_me_too_lifts_the_thread_above_its_twin(app, make, people):
    area = make.category("Speakers")
    first = make.thread(people.asker, area, title="Lumio Home speaker hums when idle",
                        body="A low hum comes from the speaker whenever nothing is playing.")
    second = make.thread(people.helper, area, title="Lumio Home speaker hums when idle",
                         body="A low hum comes from the speaker whenever nothing is playing.")
    with app.app_context():
        order = [hit.id for hit in search.query("speaker hums when idle").hits]
    behind = make.get(Thread, order[1])
    make.act("me_too", people.other, behind)
    with app.app_context():
        assert search.query("speaker hums when idle").hits[0].id == behind.id
    assert {first.id, second.id} == set(order)


def test_loose_matches_come_apart_under_more_results(client, make, people):
    make.thread(people.asker, title="Buds Pro charging case stays dark on the cable",
                body="The charging case light never comes on, the earbuds are fine.")
    loose = make.thread(people.other, title="Watch strap for small wrists",
                        body="Which strap fits a 14 cm wrist? The case is fine.")
    html = results_page(client, "buds pro charging case dark")
    assert "1 close match · 2 results in all" in html
    assert html.index("More results") < html.index(loose.title)


def test_a_tag_narrows_the_search_to_the_threads_with_it(client, make, people):
    tagged = make.thread(people.asker, title="Buds Pro stopped charging in the case",
                         body="The case light blinks red and nothing charges.", tags=["case"])
    untagged = make.thread(people.other, title="Buds Lite stopped charging overnight",
                           body="They were at 0% this morning after a night in the case.")
    html = client.get("/search", query_string={"q": "stopped charging", "tag": "case"}
                      ).get_data(as_text=True)
    assert tagged.title in html and untagged.title not in html
    assert 'name="tag" value="case"' in html  # kept when the question is changed


def test_the_api_search_takes_a_tag(client, make, people):
    make.thread(people.asker, title="Buds Pro stopped charging in the case",
                body="The case light blinks red and nothing charges.", tags=["case"])
    make.thread(people.other, title="Buds Lite stopped charging overnight",
                body="They were at 0% this morning after a night in the case.")
    headers = {"Authorization": f"Bearer {make.api_token(people.asker)}"}
    found = client.get("/api/v1/search", query_string={"q": "stopped charging", "tag": "case"},
                       headers=headers).get_json()
    assert [item["title"] for item in found["items"]] == ["Buds Pro stopped charging in the case"]
