"""Imported posts pass the same gate, under the policy for their source."""

from sqlalchemy import select

from app.extensions import db
from community.models import Post, Thread, Visibility
from moderation import watched
from moderation.models import ReviewItem, WordAction
from tests.community.test_import_stackexchange import answer, question, run_import, write_dump


def add_word(app, crew, pattern, action):
    with app.app_context():
        watched.add(pattern, action, is_regex=False,
                    by=db.session.get(type(crew.moderator), crew.moderator.id))


def visibility_of(app, body_part):
    with app.app_context():
        return db.session.scalar(select(Post.visibility).where(
            Post.body_source.contains(body_part)))


def test_an_imported_post_with_a_watched_word_waits_for_a_moderator(app, crew, tmp_path):
    add_word(app, crew, "descale", WordAction.REQUIRE_APPROVAL)
    folder = write_dump(tmp_path / "coffee", [
        question(1, "Espresso machine cleaning tips please"),
        answer(2, 1, "<p>Run a cleaning tablet weekly.</p>"),
        answer(3, 1, "<p>Descale monthly with citric acid.</p>")])
    result = run_import(app, folder)
    assert result.exit_code == 0, result.output
    assert "held for a moderator (see /moderation)" in result.output
    assert visibility_of(app, "How do I descale") == Visibility.PENDING
    assert visibility_of(app, "Descale monthly") == Visibility.PENDING
    assert visibility_of(app, "cleaning tablet") == Visibility.VISIBLE
    with app.app_context():
        sources = set(db.session.scalars(select(ReviewItem.source)))
        thread = db.session.scalar(select(Thread))
        assert sources == {"import"} and thread.reply_count == 1


def test_a_blocked_word_holds_an_import_rather_than_leaving_a_hole(app, crew, tmp_path):
    add_word(app, crew, "citric", WordAction.BLOCK)
    folder = write_dump(tmp_path / "coffee", [
        question(1, "Espresso machine cleaning tips please"), answer(2, 1)])
    assert run_import(app, folder).exit_code == 0
    assert visibility_of(app, "citric acid") == Visibility.PENDING


def test_imports_are_trusted_otherwise(app, crew, tmp_path):
    folder = write_dump(tmp_path / "coffee", [
        question(1, "Espresso machine cleaning tips please",
                 body="<p>Call +1 555 0100 2000 or see http://cheap.example/x for parts</p>")])
    assert run_import(app, folder).exit_code == 0
    assert visibility_of(app, "cheap.example") == Visibility.VISIBLE


def test_the_hold_policy_holds_every_imported_post(app, crew, tmp_path):
    app.config["MODERATION_IMPORT_POLICY"] = {"import": "hold"}
    folder = write_dump(tmp_path / "coffee", [
        question(1, "Espresso machine cleaning tips please"), answer(2, 1)])
    assert run_import(app, folder).exit_code == 0
    with app.app_context():
        assert set(db.session.scalars(select(Post.visibility))) == {Visibility.PENDING}
