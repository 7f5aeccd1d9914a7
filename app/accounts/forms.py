"""Account forms: they check shape (required, lengths, e-mail syntax) and nothing else.

The rules that need the database or the configuration (taken names, password policy)
live in the services; views put the services' messages next to the field they concern.
"""

from __future__ import annotations

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from app.accounts.models import Role
from app.accounts.policy import PASSWORD_MAX, USERNAME_MAX, password_problem, username_problem


class RegisterForm(FlaskForm):
    """Checks every rule that needs no database, so all mistakes show at once."""

    username = StringField(
        _l("Username"),
        validators=[DataRequired(), Length(max=USERNAME_MAX)],
        description=_l("Shown next to everything you post. Letters, digits, . _ -"),
        render_kw={"autocomplete": "username"},
    )
    email = EmailField(
        _l("E-mail address"),
        validators=[DataRequired(), Email(message=_l("Enter a valid e-mail address.")),
                    Length(max=254)],
        description=_l("Never shown to others. Used for notifications and password resets."),
        render_kw={"autocomplete": "email"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(), Length(max=PASSWORD_MAX)],
        description=_l("At least 10 characters. A short sentence works well."),
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
        render_kw={"autocomplete": "new-password"},
    )

    def validate_username(self, field):
        _raise_if(username_problem(field.data.strip()))

    def validate_password(self, field):
        _raise_if(password_problem(
            field.data,
            min_length=current_app.config["PASSWORD_MIN_LENGTH"],
            username=self.username.data or "",
            email=self.email.data or "",
        ))


def _raise_if(problem: str | None) -> None:
    if problem:
        raise ValidationError(problem)


class SignInForm(FlaskForm):
    login = StringField(
        _l("Username or e-mail"),
        validators=[DataRequired(), Length(max=254)],
        render_kw={"autocomplete": "username"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(), Length(max=PASSWORD_MAX)],
        render_kw={"autocomplete": "current-password"},
    )
    remember = BooleanField(_l("Keep me signed in on this device"))


class ForgotPasswordForm(FlaskForm):
    email = EmailField(
        _l("E-mail address"),
        validators=[DataRequired(), Email(message=_l("Enter a valid e-mail address."))],
        render_kw={"autocomplete": "email"},
    )


class ResetPasswordForm(FlaskForm):
    password = PasswordField(
        _l("New password"),
        validators=[DataRequired(), Length(max=PASSWORD_MAX)],
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
        render_kw={"autocomplete": "new-password"},
    )


class ChangePasswordForm(ResetPasswordForm):
    current_password = PasswordField(
        _l("Current password"),
        validators=[DataRequired()],
        render_kw={"autocomplete": "current-password"},
    )


def locale_choices():
    return [SelectChoice("", _l("Browser default")), SelectChoice("en", "English"),
            SelectChoice("it", "Italiano")]


class LocaleForm(FlaskForm):
    locale = SelectField(_l("Language"), choices=locale_choices, validate_choice=True)


_ROLE_LABELS = {
    Role.MEMBER: _l("Member"),
    Role.MODERATOR: _l("Moderator"),
    Role.AGENT: _l("Agent"),
    Role.ADMIN: _l("Admin"),
}


def role_label(role: Role | str) -> str:
    return str(_ROLE_LABELS[Role(role)])


def role_choices():
    return [SelectChoice(role.value, _ROLE_LABELS[role]) for role in Role]


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=role_choices, validate_choice=True)
