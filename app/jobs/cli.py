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
