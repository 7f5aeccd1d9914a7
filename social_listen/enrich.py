"""What the triage inbox says about a mention: language, sentiment, urgency, "question?".

Pure functions (no app needed), fast enough for hundreds of mentions a second.

- **Language**: the source's tag when it gives one (X tags every post), else py3langid
  (a maintained port of langid.py: its model ships inside the wheel, needs no download,
  and classifies a tweet in about 0.04 ms). Texts under three words are "und".
- **Sentiment** (-1 … 1) is a lexicon approach, written for support conversations in
  English and Italian: a few hundred words and emoji that carry praise or complaint in
  customer messages, a negation turning the next three words around ("not working",
  "non funziona"), intensifiers ("really", "davvero") and a final "!!" adding weight. A
  general-purpose model (VADER) is English only, and Italian transformer models need a
  GPU-sized dependency for a signal that only orders an inbox.
- **Urgency** (0 low, 1 normal, 2 high): outage, money and security words ("down",
  "charged twice", "hacked", "rimborso", "bloccato"), "urgent", waiting ("still no
  answer", "da giorni"), or a strongly negative post; shouting (mostly capitals, "!!!")
  raises it one step.
- **Question**: a question mark outside links, or an opening word that asks ("how",
  "anyone", "come", "qualcuno").
"""

from __future__ import annotations

import re
from functools import lru_cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


WORD = re.compile(r"[\w']+|[\U0001F300-\U0001FAFF\u2600-\u27BF]", re.UNICODE)
CLAUSE = re.compile(r"[.,;:!?]+")  # a negation reaches no further than its clause
LINK = re.compile(r"https?://\S+")
MENTION = re.compile(r"(?<!\w)[@#]\w+")

POSITIVE = _words("""
love loved loving lovely great awesome amazing excellent fantastic perfect thanks thank
thx ty helpful helped fixed solved works working resolved quick fast easy happy glad
brilliant superb impressed recommend best kudos nice good smooth reliable friendly
grazie grazie mille ottimo ottima ottimi perfetto perfetta fantastico fantastica bravi
bravo brava risolto risolta funziona funzionano veloce velocissimo facile felice
contento contenta soddisfatto soddisfatta consiglio consiglierei gentile gentilissimi
eccellente utile top migliore bello bella splendido ❤ ❤️ 😍 😊 🙂 👍 🙏 🎉 👏 💯 ✅ 🥰 😀 😃 😄
""")

NEGATIVE = _words("""
hate hated terrible awful horrible worst bad broken broke crash crashed crashes crashing
bug buggy error errors fail failed failing failure useless annoying annoyed angry
frustrated frustrating disappointed disappointing disappointment ridiculous unacceptable
scam fraud rip-off ripoff slow lag laggy stuck down outage problem problems issue issues
wrong missing lost refund charged overcharged cancel cancelled canceled complaint
nightmare disgrace joke pathetic rude ignored waiting wait never again sucks poor odio
pessimo pessima pessimi orribile terribile schifo vergogna vergognoso inaccettabile
rotto rotta guasto bloccato bloccata bloccati errore errori problema problemi lento
lenta disservizio truffa truffati delusione deluso delusa arrabbiato arrabbiata
scandaloso ridicolo inutile mai più rimborso addebito addebitato disdetta reclamo
ignorato ignorata attesa aspetto sparito sparita perso persa 😡 😠 🤬 👎 😤 😞 😢 😭 💩 🙄 😒
""")

NEGATIONS = _words("""
not no never cannot can't cant don't dont doesn't doesnt didn't didnt isn't isnt won't
wont aren't nothing nobody non mai nessun nessuno nessuna niente nulla né
""")
INTENSIFIERS = _words("""
very really so extremely totally completely absolutely super molto davvero proprio
troppo veramente completamente assolutamente
""")

URGENT_WORDS = _words("""
urgent urgently asap emergency immediately now today outage down hacked hack breach
stolen fraud scam locked lockout charged overcharged refund chargeback lawyer legal
cancel cancelling dangerous unsafe fire smoke leak leaking urgente urgenza subito
immediatamente adesso oggi emergenza hackerato rubato rubata truffa addebito addebitato
rimborso avvocato denuncia disdetta pericoloso fumo perdita bloccato bloccata bloccati
""")
URGENT_PHRASES = (
    "not working", "doesn't work", "does not work", "can't log in", "cannot log in",
    "can't login", "can't access", "cannot access", "charged twice", "double charged",
    "still waiting", "still no", "no answer", "no response", "for days", "for hours",
    "all day", "non funziona", "non va", "non riesco", "da giorni", "da ore",
    "ancora nessuna", "nessuna risposta", "addebitato due volte", "doppio addebito",
    "ancora in attesa",
)

QUESTION_OPENERS = _words("""
how why what where when who which whom whose can could does do did is are was were will
would should shall anyone anybody any has have come perché perche cosa che dove quando
chi quale quali quanto quanta quanti quante qualcuno qualcuna sapete sai posso possiamo
potete può puo è c'è esiste
""")


def language(text: str, tagged: str | None = None) -> str:
    """The mention's language: the source's tag when it has one, else detected."""
    if tagged and tagged not in ("und", "qme", "qht", "qam", "zxx", "art"):
        return tagged.lower()[:8]
    words = WORD.findall(_strip(text))
    if len(words) < 3:
        return "und"
    return _classifier().classify(" ".join(words))[0]


@lru_cache(maxsize=1)
def _classifier():
    import py3langid

    return py3langid


def sentiment(text: str) -> float:
    """-1 (angry) … 1 (delighted); 0 when no word carries either."""
    words = [word.lower() for clause in CLAUSE.split(_strip(text))
             for word in [*WORD.findall(clause), "."]]
    score, hits, flip, boost = 0.0, 0, 0, 1.0
    for word in words:
        if word == ".":
            flip = 0
            continue
        if word in NEGATIONS:
            flip = 3
            continue
        if word in INTENSIFIERS:
            boost = 1.5
            continue
        polarity = (word in POSITIVE) - (word in NEGATIVE)
        if polarity:
            score += polarity * boost * (-1 if flip else 1)
            hits += 1
        boost = 1.0
        flip = max(0, flip - 1)
    if not hits:
        return 0.0
    if "!!" in text:
        score *= 1.2
    return max(-1.0, min(1.0, score / (hits + 1) ** 0.5 / 1.5))


def urgency(text: str, mood: float | None = None) -> int:
    """0 low, 1 normal, 2 high: one point per urgent word, two for an urgent phrase,
    one for a strongly negative post, one for shouting."""
    plain = _strip(text)
    lowered = plain.lower()
    words = {word.lower() for word in WORD.findall(plain)}
    points = len(words & URGENT_WORDS) + 2 * any(p in lowered for p in URGENT_PHRASES)
    points += (sentiment(text) if mood is None else mood) <= -0.5
    points += _shouting(plain)
    return min(2, points)


def looks_like_question(text: str) -> bool:
    plain = _strip(text)
    if "?" in plain:
        return True
    words = WORD.findall(plain.lower())
    return bool(words) and words[0] in QUESTION_OPENERS and len(words) > 3


def _shouting(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return "!!!" in text or (len(letters) >= 12 and
                             sum(char.isupper() for char in letters) / len(letters) > 0.7)


def _strip(text: str) -> str:
    """The words of a post: links, @handles, #tags and a leading "RT" out."""
    return MENTION.sub(" ", LINK.sub(" ", text)).strip()
