"""The escalation pages' forms: they check shape; the services decide (and check again)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from community import rules as community_rules
from community.forms import AreaField, optional_int, rule
from escalate.contact import PROBLEMS
from escalate.labels import PRIORITIES, STATUSES

REPLY_KINDS = [
    SelectChoice("public", _l("Public reply, in the thread (marked as staff)")),
    SelectChoice("private", _l("Private reply, to the customer by e-mail")),
    SelectChoice("internal", _l("Internal note, for agents only")),
]
SCORES = [SelectChoice("5", _l("5: great")), SelectChoice("4", _l("4: good")),
          SelectChoice("3", _l("3: OK")), SelectChoice("2", _l("2: bad")),
          SelectChoice("1", _l("1: very bad"))]


class ReplyForm(FlaskForm):
    body = TextAreaField(_l("Reply"), validators=[DataRequired(), Length(max=20_000)])
    kind = RadioField(_l("Who sees it"), choices=REPLY_KINDS, default="public")


class StatusForm(FlaskForm):
    status = SelectField(_l("Status"), choices=[SelectChoice(value, label)
                                                for value, label in STATUSES.items()])


class CaseForm(FlaskForm):
    """Priority, assignee and tags; the assignee's choices are the agents (set by the
    view), "" for nobody."""

    priority = SelectField(_l("Priority"), choices=[SelectChoice(value, label)
                                                    for value, label in PRIORITIES.items()])
    assignee = SelectField(_l("Agent"), choices=[])
    tags = StringField(_l("Tags"), validators=[Length(max=300)],
                       description=_l("Words separated by commas, e.g. billing, refund"))


class SolveForm(FlaskForm):
    post_id = HiddenField(validators=[DataRequired()])


class AssignForm(FlaskForm):
    """The console's bulk assign."""

    cases = SelectMultipleField(_l("Cases"), coerce=int, validate_choice=False,
                                validators=[DataRequired(_l("Tick the cases to assign."))])
    assignee = SelectField(_l("Assign to"), choices=[])


class SurveyForm(FlaskForm):
    score = RadioField(_l("How did we do?"), choices=SCORES,
                       validators=[InputRequired(_l("Choose a score from 1 to 5."))])
    comment = TextAreaField(_l("Anything to add? (optional)"),
                            validators=[Optional(), Length(max=2000)])


class CannedReplyForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=120)])
    body = TextAreaField(_l("Reply"), validators=[DataRequired(), Length(max=20_000)])


class DeleteForm(FlaskForm):
    canned_id = IntegerField(validators=[DataRequired()])


class ContactForm(FlaskForm):
    """The contact flow's questions; the product area's choices are set by the view."""

    category = AreaField(_l("Product area"), coerce=optional_int, validate_choice=True,
                         validators=[DataRequired(message=_l("Choose a product area."))])
    problem = RadioField(_l("What kind of problem is it?"),
                         choices=[SelectChoice(key, label) for key, label in PROBLEMS.items()],
                         validators=[InputRequired(_l("Choose the kind of problem."))])
    title = StringField(_l("Subject"), validators=[
        DataRequired(message=_l("Say in a few words what goes wrong.")),
        rule(community_rules.title_problem)],
        description=_l("e.g. “Buds Pro left earbud will not charge after update 3.2”"),
        render_kw={"maxlength": community_rules.TITLE_MAX, "autocomplete": "off"})
    description = TextAreaField(_l("Describe the problem"), validators=[
        DataRequired(message=_l("Describe the problem.")),
        rule(community_rules.body_problem)],
        description=_l("What you tried, what you expected, what happened. It is posted as "
                       "your question in the community, so leave out order numbers and "
                       "addresses: the agent asks for them privately."),
        render_kw={"rows": 8})
