"""The seeded demo reads like a real community: the brand's support team answers as staff,
and threads have been read (the knowledge base's candidate ranking weighs views)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.accounts.models import Role, User
from app.extensions import db
from community.demo_content import threads
from community.knowledge.demo import PUBLISHED
from community.knowledge.models import Article, ArticleStatus
from community.models import Post, Thread
from tests.support.demo_site import served_demo


@pytest.fixture(scope="module")
def demo(database_url, tmp_path_factory):
    """The seeded app; no app context stays pushed, or requests would share its ``g``
    (the page language, the signed-in user) with each other."""
    with served_demo(database_url, tmp_path_factory.mktemp("demo")) as (app, _url):
        yield app


@pytest.mark.parametrize("username", ["Ellie_LumioTeam", "Giulia_LumioTeam"])
def test_the_support_team_answers_with_the_staff_badge(demo, username):
    with demo.app_context():
        user = db.session.scalar(select(User).where(User.username == username))
        posts = db.session.scalars(select(Post).where(Post.author_id == user.id)).all()
        assert user.role == Role.AGENT
        assert posts and all(post.is_staff for post in posts)
        thread = db.session.get(Thread, posts[0].thread_id)
    html = demo.test_client().get(f"/t/{thread.id}/{thread.slug}").get_data(as_text=True)
    assert 'class="badge badge-staff"' in html


def test_every_community_thread_has_been_read(demo):
    titles = [thread.title for thread in threads()]
    with demo.app_context():
        views = db.session.scalars(select(Thread.view_count)
                                   .where(Thread.title.in_(titles))).all()
    assert len(views) == len(titles) and min(views) > 0


def test_the_italian_home_page_names_the_areas_in_italian(demo):
    html = demo.test_client().get("/", headers={"Accept-Language": "it"}).get_data(as_text=True)
    assert "Indossabili" in html and "Wearables" not in html


def test_the_knowledge_base_is_seeded_beside_the_agents_proposals(demo):
    """The support team's accepted answers in cases are proposed as articles while the
    forum is seeded; the knowledge base's own demo articles are published all the same."""
    with demo.app_context():
        published = db.session.scalar(select(func.count(Article.id)).where(
            Article.status == ArticleStatus.PUBLISHED))
    assert published == PUBLISHED

