"""The webhook admin page's forms: they check shape; ``endpoints`` decides."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, PasswordField, SelectMultipleField, URLField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length
from wtforms.widgets import CheckboxInput, ListWidget

from escalate.bridge.signing import EVENTS


class EndpointForm(FlaskForm):
    url = URLField(_l("Address"), validators=[DataRequired(), Length(max=500)],
                   description=_l("Where case events are posted, e.g. "
                                  "https://helpdesk.example.com/hooks/peerdesk"))
    secret = PasswordField(_l("Secret"), validators=[
        DataRequired(), Length(min=16, max=200,
                               message=_l("Use a secret of 16 to 200 characters."))],
                           description=_l("At least 16 characters; the receiver checks each "
                                          "request's signature with it."))
    events = SelectMultipleField(_l("Events"),
                                 choices=[SelectChoice(name, name) for name in EVENTS],
                                 default=list(EVENTS), widget=ListWidget(prefix_label=False),
                                 option_widget=CheckboxInput(),
                                 validators=[DataRequired(_l("Choose at least one event."))])
    active = BooleanField(_l("Active"), default=True)


class IdForm(FlaskForm):
    item_id = IntegerField(validators=[DataRequired()])
