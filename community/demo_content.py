"""Demo forum content for Peerdesk: the community of "Lumio", a fictional electronics brand.

Everything here is invented: Lumio, its products (Buds Pro, Buds Lite, Home, Go, Watch 2,
Stream 4K and the Lumio app), their firmware versions, order numbers, and every member and
post. Any resemblance to real people, shops or products is accidental.

The module is plain data with no database or Flask code: the demo seeder loads
:data:`CATEGORIES`, :data:`MEMBERS` and :func:`threads` through the community services.

How the threads are made: hand-written problem scenarios (at the bottom of the module, in
the small text format :func:`_parse` reads) each carry several titles, opening posts and
replies. :func:`threads` combines them with ``random.Random(seed)``: which title goes with
which opening post, who asks and who answers, how the thread turns out (solved, unanswered,
waiting for the asker...), when, and who votes. The same seed always gives the same threads.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

BRAND = "Lumio"


@dataclass(frozen=True)
class DemoCategory:
    slug: str
    name: str
    description: str
    parent: str | None = None
    position: int = 0


@dataclass(frozen=True)
class DemoMember:
    username: str
    locale: str
    products: tuple[str, ...]
    staff: bool = False  # Lumio's own support team: answers carry the staff badge


@dataclass(frozen=True)
class DemoPost:
    author: str
    body: str
    hours_after_question: float
    helpful_voters: tuple[str, ...] = ()
    role: str = ""  # what the reply does in the thread: "fix", "thanks"... (see _PLANS)


@dataclass(frozen=True)
class DemoThread:
    category: str
    kind: str
    title: str
    body: str
    author: str
    language: str
    days_ago: float
    tags: tuple[str, ...] = ()
    replies: tuple[DemoPost, ...] = ()
    accepted: int | None = None
    me_too: tuple[str, ...] = ()
    views: int = 0


CATEGORIES: tuple[DemoCategory, ...] = (
    DemoCategory("audio", "Audio", "Earbuds and speakers: pairing, sound, battery and firmware.",
                 position=0),
    DemoCategory("earbuds", "Earbuds", "Lumio Buds Pro and Lumio Buds Lite.", "audio", 0),
    DemoCategory("speakers", "Speakers", "Lumio Home smart speaker and Lumio Go portable speaker.",
                 "audio", 1),
    DemoCategory("wearables", "Wearables",
                 "Lumio Watch 2: fitness tracking, notifications, battery and straps.", position=1),
    DemoCategory("tv-streaming", "TV & Streaming",
                 "Lumio Stream 4K: picture, sound, remotes and streaming apps.", position=2),
    DemoCategory("lumio-app", "Lumio App",
                 "The Lumio app for iOS and Android: setup, updates and settings.", position=3),
    DemoCategory("store-account", "Store & Account",
                 "Everything between you and Lumio that is not a gadget.", position=4),
    DemoCategory("orders-billing", "Orders & Billing",
                 "Orders, deliveries, payments, invoices and subscriptions.", "store-account", 0),
    DemoCategory("account-sign-in", "Account & Sign-in",
                 "Lumio accounts, passwords, two-step verification and privacy.",
                 "store-account", 1),
    DemoCategory("warranty-repairs", "Warranty & Repairs",
                 "Warranty claims, replacements, repairs and returns.", "store-account", 2),
    DemoCategory("community-lounge", "Community Lounge",
                 "Setups, comparisons and chat between Lumio owners.", position=5),
    DemoCategory("ideas", "Ideas & Feature Requests",
                 "What you would like Lumio to build or change next.", position=6),
)

# The product areas on the Italian interface: {language: {slug: (name, description)}}.
CATEGORY_TRANSLATIONS: dict[str, dict[str, tuple[str, str]]] = {"it": {
    "audio": ("Audio", "Auricolari e speaker: abbinamento, suono, batteria e firmware."),
    "earbuds": ("Auricolari", "Lumio Buds Pro e Lumio Buds Lite."),
    "speakers": ("Speaker", "Lo smart speaker Lumio Home e lo speaker portatile Lumio Go."),
    "wearables": ("Indossabili",
                  "Lumio Watch 2: attività fisica, notifiche, batteria e cinturini."),
    "tv-streaming": ("TV e streaming",
                     "Lumio Stream 4K: immagine, audio, telecomandi e app di streaming."),
    "lumio-app": ("App Lumio", "L'app Lumio per iOS e Android: configurazione, aggiornamenti "
                               "e impostazioni."),
    "store-account": ("Negozio e account", "Tutto ciò che riguarda te e Lumio e non è un "
                                           "dispositivo."),
    "orders-billing": ("Ordini e fatturazione",
                       "Ordini, consegne, pagamenti, fatture e abbonamenti."),
    "account-sign-in": ("Account e accesso",
                        "Account Lumio, password, verifica in due passaggi e privacy."),
    "warranty-repairs": ("Garanzia e riparazioni",
                         "Richieste di garanzia, sostituzioni, riparazioni e resi."),
    "community-lounge": ("Salotto della community",
                         "Configurazioni, confronti e chiacchiere tra chi ha un Lumio."),
    "ideas": ("Idee e richieste", "Cosa vorresti che Lumio costruisse o cambiasse."),
}}

_E, _S, _W, _T = "earbuds", "speakers", "wearables", "tv-streaming"

MEMBERS: tuple[DemoMember, ...] = (
    DemoMember("kestrel_audio", "en", (_E, _S, _T, _W)),
    DemoMember("MarenH", "en", (_W, _E, _S)),
    DemoMember("tomasz.k", "en", (_E, _S, _W, _T)),
    DemoMember("quietbass", "en", (_E, _S, _T)),
    DemoMember("Ellie_LumioTeam", "en", (_E, _S, _W, _T), staff=True),
    DemoMember("jenna.r", "en", (_E, _W)),
    DemoMember("mike_t84", "en", (_S, _T)),
    DemoMember("sophiewrites", "en", (_E,)),
    DemoMember("DaveInDenver", "en", (_S, _W)),
    DemoMember("hollis.b", "en", (_T, _S)),
    DemoMember("aroha_k", "en", (_W, _E)),
    DemoMember("priyanka_s", "en", (_E, _T)),
    DemoMember("bgreen77", "en", (_S,)),
    DemoMember("noodle_cat", "en", (_E, _S)),
    DemoMember("Carlos.Mena", "en", (_W, _T)),
    DemoMember("lindsay-m", "en", (_E, _S, _W)),
    DemoMember("ollie_runs", "en", (_W, _E)),
    DemoMember("FrankieV", "en", (_T, _E)),
    DemoMember("nat.okafor", "en", (_E, _W, _S)),
    DemoMember("gwen_h", "en", (_S, _T)),
    DemoMember("sam.w", "en", (_E, _W)),
    DemoMember("TheRealTobi", "en", (_S, _E, _T)),
    DemoMember("fede.rinaldi", "it", (_E, _S, _W, _T)),
    DemoMember("Giulia_LumioTeam", "it", (_E, _S, _W, _T), staff=True),
    DemoMember("marco_bianchi88", "it", (_E, _T)),
    DemoMember("SaraV", "it", (_W, _E)),
    DemoMember("lucaporta", "it", (_S, _T)),
    DemoMember("ale.conti", "it", (_E, _S)),
    DemoMember("Vale_Ferri", "it", (_W, _S)),
    DemoMember("nicola.g", "it", (_T, _E, _W)),
)

# Who answers most: the weight of each helper against 1 for everyone else.
_HELPERS = {"kestrel_audio": 9, "MarenH": 7, "tomasz.k": 6, "quietbass": 5, "fede.rinaldi": 9}
_STAFF = {"en": "Ellie_LumioTeam", "it": "Giulia_LumioTeam"}

# --- the details that make two threads about one problem differ ----------------------

_PRODUCT_CATEGORY = {"buds-pro": _E, "buds-lite": _E, "home": _S, "go": _S, "watch": _W,
                     "stream": _T}
_VERSIONS = {
    "buds-pro": ("3.2.1", "3.3.0", "3.3.4", "3.4.0", "3.4.1"),
    "buds-lite": ("2.6.0", "2.6.3", "2.7.1", "2.8.0"),
    "home": ("5.1.8", "5.2.0", "5.2.1"),
    "go": ("2.0.9", "2.1.2", "2.1.4"),
    "watch": ("1.8.4", "1.9.0", "1.9.1"),
    "stream": ("7.2.4", "7.3.0", "7.3.1"),
}
_IPHONES = ("iPhone 13", "iPhone 13 mini", "iPhone 14", "iPhone 14 Pro", "iPhone 15",
            "iPhone 15 Pro Max", "iPhone 12", "iPhone SE (2022)", "iPhone 16")
_IOS = ("iOS 17.4.1", "iOS 17.5", "iOS 17.6.1", "iOS 18.0", "iOS 18.1", "iOS 18.2")
_ANDROIDS = (("Pixel 7", "Android 14"), ("Pixel 8 Pro", "Android 15"),
             ("Galaxy S23", "Android 14"), ("Galaxy S21 FE", "Android 14"),
             ("Galaxy A54", "Android 14"), ("OnePlus 11", "Android 14"),
             ("Xiaomi Redmi Note 12", "Android 13"), ("Xiaomi 13T", "Android 14"),
             ("Motorola Edge 40", "Android 14"), ("Nothing Phone (2)", "Android 14"),
             ("Galaxy S24", "Android 14"), ("Pixel 6a", "Android 14"))
_APP_VERSIONS = ("4.10.2", "4.11.0", "4.11.3", "4.12.0", "4.12.1")
_TVS = ("LG C2", "LG C3", "Samsung QN90B", "Samsung AU8000", "Sony X90J", "Sony Bravia X85K",
        "TCL C745", "Hisense U8H", "Philips OLED 806", "Panasonic MZ1500")
_ROUTERS = ("Eero Pro 6", "TP-Link Deco X20", "Netgear Orbi RBK752", "Google Nest Wifi",
            "Asus RT-AX86U", "BT Smart Hub 2", "Xfinity xFi gateway", "Ubiquiti UniFi U6 Lite")
_MODEMS = ("Fastweb NeXXt", "TIM Hub+", "Vodafone Station", "FRITZ!Box 7530", "WindTre Zyxel",
           "Iliad Box")
_LAPTOPS = ("ThinkPad T14", "Dell XPS 13", "MacBook Air M2", "Surface Laptop 5",
            "HP EliteBook 840", "MacBook Pro 14")


def _values(rng: random.Random, scenario: _Scenario) -> dict[str, str]:
    """The concrete details one person's post is filled in with."""
    android, android_version = rng.choice(_ANDROIDS)
    iphone = rng.choice(_IPHONES)
    phones = (iphone,) if "ios" in scenario.tags else (android,) if "android" in \
        scenario.tags else (iphone, android)
    versions = scenario.versions or _VERSIONS.get(scenario.product, ())
    values = {
        "iphone": iphone, "ios": rng.choice(_IOS),
        "android": android, "aver": android_version, "phone": rng.choice(phones),
        "app": rng.choice(_APP_VERSIONS), "tv": rng.choice(_TVS),
        "router": rng.choice(_ROUTERS), "modem": rng.choice(_MODEMS),
        "laptop": rng.choice(_LAPTOPS),
        "order": f"LM-{rng.randint(2_100_000, 2_999_999)}",
        "days": str(rng.randint(3, 9)),
    }
    if versions:
        values["fw"] = rng.choice(versions)
    # A TV problem is nobody's phone problem, and a phone problem has no TV in it.
    phone_details = ("iphone", "ios", "android", "aver", "phone")
    for name in phone_details if scenario.product == "stream" else ("tv",):
        del values[name]
    return values


_PLACEHOLDERS = frozenset({
    "fw", "iphone", "ios", "android", "aver", "phone", "app", "tv", "router", "modem", "laptop",
    "order", "days", "asker", "prev", "helper",
})
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _views(spec: _Spec, replies: tuple[DemoPost, ...]) -> int:
    """Readers so far: more for older threads, and for ones with more replies and votes,
    from a generator of the thread's own (the main one's draws decide everything else)."""
    rng = random.Random(f"views:{spec.title}")  # noqa: S311 - demo data, not a secret
    interest = 6 + 4 * len(replies) + 3 * sum(len(reply.helpful_voters) for reply in replies)
    return round(interest * (1 + spec.days_ago) ** 0.5 * rng.lognormvariate(0, 0.6))


def claimed_hours(text: str) -> float:
    """The longest time a reply says has passed (0 when it says none)."""
    return max((hours for pattern, hours in _TIME_CLAIMS if pattern.search(text)), default=0.0)


def _fill(template: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def _fits(template: str, values: dict[str, str]) -> bool:
    """Whether every detail the template mentions is known (no firmware for an order...)."""
    return all(name in values for name in _PLACEHOLDER.findall(template))


# --- how threads turn out -------------------------------------------------------------
#
# A plan is the roles of the replies in order; "*" marks the accepted one. The roles:
#   clarify  a helper asks for details     detail   the asker gives them
#   fix/fix2 a step-by-step answer          alt      another view, or disagreement
#   fail     the asker: "didn't help"       thanks   the asker: "that worked!"
#   metoo    someone with the same problem  other_fail  ...who tried the fix, in vain
#   confirm  "worked for me too"            bump     the asker, still waiting
#   staff    Lumio's own support person     selffix  the asker found it themselves
#   opinion / op   replies in a discussion, by others / by its starter

_PLANS = {
    "solved": (
        ("fix*", "thanks"),
        ("clarify", "detail", "fix*", "thanks"),
        ("fix", "fail", "fix2*", "thanks", "confirm"),
        ("clarify", "detail", "fix*", "alt", "thanks"),
        ("metoo", "fix*", "thanks", "confirm"),
        ("fix*", "confirm"),
        ("clarify", "detail", "fix*"),
        ("metoo", "clarify", "detail", "fix*", "thanks", "confirm"),
        ("staff*", "thanks"),
        ("clarify", "detail", "staff*", "thanks", "confirm"),
        ("fix", "alt", "fix2*", "thanks"),
        ("clarify", "detail", "fix", "fail", "fix2*", "thanks", "confirm"),
        ("metoo", "metoo", "fix*", "thanks", "confirm"),
    ),
    "open": (
        ("clarify",),
        ("fix",),
        ("metoo", "metoo"),
        ("clarify", "detail", "fix"),
        ("fix", "alt"),
        ("metoo", "fix"),
        ("clarify", "detail", "fix", "confirm"),
        ("metoo", "clarify", "detail", "alt"),
        ("metoo", "clarify", "detail", "fix", "metoo"),
    ),
    "attention": (
        ("fix", "fail"),
        ("clarify", "detail"),
        ("fix", "fail", "fix2", "fail"),
        ("metoo", "bump"),
        ("clarify", "detail", "fix", "fail"),
        ("fix", "alt", "fail"),
        ("metoo", "fix", "fail"),
        ("metoo", "clarify", "detail", "fix", "fail"),
    ),
    "self": (("clarify", "detail", "selffix*", "confirm"), ("fix", "fail", "selffix*")),
    "long": (
        ("metoo", "clarify", "detail", "metoo", "fix", "fail", "metoo", "other_fail", "alt",
         "metoo", "staff*", "thanks", "confirm", "confirm"),
        ("clarify", "detail", "metoo", "metoo", "fix", "other_fail", "fail", "metoo", "alt",
         "metoo", "staff*", "thanks", "confirm"),
    ),
    "unanswered": ((),),
}
_ASKER_ROLES = frozenset({"detail", "fail", "thanks", "bump", "selffix", "op"})
_HELPER_ROLES = frozenset({"clarify", "fix", "fix2", "alt"})
# Where a role's text comes from: a section of the scenario, or ("@") the language's pool.
_SOURCES = {
    "clarify": ("clarify",), "detail": ("detail",), "fix": ("fix",), "fix2": ("fix",),
    "alt": ("alt",), "staff": ("staff",), "selffix": ("selffix",),
    "fail": ("fail", "@fail"), "thanks": ("thanks", "@thanks"), "metoo": ("metoo", "@metoo"),
    "confirm": ("confirm", "@confirm"), "bump": ("@bump",), "other_fail": ("@other_fail",),
    "opinion": ("opinion",), "op": ("op", "@op"),
}
# Helpful votes a reply gets, by role (the accepted answer gets more, see _votes).
_VOTES = {"fix": (0, 1, 1, 2, 3), "fix2": (0, 1, 2), "alt": (0, 0, 1, 2), "staff": (1, 2, 3),
          "clarify": (0, 0, 0, 1), "confirm": (0, 0, 0, 1), "opinion": (0, 0, 1, 1, 2, 3, 4),
          "selffix": (1, 2)}
# Hours between a reply and the one before, as (mu, sigma) of a log-normal.
_GAPS = {"detail": (1.3, 1.0), "fail": (2.2, 1.0), "thanks": (1.8, 1.1), "bump": (3.6, 0.6),
         "confirm": (4.0, 1.2), "metoo": (2.8, 1.3), "other_fail": (2.5, 1.0),
         "op": (1.5, 1.0), "opinion": (1.8, 1.3), "staff": (2.6, 0.8)}
# Replies that say how long it has been ("fine for two days now", "ancora uguale dopo una
# settimana") come at least that many hours after the reply before them.
_TIME_CLAIMS = (
    (re.compile(r"\b(?:two|2) days\b|\bdue giorni\b", re.I), 48.0),
    (re.compile(r"\b(?:three|3) days\b|\btre giorni\b|\ba few days\b", re.I), 72.0),
    (re.compile(r"\b(?:four|4) days\b|\bquattro giorni\b", re.I), 96.0),
    (re.compile(r"\ba week\b|\buna settimana\b", re.I), 168.0),
    (re.compile(r"\bsince yesterday\b|\bda ieri\b|\bovernight\b", re.I), 12.0),
)
_CLAIMING_ROLES = frozenset({"thanks", "confirm", "bump", "fail"})
_STORE = frozenset({"orders-billing", "account-sign-in", "warranty-repairs"})
_MAX_REPEATS = 3  # no reply text is used more often than this across all threads


@dataclass
class _Spec:
    """One thread to build: a scenario with the title and opening post it got."""

    scenario: _Scenario
    title: str
    body: str
    first: bool
    outcome: str = "open"
    days_ago: float = 1.0


@dataclass
class _Usage:
    """How often each text was used: templates (to vary them) and final texts (to cap)."""

    templates: Counter[str] = field(default_factory=Counter)
    texts: Counter[str] = field(default_factory=Counter)
    by_author: set[tuple[str, str]] = field(default_factory=set)  # nobody repeats themselves
    askers: set[tuple[str, str]] = field(default_factory=set)  # nobody asks the same twice


@dataclass
class _Draft:
    role: str
    author: str
    body: str
    accepted: bool


def threads(seed: int = 2026) -> tuple[DemoThread, ...]:
    """The demo threads, deterministic for a given seed, oldest first."""
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    specs = _specs(rng)
    _assign_outcomes(specs, rng)
    _assign_ages(specs, rng)
    usage = _Usage()
    specs.sort(key=lambda spec: spec.outcome not in ("long", "self"))  # they need their texts
    built = [_ThreadBuilder(spec, rng, usage).build() for spec in specs]
    return tuple(sorted(built, key=lambda thread: -thread.days_ago))


def _specs(rng: random.Random) -> list[_Spec]:
    specs = []
    for scenario in _scenarios():
        titles, bodies = list(scenario.get("title")), list(scenario.get("body"))
        rng.shuffle(titles)
        rng.shuffle(bodies)
        for index, (title, body) in enumerate(zip(titles, bodies, strict=False)):
            specs.append(_Spec(scenario, title, body, first=index == 0))
    rng.shuffle(specs)
    return specs


def _assign_outcomes(specs: list[_Spec], rng: random.Random) -> None:
    """Half the questions solved, a tenth unanswered, a tenth waiting on the asker."""
    questions = []
    for spec in specs:
        special = [flag for flag in ("long", "self") if flag in spec.scenario.flags]
        if spec.scenario.kind == "discussion":
            spec.outcome = "discussion"
        elif spec.first and special:
            spec.outcome = special[0]
        else:
            questions.append(spec)
    already_solved = sum(spec.outcome in ("long", "self") for spec in specs)
    total = len(questions) + already_solved
    counts = {"unanswered": max(12, round(total * 0.09)),
              "attention": max(12, round(total * 0.09)),
              "solved": round(total * 0.5) - already_solved}
    outcomes = [outcome for outcome, count in counts.items() for _ in range(count)]
    outcomes += ["open"] * (len(questions) - len(outcomes))
    rng.shuffle(outcomes)
    for spec, outcome in zip(questions, outcomes, strict=True):
        spec.outcome = outcome


def _assign_ages(specs: list[_Spec], rng: random.Random) -> None:
    """Spread over ~400 days, busier lately; a few brand-new questions nobody answered yet."""
    unanswered = [spec for spec in specs if spec.outcome == "unanswered"]
    for index, spec in enumerate(unanswered):
        low, high = (0.1, 0.95) if index < 5 else (1.0, 2.0) if index < 8 else (2.0, 60.0)
        spec.days_ago = rng.uniform(low, high)
    others = [spec for spec in specs if spec.outcome not in ("unanswered", "long")]
    for index, spec in enumerate(others):
        recent = index < 10
        spec.days_ago = rng.uniform(0.3, 2.0) if recent else 2 + 398 * rng.random() ** 1.3
    for spec in specs:
        if spec.outcome == "long":
            spec.days_ago = rng.uniform(25.0, 300.0)
        spec.days_ago = round(min(max(spec.days_ago, 0.1), 400.0), 2)


class _ThreadBuilder:
    """Turns one spec into a thread: the asker, the replies, their times and votes."""

    def __init__(self, spec: _Spec, rng: random.Random, usage: _Usage) -> None:
        self.spec, self.rng, self.usage = spec, rng, usage
        self.scenario = spec.scenario
        self.lang = self.scenario.lang
        self.asker = self._pick_asker()
        usage.askers.add((self.scenario.key, self.asker))
        self.values = self._new_values() | {"asker": self.asker}
        self.drafts: list[_Draft] = []
        self.clarify_index = 0
        self.avoid: set[str] = set()  # people who have nothing new to say for this reply

    def build(self) -> DemoThread:
        for step in self._plan():
            self._add(step.rstrip("*"), accepted=step.endswith("*"))
        hours = self._hours()
        replies = tuple(DemoPost(draft.author, draft.body, hour, self._votes(draft), draft.role)
                        for draft, hour in zip(self.drafts, hours, strict=True))
        accepted = next((i for i, draft in enumerate(self.drafts) if draft.accepted), None)
        return DemoThread(
            category=self.scenario.category, kind=self.scenario.kind,
            title=_fill(self.spec.title, self.values), body=_fill(self.spec.body, self.values),
            author=self.asker, language=self.lang, days_ago=self.spec.days_ago,
            tags=self.scenario.tags, replies=replies, accepted=accepted, me_too=self._me_too(),
            views=_views(self.spec, replies),
        )

    # -- who -------------------------------------------------------------------------

    def _speakers(self) -> list[DemoMember]:
        return [member for member in MEMBERS
                if member.locale == self.lang and member.username != _STAFF[self.lang]]

    def _owners(self, members: list[DemoMember]) -> list[DemoMember]:
        category = _PRODUCT_CATEGORY.get(self.scenario.product)
        owning = [member for member in members if category in member.products]
        return owning if category and owning else members

    def _pick_asker(self) -> str:
        owners = self._owners(self._speakers())
        members = [member for member in owners
                   if (self.scenario.key, member.username) not in self.usage.askers] or owners
        weights = [0.2 if member.username in _HELPERS else 1.0 for member in members]
        return self.rng.choices(members, weights)[0].username

    def _author(self, role: str) -> str | None:
        """Who writes a reply in ``role``; None when nobody new is left to say "me too"."""
        if role in _ASKER_ROLES:
            return self.asker
        if role == "staff":
            return _STAFF[self.lang]
        speakers = [member.username for member in self._speakers()]
        taken = {self.asker, *self.avoid}
        if role == "opinion":
            taken.add(self.drafts[-1].author if self.drafts else self.asker)
            return self._weighted([name for name in speakers if name not in taken])
        if role in _HELPER_ROLES:
            clarifier = self._authors_of("clarify")
            if role == "fix" and clarifier and clarifier[0] not in taken \
                    and self.rng.random() < 0.6:
                return clarifier[0]
            busy = taken | set(self._authors_of("fix", "fix2", "alt", "metoo", "other_fail"))
            last = self.drafts[-1].author if self.drafts else self.asker
            return self._weighted([name for name in speakers if name not in busy]
                                  or [name for name in speakers if name not in {*taken, last}])
        taken.update(draft.author for draft in self.drafts)  # someone new to the thread
        owners = [member.username for member in self._owners(self._speakers())]
        fresh = [name for name in owners if name not in taken] or \
            [name for name in speakers if name not in taken]
        return self.rng.choice(fresh) if fresh else None

    def _authors_of(self, *roles: str) -> list[str]:
        return [draft.author for draft in self.drafts if draft.role in roles]

    def _weighted(self, names: list[str]) -> str | None:
        """One of ``names``, the prolific helpers more often than the rest."""
        if not names:
            return None
        return self.rng.choices(names, [_HELPERS.get(name, 1) for name in names])[0]

    # -- what ------------------------------------------------------------------------

    def _plan(self) -> tuple[str, ...]:
        if self.spec.outcome == "discussion":
            return self._discussion_plan()
        plans = [plan for plan in _PLANS[self.spec.outcome] if self._feasible(plan)]
        return self.rng.choice(plans)

    def _discussion_plan(self) -> tuple[str, ...]:
        available = self._available("opinion")
        if "long" in self.scenario.flags and self.spec.first:
            count = min(available, self.rng.randint(12, 14))
        else:
            count = min(available, self.rng.randint(4, 9))
        plan = ["opinion"] * count
        asker_turns = self.rng.sample(range(2, count + 1), self.rng.randint(1, 2))
        for position in sorted(asker_turns, reverse=True):  # never twice in a row
            plan.insert(position, "op")
        return tuple(plan)

    def _feasible(self, plan: tuple[str, ...]) -> bool:
        roles = Counter(step.rstrip("*") for step in plan)
        needed = {"fix": roles["fix"] + roles["fix2"], "clarify": roles["clarify"],
                  "alt": roles["alt"], "staff": roles["staff"], "selffix": roles["selffix"]}
        if self._is_howto():
            needed["metoo"] = roles["metoo"]
        return all(self._available(section) >= count for section, count in needed.items())

    def _is_howto(self) -> bool:
        """How-to questions and shop matters: no generic "same here since the update" or
        "this fixed mine too", only their own texts and a nod."""
        return "howto" in self.scenario.flags or self.scenario.category in _STORE

    def _available(self, section: str) -> int:
        staff = _STAFF[self.lang]
        return sum(self.usage.templates[text] < _MAX_REPEATS
                   and not (section == "staff" and (staff, text) in self.usage.by_author)
                   for text in self.scenario.get(section))

    def _add(self, role: str, *, accepted: bool) -> None:
        if role == "detail" and (not self.drafts or self.drafts[-1].role != "clarify"):
            return  # nobody asked
        own = role in _ASKER_ROLES | _HELPER_ROLES or role == "staff"  # about the asker's case
        values = self.values if own else self._new_values()
        answers = self._authors_of("fix", "fix2", "staff", "selffix") or [self.asker]
        values = values | {"asker": self.asker, "helper": answers[-1],
                           "prev": self.drafts[-1].author if self.drafts else self.asker}
        self.avoid = set()
        for _attempt in range(4):
            author = self._author(role)
            if author is None:
                return
            body = self._text(role, author, values)
            if body is not None:
                self.drafts.append(_Draft(role, author, body, accepted))
                return
            self.avoid.add(author)

    def _text(self, role: str, author: str, values: dict[str, str]) -> str | None:
        if role == "detail":
            return _fill(self.scenario.get("detail")[self.clarify_index], values)
        seen = {draft.body for draft in self.drafts}
        candidates = []
        sources = _SOURCES[role]
        if self._is_howto() and role in ("metoo", "confirm"):
            sources = ("metoo",) if role == "metoo" else ("confirm", "@nod")
        for source in sources:
            texts = _pools()[self.lang].get(source[1:], ()) if source[0] == "@" else \
                self.scenario.get(source)
            penalty = 0.5 if source[0] == "@" else 0.0
            for text in filter(lambda text: _fits(text, values), texts):
                filled = _fill(text, values)
                if self.usage.texts[filled] < _MAX_REPEATS and filled not in seen \
                        and (author, filled) not in self.usage.by_author:
                    rank = self.usage.templates[text] + penalty
                    candidates.append((rank, self.rng.random(), text, filled))
        if not candidates:
            return None
        _, _, text, filled = min(candidates)
        self.usage.templates[text] += 1
        self.usage.texts[filled] += 1
        self.usage.by_author.add((author, filled))
        if role == "clarify":
            self.clarify_index = self.scenario.get("clarify").index(text)
        return filled

    def _new_values(self) -> dict[str, str]:
        return _values(self.rng, self.scenario)

    # -- when and who agrees ---------------------------------------------------------

    def _hours(self) -> list[float]:
        """Hours after the question, increasing, squeezed in before now."""
        stretch = 3.0 if self.spec.outcome == "long" else 1.0
        elapsed, hours = 0.0, []
        for draft in self.drafts:
            mu, sigma = _GAPS.get(draft.role, (1.0, 1.0))
            elapsed += max(0.1, self.rng.lognormvariate(mu, sigma) * stretch,
                           claimed_hours(draft.body) + 0.01 if draft.role in _CLAIMING_ROLES
                           else 0)
            hours.append(elapsed)
        limit = self.spec.days_ago * 24 * 0.95
        if any(draft.role in _CLAIMING_ROLES and claimed_hours(draft.body)
               for draft in self.drafts) and hours and hours[-1] > limit:
            self.spec.days_ago = round(hours[-1] / 24 / 0.95 + 0.01, 2)  # asked earlier
        elif hours and hours[-1] > limit:
            hours = [hour * limit / hours[-1] for hour in hours]
        rounded: list[float] = []
        for hour in hours:
            rounded.append(max(round(hour, 2), rounded[-1] + 0.01 if rounded else 0.01))
        return rounded

    def _votes(self, draft: _Draft) -> tuple[str, ...]:
        if draft.accepted:
            count = self.rng.randint(4, 9) if self.spec.outcome == "long" else \
                self.rng.randint(2, 6)
        else:
            count = self.rng.choice(_VOTES.get(draft.role, (0,)))
        pool = [member.username for member in MEMBERS if member.username != draft.author
                and member.username not in _STAFF.values()
                and (self.lang == "en" or member.locale == self.lang)]
        voters = []
        if draft.accepted and draft.author != self.asker and self.rng.random() < 0.75:
            voters.append(self.asker)
        rest = [name for name in pool if name not in voters]
        voters += self.rng.sample(rest, min(len(rest), max(0, count - len(voters))))
        return tuple(voters)

    def _me_too(self) -> tuple[str, ...]:
        if self.scenario.kind == "discussion":
            return ()
        names = dict.fromkeys(self._authors_of("metoo", "other_fail"))
        if self.spec.outcome == "long":
            extra = self.rng.randint(4, 9)
        elif "howto" in self.scenario.flags:
            extra = self.rng.choice((0, 0, 0, 1))
        else:
            extra = self.rng.choice((0, 0, 0, 1, 1, 2, 3))
        owners = [member.username for member in self._owners(list(MEMBERS))
                  if member.username not in {self.asker, *names, *_STAFF.values()}]
        names.update(dict.fromkeys(self.rng.sample(owners, min(extra, len(owners)))))
        names.pop(self.asker, None)
        return tuple(names)


# --- the text format ------------------------------------------------------------------
#
#   @@ scenario-key
#   category: earbuds            a category slug
#   kind: question               or discussion (default question); "pool" for reply pools
#   lang: en                     or it (default en)
#   tags: bluetooth, android     up to four
#   product: buds-pro            picks the firmware versions {fw} is filled with
#   versions: 3.4.0, 3.4.1       instead of the product's usual ones
#   flags: long self howto       one thread gets many replies / is answered by its asker /
#                                it is a how-to question, so nobody says "me too"
#   ## title                     then any number of sections, each repeatable:
#   ## body                      title, body, clarify + detail (in pairs: the asker's
#   ...                          answer to the clarifying question), and one section per
#                                role (see _PLANS). A pool has the generic texts: thanks,
#                                fail, metoo, confirm, bump, other_fail, op, and "nod"
#                                (the "confirm" of how-to questions)
#
# Texts are Markdown, hard-wrapped here and unwrapped on reading; {name} is filled with
# details from _values, {asker}, {prev} and {helper} with the asker, the previous poster and
# the last one who answered. A text needing {fw} is only used where there is a firmware.

_SECTIONS = frozenset({
    "title", "body", "clarify", "detail", "fix", "alt", "fail", "thanks", "metoo", "confirm",
    "staff", "selffix", "opinion", "op", "bump", "other_fail", "nod",
})
_HEADER = frozenset({"category", "kind", "lang", "tags", "product", "versions", "flags"})
_LIST_ITEM = re.compile(r"^\s*(?:\d+\.|[-*+>])\s")


@dataclass(frozen=True)
class _Scenario:
    key: str
    category: str
    kind: str
    lang: str
    tags: tuple[str, ...]
    product: str
    versions: tuple[str, ...]
    flags: frozenset[str]
    texts: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)

    def get(self, section: str) -> tuple[str, ...]:
        return self.texts.get(section, ())


