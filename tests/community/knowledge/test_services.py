"""Knowledge-base use cases: promotion, review, re-review, ratings, archiving."""

import pytest

from app import search
from app.accounts.models import User
from app.extensions import db
from community.knowledge import services
from community.knowledge.jobs import propose_candidates
from community.knowledge.models import (
    Article,
    ArticleStatus,
    PromotionCandidate,
    RevisionState,
)
from community.models import Post, Thread
from community.services import CommunityError


def test_promoting_drafts_an_article_in_review_without_personal_data(app, make, people,
                                                                     solved, question):
    article = make.promote(people.moderator, solved)
    with app.app_context():
        article = db.session.get(Article, article.id)
        draft = article.revisions[-1]
        assert article.status == ArticleStatus.IN_REVIEW and draft.state == RevisionState.IN_REVIEW
        assert draft.title == question.title and article.source_thread_id == question.id
        for secret in ("care@lumio.example", "48213377", "333 123 4567", "@lumio_help"):
            assert secret not in draft.body_source
        assert "hold the case button" in draft.body_source
        assert {item["kind"] for item in draft.redactions} == {"email", "order", "phone",
                                                                "handle"}


def test_only_staff_promote(app, make, people, solved):
    with app.app_context(), pytest.raises(CommunityError) as refused:
        services.promote(db.session.get(User, people.asker.id), db.session.get(Post, solved.id))
    assert refused.value.status == 403


def test_only_the_accepted_answer_can_be_promoted(app, make, people, question):
    answer = make.reply(people.helper, question)
    with app.app_context(), pytest.raises(CommunityError) as refused:
        services.promote(db.session.get(User, people.moderator.id),
                         db.session.get(Post, answer.id))
    assert refused.value.status == 422


def test_a_thread_gets_one_article(app, make, people, solved):
    make.promote(people.moderator, solved)
    with app.app_context(), pytest.raises(CommunityError) as refused:
        services.promote(db.session.get(User, people.moderator.id),
                         db.session.get(Post, solved.id))
    assert refused.value.status == 409


def test_approval_publishes_and_makes_the_article_searchable(app, make, people, solved, agent):
    article = make.promote(people.moderator, solved, reviewer=agent)
    with app.app_context():
        article = db.session.get(Article, article.id)
        assert article.status == ArticleStatus.PUBLISHED and article.is_readable
        hits = search.query("hold the case button", kinds=["article"]).hits
        assert [hit.id for hit in hits] == [article.id]


def test_publishing_changes_the_source_threads_cached_page(app, make, people, solved, agent,
                                                          question):
    before = make.get(Thread, question.id).version
    make.promote(people.moderator, solved, reviewer=agent)
    assert make.get(Thread, question.id).version > before


def test_a_reviewer_does_not_approve_their_own_revision(app, make, people, solved):
    article = make.promote(people.moderator, solved)
    with app.app_context(), pytest.raises(CommunityError) as refused:
        services.approve(db.session.get(User, people.moderator.id),
                         db.session.get(Article, article.id))
    assert refused.value.status == 403


def test_an_admin_may_approve_their_own_revision(app, make):
    admin = make.admin()
    article = make.article(admin, reviewer=admin)
    assert make.get(Article, article.id).is_readable


def test_sending_back_needs_a_comment_and_keeps_it_unpublished(app, make, people, solved,
                                                               agent):
    article = make.promote(people.moderator, solved)
    with app.app_context():
        reviewer, found = db.session.get(User, agent.id), db.session.get(Article, article.id)
        with pytest.raises(CommunityError) as refused:
            services.reject(reviewer, found, "  ")
        assert refused.value.field == "comment"
        services.reject(reviewer, found, "Add the firmware version.")
        assert found.status == ArticleStatus.DRAFT and not found.is_readable


