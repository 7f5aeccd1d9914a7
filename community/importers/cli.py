"""``flask import stackexchange DIR...``: load Stack Exchange data dumps, with a progress
bar per site and a summary at the end.

Every folder is checked, and every file of every dump read to the end, before the first
row is written: a missing folder, a missing Posts.xml or malformed XML stops the command
with a message and a non-zero exit, with nothing written.
"""

from __future__ import annotations

import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy.exc import SQLAlchemyError

from app import search
from app.extensions import db
from community.importers import services
from community.importers.services import Summary
from community.importers.stackexchange import Dump, DumpError, open_dump
from community.importers.staging import Staging

import_group = AppGroup("import", help="Import questions from other communities.")


@import_group.command("stackexchange")
@click.argument("folders", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--site", metavar="HOST",
              help="The site the dump comes from, e.g. coffee.stackexchange.com "
                   "(default: from the folder name).")
@click.option("--limit", type=click.IntRange(min=1), metavar="N",
              help="Import only the first N questions of each dump (and their answers).")
@click.option("--language", default="en", show_default=True, metavar="CODE",
              help="The language the questions are written in (one of the forum's languages).")
def stackexchange(folders: tuple[Path, ...], site: str | None, limit: int | None,
                  language: str) -> None:
    """Import Stack Exchange data-dump FOLDERS, one site each (Posts.xml, optional
    PostLinks.xml and Tags.xml). Safe to run again: what is there is skipped."""
    if site and len(folders) > 1:
        raise click.UsageError("--site names the site of one folder: give one FOLDER with it.")
    _check_language(language)
    started = time.perf_counter()
    summary, threads_before = Summary(), services.thread_total()
    try:
        dumps = _open(folders, site)
        with tempfile.TemporaryDirectory(prefix="peerdesk-import-") as directory, \
                ExitStack() as cleanup:
            staged = []
            for dump in dumps:
                click.echo(f"Reading {dump.folder} ({dump.site})…")
                staging = Staging(dump, Path(directory))
                cleanup.callback(staging.close)
                staged.append(staging.load())
            for staging in staged:
                with click.progressbar(length=staging.thread_count(limit),
                                       label=staging.dump.site) as bar:
                    services.import_staged(staging, summary, language=language,
                                           limit=limit, progress=bar.update)
    except DumpError as error:
        raise click.ClickException(str(error)) from error
    except SQLAlchemyError as error:
        db.session.rollback()
        raise click.ClickException(
            f"The import stopped on a database error: {error}\nThe threads committed before "
            "it are complete and searchable; run the command again to import the rest.") from error
    finally:
        _index(summary.written, threads_before)
    _report(summary, time.perf_counter() - started)


def _index(thread_ids: list[int], threads_before: int) -> None:
    if not thread_ids:
        return
    rebuild = services.rebuild_is_cheaper(len(thread_ids), threads_before)
    length = search.expected_count() if rebuild else len(thread_ids)
    label = "Rebuilding the search index" if rebuild else "Indexing new threads"
    with click.progressbar(length=length, label=label) as bar:
        services.index_threads(thread_ids, threads_before, progress=bar.update)


def _check_language(language: str) -> None:
    """The forum's languages are the app's (``LANGUAGES``): a thread in another one would
    be shown to nobody in its language and searched with the wrong rules."""
    languages = current_app.config["LANGUAGES"]
    if language not in languages:
        raise click.BadParameter(f"{language!r} is not one of the forum's languages "
                                 f"({', '.join(languages)}).", param_hint="'--language'")


def _open(folders: tuple[Path, ...], site: str | None) -> list[Dump]:
    dumps = [open_dump(folder, site) for folder in folders]
    sites = [dump.site for dump in dumps]
    twice = sorted({name for name in sites if sites.count(name) > 1})
    if twice:
        raise DumpError(f"Two folders are dumps of the same site ({', '.join(twice)}): "
                        "import them one at a time.")
    return dumps


def _report(summary: Summary, seconds: float) -> None:
    rate = summary.posts / seconds if seconds else 0
    lines = [
        ("categories created", summary.categories),
        ("threads", summary.threads),
        ("answers", summary.answers),
        ("accepted answers", summary.accepted),
        ("tags created", summary.tags),
        ("links between questions", summary.links),
        ("skipped (not questions or answers)", summary.skipped),
        ("already present (skipped)", summary.present),
    ]
    if summary.orphans:
        lines.append(("answers without their question (skipped)", summary.orphans))
    if summary.held:
        lines.append(("held for a moderator (see /moderation)", summary.held))
    click.echo(f"Imported {summary.threads} threads and {summary.answers} answers in "
               f"{seconds:.1f} s ({rate:.0f} posts/s).")
    for label, value in lines:
        click.echo(f"  {label:<42} {value}")