@cache
def _all_entries() -> tuple[_Scenario, ...]:
    source = "\n".join(_SOURCES_TEXT)
    return tuple(_parse(chunk) for chunk in re.split(r"^@@ ", source, flags=re.M)[1:])


def _scenarios() -> tuple[_Scenario, ...]:
    return tuple(entry for entry in _all_entries() if entry.kind != "pool")


@cache
def _pools() -> dict[str, dict[str, tuple[str, ...]]]:
    return {entry.lang: entry.texts for entry in _all_entries() if entry.kind == "pool"}


def _parse(chunk: str) -> _Scenario:
    key, _, rest = chunk.partition("\n")
    header_text, *sections = re.split(r"^## ", rest, flags=re.M)
    header = dict(line.split(": ", 1) for line in header_text.strip().splitlines())
    texts: dict[str, list[str]] = {}
    for section in sections:
        name, _, text = section.partition("\n")
        texts.setdefault(name.strip(), []).append(_unwrap(text))
    scenario = _Scenario(
        key=key.strip(), category=header.get("category", ""),
        kind=header.get("kind", "question"), lang=header.get("lang", "en"),
        tags=_split(header.get("tags", "")), product=header.get("product", ""),
        versions=_split(header.get("versions", "")),
        flags=frozenset(header.get("flags", "").split()),
        texts={name: tuple(values) for name, values in texts.items()},
    )
    _check(scenario, set(header))
    return scenario


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _check(scenario: _Scenario, header: set[str]) -> None:
    """Catch slips in the text below early, with the scenario's name."""
    problems = [f"header {name}" for name in header - _HEADER]
    problems += [f"section {name}" for name in set(scenario.texts) - _SECTIONS]
    if len(scenario.get("clarify")) != len(scenario.get("detail")):
        problems.append("clarify and detail must pair up")
    if scenario.kind != "pool" and not (scenario.get("title") and scenario.get("body")):
        problems.append("a title and a body at least")
    known = _PLACEHOLDERS
    if scenario.kind != "pool":  # its own texts may only use the details it has
        known = {"asker", "prev", "helper", *_values(random.Random(0), scenario)}  # noqa: S311
    problems += [f"placeholder {name}" for texts in scenario.texts.values() for text in texts
                 for name in _PLACEHOLDER.findall(text) if name not in known]
    if problems:
        raise ValueError(f"demo scenario {scenario.key}: {', '.join(problems)}")


def _unwrap(text: str) -> str:
    """Join the hard-wrapped lines of each paragraph and list item."""
    return "\n\n".join(_unwrap_block(block) for block in text.strip().split("\n\n"))


def _unwrap_block(block: str) -> str:
    if block.startswith(("```", "    ")):
        return block
    lines: list[str] = []
    for line in block.splitlines():
        if lines and not _LIST_ITEM.match(line):
            lines[-1] = f"{lines[-1]} {line.strip()}"
        else:
            lines.append(line.rstrip())
    return "\n".join(lines)


# --- the texts: the reply pools of each language, then the scenarios by category -----

_POOLS = """
@@ pool-en
kind: pool
lang: en
## thanks
That did it, thank you! Can't believe it was that simple.
## thanks
Thanks, that worked! Marking this as the answer so the next person finds it.
## thanks
Followed the steps exactly and it's been fine since yesterday. Thanks a lot.
## thanks
Worked like a charm. I'd been putting up with this for weeks, should have asked sooner.
## thanks
Confirmed fixed. Appreciate you taking the time to write it all out step by step.
## thanks
Yep, that was it. Thanks {helper}!
## thanks
Brilliant, sorted. Thank you for the quick reply.
## thanks
That fixed it for me. Two days without a single problem now, so I'm calling it solved.
## thanks
Just tried it and it works. Cheers!
## thanks
Thank you! I had tried half of those steps before but never in that order. All good now.
## thanks
Finally working properly. Thanks for the clear instructions, {helper}.
## thanks
Good call, that was exactly the problem. Thanks for saving me a support call.
## thanks
This worked. For anyone finding this later: **do all the steps**, skipping the restart
didn't work for me the first time.
## thanks
Much better now, thanks. I'll report back if it comes back but it looks solved.
## thanks
Legend. Working again.
## thanks
Took two attempts but it's working now. Thank you so much!
## thanks
Can confirm this fixed it, thanks. Wish the app would just tell you this.
## thanks
Okay, that sorted it. Thanks everyone who chimed in.
## thanks
Spot on, thank you. Marked as solved.
## thanks
Perfect, that's done the trick. Really appreciate the help.
## thanks
Sorted! Thank you, I was about to box it up and send it back.
## thanks
It works! Thanks for being patient with me.
## thanks
That was it. Thanks, I owe you a coffee.
## thanks
All good now, thanks for the detailed write-up.
## fail
Tried all of that, unfortunately no change. Anything else I can try?
## fail
Did exactly this last night. Worked for about an hour and then the same thing started
again.
## fail
Thanks for the suggestion but no luck. Same behaviour as before.
## fail
Went through the steps twice now. Still happening, I'm starting to think it's a hardware
fault.
## fail
No difference here, sadly. Is there a way to send logs to Lumio from the app?
## fail
Nope, still the same. I even restarted everything in between, just in case.
## fail
Tried it, and it actually seems a little worse now. Any other ideas?
## fail
Still not fixed. I'm on {phone} if that makes any difference.
## fail
That didn't help unfortunately. Should I just contact support at this point?
## fail
Same problem after all of that. Getting a bit frustrated, to be honest.
## fail
Did that, no improvement. Thanks for trying though.
## fail
Hmm, no. Exactly the same after following every step.
## fail
I gave it a full day to be sure. It came back this afternoon, so not fixed.
## fail
Still happening. Happy to try anything else, I'd rather not send it in.
## metoo
Same here. {phone}, firmware {fw}. Started about a week ago.
## metoo
Exactly the same problem on my side, also on {fw}. Following this thread.
## metoo
+1, happening to me too. {phone} here.
## metoo
Glad it's not just me. Mine started doing this after the last update.
## metoo
Same issue. I'm on {phone} and firmware {fw}, so it doesn't look like a phone thing.
## metoo
Me too, pretty much word for word what you describe. Hoping someone has a fix.
## metoo
Adding myself to the list. Same symptoms, firmware {fw}.
## metoo
Can confirm, same here since the weekend. Tried a reset already, no change.
## metoo
Also seeing this. {phone}, latest app. Clicked "I have this problem too" as well.
## metoo
Same for me and my partner, two different phones ({phone} and an older one).
## metoo
Happening to me as well, every single day. Firmware {fw}.
## metoo
Yep, same thing here. I thought I'd broken something.
## metoo
Following. Identical issue on {phone}.
## metoo
I've got this too, it started right after updating to {fw}.
## metoo
Same. Support told me to reset it, which I did, and it came back within a day.
## metoo
Another one here. Mine is only a month old.
## metoo
Exactly what's happening to mine. I thought it was my {phone} at first, but I've tried two
phones.
## metoo
Same problem. It's been going on for about {days} days, and nothing I do changes it.
## metoo
I'm seeing this as well. {phone}, Lumio app {app}.
## metoo
Yes! Same here, so annoying. Subscribed to the thread.
## metoo
Joining the club. Mine does exactly this, especially in the evening.
## metoo
Same issue here, on {fw}. Contacted support, they sent me a link to this thread.
## metoo
Mine too. Bought it {days} weeks ago, so I was hoping it's not a fault.
## metoo
Hit the "I have this problem too" button but wanted to add: it's on {phone} for me.
## metoo
Ugh, same. Happened three times today already.
## metoo
Same symptoms on my unit, firmware {fw}. Let me know if you find anything.
## metoo
Also happening to me. Glad there's a thread about it, the search wasn't finding anything.
## metoo
Yep. Exact same thing since about a week ago. {phone}.
## metoo
My brother has the same problem with his {phone}, so it's definitely not just me.
## metoo
Same here, started after I updated the app to {app}.
## metoo
Same here on a {tv}. Started about a week ago.
## metoo
Exactly the same on my {tv}, firmware {fw}.
## metoo
Also happening on a {tv} here. Following.
## confirm
Had the same problem, this fixed it for me too. Thanks!
## confirm
Just adding that this worked for me as well, on {phone}.
## confirm
Worked for me too. Bookmarking this thread.
## confirm
Came here from a search, can confirm the steps above still work.
## confirm
Same fix worked on mine. Thank you all.
## confirm
Found this thread after an hour of searching. It worked, cheers.
## confirm
Can confirm. My second unit had the same issue and this sorted it.
## confirm
This should be pinned, it fixed mine too.
## confirm
Thanks for posting the solution, it helped me as well.
## confirm
Worked on firmware {fw} too, for anyone wondering.
## confirm
Tried it this morning, problem gone. Nice one.
## confirm
Just registered to say thanks, this fixed mine.
## confirm
Yep, worked here as well. Took two tries.
## confirm
Same result for me, all good now.
## confirm
Thank you, this worked for me on {phone} as well.
## confirm
Good thread. Fixed mine in five minutes.
## confirm
Had given up on this, then found this thread. Working now, thanks.
## confirm
Worked for me too, although I had to do it twice.
## confirm
Just chiming in to say this is still the fix.
## confirm
Confirmed on mine too. Thanks for coming back to mark the answer.
## confirm
That did it for me as well. Appreciate the clear steps.
## confirm
Works for me too. Saved me a trip to the shop.
## confirm
Same problem, same fix, same happy ending. Thanks!
## confirm
For anyone still reading: this works on {fw} too.
## confirm
Fixed mine as well. Shame this isn't in the manual.
## confirm
Can confirm this works. Thanks {helper}.
## confirm
Had this last week, the steps above sorted it. Cheers.
## confirm
Brilliant, this fixed mine as well.
## nod
Useful to know, thanks for asking this.
## nod
Bookmarking this, I had the same question.
## nod
Same question here, glad I found this thread.
## nod
Good to know. Thanks for the clear answer.
## nod
Saved me from opening a ticket, thanks.
## nod
This was exactly what I was looking for.
## nod
Thanks, this should really be in the FAQ.
## nod
Helpful thread, cheers.
## bump
Anyone? Still happening every day.
## bump
Bumping this, as I still don't have a fix. Any ideas welcome.
## bump
Quick update: still the same after a week. Would love to hear from Lumio on this.
## bump
Still looking for help with this one.
## bump
Any news? I'm still stuck.
## bump
Is anyone from Lumio reading these? A quick answer would be great.
## bump
Still no luck. I've now also tried it with my partner's {phone}, same result.
## bump
Up. Nothing has changed on my side.
## other_fail
Tried this too, no luck here.
## other_fail
Didn't work for me either, unfortunately.
## other_fail
I did these steps yesterday. Better for a few hours, then back to the same.
## other_fail
Same result here, it doesn't help. Hoping for a firmware fix.
## other_fail
That workaround didn't change anything on {phone}.
## other_fail
No luck for me, still happening after all of that.
## other_fail
I tried that last week, no difference on mine.
## op
Great replies, thanks everyone. Keep them coming!
## op
Some really good points here. I hadn't thought about that at all.
## op
Really enjoying reading all of these.
## op
Thanks for sharing, this is exactly what I was hoping to get out of this thread.
## op
Thanks, lots to think about here.
## op
Appreciate everyone taking the time to reply, this is why I like this forum.
## op
Didn't expect so many replies. Keep them coming!

@@ pool-it
kind: pool
lang: it
## thanks
Funziona! Grazie mille, non ci sarei mai arrivato da solo.
## thanks
Risolto, grazie. Segno la risposta come accettata così la trova anche qualcun altro.
## thanks
Fatto tutto come hai scritto e adesso va alla grande. Grazie {helper}!
## thanks
Era proprio quello. Grazie per la pazienza!
## thanks
Perfetto, problema sparito. Grazie dell'aiuto.
## thanks
Confermo, risolto. Due giorni senza problemi, quindi direi che ci siamo.
## thanks
Grazie, ha funzionato al secondo tentativo ma ora è tutto a posto.
## thanks
Ottimo, grazie! Stavo per rimandarlo indietro.
## thanks
Grande, tutto sistemato. Grazie a tutti per le risposte.
## thanks
Grazie mille, spiegazione chiarissima.
## fail
Provato tutto, purtroppo nessun cambiamento. Altre idee?
## fail
Fatto ieri sera, per un'oretta sembrava andare, poi di nuovo uguale.
## fail
Niente da fare, stesso problema. A questo punto contatto l'assistenza?
## fail
Ho rifatto tutti i passaggi due volte, ma non è cambiato nulla.
## fail
Purtroppo non ha funzionato. Ho anche riavviato il telefono, niente.
## fail
Ancora niente. Comincio a pensare che sia un difetto hardware.
## metoo
Stesso problema anche a me, {phone} e firmware {fw}.
## metoo
Anche io! Pensavo di essere l'unico. Seguo la discussione.
## metoo
Idem, da dopo l'ultimo aggiornamento. {phone}.
## metoo
Stessa cosa qui, tale e quale. Speriamo esca una soluzione.
## metoo
Mi aggiungo, stesso identico problema da una settimana.
## metoo
Capita anche a me, firmware {fw}. Già provato il reset, niente.
## metoo
Anche a me, e ho due telefoni diversi. Quindi non dipende dal telefono.
## metoo
Pure io, da circa {days} giorni. Non ho ancora trovato una soluzione.
## metoo
Stesso problema qui, app {app} su {phone}.
## metoo
Uguale! Ho anche contattato l'assistenza ma per ora niente.
## metoo
Anche a me, soprattutto la sera. Seguo.
## metoo
Confermo, capita anche al mio. Firmware {fw}.
## metoo
Anche a me, con una {tv}. Stesso identico comportamento.
## confirm
Avevo lo stesso problema, funziona anche per me. Grazie!
## confirm
Confermo, risolto anche sul mio {phone}.
## confirm
Arrivato qui da Google, funziona ancora. Grazie per aver condiviso.
## confirm
Ha funzionato anche a me, grazie mille.
## confirm
Confermo che va anche con firmware {fw}.
## confirm
Mi sono registrato solo per dire grazie: risolto anche il mio.
## confirm
Grazie, ha funzionato anche per me!
## confirm
Confermo anch'io, risolto in cinque minuti.
## confirm
Provato ora e funziona. Grazie {helper}!
## confirm
Stesso problema, stessa soluzione. Grazie mille.
## confirm
Ero disperato, ho trovato questa discussione e ho risolto. Grazie!
## nod
Utile, grazie per aver chiesto.
## nod
Avevo la stessa domanda, grazie a tutti.
## nod
Ottimo, mi salvo la discussione.
## nod
Chiarissimo, grazie.
## bump
Qualcuno ha idee? Il problema è ancora lì.
## bump
Aggiornamento: ancora uguale dopo una settimana. Qualcuno di Lumio legge?
## bump
Up, sono ancora bloccato.
## bump
Nessuna novità? Ho provato anche con un altro telefono, stessa cosa.
## other_fail
Provato anche io, niente da fare.
## other_fail
A me purtroppo non ha funzionato.
## other_fail
Fatto anche io, meglio per qualche ora e poi di nuovo da capo.
## op
Grazie a tutti, risposte utilissime!
## op
Bello leggere le vostre esperienze, continuate così.
## op
Interessante, non ci avevo proprio pensato.
## op
Non mi aspettavo così tante risposte, grazie davvero.
## op
Grazie, mi avete chiarito parecchi dubbi.
"""

