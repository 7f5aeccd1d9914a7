"""The spam classifier's memory: two corpora of token counts in the database, and the verbs
that read and change them.

- **seed**: what the model starts from (``flask moderation spam-seed FILE``, e.g. the SMS
  Spam Collection in ``../shared/data/spam/``), so it is useful on day one;
- **own**: what this community's moderators decided, learnt one decision at a time
  (approve = not spam, confirm spam = spam) and unlearnt exactly on undo.

The seed counts less as decisions accumulate (``spam.seed_weight``: half at
``MODERATION_SPAM_SEED_HALF_LIFE`` decisions), so the community's own judgement takes over.
Scoring reads only the rows of the posts' own tokens: one indexed query per post, or per
batch of an import (``score_all``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update

from app.clock import utcnow
from app.extensions import db, insert
from app.text import words_of_html
from community.models import Post, Visibility
from moderation import limits, spam, trust
from moderation.models import SpamCorpus, SpamExample, SpamToken
from moderation.settings import setting

SEED, OWN = "seed", "own"
BATCH = 2000


def score(tokens: Sequence[str]) -> float | None:
    """The post's spam score in [0, 1], or None while the model knows too little."""
    return score_all([tokens])[0]


def score_all(posts: Sequence[Sequence[str]]) -> list[float | None]:
    """:func:`score` of many posts (an import's batch), reading their tokens' rows in one
    query per ``BATCH`` distinct tokens instead of one query per post."""
    if not posts:
        return []
    corpora = {name: (spam_docs, ham_docs, decisions) for name, spam_docs, ham_docs, decisions
               in db.session.execute(select(SpamCorpus.name, SpamCorpus.spam_docs,
                                            SpamCorpus.ham_docs, SpamCorpus.decisions))}
    seed, own = corpora.get(SEED, (0.0, 0.0, 0)), corpora.get(OWN, (0.0, 0.0, 0))
    weight = spam.seed_weight(own[2], setting("SPAM_SEED_HALF_LIFE"))
    counts = _counts(sorted({token for tokens in posts for token in tokens}), weight)
    spam_docs, ham_docs = own[0] + weight * seed[0], own[1] + weight * seed[1]
    return [spam.score(tokens, counts, spam_docs, ham_docs) for tokens in posts]


def _counts(tokens: list[str], seed_weight: float) -> dict[str, spam.Counts]:
    counts: dict[str, spam.Counts] = {}
    for start in range(0, len(tokens), BATCH):
        rows = db.session.execute(
            select(SpamToken.corpus, SpamToken.token, SpamToken.spam, SpamToken.ham)
            .where(SpamToken.token.in_(tokens[start:start + BATCH])))
        for corpus, token, spam_count, ham_count in rows:  # plain rows: no objects to build
            factor = seed_weight if corpus == SEED else 1.0
            total = counts.setdefault(token, spam.Counts())
            total.spam += spam_count * factor
            total.ham += ham_count * factor
    return counts


@dataclass(frozen=True)
class Example:
    is_spam: bool
    tokens: str  # one per line


@dataclass(frozen=True)
class Learnt:
    changed: bool  # False: the post had already taught exactly this
    previous: Example | None  # what it had taught before, for an undo to teach again


def learn(post_id: int, tokens: Sequence[str], is_spam: bool) -> Learnt:
    """A moderator's decision on a post teaches the model (the caller commits). Deciding
    the same post again the other way first unlearns what the first decision taught."""
    example = db.session.get(SpamExample, post_id)
    previous = Example(example.is_spam, example.tokens) if example is not None else None
    if previous is not None:
        if previous.is_spam == is_spam:
            return Learnt(changed=False, previous=previous)
        unlearn(post_id)
    _add(OWN, tokens, is_spam, +1)
    db.session.add(SpamExample(post_id=post_id, is_spam=is_spam, tokens="\n".join(tokens)))
    return Learnt(changed=True, previous=previous)


def unlearn(post_id: int) -> None:
    """Take back exactly what the decision on this post taught (an undo)."""
    example = db.session.get(SpamExample, post_id)
    if example is None:
        return
    _add(OWN, example.tokens.split("\n") if example.tokens else [], example.is_spam, -1)
    db.session.delete(example)


def _add(corpus: str, tokens: Sequence[str], is_spam: bool, sign: int) -> None:
    row = _corpus(corpus)
    row.spam_docs = max(0.0, row.spam_docs + sign * is_spam)
    row.ham_docs = max(0.0, row.ham_docs + sign * (not is_spam))
    row.decisions = max(0, row.decisions + sign)
    row.updated_at = utcnow()
    if sign > 0:
        _upsert(corpus, {token: spam.Counts(spam=float(is_spam), ham=float(not is_spam))
                         for token in set(tokens)})
    else:
        column = SpamToken.spam if is_spam else SpamToken.ham
        db.session.execute(update(SpamToken).where(
            SpamToken.corpus == corpus, SpamToken.token.in_(set(tokens)))
            .values({column: column - 1}))


def _corpus(name: str) -> SpamCorpus:
    row = db.session.get(SpamCorpus, name)
    if row is None:
        row = SpamCorpus(name=name, spam_docs=0.0, ham_docs=0.0, decisions=0)
        db.session.add(row)
        db.session.flush()
    return row


def _upsert(corpus: str, counts: dict[str, spam.Counts]) -> None:
    """Add counts to the corpus's rows, creating missing ones, in one statement."""
    if not counts:
        return
    statement = insert(SpamToken)
    statement = statement.on_conflict_do_update(
        index_elements=[SpamToken.corpus, SpamToken.token],
        set_={"spam": SpamToken.spam + statement.excluded.spam,
              "ham": SpamToken.ham + statement.excluded.ham})
    rows = [{"corpus": corpus, "token": token, "spam": value.spam, "ham": value.ham}
            for token, value in counts.items()]
    for start in range(0, len(rows), BATCH):
        db.session.execute(statement, rows[start:start + BATCH])


def seed(examples: Iterable[tuple[Sequence[str], bool]]) -> tuple[int, int]:
    """Replace the seed corpus with these (tokens, is_spam) examples; commits. Returns
    (spam, ham) documents."""
    corpus = spam.Corpus()
    for tokens, is_spam in examples:
        corpus.learn(tokens, is_spam)
    db.session.execute(delete(SpamToken).where(SpamToken.corpus == SEED))
    row = _corpus(SEED)
    row.spam_docs, row.ham_docs, row.updated_at = corpus.spam_docs, corpus.ham_docs, utcnow()
    _upsert(SEED, corpus.tokens)
    db.session.commit()
    return int(corpus.spam_docs), int(corpus.ham_docs)


def post_tokens(post: Post) -> list[str]:
    """The classifier's tokens for a stored post (what a decision on it teaches)."""
    author = post.author
    published = db.session.scalar(select(func.count()).select_from(Post).where(
        Post.author_id == author.id, Post.visibility == Visibility.VISIBLE)) or 0
    facts = spam.AuthorFacts(trust_level=trust.level_of(author),
                             account_age_days=(utcnow() - author.created_at).days,
                             published_posts=published)
    return spam.features(words_of_html(post.body_html),
                         title=post.thread.title if post.is_opening else "",
                         links=limits.links_of(post.body_html), author=facts)


def state() -> dict[str, SpamCorpus]:
    return {corpus.name: corpus for corpus in db.session.scalars(select(SpamCorpus))}
