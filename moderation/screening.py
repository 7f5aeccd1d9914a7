"""Moderation's screen, registered with the gate (``app.screening``) at start-up.

Who is screened how:

- **staff** are not screened;
- **imports** follow ``MODERATION_IMPORT_POLICY`` by source: "trusted" (watched words
  only; a blocked word holds the post rather than refusing it), "screen" (as a member's
  post, without a member's limits) or "hold" (every post waits);
- **members**, in this order: a silenced member is refused; a new member (trust level 0)
  is held to the new-member limits (``moderation.limits``: links, rate, first posts);
  watched words block, hold, censor or flag; members up to
  ``MODERATION_SPAM_CHECK_UP_TO_LEVEL`` meet the spam rules (links to unknown sites,
  phone numbers, the same text again) and the classifier. Its spam band holds anyone's
  post; a doubt (its middle band, the rules) holds a new member's post and only queues
  the post of a member who has read around, published meanwhile.

The verdict's message is what the author reads, in plain words; its reasons are what the
moderator reads in the queue. ``keep`` writes the queue row (``moderation.queue``).
"""

from __future__ import annotations

from typing import NamedTuple

from flask import current_app
from flask_babel import gettext as _

from app.permissions import is_staff
from app.screening import Action, Reason, Submission, Verdict, merge
from app.text import words_of_html
from moderation import limits, spam, spam_model, trust, watched
from moderation.models import WordAction
from moderation.settings import setting
from moderation.words import Match

RULES_HOLD_AT = 2.0  # spam-rule points that hold a post by themselves
WORD_SCORES = {WordAction.REQUIRE_APPROVAL: 2.0, WordAction.FLAG: 1.0}


def screen(submission: Submission) -> Verdict | None:
    author = submission.author
    if _is_staff(submission):
        return None
    if submission.source in ("import", "social"):
        return _imported(submission)
    if author.read_only():
        return _silenced(author)
    level = trust.level_of(author)
    # Only a new member's limits depend on their other posts being counted first: theirs
    # are the posts judged under lock (the rest of the site's writers never wait on it).
    facts = limits.facts(author, lock=level == 0 and not submission.dry_run) \
        if level <= 1 else None
    refusal = limits.refusal(submission, level, facts) if facts else None
    if refusal is not None:
        return refusal
    verdict = _words(submission, imported=False)
    if verdict.refused:
        return verdict
    if level <= setting("SPAM_CHECK_UP_TO_LEVEL"):
        verdict = merge(verdict, _spam(submission, level, facts))
    if facts is not None:
        verdict = merge(verdict, limits.first_posts(level, facts))
    return verdict


def _imported(submission: Submission, scored: Scored | None = None) -> Verdict:
    policy = setting("IMPORT_POLICY").get(submission.source, "screen")
    if policy == "hold":
        return Verdict(Action.HOLD, [Reason("import_policy", submission.source, 1.0)],
                       message=_("Imported posts wait for a moderator."))
    verdict = _words(submission, imported=True)
    if policy == "screen":
        verdict = merge(verdict, _spam(submission, 0, None, scored))
    return verdict


def screen_all(submissions: list[Submission]) -> list[Verdict | None]:
    """:func:`screen` of a batch (an import's): the same verdicts, with the classifier's
    token counts read once for the whole batch."""
    spam_checked = [_spam_checked_import(submission) for submission in submissions]
    found = [_spam_tokens(submission, 0, None) if checked else None
             for submission, checked in zip(submissions, spam_checked, strict=True)]
    scores = iter(spam_model.score_all([tokens for _links, tokens in filter(None, found)]))
    return [_imported(submission, Scored(*links_and_tokens, next(scores)))
            if links_and_tokens is not None else screen(submission)
            for submission, links_and_tokens in zip(submissions, found, strict=True)]


def _spam_checked_import(submission: Submission) -> bool:
    return submission.source in ("import", "social") and not _is_staff(submission) and \
        setting("IMPORT_POLICY").get(submission.source, "screen") == "screen"


def _is_staff(submission: Submission) -> bool:
    return submission.author is not None and is_staff(submission.author)


def _silenced(author) -> Verdict:
    from moderation import sanctions

    return Verdict(Action.REFUSE, status=403, message=sanctions.explain(author) or _(
        "You can read the community but not post for now."))


# --- watched words --------------------------------------------------------------------