_EARBUDS = """
@@ buds-pro-android-dropouts
category: earbuds
tags: bluetooth, firmware, android, buds-pro
product: buds-pro
versions: 3.4.0, 3.4.1
flags: long
## title
Buds Pro disconnect every few minutes since firmware {fw}
## title
Constant Bluetooth dropouts on Android after the latest Buds Pro update
## title
Buds Pro cutting out for 2-3 seconds at a time, {android}
## body
Since the update to **{fw}** on Sunday my Buds Pro drop the connection every five to ten
minutes. Audio stops, I hear the "disconnected" chime, and a few seconds later they come
back on their own.

Phone is a {android} on {aver}, Lumio app {app}. It never happened on the previous firmware.

What I've tried so far:

1. Restarted the phone
2. Forgot the buds in Bluetooth settings and paired again
3. Turned off Wi-Fi in case it was interference

Nothing changes. Is anyone else seeing this?
## body
Walking to work this morning my Buds Pro disconnected six times in twenty minutes. Phone in
my front pocket, so it's not a range thing. {android} running {aver}.

The buds are on firmware {fw}, which I installed a couple of days ago, and that's exactly
when it started. My old Buds Lite are fine with the same phone.

Anyone know if there's a way to roll back the firmware?
## body
Not sure if this is the phone or the buds. Since the last firmware ({fw}) the Buds Pro cut
out for two or three seconds several times an hour, and sometimes only the left bud drops.

Setup: {android}, {aver}, Spotify and YouTube Music (happens with both), HD audio enabled.
I've reset the buds once already (the 15 second hold on the case button), no change.
## clarify
Which codec is the phone using when it happens? On most Android phones you can see it
under `Settings > Developer options > Bluetooth audio codec`, or in the Lumio app under
`Device settings > Connections > HD audio`. It would help to know if it's LDAC/aptX or
plain AAC/SBC.
## detail
Good question. It's on the HD codec (the toggle in the Lumio app is on). I haven't tried
switching it off yet.
## fix
This is almost certainly the HD audio issue a lot of people hit on {fw}. Until there's a
new firmware, this workaround has been solid for me:

1. Open the Lumio app and go to `Device settings > Connections`
2. Turn **HD audio** off
3. In Android, go to `Settings > Connected devices`, tap the gear next to the Buds Pro and
   toggle *Media audio* off and on again
4. Put the buds back in the case for ten seconds, then take them out

You lose a bit of bitrate, but honestly I can't hear the difference on the bus.
## metoo
Same on a {android}. Firmware {fw}. Drops mostly when I'm walking, less at my desk.
## metoo
Happening here too. For what it's worth, my wife's iPhone with her Buds Pro on the same
firmware is fine, so it looks Android-specific.
## alt
I'd hold off on doing a full factory reset like some people suggest on Reddit. It wipes your
EQ and touch settings and it didn't help a single person in this thread as far as I can see.
Turning off HD audio is the least painful workaround until Lumio ships a fix.
## staff
Hi all, Ellie from the Lumio support team. Thanks for all the details in this thread, they
really helped our engineers reproduce it.

The dropouts come from a timing issue between the HD audio codec and some Android Bluetooth
stacks, introduced in 3.4.0. Firmware **3.4.2** fixes it and is rolling out now:

1. Open the Lumio app and go to `Device settings > Firmware update`
2. Keep both buds in the case with the lid open and the phone nearby
3. Don't close the app until it says the update is complete (about 8 minutes)

After updating you can switch HD audio back on. If you still get dropouts on 3.4.2, please
reply here with your phone model and I'll pick it up.
## thanks
That did it. Two hours of podcasts on the way to work and back and not a single dropout.
Thanks, and thanks everyone who added details here.
## fail
Turned HD audio off like suggested. It's better, but I still got two dropouts on the way
home.

@@ buds-anc-wind-whistle
category: earbuds
tags: noise-cancelling, buds-pro
product: buds-pro
## title
Whistling noise from the left Buds Pro when ANC is on
## title
High-pitched squeal in Buds Pro with noise cancelling outside
## title
Buds Pro ANC makes a feedback whine when it's windy
## body
When I turn on noise cancelling outside, the **left** bud starts making a high-pitched
whistle, a bit like feedback from a microphone. It's worse when it's windy or when I turn my
head. The right bud is fine. Indoors it's almost never a problem.

Firmware {fw}, app {app}. Bought them in March. Is this a defect?
## body
My Buds Pro have started whistling with ANC on. Not all the time: mostly on my bike or when
I'm walking along the seafront. Turning ANC off stops it immediately, transparency mode is
fine too.

They're about eight months old and it started a few weeks ago. Anyone else?
## body
Weird one. If I press slightly on the left bud while ANC is active I get a squealing sound
that goes away when I let go. Outside in the wind it does it by itself. I've tried the
other ear tip sizes already. On firmware {fw}.
## clarify
Does it still happen if you swap the ear tips between left and right? And have you run the
fit test lately (`Device settings > Noise control > Ear tip fit test`)? A whistle like that
usually means the seal isn't quite right.
## detail
Fit test says "Good seal" for the right and "Adjust" for the left. Swapping the tips moves
nothing, the left is still the one whistling.
## fix
That whistle is the feedback microphone hearing the speaker, which happens when air leaks
around the tip or the outer mic mesh is partly blocked. Try this:

1. Clean the small mesh on the outside of the bud with a dry, soft toothbrush (no liquid)
2. Run the fit test and go up one tip size if it says "Adjust"
3. Turn on **Wind reduction** in `Device settings > Noise control > Wind reduction`

Wind reduction lowers the ANC a touch outdoors but kills the squeal in the wind.
## fix
Had exactly this on mine. In my case it was earwax on the inner mesh, which you can see if
you look closely with a torch. A dry cotton bud rolled gently over the mesh sorted it out.
Afterwards redo the fit test, because the app recalibrates ANC based on it.
## alt
Cleaning is worth a try, but if it started suddenly after months of working fine and the
fit test keeps saying "Adjust" no matter what, I'd just contact support. Mine was a faulty
mic and they replaced the single bud under warranty within a week.
## fail
Did all of that and redid the fit test, which passes now. But outside on my bike the
whistling still starts after a minute or so.
## thanks
Cycled to work this morning with ANC on and not a single squeal. Thanks, I was about to
give up on noise cancelling outdoors.

@@ buds-lite-one-side-silent
category: earbuds
tags: pairing, buds-lite
product: buds-lite
## title
Right Buds Lite earbud has no sound at all
## title
Only the left bud works on my Buds Lite
## title
Buds Lite: one earbud stopped connecting after I dropped the case
## body
My right Buds Lite earbud has stopped playing anything. It lights up in the case and the
app shows its battery at 100%, but no sound comes out. The left one works fine.

Phone: {phone}. Firmware {fw}. I've already cleaned the speaker mesh.
## body
Yesterday the case fell off my desk (not far, maybe 70 cm). Since then only the left bud
connects. The right one flashes white for a moment when I take it out, then nothing. The
app only shows "L" in the battery widget.

Is there a way to get them talking to each other again?
## body
Only my left earbud plays audio. The right one does the connection chime but then stays
silent. Both are charged. Tried a different phone and it's the same, so I think it's the
buds.
## clarify
When you put both buds in the case and close the lid, do both charging lights come on? If
only one does, it might be dirty contacts rather than a pairing problem.
## detail
Both lights come on, and the app shows both batteries charging. It's just that the right
one never plays anything.
## fix
Sounds like the two buds lost their link with each other. A full reset re-pairs them:

1. Put **both** buds in the case and leave the lid open
2. Hold the button on the back of the case for **15 seconds**, until the light flashes
   amber and then white
3. Close the lid, wait ten seconds, open it again
4. Remove the old Buds Lite entry from your phone's Bluetooth list and pair again

The reset is the only thing that re-syncs left and right, so don't skip step 2.
## fix
Before resetting, check the metal contacts on the right bud and inside the case. A tiny bit
of dust or skin oil is enough to stop the case from "introducing" the buds to each other.
Wipe them with a dry cloth (or a cotton bud with a drop of isopropyl alcohol), then do the
15 second reset on the case.
## alt
If a reset doesn't bring it back, I wouldn't keep trying, especially if the case has ever
been dropped: that can knock the battery connector loose. Buds Lite have a one year
warranty and in my experience support
will send a single replacement bud.
## thanks
The 15 second reset did it. I had only been holding it for about 5 seconds before. Both
buds play again, thanks!

@@ buds-case-not-charging
category: earbuds
tags: charging, battery, buds-pro
product: buds-pro
## title
Buds Pro case not charging, light doesn't turn on
## title
Charging case won't charge with USB-C, earbuds are fine
## title
Buds Pro case completely dead, won't charge
## body
Plugged the Buds Pro case into the usual USB-C charger last night and this morning it was
still dead. No light when I plug it in, no light when I open the lid. The buds themselves
had a bit of charge left.

Cable and charger work fine with my phone. What else can I try before sending it back?
## body
My case has stopped charging with cable. If I put it on a wireless pad it sometimes charges,
sometimes not. The LED on the front stays off when plugged in. Case is about a year old,
firmware {fw}.
## body
I left my Buds Pro in a drawer for a week (travelling) and now the case won't show any sign
of life. I've left it plugged in for three hours with a laptop charger. Nothing. Any tricks?
## clarify
What kind of charger is it? Some of the big USB-C laptop chargers (65 W and up) don't
supply power until the device "asks" for it, and a fully drained case can't ask. Have you
tried a plain 5 V phone brick or a computer USB port?
## detail
It was a 65 W laptop charger, yes. I'll try an older phone charger tonight.
## fix
A completely flat case needs a gentle start. This has worked for me twice:

1. Use a simple 5 V charger or a USB port on a computer (not a fast charger)
2. Use a **USB-A to USB-C** cable if you have one
3. Leave it for at least 30 minutes before judging: the LED only comes on once the battery
   is above a minimum level
4. Once the LED shows, you can go back to your normal charger

If it still shows nothing after an hour on a basic charger, it's a warranty job.
## fix
Check the USB-C port with a torch. Mine had lint packed in the bottom from my coat pocket,
enough that the plug looked like it was in but didn't touch the pins. A wooden toothpick
(never metal) got a surprising amount out and it has charged fine since.
## alt
For the wireless-charging part: the Buds Pro case is quite picky about position. The coil
is nearer the hinge than the middle, so shift it a centimetre towards the back of the pad.
That won't explain the cable problem though.
## fail
Tried that and left it plugged in for two hours. Still no light, and the app can't see the
case either.
## thanks
Charging again! The light came on after about 20 minutes and it's been charging normally
since. Thanks!

@@ buds-calls-muffled-laptop
category: earbuds
tags: microphone, calls, windows, buds-pro
product: buds-pro
## title
People say I sound muffled on calls with Buds Pro and my laptop
## title
Buds Pro mic sounds terrible in video calls on Windows
## title
Microphone quality awful on laptop calls with Buds Pro, fine on the phone
## body
On phone calls the Buds Pro mic is great, but in Microsoft Teams on my {laptop} colleagues
say I sound like I'm "in a tin can". Also, as soon as the call starts, the music or call
audio drops to really low quality.

Firmware {fw}, Windows 11. Is this normal?
## body
I use my Buds Pro for work calls on a {laptop}. Zoom picks them up fine, but people keep
asking me to repeat myself. If I record a test in Windows Sound Recorder it sounds like an
old phone line. On my {phone} the same buds sound clear. Any settings I'm missing?
## clarify
In Windows, which device is selected as the microphone in Teams/Zoom? The buds show up
twice, usually as "Headphones (Lumio Buds Pro)" and "Headset (Lumio Buds Pro Hands-Free)".
## detail
The microphone is "Headset (Lumio Buds Pro Hands-Free)" because that's the only one with a
mic. The speaker was on the "Headphones" one.
## fix
That's the Bluetooth hands-free profile at work: as soon as a PC uses the buds' microphone
it has to switch to a low-bandwidth mode, and Windows handles that worse than phones do.
A few things help:

1. In Teams or Zoom, set **both** speaker and mic to the *Hands-Free* device, so Windows
   doesn't keep switching profiles
2. In the Lumio app, set `Device settings > Calls > Voice pickup` to **Beamforming**
3. Make sure Windows is up to date: Windows 11 23H2 and later support the better wideband
   speech mode, which the buds use automatically

Honestly, though, for long calls a USB headset or your laptop mic will always beat any
Bluetooth earbud on Windows.
## fix
What fixed it for me was turning off *wind reduction for calls* in the Lumio app
(`Device settings > Calls`). With it on, the buds cut the low frequencies hard, which
makes your voice thin when you're indoors anyway. After that my colleagues stopped
complaining.
## alt
Slightly different take: if your laptop has a decent built-in microphone, set that as the
input and keep the Buds Pro as output only. Then Windows never drops into hands-free mode
and you keep good audio both ways. That's what most people in my office ended up doing.
## thanks
Had a one hour call this morning and for once nobody asked me to repeat myself. Thanks for
explaining why it happens, too!

@@ buds-multipoint
category: earbuds
tags: multipoint, bluetooth, buds-pro
product: buds-pro
## title
Multipoint doesn't switch from laptop to phone on Buds Pro
## title
Buds Pro connected to two devices but won't switch between them
## title
How do I get Buds Pro multipoint to actually work?
## body
I turned on multipoint for my Buds Pro and they connect to both my {laptop} and my
{phone}. But when I'm listening to something on the laptop and a call comes in on the
phone, the call rings on the phone speaker instead. I have to disconnect the laptop
manually. Firmware {fw}.

Is multipoint supposed to work like this?
## body
Multipoint is on in the app, both devices show "connected", but audio stays stuck on
whatever started first. If I pause Spotify on the laptop and press play on the phone,
nothing comes out of the buds until I wait about 20 seconds, sometimes not at all.
## body
Just got Buds Pro specifically for multipoint (work laptop + personal phone). I can't
figure out how to make it switch. The app toggle is on but it behaves as if it isn't.
Firmware {fw}.
## clarify
Did you pair both devices **after** turning multipoint on, or were they already paired
before? And which of the two was connected first?
## detail
The laptop was paired months ago, the phone after. I turned multipoint on last week
without re-pairing anything.
## fix
Multipoint on Buds Pro only fully kicks in for devices paired after you switch it on. To
set it up cleanly:

1. In the Lumio app: `Device settings > Connections > Multipoint` on
2. Remove the buds from the Bluetooth list on **both** the laptop and the phone
3. Pair the phone first (hold the case button 3 seconds until the light pulses white)
4. Then pair the laptop the same way
5. Close the case lid, open it again: both should connect

After that, calls always take priority, and for media it switches when you **pause** on one
device and **play** on the other. Give it two or three seconds after pressing play.
## fix
One thing that catches people out: some laptop apps (Teams especially) keep the audio
stream open even when nothing's playing, so the buds think the laptop is still "in use"
and won't switch. Fully quit Teams or change its speaker to the laptop speakers, and
switching starts working.
## alt
Worth knowing: multipoint is only on the Pro. If anyone with Buds Lite finds this thread,
the toggle isn't there and it's not coming, Lumio confirmed that on launch. You'll have to
disconnect one device manually.
## thanks
That was it. A call just came in while I was watching a video on the laptop and the buds
switched straight over. Thank you!

@@ buds-lite-touch-sensitive
category: earbuds
tags: touch-controls, buds-lite
product: buds-lite
## title
Buds Lite keep pausing whenever something touches them
## title
Touch controls way too sensitive on Buds Lite
## title
Can I turn off the single tap on Buds Lite?
## body
The touch controls on my Buds Lite are driving me mad. Every time I push them in a bit,
or pull a beanie over my ears, the music pauses. Sometimes it skips tracks too. Is there a
way to make them less sensitive? I'm on {fw}.
## body
Running in the cold with a headband = constant pausing. The headband brushes the touch
area and the music stops. On my old earbuds I could disable touch entirely. Can I do that
on Buds Lite?
## body
Lying on my side in bed with one bud in, the pillow keeps triggering it. Volume jumps,
tracks skip. I've looked through the app and can't find a sensitivity setting.
## clarify
Which firmware and app version are you on? The touch options were reworked in 2.7, so
what you can change depends a lot on that. It's in `Device settings > About`.
## detail
App {app}, buds on {fw}. I think I skipped a couple of updates.
## fix
You have a few options in the Lumio app under `Device settings > Controls`:

1. **Single tap**: set it to *None* on both sides (you can keep double tap for play/pause)
2. **Touch sensitivity**: *Low* (this slider is only there from firmware 2.7 onwards, so
   update first if you don't see it)
3. **Touch lock**: when on, a quick tap-and-hold of two seconds unlocks the controls for
   ten seconds

I use option 1 and 2 together and haven't had an accidental pause since.
## fix
Update the buds first: `Device settings > Firmware update`. Since 2.7 there's a "Low"
touch sensitivity and it makes a huge difference. I wear a hat all winter and no more
random pauses.
## alt
I've got the same issue with headbands and none of the settings fully fixed it for me. What
works is just turning on **Touch lock** before a run. Slightly annoying to unlock, but no
surprises.
## thanks
A whole week with a beanie on and no accidental pauses. Thanks!

@@ buds-pro-battery-imbalance
category: earbuds
tags: battery, buds-pro
product: buds-pro
## title
Left Buds Pro earbud always dies an hour before the right
## title
Uneven battery drain between the two Buds Pro
## body
Every day my left bud is at 20% when the right is still at 55%. It's always the left.
They're five months old. Firmware {fw}, phone {phone}. Is one of my batteries failing?
## body
Long flight yesterday: the right bud lasted about 6 hours with ANC, the left died at a bit
over 4. Both were fully charged when I took them out. Is this within normal variation or
should I be claiming warranty?
## clarify
Do you use the left one for calls a lot, or do you ever use just one bud on its own? And is
**Automatic role switching** on (`Device settings > Connections`)?
## detail
I do a lot of calls, and I often use just the left bud for those. Role switching is...
off, apparently. I didn't know it was a thing.
## fix
That explains most of it. One bud acts as the "primary": it talks to the phone, relays
audio to the other one and handles the mic on calls, so it drains faster. With role switching
off it's always the same bud. Here's what to do:

1. Turn on `Device settings > Connections > Automatic role switching`
2. Do a full charge cycle: use them until one dies, then charge both to 100% in the case
3. Check again after a couple of days

A 10-15% difference at the end of the day is normal. If it's still more than 30% with role
switching on, contact support, they'll test it.
## fix
I had the same, it turned out the left bud was also the one running "wear detection" most
of the time because I keep it in longer. Normal behaviour, not a fault. Role switching
evened it out mostly, plus I stopped using the left one alone for calls.
## thanks
Turned role switching on. After a few days it's 45% vs 50% instead of 20 vs 55. Good enough
for me, thanks!

@@ buds-pro-fit-running
category: earbuds
tags: fit, sport, buds-pro
product: buds-pro
## title
Buds Pro keep falling out when I run
## title
Can't get a secure fit with Buds Pro for jogging
## title
Best ear tips for running with Buds Pro?
## body
I love the sound of my Buds Pro, but they slowly work their way out of my ears when I run.
After about 10 minutes I'm pushing them back in every few steps. The fit test says "Good
seal" for both when I'm standing still. Any tips? (Pun intended.)
## body
Twice now a Buds Pro bud has fallen out on a run, and the second time I spent five minutes
looking for it in the grass. I'm using the medium tips that came with them. Should I go up
or down a size?
## body
Training for a half marathon and the Buds Pro just won't stay put past 5 km. Sweat doesn't
help. I've tried all three tip sizes. Do the wing fins Lumio sells actually help?
## fix
A few things that made mine rock solid:

1. Go **up** one tip size, even if the fit test passes on the medium. Running needs more
   grip than sitting still
2. Insert them pointing slightly down, then rotate the bud backwards about 20 degrees so
   the stem sits along your jaw
3. Dry the tips after each run; a sweaty silicone tip slips more

The fit test only checks the seal, not how well they stay in when you move.
## fix
Foam tips changed everything for me. Memory foam expands into your ear canal and grips way
better than silicone with sweat. Any foam tips that fit the standard 4.5 mm nozzle work, you
don't need the Lumio-branded ones.
## alt
The wing fins from the Lumio shop work, but they make the buds not fit in the case
properly unless you take the fins off every time. I gave up on them. Foam tips were the
better fix for me.
## thanks
Did 12 km this morning without touching them once. Thanks, this was the last thing putting
me off running with them.

@@ buds-lite-update-stuck
category: earbuds
tags: firmware, update, buds-lite
product: buds-lite
flags: self
## title
Buds Lite firmware update keeps failing
## title
Update failed on Buds Lite, tried five times
## title
Can't update my Buds Lite firmware, any tricks?
## body
The Lumio app says there's an update for my Buds Lite, but when I tap install it sits at
0% forever. After ten minutes or so it says "Update failed (E-204)". I've tried about five
times. Phone is {phone}, app {app}, current firmware {fw}.
## body
My Buds Lite update gets to 40-60% and then fails with "Update failed, try again later".
I've restarted the phone and the buds. Is it safe to keep trying? I'm worried about
bricking them.
## body
Trying to update my Buds Lite from {fw}. Progress bar starts, then the app says the buds
disconnected. Both buds are in the case with the lid open, like the app says.
## clarify
How charged are the case and the buds? The update refuses to continue if the case is under
50%. Also, do you have battery saver on your phone?
## detail
The case was at about 60%. Battery saver... yes, it's on most of the time.
## fix
Updates are fragile over Bluetooth. This sequence works almost every time:

1. Charge the case above 50% and keep it plugged in during the update
2. Turn off your phone's battery saver / low power mode
3. Keep the phone screen on and the Lumio app in front the whole time
4. Put both buds in the case, lid open, right next to the phone
5. Start the update and don't touch anything for about 10 minutes

E-204 specifically means the connection dropped mid-transfer. Failed updates are safe to
retry: the buds keep running the old firmware until the new one is fully verified.
## fix
Disconnect any smartwatch or other Bluetooth device from the phone during the update. My
watch was hogging the Bluetooth radio and the update kept failing at exactly the same
point. With the watch off it went through first time.
## selffix
Sorted it myself in the end, so posting for the next person: my phone had less than 300 MB
of free storage. The app downloads the whole firmware file and unpacks it before sending it
to the buds, and with no space it just fails at random points with E-204.

Freed up 2 GB (old videos), tried again, and it finished in 7 minutes.
## fail
Did all of that. Failed again, this time at 52%.
## thanks
Went through first time, the buds are on the new firmware now. Thanks!

@@ buds-pro-video-lag
category: earbuds
tags: latency, windows, gaming, buds-pro
product: buds-pro
## title
Audio out of sync with video on Buds Pro (Windows)
## title
Buds Pro audio lags behind the picture on my PC
## title
Audio delay with Buds Pro on Windows, fine on wired headphones
## body
When I watch YouTube or Netflix in the browser on my {laptop}, the sound from my Buds Pro
is noticeably behind people's lips. Maybe a quarter of a second. On my phone it's fine.
Firmware {fw}. Any setting for this?
## body
Playing games on PC with the Buds Pro is rough: footsteps and gunshots arrive way after
the action. I know Bluetooth has some lag, but this feels like 300 ms. Is there a low
latency mode?
## body
Videos on my laptop have out-of-sync audio with the Buds Pro. Oddly, it's fine in the
Netflix app but bad in Chrome. {laptop}, Windows 11.
## fix
Two things to try:

1. Turn on **Low latency mode** in the Lumio app (`Device settings > Sound > Low latency`).
   It roughly halves the delay, at the cost of turning off HD audio while it's active
2. In Windows, make sure the output is the "Headphones" device and not the "Hands-Free"
   one; the hands-free profile adds extra delay

Video apps usually compensate for Bluetooth delay, browsers less so. For competitive gaming
nothing Bluetooth will feel like a cable, but low latency mode gets it playable.
## fix
Low latency mode in the app helped me a lot. Also, if you're on an old Bluetooth dongle
or the laptop's built-in adapter is Bluetooth 4.x, that makes things worse. A cheap
Bluetooth 5.3 USB adapter cut the delay noticeably on my desktop.
## alt
For games specifically I'd go wired. Low latency mode is fine for YouTube, but in shooters
I still notice it. It's the nature of Bluetooth, not something Lumio can fully fix.
## thanks
Low latency mode fixed YouTube completely, and games are much better. Thanks!

@@ buds-lite-quiet-iphone
category: earbuds
tags: volume, ios, buds-lite
product: buds-lite
## title
Buds Lite max volume really quiet on iPhone
## title
Why is my Buds Lite so quiet even at 100% volume?
## body
Even at full volume my Buds Lite are barely loud enough on the train. With my old earbuds
on the same {iphone} it was much louder. Firmware {fw}, {ios}. Am I missing a setting?
## body
New Buds Lite, noticeably quieter than my friend's pair on her phone. I'm on an {iphone}.
Some songs are fine, podcasts are especially quiet. Is there a volume limit somewhere?
## clarify
Have you checked the iPhone's own headphone settings? `Settings > Sounds & Haptics >
Headphone Safety` has a *Reduce Loud Audio* option that caps volume for all headphones.
## detail
Reduce Loud Audio was on, set to 85 dB. I never turned that on myself.
## fix
iPhones limit headphone volume in a few places, check all of them:

1. `Settings > Sounds & Haptics > Headphone Safety > Reduce Loud Audio`: off or raise it
2. `Settings > Music > Volume Limit` (older iOS) or the *Sound Check* toggle in
   `Settings > Music`, which lowers loud tracks
3. In the Lumio app, `Device settings > Sound > Volume boost` on (firmware 2.7 and later)

Podcasts are often mastered quieter than music, so they'll always be a bit lower.
## fix
Volume boost in the Lumio app is the big one for me. It's hidden under
`Device settings > Sound` and is off by default. Made the Lite almost as loud as my
old wired headphones.
## thanks
Turned off Reduce Loud Audio and switched Volume boost on. Much louder now, thanks!
"""

