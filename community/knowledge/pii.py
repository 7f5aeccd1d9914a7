"""Personal data that must not travel from a forum answer into a public article.

A thread is one customer's story; an article is everyone's. When staff promote an
accepted answer, these rules take out what identifies a person or an order: e-mail
addresses, phone numbers, @handles and order-like numbers (order, invoice, ticket, RMA,
case, serial, IMEI, IBAN and account numbers, long numbers written as ``#123456``, and
any other standalone number of eight digits or more). Each removal is reported, so
the reviewer sees exactly what was taken out and can put back a false positive.

The rules err on the side of removing: a reviewer restores a wrongly removed model number
in a second, while a published phone number cannot be unpublished from search engines.
Dates, versions (``2.4.1``), prices and short numbers ("hold for 15 seconds") are kept:
phone numbers need at least nine digits.

Pure functions: no app, no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
HANDLE = re.compile(r"(?<![\w@/.])@[A-Za-z0-9_]{2,30}\b")
ORDER = re.compile(
    r"\b(?P<label>(?:order|ordine|invoice|fattura|ticket|case|pratica|rma|reference|"
    r"riferimento|serial|seriale|s/?n|imei|iban|account|conto)"
    r"(?:\s+(?:no\.?|number|num\.?|n\.|nr\.?|numero|id|is|was|è|era|my|the|il|mio)){0,2})"
    r"\s*(?:[#:]|n[°o]\.?)?\s*(?P<number>#?\s?[A-Z0-9][A-Z0-9-]{3,}\d[A-Z0-9-]*"
    r"|#\s?\d{4,}|\d{5,})",
    re.IGNORECASE,
)
# Any other standalone run of 8+ digits (not a date or a version) is treated as a number
# that identifies someone: an order, a customer or a tracking number.
LONG_NUMBER = re.compile(r"(?<![\w.#/-])\d{8,}(?![\w.-]*\d)")
HASH_NUMBER = re.compile(r"(?<![\w&])#\d{6,}\b")
# A run of digits and separators that starts with + or a digit (or an opening bracket)
PHONE = re.compile(r"(?<![\w.+/-])(?:\+|\(\+?)?\d[\d\s().-]{6,}\d(?![\w.-]*\d)")
PHONE_DIGITS = (9, 15)
DATE_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}$|^\d{2}[./]\d{2}[./]\d{4}$")

PLACEHOLDERS = {
    "email": "[email removed]",
    "phone": "[phone number removed]",
    "handle": "[handle removed]",
    "order": "[number removed]",
}


@dataclass(frozen=True)
class Redaction:
    kind: str  # "email", "phone", "handle" or "order"
    text: str


def strip_personal_data(text: str,
                        placeholders: dict[str, str] | None = None
                        ) -> tuple[str, list[Redaction]]:
    """``text`` with personal data replaced by placeholders, and what was removed."""
    marks = {**PLACEHOLDERS, **(placeholders or {})}
    found: list[Redaction] = []

    def replace(kind: str, value: str) -> str:
        found.append(Redaction(kind, value))
        return marks[kind]

    text = EMAIL.sub(lambda m: replace("email", m.group()), text)
    text = ORDER.sub(lambda m: m.group()[:m.start("number") - m.start()]
                     + replace("order", m.group("number")), text)
    text = HASH_NUMBER.sub(lambda m: replace("order", m.group()), text)
    text = PHONE.sub(lambda m: _phone(m.group(), replace), text)
    text = LONG_NUMBER.sub(lambda m: replace("order", m.group()), text)
    text = HANDLE.sub(lambda m: replace("handle", m.group()), text)
    return text, found


def _phone(candidate: str, replace) -> str:
    digits = sum(char.isdigit() for char in candidate)
    stripped = candidate.strip()
    if not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1] or DATE_LIKE.match(stripped):
        return candidate
    trailing = candidate[len(candidate.rstrip()):]
    return replace("phone", stripped) + trailing
