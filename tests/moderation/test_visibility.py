"""A held or hidden post is never in search results, the sitemap, a cached page, an e-mail
or the API for anyone but its author and staff: with moderation's real screen."""

from app.extensions import db
from community import jobs
from tests.moderation.helpers import item_of, opening


def solved_by_newcomer(app, make, crew):
    """A question whose answer, the newcomer's first post, waits for a moderator."""
    thread = make.thread(crew.member, crew.area, title="Lumio Go xylophone chime on power up")
    answer = make.reply(crew.newcomer, thread, "The xylophone chime means the battery is "
                                               "calibrating; let it finish.")
    return thread, answer


def test_a_held_answer_is_not_searchable_listed_emailed_or_served(app, client, make, crew,
                                                                  token_of, inbox):
    thread, answer = solved_by_newcomer(app, make, crew)
    assert "calibrating" not in client.get(f"/t/{thread.id}/{thread.slug}").get_data(
        as_text=True)
    assert "xylophone" not in client.get("/search?q=calibrating").get_data(as_text=True)
    api = client.get(f"/api/v1/threads/{thread.id}", headers=token_of(crew.regular)).get_json()
    assert [post["id"] for post in api["posts"]] == [opening(app, thread).id]
    with app.app_context():
        jobs.send_notification_emails()
    assert inbox.wait_for(1, timeout=0.5) == []
    staff = client.get(f"/api/v1/threads/{thread.id}", headers=token_of(crew.moderator))
    assert answer.id in [post["id"] for post in staff.get_json()["posts"]]


def test_an_approved_answer_then_appears_everywhere(app, client, make, crew, token_of, inbox):
    thread, answer = solved_by_newcomer(app, make, crew)
    client.post(f"/api/v1/moderation/queue/{item_of(app, answer.id).id}/decision",
                headers=token_of(crew.moderator), json={"action": "approve"})
    assert "calibrating" in client.get(f"/t/{thread.id}/{thread.slug}").get_data(as_text=True)
    assert "xylophone" in client.get("/search?q=calibrating").get_data(as_text=True)
    with app.app_context():
        jobs.send_notification_emails()
    recipients = sorted(message["To"] for message in inbox.wait_for(2))
    assert recipients == ["maren@example.com", "nadia@example.com"]


def test_a_solved_thread_whose_answer_is_removed_leaves_the_sitemap_and_the_cache(
        app, client, make, crew, token_of):
    thread = make.thread(crew.member, crew.area, title="Lumio Go xylophone chime on power up")
    answer = make.reply(crew.regular, thread, "The xylophone chime means calibration.")
    make.act("accept", crew.member, answer)
    url = f"/t/{thread.id}/{thread.slug}"
    assert url in client.get("/sitemap.xml").get_data(as_text=True)
    assert "means calibration" in client.get(url).get_data(as_text=True)  # cached now
    from moderation import decisions, queue

    with app.app_context():
        from community.models import Post

        moderator = db.session.get(type(crew.moderator), crew.moderator.id)
        item = queue.item_for(db.session.get(Post, answer.id))
        decisions.decide(moderator, item, decisions.DecisionAction.SPAM)
    assert url not in client.get("/sitemap.xml").get_data(as_text=True)
    assert "means calibration" not in client.get(url).get_data(as_text=True)
    assert "xylophone" not in client.get("/search?q=calibration").get_data(as_text=True)


def test_an_author_finds_their_waiting_question_under_mine(app, client, make, crew, sign_in):
    thread = make.thread(crew.newcomer, crew.area, title="Buds Lite right earbud is quieter")
    assert thread.title not in client.get("/c/earbuds?list=newest").get_data(as_text=True)
    sign_in("nadia")
    mine = client.get("/c/earbuds?list=mine").get_data(as_text=True)
    assert thread.title in mine and "Only you and staff see it" in mine
    assert thread.title not in client.get("/c/earbuds?list=newest").get_data(as_text=True)