_SPEAKERS = """
@@ home-offline-after-update
category: speakers
tags: wi-fi, firmware, lumio-home
product: home
versions: 5.2.0, 5.2.1
flags: long
## title
Lumio Home keeps going offline since update {fw}
## title
"Device unavailable" on Lumio Home several times a day
## title
Lumio Home drops off Wi-Fi and only a power cycle brings it back
## body
Since my Lumio Home updated itself to **{fw}** last week, it drops off the network several
times a day. The app shows "Device unavailable", voice commands get "I'm having trouble
connecting", and the only fix is pulling the plug.

Router is a {router}. Nothing else in the house has connection problems. Before the update
it had been rock solid for over a year.
## body
Every morning my Lumio Home is offline and the light ring pulses orange. Unplug, plug back
in, it's fine all day, then the next morning it's offline again. Firmware {fw}, router
{router}. The alarm I set on it didn't go off twice this week because of this, which is
the real problem.
## body
Anyone else's Lumio Home disconnecting from Wi-Fi randomly since {fw}? Mine goes at least
three times a day. I've already:

1. Restarted the router
2. Removed the speaker from the app and set it up again
3. Moved it closer to the router

Same thing. Router: {router}.
## clarify
Is your router a mesh system, or does it use one network name for both 2.4 GHz and 5 GHz
("band steering" / "smart connect")? That's behind most of these reports.
## detail
Yes, one network name for both bands, and it's a mesh with two nodes. I never changed any
settings on it.
## fix
Until there's a firmware fix, this helped a lot of people on the older 5.x releases too:

1. In your router's admin page, give the Lumio Home a **fixed IP address** (it's called
   DHCP reservation on most routers). You find the speaker's MAC address in the app under
   `Home > Settings > About`
2. If your router lets you, turn off *band steering* for that device, or create a separate
   2.4 GHz network just for smart-home stuff
3. Unplug the speaker for 30 seconds and plug it back in

Mine went from dropping daily to zero drops in two weeks.
## metoo
Same here, also since {fw}. Router {router}. Goes offline roughly every 12 hours.
## metoo
Adding to the pile. Two Lumio Homes, both dropping since the update, both on a {router}.
## alt
Before anyone spends an evening reconfiguring their router: this is pretty clearly a
firmware regression. Everything was fine on 5.1.8 and nobody changed their routers at the
same moment. The workaround helps, but Lumio needs to fix it properly.
## staff
Hi everyone, Ellie from Lumio support. We're sorry about the disruption, especially the
missed alarms.

We found the cause: after a router renews the speaker's network lease, firmware 5.2.0 and
5.2.1 sometimes don't reconnect. **5.2.3** fixes it and is being installed automatically
overnight. To get it sooner:

1. Open the Lumio app and tap your speaker
2. Go to `Home > Settings > Firmware` and tap **Check for update**
3. Keep the speaker plugged in until the light ring turns white again (about 5 minutes)

You can keep the DHCP reservation, it doesn't hurt. If your speaker still drops after
5.2.3, please post here with your router model.
## thanks
It's been stable for four days now, not a single "Device unavailable". Thanks everyone.
## fail
Set a fixed IP for it yesterday. Was fine overnight, then offline again by lunchtime.

@@ home-setup-wifi-error
category: speakers
tags: setup, wi-fi, lumio-home
product: home
## title
Lumio Home setup fails at the Wi-Fi step
## title
Can't finish setting up my new Lumio Home
## title
New Lumio Home won't join my Wi-Fi during setup
## body
Just unboxed a Lumio Home. The app finds it, I pick my network and type the password, then
it sits on "Connecting to Wi-Fi..." for a minute and fails with **error 0x31**. Tried about
six times. Password is definitely right (copied it). {phone}, app {app}.
## body
Setup of my Lumio Home gets stuck at the Wi-Fi step every time. The speaker says "Let's
connect to Wi-Fi" and then, after a while, "Setup didn't complete". My router is a
{router}. Other devices connect without trouble.
## body
Bought a Lumio Home for my dad and I'm trying to set it up at his place. It won't connect
to his Wi-Fi. The app just says "Something went wrong (0x31)". His network name has an
apostrophe in it, if that matters.
## clarify
Does your network use WPA3 only? And is the 2.4 GHz band switched on? The Lumio Home sets
up over 2.4 GHz first, even though it can use 5 GHz afterwards.
## detail
Checked the router: security is "WPA3-Personal" only. 2.4 GHz is on.
## fix
0x31 means the speaker couldn't authenticate with the network. Usual causes:

1. **WPA3-only** networks: switch the router to *WPA2/WPA3 mixed* (also called transition
   mode). The Home supports WPA3 after setup, but not during it
2. **Special characters** in the network name or password, like apostrophes, emojis or
   accented letters. Rename the network or use a guest network for setup
3. **Android**: make sure Location is on and the Lumio app has the *Nearby devices*
   permission, otherwise the handover silently fails

Once it's set up you can switch the router back.
## fix
Had 0x31 on two Lumio Homes. What worked: setting up from a different phone. My phone
kept failing, my partner's phone did it first try. No idea why, but it's worth trying
before changing router settings.
## alt
If none of that works, try the setup with the phone's mobile hotspot first and then change
the Wi-Fi from the app (`Home > Settings > Wi-Fi`). It's a silly detour but it proves
whether the problem is the speaker or the router.
## thanks
Set up and playing music. Thank you, I'd have returned it otherwise.
## fail
Tried that, error 0x31 again. Starting to think the speaker is faulty.

@@ home-wake-word-tv
category: speakers
tags: voice, lumio-home
product: home
## title
Lumio Home wakes up randomly when the TV is on
## title
"Hey Lumio" triggering by itself during films
## title
How to make the Lumio Home wake word less sensitive?
## body
My Lumio Home sits next to the TV and wakes up constantly when we watch anything. Light ring
goes blue, it listens, then says "Sorry, I didn't get that". Happened four times during one
episode last night. Is there a sensitivity setting? Firmware {fw}.
## body
The wake word triggers on all sorts of things: people on the radio, my daughter's
cartoons, even the dishwasher once. It's a bit creepy honestly. Can I tune it down?
## body
Our Lumio Home answered a question nobody asked in the middle of a film. Three times. Is
there any way to stop false activations short of muting the mics?
## fix
There is a setting, it's just buried: `Home > Settings > Voice > Wake word sensitivity`.
Move it one or two steps towards **Less sensitive**. It's per speaker, so do it for each one.

Also worth doing:

1. Move the speaker at least a metre away from the TV's speakers if you can
2. Turn on `Voice > Show activations`: you'll get a list in the app of what woke it up,
   which helps you find the culprit
## fix
Lower the wake word sensitivity in `Home > Settings > Voice`. If the TV is the main
problem, you can also set a routine that mutes the mics while the TV is on (in
`Routines > New > When the TV turns on`, if your TV is connected via the app).
## alt
I tried lowering sensitivity and it then stopped hearing *me* half the time. Ended up just
switching wake word to "Okay Lumio" instead of "Hey Lumio" (same menu). For some reason
false triggers dropped way more than with the slider.
## thanks
Sensitivity down two notches and it's been quiet through a whole film. Thanks!

@@ home-stereo-pair
category: speakers
tags: stereo-pair, lumio-home
product: home
## title
Problems with a stereo pair of two Lumio Home speakers
## title
Lumio Home stereo pair not working properly
## title
Can't get two Lumio Homes to behave as a stereo pair
## body
Bought a second Lumio Home to make a stereo pair. In the app the *Stereo pair* option is
greyed out and says "Speakers must be ready". Both work fine on their own. What does
"ready" mean?
## body
I have two Lumio Homes in the living room. When I try to pair them as stereo the app says
"Couldn't create the pair, try again later". Tried several times over two days.
## body
My stereo pair mostly works, but every so often the right speaker goes out of sync by a
fraction of a second and you get an echo. Regrouping fixes it for a while.
## clarify
Are both speakers on the same firmware? Check in `Home > Settings > About` on each one.
And are they in the same room in the app?
## detail
One says {fw}, the other says 5.1.4. And they were in different rooms in the app because I
first had the new one in the kitchen.
## fix
Stereo pairs need both speakers on the **same firmware** and in the **same room**:

1. Update both speakers (`Home > Settings > Firmware > Check for update`)
2. Move both into the same room in the app (`Rooms > Living room > Add speaker`)
3. Then `Rooms > Living room > Stereo pair` and follow the left/right test

For sync drift: it's almost always Wi-Fi. If one speaker has weak signal it falls behind.
Put them both on the same access point or connect one by Ethernet.
## fix
Had trouble creating a pair too. Restarting both speakers at the same time
(unplug both, plug both back in) and then pairing straight away worked for me. I think
they need to find each other on the network first.
## thanks
Working! Paired on the first try this time, and the stereo image is great.
## fail
Tried that. Still "Couldn't create the pair", every single time.

@@ home-spotify-connect
category: speakers
tags: spotify, wi-fi, lumio-home
product: home
flags: self
## title
Lumio Home not showing up in Spotify Connect
## title
Spotify can't find my Lumio Home anymore
## title
Lumio Home missing from Spotify device list on my phone
## body
The Lumio Home shows up in the Lumio app and works with voice, but it's gone from the
Spotify Connect list on my {phone}. It used to be there. Spotify on my laptop can't see it
either. Router: {router}.
## body
Spotify Connect to my Lumio Home stopped working. The device just isn't in the list. I've
logged out and back into Spotify. The speaker is on {fw}.
## body
Lumio Home appears in Spotify only sometimes. I'll open the app and it's there, an hour
later it's gone. Really annoying when you want to put music on for guests.
## clarify
Is your phone on the same Wi-Fi network as the speaker? Some routers put devices on a
separate "guest" or IoT network by default, and Spotify Connect can't cross that.
## detail
I checked and the speaker is on the main network, same as my phone. No guest network.
## fix
Spotify Connect finds speakers with a discovery protocol (mDNS) that some routers filter.
Try in this order:

1. In the Lumio app, `Home > Settings > Music services > Spotify`: unlink, then link again
2. Restart the speaker and the router
3. In the router, look for **AP isolation**, **client isolation** or **multicast
   filtering**/IGMP snooping and turn it off
4. If you have a mesh system, make sure it's not in "bridge mode" on one node only

Number 3 was my problem, on a mesh system.
## fix
Quick fix that works for me every time: say "Hey Lumio, play Spotify". Once it's playing
via voice, the speaker shows up in Spotify Connect again on all my devices. Not a real fix
but it gets you going.
## alt
For what it's worth I gave up on Spotify Connect and use AirPlay from the phone instead.
Works every time. Not great if you're on Android though.
## selffix
Figured it out myself in the end, so posting it for the next person: it was the **VPN app**
on my phone. With the VPN on, the phone can't see anything on the local network, so Spotify
only lists devices it knows from the cloud, and the speaker drops off after a while.

In the VPN app I added my home Wi-Fi as a *trusted network* (the VPN switches off at home)
and the Lumio Home has been in the Spotify list ever since.
## thanks
It's back in the Spotify list and has stayed there for two days now. Thanks!

@@ home-airplay-missing
category: speakers
tags: airplay, ios, lumio-home
product: home
## title
AirPlay can't find my Lumio Home anymore
## title
Lumio Home gone from the AirPlay list on iPhone
## body
New router ({router}) last weekend. I set the Lumio Home up on the new Wi-Fi through the
app and it works, but it no longer appears in the AirPlay list on my {iphone}. Spotify
Connect works fine.
## body
Lumio Home has disappeared from AirPlay on my iPhone and Mac. It shows in the Apple Home app
as "No response". The speaker itself is online and plays radio on voice command. {ios}.
## fix
After a network change (new router, new Wi-Fi password) Apple's side often still has the
old speaker entry. This fixed it for me:

1. In the Apple **Home** app, remove the Lumio Home (long press > settings > Remove)
2. In the Lumio app: `Home > Settings > AirPlay & HomeKit`, toggle AirPlay off and on
3. Tap **Add to Apple Home** and scan the code shown in the app

It appears in the AirPlay list right after that.
## fix
Check that IPv6 isn't half-enabled on the new router. AirPlay uses it for discovery, and
some routers ship with IPv6 on but broken. Turning it off completely (or on completely)
brought my speakers back.
## thanks
It's back in the AirPlay list on my phone and my Mac. Thanks!

@@ go-charges-to-80
category: speakers
tags: battery, charging, lumio-go
product: go
## title
Lumio Go won't charge past 80%
## title
Lumio Go battery stuck at 80 percent when charging
## title
Why does my Lumio Go stop charging at 80%?
## body
My Lumio Go has stopped charging at 80%. I've left it plugged in overnight and the app
still says 80%. It used to go to 100%. Is the battery wearing out already? It's about
eight months old. Firmware {fw}.
## body
Lumio Go always shows 80% when I take it off the charger. Tried a different cable and
charger. Is this a bug?
## body
Going camping this weekend and my Lumio Go won't charge above 80%. Anyone know how to get
it to 100?
## fix
That's **Battery care**, not a fault. Since firmware 2.1 the Go stops at 80% when it's
plugged in a lot, to make the battery last longer. To charge to 100%:

1. Open the Lumio app and tap the Go
2. `Device settings > Battery > Battery care`: turn it off

Or leave it on and just tap **Charge to 100% once** on the same screen before a trip.
## fix
It's the Battery care feature, which I think got switched on by default in the last
update. You can turn it off in the app under `Device settings > Battery`. I'd leave it on
for everyday use, though: keeping lithium batteries at 100% all the time wears them faster.
## thanks
Battery care was on. Charged to 100% for the trip, thanks!

@@ go-partylink-drops
category: speakers
tags: partylink, bluetooth, lumio-go
product: go
## title
PartyLink between two Lumio Go keeps dropping
## title
Second Lumio Go cuts out in PartyLink mode
## body
I have two Lumio Go speakers linked with PartyLink. The second one cuts out every few
minutes for a couple of seconds, then comes back. They're in the same room, maybe four
metres apart. Firmware {fw} on one, not sure about the other.
## body
PartyLink worked great at first but now the "secondary" speaker drops out constantly.
Sometimes it disconnects completely and I have to set it up again. Both speakers are about
a year old.
## clarify
Are both speakers on the same firmware? PartyLink is picky: mixed versions cause exactly
this. You can check under `Device settings > About` for each Go.
## detail
One is on {fw}, the other on 2.0.3. I didn't even realise they updated separately.
## fix
Update both to the latest version, because PartyLink needs matching firmware:

1. Connect each Go to the app on its own (turn the other one off)
2. `Device settings > Firmware update` on each one
3. Turn both off, then on, and hold the PartyLink button on the first one until it beeps
4. Press PartyLink on the second one

Also keep them within about 10 metres with a clear line of sight. Bodies absorb Bluetooth,
so in a crowded room they need to be closer.
## fix
The speaker your phone is connected to is the one doing all the work, so keep the phone
close to **that** one, not the second. Once I stopped walking around with my phone, the
drops stopped.
## thanks
They stayed linked for a whole barbecue without a single drop. Thanks!

@@ go-distorted-after-rain
category: speakers
tags: water, sound, lumio-go
product: go
## title
Lumio Go sounds distorted after getting wet
## title
Lumio Go crackling at high volume since it got wet
## body
Took my Lumio Go to the beach and it got caught in a downpour. It's waterproof (IP67), so I
didn't worry. Since then, at anything above half volume, the bass sounds buzzy and
distorted. Is it damaged?
## body
My Lumio Go fell in the pool for a couple of seconds. It works, but it crackles at high
volume, especially on bass-heavy songs. It's been two days.
## fix
Most likely there's still water behind the speaker grille. IP67 means it survives water,
not that water can't get into the space in front of the driver.

1. Turn it off, hold it grille-down and shake gently
2. Play the **Water eject** tone: `Device settings > Sound > Water eject` in the app (it's a
   low tone that pushes water out), three times in a row
3. Leave it somewhere dry and airy for 24 hours. **No** hair dryer, no rice

If it's still distorted after that, contact support: it's covered.
## fix
Water eject tone in the app, a few times, grille facing down. Mine did the same after a
dunk and was back to normal the next day.
## alt
Did you rinse it after the beach? Salt and sand dry into the grille and can make the driver
buzz. Rinse it with fresh water, then do the water eject and dry it. Pool water has chlorine
that's also worth rinsing off.
## thanks
Water eject three times and a night on the windowsill. Sounds perfect again. Thanks!
## fail
Did all that and waited a day. Still crackles above 60% volume.

@@ home-alarm-missed
category: speakers
tags: alarm, lumio-home
product: home
## title
Lumio Home alarm didn't go off this morning
## title
Lumio Home alarms unreliable, anyone else?
## title
Lumio Home alarm silent even though the app shows it's set
## body
Overslept thanks to my Lumio Home. Alarm was set for 6:30 on weekdays, the app shows it's
on, but nothing happened. The speaker was online (it responded to voice when I finally got
up). Firmware {fw}.
## body
Since the clocks changed on Sunday, my alarms on the Lumio Home go off an hour late. The
time on the speaker (when I ask "what time is it?") is correct.
## body
Set an alarm by voice last night, "Hey Lumio, wake me up at 7". It confirmed. Nothing at 7.
Set one in the app instead and it worked. Anyone else?
## clarify
Which time zone is set for the speaker in the app? (`Home > Settings > Time zone`.) It
doesn't always follow your phone.
## detail
It says "UTC" in the app. That can't be right, I'm in the UK.
## fix
Alarms use the speaker's own time zone, not your phone's. Fix it like this:

1. Open the Lumio app, tap the speaker
2. `Home > Settings > Time zone`: turn on **Automatic**, or set your city manually
3. Check your alarms afterwards, because they may have been shifted and need editing
4. Update the firmware too: 5.1.8 had a known bug with alarms around daylight saving

Voice alarms also use this time zone, which is why they can be off by exactly an hour.
## fix
Delete the alarm and create it again after fixing the time zone. Just fixing the zone
didn't move my existing alarms, only new ones rang at the right time.
## thanks
Time zone was the problem. Alarm rang on time this morning. Thanks!

@@ home-boomy-bass
category: speakers
tags: sound, equaliser, lumio-home
product: home
## title
Lumio Home sounds boomy and muddy in my living room
## title
Too much bass on Lumio Home, voices hard to understand
## body
Love the Lumio Home for music but podcasts and talk radio sound muddy, like everyone has a
cold. Too much bass. It sits on a shelf in the corner of the living room. Any tips besides
turning the bass all the way down?
## body
The bass on my Lumio Home makes the shelf it's on buzz, and the sound is boomy in general.
I've tried the EQ but it doesn't seem to change much.
## fix
Corners double the bass, so a speaker there will always be boomy. Things that help:

1. Run **Room tuning** (`Home > Settings > Sound > Room tuning`). It plays some test tones
   and adjusts the bass for the room. Takes 2 minutes
2. Pull it at least 20 cm away from the walls if you can
3. Put it on something solid, or on a small foam pad, so the shelf doesn't resonate
4. Then fine-tune with the EQ: bass -2 is a good starting point

Room tuning made a bigger difference than I expected.
## fix
Run room tuning in the app, then turn on **Speech enhancement** (`Sound > Speech`) for
podcasts. It lifts voices without killing the bass for music.
## alt
Small correction: room tuning only works if you leave the room quiet while it runs. My first
attempt with the dishwasher on made it *worse*. Redo it in silence if you tried before.
## thanks
Room tuning plus moving it off the corner. Podcasts are clear now. Thank you!
"""

