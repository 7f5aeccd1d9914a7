"""Moderation's forms: they check shape; the services decide (and check again)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from community.forms import rule
from community.rules import body_problem, title_problem
from moderation.models import DecisionAction, FlagKind, SanctionKind, WordAction

FLAG_CHOICES = [
    SelectChoice(FlagKind.SPAM.value, _l("Spam: it advertises something or is a scam")),
    SelectChoice(FlagKind.RUDE.value, _l("Rude or abusive: a reasonable person would find it "
                                         "offensive")),
    SelectChoice(FlagKind.OFF_TOPIC.value, _l("Off-topic: it does not belong in this thread")),
    SelectChoice(FlagKind.DUPLICATE.value, _l("Duplicate: this was asked and answered before")),
    SelectChoice(FlagKind.OTHER.value, _l("Something else (tell the moderators below)")),
]


class FlagForm(FlaskForm):
    kind = RadioField(_l("What is wrong with this post?"), choices=FLAG_CHOICES,
                      validators=[InputRequired(message=_l("Choose what is wrong."))])
    message = TextAreaField(_l("Anything the moderators should know"),
                            validators=[Length(max=500)], render_kw={"rows": 3})


class DecisionForm(FlaskForm):
    action = HiddenField(validators=[InputRequired()])
    seen = HiddenField()  # the item's status the moderator saw
    reason = TextAreaField(_l("Reason the author will read"), validators=[Length(max=500)],
                           render_kw={"rows": 2})

    def validate_action(self, field) -> None:
        if field.data not in {action.value for action in DecisionAction}:
            from wtforms.validators import ValidationError

            raise ValidationError(_l("Choose one of the actions."))


class EditApproveForm(FlaskForm):
    title = StringField(_l("Title"), validators=[Optional(), rule(title_problem)])
    body = TextAreaField(_l("Text"), validators=[DataRequired(), rule(body_problem)],
                         render_kw={"rows": 12})
    seen = HiddenField()


class SanctionForm(FlaskForm):
    kind = SelectField(_l("Sanction"), choices=[
        SelectChoice(SanctionKind.SILENCE.value, _l("Silence: may read, not post")),
        SelectChoice(SanctionKind.SUSPEND.value, _l("Suspend: may not sign in")),
        SelectChoice(SanctionKind.BAN.value, _l("Ban: may not sign in, no end")),
    ])
    hours = IntegerField(_l("For how many hours"), validators=[
        Optional(), NumberRange(min=1, max=24 * 365)],
        description=_l("Empty: the next step of the ladder (24 h, 72 h, 7 days, 30 days) for "
                       "a suspension, 24 hours for a silence."))
    reason = TextAreaField(_l("Reason the member will read"),
                           validators=[DataRequired(message=_l("Give the reason.")),
                                       Length(max=500)], render_kw={"rows": 2})


class LiftForm(FlaskForm):
    reason = StringField(_l("Why lift it (optional)"), validators=[Length(max=300)])


class WordForm(FlaskForm):
    pattern = StringField(_l("Word or phrase"), validators=[
        DataRequired(message=_l("Write the word or phrase.")), Length(max=100)],
        description=_l("Whole words, any case or accents; * at either end for the rest of "
                       "a word (spam* finds spammer)."))
    action = SelectField(_l("What happens"), choices=[
        SelectChoice(WordAction.BLOCK.value, _l("Block: the post is refused")),
        SelectChoice(WordAction.REQUIRE_APPROVAL.value,
                     _l("Require approval: the post waits for a moderator")),
        SelectChoice(WordAction.CENSOR.value, _l("Censor: the word is shown as ■■■")),
        SelectChoice(WordAction.FLAG.value,
                     _l("Flag: published, and put in the review queue")),
    ])
    is_regex = BooleanField(_l("This is a regular expression"))


class TesterForm(FlaskForm):
    title = StringField(_l("Title (optional)"), validators=[Length(max=150)])
    text = TextAreaField(_l("Text"), validators=[DataRequired(), Length(max=20_000)],
                         render_kw={"rows": 8})
    author = StringField(_l("As written by (username, optional)"), validators=[Length(max=30)],
                         description=_l("Their trust level and history count; empty: a "
                                        "brand-new member."))


class TrustForm(FlaskForm):
    level = SelectField(_l("Trust level"), coerce=int, choices=[
        SelectChoice(0, _l("0 — new")), SelectChoice(1, _l("1 — basic")),
        SelectChoice(2, _l("2 — member")), SelectChoice(3, _l("3 — regular")),
        SelectChoice(4, _l("4 — leader"))])
    locked = BooleanField(_l("Keep this level (the daily job leaves it alone)"), default=True)
