"""The satisfaction survey: when a case is solved, its customer is asked how it went (1 to
5 and a comment), by e-mail and on their case page.

The e-mail's link carries a signed token for that case, so the customer answers in one
click without signing in (as Zendesk's and Kitsune's surveys work); on the site, the
signed-in customer answers on the case page. One survey per case: a case solved again
after reopening keeps it, and answering again changes the answer.
"""

from __future__ import annotations

import logging

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeSerializer
from markupsafe import escape

from app import events, mail
from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db
from app.web import external_url
from escalate.models import Case, CaseEvent, CaseSurvey
from escalate.rules import CaseStatus
from escalate.services import EscalationError

log = logging.getLogger(__name__)
SALT = "case-survey"
SCORES = range(1, 6)
MAX_COMMENT = 2000


def token_for(case_id: int) -> str:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=SALT).dumps(case_id)


def token_opens(token: str | None, case_id: int) -> bool:
    if not token:
        return False
    try:
        found = URLSafeSerializer(current_app.config["SECRET_KEY"], salt=SALT).loads(token)
    except BadSignature:
        return False
    return found == case_id


def may_answer(case: Case, viewer: User | None, token: str | None) -> bool:
    is_customer = viewer is not None and viewer.is_authenticated and \
        case.customer_id == viewer.id
    return case.status in (CaseStatus.SOLVED, CaseStatus.CLOSED) and \
        (is_customer or token_opens(token, case.id))


def survey_of(case_id: int) -> CaseSurvey | None:
    return db.session.get(CaseSurvey, case_id)


def answer(case_id: int, score: int, comment: str, *, viewer: User | None,
           token: str | None) -> CaseSurvey:
    case = db.session.get(Case, case_id)
    if case is None or not may_answer(case, viewer, token):
        raise EscalationError(_("This survey is not yours to answer, or the case is not "
                                "solved yet."), status=404)
    if score not in SCORES:
        raise EscalationError(_("Choose a score from 1 to 5."))
    comment = comment.strip()
    if len(comment) > MAX_COMMENT:
        raise EscalationError(_("Keep the comment under %(most)d characters.",
                                most=MAX_COMMENT))
    now = utcnow()
    survey = survey_of(case_id) or CaseSurvey(case_id=case_id, sent_at=now)
    survey.score, survey.comment, survey.answered_at = score, comment or None, now
    db.session.add(survey)
    case.events.append(CaseEvent(kind="survey", detail=str(score), created_at=now,
                                 actor_id=case.customer_id,
                                 body_html=f"<p>{escape(comment)}</p>" if comment else None))
    db.session.commit()
    events.notify(events.case_updated, case, change="survey", by=viewer)
    return survey


def on_case_solved(case: Case, **_data) -> None:
    """Ask once per case, when it is first solved."""
    if survey_of(case.id) is not None:
        return
    db.session.add(CaseSurvey(case_id=case.id, sent_at=utcnow()))
    db.session.commit()
    _email(db.session.get(Case, case.id))


def _email(case: Case) -> None:
    customer = case.customer
    if customer is None or not customer.email:
        return
    link = external_url("escalate.survey", case_id=case.id, t=token_for(case.id))
    with force_locale(customer.locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
        subject = _("Case %(number)s is solved: how did we do?", number=case.number)
        text = render_template("escalate/email/survey.txt", customer=customer, case=case,
                               links={score: f"{link}&score={score}" for score in SCORES},
                               link=link)
    try:
        mail.send(to=customer.email, subject=subject, text=text)
    except mail.MailError:
        log.exception("the survey for case %s was not e-mailed", case.id)


def init_app() -> None:
    events.case_solved.connect(on_case_solved)