_WEARABLES = """
@@ watch-battery-drain
category: wearables
tags: battery, firmware, watch-2
product: watch
versions: 1.9.0, 1.9.1
flags: long
## title
Watch 2 battery lasts less than a day since LumioOS {fw}
## title
Lumio Watch 2 battery drain after the latest update
## title
Watch 2 battery draining much faster than it used to
## body
Before the update my Watch 2 easily did four days. Since LumioOS **{fw}** I'm charging it
every night, and this morning it was at 12% by 4 pm. Same settings as before, as far as I
know. Paired with a {phone}.

Anyone else?
## body
Put my Watch 2 on the charger at 100% at 10 pm, wore it to bed, and it was at 61% when I
woke up. That's with sleep tracking, which never used more than 8-10% a night before.
LumioOS {fw}, app {app}.
## body
My Watch 2 battery graph in the app shows a steady drop of about 10% per hour, whether I'm
working out or sitting at my desk. It's hot on the back, too. Restarted it twice. LumioOS
{fw}.
## clarify
What does the battery screen in the app say is using the most? (`Watch settings > Battery >
Usage by feature`.) And is the always-on display on?
## detail
Always-on is off. The usage screen says "GPS: 38%", but I haven't done a workout in two
days. Weird.
## fix
Sounds like a workout or app holding the GPS open in the background, which is what a lot
of the 1.9 reports look like. Try this:

1. On the watch, swipe up and check there's no workout paused in the background
2. Restart the watch: hold the side button 10 seconds until the logo appears
3. In the app, turn off `Watch settings > Health > Continuous SpO2` for now (it also keeps
   sensors awake)
4. Check `Watch settings > Battery > Usage by feature` again tomorrow

If GPS still shows high use with no workouts, it's the bug, not your settings.
## metoo
Same here on {fw}. I'm getting about 30 hours out of it, used to be four days.
## metoo
Mine gets warm on the back while sitting still too. LumioOS {fw}, paired with a {phone}.
## alt
I turned off every feature I could find and it still drained. I'd just wait for a fix
rather than crippling the watch. This is clearly a software problem.
## staff
Hi all, Ellie from Lumio here. Thank you for the reports and the usage screenshots.

In LumioOS 1.9.0 and 1.9.1 the GPS could stay on after a workout was saved from the phone.
**LumioOS 1.9.2** fixes it and is rolling out now:

1. Put the watch on its charger (it only updates while charging)
2. In the app, `Watch settings > Software update > Check now`
3. Leave it on the charger until it restarts (about 15 minutes)

After the update, restart the watch once more and give it a day: the battery estimate
needs a full cycle to settle. If it still drains faster than 5% an hour, please reply here.
## thanks
Back to well over three days of battery. Thanks to everyone who helped narrow it down.
## fail
Did all of that. Better for a day, and today it's back to draining like crazy.

@@ watch-notifications-android
category: wearables
tags: notifications, android, watch-2
product: watch
## title
Watch 2 stopped showing notifications from my Android phone
## title
Missing notifications on Lumio Watch 2 (Android)
## title
Lumio Watch 2 notifications stopped working properly
## body
My Watch 2 was showing notifications fine for months, and now nothing: no messages, no
calls, no WhatsApp. The watch is connected (steps sync fine). {android} on {aver}. I didn't
change any settings but the phone did update recently.
## body
I only get notifications on my Watch 2 if I open the Lumio app on the phone. Then a whole
batch arrives at once, twenty minutes late. Phone: {android}.
## body
Calls still show on my Watch 2, but app notifications (WhatsApp, Gmail, Slack) stopped
yesterday. Toggling them off and on in the app didn't help.
## clarify
Which phone is it exactly? Samsung, Xiaomi and OnePlus all have their own battery
optimisation that kills the Lumio app in the background, and each hides the setting in a
different place.
## detail
It's a {android}. I've never touched the battery settings.
## fix
Android loves to put companion apps to sleep. Check these three things:

1. `Settings > Apps > Lumio > Battery`: set to **Unrestricted** (not "Optimised")
2. `Settings > Notifications > Device & app notifications` (on some phones *Notification
   access*): make sure **Lumio** is allowed. This toggle sometimes resets after an Android
   update
3. On Xiaomi/Redmi: also `Settings > Apps > Lumio > Autostart` on. On Samsung: remove Lumio
   from `Battery > Background usage limits > Sleeping apps`

Then restart the phone. Notifications should come through immediately after that.
## fix
For me it was the notification access toggle. The Android update had quietly revoked it.
Open the Lumio app, go to `Watch settings > Notifications` and tap the yellow banner that
says *Permission needed*. It takes you straight to the right screen.
## alt
If it's only WhatsApp: WhatsApp has its own notification settings, and if you have "Show
notifications" off for a chat or group in WhatsApp itself, the watch gets nothing either.
Caught me out for a week.
## thanks
Notifications are coming through again, instantly. Thanks!
## fail
Done all of that. Worked for the rest of the day, but this morning nothing again.

@@ watch-hr-spikes
category: wearables
tags: heart-rate, running, watch-2
product: watch
## title
Watch 2 heart rate jumps way too high during exercise
## title
Heart rate readings on Lumio Watch 2 look wrong during workouts
## title
Is the Watch 2 heart rate sensor faulty? Crazy readings when exercising
## body
First 10 minutes of every run my Watch 2 shows heart rate in the 170s-180s, which is
impossible for the pace I'm doing (easy, conversational). Then it drops to about 140 and
seems normal. Wearing it on the left wrist, fairly snug. LumioOS {fw}.
## body
My Watch 2 heart rate during cycling is all over the place: 95, then 170, then 120. My
friend's chest strap says I'm steady around 135. Is the sensor faulty?
## body
Winter running and the Watch 2 heart rate readings are nonsense. It locks onto what I think
is my cadence (around 170). Summer was fine.
## fix
That's the classic "cadence lock": the optical sensor picks up your arm movement instead of
your pulse, especially when it's cold and blood flow to the wrist is low. Things that help:

1. Wear the watch **two fingers above** the wrist bone, not on it
2. Tighten the strap one notch for workouts, loosen it afterwards
3. In cold weather, wear it **under** your sleeve (it needs skin contact, the sleeve keeps
   the wrist warm) and warm up for a few minutes before starting the workout
4. For interval or cycling workouts, pair a chest strap: `Workouts > Sensors > Add`

Cycling is hard for wrist sensors because your wrist is bent on the handlebars.
## fix
Make sure the back of the watch is clean. Sunscreen and sweat residue on the sensor window
made mine go crazy. A wipe with a slightly damp cloth and it's been fine since.
## alt
Honestly, no wrist-based HR is good for intervals or cycling. If you care about the data,
get a chest strap and pair it with the watch. Everything else is a compromise.
## thanks
Two runs since and the numbers finally look believable. No more 180s on easy jogs.

@@ watch-sleep-missing
category: wearables
tags: sleep, watch-2
product: watch
## title
Watch 2 not recording sleep some nights
## title
Sleep data missing in the Lumio app even though I wore the watch
## body
About two nights a week my Watch 2 just doesn't record any sleep. I wear it every night,
it's charged. The app shows a gap, like I didn't sleep at all. LumioOS {fw}, app {app}.
## body
My sleep tracking only works if I go to bed before midnight. Last night I went to bed at
1 am and the app shows nothing. The night before, 11 pm, all fine. Coincidence?
## clarify
Do you wear it loose at night? And is *Sleep detection* set to **Automatic** or to a
schedule (`Watch settings > Health > Sleep`)?
## detail
It's set to a schedule from 22:30 to 7:00. And yes, I wear it pretty loose in bed.
## fix
Two likely causes:

1. **Schedule mode**: if sleep detection uses a schedule, sleep that starts outside the
   window can be dropped. Switch to **Automatic** in `Watch settings > Health > Sleep`
2. **Too loose**: if the heart rate sensor loses contact for long stretches, the watch
   can't tell sleep from "not wearing it". One notch looser than daytime is fine, more isn't

Also, naps under about three hours aren't recorded as sleep at all, which is by design.
## fix
Try syncing manually in the morning (pull down on the Today screen). I've had nights that
"weren't there" and then appeared after a manual sync, because the watch hadn't pushed the
data yet.
## thanks
Every night recorded this week, including a late one on Saturday. Thanks!

@@ watch-gps-short
category: wearables
tags: gps, running, watch-2
product: watch
## title
Watch 2 GPS distance always short on runs
## title
Zig-zag GPS track and wrong distance on Lumio Watch 2
## title
Watch 2 GPS not accurate enough for running
## body
I run the same 10 km route every weekend (measured on a map and with my old watch). The
Watch 2 consistently says 9.3-9.5 km. The GPS track zig-zags a lot near tall buildings.
Any settings to improve accuracy? LumioOS {fw}.
## body
My GPS track from this morning looks like I was running through people's gardens. Distance
was 400 m short. Watch 2 with the phone left at home.
## body
Is the Watch 2 GPS just not very good? My route in the city centre is always short and
the pace jumps around. In the park it's fine.
## fix
A few things make a big difference:

1. **Wait for the GPS lock** before you start: the GPS icon turns solid green. Starting
   while it's still searching costs you the first few hundred metres
2. Turn on `Workouts > GPS mode > All systems` (GPS + Galileo + GLONASS). Uses a bit more
   battery but much better between buildings
3. Sync the watch with the app before heading out. It downloads satellite position data
   (A-GPS) which makes the lock faster and more accurate

In city centres with tall buildings, no wrist GPS is perfect, but "all systems" helped me
the most.
## fix
Switch GPS mode to *All systems* in the workout settings. My 10k went from 9.4 to 9.9 km,
which is close enough for me.
## alt
You can also calibrate the stride length for when GPS is weak: do one outdoor run with a
good GPS lock on an open track and the watch uses it for pace when the signal drops.
## thanks
All systems mode plus waiting for the lock: 9.96 km this morning. Good enough!

@@ watch-weather-wrong
category: wearables
tags: weather, ios, watch-2
product: watch
## title
Watch 2 weather stuck and not updating
## title
Weather on Lumio Watch 2 not updating with iPhone
## body
The weather on my Watch 2 still shows the city where I was on holiday two weeks ago. It
never updated. I'm on an {iphone}, {ios}. Other apps know where I am.
## body
Weather widget on the Watch 2 is stuck showing "Updated 3 days ago". Tapping it doesn't
refresh anything. Paired with an iPhone.
## fix
The watch gets weather through the Lumio app on your phone, which needs location access in
the background. On iPhone:

1. `Settings > Privacy & Security > Location Services > Lumio`: set to **Always**, and turn
   *Precise Location* on
2. `Settings > General > Background App Refresh > Lumio`: on
3. Open the Lumio app once and leave it open for a few seconds to force a refresh

"While Using the App" isn't enough, the weather only updates when you open the app then.
## fix
Had the same. It was *Background App Refresh* being off for Lumio, because I had Low Power
Mode on a lot (which disables it). Turned it on and the weather updates by itself again.
## thanks
Weather on the watch is current again, and it updated by itself when I went to my
parents' for the weekend. Thanks!

@@ watch-steps-driving
category: wearables
tags: steps, watch-2
product: watch
## title
Watch 2 counting steps I never walked
## title
Thousands of extra steps on my Watch 2 when I'm not walking
## body
On days I drive a lot for work, my Watch 2 gives me 2,000-3,000 steps that I definitely
didn't walk. Bumpy roads? Is there any way to stop this? It throws off my daily goal.
## body
I cycled 20 km to work and back today and the Watch 2 says I did 9,000 steps. I didn't log
it as a workout. Is that intentional?
## fix
Some of that is unavoidable: the watch counts steps from wrist movement, and bumpy roads or
gesturing on the steering wheel look a lot like walking. What helps:

1. Make sure the watch is set to the wrist you wear it on (`Watch settings > Wrist`)
2. Update to the latest LumioOS, because step filtering for driving improved in 1.8
3. For cycling: start a **Cycling** workout, and steps are paused during workouts that
   don't involve walking

For driving there's no switch, sadly.
## fix
I wear mine on my non-dominant wrist and the false steps while driving dropped a lot. The
hand you steer and gesture with is the one that moves most.
## alt
I'd argue a few hundred extra steps don't matter much. The day-to-day trend is what's useful,
not the exact number. But thousands, yes, that's a lot. Is the wrist setting right?
## thanks
The wrist setting was on "right" but I wear it on the left. Far fewer ghost steps now.

@@ watch-new-phone
category: wearables
tags: pairing, setup, watch-2
product: watch
flags: howto
## title
Moving my Watch 2 to a new phone without losing my data
## title
How do I pair Watch 2 with a new phone and keep my history?
## title
Switching phones: do I have to reset my Watch 2?
## body
Getting a new phone next week (switching from a {android} to an {iphone}). I have two years
of runs and sleep data in the Lumio app. What's the right order to do things so I don't
lose anything?
## body
I upgraded my phone and the Watch 2 won't connect to the new one. The app on the new phone
says "Watch already paired to another device". Old phone is already wiped. Help!
## body
Simple question: when I pair my Watch 2 to my new phone, will my history come with me, or
does it stay on the old phone?
## fix
Your data lives in your Lumio account, not on the phone, so as long as you're signed in it
comes along. The order that avoids trouble:

1. On the **old** phone, open the Lumio app and pull down to sync one last time
2. Still on the old phone: `Watch settings > Unpair watch`
3. On the watch: `Settings > System > Reset` (your data is already in the cloud)
4. On the new phone: install the Lumio app, sign in with the **same** account, pair

If the old phone is already gone, do step 3 on the watch and then sign in on the new phone;
everything that was synced before is still there.
## fix
If you get "already paired to another device" and the old phone is wiped: reset the watch
itself (`Settings > System > Reset`), then pair again. Sign in with the same account and all
your history is there.
## staff
Hi, Ellie from Lumio support. Good news first: everything that was synced to your Lumio
account before the switch is kept, including workouts, sleep and heart-rate
history. What does **not** move over are watch faces you side-loaded and offline music,
which you'll need to add again.

The key step is **signing in with the same Lumio account** on the new phone. If you used
Sign in with Apple or Google on the old phone, use the same one.
## thanks
All my history showed up on the new phone, two years of runs intact. Thanks!

@@ watch-swim-laps
category: wearables
tags: swimming, watch-2
product: watch
## title
Watch 2 pool swim lap count always wrong
## title
Lumio Watch 2 miscounts lengths in the pool
## body
Swam 40 lengths this morning (counted myself), the Watch 2 says 34. It's always fewer.
Pool length set to 25 m. I swim mostly breaststroke with some front crawl. LumioOS {fw}.
## body
Lap counting on the Watch 2 is unreliable. Sometimes too many, sometimes too few. Any
settings I should check? 25 m pool.
## clarify
Do you push off the wall with a strong glide, or do tumble turns? And is the pool length
set before you start, in the workout itself?
## detail
Open turns, no tumble turns. Pool length is set to 25 m in the workout, yes.
## fix
Lap detection relies on the "turn" motion at the wall. What helped me:

1. Make a clear, sharp push-off from the wall at each end. Drifting or pausing mid-turn
   confuses it
2. Don't change stroke in the middle of a length
3. If you rest at the wall, press the button to pause: resting without pausing often
   splits one length into two or merges two into one
4. You can correct the count afterwards in the app: `Workouts > Edit > Lengths`

Breaststroke is the hardest stroke for it to read, mixing strokes makes it worse.
## fix
Wear it a bit tighter in the water and on the arm you lead with. My counting got a lot
better when I moved it to my right wrist (I breathe to the right).
## thanks
40 lengths counted as 40 this morning! Thanks for the tips.
"""

_TV = """
@@ stream-hdr-blackouts
category: tv-streaming
tags: hdr, hdmi, firmware, stream-4k
product: stream
versions: 7.3.0, 7.3.1
flags: long
## title
Stream 4K screen goes black for a few seconds every few minutes
## title
Black screen flickers with HDR content on Stream 4K since {fw}
## title
Stream 4K picture drops out on my {tv}, sound keeps playing
## body
Since the update to **{fw}**, my Stream 4K blanks the picture for 2-3 seconds roughly every
ten minutes while watching anything in HDR. Sound keeps going. The TV sometimes shows the
HDR logo again after it comes back, like the signal is renegotiating.

TV: {tv}, Stream plugged straight into HDMI 2. Never had this before the update.
## body
Watching a film last night the screen went black six times. The Stream 4K menu is fine,
SDR YouTube videos are fine, it's only HDR/Dolby Vision stuff on Netflix and Disney+. TV
is a {tv}. Stream firmware {fw}.
## body
Is anyone else getting picture dropouts on Stream 4K? It started this week. A black screen
for a couple of seconds, then back. I swapped the HDMI cable for the one from my games
console, no change. {tv}.
## clarify
Is *Match frame rate* or *Match dynamic range* turned on (`Settings > Display & Sound >
Advanced`)? And is the Stream connected directly to the TV or through a soundbar/receiver?
## detail
Both "match" settings are on. It's plugged straight into the TV, no soundbar in between.
## fix
Workaround that stopped it for me while we wait for a fix:

1. `Settings > Display & Sound > Advanced > Match dynamic range`: **off**
2. Set the output to `4K HDR10 60 Hz` in `Display & Sound > Resolution` instead of Auto
3. Restart the Stream (`Settings > System > Restart`)

You lose the automatic switch between SDR and HDR, so SDR stuff looks a bit washed out, but
no more blackouts.
## metoo
Same on a {tv}, firmware {fw}. Only in HDR, about every 10-15 minutes.
## metoo
Me too. Happens with Dolby Vision titles mostly. Sound carries on, picture drops.
## alt
Before changing settings, try a certified **Ultra High Speed** HDMI cable. I know the
cable "worked before", but the new firmware might push a higher bandwidth mode. That was
it for my brother's setup, though not for mine.
## staff
Hi all, Ellie from the Lumio team. Thanks for the detailed reports (and the TV models).

Firmware 7.3.0 changed how the Stream 4K negotiates HDR with some TVs, and a few models drop
the signal when dynamic range matching kicks in. **Firmware 7.3.2** fixes it and is out
now. To install it straight away:

1. `Settings > System > About > Check for updates`
2. Install, and let the Stream restart

You can turn *Match dynamic range* back on afterwards. If your TV still blacks out on
7.3.2, please reply with the TV model and its own software version.
## thanks
Watched a full film in Dolby Vision last night and not a single blackout. Thanks all!
## fail
Turned off match dynamic range as suggested. It happens less often, but still about once an
hour.

@@ stream-remote-unresponsive
category: tv-streaming
tags: remote, stream-4k
product: stream
## title
Stream 4K remote not working anymore
## title
Lumio Stream remote unresponsive, what can I try?
## title
Stream 4K remote barely responds
## body
My Stream 4K remote suddenly stopped working. Fresh batteries, still nothing. The TV power
and volume buttons on the remote still work, but navigation doesn't do anything on the
Stream. Phone app remote works, so the Stream itself is fine.
## body
We had a power cut last night and since then the Stream remote is dead. The little light
at the top blinks when I press a button, but nothing happens on screen.
## body
Remote only works if I point it right at the TV from a metre away, and even then half the
presses are ignored. Stream 4K on firmware {fw}.
## fix
The navigation buttons use Bluetooth, while TV power and volume use infrared, so one can
work while the other doesn't. Re-pairing the remote sorts out most Bluetooth problems:

1. Hold **Home + Back** together for 10 seconds until the light blinks blue
2. Wait for the "Remote connected" message on screen (up to 30 seconds)
3. If nothing happens, unplug the Stream for 10 seconds and try again

If you need the phone to get around the menus: `Settings > Remote & devices > Add remote`
also starts pairing.
## fix
Unplug the Stream from power (not just standby) for a full minute, then plug it back and
immediately hold Home + Back on the remote. After a power cut mine had forgotten the remote
and this brought it back.
## alt
If it's the "only works from close up" thing: the Stream might be behind the TV, where the
Bluetooth signal gets blocked by the metal back of the panel. Use the short HDMI extender
that came in the box so the stick hangs lower.
## thanks
Held Home and Back, it paired again within seconds. Thanks!

@@ stream-buffering
category: tv-streaming
tags: wi-fi, streaming, stream-4k
product: stream
## title
Constant buffering on Stream 4K
## title
Stream 4K keeps dropping to blurry quality
## title
Stream 4K buffering every few minutes, is it my Wi-Fi?
## body
My Stream 4K keeps buffering on Netflix and YouTube in 4K, and often drops to a blurry
picture. The TV's built-in Netflix app on the same Wi-Fi plays 4K without problems. Router
is a {router}, in the next room. Internet is 150 Mbps.
## body
Every evening around 8 pm the Stream 4K starts buffering. During the day it's fine. Is it
my internet or the Stream? Other devices seem okay but nobody else streams 4K.
## body
Netflix on my Stream 4K says "Your connection is slow" all the time. Speed tests on my phone
next to the TV show 80 Mbps. Stream firmware {fw}.
## clarify
What does the Stream's own network test say? `Settings > Network > Network test`. It shows
the signal strength and the speed it actually gets, which can be very different from your
phone's.
## detail
Signal: weak (2 bars out of 5), speed 14 Mbps. My phone gets 80 from the same spot, so
that's a surprise.
## fix
The Stream hangs behind the TV, which is basically a big metal shield. Things that help,
in order of effort:

1. Use the **HDMI extender** from the box so the stick sits below the TV, not behind it
2. Make sure it's on the **5 GHz** network (`Settings > Network`), not 2.4 GHz
3. Change the Wi-Fi channel on your router; in the evening the neighbours' networks are busy
4. Best option: the Lumio Ethernet adapter (USB-C with power pass-through)

4K Netflix needs about 25 Mbps steady.
## fix
Get the Ethernet adapter. I spent weeks fiddling with Wi-Fi settings and the adapter fixed
it in two minutes. The TV's built-in apps do better because the TV's antenna isn't behind a
metal panel.
## alt
If it's worse in the evening, that points to your internet provider being congested at
peak times, not your Wi-Fi. Run the network test at 8 pm and at noon and compare. If both
are weak, it's
the Wi-Fi; if only the evening is slow, call your provider.
## thanks
The network test shows 95 Mbps now. No buffering all weekend. Thanks!

@@ stream-soundbar-no-audio
category: tv-streaming
tags: audio, hdmi-arc, stream-4k
product: stream
## title
No sound through my soundbar with Stream 4K
## title
Stream 4K sound problems with my soundbar (HDMI ARC)
## body
Stream 4K plugged into the TV, soundbar connected to the TV via HDMI ARC. The TV's own apps
play through the soundbar fine, but from the Stream there's no sound at all. TV speakers
work if I switch to them. TV: {tv}.
## body
Sound from my Stream 4K drops out completely on some Netflix shows (the ones with the Atmos
logo), while others are fine. Soundbar is connected through the TV's ARC port.
## clarify
What's the audio output set to on the Stream? `Settings > Display & Sound > Audio output`.
Options are Auto, Stereo (PCM), Dolby Digital and Dolby Atmos passthrough.
## detail
It's on "Dolby Atmos passthrough". I think I set it when I got the soundbar.
## fix
Most TVs can only pass plain Dolby Digital through **ARC**. Atmos over ARC needs eARC (or
Dolby Digital Plus support), which a lot of TVs don't have. So:

1. On the Stream: `Settings > Display & Sound > Audio output`: **Auto**
2. On the TV: set digital audio out to **Auto** or **Passthrough**, not PCM
3. Turn HDMI-CEC (called Anynet+ on Samsung, SimpLink on LG, Bravia Sync on Sony) on for
   both TV and soundbar

With Auto, the Stream asks the TV what it can handle and picks the best format.
## fix
Set audio output to *Stereo (PCM)*. Not ideal for surround, but if your TV's ARC port is
old, it's the only mode that always works. Then work your way up to Dolby Digital and see
where it breaks.
## thanks
Sound on everything now, including the shows that used to cut out. Thanks!

@@ stream-cec-turns-on-tv
category: tv-streaming
tags: hdmi-cec, stream-4k
product: stream
## title
Stream 4K keeps turning my TV on by itself
## title
TV switches input to the Stream 4K randomly
## body
Twice this week the TV turned itself on at night and switched to the Stream 4K input. Kind
of spooky. Nobody touched the remote. Stream firmware {fw}, TV: {tv}.
## body
Whenever my kids use the PlayStation, the TV randomly jumps to the Stream 4K input. It seems
to happen when the Stream updates or wakes up. How do I stop it?
## fix
That's HDMI-CEC doing its job a bit too well. When the Stream wakes up (for an update, or
because someone used the phone app), it tells the TV to switch to it. On the Stream:

1. `Settings > Display & Sound > HDMI-CEC > One-touch play`: **off** (stops switching input)
2. Keep *System standby* on if you want the Stream to sleep when you turn the TV off

If it's only at night, also check `Settings > System > Updates > Install overnight`.
## fix
Turn off One-touch play in the Stream's HDMI-CEC settings. Also check that no one in the
house has the Lumio app remote open on their phone, because mine woke the TV every time my
son opened the app in bed.
## thanks
One-touch play off. No more ghost wake-ups. Thanks!

@@ stream-app-crash
category: tv-streaming
tags: apps, stream-4k
product: stream
## title
Apps keep crashing on Stream 4K
## title
Streaming app closes itself on the Stream 4K after a few minutes
## title
Apps freezing and returning to the home screen on Stream 4K
## body
Since yesterday the YouTube app on my Stream 4K crashes back to the home screen after a
minute or two. Other apps are fine. Already restarted the Stream. Firmware {fw}.
## body
Disney+ freezes and then closes on my Stream 4K, usually within five minutes of starting a
show. Netflix on the same Stream is fine. Happens every time.
## body
Over the last week, more and more apps on my Stream 4K freeze, then dump me back at the
home screen. It also feels slower in general. Anyone else?
## fix
Clear the app's cache and data:

1. `Settings > Apps > See all apps > [the app] > Clear cache`
2. If that doesn't help, **Clear data** on the same screen (you'll have to sign in again)
3. Restart the Stream

If several apps crash, check storage: `Settings > System > Storage`. Below about 500 MB free
the Stream starts killing apps. Uninstall the ones you don't use.
## fix
Check storage in `Settings > System > Storage`. Mine was down to 180 MB free because of
some game I'd installed for the kids. Uninstalled it and everything stopped crashing.
## alt
If it's just one app, uninstall and reinstall it rather than clearing data. It also pulls
the latest version, and a few months ago there was a bad YouTube version that only a
reinstall fixed.
## thanks
Everything's been running smoothly since yesterday. Thanks!

@@ stream-stuck-1080p
category: tv-streaming
tags: 4k, hdmi, stream-4k
product: stream
## title
Stream 4K stuck at 1080p, 4K option greyed out
## title
Can't select 4K resolution on my Stream 4K
## body
Bought the Stream 4K for, well, 4K. But in `Display & Sound > Resolution` the 4K options
are greyed out, and Netflix only shows HD. TV is a {tv}, which is definitely 4K.
## body
My Stream 4K only offers 1080p on a 4K TV. The info panel says "HDCP 1.4". Swapped the
HDMI cable, no change. Stream firmware {fw}.
## clarify
Which HDMI port on the TV is it plugged into? On many TVs only one or two ports support 4K
HDR, and on some you have to turn on an "enhanced" mode for that port.
## detail
It's in HDMI 3. I looked in the TV settings and there's an "HDMI signal format" option set
to "Standard" for all ports.
## fix
That's it. Set the TV port to the enhanced format:

1. **LG**: `Settings > General > Devices > HDMI Settings > HDMI Deep Colour`: 4K
2. **Samsung**: `Settings > Connection > External Device Manager > Input Signal Plus`: on
3. **Sony**: `Settings > Channels & Inputs > External inputs > HDMI signal format`:
   Enhanced format
4. **TCL/Hisense**: look for "HDMI 2.0" or "HDMI mode" in the input settings

Then restart the Stream. "HDCP 1.4" in the info panel means the TV isn't offering 4K on
that port; after the change it should say HDCP 2.2 or 2.3.
## fix
Move it to HDMI 1 or 2. On my TV only those two do 4K at 60 Hz, and the manual hides that
on page 48. Then enable the enhanced format for that port in the TV menus.
## thanks
4K is available now, and Netflix finally shows the Ultra HD badge.

@@ stream-picture-cut-off
category: tv-streaming
tags: display, stream-4k
product: stream
## title
Edges of the picture cut off on Stream 4K
## title
Stream 4K menu doesn't fit on my TV screen
## body
The edges of the Stream 4K home screen are cut off: I can't see the clock in the top right
corner and subtitles are half off the bottom. TV: {tv}. Is there a zoom setting?
## body
My Stream 4K picture is slightly zoomed in. App titles at the edges are cut off. My old
streaming stick didn't do this on the same TV.
## fix
That's **overscan** on the TV, which zooms the picture in a few percent (a leftover from old
broadcast TV). Turn it off on the TV for that input:

1. LG: `Picture > Aspect Ratio > Just Scan`: on
2. Samsung: `Picture > Picture Size Settings > Fit to Screen`
3. Sony: `Picture > Screen > Wide mode: Full` and `Display area: Full pixel`

Don't use the Stream's own *display zoom* to fix it. That scales the image and makes it
softer.
## fix
Look for "Just Scan" or "Screen Fit" in the TV's aspect ratio settings. It's per input, so
set it while you're on the Stream's input.
## thanks
That was it. I can see the clock now, ha. Thanks!

@@ stream-bluetooth-headphones
category: tv-streaming
tags: bluetooth, audio, stream-4k
product: stream
## title
Using Bluetooth headphones with the Stream 4K
## title
Stream 4K with Bluetooth headphones for late-night TV
## body
I'd like to watch TV with my Buds Pro at night without waking anyone. Can the Stream 4K
connect to Bluetooth headphones directly? I couldn't find it in the menus.
## body
Connected my Bluetooth headphones to the Stream 4K. It works, but the sound is noticeably
behind the picture, especially in the YouTube app. Anything I can do?
## fix
Yes, it works:

1. `Settings > Remote & devices > Pair accessory`
2. Put the buds in pairing mode (for Buds Pro: hold the case button for 3 seconds until the
   light pulses white)
3. Select them in the list

For the delay: `Settings > Display & Sound > Audio > Bluetooth audio delay` lets you shift
the sound by up to 300 ms. Lumio buds are detected automatically and set correctly, other
headphones you might need to adjust by hand.
## fix
Pair them under *Remote & devices > Pair accessory*. And if the sound lags, the *Bluetooth
audio delay* slider in the audio settings fixes it. I have mine at +120 ms with some third
party headphones.
## thanks
Paired, and the sync is spot on now. Quiet nights again.
"""

