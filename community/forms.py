"""Forum forms: shape and the pure rules from ``community.rules``; they never save."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from app.text import normalize_newlines
from community import rules
from community.models import EmailMode, ThreadKind


def optional_int(value):
    return int(value) if value not in ("", None) else None


def rule(check):
    """A WTForms validator from a pure rule that returns a problem (or None)."""
    def validate(_form, field):
        problem = check(field.data or "")
        if problem:
            raise ValidationError(problem)

    return validate


class AreaField(SelectField):
    """A product area from the ones offered (only areas that take questions): any other
    value, a closed area's or a made-up one, is told to choose from the list."""

    def pre_validate(self, form) -> None:
        try:
            super().pre_validate(form)
        except ValidationError:
            raise ValidationError(_l("Choose a product area from the list.")) from None


def area_choices(prompt: str, top_areas) -> list[SelectChoice]:
    """A prompt, then the top-level areas that take questions, each followed by its own
    (grouped under its name, which a closed parent still gives them)."""
    choices = [SelectChoice("", prompt)]
    for top in top_areas:
        if top.takes_questions:
            choices.append(SelectChoice(top.id, top.name))
        choices += [SelectChoice(child.id, child.name, optgroup=top.name)
                    for child in top.children if child.takes_questions]
    return choices


class AskForm(FlaskForm):
    title = StringField(
        _l("Title"),
        validators=[DataRequired(message=_l("Give your question a title.")),
                    rule(rules.title_problem)],
        description=_l("Say what goes wrong, e.g. “Buds Pro left earbud will not charge after "
                       "update 3.2”."),
        render_kw={"maxlength": rules.TITLE_MAX, "autocomplete": "off"},
    )
    category = AreaField(_l("Product area"), coerce=optional_int, validate_choice=True,
                           validators=[DataRequired(message=_l("Choose a product area."))])
    kind = RadioField(_l("This is"), default=ThreadKind.QUESTION.value, choices=[
        SelectChoice(ThreadKind.QUESTION.value, _l("A question: I need a solution")),
        SelectChoice(ThreadKind.DISCUSSION.value, _l("A discussion: I want to share or talk")),
    ])
    body = TextAreaField(
        _l("Details"),
        validators=[DataRequired(message=_l("Describe the problem.")),
                    rule(rules.body_problem)],
        description=_l("What you tried, what you expected, what happened. Model, firmware "
                       "and phone help. Markdown works."),
        render_kw={"rows": 10, "data-max-length": rules.BODY_MAX},
    )
    tags = StringField(_l("Tags"), description=_l("Up to 5, separated by commas."),
                       render_kw={"autocomplete": "off"})


class ReplyForm(FlaskForm):
    body = TextAreaField(
        _l("Your answer"),
        validators=[DataRequired(message=_l("Write your answer first.")),
                    rule(rules.body_problem)],
        render_kw={"rows": 6, "data-max-length": rules.BODY_MAX},
    )


class EditForm(FlaskForm):
    title = StringField(_l("Title"), validators=[rule(rules.title_problem)],
                        render_kw={"maxlength": rules.TITLE_MAX})
    body = TextAreaField(_l("Text"), validators=[DataRequired(), rule(rules.body_problem)],
                         render_kw={"rows": 12, "data-max-length": rules.BODY_MAX})


def _unix_newlines(text: str | None) -> str | None:
    """A browser sends a line break as CR LF: counted as one, as stored and as the page's
    character counter counts it."""
    return normalize_newlines(text) if text else text


class TagDescriptionForm(FlaskForm):
    description = TextAreaField(
        _l("What this tag is for"), validators=[Length(max=500)], filters=[_unix_newlines],
        description=_l("One or two sentences, shown above the tag's threads. Plain text."),
        render_kw={"rows": 2, "data-max-length": 500})


def area_form(languages: tuple[str, ...], default: str) -> type[FlaskForm]:
    """A form with a name and a description for each language; the default's name is
    required, the others may stay empty (pages then show the default's)."""

    class AreaForm(FlaskForm):
        # A choice, not a checkbox: a checkbox left out of a post (a page from before the
        # field) would close the area without a word.
        takes_questions = RadioField(
            _l("Members may ask questions here"),
            choices=[SelectChoice("yes", _l("Yes")),
                     SelectChoice("no", _l("No: it only receives threads brought in from "
                                           "elsewhere, such as social mentions"))],
            validators=[InputRequired(message=_l("Say whether members may ask here."))])

    for code in languages:
        required = [DataRequired(message=_l("Every area needs a name."))] if code == default \
            else []
        setattr(AreaForm, f"name_{code}", StringField(
            _l("Name"),
            validators=[*required, Length(max=80)], render_kw={"maxlength": 80, "lang": code}))
        setattr(AreaForm, f"description_{code}", TextAreaField(
            _l("Description"), validators=[Length(max=300)],
            filters=[_unix_newlines],
            render_kw={"rows": 3, "data-max-length": 300, "lang": code}))
    return AreaForm


class EmailModeForm(FlaskForm):
    mode = RadioField(_l("E-mail me about replies and accepted answers"), choices=[
        SelectChoice(EmailMode.IMMEDIATE.value, _l("Right away")),
        SelectChoice(EmailMode.DAILY.value, _l("In a daily digest")),
        SelectChoice(EmailMode.OFF.value, _l("Never (I will check the site)")),
    ])
