"""The contact flow: a customer who wants a person says what the problem is, sees what may
already answer it, and only then opens a case.

1. *Contact support*: product area, kind of problem, a subject and a description.
2. *This may help*: the solved questions and articles most like it (the community's
   deflection, so the suggestions shown and clicked join the customer's journey, and
   "Yes, this solved it" on a suggestion counts a deflection).
3. *Still need help*: the description becomes the customer's question in the community
   (so the answer, once found, helps the next customer too) and a case is opened for it
   at once, carrying the form's answers and the journey; the customer is told who
   answers and by when (the first-reply due time of the case's priority).

The draft's short fields wait in the session, so a customer back from a suggestion finds
the form as they left it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from flask import session
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.accounts.models import User
from app.extensions import db
from community import services as community
from community.errors import CommunityError
from community.journey import deflection
from community.models import Category
from escalate import services
from escalate.models import Case
from escalate.rules import Reason
from escalate.services import EscalationError

PROBLEMS = {
    "broken": _l("Something does not work"),
    "how_to": _l("I don't know how to do something"),
    "order": _l("An order, a delivery, a payment or a refund"),
    "account": _l("My account or my data"),
    "other": _l("Something else"),
}
DRAFT_KEY = "contact_draft"
DRAFT_DESCRIPTION = 300  # the session is a cookie (4 KB): the rest stays in the open page


@dataclass(frozen=True)
class Request:
    category_id: int
    problem: str
    title: str
    description: str
    language: str = "en"


def suggestions(request: Request, back: str) -> list[deflection.Target]:
    """What may already answer it; coming back from one leads to ``back``."""
    return deflection.suggest(f"{request.title} {request.description[:300]}", back=back)


def open_case(customer: User, request: Request) -> Case:
    """The customer's question, then its case (each committed; a question the case could
    not be opened for stays a question, which the sweep escalates like any other)."""
    category = db.session.get(Category, request.category_id)
    if category is None or request.problem not in PROBLEMS:
        raise EscalationError(_("Choose a product area and a kind of problem."))
    try:
        thread = community.ask(customer, category=category, title=request.title,
                               body=request.description, language=request.language)
    except CommunityError as error:
        raise EscalationError(error.message, status=error.status, field=error.field) from error
    form = {"problem": request.problem, "problem_label": str(PROBLEMS[request.problem]),
            "category": category.name, "title": request.title,
            "suggestions_shown": _shown_count()}
    case = services.escalate(thread.id, services.Request(
        Reason.CONTACT, by=customer, form=json.dumps(form, ensure_ascii=False)))
    forget_draft()
    deflection.forget_draft()
    return case


def _shown_count() -> int:
    """How many answers the last "This may help" offered (the session keeps their keys)."""
    last = session.get(deflection.LAST_SHOWN_KEY) or ""
    return len(last.split(",")) if last else 0


def keep_draft(request: Request) -> None:
    session[DRAFT_KEY] = {**asdict(request),
                          "description": request.description[:DRAFT_DESCRIPTION]}


def draft() -> dict:
    kept = dict(session.get(DRAFT_KEY) or {})
    kept.pop("language", None)
    return {("category" if name == "category_id" else name): value
            for name, value in kept.items()}


def forget_draft() -> None:
    session.pop(DRAFT_KEY, None)
