"""``flask listen ...``: poll rules now, list them."""

from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy import select

from app.extensions import db
from social_listen import auto_import, polling
from social_listen.models import ListeningRule

listen = AppGroup("listen", help="Social listening.")


@listen.command("poll")
@click.argument("rule", required=False)
def poll(rule: str | None) -> None:
    """Poll RULE (an id or a name) now, or every active rule; then apply their import
    policies. Prints a line per page."""
    for item in _rules(rule):
        click.echo(f"Rule {item.id} “{item.name}” ({item.source}): {item.query}")
        result = polling.poll(item.id, progress=_page_line)
        if not result.polled:
            click.echo("  another runner is polling this rule; skipped.")
            continue
        imported = auto_import.import_pending(item.id)
        click.echo(f"  {result.new} new mention(s) in {result.pages} page(s), "
                   f"{result.reposts} repost(s) dropped, {imported.done} imported"
                   + (f"; stopped: {result.error}" if result.error else "")
                   + f"; next poll {result.next_poll_at:%Y-%m-%d %H:%M:%S} UTC")
        if result.error:
            raise SystemExit(1)


@listen.command("rules")
def list_rules() -> None:
    """Every rule with its checkpoint, next poll and last error."""
    for item in db.session.scalars(select(ListeningRule).order_by(ListeningRule.id)):
        state = "active" if item.active else "paused"
        click.echo(f"{item.id:>4} {item.name:<32} {item.source:<5} {state:<7} "
                   f"since {item.since_id or '-':<20} next {item.next_poll_at or 'now'}"
                   + (f"  error: {item.last_error}" if item.last_error else ""))


def _page_line(report: polling.PageReport) -> None:
    click.echo(f"  page {report.number}: {report.fetched} post(s), {report.new} new, "
               f"{report.duplicates} already stored, {report.reposts} repost(s) dropped"
               + (", more to come" if report.more else ""))


def _rules(name: str | None) -> list[ListeningRule]:
    if name is None:
        return list(db.session.scalars(select(ListeningRule).where(
            ListeningRule.active.is_(True)).order_by(ListeningRule.id)))
    found = db.session.get(ListeningRule, int(name)) if name.isdigit() else None
    found = found or db.session.scalar(select(ListeningRule).where(ListeningRule.name == name))
    if found is None:
        raise click.ClickException(f"No listening rule {name!r}; see 'flask listen rules'.")
    return [found]
