"""What cases' statuses, priorities, reasons and timeline events are called on the pages,
in the reader's language."""

from __future__ import annotations

from flask import Flask
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

STATUSES = {"new": _l("new"), "open": _l("open"), "pending": _l("waiting for the customer"),
            "on_hold": _l("on hold"), "solved": _l("solved"), "closed": _l("closed")}
PRIORITIES = {"low": _l("low"), "normal": _l("normal"), "high": _l("high"),
              "urgent": _l("urgent")}
REASONS = {"unanswered": _l("nobody answered the question"),
           "asker_waiting": _l("the asker's reply went unanswered"),
           "me_too": _l("many members have the same problem"),
           "social": _l("a social post that needs an answer"),
           "contact": _l("the customer asked for help"),
           "manual": _l("escalated by staff")}

EVENTS = {"reply_public": _l("replied in the thread"),
          "reply_private": _l("replied privately"),
          "reply_internal": _l("added an internal note"),
          "customer_reply": _l("the customer replied in the thread"),
          "accepted": _l("accepted an answer in the thread"),
          "unassigned": _l("unassigned the case")}


def event(kind: str, detail: str = "") -> str:
    if kind == "opened":
        return _("opened: %(reason)s", reason=REASONS.get(detail, detail))
    if kind == "assigned":
        return _("assigned to %(agent)s", agent=detail)
    if kind == "priority":
        return _("priority now %(priority)s", priority=PRIORITIES.get(detail, detail))
    if kind == "tags":
        return _("tags now: %(tags)s", tags=detail.replace(",", ", ") or _("none"))
    if kind == "survey":
        return _("rated the support %(score)s out of 5", score=detail)
    if kind == "proposed":
        return _("proposed the answer for the knowledge base")
    if kind == "status":
        return _("now %(status)s", status=STATUSES.get(detail, detail))
    return str(EVENTS.get(kind, kind))


def init_app(app: Flask) -> None:
    app.add_template_filter(lambda value: str(STATUSES.get(value, value)), "case_status")
    app.add_template_filter(lambda value: str(PRIORITIES.get(value, value)), "case_priority")
    app.add_template_filter(lambda value: str(REASONS.get(value, value)), "case_reason")
    app.add_template_filter(event, "case_event")
