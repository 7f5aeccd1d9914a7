"""``flask moderation ...``: seed the spam classifier, see what it knows."""

from __future__ import annotations

import html
from pathlib import Path

import click
from flask.cli import AppGroup

from moderation import spam, spam_model

moderation = AppGroup("moderation", help="Moderation: the spam classifier.")


@moderation.command("spam-seed")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def spam_seed(path: Path) -> None:
    """Start the spam classifier from a labelled corpus: one message per line,
    "spam<TAB>text" or "ham<TAB>text" (the SMS Spam Collection's format, e.g.
    ../shared/data/spam/sms/SMSSpamCollection). Replaces the previous seed; what moderators
    decided is kept and weighs more as it grows."""
    examples = list(read_corpus(path))
    with click.progressbar(examples, label="Reading") as bar:
        tokens = [(spam.features(text), is_spam) for text, is_spam in bar]
    spam_count, ham_count = spam_model.seed(tokens)
    click.echo(f"Seeded the spam classifier with {spam_count} spam and {ham_count} other "
               f"messages from {path}.")


def read_corpus(path: Path):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        label, _tab, text = line.partition("\t")
        if label not in ("spam", "ham") or not text.strip():
            raise click.ClickException(f"{path}:{number}: expected 'spam' or 'ham', a tab, "
                                       "then the text.")
        yield html.unescape(text), label == "spam"  # the collection writes &lt; for <


@moderation.command("spam-state")
def spam_state() -> None:
    """What the classifier has learnt: the seed, and the moderators' own decisions."""
    corpora = spam_model.state()
    for name in (spam_model.SEED, spam_model.OWN):
        corpus = corpora.get(name)
        if corpus is None:
            click.echo(f"{name:<5} empty")
            continue
        click.echo(f"{name:<5} {corpus.spam_docs:.0f} spam, {corpus.ham_docs:.0f} other"
                   + (f", {corpus.decisions} decisions" if name == spam_model.OWN else ""))
