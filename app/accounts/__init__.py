"""Accounts: people, roles, sign-in and API tokens (layer 0, used by every package)."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, select

from app.extensions import db, login_manager


def init_app(app: Flask) -> None:
    from app.accounts import cli, views
    from app.accounts.forms import role_label
    from app.accounts.models import User
    from app.layout import StaffTool, add_staff_tool

    add_staff_tool(app, StaffTool(
        _l("Site"), _l("People"), _l("Find members and change their roles."),
        "accounts.admin_users", "users.list", order=90))
    login_manager.login_view = "accounts.sign_in"
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"

    # Built once: every signed-in request runs it, and building it cost more than running it.
    user_by_id = select(User).where(User.id == bindparam("user_id"))

    @login_manager.user_loader
    def load_user(session_id: str) -> User | None:
        user_id, _, nonce = session_id.partition(":")
        if not user_id.isdigit():
            return None
        user = db.session.scalar(user_by_id, {"user_id": int(user_id)})
        if user is None or user.session_nonce != nonce or not user.is_active:
            return None
        return user

    app.register_blueprint(views.bp)
    app.cli.add_command(cli.users)
    app.jinja_env.globals["role_label"] = role_label
