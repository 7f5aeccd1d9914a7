"""Knowledge-base forms: shape and the pure rules; they never save."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    HiddenField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    widgets,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from community import rules as forum_rules
from community.forms import optional_int, rule
from community.knowledge import rules
from community.knowledge.models import FeedbackReason

LANGUAGES = [SelectChoice("en", "English"), SelectChoice("it", "Italiano")]


class ArticleForm(FlaskForm):
    title = StringField(_l("Title"), validators=[
        DataRequired(message=_l("Give the article a title.")),
        rule(forum_rules.title_problem)],
        description=_l("Name the problem the way customers say it, e.g. “Buds Pro do not "
                       "charge in the case”."),
        render_kw={"maxlength": forum_rules.TITLE_MAX})
    category = SelectField(_l("Product area"), coerce=optional_int, validate_choice=True,
                           validators=[DataRequired(message=_l("Choose a product area."))])
    language = SelectField(_l("Language"), choices=LANGUAGES, default="en")
    body = TextAreaField(_l("Text"), validators=[
        DataRequired(message=_l("Write the article first.")), rule(rules.body_problem)],
        description=_l("Markdown works. Describe the symptom, then the fix step by step."),
        render_kw={"rows": 16})
    note = StringField(_l("What changed"), validators=[Length(max=300)],
                       description=_l("A short note for reviewers (optional)."))
    submit_for_review = BooleanField(_l("Send to review now"), default=True)


class EditArticleForm(ArticleForm):
    """Editing keeps the article's product area and language."""

    category = None
    language = None


class ReviewForm(FlaskForm):
    # The revision the reviewer read: a newer one submitted meanwhile is not decided unseen.
    revision_id = HiddenField(filters=[lambda value: int(value) if str(value).isdigit() else None])
    comment = TextAreaField(_l("Comment for the author"), validators=[Length(max=500)],
                            description=_l("Required when you send it back."),
                            render_kw={"rows": 3})


class FeedbackForm(FlaskForm):
    helpful = RadioField(_l("Was this article helpful?"), choices=[
        SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))],
        validators=[DataRequired(message=_l("Choose yes or no."))])


class FeedbackReasonForm(FlaskForm):
    reason = RadioField(_l("What was wrong?"), choices=[
        SelectChoice(FeedbackReason.DID_NOT_SOLVE.value, _l("It did not solve my problem")),
        SelectChoice(FeedbackReason.INACCURATE.value, _l("Something in it is wrong")),
        SelectChoice(FeedbackReason.UNCLEAR.value, _l("It is hard to follow")),
        SelectChoice(FeedbackReason.OUTDATED.value, _l("It is out of date")),
        SelectChoice(FeedbackReason.OTHER.value, _l("Something else")),
    ], validators=[DataRequired(message=_l("Choose a reason."))])
    comment = TextAreaField(_l("Anything else we should know? (optional)"),
                            validators=[Length(max=500)], render_kw={"rows": 3})


class ProductsForm(FlaskForm):
    products = SelectMultipleField(
        _l("Your products"), coerce=int, validate_choice=True,
        option_widget=widgets.CheckboxInput(), widget=widgets.ListWidget(prefix_label=False),
        description=_l("Their articles come first on the home page and in the knowledge base."))
