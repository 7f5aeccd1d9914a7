"""The context package on a case page: everything the agent needs so the customer never
explains twice. The thread with all its posts (held ones too: staff see them), who the
customer is (trust level, language, since when, the products they own), what else they
asked and which cases they had, and for a social case the post that started it, its
reach and its mood. The journey before asking comes from the community's journey
(``journey.timeline``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.accounts.models import User
from app.extensions import db
from community.models import Category, Post, Thread, member_products
from escalate.models import Case
from moderation import trust
from social_listen.models import Mention

PREVIOUS = 10


@dataclass(frozen=True)
class Package:
    posts: list[Post]
    customer: User | None
    trust_level: int | None
    previous_threads: list[Thread]
    previous_cases: list[Case]
    mention: Mention | None
    products: list[Category]


def package(case: Case) -> Package:
    customer = case.customer
    posts = db.session.scalars(select(Post).where(Post.thread_id == case.thread_id)
                               .options(joinedload(Post.author))
                               .order_by(Post.created_at, Post.id)).all()
    mention = db.session.scalars(select(Mention).where(Mention.id == case.mention_id)
                                 .options(joinedload(Mention.identity))).first() \
        if case.mention_id else None
    return Package(posts=list(posts), customer=customer,
                   trust_level=trust.level_of(customer) if customer else None,
                   previous_threads=_threads(customer, case), previous_cases=_cases(case),
                   mention=mention, products=_products(customer))


def _products(customer: User | None) -> list[Category]:
    """The products the customer said they own (their settings)."""
    if customer is None:
        return []
    return list(db.session.scalars(
        select(Category).join(member_products, member_products.c.category_id == Category.id)
        .where(member_products.c.user_id == customer.id).order_by(Category.position)))


def _threads(customer: User | None, case: Case) -> list[Thread]:
    if customer is None:
        return []
    return list(db.session.scalars(
        select(Thread).where(Thread.author_id == customer.id, Thread.id != case.thread_id)
        .order_by(Thread.created_at.desc()).limit(PREVIOUS)))


def _cases(case: Case) -> list[Case]:
    if case.customer_id is None:
        return []
    return list(db.session.scalars(
        select(Case).where(Case.customer_id == case.customer_id, Case.id != case.id)
        .options(joinedload(Case.thread)).order_by(Case.opened_at.desc()).limit(PREVIOUS)))
