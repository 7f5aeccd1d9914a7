"""Social listening's forms: they check shape; the services decide (and check again)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange

from social_listen.models import ImportPolicy, SourceKind
from social_listen.services import POLL_MINUTES

SOURCES = [SelectChoice(SourceKind.X.value, _l("X (recent search)")),
           SelectChoice(SourceKind.FEED.value, _l("RSS or Atom feed"))]
POLICIES = [
    SelectChoice(ImportPolicy.MANUAL.value, _l("Manual triage: every mention waits in the inbox")),
    SelectChoice(ImportPolicy.QUESTIONS.value,
                 _l("Import questions, leave the rest in the inbox")),
    SelectChoice(ImportPolicy.ALL.value, _l("Import every mention that passes the filters")),
]


class RuleForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=80)])
    source = SelectField(_l("Source"), choices=SOURCES)
    query = TextAreaField(
        _l("Query or feed address"), validators=[DataRequired(), Length(max=512)],
        render_kw={"rows": 2},
        description=_l("X: a recent-search query such as @acme OR \"acme router\" "
                       "-is:retweet (up to 512 characters). A feed: its https:// address."))
    category_id = SelectField(_l("Category for imported threads"), coerce=int,
                              validate_choice=False)
    languages = StringField(_l("Languages"), validators=[Length(max=64)],
                            description=_l("Codes such as en, it; empty for any language."))
    excluded_accounts = TextAreaField(
        _l("Excluded accounts"), render_kw={"rows": 2},
        description=_l("One @handle per line (your own support accounts, for instance)."))
    blocked_words = TextAreaField(
        _l("Blocked words"), render_kw={"rows": 2},
        description=_l("One word or phrase per line; mentions containing one are filtered."))
    import_policy = SelectField(_l("Import policy"), choices=POLICIES)
    poll_minutes = IntegerField(
        _l("Poll every (minutes)"), default=5,
        validators=[InputRequired(message=_l("Give a number of minutes.")),
                    NumberRange(*POLL_MINUTES)])
    active = BooleanField(_l("Active"), default=True)


class TriageForm(FlaskForm):
    action = HiddenField(validators=[InputRequired()])
    category_id = SelectField(_l("Import into"), coerce=int, validate_choice=False)


class ClaimForm(FlaskForm):
    handle = StringField(_l("Your handle on X"), validators=[DataRequired(), Length(max=80)],
                         description=_l("As in @handle. A moderator confirms the claim "
                                        "before the posts become yours."))
