"""Listening rules: create, change, pause. Admins only (a rule spends the site's X quota).

Every field is checked here, for the form and the API alike, and a refusal names its
field: an X query is checked for what X would refuse (``xquery``), a feed must be an
http(s) address, languages are two- or three-letter codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from urllib.parse import urlsplit

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.accounts.models import User
from app.extensions import db
from app.permissions import can
from app.text import forbidden_characters
from app.web import is_id
from community.models import Category
from social_listen import policy, xquery
from social_listen.errors import ListeningError
from social_listen.models import ImportPolicy, ListeningRule, SourceKind

POLL_MINUTES = (1, 1440)
LANGUAGE = re.compile(r"^[a-z]{2,3}$")


@dataclass
class RuleFields:
    name: str
    source: str
    query: str
    category_id: int
    languages: str = ""
    excluded_accounts: str = ""
    blocked_words: str = ""
    import_policy: str = ImportPolicy.MANUAL.value
    active: bool = True
    poll_minutes: int = 5


def create_rule(actor: User, values: RuleFields) -> ListeningRule:
    _check(actor)
    rule = ListeningRule(created_by_id=actor.id)
    return _save(rule, values, new=True)


def update_rule(actor: User, rule: ListeningRule, values: RuleFields) -> ListeningRule:
    """Change a rule. A new query (or source) starts from the newest posts again: the
    checkpoint belongs to the old query."""
    _check(actor)
    restart = values.query.strip() != rule.query or values.source != rule.source
    if restart:
        rule.since_id = rule.resume_token = rule.run_newest_id = None
    return _save(rule, values, new=False)


def set_active(actor: User, rule: ListeningRule, active: bool) -> ListeningRule:
    _check(actor)
    rule.active = active
    if active:
        rule.next_poll_at = None  # poll at the next tick
    db.session.commit()
    return rule


def _save(rule: ListeningRule, values: RuleFields, *, new: bool) -> ListeningRule:
    cleaned = clean(values)
    if not is_id(cleaned.category_id) or db.session.get(Category, cleaned.category_id) is None:
        raise ListeningError(_("Choose the category imported threads go to."),
                             field="category_id")
    _check_unique_name(cleaned.name, None if new else rule.id)
    for item in fields(RuleFields):
        setattr(rule, item.name, getattr(cleaned, item.name))
    rule.source = SourceKind(cleaned.source)
    rule.import_policy = ImportPolicy(cleaned.import_policy)
    rule.next_poll_at = None
    rule.failures, rule.last_error, rule.last_error_at = 0, None, None
    db.session.add(rule)
    try:
        db.session.commit()
    except IntegrityError as error:  # the same name saved at the same moment
        db.session.rollback()
        raise ListeningError(_("Another rule has this name."), field="name",
                             status=409) from error
    return rule


def clean(values: RuleFields) -> RuleFields:
    """The values as stored, or a ListeningError naming the first field that is wrong."""
    name = values.name.strip()
    if not 1 <= len(name) <= 80 or forbidden_characters(name, multiline=False):
        raise ListeningError(_("Give the rule a name of 1 to 80 characters on one line."),
                             field="name")
    if values.source not in {kind.value for kind in SourceKind}:
        raise ListeningError(_("Choose X or a feed."), field="source")
    query = values.query.strip()
    problem = xquery.problem(query) if values.source == SourceKind.X else _feed_problem(query)
    if problem:
        raise ListeningError(str(problem), field="query")
    if values.import_policy not in {kind.value for kind in ImportPolicy}:
        raise ListeningError(_("Choose how mentions are imported."), field="import_policy")
    if not POLL_MINUTES[0] <= _number(values.poll_minutes) <= POLL_MINUTES[1]:
        raise ListeningError(_("Poll every %(low)d to %(high)d minutes.", low=POLL_MINUTES[0],
                               high=POLL_MINUTES[1]), field="poll_minutes")
    languages = [code.lower() for code in policy.split_list(values.languages)]
    wrong = [code for code in languages if not LANGUAGE.match(code)]
    if wrong:
        raise ListeningError(_("“%(code)s” is not a language code: write codes such as "
                               "en, it.", code=wrong[0]), field="languages")
    for field_name in ("excluded_accounts", "blocked_words"):
        if forbidden_characters(getattr(values, field_name).replace("\r", ""),
                                multiline=True):
            raise ListeningError(_("Remove the invisible characters from this list."),
                                 field=field_name)
    return RuleFields(
        name=name, source=values.source, query=query, category_id=_number(values.category_id),
        languages=", ".join(dict.fromkeys(languages)),
        excluded_accounts="\n".join(policy.split_list(values.excluded_accounts)),
        blocked_words="\n".join(policy.split_list(values.blocked_words)),
        import_policy=values.import_policy, active=bool(values.active),
        poll_minutes=int(values.poll_minutes))


def _number(value: object) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def _feed_problem(address: str) -> str | None:
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.hostname or \
            len(address) > 512 or forbidden_characters(address, multiline=False):
        return _("Give the feed's full address, starting with https://.")
    return None


def _check_unique_name(name: str, rule_id: int | None) -> None:
    statement = select(ListeningRule.id).where(func.lower(ListeningRule.name) == name.lower())
    if rule_id is not None:
        statement = statement.where(ListeningRule.id != rule_id)
    if db.session.scalar(statement) is not None:
        raise ListeningError(_("Another rule has this name."), field="name", status=409)


def _check(actor: User) -> None:
    if not can(actor, "listening.rules"):
        raise ListeningError(_("Only admins can change listening rules."), status=403)
