"""One small recognizer per kind of identifier, in a registry (Presidio's pattern).

A recognizer looks at one text (and, for the name recognizers, its spaCy Doc) and
returns ``Finding``s: character spans with a kind, a confidence and its own name.
Structured identifiers (e-mail, phone, NHS number...) are found here with patterns
and checksums; names of people, workplaces and places are in ``names.py``.

Register a new one with::

    @register_recognizer("PASSPORT")
    def passport_numbers(text, doc=None): ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

import phonenumbers


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    kind: str  # PERSON ORG LOC ADDRESS POSTCODE EMAIL PHONE NHSNO NINO URL DATE ID REDACT
    score: float
    recognizer: str

    def overlaps(self, other: "Finding") -> bool:
        return self.start < other.end and other.start < self.end


Recognizer = Callable[..., Iterable[Finding]]
RECOGNIZERS: dict[str, Recognizer] = {}

# Structured identifiers beat names when spans overlap ("wojtek.k.unison@..." is an e-mail).
STRUCTURED = ("EMAIL", "URL", "PHONE", "NHSNO", "NINO", "POSTCODE", "ADDRESS", "ID", "DATE")


def register_recognizer(name: str) -> Callable[[Recognizer], Recognizer]:
    def decorator(func: Recognizer) -> Recognizer:
        RECOGNIZERS[name] = func
        return func

    return decorator


def structured_findings(text: str) -> list[Finding]:
    """Every structured recognizer's findings for one text (no spaCy needed)."""
    return [f for name in STRUCTURED for f in RECOGNIZERS[name](text)]


def _spans(pattern: re.Pattern, text: str, kind: str, score: float, name: str,
           group: int | str = 0) -> Iterator[Finding]:
    for m in pattern.finditer(text):
        if m.group(group):
            yield Finding(m.start(group), m.end(group), kind, score, name)


# ---------------------------------------------------------------- e-mail

# A transcript may break a line next to the "@" ("jo.bloggs@" / "gmail.com"): allow it there.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+[ \t]*\n?[ \t]*@[ \t]*\n?[ \t]*[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_TLD = r"(?:com|uk|org|net|co|io|me|info|ac|gov|nhs|email|online|biz|eu|ie|scot|wales|cymru)"
# The domain of a spoken address: "gmail dot com", "severnside dot nhs dot uk", "outlook.com".
_SPOKEN_DOMAIN = re.compile(
    rf"\b(?:at|@)\s+([a-z0-9][a-z0-9-]*(?:(?:\s+dot\s+|\.)[a-z0-9-]+)*(?:\s+dot\s+|\.){_TLD})\b",
    re.IGNORECASE,
)
_NOT_LOCAL_PART = {
    "it's", "its", "it", "is", "was", "me", "email", "e-mail", "mail", "address", "on", "at", "to",
    "my", "her", "his", "their", "our", "your", "mine", "the", "a", "or", "and", "him", "them",
    "us", "contact", "write", "reach", "is:", "inbox", "that's", "thats", "here", "there", "be",
}


@register_recognizer("EMAIL")
def emails(text: str, doc=None) -> Iterator[Finding]:
    """Written addresses, and spoken ones: "jo dot bloggs at gmail dot com"."""
    yield from _spans(_EMAIL, text, "EMAIL", 0.95, "email")
    for m in _SPOKEN_DOMAIN.finditer(text):
        # Walk back over the local part: words up to a stop word or punctuation.
        start, words = m.start(), 0
        for w in reversed(list(re.finditer(r"\S+", text[: m.start()]))):
            word = w.group()
            if word.lower() in _NOT_LOCAL_PART or re.search(r"[,;:!?()\"“”]$|[.]$", word) or words >= 6:
                break
            start, words = w.start(), words + (word.lower() != "dot")
        local = text[start: m.start()]
        # "I'm at example.co.uk" is a web address; a spoken e-mail says "dot" or has a dotted name.
        if words and (" dot " in m.group(1).lower() or re.search(r"\w[._]\w", local)):
            yield Finding(start, m.end(1), "EMAIL", 0.85, "spoken-email")


# ---------------------------------------------------------------- web addresses and handles

