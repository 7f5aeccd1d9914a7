"""The synonym list's form: one textarea, checked line by line (synonyms.parse)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import Length, ValidationError

from app.search import synonyms

MAX_TEXT = 100_000
ERRORS_SHOWN = 10


class SynonymsForm(FlaskForm):
    synonyms = TextAreaField(
        _l("Synonym groups"),
        validators=[Length(max=MAX_TEXT)],
        description=_l("One group per line, terms separated by commas, e.g. “earbuds, buds, "
                       "earphones, auricolari”. A search for any term also finds the others."),
        render_kw={"rows": 18, "spellcheck": "false"},
    )

    def validate_synonyms(self, field):
        errors = synonyms.parse(field.data or "").errors
        if errors:
            more = len(errors) - ERRORS_SHOWN
            shown = errors[:ERRORS_SHOWN] + ([ngettext("…and %(num)d more problem.",
                                                       "…and %(num)d more problems.", more)]
                                             if more > 0 else [])
            raise ValidationError(" ".join(shown))