_APP = """
@@ app-cant-find-device
category: lumio-app
tags: lumio-app, android, permissions, pairing
## title
Lumio app can't find my devices on Android
## title
"No devices found" in the Lumio app even though Bluetooth is connected
## title
Lumio app stuck on "Searching for devices"
## body
The buds are connected in Android's Bluetooth settings and music plays fine, but the
Lumio app just says "No devices found" and keeps searching. {android} on {aver}, app
{app}. Reinstalled the app already.
## body
I got a new phone ({android}) and installed the Lumio app. It refuses to see my Lumio
devices. On my old phone it was fine. Location is on.
## body
After the last app update the Lumio app can't find my Buds Lite or my Lumio Go anymore.
Both work over Bluetooth. Just the app doesn't see them. Android, app version {app}.
## clarify
Did you give the app the *Nearby devices* permission? Since Android 12 that's a separate
permission from Location, and if you tapped "Don't allow" once it won't ask again.
## detail
Just checked: `Nearby devices` says "Not allowed". I must have tapped that by accident.
## fix
On Android 12 and later the app needs **Nearby devices**, and on some phones still Location
too:

1. `Settings > Apps > Lumio > Permissions`
2. **Nearby devices**: Allow
3. **Location**: Allow only while using the app (needed on some phones for Bluetooth scans)
4. Force stop the app and open it again

If the permission toggle is greyed out, uninstall the app, restart the phone and install it
again: the permission prompt comes back.
## fix
Check that the phone isn't in battery saver mode. On my phone, battery saver blocks
Bluetooth scanning for apps in the background and the Lumio app couldn't see anything
until I turned it off.
## thanks
There they are, both devices showed up right away. Thanks!

@@ app-ios-crash-launch
category: lumio-app
tags: lumio-app, ios, crash
## title
Lumio app crashes on launch after updating (iOS)
## title
Lumio app closes immediately on my iPhone since version 4.12.0
## title
App opens and instantly quits, {iphone}
## body
Updated the Lumio app this morning and now it crashes straight away: splash screen, then
back to the home screen. {iphone} on {ios}. Restarted the phone. Can't change any settings
on my buds now.
## body
Since the update to 4.12.0 the app won't open at all on my iPhone. Anyone else? Any
workaround?
## body
The app crashes after the logo on my {iphone}. My partner's iPhone with the same app
version works fine, so it's not all iPhones.
## fix
Try **offloading** the app rather than deleting it: it keeps your settings and sign-in.

1. `Settings > General > iPhone Storage > Lumio > Offload App`
2. Restart the phone
3. Tap the Lumio icon to reinstall it

Deleting it outright also works, you just have to sign in again.
## staff
Hi, Ellie from Lumio here. Sorry about this one: version 4.12.0 crashes on launch for some
accounts that have a Lumio Home and a watch paired at the same time. **Version 4.12.1**
fixes it and is available in the App Store now.

If the App Store still only shows "Open", pull down on the *Updates* list to refresh. You
don't need to delete the app or re-pair anything.
## fix
Make sure you're on 4.12.1, which was released yesterday. The App Store sometimes doesn't
show the update until you pull to refresh on your account page.
## thanks
Working again, and all my settings were still there. Thanks!

@@ app-eq-not-saving
category: lumio-app
tags: equaliser, lumio-app, buds-pro
product: buds-pro
## title
Custom EQ on Buds Pro resets every time they reconnect
## title
Lumio app forgets my equaliser settings
## title
Buds Pro EQ keeps going back to the default
## body
I spent ages getting a custom EQ I like for my Buds Pro. Next morning, it's back to
"Balanced". Happens every time the buds reconnect. App {app}, buds on {fw}.
## body
Every time I switch between my phone and my tablet, the Buds Pro EQ resets to default.
Is the EQ stored on the phone or the buds?
## body
The equaliser in the Lumio app shows my custom curve, but the sound is clearly the default
one. If I move a slider it suddenly sounds right. After reconnecting, wrong again.
## fix
Saving it as a **preset** fixed this for me. Moving sliders alone only changes the live
setting; a preset is written to the buds themselves:

1. `Device settings > Sound > Equaliser`
2. Set the curve, then tap **Save as preset** and give it a name
3. Select that preset (tick mark next to it)

Stored presets survive reconnections and even switching phones, because they live on the
buds.
## fix
Check `Device settings > Sound > Apply EQ on all devices`. If it's off, the EQ is only
applied while the app is open on *that* phone. With it on, the buds keep it.
## alt
If you use Spotify, check its own equaliser too (`Settings > Playback > Equaliser`). It
stacks with the Lumio EQ and can make it sound like yours was reset.
## thanks
My EQ has stuck for three days now, through a dozen reconnects. Thanks!

@@ app-disconnect-notifications
category: lumio-app
tags: lumio-app, notifications
flags: howto
## title
Lumio app spams "device disconnected" notifications
## title
How to stop the Lumio app's connected/disconnected notifications
## body
Every time I put my buds back in the case I get a notification "Buds Pro disconnected".
And a "Buds Pro connected" one when I take them out. Dozens a day. How do I turn these off
without losing the firmware update notifications?
## body
The Lumio app sends me a notification whenever my Lumio Go goes out of range, which is all
the time because it lives in the garden. Annoying. Can I turn just those off?
## fix
You can pick which notifications you get:

1. In the Lumio app, tap your profile picture
2. `Notifications > Device status`: off
3. Leave *Firmware updates* and *Tips* as you like

On Android you can also long-press a notification and choose which notification
*categories* from Lumio to silence.
## fix
`Profile > Notifications > Device status` off. Firmware update notifications are a separate
toggle so you'll still get those.
## thanks
Device status off, blissful silence. Thanks!

@@ app-location-permission
category: lumio-app
tags: lumio-app, privacy, permissions
flags: howto
## title
Why does the Lumio app need my location?
## title
Lumio app asking for location permission, is that necessary?
## body
I'm a bit privacy conscious and noticed the Lumio app wants location access. For earbuds?
Why would it need to know where I am? Can I say no and still use it?
## body
Setting up my Lumio Go and the app insists on location access. I'd rather not give it.
What happens if I refuse? {android}.
## fix
On Android, apps need location permission to scan for Bluetooth devices, because Bluetooth
scans can reveal where you are (shops use beacons for that). On Android 12 and later
there's a separate "Nearby devices" permission instead, and location is only needed for:

1. Weather on the Watch 2
2. The "last known location" of your buds in the *Find my buds* feature

If you don't use those you can refuse location on recent Android versions.
## staff
Hi, Ellie from the Lumio team, good question.

The app uses location for three things only: scanning for Bluetooth devices on older Android
versions (an Android requirement), weather on the Watch 2, and *Find my buds*. Your location
is never sent to us for anything else, and it isn't used for advertising. Our privacy page
has the details.

On iOS and Android 12+ you can refuse location and the app works, apart from weather and
Find my buds.
## thanks
Makes sense, thanks for the clear explanation. I'll leave it off.

@@ app-share-home
category: lumio-app
tags: lumio-app, lumio-home, sharing
product: home
flags: howto
## title
How do I let my partner control our Lumio Home from her phone?
## title
Sharing Lumio Home with family members
## body
Set up a Lumio Home in the kitchen with my account. My partner wants to control it from
her phone too, set alarms, play music etc. Does she need my password? That feels wrong.
## body
Is there a way to share the Lumio Home with the kids without giving them my whole account?
They'd just need to play music and set timers.
## fix
No password sharing needed, there's an invite feature:

1. In the Lumio app: `Home > Settings > Members > Invite`
2. Enter their e-mail address (they need their own free Lumio account)
3. Choose **Member** (can use the speaker) or **Admin** (can also change settings)

They get an e-mail and the speaker shows up in their app once they accept.
## fix
`Home > Settings > Members > Invite`. For the kids, choose "Member" so they can play music
but can't remove the speaker or change Wi-Fi settings.
## thanks
Invite sent and accepted. She has it on her phone now. Thanks!

@@ app-battery-widget
category: lumio-app
tags: lumio-app, widget, battery
## title
Lumio battery widget shows the wrong percentage
## title
Battery widget on iPhone not updating for my buds
## body
The Lumio widget on my home screen says my buds are at 80% when the app itself says 35%.
It seems to only update when I open the app. {iphone}, {ios}, app {app}.
## body
Is the Lumio widget supposed to update by itself? Mine shows the battery from whenever I
last opened the app, sometimes hours ago.
## fix
The widget can only update when the app is allowed to run in the background. On iPhone:

1. `Settings > General > Background App Refresh`: on, and on for **Lumio**
2. Low Power Mode pauses background refresh, so the widget will be stale while it's on
3. Remove and re-add the widget after changing the setting

Even then, iOS decides how often widgets refresh. Expect every 15-30 minutes, not live.
## fix
Background App Refresh for Lumio. It was off on mine because I'd turned it off for almost
everything to save battery.
## thanks
Background refresh was off. The widget updates by itself now, thanks.
"""

_ACCOUNT = """
@@ account-2fa-lost-phone
category: account-sign-in
tags: account, two-step
flags: howto
## title
Lost my phone and can't sign in: two-step verification code
## title
Locked out of my Lumio account after changing phones (2FA)
## body
My phone was stolen and the new one doesn't have my authenticator app. The Lumio app asks
for a 6-digit code I can't get. I don't think I ever saved backup codes. How do I get back
in?
## body
Switched phones and didn't move my authenticator app. Now I'm locked out of my Lumio account
and can't change any device settings. Is there a recovery option?
## fix
If you saved the **recovery codes** when you set up two-step verification, use one of them
on the sign-in screen ("Use a recovery code"). Each works once.

If not, you'll need to go through account recovery with support, which takes a few days
because they verify it's really you. Have your order number or a device serial number ready.
## staff
Hi, Ellie from Lumio support. Sorry to hear about the phone.

Without recovery codes, our team can reset two-step verification after checking your
identity. Please use the **Contact us > Account access** form (not a public post) and
include:

1. The e-mail address of the account
2. The serial number of one of your devices (`Device settings > About`, or on the box)
3. An order number if you bought from the Lumio shop

Resets usually take 2-3 working days. Your devices keep working normally in the meantime,
you just can't change settings in the app.
## thanks
Filled in the form, got back in two days later. Saved my recovery codes this time!

@@ account-verification-email
category: account-sign-in
tags: account, e-mail
## title
Lumio verification e-mail never arrives
## title
Not receiving the confirmation code to create an account
## body
Trying to create a Lumio account to set up my new buds. It says it sent a verification
e-mail but nothing arrives, not even in spam. Tried "resend" four times. It's an Outlook
address.
## body
The app wants me to enter a code from an e-mail, but the e-mail never comes. Is there a
problem with Lumio's e-mails today?
## clarify
Which e-mail provider? Some providers delay messages from new senders by up to an hour, and
a few (especially work addresses) quarantine them without telling you.
## detail
It's a work address, Microsoft 365. I'll check with IT about quarantine.
## fix
Things to try:

1. Check spam **and** any "Other" or "Promotions" tab
2. Search for `noreply@lumio` in your mailbox, the subject doesn't always say "Lumio"
3. Wait 15 minutes before tapping resend: each resend invalidates the previous code, and
   if the first one arrives late it won't work
4. Work and school addresses often quarantine automated mail. Use a personal address, you
   can change it later in `Account > Profile`

Outlook.com in particular sometimes delays new senders by 20-30 minutes.
## fix
Use "Sign in with Google" or "Sign in with Apple" instead. No verification e-mail needed,
and you can add a password later.
## metoo
Same problem here, Gmail address. Nothing in spam, nothing in Promotions.
## metoo
Same, tried three times this evening. Is the e-mail system down?
## thanks
Found it in the end, it arrived almost an hour late. All set up now, thanks.

@@ account-change-email
category: account-sign-in
tags: account, e-mail
flags: howto
## title
How do I change the e-mail address on my Lumio account?
## title
Changing my login e-mail without losing my devices
## body
I'm leaving my job and my Lumio account is on my work e-mail. How do I move it to my
personal address without losing my watch history and devices?
## body
Can I change the e-mail address I log in with? I don't see an option in the app, only
the name and picture.
## fix
It's on the website rather than in the app:

1. Sign in at the Lumio account page in a browser
2. `Account > Profile > E-mail`: enter the new address
3. Confirm with the code sent to the **new** address

Devices, history and orders all stay with the account. If you use "Sign in with Apple"
or Google, you can't change the address there; add a password login first.
## fix
Do it in the browser, under `Account > Profile`. The app only lets you change the name.
Took me a while to find too.
## thanks
Changed it on the website, everything's still there. Thanks!

@@ account-delete-data
category: account-sign-in
tags: account, privacy
flags: howto
## title
Deleting my data from my Lumio account
## title
How do I delete my Lumio health data or my whole account?
## body
I'm selling my Watch 2 and want to delete all my health data from Lumio, not just reset
the watch. Is there a way to do that without deleting my account? I still use the buds.
## body
How do I delete my Lumio account completely? Under GDPR I'd also like a copy of my data
first.
## fix
You can do both in the web account page:

1. `Account > Privacy > Download my data`: you get an e-mail with a ZIP within 48 hours
2. For health data only: `Account > Privacy > Delete health data`. Your account and other
   devices stay
3. For everything: `Account > Privacy > Delete account`. This is final after 30 days

And reset the watch itself before selling it: `Settings > System > Reset`.
## staff
Hi, Ellie from Lumio. You can do both from the account page in a browser:
`Account > Privacy > Download my data` sends you a copy, and **Delete health data** removes
all heart-rate, sleep, workout and step history from our servers within 30 days, including
backups. Your account, other devices and orders aren't affected. *Delete account* removes
everything, and is final after 30 days.

Please also unpair the watch in the app before you sell it, so the next owner can set it
up.
## thanks
Downloaded my data and deleted the health data. Watch is reset and ready to sell. Thanks!
"""

_ORDERS = """
@@ order-stuck-processing
category: orders-billing
tags: order, delivery
## title
Order stuck on "Processing" for {days} days
## title
Lumio shop order hasn't shipped, no tracking number
## title
When will my Lumio order actually ship?
## body
Ordered a Watch 2 from the Lumio shop {days} days ago (order {order}). Status still says
"Processing", no tracking number, and the money has already left my account. The product
page said "ships in 1-2 days". Is this normal?
## body
My order {order} has been "Processing" since last week. I've e-mailed support but only got
the automatic reply. It was supposed to be a birthday present this weekend.
## body
Is anyone else's order stuck? Mine ({order}) has shown "Processing" for {days} days and
the chat bot just tells me to wait.
## fix
Mine did the same during the sale. It turned out the warehouse was just backed up: it sat on
"Processing" for a week, then shipped and arrived in two days. The tracking e-mail came
*after* the parcel was already with the courier.

If it's a gift with a deadline, use the live chat (not e-mail) on the website during office
hours: they can see the warehouse status and sometimes upgrade the shipping.
## staff
Hi, Ellie from Lumio support. Sorry for the wait. During the current promotion our
warehouse is running a few days behind, and orders show "Processing" until they're packed.

I've asked the team to check order {order}: it's now packed and will be handed to the
courier today. You'll get the tracking link by e-mail as soon as the courier scans it.

If anyone else is waiting more than 5 working days, please use **Contact us > Order
question** with your order number rather than posting it here.
## metoo
Same here, ordered a Buds Pro on Monday and it's still "Processing". No reply to my e-mail
either.
## metoo
Mine too, order placed {days} days ago. Would be nice to at least get an estimate.
## thanks
Tracking e-mail just arrived, it's out for delivery tomorrow. Thanks for chasing it!

@@ order-charged-twice
category: orders-billing
tags: payment, billing
flags: howto
## title
Charged twice for one Lumio shop order
## title
Two payments showing on my card for the same order
## body
My bank app shows two payments of the same amount to Lumio for one order ({order}). The
first attempt at checkout gave me an error, so I tried again and it worked. Did I pay
twice?
## body
Just noticed two charges from Lumio on my credit card, same amount, two minutes apart. I
only have one order confirmation. How do I get one back?
## fix
Very likely the first one is only a **pending authorisation**, not a real payment. When a
checkout fails, the bank sometimes holds the money for a few days and then releases it by
itself. Check whether both are "pending" or both "completed" in your bank app.

If after 7 days both are still there and completed, contact Lumio with the order number.
## staff
Hi, Ellie from Lumio. Don't worry: when a checkout fails, the card issuer can keep a
hold for up to 7 days, but we only ever capture the payment once, for the order
that went through.

If you still see two *completed* payments after a week, please send us your order number
and a screenshot of both charges through **Contact us > Billing**, and we'll refund the
duplicate straight away.
## thanks
One of them disappeared this morning, just like you said. Thanks for putting my mind at
rest.

@@ order-promo-code
category: orders-billing
tags: promo-code, order
flags: howto
## title
Promo code "not valid" at checkout on the Lumio shop
## title
Discount code from the newsletter doesn't work
## body
I got a 15% code in the Lumio newsletter, but at checkout it says "This code is not valid
for the items in your basket". I'm trying to buy Buds Pro. The code hasn't expired.
## body
Tried to use a promo code for the Lumio Go. Error: "code not applicable". The e-mail didn't
mention any exclusions.
## fix
Two common reasons:

1. Codes don't stack with items that are **already on sale**. If what you're buying is
   reduced right now, the code won't apply. Read the small print at the bottom of the e-mail
2. Newsletter codes are tied to the **e-mail address** they were sent to. Make sure you're
   signed in with that account at checkout

If neither applies, the chat support can apply it manually.
## fix
It's almost certainly the sale exclusion. Same thing happened to me in November. The
"sale" price was actually lower than the code would have given, so I didn't miss out.
## thanks
That was it, it's already on sale. The sale price is better than the code anyway. Thanks!

@@ lumio-plus-trial-charge
category: orders-billing
tags: subscription, billing, lumio-plus
flags: howto
## title
Cancelling Lumio+ after the free trial
## title
Where do I cancel my Lumio+ subscription?
## body
I signed up for the Lumio+ free trial with my Watch 2 and cancelled it (I think) in the
app. Today I got charged for a year. Is there any way to get this refunded?
## body
Where do you cancel Lumio+? I can't find it in the app. The trial ends in two days and I
don't want to be charged.
## clarify
Did you sign up through the App Store / Google Play, or on the Lumio website? They're
cancelled in different places, and the app can't cancel store subscriptions.
## detail
Through the App Store on my iPhone, I think. It was in the app, it showed the Apple payment
popup.
## fix
Where to cancel depends on where you subscribed:

1. **App Store**: `Settings > [your name] > Subscriptions > Lumio+ > Cancel`
2. **Google Play**: Play Store > profile picture > `Payments & subscriptions >
   Subscriptions`
3. **Lumio website**: `Account > Subscriptions` in the browser

Deleting the app does **not** cancel. For a refund of an App Store charge you have to ask
Apple (reportaproblem.apple.com), Lumio can't refund those.
## staff
Hi, Ellie from Lumio. For subscriptions bought on our website we refund annual plans in full
if you cancel within 14 days of the charge: **Contact us > Billing** with your account
e-mail.

For App Store and Google Play subscriptions the payment goes through Apple or Google, so
only they can refund it, but they usually do if you ask within a few days of the renewal.
## thanks
Sorted, thanks. Would be nice if the app linked straight to the right place though.

@@ order-vat-invoice
category: orders-billing
tags: invoice, order, business
flags: howto
## title
Need a VAT invoice for a Lumio shop order
## title
How to get an invoice with my company name on it?
## body
I bought three Buds Pro for my team through the Lumio shop (order {order}). Our accounts
department needs a proper VAT invoice with our company details. The confirmation e-mail
isn't enough. How do I get one?
## body
Where can I download the invoice for my order? I only have the order confirmation e-mail
and I need an invoice to claim it as a business expense.
## fix
Invoices are in your account on the website: `Account > Orders > [order] > Download
invoice`. It's available once the order has shipped.

To add a company name and VAT number, set them in `Account > Billing details` **before**
downloading, then regenerate the invoice. If the order has already been invoiced to your
name, contact support and they'll reissue it.
## fix
`Account > Orders`, then the order, then *Download invoice*. The link only shows up after
it has shipped, which confused me for a few days.
## thanks
Added the company details and re-downloaded. Accounts are happy. Thanks!

@@ order-return-window
category: orders-billing
tags: returns, order
flags: howto
## title
How do returns work on the Lumio shop?
## title
Returning an unopened item within 30 days
## body
Got Buds Lite as a gift (bought from the Lumio shop, order {order}) but I already have
earbuds. They're unopened. How do I return them, and does the refund go to the person who
bought them?
## body
Changed my mind on a Lumio Go I bought last week. Still sealed. Do I have to pay for return
shipping?
## fix
From the Lumio shop you have 30 days:

1. `Account > Orders > [order] > Return items` (the buyer's account)
2. Pick a reason and print the prepaid label
3. Drop it off; refunds go back to the original payment method within 5-10 days of arrival

Returns are free in most countries. If it was a gift, the refund goes to the buyer, so you
may want to ask them to do it, or ask support for an exchange instead.
## fix
Returns are free from the Lumio shop within 30 days, you get a prepaid label in your
account under Orders. Took about a week for my refund to show up.
## thanks
Label printed, parcel dropped off. Easy. Thanks!
"""

