"""Imported threads, from Stack Exchange or social listening: they stay open, lists name
who asked them where, and Stack Exchange copies send search engines to the original."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from app.extensions import db
from community import jobs
from community.models import Source, Thread, ThreadStatus
from tests.community.test_jobs import age_thread, run

ORIGINAL = "https://coffee.stackexchange.com/questions/42"


def imported(app, thread, source=Source.IMPORT, author="jdoe", site="Stack Exchange"):
    with app.app_context():
        db.session.execute(update(Thread).where(Thread.id == thread.id).values(
            source=source, source_url=ORIGINAL, original_author=author, original_site=site))
        db.session.commit()


@pytest.mark.parametrize("source", [Source.IMPORT, Source.SOCIAL])
def test_the_archive_job_leaves_imported_threads_open(app, make, people, question, source):
    imported(app, question, source)
    age_thread(app, question, 400)

    run(app, jobs.archive_quiet_threads)

    assert make.get(Thread, question.id).status == ThreadStatus.OPEN


def test_a_setting_archives_imported_threads_too(app, make, people, question):
    imported(app, question)
    age_thread(app, question, 400)
    app.config["ARCHIVE_IMPORTED_THREADS"] = True

    run(app, jobs.archive_quiet_threads)

    assert make.get(Thread, question.id).status == ThreadStatus.ARCHIVED


def test_lists_name_the_original_author_and_site(app, client, make, people, question):
    from community.models import Category

    imported(app, question)
    slug = make.get(Category, make.get(Thread, question.id).category_id).slug

    page = client.get(f"/c/{slug}").get_data(as_text=True)

    assert "asked by jdoe on Stack Exchange" in page
    assert "asked by asker" not in page


def test_a_stack_exchange_copy_is_canonical_at_its_original(app, client, question):
    imported(app, question)

    page = client.get(f"/t/{question.id}/{question.slug}").get_data(as_text=True)

    assert f'<link rel="canonical" href="{ORIGINAL}">' in page


def test_a_social_thread_is_canonical_here(app, client, question):
    imported(app, question, Source.SOCIAL, "@jane", "X")

    page = client.get(f"/t/{question.id}/{question.slug}").get_data(as_text=True)

    assert f'<link rel="canonical" href="http://localhost/t/{question.id}/' in page


def solved(make, people, question):
    answer = make.reply(people.helper, question, "Reset the case by holding the button.")
    make.act("accept", people.asker, answer)


def test_stack_exchange_copies_stay_out_of_the_sitemap(app, client, make, people, question):
    solved(make, people, question)
    assert f"/t/{question.id}/" in client.get("/sitemap.xml").get_data(as_text=True)
    imported(app, question)

    assert f"/t/{question.id}/" not in client.get("/sitemap.xml").get_data(as_text=True)


def test_a_setting_puts_them_back_in_the_sitemap(app, client, make, people, question):
    solved(make, people, question)
    imported(app, question)
    app.config["SITEMAP_IMPORTED_THREADS"] = True

    assert f"/t/{question.id}/" in client.get("/sitemap.xml").get_data(as_text=True)
