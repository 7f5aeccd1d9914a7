"""A rule's import policy, applied to the mentions waiting in its inbox.

"Import questions" takes the mentions that look like questions, "import all" every one
the filters let in; oldest first, so a conversation's first post opens its thread.
Mentions are imported a batch at a time, in one transaction, and indexed for search
together (one index commit per batch instead of one per thread): that is what lets a
burst of hundreds of mentions a second reach the community as fast as it is heard.

One bad mention never blocks the rest: when a batch fails, it is rolled back and its
mentions are imported one by one, each in its own transaction; the one that fails is
recorded on itself (``import_attempts``, ``import_error``, shown in the inbox) and tried
again next time, up to ``items.MAX_ATTEMPTS``.
"""

from __future__ import annotations

import logging
from itertools import islice

from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from app import search
from app.extensions import db, locked
from app.jobs import items
from community.models import Thread
from social_listen import triage
from social_listen.models import ImportPolicy, ListeningRule, Mention, MentionStatus

log = logging.getLogger(__name__)
BATCH = 250
LIMIT = 5000  # per run: a huge backlog is worked through over several runs


def import_pending(rule_id: int) -> items.Tally:
    rule = db.session.get(ListeningRule, rule_id)
    if rule is None or rule.import_policy == ImportPolicy.MANUAL:
        return items.Tally()
    statement = (select(Mention.id).where(
        Mention.rule_id == rule_id, Mention.status == MentionStatus.NEW,
        Mention.import_attempts < items.MAX_ATTEMPTS)
        .order_by(Mention.posted_at, Mention.id).limit(LIMIT))
    if rule.import_policy == ImportPolicy.QUESTIONS:
        statement = statement.where(Mention.is_question.is_(True))
    tally = items.Tally()
    waiting = iter(list(db.session.scalars(statement)))
    while batch := list(islice(waiting, BATCH)):
        if _together(batch):
            tally.done += len(batch)
            continue
        alone = items.each(batch, triage.import_mention, job="listen-import",
                           record=_record_failure)
        tally.done, tally.failed = tally.done + alone.done, tally.failed + alone.failed
    return tally


def _together(batch: list[int]) -> bool:
    """The batch in one transaction, announced and indexed together; False, with nothing
    written, if any mention in it fails."""
    account = triage.social_account()
    try:
        mentions = db.session.scalars(
            locked(select(Mention).where(Mention.id.in_(batch)))
            .options(selectinload(Mention.identity), selectinload(Mention.rule))
            .order_by(Mention.posted_at, Mention.id)
            .execution_options(populate_existing=True)).all()
        threads = _conversation_threads(mentions)
        written = [triage.write_loaded_import(mention, account=account, threads=threads)
                   for mention in mentions]
        db.session.commit()
    except Exception:
        db.session.rollback()
        log.warning("a batch of %d mentions failed; importing them one by one", len(batch),
                    exc_info=True)
        return False
    with search.batched():
        for mention, post in written:
            if post is not None:
                triage.announce_import(mention, post, None)
    return True


def _conversation_threads(mentions: list[Mention]) -> dict[str, Thread | None]:
    """The threads of the batch's conversations, in one query."""
    keys = {triage.conversation_key(mention) for mention in mentions}
    found = {thread.external_id: thread for thread in db.session.scalars(
        select(Thread).where(Thread.external_id.in_(keys)))}
    return {key: found.get(key) for key in keys}


def _record_failure(mention_id: int, error: str) -> None:
    db.session.execute(update(Mention).where(Mention.id == mention_id).values(
        import_attempts=Mention.import_attempts + 1, import_error=error))