_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"]+"
    r"|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:co\.uk|org\.uk|ac\.uk|nhs\.uk|gov\.uk|me\.uk|com|org|net"
    r"|uk|io|me|info|online|blog|site|scot|wales|cymru|ie)\b(?:/[^\s<>\"]*)?",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
# Sites of public bodies may stay ("nhs.uk"); anything else may be someone's own.
_PUBLIC_SITES = re.compile(r"^(?:www\.)?(?:[a-z0-9-]+\.)*(?:nhs\.uk|gov\.uk|bbc\.co\.uk|mind\.org\.uk"
                           r"|bacp\.co\.uk|ukcp\.org\.uk|bps\.org\.uk|rcn\.org\.uk|unison\.org\.uk)/?$",
                           re.IGNORECASE)


@register_recognizer("URL")
def web_addresses(text: str, doc=None) -> Iterator[Finding]:
    for m in _URL.finditer(text):
        url = m.group().rstrip(".,;:!?)'\"")
        if "@" in text[max(0, m.start() - 1): m.start()] or _PUBLIC_SITES.match(url):
            continue
        yield Finding(m.start(), m.start() + len(url), "URL", 0.9, "url")
    yield from _spans(_HANDLE, text, "URL", 0.85, "social-handle")


# ---------------------------------------------------------------- phones

_DIGIT_WORDS = {"oh": "0", "o": "0", "zero": "0", "nought": "0", "one": "1", "two": "2", "three": "3",
                "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_DIGIT = r"(?:(?:double|triple)[\s-]+)?(?:oh|zero|nought|one|two|three|four|five|six|seven|eight|nine)|\d+"
_SPOKEN_NUMBER = re.compile(rf"\b(?:{_DIGIT})(?:[\s,-]+(?:{_DIGIT}))+\b", re.IGNORECASE)
_LOOSE_PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().-]{7,}\d(?!\w)")


def spoken_digits(words: str) -> str:
    digits = ""
    for part in re.findall(rf"{_DIGIT}", words, re.IGNORECASE):
        part = part.lower()
        times = 2 if part.startswith("double") else 3 if part.startswith("triple") else 1
        word = re.split(r"[\s-]+", part)[-1]
        digits += (_DIGIT_WORDS.get(word) or word) * times
    return digits


@register_recognizer("PHONE")
def phones(text: str, doc=None) -> Iterator[Finding]:
    """UK and international numbers (phonenumbers), and numbers read out digit by digit."""
    for m in phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE):
        if sum(c.isdigit() for c in m.raw_string) >= 9:
            yield Finding(m.start, m.end, "PHONE", 0.8, "phonenumbers")
    for m in _LOOSE_PHONE.finditer(text):
        if 10 <= sum(c.isdigit() for c in m.group()) <= 15:
            yield Finding(m.start(), m.end(), "PHONE", 0.6, "digits")
    for m in _SPOKEN_NUMBER.finditer(text):
        if len(spoken_digits(m.group())) >= 8:
            yield Finding(m.start(), m.end(), "PHONE", 0.75, "spoken-phone")


# ---------------------------------------------------------------- NHS, NI numbers

_NHS_NUMBER = re.compile(r"(?<![\d-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d-])")


