"""``flask users ...``: create accounts and API tokens from the command line."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from app.accounts import services
from app.accounts.models import Role

users = AppGroup("users", help="Create users and API tokens.")


@users.command("create")
@click.argument("username")
@click.option("--email", help="E-mail address (default: USERNAME@example.com).")
@click.option(
    "--role", type=click.Choice([role.value for role in Role]), default=Role.MEMBER.value,
    show_default=True,
)
@click.password_option(help="The password (asked for when not given).")
def create(username: str, email: str | None, role: str, password: str) -> None:
    """Create the account USERNAME."""
    try:
        user = services.register(
            username, email or f"{username}@example.com", password, role=Role(role), via="cli"
        )
    except services.AccountError as error:
        raise click.ClickException(error.message) from error
    click.echo(f"Created {user.username} ({user.role.value}).")


@users.command("token")
@click.argument("username")
@click.option("--name", default="cli", show_default=True, help="What the token is for.")
def token(username: str, name: str) -> None:
    """Create an API token for USERNAME and print it (it is shown only once)."""
    user = services.find_by_username(username)
    if user is None:
        raise click.ClickException(f"No user named {username!r}.")
    click.echo(services.create_api_token(user, name))
