"""``flask jobs ...``: run the scheduler, list the jobs, run one job now."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from app.jobs import get, registered
from app.jobs.runner import build_scheduler

jobs = AppGroup("jobs", help="Scheduled jobs.")


@jobs.command("run")
def run() -> None:
    """Run the scheduler in the foreground until interrupted."""
    app = current_app._get_current_object()
    scheduler = build_scheduler(app, blocking=True)
    click.echo(f"Job runner started with {len(registered())} jobs. Ctrl+C stops it.")
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        click.echo("Job runner stopped.")


@jobs.command("list")
def list_jobs() -> None:
    """Print every job with its period and why it exists."""
    for item in registered():
        click.echo(f"{item.name:<28} every {item.every!s:<10} {item.why}")


@jobs.command("once")
@click.argument("name")
def once(name: str) -> None:
    """Run the job NAME now, in this process, outside the schedule and its lease
    (jobs are idempotent, so an extra run is safe)."""
    try:
        item = get(name)
    except KeyError as error:
        raise click.ClickException(f"No job named {name!r}; see 'flask jobs list'.") from error
    item.func()
    click.echo(f"Ran {name}.")


@jobs.command("failures")
@click.option("--job", help="Only this job's items.")
def list_failures(job: str | None) -> None:
    """Items jobs could not handle: attempts, the last error, and when."""
    from app.jobs.items import MAX_ATTEMPTS, failures

    rows = failures(job)
    for row in rows:
        state = "given up" if row.attempts >= MAX_ATTEMPTS else "will retry"
        click.echo(f"{row.job:<24} {row.item:<24} {row.attempts} attempts ({state}), "
                   f"last {row.last_failed_at:%Y-%m-%d %H:%M}: {row.error}")
    if not rows:
        click.echo("No failed items.")


@jobs.command("retry")
@click.argument("name")
@click.argument("item", required=False)
def retry_failures(name: str, item: str | None) -> None:
    """Try NAME's failed items again on its next run (one ITEM, e.g. thread:42, or all)."""
    from app.jobs.items import retry

    click.echo(f"{retry(name, item)} item(s) will be tried again.")
