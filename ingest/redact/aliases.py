"""The forms of one person's name in a source, joined under one pseudonym.

A person named "Tobias Wendle" and later "Toby", or "K-E-I-R-A" spelled out after "Keira",
or "J.W." after "Jonah Wendle", is one person: each form is redacted where it is found (the
engine), and this decides which found forms are one person's, so they share one number.

The rules, over the forms read as persons in one source:
- spelled out: a form of single letters between separators ("K-E-I-R-A", "k.e.i.r.a", "K for
  kilo, E, I...") is the name its letters spell, compared ignoring case, when that name is found
  in the source, or the full name it is the given name or the surname of;
- short form: a one-word form is the given name it shortens: a short form or nickname the
  table data/short_forms.txt lists for it ("Maggie" of "Marguerite"), or its first three
  letters or more when those are a given name themselves ("Sam" of "Samantha");
- initials: a form of two or three letters written in capitals or dotted ("JW", "J.W.") is
  the full name of two or three words whose initials they are.
A form that could be two people's ("Tom" when "Thomas Baker" and "Tomasz Nowak" are both
named) is joined to neither: it keeps a number of its own, and is redacted all the same.
A short form of two forms of one name ("Sam" of "Sammy" and "Samantha") joins the fullest.
A form already a word of a longer name ("Tom" of "Tom Baker") keeps that name.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from ingest.redact import lexicon

_DATA = Path(__file__).parent / "data" / "short_forms.txt"
_SPELLED = re.compile(r"[a-z](?:[-., ]+[a-z]){2,}\.?")
# A letter said by a word it opens ("z as in zebra, a, b, o...", "w for whiskey, a for alpha"),
# a letter said twice ("double l"), and the words joining them ("and then").
_LETTER_AS_IN = re.compile(r"(?<![a-z])([a-z]) (?:as in|for) [a-z]+")
_DOUBLE = re.compile(r"(?<![a-z])(?:double|triple) ([a-z])(?![a-z])")
_JOINED_BY = re.compile(r"(?<![a-z])(?:and then|then|and)(?![a-z])")
_INITIALS = re.compile(r"([a-z])\.? ?([a-z])\.?(?: ?([a-z])\.?)?")


@functools.lru_cache(maxsize=1)
def short_forms() -> dict[str, frozenset[str]]:
    """Given name → its usual short forms and nicknames (data/short_forms.txt)."""
    table: dict[str, set[str]] = {}
    for number, line in enumerate(_DATA.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        given, sep, shorts = line.partition(":")
        if not sep or not given.strip().isalpha():
            raise ValueError(f"{_DATA}, line {number}: expected 'given: short short ...', got {line!r}")
        table.setdefault(given.strip(), set()).update(shorts.split())
    return {g: frozenset(s) for g, s in table.items()}


def spelled(norm: str) -> str | None:
    """'k-e-i-r-a', 'k, e, i, r, a', 'k as in kilo, e, i, r, a', 'k for kilo, e for echo...' →
    'keira'; None for anything not spelled out letter by letter."""
    norm = _JOINED_BY.sub(" ", _DOUBLE.sub(r"\1 \1", _LETTER_AS_IN.sub(r"\1", norm))).strip()
    return re.sub(r"[^a-z]", "", norm) if _SPELLED.fullmatch(norm) else None


def initials(norm: str, capitals: bool) -> str | None:
    """'j.w', 'jw' (written 'JW') → 'jw'. Two undotted letters not in capitals ("Jo") are a word,
    unless English never writes them ("kf")."""
    m = _INITIALS.fullmatch(norm)
    if not m or not (capitals or "." in norm or " " not in norm and lexicon.is_rare(norm)):
        return None  # (in lower case, letters English never writes are initials: "kf")
    letters = "".join(g for g in m.groups() if g)
    if "." not in norm and letters in lexicon.first_names():
        return None  # "JO" in capitals is Jo shouted
    return letters


def shortens(short: str, given: str) -> bool:
    """Whether ``short`` is a short form of the given name ``given`` ("toby" of "tobias")."""
    if short == given:
        return False
    if short in short_forms().get(given, ()):
        return True
    return len(short) >= 3 and given.startswith(short) and short in lexicon.first_names()


def join(persons: set[str], parents: dict[str, str], capitals: set[str]) -> dict[str, str]:
    """Adds to ``parents`` (normalised form → the normalised name it is a form of) the forms of
    the persons' names (normalised) these rules join; ``capitals``: the forms written in capitals."""
    def root(n: str) -> str:
        return parents.get(n, n)

    given: dict[str, set[str]] = {}  # a given name said in the source → whose
    word_of: dict[str, set[str]] = {}  # a word of a full name (its given name, its surname) → whose
    full: dict[str, set[str]] = {}   # the initials of a full name → whose
    for n in persons:
        words = n.split()
        if words and words[0].isalpha() and words[0] in lexicon.first_names():
            given.setdefault(words[0], set()).add(root(n))
        if len(words) > 1:
            for w in (words[0], words[-1]):
                word_of.setdefault(w, set()).add(root(n))
        if 2 <= len(words) <= 3 and all(w[:1].isalpha() for w in words):
            full.setdefault("".join(w[0] for w in words), set()).add(root(n))
            if "-" in n and len(parts := [p for w in words for p in w.split("-") if p[:1].isalpha()]) <= 3:
                full.setdefault("".join(p[0] for p in parts), set()).add(root(n))  # "jta" of "jacqueline thorogood-ansari"
    joined = {}
    for n in persons:
        word = spelled(n)
        if word is not None:
            targets = {root(word)} if word in persons else set(word_of.get(word, ()))  # (or a full name's word)
        elif n in parents:
            continue  # a word of a longer name is that name's
        elif (letters := initials(n, n in capitals)) is not None:
            targets = set(full.get(letters, ()))
        elif n.isalpha():
            names = [g for g in given if shortens(n, g)]
            if len(names) > 1:  # "sam" of "sammy" and of "samantha": the fullest name's
                names = [g for g in names if not any(shortens(g, other) for other in names)]
            targets = {r for g in names for r in given[g]}
        else:
            continue
        targets.discard(root(n))
        if len(targets) == 1:
            joined[n] = targets.pop()
    for n, target in joined.items():  # "sammy" → "sam" → "samantha orrell": to the last
        seen = {n}
        while target in joined and target not in seen:
            seen.add(target)
            target = joined[target]
        joined[n] = target
    parents.update(joined)
    return parents
