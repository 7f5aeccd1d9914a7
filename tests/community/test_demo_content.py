"""The demo forum content: plain data, so no app fixture and no database here.

Each test checks one promise the demo seeder and the demo site rely on: names that exist,
numbers the pages show (solved share, unanswered, top helpers), text the forum's own rules
accept, and the same threads on every run.
"""

from __future__ import annotations

import ast
import os
import re
import statistics
import subprocess
import sys
from collections import Counter
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

from app.accounts.policy import username_problem
from app.demo import DEMO_ACCOUNTS
from community import demo_content
from community.demo_content import BRAND, CATEGORIES, MEMBERS, DemoThread, threads

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LIST_ITEM = re.compile(r"^\s*(?:\d+\.|[-*])\s")
OTHER_SEEDS = (1, 7, 99)
MEMBER_NAMES = {member.username for member in MEMBERS}
ITALIAN_WORDS = {"il", "la", "che", "non", "per", "con", "di", "è", "sono", "ho", "anche",
                 "ma", "una", "della", "grazie", "ciao", "mi", "si"}
ENGLISH_WORDS = {"the", "and", "is", "my", "with", "to", "it", "this", "that", "for", "have",
                 "of", "on", "i"}


@pytest.fixture(scope="module")
def data() -> tuple[DemoThread, ...]:
    return threads()


@cache
def threads_for(seed: int) -> tuple[DemoThread, ...]:
    return threads(seed)


def questions(data):
    return [thread for thread in data if thread.kind == "question"]


def all_posts(data):
    return [reply for thread in data for reply in thread.replies]


def needs_attention(thread: DemoThread) -> bool:
    return (thread.kind == "question" and bool(thread.replies) and thread.accepted is None
            and thread.replies[-1].author == thread.author)


def texts(thread: DemoThread) -> list[str]:
    return [thread.title, thread.body, *(reply.body for reply in thread.replies)]


def word_counts(text: str) -> tuple[int, int]:
    words = re.findall(r"[a-zàèéìòù]+", text.lower())
    return (sum(word in ITALIAN_WORDS for word in words),
            sum(word in ENGLISH_WORDS for word in words))


# --- categories and members -----------------------------------------------------------


def test_brand_is_lumio():
    assert BRAND == "Lumio"


def test_at_least_eight_categories():
    assert len(CATEGORIES) >= 8


def test_category_slugs_are_well_formed_and_unique():
    slugs = [category.slug for category in CATEGORIES]
    assert all(SLUG.match(slug) for slug in slugs)
    assert len(set(slugs)) == len(slugs)


def test_categories_nest_at_most_one_level():
    by_slug = {category.slug: category for category in CATEGORIES}
    for category in CATEGORIES:
        if category.parent is not None:
            assert category.parent in by_slug
            assert by_slug[category.parent].parent is None


def test_sibling_categories_have_distinct_positions():
    positions = Counter((category.parent, category.position) for category in CATEGORIES)
    assert max(positions.values()) == 1


def test_category_descriptions_are_one_sentence():
    for category in CATEGORIES:
        assert category.description.endswith(".")
        assert ". " not in category.description


def test_exactly_thirty_members():
    assert len(MEMBERS) == 30


def test_usernames_are_accepted_by_the_account_rules():
    assert [member.username for member in MEMBERS
            if username_problem(member.username) is not None] == []


def test_usernames_unique_case_insensitively():
    assert len({member.username.casefold() for member in MEMBERS}) == len(MEMBERS)


def test_usernames_do_not_clash_with_the_demo_accounts():
    demo_accounts = {account.username.casefold() for account in DEMO_ACCOUNTS}
    assert not demo_accounts & {member.username.casefold() for member in MEMBERS}


def test_member_locales_are_english_or_italian():
    assert {member.locale for member in MEMBERS} == {"en", "it"}


def test_member_products_are_category_slugs():
    slugs = {category.slug for category in CATEGORIES}
    assert all(set(member.products) <= slugs for member in MEMBERS)


# --- size and shape -------------------------------------------------------------------


