"""Social listening in the demo: a rule fed from recorded X responses, so a visitor sees
the triage inbox and imported threads without X credentials.

The rule is polled through tweepy's real ``Client`` with the recorded responses mounted
as its transport (``social_listen.recorded``); a support conversation from them is
imported as one thread, the rest waits in the inbox; the demo ``member`` has claimed one
handle, for a moderator to confirm. Skipped, with a word why, when the recordings are
not beside the repository. Idempotent: an existing rule (by name) is left alone.
"""

from __future__ import annotations

from flask import current_app
from sqlalchemy import select

from app.accounts import services as accounts
from app.demo import seeder
from app.extensions import db
from community.models import Category
from social_listen import claims, polling, services, sources, triage
from social_listen.errors import ListeningError
from social_listen.models import ListeningRule, Mention

RULE_NAME = "X sample (recorded responses)"
QUERY = '"recent search" OR polling OR #brexit -is:retweet'
CATEGORY = ("social-mentions", "Social mentions",
            "Conversations brought in from X and feeds by the listening rules.")
CATEGORY_IT = {"name": "Menzioni social",
               "description": "Conversazioni portate qui da X e dai feed dalle regole di ascolto."}
IMPORTED = ("1275653067283759104", "1276035977375477760", "1275763727908798470")
CLAIMED_HANDLE = "happycamper"


@seeder(order=40, name="social listening")
def seed_listening() -> str:
    if db.session.scalar(select(ListeningRule.id).where(ListeningRule.name == RULE_NAME)):
        return "demo rule already there"
    if sources.demo_recordings(current_app.config) is None:
        return "skipped: the recorded X responses (../shared/fixtures/x_api) are not there"
    admin = accounts.find_by_username("admin")
    rule = services.create_rule(admin, services.RuleFields(
        name=RULE_NAME, source="x", query=QUERY, category_id=_category().id,
        poll_minutes=60))
    result = polling.poll(rule.id)
    moderator = accounts.find_by_username("moderator")
    imported = sum(_import(external_id, moderator) for external_id in IMPORTED)
    _claim()
    return (f"1 rule, {result.new} mentions heard ({result.reposts} reposts dropped), "
            f"{imported} imported as posts")


def _category() -> Category:
    slug, name, description = CATEGORY
    category = db.session.scalar(select(Category).where(Category.slug == slug))
    if category is None:
        position = db.session.scalar(select(db.func.max(Category.position))) or 0
        category = Category(slug=slug, name=name, description=description,
                            position=position + 1, translations={"it": CATEGORY_IT},
                            takes_questions=False)
        db.session.add(category)
        db.session.commit()
    return category


def _import(external_id: str, moderator) -> int:
    mention_id = db.session.scalar(select(Mention.id).where(Mention.external_id == external_id))
    if mention_id is None:
        return 0
    triage.import_mention(mention_id, moderator)
    return 1


def _claim() -> None:
    member = accounts.find_by_username("member")
    try:
        claims.request_claim(member, CLAIMED_HANDLE)
    except ListeningError:
        db.session.rollback()