_WARRANTY = """
@@ warranty-lost-bud
category: warranty-repairs
tags: warranty, replacement, buds-pro
product: buds-pro
flags: howto
## title
Lost one Buds Pro earbud, can I buy just one?
## title
Replacement for a single lost earbud (Buds Pro)
## title
Lost half of my Buds Pro, what are my options?
## body
Lost the left earbud of my Buds Pro on the train. The right one and the case are fine. Can
I buy a single earbud, or do I have to buy a whole new set?
## body
I dropped one of my Buds Pro down a drain (don't ask). Is there a way to buy a
replacement for one side and pair it with the one I have?
## body
My dog ate my right Buds Pro earbud. Yes, really. Vet says he's fine. Can I get a single
replacement?
## fix
Yes, Lumio sells single replacement buds and cases through support (not in the online
shop). You need the serial number from the case (under the lid) or from
`Device settings > About` in the app.

To pair the new bud with your old one:

1. Put both buds in the case, lid open
2. Hold the case button for 15 seconds until the light flashes amber, then white
3. Pair again from your phone

Make sure the new bud is on the same firmware: the app offers an update after pairing if
it isn't.
## staff
Hi, Ellie from Lumio support. We do sell single earbuds: **Contact us > Replacement parts**,
choose the side and add the serial number from the inside of the case lid. Lost and
damaged buds aren't covered by warranty, but single buds cost much less than a new set.
The replacement arrives with instructions for pairing it to your existing bud.
## thanks
Ordered a single replacement through support and it paired first try. Thanks!

@@ warranty-gift-no-receipt
category: warranty-repairs
tags: warranty, receipt
flags: howto
## title
Warranty claim without a receipt (it was a gift)
## title
Do I need proof of purchase for a Lumio warranty claim?
## body
My Lumio Go stopped charging after nine months. It was a birthday gift, so I don't have a
receipt, and I'd rather not ask the person who gave it. Can I still claim under warranty?
## body
My Watch 2 screen started flickering. It was a gift from my parents and they can't find the
receipt. Is the warranty linked to the serial number?
## fix
Usually yes. Lumio checks the **activation date** of the device (when it was first set up in
the app) if there's no receipt. So if it was set up less than a year ago (two in the EU and
UK), you're covered.

Start the claim under **Contact us > Warranty** and fill in the serial number. Mention it was
a gift. Mine went through without a receipt.
## staff
Hi, Ellie from Lumio. Yes, you can: without proof of purchase we use the date the device
was first registered in the Lumio app, so gifts are covered too. Please start a claim at
**Contact us > Warranty** with the serial number and a short description or video of the
problem.
## thanks
Claim accepted without a receipt, replacement's on its way. Thanks!

@@ warranty-go-battery-swollen
category: warranty-repairs
tags: battery, safety, lumio-go
product: go
## title
Lumio Go case bulging, battery swollen?
## title
My Lumio Go won't sit flat anymore, the back is bulging
## body
Noticed my Lumio Go rocks on the table. The back panel is bulging out slightly and the seam
has a gap. It's about two years old, still works. Is that the battery?
## body
My Lumio Go's rubber base is pushed out and there's a small gap along the side. It also
got really hot while charging last night. Should I be worried?
## fix
That does sound like a swollen battery. **Stop using and charging it now.** Swollen lithium
batteries can catch fire, especially while charging.

1. Unplug it and put it somewhere non-flammable (a tiled floor, a metal tin), away from heat
2. Don't press on it or try to open it
3. Contact Lumio support, and take it to a battery recycling point if they don't want it
   back

Even out of warranty, manufacturers usually deal with this as a safety issue.
## staff
Hi, this is Ellie from Lumio. Please stop using and charging the speaker straight away,
and keep it on a non-flammable surface away from heat. Don't try to open it.

A swollen battery is a safety issue, so we replace the speaker **whether or not it's in
warranty**. Please contact us via **Contact us > Safety** (it's prioritised) and we'll
send a special shipping box for the old unit. Don't post it in a normal parcel.
## thanks
Support sent the safety box and a replacement is on the way. Thanks for the quick warning.

@@ warranty-watch-strap-pin
category: warranty-repairs
tags: warranty, strap, watch-2
product: watch
## title
Watch 2 strap problem, covered by warranty?
## title
Lumio Watch 2 band keeps coming off
## body
The quick-release pin on my Watch 2 strap snapped and the watch fell off my wrist (luckily
onto carpet). It's only two months old. Is the strap covered under warranty?
## body
The original strap on my Watch 2 keeps detaching from the watch on one side. The little
lever on the pin seems loose. Any fix, or do I need a new strap?
## fix
Yes, the original strap is covered by the same warranty as the watch. Claim it through
**Contact us > Warranty** and they'll send a new strap. They didn't want the old one back
in my case.

In the meantime, any standard 20 mm quick-release strap fits the Watch 2.
## fix
Any 20 mm quick-release strap fits. I'd claim the original under warranty anyway, but a
cheap spare is handy while you wait.
## thanks
Claimed it, new strap arrived in four days. Thanks!

@@ warranty-refurb-replacement
category: warranty-repairs
tags: warranty, replacement
flags: howto
## title
Warranty replacement is refurbished, is that normal?
## title
Got a refurbished unit back from a Lumio warranty claim
## body
Sent my Buds Pro in under warranty because the left one died. The replacement is marked
"Refurbished" on the box. I paid for new ones. Is this standard practice? Feels a bit
cheap.
## body
My Stream 4K replacement came in a plain box with a "refurbished" sticker. Works fine, but
it has a tiny scratch. Should I complain?
## fix
It's standard across the industry (Apple, Samsung, Sonos all do it): warranty replacements
are "new or equivalent to new in performance and reliability". Refurbished units are fully
tested and get a new battery where relevant.

What you **are** entitled to is the remaining warranty of your original (or 90 days,
whichever is longer). A visible scratch is worth reporting, they'll swap it.
## alt
I'd push back on this a bit. "Equivalent to new" is fine legally, but if you're within the
first 30 days of buying, ask for a new unit. Lumio did that for me without arguing.
## thanks
Fair enough. Asked about the scratch and they're sending another one. Thanks for the
context.

@@ warranty-cracked-screen
category: warranty-repairs
tags: repair, screen, watch-2
product: watch
flags: howto
## title
Cracked Watch 2 screen, how much is a repair?
## title
Dropped my Lumio Watch 2, screen cracked. Covered?
## body
Knocked my Watch 2 against a door frame and the screen has a crack right across. Touch still
works. I know accidental damage isn't covered, but how much does Lumio charge to fix it?
## body
My Watch 2 screen cracked when I fell off my bike (I'm fine). Does the warranty cover it,
and if not, is a repair worth it compared to a new watch?
## fix
Accidental damage isn't covered by the standard warranty, but Lumio does **out-of-warranty
repairs** at a fixed price (it's on the support site under Repairs). For the Watch 2 screen
it's about a third of the price of a new watch.

If you bought **LumioCare** with it, the repair is covered apart from a small excess. Check
`Account > Devices > Watch 2 > Coverage`.
## fix
Out-of-warranty screen repair cost me about 90 last year. Took ten days door to door. Worth
it compared to a new watch.
## thanks
Booked the repair through the support site. Cheaper than I feared, thanks!
"""

_LOUNGE = """
@@ lounge-setups
category: community-lounge
kind: discussion
tags: setup, show-and-tell
flags: long
## title
Show us your Lumio setup!
## title
What does your Lumio setup look like these days?
## body
Thought it would be fun to see how everyone uses their Lumio gear. I'll start:

1. **Living room**: two Lumio Homes as a stereo pair either side of the TV, Stream 4K
2. **Kitchen**: a third Lumio Home, mainly for radio and timers
3. **Commute**: Buds Pro, ANC on permanently
4. **Garden**: Lumio Go, which has survived two summers of being knocked off the table

What's yours? Bonus points for weird placements.
## body
Curious how other people have set things up. My Watch 2 and Buds Lite go everywhere with
me, and I've just added a Lumio Home in the bedroom as an alarm clock. Post yours, and
anything you'd do differently if you started again!
## opinion
Minimal here: Buds Pro for work and a single Lumio Home in the kitchen. I keep telling
myself I'll get a second one for a stereo pair.
## opinion
Two Lumio Homes in the living room as a stereo pair plus the Stream 4K. Honestly the pair
sounds better than the soundbar I had before, for music at least.
## opinion
Lumio Go in the bathroom. Shower podcasts are life. It's survived a year of steam so far.
## opinion
Watch 2 + Buds Lite for running, Buds Pro for the office, a Go for the allotment. I've
become a Lumio household without really meaning to.
## opinion
Bedroom Lumio Home set to sunrise alarm with the light ring, then the news at 7. Best thing
I bought last year.
## opinion
If I started again I'd skip the Buds Lite and go straight to the Pro. Multipoint alone is
worth the difference for me.
## opinion
Stream 4K in the spare room on an old 1080p TV. Works perfectly fine, I don't know why
people say you need a 4K TV for it.
## opinion
I have a Lumio Home in every room (five!) grouped together when I clean the house. The
"play everywhere" voice command is very satisfying.
## opinion
Workshop setup: Lumio Go hung from a hook on the wall with a carabiner. Dust everywhere and
it still sounds great.
## opinion
Mine is boring: one Watch 2. But I've worn it every day for 14 months, which is more than I
can say for any other gadget I own.
## opinion
Lumio Home on the desk next to my monitor as computer speakers via Bluetooth. Surprisingly
good, though there's a tiny bit of lag for videos.
## opinion
Tip for anyone with a stereo pair: put both speakers at ear height when you're sitting. I
moved mine up from the floor onto stands and the difference was massive.
## opinion
Kids have a Lumio Go each in their rooms, and we use the Home in the hall as an intercom
("dinner's ready!"). Works better than shouting up the stairs.
## opinion
Car: Buds Pro, obviously not while driving, but on the train. Home: nothing yet, considering
a Lumio Home. Reading this thread is not helping my wallet.
## opinion
Living room: Stream 4K plus Buds Pro for late-night films so I don't wake the baby. The
audio delay setting makes it perfect.
## opinion
Love seeing the Go in the shower. Mine lives on the boat in summer. IP67 is no joke, it's
been in the water twice.
## op
Love these. Keep them coming, I'm taking notes for my next purchase.
## op
Some great ideas here. Speaker stands are now on my shopping list.

@@ lounge-pro-vs-lite
category: community-lounge
kind: discussion
tags: buds-pro, buds-lite, comparison
## title
Buds Pro vs Buds Lite: is the Pro worth the extra money?
## title
Buds Pro or Buds Lite? Help me decide
## body
I've had Buds Lite for a year and I'm happy with them, but the Pro are on sale. For those
who've used both: is the difference really worth it? I mostly listen to podcasts on the
bus and some music at the gym.
## body
Trying to decide between Buds Pro and Buds Lite as a present for my partner. They'd use
them on a noisy commute and for calls. The Lite are almost half the price. Opinions?
## opinion
For a noisy commute, Pro without question. The ANC on the Lite is basic, the Pro actually
makes the bus quiet.
## opinion
I went from Lite to Pro. Sound: a bit better, not night and day. ANC: huge difference.
Calls: better mic in wind. Battery: about the same.
## opinion
Counterpoint: at the gym I'd rather lose a Lite than a Pro. I use both, Lite for sport and
Pro for everything else.
## opinion
Multipoint is the real reason to get the Pro if you use a laptop and a phone. The Lite
don't have it and never will.
## opinion
The Lite fit smaller ears better in my experience. My partner couldn't get a good seal with
the Pro even with the small tips.
## opinion
If it's mainly podcasts, honestly the Lite are fine. Save the money.
## opinion
Wireless charging on the Pro case is a small thing that I now can't live without.
## opinion
One thing nobody mentions: the Pro have the fit test and wind reduction. For cycling that
makes them much more usable with ANC.
## op
Thanks all, really helpful. Leaning towards the Pro while they're on sale.

@@ ideas-watch-offline-music
category: ideas
kind: discussion
tags: watch-2, feature-request, music
## title
Feature request: offline Spotify on the Watch 2
## title
Please add offline music streaming apps to Lumio Watch 2
## body
The Watch 2 can store MP3s, but who has MP3s anymore? I'd love to leave my phone at home
on runs and play Spotify playlists from the watch with my Buds Pro. Other watches have had
this for years. Anyone else want this? Lumio, any plans?
## body
My one wish for the Watch 2: offline playlists from a streaming service. Copying files from
a computer feels very 2010. Add your vote if you agree!
## opinion
Yes please. This is the one thing that keeps me taking my phone on runs.
## opinion
+1. Even just podcasts would be great. Something like downloading episodes from the app
over Wi-Fi.
## opinion
I'd rather they spent the effort on battery life, honestly. Music on the watch would kill
the battery in a couple of runs anyway.
## opinion
For anyone worried about battery: it could simply be optional. On for long runs, off otherwise.
## opinion
It's a licensing thing as much as a technical one. Spotify has to build the app, not Lumio.
## opinion
Would buy a Watch 3 tomorrow if it had this. Just saying.
## opinion
Deezer would be fine too. Anything that syncs playlists.
## op
Glad it's not just me. Hoping someone from Lumio picks this up.

@@ ideas-group-go-home
category: ideas
kind: discussion
tags: lumio-go, lumio-home, feature-request
## title
Let us group Lumio Go with Lumio Home speakers
## title
Feature idea: add Lumio Go to multi-room groups
## body
I have three Lumio Homes grouped for parties, and a Lumio Go I take into the garden. It
would be great if the Go could join the group when it's on Wi-Fi at home. Right now it's
Bluetooth only, so it's always the odd one out.
## body
Why can't the Lumio Go join a multi-room group with Lumio Home? It has Wi-Fi for updates,
so the hardware seems to be there. Would love this for the patio.
## opinion
Yes! The Go is perfect for the garden, and right now I have to choose between it and the
house speakers.
## opinion
I believe the Go's Wi-Fi is only 2.4 GHz and meant for updates, so streaming might drain
the battery fast. Still would love it when plugged in.
## opinion
PartyLink between the Go and the Home would already be a big step.
## opinion
I think this is the most requested feature in this forum. Lumio, please!
## opinion
Meanwhile, a workaround: I stream to the Home group from my phone and connect the Go to a
second phone playing the same thing. Not synced, but outdoors nobody notices.
## opinion
Fully agree. The Go sounds so good that it's a shame it's left out.
## op
The workaround made me laugh, but I'll try it next barbecue.

@@ lounge-buds-battery-year
category: community-lounge
kind: discussion
tags: battery, buds-pro
## title
Buds Pro battery after a year: share your numbers
## title
How has your Buds Pro battery held up over time?
## body
My Buds Pro turned one last week. With ANC on I used to get about 6 hours, now it's closer
to 5. Curious what others are seeing, especially heavy users. Do you let them go to 0% or
keep them topped up?
## body
Quick poll for long-term Buds Pro owners: how many hours do you get now compared to new?
Mine are 18 months old and I think I'm down about 20%.
## opinion
14 months, daily commute plus work calls. Down from about 6 to 5 hours with ANC. Seems
normal for lithium batteries.
## opinion
Almost two years here and I still get about 5.5 hours. I keep them in the case whenever
they're not in my ears.
## opinion
Mine dropped a lot faster, to 3.5 hours after a year. Support replaced them under warranty.
If you're under 70% of the original, claim it.
## opinion
I turned on the battery protection setting (the one that stops charging the case at 80%)
from day one. No noticeable drop after 10 months so far.
## opinion
Heat is the killer. I used to leave mine in the car in summer, and I'm pretty sure that
did more damage than anything.
## opinion
After a year: left bud 5 hours, right 5.5. The difference between left and right
bothers me more than the loss overall.
## op
Good to see most of you are in the same range. I'll turn on the battery protection too.

@@ ideas-app-redesign
category: ideas
kind: discussion
tags: lumio-app, feedback
flags: long
## title
The new Lumio app design: love it or hate it?
## title
Feedback thread: Lumio app 4.12 redesign
## body
The app update this week changed the whole layout: device cards instead of tabs, settings
moved into a separate screen, the EQ is two taps further away. I'm not sure yet what I
think. What's your take? Anything you miss from the old design?
## body
Opening this so we have one place for feedback on the redesigned Lumio app, rather than a
dozen separate threads. Personally I like the look, but I can't find half the settings I
used to change daily. What about you?
## opinion
Hate it, honestly. The EQ used to be one tap from the home screen, now it's three.
## opinion
I like it! The device cards make it much clearer when you own several Lumio things. The old
app was a mess of tabs.
## opinion
Looks nicer, works worse. Classic redesign.
## opinion
The battery levels on the cards are great. I don't have to open each device anymore.
## opinion
Please bring back the quick toggle for ANC on the home screen. That was the one thing I
used every day.
## opinion
For those missing the ANC toggle: it's still there, you long-press the device card. Not
obvious, I agree.
## opinion
Dark mode finally works properly, which makes up for a lot.
## opinion
The settings search is a big improvement. Type "EQ" and you're there.
## opinion
It feels slower on my older Android phone. Takes a few seconds to load the cards.
## opinion
My parents can't find anything now. They were used to the old layout and the icons changed.
## opinion
Give it two weeks. Every redesign feels wrong at first. I'm already used to it.
## opinion
Wish they'd asked for feedback before shipping rather than after. A beta programme would
be nice.
## opinion
The widget got better too, for what it's worth.
## opinion
Overall positive, but the firmware update button is hidden way too deep now. People are
going to miss important updates.
## opinion
Two weeks in: still hate the EQ placement, everything else I've made peace with.
## opinion
I'd love to be able to reorder the device cards. My watch is always at the top and I use
it least.
## op
Lots of good points. I'll collect the top ones and post them in a single comment for the
team.
## op
Keep it coming. Constructive feedback gets read, rants less so.

@@ lounge-running-setup
category: community-lounge
kind: discussion
tags: running, watch-2, earbuds
## title
Best running setup with Watch 2 and Lumio buds?
## title
Running with Lumio gear: what works for you?
## body
Starting to train for my first half marathon. I have a Watch 2 and Buds Lite. For those
who run with Lumio stuff: what settings do you use, and do you bother with music from the
watch or just take the phone?
## body
I'm curious how people run with their Lumio gear. Phone in an armband? Music on the watch?
Which buds stay in? Sharing tips could help a lot of us.
## opinion
Phone in a running belt, Watch 2 for GPS and heart rate, Buds Lite with transparency mode
on so I can hear traffic. Works great.
## opinion
I put MP3s of my favourite podcasts on the watch and leave the phone at home. Syncing files
is a pain but the freedom is worth it.
## opinion
Turn on *All systems* GPS mode, wait for the lock, and calibrate stride length once. Made
my distances much more accurate.
## opinion
Buds Pro with the wing fins for long runs. The Lite fell out too often for me.
## opinion
Chest strap paired to the Watch 2 for intervals. Wrist heart rate is fine for easy runs,
useless for sprints.
## opinion
Safety note: I never use ANC outdoors when running. Transparency or nothing.
## opinion
Set the watch to vibrate every km with the split time. Means I don't have to look at it.
## op
Great tips, thanks. Transparency mode and the stride calibration are going on my list.
"""