def test_at_least_150_threads(data):
    assert len(data) >= 150


def test_at_least_600_replies(data):
    assert len(all_posts(data)) >= 600


def test_every_name_is_a_member(data):
    names = set()
    for thread in data:
        names |= {thread.author, *thread.me_too}
        for reply in thread.replies:
            names |= {reply.author, *reply.helpful_voters}
    assert names <= MEMBER_NAMES


def test_threads_are_in_existing_categories(data):
    slugs = {category.slug for category in CATEGORIES}
    assert {thread.category for thread in data} <= slugs


def test_every_leaf_category_has_threads(data):
    parents = {category.parent for category in CATEGORIES}
    leaves = {category.slug for category in CATEGORIES if category.slug not in parents}
    assert leaves <= {thread.category for thread in data}


def test_kinds_are_question_or_discussion(data):
    assert {thread.kind for thread in data} == {"question", "discussion"}


def test_tags_are_few_lowercase_slugs(data):
    for thread in data:
        assert len(thread.tags) <= 4
        assert all(SLUG.match(tag) for tag in thread.tags)


# --- votes and "me too" ---------------------------------------------------------------


def test_nobody_votes_for_their_own_post(data):
    assert all(reply.author not in reply.helpful_voters for reply in all_posts(data))


def test_no_duplicate_voters_on_a_post(data):
    assert all(len(set(reply.helpful_voters)) == len(reply.helpful_voters)
               for reply in all_posts(data))


def test_asker_never_in_their_own_me_too(data):
    assert all(thread.author not in thread.me_too for thread in data)


def test_no_duplicate_me_too(data):
    assert all(len(set(thread.me_too)) == len(thread.me_too) for thread in data)


def test_accepted_answers_usually_have_two_votes(data):
    accepted = [thread.replies[thread.accepted] for thread in questions(data)
                if thread.accepted is not None]
    assert sum(len(reply.helpful_voters) >= 2 for reply in accepted) >= 0.9 * len(accepted)


def test_votes_concentrate_on_accepted_answers(data):
    accepted, others = [], []
    for thread in data:
        for index, reply in enumerate(thread.replies):
            bucket = accepted if index == thread.accepted else others
            bucket.append(len(reply.helpful_voters))
    assert statistics.mean(accepted) >= 3 * statistics.mean(others)


# --- outcomes -------------------------------------------------------------------------


def test_about_half_of_the_questions_are_solved(data):
    solved = sum(thread.accepted is not None for thread in questions(data))
    assert 0.4 <= solved / len(questions(data)) <= 0.6


def test_accepted_points_at_a_reply(data):
    for thread in data:
        if thread.accepted is not None:
            assert 0 <= thread.accepted < len(thread.replies)


def test_self_accepted_answers_are_rare(data):
    own = [thread for thread in data if thread.accepted is not None
           and thread.replies[thread.accepted].author == thread.author]
    assert len(own) <= 3


def test_at_least_ten_unanswered_questions(data):
    assert sum(not thread.replies for thread in questions(data)) >= 10


def test_at_least_ten_questions_need_attention(data):
    assert sum(needs_attention(thread) for thread in data) >= 10


def test_at_least_ten_discussions(data):
    assert sum(thread.kind == "discussion" for thread in data) >= 10


def test_discussions_never_accept_an_answer(data):
    assert all(thread.accepted is None for thread in data if thread.kind == "discussion")


def test_some_threads_have_twelve_replies_or_more(data):
    assert sum(len(thread.replies) >= 12 for thread in data) >= 3


def test_prolific_helpers_answer_a_lot(data):
    answers = Counter(reply.author for thread in data for reply in thread.replies
                      if reply.author != thread.author)
    top_five = sum(count for _, count in answers.most_common(5))
    assert top_five >= 0.35 * answers.total()


def test_top_helpers_answer_across_categories(data):
    answers = Counter(reply.author for thread in data for reply in thread.replies
                      if reply.author != thread.author)
    for name, _ in answers.most_common(3):
        categories = {thread.category for thread in data
                      if any(reply.author == name for reply in thread.replies)}
        assert len(categories) >= 5, name


