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

from ingest.redact.recognizers import KINDS

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


class TermMatcher:
    def __init__(self, terms: Iterable[Term]):
        self.terms: dict[tuple[str, bool], Term] = {}
        for term in terms:
            surface = _one_space(term.surface)  # a term found across a line break matches either way
            key = (surface.lower() if term.any_case else surface, term.any_case)
            # A name's stray word ("and" of "Placement and Volunteer", "AND" of a line in
            # capitals) is nobody's name; capitalised alone ("Will") it may be.
            if term.kind in ("PERSON", "ORG", "LOC") and (surface.islower() or surface.isupper()) \
                    and all(w.lower() in STOP_WORDS for w in re.findall(r"\w+", surface)):
                continue
            if term.surface.strip() and key not in self.terms:
                self.terms[key] = term
        self._any = self._compile([t.surface for t in self.terms.values() if t.any_case], re.IGNORECASE)
        exact = set()
        for t in self.terms.values():
            if not t.any_case:
                exact |= {t.surface, t.surface.upper(), t.surface[:1].upper() + t.surface[1:]}
                if t.surface.isupper():  # "GREEN" of a label in capitals is "Green" in the text
                    exact.add(t.surface[:1] + t.surface[1:].lower())
        self._exact = self._compile(sorted(exact), 0)

    @staticmethod
    def _compile(surfaces: list[str], flags: int) -> re.Pattern | None:
        if not surfaces:
            return None
        # Whitespace inside a name may be any whitespace; a name is whole words only.
        first = {r"\s+".join(map(re.escape, s.split())): s.split()[0][0] for s in surfaces if s.strip()}
        alternatives = sorted(first, key=len, reverse=True)
        return re.compile(rf"(?<![\w@.])(?:{_by_first_character(alternatives, first, flags)})(?![\w@]|\.\w)", flags)

    def term_for(self, matched: str) -> Term:
        norm = _one_space(matched)
        return (self.terms.get((norm.lower(), True)) or self.terms.get((norm, False))
                or self.terms.get((norm[:1] + norm[1:].lower(), False))
                or next(t for t in self.terms.values() if _one_space(t.surface).lower() == norm.lower()))

    def finditer(self, text: str) -> Iterator[tuple[int, int, Term]]:
        public: list[tuple[int, int]] | None = None
        for pattern in (self._any, self._exact):
            if pattern is not None:
                for m in pattern.finditer(text):
                    if m.group().lower() in MONTHS and said_as_month(text, m.start(), m.end()):
                        continue  # "June" the person, not "in June" nor "June 3rd"
                    term = self.term_for(m.group())
                    if term.kind != "REDACT":  # (a word the project lists goes wherever it is)
                        if public is None:
                            public = _public_names().spans(text)
                        if any(a <= m.start() and m.end() <= b and (a, b) != m.span() for a, b in public):
                            continue  # "Wales" of "Sian Wales" in "Public Health Wales"
                    yield m.start(), m.end(), term

    def __bool__(self) -> bool:
        return bool(self.terms)


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


def _by_first_character(alternatives: list[str], first: dict[str, str], flags: int) -> str:
    """The alternatives, longest first, gathered by the character they open with: at each
    word only the group of its first letter is tried, not thousands of names (re factors a
    group's common first letter out). No character matches two groups, and a group keeps
    the order, so the same name matches as with one flat list. Not done when a name opens
    with a character outside ASCII (case folding could match it with another group's)."""
    if not all(c.isascii() for c in first.values()):
        return "|".join(alternatives)
    groups: dict[str, list[str]] = {}
    for a in alternatives:
        c = first[a]
        groups.setdefault(c.lower() if flags & re.IGNORECASE else c, []).append(a)
    return "|".join(f"(?:{'|'.join(group)})" for group in groups.values())


def _one_space(text: str) -> str:
    return " ".join(text.split())
