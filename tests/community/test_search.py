"""Search over threads: natural language, both languages, and never hidden content."""

from app import search
from app.extensions import db
from community.models import Post, Thread, Visibility


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