def _words(submission: Submission, *, imported: bool) -> Verdict:
    matcher = watched.matcher()
    if not len(matcher):
        return Verdict()
    text = f"{submission.title}\n{words_of_html(submission.html)}"
    matches = matcher.find(text)
    if not matches:
        return Verdict()
    blocked = [m for m in matches if m.entry.action == WordAction.BLOCK and not m.timed_out]
    if blocked and not imported:
        return Verdict(Action.REFUSE, concerns="body", message=_(
            "Your post contains “%(word)s”, which is not allowed here. Please rephrase it.",
            word=blocked[0].text))
    verdict = Verdict(notes={"words": [m.entry.pattern for m in matches]})
    for match in matches:
        verdict = merge(verdict, _word_verdict(match, imported))
    if any(m.entry.action == WordAction.CENSOR for m in matches):
        verdict.html = matcher.censor_html(submission.html)
        verdict.body = matcher.censor_text(submission.body)
        verdict.title = matcher.censor_text(submission.title) if submission.title else None
    return verdict


def _word_verdict(match: Match, imported: bool) -> Verdict:
    action = WordAction.REQUIRE_APPROVAL if match.timed_out or (
        imported and match.entry.action == WordAction.BLOCK) else match.entry.action
    if action == WordAction.CENSOR:
        return Verdict()
    reason = Reason("watched_word_timeout" if match.timed_out else "watched_word",
                    match.entry.pattern, WORD_SCORES.get(action, 2.0))
    if action == WordAction.FLAG:
        return Verdict(Action.REVIEW, [reason])
    return Verdict(Action.HOLD, [reason], message=_(
        "It contains words our moderators check before publication."))


# --- spam -----------------------------------------------------------------------------


class Scored(NamedTuple):
    """A post's links and tokens, and the classifier's probability, found beforehand."""

    links: list[str]
    tokens: list[str]
    probability: float | None


def _spam(submission: Submission, level: int, facts: limits.Facts | None,
          scored: Scored | None = None) -> Verdict:
    """The spam rules and the classifier, as one verdict (``scored`` when the caller has
    scored the post already, as :func:`screen_all` does for a batch)."""
    if scored is None:
        links, tokens = _spam_tokens(submission, level, facts)
        scored = Scored(links, tokens, spam_model.score(tokens))
    links, tokens, probability = scored
    reasons = _spam_rules(submission, links, tokens, facts)
    points = sum(reason.score for reason in reasons)
    verdict = Verdict(reasons=reasons)
    if points >= RULES_HOLD_AT:
        verdict = Verdict(_doubtful(level), reasons, message=_(
            "Posts from new members with links or phone numbers are checked by a moderator "
            "first."))
    verdict.spam_score = probability
    verdict.notes["tokens"] = tokens
    if probability is None or probability < setting("SPAM_REVIEW_AT"):
        return verdict
    band = Action.SPAM if probability >= setting("SPAM_AT") else _doubtful(level)
    return merge(verdict, Verdict(band, [Reason("spam_score", f"{probability:.2f}",
                                                   round(5 * probability, 2))],
                                     spam_score=probability, message=_(
        "It looks like messages we often receive as spam, so a moderator will check it.")))


def _spam_tokens(submission: Submission, level: int, facts: limits.Facts | None,
                 ) -> tuple[list[str], list[str]]:
    """The post's links and the classifier's tokens for it."""
    links = limits.links_of(submission.html)
    author = spam.AuthorFacts(trust_level=level, account_age_days=facts.age_days,
                              published_posts=facts.published) if facts else None
    return links, spam.features(words_of_html(submission.html), title=submission.title,
                                links=links, author=author)


def _doubtful(level: int) -> Action:
    """A doubt (the classifier's middle band, the spam rules) holds a new member's post;
    a member who has read around is published at once and the post is queued for a look:
    a model seeded on SMS is unsure of much ordinary forum text (about one post in nine,
    more in Italian) until moderators' decisions have taught it this community."""
    return Action.HOLD if level == 0 else Action.REVIEW


def _spam_rules(submission: Submission, links: list[str], tokens: list[str],
                facts: limits.Facts | None) -> list[Reason]:
    domains = {spam.domain(link) or "" for link in links}
    reasons = [Reason("unknown_link", domain, 1.0)
               for domain in sorted(domains - _known_domains()) if domain][:2]
    if "phone-number" in tokens:
        reasons.append(Reason("phone_number", "", 1.0))
    if facts is not None and limits.repeated(submission, facts):
        reasons.append(Reason("repeated_text", "", 1.5))
    return reasons


def _known_domains() -> set[str]:
    own = spam.domain(current_app.config["BASE_URL"]) or ""
    known = {domain.lower() for domain in setting("KNOWN_DOMAINS")}
    return known | {own, ""}