def test_readers_keep_the_published_text_while_an_edit_waits(app, make, people, agent):
    article = make.article(people.moderator, body="The first, approved text of it.",
                           reviewer=agent)
    with app.app_context():
        found = db.session.get(Article, article.id)
        services.edit(db.session.get(User, people.moderator.id), found,
                      title=found.current_revision.title, body="A second text, not reviewed.",
                      submit=True)
        assert found.status == ArticleStatus.PUBLISHED
        assert found.current_revision.body_source == "The first, approved text of it."


def test_editing_the_source_answer_marks_the_article_for_re_review(app, make, people, solved,
                                                                   agent):
    article = make.promote(people.moderator, solved, reviewer=agent)
    with app.app_context():
        from community import services as forum

        forum.edit_post(db.session.get(User, people.helper.id), db.session.get(Post, solved.id),
                        body="Hold the case button for 20 seconds now, since firmware 3.")
    found = make.get(Article, article.id)
    assert found.needs_review and found.review_reason == "source_edited"


def test_unaccepting_the_source_answer_marks_the_article_for_re_review(app, make, people,
                                                                       solved, agent):
    article = make.promote(people.moderator, solved, reviewer=agent)
    make.act("unaccept", people.asker, solved)
    assert make.get(Article, article.id).review_reason == "accepted_changed"


def test_a_reader_rates_once_and_may_change_their_answer(app, make, people, agent):
    article = make.article(people.moderator, reviewer=agent)
    with app.app_context():
        found = db.session.get(Article, article.id)
        services.rate(found, visitor="visitor:a", user=None, helpful=True)
        services.rate(found, visitor="visitor:a", user=None, helpful=False, reason="unclear")
        services.rate(found, visitor="visitor:b", user=None, helpful=False)
        db.session.refresh(found)
        assert (found.helpful_yes, found.helpful_no) == (0, 2)


def test_an_unknown_reason_is_refused(app, make, people, agent):
    article = make.article(people.moderator, reviewer=agent)
    with app.app_context(), pytest.raises(CommunityError) as refused:
        services.rate(db.session.get(Article, article.id), visitor="v", user=None,
                      helpful=False, reason="because")
    assert refused.value.field == "reason"


def test_drafts_cannot_be_rated(app, make, people):
    article = make.article(people.moderator)
    with app.app_context(), pytest.raises(CommunityError) as refused:
        services.rate(db.session.get(Article, article.id), visitor="v", user=None, helpful=True)
    assert refused.value.status == 404


def test_archiving_takes_the_article_out_of_search(app, make, people, agent):
    article = make.article(people.moderator, title="Resetting the Lumio Hub fully",
                           reviewer=agent)
    with app.app_context():
        services.archive(db.session.get(User, agent.id), db.session.get(Article, article.id))
        assert search.query("Lumio Hub", kinds=["article"]).total == 0
        assert not db.session.get(Article, article.id).is_readable


def test_the_candidates_job_proposes_threads_many_people_needed(app, make, people, solved,
                                                                question):
    with app.app_context():
        db.session.get(Thread, question.id).view_count = 400
        db.session.commit()
        assert propose_candidates() == 1
        assert propose_candidates() == 0  # idempotent
        assert db.session.get(PromotionCandidate, question.id).score >= 16


def test_the_candidates_job_ignores_threads_with_an_article(app, make, people, solved,
                                                            question):
    make.promote(people.moderator, solved)
    with app.app_context():
        db.session.get(Thread, question.id).view_count = 400
        db.session.commit()
        assert propose_candidates() == 0


def test_promoting_a_candidate_removes_it_from_the_list(app, make, people, solved, question):
    with app.app_context():
        db.session.get(Thread, question.id).view_count = 400
        db.session.commit()
        propose_candidates()
    make.promote(people.moderator, solved)
    with app.app_context():
        assert db.session.get(PromotionCandidate, question.id) is None


def test_personal_data_leaves_the_title_and_the_url_too(app, make, people):
    question = make.thread(people.asker,
                           title="Order 48213377 from john@doe.example won't charge")
    answer = make.reply(people.helper, question, "Reset the case: hold its button 15 seconds.")
    make.act("accept", people.asker, answer)
    article = make.promote(people.moderator, answer)
    with app.app_context():
        found = db.session.get(Article, article.id)
        title = found.revisions[-1].title
        assert "48213377" not in title and "john" not in title
        assert "48213377" not in found.slug and "john" not in found.slug