_ITALIANO = """
@@ it-buds-xiaomi-disconnessioni
category: earbuds
lang: it
tags: bluetooth, android, firmware, buds-pro
product: buds-pro
versions: 3.4.0, 3.4.1
flags: long
## title
Buds Pro si disconnettono di continuo dopo l'aggiornamento
## title
Buds Pro: audio che salta ogni pochi minuti con firmware {fw}
## title
Disconnessioni Bluetooth Buds Pro su {android}, qualcuno ha risolto?
## body
Ciao a tutti, da quando ho aggiornato le Buds Pro al firmware **{fw}** si disconnettono
ogni 5-10 minuti. Sento il suono di disconnessione, l'audio si ferma e dopo qualche secondo
riparte da solo.

Telefono: {android} con {aver}, app Lumio {app}. Prima dell'aggiornamento nessun problema.

Ho già provato a:

1. Riavviare il telefono
2. Dimenticare il dispositivo e rifare l'abbinamento
3. Disattivare il Wi-Fi

Niente da fare. Qualcuno ha lo stesso problema?
## body
Buongiorno, le mie Buds Pro da qualche giorno perdono la connessione in continuazione,
soprattutto quando cammino con il telefono in tasca. Ho un {android} ({aver}). Le cuffie
sono al firmware {fw}. Con il tablet sembrano andare meglio. È un problema noto?
## body
Sono l'unico che ha problemi con le Buds Pro dopo l'ultimo aggiornamento? L'audio salta per
2-3 secondi più volte all'ora, a volte si stacca solo l'auricolare sinistro. Telefono
{android}, firmware {fw}, ho già fatto il reset tenendo premuto il tasto della custodia.
## clarify
Hai attivo l'audio HD? Lo trovi nell'app Lumio in `Impostazioni dispositivo > Connessioni >
Audio HD`. Su parecchi telefoni Android il problema sembra legato a quello.
## detail
Sì, l'audio HD è attivo. Non sapevo nemmeno di averlo acceso, credo fosse così di default.
## fix
In attesa di un firmware nuovo, a me ha risolto così:

1. Apri l'app Lumio e vai in `Impostazioni dispositivo > Connessioni`
2. Disattiva **Audio HD**
3. Nelle impostazioni Bluetooth di Android tocca l'ingranaggio accanto alle Buds Pro e
   spegni e riaccendi *Audio multimediale*
4. Rimetti le cuffie nella custodia per dieci secondi e poi riprendile

La qualità cala un pochino, ma in metro onestamente non si sente.
## metoo
Stessa cosa su {android}, firmware {fw}. Soprattutto quando cammino.
## metoo
Anche a me, da dopo l'aggiornamento. Mia moglie con iPhone e le stesse cuffie invece non
ha problemi, quindi sembra una cosa solo Android.
## alt
Io eviterei il ripristino completo che consigliano in giro: cancella equalizzatore e
comandi touch e a nessuno qui sembra aver risolto. Disattivare l'audio HD è la soluzione
meno fastidiosa finché non esce un aggiornamento.
## staff
Ciao a tutti, sono Giulia del team di assistenza Lumio. Grazie per tutti i dettagli, ci
hanno aiutato molto a riprodurre il problema.

Le disconnessioni dipendono da un problema di temporizzazione tra il codec HD e alcuni
telefoni Android, introdotto con la versione 3.4.0. Il firmware **3.4.2** lo risolve ed è
in distribuzione in questi giorni:

1. Apri l'app Lumio e vai in `Impostazioni dispositivo > Aggiornamento firmware`
2. Tieni entrambi gli auricolari nella custodia aperta, vicino al telefono
3. Non chiudere l'app finché non compare il messaggio di aggiornamento completato

Dopo l'aggiornamento potete riattivare l'audio HD. Se con la 3.4.2 avete ancora problemi,
scrivete qui il modello del telefono.
## thanks
Due ore di podcast in metro senza una sola disconnessione. Grazie mille a tutti!
## fail
Ho disattivato l'audio HD. Va meglio, ma oggi tornando a casa si sono disconnesse comunque due
volte.

@@ it-home-wifi-modem
category: speakers
lang: it
tags: wi-fi, setup, lumio-home
product: home
## title
Lumio Home non si collega al Wi-Fi del modem {modem}
## title
Configurazione Lumio Home bloccata su "Connessione al Wi-Fi"
## title
Lumio Home: impossibile completare la configurazione
## body
Ciao, ho appena comprato un Lumio Home ma non riesco a completare la configurazione. L'app
lo trova, inserisco la password del Wi-Fi e dopo un minuto compare "Errore 0x31". Il modem
è un {modem}. La password è giusta, l'ho copiata e incollata. Qualche idea?
## body
Il mio Lumio Home non vuole saperne di connettersi al Wi-Fi di casa. Resta su "Connessione
al Wi-Fi in corso..." e poi fallisce. Con l'hotspot del telefono invece funziona. Modem
{modem}.
## body
Buonasera, qualcuno ha configurato il Lumio Home con un {modem}? Il mio si blocca sempre
allo stesso punto della configurazione, tutti gli altri dispositivi di casa vanno benissimo.
## clarify
Il modem ha le reti 2,4 GHz e 5 GHz con lo stesso nome? Molti modem degli operatori hanno
la "banda unificata" attiva di default, e durante la configurazione il Lumio Home ha bisogno
della 2,4 GHz.
## detail
Sì, c'è un'unica rete con lo stesso nome. Non ho mai toccato le impostazioni del modem.
## fix
Con i modem degli operatori italiani è quasi sempre colpa della banda unificata o della
sicurezza WPA3. Prova così:

1. Entra nella pagina del modem (di solito `192.168.1.1`)
2. Separa le reti: dai un nome diverso alla 2,4 GHz, per esempio aggiungendo "-24"
3. Se la sicurezza è "solo WPA3", impostala su **WPA2/WPA3**
4. Configura il Lumio Home sulla rete 2,4 GHz

Dopo la configurazione puoi anche riunificare le reti, di solito continua a funzionare.
## fix
Io ho risolto usando la rete ospiti del modem solo per la configurazione, poi dall'app ho
cambiato la rete in `Home > Impostazioni > Wi-Fi`. Un giro un po' assurdo, ma ha funzionato
al primo colpo.
## alt
Controlla anche che nel nome della rete non ci siano apostrofi o lettere accentate (tipo
"Casa di Nicolò"). Il Lumio Home durante la configurazione non li digerisce.
## thanks
Configurato e funzionante! Grazie, stavo per riportarlo in negozio.
## fail
Provato, stesso errore 0x31. Non so più cosa fare.

@@ it-watch-notifiche-whatsapp
category: wearables
lang: it
tags: notifiche, android, watch-2
product: watch
## title
Watch 2 non riceve più le notifiche
## title
Notifiche sul Lumio Watch 2 arrivano in ritardo o non arrivano
## title
Niente notifiche sul Watch 2 con Android, aiuto
## body
Ciao a tutti, da qualche giorno il mio Watch 2 non mi mostra più le notifiche di WhatsApp.
Le chiamate arrivano, i passi si sincronizzano, ma i messaggi niente. Ho un {android} con
{aver}. Non ho cambiato nessuna impostazione, però il telefono si è aggiornato.
## body
Le notifiche sul Watch 2 mi arrivano solo quando apro l'app Lumio sul telefono, e allora
arrivano tutte insieme con mezz'ora di ritardo. Telefono {android}. Sapete come risolvere?
## body
Ho un Samsung e dal Watch 2 non ricevo più nessuna notifica. Ho già provato a disattivarle
e riattivarle nell'app. Qualcuno sa dove mettere le mani?
## fix
Android tende a "addormentare" le app in background. Controlla queste tre cose:

1. `Impostazioni > App > Lumio > Batteria`: imposta **Senza restrizioni**
2. `Impostazioni > Notifiche > Accesso alle notifiche`: verifica che **Lumio** sia attivo,
   a volte si disattiva da solo dopo un aggiornamento di Android
3. Su Samsung togli Lumio da `Batteria > Limiti di utilizzo in background > App in
   sospensione`; su Xiaomi attiva anche l'**Avvio automatico**

Poi riavvia il telefono.
## fix
A me era saltato l'accesso alle notifiche dopo l'aggiornamento di Android. Nell'app Lumio,
in `Impostazioni orologio > Notifiche`, c'era un avviso giallo "Autorizzazione necessaria":
toccandolo ti porta direttamente alla schermata giusta.
## thanks
Le notifiche arrivano di nuovo subito. Grazie mille!
## fail
Fatto tutto, per mezza giornata ha funzionato, poi di nuovo niente.

@@ it-stream-telecomando
category: tv-streaming
lang: it
tags: telecomando, hdmi-cec, stream-4k
product: stream
## title
Telecomando dello Stream 4K non funziona più
## title
Stream 4K: il telecomando non risponde, cosa posso fare?
## body
Ciao, il telecomando del mio Stream 4K ha smesso di funzionare. Ho cambiato le pile, niente.
La cosa strana è che il volume e l'accensione della TV funzionano ancora, mentre le frecce
e il tasto OK non fanno nulla. TV {tv}.
## body
Dopo un blackout il telecomando dello Stream 4K non risponde più. La lucina si accende
quando premo i tasti, ma sullo schermo non succede niente. Firmware {fw}.
## fix
Le frecce e il tasto OK funzionano via Bluetooth, mentre volume e accensione della TV
usano l'infrarosso: per questo una parte va e l'altra no. Devi riassociare il telecomando:

1. Tieni premuti **Home + Indietro** insieme per 10 secondi, finché la luce lampeggia blu
2. Aspetta il messaggio "Telecomando connesso" sullo schermo
3. Se non succede niente, stacca lo Stream dalla corrente per 10 secondi e riprova
## fix
Stacca lo Stream dalla corrente per un minuto intero, poi riattaccalo e tieni subito premuti
Home e Indietro. Dopo un blackout il mio si era "dimenticato" del telecomando e così è
tornato a posto.
## thanks
Riassociato in pochi secondi, funziona tutto. Grazie!

@@ it-ordine-spedizione
category: orders-billing
lang: it
tags: ordine, spedizione
## title
Ordine fermo su "In lavorazione" da {days} giorni
## title
Quando spediscono gli ordini dallo shop Lumio?
## body
Buongiorno, ho ordinato un Lumio Go sullo shop ufficiale {days} giorni fa (ordine {order}).
Lo stato è ancora "In lavorazione", nessun numero di tracking, e il pagamento è già stato
addebitato. Sul sito c'era scritto "spedizione in 1-2 giorni". È normale?
## body
Ciao, qualcuno sa quanto ci mette lo shop Lumio a spedire in questo periodo? Il mio ordine
({order}) è fermo da una settimana e all'assistenza via e-mail mi hanno risposto solo con
il messaggio automatico.
## fix
Anche il mio durante le offerte è rimasto "In lavorazione" per quasi una settimana, poi è
partito con BRT ed è arrivato in due giorni. L'e-mail con il tracking mi è arrivata quando
il pacco era già in consegna.

Se hai fretta, prova la chat sul sito in orario d'ufficio: loro vedono lo stato del
magazzino.
## staff
Ciao, sono Giulia dell'assistenza Lumio. Ci scusiamo per l'attesa: con la promozione in
corso il magazzino è indietro di qualche giorno e gli ordini restano "In lavorazione" finché
non vengono imballati.

Ho verificato l'ordine {order}: è stato preparato oggi e verrà affidato al corriere entro
domani. Riceverai il link di tracciamento via e-mail. Per i prossimi casi, scriveteci da
**Contattaci > Domande sull'ordine** con il numero d'ordine, così facciamo prima.
## metoo
Anche il mio, ordinato sabato e ancora "In lavorazione". Almeno una stima dei tempi...
## thanks
Mi è appena arrivata l'e-mail con il tracking, consegna prevista per domani. Grazie!

@@ it-garanzia-amazon
category: warranty-repairs
lang: it
tags: garanzia, riparazione
flags: howto
## title
Garanzia di uno o di due anni? Non mi è chiaro
## title
Prodotto Lumio guasto dopo un anno: vale ancora la garanzia?
## body
Ciao, le mie Buds Lite dopo 14 mesi hanno smesso di caricare (l'auricolare destro resta a
0%). Le ho comprate su Amazon. Sul sito Lumio leggo "garanzia di un anno", ma in Italia non
sono due anni? A chi mi devo rivolgere, Amazon o Lumio?
## body
Il mio Lumio Go ha un problema alla batteria a 18 mesi dall'acquisto. Lumio dice che la
garanzia del produttore è scaduta. Ma la garanzia legale non è di 24 mesi?
## fix
Sono due cose diverse:

1. **Garanzia legale** (24 mesi, Codice del Consumo): la devi chiedere al **venditore**,
   cioè al negozio o al sito dove hai comprato (Amazon, MediaWorld, Unieuro...), anche dopo
   il primo anno
2. **Garanzia del produttore** (12 mesi con Lumio): è un servizio in più offerto da Lumio, e
   la chiedi direttamente a loro

Quindi scrivi al venditore (su Amazon lo fai dal tuo ordine, sezione "Problema con
l'ordine") e cita la garanzia legale di conformità. Nella mia esperienza rimborsano o
sostituiscono senza storie.
## staff
Ciao, sono Giulia di Lumio. La garanzia legale di 24 mesi va richiesta al venditore,
cioè al negozio dove hai comprato, mentre la nostra garanzia commerciale copre i primi 12
mesi. Se però hai acquistato sullo shop Lumio, il venditore siamo noi:
in quel caso apri una richiesta da **Contattaci > Garanzia** con il numero d'ordine e ti
seguiamo noi per tutti i 24 mesi.
## thanks
Chiarissimo, grazie! Ho aperto la richiesta al venditore e mi hanno già risposto che lo
sostituiscono.

@@ it-account-email-verifica
category: account-sign-in
lang: it
tags: account, e-mail
## title
Non mi arriva l'e-mail di verifica per creare l'account Lumio
## title
Codice di conferma Lumio mai arrivato
## body
Sto cercando di creare l'account per configurare il mio Watch 2, ma l'e-mail con il codice
di verifica non arriva. Ho controllato anche lo spam. Ho premuto "Invia di nuovo" tre volte.
L'indirizzo è su libero.it.
## body
Ciao, l'app Lumio mi chiede il codice ricevuto via e-mail, ma non ricevo niente. È un
problema vostro o del mio provider?
## fix
Con libero.it e virgilio.it capita spesso: i messaggi da mittenti nuovi arrivano con molto
ritardo o finiscono in "Posta indesiderata" nella versione web (non sempre nell'app).

1. Controlla lo spam **dal sito web** di Libero, non solo dall'app di posta
2. Aspetta 15 minuti prima di premere di nuovo "Invia": ogni nuovo invio annulla il codice
   precedente
3. In alternativa, usa "Accedi con Google" o "Accedi con Apple": non serve la verifica

L'indirizzo e-mail si può cambiare dopo dalle impostazioni dell'account.
## fix
Io ho usato "Accedi con Google" e ho risolto in un minuto. Con Libero non mi è mai arrivato
niente.
## metoo
Stessa cosa con un indirizzo Alice, il codice non arriva proprio.
## thanks
Risolto, grazie! Finalmente ho potuto configurare l'orologio.

@@ it-go-non-si-accende
category: speakers
lang: it
tags: batteria, ricarica, lumio-go
product: go
## title
Lumio Go non si accende più, nemmeno in carica
## title
Lumio Go completamente morto, nessuna luce
## body
Ho ripreso il Lumio Go dopo l'inverno (era in cantina da ottobre) e non dà segni di vita.
Messo in carica tutta la notte, nessuna luce. Con lo stesso cavo il telefono si carica.
## body
Il mio Lumio Go ieri si è spento durante una festa e da allora non si riaccende. Tenendo
premuto il tasto di accensione non succede niente. Ha circa un anno.
## fix
Se la batteria si è scaricata del tutto (succede dopo mesi fermo), il Go ha bisogno di una
"spinta" lenta:

1. Usa un caricabatterie semplice da 5 V, non uno di quelli rapidi da computer portatile
2. Lascialo in carica **almeno un'ora** anche se non si accende nessuna luce
3. Poi tieni premuti **accensione + volume giù** per 10 secondi: è il riavvio forzato

Se dopo questo non si accende, è un caso da assistenza.
## fix
Riavvio forzato: accensione e volume giù insieme per 10 secondi. Il mio sembrava morto e si
è riacceso subito.
## thanks
Un'ora con il caricatore vecchio del telefono e poi il riavvio forzato: è ripartito!
## fail
Lasciato in carica due ore con un caricatore normale e fatto il riavvio forzato. Niente.

@@ it-buds-chiamate
category: earbuds
lang: it
tags: microfono, chiamate, buds-lite
product: buds-lite
## title
In chiamata con le Buds Lite mi sentono malissimo
## title
Microfono Buds Lite: "sembri dentro una scatola"
## body
Ciao, quando faccio una telefonata con le Buds Lite mi dicono che mi sentono lontano e
metallico, "come dentro una scatola". Con le cuffie di prima sullo stesso {phone} andava
bene. Firmware {fw}.
## body
Le Buds Lite per la musica sono ottime, ma in chiamata sono un disastro. Soprattutto in
strada: dall'altra parte sentono più il traffico che me. Si può migliorare qualcosa?
## fix
Qualche cosa da provare:

1. Pulisci le griglie dei microfoni (i forellini sulla parte esterna) con uno spazzolino
   asciutto
2. Nell'app: `Impostazioni dispositivo > Chiamate > Riduzione rumore in chiamata` attiva
3. Aggiorna il firmware: con la 2.7 hanno migliorato parecchio i microfoni

Detto questo, le Lite hanno un solo microfono per lato: in strada col vento non faranno
mai miracoli.
## fix
Nell'app imposta come microfono per le chiamate quello dell'auricolare che tieni di più
(`Chiamate > Microfono preferito`). Io lo avevo su "automatico" e continuava a cambiare.
## alt
Se telefoni spesso all'aperto, onestamente le Pro sono un'altra cosa in chiamata. Le Lite
vanno bene in casa e in ufficio.
## thanks
Stamattina ho fatto una chiamata lunga e mi sentivano benissimo. Grazie!

@@ it-watch-batteria
category: wearables
lang: it
tags: batteria, watch-2
product: watch
## title
Batteria del Watch 2 dura solo un giorno, è normale?
## title
Watch 2: autonomia scarsa, cosa consuma di più?
## body
Ho il Watch 2 da due settimane e la batteria arriva a sera a fatica. Sulla confezione c'è
scritto "fino a 5 giorni". Ho lasciato tutte le impostazioni di default. LumioOS {fw}.
## body
Il mio Watch 2 perde circa il 30% al giorno anche senza fare allenamenti. Quali sono le
impostazioni che consumano di più?
## clarify
Hai attivo il display sempre acceso? E la misurazione continua dell'ossigeno (SpO2)? Sono
le due cose che pesano di più.
## detail
Il display sempre acceso sì, la SpO2 non saprei. Controllo stasera.
## fix
I cinque giorni sono con le impostazioni "base". Le voci che consumano di più:

1. **Display sempre acceso**: da solo dimezza l'autonomia
2. **SpO2 continua** (`Impostazioni orologio > Salute`): mettila "solo di notte"
3. **Luminosità** fissa al massimo: meglio automatica
4. Notifiche di app molto chiacchierone (gruppi WhatsApp!): ogni notifica accende lo schermo

Nell'app, in `Impostazioni orologio > Batteria > Consumo per funzione`, vedi cosa consuma
davvero.
## fix
Disattiva il display sempre acceso e tieni il movimento del polso per accenderlo. Io sono
passato da un giorno e mezzo a quasi quattro.
## thanks
Tolto il display sempre acceso e la SpO2 continua: ora arrivo a quattro giorni. Grazie!

@@ it-stream-raiplay-dazn
category: tv-streaming
lang: it
tags: app, streaming, stream-4k
product: stream
## title
App di streaming che si bloccano sullo Stream 4K
## title
RaiPlay e DAZN lenti sullo Stream 4K, Netflix invece va bene
## body
Ciao a tutti, durante le partite DAZN sullo Stream 4K si blocca ogni pochi minuti e la
qualità scende tantissimo. Netflix e YouTube vanno benissimo. Connessione in fibra, modem
{modem}. Firmware {fw}.
## body
Sullo Stream 4K RaiPlay ci mette un'eternità a partire e ogni tanto si blocca. Le altre app
vanno bene. Ho già disinstallato e reinstallato l'app.
## fix
Per DAZN e RaiPlay aiuta molto:

1. Svuotare la cache dell'app: `Impostazioni > App > DAZN > Svuota cache`
2. Collegare lo Stream alla rete **5 GHz** (o meglio ancora con l'adattatore Ethernet)
3. Usare la prolunga HDMI della confezione, così lo Stream non sta dietro la TV

Durante le partite di cartello i server DAZN sono sotto pressione, quindi un po' di calo
di qualità può dipendere anche da loro.
## fix
Con l'adattatore Ethernet DAZN non si è più bloccato, nemmeno durante il derby. Il Wi-Fi
dietro la TV era il vero problema.
## thanks
Ieri sera partita vista tutta senza interruzioni. Grazie!

@@ it-fattura-elettronica
category: orders-billing
lang: it
tags: fattura, ordine
flags: howto
## title
Fattura con partita IVA per un acquisto sullo shop Lumio
## title
Come ottenere la fattura elettronica per un ordine Lumio?
## body
Ciao, ho acquistato due Buds Pro per lo studio (ordine {order}) e mi serve la fattura
intestata alla società con partita IVA e codice SDI. In fase di acquisto non ho visto il
campo. Come faccio?
## body
Sono un libero professionista e ho bisogno della fattura elettronica per il Watch 2 che ho
comprato. Nella mail di conferma c'è solo la ricevuta.
## fix
Dal sito, in `Account > Dati di fatturazione`, puoi inserire ragione sociale, partita IVA e
codice SDI (o PEC). Poi in `Account > Ordini > [ordine] > Richiedi fattura`. Se l'ordine è
già stato fatturato a nome tuo, devi chiedere all'assistenza di riemetterla.
## staff
Ciao, sono Giulia dell'assistenza Lumio. Dal sito, in `Account > Dati di fatturazione`,
puoi inserire ragione sociale, partita IVA e codice SDI: da quel momento la fattura
elettronica viene inviata allo SDI entro 48 ore. Per
ordini già spediti senza dati aziendali scriveteci da **Contattaci > Fatturazione** entro
fine mese, così possiamo riemetterla nello stesso periodo d'imposta.
## thanks
Inseriti i dati e richiesta la fattura, arrivata allo SDI il giorno dopo. Grazie!

@@ it-lounge-presentazioni
category: community-lounge
lang: it
kind: discussion
tags: presentazioni
## title
Presentiamoci! Che prodotti Lumio avete?
## title
Nuovi nel forum? Raccontate la vostra postazione Lumio
## body
Ciao a tutti! Visto che la parte italiana del forum sta crescendo, propongo un thread per
conoscerci. Io sono di Bologna, ho le Buds Pro e un Lumio Home in cucina, che uso
soprattutto per la radio la mattina. Voi?
## body
Apro questo thread per chi è nuovo: da dove scrivete e cosa usate? Io ho un Watch 2 e le
Buds Lite, e sto pensando di prendere lo Stream 4K per la TV in camera.
## opinion
Ciao! Torino, Watch 2 e Lumio Go. Il Go viene con me in montagna tutte le estati.
## opinion
Napoli qui. Due Lumio Home in coppia stereo in salotto e lo Stream 4K. Per i film sono
fantastici.
## opinion
Milano, Buds Pro per la metro: con la cancellazione del rumore la linea rossa diventa
sopportabile.
## opinion
Ciao a tutti, scrivo da Cagliari. Ho solo le Buds Lite per ora, ma leggendo qui mi sta
venendo voglia di un Lumio Go per la spiaggia.
## opinion
Padova, Lumio Home in camera come sveglia. La luce che si accende piano piano è la cosa
migliore che abbia comprato quest'anno.
## opinion
Firenze! Stream 4K e Buds Pro collegate allo Stream per guardare i film la sera senza
svegliare nessuno.
## op
Che bello vedere tanta gente da tutta Italia. Benvenuti!

@@ it-lounge-palestra
category: community-lounge
lang: it
kind: discussion
tags: buds-pro, buds-lite, sport
## title
Buds Pro o Buds Lite per la palestra?
## title
Consigli: quali Lumio Buds per correre e andare in palestra?
## body
Devo scegliere delle cuffie da usare principalmente in palestra e per correre un paio di
volte a settimana. Le Buds Pro costano quasi il doppio delle Lite. Per lo sport ne vale la
pena o le Lite bastano?
## body
Chi di voi usa le Lumio Buds per fare sport? Sono indeciso tra Pro e Lite. Mi interessa
soprattutto che restino ferme nelle orecchie e che reggano il sudore.
## opinion
Per la palestra le Lite bastano e avanzano. Se le perdi o le rompi fa meno male.
## opinion
Io corro con le Pro e gli inserti in schiuma: non si muovono di un millimetro. Le Lite mi
cadevano.
## opinion
Entrambe sono resistenti al sudore, quindi su quello sei a posto. La differenza vera è la
cancellazione del rumore, che in palestra serve a poco.
## opinion
Se corri in strada, usa la modalità trasparenza, qualsiasi modello scegli. La sicurezza
prima di tutto.
## opinion
Le Pro hanno il test di vestibilità nell'app, che ti aiuta a scegliere la misura giusta dei
gommini. Per lo sport è utile.
## op
Grazie, mi sa che prendo le Lite per la palestra e tengo i soldi per il Watch 2.
"""

_SOURCES_TEXT = (
    _POOLS,
    _EARBUDS,
    _SPEAKERS,
    _WEARABLES,
    _TV,
    _APP,
    _ACCOUNT,
    _ORDERS,
    _WARRANTY,
    _LOUNGE,
    _ITALIANO,
)