def test_staff_answer_now_and_then(data):
    staff = [reply for reply in all_posts(data) if "_LumioTeam" in reply.author]
    assert 3 <= len(staff) <= 0.1 * len(all_posts(data))


# --- text -----------------------------------------------------------------------------


def test_titles_are_unique(data):
    assert len({thread.title for thread in data}) == len(data)


def test_titles_are_15_to_150_characters(data):
    assert all(15 <= len(thread.title.strip()) <= 150 for thread in data)


def test_bodies_are_20_to_20000_characters(data):
    bodies = [thread.body for thread in data] + [reply.body for reply in all_posts(data)]
    assert all(20 <= len(body.strip()) <= 20_000 for body in bodies)


def test_opening_posts_are_unique(data):
    assert len({thread.body for thread in data}) == len(data)


def test_no_reply_repeated_within_a_thread(data):
    for thread in data:
        bodies = [reply.body for reply in thread.replies]
        assert len(set(bodies)) == len(bodies), thread.title


def test_no_reply_text_used_more_than_three_times(data):
    assert max(Counter(reply.body for reply in all_posts(data)).values()) <= 3


def test_nobody_posts_the_same_text_twice(data):
    """The forum refuses a member's repeated post, and it would read like a bot."""
    said = Counter((reply.author, reply.body) for reply in all_posts(data))
    assert max(said.values()) == 1


def test_paragraphs_are_not_hard_wrapped(data):
    """Only list items are on lines of their own; a paragraph is one line, as typed."""
    for thread in data:
        for text in (thread.body, *(reply.body for reply in thread.replies)):
            for paragraph in text.split("\n\n"):
                lines = paragraph.split("\n")
                assert len(lines) == 1 or all(LIST_ITEM.match(line) for line in lines), text


def test_placeholders_are_all_filled_in(data):
    assert not [text for thread in data for text in texts(thread) if "{" in text or "}" in text]


def test_answers_use_markdown(data):
    bodies = [reply.body for reply in all_posts(data)]
    assert sum(re.search(r"^1\. ", body, re.M) is not None for body in bodies) >= 50
    assert sum("`" in body for body in bodies) >= 50
    assert sum("**" in body for body in bodies) >= 20


# --- languages ------------------------------------------------------------------------


def test_languages_are_english_or_italian(data):
    assert {thread.language for thread in data} == {"en", "it"}


def test_twelve_to_twenty_percent_of_threads_are_italian(data):
    share = sum(thread.language == "it" for thread in data) / len(data)
    assert 0.12 <= share <= 0.20


def test_italian_threads_read_italian(data):
    for thread in data:
        if thread.language == "it":
            italian, english = word_counts(" ".join(texts(thread)))
            assert italian > 2 * english, thread.title


def test_english_threads_read_english(data):
    for thread in data:
        if thread.language == "en":
            italian, english = word_counts(" ".join(texts(thread)))
            assert english > 2 * italian, thread.title


def test_italian_threads_are_asked_by_italian_members(data):
    locale = {member.username: member.locale for member in MEMBERS}
    italian = [thread for thread in data if thread.language == "it"]
    assert sum(locale[thread.author] == "it" for thread in italian) >= 0.8 * len(italian)


# --- time -----------------------------------------------------------------------------


def test_days_ago_within_the_last_400_days(data):
    assert all(0.1 <= thread.days_ago <= 400 for thread in data)


