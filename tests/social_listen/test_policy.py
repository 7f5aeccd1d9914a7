"""Which posts become mentions: reposts, bots, blocked words and accounts, language."""

from social_listen import policy
from social_listen.sources import Author, Item

THRESHOLDS = policy.Thresholds(bot_max_followers=10, bot_min_posts=50_000)


def item(text="@acme my earbuds died", handle="jane", followers=300, posts=2000):
    return Item(external_id="1", text=text, url="https://x.com/jane/status/1",
                created_at=None, author=Author("9", handle, followers=followers, posts=posts))


def reason(mention, **overrides):
    values = {"language": "en", "languages": set(), "excluded": set(), "words": [],
              "thresholds": THRESHOLDS, **overrides}
    return policy.filtered_reason(mention, **values)


def test_an_ordinary_customer_passes():
    assert reason(item()) is None


def test_few_followers_and_a_huge_post_count_look_like_a_bot():
    assert reason(item(followers=3, posts=120_000)) == "bot"


def test_a_new_account_with_few_posts_is_not_a_bot():
    assert reason(item(followers=0, posts=12)) is None


def test_excluded_accounts_match_without_the_at_sign_and_case():
    assert reason(item(handle="Acme_Support"),
                  excluded=policy.handles("@acme_support\n@acme")) == "blocked_account"


def test_blocked_words_match_whole_words_only():
    assert reason(item("giveaway time!"), words=["giveaway"]) == "blocked_word"
    assert reason(item("giveaways are fun"), words=["giveaway"]) is None


def test_other_languages_are_filtered_when_the_rule_names_languages():
    assert reason(item(), language="es", languages={"en", "it"}) == "language"
    assert reason(item(), language="it", languages={"en", "it"}) is None
