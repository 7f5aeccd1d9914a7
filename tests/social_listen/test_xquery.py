"""X queries are checked before a rule is saved, with a message that points at the problem."""

import pytest

from social_listen import xquery


@pytest.mark.parametrize("query", [
    "acme", '"acme router" -is:retweet', "(@acme OR #acmehelp) lang:it",
    "from:acme_support has:links", "acme url:\"acme.com/help\"", "https://acme.com help",
    "a" * 512,
])
def test_queries_x_accepts_pass(query):
    assert xquery.problem(query) is None


@pytest.mark.parametrize(("query", "words"), [
    ("", "Write what to listen for"),
    ("a" * 513, "up to 512 characters"),
    ('acme "router', "quote at character 6 is never closed"),
    ("(acme OR router", "parenthesis at character 1 is never closed"),
    ("acme) router", "character 5 closes nothing"),
    ("acme () router", "are empty"),
    ("form:acme", "Did you mean “from:”?"),
    ("acme is:answered", "is: takes one of"),
    ("acme has:pictures", "has: takes one of"),
    ("acme lang:italian", "language code"),
    ("acme from:", "needs a value"),
    ("OR acme", "needs a term on each side"),
    ("acme OR", "needs a term on each side"),
    ("-acme -router", "only negations"),
    ("is:reply lang:en", "only negations or of only is:"),
])
def test_what_x_refuses_is_named_with_its_place(query, words):
    problem = xquery.problem(query)

    assert problem is not None and words in str(problem)


def test_quotes_hide_parentheses_and_operators():
    assert xquery.problem('"acme (beta" "foo: bar"') is None
