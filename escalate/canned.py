"""Canned replies and article links: what an agent inserts into a reply instead of typing
it again. Canned replies are shared by all agents (any agent adds one; its author or an
admin removes it); the article links offered are the knowledge base's most helpful
articles for the case's product area and language, as Zendesk's and Kitsune's agents
link an article rather than paste it."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.accounts.models import Role, User
from app.extensions import db
from app.permissions import can, role_of
from app.web import external_url
from community.knowledge import queries as knowledge
from escalate.models import CannedReply, Case
from escalate.services import EscalationError

ARTICLE_LINKS = 8


@dataclass(frozen=True)
class Insert:
    label: str
    text: str


def all_replies() -> list[CannedReply]:
    return list(db.session.scalars(select(CannedReply).order_by(CannedReply.title)))


def inserts_for(case: Case) -> tuple[list[Insert], list[Insert]]:
    """(canned replies, article links) for the case's reply form."""
    replies = [Insert(reply.title, reply.body) for reply in all_replies()]
    articles = knowledge.top_articles(language=case.language, category=case.thread.category,
                                      limit=ARTICLE_LINKS)
    return replies, [_link(article) for article in articles]


def _link(article) -> Insert:
    title = article.current_revision.title
    url = external_url("knowledge.article", article_id=article.id, slug=article.slug)
    return Insert(title, f"[{title}]({url})")


def add(agent: User, title: str, body: str) -> CannedReply:
    if not can(agent, "cases.work"):
        raise EscalationError(_("Only agents keep canned replies."), status=403)
    reply = CannedReply(title=title.strip(), body=body.strip(), created_by_id=agent.id)
    db.session.add(reply)
    try:
        db.session.commit()
    except IntegrityError as error:
        db.session.rollback()
        raise EscalationError(_("A canned reply with this title exists already."),
                              status=409) from error
    return reply


def remove(agent: User, canned_id: int) -> None:
    reply = db.session.get(CannedReply, canned_id)
    if reply is None:
        raise EscalationError(_("There is no such canned reply."), status=404)
    if not can(agent, "cases.work") or (reply.created_by_id != agent.id
                                        and role_of(agent) != Role.ADMIN):
        raise EscalationError(_("Only its author or an admin removes a canned reply."),
                              status=403)
    db.session.delete(reply)
    db.session.commit()
