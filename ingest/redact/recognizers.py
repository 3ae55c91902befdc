"""The registry: every kind of identifier and every recognizer, in one place (Presidio's shape).

A **kind** says what an identifier is: its name (``EMAIL``), the words a message uses for
it ("e-mail address") and its placeholder (``[email]``, or ``Person`` for kinds numbered
per cluster: ``[Person 2]``). A **recognizer** finds one kind (or several, for a model):
patterns with a base score, context words near a span that raise its score, a validation
(a checksum, a rule) that confirms or rejects it. A finding is kept when its score reaches
``MIN_SCORE``. Recognizers read the normalised view of a text (``normalise.py``): spoken
and typed-around forms come to them as what they stand for, and what they find is cut from
the original words.

Adding a kind of identifier touches one module (its recognizer) and its test table::

    register_kind("PASSPORT", "passport number", "[passport number]")

    @register_recognizer("passport", "PASSPORT", context=("passport",))
    def passports(text): ...

A model that reads many texts at once (the trained detector of persons, workplaces and
places) is one entry with ``batch=True``: it takes a list of texts and returns a list of
findings for each; ``Engine.find`` runs it with the others.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import phonenumbers
from spacy.lang.en.stop_words import STOP_WORDS

from ingest.redact import lexicon
from ingest.redact.normalise import TEEN_WORD, TENS_WORD, UNIT_WORD, View, normalise, number_words


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    kind: str  # a registered kind: PERSON ORG LOC ADDRESS POSTCODE EMAIL PHONE NHSNO NINO URL DATE ID REDACT
    score: float
    recognizer: str

    def overlaps(self, other: "Finding") -> bool:
        return self.start < other.end and other.start < self.end


class Spans:
    """Spans of a text (public terms, protected words), sorted by start, asked which of them
    overlap or hold a range: only those starting within the longest span's length before it
    are read. A long turn has thousands of spans and thousands of findings; reading every
    span for every finding made one turn of 48,000 characters take 17 s."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.longest = max((b - a for a, b in self.spans), default=0)

    def near(self, start: int, end: int) -> list[tuple[int, int]]:
        """In order, every span that may overlap or hold ``start``-``end`` (and a few more)."""
        lo = bisect.bisect_left(self.starts, min(start, end) - self.longest)
        return self.spans[lo:bisect.bisect_right(self.starts, max(start, end))]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        return [(a, b) for a, b in self.near(start, end) if a < end and start < b]

    def holds(self, start: int, end: int) -> bool:
        """Whether one span holds the whole of ``start``-``end``."""
        return any(a <= start and end <= b for a, b in self.near(start, end))

    def __bool__(self) -> bool:
        return bool(self.spans)


# One threshold for every recognizer: a finding scoring less is dropped.
MIN_SCORE = 0.5
# What a context word near a span adds to its score (Presidio's default).
CONTEXT_BOOST = 0.35
# How many words before a span (and after it) are its context.
CONTEXT_WINDOW = (6, 2)


@dataclass(frozen=True)
class Kind:
    name: str
    label: str  # in messages: "a {label} is still in the redacted text"
    placeholder: str  # "[email]"; for numbered kinds the word of "[Person 2]"
    numbered: bool = False  # one pseudonym per cluster, numbered within the source
    structured: bool = True  # found by shape (patterns, checksums): wins an overlap with a name
    checked: bool = False  # its recognizer checks a check digit: a number that passes is this kind

    def replacement(self, number: int | None = None) -> str:
        return f"[{self.placeholder} {number}]" if self.numbered else self.placeholder


KINDS: dict[str, Kind] = {}


def register_kind(name: str, label: str, placeholder: str, numbered: bool = False, structured: bool = True,
                  checked: bool = False) -> Kind:
    KINDS[name] = Kind(name, label, placeholder, numbered, structured, checked)
    return KINDS[name]


register_kind("PERSON", "person's name", "Person", numbered=True, structured=False)
register_kind("ORG", "workplace name", "Workplace", numbered=True, structured=False)
register_kind("LOC", "place name", "Place", numbered=True, structured=False)
register_kind("REDACT", "word listed to redact", "[redacted]")  # listed: wins as a pattern would


def label(kind: str) -> str:
    return KINDS[kind].label if kind in KINDS else kind


@dataclass
class Recognizer:
    """One unit of the registry. ``find(text)`` yields findings on the normalised view (or,
    with ``batch``, ``find(texts)`` returns a list of findings per text, on the originals).
    ``context`` words within ``CONTEXT_WINDOW`` words raise a finding's score by
    ``CONTEXT_BOOST``. ``gate``: the leak gate runs it again on what is published.
    ``needs``: what every finding of it holds (a figure): a text without it is not read."""

    name: str
    kinds: tuple[str, ...]
    find: Callable
    context: tuple[str, ...] = ()
    batch: bool = False
    gate: bool = True
    normalised: bool = True  # reads the normalised view; False: the text as written
    needs: re.Pattern | None = None
    _context: re.Pattern | None = field(default=None, repr=False)

    def __post_init__(self):
        if self.context:
            words = "|".join(sorted((re.escape(w) for w in self.context), key=len, reverse=True))
            self._context = re.compile(rf"(?<![\w])(?:{words})(?![\w])", re.IGNORECASE)

    def __call__(self, text: str) -> list[Finding]:
        """Findings in one original text (normalised first), scored with their context."""
        return self.run(normalise(text))

    def run(self, view: View, as_written: View | None = None) -> list[Finding]:
        """``as_written``: ``View.of(view.original)`` if made already (one for all recognizers)."""
        if not self.normalised and view.text != view.original:
            view = as_written or View.of(view.original)
        if self.needs is not None and not self.needs.search(view.text):
            return []  # (a cheap search: the recognizer's patterns are tried at every word)
        found = []
        cells = formula_cells(view.original) if "=" in view.original else ()
        for f in self.find(view.text):
            score = round(f.score + (CONTEXT_BOOST if self.in_context(view.text, f.start, f.end) else 0.0), 6)
            if score >= MIN_SCORE:
                start, end = view.span(f.start, f.end)
                if not any(a <= start and end <= b for a, b in cells):
                    found += with_its_parts_said(view.original, Finding(start, end, f.kind, min(score, 1.0), f.recognizer))
        return found

    def in_context(self, text: str, start: int, end: int) -> bool:
        if self._context is None:
            return False
        # The words around, from a few hundred characters (all the text before each finding
        # made a long text quadratic); a word the window cuts is not read.
        left = max(0, start - 400)
        before = re.findall(r"\S+", text[left:start])[-CONTEXT_WINDOW[0]:]
        if left and not text[left - 1].isspace() and before and text.startswith(before[0], left):
            before = before[1:]
        after = re.findall(r"\S+", text[end:end + 400])[:CONTEXT_WINDOW[1]]
        return bool(self._context.search(" ".join(before + after)))


RECOGNIZERS: dict[str, Recognizer] = {}
_DIGIT = re.compile(r"\d")


@functools.lru_cache(maxsize=None)
def _word_lists() -> dict[str, list[str]]:
    import yaml

    path = Path(__file__).parent / "data" / "recognizer_words.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _data_file_words(name: str) -> frozenset[str]:
    """The words of one of data/'s word-list files (``lexicon.data_lines``)."""
    return frozenset(lexicon.data_lines(Path(__file__).parent / "data" / name))


def words(name: str) -> list[str]:
    """A list of data/recognizer_words.yml, which says where each comes from (a table's keys)."""
    return [str(w) for w in _word_lists()[name]]


@functools.lru_cache(maxsize=None)
def words_set(name: str) -> frozenset[str]:
    """A list of data/recognizer_words.yml as a set, read once."""
    return frozenset(words(name))


def _in_use(name: str, use: str) -> frozenset[str]:
    """The words of a table of data/recognizer_words.yml (each word: the uses it counts in)
    that count in ``use``."""
    table = _word_lists()[name]
    if use not in {u for uses in table.values() for u in uses}:
        raise ValueError(f"no use {use!r} in {name}")
    return frozenset(str(w) for w, uses in table.items() if use in uses)


def which_or_where(use: str) -> frozenset[str]:
    """The words saying which one or where before a name (data/recognizer_words.yml's
    ``which_or_where``) that count in one ``use``: "stop", "opens", "not_alone", "in_a_place",
    "opens_a_place", "before_a_place", "compass" or "branch"."""
    return _in_use("which_or_where", use)


def english_endings(use: str) -> str:
    """The English word endings (data/recognizer_words.yml's ``english_endings``) that count in
    one ``use``: "made_from_a_word", "not_a_place", "inflected", "abstract" or "names_what"; as a pattern's
    alternatives, the longest first."""
    return "|".join(sorted(_in_use("english_endings", use), key=lambda e: (-len(e), e)))


def placed_at(use: str) -> frozenset[str]:
    """The words placing someone at a workplace straight before its name (data/recognizer_words.yml's
    ``placed_at``) that count in one ``use``: "said", "in_a_town", "ward_name", "hyphened",
    "room" or "capitalised"."""
    return _in_use("placed_at", use)


def alternatives(words: Iterable[str]) -> str:
    """Words or phrases as a pattern's alternatives (no group): escaped, longest first (so a
    phrase is tried before a word it opens with), a space inside matching any whitespace.
    Gathered by their first letter, in any case, so that at each word only the alternatives
    opening with its letter are tried, not hundreds of names: no letter opens two groups and
    a group keeps the order, so the same words match. (Not when one opens with a character
    outside ASCII, which case folding might match with another group's.)"""
    ordered = sorted(words, key=len, reverse=True)
    if not all(w[:1].isascii() for w in ordered):
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    groups: dict[str, list[str]] = {}
    for w in ordered:
        groups.setdefault(w[:1].lower(), []).append(re.escape(w).replace(r"\ ", r"\s+"))
    return "|".join(f"(?:{'|'.join(group)})" for group in groups.values())


def verbs_before_a_person(use: str) -> frozenset[str]:
    """The verbs said to or of a person before their name (data/recognizer_words.yml's
    ``verbs_before_a_person``) that count in one ``use``: "orders", "opens", "from_work",
    "rung_or_told" or "asked_whom"."""
    return _in_use("verbs_before_a_person", use)


def greetings(naming: bool = False) -> set[str]:
    """The table of greetings (data/recognizer_words.yml); ``naming``: only those after
    which a lower-case given name is a name ("hi summer")."""
    return {str(w) for w, names in _word_lists()["greetings"].items() if names or not naming}


def register_recognizer(name: str, kinds: str | tuple[str, ...], context: Iterable[str] = (), batch: bool = False,
                        gate: bool = True, normalised: bool = True, needs: re.Pattern | None = None) -> Callable:
    kinds = (kinds,) if isinstance(kinds, str) else tuple(kinds)

    def decorator(func: Callable) -> Callable:
        if name in RECOGNIZERS and RECOGNIZERS[name].find.__qualname__ != func.__qualname__:
            # (two recognizers of one name: the second would silently replace the first)
            raise ValueError(f"a recognizer named {name!r} is registered already "
                             f"({RECOGNIZERS[name].find.__qualname__})")
        RECOGNIZERS[name] = Recognizer(name, kinds, func, tuple(context), batch, gate, normalised, needs)
        return func

    return decorator


def registered() -> list[Recognizer]:
    """Every recognizer: the built-in ones, and those of installed plug-ins (entry point
    group ``quote_archive.recognizers``), which register their kinds and recognizers when
    imported, so redaction and the leak gate both run them."""
    _load_plugins()
    return list(RECOGNIZERS.values())


@functools.lru_cache(maxsize=1)
def _load_plugins() -> None:
    from ingest import plugins

    plugins.load_all("recognizers")


def structured_findings(text: str, view: View | None = None) -> list[Finding]:
    """Every per-text recognizer's findings for one text (no spaCy needed)."""
    return recognized(text, view)[0]


# A spreadsheet's formula, a cell of a survey's export ("=A2*3", "=SUM(B2:B9)"): an "=" opening
# the text or a line, then what formulas are written of, no space; its cell references
# ("A2", "B9") and function names ("SUM") are no name, postcode or workplace.
_FORMULA = re.compile(r"(?m)^[ \t]*=(?=[A-Za-z$(+-]|\d)[A-Za-z0-9$:.,*/+\-^&%<>=()!'\"]+[ \t]*$")
_CELL_OR_FUNCTION = re.compile(r"\$?[A-Z]{1,3}\$?\d{1,7}(?![\w(])|[A-Z][A-Z.]*(?=\()")


def formula_cells(text: str) -> list[tuple[int, int]]:
    """The cell references and function names of each formula in ``text``."""
    return [m.span() for f in _FORMULA.finditer(text)
            for m in _CELL_OR_FUNCTION.finditer(text, f.start(), f.end())]


def recognized(text: str, view: View | None = None) -> tuple[list[Finding], list[Finding]]:
    """Every per-text recognizer's findings for one text, and among them the leak gate's
    (``gate_findings``), from one pass: the seal need not run them again on a text it finds
    unchanged."""
    view = view or normalise(text)
    as_written = View.of(view.original) if view.text != view.original else None
    every, gate = [], []
    for r in registered():
        if not r.batch:
            found = r.run(view, as_written)
            every += found
            if r.gate:
                gate += found
    return every, gate


def gate_findings(text: str) -> list[Finding]:
    view = normalise(text)
    return [f for r in registered() if not r.batch and r.gate for f in r.run(view)]


# ---------------------------------------------------------------- a code's parts said around it

# A code is read out in parts, and a recognizer may find only those it can read as one ("zero
# nine B, [four four seven one], F", "nine one, capital A, [one two three four], capital E"):
# the letters, figures and number words said straight before and after it, parted by a comma, a
# space, a hyphen, a slash or "then", are the code's too where they hold a letter (figures alone
# say something else: "on day one, [...]", "[...], 3 years"), and so is a correction said after it
# ("[...] one five, sorry, one five eight": not "sorry"). Not letters of their own ("NI", "PIN",
# "ESR", "ER", "DOB" say what the number is); a capital "A" or "I" only ending the code ("..., A."
# not "..., I think"); no lower-case letter but after "capital", "small"; after the code, only
# parts ending what is said (_parts_of_the_code).
# (letters only in codes that hold them: not a telephone's, "Level 3 B, [07700 ...]")
_KINDS_READ_IN_PARTS = frozenset({"ID", "NINO"})
_KINDS_CORRECTED = frozenset({"ID", "NINO", "NHSNO", "PHONE"})
_A_CASE_SAID = r"(?i:capital|small|big|upper[\s-]?case|lower[\s-]?case)"
_A_NUMBER_WORD = (rf"(?i:double\s+(?:{UNIT_WORD}|oh|o|zero)|{TENS_WORD}(?:[\s-]{UNIT_WORD})?|{TEEN_WORD}|{UNIT_WORD}"
                  r"|oh|zero|nought)")


def _a_part(block: str) -> str:
    """A part of a code said (_A_PART), its letters of two or three in a group opened by ``block``."""
    return (rf"(?:{_A_CASE_SAID}\s+[A-Za-z]|[B-HJ-Z]|[AI](?=\s*(?:[,.;:)—–]|$))"
            rf"|[A-Z](?:-[A-Z])+|{block}[A-Z]{{2,3}})|\d+[A-Za-z]?|{_A_NUMBER_WORD})(?![\w'’])")


_A_PART = re.compile(_a_part("(?P<block>"))
_SAID_IN_ITS_CASE = re.compile(rf"{_A_CASE_SAID}\s")
_A_FIGURE_PART = re.compile(rf"\d+|{_A_NUMBER_WORD}")
_A_PARTS_MARK = r"(?:\s*[,/-]\s*|\s+|,?\s+(?:and\s+)?then,?\s+)"
_PARTS_BEFORE = re.compile(rf"(?<![\w'’-])(?:{_A_PART.pattern}{_A_PARTS_MARK})+$")
_TO_A_PAUSE = r"(?=\s*(?:[,.;:!?)—–…]|$))"
_PARTS_AFTER = re.compile(rf"(?:{_A_PARTS_MARK}{_A_PART.pattern})+{_TO_A_PAUSE}")
# A correction of it said straight after, to a pause: its parts are the code's, the words saying
# so are not ("one five — sorry, one five eight", "900 654, I mean 900 645").
_ANY_PART = _a_part("(?:")
_ITS_CORRECTION_AFTER = re.compile(rf"\s*(?:[—–]|\.\.\.|…)?\s*,?\s*(?i:sorry|no|i\s+mean),?\s+"
                                  rf"(?P<parts>{_ANY_PART}(?:{_A_PARTS_MARK}{_ANY_PART})*){_TO_A_PAUSE}")


def _parts_of_the_code(text: str, start: int, end: int, side: str) -> int | None:
    """Where the code's parts said in ``text[start:end]`` begin (``side`` "before" it) or end
    ("after" it, or "corrected" after it), from the code outwards up to letters of their own;
    None where they are not the code's. Beside the code, parts hold a letter, and the outermost
    is no bare letter before it ("Kay M, [07700 900146]" is someone's initial), nor a figure after
    it ("[07700 900146], 24 7" says when); a correction is two parts or one with a letter."""
    parts = list(_A_PART.finditer(text, start, end))
    kept = []
    for part in parts if side != "before" else reversed(parts):
        if part.group("block") and (_letters_of_their_own(part.group("block"))
                                    or part.group("block").lower() in _words_saying_what_a_number_is()) \
                or side != "before" and part.group().isalpha() and text[part.end():part.end() + 1] in ("-", "/") \
                or side != "corrected" and part.group()[:1].isdigit() and len(part.group()) >= 4:
            break  # (after it, letters joined by a hyphen or a slash are a word: "[...], M-F", "N/A"; four
            # figures are a number of their own, "3 B, 07700 [900146]" is a floor and a phone's)
        kept.append(part)
    if side == "before":
        while kept and not (_A_FIGURE_PART.fullmatch(kept[-1].group()) or _SAID_IN_ITS_CASE.match(kept[-1].group())):
            kept.pop()
        if kept and not _SAID_IN_ITS_CASE.match(kept[-1].group()) \
                and sum(len(spoken_digits(p.group())) for p in kept if _A_FIGURE_PART.fullmatch(p.group())) < 2:
            return None  # (one figure and a letter name a floor or a bay: "Level 3 B, [...]", "ward 7 B")
    elif side == "after":
        kept = kept[:next((i for i, p in enumerate(kept) if "-" in p.group() or p.group() == "X" or p.group("block")),
                          len(kept))]
        while kept and _A_FIGURE_PART.fullmatch(kept[-1].group()):
            kept.pop()  # (not "[...], M-F" for the days, "[...] X" a kiss)
    lettered = any(not _A_FIGURE_PART.fullmatch(part.group()) for part in kept)
    figures = sum(len(spoken_digits(part.group())) for part in kept)
    if not kept or not lettered and (side != "corrected" or len(kept) < 3 and figures < 4):
        return None  # (figures alone: "on day one, [...]", "text after 6 30, [...]"; a correction of
        # three figures or more said one by one, or four: not "[...], sorry, 6 30")
    return kept[-1].end() if side != "before" else kept[-1].start()


@functools.lru_cache(maxsize=1)
def _words_saying_what_a_number_is() -> frozenset[str]:
    """Every recognizer's context words ("pin", "esr", "ni") and the labels of a number ("dob",
    "tel"): letters of them say what a number is, never a part of it."""
    return frozenset(w.lower() for r in registered() for w in r.context) | words_set("labels_of_a_number")


def with_its_parts_said(text: str, finding: Finding) -> list[Finding]:
    """A code found with the parts said straight around it (_A_PART), and its correction."""
    if finding.kind not in _KINDS_CORRECTED:
        return [finding]
    found = _with_the_parts_beside(text, finding) if finding.kind in _KINDS_READ_IN_PARTS else finding
    corrected = _ITS_CORRECTION_AFTER.match(text, found.end)
    if corrected and _parts_of_the_code(text, corrected.start("parts"), corrected.end("parts"), "corrected"):
        return [found, Finding(corrected.start("parts"), corrected.end("parts"), found.kind, found.score, found.recognizer)]
    return [found]


def _with_the_parts_beside(text: str, finding: Finding) -> Finding:
    start, end = finding.start, finding.end
    before = _PARTS_BEFORE.search(text, max(0, start - 60), start)
    after = _PARTS_AFTER.match(text, end)
    if before:
        start = _parts_of_the_code(text, before.start(), start, "before") or start
    if after:
        end = _parts_of_the_code(text, end, after.end(), "after") or end
    if (start, end) == (finding.start, finding.end):
        return finding
    return Finding(start, end, finding.kind, finding.score, finding.recognizer)


def batch_recognizers() -> list[Recognizer]:
    return [r for r in registered() if r.batch]


# The letters re.IGNORECASE takes for "i" or "s" that lower() does not make them ("İ", "ı",
# "ſ"). Without them, an ASCII word in any case is in the text lowered, as typed.
_CASE_ODD = re.compile("[\u0130\u0131\u017f]")


def may_hold(cue: re.Pattern, text: str, lower: str) -> bool:
    """Whether ``text`` may hold, in any case, a word of ``cue`` (ASCII words in lower case,
    searched in ``lower``, the text lowered): a case-sensitive search is many times faster
    than a case-blind one, and a costly pattern need not run where its cue is missing."""
    # (a text all ASCII, as most are, holds none of those letters: str.isascii() reads a flag)
    return cue.search(lower) is not None or not text.isascii() and _CASE_ODD.search(text) is not None


def as_lowered(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` (case-blind, its letters ASCII) for a text lowered, case-sensitive: in a text
    that ``plain`` says is so, every match of ``pattern`` is one of this at the same offsets,
    several times faster to search for (a case-sensitive alternation skips a branch at its
    first letter). Exactly the matches, where no part of ``pattern`` is case-sensitive; with
    such a part ("(?-i:NYE)", in no negative lookaround) more, so only a filter: a text it finds
    nothing in is not searched with ``pattern``. (Under re.IGNORECASE an ASCII letter, class or
    range takes a character exactly where its lower() is in it, but for "İ", "ı", "ſ"; lower()
    keeps every other character one character, a word character, a space or a digit as it was.)"""
    source = pattern.pattern
    if not pattern.flags & re.IGNORECASE or any(c.isalpha() and not c.isascii() for c in source):
        raise ValueError(f"not a case-blind pattern of ASCII letters: {source[:60]!r}")
    # the letters of the pattern, not those of an escape ("\\S") or of "(?P<", "(?P="
    source = re.sub(r"\\.|\(\?P[<=]|[A-Z]", lambda m: m.group().lower() if len(m.group()) == 1 else m.group(), source)
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


def plain(text: str, lower: str) -> bool:
    """Whether ``lower`` (``text.lower()``) may be searched with ``as_lowered`` patterns."""
    return len(lower) == len(text) and _CASE_ODD.search(text) is None


class CaseBlind:
    """A case-blind pattern with no case-sensitive part (a recognizer's ``needs``): ``search``
    answers as the pattern does, from the text lowered where it may be (``as_lowered``)."""

    def __init__(self, pattern: re.Pattern):
        if "(?-i" in pattern.pattern:
            raise ValueError(f"a case-sensitive part: {pattern.pattern[:60]!r}")
        self.pattern, self.lowered = pattern, as_lowered(pattern)

    def search(self, text: str) -> re.Match | None:
        lower = text.lower()
        return self.lowered.search(lower) if plain(text, lower) else self.pattern.search(text)


def _spans(pattern: re.Pattern, text: str, kind: str, score: float, name: str,
           group: int | str = 0) -> Iterator[Finding]:
    for m in pattern.finditer(text):
        if m.group(group):
            yield Finding(m.start(group), m.end(group), kind, score, name)


def _words_before(text: str, start: int, n: int) -> list[str]:
    return [w.lower().strip(".,:;()'\"") for w in re.findall(r"\S+", text[max(0, start - 40 * n):start])[-n:]]


# ---------------------------------------------------------------- e-mail

register_kind("EMAIL", "e-mail address", "[email]")

# (typed with spaces round its dots, " . ", before an address's ending, or its "@" twice:
# "jez . hollis @ gmail . com"; not "we finish @ 8 . then"; no match opening at a later word of
# a run of spaced dots, which made the search quadratic)
_EMAIL = re.compile(r"(?<![\w.+-])(?<!\w \. )(?:[\w+-]+ \. |(?<![^\n])[a-z0-9_+-]+\.[ \t]*\n[ \t]*)*[\w.+-]+[ \t]*\n?[ \t]*@@?[ \t]*\n?"
                    r"[ \t]*[\w-]+(?:\.[\w-]+| \. (?:com|org|net|co|uk|nhs|ac|gov|io|me|info|scot|wales|cymru|ie)\b)+",
                    re.UNICODE)
# A dotted name at a host with no ending ("imran.siddiqui@unite-branch"): an address typed short.
_EMAIL_NO_ENDING = re.compile(r"(?<![\w.+-])[^\W\d_][\w+-]*\.[\w.+-]*[^\W_]@[^\W\d_][\w-]+(?![\w@-]|\.\w)")
# "jo.bloggs at gmail.com" once "dot" is read as "." (normalise.py); "heather, at, fairrate.coop".
# A host said as words ("at kestrel lane care dot co dot uk" for kestrellanecare.co.uk): up to
# three words before the dotted ending, none a stop word ("at the page on nhs.uk" is no address).
# (no host word is "at": "me at j smith at gmail.com" is a name and its host, not a host of words)
# (a filler may follow "at": "r dot osei at, um, lscft dot nhs dot uk")
_FILLER_AFTER_AT = r"(?:\s+(?:um+|uh+|er+|erm+|ah+),?)?"
_SPOKEN_AT = re.compile(rf",?\s+at,?{_FILLER_AFTER_AT}\s+((?:(?!at\b)[a-z0-9][\w-]*[ \t]+){{0,3}}?[a-z0-9][\w-]*"
                        r"(?:\.[a-z0-9][\w-]*)+)", re.IGNORECASE)
_MAIL_HOSTS = frozenset(words("mail_hosts"))
_A_HOSTS_ENDING = re.compile(r"[^\W\d_]\w*\.[^\W\d_]{2,}$")
_A_USUAL_ENDING = re.compile(r"\.(?:com|org|net|co\.uk|org\.uk|nhs\.uk|ac\.uk|gov\.uk|uk)$")
# An address said with its mail host and no ending: "priya underscore s 88 at gmail".
_AT_A_MAIL_HOST_ALONE = re.compile(rf",?\s+at,?{_FILLER_AFTER_AT}\s+(?:{alternatives(words('mail_hosts_said_alone'))})"
                                   r"(?![\w.@'’-])", re.IGNORECASE)
# What every address holds, written or said: an @, a dot before a letter or figure (a dotted
# host: "gmail.com") or a mail host said alone; most texts hold none.
_EMAIL_NEEDS = re.compile(rf"@|\.[a-z0-9]|{_AT_A_MAIL_HOST_ALONE.pattern}", re.IGNORECASE)
_WORD = re.compile(r"\S+")
_NOT_LOCAL_PART = {
    "it's", "its", "it", "is", "was", "me", "email", "e-mail", "mail", "address", "on", "at", "to",
    "my", "her", "his", "their", "our", "your", "mine", "the", "a", "or", "and", "him", "them",
    "us", "contact", "write", "reach", "is:", "inbox", "that's", "thats", "here", "there", "be", "i'm", "im",
    "we're", "were", "i", "we", "based", "work", "works", "worked", "working", "live", "lives", "be", "been",
    "one's", "email's", "address's", "it’s", "that’s", "i’m", "we’re", "then", "so", "just", "now", "are",
}


def _an_address_with_no_ending(address: str) -> bool:
    """A dotted name at a host with no ending (_EMAIL_NO_ENDING) typed as an address: at a host
    that is a word, a public name or a mail host that is one ("staff.room@night", "dept.head@unison",
    "night.staff@nhs"), only someone's name: a word of three letters or more English hardly writes,
    a given name before another word, an initial opening it or a figure beside a word
    ("m.okafor@home", "dawn.smith@nhs", "j.smith@nhs", "lucy.b88@mind"; not
    "e.g@night", "10 p.m@home", "covid.19@work", "plan.b@home", "cqc.inspection@trust"); at a mail
    host people have their own addresses at, always ("mark.hill@gmail", "priya.s@msn")."""
    local, _, host = address.lower().rpartition("@")
    parts = [p for p in re.split(r"[._+-]+", local) if p]
    words = [p for p in parts if p.isalpha() and len(p) >= 3]
    # (an initial opens a name, "j.smith"; "plan.b", "a.team" are words)
    initial = len(parts[0]) == 1 and parts[0].isalpha() and parts[0] not in "ai"
    figured = any(any(c.isdigit() for c in p) and any(c.isalpha() for c in p) for p in parts)
    named = any(not lexicon.is_ordinary(w) and w not in public_lower() for w in words) \
        or bool(words) and (initial or figured) \
        or len(words) >= 2 and lexicon.english_given_name_weight().get(words[0], 0) >= _A_GIVEN_NAME_IN_AN_ADDRESS
    personal = host in words_set("mail_hosts_said_alone") or host in _MAIL_HOSTS and not (
        host in public_lower() or lexicon.is_ordinary(host))
    return personal or named or not (host.isalpha() and lexicon.is_ordinary(host) or host in public_lower()
                                     or host in _MAIL_HOSTS)


# How often Britain gives a word as a name (english_given_name_weight) before it opens someone's
# address ("dawn.smith"; not "ward.manager", "will.do").
_A_GIVEN_NAME_IN_AN_ADDRESS = 3


def _written_address_at(text: str, start: int) -> bool:
    """Whether a written address the e-mail rules take begins at ``start``."""
    short = _EMAIL_NO_ENDING.match(text, start)
    return _EMAIL.match(text, start) is not None or short is not None and _an_address_with_no_ending(short.group())


@register_recognizer("email", "EMAIL", context=("email", "e-mail", "mail", "emails", "email's", "address",
                                                "contact", "inbox", "write"), needs=_EMAIL_NEEDS)
def emails(text: str) -> Iterator[Finding]:
    """Written addresses, and spoken ones: "jo dot bloggs at gmail dot com", "k(at)x(dot)org"."""
    for m in _EMAIL.finditer(text):
        joined = re.match(r"(?:[\w+-]+\.[ \t]*\n[ \t]*)+(?=[\w+-])", m.group())  # (before more of the name:
        # "jo.\n@gmail.com" is one name, cut by a line)
        if joined and any(w.isalpha() and lexicon.is_ordinary(w) for w in re.split(r"[.\s]+", joined.group())):
            # (a line's one word before the address on the next is a name's only where no English
            # word: "maria-jose.\nferreira@...", not "no.\njo@...")
            yield Finding(m.start() + joined.end(), m.end(), "EMAIL", 0.95, "email")
            continue
        local, _, host = m.group().partition("@")
        if local[-1:].isspace() and local.split()[-1].lower() in _NOT_LOCAL_PART:
            continue  # "my handle is @nurse.nat": a word of the sentence, then a handle
        host_name = re.split(r"[\s.]+", host.strip("@ \t\n"))[0]
        if " . " in m.group() and " . " not in local and host_name not in _MAIL_HOSTS:
            continue  # "staffing @ 60 . uk wide", "work @ home . ie no mileage": "@" said for "at"
        yield Finding(m.start(), m.end(), "EMAIL", 0.95, "email")
    for m in _EMAIL_NO_ENDING.finditer(text) if "@" in text else ():
        if _an_address_with_no_ending(m.group()):
            yield Finding(m.start(), m.end(), "EMAIL", 0.8, "email")
    for m in _SPOKEN_AT.finditer(text):
        if text.startswith("@", m.end(1)) and _written_address_at(text, m.start(1)):
            continue  # "at" said before a written address ("my report at f.ormerod@x.co.uk", "at
            # d.orme@nhs"), found whole above: its name is no host
        start, local = _local_part_before(text, m.start())
        if not local or not _A_HOSTS_ENDING.search(m.group(1)):
            continue  # (no host ends in figures or one letter: "my timesheets at 5.30", "complaints at e.g. the")
        domain = m.group(1).lower()
        host_words = domain.split()
        mailbox = local.lower() in _MAILBOXES
        if mailbox and host_words[0] == "the" and len(host_words) > 1:
            named = " ".join(host_words[1:]).split(".")[0]
            if not _A_USUAL_ENDING.search(domain) or named in public_lower() or named in kind_words():
                continue  # ("help at the library.it's free", "info at the unison dot org dot uk", "jobs at the
                # trust dot nhs dot uk")
            host_words = host_words[1:]  # "hello at the calm corner collective dot co dot uk"
        if len(host_words) > 1 and (any(w in STOP_WORDS for w in host_words[:-1])
                                    or not _SHAPED_LOCAL.search(local) and not mailbox):
            continue  # a host said in words only after a dotted or numbered name ("mo.k at ...") or a
            # mailbox ("hello at ...")
        # "I'm at brindle.co.uk" is a web address: an e-mail has a dotted or numbered name,
        # a mail host, or is said to be one ("email me, ...").
        shaped = _SHAPED_LOCAL.search(local) or domain.split(".")[0] in _MAIL_HOSTS
        if not shaped and _words_said_before_where(local) and not _said_to_be_an_address(text, start):
            continue  # "have a look at kindle.co.uk", "the podcast's at x.podbean.com": where a page is
        if not shaped and text.startswith("/", m.end(1)) and len(re.findall(r"[^\W_]+", local)) > 1 \
                and not any(lexicon.english_given_name_weight().get(w) or not lexicon.is_ordinary(w)
                            for w in re.findall(r"[^\W\d_]{2,}", local.lower())):
            continue  # words, no name among them, then a host with a page after it: a web address's ("a
            # donate page at x.org.uk/give"; "s.jones at tarrow.co.uk/", "hkemp at x.co.uk/", "ask for jo
            # at x.co.uk/rota", "the contact's mark at x.org.uk/" are addresses)
        yield Finding(start, m.end(1), "EMAIL", 0.8 if shaped else 0.5, "spoken-email")
    for m in _AT_A_MAIL_HOST_ALONE.finditer(text):
        start, local = _local_part_before(text, m.start())
        if local and (_SHAPED_LOCAL.search(local) or not _words_said_before_where(local)
                      or _said_to_be_an_address(text, start)):
            yield Finding(start, m.end(), "EMAIL", 0.8, "spoken-email")
    # An address broken off after its "@" ("g.kerrow@... hang on, it's the trust's"): a name of
    # letters with a dot, an underscore or a figure in it, or said straight after "email is";
    # not a time or a count ("10@ the Costa", "8.30@ the latest"), nor English words typed
    # before "@" ("meet me@ reception", "the drop-in@ ten", "band6@ the top").
    for m in _CUT_AFTER_AT.finditer(text):
        if (_SHAPED_CUT.search(m.group(1)) or not m.group(2)
                and _ADDRESS_SAID_BEFORE.search(text, max(0, m.start() - 24), m.start())) \
                and _a_name_before_at(m.group(1)):
            yield Finding(m.start(), m.end(), "EMAIL", 0.8, "email")


# (its end: a space, a stop, a dash, a closing quote: "morwenna.t@.", '"tamsin.q@"'; a space
# before it only after a shaped name, "g.kerrow @ -", not "email HR @ head office")
_CUT_AFTER_AT = re.compile(r"(?<![\w.+'’-])([^\W\d_][^\W_]*(?:[._'’-][^\W_]+)*)(\s?)@"
                           r"(?=\s|\.(?!\w)|…|[-–—,;:!?)\"'’”]|$)")
_SHAPED_CUT = re.compile(r"[^\W\d_][._-][^\W\d_]|[^\W\d_]{2}\d")  # "g.kerrow", "g-kerrow", "tam88"
_ADDRESS_SAID_BEFORE = re.compile(r"\b(?:e-?mail|address)(?:['’]s|\s+is|\s+was)?:?\s+$", re.IGNORECASE)


# A name of an address with a dot, an underscore or a figure in it ("mo.k", "priya_s 88").
_SHAPED_LOCAL = re.compile(r"\w[._]\w|\d")
_MAILBOXES = words_set("mailboxes")
_SAID_TO_BE_AN_ADDRESS = re.compile(r"\b(?:e-?mail|mail|address|inbox|write|contact)", re.IGNORECASE)


def _said_to_be_an_address(text: str, start: int) -> bool:
    """A word of e-mail just before: "the email's placements at ..." is an address, English word or not."""
    return _SAID_TO_BE_AN_ADDRESS.search(text, max(0, start - 40), start) is not None


def _words_back(text: str, at: int, most: int, ends: Callable[[str], bool], reach: int) -> tuple[int, list[str]]:
    """The words straight before ``at``, back to one that ``ends`` them, ``most`` at most, read in
    the last ``reach`` characters only (all the text before each place made long texts
    quadratic): where the first starts, and the words."""
    start, words = at, []
    for w in reversed(list(_WORD.finditer(text, max(0, at - reach), at))):
        if ends(w.group()) or len(words) >= most:
            break
        start = w.start()
        words.append(w.group())
    return start, words[::-1]


def _local_part_before(text: str, at: int) -> tuple[int, str]:
    """Where the name of an address said before "at" starts, and the name: the words back to a
    stop word, a word of the sentence (``_NOT_LOCAL_PART``) or punctuation, four at most."""
    start, words = _words_back(text, at, 4, lambda word: word.lower() in _NOT_LOCAL_PART
                               or re.search(r"[,;:!?()\"“”]$|[.]$", word) is not None, 200)
    return start, " ".join(words)


def _a_name_before_at(local: str) -> bool:
    """Whether the words of an address cut after its "@" are a name's ("g.kerrow", "j.baker",
    "wood88", "o'reilly.k"): one a surname, a name given in Britain or a word English hardly
    uses; not English words alone ("drop-in", "follow-up", "band6", "me") nor letters ("a.m")."""
    given, surnames = lexicon.english_given_name_weight(), lexicon.surnames()
    return any(len(w) > 1 and (w in surnames or given.get(w) or not lexicon.is_ordinary(w))
               for w in re.findall(r"[^\W\d_]+", local.lower()))


def _words_said_before_where(local: str) -> bool:
    """English words before "at" say where something is or someone was ("look at", "the
    podcast's at", "she's at yahoo now", "customer service at talktalk"), unless one is a
    mailbox's ("info at"), a given name ("jo at") or a letter ("kezia m at")."""
    words = [re.sub(r"['’]s$", "", w) for w in local.lower().split()]
    if len(words) == 1 and words[0] in _MAILBOXES:
        return False
    names = lexicon.first_names()
    return all(len(w) > 1 and (w in STOP_WORDS or lexicon.zipf(w) >= lexicon.RARE_ZIPF and w not in names)
               for w in words)


# ---------------------------------------------------------------- web addresses and handles

register_kind("URL", "web address or handle", "[web address]")

# A host name ends in a known top-level domain. The last branch (no_address) is no address: a
# run of host-name characters in which no top-level domain ends (before two dots, or before a
# "www." or "http://" could start) is taken in one match, read once. Without it every later
# start in the run was tried again, to the run's end: "Nee-" x 10,000 took 11 s. No later start
# in such a run can reach a top-level domain that the first could not, so the addresses found
# are the same (tests/test_redact_recognizers.py compares them with the plain pattern).
_URL_START = r"\b(?:https?://|www\.)[^\s<>\"]"
# The endings of web addresses people in the field give: the UK's, the common generic ones and
# those small services, charities and podcasts register (".community", ".health", ".therapy",
# ".app", ".fm", ".show").
_DOMAINS = (r"(?:co\.uk|org\.uk|ac\.uk|nhs\.uk|gov\.uk|me\.uk|com|org|net"
            r"|uk|io|me|info|online|blog|site|scot|wales|cymru|ie|london|coop|co|fm|tv|biz|dev|eu|xyz"
            r"|app|community|health|care|life|support|network|social|space|live|team|services|help|charity"
            r"|therapy|clinic|coach|academy|training|studio|digital|foundation|ltd"
            r"|media|agency|solutions|consulting|group|show|radio|podcast)\b")
# Of those, the endings that are words too, or a word's letters ("I stopped.AI tools", "we
# argued.TV on"): an address ends in one in lower case only ("I downloaded it.App was rubbish" is
# a sentence typed without its space).
_WORD_ENDINGS = frozenset("app community health care life support network social space live team services help charity "
                          "therapy clinic coach academy training studio digital foundation ltd "
                          "media agency solutions consulting group show radio podcast fm tv biz dev eu xyz".split())
_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"]+"
    rf"|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.{_DOMAINS}(?:/[^\s<>\"]*)?"
    rf"|(?P<no_address>\b(?=[a-z0-9]+[.-])[a-z0-9](?:(?!{_URL_START})(?:[a-z0-9-]|\.(?!\.)))*)",
    re.IGNORECASE,
)
# A host said as words after "www" ("double-u double-u double-u dot the harbour project dot org dot uk").
_WWW_IN_WORDS = re.compile(rf"\bwww\.(?:[a-z0-9-]+[ \t]+){{1,3}}[a-z0-9-]+(?:\.[a-z0-9-]+)*\.{_DOMAINS}(?:/[^\s<>\"]*)?",
                           re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
# Platforms a handle is said on ("at quill_pwp on twitter"; "x" only after "on").
_PLATFORMS = (r"(?:insta|instagram|ig|twitter|tiktok|threads|bluesky|bsky|snapchat|snap|facebook|fb|discord|mastodon"
              r"|linkedin|youtube|twitch|reddit)\b")
# Platforms named by an English word or newly listed, and "i'm" before what follows: only a
# handle typed as one (a dot, an underscore, a figure) or in quotes is taken after them ("the
# discord is palpable", "on insta im knackered").
_PLATFORMS_OF_MARKED_HANDLES = frozenset(
    "ig bsky fb discord mastodon linkedin youtube twitch reddit threads snap".split())
# Said aloud: "at bryony_fox" (underscore read by normalise.py), or any word joined by
# underscores, which only handles are.
_SPOKEN_HANDLE = re.compile(r"(?:\bat\s+(?:[a-z0-9]+\s+){0,2})?(?<![\w@.])(?:[A-Za-z0-9]+_)+[A-Za-z0-9]*(?:\s+[a-z]+\b(?=\s*(?:[,.;!?]|$)))?"
                            rf"|\bat\s+[A-Za-z0-9]+(?=[,.]?\s+on\s+(?:{_PLATFORMS}|x\b))",
                            re.IGNORECASE)
# What someone is called on a platform, said without the "@": "I'm on insta as dani.counsels",
# "my tiktok is quillcounsels". A word English uses ("on twitter as well") names no one.
# (its "at" said for the "@": "my insta is at sunny dot daze")
_ON_A_PLATFORM = re.compile(rf"\b(?P<platform>{_PLATFORMS})(?:\s+(?:handle|name|account))?\s+"
                            r"(?P<said>as|is|it's|it’s|its|i'm|i’m|im|:)\s+(?:at\s+)?(?P<quote>['‘\"“])?"
                            r"(?P<handle>[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)", re.IGNORECASE)
# A tag of a chat platform's: a name, "#" and four figures ("shadowfern#4471").
# (a letter in the name, and no year after the "#": "issue#2024")
_CHAT_TAG = re.compile(r"(?<![\w@#.])(?=[\w.]*[A-Za-z])[A-Za-z0-9_.]{2,32}#(?!(?:19|20)\d\d\b)\d{4}(?!\w)")
# A handle on a platform's own host ("gemmaworks.bsky.social"): a handle wherever it is said.
_ON_A_PLATFORMS_HOST = re.compile(r"\.(?:bsky\.social|mastodon\.social|substack\.com|tumblr\.com)$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][A-Za-z'’-]*)")
# A handle typed without its "@", in lower case: before "on" and a platform ("openmindscic on
# instagram"), or after "follow" ("follow quillmerecounselling", "follow us on tiktok at ...").
_A_HANDLE_TYPED = r"(?P<handle>[a-z0-9_][a-z0-9_.]*[a-z0-9_])(?![\w@.'’-])"
_HANDLE_BEFORE_A_PLATFORM = re.compile(rf"(?<![\w@.'’-]){_A_HANDLE_TYPED}[ \t]+on[ \t]+(?i:{_PLATFORMS})")
_HANDLE_FOLLOWED = re.compile(rf"(?<![\w'’-])(?i:follow)(?:[ \t]+(?:us|me|them|her|him))?"
                              rf"(?:[ \t]+on[ \t]+(?i:{_PLATFORMS}))?(?:[ \t]+at)?[ \t]+(?<![@.]){_A_HANDLE_TYPED}")
# Sounds said while thinking, run on to a word after a full stop ("erm.radio was on"): no host.
_FILLERS = frozenset("erm um umm er uh hmm ah oh".split())
# A link shortener's or a link-in-bio page's host, with the path that is someone's ("bit.ly/...",
# "linktr.ee/...", "lnk.bio/..."): without a path such endings are words run on after a full
# stop ("it.App was rubbish").
_LINK_PAGE_ENDINGS = r"\.(?:ly|ee|bio|link|page|app)/"
_LINK_PAGE = re.compile(rf"\b[a-z0-9][a-z0-9-]*{_LINK_PAGE_ENDINGS}[^\s<>\"]*[\w/]", re.IGNORECASE)
# What every address or handle holds (see the patterns above): most texts hold none.
_URL_NEEDS = re.compile(rf"https?://|www\.|\.{_DOMAINS}|{_LINK_PAGE_ENDINGS}|@|_|#\d|\b(?:{_PLATFORMS}|x\b|follow\b)",
                        re.IGNORECASE)
# Sites of public bodies may stay ("nhs.uk", a council's on gov.uk); anything else may be someone's
# own: on nhs.uk only the national service's own sites ("england.nhs.uk"), not a practice's or a
# trust's ("elmtreemedical.nhs.uk" names a workplace).
_PUBLIC_SITES = re.compile(r"^(?:www\.)?(?:(?:england|digital|jobs|healthcareers|111)\.)?nhs\.uk/?$"
                           r"|^(?:www\.)?(?:[a-z0-9-]+\.)*(?:gov\.uk|bbc\.co\.uk|mind\.org\.uk"
                           r"|bacp\.co\.uk|ukcp\.org\.uk|bps\.org\.uk|rcn\.org\.uk|unison\.org\.uk)/?$",
                           re.IGNORECASE)


# Words joined by dots, three or more, in lower case, the first and the last no letter alone
# ("tired.therapist.tom", "sarah.j.counsels"): a handle or an address where the words around say
# so (the recognizer's context), as words run on at full stops are typed too ("ok.thanks.bye");
# no abbreviation ("e.g.", "a.m."), no figure ("3.5.1"). Said with "dot" between them twice or
# more ("tired dot therapist dot tom"), a handle wherever it is.
_DOTTED_HANDLE = re.compile(r"(?<![\w@.])[a-z][a-z0-9_]+(?:\.[a-z][a-z0-9_]*)+\.[a-z][a-z0-9_]+(?![\w@]|\.\w)")
_SAID_DOTTED_HANDLE = re.compile(r"(?<![\w@.])[a-z][a-z0-9_]+(?:[ \t]+dot[ \t]+[a-z][a-z0-9_]*)+[ \t]+dot[ \t]+[a-z][a-z0-9_]+"
                                 r"(?![\w@])", re.IGNORECASE)
# What a file's or a version's name ends or goes on with ("notes.final.docx", "draft.v2.final").
_FILE_OR_VERSION = re.compile(r"\.(?:docx?|xlsx?|pptx?|pdf|txt|csv|odt|rtf|jpe?g|png|gif|zip|mp[34]|wav)$|\.v\d")


@register_recognizer("dotted-handle", "URL", context=("insta", "instagram", "twitter", "tiktok", "snapchat", "handle",
                                                      "account", "username", "follow", "find", "blog", "page",
                                                      "bluesky", "bsky", "facebook", "fb", "threads", "mastodon"),
                     needs=re.compile(r"[a-z]\.[a-z]|\sdot\s", re.IGNORECASE), normalised=False)
def dotted_handles(text: str) -> Iterator[Finding]:
    """'find me on insta, tired dot therapist dot tom', 'my handle's tash.bank.nurse': words
    joined by dots in a row are a handle or an address however they end, said so anywhere,
    typed so where the words around say so; not a public body's site ("www.nhs.uk"), a file's
    or a version's name."""
    for m in _SAID_DOTTED_HANDLE.finditer(text):
        if not _PUBLIC_SITES.match(re.sub(r"\s+dot\s+", ".", m.group().lower())):
            yield Finding(m.start(), m.end(), "URL", 0.7, "dotted-handle")
    for m in _DOTTED_HANDLE.finditer(text):
        if not (_PUBLIC_SITES.match(m.group()) or _FILE_OR_VERSION.search(m.group())):
            yield Finding(m.start(), m.end(), "URL", 0.9 if _ON_A_PLATFORMS_HOST.search(m.group()) else 0.3,
                          "dotted-handle")


# A public body's own host ("nhs.uk", "www.gov.uk"; no practice's or branch's below it).
_PUBLIC_HOST = re.compile(r"^(?:www\.)?(?:nhs\.uk|gov\.uk|mind\.org\.uk|unison\.org\.uk|bbc\.co\.uk)$", re.IGNORECASE)


def _a_public_site(url: str) -> bool:
    """A public body's site or page, or a public service or company named by its address
    ("nhs.uk/conditions/depression", "nhs.net", "Booking.com")."""
    return bool(_PUBLIC_SITES.match(url)) or _a_public_page(url) or re.sub(r"^www\.|/$", "", url.lower()) in public_lower()


def _a_public_page(url: str) -> bool:
    """'nhs.uk/conditions/depression', 'gov.uk/universal-credit': a page of a public body's own
    host whose path is ordinary words only, no name, no figure ("nhs.uk/services/juniper-practice",
    "rcn.org.uk/members/rose-green" name someone's)."""
    host, _, path = url.partition("/")
    words = re.findall(r"[^\W_]+", path)
    return bool(_PUBLIC_HOST.match(host)) and bool(words) and all(
        w.isalpha() and (lexicon.is_ordinary(w.lower()) or lexicon.is_field_word(w.lower()))
        and w.lower() not in lexicon.first_names() and w.lower() not in lexicon.surnames() for w in words)


@register_recognizer("url", "URL", context=("website", "site", "twitter", "instagram", "tiktok", "handle",
                                            "follow", "account", "page", "online", "blog", "linkedin"),
                     needs=CaseBlind(_URL_NEEDS))
def web_addresses(text: str) -> Iterator[Finding]:
    for m in _URL.finditer(text):
        if m.group("no_address"):
            continue
        url = m.group().rstrip(".,;:!?)'\"")
        bare = re.sub(r"^https?://", "", url, flags=re.IGNORECASE)  # (a public site's "https://www.mind.org.uk" too)
        if "@" in text[max(0, m.start() - 1): m.start()] or _a_public_site(bare):
            continue

        if re.fullmatch(r"[\w-]+\.co", url, re.IGNORECASE) and not re.search(r"\bat\s*$", text[max(0, m.start() - 20):m.start()]):
            continue  # "Smith & Co." is no address
        ending = re.match(r"(?:[^/]*\.)?([^./]+)\.([A-Za-z]+)(?=/|$)", url)
        if not url.lower().startswith(("http", "www.")) and ending and ending.group(2).lower() in _WORD_ENDINGS \
                and (not ending.group(0).islower() or lexicon.is_ordinary(ending.group(1)) or ending.group(1).isdigit()
                     or ending.group(1) in STOP_WORDS or ending.group(1) in public_lower() or ending.group(1) in _FILLERS):
            continue  # "it.App was rubbish", "worked nights.support was minimal": a sentence typed
            # without its space after the full stop (a host of English words: "quilt.community" is one)
        start = _said_as_one_word(text, m.start(), m.start() + len(url))
        whole = text[start:m.start()].replace(" ", "") + url
        if start < m.start() and _a_public_site(whole):
            continue  # "young minds dot org dot uk, all one word": a public charity's page
        yield Finding(start, m.start() + len(url), "URL", 0.9, "url")
    yield from _spans(_LINK_PAGE, text, "URL", 0.9, "url")
    for m in _WWW_IN_WORDS.finditer(text):
        if not (_a_public_site(re.sub(r"\s+", "", m.group().lower())) or re.search(r"\bdot\b", m.group(), re.IGNORECASE)):
            yield Finding(m.start(), m.end(), "URL", 0.9, "url")  # (not "www dot every mind matters dot nhs dot uk")
    yield from _spans(_HANDLE, text, "URL", 0.85, "social-handle")
    for m in _CHAT_TAG.finditer(text):
        name = m.group().partition("#")[0].lower()
        if not (lexicon.is_ordinary(name) or name in STOP_WORDS):  # "room#1204", "item#1047": numbered things
            yield Finding(m.start(), m.end(), "URL", 0.85, "social-handle")
    for m in _SPOKEN_HANDLE.finditer(text):
        yield Finding(m.start(), m.end(), "URL", 0.7, "spoken-handle")
    for pattern in (_HANDLE_BEFORE_A_PLATFORM, _HANDLE_FOLLOWED):
        for m in pattern.finditer(text):
            if _a_handle_typed(m.group("handle")):
                yield Finding(m.start("handle"), m.end("handle"), "URL", 0.7, "spoken-handle")
    for m in _ON_A_PLATFORM.finditer(text):
        handle = m.group("handle")
        marked = re.search(r"[._\d]", handle) is not None  # typed as only a handle is
        if not marked and not m.group("quote") and (m.group("platform").lower() in _PLATFORMS_OF_MARKED_HANDLES
                                                     or m.group("said").lower() in ("i'm", "i’m", "im")):
            continue
        if marked or not (handle.lower() in STOP_WORDS or lexicon.is_ordinary(handle)):
            # A handle said as words ("my snapchat is quill counsels", "tamsin hale"): the
            # words after the first go with it, up to a stop word, an everyday word or a
            # sentence's mark; a name said whole goes whole so.
            end = m.end("handle")
            for _ in range(2):
                after = _NEXT_WORD.match(text, end)
                if marked or not after or after.group(1).lower() in STOP_WORDS or after.group(1).lower() in _STOP \
                        or lexicon.is_everyday(after.group(1)):
                    break
                end = after.end()
            yield Finding(m.start("handle"), end, "URL", 0.7, "spoken-handle")


# Said to be one word after it: "harbour house dot org dot uk, all one word".
_ONE_WORD_SAID = re.compile(r"[\s,.(—–-]*(?:(?:it|that)['’]?s\s+)?(?:all\s+)?(?:one\s+word|no\s+spaces)\b",
                            re.IGNORECASE)


def _said_as_one_word(text: str, start: int, end: int) -> int:
    """Where an address said as words starts, when it is said to be one word after it: the words
    before its first part, back to a word of the sentence (``_NOT_LOCAL_PART``, a stop word, a
    word sending someone to a page), three at most."""
    if not _ONE_WORD_SAID.match(text, end):
        return start
    # (a word of the sentence ends them: "please visit", "just google", "the app is called")
    return _words_back(text, start, 3, lambda word: not re.fullmatch(r"[a-z0-9-]+", word) or word in _NOT_LOCAL_PART
                       or word in STOP_WORDS or word in _SENDING_TO_A_PAGE, 60)[0]


# Words that send someone to a page, said before its address: "visit", "google", "type in".
_SENDING_TO_A_PAGE = frozenset("visit check google search type look find see go try called named write tell told "
                               "said says put click download use".split())


def _a_handle_typed(word: str) -> bool:
    """A word typed as only a handle is: with a figure, a dot or an underscore inside
    ("kestrel_brook", "team.harbour2"), or words run together English does not write
    ("openmindscic"); not an English word ("we post on tiktok", "follow procedure"), a small
    word or a short one ("follow me on insta")."""
    if re.search(r"[._\d]", word.strip("._")):
        return True
    return len(word) >= 6 and word not in STOP_WORDS and lexicon.zipf(word) == 0


# What someone logs in or signs in with, said before it: "my login was jwalsh04", "username:
# kbrannock1", "logged in as walshj", "the password was Fern2019".
_LOGIN_SAID = re.compile(
    r"(?<![\w'’-])(?i:(?:logged|signed|log|sign|login)[ \t]+(?:in[ \t]+|on[ \t]+)?as|log[- ]?ins?|logon"
    r"|user[ \t]?names?|user[ \t]?ids?|account[ \t]+names?|passwords?)"
    r"(?:[ \t]*(?:\bis\b|\bwas\b|\bwere\b|['’]s\b))?(?:[ \t]*[:=-])?[ \t]*(?P<quote>['‘\"“])?"
    r"(?P<login>[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])(?![\w@-]|['’]\w)")


def _a_placeholders_login(login: str) -> bool:
    """A login or a password anyone is given, no one's own: English words or a system's public
    name, with figures after ("Password1", "Guest1", "NHSmail2", "firstname.lastname")."""
    parts = [re.sub(r"\d+$", "", p).lower() for p in re.split(r"[._-]", login)]
    return all(len(p) >= 3 and (lexicon.is_ordinary(p) or p in public_lower() or p.endswith("name")) for p in parts)


@register_recognizer("login-name", "URL", context=("login", "log", "username", "password", "account", "logged"),
                     needs=re.compile(r"log|user|account|password|sign", re.IGNORECASE), normalised=False)
def login_names(text: str) -> Iterator[Finding]:
    """'My login was jwalsh04', 'username: kbrannock1', 'logged in as walshj': what someone logs in
    with, said after the word for it, where it is typed as only a login is (``_a_handle_typed``:
    a figure, a dot, an underscore, or letters run together English does not write), or in
    quotes; not a word ("my login was rubbish", "logged in as admin", "the password is
    changed"), a system's public name ("my login was NHSmail", "logged in as SystmOne"), nor what
    anyone is given ("Password1", "Guest1")."""
    for m in _LOGIN_SAID.finditer(text):
        login = m.group("login")
        quoted = m.group("quote") and text[m.end():m.end() + 1] in "'’\"”"
        if login.lower() in STOP_WORDS or login.lower() in public_lower() \
                or not (quoted and not lexicon.is_ordinary(login.lower()) or _a_handle_typed(login.lower())) \
                or re.fullmatch(r"\d+", login) or _a_placeholders_login(login):
            continue  # (figures alone are a number's: the number rules')
        yield Finding(m.start("login"), m.end("login"), "URL", 0.7, "login-name")


# ---------------------------------------------------------------- phones

register_kind("PHONE", "phone number", "[phone]")

_LOOSE_PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().-]{7,}\d(?!\w)")


def spoken_digits(words: str) -> str:
    """The digits of a number read out: 'oh seven seven double-oh' -> '07700'."""
    from ingest.redact.normalise import number_words

    return re.sub(r"\D", "", number_words(words))


@functools.lru_cache(maxsize=None)
def public_numbers() -> frozenset[str]:
    """The digits of the numbers public services publish, from the helplines listed with
    their numbers ("Samaritans 116 123", "Shout 85258"): a helpline's number is no one's
    identifier, however it is spaced or read out. A personal number is never one of these."""

    found = set()
    for term in lexicon.public_group("helpline_numbers"):
        m = re.search(r"(?<![\w-])\d[\d ]{1,14}\d$", term)
        if m and sum(map(str.isdigit, m.group())) >= 3:
            found.add(re.sub(r"\D", "", m.group()))
    return frozenset(found)


def _public_number(number: str) -> bool:
    return re.sub(r"\D", "", number) in public_numbers()


@register_recognizer("phone", "PHONE", context=("phone", "mobile", "ring", "call", "text", "number", "tel",
                                                "landline", "whatsapp", "line"))
def phones(text: str) -> Iterator[Finding]:
    """UK and international numbers (phonenumbers), written or read out in groups."""
    if (sum(map(text.count, "0123456789")) if text.isascii() else sum(map(str.isdigit, text))) < 9:
        return  # too few figures for any number below (most texts), and the matcher is costly
    for m in phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE):
        if sum(c.isdigit() for c in m.raw_string) >= 9 and not _public_number(m.raw_string):
            yield Finding(m.start, m.end, "PHONE", 0.8, "phonenumbers")
    for m in _LOOSE_PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if digits in public_numbers():
            continue
        if 10 <= len(digits) <= 15 and (digits[0] == "0" or m.group().startswith("+")):
            yield Finding(m.start(), m.end(), "PHONE", 0.6, "digits")
        elif 10 <= len(digits) <= 15:
            yield Finding(m.start(), m.end(), "PHONE", 0.3, "digits")


# A number read out in parts with a pause or a few words between them ("oh seven nine double
# two... and then four double eight, one five six", "07700, um, 900 631"; said numbers reach the
# recognizer as figures): its parts joined are one UK number, 0 and ten figures, or 44 and ten.
_PAUSE_IN_A_NUMBER = r"(?:[\s,.…—–-]|\b(?:and|then|um+|erm?|uh+|sorry|it['’]?s|yeah)\b)+"
_PHONE_IN_PARTS = re.compile(rf"(?<![\w+£$])(?<!\d[,.\s])(?P<first>(?:\+\s?44|0)[\d ]*\d)"
                             rf"(?:{_PAUSE_IN_A_NUMBER}\d[\d ]*\d){{1,3}}(?![\d/]|[,.]\d)")
# What says a number is a telephone's (a first part of four figures is a time as often: "at 0800
# and 1200, 700 people").
_A_PHONE_SAID = re.compile(r"\b(?:phone|mobile|number|ring|call|text|tel|landline|whatsapp|reach)", re.IGNORECASE)


def said_to_be_a_phone(text: str) -> bool:
    return _A_PHONE_SAID.search(text) is not None


def a_phone_in_parts(first: str, digits: str, said: bool) -> bool:
    """Whether parts whose figures joined are ``digits`` are one UK number: 0 and ten figures, or
    44 and ten, no public one; a first part of five figures or more, or a telephone ``said``."""
    return (len(digits) == 11 and digits[0] == "0" or len(digits) == 12 and digits.startswith("44")) \
        and digits not in public_numbers() and (sum(map(str.isdigit, first)) >= 5 or said)


@register_recognizer("phone-in-parts", "PHONE", context=("phone", "mobile", "ring", "call", "text", "number"),
                     needs=re.compile(r"\d{3}"))
def phones_in_parts(text: str) -> Iterator[Finding]:
    """A UK number said in parts, a pause or words between them, that no pattern above reads whole."""
    for m in _PHONE_IN_PARTS.finditer(text):
        if a_phone_in_parts(m.group("first"), re.sub(r"\D", "", m.group()), said_to_be_a_phone(text)):
            yield Finding(m.start(), m.end(), "PHONE", 0.75, "phone-in-parts")


# "ask for extension 4471", "ext. 2210", "on extension four four seven one" (said numbers reach
# the recognizer as figures): a switchboard's extension reaches one desk or one person, however
# short. "Ext." and "extn" are the telephone's alone; "extension" is of a deadline, a word count,
# a house as often, so a word of calling must be near it ("ring", "ask for", "on", "straight to
# my desk") or whose it is, the number ending the clause ("my extension is 4471."). Not a count
# ("an extension of 12 weeks", "extension 2000 words"), nor a year ("extension 2023-24").
_EXTENSION = re.compile(r"\b(?P<word>extension|extn\.?|ext\.?)(?:['’]s)?(?:\s+(?:number|no\.?))?(?:\s+(?:is|was))?"
                        r"[\s:#]*(?P<number>\d(?:[ -]?\d){2,5})(?![\d,.]\d|\d)", re.IGNORECASE)
# (a call said outright; "on", "line", "number" say one only where nothing else is extended)
_CALLED = (r"ring|rang|call|calls|called|phone|phoned|dial|ask\s+for|put\s+through|switchboard|reach|desk|direct"
           r"|straight\s+through|get\s+hold|need\s+me")
_CALLED_OUTRIGHT = re.compile(rf"\b(?:{_CALLED})\b", re.IGNORECASE)
_CALLING = re.compile(rf"\b(?:{_CALLED}|on|line|number|tel|internal)\b", re.IGNORECASE)
# Whose it is before "extension", the number ending the clause ("My extension is 4471.", "Her
# extension's 2290, she never picks up"; "my extension is 500 pages", "our extension 1200 sq ft" are
# of a deadline, a house).
_WHOSE_EXTENSION = re.compile(r"\b(?:my|his|her|their|your|our)\s+$", re.IGNORECASE)
_THE_CLAUSE_ENDS = re.compile(r"\s*(?:[.,;:!?)—–]|$)")
# What else is extended by a figure: a deadline, a piece of writing, a building.
_NOT_A_LINE = re.compile(r"\b(?:essay|essays|deadline|dissertation|assignment|words?|pages?|marks?|builders?|loft"
                         r"|kitchen|planning|sq|square|metres?|feet|ft|cost|quote|quoted|budget|visa|leave)\b",
                         re.IGNORECASE)
_A_COUNT_AFTER = re.compile(r"\s*(?:k\b|%|(?:hours?|hrs|words?|days?|weeks?|months?|years?|metres?|meters?|miles?"
                            r"|pounds?|quid|mins?|minutes?|percent|more|extra|over|to)\b)", re.IGNORECASE)


@register_recognizer("phone-extension", "PHONE", needs=re.compile(r"\bext", re.IGNORECASE))
def phone_extensions(text: str) -> Iterator[Finding]:
    """The figures of an extension said after "ext.", "extn", or "extension" where a call is spoken of."""
    for m in _EXTENSION.finditer(text):
        number = m.group("number")
        if _A_YEAR.match(number) or _A_COUNT_AFTER.match(text, m.end()):
            continue
        # what else may be extended near it: an essay, a house ("my essay's due and my extension
        # is 2500", "extension 4500 on labour")
        other = _NOT_A_LINE.search(text, max(0, m.start() - 50), min(len(text), m.end() + 30))
        whose = not other and _WHOSE_EXTENSION.search(text, max(0, m.start() - 8), m.start()) \
            and _THE_CLAUSE_ENDS.match(text, m.end())
        calling = _CALLED_OUTRIGHT.search(text, max(0, m.start() - 40), min(len(text), m.end() + 40)) \
            or not other and (_CALLING.search(text, max(0, m.start() - 40), m.start())
                              or _CALLING.search(text, m.end(), m.end() + 40))
        if m.group("word").lower() == "extension" and not calling and not whose:
            continue
        yield Finding(m.start("number"), m.end("number"), "PHONE", 0.7, "phone-extension")


# ---------------------------------------------------------------- NHS, NI numbers

# (checked: an NHS number's digits read as a phone number too, "943 476 5919"; its check digit says which)
register_kind("NHSNO", "NHS number", "[NHS number]", checked=True)
register_kind("NINO", "National Insurance number", "[NI number]")

_NHS_NUMBER = re.compile(r"(?<![\d-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d-])")
_NHS_CUE = re.compile(r"\d\d\d[ -]?\d")  # what every match holds: looked for first, far faster


def nhs_number_valid(digits: str) -> bool:
    """The NHS number's modulus 11 check digit."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


@register_recognizer("nhs-number", "NHSNO", context=("nhs", "patient", "h&c", "chi"), needs=_DIGIT)
def nhs_numbers(text: str) -> Iterator[Finding]:
    for m in _NHS_NUMBER.finditer(text) if _NHS_CUE.search(text) else ():
        if nhs_number_valid("".join(m.groups())):
            yield Finding(m.start(), m.end(), "NHSNO", 0.95, "nhs-number")


# Two letters, three pairs of digits, a letter A-D; spaces, commas, hyphens, slashes or "then"
# anywhere, any case (the letters read out one by one too: "K, L, four eight, ...", "K-L,
# four-eight, ...", "JK, then 48, 20, 61, then C", "TC/31/77/40/A").
_NI_MARKS = r"(?:[\s,/-]|\bthen\b)*"
NI_NUMBER = re.compile(rf"(?<![\w])([A-Z])(?P<read>,\s?|\s|-)?([A-Z]){_NI_MARKS}(\d{{2}}){_NI_MARKS}(\d{{2}}){_NI_MARKS}"
                       rf"(\d{{2}}){_NI_MARKS}([A-D])\b", re.IGNORECASE)
_NINO_CUE = re.compile(r"\d\d(?:[\s,/-]|\bthen\b)*\d\d")  # what every match holds: looked for first, far faster
_NI_WORDS = r"NI|N\.I\.|NINO|national\s+insurance"
_NI_SAID = re.compile(rf"\b(?:{_NI_WORDS})\b", re.IGNORECASE)
# What letters joined by a hyphen range over before figures ("beds A-B 12 14 16 C": a range's
# letters go up, a few apart; "ward J-T ..." is no range).
_RANGED = re.compile(r"\b(?:beds?|bays?|wards?|floors?|rooms?|grades?|bands?|boxes|levels?|rows?|blocks?|units?"
                     r"|sections?|areas?|zones?|wings?|corridors?|pods?)\s+$", re.IGNORECASE)
# Where an NI number is written, said before or after it: "J-T 65 43 21 D, that was on my payslip".
NI_SAID_AROUND = re.compile(rf"\b(?:{_NI_WORDS}|payslips?|P60|P45|HMRC|tax\s+code)\b", re.IGNORECASE)
_NINO_BAD_PREFIX = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}
# How far before a number read out its being an NI number may be said (characters: a sentence or two).
_NI_SAID_BEFORE = 160


def letters_of_a_range(text: str, start: int, letters: str) -> bool:
    """Whether two letters at ``start`` range over beds, bays, wards... ("bay A-B"): after such a
    word, going up a few apart."""
    return _RANGED.search(text, max(0, start - 16), start) is not None \
        and 0 < ord(letters[1].upper()) - ord(letters[0].upper()) <= 4


def ni_number_valid(letters: str) -> bool:
    """HMRC's rules for the prefix: neither letter D, F, I, Q, U or V; not O second; no
    BG, GB, NK, KN, TN, NT or ZZ."""
    a, b = letters.upper()
    return a not in "DFIQUV" and b not in "DFIQUVO" and a + b not in _NINO_BAD_PREFIX


@register_recognizer("ni-number", "NINO", context=("ni", "national insurance", "insurance", "nino"), needs=_DIGIT)
def ni_numbers(text: str) -> Iterator[Finding]:
    for m in NI_NUMBER.finditer(text) if _NINO_CUE.search(text) else ():
        letters = m.group(1) + m.group(3)
        read = m.group("read") or ""
        # (said before it in the sentences before, as one reads it out: "they'd lost my NI number.
        # So I read it out over the phone, J, T, 48, 21, 93, B")
        said = _NI_SAID.search(text, max(0, m.start() - _NI_SAID_BEFORE), m.start()) is not None
        if re.search(r"/|\bthen\b", m.group(), re.IGNORECASE) and not (
                NI_SAID_AROUND.search(text, max(0, m.start() - 60), min(len(text), m.end() + 60))
                and letters.isupper() and m.group(7).isupper()):
            continue  # (parted by "then" or slashes only in capitals where an NI number is spoken of:
            # "upped me 10 then 20 then 40 a day", "at 07/19/19 a bit late" are doses and dates)
        if "," in read and not (said and letters.isupper() and not letters_of_a_range(text, m.start(), letters)) \
                or read == "-" and not (
                said or _NI_SAID.search(text, m.end(), min(len(text), m.end() + 60))
                or NI_SAID_AROUND.search(text, max(0, m.start() - _NI_SAID_BEFORE), min(len(text), m.end() + 60))
                and not letters_of_a_range(text, m.start(), letters)):
            continue  # (letters read one by one, with commas in capitals or with a hyphen, the number said to be
            # one, or a payslip, a P60, HMRC said near it: not "Bays A, B, 10, 11, 12, D", "beds A-B, 12, 14, 16, C")
        # A valid prefix needs nothing more; a prefix HMRC never issues ("QQ", its example's, as
        # fictional and test material have it) is one still, in the number's whole shape, typed
        # in capitals or without spaces, where its letters are no small word ("on tv 12 15 20 a
        # day", "at 12 34 56 c" need their context).
        shaped = (letters.isupper() or not re.search(r"\s", m.group())) and letters.lower() not in STOP_WORDS
        score = 0.85 if ni_number_valid(letters) else 0.6 if shaped else 0.4
        yield Finding(m.start(), m.end(), "NINO", score, "ni-number")


# ---------------------------------------------------------------- postcodes, addresses

register_kind("POSTCODE", "postcode", "[postcode]")
register_kind("ADDRESS", "postal address", "[address]")

# The postcode areas of the UK (Royal Mail): a district alone ("LS6", "bd8") counts only
# with one of these letters.
POSTCODE_AREAS = frozenset(words("postcode_areas"))
# Spaced as said or typed: "S2 4QT", "LS6-2QT", "SW 1 A 1 AA" (letters read out, joined by normalise.py).
_POSTCODE = re.compile(r"\b(?:([A-Z]{1,2}) ?\d(?:\d| ?[A-Z])?|GIR)(?:[ ,]{0,2}| ?- ?)\d ?[ABD-HJLNP-UW-Z]{2}\b",
                       re.IGNORECASE)
NOT_DISTRICTS = frozenset(words("not_districts"))
LETTERED_DISTRICT_AREAS = frozenset(words("lettered_district_areas"))
_DISTRICT = re.compile(r"(?<![\w-])([A-Z]{1,2})(\d{1,2}|\d[A-Z])(?![\w-])", re.IGNORECASE)
# Read out with its figures as words ("S W one A, one A A", "M one, four T Q"): the letters
# come joined by normalise.py ("SW", "AA"), a figure said alone stays a word.
_SAID_FIGURE = rf"(?i:\d|{UNIT_WORD}|oh|zero|nought)"
_SPOKEN_POSTCODE = re.compile(
    rf"(?<![\w-])(?P<area>[A-Z]{{1,2}})[ ,]*{_SAID_FIGURE}(?:[ ,]*(?:{_SAID_FIGURE}|[A-Z](?![\w'’-])))?[ ,]+"
    rf"{_SAID_FIGURE}[ ,]*(?P<unit>[ABD-HJLNP-UW-Z] ?[ABD-HJLNP-UW-Z])(?![\w'’-])")
# Spelled out without a cue, letter by letter ("it's b s three four e d", read "b s 34 e d";
# "c f 10 1 a b"): an area, figures and a unit of two letters said one by one, which English
# words never make; together a whole postcode of a real area.
_SPELLED_POSTCODE = re.compile(r"(?<![\w'’-])(?:[a-z] [a-z]|[a-z]{1,2})[ ,]+(?:\d[ ,]*[a-z]?[ ,]*){1,3}"
                               r"[abd-hjlnp-uw-z] [abd-hjlnp-uw-z](?![\w'’-])(?! [a-z](?![\w'’-]))", re.IGNORECASE)
# "postcode M1", "my postcode's E10": said to be one, a code that is mostly something else.
_POSTCODE_SAID = r"\bpost\s?code(?:['’]s|\s+is|\s+was)?"
_SAID_POSTCODE = re.compile(rf"{_POSTCODE_SAID}[:\s]*$", re.IGNORECASE)
# ... or a few words before it ("my postcode wrong for 6 months, vj9 2ld")
_POSTCODE_SAID_BEFORE = re.compile(rf"\b{_POSTCODE_SAID}\b", re.IGNORECASE)
# ... or right after it, of the district: "an M8 postcode", "M1 postcodes" (no motorway's).
_POSTCODE_SAID_AFTER = re.compile(r"[ \t]+post[ \t]?codes?\b(?![ \t-]*(?:wise|lottery))", re.IGNORECASE)
# Said to be one, a postcode in any case and spacing: "postcode's ls six two a b" (read
# "ls 62 a b"), "l s 6 2 a b": the groups after the cue, run together, make a whole one.
_POSTCODE_CUE = re.compile(rf"{_POSTCODE_SAID}[:,?\s]+(?:(?:um+|erm?|uh+|it['’]?s|that['’]?s)[,.\s]+)*",
                           re.IGNORECASE)  # (asked back or paused over: "My postcode? B 12.", "is, um, LS 6")
_POST = re.compile("post")
# (a character at a time with hyphens too: "D-H-1, 4-T-L")
_SAID_GROUP = re.compile(r"[A-Za-z0-9]{1,4}(?![\w'’-])|[A-Za-z0-9](?:-[A-Za-z0-9]){1,3}(?![\w'’-])")
_WHOLE_POSTCODE = re.compile(r"(?P<area>[A-Z]{1,2})\d[A-Z\d]?\d[ABD-HJLNP-UW-Z]{2}")
# What each pattern cannot match without, looked for first (most texts hold none): a figure
# (_POSTCODE, _DISTRICT, _SPELLED_POSTCODE); a unit said in capitals (_SPOKEN_POSTCODE, as its
# group "unit" and what follows it); "post" in any case (_POSTCODE_CUE, in the text lowered).
_SPOKEN_UNIT = re.compile(r"[ABD-HJLNP-UW-Z] ?[ABD-HJLNP-UW-Z](?![\w'’-])")
# ... and, in figures, the end of each pattern, which starts at a figure (found far faster than
# a pattern tried at every word): a figure and a unit (_POSTCODE), a figure and a unit spelled
# (_SPELLED_POSTCODE, its last group and unit), a letter and a figure (_DISTRICT; with the
# letters re.IGNORECASE takes for an ASCII one: "İ", "ı", "ſ", the Kelvin sign).
_UNIT_AFTER_FIGURE = re.compile(r"\d ?[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE)
_UNIT_SPELLED = re.compile(r"\d[ ,]*(?:[a-z][ ,]*)?[abd-hjlnp-uw-z] [abd-hjlnp-uw-z](?![\w'’-])", re.IGNORECASE)
_LETTER_FIGURE = re.compile("[A-Za-z\u0130\u0131\u017f\u212a]\\d")


# A district said after the cue, its figure a word or figures, broken off or corrected after it
# ("postcode S K nine— sorry, ...", "Postcode's B 29 6 Q... er", the rest begun with it).
_DISTRICT_SAID = re.compile(rf"(?P<area>[A-Za-z](?:[ ,]?[A-Za-z])?)[ ,]*(?P<figures>\d{{1,2}}(?:[ ,]?[A-Za-z](?![\w'’-]))?"
                            rf"|{UNIT_WORD}|{TEEN_WORD})(?![\w'’-])"
                            r"(?:[ ,]+\d(?:[ ,]?[A-Za-z])?(?=\s*(?:[—–-]|\.\.\.|…)))?"  # (the rest begun, broken off)
                            r"(?=\s*(?:[—–-]|\.\.\.|…|,|\.|$))")
_CORRECTED_AFTER = re.compile(r"[\s.,…—–-]*(?:(?:er+|erm|um+|no|sorry|actually|wait|i\s+mean)[\s.,…—–-]+)+", re.IGNORECASE)


def _district_said(text: str, start: int) -> tuple[int, int] | None:
    """The span of a postcode's district alone said at ``start`` after "postcode" (``_DISTRICT_SAID``),
    of a real area, or None."""
    m = _DISTRICT_SAID.match(text, start)
    if not m:
        return None
    area = re.sub(r"[ ,]", "", m.group("area")).upper()
    return m.span() if area in POSTCODE_AREAS and number_words(m.group("figures"))[:1].isdigit() else None


def _postcode_said_in_groups(text: str, start: int) -> tuple[int, int] | None:
    """The span of the fewest groups from ``start`` ("ls", "62", "a", "b") that together
    spell a whole postcode of a real area, or None."""
    groups, at = [], start
    while len(groups) < 7:
        m = _SAID_GROUP.match(text, at)
        if not m:
            break
        groups.append(m)
        spelled = "".join(g.group() for g in groups).replace("-", "").upper()
        whole = _WHOLE_POSTCODE.fullmatch(spelled)
        if whole and whole.group("area") in POSTCODE_AREAS:
            return start, m.end()
        if len(spelled) > 7:
            break
        at = m.end() + len(re.match(r"[ ,]*", text[m.end():]).group())
    return None


@register_recognizer("uk-postcode", "POSTCODE", context=("postcode", "post code", "in", "from", "near", "round",
                                                         "around", "live", "based", "area", "address"))
def postcodes(text: str) -> Iterator[Finding]:
    figures = _DIGIT.search(text) is not None
    for m in _POSTCODE.finditer(text) if figures and _UNIT_AFTER_FIGURE.search(text) else ():
        area = (m.group(1) or "").upper()
        said = m.group()
        if said.islower() and ((said[len(m.group(1) or ""):][:1].isspace() and area.lower() in STOP_WORDS)
                               or (said[-3].isspace() and said[-2:] in STOP_WORDS)):
            continue  # "she pays me 24 an hour": a small word, a space, a number (or one after it)
        if m.group().isupper() or area in POSTCODE_AREAS:
            # Lower case counts where the area is real and a digit and letters follow ("s2 4qt").
            yield Finding(m.start(), m.end(), "POSTCODE", 0.9 if m.group().isupper() else 0.6, "uk-postcode")
        elif _POSTCODE_SAID_BEFORE.search(text, max(0, m.start() - 60), m.start()) \
                and not re.search(r"\d(?:st|nd|rd|th)$", m.group(), re.IGNORECASE):  # ("postcode lottery, Q4 2nd round")
            # ... or, whatever its area (mistyped, misheard), where a postcode is said just before it
            # ("they had my postcode wrong, vj9 2ld not vj9 2dl")
            yield Finding(m.start(), m.end(), "POSTCODE", 0.6, "uk-postcode")
    for m in _SPOKEN_POSTCODE.finditer(text) if _SPOKEN_UNIT.search(text) else ():
        if m.group("area") in POSTCODE_AREAS:
            yield Finding(m.start(), m.end(), "POSTCODE", 0.7, "spoken-postcode")
    for m in _POSTCODE_CUE.finditer(text) if may_hold(_POST, text, text.lower()) else ():
        said = _postcode_said_in_groups(text, m.end()) or _district_said(text, m.end())
        if said:
            yield Finding(*said, "POSTCODE", 0.7, "spoken-postcode")
            # a district corrected straight after ("B 29... er, no, B 30")
            if (again := _CORRECTED_AFTER.match(text, said[1])) and (said := _district_said(text, again.end())):
                yield Finding(*said, "POSTCODE", 0.7, "spoken-postcode")
    for m in _SPELLED_POSTCODE.finditer(text) if figures and _UNIT_SPELLED.search(text) else ():
        whole = _WHOLE_POSTCODE.fullmatch(re.sub(r"[ ,]", "", m.group()).upper())
        if whole and whole.group("area") in POSTCODE_AREAS:
            yield Finding(m.start(), m.end(), "POSTCODE", 0.7, "spoken-postcode")
    for m in _DISTRICT.finditer(text) if figures and _LETTER_FIGURE.search(text) else ():
        area, district = m.group(1).upper(), m.group().upper()
        said = _SAID_POSTCODE.search(text, max(0, m.start() - 20), m.start()) is not None \
            or _POSTCODE_SAID_AFTER.match(text, m.end()) is not None \
            and (district not in NOT_DISTRICTS
                 or re.search(r"\b(?:an?|my|our|your|their|his|her)[ \t]+$", text[max(0, m.start() - 8):m.start()], re.IGNORECASE))
            # (a motorway's name is a district only as one: "an M8 postcode", not "near the M6 postcodes")
        if area not in POSTCODE_AREAS or (district in NOT_DISTRICTS and not said) \
                or (district[-1].isalpha() and area not in LETTERED_DISTRICT_AREAS) or re.match(r"\s*(?:mg|ml|kg|pm|am|%)\b", text[m.end():m.end() + 20]):
            continue
        # A district alone ("LS6", "bd8"): in capitals, or of a two-letter area, it is one;
        # of a one-letter area, not after "the" (roads: "the M6", "the A1", "the B21" too;
        # no road has two letters, so "the LS6 area" is a district); "s1" in lower case
        # needs "in", "postcode"...
        score = 0.5 if m.group().isupper() or len(area) == 2 else 0.2
        if len(area) == 1 and re.search(r"\bthe\s+$", text[max(0, m.start() - 20):m.start()], re.IGNORECASE):
            score = 0.2
        yield Finding(m.start(), m.end(), "POSTCODE", score, "postcode-district")


# Kinds of street (data/recognizer_words.yml): in any case; with a capital only (in lower case
# other words: "dr", "side", "house"); after a number said in words, in lower case.
_STREET_TYPES = alternatives(words("street_types"))
_CAPITAL_STREET_TYPES = alternatives(words("street_types_capitalised"))
_SPOKEN_STREET_TYPES = alternatives(words("street_types_spoken"))
# A house number said ("twelve", "forty-two"; numbers of two words or more reach the
# recognizer as figures, normalise.py).
_HOUSE_WORDS = rf"(?:{UNIT_WORD}|{TEEN_WORD}|{TENS_WORD}(?:[- ]{UNIT_WORD})?)"
# A house number typed: "14", "14a", "12-14" (a building over two numbers), "No. 14", "number 14".
_HOUSE_NUMBER = r"(?:(?i:number|no\.?)\s?)?\d{1,4}[A-Za-z]?(?:\s?[-–]\s?\d{1,4}[A-Za-z]?)?"
# "PO Box 4471", "P.O. Box 12".
_PO_BOX = re.compile(r"\bP\.?\s?O\.?\s+Box\s+\d{1,6}\b", re.IGNORECASE)
# "Flat 3b, ", "unit 4 ", "Apt. 2/1, ", "Room 7, ": a flat, unit or room before the house number
# or the building.
_FLAT = r"(?:flat|unit|apartment|apt\.?|room|suite)\s+\d+[A-Za-z]?(?:/\d+)?,?\s+"
# What a building's name ends with, named after a flat or a unit ("Unit 6, Quarrow Mill, ...").
_BUILDING_WORDS = r"(?:House|Mill|Mills|Centre|Center|Court|Lodge|Building|Buildings|Works|Chambers|Tower|Exchange|Studios|Yard|Wharf)"
# A word of a street's name: capitalised, "St." ("14 St. Mary's Road"), any apostrophe.
_STREET_NAME_WORD = r"(?:St\.|[A-Z][\w'’-]+)"
# (no house number is a sum's or a decimal's figures: "£14.20 AN HOUR ON BANK", "£20 an hour on bank")
_ADDRESS = re.compile(
    # (after a flat or a unit, its building's name may come first: "Unit 6, Dalton Mill, Dalton Lane")
    rf"(?<!\d\.)(?<![£$€])\b(?:(?i:{_FLAT})(?:(?:{_STREET_NAME_WORD}\s+){{1,3}}(?:{_BUILDING_WORDS}),\s+)?(?:{_HOUSE_NUMBER},?\s+)?"
    rf"|(?:{_HOUSE_NUMBER}|{_HOUSE_WORDS}|{_HOUSE_WORDS.upper()}),?\s+)"
    rf"(?:{_STREET_NAME_WORD}\s+){{1,3}}(?:{_STREET_TYPES}|{_CAPITAL_STREET_TYPES}|{_STREET_TYPES.upper()}"
    rf"|{_CAPITAL_STREET_TYPES.upper()})\b\.?(?:\s+(?:North|South|East|West|Upper|Lower)\b)?"
)
_NOT_NAME = r"(?!(?:the|a|an|of|on|in|at|to|and|or|for|my|our|per|mile|miles|more|other|long)\b)"
# Typed in lower case ("9 gladstone st", "flat 3b, 41 spring bank"): words that are no stop
# words before a street type; after a number said in words ("twelve acacia avenue") only the
# street types that end no common phrase.
_LOWER_ADDRESS = re.compile(
    rf"(?<!\d\.)(?<![£$€])\b(?:{_FLAT})?(?:{_HOUSE_NUMBER}),?\s+(?:{_NOT_NAME}[A-Za-z][\w'’-]+\s+){{1,2}}"
    rf"(?:{_STREET_TYPES})\b",
    re.IGNORECASE)
_SPOKEN_ADDRESS = re.compile(
    rf"(?<!\bone\s)(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)\b(?:{_HOUSE_WORDS}),?\s+(?:{_NOT_NAME}[a-z][\w'’-]+\s+){{1,2}}"
    rf"(?:{_SPOKEN_STREET_TYPES})\b", re.IGNORECASE)
# What an address holds, looked for first among the words of a text (most texts hold none):
# a kind of street; said plainly for a house number said in words.
_STREET_WORDS = frozenset(w.lower() for t in words("street_types") + words("street_types_capitalised") for w in t.split())
_SPOKEN_STREET_WORDS = frozenset(words("street_types_spoken"))
_LOWER_WORDS = re.compile(r"[a-z]+")
# (in bytes, every other character a space: the same words, found several times faster)
_LETTERS_ONLY = bytes(c if ord("a") <= c <= ord("z") else ord(" ") for c in range(256))


_STREET_BYTES = frozenset(w.encode() for w in _STREET_WORDS)
_SPOKEN_STREET_BYTES = frozenset(w.encode() for w in _SPOKEN_STREET_WORDS)


def _lower_words(text: str) -> set[bytes]:
    """The words of ``text`` lowered, as ``_LOWER_WORDS.findall(text.lower())`` finds them, in bytes."""
    lower = text.lower().encode("ascii", "replace")  # (a character of no ASCII letter: "?")
    return set(lower.translate(_LETTERS_ONLY).split())


_SPOKEN_TYPE = re.compile(rf"\b(?:{_SPOKEN_STREET_TYPES})\b", re.IGNORECASE)
_NOT_ADDRESS_BEFORE = re.compile(r"\b(?:band|step|level|grade|year|room|floor|page|section|ward)\s*$", re.IGNORECASE)
# A number and what it counts: "5 Year Forward View", "3 days on the ward", "twelve of us".
_COUNTS_SOMETHING = re.compile(rf"(?:\d|\b{_HOUSE_WORDS})\s+(?:hours?|days?|weeks?|months?|years?|miles?|minutes?"
                               r"|people|times|sessions?|clients?|of)\b", re.IGNORECASE)


# "one" is a house number only where an address is said ("she lives at one ...", "moved to
# one ...", "address is one ...", "number one ...") or before a street named by no ordinary word.
_ONE = re.compile(r"one\b", re.IGNORECASE)
_ADDRESS_CUE = re.compile(r"\b(?:liv(?:e|es|ed|ing)\s+at|address(?:\s+is|\s+was|:)?|moved\s+(?:in)?to|number"
                          r"|send\s+it\s+to|post(?:ed)?\s+(?:it\s+)?to)\s*,?\s*$", re.IGNORECASE)


def _one_of_them(text: str, m: re.Match) -> bool:
    """'one main road', 'one side street': "one" before a street of ordinary words, with no
    word of an address before it, counts a street; it numbers no house."""

    return (_ONE.match(m.group()) is not None and not _ADDRESS_CUE.search(text, max(0, m.start() - 30), m.start())
            and all(lexicon.is_ordinary(w) for w in _LOWER_WORDS.findall(m.group().lower())[1:-1]))


# A year said after a word of when ("In 2019 Bright Path took over", "since 2020 Hill Lane"):
# the year, not a house number ("from", "around" may say where: "moved from 2014 Hollin Road").
_A_YEAR = re.compile(r"(?:19|20)\d\d\b")
_WHEN_BEFORE = re.compile(r"\b(?:in|since|until|till|by|before|after|during)\s+$", re.IGNORECASE)


def _a_year_said(text: str, m: re.Match) -> bool:
    return _A_YEAR.match(m.group()) is not None and _WHEN_BEFORE.search(text, max(0, m.start() - 10), m.start()) is not None


@register_recognizer("street-address", "ADDRESS", context=("address", "live", "lives", "post", "send"))
def addresses(text: str) -> Iterator[Finding]:
    said = _lower_words(text)
    if said.isdisjoint(_STREET_BYTES) and b"box" not in said:
        return
    figures = _DIGIT.search(text) is not None
    for m in _ADDRESS.finditer(text):
        if _COUNTS_SOMETHING.search(m.group()) or (m.group().isupper() and _one_of_them(text, m)) or _a_year_said(text, m):
            continue  # "ONLY ONE MAIN ROAD INTO TOWN": typed in capitals, the capitals say no name
        end = m.end() - (1 if m.group().endswith(".") and not m.group().endswith("St.") else 0)
        yield Finding(m.start(), end, "ADDRESS", 0.85, "street-address")
    # a house number said: read only the few words before each plain kind of street
    spoken = [m for t in (_SPOKEN_TYPE.finditer(text) if not said.isdisjoint(_SPOKEN_STREET_BYTES) else ())
              for m in _SPOKEN_ADDRESS.finditer(text, max(0, t.start() - 60), t.end())]
    for m in [*(_LOWER_ADDRESS.finditer(text) if figures else ()), *spoken]:
        if _NOT_ADDRESS_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "band 5 plus bank shifts"
        if _one_of_them(text, m) or _a_year_said(text, m):
            continue  # "one main road into town", "down one side street": one of them, no house
        if not _COUNTS_SOMETHING.search(m.group()):
            yield Finding(m.start(), m.end(), "ADDRESS", 0.6, "street-address")
    if figures and b"box" in said:
        yield from _spans(_PO_BOX, text, "ADDRESS", 0.8, "po-box")


# ---------------------------------------------------------------- exact dates

register_kind("DATE", "exact date", "[date]")

# A date is one day of the calendar, said or typed in any of the ways English speakers do:
# a day and a month in either order, a year after them if said, a weekday before them if
# said, or the three as figures. The grammar is built from parts (day, month, year, weekday,
# the words and marks between them) composed into three orders and figures; a month or a
# year alone ("in May 2019", "since 2016") is kept: it names no day. tests/test_redact_dates.py
# generates the forms from those parts.
_ORDINAL_UNIT = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
_ORDINAL_WORDS = (rf"(?:{_ORDINAL_UNIT}|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
                  rf"|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]?{_ORDINAL_UNIT}|thirtieth|thirty[- ]?first)")
# (with the misspellings of February people type: "Febuary", "Feburary")
_MONTH_NAMES = r"(?:January|February|Febuary|Feburary|March|April|May|June|July|August|September|October|November|December)"
MONTH_ABBREVIATIONS = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
_MONTHS = rf"(?:{_MONTH_NAMES}|{MONTH_ABBREVIATIONS})"
# Not "Mayfield", "April's", "June-ish"; a dot only after a short form ("Feb. 9th").
_NOT_MONTH_END = r"(?![\w'’]|-[a-z])"
_MONTH = rf"(?P<month>{_MONTH_NAMES}{_NOT_MONTH_END}|{MONTH_ABBREVIATIONS}{_NOT_MONTH_END}\.?)"
_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{_ORDINAL_WORDS})"
_ORDINAL_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_WORDS})"
_WEEKDAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# Short forms as typed in diaries, rotas and messages ("Weds 3rd", "Thurs 14 Nov").
WEEKDAY_SHORT = r"(?:Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)"
# Days joined ("the 3rd-5th", "the third and the fourth", "3rd, 4th and 5th", "3 to 5"): one span.
_JOIN = (rf"(?:\s*[-–—]\s*|,?\s+(?:and|or|to|till|until|through|thru|&)\s+|,\s*(?=(?:the\s+)?{_ORDINAL_DAY})"
         rf"|\s*/\s*(?=\d{{1,2}}(?:st|nd|rd|th)\b))")
_DAYS = rf"(?P<days>(?:the\s+)?{_DAY}\b(?:{_JOIN}(?:the\s+)?{_DAY}\b){{0,6}})"  # bounded: a list of numbers is no date
# A year as typed ("2021", "'21") or said ("twenty twenty-one", "nineteen ninety-eight",
# "twenty oh nine", "two thousand and nine"): read as written, not as the normaliser's digit groups.
_SPOKEN_YEAR = (rf"(?:(?:nineteen|twenty)[\s-]+(?:{TENS_WORD}(?:[\s-]?{UNIT_WORD})?|{TEEN_WORD}|o[h']?[\s-]+{UNIT_WORD})"
                rf"|two\s+thousand(?:,?\s+(?:and\s+)?(?:{TENS_WORD}(?:[\s-]?{UNIT_WORD})?|{TEEN_WORD}|{UNIT_WORD}))?)")
# A year said by its last two figures ("the first of April, eighty-seven", "June the third, oh
# nine"): after a day and a month only, and not what a number after a date counts ("the 3rd
# of May, forty people came").
_SPOKEN_SHORT_YEAR = rf"(?:{TENS_WORD}(?:[\s-]{UNIT_WORD})?|o[h']?[\s-]+{UNIT_WORD})(?![\w'’-])"
_YEAR = rf"(?P<year>(?:19|20)\d\d|['’]\d\d|{_SPOKEN_YEAR}|{_SPOKEN_SHORT_YEAR}(?=\s*[,.;!?]|\s*$|\s+(?:and|when|i|we|he|she|they|that|was|is)\b))(?![\w'’])"
# A pause said inside a date ("the 14th of, um, June", "the third... of May", "June, er, the 14th").
# (and a transcriber's note: "the 14th of [pause] June")
_PAUSE = r"(?:\s*(?:,|\.\.\.|…|[—–])\s*|\s+)(?:(?:(?:um+|uh+|erm?|ah+)\b|\[[a-z ]{1,20}\])[,.…]*\s+)*"
# "(?<=\.)": "3.Jan.2021", the dot read with "Jan."; "of" before a year in figures: "the 3rd of May of 2019"
_YEAR_AFTER = rf"(?:(?:{_PAUSE}|\s*[-/.]\s*|(?<=\.)|\s+of\s+(?=(?:19|20)\d\d\b)){_YEAR})?"
_WEEKDAY_BEFORE = rf"(?P<weekday_said>(?P<weekday>{_WEEKDAYS}|{WEEKDAY_SHORT})\.?,?\s+)?"
# "a Monday, the 3rd of May", "on the Friday, 14 June": a weekday after a word like "a" is
# said of its own; the date follows it.
_WEEKDAY_OF_ITS_OWN = re.compile(r"\b(?:a|the|that|this|last|next|every|each)\s+$", re.IGNORECASE)
# The words-before checks read only the last few words: searching all the text before every
# match made long texts quadratic.
_BEFORE = 60


def _said_before(pattern: re.Pattern, text: str, pos: int) -> bool:
    return pattern.search(text, max(0, pos - _BEFORE), pos) is not None
# Words before a number that make it no day ("band 6 March", "step 3 June").
_NOT_DAY_BEFORE = re.compile(r"\b(?:band|step|level|grade|tier|stage|room|ward|floor|page|session|week|year|bed|"
                             r"number|no|version|section|chapter|aged|age|scored|score|£|\$|€)\.?\s*$", re.IGNORECASE)
# Words before "first May" that make it a count of Mays ("my first May here", "every second March").
_COUNT_BEFORE = re.compile(r"\b(?:my|his|her|our|their|your|its|a|an|this|that|every|each|one)\s+$", re.IGNORECASE)
# What a number after a month counts ("June 14 people", "may 3 times"), or a time of day
# ("3 May 10:30", "May 10 am").
_COUNTED = (r"(?![:.]\d|\s*(?:years?|weeks?|days?|months?|hours?|minutes?|mins?|people|times|of|per|percent|%|pounds"
            r"|quid|clients?|sessions?|patients?|staff|members?|miles?|am|pm|a\.m|p\.m|o['’]?clock)\b)")
# After a day and a month, two figures without the apostrophe are the year as typed on forms
# and in messages ("DOB 14 Mar 85", "started 3 jan 21", "14-Jun-21"): not after a comma (a
# new clause: "on 3 May, 20 came"), not a time ("3 May 10:30", "10 am") nor a count ("3 May
# 20 people").
_SHORT_YEAR = rf"(?:\s+|\s*[-/.]\s*|(?<=\.))(?P<short_year>\d\d)(?![\w'’%/-]){_COUNTED}"
# (after a label and its colon too, "DOB:14/03/85", "Date:3 May"; not after a time's colon)
# Each form with its cues, what it cannot match without, searched in the text lowered (a
# case-sensitive search is many times faster): the patterns are costly at every word, and
# most texts hold no month with a day, no date in figures. (cues, pattern)
_MONTH_CUES = (re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"), re.compile(rf"\d|{_ORDINAL_WORDS}"))
_DATE_ORDERS = (
    # day month year: "14 June 2021", "the 14th of June, 2021", "14-Jun-21", "Tuesday the fourteenth of June"
    (_MONTH_CUES, re.compile(rf"(?<![\w£$€/.,])(?<!\d:)(?<!\d-){_WEEKDAY_BEFORE}{_DAYS}(?:{_PAUSE}of{_PAUSE}|\s*[-/.]?\s*){_MONTH}(?:{_SHORT_YEAR}|{_YEAR_AFTER})",
               re.IGNORECASE)),
    # month day year: "June 14, 2021", "Jun. 14th", "June the fourteenth, twenty twenty-one"
    (_MONTH_CUES, re.compile(rf"(?<![\w£$€/.-])(?<!\d:){_WEEKDAY_BEFORE}{_MONTH}(?:,?\s+|{_PAUSE}(?=the\s)|\s*[-/]\s*){_DAYS}{_COUNTED}"
               rf"{_YEAR_AFTER}", re.IGNORECASE)),
    # year month day: "2021-06-14", "2021/6/14", "2021-Jun-14", "2021 June 14"
    ((_DIGIT, re.compile(r"(?:19|20)\d\d"),), re.compile(rf"(?<![\w/.-])(?<!\d:){_WEEKDAY_BEFORE}(?P<year>(?:19|20)\d\d)(?P<sep>\s*[-/.]\s*|\s+)"
               rf"(?:(?P<mnum>\d{{1,2}})|{_MONTH})(?P=sep)(?P<days>\d{{1,2}})(?!(?!T\d)[\w/:-]|\.\d)", re.IGNORECASE)),
    # day month year as figures: "14/06/2021", "14.6.21", "6/14/2021" (a day after the month too)
    ((_DIGIT, re.compile(r"\d\s?[/.-]\s?\d"),), re.compile(rf"(?<![\w/.,-])(?<!\d:){_WEEKDAY_BEFORE}(?P<days>\d{{1,2}})(?P<sep>\s?[/.-]\s?)(?P<mnum>\d{{1,2}})(?P=sep)"
               r"(?P<year>(?:19|20)?\d\d)(?![\w/:-]|\.\d)", re.IGNORECASE)),
)
# Forms most texts never hold, each with its cue likewise.
_RARE_DATE_ORDERS = (
    # the day said as a day of the month: "the first day of April", "the last day of March 2021"
    ((re.compile("day"), re.compile(r"\bday\s+of\s")),
     re.compile(rf"(?<![\w£$€/.,])(?<!\d:){_WEEKDAY_BEFORE}(?P<days>(?:the\s+)?(?:{_ORDINAL_DAY}|last))\s+day\s+of"
                rf"\s+{_MONTH}{_YEAR_AFTER}", re.IGNORECASE)),
    # typed without marks between: "12Jan2021", "3rdMar21"
    ((_DIGIT, re.compile(rf"\d(?:st|nd|rd|th)?{_MONTHS.lower()}"),),
     re.compile(rf"(?<![\w/.-])(?<!\d:){_WEEKDAY_BEFORE}(?P<days>\d{{1,2}})(?:st|nd|rd|th)?(?P<month>{_MONTHS})"
                r"(?P<year>(?:19|20)?\d\d)(?![\w/])", re.IGNORECASE)),
    # spaces only, a two-figure month and the full year, as on forms: "12 03 2021"
    ((_DIGIT, re.compile(r"\d [01]\d (?:19|20)\d\d"),),
     re.compile(rf"(?<![\w/.,-])(?<!\d:)(?<!\d\s){_WEEKDAY_BEFORE}(?P<days>\d{{1,2}}) (?P<mnum>[01]\d) "
                r"(?P<year>(?:19|20)\d\d)(?![\w/:-]|\.\d|\s\d)", re.IGNORECASE)),
)
# "the 3rd-5th of May" and "May 3rd-5th" are one span; "on the twelfth" (a day of a month
# named before or known to both) and "by the 20th" are days alone.
# A weekday said before the day goes with it ("Tuesday the 9th", "Weds 3rd"); "Mon", "Sat",
# "Sun" only with a capital ("sat 3rd in the race").
_WEEKDAY_WORD = rf"(?:{_WEEKDAYS}|(?:Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri)\.?|(?-i:Mon|Sat|Sun|MON|SAT|SUN)\.?)"
# What an ordinal in figures counts or ranks after it ("1st time", "2nd floor", "3rd sector", "2nd
# rate"): data/recognizer_words.yml.
WHAT_AN_ORDINAL_COUNTS = words_set("what_an_ordinal_counts")
# After "of", "around", "was"... only a day from the tenth on, in words ("the night of the
# twelfth", "around the twentieth"): "one of the third" counts; after the part of a day or
# week it names, any day ("the morning of the third"). Days joined after the first go with it
# ("on the twelfth or thirteenth").
_BARE_DAY = re.compile(rf"\b(?:on|by|for|from|until|till|since|before|after|to|between|(?P<weekday>{_WEEKDAY_WORD}),?"
                       rf"|(?P<part>(?:night|morning|evening|afternoon|weekend|eve)\s+of)"  # any day: "the night of the third"
                       rf"|(?P<loose>of|around|about|over|til|'til|during|was|is|it's|that's))"
                       rf"\s+(?:the\s+)?(?P<day>{_DAY})\b(?P<more>(?:{_JOIN}(?:the\s+)?{_ORDINAL_DAY}\b){{0,3}})"
                       r"(?!\s+(?:of\b(?!\s+(?:this|next|last|that)\s+month)"
                       rf"|{alternatives(WHAT_AN_ORDINAL_COUNTS)})(?:e?s)?\b)",
                       re.IGNORECASE)
_ANY_DAY = re.compile(rf"\b{_DAY}\b", re.IGNORECASE)  # looked for first: most texts name no day
# The word straight after a day said in words, and the small words an ordinal counts before
# ("the first few weeks", "the second one").
_WORD_AFTER_A_DAY = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
_COUNTED_AFTER_AN_ORDINAL = re.compile(rf"(?:{UNIT_WORD}|{TEEN_WORD}|{TENS_WORD}|few|couple|ones|lot|bit)",
                                       re.IGNORECASE)
# A day said by a low ordinal in words alone ("on the first", "by the third"): the words count
# things as often ("the first slide"), so it is redacted where said and searched for nowhere
# else in the source (engine.FOUND_ONLY_WHERE_SAID); "the twelfth", "the 14th" are days.
DAY_BY_A_LOW_ORDINAL = "day-by-a-low-ordinal"
_HIGH_DAY_WORD = re.compile(r"(?:tenth|eleventh|twelfth|\w+teenth|twentieth|twenty|thirtieth|thirty)", re.IGNORECASE)
# "the 14th", "of the 3rd": a day of the month in figures, unless it counts something.
# (a day of a month is said with its month or "of this month"; "the 1st of many" counts)
_DIGIT_ORDINAL = re.compile(r"(?<![\w£$/.-])(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\b(?!\s+(?:this|next|last|that)"
                            rf"\s+month)|{alternatives(WHAT_AN_ORDINAL_COUNTS)})(?:e?s)?\b)",
                            re.IGNORECASE)
_DAY_MONTH = re.compile(r"(?<![\d/.£$])(\d{1,2})/(\d{2})(?![\d/])")
# After a weekday, or a word that says when ("on 3/5", "since 12/4"), any day and month in
# figures are a date ("Tues 3/5", "Friday 14/6"); "2/3 of them" is a share.
_WEEKDAY_DAY_MONTH = re.compile(rf"\b(?:(?P<weekday>{_WEEKDAY_WORD}),?|on|since|from|until|till|by|dated|before|after)\s+"
                                rf"(\d{{1,2}})/(\d{{1,2}})(?![\d/]){_COUNTED}", re.IGNORECASE)
# Days with a date of their own (public knowledge), said instead of the date: the list
# (data/named_days.txt) says where it comes from and how its lines are written.
# A day named alone, said before a thing that goes with the day, is no date ("Valentine's
# cards", "Halloween costumes", "my New Year's resolution"); "Christmas Eve dinner" still is.
_WITH_THE_DAY = (r"(?!\s+(?:resolutions?|honours|cards?|costumes?|decorations?|songs?|films?|jumpers?|"
                 r"sales?|specials?|playlists?)\b)")
_DAY_WORD_LAST = re.compile(r"(?:Day|Eve|Night|Morning|(?:Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day)$")


def _named_day_pattern(line: str) -> str:
    """One line of data/named_days.txt as a pattern: "St Patrick's [Day|Night]"."""
    def words(part: str) -> str:
        out = re.escape(part.strip())
        out = re.sub(r"\\\s+|\\ ", r"\\s+", out)  # a space said as any space
        out = out.replace("'", "['’]?").replace(r"\-", r"[-\s]?")
        out = re.sub(r"s(?=\\s|$)", "s['’]?", out)  # "Burns' Night", "Guy Fawkes' Night"
        return re.sub(r"^St\\s\+", r"(?:St\\.?|Saint)\\s+", out)
    m = re.fullmatch(r"([^\[(]+?)\s*(?:([\[(])([^\])]+)[\])])?", line.strip())
    if m is None:
        raise ValueError(f"data/named_days.txt: cannot read the line {line!r}")
    name, bracket, after = m.groups()
    if line.isupper():
        return rf"(?-i:{words(name)})"  # "NYE": in capitals only
    if not bracket:
        return words(name) + ("" if _DAY_WORD_LAST.search(name) else _WITH_THE_DAY)
    tail = "|".join(words(w) for w in after.split("|"))
    return rf"{words(name)}(?:\s+(?:{tail})" + (")" if bracket == "(" else rf"|{_WITH_THE_DAY})")


def _named_days() -> tuple[re.Pattern, tuple[str, ...]]:
    """The pattern of data/named_days.txt, and the words (in lower case) one of which every
    named day holds: a text without any of them is not searched."""
    lines = [ln for ln in (Path(__file__).parent / "data" / "named_days.txt").read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    # the longest first: "Christmas Eve" before a shorter line that starts it
    names = [_named_day_pattern(ln) for ln in sorted(lines, key=len, reverse=True)]
    keys = set()
    for ln in lines:  # the words that must be said: one of the (...) words, else the last word
        required = re.search(r"\(([^)]*)\)", ln)
        said = required.group(1).split("|") if required else [re.sub(r"\s*\[.*", "", ln).split()[-1]]
        keys.update(re.split(r"['’-]", w.lower())[0] for w in said)
    return (re.compile(rf"\b(?:{'|'.join(names)})\b(?:,?\s+(?:(?:19|20)\d\d|['’]\d\d)\b)?", re.IGNORECASE),
            tuple(sorted(keys)))


NAMED_DAYS, _NAMED_DAY_WORDS = _named_days()
# The costly patterns, for a text lowered (as_lowered): a text none of them is in is not searched.
# A month is a word of its own in the two commonest orders (a mark, a space or a pause before
# it, _NOT_MONTH_END after it): searched for first, in the text lowered.
_MONTH_WORD = re.compile(rf"(?<![a-z0-9_]){_MONTHS.lower()}(?![a-z0-9_])")
_LOWERED = {p: (as_lowered(p),) for p in (*(p for _, p in _RARE_DATE_ORDERS), NAMED_DAYS, _BARE_DAY, _ANY_DAY)}
_LOWERED.update({p: (_MONTH_WORD, as_lowered(p)) if i < 2 else (as_lowered(p),) for i, (_, p) in enumerate(_DATE_ORDERS)})
# "the 14th": the figure and its ending, without which _DIGIT_ORDINAL matches nothing.
_FIGURE_ENDING = re.compile(r"\d(?:st|nd|rd|th)", re.IGNORECASE)
# A month's or a weekday's word, in full or short ("June", "Weds").
_A_DAY_WORD = re.compile(rf"{_MONTHS}|{_WEEKDAYS}|{WEEKDAY_SHORT}")
# An ordinal straight after a capitalised word no month or weekday ends a name ("Carers 1st",
# "Well Being 1st"), not a day ("June 1st", "Weds 3rd", a named day's "Boxing Day 26th"); after
# "called" or "named" it opens one ("an agency called 2nd wind care"). (_an_ordinal_of_a_name)
_A_NAMES_ORDINAL = re.compile(rf"(?<![\w'’-])(?:(?!(?:{_A_DAY_WORD.pattern}|Day|Eve)\.?[ \t]+$)"
                              r"(?P<word>[A-Z][a-z]+)|(?i:called|named))[ \t]+$")
_OPENS_A_CLAUSE = words_set("clause_openers")
# Festivals of several days, said before the day of one ("Christmas 25th", "Easter 1st").
FESTIVALS = frozenset("christmas xmas easter halloween hallowe diwali eid hanukkah chanukah ramadan passover".split())


def _an_ordinal_of_a_name(text: str, start: int) -> bool:
    """Is the ordinal at ``start`` a name's (_A_NAMES_ORDINAL), not a day's? Not after a word
    opening a clause, a festival or a verb ("Then 3rd was", "Ok 5th it is", "Christmas 25th",
    "Finished 2nd"); a small word may end a name ("Well Being 1st")."""
    m = _A_NAMES_ORDINAL.search(text, max(0, start - 30), start)
    if m is None or m.group("word") is None:
        return m is not None  # (after "called", "named")
    word = m.group("word").lower()
    return word not in _OPENS_A_CLAUSE and word not in FESTIVALS \
        and not (word.endswith("ed") and lexicon.is_ordinary(word) and word not in lexicon.first_names())


# Months that are words too, in lower case ("i may 3 times", "we march 2 miles").
_WORD_MONTHS = ("may", "march", "mar")


# A weekday's word in full, plural or short, in any case ("tues", "WEDS", "Fridays").
_A_WEEKDAY = re.compile(rf"{_WEEKDAYS}s?|{WEEKDAY_SHORT}", re.IGNORECASE)


def ordinary_weekday(word: str) -> bool:
    """A weekday's word of the ordinary list (ordinary_proper_nouns.yml) in any case, as rotas
    and survey answers type them ("tues", "WEDS", "fridays"; not "Sun", "Mon", given names too)."""
    return word.lower() in _ordinary_weekdays()


@functools.lru_cache(maxsize=1)
def _ordinary_weekdays() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.ordinary_proper_nouns()[0] if _A_WEEKDAY.fullmatch(w))


def _opens_a_lower_case_ordinal_name(text: str, start: int) -> bool:
    """Does the ordinal at ``start`` open a workplace's name typed in lower case ("joined 2nd
    wind care")? Then it is no day."""
    return _AN_ORDINAL.match(text, start) is not None and any(f.start == start for f in _lower_case_ordinal_names(text))


def _inside_a_workplaces_name(text: str, start: int, end: int) -> bool:
    """Is the ordinal from ``start`` to ``end`` between the words of a workplace's name found where
    no capitals tell it, a company's in lower case or a name typed in capitals ("care 1st
    recruitment ltd", "worked for CARE 1ST RECRUITMENT")? Then it is no day."""
    return any(f.start < start and end < f.end
               for f in (*lower_case_legal_names(text), *workplaces_typed_in_capitals(text)))


def _month_after_day(m: re.Match) -> bool:
    return bool(m.groupdict().get("month")) and m.start("month") > m.start("days")


def _a_date(m: re.Match) -> bool:
    """Is this match of a date order a day of the calendar?"""
    days = [int(d) for d in re.findall(r"\d+", m.group("days"))]
    if any(not 1 <= d <= 31 for d in days):
        return False  # "March 45"
    mnum = m.groupdict().get("mnum")
    if mnum is not None:
        month = int(mnum)
        if not 1 <= month <= 12 and not (days and days[0] <= 12 and 1 <= month <= 31):
            return False  # neither 14/06 nor 06/14
    if m.group("days")[:1].isdigit() and _said_before(_NOT_DAY_BEFORE, m.string, m.start("days")):
        return False  # "band 6 March"
    between = m.string[m.end("days"):m.start("month")] if _month_after_day(m) else ""
    if between.isspace() and m.group("days")[-1].isalpha() and _said_before(_COUNT_BEFORE, m.string, m.start("days")):
        return False  # "my first May in the job": a count of Mays; "the first of May" is a day
    month = m.groupdict().get("month")
    if month and month.islower() and month in _WORD_MONTHS and not (m.group("year") or m.groupdict().get("short_year")):
        # "may 3" is a verb and a number; "may 3rd", "may the third", "3 may" and "jan. 3" are dates
        if m.start("month") < m.start("days") and re.fullmatch(r"\d+", m.group("days")):
            return False
    return True


@register_recognizer("day-month", "DATE", context=("on", "dated", "date", "due", "from", "since", "until"),
                     normalised=False)
def exact_dates(text: str) -> Iterator[Finding]:
    """A day of the calendar: a day and a month in any order, with the year and weekday said
    with them ("Tuesday the 14th of June, 2021", "June 14th", "14/06/21", "the 3rd-5th of May",
    "the fourteenth of June twenty twenty-one"), a named day ("Christmas Eve"), a day alone
    after "on the" ("on the twelfth"). Read as written: a spoken year has its own grammar."""
    figures = _DIGIT.search(text) is not None
    lower = text.lower()
    as_typed = not plain(text, lower)
    # each cue and pattern lowered searched once in the text lowered (its figures are the text's)
    found = {_DIGIT: figures}

    def said(pattern: re.Pattern) -> bool:
        if pattern not in found:
            found[pattern] = pattern.search(lower) is not None
        return found[pattern]

    def may_match(cues: tuple[re.Pattern, ...], pattern: re.Pattern) -> bool:
        return all(map(said, cues)) and (as_typed or all(map(said, _LOWERED[pattern])))

    for cues, pattern in (*_DATE_ORDERS, *_RARE_DATE_ORDERS):
        for m in pattern.finditer(text) if may_match(cues, pattern) else ():
            if _a_date(m):
                start = m.start()
                if m.group("weekday") and _said_before(_WEEKDAY_OF_ITS_OWN, text, start):
                    start = m.end("weekday_said")
                yield Finding(start, m.end(), "DATE", 0.85, "day-month")
    for m in NAMED_DAYS.finditer(text) if any(w in lower for w in _NAMED_DAY_WORDS) \
            and may_match((), NAMED_DAYS) else ():
        yield Finding(m.start(), m.end(), "DATE", 0.6 if m.group()[0].isupper() else 0.5, "named-day")
    any_day = _ANY_DAY.search(text) if as_typed else said(_LOWERED[_ANY_DAY][0])  # the same, faster
    for m in _BARE_DAY.finditer(text) if any_day and may_match((), _BARE_DAY) else ():
        day = m.group("day")
        if day[0].isdigit() and not re.search(r"(?:st|nd|rd|th)$", day, re.IGNORECASE):
            continue  # "on 3" is no date
        said_the = text[max(0, m.start("day") - 4):m.start("day")].lower() == "the "
        if m.group("loose") and not (said_the and _HIGH_DAY_WORD.match(day)):
            continue  # "of the 3rd" is the day-of-month rule's; "one of the third" counts
        if not day[0].isdigit() and not said_the:
            continue  # a day in words takes "the" ("on the twelfth"); "referral to first contact" is none
        if _opens_a_lower_case_ordinal_name(text, m.start("day")):
            continue  # "for 2nd wind care" names a workplace
        low = not day[0].isdigit() and not _HIGH_DAY_WORD.match(day) and not m.group("more")
        if low and (after := _WORD_AFTER_A_DAY.match(text, m.end("more"))) \
                and _COUNTED_AFTER_AN_ORDINAL.fullmatch(after.group(1)):
            continue  # "for the first three weeks", "the first few days": a count (what it counts is
            # data's what_an_ordinal_counts, "the first thing", "the second one")
        # "Tuesday the 3rd", "Weds 3rd" go whole
        start = m.start() if m.group("weekday") else m.start("day") - (4 if said_the else 0)
        yield Finding(start, m.end("more"), "DATE", 0.55, DAY_BY_A_LOW_ORDINAL if low else "day-alone")
    for m in _DIGIT_ORDINAL.finditer(text) if figures and _FIGURE_ENDING.search(text) else ():
        before = text[max(0, m.start() - 12):m.start()].lower().split()
        if 1 <= int(m.group(1)) <= 31 and not (before and before[-1] in ("my", "his", "her", "our", "their", "a", "your")) \
                and not (m.start() == m.start(1) and _an_ordinal_of_a_name(text, m.start(1))) \
                and not _opens_a_lower_case_ordinal_name(text, m.start(1)) \
                and not _inside_a_workplaces_name(text, m.start(1), m.end()):
            yield Finding(m.start(), m.end(), "DATE", 0.5, "day-of-month")
    for m in _WEEKDAY_DAY_MONTH.finditer(text) if figures and "/" in text else ():
        day, month = int(m.group(2)), int(m.group(3))
        if ((1 <= day <= 31 and 1 <= month <= 12) or (1 <= month <= 31 and 1 <= day <= 12)) and (day, month) != (24, 7):
            yield Finding(m.start() if m.group("weekday") else m.start(2), m.end(), "DATE", 0.6, "day-month")
    for m in _DAY_MONTH.finditer(text) if figures and "/" in text else ():
        # "14/03" or "3/04"; not "7/10" (a score) nor "24/7".
        if 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12 and (m.group(2)[0] == "0" or int(m.group(1)) > 12):
            yield Finding(m.start(), m.end(), "DATE", 0.55, "day-month")


# ---------------------------------------------------------------- staff, payroll, registration numbers

register_kind("ID", "staff or reference number", "[ID number]")

# Words that say a number is someone's (or a case's): within the context window before it.
ID_CONTEXT = tuple(words("id_context"))
# Shapes that are reference numbers by themselves: NMC PINs (09A4471E), HCPC numbers
# (PYL31862), service-desk tickets (INC0041937), codes (GR/2022/041, CS-448201, 353-MH-4471-B).
# A check character or short suffix joined by a hyphen is part of the number: "E402187-K".
_SUFFIX = r"(?:-[A-Za-z0-9]{1,2})?"
_ID_SHAPES = re.compile(
    r"(?<![\w/-])(?:\d{2}[A-Z]\d{4}[A-Z]"
    # (two or three letters, four figures or more, a check letter: a payroll's or a badge's, "CA4772X")
    r"|(?P<checked>[A-Z]{2,3})\d{4,8}[A-Z]"
    r"|(?:PYL|AS|CS|DT|OT|PA|PH|RA|SL|SW|CH|BS|HAD|ODP|PO|PYL)\d{5,6}"
    r"|INC\d{6,}|[A-Z]{2,4}\d{5,}"
    r"|#?[A-Z]{1,4}(?:[-/][A-Z0-9]{1,6})*[-/]\d{3,}(?:[-/][A-Z0-9]+)*"
    # (three figures or more first, no year, then two letters or more, then figures: a job's
    # reference, "353-MH-4471-B"; no month's letters, "03-MAR-2021" is a date)
    r"|(?!(?:19|20)\d\d\b)\d{3,}[-/](?!(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)[-/])[A-Z]{2,4}"
    r"(?:[-/][A-Z0-9]{1,6})*[-/]\d{3,}(?:[-/][A-Z0-9]+)*"
    rf"|[A-Z]{{1,4}}/\d{{2,}}/\d{{2,}}){_SUFFIX}(?![\w/-])"
)
_LETTERED = re.compile(rf"(?<![\w/-])[A-Z]{{1,3}}\d{{4,10}}{_SUFFIX}(?![\w/-])")
# The same shapes typed in lower case ("my pin's 09a4471e", "ticket tnd-20931", "pyl031208"):
# the PIN's shape, letters run into five figures or more, letters and two groups of figures
# parted by "/" ("hr/2022/118"), and letters joined by a hyphen to four figures or more.
# "pre-2020", "top-1000" (an everyday word before one group of figures) and "covid-19" are no
# one's number; "ex-2021-0457" has two groups, so is.
_LOWER_ID_SHAPES = re.compile(
    r"(?<![\w/.@-])(?:\d{2}[a-z]\d{4}[a-z]|[a-z]{2,4}\d{5,}|[a-z]{1,4}/\d{2,}/\d{2,}"
    r"|(?P<letters>[a-z]{1,4})(?:-[a-z0-9]{1,6})*-\d{4,}(?P<more>(?:-[a-z0-9]+)*))"
    r"(?:-[a-z0-9]{1,2})?(?![\w/@]|-\w|\.\w)")
# Numbers that may be someone's: 4 to 12 digits, possibly parted by "-" or "/", and a
# letter or two after a hyphen ("55023-K"; digits after one are the number's already).
_NUMBER = re.compile(r"(?<![\w£$€.,/-])#?\d[\d/-]{2,14}\d(?:-[A-Za-z]{1,2})?(?![\w%]|[.,]\d)")
_LETTER_SUFFIX = re.compile(r"-[A-Za-z]{1,2}$")
# What the patterns cannot match without, looked for first (most texts with figures hold
# neither): a capital before a figure, "-" or "/" (_ID_SHAPES, _LETTERED); four figures, or
# figures parted by "-" or "/" (_LOWER_ID_SHAPES: \d{4}; _NUMBER: \d[\d/-]{2,}\d).
_CAPITAL_CODE = re.compile(r"[A-Z][\d/-]")
_FIGURES_RUN = re.compile(r"\d[\d/-]{3}")
_YEAR_ONLY = re.compile(r"^(?:19|20)\d\d$")
_NOT_ID_AFTER = re.compile(r"\s*(?:pounds|quid|k\b|people|patients|clients|staff|words|hours|minutes|miles|sessions"
                           r"|referrals|members|calls|days|weeks|months|years|%|per\b)", re.IGNORECASE)


def counted_after(text: str, end: int) -> bool:
    """Whether what follows a number at ``end`` is what it counts ("400 staff", "3 weeks", "20
    pounds", "5%"): no one's number (the ID rules', and the normaliser's before it joins words)."""
    return _NOT_ID_AFTER.match(text, end) is not None


# Letters between figures that say what the figures are of: a public body's, a unit's ("0300-NHS-111",
# "20-MG-100", "24-HR-365", "10-MHA-2007").
_UNITS = frozenset("mg mgs ml mls mcg mcgs kg kgs g km hr hrs min mins mph kph".split())


def _figures_about_a_thing(code: str) -> bool:
    """A code of figures first with fewer than seven figures, or whose letters are a public body's,
    a unit's (_UNITS) or an English word's: a dose, an error, a helpline, an act, not a reference."""
    if not code[:1].isdigit() or not re.search(r"\d[-/][A-Za-z]", code):
        return False  # (only a code parted by hyphens or slashes: not a PIN's letters, "09A4471E")
    if sum(c.isdigit() for c in code) < 7:
        return True  # (fewer figures are a dose's, an error's or a helpline's: "404-ERR-500", "111-MH-999")
    letters = re.findall(r"[A-Za-z]+", code)
    # (two letters English writes as a word are a code's as often: "347-CM-4412")
    word = letters[0].lower() if letters else ""
    return bool(letters) and (a_public_bodys_letters(word.upper()) or word in _UNITS
                              or len(word) >= 3 and lexicon.is_ordinary(word))


def _a_range(code: str) -> bool:
    """Figures, a small word or a time of day, figures: a range as often as a code ("0800-TO-2000",
    "1000-OR-1200", "0830-AM-1700"), one only where a word like "ref" says so ("case ref 347-IN-4412")."""
    parted = re.fullmatch(r"\d+[-/](?P<word>[A-Za-z]{2})[-/]\d+", code)  # (not a PIN's letter: "09A4471E")
    return parted is not None and (parted.group("word").lower() in STOP_WORDS or parted.group("word").lower() in ("am", "pm"))


@register_recognizer("reference-number", "ID", context=ID_CONTEXT, needs=_DIGIT)
def reference_numbers(text: str) -> Iterator[Finding]:
    """Registration, staff, case and ticket numbers: a shape that is one by itself, or
    a number of four digits or more with a word like "ESR", "PIN", "ticket" before it."""
    capital_code, figures_run = _CAPITAL_CODE.search(text), _FIGURES_RUN.search(text)
    for m in _ID_SHAPES.finditer(text) if capital_code else ():
        if m.group("checked") and (m.group("checked").lower() in public_lower()
                                   or letters_said_for_a_thing(m.group("checked"))):
            continue  # (a public body's or a department's letters: "NHS1234A", "ITU2021B")
        if not re.fullmatch(r"(?:PHQ|GAD|CORE|COVID|WEMWBS|SDQ|ORS|SRS|PCL|EQ)-\d+", m.group(), re.IGNORECASE) \
                and not _figures_about_a_thing(m.group()):
            yield _with_issuer(text, m.start(), m.end(), 0.2 if _a_range(m.group()) else 0.75, "reference-code")
    for m in _LOWER_ID_SHAPES.finditer(text) if figures_run else ():
        if m.group("letters") and not m.group("more") and re.fullmatch(r"[a-z]+-\d{4}", m.group()) \
                and lexicon.is_ordinary(m.group("letters")):
            continue  # "pre-2020", "top-1000"; five figures or more are a code's ("hr-55120")
        yield _with_issuer(text, m.start(), m.end(), 0.7, "reference-code")
    for m in _LETTERED.finditer(text) if capital_code else ():  # "E402187": a letter or two before the digits, with its context
        # (five figures or more are someone's number alone, as they are without the letters below:
        # "E204417, I think, it's on the payslip", answering the question before it)
        # (not a statistics area's code of eight figures, "E08000001", nor a quarter, "Q12024")
        figures = sum(map(str.isdigit, m.group()))
        alone = 5 <= figures <= 7 and not re.match(r"Q[1-4](?:19|20)\d\d\b", m.group())
        yield _with_issuer(text, m.start(), m.end(), 0.5 if alone else 0.3)
    # A group of a public helpline's number ("08000 562 561") is no one's reference number.
    helplines = None
    for m in _NUMBER.finditer(text) if figures_run else ():
        if helplines is None:
            helplines = [h.span() for h in _LOOSE_PHONE.finditer(text) if re.sub(r"\D", "", h.group()) in public_numbers()]
        if any(a <= m.start() and m.end() <= b for a, b in helplines):
            continue
        value = _LETTER_SUFFIX.sub("", m.group().lstrip("#"))
        digits = re.sub(r"\D", "", value)
        if len(digits) < 4 or digits in public_numbers() or _YEAR_ONLY.match(value) or re.fullmatch(r"(?:19|20)\d\d[-/](?:19|20)?\d\d", value):
            continue
        if counted_after(text, m.end()) or re.search(r"[£$€]\s*$", text[max(0, m.start() - 20):m.start()]):
            continue
        # Five digits or more are nearly always someone's number in speech; fewer need a word.
        yield _with_issuer(text, m.start(), m.end(), 0.5 if len(digits) >= 5 else 0.2)


# A vehicle's registration as UK plates have had it since 2001: two letters, two figures, three
# letters ("KX07 FPL"); typed in lower case, or spaced after its first letters ("KX 07 FPL"),
# only where a car, a plate or a reg is spoken of.
_VEHICLE_REGISTRATION = re.compile(r"(?<![\w/-])(?P<area>[A-Za-z]{2})(?P<gap>[ \t]?)\d{2}[ \t]?[A-Za-z]{3}(?![\w/-])")
_VEHICLE_SAID = re.compile(r"\b(?:reg|registration|plates?|car|cars|van|vehicle|parking|permit|motor|dvla)\b",
                           re.IGNORECASE)


# Units said after a figure, no plate's letters: "TV 24 hrs", "ok 20 min".
_UNITS_AFTER_FIGURES = frozenset("min mins hr hrs yr yrs mph kph kms kgs lbs pcm wks day".split())


@register_recognizer("vehicle-registration", "ID", context=("reg", "registration", "plate", "car", "parking"),
                     needs=_DIGIT)
def vehicle_registrations(text: str) -> Iterator[Finding]:
    """'my reg, KX07 FPL, against my diary': a car's registration finds its keeper (the DVLA's
    record), so it goes as a reference number does; in capitals by its shape, in lower case where
    a car is spoken of within a few words (its letters may spell a word then, "LK19 DAN"); with
    none, not where its three letters are a word or a public name (a course's or a shift's code,
    "MH21 CBT", "FT12 DAY"), nor ever a word of grammar ("in wk12 for")."""
    from ingest.redact.names import is_public_acronym  # (names imports this module)

    for m in _VEHICLE_REGISTRATION.finditer(text):
        plate = m.group()
        letters = plate[-3:].lower()
        said = _VEHICLE_SAID.search(text, max(0, m.start() - 40), min(len(text), m.end() + 40)) is not None
        if letters in STOP_WORDS or _VEHICLE_SAID.fullmatch(letters) or is_public_acronym(letters.upper()) \
                or letters in public_lower() or not said and not lexicon.is_rare(letters):
            continue  # (with no car spoken of, three letters that are a word or a public name: "MH21 CBT")
        if m.group("gap") and (not said or m.group("area").lower() in STOP_WORDS or not plate.isupper() and (
                lexicon.is_everyday(m.group("area").lower()) or letters in _UNITS_AFTER_FIGURES)):
            continue  # (spaced, a word and a figure of the talk as often: "in 20 min", "ok 20 min", "TV 24 hrs")
        if plate.isupper() or said:
            yield Finding(m.start(), m.end(), "ID", 0.7 if plate.isupper() else 0.6, "vehicle-registration")


# A number read out in groups after the word that says what it is ("my payroll number, it's
# 4 0 9 1 7", "incident number was INC 004 1937", "case ref CR 2021 slash 44"; spoken digits
# reach it as figures, normalise.py): letters of three or fewer in capitals, one letter, or
# figures, parted by spaces, commas, "/", "-", "." or "slash".
_GROUP = r"(?<![\w'’])(?:(?!I\b)[A-Z]{1,3}|[a-z]{1,3}|[A-Za-z]{0,3}\d[A-Za-z\d]*)(?![\w'’])"
_SAID_GROUPS = re.compile(rf"{_GROUP}(?:(?:\s*[/.-]\s*|\s+slash\s+|[ ,]+){_GROUP})*")
_NUMBER_CUE = re.compile(r"\b(?:number|no\.?|num|ref|reference|pin|id|ticket)(?:['’]s)?(?:\s+(?:is|was))?"
                         r"(?:,?\s+(?:it['’]s|its|it\s+is))?[\s:#,]+", re.IGNORECASE)
_BIRTH_CUE = re.compile(r"\b(?:date\s+of\s+birth|d\.?o\.?b\.?|d o b|born(?:\s+on)?)(?:['’]s|\s+is|\s+was)?[\s:,]+",
                        re.IGNORECASE)
# Its day and month said as ordinals after the cue: "the fourteenth of the sixth, seventy-nine";
# without a year, where the clause ends ("born on the first of the second round of cuts" is none).
_ORDINALS_OF_A_BIRTH = re.compile(rf"(?:the\s+)?{_ORDINAL_DAY}\s+of\s+(?:the\s+)?{_ORDINAL_DAY}"
                                  rf"(?:,?\s+(?:19|20)?\d\d(?!\d)|(?=\s*(?:[,.;:!?)—–-]|$)))", re.IGNORECASE)


_ONE_GROUP = re.compile(_GROUP)


def _groups_after(cue: re.Pattern, text: str) -> Iterator[tuple[tuple[int, int], str]]:
    """Each run of said groups straight after ``cue`` (its span), with its figures. After a
    group of figures, letters that are an English word or a public term (a quote typed in
    capitals) end the run: "PIN 12A3456E IF ANYONE ASKS", "NUMBER, PYL40011, MY DBS",
    "DOB 12 04 87 AND"; a letter alone does not ("PW 724819 D"), but "i" or letters in lower
    case do ("40917 ta"). Letters in lower case open a number ("ref sg 44 1092"), unless a small
    or everyday word: then no number follows the cue ("ref was in 2019")."""
    for m in cue.finditer(text):
        run = _SAID_GROUPS.match(text, m.end())
        if not run or not _DIGIT.search(run.group()):
            continue  # (words of the sentence after "no", "id": no number; most cues are so)
        groups = list(_ONE_GROUP.finditer(text, run.start(), run.end()))
        first = groups[0].group()
        if first.islower() and first.isalpha() and len(first) > 1 and (first in STOP_WORDS or lexicon.is_everyday(first)):
            continue  # "ref was in 2019", "id say 10 15 mins": the sentence goes on, no number
        for i, g in enumerate(groups):
            word = g.group().lower()
            if i and any(c.isdigit() for h in groups[:i] for c in h.group()) and word.isalpha() and (
                    len(word) > 1 and (word in STOP_WORDS or lexicon.is_everyday(word) or word in public_lower()
                                       or g.group().islower())
                    or g.group() == "i"):  # "4 0 9 1 7 i think", "40917 ta": the speaker's words
                groups = groups[:i]
                break
        yield (groups[0].start(), groups[-1].end()), re.sub(r"\D", "", text[groups[0].start():groups[-1].end()])


@register_recognizer("number-in-groups", "ID", context=ID_CONTEXT, needs=_DIGIT)
def numbers_in_groups(text: str) -> Iterator[Finding]:
    """A number of four figures or more read out in groups after "number", "ref", "PIN"...:
    the patterns of ``reference_numbers`` take one group at a time."""
    for (start, end), digits in _groups_after(_NUMBER_CUE, text):
        if len(digits) >= 4 and not _YEAR_ONLY.match(digits) and digits not in public_numbers() \
                and not counted_after(text, end):
            yield _with_issuer(text, start, end, 0.6, "number-in-groups")


# A number read out a figure at a time ("one one eight, four seven, six two", "three four two,
# double eight, one nine, oh"), letters in capitals perhaps before it, read one at a time or
# said as one block ("P Y L, zero, eight...", "G R, two three, dash, oh four one", "PYL zero
# four...", "GRV dash two three..."): only numbers are read so, and no count is.
_A_FIGURE_WORD = r"(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine)"
_FIGURES_READ = re.compile(
    r"(?<![\w'’-])(?P<letters>(?:[A-Z](?:,\s?|\s)){1,3}|(?P<block>[A-Z]{2,4})(?:\s*-\s*|\s+dash\s+|\s+)"
    r"(?:(?P<parts>[A-Z]{1,4})(?:\s*-\s*|\s+dash\s+))?)?"
    rf"(?P<figures>(?i:(?:(?:double|treble|triple)\s+)?{_A_FIGURE_WORD}"
    rf"(?:(?:\s*,\s*|\s+|\s*-\s*|\s*,?\s*(?:dash|slash)\s*,?\s*)(?:(?:double|treble|triple)\s+)?{_A_FIGURE_WORD})+))"
    r"(?![\w'’-])")
_SAID_DASH = re.compile(r"-|\sdash\s")
# What a number read a figure at a time, each parted by a comma, is said to be (else a list of
# scores: "she scored three, two, three, three, two").
_A_NUMBER_SAID = re.compile(r"\b(?:numbers?(?!\s+of\b)|no\.|ref|reference|pin|registers?|registration|badge|payroll"
                            r"|assignment|employee|membership|ticket|superannuation|HCPC|NMC|ESR|DBS"
                            r"|(?:staff|case|account|door|key)\s+(?:no|id|code)|code\s+(?:is|was))\b", re.IGNORECASE)


def _figures_said(words: str) -> str:
    """'double eight, one nine, oh' -> '88190' (normalise.number_words, its groups run together)."""
    return number_words(words).replace(" ", "")


def a_public_bodys_letters(block: str) -> bool:
    """Capitals a public body, an act or a public form is said by ("MHA", "DBS", "HCPC")."""
    from ingest.redact.names import is_public_acronym  # (names imports this module)

    return is_public_acronym(block) or block.lower() in public_lower()


def _letters_of_their_own(block: str) -> bool:
    """Capitals before a number read out that are not the number's: an English word shouted, a
    public body's, a job's or a department's letters ("IS", "HCPC", "ITU")."""
    from ingest.redact.names import is_public_acronym  # (names imports this module)

    return letters_of_something_else(block) or is_public_acronym(block)


@register_recognizer("number-read-out", "ID", context=ID_CONTEXT, gate=False, normalised=False)
def numbers_read_out(text: str) -> Iterator[Finding]:
    """'Staff number at the time was one one eight, four seven, six two': five figures or more read
    a figure at a time (four after letters, three after a code's parts said with dashes, "MH dash F
    dash eight eight two") are someone's number, whatever is said before them (a
    telephone's the phone rules' too); not a count up or down, or over again ("one two three four, one two three
    four"), one figure said over and over ("oh oh oh oh oh"), a public helpline's, nor, each figure
    parted by a comma, a list of scores where no number is spoken of just before ("No, she scored
    three, two, three, three, two")."""
    for m in _FIGURES_READ.finditer(text):
        figures = _figures_said(m.group("figures"))
        letters = re.sub(r"[^A-Z]", "", m.group("letters") or "")
        # a code said in three parts with dashes between ("MH dash F dash eight eight two"): three
        # figures are enough (with two, a diagnosis's or a form's, "ICD dash F dash two zero"); not
        # after a public body's letters, a rule's or a form's ("MHA dash S dash one three six",
        # "DBS dash E dash one two three")
        dashed = m.group("parts") and _SAID_DASH.search(text, m.end("block"), m.start("parts")) \
            and not a_public_bodys_letters(m.group("block")) and m.group("block") not in _hospital_departments()
        if m.group("block") and _letters_of_their_own(m.group("block")) and not dashed:
            letters = ""  # a word or a public body's letters before the number: "ON one one eight...",
            # "HCPC zero four..." (the number alone goes)
        start = m.start() if len(letters) >= 2 else m.start("figures")  # (a letter alone names a ward, a band)
        letters = letters if len(letters) >= 2 else ""
        counted = all(int(b) - int(a) in (1, -1) or b == figures[0] for a, b in zip(figures, figures[1:]))
        # (groups each a helpline or one figure said over: "one one one, nine nine nine")
        helplines = all(len(f) >= 3 and (f in public_numbers() or len(set(f)) == 1)
                        for f in map(_figures_said, re.split(r"\s*,\s*", m.group("figures"))))
        if len(figures) < (3 if dashed else 4 if letters else 5) or len(set(figures)) == 1 and not dashed \
                or counted and not dashed or figures in public_numbers() \
                or helplines:
            continue  # (with letters before them, four figures: "E, M, four four one seven"; not a count,
            # "one two three four, one two three four", nor a helpline, "one one six, one two three")
        if not letters and (figures.startswith("0") and len(figures) >= 9 or figures.startswith("44")):
            continue  # a telephone's, the phone rules' to read (a number cut short, corrected)
        listed = re.fullmatch(rf"(?i:{_A_FIGURE_WORD})(?:\s*,\s*(?i:{_A_FIGURE_WORD}))+", m.group("figures"))
        if listed and not letters and not _A_NUMBER_SAID.search(text, max(0, m.start() - 100), m.start()):
            continue
        yield _with_issuer(text, start, m.end(), 0.6, "number-read-out")


@register_recognizer("date-of-birth", "DATE", needs=re.compile(r"\d|born|birth|\bd\W?o\W?b", re.IGNORECASE))
def dates_of_birth(text: str) -> Iterator[Finding]:
    """A date of birth said in figures or read out after "date of birth", "DOB", "born"
    ("twelve oh four eighty seven", "3.4.91"), whatever its order or parting, or its day and
    month as ordinals ("the fourteenth of the sixth seventy nine")."""
    if _DIGIT.search(text):
        for (start, end), digits in _groups_after(_BIRTH_CUE, text):
            if 4 <= len(digits) <= 8 and not _YEAR_ONLY.match(digits):
                yield Finding(start, end, "DATE", 0.7, "date-of-birth")
    for cue in _BIRTH_CUE.finditer(text):
        said = _ORDINALS_OF_A_BIRTH.match(text, cue.end())
        if said:
            yield Finding(said.start(), said.end(), "DATE", 0.7, "date-of-birth")


# "BACP 204518", "ESR number 20418876", "ticket 48813": the words naming whose number it is
# go with it (said together, they say which register or desk to look the person up in).
# A register's name said apart from the number, across a comma ("my HCPC number, PYL28715")
# is the public register spoken of and stays; a desk's ordinary word goes either way.
_ISSUER = re.compile(
    r"\b(?:(?:ESR|HCPC|NMC|GMC|BACP|BABCP|UKCP|COSCA|SI|HR)(?:\s+(?:number|no\.?|reg|pin|case))?(?:'s)?[\s:#]*"
    r"|(?:case|ticket|payroll|staff|employee|reference|ref|grievance|claim)(?:\s+(?:number|no\.?|reference|ref|id))?"
    r"(?:'s)?[\s:#,]*)$", re.IGNORECASE)


# A register's prefix just before the figures ("PYL 41822"): the profession's letters are the number's.
_REGISTRATION_SAID = re.compile(r"\b(?:hcpc|regist\w*|reg|pin)\b", re.IGNORECASE)
_REGISTER_PREFIX = re.compile(rf"(?<![\w-])(?:{alternatives(words('hcpc_register_prefixes'))})[ \t]?$")


def _register_prefix_before(text: str, start: int, end: int) -> int:
    """Where a register's prefix in capitals opens the figures at ``text[start:end]`` ("PYL 41822"),
    or ``start``: only where registration is spoken of, before five figures or more ("PA 1500" is
    per annum), not between two numbers ("12345 OR 12346") nor in a line of capitals ("REGISTERED
    AS 44120")."""
    prefix = _REGISTER_PREFIX.search(text, max(0, start - 4), start)
    if prefix and prefix.group()[:2].isupper() \
            and _REGISTRATION_SAID.search(text, max(0, start - 120), min(len(text), end + 60)) \
            and not re.search(r"\d[ \t,]*$", text[max(0, prefix.start() - 4):prefix.start()]) \
            and sum(c.isdigit() for c in text[start:end]) >= 5 and re.search(r"[a-z]", text[max(0, start - 40):end + 40]):
        return prefix.start()
    return start


def _with_issuer(text: str, start: int, end: int, score: float, name: str = "reference-number") -> Finding:
    start = _register_prefix_before(text, start, end)
    m = _ISSUER.search(text[max(0, start - 40):start])
    if m:  # the words taken in are the number's context
        start = start - len(m.group()) + (len(m.group()) - len(m.group().lstrip()))
        score += CONTEXT_BOOST
    return Finding(start, end, "ID", score, name)


# ---------------------------------------------------------------- places in lower case and capitals

_PLACE_BEFORE = {"in", "from", "near", "around", "outside", "to", "towards", "round", "at", "nr", "of"}
# "for" only of the place someone works for ("i worked for sheffield"; "for sale" stays)
# Working or volunteering, said of someone's own work ("works for", "volunteered at").
_WORKING = r"work(?:s|ed|ing)?|volunteer(?:s|ed|ing)?"
_WORK_FOR = re.compile(rf"(?:{_WORKING})\s+for", re.IGNORECASE)


# (written as runs of letters between apostrophes or hyphens: the same words as a letter, then
# letters, apostrophes or hyphens one at a time, read faster)
_PLACE_WORD = re.compile(r"[^\W\d_]+(?:(?:['’]+|-(?!(?:born|based|bred|raised|reared|grown)\b))[^\W\d_]*)*",
                         re.IGNORECASE)


# A place of hyphened words capitalised ("Stratford-upon-Avon", "Blaydon-on-Tyne"): no
# ordinary word, so matched whole in any case, or the name rules take its first word only.
_HYPHENED_PLACE = re.compile(r"[A-Z][^\W\d_]+(?:-[^\W\d_]+){2,}")


# A street named without a house number, typed in lower case after "on", "to", "off"...: one
# or two words, then a kind of street that ends few common phrases (not "way", "drive", "close":
# "on the way", "on a hard drive", "on close inspection"; data street_types_named_alone).
_STREET_NAMED_ALONE = re.compile(
    r"(?<![\w'’-])(?:on|onto|off|along|to|from|near)[ \t]+(?P<name>[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+)?)[ \t]+"
    rf"(?:{alternatives(words('street_types_named_alone'))})(?![\w'’-])")

# ... and the kinds of street or place that end common phrases too ("close", "park", "common"),
# after a word English hardly writes ("on kittiwake close", "by pikestone common"; data
# street_types_after_a_rare_word).
_STREET_NAMED_RARELY = re.compile(
    r"(?<![\w'’-])(?:on|onto|off|along|to|from|near|at|by|beside|over|past)[ \t]+"
    r"(?P<name>[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+)?)[ \t]+"
    rf"(?:{alternatives(words('street_types_after_a_rare_word'))})(?![\w'’-])")
# ... and with no word of where before it, a kind of street that ends few common phrases after
# one or two words English hardly writes ("honestly harrowgate street is where", "kelsworth road
# was gridlocked"): the words say it is a name, where no preposition does.
_STREET_OF_RARE_WORDS = re.compile(
    r"(?<![\w'’-])(?:(?P<first>[a-z][a-z'’-]+)[ \t]+)?(?P<last>[a-z][a-z'’-]+)[ \t]+"
    rf"(?:{alternatives(words('street_types_named_alone'))})(?![\w'’-])")
# Words before a word saying what a street is like ("a manky road", "such a poky terrace"):
# articles, possessives and words of degree; a street's name takes none.
_DESCRIBING_A_STREET = frozenset("a an the this that such some any one every my our your their his her its "
                                 "proper really very so right quite pretty dead bit".split())
_STREET_KIND_BYTES = frozenset(w.encode() for w in (*words("street_types_named_alone"),
                                                   *words("street_types_after_a_rare_word")))


@register_recognizer("street-named-alone", "LOC", gate=False)
def streets_named_alone(text: str) -> Iterator[Finding]:
    """'i grew up on pigeon row', 'our base moved to copper lane': in a text typed in lower
    case (or capitals), a street said without its number, where no capital tells it, after a
    word of where: words English uses less than its common words (not "memory lane", "main
    road", "the high street", "down the road": a small, common, field or service word, a
    public name, a form in -ing or -ed); with no word of where, words English hardly writes
    ("honestly harrowgate street is where")."""
    if not _STREET_KIND_BYTES & _lower_words(text):
        return  # (most texts name no kind of street: the pattern is not tried)
    typed = _as_typed(text)
    if not _names_in_lower_case(typed):
        return  # a capital inside a sentence: the name rules read a street's ("Chapel Row")
    for m in _STREET_NAMED_ALONE.finditer(typed):
        name = m.group("name").split()
        if " ".join(m.group().split()[-2:]) in words_set("no_street_named"):
            continue  # "onto the slip road", "skid row": a kind of road or a phrase, no street's name
        if any(w in STOP_WORDS or w in _STOP or lexicon.zipf(w) >= lexicon.SENTENCE_WORD_ZIPF or w in service_words()
               or lexicon.is_field_word(w) or w.endswith(("ing", "ed")) for w in name) or public_opening(name):
            continue
        yield Finding(m.start("name"), m.end(), "LOC", 0.55, "street-named-alone")
    for m in _STREET_NAMED_RARELY.finditer(typed):
        name = m.group("name").split()
        if all(_a_rare_street_word(w) for w in name) and not public_opening(name):
            yield Finding(m.start("name"), m.end(), "LOC", 0.55, "street-named-alone")
    for m in _STREET_OF_RARE_WORDS.finditer(typed):
        # (the word before may be a name's first or any word: "honestly harrowgate street"; not
        # one saying what the street is like, "a manky road", "a proper scuzzy street", nor
        # English words run together, "the ringroad lane")
        first = "first" if m.group("first") and _a_rare_street_word(m.group("first")) else "last"
        before = (_words_before(typed, m.start(first), 1) or [""])[-1]
        if _a_rare_street_word(m.group("last")) and not _english_words_run_together(m.group("last")) \
                and before not in _DESCRIBING_A_STREET \
                and not public_opening(typed[m.start(first):m.end("last")].split()):
            yield Finding(m.start(first), m.end(), "LOC", 0.55, "street-named-alone")


def _a_rare_street_word(word: str) -> bool:
    """A word English hardly writes or never has, that a street's name may be made of; not one
    ending in "s", which may be someone's with no apostrophe ("on kevs drive")."""
    return (_a_rare_place_word(word) or _a_word_no_list_knows(word)) and not word.endswith("s")


@register_recognizer("gazetteer-place", "LOC", gate=False)
def places_any_case(text: str) -> Iterator[Finding]:
    """A UK or Irish place typed without the capital cue ("moved to gateshead", "IN DURHAM"):
    matched against the gazetteer. A place that is also a common word ("hull", "reading",
    "march") counts only straight after "in", "from", "near"...; capitalised names are the
    name rules' and the detector's."""

    # (an apostrophe typed or not: "bishop's stortford", "kings lynn")
    places, ordinary, firsts = _places_bare(), lexicon.ordinary_proper_nouns()[0], _place_first_words()
    # "dún laoghaire", "ynys môn", "stratford-upon-avon" too; a place before "-born", "-based"
    # ("a llanelli-born lad") is a word of its own
    # Each word lowered and bare, for a first look at them all at once: the words of the text
    # lowered are the text's lowered where lowering keeps each letter one letter and reads no
    # word's context (only a capital sigma's lowering depends on what follows it). Most texts
    # name no place's first word, and their words' places are not needed.
    lowered = text.lower()
    keys = _PLACE_WORD.findall(lowered)
    if keys and ("'" in lowered or "’" in lowered):  # (bare all at once: no word holds a line's end)
        keys = "\n".join(keys).replace("'", "").replace("’", "").split("\n")
    words = ()
    if len(lowered) != len(text) or "\u03a3" in text:
        words = list(_PLACE_WORD.finditer(text))
        keys = [_bare(m.group().lower()) for m in words]
    present = firsts.intersection(keys)
    if present and not words:
        words = list(_PLACE_WORD.finditer(text))
        if len(words) != len(keys):
            keys = [_bare(m.group().lower()) for m in words]
    after = 0  # (the words of a place found are not looked at again)
    for i in [i for i, k in enumerate(keys) if k in present] if present else ():
        if i < after:
            continue
        for n in (3, 2, 1):
            span = words[i:i + n]
            if len(span) < n:
                continue
            surface = text[span[0].start():span[-1].end()]
            if not (surface.islower() or surface.isupper() or _HYPHENED_PLACE.fullmatch(surface)) or not re.fullmatch(r"[^\W\d_'’-]+(?:['’-][^\W\d_'’-]*)*(?: [^\W\d_'’-]+(?:['’-][^\W\d_'’-]*)*)*", surface):
                continue
            lower = surface.lower()
            if _bare(lower) not in places or surface.title() in ordinary or lower in _STOP:
                continue
            # "in west leeds", "FROM NORTH BELFAST": a point of the compass typed as the place is
            # goes with it, and the word before it says whether it is placed
            at = i
            if i and words[i - 1].group().lower() in _COMPASS and text[words[i - 1].end():span[0].start()] == " " \
                    and (words[i - 1].group() + surface).islower() == surface.islower():
                at = i - 1
            before = words[at - 1].group().lower() if at else ""
            placed = before in _PLACE_BEFORE or (at > 1 and _WORK_FOR.fullmatch(text[words[at - 2].start():words[at - 1].end()])) \
                or (before == "on" and _bare(lower) in _islands_bare()) \
                or (before == "the" and _BRANCH_AFTER.match(text, span[-1].end()))  # "the leeds office"
            common = n == 1 and (lexicon.is_ordinary(lower) or lower in lexicon.first_names())
            score = (0.55 if placed else 0.0) + (0.2 if common else 0.6)
            if common and lexicon.is_everyday(lower) and lower not in _everyday_places():
                score = 0.0  # "reading", "deal", "march": words first ("london" is a place however frequent)
            yield Finding(words[at].start() if placed else span[0].start(), span[-1].end(), "LOC", min(score, 0.8),
                          "gazetteer-place")
            after = i + n
            break


_COMPASS = which_or_where("compass")  # the points of the compass a place or region opens with
# "moved to the hartlepool hub", "THE DURHAM OFFICE": a place between "the" and the site of a
# branch is where that branch is.
_BRANCH_AFTER = re.compile(r"\s+(?:hub|office|offices|branch|depot|campus)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _islands_bare() -> frozenset[str]:
    return frozenset(_bare(p) for p in lexicon.islands())


@functools.lru_cache(maxsize=1)
def _everyday_places() -> frozenset[str]:
    return frozenset(words("everyday_places"))


@functools.lru_cache(maxsize=1)
def _place_first_words() -> frozenset[str]:

    return frozenset(p.split()[0] for p in _places_bare() if p.split()[0] not in _STOP)


def _bare(word: str) -> str:
    return word.replace("'", "").replace("’", "") if "'" in word or "’" in word else word


@functools.lru_cache(maxsize=1)
def _places_bare() -> frozenset[str]:
    """The gazetteer's places in lower case without apostrophes: "bishops stortford" and
    "king's lynn" are typed with one and without; a place of three words or more with hyphens
    too ("barrow-in-furness", as "stratford-upon-avon" is written with them or without)."""
    bare = {_bare(p) for p in lexicon.places()}
    return frozenset(bare | {p.replace(" ", "-") for p in bare if p.count(" ") >= 2})


# Words never a name's by themselves: of grammar, small numbers, and those saying which one or
# where (data/recognizer_words.yml).
_STOP = frozenset("""a an the and or of in on at to for from by with as is it be we me my us our you your he she
his her they them their this that these those not no yes so if but all any some one two three four five six
seven eight nine ten""".split()) | which_or_where("stop")


# ---------------------------------------------------------------- workplaces typed in lower case

# "at the" and one word typed in lower case that English never writes: "told at the brackmere
# to book more", "nights at the quillhaven": a place of work called by its own name ("the
# Maudsley" in capitals is the name rules'). Not a public term's ("at the cmht"), a field's word,
# the plural of a word ("the honoraries"), a given name or a place the gazetteer knows (those are
# their own recognizers'). (Not after "work for the", "work with the", "left the" or "the" alone:
# reviews found typos, slang and drugs there, "work for the samaritens", "left the proffesion".)
_THE_WORD = re.compile(r"(?<![\w'’-])at\s+the\s+([a-z]{5,})(?![\w'’-])")


@register_recognizer("at-the-unknown-word", ("ORG",), gate=False)
def workplace_at_the_unknown_word(text: str) -> Iterator[Finding]:
    for m in _THE_WORD.finditer(text):
        word = m.group(1)
        if lexicon.zipf(word) > 0 or word in public_lower() or lexicon.is_field_word(word) or _plural_of_a_word(word) \
                or word in lexicon.first_names() or _bare(word) in _places_bare():
            continue
        yield Finding(m.start(1), m.end(1), "ORG", 0.55, "at-the-unknown-word")


def _without_possessive(text: str, offset: int, word: re.Match) -> str:
    """A word as English counts it: after "the", "my", "our"... (and a word or two of its own:
    "the health visitor's"; not "the staff at reynolds's") less its possessive ("the trust's",
    "my gran's" are as common as "trust", "gran", though printed far less often, as rarely as a
    name). Without one, or of a given name, it stays a name's ("jo's clinic", "our jade's")."""
    owner = _A_THINGS_OWNER.search(text, max(0, offset + word.start() - 40), offset + word.start())
    determined = owner is not None and not any(w in STOP_WORDS for w in owner.group("between").split())
    bare = re.sub(r"(?<=\w)['’]s?$", "", word.group())
    # ("our jade's", "the robin's nest": a given name keeps its possessive; "my nan's" is kin's)
    named = bare in lexicon.first_names() and bare not in words_set("what_everyone_is_called")
    return bare if determined and not named else word.group()


_A_THINGS_OWNER = re.compile(r"(?<![\w'’-])(?:the|my|our|your|his|her|their)\s+(?P<between>(?:[a-z]+\s+){0,2})$")


@register_recognizer("lower-case-workplace", ("ORG",), gate=False)
def lower_case_workplaces(text: str) -> Iterator[Finding]:
    """'bryn counselling', 'the lantern project': a workplace typed without capitals, told by
    a word few texts use before the kind of place ("the crisis unit" stays); or, after "at",
    "for", "with"... ("i work at the meadow view clinic", "placement at oak tree surgery"), by
    words that say nothing of what kind of service it is (``service_words``: "at the day
    centre", "at the main hospital" stay), not all of them everyday words."""

    text = _as_typed(text)
    for m in _WORKPLACE_KIND.finditer(text):
        # "tallowby & district mind", "fennick and district carers": a town's name and its district
        area = _AND_DISTRICT.search(text, max(0, m.start() - 50), m.start())
        if area and lexicon.is_rare(area.group("name")) and area.group("name") not in _STOP \
                and all(w in service_words() for w in area.group("service").split()):
            yield Finding(area.start("name"), m.end(), "ORG", 0.55, "lower-case-workplace")
            continue
        offset = max(0, m.start() - 80)
        # ("&" joins two words of a name as "and" does: "at mind & body hub")
        before = [_AndWord(w) for w in re.finditer(r"(?<![\w'’-])[a-z][a-z'’-]+|(?<= )&(?= )", text[offset:m.start()])][-6:]
        # Only the words straight before the kind, one space apart ("for democratise therapy"
        # stops at the quote).
        while before and not all(text[offset + a.end():offset + b.start()] == " " for a, b in zip(before, before[1:])):
            before = before[1:]
        if before and text[offset + before[-1].end():m.start()] != " ":
            continue
        # The two words before the kind, less the words of a service's kind straight before it
        # ("orrin vale health foundation": "orrin vale").
        rare = list(before)
        while len(rare) > 1 and rare[-1].group() in service_words():
            rare = rare[:-1]
        rare = rare[-2:]
        # Words in quotes straight after an opening quote are what someone said ("wanted to
        # 'democratise therapy'"), not a workplace's name, unless a word places someone there
        # ("I worked at 'bryn counselling'") or names it ("we called it 'quill house'").
        if rare and re.search(r"(?:^|[\s(])[\"“'‘]$", text[max(0, offset + rare[0].start() - 2):offset + rare[0].start()]) \
                and not _QUOTED_NAME_CLUE.search(text, max(0, offset + rare[0].start() - 40), offset + rare[0].start()):
            continue
        # A word of speech before the name is not the name's ("then bryn house took over").
        while rare and (rare[0].group() in _STOP or rare[0].group() in STOP_WORDS
                        or lexicon.is_everyday(_without_possessive(text, offset, rare[0]))
                        or rare[0].group() in PLACING_VERBS or rare[0].group() in words_set("owning_a_workplace")
                        or rare[0].group() in ("leaving", "joining")
                        and _SAID_AS_WHEN.search(text, max(0, offset + rare[0].start() - 10),
                                                 offset + rare[0].start())):
            rare = rare[1:]
        # Words of a service's kind straight before the kind are the kind's ("thistlecombe
        # medical practice", "hillcrest care home", "fernhallow carers centre"): the name is before them.
        while len(rare) > 1 and rare[-1].group() in service_words():
            rare = rare[:-1]
        # A national company's or charity's name is public ("tesco pharmacy", "age uk"); the
        # branch named after it is not ("boots fernhallow pharmacy": "fernhallow pharmacy").
        rare = rare[public_opening(w.group() for w in rare):]
        words = [w.group() for w in rare]
        if words and not any(w in _STOP or w in service_words() or _read_as_letters(w) for w in words) \
                and any(lexicon.is_rare(_without_possessive(text, offset, w)) for w in rare):
            # A public name of several words ending the kind ("brackenholt rape crisis"): the name
            # before it is found alone (engine.workplaces_whole takes the charity with it).
            end = _before_public(text, offset, before[before.index(rare[0]):], m)
            yield Finding(offset + rare[0].start(), end, "ORG", 0.55, "lower-case-workplace")
            continue
        # After a word that places someone at a workplace: the run of words after it, before a
        # kind of place or organisation; not a kind of work ("at cognitive analytic therapy",
        # "for couples counselling" are what someone does or went for).
        place = " ".join(m.group().split()) in _PLACE_KINDS
        employed_only = m.group() in _EMPLOYED_WORK_KINDS
        for k in range(len(before) if place or m.group() in _WORK_KINDS or employed_only else 0):
            run = before[k:]
            if employed_only and not _employed_before(text, offset + run[0].start()):
                continue  # "at cold water therapy" is what was had; "employed by blue sky therapy" where
            if not place and len(run) < 2 and not _a_towns_name(run[0].group()) \
                    and not _one_word_naming_a_service(text, offset + run[0].start(), run[0].group()):
                # "for couples counselling": a name of one word before a kind of work is what it
                # is for; a town's is whose ("for greenfield counselling", a service named after it)
                break
            if run[0].group() == "the":
                continue  # the clue takes it: "at the ..."
            if not after_a_workplace_clue(text, offset + run[0].start()):
                continue
            # The name, then words of what kind of service it is ("employed by quarrow vale
            # mental health nhs trust"); "and" may join two words of the name ("tallowby and orrin").
            words = name_before_service([w.group() for w in run])
            if m.group() in _KINDS_OF_TWO_WORDS and (len(words) < 2 or any(w in _job_words() for w in words)):
                continue  # ("for overseas recruitment", "for graduate nurse recruitment": what kind)
            # A word of which one or where ("new", "old", "north") opens a name of two words or
            # more ("for new leaf therapies", "at north star hub"), not one ("at the new clinic").
            opener = 1 if len(words) >= 2 and words[0] in _NAME_OPENERS else 0
            if _a_group_named([w.group() for w in run] + m.group().split()):
                # (words that say only what kind, named as one group after a word that names
                # it: "we call it the north west associates network")
                yield Finding(offset + run[0].start(), _before_public(text, offset, run, m), "ORG", 0.55,
                              "lower-case-workplace")
                break
            if words and not any((w != "and" or i in (0, len(words) - 1)) and (
                    w in _STOP or w in STOP_WORDS or w in service_words() or lexicon.is_field_word(w)
                    or w.endswith(("'s", "’s", "ing", "ed"))) for i, w in enumerate(words) if i >= opener) \
                    and (not all(lexicon.is_everyday(w) for w in words) or len(words) >= 2):
                # (two everyday words or more before a kind of place or of work are a name too:
                # "at quiet waters hub", "with new leaf house", "for new leaf therapies"; one is
                # what kind, "at garden centre", "for couples counselling")
                yield Finding(offset + run[0].start(), _before_public(text, offset, run, m), "ORG", 0.55,
                              "lower-case-workplace")
                break
            # else a placing word nearer the kind may open the name ("worked for years with
            # people at meadow view clinic": not the words after "for", those after "at")


    # After a word placing someone at a workplace, one word few texts use, then words of what
    # kind of service it is and a word ending a workplace's name ("went to quernby
    # psychological health, who ..."): no kind of place follows to tell it, the service's
    # words do. Not an everyday, field or public word ("went to private psychological health").
    for m in _RARE_THEN_SERVICE.finditer(text):
        name = m.group("name")
        if not _a_name_no_word_says(name) or not lexicon.is_rare(name):
            continue
        words = m.group("kind").split()
        for n in (3, 2):
            if len(words) >= n and service_then_kind(words[:n]):
                end = m.start("kind") + len(re.match(rf"(?:[ \t]+[a-z]+){{{n}}}", text[m.start("kind"):]).group())
                yield Finding(m.start("name"), end, "ORG", 0.55, "lower-case-workplace")
                break

    # After someone's work ("i joined", "worked for", "my contract with": WORK_SAID_BEFORE_WHERE),
    # a coined word (``_a_coined_name``) and one word ending a workplace's name ("i joined
    # bridgeway services", "worked for meadowcroft care"): after someone's work, what follows is
    # where; after "referred to", "went to" it is as often what was had ("stoma care",
    # "hypermobility support"), and a pastime's group is joined too ("ceilidh group").
    for m in _WORK_THEN_COINED.finditer(text):
        name, kind = m.group("name"), m.group("kind")
        if kind in _ENDS_A_COINED_NAME and _a_name_no_word_says(name) and _a_coined_name(name):
            yield Finding(m.start("name"), m.end("kind"), "ORG", 0.55, "lower-case-workplace")


# Endings of what a word names, not who: an activity ("bookkeeping"), people ("ramblers"), a
# discipline, a therapy or a condition ("audiology", "hypnotherapy", "fibromyalgia", "stoma").
_NO_NAMES_ENDING = re.compile(rf"(?:{english_endings('names_what')})$")


def _a_coined_name(word: str) -> bool:
    """A lower-case word coined as a name: one English hardly writes ("careforce",
    "bridgeway"), or a rare one made of two English words run together ("hearthstone",
    "tidewater"; not of a kind or a service, "aftercare", "homecare"); not a word of what it
    names (``_NO_NAMES_ENDING``), a plural of a word English knows ("parkinsons"), nor a short
    one ("pmdd")."""
    if len(word) < 5 or _NO_NAMES_ENDING.search(word) \
            or (word.endswith("s") and lexicon.zipf(word[:-1]) >= lexicon.HARDLY_USED_ZIPF):
        return False
    if lexicon.zipf(word) == 0:
        return True  # never seen: coined ("careforce", "kindcare")
    parts = [(word[:k], word[k:]) for k in range(3, len(word) - 2)
             if lexicon.zipf(word[:k]) >= lexicon.RARE_ZIPF and lexicon.zipf(word[k:]) >= lexicon.RARE_ZIPF]
    if any(lexicon.is_workplace_kind(p) or p in service_words() for pair in parts for p in pair):
        return False  # a kind of service English writes as one word ("homecare", "aftercare")
    return lexicon.zipf(word) < lexicon.HARDLY_USED_ZIPF or lexicon.is_rare(word) and bool(parts)


def service_then_kind(words: list[str]) -> bool:
    """Words of what kind of service a workplace is, then a word ending its name
    ("psychological health", "employee assistance service"), in lower case."""
    from ingest.redact.names import ORG_WORDS

    services = service_words()
    return words[-1] in ORG_WORDS and all(w in services for w in words[:-1])


# A word placing someone at a workplace, a word, then two or three words (``lower_case_workplaces``).
_RARE_THEN_SERVICE = re.compile(rf"(?<![\w'’-])(?:{alternatives(placed_at('before_a_service'))})[ \t]+"
                                r"(?P<name>[a-z][a-z'’-]{2,})(?P<kind>(?:[ \t]+[a-z]+){2,3})(?![\w'’-])")
# The words ending a coined workplace's name typed in lower case after someone's work
# (data/workplace_kinds.txt, "after-coined").
_ENDS_A_COINED_NAME = lexicon.workplace_kinds("after-coined")


def _a_name_no_word_says(name: str) -> bool:
    """Not a small word, a word of a service or of the field, a public name or a possessive:
    a lower-case word before a workplace's kind that may be its name."""
    return not (name in _STOP or name in STOP_WORDS or name in service_words() or lexicon.is_everyday(name)
                or lexicon.is_field_word(name) or name in public_lower() or name.endswith(("'s", "’s")))


def _one_word_naming_a_service(text: str, start: int, word: str) -> bool:
    """'worked at bloom counselling', 'employed by compass therapy': one word straight after
    someone's work (_employed_before) names the service before a kind of work, unless an
    everyday word, a way of therapy (data ways_of_therapy, service_words.txt), a word of the
    field, a public name, a plural or a word of doing ("at equine therapy", "worked at relate
    counselling", "working at weekends counselling")."""
    return (_employed_before(text, start) and not lexicon.is_everyday(word)
            and word not in words_set("ways_of_therapy") and word not in service_words()
            and not lexicon.is_field_word(word) and word not in public_lower() and not _plural_of_a_word(word)
            and not word.endswith(("ing", "ed", "ly")))


def _a_towns_name(word: str) -> bool:
    """A town's or a district's name that is no everyday word ("greenfield", "leeds"; not "hope")."""
    return word in lexicon.places() and not lexicon.is_everyday(word)


class _AndWord:
    """A word of a lower-case run before a workplace's kind, read with "&" as "and"."""

    def __init__(self, match: re.Match):
        self.match = match

    def group(self) -> str:
        return "and" if self.match.group() == "&" else self.match.group()

    def start(self) -> int:
        return self.match.start()

    def end(self) -> int:
        return self.match.end()


def _before_public(text: str, offset: int, name: list[re.Match], kind: re.Match) -> int:
    """Where a lower-case workplace's finding ends: before a public name of several words
    ending it, public in any case ("rape crisis", "nhs trust"), which would drop the finding
    (engine.outside_public); the engine takes the public kind with the name found
    (engine.workplaces_whole). Else at the kind's end."""
    words = [w.group() for w in name] + kind.group().split()
    for j in range(1, len(name) + 1):
        if " " in (tail := " ".join(words[j:])) and tail in public_lower():
            return offset + name[j - 1].end()
    return kind.end()


# Verbs that place someone at a workplace named straight after them ("i joined bluebell
# therapy", "then left quillmere hub"): never the name's.
PLACING_VERBS = frozenset("joined left quit via".split())
# Leaving or joining said as when, before a name ("after leaving quill counselling"), is no word
# of it; a name may open with the word itself ("leaving care solutions ltd", "joining forces").
_SAID_AS_WHEN = re.compile(r"(?<![\w'’-])(?:after|since|before|on|when|until|till|then)[ \t]+$")
# Words after which a workplace's name is said ("a company called quill wellbeing ltd").
_SAYS_ITS_NAME = frozenset("called named".split())


# Words of which one or where that open a workplace's name of two words or more typed in
# lower case ("new leaf", "north star", "second wind"), though they say which one before a kind
# alone ("the new clinic", "the north ward"): data/recognizer_words.yml.
_NAME_OPENERS = which_or_where("opens")


# Kinds ending a workplace's name ("... Trust", "counselling") and phrases of a workplace's kind
# typed after its name ("care home", "nhs ft"): data/workplace_kinds.txt.
_ENDS_NAME = lexicon.workplace_kinds("ends-name")
KINDS_AFTER_A_NAME = lexicon.workplace_kinds("after-name")


def name_before_service(words: list[str]) -> list[str]:
    """The words of a lower-case workplace's name before those that say what kind of service
    it is (``service_words``, kinds of workplace, "nhs"): "quarrow vale" of "quarrow vale mental
    health nhs"."""
    while words and (words[-1] in service_words() or words[-1] in _ENDS_NAME or words[-1] == "nhs"):
        words = words[:-1]
    return words



@functools.lru_cache(maxsize=1)
def _lower_charity_then_name() -> re.Pattern:
    """A national charity with local branches typed in lower case after a word placing
    someone at a workplace, then one word (group "name")."""
    charities = {t.lower() for g in ("charities", "national_charities_and_helplines", "funders_and_charities")
                 for t in lexicon.public_group(g) if t.replace(" ", "").isalpha()}
    names = "|".join(sorted((re.escape(c).replace(r"\ ", r"[ \t]+") for c in charities), key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:at|for|with|joined|left|from|via)[ \t]+(?:the[ \t]+)?(?:{names})"
                      rf"[ \t]+(?P<name>[a-z][a-z'’-]+)(?![\w'’-])")


# A registered form typed in lower case ("cic", "ltd", "llp", "plc"; not "limited", a word)
# and the words straight before it, in its clause.
# (an ordinal among its words: "care 1st recruitment ltd")
_LOWER_LEGAL_WORD = r"(?:[a-z][a-z'’-]*|\d+(?:st|nd|rd|th))"
_LOWER_LEGAL_NAME = re.compile(rf"(?P<name>(?<![\w'’-]){_LOWER_LEGAL_WORD}(?:[ \t]+{_LOWER_LEGAL_WORD}){{0,3}})"
                               r"[ \t]+(?:cic|ltd|llp|plc)\b")
# Verbs of becoming a company: "went ltd", "going ltd".
_BECOMING = words_set("becoming_a_company")


@register_recognizer("lower-case-legal-name", "ORG", gate=False)
def lower_case_legal_names(text: str) -> Iterator[Finding]:
    """'tangled roots cic pays nothing', 'i volunteer for silver lining cic': typed in lower case,
    a registered form closes a company's name, and the words straight before it in its
    clause are the name, however ordinary (what other words say of it: "-ing", "-ed"); not a
    small word, a word of speech or of placing someone ("set up as a cic", "our cic", "we went
    ltd", "i work for the cic"), a public name or words of what kind only ("a care cic")."""
    lower = text.lower()
    if not any(f in lower for f in (" cic", " ltd", " llp", " plc")):
        return
    for m in _LOWER_LEGAL_NAME.finditer(_as_typed(text)):
        words = list(re.finditer(r"\S+", m.group("name")))
        last = len(words)
        while last and not (words[last - 1].group() in _STOP or words[last - 1].group() in STOP_WORDS
                            or words[last - 1].group() in _BECOMING or words[last - 1].group() in PLACING_VERBS
                            or words[last - 1].group() in _CLAUSE_OPENER_WORDS
                            or words[last - 1].group() in _SAYS_ITS_NAME):
            last -= 1  # the name is what follows the last word of speech
        kept = words[last:]
        while kept and kept[0].group()[0].isdigit():
            kept = kept[1:]  # (an ordinal opening it is the date rules' to read: "with 2nd chance support cic")
        lowered = [w.group() for w in kept]
        if not kept or public_opening(lowered) or all(_says_what_kind(w) for w in lowered):
            continue
        yield Finding(m.start("name") + kept[0].start(), m.start("name") + kept[-1].end(), "ORG", 0.6,
                      "lower-case-legal-name")


# A company's name in quotes, its registered form closing it, in any case ("'Talk It Through Ltd'",
# "\"quiet minds cic\"", "'HOPE & CO LTD'"): the quotes mark where the name opens. ("limited"
# is the adjective but capitalised as a word of a name: "'severely limited'", "'PARKING LIMITED'".)
_QUOTED_LEGAL_NAME = re.compile(r"(?:^|(?<=[\s(:]))[\"“'‘](?P<name>[A-Za-z0-9][\w'’&.-]*(?:[ \t]+[\w&][\w'’&.-]*){0,5}"
                                r"[ \t]+(?:(?i:ltd|cic|llp|plc)\.?|Limited))[\"”'’](?![\w'’])")


@register_recognizer("quoted-legal-name", "ORG", gate=False, normalised=False,
                     needs=re.compile(r"ltd|limited|cic|llp|plc", re.IGNORECASE))
def quoted_legal_names(text: str) -> Iterator[Finding]:
    """'sessional for 'Talk It Through Ltd'': a registered form closing words in quotes closes a
    company's name, and the quotes open it, whatever the case of its words; not a public body's
    name, nor words of what kind only ("'a care cic'")."""
    for m in _QUOTED_LEGAL_NAME.finditer(text):
        words = m.group("name").lower().split()[:-1]
        if words[0] in ("a", "an", "my", "our", "their") or " ".join(words) in public_lower() \
                or all(_says_what_kind(w) for w in words):
            continue
        yield Finding(m.start("name"), m.end("name"), "ORG", 0.7, "quoted-legal-name")


@register_recognizer("lower-case-branch", "ORG", gate=False)
def lower_case_branches(text: str) -> Iterator[Finding]:
    """'i volunteer for mind brackenholt': typed in lower case after a word placing someone
    at a workplace, a national charity then a word few texts use is a local branch's name
    (the engine takes the charity with it, engine.workplaces_whole); "for mind as well",
    "at mind today" stay."""
    text = _as_typed(text)
    for m in _lower_charity_then_name().finditer(text):
        name = m.group("name")
        if lexicon.is_rare(name) and name not in _STOP and name not in STOP_WORDS and name not in service_words() \
                and not lexicon.is_field_word(name):
            yield Finding(m.start("name"), m.end("name"), "ORG", 0.55, "lower-case-branch")


@functools.lru_cache(maxsize=1)
def _regional_branch() -> re.Pattern:
    """After a word placing someone at a workplace, up to three lower-case words, then a region
    (lexicon.regions) that closes the clause or stands before a word opening the next."""
    regions = sorted((r for r in lexicon.regions() if r.replace(" ", "").isalpha()), key=lambda r: (-len(r), r))
    return re.compile(
        r"(?<![\w'’-])(?:at|for|with|joined|left|through|via|(?:run|employed|funded|commissioned)\s+by)[ \t]+"
        r"(?P<name>[a-z][a-z'’-]*(?:[ \t]+[a-z][a-z'’-]*){0,2}?)[ \t]+(?:" + "|".join(
            re.escape(r).replace(r"\ ", r"[ \t]+") for r in regions) + r")(?![\w'’-])"
        r"(?=[ \t]*(?:[(),.;:!?]|$)|[ \t]+(?:and|but|now|for|on|since|until|till|who|which|as|because|so|then|i|we"
        r"|they|it|was|were|is|are|pay|pays|paid|too|again|full|part|last|this|every|from|in|at|with|to)\b)",
        re.MULTILINE)


REGIONAL_BRANCH = "lower-case-regional-branch"


@register_recognizer(REGIONAL_BRANCH, "ORG", gate=False)
def lower_case_regional_branches(text: str) -> Iterator[Finding]:
    """'the crisis line run by lifeline north east (not samaritans)', 'i volunteer with
    stepping stones west': typed in lower case after a word placing someone at a workplace, a
    region closing the clause closes a branch's name, and the words before it are the name,
    however ordinary: the name with its region, as capitalised ("Lifeline North East"); not
    words of what kind, a field's or a public body's ("for the nhs north east", "with mind
    cymru"), nor where someone goes ("moved up north east") or whom they work with ("with
    families in yorkshire", "with people east")."""
    if not any(r in text for r in ("north", "south", "east", "west", "shire", "wales", "cymru", "scotland",
                                   "yorkshire", "midlands", "cumbria", "merseyside", "tyneside", "wirral")):
        return
    for m in _regional_branch().finditer(_as_typed(text)):
        words = list(re.finditer(r"\S+", m.group("name")))
        last = len(words)
        while last and not (words[last - 1].group() in _STOP or words[last - 1].group() in STOP_WORDS
                            or words[last - 1].group() in PLACING_VERBS):
            last -= 1  # the name is what follows the last small word ("with families in", "for the")
        kept = [w.group() for w in words[last:]]
        if not kept or public_opening(kept) or all(_says_what_kind(w) or lexicon.is_everyday(w) for w in kept) \
                or any(w in lexicon.places() or w in lexicon.regions() for w in kept):
            continue
        yield Finding(m.start("name") + words[last].start(), m.end(), "ORG", 0.55, REGIONAL_BRANCH)


# Kinds ending a workplace typed in lower case, of place and of work: data/workplace_kinds.txt.
# (the kinds, longest first, gathered by their first letter in that order, as ``alternatives``
# does: at each word only those opening with its letter are tried; the same kinds match)
_WORKPLACE_KIND_GROUPS: dict[str, list[str]] = {}
for _kind in sorted(lexicon.workplace_kinds("lower"), key=lambda k: (-len(k), k)):
    _WORKPLACE_KIND_GROUPS.setdefault(_kind[0], []).append(re.escape(_kind).replace(r"\ ", r"\s+"))
_WORKPLACE_KIND = re.compile(r"\b(?:" + "|".join(f"(?:{'|'.join(g)})" for g in _WORKPLACE_KIND_GROUPS.values())
                             + r")\b")
_PLACE_KINDS = lexicon.workplace_kinds("place")
_AND_DISTRICT = re.compile(r"(?<![\w'’-])(?P<name>[a-z][a-z'’-]+)[ \t]+(?:and|&)[ \t]+district[ \t]+"
                           r"(?P<service>(?:[a-z]+[ \t]+){0,2})$")
_WORK_KINDS = lexicon.workplace_kinds("work")
_EMPLOYED_WORK_KINDS = lexicon.workplace_kinds("work-employed")
_KINDS_OF_TWO_WORDS = lexicon.workplace_kinds("two-words")
# What places someone at a workplace before its name: "at", "for", "with", "joined", "left", "leaving", "quit",
# "employed by" (and "the"); what names one ("we call it the ... network", "the hub is called the
# willow centre", "renamed", "now known as"). (Not "through": "through mutual trust", "through
# strategic partnership" were taken.)
_WORKPLACE_CLUE = re.compile(r"(?:(?<![\w'’-])(?:at|for|with|joined|left|leaving|quit|by|from|via"
                             r"|(?:moved|transferred|seconded|referred)\s+(?:over\s+)?to|(?:call|calls)\s+it"
                             r"|called(?:\s+it)?|named|renamed|rebranded(?:\s+as)?|known\s+as)"
                             r"|(?<!\S)@|(?<![\w'’-])employer\s*[:-])"
                             r"\s+(?:the\s+)?$", re.IGNORECASE)


def _read_as_letters(word: str) -> bool:
    """A word typed in lower case that is letters said for a role, a panel, a thing or a public
    name ("ahp", "ehcp", "cmht"), or five letters or fewer with no vowel ("pmhw"): read as
    letters, never the rare word of a workplace's name ("the ahp team"; "bryn", "glyn" hold a y)."""
    upper = word.upper()
    return letters_said_for_a_thing(upper) or letters_of_roles_or_panels(upper) or word in public_lower() \
        or len(word) <= 5 and word.isalpha() and not any(c in "aeiouy" for c in word.lower())


def after_a_workplace_clue(text: str, at: int) -> bool:
    """Whether a word placing someone at a workplace comes straight before ``at`` ("left",
    "worked at the", "joined")."""
    return _WORKPLACE_CLUE.search(text, max(0, at - 30), at) is not None


# Where a name holding a figure is a workplace's: a workplace's clue, "through" an agency or a
# platform ("shifts through 1st Choice Care", "work through Medics4Hire"; a figure says it is no
# phrase of "through", "through thick and thin"), or what it is called ("one called 2nd nature minds").
_FIGURE_NAME_CLUE = re.compile(rf"{_WORKPLACE_CLUE.pattern}|(?<![\w'’-])(?:through|called|named)\s+$", re.IGNORECASE)


def _after_a_figure_name_clue(text: str, at: int) -> bool:
    """Whether ``_FIGURE_NAME_CLUE`` comes straight before ``at``."""
    return _FIGURE_NAME_CLUE.search(text, max(0, at - 30), at) is not None
_QUOTED_NAME_CLUE = re.compile(r"(?<![\w'’-])(?:at|for|with|joined|left|by|from|called|named|call|name|is|was)"
                               r"(?:\s+(?:it|us|them|the))?\s*,?\s*[\"“'‘]$", re.IGNORECASE)


def _as_typed(text: str) -> str:
    """A line typed in capitals ("I WORK AT WILLOW BANK COUNSELLING"), in lower case, where
    the rules for lower-case names read it (the offsets are the same); any other as it is."""
    lower = text.lower()
    return lower if text.isupper() and len(lower) == len(text) else text


@functools.lru_cache(maxsize=1)
def service_words() -> frozenset[str]:
    """Words that say what kind of service a workplace is ("crisis", "day", "main"):
    data/service_words.txt, which says where they come from."""

    return _data_file_words("service_words.txt")


# ---------------------------------------------------------------- universities by their short names

@functools.lru_cache(maxsize=1)
def _university_names() -> re.Pattern:
    names = sorted(set(words("university_short_names")), key=len, reverse=True)
    return re.compile(rf"(?<![\w@./-])(?:{'|'.join(re.escape(n) for n in names)})(?![\w@-]|\.\w)")


@functools.lru_cache(maxsize=1)
def _university_names_lower() -> re.Pattern:
    names = sorted({n.lower() for n in words("university_short_names")}, key=len, reverse=True)
    return re.compile(rf"(?<![\w'’-])(?:at|from|to|with|joined|left|via)\s+(?P<name>{'|'.join(re.escape(n) for n in names)})"
                      r"(?![\w@'’-]|\.\w)")


@functools.lru_cache(maxsize=1)
def _universities_named_by_words() -> re.Pattern:
    names = sorted(words("universities_named_by_words"), key=len, reverse=True)
    # (an apostrophe typed either way)
    names = "|".join(re.escape(n).replace("'", "['’]").replace(r"\ ", r"\s+") for n in names)
    return re.compile(rf"(?<![\w'’-])(?:at|from|to|with|joined|left|via)\s+(?P<name>{names})"
                      rf"(?=\s*(?:$|[,.;:!?)\]—–\"”]|\s(?:{'|'.join(sorted(NAME_ENDS))})\b))", re.IGNORECASE)


@register_recognizer("university-name", ("ORG",), gate=False, normalised=False)
def universities_by_short_name(text: str) -> Iterator[Finding]:
    """'did my MSc at UEA', 'the doctorate at Salomons', 'trained at goldsmiths': a UK
    university named by its initials or a short word (data/recognizer_words.yml), as written,
    or in lower case after "at", "from"...; where someone trained narrows who they are. One
    called by English words or a possessive only after "at", "from"... and before where a
    name ends ("trained at king's in 2014"; not "at king's cross")."""
    for m in _university_names().finditer(text):
        yield Finding(m.start(), m.end(), "ORG", 0.6, "university-name")
    for pattern in (_university_names_lower(), _universities_named_by_words()):
        for m in pattern.finditer(text):
            yield Finding(m.start("name"), m.end("name"), "ORG", 0.6, "university-name")


# ---------------------------------------------------------------- a workplace's name with a number for a word

_DIGIT_WORD = re.compile(r"(?<![\w@./-])(?P<a>[A-Za-z]{2,})[24](?P<b>[A-Za-z]{2,}|[Uu])(?![\w@-]|\.\w)")
_A_SCORE_AFTER = re.compile(r"[ \t]*(?:\d|-[ \t]*\d)")
# The same with spaces, in title case ("Talk 4 Change", "Home 2 Home Care"); not after a word a
# figure numbers ("Band 4 Nurse", "Step 2 Worker": data numbered_by_a_figure).
_SPACED_DIGIT_WORD = re.compile(r"(?<![\w@./-])(?P<a>[A-Z][a-z]{2,})[ \t][24][ \t](?P<b>[A-Z][a-z]+|U)(?![\w@-]|\.\w)")


def _capitalised_words_going_on(text: str, end: int) -> int:
    """Where the capitalised words going on with a name ending at ``end`` end ("Care4U
    Recruitment", "Home 2 Home Care"): no stop word, none joined to more by a hyphen or an
    apostrophe."""
    while end < len(text) and text[end] in " \t" and (w := _CAPITALISED_WORD.match(text, end + 1)) \
            and w.group().lower() not in STOP_WORDS and not re.match(r"[\w'’-]", text[w.end():w.end() + 1]):
        end = w.end()
    return end


@register_recognizer("digit-name", ("ORG",), gate=False, normalised=False)
def names_with_a_digit_for_a_word(text: str) -> Iterator[Finding]:
    """'Step2Wellbeing', 'Mind4Carers', 'talk2us', 'Care4U', 'Medics4Hire', 'Talk 4 Change': words
    joined by a 2 or a 4 said as "to" or "for" are a service's coined name, with the capitalised
    words going on with it ("Care4U Recruitment"); not a code ("B2B",
    "PHQ9"), each side a word (or "U", said "you"), or one capitalised as a name's ("Medics");
    with spaces, in title case, not a word the figure numbers ("Band 4 Nurse", "Day 2 Training")."""

    def a_word(lower: str) -> bool:
        return lexicon.is_ordinary(lower) or lexicon.is_field_word(lower)

    def capitalised(typed: str) -> bool:  # "Medics", "HomeCare" ("MEDICS" in a line in capitals): a name's word, no code's letters
        return len(typed) >= 3 and typed[0].isupper() and (not typed.isupper() or shouted)

    shouted = text.isupper()

    for m in _DIGIT_WORD.finditer(text):
        a, b = m.group("a").lower(), m.group("b").lower()
        if a in STOP_WORDS or a in _STOP:
            continue  # "up2u", "in2it": a small word before the digit is slang, not a name
        word_a, word_b = a_word(a), a_word(b) or b in ("us", "me", "you", "all", "u")
        if word_a and word_b or word_a and capitalised(m.group("b")) or capitalised(m.group("a")) and word_b:
            yield Finding(m.start(), _capitalised_words_going_on(text, m.end()), "ORG", 0.6, "digit-name")
    for m in _SPACED_DIGIT_WORD.finditer(text) if " 2 " in text or " 4 " in text else ():
        a, b = m.group("a").lower(), m.group("b").lower()
        # Not a word the figure numbers ("Module 4 Assessment", "Phase 2 Funding"), nor what it
        # counts ("Cohort 2 Trainees"), a public name typed so ("Access 2 Work"), a score
        # ("Leeds 2 Rovers 1", "Arsenal 4 Spurs": a place, or a figure after), nor a list of
        # people by day or number ("Tuesday 2 Potter", "Mon 2 Grace": a given name or a surname
        # after the figure, a day before it).
        if a in STOP_WORDS or b in STOP_WORDS and b not in ("you", "us", "u") or _counts(b) \
                or a in words_set("numbered_by_a_figure") or {f"{a} to {b}", f"{a} for {b}"} & public_lower() \
                or a in lexicon.places() or b in lexicon.places() or _A_SCORE_AFTER.match(text, m.end()) \
                or b in lexicon.first_names() or b in lexicon.surnames() or _A_DAY_WORD.fullmatch(m.group("a")):
            continue
        end = _capitalised_words_going_on(text, m.end())  # "Home 2 Home Care"
        if a == b and end == m.end():
            continue  # a word to itself is an idiom ("Face 2 Face", "Back 2 Back"), unless a name goes on
        yield Finding(m.start(), end, "ORG", 0.6, "digit-name")


# A capitalised word with a figure joined before it ("24Seven", "4Sight", "360Minds"), or after
# it ("Mind360", "Harbour247"), then any capitalised words going on with the name ("24Seven
# Support"). Not a postcode's or a code's letters: a word of three letters or more, in lower
# case after its capital.
_FIGURE_THEN_WORD = re.compile(
    r"(?<![\w@./£$€-])\d{1,3}(?P<word>[A-Z][a-z]{2,})(?:[ \t]+[A-Z][a-z]+)*(?![\w@-]|\.\w)")
_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]+")
_WORD_THEN_FIGURE = re.compile(
    r"(?<![\w@./-])(?P<word>[A-Z][a-z]{2,}(?:[A-Z][a-z]+)*)(?P<figure>\d{2,4})(?:[ \t]+[A-Z][a-z]+)*(?![\w@-]|\.\w)")


# A word coined with a figure inside or before it and three letters or more after the figure
# ("One2One", "2gether"; not "1to1"), then a capitalised kind of service ("Therapies",
# "Wellbeing"): one name.
_COINED_BEFORE_A_KIND = re.compile(
    r"(?<![\w@./£$€-])(?P<coined>[A-Za-z]*\d+[A-Za-z]{3,}[A-Za-z0-9]*)[ \t]+(?P<kind>[A-Z][a-z]+)(?![\w@-])")


# A figure a name holds with a space ("360 Support", "ProMed 24-7", "24/7 Minds", "Mind Matters
# 360", "1st Choice Care", "Carers 1st"): at most three digits (a year is when, not a name's), a
# week's hours "24/7", "24-7", or an ordinal.
_NAME_FIGURE = r"(?:\d{1,2}(?:st|nd|rd|th)|\d{1,3}(?:[/-]\d{1,2})?)"
# (the sentence may end after it: "at Quillby Minds 360."; not a decimal or a time, "3.5", "7:30")
_FIGURE_AFTER_A_NAME = re.compile(
    rf"[ \t](?P<figure>{_NAME_FIGURE})(?![\w/%£$€-]|[.,:]\d|[ \t]*%)(?:[ \t]+(?P<next>[A-Za-z]+))?")
# Before a workplace's name, a figure that opens it: as above, a number in words, capitalised
# ("Forty Two Counselling"), a word coined from digits and letters ("2gether Support"; not a
# unit, "10am", "3days"), or a figure after the word of a building's part it numbers ("Unit 12
# Recovery Café", "No. 5 Project"; data numbering_a_place: not "Band 6", "Year 9", "Step 2").
_NUMBERING_A_PLACE = alternatives(words("numbering_a_place"))
_FIGURE_BEFORE_A_NAME = re.compile(
    rf"(?<![\w/.,:£$€-])(?P<figure>(?:(?=[A-Z])(?i:{_NUMBERING_A_PLACE})\.?[ \t]+)?{_NAME_FIGURE}"
    rf"|\d{{1,3}}[a-z]{{3,}}|(?=[A-Z])(?i:{_HOUSE_WORDS}))[ \t]+$")
# Where a sentence opens: what opens it opens the name ("24/7 Carelink sent me", "Forty Two
# Counselling is small"), not a count of it.
_OPENS_A_SENTENCE = re.compile(r"(?:^|[.!?][\"”'’)]*\s+|\n\s*)$")
# A figure then words in title case, or words then a figure, with a space between ("at 24/7 Minds",
# "for ProMed 24-7"); read only after a workplace's clue.
_SPACED_FIGURE_NAME = re.compile(
    rf"(?<![\w@./£$€-])(?:(?P<figure>{_NAME_FIGURE})[ \t]+(?P<after>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)*)"
    rf"|(?P<before>[A-Z][A-Za-z]+(?:[ \t]+[A-Z][A-Za-z]+)*)[ \t]+(?P<last>{_NAME_FIGURE}))(?![\w@/-]|\.\w)"
    r"(?:[ \t]+(?P<next>[A-Za-z]+))?")
# What a figure counts, after it, besides a unit and a plural (_counts): the figure is no name's
# ("2 of us", "3 or 4 times", "10 am", "5 staff").
_COUNTED_AFTER = frozenset("of or to out more less per a an x am pm people staff percent".split())


def _counts(word: str | None) -> bool:
    """Is ``word``, after a figure, what the figure counts or when (a unit, a plural noun)?"""
    if not word:
        return False
    word = word.lower()
    return _a_unit(word) or word in _COUNTED_AFTER or (word.endswith("s") and lexicon.is_ordinary(word)) \
        or (word.endswith("s") and word[:-1] in lexicon.first_names())  # people by a name: "2 Sarahs"


_AN_ORDINAL = re.compile(r"\d{1,2}(?:st|nd|rd|th)", re.IGNORECASE)


def _what_an_ordinal_counts(word: str) -> bool:
    """Is the word after an ordinal what it counts or ranks, in either number ("1st time", "2nd
    floors", "1st classes", "2nd rate")?"""
    word = word.lower()
    return any(w in WHAT_AN_ORDINAL_COUNTS for w in (word, word.removesuffix("s"), word.removesuffix("es")))


def _a_small_count(figure: str) -> bool:
    """One or two digits alone ("3", "12"), an ordinal ("1st"), or a number in words ("Two"): a
    count, a time or a day as often as a name's figure."""
    return figure.isdigit() and len(figure) <= 2 or _AN_ORDINAL.fullmatch(figure) is not None \
        or a_number_in_words(figure)


_A_NUMBER_IN_WORDS = re.compile(_HOUSE_WORDS, re.IGNORECASE)


def a_number_in_words(word: str) -> bool:
    """'Six', 'forty-two': a number said in words, up to ninety-nine."""
    return _A_NUMBER_IN_WORDS.fullmatch(word) is not None


def _the_names_figure(figure: str, after: str | None) -> bool:
    """Is the figure straight after a workplace's name the name's, given the word after it
    (None: the sentence or the clause ends)? Where the clause ends, or a verb the name is the
    subject of follows ("Mind Matters 360 ended", "Quillby 7 closed"; data verbs_after_a_name);
    a figure of three digits or a week's hours ("365", "24/7") too before any word but what it
    counts ("at Oakview 24/7 basically" loses its figure, the lesser harm). Not "Oakview 2 and a
    half years", "Oakview 7 till 7"."""
    if after is None:
        return True
    word = after.lower()
    if _AN_ORDINAL.fullmatch(figure):
        # "Carers 1st for a year", not "Sarah 1st thing", "the 2nd of"
        return word != "of" and not _what_an_ordinal_counts(word)
    if not _a_small_count(figure):
        return not _counts(word)
    return _a_verb_after_a_name(word)


def _a_verb_after_a_name(word: str) -> bool:
    """A verb a name may be the subject of ("was", "paid", "closed"; data verbs_after_a_name)."""
    word = word.lower()
    return word in words_set("verbs_after_a_name") or (word.endswith("ed") and len(word) > 4)


def figure_beside_a_workplace(text: str, start: int, end: int) -> tuple[int, int]:
    """A workplace's name with the figure it holds beside it, after a space: "Mind Matters 360"
    (``_the_names_figure``), and "at 360 Support" (``figure_opening_a_name``)."""
    m = _FIGURE_AFTER_A_NAME.match(text, end)
    if m and _the_names_figure(m.group("figure"), m.group("next")):
        end = m.end("figure")
    return figure_opening_a_name(text, start, end), end


def figure_opening_a_name(text: str, start: int, end: int, counts: bool = True, opening: bool = True) -> int:
    """Where a name opened by a figure before it starts (``_FIGURE_BEFORE_A_NAME``), after a
    workplace's clue or where a sentence opens ("at 360 Support", "Forty Two Counselling is
    small", "24/7 Carelink sent me"); not a small count of the plural it names or of the word
    after it ("3 Support workers", "with 2 Trusts", "Two Kestrel Counselling staff left"), nor a
    time or a unit ("10am"). Without ``counts``, no figure that may count or tell the time ("At
    7 Sarah rang", "One Sarah on my team": before someone's name, only a coined figure or a
    numbered unit opens a firm's, "24/7 Carelink", "Unit 12 Recovery Café"). Where a sentence
    opens, not before a plural other than a workplace's kind, nor before one everyday word
    ("24/7 Helplines like Samaritans", "999 Crews", "One Team, One Vision", "24/7 Support is what
    they promised"; "24/7 Homecare Solutions" is a name); without ``opening``, not there at all.
    ``start`` if none."""
    m = _FIGURE_BEFORE_A_NAME.search(text, max(0, start - 20), start)
    if not m:
        return start
    figure = m.group("figure")
    after = _LOWER_WORD_AFTER.match(text, end)
    words_of_the_name = text[start:end].split()
    last = words_of_the_name[-1].lower()
    plural = last.endswith("s") and not last.endswith("ss") and lexicon.zipf(last[:-1]) > 0 \
        and not (last in lexicon.workplace_kinds("ends-name") and last not in lexicon.workplace_kinds("sentence-word"))
    if (_after_a_figure_name_clue(text, m.start())
            or opening and not plural and not (len(words_of_the_name) == 1 and lexicon.is_everyday(last))
            and _OPENS_A_SENTENCE.search(text, max(0, m.start() - 4), m.start())) \
            and not _counted(figure, words_of_the_name) \
            and not (_a_small_count(figure) and after and _what_a_figure_counts(after.group(1))) \
            and not (figure[:1].isdigit() and _a_unit(figure.lstrip("0123456789"))) \
            and (counts or not _a_small_count(figure)):
        return m.start()
    return start


def _what_a_figure_counts(word: str) -> bool:
    """After a name a small figure opens, what the figure counts ("Six Counselling sessions",
    "9 Counselling rooms", "Two Kestrel Counselling staff"; data: counted_after_a_figure,
    numbered_by_a_figure, things_of_work)."""
    lower = word.lower()
    return lower in _COUNTED_AFTER or lower in UNITS_OF_TIME_AND_WORK or any(
        form in words_set(table) for form in (lower, lower.removesuffix("s"))
        for table in ("counted_after_a_figure", "numbered_by_a_figure", "things_of_work"))


def _a_name_and_its_ordinal(m: re.Match) -> bool:
    """Capitalised words and an ordinal as a clause's subject or before its pause, wherever
    said ("Families 1st took me on", "Harbourlight 1st, that was my first job", "I went to
    Kindred 1st as a volunteer"): a name, unless a month, a weekday, a named day, a given name
    or what everyone is called is before the ordinal ("Monday 1st was", "Boxing Day 26th.",
    "Sarah 1st.", "Mum 1st, then"); not before "and", "then" ("I rang Dr Okoro 2nd and"); before
    a pause or "as", only with a word English seldom writes ("Safety 1st, always" is a slogan,
    "went to Tenants 1st as" not read)."""
    if not m.group("before") or not _AN_ORDINAL.fullmatch(m.group("last")):
        return False
    after = m.group("next")
    return _an_ordinal_of_a_name(m.string, m.start("last")) \
        and (_a_verb_after_a_name(after) if after is not None and after.lower() != "as"
             else not all(lexicon.is_ordinary(w.lower()) for w in m.group("before").split())) \
        and not any(w.lower() in lexicon.first_names() or w.lower() in _WHAT_EVERYONE_IS_CALLED
                    for w in m.group("before").split())


def _counted(figure: str, words: list[str]) -> bool:
    """Are the words after a figure what it counts, not a name it opens? After a small count,
    a plural last ("3 Support Workers", "2 Trusts"; "3 Rivers Psychology" is a name); after an
    ordinal, what ordinals count first ("1st Year Trainees", "2nd Floor"), unless the name ends
    in a kind of service ("1st Step Counselling", "1st Choice Care" are names)."""
    last = words[-1].lower()
    if _AN_ORDINAL.fullmatch(figure):
        return _what_an_ordinal_counts(words[0]) \
            and not (len(words) > 1 and last in _ENDS_NAME and not last.endswith("s"))
    return _a_small_count(figure) and _counts(last)


def _a_unit(word: str) -> bool:
    """A figure's unit of time or work typed on to it ("2Days", "24Hours", "10Mins", "3Shifts");
    not any plural ("7Oaks", "5Ways" name services)."""
    return word in _WHEN_HALVES or word in UNITS_OF_TIME_AND_WORK


UNITS_OF_TIME_AND_WORK = frozenset("""days weeks months years mins min minutes secs seconds shifts sessions times
clients patients cases visits calls noon midnight""".split())


@register_recognizer("figure-in-a-name", ("ORG",), gate=False, normalised=False)
def names_with_a_figure(text: str) -> Iterator[Finding]:
    """'I was at 24Seven Support', '4Sight took me on', 'I worked at Mind360', 'Care247 had me on
    nights': a figure joined to a capitalised word is a coined name, a service's; after the word
    where a word places someone at a workplace ("at", "for", "joined"...), or a figure of three
    (a week's hours or a year's days: "247", "365") or a word English has not ("Mindline365"),
    as "Covid19", "Windows10" are said elsewhere; not a public name however its figure is joined
    ("Covid19" as "Covid-19"), nor a count and its unit ("I did 2Days a week"; "3Rivers
    Counselling" goes on with a name). A word coined with a figure inside or before it, in any
    case, before a capitalised kind of service is the name's ("One2One Therapies", "2gether
    Wellbeing"). ("at Windows10 training" goes: a name before a noun is read as one, the
    lesser harm.)"""
    if not _DIGIT.search(text):
        return
    found = [m for m in _FIGURE_THEN_WORD.finditer(text)
             if " " in m.group() or not _a_unit(m.group("word").lower())]
    for m in _WORD_THEN_FIGURE.finditer(text):
        word, figure = m.group("word").lower(), m.group("figure")
        if (_after_a_figure_name_clue(text, m.start()) or len(figure) > 2
                or not lexicon.is_ordinary(word)) \
                and not {f"{word}{figure}", f"{word}-{figure}", f"{word} {figure}"} & public_lower():
            found.append(m)
    for m in _SPACED_FIGURE_NAME.finditer(text):
        # "for ProMed 24-7", "at 24/7 Minds": after a workplace's clue, a name of words no unit,
        # not a public one, and before a figure one English has not ("at Band 6", "at Level 3",
        # "for Year 9" are grades); a year is no name's figure (_NAME_FIGURE); not a small count
        # before what it counts ("with 3 Support Workers", "2 Lovely Nurses"); words and an
        # ordinal anywhere as a clause's subject or before its pause ("Families 1st took me on"),
        # a plural of people too ("at Patients 1st,")
        words = (m.group("after") or m.group("before")).split()
        if (_after_a_figure_name_clue(text, m.start()) or _a_name_and_its_ordinal(m)) \
                and not (any(_a_unit(w.lower()) for w in words) and not _AN_ORDINAL.fullmatch(m.group("last") or "")) \
                and (m.group("after") or not all(lexicon.is_ordinary(w.lower()) for w in words)
                     or _AN_ORDINAL.fullmatch(m.group("last")) and _the_names_figure(m.group("last"), m.group("next"))) \
                and not (m.group("after") and _counted(m.group("figure"), words)) \
                and not public_opening(w.lower() for w in words) \
                and " ".join(m.group().lower().split()) not in public_lower():
            # after the words, the figure is the name's where _the_names_figure says so ("at
            # Oakview 3 days a week": the name alone)
            end = m.end("after") if m.group("after") else m.end("last") \
                if _the_names_figure(m.group("last"), m.group("next")) else m.end("before")
            yield Finding(m.start(), end, "ORG", 0.6, "figure-in-a-name")
    yield from _lower_case_ordinal_names(text)
    for m in _COINED_BEFORE_A_KIND.finditer(text):
        # "One2One Therapies", "2gether Wellbeing": the kind's capital says the coined word is the name's
        if lexicon.is_workplace_kind(m.group("kind").lower()) and m.group("coined").lower() not in public_lower():
            yield Finding(m.start(), m.end(), "ORG", 0.6, "figure-in-a-name")
    for m in found:
        # the capitalised words after it, up to a small word opening what is said next ("at
        # Mind360 The pay was bad", "at 24Seven I think")
        end = m.start() + len(m.group().split()[0])
        for w in _CAPITALISED_WORD.finditer(text, end, m.end()):
            if w.group().lower() in STOP_WORDS:
                break
            end = w.end()
        yield Finding(m.start(), end, "ORG", 0.6, "figure-in-a-name")


# An ordinal then words typed in lower case (or a line in capitals): "joined 2nd wind care"
# (_lower_case_ordinal_names). Without capitals to tell a name, no other figure: a plain count
# ("for 1-1 counselling", "the 111 service", "at 2 group therapy", "for 18-25 counselling") is
# what it counts, and "24/7", "365" what is given round the clock ("for 24/7 bespoke care",
# "24/7 staffing", "24/7 minds").
_ORDINAL_THEN_LOWER_WORDS = re.compile(r"(?<![\w@./£$€-])\d{1,2}(?:st|nd|rd|th)[ \t]+(?=[a-z])")
_A_LOWER_WORD = re.compile(r"[a-z][a-z'’-]*")


@functools.lru_cache(maxsize=16)
def _lower_case_ordinal_names(text: str) -> tuple[Finding, ...]:
    """Without capitals to tell it, a workplace's name opened by an ordinal is told by where it
    is said (after "at", "for", "joined", "through"...) and a kind of workplace ending it
    ("joined 2nd wind care", "2nd chance care home's"), with a word before the kind that says
    no kind of service. Not what an ordinal counts or ranks ("3rd sector care", "6th form
    college", "2nd rate care", "1st episode psychosis team": lower case cannot tell "1st choice
    care" from them), a kind alone ("4th hub"), a date ("3rd june counselling"), a compound
    going on after the kind ("3rd wind care work"), nor a public name. (Cached: the date rules
    ask where these names open, and the figure rule reads them.)"""
    typed = _as_typed(text)
    if not _names_in_lower_case(typed):
        return ()
    found = []
    for m in _ORDINAL_THEN_LOWER_WORDS.finditer(typed):
        if not _after_a_figure_name_clue(typed, m.start()):
            continue
        words = []  # up to four words straight after the ordinal, one space apart, to a small word
        for w in _A_LOWER_WORD.finditer(typed, m.end()):
            apart = typed[words[-1].end():w.start()] in (" ", "\t") if words else w.start() == m.end()
            if len(words) == 4 or not apart or w.group() in STOP_WORDS or w.group() in _STOP or w.group() in NAME_ENDS:
                break
            words.append(w)
            if w.group().endswith(("'s", "’s", "'", "’")):
                break  # a name ends at its possessive ("2nd wind care's nights team")
        lowered = [re.sub(r"['’]s?$", "", w.group()) for w in words]
        # the name ends at its last kind of workplace ("wind care now": "wind care"), or of two
        # words ("chance care home")
        last = max((i for i, w in enumerate(lowered) if w in _ENDS_NAME
                    or i and f"{lowered[i - 1]} {w}" in KINDS_AFTER_A_NAME), default=-1)
        name = lowered[:last + 1]
        if len(name) < 2 or all(w in service_words() or lexicon.is_field_word(w) or lexicon.is_workplace_kind(w)
                                for w in name) \
                or _what_an_ordinal_counts(name[0]) \
                or any(_a_unit(w) or _A_DAY_WORD.fullmatch(w.capitalize()) for w in name) or public_opening(name):
            continue
        next_word = words[last + 1].group() if last + 1 < len(words) else None
        if next_word and lowered[last] == words[last].group() and not (
                _a_verb_after_a_name(next_word) or next_word in _NOT_IN_A_NAME or next_word.endswith("ly")):
            continue  # a noun after the kind, no possessive between: a compound's ("with 3rd wind care work";
            # not "2nd wind care recently", "... today")
        end = words[last].start() + len(lowered[last])
        found.append(Finding(m.start(), end, "ORG", 0.6, "figure-in-a-name"))
    return tuple(found)


# ---------------------------------------------------------------- a workplace said after someone's post

# Someone's post straight before "at": "band 5 perm at ...", "pwp at ...", "volunteer at ..." (group
# "post"); or work said plainly, "worked at", "job at", "based at" (group "work"), after which
# ordinary words are as often how or when ("worked at odd hours", "work at scale").
_POST_AT = re.compile(r"(?i:(?<![\w'’-])(?:(?P<post>pwp|cbt|therapist|counsellor|counselor|psychologist|nurse|hca|perm"
                      r"|permanent|locum|bank|sessional|volunteer(?:ed|ing)?|placement|staff|manager|coordinator|worker"
                      r"|trainee|band\s+\d[a-z]?)|(?P<work>post|job|role|contract|work(?:ed|ing)?|employed|based))\s+at\s+)"
                      r"(?P<name>[a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*){0,3})")
# A capitalised word (not "I", "I'm"): the text is typed with capitals.
_CAPITAL_INSIDE = re.compile(r"\b(?!I\b|I['’])[A-Z][a-z]")
# A capitalised word but "I" ("I'm", and "Im", "Ive", "Id" typed for "I'm", "I've", "I'd").
_CAPITALISED = re.compile(r"\b(?!I(?:m|ve|d)?\b)[A-Z][a-z]")
# What comes before a sentence's first word: the text's start, a sentence's end (a full stop,
# "?", "!", an ellipsis) or a blank line, then spaces, quotes, brackets, a list's number or letter
# ("1)", "a.") or a bullet; or a line's start and a bullet (a line alone may be wrapped inside a
# sentence, "worked with\nSarah") ...
_LIST_MARK = r"(?:(?:\d{1,2}|[a-z])[.)][ \t]+|[-*•–—][ \t]*)"
_OPENING_BEFORE = re.compile(rf"(?:(?:^|[.!?…]|\n[ \t]*\n)[\s\"'“‘”’()\[\]]*{_LIST_MARK}?"
                             rf"|\n[ \t]*{_LIST_MARK})[\"'“‘(\[]*$")
# ... unless the full stop ends a word shortened inside a sentence ("e.g. Headspace", "approx. Leeds").
_SHORTENED_BEFORE = re.compile(r"(?<![\w.])(?i:e\.g|i\.e|etc|approx|vs|dr|mr|mrs|ms|st|no)\.\s+$")


@functools.lru_cache(maxsize=1024)  # (asked of one text by each rule for names in lower case)
def _names_in_lower_case(typed: str) -> bool:
    """Whether a name may be typed in lower case here (what the rules for a text "typed in lower
    case" ask, a line in capitals read in lower case): no word is capitalised inside a sentence
    ("Yes. Two posts went at calder moor.", "Im a peer worker. At steady ground in hull I've
    had...", '"Yes, my manager at quiet meadow said no."'), where capitals open sentences only;
    where one is ("We moved to Calder Moor.", "apps e.g. Headspace"), the typist capitalises
    names and a word in lower case is an ordinary one."""
    for m in _CAPITALISED.finditer(typed):
        at = max(0, m.start() - 16)
        if not _OPENING_BEFORE.search(typed, at, m.start()) or _SHORTENED_BEFORE.search(typed, at, m.start()):
            return False
    return True


# What "at" takes that is no workplace ("at home", "at weekends", "at least", "at band 6"), and
# where a workplace's name ends ("... before i moved", "... since may").
_AT_IDIOMS = frozenset("""home work night nights weekends weekend least most first last all times risk lunch lunchtime
school uni university college church pace capacity full best worst once present length ease hand heart stake peace rest
noon midnight breakfast dinner tea band step level grade any some each every various different several both another
reception moments moment start end beginning bottom top minimum maximum short speed free nothing myself yourself
himself herself themselves ourselves money peanuts less more longer hours years months weeks days charity charities
agencies companies people clients patients""".split())
NAME_ENDS = frozenset("""before after since until till and but then now in on for from as when while so because where
which who though although if or with to currently still again every each since during doing til x""".split())


# A count or how often, after which a name has ended ("three days a week", "2 days", "twice").
_A_COUNT = re.compile(rf"\d[\w/.:-]*|(?:{UNIT_WORD}|{TEEN_WORD}|{TENS_WORD}|twice|once|half|couple|few)")


@functools.lru_cache(maxsize=1)
def public_lower() -> frozenset[str]:
    """The built-in public terms, lower-cased, one space between words ("leeds iapt" is a
    town before a public service's name), and each of several words typed as one ("surestart",
    "ageuk", as a hashtag or a hurried answer has them)."""
    spaced = {" ".join(t.lower().split()) for t in lexicon.builtin_public_terms()}
    return frozenset(spaced | {t.replace(" ", "") for t in spaced if " " in t and len(t) > 5})


def public_opening(words: Iterable[str]) -> int:
    """How many of the words open with a public body, company or event, in any case ("tesco",
    "age uk", "iapt", "christmas"): the longest such opening, 0 if none."""
    public, words = public_lower(), list(words)
    return max((n for n in range(1, len(words) + 1) if " ".join(words[:n]) in public), default=0)


# A word typed in lower case (or a figure), as the words of a name after a post are read.
_A_WORD_TYPED = re.compile(r"[a-z0-9][\w'’-]*")
# Whom something was done to, or whose it was ("cut our hours", "hired me"): no word of a name.
_WHOM = frozenset("me us him her them my our your his their".split())
# Who does something: the clause goes on after a name ("bright horizons said i was fine").
_SUBJECTS = frozenset("i we he she they".split())
# A preposition before a determiner says how or where after a name ("at willow bank through a
# friend", "via the council"), no word of it.
_HOW_OR_WHERE_AFTER_A_NAME = frozenset("through via with from by into about".split())
_A_DETERMINER_OPENS = re.compile(r"[ \t]+(?:a|an|the|my|our|your|his|her|their|some)\b")
# What opens the clause or the object after a verb ("said there was", "told you it was",
# "made it clear", "said the rota was", "said no"): the verb before it is the sentence's,
# however many verbs follow.
_OPENS_AFTER_A_VERB = frozenset("there it that this you the a an no".split())


# Verbs no name holds as its second word (data verbs_not_in_a_name: "silverbirch wont pay", "the
# manager at brackenridge said no"): one word said before one is the name. ("at juniper was
# lovely" loses "was lovely", the lesser harm: "hopes were high" may be a name.)
_VERBS_AFTER_ONE_WORD = words_set("verbs_not_in_a_name")


def _a_verb_no_name_holds(word: str) -> bool:
    """``_VERBS_AFTER_ONE_WORD``, its apostrophe typed or not ("won't", "wont")."""
    return re.sub("['’]", "", word.lower()) in _VERBS_AFTER_ONE_WORD


# Verbs said before another ("gets paid", "has been", "would have"; and with "not", "hadnt paid").
_HELPING = "is was are were has had have does did do gets got get will would could can should might must".split()
_HELPING_VERBS = frozenset(_HELPING + [f"{w}nt" for w in _HELPING] + ["wont", "cant"])
# Words said straight before a clause's verb ("never paid", "always said").
_BEFORE_A_VERB = frozenset("never always just also really often usually only even all both".split())


def _ends_a_name(word: str, first: bool) -> bool:
    """A word no name goes on past (``NAME_ENDS``: "before", "since", "still"), but one opening
    names said first ("nurse at still waters"; "at bramble still, after all" ends at "still")."""
    return word in NAME_ENDS and not (first and word in _NAME_OPENERS)


def _the_clauses_verb(text: str, start: int) -> int | None:
    """How many words after ``start`` (where a name typed in lower case begins) come before the
    sentence's verb (data verbs_after_a_name), if one of them is said after two words or more
    (a name may hold one: "hopes were high"), or one no name holds after one word
    (``_VERBS_AFTER_ONE_WORD``: "silverbirch wont pay"), and the words said just before the verb go with
    it ("bright path never paid": "never paid"; the name keeps a word): the last such verb
    before a name's end ("hollin bank has heart were great": "were"), or the
    first one a clause or its object opens after ("clear path said there was": "said"), unless
    the words after it end in a kind of workplace ("quill green let go project": a name)."""
    words = []
    for w in re.finditer(_A_WORD_TYPED, text[start:start + 120]):
        if _ends_a_name(w.group(), not words) or w.group() in _SUBJECTS or w.group() in _WHOM or len(words) == 6:
            break
        words.append(w.group())
    # (or a word said only before a verb, and one after it: "new leaf never answers emails")
    verbs = [i for i, w in enumerate(words) if i >= 2 and w in words_set("verbs_after_a_name")
             or i >= 1 and _a_verb_no_name_holds(w) or i >= 2 and words[i - 1] in _BEFORE_A_VERB]
    if not verbs or len(words) > verbs[-1] + 1 and _WORKPLACE_KIND.fullmatch(words[-1]):
        return None
    # ("the manager at clear path said there was no budget": "said", not "was"; "staff at
    # hollin bank gets paid more", "at quarnby havent had": a helping verb before another)
    opening = [i for i in verbs if i + 1 < len(words) and (words[i + 1] in _OPENS_AFTER_A_VERB or (
        re.sub("['’]", "", words[i]) in _HELPING_VERBS) and words[i + 1] in words_set("verbs_after_a_name"))]
    verb = opening[0] if opening else verbs[-1]
    while verb > 1 and words[verb - 1] in _BEFORE_A_VERB:
        verb -= 1  # ("staff at bright path never paid travel": "never paid")
    return verb


@register_recognizer("workplace-after-post", ("ORG",), gate=False, normalised=False)
def workplaces_after_a_post(text: str) -> Iterator[Finding]:
    """'band 5 perm at quiet harbour before i moved': in a text typed in lower case (a survey's
    answer) or in capitals, the words after someone's post and "at" are where they work, up
    to a word that ends a name ("before", "since", "and"...): not "at home", "at weekends", "at
    band 6", not a determiner ("at the trust", "at a charity"), not one everyday word, not what
    a workplace has ("the staff at head office"). Not where a capital is typed inside a
    sentence: there a name would have one (``_names_in_lower_case``; capitals opening sentences
    only, "Yes. The manager at open door said no.", were once found to cost ordinary words on
    held-out train; on 2026-12-06 they cost none there, nor on dev, train or valid)."""

    text = _as_typed(text)
    if not _names_in_lower_case(text):
        return  # a capital inside a sentence: a name would have one
    for m in _POST_AT.finditer(text):
        verb = _the_clauses_verb(text, m.start("name"))
        found = []
        for k, w in enumerate(re.finditer(_A_WORD_TYPED, m.group("name"))):
            if _ends_a_name(w.group(), not found) or found and _A_COUNT.fullmatch(w.group()):
                break  # "at bramble three days a week", "at kestrel 2 days": how often is said after it
            if k == verb:
                break  # "staff at bright horizons were lovely": the sentence's verb
            if w.group() in _WHOM:
                if len(found) > 1:
                    found.pop()  # "staff at willow bank cut our hours": the word before whom it
                break  # was done to is the sentence's verb
            if w.group() in _SUBJECTS and not _WORKPLACE_KIND.fullmatch(m.group("name").split()[-1]):
                if len(found) > 1 and found[-1].group() in words_set("verbs_after_a_name"):
                    found.pop()  # "the manager at willow bank said we had to": a verb before a clause
                break  # said is the sentence's (a name ending in its kind may hold one: "yes we can counselling")
            if found and w.group() in _HOW_OR_WHERE_AFTER_A_NAME \
                    and _A_DETERMINER_OPENS.match(m.group("name"), w.end()):
                break  # "a job at willow bank through a friend": where the name is, or how, said after it
            if w.group()[0].isalpha():
                found.append(w)
        while len(found) > 1 and found[-1].group() in ("a", "an", "the"):
            found.pop()  # "at bramble a few hours": a name ends in no article
        words = [w.group() for w in found]
        if not words or words[0] in _AT_IDIOMS or words[0] in STOP_WORDS and not (
                words[0] in _NAME_OPENERS and len(words) > 1 and words[1] not in STOP_WORDS
                and not words[1][:1].isdigit() and not all(map(lexicon.is_everyday, words))) \
                or any(w.endswith(("'s", "’s")) for w in words) or words[0].endswith("ing"):
            continue  # (a small word opens no name but one opening names: "nurse at still waters", not
            # "staff at next door")
        if len(words) == 1 and (lexicon.is_everyday(words[0]) or lexicon.is_field_word(words[0])):
            continue
        if words[-1] in _A_WORKPLACES_OWN:
            continue  # "the staff at head office": what a workplace has, not which
        if public_opening(words):
            continue  # "worked at tesco", "volunteer at age uk", "manager at christmas": public
        kinds = [i for i, w in enumerate(words) if _WORKPLACE_KIND.fullmatch(w)]
        if all(w in service_words() or _WORKPLACE_KIND.fullmatch(w) or lexicon.is_field_word(w) or w in STOP_WORDS
               for w in words):
            continue  # "at local hospice", "at gp surgery": what kind of place, not which
        if kinds and kinds[-1] != len(words) - 1:
            continue  # "nurse at ward level": a name ends with its kind of place
        if m.group("work") and not kinds and all(lexicon.is_ordinary(w) for w in words):
            continue  # "worked at odd hours", "work at cross purposes": after plain work, a name of
            # ordinary words needs its kind of place ("worked at brook farm surgery")
        yield Finding(m.start("name"), m.start("name") + found[-1].end(), "ORG", 0.55, "workplace-after-post")


# ---------------------------------------------------------------- a workplace of everyday words, in lower case

# What places someone at a workplace before "at": a post ("coordinator at"), work said plainly
# ("worked at", "based at", "volunteer two days a week at"), a room rented or used there ("i rent
# a room at", "sessions at"): group "work"; "i'm at", "i am at", said of where someone is: group "am".
# Up to four words between ("volunteer two days a week at"), none a pause nor a verb's "-ing" or
# "-ed" ("the spare room shouting at the laptop": what someone did).
_EVERYDAY_NAME_CUE = re.compile(
    r"(?<![\w'’-])(?:(?:(?P<work>pwp|therapist|counsellor|counselor|psychologist|nurse|coordinator|co-ordinator|worker"
    r"|volunteer(?:s|ed|ing)?|placement|trainee|sessional|locum|manager|staff|work(?:s|ed|ing)?|based|shifts?|sessions?"
    r"|room)|(?P<told>told|asked|taught|trained))(?:[ \t]+(?![a-z]+(?:ing|ed)\b)[a-z0-9][\w'’-]*){0,4}?|(?P<am>i['’]?m|i[ \t]+am))"
    r"[ \t]+at[ \t]+(?P<the>the[ \t]+)?(?P<name>[a-z][a-z'’-]*(?:[ \t]+[a-z][a-z'’-]*)?)"
    # where the name ends: a pause, the text's end, "in" and a place, "on" and a day of the week,
    # "to" and what someone was told to do there
    r"(?=(?P<pause>[ \t]*(?:[.,;:!?)\"”'’]|[—–]|[ \t]-[ \t]|$))|[ \t]+(?:(?:over|up|down|out)[ \t]+)?in[ \t]+(?P<place>[a-z][\w'’-]*)"
    r"|(?P<day>[ \t]+on[ \t]+(?:a[ \t]+)?(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b)|(?P<to>[ \t]+to[ \t]+[a-z]))")
_AT_THE_THINGS = words_set("at_the_things")
# A sentence opened by "at", a word or two, then "in" and a town: where someone works, as a post
# before "at" says ("At clear lantern in polzeath I've had people in crisis"); "the" no part of it.
_AT_A_NAME_IN_A_TOWN = re.compile(r"(?:^|(?<=[.!?])[ \t]+|(?<=\n))[Aa]t[ \t]+(?:the[ \t]+)?"
                                  r"(?P<name>[a-z][a-z'’-]*(?:[ \t]+[a-z][a-z'’-]*)?)"
                                  r"[ \t]+in[ \t]+(?P<place>[a-z][\w'’-]*)")


def an_everyday_thing(word: str) -> bool:
    """A word that says what kind of place, thing or time, or none ("desk", "hospital", "charity",
    "the", "weekend"), or where ("leeds"), not which workplace."""
    return (word in _AT_THE_THINGS or word in _NO_EMPLOYER or word in service_words() or word in _KIND_WORDS
            or lexicon.is_field_word(word) or word in public_lower() or word in _AT_IDIOMS or word in lexicon.places()
            or word in words_set("everyday_place_kinds") or word.endswith(("'s", "’s")))


@register_recognizer("workplace-in-everyday-words", ("ORG",), gate=False, normalised=False)
def workplaces_in_everyday_words(text: str) -> Iterator[Finding]:
    """'coordinator at the lantern post.', 'i rent a room at the nook in leeds', 'i'm at kinship
    in hull', 'volunteer at the beacon on thursdays', 'told at the nook to book': in a text typed
    in lower case (a survey's answer) or in capitals, a word or two after someone's post or work
    and "at", where a pause, "in" and a place or "on" and a day of the week follows (or "to",
    after "told", "asked"), are a workplace's name however ordinary its words, unless they say
    what kind of place, thing or time ("worked at the airport.", "staff at the desk,", "told at
    the meeting to", "i'm at the gym on mondays"; ``at_the_things`` in data/recognizer_words.yml
    and the lists of kinds), one everyday word ("at the front", "at the time") or two ("at the
    same time"). Without "the" only before a place or a day ("worked at random."), and "i'm at"
    only so ("i'm at the nook." may be a visit). With no post or work before "at", where "at"
    opens the sentence and "in" and a town follow ("Yes. At bright path in hull we...")."""
    text = _as_typed(text)
    if not _names_in_lower_case(text) or "at " not in text.lower():
        return  # a capital inside a sentence: a name would have one
    for m in _AT_A_NAME_IN_A_TOWN.finditer(text):
        place, words = m.group("place"), m.group("name").split()
        if len(words) == 1 and not _a_word_no_list_knows(words[0]) \
                or words[-1] in _AT_IDIOMS or f"{words[-1]}s" in _AT_IDIOMS:
            continue  # what happens there or when ("At graduation in dundee", "At darts in hull", "At rush
            # hour in leeds"); one word no list knows is a name ("At mossgate in hull")
        if _a_town(place) and not _everyday_words_name_none(words):
            yield Finding(m.start("name"), m.end("name"), "ORG", 0.55, "workplace-in-everyday-words")
    for m in _EVERYDAY_NAME_CUE.finditer(text):
        words = m.group("name").split()
        place = m.group("place")
        if place is not None and (place in _STOP or place in STOP_WORDS or lexicon.is_everyday(place)
                                  or an_everyday_thing(place) and place not in lexicon.places()):
            continue  # "at the lantern post in my first year": no place after "in"
        if m.group("to") is not None and m.group("told") is None or m.group("told") is not None and not m.group("the"):
            continue  # "to" ends a name only where someone was told there
        where = place is not None or m.group("day") is not None
        if not m.group("the") and not where or m.group("am") and (m.group("the") or not where):
            continue  # "worked at random.", "i'm at fault.", "i'm at the gym.": no workplace said
        if _everyday_words_name_none(words):
            continue
        yield Finding(m.start("name"), m.end("name"), "ORG", 0.55, "workplace-in-everyday-words")


def _everyday_words_name_none(words: list[str]) -> bool:
    """Words after "at" that say what kind, a time, one everyday word, a public name or a place,
    not which workplace ("the airport", "the time", "the front", "age uk", "leeds")."""
    return (any(w in _STOP or an_everyday_thing(w) for w in words) or all(w in STOP_WORDS for w in words)
            or len(words) == 1 and (words[0] in STOP_WORDS or lexicon.is_field_word(words[0])
                                    or words[0] in words_set("no_workplace_alone"))
            or words[-1].endswith(("ing", "ed", "ly")) or public_opening(words)
            or all(lexicon.is_everyday(w) for w in words) or " ".join(words) in lexicon.places())


# ---------------------------------------------------------------- a workplace of one word after someone's work

# Work said, then where it was: "worked at", "work for", "a job with", "my placement with",
# "volunteered for", "based at", "shifts through", "a counsellor with", "two years at"; "got the
# job through", "agency work through" (group "means": not an ordinary word, said of how as
# often, "through luck");
# "i'm still at" (group "am"); "was at", "was with", "i've been with" and "i left" or "left"
# opening a clause (group "then", said of a visit or a mood as often: the clause stops or goes on
# with when, how long or what came next, "i was at sparrow for two years", "left juniper in
# march"; "i've been at" was tried: far more often a visit, an activity, a mood or nagging someone,
# "i've been at camp since", "at stalemate for weeks", "at dave for years"; so was "new" or "old"
# opening a name of two words after "worked at", "a job with": as often someone, pay or a thing,
# "worked for new ceo", "a job with new salary", "worked at new venue"); "after leaving";
# "three days a week for"; who runs or took over a service ("provided by", "taken over by",
# "subcontracted to"); "joined". Then one word (group "name"), or two (group "second"), the clause
# going on with a small word (group "next") or stopping: a word of any other kind after it says
# what the name is or was for ("worked at compass point").
WORK_SAID_BEFORE_WHERE = (
    r"(?:(?:work(?:s|ed|ing)?|based|employed)[ \t]+(?:at|for)|shifts?[ \t]+(?:at|for|through|via)"
    r"|(?:jobs?|post|placement|contracts?|volunteer(?:s|ed|ing)?)[ \t]+(?:at|for|with)"
    r"|(?:counsell?or|counselor|therapist|pwp|nurse|psychologist|co-?ordinator|manager|worker|trainee)[ \t]+(?:with|for)"
    r"|(?P<means>(?:jobs?|post|placement|role|work)[ \t]+through)"
    # how long someone was there: "a year with", "two years at", "six months at" (the count
    # before it is looked for after a match, _A_COUNT_BEFORE: a pattern opening with it was
    # tried at every word)
    r"|(?P<long>(?:years?|months?)[ \t]+(?:at|with)|(?:days?|nights?|shifts?)[ \t]+a[ \t]+week[ \t]+(?:at|for|with))"
    r"|(?P<am>(?:i['’]m|i[ \t]+am|we['’]re|we[ \t]+are)[ \t]+(?:still[ \t]+|now[ \t]+|based[ \t]+)?at)"
    # (the clause's first word, "left" said of no one: an answer's "left hazel in 2020")
    r"|(?P<then>(?:was|were)[ \t]+(?:still[ \t]+|based[ \t]+)?(?:at|with)"
    r"|(?:(?:i|i['’]ve|i[ \t]+have|i[ \t]+had|i['’]d)[ \t]+|^|(?<=[.!?;\n])[ \t]*)left"
    r"|(?:i['’]?ve|i[ \t]+have|we['’]?ve|we[ \t]+have|i['’]d|i[ \t]+had)[ \t]+been[ \t]+with)"
    # leaving a workplace said as when: "after leaving hazel i went private"
    r"|(?:after|since|before|on|until)[ \t]+leaving"
    r"|(?:run|provided|commissioned|funded|owned|contracted|subcontracted|bought|(?:taken|took)[ \t]+over)[ \t]+by"
    r"|subcontracted[ \t]+(?:out[ \t]+)?to|joined"
    # ("started at", "nights at", "days for", "joining", "transferred over to" were tried: they
    # take a time, a drug, a specialty, a fee as often, "started at midday", "nights at paeds",
    # "joining fee")
    # a contract, being taken on: "my contract with", "they took me on at" ("the lot at", "over at",
    # "the manager of" were tried: they name a department as often, "the manager of payroll")
    r"|contracts?[ \t]+(?:with|at)|(?:took|taken|take)[ \t]+(?:me|us|him|her|them)[ \t]+on[ \t]+at)")
# Someone's work straight before a word ("employed by", "part time at" too): not being
# somewhere ("was at", "i'm at"), which is as often being at a treatment ("i was at hormone therapy").
_EMPLOYED_BEFORE = re.compile(rf"(?<![\w'’-])(?i:{WORK_SAID_BEFORE_WHERE}|employed[ \t]+by"
                              r"|(?:part|full)[ \t-]time[ \t]+(?:at|for|with))[ \t]+$")


def _employed_before(text: str, start: int) -> bool:
    """Whether someone's work (WORK_SAID_BEFORE_WHERE), not their being somewhere, is said
    straight before ``start``: "worked at", "employed by", "joined", "my contract with"."""
    m = _EMPLOYED_BEFORE.search(text, max(0, start - 40), start)
    return m is not None and not m.group("then") and not m.group("am")


# Someone's work, a word, then one word (``lower_case_workplaces``: "i joined bridgeway services").
_WORK_THEN_COINED = re.compile(rf"(?<![\w'’-])(?i:{WORK_SAID_BEFORE_WHERE})[ \t]+"
                               r"(?P<name>[a-z][a-z'’-]{4,})[ \t]+(?P<kind>[a-z]+)(?![\w'’-])")
_WORK_THEN_ONE_WORD = re.compile(
    rf"(?<![\w'’-])(?i:{WORK_SAID_BEFORE_WHERE})"
    r"[ \t]+(?P<name>[a-z][a-z'’-]*[a-z]|[A-Z][A-Z'’-]*[A-Z])(?:[ \t]+(?P<second>[a-z][a-z'’-]*[a-z]))?"
    r"(?=[ \t]*(?:[.,;:!?)\"”]|[—–]|[ \t]-[ \t]|$)|[ \t]+(?P<next>[A-Za-z]+))")
# When or how long, or what came next, said after where someone was or what they left ("for two
# years", "in march", "last year", "and went to the nhs", "but it closed").
_WHEN_AFTER_WHERE = frozenset("""for until till since from between as when before after then in because last around
about ago nearly over this and but""".split())
# One more word of a list after a name in lower case: ", orchard", ", then orchard", " and orchard",
# then the clause's end or a small word ("at kestrel, then orchard, then back to the nhs").
_NEXT_IN_A_LIST = re.compile(
    r"(?:,[ \t]*(?:(?:and|or)[ \t]+)?(?:then[ \t]+)?|[ \t]+(?:and|or|then)[ \t]+(?:then[ \t]+)?)"
    r"(?P<item>[a-z][a-z'’-]*[a-z])"
    r"(?=[ \t]*(?:[.,;:!?)]|[—–]|$)|[ \t]+(?:and|or|then|for|in|until|before|after|since|as|on)\b)")
_ABSTRACT_ENDING = re.compile(rf"(?:{english_endings('abstract')})$")


def _an_abstract_word(word: str) -> bool:
    """A word of an abstract ending (data english_endings: abstract): an abstract noun, a verb's
    form or a discipline ("nursing", "equality", "retired"), or an ordinary word so ending
    ("pudding", "ceiling": a thing, no name either); of "-ing" or "-ed" and seldom written, only
    where what is before it ends in a word ("house-keep-ing"; "redwing", "kindred" are none:
    names)."""
    m = _ABSTRACT_ENDING.search(word)
    if m is None:
        return False
    if m.group() not in ("ing", "ed") or lexicon.is_ordinary(word):
        return True
    stem = word[:m.start()]
    stem = stem[:-1] if stem[-2:-1] == stem[-1:] else stem  # "runn", "shopp"
    return len(stem) < 3 or any(lexicon.zipf(end) >= lexicon.RARE_ZIPF or lexicon.zipf(f"{end}e") >= lexicon.RARE_ZIPF
                                for end in (stem[i:] for i in range(len(stem) - 2)))


_A_COUNT_BEFORE = re.compile(rf"(?<![\w'’-])(?i:an?|{UNIT_WORD}|{TEEN_WORD}|{TENS_WORD}|\d+|few|couple[ \t]+of)[ \t]+$")


def _opens_no_name(word: str) -> bool:
    """A word said after someone's work that names nothing, in the first place of a name too: a
    small word or someone ("for somebody"), what "at" takes ("at weekends"), an answer naming no
    employer ("freelance"), a word of an abstract ending ("i left nursing", "for equality"), or
    one of data's ``no_workplace_alone`` ("at mosque", "for cash", "taken over by paperwork")."""
    return (word in STOP_WORDS or word in _STOP or word in _AT_IDIOMS or word in _NO_EMPLOYER or word in _NOT_IN_A_NAME
            or _an_abstract_word(word) or word in words_set("no_workplace_alone"))


def _says_no_workplace(word: str) -> bool:
    """A word said alone after someone's work that is not where: one that names nothing
    (``_opens_no_name``), a sector ("retail"), a kind of place, a field, a public body or a place
    (``an_everyday_thing``; a public body typed without its apostrophe, "barnardos"), a count
    or an age ("took me on at sixteen"), an everyday word, a plural (people or things:
    "refugees", "agencies"), a month or a day ("at christmas"), a country's or a language's
    word ("work through welsh")."""
    return (_opens_no_name(word) or word in words_set("industries") or an_everyday_thing(word)
            or _A_COUNT.fullmatch(word) is not None
            or word.endswith("s") and f"{word[:-1]}'s" in public_lower() or lexicon.is_everyday(word)
            or _plural_of_a_word(word)
            or word in _public_proper_nouns() or word in words_set("seasons") or _MONTH_WORD.fullmatch(word) is not None
            or re.fullmatch(f"{_WEEKDAYS.lower()}s?", word) is not None or NAMED_DAYS.fullmatch(word) is not None)


@functools.lru_cache(maxsize=256)
def _one_word_after_work(text: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """Each name said after someone's work (``_WORK_THEN_ONE_WORD``), typed in lower case in a
    text so typed or in capitals in a sentence: its start, its end and its words in lower case.
    One word, and each one-word name of a list after it ("at kestrel, then orchard"); or two
    typed in lower case where the first opens a name and the second is no word of what kind,
    when or how ("i was at quiet harbour for a year"; not "at full capacity", "at night shifts").
    (Read once for both recognizers that take these names, the workplace's and the person's.)"""
    return tuple(_names_after_work(text))


def _names_after_work(text: str) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    typed = _as_typed(text)
    in_lower_case = _names_in_lower_case(typed)
    for m in _WORK_THEN_ONE_WORD.finditer(typed):
        if m.group("long") and not _A_COUNT_BEFORE.search(typed, max(0, m.start() - 20), m.start()):
            continue  # "years at" after no count ("the early years at school")
        name, second, after = m.group("name"), m.group("second"), m.group("next")
        if not (name.islower() and in_lower_case and not m.group("am") or name.isupper() and len(name) > 3):
            continue  # (a word in lower case where a capital stands inside a sentence is an ordinary one; "i'm at"
            # one in lower case may be where someone is for a while: "i'm at pilates")
        # (a verb the name is the subject of ends it too: "my contract with silver fern paid
        # late"; not after "was at", said of a visit or a mood as often)
        verbs = frozenset() if m.group("then") else words_set("verbs_after_a_name")
        if second is not None and (second in STOP_WORDS or name.isupper() or second in verbs
                                   or _a_verb_no_name_holds(second)):
            second, after = None, second  # one word, then the clause goes on ("at silverbirch dont get")
        if after is not None and after.lower() not in (_WHEN_AFTER_WHERE if m.group("then") else STOP_WORDS) \
                and after.lower() not in verbs and not _a_verb_no_name_holds(after):
            continue
        lowered = name.lower()
        if m.group("means") and second is None and lexicon.is_ordinary(lowered):
            continue  # how someone got the job, as often: "through luck", "through referral"
        if second is None:
            yield m.start("name"), m.end("name"), (lowered,)
            if name.islower() and not _says_no_workplace(lowered):  # a list: "at kestrel, then orchard, then the nhs"
                at = m.end("name")
                while item := _NEXT_IN_A_LIST.match(typed, at):
                    yield item.start("item"), item.end("item"), (item.group("item"),)
                    at = item.end("item")
        elif not (_opens_no_name(lowered) or _says_no_workplace(second) or f"{lowered} {second}" in lexicon.places()
                  or public_opening([lowered, second])):
            yield m.start("name"), m.end("second"), (lowered, second)


@register_recognizer("workplace-of-one-word-after-work", ("ORG",), gate=False, normalised=False)
def workplaces_of_one_word_after_work(text: str) -> Iterator[Finding]:
    """'i worked at compass for two years', 'i left juniper in march', 'i joined bramble', 'I
    worked for COMPASS on the crisis line': one word after someone's work and "at", "for",
    "with", or after "joined", "i left", is where they worked however ordinary its word, typed
    in lower case in a text so typed (a survey's answer) or in capitals in a sentence (a name
    typed so; a text all in capitals is read in lower case); not a word that says no workplace
    (``_says_no_workplace``: "worked at weekends", "worked for peanuts", "i left nursing",
    "joined unison"), a department's or a job's letters ("i was at itu for a year"), nor one a word other
    than a small one follows; nor a given name no word is (``someone_worked_for``)."""
    for start, end, words in _one_word_after_work(text):
        if given_not_a_word(words[0]) or len(words) == 1 and (
                _says_no_workplace(words[0]) or letters_said_for_a_thing(words[0].upper())):
            continue
        yield Finding(start, end, "ORG", 0.55, "workplace-of-one-word-after-work")


# How long someone has been somewhere, after "been at": "i've been at maplewood for 4 years",
# "been at quarnleys since 2019". ("been at" alone was tried as a word of work: a visit, an
# activity or a mood as often, "been at camp", "at loggerheads for 2 years"; so only a word no
# ordinary English one, nor an idiom's, with the time said.)
_BEEN_AT_FOR_A_TIME = re.compile(
    r"(?<![\w'’-])been[ \t]+at[ \t]+(?P<name>[a-z][a-z'’-]*[a-z])[ \t]+(?:for[ \t]+(?:(?:over|nearly|about|almost)[ \t]+)?"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a[ \t]+few|a[ \t]+couple[ \t]+of)[ \t]*\+?[ \t]*"
    r"(?:years?|yrs?|months?)|since[ \t]+(?:19|20)\d\d)(?![\w'’-])")


@register_recognizer("workplace-been-at-for-a-time", ("ORG",), gate=False, normalised=False)
def workplaces_been_at_for_a_time(text: str) -> Iterator[Finding]:
    """'i have been at maplewood for 4 years': in a text typed in lower case, a word English
    seldom writes after "been at" and before how long is where someone works; not an ordinary
    word ("been at camp for 2 years", "been at uni"), an idiom ("at loggerheads"), a place, a
    given name, a public name's first word ("been at broadmoor") or letters ("hmp")."""
    if "been" not in text:
        return
    typed = _as_typed(text)
    if not _names_in_lower_case(typed):
        return
    for m in _BEEN_AT_FOR_A_TIME.finditer(typed):
        name = m.group("name")
        if lexicon.is_ordinary(name) or _says_no_workplace(name) or given_not_a_word(name) \
                or name in lexicon.places() or public_opening([name]) or name in _public_first_words() \
                or letters_of_something_else(name.upper()) or a_public_bodys_letters(name.upper()):
            continue  # (a public body's first word, "been at broadmoor", "ashworth"; "hmp")
        yield Finding(m.start("name"), m.end("name"), "ORG", 0.55, "workplace-been-at-for-a-time")


@functools.lru_cache(maxsize=1)
def _public_first_words() -> frozenset[str]:
    """The first words of public names of two words or more ("broadmoor" of "Broadmoor Hospital")."""
    return frozenset(t.split()[0] for t in public_lower() if " " in t)


# ---------------------------------------------------------------- a workplace said at again and again

# "at" and a word, where the name may end: a pause, a small word, the text's end ("at hearth,
# it's", "at holdfast there", "nobody else at driftwood would").
_AT_A_NAME = re.compile(r"(?<![\w'’-])at[ \t]+(?P<name>[a-z][a-z'’-]*[a-z])"
                        r"(?=[ \t]*(?:[.,;:!?)\"”'’]|[—–]|[ \t]-[ \t]|$)|[ \t]+(?P<next>[a-z]+))")
# What someone does or is good at, not where they work: "we do taekwondo", "i play snooker",
# "i love bootcamp", "i'm terrible at spreadsheets".
_A_PASTIME_OR_A_SKILL = (r"(?<![\w'’-])(?:(?:do|does|did|doing|play|plays|played|playing|love|loves|loved|enjoy|enjoys"
                         r"|enjoyed|hate|hates|hated)|(?:good|bad|terrible|great|rubbish|better|worse|best|useless|awful)"
                         r"[ \t]+at)[ \t]+{}(?![\w'’-])")


def workplaces_said_at_again(texts: list[str]) -> list[list[Finding]]:
    """In a source typed in lower case (a survey's answers, a transcript typed so, a line in
    capitals read in lower case), one word said after "at" twice or more, with no article, where
    a name may end, is a workplace's name however ordinary its word: English puts a noun after
    "at" with no article in its idioms ("at home", "at lunch", "at audit": what "at" takes,
    ``_says_no_workplace``), and says a place of work so ("at hearth, it's", "nobody else at
    holdfast would"). Not the plural of any English word ("at spreadsheets", "at cadets"), nor
    a word the source says someone does, plays or is good at ("we do taekwondo"); two words are
    not read ("at board round", "at sixth form", "at red alert", "at gold command": English says
    a compound noun after "at" so as often as a name, and says it bare as a name is said, "red
    alert means no leave"; a rule reading them took dozens of invented ones). Texts with a
    capital inside a sentence are not read: there a name has one. Each text's findings."""
    said: dict[str, list[tuple[int, int, int]]] = {}
    for i, text in enumerate(texts):
        if "at " not in text or not _names_in_lower_case(_as_typed(text)):
            continue
        for m in _AT_A_NAME.finditer(text):
            name, after = m.group("name"), m.group("next")
            if after is not None and after not in STOP_WORDS and after not in NAME_ENDS:
                continue  # a word of a longer name, or what is said of it
            if name in _STOP or name in STOP_WORDS or _A_COUNT.fullmatch(name) or given_not_a_word(name) \
                    or _says_no_workplace(name) or name.endswith("s") and lexicon.zipf(name[:-1]) > 0:
                continue
            said.setdefault(name, []).append((i, m.start("name"), m.end("name")))
    found: list[list[Finding]] = [[] for _ in texts]
    for name, where in said.items():
        if len(where) < 2:
            continue
        pastime = re.compile(_A_PASTIME_OR_A_SKILL.format(re.escape(name)))
        if not any(pastime.search(t) for t in texts):
            for i, start, end in where:
                found[i].append(Finding(start, end, "ORG", 0.55, "workplace-said-at-again"))
    return found


# ---------------------------------------------------------------- two words after work, read capitalised

# Two words said after someone's work (WORK_SAID_BEFORE_WHERE: "the contract at", "worked for",
# "two years at"), no article, where a name may end: a pause, a line's or the text's end, a small
# word, a contraction ("meeting point isn't").
_WORK_THEN_TWO_WORDS = re.compile(
    rf"(?<![\w'’-])(?i:{WORK_SAID_BEFORE_WHERE})[ \t]+(?P<name>[a-z][a-z-]*[a-z][ \t]+[a-z][a-z-]*[a-z])"
    r"(?=[ \t]*(?:[.,;:!?)\"”'’]|[—–]|[ \t]-[ \t]|\n|$)|[ \t]+(?P<next>[a-z]+)(?P<short>['’][a-z]+)?)")
# Someone in a state or at a level, not at a workplace: "we were at", "i'm still at" ("we were at
# breaking point", "i'm at full stretch").
_IN_A_STATE = re.compile(r"(?<![\w'’-])(?:(?:was|were|am|is|are|be|been|being)|\w+['’](?:m|re|s))[ \t]+"
                         r"(?:(?:still|now|all|already|always)[ \t]+)?at[ \t]+$")
# The word straight after a name, in lower case (read from the name's end, not a copy of the
# text after it).
_LOWER_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)")
# What opens a clause a name is the subject of: the text's, a sentence's or a line's start, a
# pause, a word joining or reporting a clause ("i know meeting point had them", "and then
# listening ear closed").
_SUBJECT_OPENS = re.compile(r"(?:^|[.!?;:,(—–][ \t]*|\n[ \t]*|(?<![\w'’-])(?:and|but|so|then|because|that|know|knew"
                            r"|think|thought|said|says|when|if|until|since|where|why|how)[ \t]+)$")


def workplaces_of_two_words_read_so(texts: list[str],
                                    read_as_workplaces: Callable[[list[tuple[str, int, int]]], list[bool]]
                                    ) -> list[list[Finding]]:
    """In a source typed in lower case, two words said after someone's work with no article
    (``_WORK_THEN_TWO_WORDS``: "the contract at meeting point is"), said twice or more, are a
    workplace's name where the source also says them as the subject of a clause ("i know
    meeting point had them": ``_SUBJECT_OPENS``, a verb after them) and ``read_as_workplaces``
    (the trained detector, ``detector.read_as_workplaces``) reads them as one once capitalised,
    in two places or more. The rules read no two everyday words there
    (``workplaces_said_at_again``: English says a compound noun after "at" as often as a name,
    "at board round"); the detector tells "Listening Ear" from "Board Round" by the words and
    those around them, and a name is said as a name: "breaking point", "crisis point", "ward
    level" are said after "at" and "to", rarely as what does something. Not where someone is
    in a state ("we were at": ``_IN_A_STATE``), a compound ("at safe staffing levels"), a public
    name; not in a text with a capital inside a sentence: there a name has one. Where the source says a name so
    read, each text's."""
    lower = [i for i, t in enumerate(texts) if _names_in_lower_case(_as_typed(t))]
    names = set()
    for i in lower:
        for m in _WORK_THEN_TWO_WORDS.finditer(texts[i]):
            if m.group("then") or m.group("am") or m.group("long") and not _A_COUNT_BEFORE.search(
                    texts[i], max(0, m.start() - 20), m.start()):
                continue
            words, after = m.group("name").split(), m.group("next")
            if after is not None and not m.group("short") and after not in STOP_WORDS and after not in NAME_ENDS:
                continue  # a word of a longer name or a compound ("at safe staffing levels")
            if not any(w in STOP_WORDS or _A_COUNT.fullmatch(w) for w in words) and not public_opening(words):
                names.add(" ".join(words))
    if not names:
        return [[] for _ in texts]
    said = re.compile(r"(?<![\w'’-])(?:" + "|".join(r"[ \t]+".join(map(re.escape, n.split())) for n in sorted(names))
                      + r")(?![\w'’-])")
    where = [(i, m.start(), m.end()) for i in lower for m in said.finditer(texts[i])
             if not _IN_A_STATE.search(texts[i], max(0, m.start() - 30), m.start())]

    def name(i: int, start: int, end: int) -> str:
        return " ".join(texts[i][start:end].split())

    times = Counter(name(*w) for w in where)
    verbs = words_set("verbs_after_a_name")
    as_subject = {name(i, a, b) for i, a, b in where if _SUBJECT_OPENS.search(texts[i], max(0, a - 20), a)
                  and (m := _LOWER_WORD_AFTER.match(texts[i], b)) and m.group(1) in verbs}
    # (only these are read: the detector is the costly part)
    where = [w for w in where if times[name(*w)] >= 2 and name(*w) in as_subject]
    read = [w for w, ok in zip(where, read_as_workplaces([(texts[i], a, b) for i, a, b in where])) if ok]
    confirmed = {n for n, k in Counter(name(*w) for w in read).items() if k >= 2}
    found: list[list[Finding]] = [[] for _ in texts]
    for i in lower if confirmed else ():  # the name goes wherever the source says it
        found[i] = [Finding(m.start(), m.end(), "ORG", 0.55, "workplace-read-capitalised")
                    for m in said.finditer(texts[i]) if name(i, m.start(), m.end()) in confirmed]
    return found


def given_not_a_word(word: str) -> bool:
    """A given name English has no word for ("priya", "tom"; not "grace", "spring")."""
    lower = word.lower()
    return lower in lexicon.first_names() and not lexicon.is_ordinary(lower)


@register_recognizer("someone-worked-for", ("PERSON",), gate=False, normalised=False)
def someone_worked_for(text: str) -> Iterator[Finding]:
    """'i worked for priya for years', 'i worked for priya shah for years': a given name no
    English word is, after someone's work and "for" (or "with", "joined"...), typed in lower
    case, is whom they worked for, with a surname after it; a given name that is a word
    ("worked for grace") is read as a workplace's (``workplaces_of_one_word_after_work``)."""
    for start, end, words in _one_word_after_work(text):
        if given_not_a_word(words[0]) and (len(words) == 2 or not _says_no_workplace(words[0])):
            yield Finding(start, end, "PERSON", 0.55, "someone-worked-for")


# ---------------------------------------------------------------- a workplace said to employ someone, in lower case

# What only an employer is said to do to someone, then its name: "employed by", "contracted by",
# "hired by", "on the books of", "tupe'd over to" (group "name": the words after it).
_EMPLOYED_BY = re.compile(r"(?<![\w'’-])(?:(?:employed|contracted|subcontracted|hired|recruited|taken\s+on|paid)"
                          r"\s+(?:directly\s+)?by"
                          r"|on\s+the\s+(?:books|payroll)\s+of|tupe['’]?d\s+(?:over\s+)?to|transferred\s+over\s+to)\s+"
                          r"(?P<name>[a-z][a-z'’&-]*(?:\s+(?:&\s+)?[a-z][a-z'’&-]*){0,4})")


# Endings of words for people by what they are to someone ("members", "clients", "residents",
# "commissioners", "specialists"): in the plural, people, not a workplace. (Not every "-er" or
# "-ant": "quiet waters", "bright elephants" may well be names.)
_PEOPLE_ENDINGS = ("ient", "dent", "ioner", "mber", "alist", "apist")


def _kind_in_the_singular(word: str) -> str:
    """A kind of workplace said in the plural, as one ("companies" -> "company", "charities",
    "agencies"; "trusts" -> "trust"); any other word as it is."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and word[:-1] in _KIND_WORDS else word


@register_recognizer("workplace-employed-by", ("ORG",), gate=False, normalised=False)
def workplaces_employing_someone(text: str) -> Iterator[Finding]:
    """'i was employed by clear path for a year', 'contracted by bright futures': in a text
    typed in lower case (a survey's answer) or in capitals, the words after what only an
    employer does to someone are its name, however ordinary, up to a word that ends a name
    ("for", "since", "and"...); not a determiner or a pronoun ("employed by the trust",
    "by them"), a public body ("by nhs", "by age uk"), words of what kind ("by local
    authority", "by an agency") or one everyday word ("paid by cash")."""
    text = _as_typed(text)
    if not _names_in_lower_case(text) or " by " not in text and " of " not in text and " to " not in text:
        return  # a capital inside a sentence: a name would have one
    for m in _EMPLOYED_BY.finditer(text):
        tokens = list(re.finditer(r"[a-z&][a-z'’&-]*", m.group("name")))
        words = _name_words([t.group() for t in tokens])
        owner = next((i for i, w in enumerate(words) if w.endswith(("'s", "’s"))), None)
        if owner is not None:  # "clear path's bank team": the name is the owner's
            words = words[:owner] + [words[owner][:-2]]
        if words and (words[-1] in service_words() or words[-1].endswith("s")
                      and words[-1][:-1].endswith(_PEOPLE_ENDINGS)):
            continue  # people ("by family members", "by private clients", "by commissioners")
        if words and words[-1] in words_set("payment_means") and m.group().lower().startswith("paid"):
            continue  # how or by what someone is paid ("paid by bank transfer", "by direct debit"); who
            # employs or contracts someone is no means ("employed by blue harbour insurance")
        if not words or words[0] in STOP_WORDS or words[0] in _STOP or words[0] in _AT_IDIOMS \
                or _no_particular_workplace([_kind_in_the_singular(w) for w in words]) \
                or len(words) == 1 and (lexicon.is_everyday(words[0]) or lexicon.is_field_word(words[0])) \
                or public_opening(words) or " ".join(words) in lexicon.places():
            continue  # (a kind said in the plural is what kind too: "by private companies")
        end = m.start("name") + tokens[len(words) - 1].start() + len(words[-1])
        yield Finding(m.start("name"), end, "ORG", 0.55, "workplace-employed-by")


# ---------------------------------------------------------------- names said in other forms

# Spelled out letter by letter ("S-I-O-B-H-A-N", "w, r, o, b, e, l", the first letter said by a
# word, "Z as in zebra, A, B, O..."): in an interview only names, addresses and codes are spelled.
_SPELLED_OUT = re.compile(r"(?<![\w-])[A-Za-z](?:-[A-Za-z]){2,}(?![\w-])|(?<![\w,])"
                          r"(?:[A-Za-z]\s+(?:as\s+in|for)\s+[A-Za-z]+,\s)?[A-Za-z](?:,\s[A-Za-z]){3,}(?![\w])")
# Spelled with spaces ("S I O B H A N", "t e n d a i"): four letters or more of one case.
_SPACED_OUT = re.compile(r"(?<![\w'’-])(?:[A-Z](?: [A-Z]){3,}|[a-z](?: [a-z]){3,})(?![\w-])")
# Said as it sounds, syllables joined by hyphens, the stress in capitals ("SHAY-mus",
# "ROY-sheen", "oh-LOO-sheh-gun").
_PRONOUNCED = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z]*(?:-[A-Za-z]+){1,4}(?![\w-])")
# Dotted initials ("A.J.", "R. J."), not the usual abbreviations.
# Typed in lower case too ("a guy called j.p.", "the rep, t.j., came"), the letters joined.
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?|[a-z]\.[a-z]\.(?:[a-z]\.)?)(?![\w]|\.\w)")
# What each spelling out and each run of initials holds, looked for first (a stop or a comma
# opens it, and most texts hold none): "-o-" of "s-i-o-b-h-a-n", ", i," of "s, i, o, b";
# ". J." of "A. J.", ".p." of "j.p.".
_SPELLED_OUT_CUE = re.compile(r"-[A-Za-z]-|,\s[A-Za-z],")
_INITIALS_CUE = re.compile(r"\.\s?[A-Za-z]\.")
_NOT_INITIALS = {"U.K.", "U.S.", "A.M.", "P.M.", "E.G.", "I.E.", "N.B.", "P.S.", "U.N.", "E.U.", "B.A.", "M.A.",
                 "B.C.", "A.D.", "R.I.P.", "Q.C.", "K.C.", "G.P.", "A.E.", "O.K.", "T.V.", "D.J.", "P.A.",
                 "A.K.A.", "C.V.", "V.S.", "E.T.A.", "D.O.B.", "W.R.T.", "M.P.", "P.C.", "U.S.A.", "D.I.Y.",
                 "M.O.T.", "I.T.", "A.S.", "O.T.", "P.T.", "S.T.", "N.H.S.", "G.B.", "N.I.", "R.E.", "P.E."}
_HYPHEN_PREFIXES = frozenset("""non anti pro pre post ex mid semi self multi inter cross sub co re de un over
under out""".split())
_WARD = re.compile(r"\b[Ww]ard\s+\d{1,2}[A-Za-z]?\b")
# Sounds said, not syllables of a name ("uh-huh", "mm-hmm", "oh-oh").
# ("ah", "oh", "la" open names' syllables as often: "ah-deh-bo-lah"; said twice they are sounds.)
_SOUNDS = frozenset("uh huh mm hmm mhm um umm er erm ooh ha heh tut".split())
# The particle of a verb's compound ("drop-in", "follow-up", "sign-off"): after an English word,
# no syllable of a name.
_VERB_PARTICLES = frozenset("in up out on off over down back away about around through by".split())
# Words telling how a name sounds or is said, a few words before the form ("do you say
# shee-vaun", "it's pronounced ah-deh-bo-lah", "is it nee-av or neeve?", "it's more ho-daan").
_SAID_HOW_IT_SOUNDS = re.compile(r"(?<![\w'’-])(?:pronounc\w*|say|says|sounds?|spelt|spelled|names?"
                                 r"|called|is[ \t]+it|it['’]s[ \t]+more)\b[^.?!]*$")
# The form in quotes ("people say 'hoe-dan'").
_QUOTED_FORM = re.compile(r"^['‘\"“][^'‘’\"“”]+['’\"”]$")


def _down_the_alphabet(letters: str) -> bool:
    """'abcd': letters each the one after the last, options or a list, no word spelled."""
    return all(ord(b) - ord(a) == 1 for a, b in zip(letters, letters[1:]))


def _spaced_a_name(spaced: str) -> bool:
    """Letters spelled with spaces that say a name whatever is around them ("l i n d q v i s t",
    "k a s h"): four or more making no word, with a vowel; not running down the alphabet ("a b c
    d e"), a public name's or the field's ("C A M H S", "S E N C O"), letters of grades, answers
    or days ("A A B B", "M T W T F"), nor a pattern said over ("h a h a h a", "E E L L N N"); with
    fewer, or a word ("h e l p"), the words around must say a name is spelled (the context)."""
    from ingest.redact.names import is_public_acronym  # (names imports this module)

    letters = spaced.replace(" ", "").lower()
    if _down_the_alphabet(letters) or letters in public_lower() or is_public_acronym(letters.upper()) \
            or letters_said_for_a_thing(letters.upper()) \
            or lexicon.is_everyday(letters) or letters in words_set("word_names") \
            or not lexicon.is_rare(letters) and letters not in lexicon.first_names() \
            and not (letters in lexicon.surnames() and not lexicon.is_ordinary(letters)):
        return False  # ("a b c d e", "C A M H S", "S E N C O"; a word: "S M A R T goals", "B R A G", "H O P E")
    if not re.search(r"[aeiouy]", letters) or set(letters) <= set("abcdef"):
        return False  # days' or shifts' letters, grades, answers ("M T W T F", "A A B B", "b d a c")
    if re.fullmatch(r"(.+?)\1+", letters) or re.fullmatch(r"(?:(.)\1)+", letters):
        return False  # a pattern over again, letters in pairs ("h a h a h a", "x x x x", "E E L L N N")
    return True


def _rhymes(a: str, b: str) -> bool:
    """Two parts said as a rhyme or a jingle, not a name's syllables: the same ending
    ("wishy-washy", "boo-hoo", "hodge-podge") or the same first and last letters
    ("ping-pong", "chit-chat", "zig-zag")."""
    return a[-2:] == b[-2:] or len(a) > 1 and len(b) > 1 and a[0] == b[0] and a[-1] == b[-1]


def _syllables_said(parts: list[str]) -> bool:
    """Parts of a word joined by hyphens, in lower case, that read as a name's syllables: each
    of five letters or fewer, one at least no ordinary word nor its plural ("lay-bys"), none said
    twice, a sound or a public term's, and no two rhyming (``_rhymes``)."""
    return (all(1 <= len(p) <= 5 and p.isalpha() for p in parts) and len(set(parts)) == len(parts)
            and any(not lexicon.is_ordinary(p) and not (p.endswith("s") and lexicon.is_ordinary(p[:-1])) for p in parts)
            and not any(p in _SOUNDS or p in public_lower() for p in parts)
            and not any(_rhymes(a, b) for a, b in zip(parts, parts[1:])))


@register_recognizer("name-forms", "PERSON", context=("pronounced", "pronounce", "say", "said", "says", "like",
                                                      "sounds", "spelled", "spelt", "spell", "name", "that's",
                                                      "it's", "called"), gate=False, normalised=False)
def names_in_other_forms(text: str) -> Iterator[Finding]:
    for m in _SPELLED_OUT.finditer(text) if _SPELLED_OUT_CUE.search(text) else ():
        if not _down_the_alphabet(re.sub(r"[^a-z]", "", m.group().lower())):  # ("the A, B, C, D options")
            yield Finding(m.start(), m.end(), "PERSON", 0.6, "spelled-out")
    for m in _SPACED_OUT.finditer(text):
        named = _spaced_a_name(m.group())
        if " I " not in f" {m.group()} " or m.group().count(" ") >= 4 and named or m.group().count(" ") >= 5:
            yield Finding(m.start(), m.end(), "PERSON", 0.6 if named else 0.3, "spelled-out")  # (not "A I M":
            # "I" alone is a word)
    for m in _PRONOUNCED.finditer(text) if "-" in text else ():
        parts = m.group().split("-")
        if lexicon.is_ordinary("".join(parts)) or any(p.istitle() for p in parts[1:]):
            continue  # "Well-being", "Part-time"; "Judeo-Christian", "Co-Op", "Smith-Green" are words or names
        stressed = any(len(p) >= 2 and p.isupper() for p in parts) and not m.group().isupper()
        if m.group()[0].islower() and (parts[0].lower() in _HYPHEN_PREFIXES or parts[0].isupper()):
            continue  # "anti-NHS", "re-banded"
        if m.group()[0].islower() and not stressed:  # (in lower case with a stress: "shiv-AWN", below)
            # Typed in lower case without a stressed syllable: short syllables that are not all
            # English, in quotes or after words telling how a name sounds ("is it nee-av",
            # "people say 'hoe-dan'"); not a word's letters or a sound someone made ("cbt-ish",
            # "uh-huh", "wishy-washy": _syllables_said). "it's", "like", "said" are no cue: "it's
            # like woo-hoo", "it's all chit-chat", "she said tom-yum".
            if _syllables_said(parts) and (_SAID_HOW_IT_SOUNDS.search(text, max(0, m.start() - 40), m.start())
                                           or _QUOTED_FORM.match(text[max(0, m.start() - 1):m.end() + 1])):
                yield Finding(m.start(), m.end(), "PERSON", 0.6, "pronounced")
            continue
        strange = sum(not lexicon.is_ordinary(p) for p in parts) >= 1
        if not stressed and not strange and (all(len(p) >= 4 for p in parts)
                                             or len(parts) == 2 and parts[1].lower() in _VERB_PARTICLES):
            continue  # "Eighty-something", "Patient-rated", "DROP-IN": English words joined, not syllables
            # ("See-oh-ban")
        yield Finding(m.start(), m.end(), "PERSON", 0.6 if stressed else 0.3 if strange else 0.15, "pronounced")
    for m in _INITIALS.finditer(text) if _INITIALS_CUE.search(text) else ():
        if re.sub(r"\s", "", m.group()).upper() not in _NOT_INITIALS:
            yield Finding(m.start(), m.end(), "PERSON", 0.55, "initials")


# Someone's letters, then an aside saying whose they are, a given name opening with their first
# letter: alone in brackets ("FM (Faye) asked me", "JT (Jo Turner)"), after "sorry" or "I mean"
# ("IC — sorry, Ines — told us", "TS, I mean Tamsin,") or between dashes ("RK - Rohan - rang");
# not a sentence going on after a dash ("TBH - Tom was right", "I cover NW - Nina the NE") nor a
# bracket saying more ("a DM (Dave never replied)").
_SORRY = r"(?:sorry|[Ii][ \t]+mean|aka|that['’]s)"
_GIVEN = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_NAMED_BESIDE = re.compile(
    rf"[ \t]*(?:\([ \t]*(?:{_SORRY},?[ \t]+)?(?P<bracketed>{_GIVEN})(?:[ \t]+[A-Z][a-z'’-]+)?[ \t]*\)"
    rf"|(?:[—–]|[ \t]-|,)[ \t]*{_SORRY},?[ \t]+(?P<corrected>{_GIVEN})(?![\w'’-])"
    rf"|(?:[—–]|[ \t]-)[ \t]*(?P<aside>{_GIVEN})[ \t]*(?:[—–]|-[ \t]))")
_LETTERS_BEFORE_AN_ASIDE = re.compile(r"(?<![\w'’&./-])[A-Z]{2,3}(?=[ \t]*(?:\(|[—–]|,|[ \t]-))")
# Before letters, a determiner or a word of where says they are a thing's or a place's ("the JR
# (John Radcliffe)", "my MSP (Mhairi)", "an MBE", "born at DPH (Dorothy Pattison)").
_A_THINGS_LETTERS_AFTER = frozenset("the a an my our your his her their its this that these those from over on in "
                                    "into at like via per of".split())


def named_beside(text: str, start: int, end: int) -> bool:
    """Whether the letters at ``text[start:end]`` are followed by an aside naming someone whose
    given name opens with their first letter (``_NAMED_BESIDE``): "FM (Faye)"; not "FM (the
    radio)", "BS (Gail's word)", nor after a determiner or a word of where (``_A_THINGS_LETTERS_AFTER``)."""
    m = _NAMED_BESIDE.match(text, end)
    if m is None:
        return False
    before = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, start - 20):start])
    if before and before.group(1).lower() in _A_THINGS_LETTERS_AFTER:
        return False
    name = m.group("bracketed") or m.group("corrected") or m.group("aside")
    return name[0] == text[start].upper() and name.lower() in lexicon.first_names()


@register_recognizer("initials-named-beside", "PERSON", gate=False, normalised=False,
                     needs=re.compile(r"[A-Z]{2}"))
def initials_named_beside(text: str) -> Iterator[Finding]:
    """'FM (Faye) asked me to', 'IC — sorry, Ines — told us': someone's letters, with an aside
    saying whose (``named_beside``); not a public body's, a post's or a thing's letters ("my GP
    (Gillian)", "the CEO (Colin)", "OT (Olwen)": those stay, the name beside them is found alone)."""
    from ingest.redact.names import letters_of_their_own  # (names imports this module)

    for m in _LETTERS_BEFORE_AN_ASIDE.finditer(text):
        letters = m.group()
        if letters_of_their_own(letters) or letters.lower() in words_set("chat_abbreviations") \
                or letters in words_set("letters_of_posts"):
            continue
        if named_beside(text, m.start(), m.end()):
            yield Finding(m.start(), m.end(), "PERSON", 0.6, "initials-named-beside")


# A letter said by a word it opens, as over a telephone ("S as in Sierra", "w for whiskey"),
# and what is spelled on with it: more letters so said or said bare, figures ("S as in Sierra,
# four four oh seven"), "double".
_LETTER_BY_A_WORD = re.compile(r"(?<![\w'’-])(?P<letter>[A-Za-z])[ \t]+(?:as[ \t]+in|for)[ \t]+(?P<word>[A-Za-z]{2,})"
                               r"(?![\w'’-])")
_SPELLED_ON = re.compile(r"(?:[ \t]*[,;-][ \t]*|[ \t]+)(?:(?:and[ \t]+)?then[ \t]+|and[ \t]+)?"
                         rf"(?P<said>(?:(?:double|triple)[ \t]+)?(?:(?P<letter>[A-Za-z])|(?P<figure>\d+|{_A_FIGURE_WORD})))"
                         r"(?![\w'’-])", re.IGNORECASE)


# (a bare "A", "I" spells on where another letter alone follows it: "O for Orange, W A L C Z Y K")
_A_LETTER_GOES_ON = re.compile(r"[ \t]*(?:[,;.?!]|$)|[ \t,;-]+[A-Za-z](?![\w'’-])")
# The words of the spelling alphabets said over the phone (data: spelling_alphabet); given names
# serve as well ("H for Harry").
_SPELLING_WORDS = words_set("spelling_alphabet")
# Words saying a spelling follows; group "name" where a name is said to be spelled, then even one
# that is an everyday word ("her last name, H for hat, O for orange, P for pig, E for egg").
_SPELLING_SAID = re.compile(r"(?i:spell(?:s|ed|ing)?\b(?![ \t]+(?:it[ \t]+)?out)|spelt"
                            r"|(?P<name>surname|(?:first|last)[ \t]+name(?![ \t]+terms)|name['’]s|name[ \t]+(?:is|was)))")


@register_recognizer("spelled-by-words", ("PERSON", "ID"), context=("spell", "spelled", "spelt", "that's", "it's",
                                                                   "name", "surname", "code", "reference"),
                     gate=False, normalised=False)
def spelled_by_words(text: str) -> Iterator[Finding]:
    """'That's W as in whiskey, A as in alpha, L, S, H': letters each said by a word it opens, and
    more said bare, spell a name: a listed name of four letters or more no English word ("N for
    nellie, I for ice, A for apple, M for mother, H for harry"); letters said mostly by the
    spelling alphabet's words or given names no everyday word ("K for kilo", "H for Harry"),
    spelling a listed name or four letters English never wrote; after a word of spelling
    ("spelt"), a listed name no everyday word, after "surname", "last name", any listed name
    ("her last name, H for hat, O for orange..." spells Hope). With four figures read out (three
    after two letters so said), a code ("S as in Sierra, four four oh seven"). Not a mnemonic or a form's codes ("E as in early, L as in late, N as in night", "R for
    red, A for amber, G for green", "it spells TRUST, T for teamwork...", "Y for yes, N for no"), a
    word that letter does not open ("A for effort"), nor letters down the alphabet ("A for apple,
    B for ball, C for cat")."""
    said_by_words = [m for m in _LETTER_BY_A_WORD.finditer(text)
                     if m.group("word")[0].lower() == m.group("letter").lower()]
    taken = 0
    for first in said_by_words:
        if first.start() < taken:
            continue
        end, letters, words, figures = first.end(), [first.group("letter").lower()], [first], 0
        while True:
            said = next((m for m in said_by_words if m.start() > end and not text[end:m.start()].strip(" \t,;-")
                         or m.start() > end and re.fullmatch(r"[ \t,;-]*(?:and[ \t]+)?(?:then|and)[ \t]+",
                                                             text[end:m.start()])), None)
            if said is not None:
                end = said.end()
                words.append(said)
                letters.append(said.group("letter").lower())
                continue
            bare = _SPELLED_ON.match(text, end)
            if bare is None or bare.group("letter") and bare.group("letter").lower() in "ai" \
                    and not _A_LETTER_GOES_ON.match(text, bare.end()) \
                    or bare.group("figure") and bare.group("figure").isdigit():
                break  # (a bare "a", "I" opening the words after: "... H as in hotel and I think"; a
                # number typed in figures is the words' own, "S for section 136", "E for effort, 100 per cent")
            end = bare.end()
            if bare.group("letter"):
                letters += [bare.group("letter").lower()] * (1 + bare.group("said").lower().startswith(("double", "triple")))
            else:
                figures += len(_figures_said(bare.group("figure")))
        taken = end
        if figures >= 4 or figures >= 3 and len(words) >= 2:
            yield Finding(first.start(), end, "ID", 0.6, "spelled-by-words")  # (not a room's or a bay's:
            continue  # "room C for charlie, one two three")
        spelled = "".join(letters)
        if len(spelled) < 3 or _down_the_alphabet(spelled) or letters_said_for_a_thing(spelled.upper()) \
                or spelled in public_lower():
            continue  # (a public body's or a thing's letters: "CBT", "RAG")
        listed = spelled in lexicon.first_names() or spelled in lexicon.surnames()
        # (a word or a code, spelled by the words it stands for, is a mnemonic's: "SMART", "TRUST",
        # "RAG", "E as in early, L as in late, N as in night", "D for day, N for night" on a rota:
        # the words a letter is said by, not "as in", tell a spelling, the spelling alphabet's or
        # given names no everyday word, "H for Harry")
        alphabet = sum(w.group("word").lower() in _SPELLING_WORDS or w.group("word").lower() in lexicon.first_names()
                       and not lexicon.is_everyday(w.group("word").lower()) for w in words)
        said_to_spell = _SPELLING_SAID.search(text, max(0, first.start() - 40), first.start())
        if len(spelled) >= 4 and listed and not lexicon.is_ordinary(spelled) \
                or 2 * alphabet > len(words) and (listed or len(spelled) >= 4 and not lexicon.is_ordinary(spelled)) \
                or said_to_spell and listed and (said_to_spell.group("name")
                                                 or len(spelled) >= 4 and not lexicon.is_everyday(spelled)):
            yield Finding(first.start(), end, "PERSON", 0.6, "spelled-by-words")


@register_recognizer("ward-number", "LOC", gate=False)
def ward_numbers(text: str) -> Iterator[Finding]:
    """'Ward 12', 'ward 3b': with the hospital known, a ward is a workplace of a few people."""
    yield from _spans(_WARD, text, "LOC", 0.55, "ward-number")


# ---------------------------------------------------------------- given names in lower case and capitals

_NAME_CONTEXT = ("called", "named", "name", "name's", "i'm", "im", "hi", "hello", "thanks", "cheers", "dear",
                 "asked", "told", "ask", "ring", "text", "message", "colleague", "manager", "friend", "mate",
                 "with", "met", "rang", "phoned", "emailed", "texted", "messaged", "said", "says",
                 "supervisor", "sister", "brother", "mum", "dad", "wife", "husband", "partner", "daughter", "son")


_GIVEN_NAME_WORD = re.compile(r"(?<![\w'’-])([^\W\d_]{3,})(?=['’][sS]\b|(?![\w'’-]))")
# Two given names hyphened into one ("sarah-jane", "ANNE-MARIE"), and what is said of someone after it.
_DOUBLE_GIVEN_NAME = re.compile(r"(?<![\w'’-])([^\W\d_]{2,}-[^\W\d_]{2,})(?=['’][sS]\b|(?![\w'’-]))")
_SAID_OF_A_DOUBLE_NAME = re.compile(r"['’]s\b|,?\s+(?:she|he|who)\b|\s+(?:said|says|told|asked|rang|texted|emailed"
                                    r"|wrote|reckons|thinks|thought|was|is|has|had)\b", re.IGNORECASE)


# After a given name, what shows it is someone's: a surname not remembered ("verity something")
# or "she", "he" straight after the clause ("yousef's lovely, he's given me a discount").
_SHOWN_A_PERSON = re.compile(r"\s+(?:something|summat|wh?atshername|wh?ats(?:h?is|ername)name)\b"
                             r"|(?:['’]s(?:\s+[a-z][a-z'’-]*){1,2})?,?\s+(?:she|he)\b")
# Or a role set beside it between commas ("grace, the other nurse, had a go"; not "hope, the main
# thing, is", "faith, the religion,").
_A_ROLE_SET_BESIDE = re.compile(r",[ \t]+(?:my|our|the|his|her|their)[ \t]+(?:[a-z-]+[ \t]+){0,2}?(?P<role>[a-z-]+)[ \t]*,"
                                r"(?![ \t]+(?:and|or|&)\b)")  # (a list goes on: "hope, my counsellor, and my dog")


# Or whose colleague, manager or friend, straight after it ("ravi my colleague got", "tendai my old boss rang"),
# then what is said of someone: a verb, or how often before it ("bea my colleague never listens").
_HOW_OFTEN = frozenset("never always just also still often sometimes once only even".split())
_A_ROLE_SAID_AFTER = re.compile(r"[ \t]+(?:my|our)[ \t]+(?P<word>[a-z-]+)(?:[ \t]+(?P<next>[a-z-]+))?")


def _a_role_said_after(text: str, end: int) -> bool:
    """Whether whose colleague, manager or friend follows ``end``, then what is said of someone
    ("ravi my colleague got", "tendai my old boss rang")."""
    m = _A_ROLE_SAID_AFTER.match(text, end)
    if m is None:
        return False
    from ingest.redact.names import a_past_tense  # (names imports this module)

    # ("my colleague", "my line manager", "my old boss")
    roles = [(m.group("word"), m.end("word"))] + ([(f"{m.group('word')} {m.group('next')}", m.end("next")),
                                                   (m.group("next"), m.end("next"))] if m.group("next") else [])
    for role, role_end in roles:
        if not _a_role().fullmatch(role):
            continue
        said = re.match(r"[ \t]+([a-z]+)\b", text[role_end:])
        if said and (said.group(1) in words_set("verbs_after_a_name") or a_past_tense(said.group(1))
                     or said.group(1) in _HOW_OFTEN or _SAID_OF.match(text, role_end)):
            return True
    return False


def _shown_a_person(text: str, end: int) -> re.Match | None:
    role = _A_ROLE_SET_BESIDE.match(text, end)
    if role and (_a_role().fullmatch(role.group("role").removesuffix("s"))
                 or role.group("role") in role_abbreviations_lower()):
        return role
    return _SHOWN_A_PERSON.match(text, end)


# "said", "reckons" after that "she" or "he" tell who spoke or thinks so ("hope, she said, is all
# we have", "so hope's fading now, he said").
_SPEECH_TAG = re.compile(r"\s+(?:said|says|asked|thought|thinks|told|reckons|reckoned|believes|feels|felt)\b")


@register_recognizer("gazetteer-name", "PERSON", context=_NAME_CONTEXT, gate=False, normalised=False)
def given_names_any_case(text: str) -> Iterator[Finding]:
    """A given name typed without the capital cue ("ask idris", "thanks jo") or in a
    line of capitals ("CALL BRENDA"): matched against the names gazetteer. A name that is
    also a common word ("summer", "will", "dean") is left to the name rules."""

    names = lexicon.first_names()
    # "sarah-jane pilbeam": two names given in Britain hyphened, no word of either, not one said
    # twice ("tom-tom", "cha-cha"), are one where a surname (typed in lower case: a word English
    # hardly uses or one of the list) or what is said of someone follows ("sarah-jane said");
    # hyphened words of a dance, a sweet or a sound are made of names as often ("tai-chi",
    # "kit-kat", "ding-dong")
    for m in _DOUBLE_GIVEN_NAME.finditer(text):
        word = m.group()
        parts = word.lower().split("-")
        if not (word.islower() or word.isupper()) or parts[0] == parts[1] or not all(
                given_in_britain(p) and p not in _STOP and not _an_everyday_word(p) and p not in lexicon.places()
                for p in parts):
            continue
        surname = _UNKNOWN_WORD_AFTER.match(text, m.end()) if word.islower() else None
        if surname and (_surname_here(surname.group(1)) or _hardly_english(surname.group(1))):
            yield Finding(m.start(), surname.end(1), "PERSON", 0.55, "gazetteer-name")
        elif _SAID_OF_A_DOUBLE_NAME.match(text, m.end()):
            yield Finding(m.start(), m.end(), "PERSON", 0.55, "gazetteer-name")
    # "łukasz", "GRÁINNE" too; a possessive's name ("gruffydd's idea") is the name
    for m in _GIVEN_NAME_WORD.finditer(text):
        word = m.group()
        if not (word.islower() or word.isupper() and len(word) >= 4):
            continue
        lower = word.lower()
        if lower not in names or lower in _STOP:
            continue
        if lexicon.is_rare(lower):  # rarer than "amber" or "rang": a name first
            # (surely one where English hardly uses it, one commonly given in Britain, or where
            # what follows shows a person)
            sure = lexicon.zipf(lower) < lexicon.HARDLY_USED_ZIPF or commonly_given(lower) \
                or (_SHOWN_A_PERSON.match(text, m.end()) or _SAID_OF.match(text, m.end())
                    or _THANKED_BEFORE.search(text, max(0, m.start() - 16), m.start()) and _A_CLAUSE_ENDS.match(text, m.end())) \
                and not _said_before(_DETERMINER_BEFORE, text, m.start())
            yield Finding(m.start(), _surname_in_capitals(text, m), "PERSON", 0.5 if sure else 0.2, "gazetteer-name")
        elif word.islower() and not lexicon.is_ordinary(lower) and _THANKED_BEFORE.search(text, max(0, m.start() - 16), m.start()) \
                and _A_CLAUSE_ENDS.match(text, m.end()):
            # "thank you tessa.", "cheers kieran, see you": a given name no English word, thanked or
            # greeted, ending what is said (not "cheers mate, see you", "thanks ivy")
            yield Finding(m.start(), m.end(), "PERSON", 0.55, "gazetteer-name")
        elif word.isupper() and given_in_britain(lower) and not _an_everyday_word(lower) and re.search(r"[a-z]", text):
            # "My manager was SARAH HALL.": a name given in Britain, Ireland or the USA, in
            # capitals in a sentence typed in lower case, is stressed, no acronym; not one that
            # is a word too ("AMBER", "WILL"). A public body's letters are kept as public.
            yield Finding(m.start(), _surname_in_capitals(text, m), "PERSON", 0.6, "gazetteer-name")
        elif (not _an_everyday_word(lower) and _SAID_OF.match(text, m.end())
              and (word.isupper() or (not _SAID_OF.match(text, m.end()).group(1)
                                      and _said_before(_NAME_OPENS, text, m.start())))
              and not _said_before(_DETERMINER_BEFORE, text, m.start())):
            # "SANDRA WAS LIKE THAT", "poppy from my team sent it", "so rosie said": a given
            # name that is no everyday word, followed by what is said of someone. In capitals
            # "was", "is", "has" say so too; not after "the", "a", "my" ("THE BILL WAS HIGH");
            # in lower case only where a subject opens ("my best mate from the gym" is no one).
            yield Finding(m.start(), m.end(), "PERSON", 0.55, "gazetteer-name")
        elif word.islower() and not _an_everyday_word(lower) and (surname := _UNKNOWN_WORD_AFTER.match(text, m.end())) \
                and (lexicon.zipf(surname.group(1)) < lexicon.SCARCELY_ENGLISH_ZIPF and not lexicon.is_ordinary(surname.group(1))
                     or (given_in_britain(lower) or lower in words_set("word_names")
                         and not _said_before(_DETERMINER_BEFORE, text, m.start()))
                and (_surname_here(surname.group(1)) or _hardly_english(surname.group(1))
                     and not _said_before(_DETERMINER_BEFORE, text, m.start()))):
            # "ask for sam kettleby": a given name, then a word English does not know, is a
            # full name typed in lower case; so is a name given in Britain, Ireland or the USA
            # that is no word, then a surname of the list or a word English hardly uses ("i
            # worked for sarah hall", "harriet quist wrote it"; the latter not after "my": "my
            # buddy ferdie"), or a given name that is also a word, then one, outside a
            # determiner ("i think holly okafor was fine"; not "a holly bush"). Straight after
            # "i", "we", "she"... the name list's word is the verb ("i rang quillmere"): only
            # the word after it is a name.
            verb = _said_before(_SUBJECT_BEFORE, text, m.start()) and not given_in_britain(lower)
            yield Finding(surname.start(1) if verb else m.start(), surname.end(1), "PERSON", 0.55, "gazetteer-name")
        elif word.islower() and (commonly_given(lower) or not lexicon.is_ordinary(lower)) \
                and lower not in lexicon.places() and lower not in public_lower() \
                and lower not in words_set("interjections") \
                and (_said_before(_NAME_OPENS, text, m.start()) and _a_role_said_after(text, m.end())
                     or _said_before(_ASKED_BEFORE, text, m.start()) and _A_ROLE_SAID_AFTER.match(text, m.end())):
            # "ravi my colleague got a warning", "i asked ravi my supervisor": a name often given in
            # Britain or no word English uses, then whose colleague, manager or friend, opening a
            # clause before what is said of someone, or asked or told (not "till my partner gets
            # in", "i'm gay my manager knows", "bet my boss never", "jesus my manager was")
            yield Finding(m.start(), m.end(), "PERSON", 0.55, "gazetteer-name")
        elif word.islower() and (_said_before(_GREETED, text, m.start()) or _SIGNED.match(text, m.end())) \
                and lower not in _STOP:
            # "hi summer can u swap...", "love june x": greeted or signing off, a name even
            # when it is also a word.
            yield Finding(m.start(), m.end(), "PERSON", 0.6, "gazetteer-name")
        elif word.islower() and _said_before(_ONE_OF_THOSE_CALLED, text, m.start()) and plainly_a_name(lower) \
                and lower not in lexicon.places() and lower not in public_lower() and not lexicon.is_field_word(lower) \
                and not lexicon.is_workplace_kind(lower):
            # "the wrong chloe", "the other jo": which of those called so, a name no word is
            # (not "the other rose", nor a word of the field or a kind of workplace, "the other ward")
            yield Finding(m.start(), m.end(), "PERSON", 0.55, "gazetteer-name")
        elif word.islower() and lower in words_set("word_names") and (shown := _shown_a_person(text, m.end())) \
                and not _SPEECH_TAG.match(text, shown.end()) \
                and not _TIME_WORD.fullmatch(lower) \
                and _said_before(_NAME_OPENS, text, m.start()) and not _said_before(_DETERMINER_BEFORE, text, m.start()):
            # "grace's part-time, she's got the kids", "will's off, he said": a given name that is a
            # word too, opening a clause that "she" or "he" goes on with, or set beside a role ("grace,
            # the other nurse, had a go") (not a month: "june, she's off")
            yield Finding(m.start(), m.end(), "PERSON", 0.55, "gazetteer-name")
        elif word.islower() and commonly_given(lower) and lower not in public_lower() \
                and not _said_before(_DETERMINER_BEFORE, text, m.start()) \
                and not _said_before(_A_SAINT_OR_ROYAL_BEFORE, text, m.start()):
            # "i saw sarah long ago", "we met gareth yesterday": a name often given in Britain,
            # Ireland or the USA that is no everyday word, a place or a public name, typed in
            # lower case, is someone's wherever it stands, before an ordinary word too; not a
            # public name ("kent"), nor after "the", "a", "my" ("the victoria line") or a saint's
            # or a royal's title ("prince george").
            yield Finding(m.start(), m.end(), "PERSON", 0.5, "gazetteer-name")


def said_of_someone(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]`` stands where a person does: what is said of
    someone follows ("ford was strict", "marsh said no"), or it is asked, rung or told, or
    paired with a name or "me" ("i asked bell", "me and ford"); not after a determiner ("the
    ford was deep")."""
    if _said_before(_DETERMINER_BEFORE, text, start):
        return False
    if _LEFT_OR_JOINED.match(text, end) and _CLAUSE_OPENS.search(text[max(0, start - 20):start]):
        return True  # opening a clause, what someone does at work: "frank left in the end" ("no hope
        # left", "hope left me", "mark left a bruise" are the words)
    return _SAID_OF.match(text, end) is not None or _ASKED_BEFORE.search(
        text[max(0, start - 20):start]) is not None and (
        re.match(r"\s*(?:[,.;!?]|$)|\s+(?:about|and|was|said|told|too|again|later|yesterday)\b", text[end:]) is not None)


def given_in_britain(lower: str) -> bool:
    """A name given in Britain, Ireland or the USA that is no word too ("sarah"; not "amber")."""
    return bool(lexicon.english_given_name_weight().get(lower)) and lower not in words_set("word_names")


def commonly_given(lower: str) -> bool:
    """'sarah', 'gareth', 'lisa': a name often given in Britain, Ireland or the USA, no word
    of the names that are words, no everyday word, no place or public name ("victoria",
    "jordan" stay)."""
    return lexicon.english_given_name_weight().get(lower, 0) >= lexicon.COMMONLY_GIVEN and given_in_britain(lower) \
        and not _an_everyday_word(lower) and lower not in lexicon.places() and lower not in _public_proper_nouns() \
        and lower not in _STOP and lower not in STOP_WORDS


def _an_everyday_word(lower: str) -> bool:
    """A word English uses every day (lexicon.is_everyday), but not a name often given in
    Britain, Ireland or the USA that is no word, place or public name, however often it is
    written ("david", "john", "michael": as common as "reading"; "will", "mark", "june" are
    words, data/recognizer_words.yml's word_names; "march", "india", "king" are others)."""
    return lexicon.is_everyday(lower) and not (
        lexicon.english_given_name_weight().get(lower, 0) >= lexicon.COMMONLY_GIVEN and given_in_britain(lower)
        and lower not in words_set("word_names") and lower not in lexicon.places()
        and lower not in _public_proper_nouns() and lower not in _STOP and lower not in STOP_WORDS)


def _hardly_english(lower: str) -> bool:
    """A word English hardly uses (below lexicon.HARDLY_USED_ZIPF), no word of the field, no
    public name nor place, nor a form of a word English uses more ("medleys", "russells",
    "fumed"): after a given name, a surname no list holds ("harriet quist")."""
    return lexicon.zipf(lower) < lexicon.HARDLY_USED_ZIPF and not lexicon.is_field_word(lower) \
        and lower not in public_lower() and lower not in lexicon.places() and lower not in STOP_WORDS \
        and not any(lexicon.zipf(stem) >= lexicon.HARDLY_USED_ZIPF for stem in _stems(lower))


def _stems(word: str) -> set[str]:
    """What a word with a plural's or a verb's ending may be a form of ("medleys": "medley",
    "fumed": "fume", "fum"; "chasing": "chase", "chas")."""
    m = re.search(r"(?:s|es|ed|ing)$", word)
    if m is None or m.start() < 3:
        return set()
    base = word[:m.start()]
    return {base, base + "e", word[:-1]} - {word}


def _surname_here(lower: str) -> bool:
    """A surname of the list after a given name, no everyday word ("sarah hall", not "dave
    green tea", "sarah may", "sarah long ago": the slot rules decide those)."""
    return lower in lexicon.surnames() and not lexicon.is_everyday(lower) and lower not in STOP_WORDS


def _surname_in_capitals(text: str, given: re.Match) -> int:
    """Where a given name found in capitals ends: after the surname in capitals after it
    ("SARAH HALL", "DERVLA COURT"), a surname of the list, a word few English texts use, or a
    word of a place or the land surnames are made of, though an everyday word ("COURT",
    "FIELD", "GREEN")."""
    return surname_in_capitals_after(text, given.end()) if given.group().isupper() else given.end()


def surname_in_capitals_after(text: str, end: int) -> int:
    """Where a given name in capitals ending at ``end`` ends with its surname in capitals, if
    one follows (see ``_surname_in_capitals``); else ``end``. The engine asks it of a given
    name in capitals any recognizer found ("NIAMH" of "NIAMH CHURCH")."""
    after = _CAPITALS_AFTER.match(text, end)
    if after and (_surname_here(after.group(1).lower()) or lexicon.is_rare(after.group(1).lower())
                  or after.group(1).lower() in _place_word_surnames()):
        return after.end()
    return end


@functools.lru_cache(maxsize=1)
def _place_word_surnames() -> frozenset[str]:
    return frozenset(words("place_word_surnames"))


_CAPITALS_AFTER = re.compile(r"[ \t]+([A-Z][A-Z'’-]*[A-Z])(?![\w'’-])")
# (less its possessive: "john bowlby's theory", "bowlby")
_UNKNOWN_WORD_AFTER = re.compile(r"[ \t]+([a-z][a-z'’-]{2,}?[a-z])(?:['’]s)?(?![\w'’-])")

# What follows a name and says it is someone's: a verb of saying, "'s", "who" (", who ran the
# group"), "from my team"; in capitals (group 1) also "was", "is", "has", which after a
# lower-case word say too little.
_SAID_OF = re.compile(r"(?:['’]s\b|,\s+who\b|\s+(?:said|says|told|asked|rang|texted|emailed|messaged|reckons|who\b"
                      r"|went\s+(?:to|off|back)\b|moved\s+to\b"
                      r"|from\s+(?:my|our|the|her|his)\s+(?:team|work|office|ward|course|class|group|service|job)\b"
                      r"|(was|is|has|had|did|does|knew|thinks|thought)\b))", re.IGNORECASE)
_LEFT_OR_JOINED = re.compile(r"\s+(?:left|quit|retired|resigned|joined)(?=\s*(?:[.,;!?]|$)|\s+(?:in|last|after|when"
                             r"|because|and|but|so|the|this|that|before|too|again|for|at|from|years|months|weeks)\b)",
                             re.IGNORECASE)
# Where a clause opens: the text's start, a sentence's end, a line, a pause, a bracket, a
# conjunction, "with"; before someone leaving ("honestly, frank left", "with long left in charge";
# a surname of the source that is a word goes there even as the word, "with hope left in the
# tank": which it is, the words cannot tell), before a word paired with "and I" ("Dave and I", "we
# had a chat, cook and I", "then hughes and I").
_CLAUSE_OPENS = re.compile(r"(?:^|[.!?;:,(\"“—–]\s*|\n\s*|(?<![\w'’-])(?:and|but|so|then|when|because|cos|with)\s+)$",
                           re.IGNORECASE)
_NAME_OPENS = re.compile(rf"(?:^|[.!?,;:(\"“‘]\s*|(?<![\w'’-])(?:and|but|so|then|with|thanks|ok|okay"
                         rf"|{alternatives(verbs_before_a_person('opens'))})\s+)$", re.IGNORECASE)
# Asked, rung or told, or paired with a name or "me", straight before a word ("i asked bell").
_ASKED_BEFORE = re.compile(rf"(?<![\w'’-])(?:{alternatives(verbs_before_a_person('rung_or_told'))}|me\s+and|and|with)\s+$",
                           re.IGNORECASE)
# Thanked or greeted straight before a word, which then ends what is said ("thank you tessa.").
_THANKED_BEFORE = re.compile(r"(?<![\w'’-])(?:thanks|thank\s+you|cheers|ta|hi|hiya|hello|bye|morning|welcome)[ \t]+$", re.IGNORECASE)
_A_CLAUSE_ENDS = re.compile(r"[ \t]*(?:[.,;:!?)]|$)")
_DETERMINER_BEFORE = re.compile(r"(?<![\w'’-])(?:the|a|an|my|our|your|his|her|their|this|that|its|of)\s+$", re.IGNORECASE)
# A saint's, a royal's or a prophet's title straight before a name: a public figure's, or a place named
# after one ("prince george", "king james", "st john"), not someone of the source.
_A_SAINT_OR_ROYAL_BEFORE = re.compile(r"(?<![\w'’-])(?:st|saint|king|queen|prince|princess|pope|duke|prophet)\.?\s+$",
                                      re.IGNORECASE)
# Which of the people of one name is meant: "the wrong chloe", "the other jo" (not "big ben").
_ONE_OF_THOSE_CALLED = re.compile(r"(?<![\w'’-])(?:the|a|an)\s+(?:wrong|other|right|real|older|younger)\s+$",
                                  re.IGNORECASE)
# A pronoun that does something, straight before a word ("i rang", "she tell"): that word is a verb.
_SUBJECT_BEFORE = re.compile(r"(?<![\w'’-])(?:i|we|you|he|she|they)\s+$", re.IGNORECASE)
# A greeting straight before a word ("hi summer", "hiya june,"), or a kiss after it ("love summer x").
_GREETED = re.compile(rf"(?<![\w-])(?:{'|'.join(sorted(greetings(naming=True)))})\s+$", re.IGNORECASE)
_SIGNED = re.compile(r"\s+x+\b(?!\w)|\s*x{2,}\b")


# ---------------------------------------------------------------- a word where only a person stands

# A word in a place only a person takes: paired with "me" or "I" ("me and hope", "June and
# I", "ME AND BOB"), or what is asked, rung or told about something ("i asked grace about
# it", "I rang June after"), or who answers ("I rang DB and she said no"; not "they": "i texted
# nmc and they said to hold" is a body). There a given name that is also a word, a month or a
# stop word ("will", "may") is someone's, and so are a pair of initials ("me and AJ").
_A_WORD = r"[^\W\d_][\w'’-]*[^\W\d_]"
_PAIRED = re.compile(
    rf"(?<![\w'’-])(?:me|him|her|myself)\s+(?:and|&|n|'n')\s+(?P<after>{_A_WORD})(?![\w'’-])"
    rf"|(?<![\w'’-])(?P<before>{_A_WORD})\s+(?:and|&)\s+(?:I|me|myself)(?![\w'’-])", re.IGNORECASE)
# Said after a verb of asking of when or how, not of whom ("i asked john early", "i rang
# early about it"): no one's surname, though some are surnames too ("early", "long").
_WHEN_ASKED = frozenset("back again later earlier after before yesterday today tonight tomorrow straight first too early late long"
                        .split())
# Where someone is rung: "ring dave on 07700...", "text sue on oh seven...", "on his mobile";
# not a helpline's or a service's number ("ring sane on 0300 304 7000", "frank on 0300...").
_ON_A_NUMBER = (r"(?P<on>on)(?=\s+(?:(?!0[38]00|0808|03[34]\d|084\d|116|111|999)[+(]?\d|oh\b|zero\b|double\b"
                r"|(?:his|her|their)\s+(?:mobile|landline|number|work\s+phone)\b))")
_ASKED = re.compile(
    rf"(?<![\w'’-])(?:{alternatives(verbs_before_a_person('asked_whom'))})\s+(?P<word>{_A_WORD})(?:\s+(?!(?:at|from)\b)(?P<second>{_A_WORD}))?(?=\s+(?:(?P<where>at|from)\b|about|to|if"
    rf"|whether|for|what|why|how|when|that|because|but|(?P<answers>and\s+(?:she|he))|{'|'.join(sorted(_WHEN_ASKED))}"
    rf"|{_ON_A_NUMBER})\b"
    r"|\s*[,.;!?]|\s*$)", re.IGNORECASE)
# Who says something, opening a sentence or a clause: a given name even when it is a word
# or a stop word ("will said no", "Mark told me", "so bill reckons"), or initials ("PK told
# me"); not after a determiner ("the OT said", "my mark said"?).
_SAYS_OPENS = r"(?:^|(?<=[.!?;:,(\"“])|(?<![\w'’-])(?:and|but|so|then|because|cos|when|until|if)\s+|\n)\s*"
_SAYING_VERBS = r"said|says|told|asked|rang|reckons|reckoned|texted|emailed|messaged|thinks|thought|wants|wanted"
_SAYING = rf"\s+(?:{_SAYING_VERBS})\b"
# A word opening a clause, then a verb it does (data verbs_after_a_name, or a past in "-ed"),
# or "at" or "from" where it works ("kev at the hub rang"); read in lower-case texts.
_DOES = re.compile(rf"{_SAYS_OPENS}(?P<word>[a-z][a-z'’-]*[a-z])\s+(?:{alternatives(words('verbs_after_a_name'))}"
                   r"|[a-z]{3,}ed|at|from)\b")
_SAYS = re.compile(rf"{_SAYS_OPENS}(?P<word>{_A_WORD}){_SAYING}", re.IGNORECASE)
# ... and who says it by a given name and a surname ("so dave hopkins said"): a pattern of its
# own, or "so will said" would open at "so".
_SAYS_IN_FULL = re.compile(rf"{_SAYS_OPENS}(?P<word>{_A_WORD})\s+(?P<second>{_A_WORD}){_SAYING}", re.IGNORECASE)
# Who someone is at work, said of a word: "June was my mentor", "hope from the crisis team",
# "Will, our admin" is the apposition rule's; "dawn from hr".
_WORK_PLACE_WORDS = (r"team|ward|office|service|unit|hub|practice|surgery|reception|desk|rota|bank|agency|department"
                     r"|trust|school|group|course|clinic|centre|project")
_FROM_WORK = re.compile(rf"(?:^|(?<=[.!?;:,(\"“])|(?<![\w'’-])(?:and|but|so|then|with"
                        rf"|{alternatives(verbs_before_a_person('from_work'))})\s+|\n)\s*"
                        rf"(?P<word>{_A_WORD})\s+from\s+(?:(?:the|my|our|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?"
                        rf"(?:{_WORK_PLACE_WORDS})|hr|admin|payroll|pharmacy|estates|finance|reception|occy\s+health)\b",
                        re.IGNORECASE)
# Who someone is, said after a name opening a clause in a clause of its own ("it started because
# patience, who runs placements, put a message up"); not "who knows", "who cares".
_WHO_DOES = re.compile(rf"{_SAYS_OPENS}(?P<word>{_A_WORD}),\s+who(?:['’](?:d|s|ll|ve))?\s+"
                       r"(?!(?:knows|cares|else|would|could)\b)[a-z]", re.IGNORECASE)
# The word each of those holds, looked for first in the text lowered (most texts hold none).
_SAYING_CUE, _FROM_CUE, _WHO_CUE = re.compile(_SAYING_VERBS), re.compile("from"), re.compile(r",\s+who\W")
# ... and of a verb of asking someone, and of who someone is (``_is_role``'s "was my", "'s the").
_ASKED_CUE = re.compile(rf"(?:{alternatives(w.lower() for w in verbs_before_a_person('asked_whom'))})\s")
_ROLE_CUE = re.compile(r"(?:was|is|been|['’]s)\s+(?:my|our|the|their|his|her)\s")


@functools.lru_cache(maxsize=1)
def _is_role() -> re.Pattern:
    """'June was my mentor', 'Will's our team lead': who someone is, said of a name."""
    from ingest.redact.names import ROLE_NOUNS

    return re.compile(rf"(?:^|(?<=[.!?;:,(\"“])|\n)\s*(?P<word>{_A_WORD})(?:\s+(?:was|is|has\s+been)|['’]s)\s+"
                      rf"(?:my|our|the|their|his|her)\s+(?:\w+\s+)?(?:{ROLE_NOUNS})\b", re.IGNORECASE)


# Stop words that are given names too, and read as one only in such a place.
_NAME_STOP_WORDS = frozenset({"will", "may"})
# A determiner and a word or two before a verb's "-ing" form, which then describes what follows:
# "a tiny mentoring [charity]", "our lovely new mentoring [charity]" (not "my sister was
# mentoring charity": a small word among them is a clause's).
_DETERMINER_AND_WORDS = re.compile(r"(?<![\w'’-])(?:the|a|an|my|our|your|his|her|their|its|this|that|every|no)"
                                   r"(?P<between>(?:\s+[\w'’-]+){1,2})\s+\w+ing\s+$", re.IGNORECASE)
_DETERMINER = re.compile(r"(?<![\w'’-])(?:the|a|an|my|our|your|his|her|their|its|this|that|of|every|no)\s+$",
                         re.IGNORECASE)


def _someone(word: str, loose: bool = True) -> bool:
    """A given name, or initials no public body or job is written with. Where the place says
    less (``loose`` false: "we had to cook and I", "wash her and bath her"), not a surname
    that is an ordinary word too, nor an ordinary word a given name in Britain too."""
    from ingest.redact.names import is_public_acronym

    lower = word.lower()
    if lower in _WHAT_EVERYONE_IS_CALLED or (lower in STOP_WORDS and lower not in _NAME_STOP_WORDS):
        return False
    if word.isupper() and 2 <= len(word) <= 3 and word not in role_abbreviations() and not is_public_acronym(word):
        # two capitals are initials ("AJ"); three, unless they spell a word ("BOB" is a name too)
        # (letters said for a thing are someone's here as often: "me and SH did nights")
        return len(word) == 2 or lower in lexicon.first_names() or not lexicon.is_ordinary(lower)
    if lower not in lexicon.first_names():
        # a word few English texts use, typed in lower case where only a person stands, is a
        # name no list holds: a nickname ("me and caz"), a surname ("okafor said no"); so is a
        # surname below the everyday band ("i rang hopkins", "so cook said no"), in lower case
        # or opening a sentence ("Hughes told me"), unless it is the plural of a word ("i rang
        # banks", "flowers from the team"); not a word of the field. (Capitalised inside a
        # sentence, the name rules find it, and say of what kind.)
        surname = loose and (_a_surname(lower) or _everyday_surname(lower)) and (word.islower() or word.istitle())
        return (surname or word.islower() and lexicon.is_rare(lower) and not _a_plural_of_a_commoner(lower)) \
            and word.replace("-", "").isalpha() and not lexicon.is_field_word(lower) \
            and not re.search(r"(?:ing|ed|ly|ness|tion|ment)$", lower)
    if lexicon.is_field_word(lower) and lower not in words_set("word_names"):
        return False  # a word of the field a names list holds too ("rota")
    # A name no ordinary word is ("chidi", "sunil"), one of the names that are words ("hope",
    # "will"), a name commonly given in Britain, Ireland or the USA ("dave", "john"), or,
    # capitalised as a name is, one that is no everyday word ("Jasmine"); not a word the
    # dictionary of names lists too ("line", "night", "free", "said", "lies": names elsewhere).
    return not lexicon.is_ordinary(lower) or lower in words_set("word_names") \
        or loose and lexicon.english_given_name_weight().get(lower, 0) >= GIVEN_HERE or (
        word[:1].isupper() and not word.isupper() and not lexicon.is_everyday(lower))


def _a_plural_of_a_commoner(lower: str) -> bool:
    """The plural of a job's letters or of a word English uses, commoner than it ("cpns", "ots",
    "newbies"): a group of staff, no one's nickname ("becs": "bec" is rare too)."""
    single = lower[:-1]
    return lower.endswith("s") and not lower.endswith("ss") and (
        single in role_abbreviations_lower()
        or not lexicon.is_rare(single) and lexicon.zipf(single) > lexicon.zipf(lower))


@functools.lru_cache(maxsize=1)
def role_abbreviations_lower() -> frozenset[str]:
    """``role_abbreviations`` lower-cased ("cpn", "hca"): as typed without capitals."""
    return frozenset(r.lower() for r in role_abbreviations())


# How commonly a name must be given in Britain, Ireland or the USA to be one where only a
# person stands, though an ordinary word ("dave", "rob", "matt" 3; "justice", "lane" 1-2).
GIVEN_HERE = 3


@functools.lru_cache(maxsize=1)
def _public_proper_nouns() -> frozenset[str]:

    words, places = lexicon.ordinary_proper_nouns()
    return frozenset({w.lower() for w in words} | places)


def _a_surname(lower: str) -> bool:
    """A surname of data/surnames.txt below the everyday band ("hopkins", "cook"; not
    "brown", "white"), and not the plural of an ordinary word that is no given name
    ("banks", "flowers"; "williams", "evans" are surnames)."""

    if lower not in lexicon.surnames() or lexicon.is_everyday(lower):
        return False
    if lower in _public_proper_nouns():
        return False  # a country, a public name ("ireland wants", "czech"): no one's
    return not (lower.endswith("s") and lexicon.is_ordinary(lower[:-1]) and lower[:-1] not in lexicon.first_names())


def _everyday_surname(lower: str) -> bool:
    """A surname of data/surnames.txt that is an everyday word too ("brown", "white", "king"):
    someone's only where a person stands and no word of its kind can ("so brown said no", "ask
    white about it"; a colour or a quality says nothing, is not asked about). Not an adverb
    of when said after a verb ("i rang early"), a plural ("cases", "sales": a department
    says things too), a country or a public name ("london said no")."""

    return lower in lexicon.surnames() and lexicon.is_everyday(lower) and lower not in STOP_WORDS \
        and lower not in _WHEN_ASKED and lower not in lexicon.places() and lower not in lexicon.ordinary_proper_nouns()[1] \
        and not lower.endswith("s")


def _slot_for_a_word(text: str, m: re.Match) -> bool:
    """Where a word that could be a surname stands in a sentence of saying ("so long said the
    manager", "there was so little said"), it says less than where a person alone could: not
    before "said the ..." (the sayer comes after), nor after "so" inside a clause (a degree)."""
    if re.match(r"\s+\w+\s+(?:the|a|an|my|our|his|her|their|your)\b", text[m.end("word"):], re.IGNORECASE):
        return True
    before = text[max(0, m.start("word") - 40):m.start("word")]
    return re.search(r"(?<![\w'’-])so\s+$", before, re.IGNORECASE) is not None \
        and not re.search(r"(?:^|[.!?;:,(\"“\n])\s*so\s+$", before, re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def role_abbreviations() -> frozenset[str]:
    """Letters that say what someone does ("CPN", "HCA"): no name's initials (names asks too)."""
    return frozenset(words("role_abbreviations"))


# What after "me and" a word makes a verb of ("me and bath her"); where a clause opens is _CLAUSE_OPENS.
_ME_AND = re.compile(r"(?<![\w'’-])(?:me|myself)\s+(?:and|&|n|'n')\s+$", re.IGNORECASE)
_OBJECT_AFTER = re.compile(r"\s+(?:him|her|them|his|their|the|a|an|it|up|out|my|our|your|me|us|some)\b", re.IGNORECASE)


def _only_a_person_pairs(text: str, start: int, end: int) -> bool:
    """Whether only a person can be the word paired with "me" or "I" at ``text[start:end]``:
    after "me and" when no object follows ("me and hughes covered"; not "feed him and cook
    his tea", "me and bath her"), before "and I" when it opens a clause ("cook and I did
    nights"; not "we had to cook and I did the dishes", "it went mad and I left")."""
    before = text[max(0, start - 20):start]
    if _ME_AND.search(before):
        return not _OBJECT_AFTER.match(text, end)
    return re.match(r"\s+(?:and|&)", text[end:]) is not None and _CLAUSE_OPENS.search(before) is not None


# What every pairing holds, looked for first in the text lowered (``may_hold``): "and I",
# "& me", "me and", "her n".
_PAIRED_CUE = re.compile(r"(?:and|&)\s+(?:i|me|myself)(?![\w'’-])|(?:me|him|her|myself)\s+(?:and|&|n|'n')\s")


def paired_with_me(text: str, lower: str | None = None) -> Iterator[tuple[int, int]]:
    """Spans of the words paired with "me" or "I" ("me and Sky", "June and I"): someone's.
    ``lower``: the text lowered, if made already."""
    if not may_hold(_PAIRED_CUE, text, text.lower() if lower is None else lower):
        return
    for m in _PAIRED.finditer(text):
        group = "after" if m.group("after") else "before"
        if group == "before" and _DETERMINER.search(text, max(0, m.start() - 12), m.start()):
            continue  # "the reading and I"
        yield m.span(group)


@register_recognizer("person-slot", "PERSON", gate=False, normalised=False)
def names_where_a_person_stands(text: str) -> Iterator[Finding]:
    """'me and hope', 'June and I', 'i asked grace about it', 'will said no', 'PK told me',
    'dawn from hr', 'June was my mentor', 'because patience, who runs placements': a given name,
    or initials, where only a person stands."""
    lower = text.lower()
    for start, end in paired_with_me(text, lower):
        if _someone(text[start:end], loose=_only_a_person_pairs(text, start, end)):
            yield Finding(start, end, "PERSON", 0.6, "person-slot")
    for m in _ASKED.finditer(text) if may_hold(_ASKED_CUE, text, lower) else ():
        if _DETERMINER.search(text, max(0, m.start() - 12), m.start()):
            continue  # a noun, not a verb: "my phone bill", "a call back", "the text"
        # After a kind of workplace, "called" gives a name as often as it phones someone ("an agency
        # called brightstaff", "a charity called will"): someone's, unless called-workplace reads a
        # workplace's name there, which outranks this.
        named_so = m.group().lower().startswith(("called", "named")) \
            and _A_KIND_NAMED.search(text, max(0, m.start() - 60), m.start()) is not None
        word, second = m.group("word"), m.group("second")
        if lexicon.is_workplace_kind(word.lower()) and (described := _DETERMINER_AND_WORDS.search(
                text, max(0, m.start() - 40), m.start("word"))) and not any(
                w.lower() in STOP_WORDS for w in described.group("between").split()):
            continue  # the kind of a service its work describes: "a tiny mentoring charity"
        if second and _name_end(m) == m.end("word") and not _a_name_before_where(word.lower()) and _a_noun_of_work(second.lower()):
            continue  # a word and the things it says what of: "i supervised summer schemes", "hired summer staff"
        if m.group("where") and not _a_name_before_where(word.lower()):
            continue  # "at", "from" follow a thing, a place, a modal as often: "phone bill at", "may at least"
        if _TIME_WORD.fullmatch(word.lower()) and _FROM_WHEN_TO_WHEN.match(text, m.end("word")):
            continue  # "i supervised june to august": when, from one month to another
        if m.group("on") and (word.lower() in public_lower() or word.upper() in role_abbreviations()):
            continue  # a helpline or a post rung on its number: "rang silverline on", "messaged amhp on"
        if m.group("answers") and (word.lower() in public_lower() or letters_said_for_a_thing(word.upper())):
            continue  # a body or a desk answers too: "i texted bacp and she laughed", "I rang HQ and she"
        if _someone(m.group("word")):
            yield Finding(m.start("word"), _name_end(m), "PERSON", 0.55 if named_so else 0.6, "person-slot")
    for pattern, cue in ((_SAYS, _SAYING_CUE), (_SAYS_IN_FULL, _SAYING_CUE), (_FROM_WORK, _FROM_CUE),
                         (_is_role(), _ROLE_CUE), (_WHO_DOES, _WHO_CUE)):
        for m in pattern.finditer(text) if may_hold(cue, text, lower) else ():
            if pattern is _SAYS_IN_FULL and _name_end(m) == m.end("word"):
                continue  # "so dave really said": the one word is _SAYS's to read
            # ("fresh from the course", "and snow from the estates": a word that is a
            # surname too says less before "from" than before "said")
            if pattern is _SAYS and _everyday_surname(m.group("word").lower()) and _slot_for_a_word(text, m):
                continue
            if _someone(m.group("word"), loose=pattern is not _FROM_WORK):
                yield Finding(m.start("word"), _name_end(m), "PERSON", 0.6, "person-slot")
    # A name plainly given, typed in lower case, opening a clause before what it does or where
    # it is from ("sal got me through it", "marnie from open skies referred him"), as names.py
    # reads a capitalised one opening a sentence.
    for m in _DOES.finditer(text) if not _CAPITAL_INSIDE.search(text) else ():
        word = m.group("word")
        if word in lexicon.first_names() and _a_name_before_where(word) and word.title() not in lexicon.opener_names() \
                and (lexicon.zipf(word) < lexicon.SENTENCE_WORD_ZIPF  # (a word so common opening a clause is
                     # the word, unless a name often given: "john worked", not "jan was cold")
                     or lexicon.english_given_name_weight().get(word, 0) >= lexicon.COMMONLY_GIVEN
                     and word not in _public_proper_nouns()):
            yield Finding(m.start("word"), m.end("word"), "PERSON", 0.55, "person-slot")


def _a_noun_of_work(lower: str) -> bool:
    """A thing of work a word before it can say what of ("schemes", "payments", "bookings"; data
    things_of_work), a word of the field ("placement") or what a workplace has ("staff"); not a
    word said of how or when ("thanks", "heaps", "twice", "today")."""
    return lower in words_set("things_of_work") or lexicon.is_field_word(lower) or lower in words_set("workplace_belongings")


# From one time to another: "june to august", "may till september".
_FROM_WHEN_TO_WHEN = re.compile(rf"\s+(?:to|till|until|through|-)\s+(?:{_MONTH_NAMES}|christmas|easter)\b", re.IGNORECASE)


def _a_name_before_where(lower: str) -> bool:
    """A given name that is no word ("marnie") or is given in Britain often enough to be read as
    one (``GIVEN_HERE``: "dave", "bernie"), or a word few texts use that is no plural of a
    commoner one (a nickname: "shaz", "gaz"); not one of the names that are words, a place, a
    public name or a word of the field ("will", "bill", "chester", "asda", "van", "rota"): said
    before "at" or "from", where a thing, a place or a modal stands as often."""
    if lower in words_set("word_names") or lower in lexicon.places() or lower in public_lower() \
            or lexicon.is_field_word(lower):
        return False
    if lower in lexicon.first_names():
        return not lexicon.is_ordinary(lower) or lexicon.english_given_name_weight().get(lower, 0) >= GIVEN_HERE
    return lexicon.is_rare(lower) and lower.isalpha() and not _a_plural_of_a_commoner(lower)


def _name_end(m: re.Match) -> int:
    """Where the name found in a person's place ends: after a second word that is a surname
    ("i asked dave green about it", "so dave hopkins said"), even an everyday word after a
    given name, or one few English texts use; else after the one word. An adverb of when
    is no surname ("i asked dave today"), unless it is one too ("i asked john long about the
    rota": "early", "long" go with the name, as a name left is worse than a word lost)."""
    second = m.groupdict().get("second")
    when = second and second.lower() in _WHEN_ASKED and second.lower() not in lexicon.surnames()
    if second and not when and second.lower() not in STOP_WORDS and second.replace("-", "").isalpha() and (
            second.lower() in lexicon.surnames() or lexicon.is_rare(second) and not lexicon.is_field_word(second)):
        return m.end("second")
    return m.end("word")


# ---------------------------------------------------------------- a hospital or site by its initials

# "at the QMC", "down to the RVI"; without "the" only after work ("worked for QUH", "joined
# BRFT", "my placement at QMH"): "diagnosed with COPD", "an exam for AQA" name no employer.
# Words before "the" saying where someone goes or was ("at the", "down to the", "left the"); "for
# the", "with the", "by the" say whom someone works for or with as often.
_WHERE_ONE_GOES = r"at|in|to|from|into|outside|near|round|down|up|joined|left"
_AT_THE_INITIALS = re.compile(
    rf"(?<![\w'’-])(?:(?:{_WHERE_ONE_GOES}|for|with|by)\s+the"
    rf"|(?:{_WORKING}|employed|placement|job|post|contract|based)\s+(?:at|for|with|by|in)"
    # (a determiner is no initials: "work at the BWH" is read on to them)
    r"|joined|left)\s+(?!(?:the|an?|my|our|their|his|her|this|that)\s)"
    r"(?P<name>[A-Z]{2,5}|(?P<small>[a-z]{2,5}))(?![\w&'’-])")


_NO_VOWEL = re.compile(r"[b-df-hj-np-tv-xz]+")
_WHERE_ONE_GOES_THE = re.compile(rf"(?<![\w'’-])(?:{_WHERE_ONE_GOES})\s+the\s+$")


@register_recognizer("site-initials", "LOC", gate=False, normalised=False)
def sites_by_their_initials(text: str) -> Iterator[Finding]:
    """'at the QMC', 'down to the RVI', 'worked for QUH', 'joined BRFT', 'at the qmc': a site or employer
    said by initials no public body, job or hospital department is written with is a
    hospital's, a site's or a workplace's own ("at the NHS", "in ITU", "joined the BMA", "the
    GP" stay)."""
    for m in _AT_THE_INITIALS.finditer(text):
        # (typed small, only after "at the", "to the"... and letters no English word is written
        # with: "at the qmc"; not "at the bri", "we joined ppu"; after "with the", "for the",
        # where people are, only letters with no vowel or never seen, "a pwp for the tvpt", "by the
        # sabp", not slang, "work with the weans")
        small = m.group("small")
        name = m.group("name").upper()
        if letters_of_roles_or_panels(name):
            continue  # "I work with the IDVA", "the HVS" ("at the PDS" may be a site)
        if not letters_of_something_else(name) and not small or (
                small and lexicon.zipf(small) < lexicon.HARDLY_USED_ZIPF and not letters_of_something_else(small.upper())
                and (_NO_VOWEL.fullmatch(small) or lexicon.zipf(small) == 0
                     or _WHERE_ONE_GOES_THE.search(text, max(0, m.start("small") - 12), m.start("small")))):
            yield Finding(m.start("name"), m.end("name"), "LOC", 0.6, "site-initials")


def letters_of_something_else(letters: str) -> bool:
    """Capitals that say something else wherever they are: a public name's ("NHS", a company's
    typed in capitals, "ASDA"), a job's ("OT"), a hospital department's ("ITU") or a word
    typed in capitals ("AT", "HOME")."""
    lower = letters.lower()
    return (letters_said_for_a_thing(letters) or lower in public_lower()
            or lexicon.is_ordinary(lower) or lower in STOP_WORDS)


def letters_said_for_a_thing(letters: str) -> bool:
    """Capitals the field says for a job, a department or an everyday thing ("OT", "ITU",
    "OD", "AL" for annual leave, "DNA"): no one's initials where they are said."""
    return (letters in _hospital_departments() or letters in role_abbreviations()
            or letters in _said_by_initials())


def letters_of_roles_or_panels(letters: str) -> bool:
    """A role's, a panel's or a process's letters (data role_abbreviations,
    letters_of_roles_and_panels), in the plural too ("IDVA", "MARAC", "HVS"; "PDS" is none)."""
    said = _letters_of_roles_and_panels()
    return letters in said or len(letters) > 2 and letters[-1] in "sS" and letters[:-1] in said


@functools.lru_cache(maxsize=1)
def _letters_of_roles_and_panels() -> frozenset[str]:
    return role_abbreviations() | words_set("letters_of_roles_and_panels")


@functools.lru_cache(maxsize=1)
def _said_by_initials() -> frozenset[str]:
    return frozenset(words("said_by_initials"))


@functools.lru_cache(maxsize=1)
def _hospital_departments() -> frozenset[str]:
    return frozenset(words("hospital_departments"))


# ---------------------------------------------------------------- a title before a surname in lower case

# Small words a surname opens with ("ni bhriain", "da silva", "van der berg", "ap gwilym",
# "mac an tsaoi"): after a title the word they lead to is the surname, and they are part of it.
SURNAME_PARTICLES = r"(?:ni|ní|nic|mac|mc|ó|o|ui|uí|de|da|di|du|do|dos|das|del|della|van|von|der|den|ter|ten|le|la|al|el|bin|ibn|ap|ab|an|st)"
_TITLE_LOWER = re.compile(r"(?<![\w'’-])(?P<title>dr|mr|mrs|ms|miss|mx|prof|professor|doctor|sister|nurse|matron|auntie"
                          r"|aunty|pastor|rev|fr|cllr|councillor|coach|father|nanna|nana"
                          # (police ranks: "pc mason", "ds okafor", "detective sergeant lowry")
                          r"|pc|pcso|sgt|ds|dc|di|dci|dsi|insp|supt|superintendent"
                          r"|(?:(?:detective|chief)[ \t]+)*(?:sergeant|constable|inspector|superintendent)|detective)\.?\s+"
                          r"(?!(?:dr|mr|mrs|ms|miss|mx|prof|professor|doctor|sister|nurse|matron|father)\.?\s)"  # (no title the name)
                          r"(?P<particles>(?:" + SURNAME_PARTICLES + r"\s+){0,2})"
                          r"(?P<name>[^\W\dA-Z_][^\W\dA-Z_'’]*(?:['’][^\W\dA-Z_]+)?(?:-[^\W\dA-Z_][^\W\dA-Z_'’]+)?)(?![\w'’-])")
# Kinds of workplace, some surnames too ("ward", "hall"): after a title, what it is head of
# ("sister ward"), data/workplace_kinds.txt.
_HEADED_KINDS = lexicon.workplace_kinds("after-title")
# A police rank's letters, which say other things as often (a computer, a presenting complaint).
_RANK_LETTERS = frozenset({"pc", "pcso", "ds", "dc", "di", "dci", "dsi", "insp", "supt"})
# Titles only a name follows ("dr obi"): after them any word that is not ordinary English is a surname.
_NAME_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "cllr", "fr"})


@register_recognizer("title-lower-case", "PERSON", gate=False, normalised=False)
def titles_in_lower_case(text: str) -> Iterator[Finding]:
    """'mrs mcallister', 'sister adeyemi', 'prof lindqvist': a title typed in lower case before a
    word few English texts use is a surname's; not before a word of the field ("nurse
    prescribers") or an inflected word ("sister's")."""

    for m in _TITLE_LOWER.finditer(text):
        name = m.group("name")
        parts = name.split("-")
        if m.group("particles") and m.group("title") != "coach" and lexicon.zipf(name) < lexicon.COMMON_WORD_ZIPF \
                and name not in STOP_WORDS \
                and (m.group("title") in _NAME_TITLES or not _DETERMINER.search(text, max(0, m.start() - 12), m.start())):
            # "mrs ni bhriain", "dr van der berg": a particle after a title opens a surname
            # (not after a role said of someone: "the nurse de facto in charge")
            yield Finding(m.start(), m.end(), "PERSON", 0.6, "title-lower-case")
            continue
        # (a surname of Mc, Mac, O' or Fitz is one however common in print: "mcallister")
        clan = re.match(r"(?:mc|mac|o['’]|fitz)[a-z]{3,}$", parts[-1])
        if m.group("title") in _RANK_LETTERS and (parts[-1] not in lexicon.surnames()
                                                  and parts[-1] not in lexicon.first_names()
                                                  or lexicon.is_everyday(parts[-1])):
            continue  # (a rank's letters say other things: "my pc bluescreened", "pc dyspnoea", "di
            # polyuria", "pc wood desk")
        if m.group("title") in _NAME_TITLES:  # "mrs green", "dr wood": a surname that is a word, after these
            # any word of the surname list, however common ("dr wood", "mrs brown"), is one
            surnames = lexicon.surnames() | {w.lower() for w in lexicon.surname_words()}
            unusual = lambda w: lexicon.is_ordinary(w) and w not in surnames  # noqa: E731
        elif _DETERMINER.search(text, max(0, m.start() - 12), m.start()):
            unusual = lambda w: not lexicon.is_rare(w)  # noqa: E731  ("the nurse bell", "our sister ward")
        else:
            # a role said as a title ("nurse hopkins", "coach smith"): a surname of the list that
            # is no everyday word nor a kind of workplace ("sister ward") is one after it too
            unusual = lambda w: not lexicon.is_rare(w) and not (  # noqa: E731
                w in lexicon.surnames() and not lexicon.is_everyday(w) and w not in _HEADED_KINDS)
        if any(lexicon.is_field_word(p) or p in STOP_WORDS for p in parts) or not (clan or not any(map(unusual, parts))):
            continue
        # an inflected word ("nurse trained"); a surname ending so is no word ("dr donnelly", "mrs daly")
        if re.search(r"(?:ing|ed|ers|ly|ness|tion|ment)$", name) and lexicon.zipf(name) > lexicon.SCARCELY_ENGLISH_ZIPF \
                and not (name in lexicon.surnames() and (m.group("title") in _NAME_TITLES or not lexicon.is_ordinary(name))):
            continue
        yield Finding(m.start(), m.end(), "PERSON", 0.6, "title-lower-case")


# ---------------------------------------------------------------- a place named as one

# "the village of south cave", "a village called little braxted", "a hamlet named hutton-le-hole":
# what a settlement is called, said after its kind, up to three words, however ordinary or in
# whatever case; "of" only after "the" ("a village of houses", "a town of 5000" say what it holds).
_A_PLACE_NAMED = re.compile(
    r"(?<![\w'’-])(?i:(?:the[ \t]+(?:(?:little|small|tiny|next)[ \t]+)?(?:village|town|hamlet|parish)[ \t]+of)"
    r"|(?:village|town|hamlet|parish|suburb)[ \t]+(?:called|named))[ \t]+"
    r"(?P<name>[A-Za-z][\w'’]*(?:-[\w'’]+)*(?:[ \t]+[A-Za-z][\w'’]*(?:-[\w'’]+)*){0,2})")
# The words English place names open with ("Little Braxted", "South Cave", "Nether Edge").
_PLACE_OPENERS = frozenset("little great nether upper lower north south east west".split())


@register_recognizer("place-named-as-one", "LOC", gate=False, normalised=False)
def places_named_as_one(text: str) -> Iterator[Finding]:
    """'in the village of south cave', 'a village called little braxted': the words naming a
    settlement after its kind, to the first small word ("the town of my birth", "the village
    of quarnby near whitby": "near" ends it); not a word of the field or a public name alone."""
    if not re.search(r"(?i)village|town|hamlet|parish|suburb", text):
        return
    for m in _A_PLACE_NAMED.finditer(text):
        words = list(re.finditer(r"\S+", m.group("name")))
        kept = []
        for w in words:
            lower = w.group().lower()
            if lower in STOP_WORDS or lower in _PLACE_BEFORE or lower in public_lower() \
                    or lower not in _PLACE_OPENERS and (lower in service_words() or lexicon.is_field_word(lower)) \
                    or kept and (lexicon.is_everyday(lower) or lower.endswith("ing")):
                break  # (what is said after the name: "the town of wigan today", "skipton unison branch")
            kept.append(w)
        if not kept:
            continue
        lowered = " ".join(w.group().lower() for w in kept)
        # (a word of the field or of a service, or a public word, has ended the words above)
        if len(kept) == 1 and lexicon.is_everyday(lowered) or lowered in public_lower() \
                or lowered in words_set("no_workplace_alone"):
            continue
        yield Finding(m.start("name") + kept[0].start(), m.start("name") + kept[-1].end(), "LOC", 0.6,
                      "place-named-as-one")


# ---------------------------------------------------------------- named places of a workplace

_NAMED_SITE = re.compile(r"(?<![.!?:]\s)(?<!^)\b(?:the\s+)?((?:[A-Z][a-z'’]+\s+){1,2})(estate|unit|site|wing|ward|campus"
                         r"|block|building|annexe|surgery|practice)\b")


@register_recognizer("named-site", ("LOC", "ORG"), gate=False)
def named_sites(text: str) -> Iterator[Finding]:
    """'the Hollowmere estate', 'the Aspen unit', 'the Kestrel site': a capitalised name
    before a lower-case kind of place, inside a sentence, is that place's name."""
    for m in _NAMED_SITE.finditer(text):
        kind = "LOC" if m.group(2) in ("estate", "site", "campus", "block") else "ORG"
        yield Finding(m.start(), m.end(), kind, 0.55, "named-site")


# Typed in lower case: "the quarnby estate", "the wendlow site" (a word English uses
# little before the kind of place), and a street named after where someone is on it ("sat
# on brimley road", "walked home along chapel street"): any one word but the street's that
# says which road ("down memory lane", "on easy street", "on the main road" stay).
_LOWER_SITE = re.compile(r"(?<![\w'’-])(?:the\s+)?(?P<name>[a-z][a-z'’-]{3,})\s+(?P<kind>estate|site|campus)\b")
_LOWER_ESTATE_OF_TWO_WORDS = re.compile(r"(?<![\w'’-])the\s+(?P<first>[a-z]{3,})\s+(?P<second>[a-z]{3,})\s+estate\b")
_LOWER_STREET = re.compile(r"(?<![\w'’-])(?:on|along|down|up|off|near|into|onto|past|round|via)\s+"
                           r"(?P<name>[a-z][a-z'’-]+)\s+(?:road|street|lane|avenue|crescent|terrace)\b")
_ANY_ROAD = frozenset("""main high ring back side memory easy one-way two-way dead-end dirt country slip open long
wrong right same other busy quiet dual private public new old next first last whole entire wet icy narrow wide
bumpy dark fast slow bus cycle farm forest mountain muddy gravel toll access service link relief bypass""".split())


# What a site is for or like ("the vaccination site", "the testing site", "the burial site").
_WHAT_A_SITE_IS = re.compile(r"(?:ion|ment|ness|ity|ance|ence|ing|ed|al|ary|ics|['’]s)$")


# "at st wenna", "from st corwen", "st aldhelms was lovely": a saint's place in lower case; after
# a street's own word "st" is the street ("on church st").
_LOWER_SAINT = re.compile(r"(?<![\w'’.-])st\.?\s+(?P<name>[a-z][a-z'’-]+)(?![\w'’-])")


def _two_words(word: str) -> bool:
    """Two common words run together ("landfill", "brownfield"): what a site is, not its name."""
    return any(lexicon.is_ordinary(word[:i]) and lexicon.is_ordinary(word[i:]) for i in range(3, len(word) - 2))


@register_recognizer("lower-case-site", "LOC", gate=False, normalised=False)
def lower_case_sites(text: str) -> Iterator[Finding]:
    """'the quarnby estate', 'on brimley road': a place named by its kind, in lower case; 'the
    gorse hill estate': two words before "estate", the second one place names end with, the first
    no everyday word ("the business park estate")."""
    for m in _LOWER_SITE.finditer(text):
        word = m.group("name")
        if not lexicon.is_ordinary(word) and word not in _STOP and word not in STOP_WORDS \
                and not lexicon.is_field_word(word) and not _WHAT_A_SITE_IS.search(word) \
                and not (m.group("kind") != "estate" and _two_words(word)):
            yield Finding(m.start(), m.end(), "LOC", 0.5, "lower-case-site")
    for m in _LOWER_ESTATE_OF_TWO_WORDS.finditer(text):
        first, second = m.group("first"), m.group("second")
        if second in _NAME_ENDINGS and first not in _STOP and first not in STOP_WORDS and first not in service_words() \
                and not lexicon.is_field_word(first) and not lexicon.is_everyday(first):
            yield Finding(m.start("first"), m.end(), "LOC", 0.5, "lower-case-site")
    for m in _LOWER_SAINT.finditer(text):
        before = re.findall(r"[\w'’-]+", text[max(0, m.start() - 30):m.start()])
        word = m.group("name").rstrip("'’")
        if before and before[-1].lower() not in STOP_WORDS and before[-1].lower() not in _STOP \
                and not re.search(r"[,.;:!?—–(]\s*$", text[:m.start()]):
            continue  # "on church st and": the street
        if word not in STOP_WORDS and word not in _STOP:
            yield Finding(m.start(), m.start("name") + len(word), "LOC", 0.5, "lower-case-site")
    for m in _LOWER_STREET.finditer(text):
        word = m.group("name")
        if word not in _ANY_ROAD and word not in _STOP and word not in STOP_WORDS and not lexicon.is_field_word(word) \
                and not (_WHAT_A_SITE_IS.search(word) and not word.endswith("ion")):
            # (a street's own name ends "-ion" as often as not: "albion street", "station road")
            yield Finding(m.start("name"), m.end(), "LOC", 0.5, "lower-case-site")


# ---------------------------------------------------------------- pubs typed in lower case or capitals

# "the miners arms", "THE CUMBERLAND ARMS": "the", one or two words, "arms" (not the arms race
# or trade); "the lamb and flag": two words pubs are named with, joined by "and"; "the pub, the
# swan", "a pint at the plough", "upstairs at the red lion": one after a word saying it is a pub.
_PUB_ARMS = re.compile(r"(?<![\w'’-])the\s+(?P<name>(?:[a-z][a-z'’-]*\s+)?[a-z][a-z'’-]*)\s+arms(?![\w'’-])"
                       r"(?!\s+(?:race|races|length|trade|trades|trading|deal|deals|dealers?|dealing|sales?|control"
                       r"|embargo|fair|manufacturers?|industry|build-?up|limitation|treaty|exports?)\b)", re.IGNORECASE)
_PUB_ADJ = rf"(?:{alternatives(words('pub_adjectives'))})"
_PUB_AND = re.compile(rf"(?<![\w'’-])the\s+(?:{_PUB_ADJ}\s+)?(?P<a>[a-z'’-]+)\s+(?:and|&)\s+(?:{_PUB_ADJ}\s+)?"
                      r"(?P<b>[a-z'’-]+)(?![\w'’-])", re.IGNORECASE)
_PUB_CUE = re.compile(r"(?<![\w'’-])(?:(?:pub|local|boozer)\s*(?:,|—|–|-|called|named)\s*"
                      r"|(?:pints?|drinks?|quiz|gigs?|upstairs|downstairs)\s+(?:at|in)\s+)(?P<the>the)\s+"
                      rf"(?:{_PUB_ADJ}\s+)?(?P<name>[a-z'’-]+)(?![\w'’-])", re.IGNORECASE)
_PUB_BEFORE_PUB = re.compile(rf"(?<![\w'’-])(?P<the>the)\s+(?:{_PUB_ADJ}\s+)?(?P<name>[a-z'’-]+)\s+pub\b", re.IGNORECASE)

# The words _PUB_ARMS holds, and those _PUB_CUE or _PUB_BEFORE_PUB holds, looked for first in
# the text lowered (``may_hold``).
_PUB_ARMS_CUE = re.compile("arms")
_PUB_WORD_CUE = re.compile("pub|local|boozer|pint|drink|quiz|gig|stairs")


def _typed_without_capitals(surface: str) -> bool:
    return surface.islower() or surface.isupper()


@register_recognizer("pub-name", "LOC", gate=False, normalised=False)
def pub_names(text: str) -> Iterator[Finding]:
    """'we play the miners arms', 'upstairs at the lamb and flag', 'the pub, the swan': a pub
    typed in lower case or capitals, by the shapes pubs are named in (data/recognizer_words.yml's
    ``pub_words``); not "up in arms", "with open arms", "the arms trade", "the crown court",
    "fish and chips"."""
    pubs = words_set("pub_words")
    lower = text.lower()
    for m in _PUB_ARMS.finditer(text) if may_hold(_PUB_ARMS_CUE, text, lower) else ():
        name = m.group("name").lower().split()
        if not _typed_without_capitals(m.group()) or any(w in STOP_WORDS or w in _STOP for w in name):
            continue
        last = name[-1].rstrip("'’")
        # a trade's or a town's ("the miners arms", "the cumberland arms"), not what arms are
        # like ("the nuclear arms", "the open arms")
        if last.endswith("s") or last in pubs or not lexicon.is_ordinary(last) or _bare(last) in _places_bare():
            yield Finding(m.start(), m.end(), "LOC", 0.6, "pub-name")
    for m in _PUB_AND.finditer(text):
        if not _typed_without_capitals(m.group()):
            continue
        if m.group("a").lower() in pubs and m.group("b").lower() in pubs:
            yield Finding(m.start(), m.end(), "LOC", 0.6, "pub-name")
    for pattern in (_PUB_CUE, _PUB_BEFORE_PUB) if may_hold(_PUB_WORD_CUE, text, lower) else ():
        for m in pattern.finditer(text):
            surface = text[m.start("the"):m.end("name")]
            if _typed_without_capitals(surface) and m.group("name").lower() in pubs:
                yield Finding(m.start("the"), m.end("name"), "LOC", 0.6, "pub-name")


@functools.lru_cache(maxsize=1)
def ward_names() -> frozenset[str]:
    """Words wards and units are named after ("juniper", "kestrel"): data/ward_names.txt,
    which says where they come from."""

    return _data_file_words("ward_names.txt")


_LOWER_WARD = re.compile(r"(?<![\w'’-])(?P<name>[a-z][a-z-]+)(?=\s+(?P<kind>ward|unit|wing|suite)\b)")
_WARD_SAID = re.compile(r"(?:^|(?<![\w'’-])(?:on|onto|to|at|from|the|into|in|off|with|for|via)\s+)$", re.IGNORECASE)
# A thing put in a unit or a suite makes it furniture ("put the files in the pine unit"); a
# person put there, or no object at all ("she was left in the beech unit"), a ward.
_THINGS_PUT_IN = re.compile(r"(?<![\w'’-])(?:put|puts|putting|keep|keeps|kept|store|stores|stored|file|filed|stick|stuck"
                            r"|leave|left|place|placed|shove|shoved|hide|hid)\s+(?:(?:the|my|our|your|his|her|their|these"
                            r"|those|some|all|a|an|them|it)\s+)*(?:\w+\s+)?(?:files?|papers?|paperwork|folders?|boxes|box|notes?"
                            r"|records?|forms?|letters?|documents?|stuff|things?|bags?|coats?|keys?|cups?|mugs?|plates?|books?"
                            r"|supplies|equipment|kit|medication|meds|it|them)\s+(?:back\s+)?(?:in|into|inside|on|behind|under)"
                            r"\s+(?:the|a|our|my)\s+$", re.IGNORECASE)
_WARD_THEN_NAME = re.compile(r"(?<![\w'’-])ward\s+(?P<name>[a-z][a-z-]+)\b")
# Names of wards in a list before the kind ("heron/kestrel wards", "oak, ash and elm wards"; units
# are furniture as often, "the oak and pine units").
_WARDS_LISTED = re.compile(r"(?<![\w'’-])(?P<list>[a-z][a-z-]+(?:\s*(?:/|,|&)\s*(?:and\s+|or\s+)?[a-z][a-z-]+"
                           r"|\s+(?:and|or)\s+[a-z][a-z-]+)+)\s+wards?\b")


@register_recognizer("lower-case-ward", "ORG", gate=False, normalised=False)
def lower_case_wards(text: str) -> Iterator[Finding]:
    """'a staff nurse on juniper ward', 'moved to the cedar unit', 'ward kestrel': typed in
    lower case, a word wards are named after (``ward_names``: trees, flowers, birds) before
    "ward", "unit", "wing" or "suite", or after "ward", is the ward's name; "the acute ward",
    "the stroke unit" say what kind of ward it is."""
    text = _as_typed(text)
    for m in _LOWER_WARD.finditer(text):
        # where a ward is said: "on juniper ward", "the cedar unit", a line's start ("a pine
        # unit" is furniture)
        if m.group("name") in ward_names() and _WARD_SAID.search(text, max(0, m.start() - 12), m.start()) \
                and not (m.group("kind") in ("unit", "suite") and _THINGS_PUT_IN.search(text, max(0, m.start() - 60), m.start())):
            kind_end = re.match(r"\s+\w+", text[m.end():]).end()
            yield Finding(m.start("name"), m.end() + kind_end, "ORG", 0.55, "lower-case-ward")
    for m in _WARD_THEN_NAME.finditer(text):
        # "ward heron for the summer", "ward heron." ; not "the ward olive oil", "ward lavender
        # spray": a noun after the word makes it the thing the ward has
        after = re.match(r"\s*([a-z]+)", text[m.end():])
        if m.group("name") in ward_names() and (after is None or after.group(1) in STOP_WORDS):
            yield Finding(m.start("name"), m.end("name"), "ORG", 0.55, "lower-case-ward")
    # a list of them before the kind, each a ward's name ("across larkfield/heron/kestrel wards";
    # "the acute and rehab wards" say what kind)
    for m in _WARDS_LISTED.finditer(text) if "ward" in text else ():
        items = [w for w in re.finditer(r"[a-z][a-z-]+", m.group("list")) if w.group() not in ("and", "or")]
        named = [w for w in items if w.group() in ward_names() or _a_word_no_list_knows(w.group())]
        if len(named) >= 2 or named and len(items) == len(named):
            for w in named:
                yield Finding(m.start("list") + w.start(), m.start("list") + w.end(), "ORG", 0.55, "lower-case-ward")


# Moved to a workplace, as a pattern: "moved to", "transferred over to", "seconded to".
MOVED_TO = r"(?:moved|transferred|seconded)\s+(?:over\s+)?to"
# A word placing someone at a workplace before a name of one word: "at", "joined", "left",
# "employed by", "worked for/with"..., not "for" or "with" alone ("went for crystal therapy",
# "with family therapy" are what someone had).
_PLACED_AT_A_NAME = re.compile(rf"(?<![\w'’-])(?:{alternatives(placed_at('ward_name'))}"
                               r"|(?:work|works|worked|working|volunteer|volunteers"
                               r"|volunteered|volunteering|shifts|placement|contract|job|jobs)\s+(?:for|with)"
                               rf"|{MOVED_TO})\s+(?:the\s+)?$", re.IGNORECASE)
# Kinds a workplace named after one such word ends with, typed in lower case ("sunrise care",
# "willow therapy"): those of data/workplace_kinds.txt that end a lower-case name, and "care".
_KIND_AFTER_A_WORD = re.compile(r"(?<![\w'’-])(?P<name>[a-z][a-z-]+)\s+(?P<kind>" + alternatives(
    k for k in lexicon.workplace_kinds("lower") | {"care", "homecare"} if " " not in k) + r")(?![\w'’-])")


@register_recognizer("word-named-workplace", "ORG", gate=False, normalised=False)
def workplaces_named_after_a_word(text: str) -> Iterator[Finding]:
    """'i left sunrise care last year', 'i worked for willow therapy': typed in lower case after
    a word placing someone at a workplace, one word workplaces and wards are named after
    (``ward_names``: trees, flowers, birds, the sky's) before a kind of workplace is its name;
    "foster care", "couples therapy", "the day centre" say what kind."""
    text = _as_typed(text)
    for m in _KIND_AFTER_A_WORD.finditer(text):
        if m.group("name") in ward_names() and _PLACED_AT_A_NAME.search(text, max(0, m.start() - 40), m.start()):
            yield Finding(m.start("name"), m.end("kind"), "ORG", 0.55, "word-named-workplace")


# Words of someone's work said before where ("worked at the", "nights at the", "staff at the").
_WORK_WORDS = (r"work(?:s|ed|ing)?|based|shifts?|nights?|days|placement|job|post|volunteer(?:s|ed|ing)?|manager|staff"
               r"|nurse|carer")
_AT_THE_PLURAL = re.compile(r"(?<![\w'’-])(?:at|to|from|into|joined|left|for|with)\s+the\s+(?P<name>[a-z]+(?:es|s))(?![\w'’-])")


# "joined the", or after someone's work "at the", "with the" or "for the" ("nights at the",
# "my staff number at the", "bank with the"; not "a picnic at the meadows", "twigs for the
# nest"), and a word British houses and care homes are named by (data/house_names.txt: "the
# willows", "the grange", "the nest"), then the clause's end or a small word or a verb (not
# "of": "the forge of burnout"): where someone works, typed in lower case ("bank with the
# meadows since 2020", "STARTED AT THE NEST IN 2016"); so are the others of a list one of them
# opens ("at the willows, the beeches and the limes"). Not where a capital inside a sentence
# shows the typist capitalises names, nor before a noun ("at the meadows car park"); not after
# "left the" ("left the nest" is leaving home), nor after "i'm at" ("i'm at the nook": where
# someone sits as often).
_THE_HOUSE_NAME = re.compile(r"(?<![\w'’-])(?:(?P<clue>(?i:joined))[ \t]+|(?P<work>(?i:at|with|for))[ \t]+)?the[ \t]+"
                             r"(?P<name>[a-z]+)"
                             r"(?=[ \t]*(?:[.,;:!?)\"”]|['’](?!\w)|[—–]|[ \t]-[ \t]|$)|[ \t]+(?P<next>[a-z]+))")
_BEING_AT = re.compile(r"(?<![\w'’-])(?:i['’]?m|i[ \t]+am|we['’]re|we[ \t]+are)[ \t]+(?:still[ \t]+|now[ \t]+)?$", re.IGNORECASE)
# Someone's work in the word or two before "at the", "with the", "for the" ("bank with the",
# "worked nights for the", "my staff number at the", "two years at the", "started at the"; not
# "spent years at the", "team building at the").
_WORK_BEFORE_A_HOUSE = re.compile(
    rf"(?<![\w'’-])(?:{_WORK_WORDS}|bank|contract|agency|locum(?:ing|med)?|started|starting"
    rf"|(?:\d+|an?|{UNIT_WORD}|{TEEN_WORD}|few|couple[ \t]+of|several)[ \t]+(?:years?|months?))"
    r"(?:[ \t]+[\w'’]+)?[ \t]+$", re.IGNORECASE)
_BETWEEN_ITEMS = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)")


# What a workplace's people call it, a word after "the", typed in lower case or capitals ("i've
# worked at knavesmoor 23 years. everyone calls it the moor"): its nickname, where the text says
# before it where someone works or what kind of place it is, and the nickname is a part of a name
# said before it, a word English hardly writes ("moor" of "knavesmoor", "quill" of "quillby
# house"); not a word said of any place ("the madhouse", "the zoo"), nor part of a word ("the ship"
# of "relationship"), nor a part of a town's or a public name ("the castle" of "newcastle", "the
# bury" of "sainsburys").
_CALLED_IT_THE = re.compile(r"(?<![\w'’-])(?:we|everyone|everybody|they|people|staff|locals|most\s+people|the\s+staff)"
                            r"[ \t]+(?:all[ \t]+|just[ \t]+)?(?:call|calls|called)[ \t]+it[ \t]+the[ \t]+[\"'‘“]?"
                            r"(?P<name>[a-z]+)[\"'’”]?"
                            r"(?=[ \t]*(?:[.,;:!?)—–]|$)|[ \t]+(?:because|cos|as|since|now|too|though)\b)")
_PLACED_BEFORE = re.compile(rf"(?<![\w'’-])(?:(?:{_WORK_WORDS}|based|bank|agency)[ \t]+(?:\w+[ \t]+)?"
                            rf"(?:at|in|on|for|with|to)\b|{_WORKPLACE_KIND.pattern})", re.IGNORECASE)


def _a_place_or_public(word: str) -> bool:
    """A town, a place the gazetteer knows or a public name ("huddersfield", "sainsburys")."""
    return word in lexicon.towns() or word in lexicon.places() or word in public_lower() \
        or word.removesuffix("s") in public_lower() or word in lexicon.regions()


@register_recognizer("workplace-called-it", "ORG", gate=False, normalised=False,
                     needs=re.compile(r"call", re.IGNORECASE))
def workplaces_people_call(text: str) -> Iterator[Finding]:
    """'everyone calls it the moor': the nickname of the workplace the text has just placed
    someone at, typed in lower case or capitals (``_CALLED_IT_THE``)."""
    typed = _as_typed(text)
    if not _names_in_lower_case(typed):
        return  # (where the typist capitalises names, "we call it the Moor" is the name rules')
    for m in _CALLED_IT_THE.finditer(typed):
        name = m.group("name")
        if name in STOP_WORDS or name in _STOP or lexicon.is_field_word(name) or name in public_lower() \
                or not _PLACED_BEFORE.search(typed, 0, m.start()):
            continue
        before = typed[:m.start()]
        whole = re.search(rf"\b[a-z]*(?:[a-z]{name}|{name}[a-z])[a-z]*\b", before)
        if len(name) >= 3 and whole and not lexicon.is_ordinary(whole.group()) and not _a_place_or_public(whole.group()):
            yield Finding(m.start("name"), m.end("name"), "ORG", 0.55, "workplace-called-it")


@register_recognizer("lower-case-house", "ORG", gate=False, normalised=False)
def lower_case_houses(text: str) -> Iterator[Finding]:
    """'nights at the beeches', 'moved to the sycamores': typed in lower case after a word
    placing someone there and "the", the plural of a word wards and homes are named after
    (``ward_names``) is a care home's or a unit's name, where English rarely uses the plural
    ("at the oaks", "the meadows", "the elders" may be what they say). In a text typed in lower
    case or capitals, so is a word homes are named by (``_a_house_name``) after "joined the" or
    after someone's work and "at the", "with the", "for the", and the others of a list it opens
    (``_THE_HOUSE_NAME``: "bank with the meadows since 2020", "at the nook and the burrow")."""
    text = _as_typed(text)
    found = set()
    for m in _AT_THE_PLURAL.finditer(text):
        name = m.group("name")
        wards = _singulars(name) & ward_names()
        if wards and lexicon.is_rare(name) and (
                # a plural English says about as often as the word ("the bluebells", "the
                # daffodils": seen in their masses) is a home only where someone works
                not any(lexicon.zipf(name) >= lexicon.zipf(w) - _AS_OFTEN for w in wards)
                or _WORK_BEFORE.search(text, max(0, m.start() - 30), m.start("name"))):
            found.add(m.span("name"))
    if "the " in text and _names_in_lower_case(text):
        named = [m for m in _THE_HOUSE_NAME.finditer(text) if _a_house_name(m.group("name")) and (
            (after := m.group("next")) is None or after != "of" and (
                after in STOP_WORDS or after in words_set("verbs_after_a_name") or _a_verb_no_name_holds(after)))]
        placed = [(m.group("clue") or m.group("work") and _WORK_BEFORE_A_HOUSE.search(text, max(0, m.start() - 50), m.start()))
                  and not _BEING_AT.search(text, max(0, m.start() - 16), m.start()) for m in named]
        # the lists: runs of them one after another, a comma or "and" between
        lists, run = [], [0] if named else []
        for i in range(1, len(named)):
            if named[i - 1].group("name") != named[i].group("name") \
                    and _BETWEEN_ITEMS.fullmatch(text, named[i - 1].end(), named[i].start()):
                run.append(i)
            else:
                lists.append(run)
                run = [i]
        lists.append(run)
        found |= {named[i].span("name") for items in lists if items
                  for i in (items if placed[items[0]] else [i for i in items if placed[i]])}
    for start, end in sorted(found):
        yield Finding(start, end, "ORG", 0.55, "lower-case-house")


def _singulars(word: str) -> set[str]:
    """What a plural may be the plural of: "oaks", "beeches", "hollies"."""
    return {word[:-1], word[:-2], word[:-3] + "y"}


@functools.lru_cache(maxsize=1)
def _house_names() -> frozenset[str]:
    return _data_file_words("house_names.txt")


def _a_house_name(word: str) -> bool:
    """A word homes and services are named by after "the": data/house_names.txt's ("willows",
    "grange", "nest"), or a plural English rarely writes of a ward's word ("alders", "kestrels";
    not "elders")."""
    return word in _house_names() or bool(_singulars(word) & ward_names()) and lexicon.is_rare(word)


# How much rarer (Zipf) a plural may be than its word and still be said as often.
_AS_OFTEN = 0.3
# Where someone works or lives, before "the": "worked at the", "nights at the", "joined the", "moved her to the".
_WORK_BEFORE = re.compile(rf"(?<![\w'’-])(?:(?:{_WORK_WORDS})\s+(?:\w+\s+)?at|joined|left"
                          r"|(?:moved|transferred|admitted|discharged|placed|sent)\s+(?:\w+\s+)?(?:to|into))\s+the\s+$")


# A kind said without an article, as a form's answer says it ("oakleaf, small charity, 3 years").
# How big or how far-reaching a workplace is, said before its kind ("a small charity").
_SIZE_OR_REACH = r"small|tiny|little|local|big|large|national|regional|independent|private"
_KIND_SAID_BARE = (rf"(?=(?:(?:{_SIZE_OR_REACH})\s+)?"
                   rf"(?:{alternatives(lexicon.workplace_kinds('said-before'))})\b)")
# What says the words before it are a workplace's name: "which is a charity", "it's an EAP",
# "yes, that's the name"; the kinds are data/workplace_kinds.txt's ("said-before").
_DESCRIBED = re.compile(r"(?:\s*(?:,|[—–]|\s-|\()\s*(?:(?:which|that|it)\s+(?:is|was)|it['’]s|(?:yes|yeah|aye),?\s+that['’]s"
                        rf"|(?=(?:a|an|the)\s)|{_KIND_SAID_BARE})"
                        # or a sentence's end, then "it's a", "it is an" ("safe harbour. it's a charity"),
                        # or the kind alone ("orchard. small charity, mostly volunteers")
                        rf"|\.\s+(?:it(?:['’]s|\s+is|\s+was)(?=\s+(?:a|an)\s)|{_KIND_SAID_BARE}))"
                        r"\s*(?P<what>[^.?!;\n]{0,50})")
# (group "loose": said of where anyone goes or anything comes from as often, "went to bed",
# "from scratch", "through word of mouth": words after it name a workplace only with a rare one)
_NAME_SAID = re.compile(r"(?<![\w'’-])(?:at|for|with|by|joined|left|on|called"
                        r"|(?P<loose>from|through|(?:went|moved|transferred)\s+(?:over\s+)?to)"
                        r"|(?P<runs>(?:co-?)?(?:run|runs|ran|running|found|founded|founding)|set\s+up|started))\s+(?:the\s+)?"
                        r"(?P<name>[a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*){0,3})$")
# A sentence of a name alone before what it is said to be: "safe harbour. it's a counselling service"
# (a list's dash or bullet may open it: "- oakleaf, small charity").
_NAME_ALONE = re.compile(
    r"(?:^|[.!?]\s+|\n\s*)(?:[-*•]\s+)?(?P<name>[a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*){0,2})[.,]?$")
# The same opening a sentence in a text with capitals: "Bloom, the agency I temp for, pays weekly".
_NAME_OPENING = re.compile(
    r"(?:^|[.!?]\s+|\n\s*)(?:[-*•]\s+)?(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2})$")
# A phrase of how long, when or where inside the words before a description ("for a month",
# "in the mornings", "for two years"): the name ended before it.
_SAID_HOW_LONG_OR_WHERE = re.compile(r"\s(?:for|in|on|at|from|during|after|before|since|until|till|over)\s+"
                                     rf"(?:a|an|the|some|few|many|ages|years|months|weeks|days|decades|\d+|{UNIT_WORD}"
                                     rf"|{TEEN_WORD}|{TENS_WORD})\b")
# Times of the week or the year someone works ("tuesdays", "march", "nights"): after a name,
# said when; between commas, an aside (_ASIDE).
_TIMES_WORKED = rf"{_WEEKDAYS}s?|{_MONTH_NAMES}|weekends|nights|mornings|evenings|afternoons"
# When, said after a name ("at quiet harbour on tuesdays", "at brightwater in march"): where it ends.
_SAID_WHEN = re.compile(rf"\s(?:on|in|at|during)\s+(?i:{_TIMES_WORKED}|weekend)\b")
# A determiner, a pronoun or a preposition opens no name ("at my practice", "at it", "left in
# june"); "of", "and" end none. Nor, most often, does a count, a span of time or where ("for one,
# which is", "at kind hands for years, the café", "at home"), unless a town ends the name: a
# branch's ("at one step leeds, which is the iapt service").
_OPENS_NO_NAME = frozenset({"my", "our", "your", "his", "her", "their", "a", "an", "this", "that", "these", "those",
                            "some", "another", "them", "him", "me", "us", "it",
                            "in", "on", "at", "to", "into", "from", "after", "before", "since", "during", "until"})
_NOT_A_NAME = _OPENS_NO_NAME | {"one", "there", "here", "home", "work",
                                "ages", "years", "months", "weeks", "days", "hours", "decades"}


# Whom a service serves or a workplace employs, said as a group ("young people", "service users"):
# no name ends in them.
PEOPLE_SERVED = frozenset("people users clients patients staff folk residents members families".split())
# Words that join a phrase to a place after it ("at home in leeds", "rays of hope"): a town after
# one is no branch's.
JOINS_A_PLACE = frozenset("""in on at of from near around outside to towards across round by for with and & the into
through over under beyond within upon via up down past""".split())


def a_town(words: str) -> bool:
    """Words (lower case) naming a town a branch is named after: a city or a larger town
    (``lexicon.towns``: "leeds", "reading"), or a place of the gazetteer named by several words
    or by one English uses less than its ordinary words ("west bromwich", "quarrowby"; not
    "wing", "settle", "hope", villages named by a word)."""
    return words in lexicon.towns() or words in lexicon.places() and (" " in words or not lexicon.is_ordinary(words))


def where_a_town_ends(words: list[str]) -> int | None:
    """Where the longest town ending ``words`` starts ("first step | swindon", "open door | west
    bromwich"), when no word joining a phrase to a place comes before it ("at home in leeds",
    "Rays of Hope"); None where no town ends them but all of them."""
    town = next((i for i in range(1, len(words)) if a_town(" ".join(words[i:]).lower())), None)
    return None if town is None or words[town - 1].lower() in JOINS_A_PLACE else town


# How long, said last before what a workplace is ("for years", "for two years", "for a while").
_A_SPAN_OF_TIME_ENDS = re.compile(r"\s(?:for|over)(?:\s+(?:over|about|nearly|almost|around|just|the\s+last|the\s+past))?"
                                  r"\s+(?:(?:a|an|few|couple|of|some|many|good|long|\d+|"
                                  rf"{UNIT_WORD}|{TEEN_WORD}|{TENS_WORD})\s+){{0,4}}"
                                  r"(?:years?|months?|weeks?|days?|hours?|decades?|ages|while|time)(?:\s+or\s+so)?\s*$")
# What may follow a workplace's kind set beside its name: the kind ends the phrase there, or
# who works there follows ("bloom, the agency i temp for, pays").
_AFTER_AN_APPOSED_KIND = frozenset("""in for on near run based that which who where with and
i we i'm i’m we're we’re i've i’ve""".split())


def _apposed(what: str, kinds: frozenset[str]) -> bool:
    """'the crisis café', 'a charity in leeds', 'which is the iapt service': words saying what a
    workplace is, set beside its name, its kind ending the phrase; not a clause of their own
    ("the trust was on amber", "the charity paid late")."""
    words = [w.strip(",'’()") for w in what.lower().split()]
    at = next((i for i, w in enumerate(words) if w in kinds or w[:-1] in kinds), None)
    return at is not None and (at == len(words) - 1 or words[at + 1] in _AFTER_AN_APPOSED_KIND)


def _a_word_said(word: str) -> bool:
    """A word of four letters or more with a vowel, said as a word: no letters typed for a
    phrase ("wfh", "tbh")."""
    return len(word) >= 4 and re.search(r"[aeiouy]", word) is not None


# Words placing someone at a workplace straight before its name, in any case: "at", "for",
# "with", "joined", "left" (not "on", "in", "to": "on SICK LEAVE", "in DENIAL", "to TRIBUNAL").
PLACED_STRAIGHT_BEFORE = r"(?:at|for|with|joined|left)"
# Where a workplace is said, then words and a town, typed in lower case: "at kind hands
# sheffield", "left open door west bromwich in 2020", "for helping hands hull, then".
_BRANCH_SAID = re.compile(rf"(?<![\w'’-]){PLACED_STRAIGHT_BEFORE}\s+(?!{PLACED_STRAIGHT_BEFORE}\s)"
                          r"(?P<name>[a-z][a-z'’&-]*(?:\s+[a-z][a-z'’&-]*){1,4}?)"
                          r"(?=\s*(?:[,.;:!?)(/]|$)|\s+(?:for|in|from|until|till|since|and|but|then|as|where|which|when|who"
                          r"|i|we|they|is|was|were|on|back|now|before|after|because)\b)")


@register_recognizer("lower-case-town-branch", "ORG", gate=False, normalised=False)
def branches_named_by_their_town(text: str) -> Iterator[Finding]:
    """'i was at kind hands sheffield. kind hands were brilliant', 'left open door west bromwich
    in 2020': typed in lower case after a word placing someone at a workplace, words then a town
    (``a_town``) straight after them are a branch's name, its town ending it; not where the
    words say what kind or where ("at adult social care leeds", "at home in leeds": a word joins
    the town), open with a determiner or a word opening no name ("at my practice leeds"; a word of
    which one may: "at new leaf hull", not "at the new clinic hull"), or are
    a public body's ("for mind bristol" is the charity's branch, kept by the public rules)."""
    typed = _as_typed(text)
    if not _names_in_lower_case(typed):
        return  # a capital inside a sentence: the name rules read its names ("Kind Hands Sheffield")
    for m in _BRANCH_SAID.finditer(typed):
        words = m.group("name").split()
        town = where_a_town_ends(words)
        if town is None:
            continue
        head = words[:town]
        # (a word of which one opens a name before one no kind is: "at new leaf hull")
        opener = head[0] in _NAME_OPENERS and len(head) > 1 and not _says_what_kind(head[1])
        if head[0] in _NOT_A_NAME or head[0] in _STOP and not opener or any(w in STOP_WORDS for w in head) \
                or head[-1] in service_words() or head[-1] in PEOPLE_SERVED \
                or " ".join(head) in public_lower() or a_town(" ".join(head)) \
                or all(w in service_words() or lexicon.is_field_word(w) or lexicon.is_workplace_kind(w)
                       or w in KINDS_AFTER_A_NAME for w in head) \
                or len(head) == 1 and lexicon.is_ordinary(head[0]):
            continue
        yield Finding(m.start("name"), m.end("name"), "ORG", 0.6, "lower-case-town-branch")


@register_recognizer("described-workplace", "ORG", gate=False, normalised=False)
def described_workplaces(text: str) -> Iterator[Finding]:
    """'i got a job at ask it again, which is the iapt service', 'at still standing — yes,
    that's the name', 'for quillory, it's an agency', 'for talk it through, a charity', 'went to
    brindlewick, a tiny counselling charity': typed in lower case after "at", "for", "called"...
    (after "from", "through", "went to", with a word English rarely writes), words then said to
    be a charity, a service, an agency... or the name are a
    workplace's name, however ordinary; so is a sentence of such words alone before "it's a..."
    ("safe harbour. it's a counselling service"), and words capitalised opening a sentence before
    what they are set between commas ("Bloom, the agency I temp for, pays"); not a determiner's
    ("at my practice, which is"), a public name's ("for mind, which is a charity") or a kind of
    service's ("with children"), nor after "at" an idiom's ("at peace, which is a relief")."""
    text = _as_typed(text)
    kinds = lexicon.workplace_kinds("said-before")
    for m in _DESCRIBED.finditer(text):
        what = [w.strip(",'’") for w in m.group("what").lower().split()][:6]
        # said to be the name ("yes, that's the name"): small words too ("still standing")
        its_name = re.match(r"(?:the|its)\s+name|what\s+it['’]s\s+called", m.group("what"))
        said = its_name or any(w in kinds or w[:-1] in kinds or " ".join(what[i:i + 2]) in kinds
                               for i, w in enumerate(what))
        # How long said last, the name is before it ("at kind hands for two years, a small charity");
        # what is said then is of it, set beside it or not ("..., the café was my second home"),
        # but after "on" (a ward, a rota) of a body of its own ("on foxglove for a month, the trust was...").
        end = m.start()
        if said and (span := _A_SPAN_OF_TIME_ENDS.search(text, max(0, end - 30), end)):
            end = span.start()
        named = _NAME_SAID.search(text, max(0, end - 50), end) if said else None
        if named and end < m.start() and (named.group().startswith("on") and not _apposed(m.group("what"), kinds)
                                          or re.sub(r"['’]s$", "", named.group("name")) in words_set("what_everyone_is_called")):
            continue  # (nor is someone's home: "at mum's for a month, the agency paid")
        opening = said and not named and _apposed(m.group("what"), kinds) and m.group().lstrip()[:1] in ",—–(" \
            and re.match(r"[^,—–()]*[,—–)]", m.group("what")) \
            and _NAME_OPENING.search(text, max(0, m.start() - 50), m.start())
        if opening and any(_says_no_workplace(w) or _an_aside(w) for w in opening.group("name").lower().split()):
            opening = None  # "Overall, the charity I work for, ...", "Sundays, the agency I temp for, ..."
        alone = said and not named and (_NAME_ALONE.search(text, max(0, m.start() - 50), m.start()) or opening)
        if alone:
            # a sentence of the name alone, then what it is ("safe harbour. it's a counselling
            # service"); capitalised as a sentence opens, only before what it is set between
            # commas ("Bloom, the agency I temp for, pays"; "Overall, the charity was fine" is a clause)
            if _may_name_a_workplace(alone.group("name").lower(), kinds):
                yield Finding(alone.start("name"), alone.end("name"), "ORG", 0.6, "described-workplace")
            continue
        if not named:
            continue
        name = named.group("name")
        name = name[:when.start()] if (when := _SAID_WHEN.search(name)) else name  # (when is said after it)
        words = name.split()
        if not words:
            continue
        # after "the", English words are what it is ("the staff support line, which is some company")
        the = named.group().split()[1] == "the"
        if _SAID_HOW_LONG_OR_WHERE.search(name):
            continue  # "on foxglove in march, the trust was...": a name holds no phrase of how long or where
        # A word "at" takes as an idiom is one after "at" ("at peace") or before "of" and a small
        # word ("for all of us", "for most of the year"); it opens a name elsewhere ("for rest
        # easy", "peace of mind, which is an eap").
        of_a_name = len(words) > 2 and words[1] == "of" and words[2] not in _STOP and words[2] not in STOP_WORDS
        # A town ending three words or more ends a branch's name ("at first light bristol, which
        # is the iapt service"): an idiom's word opens it all the same.
        town = where_a_town_ends(words)  # (not "at home in leeds")
        branch = town is not None and town >= 2
        idiom = words[0] in _AT_IDIOMS and not of_a_name and not branch \
            and (named.group().startswith("at") or words[1:2] == ["of"])
        if words[0] in (_OPENS_NO_NAME if branch else _NOT_A_NAME) or idiom or words[-1] in ("of", "and") \
                or name in public_lower() or all(
                (w in _STOP or w in STOP_WORDS) and not its_name or w in service_words() or lexicon.is_field_word(w)
                or w in _ENDS_NAME or w in KINDS_AFTER_A_NAME or w in kinds for w in words) \
                or the and not any(lexicon.is_rare(w) for w in words):
            continue
        if words[-1].endswith("s") and _kind_in_the_singular(words[-1]) in kinds:
            continue  # "contracts from different providers, the pwps": a plural of a kind says which kind
        if named.group("runs") and len(words) < 2 and not lexicon.is_rare(words[0]):
            continue  # "we run groups, which is a service": what is run, not its name
        if named.group("loose") and not any(lexicon.is_rare(w) for w in words):
            continue  # "went to bed, a project", "went to soup kitchen, a project": where anyone
            # goes or anything comes from is named by a word English rarely writes
        yield Finding(named.start("name"), named.start("name") + len(name), "ORG", 0.6, "described-workplace")
    # The name as a sentence's subject, said to be an employer or the name ("tessellate is the
    # company that runs it", "quillory was an agency"): only with a rare word said as a word in
    # it ("nepotism is a problem in this company", "wfh is a ..." are English).
    for m in _SAID_TO_BE.finditer(text):
        words = m.group("name").split()
        if _may_name_a_workplace(m.group("name"), kinds) and any(lexicon.is_rare(w) and _a_word_said(w) for w in words):
            yield Finding(m.start("name"), m.end("name"), "ORG", 0.6, "described-workplace")


# What employs someone, said straight after "is a", "was the" (a service, a practice, an app
# or a platform is as often a therapy or a product: "reiki is a practice", "rotacloud is the app";
# "a care home", "a hospice", "a nursery" were tried: they say what kind of thing as often,
# "norovirus is a care home nightmare").
_EMPLOYERS = ("company", "agency", "charity", "provider", "employer", "firm", "organisation", "organization",
              "business", "outfit", "contractor", "subcontractor", "social enterprise", "startup")
_SAID_TO_BE = re.compile(r"(?:^|[.!?,]\s+|\n\s*)(?P<name>[a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*){0,2})\s+(?:is|was)\s+"
                         rf"(?:(?:a|an|the)\s+(?:(?:{_SIZE_OR_REACH}|new)\s+)?(?:{'|'.join(_EMPLOYERS)})|the\s+name)\b")


def _may_name_a_workplace(name: str, kinds: frozenset[str]) -> bool:
    """Words alone before what they are said to be that may name a workplace: not words of
    speech, what kind, a time or everyday words alone ("anyway, it's a charity", "zero hours.
    it's an agency", "mental health, it's a service"), nor a public name or a place."""
    words = name.split()
    if all(w in words_set("listeners_sounds") or w in words_set("interjections") for w in words):
        return False  # "um, the chain was ok"
    return not any(w in _STOP or w in STOP_WORDS or w in _AT_IDIOMS or w in _NOT_A_NAME or w in service_words()
                   or w in _KIND_WORDS or lexicon.is_field_word(w) or w.endswith(("ly", "ing", "ed", "'s", "’s"))
                   or w in kinds for w in words) and not all(lexicon.is_everyday(w) for w in words) \
        and not public_opening(words) and name not in lexicon.places()


# ---------------------------------------------------------------- a workplace said to be called a name

# Kinds that say only that something is named ("a place called ...", "a little one called ..."):
# the name they are given only with a word English seldom writes or a kind ending it
# ("a place called marigold"; not "a place called denial", "a good one called box breathing").
_PLAIN_KINDS = ("place", "one")
# Said with no "a" before it ("i ended up somewhere called brightwater").
_SOMEWHERE = r"(?<![\w'’-])somewhere(?:\s+else)?"
# What gives something its name ("called", "known as").
_CALLED_SO = r"(?:called|named|known\s+as|by\s+the\s+name\s+of)"
# One of them said to be called so, straight before its name ("a little one called", "this one's called").
_PLAIN_KIND_CALLED = re.compile(rf"(?:(?<![\w'’-])(?:{'|'.join(_PLAIN_KINDS)})(?:\s+(?:is|was|were)|['’]s)?|{_SOMEWHERE})"
                                rf"(?:\s+(?:actually|just|now|still))?\s+{_CALLED_SO}\s+[\"“'‘]?$", re.IGNORECASE)
# The kinds of workplace a name is given to ("a charity called ...", "my agency, ...,"):
# data/workplace_kinds.txt's kinds said before a name and its kinds of place, and a few more
# of groups and services; not a house, a ward or a unit (a home's or a ward's own rules).
_NAMED_KINDS = sorted((lexicon.workplace_kinds("said-before") | lexicon.workplace_kinds("place")
                       | {"group", "team", "school", "nursery", "services", "organisation", "organization",
                          "company", "charity", "agency", "home", "project", "centre", "cafe", "café",
                          # a place, or one of the kinds said before ("three outfits... and a little one called")
                          *_PLAIN_KINDS})
                      - {"house", "unit", "ward", "rooms", "ltd", "limited", "plc", "llp", "cic", "associates"},
                      key=lambda k: (-len(k), k))
_KIND_ALT = alternatives(_NAMED_KINDS)
# "a charity called ...", "this agency named ...", "a charity known as ...", "the agency was called
# ...", "the company's called ...", "the agency's name was ...": after "a", "an", "this", "one"
# (and up to four words of what it is like: "a really small local charity called") or with
# "is"/"was", "called" names it; after "the", only lower-case words that are no determiner,
# pronoun or time ("the agency called helping hands sent me"; "the agency called me back", "the
# practice called the police", "the agency called twice" are what it did).
# (and who works there before "is called": "the agency i'm with is called", "the charity we work for
# was called"; never straight before "called": "the agency i called" phoned it)
_MINE_THEN_IS = (r"\s+(?:that\s+|where\s+)?(?:i|we)(?:['’]m|\s+am|\s+was|\s+were|['’]ve\s+been)?(?:\s+(?:now|currently))?"
                 r"(?:\s+(?:used\s+to\s+)?(?:work(?:s|ed)?|temp(?:ed)?|volunteer(?:ed)?|trained|placed|based|registered"
                 r"|signed\s+up))?(?:\s+(?:for|at|with|in|through|to))?\s+(?:is|was)")
_CALLED_A_NAME = re.compile(
    rf"(?:(?<![\w'’-])(?:(?:an?|this|one|some|(?P<the>the))\s+(?:[a-z]+\s+){{0,4}}?(?:{_KIND_ALT})"
    rf"(?:(?P<mine_is>{_MINE_THEN_IS})|\s+(?:is|was|were))?"
    rf"|(?:{_KIND_ALT})(?:\s+(?:is|was|were)|['’]s)(?:\s+(?:actually|just|now|still))?|{_SOMEWHERE})"
    rf"\s+{_CALLED_SO}"
    rf"|(?<![\w'’-])(?:{_KIND_ALT})['’]s\s+name\s+(?:is|was))"
    r"\s+[\"“'‘]?(?P<name>(?:[^\W\d_][\w'’&-]*|(?P<figure>\d{1,2}(?:st|nd|rd|th)?)(?=\s+[^\W\d_]))"
    r"(?:\s+(?:&\s+)?[^\W\d_][\w'’&-]*){0,4})",
    re.IGNORECASE)
# A kind straight before "called": it may be the one that called ("the agency called in ...").
_A_KIND_CALLING = re.compile(rf"(?i:{_KIND_ALT})\s+called\s+[\"“'‘]?$")
# One of the kinds, said to be called what follows ("an agency called", "some outfit called"): a
# name given, no one phoned ("the practice called sarah" may be either).
_A_KIND_NAMED = re.compile(rf"(?<![\w'’-])(?:an?|some)\s+(?:(?!(?:of|the)\s)[a-z]+\s+){{0,2}}?(?:{_KIND_ALT})\s+$",
                           re.IGNORECASE)
# "my agency, care plus, sends me", "an agency, care plus, when": a workplace's kind after "my", "our", "their", "the", "a" or "an", then a
# name between commas, dashes or brackets ("my agency (care plus)"); not a team's or a home's
# ("on my team, Tel, ..." is someone).
_APPOSED_KINDS = alternatives(k for k in _NAMED_KINDS
                                if k not in ("team", "group", "home", "school", "nursery", "centre", "hospital", "cafe", "café",
                                             *_PLAIN_KINDS))
# Up to five words of what it is for or about may stand between the kind and the name ("a
# network for carers across the region — ..."); the name then ends in a kind of workplace. The
# name ends where the pause does, or the sentence.
_KIND_THEN = (rf"(?<![\w'’-])(?:my|our|their|the|an?)\s+(?:[a-z]+\s+)?(?P<kind>{_APPOSED_KINDS}|place)"
              r"(?:(?P<about>\s+(?:for|about|of|on|in|across|with)(?:\s+[a-z]+){1,4})"
              # or who works there ("the agency i temp for, bloom, pays weekly"; only so "the place")
              r"|(?P<mine>\s+(?:that\s+|where\s+)?(?:i|we)(?:['’]m|\s+am|\s+was|\s+were)?\s+(?:now\s+)?"
              r"(?:used\s+to\s+)?(?:work(?:s|ed)?|temp(?:ed)?|volunteer(?:ed)?|trained|placed|based)"
              r"(?:\s+(?:for|at|with|in|through))?(?:\s+now)?))?")
_APPOSED_NAME = (r"(?P<name>[^\W\d_][\w'’&-]*(?:\s+(?:&\s+)?[^\W\d_][\w'’&-]*){0,3})"
                 r"\s*(?:,|[—–]|\s-\s|\)|(?P<stop>[.;!?](?=\s|$)|$))")
_KIND_THEN_NAME = re.compile(rf"{_KIND_THEN}\s*(?P<sep>,|[—–]|\s-|\()\s*{_APPOSED_NAME}", re.IGNORECASE)
# The same with an aside between dashes before the name ("a network for carers across the
# region — any employer, whatever — north east carers together."): read apart, as the aside
# read as the name would hide it.
_KIND_ASIDE_THEN_NAME = re.compile(rf"{_KIND_THEN}\s*[—–][^—–.!?\n]{{1,100}}[—–]\s*{_APPOSED_NAME}", re.IGNORECASE)
_OWNER_OR_THE = re.compile(r"\b(?:my|our|their|the|an?)\s")
# Said between commas, words of when or how are an aside ("my agency, overall, was fine",
# "my practice, Wednesdays, was quiet").
_ASIDE = re.compile(rf"(?i:{_TIMES_WORKED}|overall|generally|mostly|usually|normally|basically|honestly"
                    r"|anyway|though|however|admittedly|days|weekdays)")
# Words that end a name or show the words after "called" are no name ("called me back",
# "called yesterday", "called it quits"): a time, a pronoun, what follows a verb.
_NOT_IN_A_NAME = NAME_ENDS | frozenset("""yesterday today tonight tomorrow earlier later once twice back round out up off ahead
at by about whom whose that than like me us him her them it you i we they he she someone somebody everyone
nobody anyone everybody something anything nothing everything sent sends got gets gave gives took takes paid pays
runs ran went goes said says told tells asked rang rings offered offers
different various loads lots things stuff names whatever""".split())  # ("is called different things")


def _an_aside(word: str, in_capitals: bool = False) -> bool:
    """A word said between commas of how or when, not a name: "my agency, overall, was fine",
    "my practice, Wednesdays, was quiet", "the company i work for, tbh, is fine", "..., wow, ..."
    (a clause's opening word, an interjection, or letters a chat types for a phrase, in lower
    case or in a text all in capitals)."""
    lower = word.lower()
    return _ASIDE.fullmatch(word) is not None or lower in _CLAUSE_OPENER_WORDS or lower in words_set("interjections") \
        or (word.islower() or in_capitals) and lower in words_set("chat_abbreviations")


# A name's end at a pause: the text's end, or a mark of punctuation after it.
_A_PAUSE = re.compile(r"\s*(?:$|[,.;:!?)—–])")


def _capitalised_words_of(words: list[str], text: str) -> list[str]:
    """In a text with capitals, a name capitalised ends before the first word in lower case but
    "the" or "&" inside it ("called Second Home supports carers": "Second Home"; "Mend the Gap")."""
    first = next((w for w in words if not w[:1].isdigit()), "")
    if not first[:1].isupper() or text.isupper():
        return words
    kept = []
    for i, w in enumerate(words):
        if w[:1].isupper() or w[:1].isdigit() or w.lower() in ("the", "&") \
                and i + 1 < len(words) and words[i + 1][:1].isupper():
            kept.append(w)
        else:
            break
    return kept


def _name_words(words: list[str], named: bool = False) -> list[str]:
    """The words of a name said after "called" or between commas, up to a word that ends it (a
    preposition, a conjunction, a pronoun: "second chance for a year" is "second chance"), or an
    adverb or a participle after its first word ("helping hands based in leeds"); one opening
    it is the name's only with a word after it ("friendly faces", not "called repeatedly").
    A small word opens a name that ends in a workplace's kind: one of data's called_name_openers
    ("called still waters therapy", "called every step counselling"), and where the words are
    ``named`` (after "is called", "named", "known as": no verb's) a preposition or a conjunction
    too ("the practice is called in touch counselling"; not "the surgery called in extra
    locums", "the trust called for qualified therapists")."""
    first = words[0].lower().strip("'’\"”") if words else ""
    if (first in words_set("called_name_openers") or named and first in STOP_WORDS
            and first not in _NOT_IN_A_NAME - NAME_ENDS) \
            and len(rest := _name_words(words[1:])) >= 2 and rest[0].lower() not in STOP_WORDS and rest[-1].lower() in _ENDS_NAME:
        return [words[0].strip("\"”'’"), *rest]
    kept = []
    for w in words:
        lower = w.lower().strip("'’\"”")
        if lower in _NOT_IN_A_NAME or lower in ("and", "the", "a", "an") and kept \
                or lower.endswith(("ly", "ed")) and len(lower) > 4 and kept \
                or lower in STOP_WORDS and lower not in ("&", "the", "one", "next", "first", "well", "together", "plus"):
            break
        kept.append(w.strip("\"”'’"))
    while kept and kept[-1] in ("&", "and"):
        kept.pop()
    if len(kept) == 1 and kept[0].lower().endswith(("ly", "ed")):
        return []
    return kept


def _ends_in_its_kind(lowered: list[str], opened_by_the: bool) -> bool:
    """Do the words a place is said to be called end in a kind of workplace ("fern counselling")?
    After "the", a kind of place ends one of two words or more too ("a place called the willow
    rooms"; not "the danger zone", "the quiet room", "the lake district", "the yoga studio"), and
    a word homes are named by alone ("a place called the hollies")."""
    return lowered[-1] in _ENDS_NAME or opened_by_the and (
        len(lowered) >= 2 and lowered[-1] in _PLACE_KINDS or len(lowered) == 1 and _a_house_name(lowered[0]))


def _a_group_named(lowered: list[str]) -> bool:
    """Words that say only what kind, yet name one group: a point of the compass or a region
    first, then two words or more, a word ending a workplace's name last ("north east carers
    together", "south coast associates network", "yorkshire therapists together"); not
    "community mental health team", "new mums counselling", "yorkshire network"."""
    if len(lowered) < 3:
        return False
    # how many words the region or the point of the compass opening it takes
    where = max((n for n in (1, 2, 3) if " ".join(lowered[:n]) in lexicon.regions()),
                default=1 if lowered[0] in _COMPASS else 0)
    return where > 0 and len(lowered) - where >= 2 and lowered[-1] in _ENDS_NAME \
        and not any(w in STOP_WORDS and w not in _COMPASS for w in lowered[1:-1])



# A kind of workplace straight before "called", "named" ("an agency called").
_KIND_CALLED = re.compile(rf"(?<![\w'’-])(?i:{alternatives(lexicon.workplace_kinds('said-to-be'))})[ \t]+(?:called|named)"
                          r"[ \t]+$")


@register_recognizer("called-workplace", "ORG", gate=False, normalised=False)
def workplaces_said_to_be_called(text: str) -> Iterator[Finding]:
    """'a charity called second chance', 'the agency was called helping hands', 'my agency,
    care plus, sends me', 'the agency i temp for, care plus, pays': words a workplace is said to
    be called, or put beside "my agency" (or "the agency i work for") between commas, are its
    name, however ordinary and in any case; not a public name ("a charity called Mind"), what it
    did ("the agency called me back", "a company called it quits", "the agency called
    yesterday"), nor words of what kind ("my employer, the council,", "my agency, honestly, was
    awful"). An aside between dashes may stand between
    the kind and the name ("a network for carers — any employer — north east carers together.")."""
    lower = text.lower()
    patterns = [p for p, needed in ((_CALLED_A_NAME, "called" in lower or "name" in lower or "known as" in lower),
                                    (_KIND_THEN_NAME, ("," in text or "—" in text or " -" in text or "(" in text)
                                     and _OWNER_OR_THE.search(lower)),
                                    (_KIND_ASIDE_THEN_NAME, ("—" in text or "–" in text) and _OWNER_OR_THE.search(lower)))
                if needed]
    for pattern in patterns:
        for m in pattern.finditer(text):
            tokens = list(re.finditer(r"[^\s\"“”]+", m.group("name")))
            # (a kind straight before "called" may have done the calling: "the surgery called in extra locums")
            words = _name_words([t.group() for t in tokens], named=pattern is _CALLED_A_NAME
                                and not _A_KIND_CALLING.search(text, m.start(), m.start("name")))
            opened_by_the = bool(words) and words[0].lower() == "the"
            if opened_by_the:
                if pattern is _CALLED_A_NAME and m.group("the"):
                    continue  # "the practice called the police", "the agency was called the next day": what it did
                words, tokens = words[1:], tokens[1:]
            if pattern is _CALLED_A_NAME and m.group("the") and words and not words[0].islower() \
                    and not (m.group("mine_is") and text.isupper()):
                continue  # "the school called Sarah": someone the person rules find; but in capitals
                # "THE AGENCY I'M WITH IS CALLED PREMIER MEDICAL STAFFING" no rule finds else
            if pattern is _CALLED_A_NAME and len(words) == 1 and len(tokens) >= 3 and tokens[1].group().lower() == "the" \
                    and _name_words([tokens[2].group()]) and _A_PAUSE.match(text, m.start("name") + tokens[2].end()):
                # "the" inside a name said to its pause ("a charity called mend the gap, it does");
                # not "the agency called jo the day after"
                words = words + [tokens[1].group(), tokens[2].group()]
            if not words or any(w.lower().endswith(("'s", "’s")) for w in words):
                continue
            words = _capitalised_words_of(words, text)
            lowered = [w.lower() for w in words]
            if pattern is _CALLED_A_NAME and m.group("figure") and (
                    len(words) < 2 or lowered[1] == "of" or _counted(m.group("figure"), words[1:])):
                continue  # a figure opens a name ("an agency called 2nd wind care"), not a count ("called 3 times")
            apposed = pattern is not _CALLED_A_NAME  # put beside the kind, not said to be called it
            if apposed and m.group("kind").lower() == "place" and not m.group("mine"):
                continue  # "the place, honestly, ...": a place only where someone works there
            if apposed and m.group("about") and not (len(words) > 1 and lowered[-1] in _ENDS_NAME):
                continue  # "a charity for kids, mostly volunteers": after what it is for, a name ends in its kind
            # (after "the agency i work for,", one word no verb or everyday word: "..., bloomfen.")
            one_word_of_mine = apposed and m.group("mine") and len(words) == 1 and lowered[0] not in _NOT_IN_A_NAME \
                and lowered[0] not in words_set("verbs_after_a_name") and not lexicon.is_everyday(lowered[0])
            if apposed and m.group("stop") is not None and not (
                    one_word_of_mine or len(words) > 2 and lowered[-1] in _ENDS_NAME
                    or any(lexicon.is_rare(w) for w in lowered)):
                continue  # at the sentence's end, a name of three words ending in its kind, or a rare word
                # ("my network, fellow therapists." says who)
            # (capitalised after a workplace's kind and "called" in a text of ordinary case, words of
            # what kind are its name too: "an agency called Prime Nurse")
            titled = not apposed and len(words) > 1 and _KIND_CALLED.search(text, m.start(), m.start("name")) \
                and all(w[:1].isupper() for w in words) and re.search(r"\b[a-z]{3,}\b", text)
            if (_no_particular_workplace(lowered) and not titled or public_opening(lowered)) \
                    and not _a_group_named(lowered) or " ".join(lowered) in lexicon.places():
                continue  # (a region opening a group's name is no public body's: "yorkshire therapists together")
            plain = not apposed and _PLAIN_KIND_CALLED.search(text, m.start(), m.start("name"))
            if plain and (not re.match(r"(?:an?\s|this\s|somewhere\b)", m.group(), re.IGNORECASE)
                          or all(lexicon.is_ordinary(w) for w in lowered) and not _ends_in_its_kind(lowered, opened_by_the)):
                # "which one is called", "the place called me"; "a place called denial", "a good one
                # called box breathing": a state or an exercise, in English words; a workplace's
                # name holds a word English seldom writes or ends in its kind
                continue
            if apposed and (len(words) != len(tokens) or len(words) == 1 and _an_aside(words[0], text.isupper())) \
                    or (apposed or m.group("the")) and len(words) == 1 \
                    and lexicon.is_everyday(lowered[0]) and not words[0][0].isupper():
                continue  # between commas, the whole of it a name; one everyday word or a time is an aside
            end = m.start("name") + tokens[len(words) - 1].end()
            start = m.start("name") + tokens[0].start()
            while end > start and text[end - 1] in "'’\"”":
                end -= 1
            yield Finding(start, end, "ORG", 0.6, "called-workplace")


# ---------------------------------------------------------------- names given as what someone is called

# Words anyone is called by someone: family, respect. A nickname ("Matron", "Chief") is not one.
_WHAT_EVERYONE_IS_CALLED = words_set("what_everyone_is_called")
# (a title: the name after it is the title rule's, "call him Mr Quill")
_WHEN = re.compile(rf"{_WEEKDAYS}s?|{_MONTH_NAMES}|Christmas|Easter|Xmas|Tonight|Tomorrow|Today")
_CALLED_BY = re.compile(r"\b(?:call|calls|called|calling)\s+(?:her|him|them|me)\s+(?:just\s+)?([A-Z][a-z'’-]+|[A-Z]{2,3}(?![\w'’-]))")
# Someone introduced by what they are and "called" or "named", as a pattern ending where the
# name begins: "a woman called ", "someone named ", "my manager is called " (data/recognizer_words.yml;
# names reads it too).
SOMEONE_CALLED = (r"(?:(?:someone|somebody|a\s+(?:" + alternatives(words("person_nouns_before_called")) + r"))\s+"
                  r"|(?:my|our|the|his|her|their)\s+(?:(?:new|old|line|first|last)\s+)?(?:"
                  + alternatives(words("person_nouns_before_called")) + r")\s+(?:is|was|['’]s)\s+)"
                  r"(?:called|named)\s+")
# Typed in lower case: "we call her bex", "everyone calls us rory", "a guy called jez",
# "someone called sky from support emailed".
# What calls someone a name ("we call her", "everyone called him").
CALLS_SOMEONE = r"(?:call|calls|called|calling)\s+(?:her|him|them|me|us)"
_CALLED_LOWER = re.compile(rf"(?<![\w'’-])(?:(?P<call>{CALLS_SOMEONE})\s+(?:just\s+)?"
                           rf"|{SOMEONE_CALLED})(?P<name>[a-z][a-z'’-]+)(?![\w'’-])")
# The name said before what people call someone ("ify we call her,", "tash, as everyone calls
# him."), or aside, as what everyone knows them by ("[Person 4] — kw to everyone — ...").
_CALLED_BEFORE = re.compile(r"(?<![\w'’-])(?P<name>[^\W\d_][\w'’-]*),?\s+(?:as\s+)?(?:we|they|everyone|everybody|people)"
                            r"\s+(?:all\s+)?(?:call|calls|called)\s+(?:her|him)(?=\s*[,.;:!?)—–-]|\s*$)"
                            r"|(?<=[—–(,-])\s*(?P<known>[^\W\d_][\w'’-]*)\s+to\s+(?:everyone|everybody|all\s+of\s+us)(?=\s*[,;)—–-])",
                            re.IGNORECASE)

# What each form of _CALLED_BEFORE holds, looked for first in the text lowered (``may_hold``).
_CALLED_BEFORE_CUE = re.compile(r"call|to\s+(?:every|all\s)")


# A word joining two names, as a pattern: "sarah and tom", "tom & priya", "tom or sarah", "me n dave".
JOINING_WORD = r"(?:and|&|or|n)"
# Two people named together: "with sarah and tom", "me and dave and kev", "tom & priya's".
# (The second word is read ahead, so it may be the first of the next pair.)
_COORDINATED = re.compile(rf"(?<![\w'’-])(?P<first>{_A_WORD})(?=\s+{JOINING_WORD}\s+(?P<second>{_A_WORD})"
                          rf"(?:['’]s\b|(?![\w'’-])))", re.IGNORECASE)


def plainly_a_name(word: str) -> bool:
    """A given name that is no word of English at all, or one commonly given in Britain,
    Ireland or the USA that is no everyday word nor one of the names that are words ("sarah",
    "dave", "priya"; not "summer", "june", "mark", "rock")."""
    lower = word.lower()
    return lower in lexicon.first_names() and lower not in words_set("word_names") and lower not in STOP_WORDS \
        and lower not in _STOP and not lexicon.is_everyday(lower) \
        and (given_in_britain(lower) or not lexicon.is_ordinary(lower))


# A name that is also a verb of wishing or allowing ("will", "may"), joined to a name: said
# as the verb, it has its subject before it ("i will and tom won't") or a verb after it ("tom
# and will come"); as a name, neither ("and will and tom set up", "tom and will were there").
_NOT_A_SUBJECT_BEFORE = re.compile(r"(?:^|[.,;:!?()—–\"“”]|(?<![\w'’-])(?:and|with|to|for|from|by|of|me|us|him|them|then|so|but"
                                   r"|like|both|including|told|asked|saw|met|thanked))\s*$", re.IGNORECASE)
_NO_VERB_AFTER = re.compile(r"\s*(?:$|[.,;:!?()—–\"“”]|['’]s\b|(?:were|are|was|is|both|too|had|has|did|said|went|came|got"
                            r"|who|to|and|or)\b|[a-z]{2,}(?<!e)ed\b)", re.IGNORECASE)


def _named_not_wished(m: re.Match, group: str) -> bool:
    """``m``'s word ``group`` ("will", "may") joined to a name, said as a name, not as the verb."""
    if group == "first":
        return bool(_NOT_A_SUBJECT_BEFORE.search(m.string, max(0, m.start(group) - 20), m.start(group)))
    return bool(_NO_VERB_AFTER.match(m.string, m.end(group)))


@register_recognizer("coordinated-name", "PERSON", gate=False, normalised=False)
def names_joined_to_a_name(text: str) -> Iterator[Finding]:
    """'with sarah and tom', 'tom and sarah came', 'me and dave and kev': a word joined by "and"
    to a name that is plainly one is a person too, when someone may be called it ("tom",
    "jo", "grace"), though it is a word as well; so is "will" or "may" said as a name ("and
    will and tom set up", not "i will and tom won't"). Two words that may both be something
    else ("summer and autumn", "june and july", "rock and roll", "bread and butter") name no one."""
    for m in _COORDINATED.finditer(text):
        for name, other in (("first", "second"), ("second", "first")):
            word = m.group(other)
            if not plainly_a_name(m.group(name)) or not (word.islower() or m.group(name).isupper() and word.isupper()):
                continue
            if word.lower() in _NAME_STOP_WORDS:
                if not _named_not_wished(m, other):
                    continue
            elif word.lower() in STOP_WORDS or word.lower() in _STOP or not _someone(word):
                continue
            yield Finding(m.start(name), m.end(name), "PERSON", 0.55, "coordinated-name")
            yield Finding(m.start(other), m.end(other), "PERSON", 0.55, "coordinated-name")
            break


@register_recognizer("called-by-name", "PERSON", gate=False, normalised=False)
def names_someone_is_called(text: str) -> Iterator[Finding]:
    """'we call her Matron', 'they called him Chief', 'ify we call her', 'kw to everyone': what
    someone is called is a name for them, even a word; not the words everyone is called ("call
    me Mum", "call him Sir")."""

    called = "call" in text
    for m in _CALLED_BY.finditer(text) if called else ():
        word = m.group(1).lower()
        if _WHEN.fullmatch(m.group(1)) or word in lexicon.ordinary_proper_nouns()[1] or word in lexicon.places():
            continue  # "I'll call him Monday", "called her Christmas Eve", "call them Leeds": when or where
        if m.group(1).isupper() and not _someone(m.group(1)):
            continue  # "they call him the GP": initials only when no job or body is written so ("call her DB")
        if word not in _WHAT_EVERYONE_IS_CALLED and word not in _STOP:
            yield Finding(m.start(1), m.end(1), "PERSON", 0.6, "called-by-name")
    for m in _CALLED_LOWER.finditer(text) if called or "named" in text else ():
        # In lower case "called" may be a call made ("someone called earlier", "a man called
        # about it"): a name only when the word is a given name no everyday word ("sky",
        # "rory"), or one English hardly uses ("jez"); not what everyone is called, a day,
        # a place or a word of the field. A given name that is also a word, a month or a stop
        # word (``word_names``: "a guy called will", "a woman called hope", "a girl called may")
        # is one there all the same.
        word = m.group("name").rstrip("'’")
        if word in words_set("word_names"):
            yield Finding(m.start("name"), m.start("name") + len(word), "PERSON", 0.6, "called-by-name")
            continue
        if word in _WHAT_EVERYONE_IS_CALLED or word in _STOP or word in STOP_WORDS or _WHEN.fullmatch(word.title()) \
                or word in lexicon.places() or lexicon.is_field_word(word) or lexicon.is_everyday(word):
            continue
        # After "we call her", "they called him" a word no common English one is what they
        # call someone ("matron"; not "call her back", "called him lazy"); after "a guy
        # called" only a name or a word English hardly uses ("a man called about it").
        if word in lexicon.first_names() or lexicon.zipf(word) < lexicon.HARDLY_USED_ZIPF \
                or m.group("call") and not lexicon.is_ordinary(word):
            yield Finding(m.start("name"), m.start("name") + len(word), "PERSON", 0.6, "called-by-name")
    for m in _CALLED_BEFORE.finditer(text) if may_hold(_CALLED_BEFORE_CUE, text, text.lower()) else ():
        name = m.group("name") or m.group("known")
        word = name.rstrip("'’").lower()
        if not (word in _WHAT_EVERYONE_IS_CALLED or word in _STOP or word in STOP_WORDS or _WHEN.fullmatch(word.title())
                # (a name, or no common English word: "emails to everyone" is no one)
                or lexicon.is_ordinary(word) and word not in lexicon.first_names()):
            start = m.start("name") if m.group("name") else m.start("known")
            yield Finding(start, start + len(word), "PERSON", 0.6, "called-by-name")


# Someone's name said to be a word: "her name is holly", "his real name's will", "my manager's
# name was grace", "she's called joy", "he goes by bex"; and a role said to be a given name at
# a clause's end: "my manager is holly", "our supervisor was grace, she...".
_NAME_SAID_TO_BE = re.compile(
    r"(?<![\w'’-])(?:(?:her|his|their|my|your|whose)\s+(?:[a-z]+['’]s\s+)?(?:first\s+|real\s+|full\s+|nick)?name"
    r"(?:\s+(?:is|was)|['’]s)|(?:she|he)(?:['’]s|\s+is|\s+was)\s+(?:called|named)"
    r"|(?P<goes>(?:she|he|they)\s+(?:goes|go|went)\s+by))\s+(?P<name>[^\W\d_][\w'’-]*)(?![\w'’-])", re.IGNORECASE)
_ROLE_IS_A_NAME = re.compile(
    r"(?<![\w'’-])(?:my|our|her|his|their|the)\s+(?:new\s+|old\s+|line\s+)?(?:[a-z-]+\s+)??(?P<role>[a-z-]+)"
    r"\s+(?:is|was|['’]s)\s+"
    r"(?P<name>[^\W\d_][\w'’-]*)(?=\s*(?:[,.;:!?)]|$)|\s+(?:and|but|who|she|he)\b)", re.IGNORECASE)

# Someone saying who they are after a greeting, or how to be called, a given name ending the
# clause: "hey!! im ellie.", "hi, i'm priya, band 5", "'call me chris'" (not "i'm gay and...",
# "i'm lucky": what someone is, as often, with no greeting).
_I_AM_A_NAME = re.compile(r"(?:\b(?:hi|hey|hello|hiya)\b[\s!.,]*(?:i['’]?m|i\s+am|im|it['’]?s)|(?<!\w)call\s+me)"
                          r"\s+(?P<name>[^\W\d_][\w'’-]*)"
                          r"(?=\s*(?:[,.;:!?)'’\"”]|$)|\s+(?:and|btw|here|from)\b)", re.IGNORECASE)

# What each form of _NAME_SAID_TO_BE holds, looked for first in the text lowered (``may_hold``).
_NAME_SAID_TO_BE_CUE = re.compile(r"name|call|(?:goes|go|went)\s+by")


@functools.lru_cache(maxsize=1)
def _job_word_cue() -> re.Pattern:
    """Any word of ``_job_words`` in lower case (for the text lowered)."""
    return re.compile(alternatives(w.lower() for w in _job_words()))


def _a_given_name_said(word: str) -> bool:
    """A word in lower case someone says is their name after a greeting ("hi, i'm ellie"): a given
    name that is no word of English, one Britain gives, or one weighed as English given names
    ("prince"); not a word English uses as a word only ("sad", "fair", "mate", "bi"), nor a
    nation's or a faith's ("german")."""
    return word in lexicon.first_names() and (
        not lexicon.is_ordinary(word) or given_in_britain(word) or lexicon.english_given_name_weight().get(word, 0) >= 1) \
        and word.title() not in lexicon.ordinary_proper_nouns()[0]


def _an_everyday_word_no_name(word: str) -> bool:
    """'fine', 'ok': an everyday word that is a given name on some list but not one of the
    names that are words (``word_names``: "will", "mark", "grace")."""
    return lexicon.is_everyday(word) and word not in words_set("word_names")


@register_recognizer("name-said-to-be", "PERSON", gate=False, normalised=False)
def names_said_to_be(text: str) -> Iterator[Finding]:
    """'her name is holly', 'she's called joy', 'he goes by bex', 'my manager is holly.': the
    word is someone's name, however ordinary; not a word of grammar ("her name is on the
    list", "your name's going up"), what everyone is called, an ordinary word no given name
    ("goes by train"), an everyday word no name ("my manager is fine"). After a role, only a
    given name ending the clause ("my manager is frank." is lost to it)."""
    lower = text.lower()
    for m in _NAME_SAID_TO_BE.finditer(text) if may_hold(_NAME_SAID_TO_BE_CUE, text, lower) else ():
        word = m.group("name").rstrip("'’").lower()
        if word in _STOP or word in STOP_WORDS and word not in words_set("word_names") or word in _WHAT_EVERYONE_IS_CALLED:
            continue
        if lexicon.is_ordinary(word) and word not in lexicon.first_names() or _an_everyday_word_no_name(word):
            continue  # "your name's going up", "goes by train"
        yield Finding(m.start("name"), m.start("name") + len(word), "PERSON", 0.6, "name-said-to-be")
    # saying who they are: a given name no everyday word nor one of the names that are words
    # ("hi, i'm grace", "call me frank" are as often what someone is), no place
    for m in _I_AM_A_NAME.finditer(text):
        word = m.group("name").rstrip("'’").lower()
        if _a_given_name_said(word) and word not in STOP_WORDS and word not in _STOP \
                and word not in words_set("word_names") and not lexicon.is_everyday(word) \
                and word not in lexicon.places():
            yield Finding(m.start("name"), m.start("name") + len(word), "PERSON", 0.6, "name-said-to-be")
    # (a role of the list holds one of its words: a text with none is not searched)
    for m in _ROLE_IS_A_NAME.finditer(text) if may_hold(_job_word_cue(), text, lower) else ():
        word = m.group("name").rstrip("'’").lower()
        if m.group("role").lower() in _job_words() and word in lexicon.first_names() and word not in _STOP \
                and (word not in STOP_WORDS or word in words_set("word_names")) and word not in lexicon.places() \
                and not _an_everyday_word_no_name(word):
            yield Finding(m.start("name"), m.start("name") + len(word), "PERSON", 0.6, "name-said-to-be")


# ---------------------------------------------------------------- a given name the sentence shows, in lower case

# Typed in lower case, a given name that is also a word ("june", "autumn", "fern") is a
# name only where the sentence shows one: spoken to ("that's all, thank you, june.", "autumn,
# can you go first?"), set beside what they are ("june, my eldest,", "one of the new ones,
# autumn, she's great", "june, who's one of ours") or pitied ("poor fern on nights").
_BESIDE = r"(?P<name>[a-z][a-z'’-]*[a-z])"
# (each lookbehind after the first mark or word, which re then finds by a fast scan)
_SPOKEN_TO_LAST = re.compile(rf",(?<=[\w'’],)\s+{_BESIDE}(?=\s*[.?!](?:\s|$)|\s*$)")
_SENTENCE_OPENS = r"(?:^|(?<=[.?!])\s+|(?<=[—–])\s*|(?<=\s-)\s+)"
_TO_YOU = r",\s+(?:do|did|can|could|would|will|are|were|have|shall)\s+you\b"
_SPOKEN_TO_FIRST = re.compile(rf"{_SENTENCE_OPENS}{_BESIDE}{_TO_YOU}")
_KIN = (r"(?:youngest|eldest|oldest|middle\s+one|daughter|son|sister|brother|niece|nephew|grandson|granddaughter"
        r"|colleague|manager|friend|best\s+friend|mate|partner|wife|husband|boss|supervisor|mentor|cousin|neighbour"
        r"|flatmate|student|trainee|deputy|team\s+lead)")
_WHAT_BESIDE = rf",\s+(?:(?P<kin>(?:my|our)\s+{_KIN}\b)|(?P<who>who['’]s|who\b)|(?P<she>(?:she|he)['’]s\b))"
_SET_BESIDE = re.compile(rf"(?:{_SENTENCE_OPENS}|(?<=,)\s+){_BESIDE}{_WHAT_BESIDE}")
_PITIED = re.compile(rf"poor(?<![\w'’-]poor)\s+{_BESIDE}(?![\w'’-])")
# What a match of each opening with a sentence holds, looked for first (most texts hold none).
_BESIDE_CUES = {_SPOKEN_TO_FIRST: re.compile(_TO_YOU), _SET_BESIDE: re.compile(_WHAT_BESIDE)}
_TIME_WORD = re.compile(r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
                        r"|spring|summer|autumn|winter|christmas|easter|year|month|week|term|day)\b|\d{4}|\d(?:st|nd|rd|th)\b")


# What people are called fondly, whatever their name: "thanks, honey.", "ta, duck."
_FONDLY = words_set("called_fondly")


def _a_given_name_here(text: str, m: re.Match, *, rare: bool = False) -> bool:
    """The word is given as a name in Britain, Ireland or the USA, and no word everyone is
    called, no stop word nor place; a month or a season is a time where a time is spoken of
    just before it ("in may, june." is a list of months)."""
    word = m.group("name")
    if word not in lexicon.english_given_name_weight() or word in _WHAT_EVERYONE_IS_CALLED or word in _FONDLY \
            or word in _STOP \
            or word in STOP_WORDS or word in lexicon.places() or lexicon.is_field_word(word):
        return False
    if rare and lexicon.zipf(word) >= lexicon.COMMON_WORD_ZIPF and not _TIME_WORD.fullmatch(word):
        return False  # "poor grace", "it was warm, sunny.": a common word there is a word
    if _TIME_WORD.fullmatch(word) or _WHEN.fullmatch(word.title()):
        return not _TIME_WORD.search(text[max(0, m.start("name") - 40):m.start("name")].lower())
    return True


@register_recognizer("name-beside-comma", "PERSON", gate=False, normalised=False)
def given_names_the_sentence_shows(text: str) -> Iterator[Finding]:
    """A lower-case given name spoken to, set beside what the person is, or pitied."""
    if not any(c.islower() for c in text):
        return
    for pattern in (_SPOKEN_TO_LAST, _SPOKEN_TO_FIRST, _SET_BESIDE, _PITIED):
        if pattern in _BESIDE_CUES and not _BESIDE_CUES[pattern].search(text):
            continue
        for m in pattern.finditer(text):
            if pattern is _SET_BESIDE and m.group("she") and _TIME_WORD.fullmatch(m.group("name")) \
                    and text[max(0, m.start("name") - 2):m.start("name")].strip() != ",":
                continue  # "june, she's due": a month opening the sentence is when
            if _a_given_name_here(text, m, rare=pattern is _PITIED or pattern is _SPOKEN_TO_LAST):
                yield Finding(m.start("name"), m.end("name"), "PERSON", 0.55, "name-beside-comma")


# ---------------------------------------------------------------- lower-case names no dictionary knows

# Words of going over, past or as far as a place ("all over fallowmere", "as far as pennock").
_AS_FAR_AS = r"over|across|beyond|past|towards|as\s+far\s+as"
_AFTER_NAMING_WORD = re.compile(
    rf"\b(?:(?P<place>at|in|from|near|to|round|around|outside|beside|{_AS_FAR_AS})"
    r"|with|for|by|via|through|joined|left|called|named"
    r"|(?:agency|employer|company|firm|provider|charity|practice|platform|app|outfit|organisation|organization"
    r"|service|trust)\s*,)\s+(?P<word>[a-z][a-z'’-]{4,})\b(?!['’-])")


# The next place of a list: " and pennock", " or pennock" (not after a comma alone, an aside's
# as often: "from quarnwell, summat like that").
_NEXT_PLACE = re.compile(r"[ \t]+(?:and|or|&)[ \t]+(?P<item>[a-z][a-z'’-]{3,}[a-z])(?![\w'’-])")
_LOWER_RUN = re.compile(r"[a-z][a-z'’-]+(?: [a-z][a-z'’-]+){1,2}\b(?!['’-])")


@register_recognizer("unknown-place", ("LOC", "ORG"), gate=False, normalised=False)
def unknown_lower_case_names(text: str) -> Iterator[Finding]:
    """'on ward 9 at fernlea', 'a company called tealstone', 'my agency, tealstone, pays':
    typed in lower case after "at", "in", "through", "as far as", "with", "called", or after a
    workplace's kind and a comma, a word no English word list knows (wordfreq: never seen; it
    knows slang, dialect and common misspellings), or a run of two or three words none of them
    ordinary ("at caldy moor"), is the name of a place (after "at", "in", "from", "all over"...)
    or of a workplace (after "with", "through" an agency...); a word of the field ("supervisee")
    is known."""

    for m in _AFTER_NAMING_WORD.finditer(text):
        word, kind = m.group("word"), "LOC" if m.group("place") else "ORG"
        if word in public_lower():
            continue  # a public name typed as one word ("at ageuk")
        # Two or three words none of them ordinary English ("at caldy moor", "with tarn
        # heugh"): a name of several words typed in lower case; not words made of others
        # ("acutely unwell", "inverted commas").
        run = _LOWER_RUN.match(text, m.start("word"))
        words = run.group().split() if run else []
        while len(words) > 1 and any(lexicon.is_ordinary(w) or lexicon.is_field_word(w) or w in STOP_WORDS
                                     or w.endswith(("'s", "’s", "ly", "ed", "ing")) or _a_verb_no_name_holds(w)
                                     for w in words):  # (a verb typed without its apostrophe: "couldnt")
            words = words[:-1]
        if len(words) > 1:
            yield Finding(m.start("word"), m.start("word") + len(" ".join(words)), kind, 0.55, "unknown-name")
        elif _a_word_no_list_knows(word) or run and run.group().split()[1:2] and not lexicon.is_ordinary(word) \
                and _a_verb_no_name_holds(run.group().split()[1]):
            # (a word no list knows; or one English hardly uses before a verb said with "not",
            # its subject: "i trained with greyfriars couldnt afford it")
            yield Finding(m.start("word"), m.end("word"), kind, 0.55, "unknown-name")
        elif kind == "LOC" and _a_rare_place_word(word):
            # "a flat in quarnwell", "people from brindlecote": after "in", "at", "from",
            # a word English hardly writes (wordfreq has seen it, as it sees most towns and
            # districts) is a place; not a rare English word ("in squalor", "in bedsits").
            yield Finding(m.start("word"), m.end("word"), kind, 0.5, "unknown-name")
        else:
            continue
        if kind == "LOC":
            # the places listed after it ("visits in fallowmere and crickhowe", "from quarnwell
            # or pennock"): each a word no list knows or one English hardly writes
            at = m.end("word") if len(words) <= 1 else m.start("word") + len(" ".join(words))
            while (item := _NEXT_PLACE.match(text, at)) and (
                    _a_word_no_list_knows(item.group("item")) or _a_rare_place_word(item.group("item"))) \
                    and item.group("item") not in public_lower():
                yield Finding(item.start("item"), item.end("item"), "LOC", 0.5, "unknown-name")
                at = item.end("item")


def _a_word_no_list_knows(word: str) -> bool:
    """A word wordfreq has never seen and no word of the field: a name, in lower case."""
    return lexicon.zipf(word) == 0 and not lexicon.is_field_word(word)


_WORD_MAKING = _word_lists()["word_making"]
_PREFIXES = tuple(_WORD_MAKING["prefixes"])
_PREFIXES_BEFORE_AN_ENDING = tuple(_WORD_MAKING["prefixes_before_an_ending"])
_ENDINGS = tuple(sorted(_WORD_MAKING["endings"], key=len, reverse=True))
_ENDS_AS_A_FORM = re.compile(r"(?:s|ed|ing|ers?)$")


def _a_word_english_writes(stem: str) -> bool:
    return len(stem) >= 3 and (lexicon.zipf(stem) >= lexicon.PLACE_WORD_ZIPF or lexicon.is_field_word(stem)
                               or stem in public_lower())


def _word_making_stems(word: str) -> Iterator[str]:
    """The word less an English ending, as English spells its stem ("honoraries": "honorary";
    "manualised": "manual"; "rebanded": "reband", "rebande"; "shopped": "shop")."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[:-len(ending)]
            yield stem
            yield stem + "e"
            if ending in ("ies", "ied", "ised", "ized", "isation", "ization", "ise", "ize"):
                yield stem + "y"
            if len(stem) > 3 and stem[-1] == stem[-2]:
                yield stem[:-1]


def made_from_a_word(word: str) -> bool:
    """A word wordfreq has never seen that English makes of one it has, with a prefix or an
    ending (data/recognizer_words.yml's ``word_making``): "reprofiled", "upskilled",
    "honoraries", "disciplinaries", "manualised", "wasnae"; not a coined name ("treewell",
    "kelvinbank", "sessionly")."""
    if any(_a_word_english_writes(stem) for stem in _word_making_stems(word)):
        return True
    if word.endswith("in") and _a_word_english_writes(word + "g"):
        return True  # its "-ing" said without the "g" ("janglin", "mitherin")
    if word.endswith("nt") and lexicon.zipf(word[:-1] + "'t") > 0:
        return True  # "n't" typed without its apostrophe ("mustnt")
    for prefix in _PREFIXES + _PREFIXES_BEFORE_AN_ENDING:
        rest = word[len(prefix):]
        if not word.startswith(prefix) or len(rest) < 3 \
                or prefix in _PREFIXES_BEFORE_AN_ENDING and not _ENDS_AS_A_FORM.search(word) \
                or any(rest.rstrip("s").endswith(ending) for ending in _NAME_ENDINGS) or rest in lexicon.places() \
                or rest in lexicon.surnames():
            continue  # (a place's or a family's name: "interbrook", "reashby", "overdales")
        if _a_word_english_writes(rest) or any(_a_word_english_writes(stem) for stem in _word_making_stems(rest)):
            return True
    return False


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def a_misspelling(word: str) -> bool:
    """A word one slip of the keys from a word English writes (a letter left out, added,
    changed or two swapped: "managemnt", "apointment", "recieveing"), or with the wrong letter
    doubled ("proffesion"), not a name coined."""
    splits = [(word[:k], word[k:]) for k in range(len(word) + 1)]
    singled = {word[:k] + word[k + 1:] for k in range(len(word) - 1) if word[k] == word[k + 1]}
    slips = ({a + b[1:] for a, b in splits if b}
             | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
             | {a + c + b[1:] for a, b in splits if b for c in _LETTERS if c != b[0]}
             | {a + c + b for a, b in splits for c in _LETTERS}
             | {w[:k] + w[k] + w[k:] for w in singled for k in range(len(w))})
    written, public = lexicon.words_written_at_least(lexicon.HARDLY_USED_ZIPF), public_lower()
    if any(slip in written and not _a_name_more_than_a_word(slip) or slip in public
           or lexicon.is_field_word(slip) for slip in slips):
        return True
    # Two slips from a long word of the field's or a medicine's ("haliperidol", "lamotragine")
    return len(word) >= 8 and any(_within_two_slips(word, known) for known in _long_words_of_the_field(word[0]))


def _a_name_more_than_a_word(word: str) -> bool:
    """A town's or someone's name English seldom writes as a word: a slip from it is a name
    still ("harrowgate", "kittering")."""
    return (word in lexicon.places() or word in lexicon.first_names() or word in lexicon.surnames()) \
        and not lexicon.is_ordinary(word)


@functools.lru_cache(maxsize=26)
def _long_words_of_the_field(initial: str) -> tuple[str, ...]:
    """The field's words and the public terms of one word, eight letters or more, by initial."""
    return tuple(sorted(w for w in lexicon.field_words() | public_lower()
                        if len(w) >= 8 and w.isalpha() and w[0] == initial))


def _within_two_slips(word: str, known: str) -> bool:
    """Whether two letters left out, added, changed or swapped make one word the other."""
    if abs(len(word) - len(known)) > 2:
        return False
    previous2, previous = None, list(range(len(known) + 1))
    for i, a in enumerate(word, 1):
        row = [i] + [0] * len(known)
        for j, b in enumerate(known, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a != b))
            if previous2 is not None and i > 1 and j > 1 and a == known[j - 2] and word[i - 2] == b:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > 2:
            return False
        previous2, previous = previous, row
    return previous[-1] <= 2


# A word in lower case, or words joined by hyphens ("okonkwo-briggs"), a possessive's "'s" may
# follow; no part of an address, a handle or a hashtag. The rule reads each part of six letters
# to thirty (a longer run is no word, and every letter of it made a misspelling to look up).
_LOWER_WORD = re.compile(r"(?<![\w@#'’./_-])[a-z]+(?:-[a-z]+)*(?![\w@_/-]|['’](?!s\b)|\.\w)")


# Words that end the names of places, houses and families ("-field", "-bank", "-well", "-mere"):
# two English words run together before one of these are a name ("quarrybank", "treewell").
_NAME_ENDINGS = words_set("place_word_surnames") | words_set("place_name_endings")
# A letter typed three times over: a word stretched ("rotaaa", "soooo"), no name.
_STRETCHED = re.compile(r"([a-z])\1\1")


def _an_english_word(word: str) -> bool:
    return lexicon.is_ordinary(word) or lexicon.is_field_word(word)


def _english_words_run_together(word: str) -> bool:
    """Two English words or the field's typed as one ("waitinglist", "carehome", "rotacloud")
    or a verb's form made so ("keyworking", "shortstaffed"), not a name's ending after the first
    ("quarrybank", "treewell", "lowmoor": data/recognizer_words.yml)."""
    if word.endswith(("ing", "ed")):
        return any(_run_together(stem) for stem in _word_making_stems(word))
    return _run_together(word)


def _run_together(word: str) -> bool:
    for k in range(2, len(word) - 2):
        first, second = word[:k], word[k:]
        single = second[:-1] if second.endswith("s") else second
        if _an_english_word(first) and (_an_english_word(second) or _an_english_word(single)) \
                and second not in _NAME_ENDINGS and single not in _NAME_ENDINGS:
            return True
    return False


@functools.lru_cache(maxsize=1)
def mixed_in_words() -> frozenset[str]:
    """Words of Britain's dialects and community languages (data/mixed_in_words.txt, which says
    where they come from)."""
    return _data_file_words("mixed_in_words.txt")


@functools.lru_cache(maxsize=8192)
def a_coined_word(word: str) -> bool:
    """A word typed as a name is, in a text typing names in lower case: one wordfreq has never
    seen, of no list of the field's, public or dialect words, not made from an English word, one
    slip from one nor the field's words run together ("treewell", "kelvinbank", "oyelaran",
    "sessionly")."""
    return (lexicon.zipf(word) == 0 and not lexicon.is_field_word(word) and word not in public_lower()
            and word not in STOP_WORDS and word not in mixed_in_words() and not _STRETCHED.search(word)
            and not made_from_a_word(word) and not _english_words_run_together(word)
            and not a_misspelling(word))  # (the dearest test last)


_A_STREET_KIND_AFTER = re.compile(rf"[ \t]+(?:{alternatives(words('street_types_named_alone'))}"
                                  rf"|{alternatives(words('street_types_after_a_rare_word'))})(?![\w'’-])")


def _coined_words_kind(text: str, start: int, word: str) -> str:
    """Which kind of name a coined word is, from the lists and the words around it: a given
    name or a surname someone's, a town, a word after "in", "from" or before a kind of street
    a place's, any other a workplace's (coined names are mostly services' and apps':
    "treewell", "sessionly")."""
    before = text[max(0, start - 12):start].split()[-1:]
    if word in lexicon.first_names() or word in lexicon.surnames():
        return "PERSON"
    if word in lexicon.places() or before and before[0] in ("in", "from", "near", "around", "outside") \
            or _A_STREET_KIND_AFTER.match(text, start + len(word)):
        return "LOC"  # (a kind of street after it: "kelsworth road")
    return "ORG"


@register_recognizer("coined-word-in-lower-case", ("PERSON", "ORG", "LOC"), gate=False, normalised=False)
def coined_words_in_lower_case(text: str) -> Iterator[Finding]:
    """'ugh treewell changed the rota again', 'supervision with oyelaran': in a text typing names
    in lower case, a word English has never written (``a_coined_word``) is a name, as such a word
    is in capitals (``names.NameFinder.shouted_name``) or capitalised; wordfreq knows the
    misspellings people make often, the slang and the dialect ("managment", "innit", "dinnae")."""
    typed = _as_typed(text)
    if not _names_in_lower_case(typed):
        return
    for m in _LOWER_WORD.finditer(typed):
        if any(6 <= len(part) <= 30 and a_coined_word(part) for part in m.group().split("-")):
            yield Finding(m.start(), m.end(), _coined_words_kind(typed, m.start(), m.group()), 0.5,
                          "coined-word-in-lower-case")


def _a_rare_place_word(word: str) -> bool:
    """A word English hardly writes (below lexicon.PLACE_WORD_ZIPF), no word of the field, no
    English ending ("-ness", "-ing"), not the plural of a commoner word, nor a given name."""
    lower = word.lower()
    rarity = lexicon.zipf(lower)
    if not 0 < rarity < lexicon.PLACE_WORD_ZIPF or lexicon.is_field_word(lower) or lower in _STOP or lower in STOP_WORDS \
            or _ENGLISH_ENDING.search(lower) or "'" in lower or "’" in lower:
        return False
    if lower.endswith("s") and max(lexicon.zipf(lower[:-1]), lexicon.zipf(lower[:-2]) if lower.endswith("es") else 0) > rarity:
        return False
    return True


# ---------------------------------------------------------------- a place opened by the words places open with

# "a man in little hulton", "a bit of south ribble", "FROM GREAT ORTWELL": after "in", "from",
# "of", "all over", "as far as"..., a word English seldom writes (below lexicon.RARE_ZIPF) after
# the words English place names open with ("Little", "Great", "Nether", "Upper", "Lower", a point
# of the compass) is a place.
_OPENED_PLACE = re.compile(rf"(?<![\w'’-])(?:in|from|near|outside|around|round|to|of|{_AS_FAR_AS})\s+"
                           r"(?P<name>(?:little|great|nether|upper|lower|north|south|east|west)\s+"
                           r"(?P<word>[^\W\d_][^\W\d_'’-]{2,}))(?![\w'’-])", re.IGNORECASE)


@register_recognizer("opened-place", "LOC", gate=False, normalised=False)
def places_opened_so(text: str) -> Iterator[Finding]:
    """'in little hulton', 'OF SOUTH RIBBLE': typed in lower case or capitals, a rare word after
    "little", "great", "upper", "north"... and a word placing it; not a rare English word ("in
    upper quadrants", "from little acorns": an English ending, a plural of a commoner word)."""
    for m in _OPENED_PLACE.finditer(text):
        name, word = m.group("name"), m.group("word").lower()
        if not (name.islower() or name.isupper()) or not lexicon.is_rare(word) or lexicon.is_field_word(word) \
                or word in _STOP or word in STOP_WORDS or _ENGLISH_ENDING.search(word) or word in lexicon.first_names():
            continue
        if word.endswith("s") and max(lexicon.zipf(word[:-1]), lexicon.zipf(word[:-2]) if word.endswith("es") else 0) \
                > lexicon.zipf(word):
            continue
        yield Finding(m.start("name"), m.end("name"), "LOC", 0.55, "opened-place")


# ---------------------------------------------------------------- where someone comes from, in lower case

# Words that say where someone comes from, lived or grew up, before the place: "came over from",
# "grew up in", "she's from", "my family is originally from", "back home in".
_ORIGIN = re.compile(
    r"(?<![\w'’-])(?:(?:came|come|comes|coming|moved|emigrated|fled|escaped|migrated|relocated)"
    r"(?:\s+(?:over|here|back|down|up|across))?\s+(?:from|out\s+of)"
    r"|(?:grew\s+up|brought\s+up|raised|born|live|lives|lived|living|settled)\s+(?:in|near|outside|round|around)"
    r"|(?:(?:i|she|he|they|we|you)['’](?:m|s|re)|am|is|are|was|were)\s+(?:originally\s+)?from"
    r"|back\s+home\s+in)\s+(?P<word>(?-i:[^\W\dA-Z_])[^\W\d_'’-]{3,})(?![\w'’-])", re.IGNORECASE)
# What English makes of a word: an abstract noun ("squalor", "seclusion"), a form of a verb,
# a discipline someone comes from ("radiography", "phlebotomy", "paediatrics").
_ENGLISH_ENDING = re.compile(rf"(?:{english_endings('not_a_place')})$")


@register_recognizer("origin-place", "LOC", gate=False, normalised=False)
def places_someone_comes_from(text: str) -> Iterator[Finding]:
    """'we came from wroclaw', 'she grew up in kumasi', 'my family is from enugu': typed in
    lower case after words saying where someone comes from or grew up, a word few English
    texts use (a town abroad the UK gazetteer does not hold) is a place; not an English word
    that is rare ("lived in squalor", "born in wedlock" stay as rare as they are: an abstract
    noun's ending, a plural of a commoner word, "lived in hostels"), nor a word of the field."""

    for m in _ORIGIN.finditer(text) if "from" in text or "in " in text else ():
        word = m.group("word").lower()
        if not lexicon.is_rare(word) or lexicon.is_field_word(word) or word in _STOP or _ENGLISH_ENDING.search(word):
            continue
        rarity = lexicon.zipf(word)
        if word.endswith("s") and max(lexicon.zipf(word[:-1]), lexicon.zipf(word[:-2]) if word.endswith("es") else 0) > rarity:
            continue  # a plural, its singular commoner: "lived in hostels", "lived in bedsits"
        yield Finding(m.start("word"), m.end("word"), "LOC", 0.55, "origin-place")


# ---------------------------------------------------------------- a coined name of two words joined by a hyphen

# After a word placing someone at a workplace, two words joined by a hyphen: "at talk-well",
# "with kind-minds", "joined heart-space".
# A word placing someone at a workplace, ending where the hyphened words begin.
_HYPHEN_CLUE = re.compile(
    rf"(?<![\w'’-])(?:{alternatives(placed_at('hyphened'))}|{MOVED_TO})"
    r"\s+(?:the\s+)?$", re.IGNORECASE)
_HYPHENED = re.compile(r"(?<![\w'’–-])(?P<a>[A-Za-z]{1,})[-–](?P<b>[A-Za-z]{2,})(?![\w'’–-])")
# Kinds a coined name of one letter, a hyphen and a word ends in ("Q-Health", "e-therapy" typed
# so for a company): kinds a workplace's name ends with, not one of a group or a place in it
# ("the B-team"); "e-learning", "X-ray", "A-level" are no such kind.
_LETTER_NAME_KINDS = lexicon.workplace_kinds("ends-name") - lexicon.workplace_kinds("after-the")
# Halves of a compound that say when, how much or which part ("half-term", "late-shift",
# "all-day"), never a coined name's.
_WHEN_HALVES = frozenset("""half late early mid part full all day night week year term past shift time hour hours
weekend days nights weeks years""".split())
# Small words that make a compound of a verb or a number ("time-off", "follow-up", "one-off"),
# besides _STOP's and _HYPHEN_PREFIXES'.
_PARTICLES = _STOP | _HYPHEN_PREFIXES | frozenset("off up down back about away around through more less".split())


@register_recognizer("hyphen-name", "ORG", gate=False, normalised=False)
def names_joined_by_a_hyphen(text: str) -> Iterator[Finding]:
    """'she was at talk-well for two years', 'i joined heart-space': typed in lower case after
    "at", "for", "with", "joined"..., two words joined by a hyphen that English never writes as
    one word (wordfreq knows no "talkwell") are a service's coined name; not a compound English
    uses ("at drop-in", "for part-time", "with self-care", "at well-being": known joined too),
    one of a preposition or a prefix ("time-off", "re-referral", "non-clinical"), or one that
    says when ("at half-term", "on late-shift")."""
    if "-" not in text and "–" not in text:
        return
    for h in _HYPHENED.finditer(text):
        # (the words joined first, the word placing someone just before them then: few texts have any)
        if not _HYPHEN_CLUE.search(text[max(0, h.start() - 40):h.start()]):
            continue
        name, a, b = h.group(), h.group("a").lower(), h.group("b").lower()
        if len(a) == 1 and b not in _LETTER_NAME_KINDS:
            continue
        # Each half capitalised after a word placing someone there marks a name, even of a
        # compound English writes as one word ("at Well-Spring", as "at Wellspring"), unless
        # English says it every day or hyphened ("for Well-Being").
        titled = h.group("a")[0].isupper() and h.group("b")[0].isupper() and not name.isupper()
        after = re.match(r"\s+([a-z]+)", text[h.end():])
        if after and name.islower() and not (after.group(1) in STOP_WORDS or after.group(1) in _NOT_IN_A_NAME
                                             or after.group(1) in words_set("workplace_belongings")
                                             or after.group(1) in _AT_IDIOMS or after.group(1) in _WHEN_HALVES
                                             or after.group(1).endswith("ly")):
            continue  # a compound before a noun qualifies it ("for short-notice shifts")
        if b.endswith("ed") and lexicon.is_everyday(a) and lexicon.is_everyday(b):
            continue  # a participle's compound says how ("well-led", "short-staffed")
        if a in _HYPHEN_PREFIXES or {a, b} & (_PARTICLES | _WHEN_HALVES) \
                or (lexicon.is_everyday(a + b) if titled else lexicon.zipf(a + b) > 0) \
                or lexicon.is_field_word(name.lower()) or name.lower() in public_lower() \
                or a in service_words() and b in service_words() or f"{a}-{b}" in words_set("english_hyphened"):
            continue
        yield Finding(h.start(), h.end(), "ORG", 0.55, "hyphen-name")


# ---------------------------------------------------------------- workplaces named in a labelled answer

# A survey's or a form's label for where someone works, then a colon or a dash: "Employer:
# Lantern", "current employer - next step", "Name of organisation: Bright Path Wellbeing".
_LABEL = (r"(?:(?:current|previous|former|last|main|present|other|second)\s+)?"
          r"(?:(?:name\s+of\s+(?:the\s+)?|your\s+)?(?:employers?|workplaces?|organi[sz]ations?|org|company|companies"
          r"|placements?|agency|agencies|charity|charities|provider|service\s+provider)(?:\s+name)?"
          r"|place\s+of\s+work|where\s+i\s+work(?:ed)?)"
          # what a form adds to a label: "Employer (optional):", "Organisation (if any):"
          r"(?:[ \t]*\((?:optional|if\s+any|if\s+applicable|if\s+you\s+wish)\))?")
# A form's question asking where someone works, its answer after the question mark or a colon:
# "Where do you work? Thistle", "Who is your employer? pebble", "where do you work: bloom".
_WORKPLACE_QUESTION = (r"(?:where\s+do\s+you\s+(?:currently\s+)?work|who\s+do\s+you\s+(?:currently\s+)?work\s+for"
                       r"|who\s+is\s+your\s+(?:current\s+)?employer|which\s+(?:organi[sz]ation|company|charity|service"
                       r"|employer)\s+do\s+you\s+work\s+(?:for|at|in))[ \t]*(?:\?|:)")
# A colon (or an equals sign, as surveys are typed: "agency = bloom") after the label anywhere but
# after a determiner ("the company: awful", "my placement: hell" are prose); a dash only where the
# label opens a line (in speech "my employer - they were awful" is no answer); a question mark
# after a form's question.
def _labelled(label: str, question: str | None = None) -> re.Pattern:
    """The pattern of a form's ``label`` (or ``question``) and its answer (group ``value``)."""
    asked = rf"|(?<![\w'’-]){question}" if question else ""
    return re.compile(
        rf"(?:(?<![\w'’-])(?<!\bthe )(?<!\bthat )(?<!\bthis )(?<!\ba )(?<!\bno )(?<!\bmy )(?<!\bour )(?<!\bhis )"
        rf"(?<!\bher )(?<!\btheir ){label}[ \t]*[:=]|(?m:^)[ \t]*{label}[ \t]*[-–—](?=[ \t]){asked})[ \t]*"
        r"(?P<value>[^\n.;!?()\[\]\"“”]{1,80})", re.IGNORECASE)


_WORKPLACE_LABEL = _labelled(_LABEL, _WORKPLACE_QUESTION)
# A form's label for the place someone works or lives in, not an organisation: "Ward: Foxglove",
# "UNIT: CEDARS", "Site: The Laurels", "Location: Great Wrexley", "home town - brackley". (Not
# "Units:", "Area:", "Hospital:", "Estate:": a form asks units of alcohol, an area of work,
# whether someone was in hospital, what kind of estate, as often.)
_PLACE_LABEL = _labelled(r"(?:(?:current|previous|former|last|main|your)\s+)?(?:wards?|unit|sites?|base|location"
                         r"|town|home\s+town|village)")
# What each label holds, looked for first (most texts hold no label): a word of it, in the
# text lowered, and its colon, equals sign or dash.
_LABEL_CUE = re.compile("employer|workplace|org|compan|placement|agenc|charit|provider|work")
_PLACE_LABEL_CUE = re.compile(r"(?:wards?|unit|sites?|base|location|town|village)[ \t]*[:=—–-]")
_LABEL_MARK = re.compile(r"[:=\-–—?]")
# Where one item of the answer ends: a list's comma, "and", "then", a slash, a spaced dash.
_ITEM_ENDS = re.compile(r"\s*(?:,|\s/|/\s|\s(?:and|then|plus)\s|\s[-–—]\s)\s*", re.IGNORECASE)
# Answers that name no employer ("self-employed", "n/a", "various").
_NO_EMPLOYER = frozenset("""self employed self-employed selfemployed unemployed retired freelance freelancer none n/a na
nil various varied private independent student students sole trader locum bank agency agencies myself me same above
below see not applicable currently between jobs prefer say rather confidential multiple several different many
home work local authority government civil optional unknown unsure withheld tbc sector sectors voluntary third
statutory public big small large national regional""".split())
# Every word of a kind of workplace (data/workplace_kinds.txt), of any role: "charity", "council".
_KIND_WORDS = frozenset(w for role in lexicon.WORKPLACE_ROLES for kind in lexicon.workplace_kinds(role) for w in kind.split())


def kind_words() -> frozenset[str]:
    """Every word of a kind of workplace (data/workplace_kinds.txt), of any role: "charity"."""
    return _KIND_WORDS


# Words that make an answer a sentence, not a name ("Employer: they were fine").
_A_SENTENCE = frozenset("""i i'm i’m we we're they they're he she it it's you my our their his her was were is are be been
had have has did do does would could not""".split())
_LABEL_WORD = re.compile(r"[^\W_][\w'’&+/-]*")


def _answer_items(value: str) -> Iterator[list[re.Match]]:
    """The items of a labelled answer, each as its words (matches on the answer)."""
    start = 0
    for cut in [*_ITEM_ENDS.finditer(value), None]:
        end = cut.start() if cut else len(value)
        yield list(_LABEL_WORD.finditer(value, start, end))
        start = cut.end() if cut else len(value)


def _says_what_kind(word: str) -> bool:
    """A word that says what kind of workplace, or none, rather than which: "charity", "local",
    "hospital", "nhs", "self-employed", "the", a sector ("retail")."""
    return (word in STOP_WORDS or word in _STOP or word in _NO_EMPLOYER or word in service_words()
            or word in words_set("industries")
            or word in _KIND_WORDS or lexicon.is_field_word(word) or word in public_lower()
            or word.isdigit())


# A service, a project, a drop-in or a helpline, said to be one only with a word saying of what
# field or service before it ("a counselling service", "the youth project"; data: said-to-be-of-a-field).
_OF_A_FIELD = lexicon.workplace_kinds("said-to-be-of-a-field")
_VERBS_OF_BEING = frozenset("is was were are".split())


def _said_to_be_of_no_field(said: str | None, name: list[str], lower: bool) -> bool:
    """'is a service', 'the new project': a service, a project, a drop-in or a helpline said with no word
    before it saying of what field or service (``_OF_A_FIELD``; "a counselling service", "the
    youth project" say), which what is no workplace is said to be as often ("Therapy is a
    service", "Tuesday, the new project,"; an everyday word says none, "a small service"); or
    said of ordinary words and figures only, which name a part, a phase, a department, a
    channel or a time as often ("Phase 3 is the housing project", "Facilities is the cleaning
    service", "Chat is a crisis service", "Evenings is the counselling service"), of one word
    naming no workplace, an activity or a way of therapy, a process ("Pilates is a wellbeing
    project", "Mentoring is a youth project", "Tenancy is the housing service"), or of what a
    figure numbers ("Cohort 2 is the youth project"); or typed in
    lower case, where the words opening any clause are taken ("the best bit is the youth
    project", "next door is a counselling service")."""
    words = (said or "").lower().split()
    if not words or words[-1] not in _OF_A_FIELD or words[-1] in lexicon.workplace_kinds("said-to-be"):
        return False
    if lower or all(lexicon.is_ordinary(w) or w.isdigit() for w in name) \
            or len(name) == 1 and (_opens_no_name(name[0]) or _a_thing_or_people(name[0], name[0])
                                   or name[0] in words_set("ways_of_therapy")) \
            or len(name) == 2 and name[1].isdigit() and name[0] in words_set("numbered_by_a_figure"):
        return True
    return not any(_says_what_kind(w) and not lexicon.is_everyday(w) and w not in STOP_WORDS
                   for w in words[:-1] if w not in _VERBS_OF_BEING)


def _no_particular_workplace(lowered: list[str]) -> bool:
    """Words that name no one workplace: a public body's name whole ("the nhs", "age uk"), or
    only words of what kind of place, or none ("community team", "local authority")."""
    return public_opening(lowered) == len(lowered) or all(_says_what_kind(w) for w in lowered)


@register_recognizer("labelled-workplace", ("ORG",), gate=False, normalised=False)
def workplaces_in_a_labelled_answer(text: str) -> Iterator[Finding]:
    """'Employer: Lantern', 'workplace - compass', 'Previous employers: Lantern, Compass':
    after a label that asks where someone works, each item of the answer is a workplace's
    name, however ordinary its words and in any case; not an answer that says only what kind
    of place or none ("Employer: NHS", "employer: local authority", "Workplace: a charity",
    "employer: self-employed"), nor a sentence ("Employer: I work for the council")."""
    if _LABEL_MARK.search(text) and may_hold(_LABEL_CUE, text, text.lower()):
        for start, end in _labelled_names(_WORKPLACE_LABEL, text):
            yield Finding(start, end, "ORG", 0.6, "labelled-workplace")


# An answer saying where by other words ("near the river", "working from home", "a village
# called x"): the rules read those.
_SAYS_WHERE = frozenset("near by in at on outside off behind round around called named from with".split())


@register_recognizer("labelled-place", ("LOC",), gate=False, normalised=False)
def places_in_a_labelled_answer(text: str) -> Iterator[Finding]:
    """'Ward: Foxglove', 'WARD: HERON', 'Location: Great Wrexley': after a label that asks for
    the ward, unit, site or place someone works or lives in, each item of the answer is its
    name, as after a workplace's label, where a word of it is one English hardly uses, one wards
    are named after, or one capitalised as a name is; not what kind ("Ward: acute", "Site:
    main"), a number ("Ward: 7"), none ("Location: home"), ordinary words ("Ward: mixed sex")
    nor a nation ("Location: Scotland")."""
    if _PLACE_LABEL_CUE.search(text.lower()):
        capitalised = not text.isupper()
        for start, end in _labelled_names(_PLACE_LABEL, text):
            typed = _LABEL_WORD.findall(text[start:end])
            words = [w.lower() for w in typed]
            # (what kind only, "Ward: acute", is no answer _labelled_names gives)
            if _SAYS_WHERE.intersection(words) or " ".join(words) in lexicon.regions() \
                    or words[0] in ("yes", "no") or not any(
                        not lexicon.is_ordinary(w) or w in ward_names() or capitalised and t[0].isupper()
                        for w, t in zip(words, typed)):
                continue  # "Base: working from home", "Location: Scotland", "Ward: mixed sex" (ordinary
                # words, none capitalised as a name is nor one wards are named after)
            yield Finding(start, end, "LOC", 0.6, "labelled-place")


# Someone's own employer said by its name: "my employer is clearwater therapies", "our
# placement was at thimble", "my agency's called brightstaff" (not "my agency's rota": whose);
# groups "called", "called_s", "at": what says a name follows; group "name": up to four
# words, then a pause, the text's end or a word going on with the clause (or a chat word: "lol").
_MY_EMPLOYER_IS = re.compile(
    r"(?i:(?<![\w'’-])(?:my|our)\s+(?:(?:current|present|old|previous|last|main|first|new)\s+)?"
    r"(?:employer|workplace|placement|agency|company|organi[sz]ation|provider)"
    r"(?:\s+(?:is|was|are|were)(?:\s+(?P<called>called|named))?|['’]s\s+(?P<called_s>called|named))"
    r"\s+(?:(?P<at>at|with)\s+)?(?:the\s+)?)"
    r"(?P<name>[\w'’&-]+(?:[ \t]+[\w'’&-]+){0,3}?)"
    r"(?=[ \t]*(?:[.,;:!?)(—–/&]|[ \t]-[ \t]|$)|[ \t]+(?i:but|and|so|in|which|who|where|now|though|until|since"
    r"|for|as|because|cos|if|when|at|on|by|with|they|it|its|it's|im|i'm|i|next|innit"
    rf"|{alternatives(words('chat_abbreviations'))})\b)", re.MULTILINE)
_ENDS_A_WORKPLACES_NAME = lexicon.workplace_kinds("ends-name")
_A_DAY_SAID = re.compile(rf"(?i:{_WEEKDAYS}|{WEEKDAY_SHORT})s?")


def _no_name_of_one_word(typed: str) -> bool:
    """One word said to be someone's employer that names none: short capitals ("WFH", "TEWV":
    a way of working, a public body's letters), a figure in it ("gr8", "Y2"), a letter said
    thrice ("sooo"), a day of the week ("Mondays", "weds")."""
    lowered = typed.lower()
    return (typed.isupper() and len(typed) <= 5 or any(c.isdigit() for c in typed)
            or re.search(r"([a-z])\1\1", lowered) is not None
            or _A_DAY_SAID.fullmatch(typed) is not None)


@register_recognizer("my-employer-is", ("ORG",), gate=False, normalised=False)
def employers_said_by_name(text: str) -> Iterator[Finding]:
    """'my employer is called brackwell', 'our placement was at thimble for a year', 'my employer
    is clearwater therapies', 'My employer is Quillmere.': what someone says their employer,
    placement or agency is, is its name where what is said tells a name: "called", "at" or
    "with" before it, a kind of workplace ending it after a word no ordinary one, or a capital
    opening each of its words in a text typed with capitals; and a word of it is no ordinary one. What they
    say of it stays ("my employer is very supportive", "is gr8", "is wfh", "was shambolic", "is
    Covid compliant"), a kind of place or a public body ("my employer is the nhs", "a local
    charity", "Mind"), someone's kin ("Jo's mum"), a word of doing or how ("-ing", "-ed",
    "-ly"), a given name, a day."""
    lowered_text = text.lower()
    if "my " not in lowered_text and "our " not in lowered_text:
        return
    capitals = _CAPITAL_INSIDE.search(text) is not None
    for m in _MY_EMPLOYER_IS.finditer(text):
        typed, words = m.group("name"), m.group("name").lower().split()
        told = m.group("called") or m.group("called_s") or m.group("at")
        kind_ends_it = len(words) > 1 and words[-1] in _ENDS_A_WORKPLACES_NAME \
            and not all(lexicon.is_ordinary(w) for w in words[:-1])
        capitalised = capitals and not typed.isupper() \
            and all(w[:1].isupper() or w.lower() == "of" for w in typed.split())
        rest = words[public_opening(words):]  # (after a public name opening it: "Covid compliant")
        if not (told or kind_ends_it or capitalised) or words[0] in STOP_WORDS or not rest \
                or all(_says_what_kind(w) for w in words) or any(w.endswith(("'s", "’s")) for w in words[:-1]) \
                or all(lexicon.is_ordinary(w) or w in STOP_WORDS for w in rest) \
                or not (told or kind_ends_it) and words[-1].endswith(("ing", "ed", "ly")) or len(words) == 1 and (
                    words[0] in lexicon.first_names() or _no_name_of_one_word(typed) or _an_abstract_word(words[0])):
            continue
        yield Finding(m.start("name"), m.end("name"), "ORG", 0.6, "my-employer-is")


def _labelled_names(label: re.Pattern, text: str) -> Iterator[tuple[int, int]]:
    """The names answering each ``label`` of ``text``, an item of the answer each."""
    for m in label.finditer(text):
        at = m.start("value")
        for words in _answer_items(m.group("value")):
            lowered = [w.group().lower() for w in words]
            if not words or len(words) > 5 or any(w in _A_SENTENCE for w in lowered):
                continue
            opens = public_opening(lowered)
            if opens == len(lowered) or all(_says_what_kind(w) for w in lowered[opens:]):
                continue
            if "?" in m.group() and (any(w in STOP_WORDS for w in lowered) or len(lowered) == 1 and (
                    lexicon.is_everyday(lowered[0]) or _an_abstract_word(lowered[0]))):
                continue  # an answer to a question may be speech ("Roughly,", "Nowhere at the moment")
            first = next(i for i, w in enumerate(lowered) if i >= opens and w not in ("the", "a", "an"))
            yield at + words[first].start(), at + words[-1].end()


# ---------------------------------------------------------------- a workplace said to employ someone

# A kind only a workplace is, with up to three words saying more of it ("perinatal charity",
# "housing provider", "agency"; data/workplace_kinds.txt, said-to-be), or a service, a project,
# a drop-in or a helpline with a word of its field (said-to-be-of-a-field: what else is so said
# is told after a match, _said_to_be_of_no_field); none a small word, which would say what the
# kind is of ("a problem in this company").
KIND_ONLY_A_WORKPLACE_IS = (rf"(?:(?!(?i:{alternatives(STOP_WORDS)})\s)[a-z'’-]+\s+){{0,3}}?"
                             rf"(?:{alternatives(lexicon.workplace_kinds('said-to-be') | _OF_A_FIELD)})(?![\w'’-])")
# What only an employer or a placement does to someone, said of it: "took me on" (not "took me
# on a journey"), "hired me", "made me redundant", "is where I trained"; an adverb may come
# first ("never paid me on time", "finally took me on").
_EMPLOYS = (r"(?:(?:never|always|only|still|now|just|then|finally|eventually"
            r"|(?:don|doesn|didn|won|wouldn)['’]?t)\s+)?"
            r"(?:(?:took|take|takes)\s+(?:me|us)\s+on\b(?!\s+(?:a|an|the|my|our|this|that|board|holiday)\b)|(?:hired|hires|employed|employs|recruited|poached|sacked|headhunted|seconded)"
            r"\s+(?:me|us)|made\s+(?:me|us)\s+redundant|(?:let|lets)\s+(?:me|us)\s+go\b|(?:offered|gave)\s+(?:me|us)\s+"
            r"(?:a|the)\s+(?:[a-z-]+\s+){0,2}?(?:job|post|role|contract|placement|position)\b"
            # where someone works, or the place they first or last did: "is where I trained", "was
            # the first place I worked"
            r"|(?:is|was|were)\s+(?:where|(?P<first_place>the\s+(?:(?:first|last|only|main)\s+)?place))\s+(?:I|we)"
            r"(?:['’]ve|['’]d|\s+have|\s+had)?\s+(?:been\s+)?"
            r"(?:work|worked|working|trained|qualified|volunteer|volunteered|started|did\s+my|was\s+(?:employed|based|placed))"
            # what an employer does to its staff's pay, hours and jobs, or to a service's contract:
            # "paid us late", "cut our hours", "laid us off", "took over the contract", "went bust"
            r"|paid\s+(?:(?:me|us|staff|everyone)\s+)?(?:late|on\s+time)|(?:cut|slashed|halved|froze)\s+(?:my|our|their|the|staff'?s?)\s+"
            r"(?:hours|pay|wages|shifts|sessions|rates?|mileage)|laid\s+(?:me|us|staff|people)\s+off"
            # what it pays its staff: "never paid mileage", "paid £20 a session", "pays for supervision"
            r"|(?P<pays>(?:pay|pays|paid)\s+"
            r"(?:(?:me|us|staff|trainees|everyone|therapists|counsellors|nurses|clinicians|associates|workers)\s+)?"
            r"(?:(?:about|around|roughly|only|just|nearly|barely|over|under"
            r"|less\s+than|more\s+than|like)\s+)?(?:£\s?\d+(?:\.\d+)?|band\s+\d|\d+\s*(?:pounds|quid)\b"
            r"|(?:mileage|travel|expenses|holiday\s+pay|sick\s+pay)\b"
            r"|for\s+(?:supervision|training|travel|mileage|cpd)\b|by\s+the\s+(?:hour|session)\b))"
            # how well it pays, against another employer: "pays better than the NHS", "paid peanuts"
            r"|(?P<how_well>(?:pay|pays|paid)\s+(?:(?:me|us|staff|everyone|its\s+staff)\s+)?(?:better|more|less|worse"
            r"|well|badly|poorly|properly|fairly|decently|nothing|peanuts|rubbish)\b)"
            # what it gives its staff, or not: "don't offer any sick pay", "gave us no CPD budget"
            r"|(?P<gives>(?:offer|offers|offered|give|gives|gave|provide|provides|provided)\s+(?:(?:me|us|staff|trainees"
            r"|everyone|any|no|proper|decent|paid|free)\s+){0,2}(?i:sick\s+pay|holiday\s+pay|maternity\s+pay"
            r"|(?:clinical\s+)?supervision|cpd|training|pensions?|mileage|expenses)\b)"
            r"|(?:took|take|takes)\s+(?:over|on)\s+(?:the|our)\s+(?:contract|service|tender)"
            # "lost the contract", "have just lost their NHS contract", "is who I work for"
            r"|(?:won|lost)\s+the\s+(?:contract|tender)\b|went\s+(?:bust|into\s+administration)"
            r"|(?P<contract>(?:(?:has|have|had)\s+(?:just\s+)?)?(?:won|lost)\s+(?:the|their|its|our|a|an)\s+"
            r"(?:[A-Za-z]+\s+)?(?:contract|tender))"
            r"|(?P<who_for>(?:is|was)\s+who\s+(?:I|we)\s+(?:work|worked|volunteer|volunteered)\s+for\b)"
            # what an employer does with its staff: "sent me on the DBT training", "had me on a
            # zero-hours contract"
            r"|(?P<sent_or_had>sent\s+(?:me|us)\s+on\s+(?:a|an|the|their|its)\s+(?:[A-Za-z-]+\s+){0,2}?"
            r"(?:training|course)\b|had\s+(?:me|us)\s+on\s+(?:a|an)\s+(?:[A-Za-z-]+\s+){0,2}?contract\b)"
            # what it does to its staff, or is to them: "treat the agency staff like dirt", "put me on
            # nights", "put everyone on fixed-term contracts", "offered me two days a week", "are hiring
            # again", "were okay as employers", "were understaffed"
            r"|(?P<of_its_staff>(?:treat|treats|treated)\s+(?:its\s+|their\s+|the\s+|our\s+)?(?:agency\s+|bank\s+)?"
            r"staff\b"
            r"|put\s+(?:me|us|everyone|staff)\s+on\s+(?:nights|days|lates|earlies|bank|(?:[a-z-]+\s+)?contracts?)\b"
            r"|offered\s+(?:me|us)\s+(?:[a-z]+\s+){0,2}?(?:days|hours|shifts|sessions)\b"
            r"|(?:is|are|was|were)\s+(?:always\s+|still\s+|now\s+)?(?:hiring|recruiting)\b"
            r"|(?:is|are|was|were)\s+(?:[a-z]+\s+){0,2}?as\s+(?:an?\s+)?employers?\b"
            r"|(?:is|are|was|were)\s+(?:always\s+|so\s+|really\s+|chronically\s+)?(?:understaffed|short[- ]staffed)\b)"
            # said to be a place to work: "was a good place to work once" (of a town as often)
            r"|(?P<place_to_work>(?:is|was|were|are|used\s+to\s+be)\s+(?:a|an|the)\s+(?:[a-z]+\s+){0,2}?place\s+to"
            r"\s+work\b)"
            # what is said only of an employer: "were great to work for", "paid my BACP fees"
            r"|(?P<to_work_for>(?:is|are|was|were)\s+(?:[a-z]+\s+){1,2}?to\s+work\s+(?:for|at)\b)"
            r"|(?P<pays_for>(?:paid|pays|pay)\s+(?:for\s+)?(?:my|our)\s+(?:[A-Za-z]+\s+){0,2}?(?:fees|registration"
            r"|membership|insurance|training|supervision|dbs|wages|salary|salaries|pension)\b)"
            # or said to be the name of one: "is the name of the youth project"
            rf"|(?P<named_as>(?:is|was)\s+the\s+name\s+of\s+(?:the|a|an|our|my|their)\s+(?:[a-z-]+\s+){{0,2}}?"
            rf"(?:{alternatives(lexicon.workplace_kinds('said-before') | _OF_A_FIELD)})\b)"
            # how many it employs: "employs about forty people", "employed 200 staff"
            r"|(?P<employs_many>(?:employ|employs|employed)\s+(?:(?:about|around|over|under|nearly|almost|just|some"
            r"|roughly|maybe|like)\s+)*"
            rf"(?:\d[\d,]*|(?:a\s+)?(?:few\s+)?(?:dozen|hundred|thousand)|(?:{TENS_WORD}|{TEEN_WORD}|{UNIT_WORD})"
            rf"(?:[ -](?:{UNIT_WORD}|hundred|thousand))*)"
            r"\s+(?:people|staff|counsellors|therapists|clinicians|nurses|workers)\b)"
            # what befalls a service, said where the clause ends or goes on with when: "folded in
            # 2021", "got taken over by", "closed down." (of ordinary words as often: "funding closed")
            r"|(?P<befalls>(?:(?:got|was|were|been)\s+)?(?:closed|folded|shut|wound\s+up|taken\s+over|bought\s+out)"
            r"(?:\s+down)?(?=\s*(?:[.,;:!?]|$)|\s+(?:in|last|after|before|when|because|and|but|by|during|overnight"
            r"|i|we|they|everyone|most|all)\b)"
            r"|went\s+under|merged\s+with)"
            # or said to be the speaker's employer: "were my employer", "has been our main employer"
            # ("Retail is a terrible employer", "the employer's duty" say what kind or whose)
            r"|(?:is|was|were|are|(?:has|have)\s+been)\s+(?:my|our)\s+(?:[a-z]+\s+){0,2}?employer(?![\w'’-])"
            # or said to be what only a workplace is: "is a perinatal charity", "was my agency"
            # (or the only one of its kind around: "was the only charity round here doing trauma work")
            rf"|(?P<said_to_be>(?:is|was|were|are)\s+(?:a|an|the|my|our)\s+(?:(?:only|main|last)\s+)?{KIND_ONLY_A_WORKPLACE_IS}"
            r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:I|we|that|which|who|where|run|based|until|since|and|but|for|before"
            r"|after|when|while|in|near|at|on|round|around|doing|offering|taking)\b))"
            # or said to be the speaker's first or last job or placement: "Bloom was my first job"
            r"|(?P<first_job>(?:is|was)\s+(?:my|our)\s+(?:first|last|second|third|previous|old|current|main)\s+"
            r"(?:job|employer|placement|post)\b))")
# Set apart by commas as what only a workplace is: "Acorns, the youth charity, closed"; not
# where the list goes on ("Money, the agency, the hours, all of it").
_A_LISTS_NEXT_ITEM = re.compile(r"[ \t]*,[ \t]*(?:the|a|an|my|our|and)\b", re.IGNORECASE)
# (who it serves or where it is may follow, then a comma, a bracket or a quote closing it:
# "Tapestry, the eating disorder service for adults in Leeds,"; not a full stop, "Lads, the
# agency in Leeds rang.")
# Or what the speaker is to it, in a clause of their own: "Pathways, the charity I work for, is tiny".
_SET_APART_AS_A_WORKPLACE = (rf",[ \t]+(?P<apposed>(?i:a|an|the|my|our)[ \t]+{KIND_ONLY_A_WORKPLACE_IS})"
                             r"(?:[ \t]*(?=[,.;:!?)]|$)|[ \t]+(?:for|in|of|across|covering)(?:[ \t]+[\w'’-]+){1,5}?"
                             r"[ \t]*(?=[,)\"”’])"
                             r"|[ \t]+(?:(?:that|which)[ \t]+)?(?:I|we)(?:['’]d|['’]ve)?(?:[ \t]+[\w'’-]+){1,4}?[ \t]*(?=[,)\"”’]))")
# ... or said to have what only a workplace has: "Bloom's waiting list", "harbour's trustees"
# ... or what a workplace has far more often than a person ("Canopy's rota", "Quillby's staff";
# group "owns_too": of one word, no one's name, no person's word, no thing's: _owns_too_no_workplace)
_MORE_THAN_PEOPLES = alternatives(words("workplace_belongings_more_than_peoples"))
_WHAT_A_WORKPLACE_HAS = (rf"(?P<owns>['’]s[ \t]+(?i:{alternatives(words('workplace_only_belongings'))}))"
                         r"(?![\w'’-])"
                         rf"|(?P<owns_too>['’]s[ \t]+(?i:{_MORE_THAN_PEOPLES}))(?![\w'’-])")
# Words that open a clause before its subject ("so", "then", "honestly"): no part of a name.
_CLAUSE_OPENERS = alternatives(words("clause_openers"))
_CLAUSE_OPENER_WORDS = words_set("clause_openers")
# The town a workplace is in, said between its name and what it does ("Willow Point in Derry
# closed"): no part of the name.
_IN_ITS_TOWN = r"(?:[ \t]+in[ \t]+(?P<town>[A-Za-z][\w'’-]*))"
# (a sentence, a clause or a list's item opens the name: "- Compass hired me")
_NAME_EMPLOYS = re.compile(
    rf"(?:^|(?<=[.!?:;,])\s+|\n\s*|(?<=\())(?:[-*•][ \t]+)?[\"“‘']?(?:(?i:{_CLAUSE_OPENERS})"
    r"[ \t,]+)*(?P<name>[A-Z][\w'’&-]*(?:[ \t]+(?:[A-Z][\w'’&-]*|&|and|of|\d+)){0,3})"
    rf"(?:{_IN_ITS_TOWN}?[ \t]+(?:{_EMPLOYS})\b|{_SET_APART_AS_A_WORKPLACE}|{_WHAT_A_WORKPLACE_HAS})")
# Words opening a clause that hangs on another ("when thistle lost the contract, ..."): no name's.
_SUBORDINATORS = frozenset("when whenever after before once until till while whilst because since though although".split())
# Who or what else takes someone on: a person, a kind of place, a pronoun ("They", "My manager").
_NOT_AN_EMPLOYER = frozenset("""home work school college uni university church they he she it this that someone somebody
nobody everyone everybody anyone who which what mum dad family lady guy man woman bloke fella girl person friend
mate boss here there upstairs downstairs bed bedroom kitchen garden outside inside online abroad prison jail
retail hospitality army theirs ours mine yours hers his""".split())


# The same typed without capitals (a survey's answer, or capitals read as lower case): the
# words opening the clause before what only an employer does; or an acronym there, where a
# text's only capitals are acronyms ("BPCT took me on", which no capitalised word opens).
_LOWER_NAME_EMPLOYS = re.compile(
    rf"(?:^|(?<=[.!?:;,])\s+|\n\s*)(?:[-*•][ \t]+)?[\"“‘']?(?:(?i:{_CLAUSE_OPENERS})[ \t,]+)*"
    r"(?P<name>(?:[a-z][\w'’&-]*|[A-Z]{2,}(?![\w'’&-]))(?:[ \t]+[a-z0-9][\w'’&-]*){0,3}?)"
    rf"(?:{_IN_ITS_TOWN}?[ \t]+(?i:{_EMPLOYS})\b|(?i:{_SET_APART_AS_A_WORKPLACE})|{_WHAT_A_WORKPLACE_HAS})")


_POSTS = frozenset({"placement", "placements", "role", "job", "post", "position"})
# Work done, before a shift ("worked nights (agency)"; "caring nights (care agency)" is a name).
_WORK_DONE = frozenset({"work", "worked", "working", "works", "doing", "did", "do", "done"})


def _a_job_or_a_post(words: list[str]) -> bool:
    """Words naming a job or a post, not a workplace: a post alone ("placement", "role"), or a job
    in the singular after words of jobs and services ("team leader", "senior support worker";
    "call the doctor", "kind carers" may name a service)."""
    from ingest.redact.names import JOB_MODIFIERS, ROLE_WORDS  # (names imports this module)

    if len(words) == 1:
        return words[0] in _POSTS
    return words[-1] in ROLE_WORDS and not words[-1].endswith("s") and all(
        w in JOB_MODIFIERS or w in ROLE_WORDS or w in service_words() or w in _KIND_WORDS for w in words[:-1])


@functools.lru_cache(maxsize=1)
def _a_role() -> re.Pattern:
    """A word for someone's job or relation ("manager", "boss"): "My Manager hired me"."""
    from ingest.redact.names import ROLE_NOUNS

    return re.compile(rf"(?:{ROLE_NOUNS})", re.IGNORECASE)


def _a_shift_or_a_job_in_the_plural(word: str) -> bool:
    """A way of being paid, a shift or a job in the plural: "Nights pay £20 more", "Cleaners pay
    nothing" ("Reflections pay £25 a session" is a name; so, as often, is a kind in the plural,
    "Foundations took me on")."""
    return word.endswith("s") and (word in words_set("payment_means") or word in words_set("shifts_paid")
                                   or _a_role().fullmatch(word.removesuffix("s")) is not None)


# What is said of people and things as often as of an employer ("were great to work for", "paid
# my fees", "treat staff", "are hiring", "were understaffed"): one word said so is a name only
# where it is no plural of a word, no abstract noun, no family and no count.
_SAID_OF_MORE_THAN_EMPLOYERS = ("contract", "who_for", "sent_or_had", "of_its_staff", "to_work_for", "pays_for",
                                "place_to_work", "owns_too")


def _a_thing_or_people(word: str, typed: str) -> bool:
    """One word said to do what people and things do as often as employers: the plural of a
    word or a shift ("Residents treat staff well", "Mornings were understaffed", "Weekdays were
    okay"), an abstract noun ("Leadership was awful to work for", "Redundancy paid for my
    training"), people, family or a count ("People treat staff badly", "Hubby paid my fees",
    "Loads are hiring"), a role's, a panel's or a job's letters ("The SMT were understaffed",
    "the idvas", "The DNs"). (Typed in lower case, ordinary words said so are none either: "a
    bursary paid my fees", "service users treat staff well".)"""
    letters = typed.upper()
    return (_plural_of_a_word(word) or word in words_set("shifts_paid")
            or _an_abstract_word(word) or word.endswith(("ancy", "ency"))
            or word in words_set("family_and_counts")
            or len(letters) <= 6 and (letters_of_roles_or_panels(letters)
                                      or bool(_said_by_initials() & {letters, letters.removesuffix("S")})))


_SOMEONES_ENDING = re.compile(rf"(?:{english_endings('someone')})$")


def _owns_too_no_workplace(lowered: list[str], lower: bool) -> bool:
    """Said to have a workplace's staff, rota or managers ("Canopy's rota"), what is no
    workplace: more than one word ("Mrs Brown's", "Harrowgate Hub's": the name rules'); a word
    English writes often ("Kid's", "Pub's", "Welfare's", "Navy's"), a kind of place or time
    ("Gym's", "Lunchtime's"), what everyone is called or a hyphened kin ("Aunty's", "Ex-wife's";
    family and friends, "Bestie's", are ``_a_thing_or_people``'s, read of this too), a surname
    ("Patel's": someone's), a word English writes for a person by what they do or are
    ("Dentist's staff", "Pharmacist's staff", "Carer's rota"); anything typed in lower case ("my
    lodger's contract": a clause's opening words are taken there)."""
    word = lowered[0]
    return (lower or len(lowered) > 1 or "-" in word or lexicon.zipf(word) >= lexicon.COMMON_WORD_ZIPF
            or an_everyday_thing(word) or word in words_set("what_everyone_is_called") or word in lexicon.surnames()
            or not lexicon.is_rare(word) and _SOMEONES_ENDING.search(word) is not None)


def _pays_no_one(lowered: list[str], after_the: bool) -> bool:
    """Said to pay better or worse or to give sick pay, what is no employer: a way of being paid
    ("Overtime pays better", data: payment_means), things in the plural with no article ("Nights
    pay better", "Charities don't offer sick pay"; "The Willows pays better" is a name)."""
    return all(w in words_set("payment_means") for w in lowered) or not after_the and len(lowered) == 1 \
        and _plural_of_a_word(lowered[0])


# Days said of, which have what a workplace has too ("yesterday's meeting", "today's rota").
_WHEN_SAID_OF = frozenset("today tomorrow yesterday tonight weekend".split())


def _owner_not_a_workplace(lowered: list[str]) -> bool:
    """What else has a waiting list or funding, employs so many or was someone's first job:
    a person or a place ("Sarah's", "Scotland's"), a time ("today's", "last year's"), an
    everyday word ("People's"), what is done ("Babysitting was my first job"), things of a kind
    ("Hospitals employ", "Nights was my first job") or a word of the field ("Forensics")."""
    last = lowered[-1]
    return (last in lexicon.places() or last in lexicon.regions() or last in lexicon.first_names()
            or last.capitalize() in lexicon.ordinary_proper_nouns()[0] or last in _WHEN_SAID_OF
            or _TIME_WORD.fullmatch(last) is not None or all(map(lexicon.is_everyday, lowered))
            or len(lowered) == 1 and (last.endswith("ing") or _plural_of_a_word(last) or lexicon.is_field_word(last)
                                      or last in service_words()))


def _a_town(word: str) -> bool:
    """A town the gazetteer knows ("derry"), or a word English hardly writes ("quarnwell")."""
    return word in lexicon.places() or _a_word_no_list_knows(word) or _a_rare_place_word(word)


def _plural_of_a_word(word: str) -> bool:
    """'nights', 'churches', 'charities': the plural of an ordinary English word."""
    return word.endswith("s") and any(map(lexicon.is_ordinary, (word[:-1], word[:-2], word[:-3] + "y")))


@register_recognizer("workplace-employs", ("ORG",), gate=False, normalised=False)
def workplaces_said_to_employ(text: str) -> Iterator[Finding]:
    """'Compass took me on as a trainee', 'Harbour is where I trained': capitalised words
    opening a sentence, said to employ, hire, place or let go of the speaker, or said to have
    closed, folded or been taken over ("Thistle closed in 2020"; not where every word is
    ordinary, "Funding closed in March"), said to employ so many people, to have what only a
    workplace has ("Bloom's waiting list"; not a person's, a town's, a time's or a public
    body's), or what it has far more often than a person, of one word English writes seldom,
    no one's name, kin, a person's word nor a kind of place, capitalised ("Canopy's rota",
    "Quillby's staff": ``_owns_too_no_workplace``), or to be the speaker's first job, or said
    to be, or set apart by commas as, what only a workplace is ("Brambles is a perinatal
    charity", "Acorns, the youth charity, closed"; not "a practice", "a service"), are a
    workplace's name, however ordinary; a service, a project, a drop-in or a helpline of a
    field only where the name holds a word no ordinary one ("Quarrow Lights is a counselling
    service": ``_said_to_be_of_no_field``); not a
    pronoun, a kind of place or body ("Home is where I work", "The agency hired me"), a public
    body ("The NHS employed me"), nor a name given to people (the person rules' to find).
    Typed without capitals (or all in capitals), the words opening the clause: "next step took
    me on", "THE WILLOWS HIRED ME", "when thistle closed" ("when" is no part of it); said of
    ordinary words so only where they are a workplace's more than a town's or a job's, said to
    be a place to work, two or more of them and none saying what kind of place, thing or time
    ("true shore was a lovely place to work"; not "the city", "the temp agency"); the town it is
    in said before what it does is no part of it ("Willow Point in Derry closed"); where
    capitals open sentences only, both ("Compass hired me.", "Honestly mossgate was a lovely place
    to work.")."""
    typed = _as_typed(text)
    if not _CAPITAL_INSIDE.search(typed):
        yield from _said_to_employ(typed, True)
        return
    found = list(_said_to_employ(typed, False))
    yield from found
    if _names_in_lower_case(typed):  # (a name the capitals' reading took is not read again)
        yield from (f for f in _said_to_employ(typed, True)
                    if not any(f.start < g.end and g.start < f.end for g in found))


# What a workplace has ("office", "staff", "management"), which ends no name typed in lower case
# ("the staff at head office", "senior staff hired me").
_A_WORKPLACES_OWN = words_set("workplace_belongings")
# A verb said of someone or something in its "-s" form ("gets", "says", "was"), which ends no
# name typed in lower case ("the provider gets paid more"); "works" may ("forward works took me on").
_SAID_OF_ONE_NOW = frozenset(w for w in words_set("verbs_after_a_name") if w.endswith("s") and w != "works")


def _said_to_employ(typed: str, lower: bool) -> Iterator[Finding]:
    """``workplaces_said_to_employ``'s names typed capitalised, or (``lower``) in lower case."""
    for m in (_LOWER_NAME_EMPLOYS if lower else _NAME_EMPLOYS).finditer(typed):
        if m.start() and typed[m.start() - 1] == "(" and not m.group("apposed"):
            continue  # an aside in brackets opens with what it is about as often ("(Cuts made us redundant)")
        tokens = list(re.finditer(r"\S+", m.group("name")))
        if post := _POST_AT.search(m.group("name")):
            tokens = [t for t in tokens if t.start() >= post.start("name")]  # "nurse at quiet harbour
            # paid late": someone's post and "at" before the name are no part of it
        if said := [i for i, t in enumerate(tokens) if t.group().lower() in _SAYS_ITS_NAME]:
            tokens = tokens[said[-1] + 1:]  # "a charity called willow took me on": the name follows "called"
        while tokens and (tokens[0].group().lower() in _STOP or tokens[0].group().lower() in _SUBORDINATORS
                          or not lower and tokens[0].group().lower() in STOP_WORDS):
            tokens = tokens[1:]  # "The", "Then", "So", "when": the sentence's words before the name
            # (in lower case not every small word: "next step took me on")
        lowered = [t.group().lower() for t in tokens]
        if not tokens or lowered[0] in _NOT_AN_EMPLOYER or lowered[0] in STOP_WORDS and lower and len(lowered) == 1 \
                or lower and len(lowered) > 1 and (lowered[-1] in _SAID_OF_ONE_NOW
                                                   or lowered[-1] in _A_WORKPLACES_OWN) \
                or any(w in _A_SENTENCE or w.endswith(("'s", "’s")) for w in lowered) or _no_particular_workplace(lowered) \
                or given_in_britain(lowered[0]) or _a_role().fullmatch(lowered[-1].removesuffix("s")) \
                or len(lowered) == 1 and lowered[0].endswith("ing") and lexicon.is_ordinary(lowered[0]) \
                or all(t.group() in lexicon.ordinary_proper_nouns()[0] for t in tokens) \
                or lower and len(tokens) == 1 and tokens[0].group().capitalize() in lexicon.ordinary_proper_nouns()[0] \
                or m.group("befalls") and all(map(lexicon.is_ordinary, lowered)) \
                or m.group("town") and not _a_town(m.group("town").lower()) \
                or (m.group("how_well") or m.group("gives")) \
                and _pays_no_one(lowered, len(tokens) < len(m.group("name").split())) \
                or m.group("pays") and len(lowered) == 1 and _a_shift_or_a_job_in_the_plural(lowered[0]) \
                or m.group("owns_too") and _owns_too_no_workplace(lowered, lower) \
                or any(m.group(g) for g in _SAID_OF_MORE_THAN_EMPLOYERS) and (
                    len(lowered) == 1 and _a_thing_or_people(lowered[0], tokens[0].group())
                    or lower and all(map(lexicon.is_ordinary, lowered))
                    and not (m.group("place_to_work") and len(lowered) > 1
                             and not _everyday_words_name_none(lowered))) \
                or len(tokens) == 1 and tokens[0].group().isupper() and letters_of_something_else(tokens[0].group()) \
                or (m.group("owns") or m.group("owns_too") or m.group("employs_many") or m.group("first_job")
                    or m.group("place_to_work") or m.group("first_place")) \
                and _owner_not_a_workplace(lowered) \
                or (m.group("said_to_be") or m.group("apposed")) and len(lowered) == 1 \
                and lexicon.is_everyday(lowered[0]) \
                or _said_to_be_of_no_field(m.group("said_to_be") or m.group("apposed"), lowered, lower) \
                or m.group("apposed") and (lowered[-1].endswith("ly") or lowered[0] in words_set("interjections")
                                           or lowered[0] in _CLAUSE_OPENER_WORDS or lowered[0] in words_set("times_said_alone")
                                           or _A_LISTS_NEXT_ITEM.match(typed, m.end())
                                           or lower and all(map(lexicon.is_ordinary, lowered))):
            continue  # (a party, a faith, a day the ordinary list keeps: "The Tories cut our pay";
            # people by their role, "Patients pay for travel"; a process, "Restructuring cut our hours"
            # (not other abstract endings: charities are named "Resilience", "Balance");
            # a public body's or a job's letters: "NHS took me on", "HCA is where I started";
            # one everyday word said to be what a workplace is, "Love was my agency, not money";
            # an adverb, a word opening a clause, a day or an interjection set apart, "Sadly, the
            # charity, closed", "Yesterday, the charity I work for, closed", "Overall, the charity, was good"; items of a list, "Money, the
            # agency, the hours"; in lower case everyday words, "anyway, the agency, ...")
        yield Finding(m.start("name") + tokens[0].start(), m.end("name"), "ORG", 0.6, "workplace-employs")


# ---------------------------------------------------------------- a workplace's name in quotes, typed in lower case

# Words in quotes or brackets, typed in lower case: one to four, no quote mark inside ("'larch
# court'", "(ripples)").
_QUOTED_LOWER = re.compile(r"(?:^|(?<=[\s(]))"
                           r"(?:[\"“'‘](?P<name>[a-z][a-z0-9’&-]*(?:[ \t]+[a-z0-9&][a-z0-9’&-]*){0,3})"
                           r"[\"”'’]|\((?P<bracketed>[a-z][a-z0-9’&-]*(?:[ \t]+[a-z0-9&][a-z0-9’&-]*){0,3})\))"
                           r"(?![\w'’])")
# Someone's work at a workplace straight before the quotes ("worked at", "a job for", "sessional
# for", "joined", "left", "employed by", "employer:"); group "weak": words said of far more
# ("with", "via", "thru", "called", "renamed": "a post with 'career progression'", "called
# 'business needs'"), after which only a word English never wrote is a name.
_PLACED_BEFORE_QUOTES = re.compile(
    r"(?<![\w'’-])(?:work(?:s|ed)?[ \t]+(?:at|for)|(?:jobs?|post|placement|contracts?|shifts?|sessional|sessions"
    r"|volunteer(?:s|ed|ing)?|based)[ \t]+(?:at|for)|working[ \t]+for|employed[ \t]+(?:at|for|by)|joined"
    r"|(?P<left>left|leaving)"
    r"|employer[ \t]*[:-]|(?:employer|agency)[ \t]+(?:is|was)"
    r"|(?P<weak>with|by|via|thru|through"
    r"|(?:now|then|is|was|were|it['’]?s)?[ \t]*(?:called|renamed|rebranded[ \t]+as)))"
    r"[ \t]+$", re.IGNORECASE)
# A kind only a workplace is, straight after a name's quotes ("'the beeches' supported living"),
# and what says the quotes say of what kind one is ("a 'dry' hostel", "our 'sister' care home").
_A_WORKPLACES_KIND_AFTER_QUOTES = re.compile(
    rf"[ \t]+(?:{alternatives(lexicon.workplace_kinds('said-to-be') | {'supported living', 'hostel'})})(?![\w'’-])",
    re.IGNORECASE)
_A_OR_OWNED_BEFORE = re.compile(r"(?<![\w'’-])(?:a|an|our|my|their|the|this|that)[ \t]+$", re.IGNORECASE)
# What only a workplace or an app is, said straight after its name ("'mendwell' app"): not a
# group, a team, a system, a kind of care or sessions, which a phrase in quotes says what kind
# of ("'walk and talk' group", "'traffic light' system").
_KIND_AFTER_QUOTES = re.compile(r"[ \t]+(?:app|apps|platform|agency|company|firm|provider|startup|ltd|limited|cic"
                                r"|charity)(?![\w'’-])", re.IGNORECASE)
# Where a name ends after its quotes: a pause, or words of when or where ("thru 'shiftfill'.",
# "left 'oakfield' in 2018"); not a noun it says what kind of ("with 'neurospicy' kids"). After
# "left", only a pause or when ("left 'oakfield' in 2018"; "left 'voicemails' and got nothing").
_LEFT_WHEN = re.compile(
    r"[ \t]*(?:[.,;:!?)—–]|$)|[ \t]+\d+[ \t]*(?:yrs?|years?|months?)\b"
    r"|[ \t]+(?:(?:in|since|before|after|by)[ \t]+(?:\d|the[ \t]+(?:summer|spring|autumn|winter"
    r"|end|start|beginning)\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|(?:a|an|one|two|three|four"
    r"|five|six|seven|eight|nine|ten)[ \t]+(?:years?|yrs?|months?|weeks?)\b)|last[ \t]+(?:year|month|week|spring"
    r"|summer|autumn|winter)\b)", re.IGNORECASE)
_ENDS_AFTER_QUOTES = re.compile(r"[ \t]*(?:[.,;:!?)—–]|$|-[ \t])"
                                r"|[ \t]+(?:\d|(?:for|in|as|on|at|and|but|until|till|since"
                                r"|before|after|when|then|from|to|because|so|lol|tbh|ffs|every|each|mostly|mainly"
                                r"|usually|most|now"
                                r"|still|full|part|weekends|nights|days|mornings|evenings"
                                r"|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)"
                                r"\b)", re.IGNORECASE)


# A kind of workplace straight before a word said of far more ("a tiny cic called", "an agency
# called", "agency shifts with", "the provider thru").
_A_KIND_BEFORE_THE_CUE = re.compile(rf"(?<![\w'’-])(?:{alternatives(lexicon.workplace_kinds('said-to-be'))})"
                                    r"(?:[ \t]+(?:shifts?|work|jobs?|placements?|bank))?[ \t]*,?[ \t]*$", re.IGNORECASE)
# A kind of place, a ward or a home straight before the words that name it ("unit is called",
# "a home named"): what is named is that place.
_A_PLACE_BEFORE_ITS_NAMING = re.compile(rf"(?<![\w'’-])(?:{alternatives(_PLACE_KINDS | {'ward', 'home', 'wing'})})"
                                        r"[ \t]*,?[ \t]*$", re.IGNORECASE)
_KINDS_OF_SERVICE = frozenset("service services team teams support project unit line".split())
_AT_OR_FOR = re.compile(r"(?<![\w'’-])(?:at|for)[ \t]+$", re.IGNORECASE)
# A post before "at", "for" ("therapist at", "a hca for").
_A_POST_AT = re.compile(r"(?<![\w'’-])(?P<post>[a-z]+)[ \t]+(?:at|for)[ \t]+$", re.IGNORECASE)


def _names_before_its_kind(words: list[str], strict: bool = False) -> bool:
    """The words of a workplace's name before its kind ("still waters", "oaks", "clearwater care",
    "sanctuary"): the first none of grammar, a service's, the field's or everyday; a word after it
    may be a service's ("clearwater care homes"), not grammar's or everyday ("walk and talk").
    ``strict`` (after the name's article, or a bare "at"): the first no common word either ("the
    joint practice", "the strategic partnership", "the extra care homes" say what kind)."""
    def plain(w: str) -> bool:
        return w in STOP_WORDS or lexicon.is_everyday(w) or lexicon.is_field_word(w)

    first, *rest = words
    return not (plain(first) or first in service_words()
                or strict and (lexicon.zipf(first) >= lexicon.COMMON_WORD_ZIPF or first.endswith("ing"))) \
        and not any(plain(w) and w not in service_words() or w in STOP_WORDS for w in rest)


@register_recognizer("workplace-quoted-lower", ("ORG",), gate=False, normalised=False)
def workplaces_quoted_in_lower_case(text: str) -> Iterator[Finding]:
    """'worked at 'larch court' for 5 yrs', 'joined 'bridgeway' in 2017', 'worked for 'safe
    steps'', 'sessional for 'mendwell' app', 'bank shifts with 'carewell'': in a text typed in
    lower case, where a name has no capital to show it, quotes or brackets mark one after
    someone's work at a workplace, where the name ends, however ordinary its words; after a
    word said of far more ("with", "thru", "called") or before what only a workplace or an app
    is, a word English never wrote. Not what someone said or had ("left 'high and dry'", "called
    'business needs'", "worked for 'big pharma'", "volunteered at 'soup kitchen'", "left (long
    story)"): a word of grammar in it, what kind of place, thing or time, an everyday or
    abstract word alone, a figure, a job, a public name."""
    typed = _as_typed(text)
    if not any(q in typed for q in "'‘\"“(") or not _names_in_lower_case(typed):
        return
    for m in _QUOTED_LOWER.finditer(typed):
        group = "name" if m.group("name") else "bracketed"
        words = m.group(group).split()
        if group == "name" and _A_WORKPLACES_KIND_AFTER_QUOTES.match(typed, m.end()) \
                and not _A_OR_OWNED_BEFORE.search(typed, max(0, m.start() - 6), m.start()) \
                and " ".join(words) not in public_lower() and not _a_role().fullmatch(words[-1].removesuffix("s")) \
                and not all(_says_what_kind(w) for w in words) \
                and not any(w in STOP_WORDS or lexicon.zipf(w) >= lexicon.COMMON_WORD_ZIPF or w.endswith(("ed", "ing", "ly"))
                            for w in words[words[0] == "the":]):
            # The kind of workplace it is straight after the quotes ("'the beeches' supported
            # living"; "'the pits' care home" is never said in scorn); not what kind, said of "a",
            # "our" one, in words of grammar, common ones or a verb's forms ("a 'not for profit'
            # organisation", "a 'dry' hostel", "our 'sister' care home", "a 'trauma informed' care home").
            yield Finding(m.start(group), m.end(group), "ORG", 0.6, "workplace-quoted-lower")
            continue
        cue = _PLACED_BEFORE_QUOTES.search(typed, max(0, m.start() - 40), m.start())
        placed, weak, left = cue is not None, bool(cue and cue.group("weak")), bool(cue and cue.group("left"))
        naming = bool(cue and cue.group().strip().lower().endswith(("called", "named")))
        kind_named = weak and (_A_KIND_BEFORE_THE_CUE.search(typed, max(0, cue.start() - 40), cue.start())
                               or naming and _A_PLACE_BEFORE_ITS_NAMING.search(typed, max(0, cue.start() - 40),
                                                                               cue.start()))
        if kind_named or not cue and (post := _A_POST_AT.search(typed, max(0, m.start() - 40), m.start())) \
                and _a_role().fullmatch(post.group("post").removesuffix("s")):
            # a kind of workplace before "called", "thru" ("a tiny cic called 'we are here'", "agency
            # shifts with 'first call nursing'"), a post before "at" ("therapist at 'talk it out'")
            placed, weak, left = True, False, False
        if len(words) == 2 and words[0] == "the" and words[1].isalpha() and _a_word_no_list_knows(words[1]) and (
                placed and not (cue and cue.group("weak")) or kind_named and naming):
            # The name's own article before a word English never wrote, after someone's work there
            # or a place named so ("my agency is 'the quillbrook'", "a unit called 'the quarnleys'");
            # not English words, what a workplace is called in scorn as often as its name ("my
            # employer is 'the madhouse'", "a ward called 'the pits'"; "'the birches'" stays so).
            yield Finding(m.start(group), m.end(group), "ORG", 0.6, "workplace-quoted-lower")
            continue
        coined = any(w.isalpha() and len(w) >= 4 and _a_word_no_list_knows(w) for w in words)
        ends = (_LEFT_WHEN if left else _ENDS_AFTER_QUOTES).match(typed, m.end()) is not None
        building = len(words) > 1 and words[-1] in lexicon.workplace_kinds("building")
        named = words[1:] if words[0] == "the" else words  # (the name's own article: "'the oaks partnership'")
        of_its_kind = len(words) > 2 and len(named) > 1 and lexicon.is_workplace_kind(words[-1]) and not building
        # (after the name's article or a bare "at", not a service's, a team's or a therapy's kind:
        # "'the advocacy service'", "'the sleepover team'", "for 'equine assisted therapy'")
        a_kind_of_service = words[-1] in service_words() or words[-1] in _KINDS_OF_SERVICE
        at_or_for = _AT_OR_FOR.search(typed, max(0, m.start() - 5), m.start())
        if coined:
            said = placed and (not weak or ends) or _KIND_AFTER_QUOTES.match(typed, m.end()) \
                or of_its_kind and at_or_for and not a_kind_of_service and _names_before_its_kind(named[:-1], strict=True)
        elif of_its_kind:  # (two words or more before a kind of workplace or work, the article
            # counted: "'still waters therapy'", "'the oaks partnership'", "'clearwater care homes'";
            # not words of a service, a field or what kind, "'walk and talk therapy'", "'end of life
            # care'", "'step down care'")
            strict = named is not words or not placed
            said = (placed and not weak or at_or_for) and group == "name" and not (strict and a_kind_of_service) \
                and _names_before_its_kind(named[:-1], strict=strict)  # (after a bare "at", "for" too)
        elif building:  # (everyday words before a building's kind, after someone's work: "'hope house'")
            said = placed and not weak and group == "name" and not any(
                w in service_words() or lexicon.is_field_word(w) or w in _AT_THE_THINGS or w in _KIND_WORDS
                for w in words[:-1])
        else:  # (everyday words, after someone's work and where the name ends)
            said = placed and not weak and ends and group == "name" \
                and not _everyday_words_name_none(words) \
                and not any(w in _AT_IDIOMS for w in words) \
                and not (len(words) == 1 and (lexicon.is_ordinary(words[0]) or _opens_no_name(words[0])
                                              or _plural_of_a_word(words[0])
                                              or words[0] in words_set("interjections")))
        # Words of grammar: none in a name of one or two words; in a longer one, where what is
        # placed there is plainly a workplace's name ("'still waters therapy'", "'first call nursing'").
        small = [w for w in words if w in STOP_WORDS]
        if not said or small and (len(words) < 3 or len(small) == len(words) or words[-1] in STOP_WORDS) \
                or any(any(c.isdigit() for c in w) for w in words) \
                or " ".join(words) in public_lower() or _a_role().fullmatch(words[-1].removesuffix("s")):
            continue
        yield Finding(m.start(group), m.end(group), "ORG", 0.6, "workplace-quoted-lower")


# ---------------------------------------------------------------- a workplace described in brackets

# A name, then in brackets what only a workplace is ("PRISM (private IAPT provider)", "Ripples
# (a youth counselling charity)", "Seedbank (the counselling service in town)"): its kind ends
# the brackets, or where it is or whom it is for follows it.
# Set apart by dashes as by brackets, its article said ("brambles - the children's home on the
# estate - as a"), up to the dash, a pause or the end.
_DESCRIBED_IN_BRACKETS = re.compile(
    r"(?:[ \t]*(?P<bracket>\()|[ \t]+[-–—][ \t]+(?=(?i:a|an|the)[ \t]))"
    rf"(?:(?i:a|an|the)[ \t]+)?(?P<what>(?i:{KIND_ONLY_A_WORKPLACE_IS}))"
    r"(?:[ \t]+(?i:in|for|based|run|near|on|over|up|down|round|with)\b[^()\n]{0,40}?)?"
    r"(?(bracket)\)|(?=[ \t]*(?:[-–—,.;:!?]|$)))")
_A_DASH_APART = re.compile(r"\s[-–—]\s")
_OWNED_BEFORE = re.compile(r"(?<![\w'’-])(?:my|our|his|her|their|your)[ \t]+$", re.IGNORECASE)  # ("my nan (...)")
# The name before the brackets: capitalised words (or a word in capitals), or, where names are
# typed in lower case, the words after the clause's last small word.
_WORDS_BEFORE_BRACKETS = re.compile(r"(?P<name>[A-Za-z][\w'’&-]*(?:[ \t]+(?:[A-Za-z][\w'’&-]*|&)){0,3})$")


@register_recognizer("workplace-described-in-brackets", ("ORG",), gate=False, normalised=False)
def workplaces_described_in_brackets(text: str) -> Iterator[Finding]:
    """'PRISM (private IAPT provider)', 'Ripples (a youth counselling charity)', 'i temp for
    quillby (an agency)': a name with what only a workplace is in brackets after it is a
    workplace's, however ordinary or shouted its words (a service or a project of a field only as
    ``_said_to_be_of_no_field`` allows: "Facilities (the cleaning service)" names a department).
    Not a given name (the person rules' to find), a day or a month, a kind alone ("the Trust (the
    big provider)"), a department ("Facilities (the contractor)"), a nation or a region ("Wales (the
    provider)"), one everyday word, or a public name (kept by the engine)."""
    if "(" not in text and not _A_DASH_APART.search(text):
        return
    typed = _as_typed(text)
    lower = _names_in_lower_case(typed)
    for m in _DESCRIBED_IN_BRACKETS.finditer(typed):
        before = _WORDS_BEFORE_BRACKETS.search(typed, max(0, m.start() - 60), m.start())
        if before is None:
            continue
        tokens = list(re.finditer(r"\S+", before.group("name")))
        # the name's words: the capitalised ones at the end, less a small word opening the
        # sentence ("Then Seedbank (...)"; "at Still Waters (...)" keeps it); in lower case, those
        # after the last small word
        keep = []
        for t in reversed(tokens):
            word = t.group()
            if not word[:1].isupper() and (not lower or word in STOP_WORDS or word in _STOP):
                break
            keep.insert(0, t)
        while keep and (keep[0].group().lower() in STOP_WORDS or keep[0].group().lower() in _STOP) and (
                not keep[0].group()[:1].isupper() or _OPENING_BEFORE.search(
                    typed, max(0, before.start("name") + keep[0].start() - 16),
                    before.start("name") + keep[0].start())):
            keep = keep[1:]
        if not keep:
            continue
        lowered = [t.group().lower() for t in keep]
        if given_in_britain(lowered[0]) or _TIME_WORD.fullmatch(lowered[-1]) or ordinary_weekday(keep[-1].group()) \
                or lowered[-1] in words_set("shifts_paid") and all(w in _WORK_DONE for w in lowered[:-1]) \
                or all(w in _KIND_WORDS or w in service_words() or w in words_set("functions_of_a_post")
                       for w in lowered) or " ".join(lowered) in lexicon.regions() \
                or lowered[0] in _NOT_AN_EMPLOYER or len(lowered) == 1 and lowered[0] in words_set("what_everyone_is_called") \
                and _OWNED_BEFORE.search(typed, max(0, before.start("name") + keep[0].start() - 8),
                                         before.start("name") + keep[0].start()) \
                or _a_role().fullmatch(lowered[-1].removesuffix("s")) \
                or _a_job_or_a_post(lowered) \
                or len(lowered) == 1 and lexicon.is_everyday(lowered[0]) \
                or _said_to_be_of_no_field(m.group("what"), lowered, lower and not keep[0].group()[:1].isupper()):
            continue
        start = before.start("name") + keep[0].start()
        if not m.group("bracket") and not after_a_workplace_clue(typed, start):
            continue  # set apart by dashes, only after a word placing someone there ("at acorns - a charity")
        # (a closing quote is none of it)
        end = before.start("name") + keep[-1].start() + len(keep[-1].group().rstrip("'’"))
        yield Finding(start, end, "ORG", 0.85, "workplace-described-in-brackets")


# ---------------------------------------------------------------- a name in brackets after what it is

# What it is, then its name in brackets, the name's own words up to a comma, a dash or the
# bracket's end ("a mother & baby unit (the nest, if anyone knows it)", "the ward (cormorant)",
# "head office (orchid healthcare group)", "my mgr (k. lindqvist)", "the charity i work for (the
# lantern trust)").
_NAMED_IN_BRACKETS = re.compile(r"(?P<before>[\w'’.-]+)[ \t]*\((?P<the>(?i:the)[ \t]+)?"
                                r"(?P<name>[^()\n,;:–—-]+?(?:-[^()\n,;:–—\s-]+)*)[ \t]*(?:[,;:–—]|[ \t]-[ \t]|\))")
# Small words a name holds ("hazel & juniper", "house of hope", "key to home", "st anne's").
_NAME_SMALL = frozenset({"and", "&", "of", "to", "for", "on", "in", "st", "st."})


@register_recognizer("named-in-brackets", ("ORG", "PERSON"), gate=False, normalised=False)
def named_in_brackets(text: str) -> Iterator[Finding]:
    """'a mother & baby unit (the nest)', 'the ward (cormorant)', '2 wards (hazel & juniper)', 'mgr
    (k. lindqvist)': a name set in brackets straight after a kind of workplace, or after a word
    placing someone there ("i work for (the lantern trust)"), is the workplace's; after someone's
    role, the person's. Its words hold no word of grammar ("(hmp not saying which)", "(all gps)"),
    no figure ("(band 6)"), and are not all words of a kind, a service or the field ("(crisis
    drop-in)"); after a role, each word a name's or an initial ("(long story)", "(newly
    qualified)" stay); after a kind, a word English hardly uses among them, a ward's kind of name
    ("(cormorant)"), capitals, or one word after "the" ("(the nest)"; not "(locked)", "(mixed
    sex)", "(the duty lot)"). A public name is the engine's to keep ("(bupa)")."""
    if "(" not in text:
        return
    for m in _NAMED_IN_BRACKETS.finditer(text):
        before = m.group("before").lower().rstrip(".")
        the = m.group("the") is not None
        role = _a_role().fullmatch(before) is not None
        kind = lexicon.is_workplace_kind(before) or lexicon.is_workplace_kind(before.removesuffix("s")) \
            or before in _BRACKET_PLACING
        name = m.group("name")
        if not role and not kind:
            # whatever comes before, a name and its kind in brackets ("a new provider took over
            # (tolland care)")
            if named := _a_name_and_its_kind(name):
                yield Finding(m.start("name"), m.start("name") + len(named), "ORG", 0.6, "named-in-brackets")
            continue
        # two names joined after a kind in the plural ("2 wards (hazel & juniper)"): each its own
        parts = list(re.finditer(r"[^&/]+?(?=\s*(?:&|/|\band\b)|$)", name)) \
            if kind and before.endswith("s") and re.search(r"\s(?:&|and)\s|/", name) else [re.match(r".+", name)]
        for part in parts:
            words = part.group().lower().removeprefix("and ").split()
            if not words or len(words) > 4 or any(c.isdigit() for c in part.group()):
                continue
            if any(w in STOP_WORDS and w not in _NAME_SMALL for w in words):
                continue
            content = [w.strip(".'’") for w in words if w not in _NAME_SMALL]
            core = [w for w in content if not (w in _KIND_WORDS or w in service_words() or lexicon.is_field_word(w)
                                               or _a_role().fullmatch(w.removesuffix("s")))]
            if not core:
                continue
            if role and not all(len(w) == 1 or w.rstrip(".") in _TITLES_IN_BRACKETS or _a_given_name_said(w)
                                or lexicon.is_rare(w) or w in lexicon.surnames() and not lexicon.is_everyday(w)
                                for w in content):
                continue  # someone's: each word a name's or an initial ("(long story)", "(white male)")
            if kind and not (any(lexicon.is_rare(w) for w in core) or all(w in ward_names() for w in core)
                             or the and len(core) == 1 or part.group().strip().istitle()):
                continue  # a workplace's: a word English hardly uses, a ward's kind of name, "the" and one
                # word, or capitals ("(mixed sex)", "(the duty lot)" say what it is like)
            start = m.start("name") + part.start() + (len(part.group()) - len(part.group().lstrip()))
            end = m.start("name") + part.start() + len(part.group().rstrip())
            if text[start:end].lower().startswith("and "):
                start += 4
            yield Finding(start, end, "PERSON" if role else "ORG", 0.6, "named-in-brackets")


def _a_name_and_its_kind(said: str) -> str | None:
    """'tolland care': a kind of workplace a name typed in lower case ends in (data role lower)
    after words no kind's, service's, field's, nor grammar's, one English hardly uses among them
    ("(the main hospital)", "(a care home)", "(day centre)" are what kind, "(infection control
    team)" which department); ``said`` as far as the kind, or None."""
    words = said.rstrip().split()
    if not 2 <= len(words) <= 4 or not said.rstrip().islower() or words[-1] not in _LOWER_KINDS:
        return None
    name = words[:-1]
    if any(w in STOP_WORDS or w in _STOP or w in _KIND_WORDS or w in service_words() or lexicon.is_field_word(w)
           or _read_as_letters(w) or not w.isalpha() for w in name):
        return None
    return said.rstrip() if any(lexicon.is_rare(w) for w in name) else None


_LOWER_KINDS = frozenset(k for k in lexicon.workplace_kinds("lower") if " " not in k) | {"care"}
# Titles before a name in brackets after a role ("mgr (mr. mcfarlane-dow)").
_TITLES_IN_BRACKETS = frozenset("mr mrs ms miss mx dr prof sister".split())
# Words placing someone at a workplace straight before its name in brackets ("i work for (...)").
_BRACKET_PLACING = frozenset("at for with joined left via".split())


# ---------------------------------------------------------------- a workplace after a role in a description

# A speaker's or a respondent's description: a role, a comma, where they work ("Support
# worker, Lantern", "PWP, Next Step (Hull)"); a description is short, no sentence.
_ROLE_COMMA_NAME = re.compile(r"^[ \t]*(?P<role>[A-Za-z][\w'’ -]{1,40}?),[ \t]*"
                              r"(?P<name>[A-Z0-9][\w'’&-]*(?:[ \t]+(?:[A-Z0-9&][\w'’&-]*|of|and|the)){0,4})"
                              r"[ \t]*(?=$|[(,;.\n])", re.MULTILINE)
# How a description says no workplace after a role: "Counsellor, Retired", "Nurse, Freelance".
_NOT_A_WORKPLACE_AFTER_A_ROLE = frozenset("""retired former freelance self-employed independent private locum bank
agency trainee student qualified senior junior unemployed part-time full-time volunteer""".split())


@functools.lru_cache(maxsize=1)
def _job_words() -> frozenset[str]:
    from ingest.redact.names import ROLE_WORDS

    return frozenset(ROLE_WORDS) | {"pwp", "host", "hca", "cpn", "rmn"}


@register_recognizer("workplace-after-role", ("ORG",), gate=False, normalised=False)
def workplaces_after_a_role(text: str) -> Iterator[Finding]:
    """'Support worker, Lantern', 'PWP, Compass (Hull)': in a short description, a role then a
    comma then capitalised words is the role and where it is held, however ordinary its
    words; not a public body ("Volunteer, Samaritans"), a place (the place rules'), a kind
    of place ("Nurse, Community Team") or what someone is ("Counsellor, Retired")."""
    if len(text.split()) > 12 or "," not in text:
        return
    for m in _ROLE_COMMA_NAME.finditer(text):
        role = m.group("role").lower().split()
        words = m.group("name").split()
        lowered = [w.lower() for w in words]
        if not role or role[-1] not in _job_words() or lowered[0] in _NOT_A_WORKPLACE_AFTER_A_ROLE \
                or _no_particular_workplace(lowered) \
                or " ".join(lowered) in lexicon.places() or given_in_britain(lowered[0]):
            continue
        yield Finding(m.start("name"), m.end("name"), "ORG", 0.6, "workplace-after-role")


# ---------------------------------------------------------------- a workplace typed in capitals in a sentence

_A_MONTH = re.compile(_MONTHS, re.IGNORECASE)
_AN_ORDINAL_IN_CAPITALS = re.compile(r"\d+(?:ST|ND|RD|TH)")  # (a figure alone is a name's: "HELPING HANDS 24")
# (the clue opening a sentence too, "At HWFT they cut the posts"; in capitals it is a shouted word)
_CAPITALS_AFTER_A_CLUE = re.compile(
    r"(?<![\w'’-])(?:[Aa]t|[Ff]or|[Ww]ith|[Jj]oined|[Ll]eft|[Bb]y|[Ff]rom|[Tt]o|(?:called|named))[ \t]+"
    r"(?P<name>(?:THE[ \t]+)?[A-Z][A-Z'’&-]*[A-Z](?:[ \t]+(?:[A-Z][A-Z'’&-]*[A-Z]|&|OF|AND|\d+(?:ST|ND|RD|TH)?))*)"
    r"(?![\w'’-])")


@register_recognizer("workplace-in-capitals", ("ORG",), gate=False, normalised=False)
def workplaces_typed_in_capitals(text: str) -> Iterator[Finding]:
    """'I work for QUIET WATERS COUNSELLING', 'I volunteer at THE WILLOWS': in a sentence typed
    in ordinary case, capitalised words after a word placing someone at a workplace are its
    name, however ordinary; not a public body or acronym ("at NHS", "for CAMHS"), words said
    with a stress ("at HOME", "for YEARS", "with ALL of them"), a town (the place rules') or a
    kind of place alone."""
    if not re.search(r"\b[a-z]{3,}\b", text):
        return  # a text all in capitals: read again in lower case by the engine
    for m in _CAPITALS_AFTER_A_CLUE.finditer(text):
        tokens = list(re.finditer(r"\S+", m.group("name")))
        if tokens[0].group() == "THE":
            tokens = tokens[1:]
        # an ordinal is the name's between its words, not after a small word, last, or before a
        # month, "of" or what it counts, and the name ends before them ("CARE 1ST RECRUITMENT";
        # "WILLOW HOUSE ON 1ST MAY", "STANWICK MEWS 2ND OF FEBRUARY", "SUNNYSIDE 2ND FLOOR")
        for i, token in enumerate(tokens):
            if _AN_ORDINAL_IN_CAPITALS.fullmatch(token.group()) and (
                    i == 0 or i + 1 == len(tokens) or tokens[i - 1].group().lower() in STOP_WORDS
                    or _A_MONTH.fullmatch(tokens[i + 1].group()) or tokens[i + 1].group() == "OF"
                    or tokens[i + 1].group().lower().rstrip("s") in WHAT_AN_ORDINAL_COUNTS):
                tokens = tokens[:i]
                while tokens and tokens[-1].group().lower() in STOP_WORDS:
                    tokens = tokens[:-1]
                break
        lowered = [t.group().lower() for t in tokens]
        if not tokens or lowered[0] in STOP_WORDS or lowered[0] in _STOP or lowered[0] in _AT_IDIOMS \
                or _no_particular_workplace(lowered) \
                or " ".join(lowered) in lexicon.places() \
                or (len(tokens) == 1 and (letters_of_something_else(tokens[0].group()) or lexicon.is_everyday(lowered[0]))):
            continue
        while len(tokens) > 1 and tokens[-1].group() in ("&", "OF", "AND"):
            tokens = tokens[:-1]
        yield Finding(m.start("name") + tokens[0].start(), m.start("name") + tokens[-1].end(), "ORG", 0.6,
                      "workplace-in-capitals")


# ---------------------------------------------------------------- a workplace's letters and its name spelled out

# Letters, then in brackets the words they are the initials of, or the words, then their letters
# in brackets or between commas ("AWS (Albany Wellbeing Services)", "quarnby wellbeing services
# (qws)", "Quarnby Care Solutions, QCS, had"); "and", "of", "the", "&" are in the words but not
# the letters.
_NAME_WORDS = r"[A-Za-z][\w'’-]*(?:[ \t]+(?:&|[A-Za-z][\w'’-]*)){1,6}"
_LETTERS_SPELLED_OUT = re.compile(
    rf"(?<![\w'’-])(?:(?P<letters>[A-Za-z]{{2,5}})[ \t]*\([ \t]*(?P<words>{_NAME_WORDS})[ \t]*\)"
    rf"|(?P<words_first>{_NAME_WORDS})[ \t]*(?:\([ \t]*(?P<letters_after>[A-Za-z]{{2,5}})[ \t]*\)"
    r"|,[ \t]*(?P<letters_set>[A-Z]{2,5}),))")  # (or set apart by commas, in capitals: "..., QCS, had")
_NOT_INITIALLED = frozenset({"and", "of", "the", "&", "for", "in"})


@register_recognizer("workplace-letters-spelled-out", ("ORG",), gate=False, normalised=False)
def workplace_letters_spelled_out(text: str) -> Iterator[Finding]:
    """'AWS (ALBANY WELLBEING SERVICES)', 'quarnby wellbeing services (qws)': letters and the
    words they stand for, side by side, one in brackets (or the letters between commas), are a
    workplace's name twice where the words end in a workplace's kind, in any case ("Quarnby Care
    Solutions, QCS, had the contract"); not a public body's ("CQC (Care Quality Commission)"), nor
    letters that say something else ("ACAS (Advisory Conciliation and Arbitration Service)": the
    engine reads them as the workplace's only where its name was found), nor what a job or a thing
    is ("PWP (psychological wellbeing practitioner)")."""
    if "(" not in text and "," not in text:
        return
    for m in _LETTERS_SPELLED_OUT.finditer(text):
        first = m.group("words") is None  # (the words, then their letters)
        words_group, letters_group = ("words_first", "letters_after" if m.group("letters_after") else "letters_set") \
            if first else ("words", "letters")
        letters = m.group(letters_group)
        tokens = list(re.finditer(r"\S+", m.group(words_group)))
        if first:
            # the words before the brackets may begin earlier in the sentence: as many as the
            # letters need, from the last ("i work at quarnby wellbeing services (qws)")
            counted = 0
            for k in range(len(tokens) - 1, -1, -1):
                counted += tokens[k].group().lower() not in _NOT_INITIALLED
                if counted == len(letters):
                    tokens = tokens[k:]
                    break
        words = [t.group() for t in tokens]
        initials = "".join(w[0] for w in words if w.lower() not in _NOT_INITIALLED)
        lowered = [w.lower() for w in words]
        if initials.lower() != letters.lower() or lowered[-1] not in lexicon.workplace_kinds("ends-name") \
                or " ".join(lowered) in public_lower() or letters_of_something_else(letters.upper()) \
                or all(w in service_words() or w in _KIND_WORDS or w in _NOT_INITIALLED or lexicon.is_field_word(w)
                       for w in lowered):
            continue  # (words of what kind of service alone: "the youth offending service (yos)")
        offset = m.start(words_group)
        yield Finding(offset + tokens[0].start(), offset + tokens[-1].end(), "ORG", 0.7, "workplace-letters-spelled-out")
        yield Finding(m.start(letters_group), m.end(letters_group), "ORG", 0.7, "workplace-letters-spelled-out")


# Letters typed in lower case after a word placing someone at a workplace: three to five, no
# vowel among them, so said letter by letter ("i work for hmws", "two years at bpws").
_LETTERS_AFTER_A_CLUE = re.compile(r"(?<![\w'’-])(?:at|for|with|joined|left|by|from|to|via)[ \t]+"
                                   r"(?P<name>[b-df-hj-np-tv-xz]{3,5})(?![\w'’-])", re.IGNORECASE)


@register_recognizer("workplace-letters-in-lower-case", ("ORG",), gate=False)
def workplace_letters_in_lower_case(text: str) -> Iterator[Finding]:
    """'i work for hmws doing step 2', 'i was at bpws for two years': typed in lower case,
    letters no English word is made of after a word placing someone at a workplace are its
    initials, as capitals would be ("at BPWS", ``workplaces_typed_in_capitals``); not a public
    body's, a job's, a department's or the field's letters ("at dwp", "for cbt", "with hmrc",
    "to ppl", "by text msg") nor a sound ("hmm", "shh")."""
    for m in _LETTERS_AFTER_A_CLUE.finditer(text):
        name = m.group("name")
        if not name.islower() or lexicon.zipf(name) > 0 or letters_of_something_else(name.upper()) \
                or lexicon.is_field_word(name):
            continue
        yield Finding(m.start("name"), m.end("name"), "ORG", 0.55, "workplace-letters-in-lower-case")


# ---------------------------------------------------------------- an app's, a platform's or a system's one-word name

_APP_KINDS = alternatives(words("app_kinds"))
# One word that may be a name: letters, a hyphen or an apostrophe inside, no "'s" after it.
_ONE_WORD_OF_A_NAME = r"[^\W\d_](?:[\w-]*[^\W\d_])?(?![\w'’-])"
_ONE_NAME = rf"(?P<name>{_ONE_WORD_OF_A_NAME})"
# Where a name said alone or beside a kind ends: a stop, a comma, a dash, a bracket, the end.
_NAME_STOPS_HERE = r"(?=\s*(?:[,.;:?!()]|[—–]|\s-\s|$))"
# A kind said, up to three words of when or which ("a case management system last year"), a
# stop, a comma or a dash, then a name alone: "that platform. orrowly.", "the system, quillbase —".
_APP_KIND_THEN_NAME = re.compile(
    rf"(?<![\w'’-])(?:{_APP_KINDS})(?:\s+[a-z]+){{0,3}}?\s*(?:[,.:;]|[—–]|\s-)\s*[\"“'‘]?{_ONE_NAME}[\"”'’]?"
    + _NAME_STOPS_HERE, re.IGNORECASE)
# A kind said, then in the same sentence what it is called: "the app, which we'll all call
# brindle, because", "an app they named quillio"; "call" said by someone ("a phone company,
# call centres" is no name).
_APP_CALLED = re.compile(
    rf"(?<![\w'’-])(?:{_APP_KINDS})(?![\w'’-])(?:\.\s+(?=which\b|that\b))?[^.?!\n]{{0,60}}?"
    r"(?:(?:(?<![\w'’-])(?:i|we|they|you|people|everyone|to|will|would|just|all)|['’](?:ll|d))\s+(?:call|calls|calling)"
    r"|(?<![\w'’-])(?:called|named|known\s+as))"
    rf"\s+[\"“'‘]?{_ONE_NAME}[\"”'’]?"
    rf"(?:{_NAME_STOPS_HERE}|(?=\s+(?:because|cos|cause|but|and|which|though|now)\b))", re.IGNORECASE)
# A name, then what it is between commas, dashes or brackets: "Orrowly, the therapy app, pays",
# "brindle (one of those platforms)".
_NAME_THEN_APP_KIND = re.compile(
    rf"(?<![\w'’-]){_ONE_NAME}\s*(?:,|[—–]|\s-|\()\s*(?:the|an?|one\s+of\s+(?:the|those|these))\s+"
    rf"(?:[a-z]+\s+){{0,2}}?(?:{_APP_KINDS})" + _NAME_STOPS_HERE, re.IGNORECASE)
# A name said to be an app or a platform: "shiftwise is an app, you get pinged", "quillio was a
# platform" (the name opening what is said, the kind ending it; not "telecare is a system", "so
# cyberbullying is a platform problem").
_NAME_IS_AN_APP = re.compile(
    rf"(?:^\s*|(?<=[.?!:;,]\s)|(?<=\n)|(?<=\band\s)|(?<=\bbut\s)|(?<=\bso\s)){_ONE_NAME}\s+(?:is|was)\s+"
    r"(?:an?|one\s+of\s+(?:the|those|these))\s+(?:[a-z]+\s+){0,2}?(?:apps?|platforms?|marketplace)"
    r"(?=\s*(?:[,.;:!?)]|[—–]|$)|\s+(?:that|which|where|for|and|but|so|you|like|run|owned)\b)", re.IGNORECASE)
# A kind said to be a name: "the app is orrowly", "the platform we use is quillbase".
_APP_KIND_IS = re.compile(rf"(?<![\w'’-])the\s+(?:{_APP_KINDS})(?:\s+(?:i|we|they)\s+(?:use|used|am\s+on|was\s+on"
                          r"|were\s+on|work\s+for|worked\s+for))?\s+(?:is|was)\s+" + _ONE_NAME, re.IGNORECASE)
# A name before the kind it is of: "the quillio app", "on the Kettle platform", "Orrowly app work".
_NAME_BEFORE_APP_KIND = re.compile(rf"(?<![\w'’-]){_ONE_NAME}\s+(?:app|platform|software|system|portal|website)"
                                   r"(?![\w'’-])", re.IGNORECASE)
# What each of these three holds, looked for first in the text lowered (``may_hold``).
_APP_CALLED_CUE = re.compile(r"call|named|known")
_NAME_THEN_APP_KIND_CUE = re.compile(r"(?:,|[—–]|\s-|\()\s*(?:the|an?|one)\s")
_NAME_BEFORE_APP_KIND_CUE = re.compile(r"\s(?:app|platform|software|system|portal|website)(?![\w'’-])")
# Names listed after a kind, the list closed by "all of them" or "the lot": "the apps pay
# nothing. orrowly, quillbase, all of them." (each item then looked at alone).
_LISTED_APPS = re.compile(rf"(?<![\w'’-])(?:{_APP_KINDS})(?![\w'’-])[^?!\n]{{0,150}}?(?<![\w'’-])"
                          r"(?P<items>(?:[^\W\d_][\w-]*\s*,\s*){1,5}(?:(?:and|or)\s+[^\W\d_][\w-]*\s*,?\s*)?)"
                          r"(?:and\s+)?(?:all\s+of\s+them|the\s+lot|that\s+lot|the\s+rest\s+of\s+them)\b", re.IGNORECASE)
# The public systems, apps and platforms (the public lists' groups of them, and of the NHS's
# systems and terms): a coined word contrasted with one ("quillbase, not iaptus", "orrowly
# instead of zoom"), listed with one or moved to from one ("off systmone onto quillbase") is
# another system's or app's name.
_PUBLIC_SYSTEM_GROUPS = ("clinical_and_workforce_systems", "nhs_systems_and_services", "apps_and_platforms",
                         "national_companies_and_apps", "more_companies_apps_and_platforms", "dwp_systems",
                         "measures_and_models")


# What parts a public system's name or a text into words, for a first look ("ms teams": "ms").
_SYSTEM_WORDS = re.compile(r"[^\w&+]+")


@functools.lru_cache(maxsize=1)
def _public_systems() -> tuple[frozenset[str], re.Pattern, re.Pattern]:
    """The first words of the public systems, lower-cased (a text with none of them is not
    searched), the pattern of their names in lower case, for the text lowered (where lowering
    keeps its length, so its offsets: several times faster than matching in any case), and
    the same in any case for the text as it is."""
    names = {" ".join(t.split()) for g in _PUBLIC_SYSTEM_GROUPS for t in lexicon.public_group(g) if len(t) > 2}
    # (split as the text is split where they are looked for, so a first word is one of its words)
    firsts = frozenset(next((w for w in _SYSTEM_WORDS.split(n.lower()) if w), "") for n in names)
    pattern = r"(?<![\w'’-])(?:{})(?![\w'’-])"
    return (firsts, re.compile(pattern.format(alternatives({n.lower() for n in names}))),
            re.compile(pattern.format(alternatives(names)), re.IGNORECASE))


# A word said before or after a public system and a word of contrast, of listing or of moving.
_BEFORE_A_PUBLIC_SYSTEM = re.compile(rf"(?<![\w'’-]){_ONE_NAME}\s*(?:,|[—–]|\s-)?\s*(?:(?P<not>not|instead\s+of"
                                     r"|rather\s+than)|and\s+not|or|and|to|from|onto|into)\s+(?:the\s+)?$", re.IGNORECASE)
_AFTER_A_PUBLIC_SYSTEM = re.compile(r"\s*(?:,|[—–]|\s-)?\s*(?:(?P<not>not|instead\s+of|rather\s+than)|or|and|to|onto|into)\s+"
                                    + _ONE_NAME, re.IGNORECASE)


# Words of logging work on a system or using one: "logged it on quillbase", "we use quillbase for notes",
# "quillbase crashed again".
_SYSTEM_USED_BY_SOMEONE = (
    r"(?<![\w'’-])(?:(?:log|logs|logged|logging|put|record|recorded|type|typed|upload|uploaded|write|wrote|written)"
    r"(?:\s+(?:it|them|this|that|everything|notes|it\s+all))?\s+(?:on|onto|in|into|up\s+on)"
    r"|(?:use|uses|used|using)(?=\s+[^\W\d_][\w-]*\s+(?:for|to)\b))\s+" + _ONE_NAME)
_SYSTEM_FAILING = r"\s+(?:crashed|crashes|froze|freezes|went\s+down|was\s+down|logged\s+me\s+out|logs\s+you\s+out|timed\s+out)"
_A_SYSTEM_USED = re.compile(_SYSTEM_USED_BY_SOMEONE + r"|" + rf"(?P<name2>{_ONE_WORD_OF_A_NAME})" + _SYSTEM_FAILING,
                            re.IGNORECASE)
# The same without a system failing, which tries every word: for a text that says no failing.
_A_SYSTEM_USED_BY_SOMEONE = re.compile(_SYSTEM_USED_BY_SOMEONE, re.IGNORECASE)
# (in the text lowered, with ``may_hold``: each form of failing whole, "out" and "down" alone
# are in most texts)
_A_SYSTEM_FAILING_CUE = re.compile(r"crash|froze|freez|(?:went|was)\s+down|logged\s+me\s+out|logs\s+you\s+out"
                                   r"|timed\s+out")
# Any kind of app said (every pattern above but the public systems' and a system used needs one).
_AN_APP_KIND = re.compile(rf"(?<![\w'’-])(?:{_APP_KINDS})(?!\w)", re.IGNORECASE)
# The same in lower case, searched for in the text lowered first (``may_hold``).
_AN_APP_KIND_CUE = re.compile(rf"(?<![\w'’-])(?:{alternatives(w.lower() for w in words('app_kinds'))})(?!\w)")
# The words every form of a system used holds, searched for before the pattern itself.
_A_SYSTEM_USED_CUE = re.compile(r"log|put|record|typ|upload|writ|wrot|use|using|crash|froze|freez|down|timed")
# A name said alone as a sentence: "orrowly. know it?"
_SAID_ALONE = re.compile(rf"(?:^|(?<=[.?!\]:])\s+|\n\s*)[\"“'‘]?{_ONE_NAME}[\"”'’]?\s*[.?!]")
# What says a name said alone just before is an app's or a platform's: "one of the online
# ones", "it's one of those apps", "they're a platform".
_SAID_TO_BE_AN_APP = re.compile(
    rf"(?<![\w'’-])(?:one\s+of\s+(?:the|those|these|them)\s+(?:[a-z]+\s+){{0,2}}?(?:{_APP_KINDS}|(?:app|online)\s+ones)"
    rf"|(?:it['’]s|it\s+is|it\s+was|they['’]re|they\s+are|they\s+were)\s+(?:an?\s+|the\s+)?(?:[a-z]+\s+)?(?:{_APP_KINDS}))"
    r"(?![\w'’-])", re.IGNORECASE)
_ADVERTS = re.compile(r"(?<![\w'’-])ad(?:s|verts?)(?!\w)")
# ... or said just after what it is or where it is seen: "the booking app. lanternly."
_AN_APP_JUST_SAID = re.compile(rf"(?<![\w'’-])(?:{_APP_KINDS}|adverts?|ads)[\"”'’]?\s*[.?!:]?\s*$", re.IGNORECASE)
# Words of using or joining a platform straight before its name: "signed up to quillio",
# "we book through quillio", "paid via quillio".
_SIGNED_UP = re.compile(r"(?<![\w'’-])sign(?:s|ed|ing)?\s+up\s+(?:to|with|for|on|through)\s+" + _ONE_NAME, re.IGNORECASE)
_USED_THROUGH = re.compile(r"(?<![\w'’-])(?:through|via)\s+" + _ONE_NAME
                           + rf"(?:{_NAME_STOPS_HERE}|(?=\s+(?:now|and|but|for|because|cos|which"
                             r"|instead|too|as\s+well|these\s+days|nowadays)\b))", re.IGNORECASE)
# A name taking its cut of a fee: "quillio takes forty per cent", "Tend kept about 30%".
_TAKES_A_CUT = re.compile(rf"(?<![\w'’-]){_ONE_NAME}\s+(?:takes|take|took|keeps|keep|kept)\s+"
                          r"(?:about\s+|around\s+|roughly\s+|like\s+|nearly\s+|almost\s+|over\s+|a\s+whole\s+)?"
                          r"(?:\d+(?:\.\d+)?\s*|[a-z]+(?:[\s-][a-z]+)?\s+)(?:%|per\s*cent|percent)", re.IGNORECASE)


def _may_name_an_app(word: str, coined: bool, unknown: bool = False) -> bool:
    """A word that may be an app's or a platform's name: no word of grammar, of when, of the
    field, no public name ("zoom", "iaptus", "nhs app" are kept), no town; ``coined``: no English
    word in common use either (below lexicon.RARE_ZIPF: "quillio", "quillbase", "lanternly"),
    where the cue is weak; ``unknown``: no word English writes at all ("quillio"; "through
    osmosis" is English), where the cue is weaker still; with a strong cue, any word less than
    everyday ("brindle")."""
    lower = word.lower()
    if lower in _STOP or lower in STOP_WORDS or lower in _NOT_IN_A_NAME or lower in _AT_IDIOMS \
            or _ASIDE.fullmatch(lower) or _TIME_WORD.match(lower) or lexicon.is_field_word(lower) \
            or lower in public_lower() or lower in lexicon.places() or lower in _KIND_WORDS_OF_APPS \
            or lower.endswith("ly") and lexicon.zipf(lower) > 0 \
            or lower.endswith("s") and lexicon.zipf(lower[:-1]) > max(lexicon.zipf(lower), lexicon.ORDINARY_ZIPF):
        return False  # (the plural of an ordinary word: "contracts", "centres")
    if unknown:
        return lexicon.zipf(lower) == 0
    return lexicon.is_rare(lower) if coined else not lexicon.is_everyday(lower)


_KIND_WORDS_OF_APPS = frozenset(w.lower() for w in words("app_kinds")) | words_set("said_of_an_app")


@register_recognizer("app-name", "ORG", gate=False, normalised=False)
def apps_named_in_one_word(text: str) -> Iterator[Finding]:
    """'and the apps. orrowly.', 'our notes system, quillbase - never iaptus', 'the app,
    which we'll all call brindle, since', 'lanternly. know it? it's one of those therapy
    apps.', 'i signed up to quillio', 'quillio keeps thirty per cent': an app's, an
    online platform's, a system's or a small company's name of one word, in any case, said
    beside what it is or after words of using it. A coined word (no English word in common use)
    goes with any of these cues; a word English uses ("brindle") only where it is said to be
    called so or said alone and then said to be an app. Public systems and apps ("iaptus",
    "zoom", "whatsapp"), words of grammar, of when and of the field stay."""
    text = _as_typed(text)
    lower = text.lower()
    spans = set()
    # Each cue holds a word a text can be searched for first, cheaply: most quotes hold none.
    kind_said = may_hold(_AN_APP_KIND_CUE, text, lower) and _AN_APP_KIND.search(text) is not None
    called = kind_said and may_hold(_APP_CALLED_CUE, text, lower)
    kind_after = kind_said and may_hold(_NAME_THEN_APP_KIND_CUE, text, lower)
    for pattern, coined, cue in ((_APP_KIND_THEN_NAME, True, kind_said), (_APP_CALLED, False, called),
                                 (_NAME_THEN_APP_KIND, False, kind_after), (_APP_KIND_IS, True, kind_said),
                                 (_NAME_IS_AN_APP, True, kind_said),  # (below: no word English writes)
                                 (_SIGNED_UP, True, "sign" in lower),
                                 (_USED_THROUGH, True, "through" in lower or "via" in lower),
                                 (_TAKES_A_CUT, True, "%" in lower or "cent" in lower)):
        for m in pattern.finditer(text) if cue else ():
            if pattern is _NAME_THEN_APP_KIND and (m.group("name").lower() in lexicon.comment_openers()
                                                   or m.group("name").islower() and lexicon.is_ordinary(m.group("name"))):
                continue  # "Brilliant, the app, isn't it": a comment; "two contracts, one of the apps": a list
            if _may_name_an_app(m.group("name"), coined, unknown=pattern in (_USED_THROUGH, _NAME_IS_AN_APP)):
                spans.add(m.span("name"))
    firsts, in_lower_case, in_any_case = _public_systems()
    said = in_lower_case.finditer(lower) if len(lower) == len(text) else in_any_case.finditer(text)
    for system in said if firsts.intersection(_SYSTEM_WORDS.split(lower)) else ():
        for m in (_BEFORE_A_PUBLIC_SYSTEM.search(text, max(0, system.start() - 40), system.start()),
                  _AFTER_A_PUBLIC_SYSTEM.match(text, system.end())):
            if m and _may_name_an_app(m.group("name"), True, unknown=not m.group("not")):
                spans.add(m.span("name"))
    used = _A_SYSTEM_USED if may_hold(_A_SYSTEM_FAILING_CUE, text, lower) else _A_SYSTEM_USED_BY_SOMEONE
    for m in used.finditer(text) if _A_SYSTEM_USED_CUE.search(lower) else ():
        group = "name" if m.groupdict().get("name") else "name2"
        if _may_name_an_app(m.group(group), True, unknown=True):
            spans.add(m.span(group))
    for m in _NAME_BEFORE_APP_KIND.finditer(text) if kind_said and may_hold(_NAME_BEFORE_APP_KIND_CUE, text, lower) else ():
        # before the kind: a coined word, or one English uses, capitalised inside a sentence ("on
        # the Kettle platform"); no acronym of three letters ("the ehr system"), no word English
        # makes ("the budgeting app", "a mindfulness app")
        word = m.group("name")
        opens = not text[:m.start()].strip() or text[:m.start()].rstrip()[-1] in ".?!:]\n"
        inside = word[0].isupper() and not word.isupper() and not opens
        if len(word) > 3 and not (_ENGLISH_ENDING.search(word.lower()) and lexicon.zipf(word.lower()) > 0) \
                and _may_name_an_app(word, coined=not inside):
            spans.add(m.span("name"))
    for m in _LISTED_APPS.finditer(text) if kind_said and ("all of them" in lower or " lot" in lower
                                                          or "the rest" in lower) else ():
        for item in re.finditer(r"[^\W\d_][\w-]*", m.group("items")):
            if item.group().lower() not in ("and", "or") and _may_name_an_app(item.group(), True, unknown=True):
                spans.add((m.start("items") + item.start(), m.start("items") + item.end()))
    # (what says a name said alone is an app's holds a kind, "online ones" or adverts)
    for m in _SAID_ALONE.finditer(text) if kind_said or "ones" in lower or _ADVERTS.search(lower) else ():
        word = m.group("name")
        said_to_be = _SAID_TO_BE_AN_APP.search(text[m.end():m.end() + 120])
        just_said = _AN_APP_JUST_SAID.search(text[max(0, m.start("name") - 60):m.start("name")])
        if (said_to_be and _may_name_an_app(word, coined=False) and not lexicon.is_ordinary(word)
                or just_said and _may_name_an_app(word, coined=True)):
            spans.add(m.span("name"))
    for start, end in sorted(spans):
        yield Finding(start, end, "ORG", 0.55, "app-name")