def test_days_ago_spread_over_the_year(data):
    quarters = Counter(min(int(thread.days_ago // 100), 3) for thread in data)
    assert all(quarters[quarter] >= 10 for quarter in range(4))


def test_at_least_fifteen_threads_in_the_last_two_days(data):
    assert sum(thread.days_ago <= 2 for thread in data) >= 15


def test_some_threads_from_the_last_day_have_no_replies_yet(data):
    assert sum(thread.days_ago <= 1 and not thread.replies for thread in data) >= 3


def test_reply_times_strictly_increase(data):
    for thread in data:
        hours = [reply.hours_after_question for reply in thread.replies]
        assert all(hour > 0 for hour in hours)
        assert all(earlier < later for earlier, later in pairwise(hours))


def test_replies_are_not_in_the_future(data):
    for thread in data:
        assert all(reply.hours_after_question <= thread.days_ago * 24
                   for reply in thread.replies)


def test_a_reply_saying_how_long_it_has_been_comes_that_long_after_the_one_before(data):
    checked = 0
    for thread in data:
        times = [0.0, *(reply.hours_after_question for reply in thread.replies)]
        for before, reply in zip(times, thread.replies, strict=False):
            claim = demo_content.claimed_hours(reply.body)
            if claim and reply.role in {"thanks", "confirm", "bump", "fail"}:
                checked += 1
                assert reply.hours_after_question - before >= claim, reply.body
    assert checked >= 5


def test_the_claims_read_in_both_languages():
    assert demo_content.claimed_hours("Fine for two days now. Thanks!") == 48
    assert demo_content.claimed_hours("Ancora uguale dopo una settimana.") == 168
    assert demo_content.claimed_hours("Reset it and it worked.") == 0


def test_threads_have_been_read_more_the_older_and_busier_they_are(data):
    assert all(thread.views > 0 for thread in data)
    old_busy = [thread.views for thread in data
                if thread.days_ago > 60 and len(thread.replies) >= 4]
    new_quiet = [thread.views for thread in data if thread.days_ago < 2 and not thread.replies]
    assert statistics.median(old_busy) > 10 * statistics.median(new_quiet)


def test_the_support_team_are_staff_and_everyone_else_a_customer():
    assert {member.username for member in MEMBERS if member.staff} == {
        "Ellie_LumioTeam", "Giulia_LumioTeam"}


# --- the module -----------------------------------------------------------------------


def test_threads_are_deterministic():
    assert threads() == threads()


def test_the_seed_changes_the_threads():
    assert threads(1) != threads(2026)


def test_threads_do_not_depend_on_hash_randomisation():
    script = ("import hashlib; from community.demo_content import threads; "
              "print(hashlib.sha256(repr(threads()).encode()).hexdigest())")
    digests = {
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


@pytest.mark.parametrize("seed", OTHER_SEEDS)
def test_other_seeds_keep_600_replies(seed):
    assert len(all_posts(threads_for(seed))) >= 600


@pytest.mark.parametrize("seed", OTHER_SEEDS)
def test_other_seeds_keep_half_the_questions_solved(seed):
    asked = questions(threads_for(seed))
    assert 0.4 <= sum(thread.accepted is not None for thread in asked) / len(asked) <= 0.6


@pytest.mark.parametrize("seed", OTHER_SEEDS)
def test_other_seeds_keep_questions_needing_attention(seed):
    assert sum(needs_attention(thread) for thread in threads_for(seed)) >= 10


@pytest.mark.parametrize("seed", OTHER_SEEDS)
def test_other_seeds_keep_reply_texts_rare(seed):
    assert max(Counter(reply.body for reply in all_posts(threads_for(seed))).values()) <= 3


def test_module_imports_only_the_standard_library():
    tree = ast.parse(Path(demo_content.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}


def test_importing_builds_no_content():
    """The forum is generated when asked for (``threads(seed)``), never at import: the
    module's top level may only define things and build small constants."""
    tree = ast.parse(Path(demo_content.__file__).read_text(encoding="utf-8"))
    called = {ast.unparse(node.func) for statement in tree.body
              if isinstance(statement, (ast.Assign, ast.AnnAssign, ast.Expr))
              for node in ast.walk(statement) if isinstance(node, ast.Call)}
    assert called <= {"DemoMember", "DemoCategory", "frozenset", "re.compile"}


def test_every_product_area_has_an_italian_name_and_description():
    italian = demo_content.CATEGORY_TRANSLATIONS["it"]
    assert set(italian) == {category.slug for category in CATEGORIES}
    assert all(name and description for name, description in italian.values())