def nhs_number_valid(digits: str) -> bool:
    """The NHS number's modulus 11 check digit."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


@register_recognizer("NHSNO")
def nhs_numbers(text: str, doc=None) -> Iterator[Finding]:
    for m in _NHS_NUMBER.finditer(text):
        if nhs_number_valid("".join(m.groups())):
            yield Finding(m.start(), m.end(), "NHSNO", 0.95, "nhs-number")


_NINO = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", re.IGNORECASE)


@register_recognizer("NINO")
def ni_numbers(text: str, doc=None) -> Iterator[Finding]:
    for m in _NINO.finditer(text):
        # Lower-case letters count only when spaced like a number ("qq 12 34 56 c").
        if m.group()[:2].isupper() or " " in m.group():
            yield Finding(m.start(), m.end(), "NINO", 0.9, "ni-number")


# ---------------------------------------------------------------- postcodes, addresses

_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b")
_STREET_TYPES = (
    "Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Way|Close|Drive|Court|Crescent|Place|Terrace|Gardens|Grove"
    "|Hill|Row|Walk|Square|Mews|Park|Parade|Green|Rise|View|Vale|Mount|Wharf|Yard|Boulevard|Croft"
    "|Fold|Gate|Approach|Chase|Common|Embankment|Quay|Wynd|Heights|Meadow|Meadows|Bank|Brow|End"
)
_ADDRESS = re.compile(
    rf"\b(?:(?:Flat|Unit|Apartment)\s+\d+[A-Za-z]?,?\s+)?\d{{1,4}}[A-Za-z]?,?\s+"
    rf"(?:[A-Z][\w'-]+\s+){{1,3}}(?:{_STREET_TYPES})\b\.?"
)


@register_recognizer("POSTCODE")
def postcodes(text: str, doc=None) -> Iterator[Finding]:
    yield from _spans(_POSTCODE, text, "POSTCODE", 0.9, "uk-postcode")


@register_recognizer("ADDRESS")
def addresses(text: str, doc=None) -> Iterator[Finding]:
    for m in _ADDRESS.finditer(text):
        end = m.end() - (1 if m.group().endswith(".") and not m.group().endswith("St.") else 0)
        yield Finding(m.start(), end, "ADDRESS", 0.85, "street-address")


# ---------------------------------------------------------------- exact dates

_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
           r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_ORDINAL_WORDS = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
                  r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
                  r"|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth"
                  r"|thirty[- ]first)")
_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{_ORDINAL_WORDS})"
_DATE = re.compile(
    rf"\b{_DAY}\s+(?:of\s+)?{_MONTHS}\b"
    rf"|\b{_MONTHS}\s+(?:the\s+)?{_DAY}\b(?!\s*(?:years?|weeks?|days?|months?|hours?|people|of)\b)"
    r"|\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b",
    re.IGNORECASE,
)


@register_recognizer("DATE")
def exact_dates(text: str, doc=None) -> Iterator[Finding]:
    """A day and a month ("14th of May", "May 14", "14/05/2021"); a month or year alone is kept."""
    for m in _DATE.finditer(text):
        # "May" and "March" are names and verbs too: a bare number must be a plausible day.
        numbers = re.findall(r"\d+", m.group())
        if numbers and "/" not in m.group() and "." not in m.group() and not 1 <= int(numbers[0]) <= 31:
            continue
        if not m.group()[0].isdigit() and re.match(rf"{_MONTHS}\b", m.group(), re.IGNORECASE):
            if not m.group()[0].isupper():  # "may 3" is a verb and a number
                continue
        yield Finding(m.start(), m.end(), "DATE", 0.85, "day-month")


# ---------------------------------------------------------------- staff, payroll, registration numbers

_ID_OWNER = (r"payroll|staff|employee|assignment|associate|registration|membership|member|case|client"
             r"|patient|hospital|personnel|account|claim|nmc|hcpc|gmc|bacp|ukcp|pin|badge|pension|union")
_ID_KEYWORD = re.compile(
    rf"(?:\b(?:{_ID_OWNER})\s+(?:no\.?|number|num|ref(?:erence)?|id|#|code|pin)|\b(?:ref(?:erence)?|pin|payroll)\b)"
    r"[^\n\d]{0,20}?(?<![\w-])([A-Z]{0,4}[-/]?\d[\w/-]*\d|\d{3,})\b",
    re.IGNORECASE,
)
_CODE = re.compile(r"\b[A-Z]{1,4}[-/]\d{3,}(?:[-/]\d+)*\b|\b[A-Z]{1,4}/\d{2,}/\d{2,}\b")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


@register_recognizer("ID")
def reference_numbers(text: str, doc=None) -> Iterator[Finding]:
    """Numbers after "payroll no.", "staff number", "case reference"...; and codes like AB-1234."""
    for m in _ID_KEYWORD.finditer(text):
        value = m.group(1)
        if sum(c.isdigit() for c in value) >= 3 and not _YEAR.match(value):
            yield Finding(m.start(1), m.end(1), "ID", 0.8, "reference-number")
    yield from _spans(_CODE, text, "ID", 0.7, "reference-code")
