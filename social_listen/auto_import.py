"""A rule's import policy, applied to the mentions waiting in its inbox.

"Import questions" takes the mentions that look like questions, "import all" every one
the filters let in; oldest first, so a conversation's first post opens its thread.
Mentions are imported a batch at a time, each batch in one transaction written with a
few multi-row statements (``external.write_all``), and indexed for search together (one
index commit per four batches instead of one per thread): that is what lets a burst of
hundreds of mentions a second reach the community as fast as it is heard.

One bad mention never blocks the rest: when a batch fails, it is rolled back and its
mentions are imported one by one, each in its own transaction; the one that fails is
recorded on itself (``import_attempts``, ``import_error``, shown in the inbox) and tried
again next time, up to ``items.MAX_ATTEMPTS``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from itertools import islice

from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from app import search
from app.extensions import db, locked
from app.jobs import items
from social_listen import triage
from social_listen.models import ImportPolicy, ListeningRule, Mention, MentionStatus

log = logging.getLogger(__name__)
BATCH = 250
# Batches indexed in one search commit: Whoosh's commit costs less per thread in bulk,
# and a worker killed between the commits leaves at most this many threads unindexed
# (until `flask search reindex`).
INDEXED_TOGETHER = 1000
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
    waiting = list(db.session.scalars(statement))
    for start in range(0, len(waiting), INDEXED_TOGETHER):
        with search.batched():  # indexed together, after their batches' commits
            for batch in _batches(waiting[start:start + INDEXED_TOGETHER]):
                _import(batch, tally)
    return tally


def _batches(ids: list[int]) -> Iterator[list[int]]:
    waiting = iter(ids)
    while batch := list(islice(waiting, BATCH)):
        yield batch


def _import(batch: list[int], tally: items.Tally) -> None:
    if _together(batch):
        tally.done += len(batch)
        return
    alone = items.each(batch, triage.import_mention, job="listen-import",
                       record=_record_failure)
    tally.done, tally.failed = tally.done + alone.done, tally.failed + alone.failed


def _together(batch: list[int]) -> bool:
    """The batch in one transaction, announced and indexed together; False, with nothing
    written, if any mention in it fails."""
    try:
        mentions = db.session.scalars(
            locked(select(Mention).where(Mention.id.in_(batch)))
            .options(selectinload(Mention.identity), selectinload(Mention.rule))
            .order_by(Mention.posted_at, Mention.id)
            .execution_options(populate_existing=True)).all()
        written = triage.write_imports(list(mentions))
        db.session.commit()
    except Exception:
        db.session.rollback()
        log.warning("a batch of %d mentions failed; importing them one by one", len(batch),
                    exc_info=True)
        return False
    triage.announce_imports([(mention, each) for mention, each in written if each is not None],
                            None)
    return True


def _record_failure(mention_id: int, error: str) -> None:
    db.session.execute(update(Mention).where(Mention.id == mention_id).values(
        import_attempts=Mention.import_attempts + 1, import_error=error))
