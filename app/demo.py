"""``flask demo seed``: the demo site ``make run`` shows, safe to run again and again.

The core seeds one account per role; packages add their own content with
:func:`seeder`. Every seeder must be idempotent: it looks for what it would create and
creates only what is missing, so a second run changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from app.accounts import services
from app.accounts.models import Role

DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105 - printed for the demo, documented in README


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: Role


DEMO_ACCOUNTS = (
    DemoAccount("admin", Role.ADMIN),
    DemoAccount("moderator", Role.MODERATOR),
    DemoAccount("agent", Role.AGENT),
    DemoAccount("member", Role.MEMBER),
)

_seeders: list[tuple[int, str, Callable[[], str]]] = []


def seeder(order: int, name: str) -> Callable:
    """Register ``func`` to run, in ``order``, after the demo accounts exist.
    It returns a one-line summary of what it created."""

    def register(func: Callable[[], str]) -> Callable[[], str]:
        if all(existing[1] != name for existing in _seeders):
            _seeders.append((order, name, func))
        return func

    return register


def seed_accounts() -> str:
    created = 0
    for account in DEMO_ACCOUNTS:
        if services.find_by_username(account.username) is None:
            services.register(
                account.username,
                f"{account.username}@peerdesk-demo.example.com",
                DEMO_PASSWORD,
                role=account.role,
                via="demo",
            )
            created += 1
    return f"accounts: {created} created, {len(DEMO_ACCOUNTS) - created} already there"


demo = AppGroup("demo", help="Demo content.")


@demo.command("seed")
def seed() -> None:
    """Create the demo accounts and content (only what is missing)."""
    if current_app.config["ENV"] == "production":
        raise click.ClickException(
            "demo seed creates accounts whose password is published in the README; "
            "it refuses to run with PEERDESK_ENV=production."
        )
    click.echo(seed_accounts())
    for _order, name, func in sorted(_seeders, key=lambda item: item[0]):
        click.echo(f"{name}: {func()}")
    click.echo(f"\nDemo sign-ins (password for all: {DEMO_PASSWORD}):")
    for account in DEMO_ACCOUNTS:
        click.echo(f"  {account.username:<10} {account.role.value}")


def init_app(app: Flask) -> None:
    app.cli.add_command(demo)
