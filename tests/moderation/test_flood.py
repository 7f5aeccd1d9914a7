"""A flood: one new account posting 50 times within a minute, all at once."""

import threading

from sqlalchemy import select

from app.extensions import db
from community.models import Post


def test_fifty_posts_at_once_from_one_new_account_end_with_one_post_and_clear_429s(
        app, make, crew, token_of):
    thread = make.thread(crew.member, crew.area)
    headers = token_of(crew.newcomer)
    barrier, answers = threading.Barrier(10), []

    def post(number: int) -> None:
        client = app.test_client()
        barrier.wait()
        for attempt in range(5):
            response = client.post(f"/api/v1/threads/{thread.id}/posts", headers=headers,
                                   json={"body": f"Buy now, message {number}-{attempt}!!"})
            answers.append((response.status_code, response.headers.get("Retry-After"),
                            (response.get_json() or {}).get("detail", "")))

    workers = [threading.Thread(target=post, args=(number,)) for number in range(10)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    statuses = sorted(status for status, _wait, _detail in answers)
    assert len(statuses) == 50
    assert statuses.count(201) == 1
    assert statuses.count(429) == 49
    assert all(int(wait) > 0 and "You can post again in" in detail
               for status, wait, detail in answers if status == 429)
    with app.app_context():
        written = db.session.scalars(select(Post).where(Post.author_id == crew.newcomer.id))
        assert len(written.all()) == 1
