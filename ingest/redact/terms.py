"""Known identifiers of a source, matched wherever they occur: propagation and the leak gate.

A name found once (a speaker label, one confident mention) becomes a ``Term``; every
occurrence of a term in the source is redacted, possessive or not. A term matches in
any case unless it is also a common English word ("Will", "Hope", "Rose"): those match
only capitalised or in capitals, so "I will" and "I hope" stay.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from ingest.redact import lexicon

from ingest.redact.recognizers import KINDS, words_set

# Every placeholder the registry's kinds write ("[Person 2]", "[email]"), and speakers'.
PLACEHOLDER = re.compile("|".join(
    [r"\[(?:Participant|{}) \d+\]".format("|".join(re.escape(k.placeholder) for k in KINDS.values() if k.numbered))]
    + [re.escape(k.placeholder) for k in KINDS.values() if not k.numbered]))


@dataclass(frozen=True)
class Term:
    surface: str
    kind: str
    any_case: bool


def make_term(surface: str, kind: str, written_lower: bool = False) -> Term:
    """``written_lower``: the source writes this name in lower case (a label "joy")."""
    words = re.findall(r"[^\W\d_]+", surface.lower())
    common = len(words) == 1 and lexicon.is_ordinary(words[0])
    return Term(surface, kind, any_case=written_lower or not common or kind not in ("PERSON", "ORG", "LOC"))


_WORD_NAMES = words_set("word_names")  # given names that are also words ("will", "may")


class TermMatcher:
    def __init__(self, terms: Iterable[Term]):
        self.terms: dict[tuple[str, bool], Term] = {}
        for term in terms:
            surface = _one_space(term.surface)  # a term found across a line break matches either way
            key = (surface.lower() if term.any_case else surface, term.any_case)
            # A name's stray word ("and" of "Placement and Volunteer", "AND" of a line in
            # capitals) is nobody's name; capitalised ("Will"), or in capitals a given name
            # that is also a word ("WILL", "MAY": a label's), it may be.
            words = re.findall(r"\w+", surface)
            if term.kind in ("PERSON", "ORG", "LOC") and all(w.lower() in STOP_WORDS for w in words) and (
                    surface.islower() or surface.isupper() and not any(w.lower() in _WORD_NAMES for w in words)):
                continue
            if term.surface.strip() and key not in self.terms:
                self.terms[key] = term
        self._any_case = [t.surface for t in self.terms.values() if t.any_case]
        # Names in ASCII are matched in lower case in the text lowered (``_folded``): the matches
        # are re.IGNORECASE's, and a pattern without it is scanned faster. Other texts take the
        # any-case pattern.
        self._lowered = self._compile(list(dict.fromkeys(s.lower() for s in self._any_case)), 0, leap=True) \
            if all(s.isascii() for s in self._any_case) else None
        exact = set()
        for t in self.terms.values():
            if not t.any_case:
                exact |= {t.surface, t.surface.upper(), t.surface[:1].upper() + t.surface[1:]}
                if t.surface.isupper():  # "GREEN" of a label in capitals is "Green" in the text
                    exact.add(t.surface[:1] + t.surface[1:].lower())
        self._exact = self._compile(sorted(exact), 0, leap=True)

    @functools.cached_property
    def _any(self) -> re.Pattern | None:
        return self._compile(self._any_case, re.IGNORECASE)

    @staticmethod
    def _compile(surfaces: list[str], flags: int, leap: bool = False) -> re.Pattern | None:
        # (a source's names are matched again as more are found, most of them the same set)
        return _compiled(tuple(surfaces), flags, leap)

    def term_for(self, matched: str) -> Term:
        norm = _one_space(matched)
        return (self.terms.get((norm.lower(), True)) or self.terms.get((norm, False))
                or self.terms.get((norm[:1] + norm[1:].lower(), False))
                or next(t for t in self.terms.values() if _as_re_folds(t.surface) == _as_re_folds(norm)))

    def finditer(self, text: str) -> Iterator[tuple[int, int, Term]]:
        public: list[tuple[int, int]] | None = None
        for start, end in self._spans(text):
            matched = text[start:end]
            if matched.lower() in MONTHS and said_as_month(text, start, end):
                continue  # "June" the person, not "in June" nor "June 3rd"
            if matched.lower() in _MODAL_NAMES and _SAID_AS_A_MODAL.match(text, end) \
                    and _A_SENTENCE_OPENS.search(text, max(0, start - 4), start):
                continue  # "Will" the person, not "Will you come?", "May I ask?"
            term = self.term_for(matched)
            if term.kind != "REDACT":  # (a word the project lists goes wherever it is)
                if public is None:
                    public = _public_names().spans(text)
                if any(a <= start and end <= b and (a, b) != (start, end) for a, b in public):
                    continue  # "Wales" of "Sian Wales" in "Public Health Wales"
            yield start, end, term

    def _spans(self, text: str) -> Iterator[tuple[int, int]]:
        """Where a name is said: any case first, then as written."""
        if self._lowered is not None and (lowered := _folded(text)) is not None:
            yield from (m.span() for m in self._lowered.finditer(lowered))
        elif self._any is not None:
            yield from (m.span() for m in self._any.finditer(text))
        if self._exact is not None:
            yield from (m.span() for m in self._exact.finditer(text))

    def __bool__(self) -> bool:
        return bool(self.terms)


@functools.lru_cache(maxsize=256)
def _compiled(surfaces: tuple[str, ...], flags: int, leap: bool) -> re.Pattern | None:
    """``leap``: the pattern opens with its names' first characters, not with the check
    of what comes before, so that re leaps from one of them to the next (without
    re.IGNORECASE): much faster where they are few (a source's names), slower where
    they are nearly every letter (the thousands of public names)."""
    if not surfaces:
        return None
    # Whitespace inside a name may be any whitespace; a name is whole words only.
    first = {r"\s+".join(map(re.escape, s.split())): s.split()[0][0] for s in surfaces if s.strip()}
    alternatives = sorted(first, key=len, reverse=True)
    if leap:
        return re.compile(rf"(?:{_by_first_character(alternatives, first, flags, _NOT_AFTER_A_WORD)})"
                          rf"(?![\w@]|\.\w)", flags)
    return re.compile(rf"(?<![\w@.])(?:{_by_first_character(alternatives, first, flags)})(?![\w@]|\.\w)", flags)


# Letters re.IGNORECASE matches with an ASCII one that lowering does not make it: long "ſ",
# dotless "ı", dotted "İ", the Kelvin sign.
_RE_FOLDS = str.maketrans({"ſ": "s", "ı": "i", "İ": "I", "\u212a": "K"})


def _as_re_folds(text: str) -> str:
    """A name as re.IGNORECASE reads it: what was matched is told from the term it matched
    ("ſarah" is "sarah")."""
    return _one_space(text).translate(_RE_FOLDS).lower()


def _folded(text: str) -> str | None:
    """The text in lower case where that keeps every offset and re.IGNORECASE would match an
    ASCII name in it as the lowered text does: not where lowering changes a length ("İ") or a
    letter folds to an ASCII one only in re's folding (long "ſ", dotless "ı"). A curly quote or
    a dash changes nothing."""
    if text.isascii():
        return text.lower()
    lowered = text.lower()
    if len(lowered) != len(text) or "ſ" in lowered or "ı" in lowered:
        return None
    return lowered


@functools.lru_cache(maxsize=1)
def _public_names():
    """The built-in public names of more than one word ("Public Health Wales", "the
    Tavistock"): a word of a source's name inside one is the public body's word there, not
    the name said again (redaction, its seal and the leak gates all match terms here)."""
    from ingest.redact.engine import PublicMatcher  # (the engine imports this module)

    return PublicMatcher([t for t in lexicon.builtin_public_terms() if len(t.split()) > 1])


# A given name that is also a month ("April", "June"): searched for wherever the source
# says it, except where it is said as the month.
MONTHS = frozenset("january february march april may june july august september october november december".split())
_MONTH_BEFORE = re.compile(r"(?:\b(?:in|of|since|until|till|through|last|next|this|early|mid|late|end|start|during"
                           r"|every|each|between|\d{1,2}(?:st|nd|rd|th)?)|\b(?:%s)\s+(?:and|or|to)|[-–])[\s,]*$"
                           % "|".join(MONTHS), re.IGNORECASE)
_MONTH_AFTER = re.compile(r"^(?:\s*,?\s*(?:the\s+)?\d|\s+(?:the\s+)?(?:\w+(?:st|nd|rd|th)|twenty|thirty|first|second|third)\b"
                          r"|\s*[-–]|\s+(?:and|or|to|till|until)\s+[A-Z][a-z]+)", re.IGNORECASE)


def said_as_month(text: str, start: int, end: int) -> bool:
    """'in June', 'June 2019', 'the 3rd of June', 'June to August': the month, not the person."""
    if re.match(r"['’]s\b", text[end:end + 3]):
        return False  # "June's office"
    return bool(_MONTH_BEFORE.search(text[max(0, start - 20):start]) or _MONTH_AFTER.match(text[end:end + 30]))


# A given name that is a modal verb too ("Will", "May"), said as the verb: opening a sentence
# before whom it asks of ("Will you come?", "May I ask?"); not "I gave May the keys", "May never
# complained", "May this morning rang in sick" (a wish, "May the new lead be better", reads so too:
# it goes, the lesser harm).
_MODAL_NAMES = frozenset({"will", "may"})
_SAID_AS_A_MODAL = re.compile(r"\s+(?i:i|you|u|he|she|it|we|they|be|not)\b")
# (only where a sentence opens: a modal said inside one is in lower case, "I told May you were coming")
_A_SENTENCE_OPENS = re.compile(r"(?:^|[.!?…]\s*|\n\s*|['‘\"“(]\s*)$")


# No word, handle or address runs on before a name: looked for after the name's first
# character (one character, never a line break), as the two before it.
_NOT_AFTER_A_WORD = r"(?<![\w@.].)"


def _by_first_character(alternatives: list[str], first: dict[str, str], flags: int, after_first: str = "") -> str:
    """The alternatives, longest first, gathered by the character they open with: at each
    word only the group of its first letter is tried, not thousands of names (re factors a
    group's common first letter out). No character matches two groups, and a group keeps
    the order, so the same name matches as with one flat list. Not done when a name opens
    with a character outside ASCII (case folding could match it with another group's).
    ``after_first``: a check made after each group's (or name's) first character."""
    if not all(c.isascii() for c in first.values()):
        return "|".join(after_first.join(_first_and_rest(a)) for a in alternatives)
    groups: dict[str, list[str]] = {}
    for a in alternatives:
        c = first[a]
        groups.setdefault(c.lower() if flags & re.IGNORECASE else c, []).append(a)
    if after_first:
        return "|".join(f"{re.escape(c)}{after_first}(?:{'|'.join(_first_and_rest(a)[1] for a in group)})"
                        for c, group in groups.items())
    return "|".join(f"(?:{'|'.join(group)})" for group in groups.values())


def _first_and_rest(escaped: str) -> tuple[str, str]:
    """An escaped name's first character ("\\-" is one) and the rest."""
    n = 2 if escaped.startswith("\\") else 1
    return escaped[:n], escaped[n:]


def _one_space(text: str) -> str:
    return " ".join(text.split())
