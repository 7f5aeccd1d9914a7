"""The case page's forms: they check shape; the services decide (and check again)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from escalate.labels import STATUSES

REPLY_KINDS = [
    SelectChoice("public", _l("Public reply, in the thread (marked as staff)")),
    SelectChoice("private", _l("Private reply, to the customer by e-mail")),
    SelectChoice("internal", _l("Internal note, for agents only")),
]


class ReplyForm(FlaskForm):
    body = TextAreaField(_l("Reply"), validators=[DataRequired(), Length(max=20_000)])
    kind = RadioField(_l("Who sees it"), choices=REPLY_KINDS, default="public")


class StatusForm(FlaskForm):
    status = SelectField(_l("Status"), choices=[SelectChoice(value, label)
                                                for value, label in STATUSES.items()])