def test_a_reviewer_cannot_approve_a_text_submitted_after_they_read_it(app, make, people,
                                                                      solved, agent):
    article = make.promote(people.moderator, solved)
    with app.app_context():
        found = db.session.get(Article, article.id)
        read = found.revisions[-1].id
        services.edit(db.session.get(User, people.moderator.id), found,
                      title="A newer title for this article",
                      body="A newer body with evil@example.com in it, sent later.", submit=True)
        with pytest.raises(CommunityError) as refused:
            services.approve(db.session.get(User, agent.id), found, revision_id=read)
        assert refused.value.status == 409 and not found.is_readable


def test_a_new_revision_supersedes_the_one_waiting(app, make, people, solved):
    article = make.promote(people.moderator, solved)
    with app.app_context():
        found = db.session.get(Article, article.id)
        services.edit(db.session.get(User, people.moderator.id), found,
                      title="Buds Pro case does not charge", body="A better text for readers.")
        assert [r.state for r in found.revisions] == [RevisionState.SUPERSEDED,
                                                      RevisionState.DRAFT]


def test_an_archived_article_is_not_edited_until_restored(app, make, people, agent):
    article = make.article(people.moderator, reviewer=agent)
    with app.app_context():
        found, mod = db.session.get(Article, article.id), db.session.get(User, people.moderator.id)
        services.archive(mod, found)
        with pytest.raises(CommunityError) as refused:
            services.edit(mod, found, title="Still a good title here", body="Another body text.")
        assert refused.value.status == 409


def test_a_source_change_before_the_first_approval_is_flagged(app, make, people, solved,
                                                              question):
    article = make.promote(people.moderator, solved)
    make.act("unaccept", people.asker, solved)
    assert make.get(Article, article.id).review_reason == "accepted_changed"


def test_editing_an_old_answer_does_not_flag_the_article_made_from_the_new_one(
        app, make, people, solved, question, agent):
    old = make.promote(people.moderator, solved, reviewer=agent)
    with app.app_context():
        services.archive(db.session.get(User, agent.id), db.session.get(Article, old.id))
    better = make.reply(people.other, question, "Update the case firmware from the app first.")
    make.act("accept", people.asker, better)
    current = make.promote(people.moderator, better, reviewer=agent)
    with app.app_context():
        from community import services as forum

        forum.edit_post(db.session.get(User, people.helper.id), db.session.get(Post, solved.id),
                        body="Hold the case button for 20 seconds now, since firmware 3.")
    assert not make.get(Article, current.id).needs_review


def test_a_changed_accepted_answer_outweighs_an_edit(app, make, people, solved, agent):
    article = make.promote(people.moderator, solved, reviewer=agent)
    with app.app_context():
        from community import services as forum

        forum.edit_post(db.session.get(User, people.helper.id), db.session.get(Post, solved.id),
                        body="Hold the case button for 20 seconds now, since firmware 3.")
    make.act("unaccept", people.asker, solved)
    assert make.get(Article, article.id).review_reason == "accepted_changed"


def test_a_candidate_that_is_no_longer_solved_leaves_the_list(app, make, people, solved,
                                                              question):
    with app.app_context():
        db.session.get(Thread, question.id).view_count = 400
        db.session.commit()
        propose_candidates()
    make.act("unaccept", people.asker, solved)
    with app.app_context():
        propose_candidates()
        assert db.session.get(PromotionCandidate, question.id) is None


def test_counters_are_recounted_from_the_answers(app, make, people, agent):
    article = make.article(people.moderator, reviewer=agent)
    with app.app_context():
        found = db.session.get(Article, article.id)
        found.helpful_yes, found.helpful_no = 40, 40  # drifted
        db.session.commit()
        services.rate(found, visitor="visitor:a", user=None, helpful=True)
        db.session.refresh(found)
        assert (found.helpful_yes, found.helpful_no) == (1, 0)
