"""A normalised view of a text, with a map back to the original.

People say and type identifiers around the shapes patterns expect: "oh seven seven oh
oh, nine double oh, then two four six", "jo dot bloggs at gmail dot com",
"k.smith(at)outlook(dot)com", "bryony underscore fox", "S-I-O-B-H-A-N", "KR sixty-one
fourteen thirty-seven A". ``normalise`` rewrites such forms into what they stand for
("07700 900 246", "jo.bloggs at gmail.com", "k.smith@outlook.com", "bryony_fox",
"SIOBHAN", "KR 61 14 37 A"); the recognizers read the view and ``View.span`` maps what
they find back to the original characters, so the redaction cuts the words as said.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable, Iterable

_UNITS = {"oh": "0", "o": "0", "zero": "0", "nought": "0", "nil": "0", "one": "1", "two": "2", "three": "3",
          "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_TEENS = {"ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
          "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19"}
_TENS = {"twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7", "eighty": "8",
         "ninety": "9"}
# The number words as patterns, one definition for every grammar that reads them (the date's
# and the address's in recognizers.py too): one to nine, ten to nineteen, the tens.
def _either(words: Iterable[str]) -> str:
    """Words as one group of a pattern, in their order: "(?:one|two)"."""
    return f"(?:{'|'.join(words)})"


UNIT_WORD = _either(w for w, digit in _UNITS.items() if digit != "0")
TEEN_WORD = _either(_TEENS)
TENS_WORD = _either(_TENS)
# A figure said, nought too ("oh", "zero"; "o" alone only in "double o").
_UNIT = _either(w for w in _UNITS if w != "o")
_NUMBER_WORD = (rf"(?:(?:double|triple|treble)[\s-]+(?:{_UNIT}|o)"
                rf"|{TENS_WORD}(?:[\s-]?{_UNIT}\b)?"
                rf"|{TEEN_WORD}"
                rf"|{_UNIT}|hundred|\d+)")
# Number words in a row, in groups ("oh seven seven, double oh nine, and then four"): a
# comma, a hyphen or "and then" may part them.
_NUMBER_RUN = re.compile(
    rf"(?<![\w-])(?:plus[\s-]+)?{_NUMBER_WORD}(?:(?:[\s,-]+|,?\s+(?:and\s+)?then\s+){_NUMBER_WORD})+(?![\w-])",
    re.IGNORECASE)


def number_words(words: str) -> str:
    """'oh seven seven double oh, nine hundred' -> '07700 900' ("treble" as "triple"); groups stay
    apart by a space."""
    groups, current = [], ""
    plus = bool(re.match(r"plus\b", words, re.IGNORECASE))
    tokens = re.findall(rf"{_NUMBER_WORD}|,|\bthen\b", words[4:] if plus else words, re.IGNORECASE)
    for tok in tokens:
        low = tok.lower()
        if low in (",", "then"):
            if current:
                groups.append(current)
                current = ""
            continue
        parts = re.split(r"[\s-]+", low)
        if current and (parts[0] in _TENS or low in _TEENS):  # "forty-eight twenty-one": pairs
            groups.append(current)
            current = ""
        if parts[0] in ("double", "triple", "treble"):
            current += _UNITS.get(parts[1], "0") * (2 if parts[0] == "double" else 3)
        elif parts[0] in _TENS:
            current += _TENS[parts[0]] + (_UNITS[parts[1]] if len(parts) > 1 else "0")
        elif low in _TEENS:
            current += _TEENS[low]
        elif low == "hundred":
            current += "00"
        elif low.isdigit():
            current += low
        else:
            current += _UNITS[low]
    if current:
        groups.append(current)
    return ("+" if plus else "") + " ".join(groups)


@dataclass
class View:
    """The normalised text; ``starts[i]``/``ends[i]``: the original span of its character i."""

    original: str
    text: str
    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, text: str) -> "View":
        return cls(text, text, list(range(len(text))), list(range(1, len(text) + 1)))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of view characters start..end."""
        if end <= start:
            return self.starts[start] if start < len(self.starts) else len(self.original), self.starts[start]
        return self.starts[start], self.ends[end - 1]

    def sub(self, pattern: re.Pattern, repl: Callable[[re.Match], str | None]) -> "View":
        """Replace each match by repl(match) (None leaves it), each new character mapped to
        the whole original span of what it replaces."""
        pieces, starts, ends, last = [], [], [], 0
        for m in pattern.finditer(self.text):
            new = repl(m)
            if new is None or new == m.group():
                continue
            pieces.append(self.text[last:m.start()])
            starts += self.starts[last:m.start()]
            ends += self.ends[last:m.start()]
            if m.end() > m.start():
                a, b = self.starts[m.start()], self.ends[m.end() - 1]
            else:
                a = b = self.starts[m.start()] if m.start() < len(self.starts) else len(self.original)
            pieces.append(new)
            starts += [a] * len(new)
            ends += [b] * len(new)
            last = m.end()
        if not pieces:
            return self
        pieces.append(self.text[last:])
        starts += self.starts[last:]
        ends += self.ends[last:]
        return View(self.original, "".join(pieces), starts, ends)


# Letters spelled out: "S-I-O-B-H-A-N", "s, i, o, b, h, a, n", "H.O.L.L.Y" (four or more),
# and capitals spaced apart ("P W", "N E"): one word.
# (hyphens and commas mix, "N-I, A-M-H"; full stops go with no other mark: "P-E. P-E" is two
# letters said twice)
_SPELLED = re.compile(r"(?<![\w-])(?:[A-Za-z](?:(?:-|,\s)[A-Za-z]){3,}|[A-Za-z](?:\.\s?[A-Za-z]){3,})(?![\w-])"
                      r"(?:\.(?!\w))?"
                      r"|(?<![\w-])[A-Z](?: [A-Z]){1,3}(?![\w'-])")
_AT_DOT = re.compile(r"\s*[(\[{<]\s*(at|dot)\s*[)\]}>]\s*", re.IGNORECASE)
# "dot", or "full stop" or "period" before an address's ending ("brackmail full stop com", "gmail
# period com"), "period" between the words of an address's name before its "at" too ("ana period
# lucia period reyes at gmail"); not "for a period of time".
_AN_ENDING = r"(?:com|org|net|co|uk|ac|gov|nhs|io|me|info)\b"
_SPOKEN_DOT = re.compile(r"(?<=\w),?\s+(?:dot|full\s+stop(?=\s+" + _AN_ENDING + r")|(?P<period>period)(?=\s+"
                         + _AN_ENDING + r"(?!\s+(?:of|and|my|me|the|a|to|in|for|was|is)\b)"
                         + r"|\s+\w+(?:\s+period\s+\w+)*\s+at\s+\w)),?\s+(?=\w)", re.IGNORECASE)


def _spoken_dot(m: re.Match) -> str | None:
    """'.'; "period" before an ending only after an address's "at" ("gmail period com"), not "a
    hard period me and my husband", "the notice period net of tax"."""
    if m.group("period") and not re.search(r"\bat\b", m.string[max(0, m.start() - 40):m.start()], re.IGNORECASE) \
            and not re.match(r"\s*\S+(?:\s+period\s+\S+)*\s+at\s+(?:\S+\s+){0,2}\S+\s+period\b", m.string[m.end():],
                             re.IGNORECASE):
        return None  # (in a name before "at" only where its host says "period" too: not "my probation
        # period ended at quarrow dot co dot uk")
    return "."
_UNDERSCORE = re.compile(r"(?<=\w)(?P<comma>,)?\s+underscore,?\s+(?=\w)|(?<=\w),?\s+underscore\b", re.IGNORECASE)
# "dash" or "hyphen" said between the words of an address before its "at" ("save dash our dash pay
# at proton dot me") or before a web address's ending ("forward dash steps dot org dot uk",
# "timesheets at fernleigh hyphen staffing dot co dot uk"); not elsewhere ("I had to dash off", "a
# dash of milk", "a hyphen in her name").
_SPOKEN_DASH = re.compile(r"(?<=\w)\s+(?:dash|hyphen)\s+(?=\w+(?:\s+(?:dash|hyphen)\s+\w+)*(?:\s+at\s+\w+(?:\s+\w+)?(?:\s+dot\s+|\.)\w"
                          r"|(?:\s+dot\s+|\.)(?:org|com|co|net|uk|info|io|me|cymru|scot|app|community|health|care|life"
                          r"|support|network|social|space|live|team|services|help|charity|therapy|clinic|coach|academy"
                          r"|training|studio|digital|foundation|ltd)\b))", re.IGNORECASE)
# A handle's words said apart, then that they are one ("at sign band six and broke, all one word"):
# run together.
_ONE_WORD = re.compile(r"(?<=@)[A-Za-z0-9_]+(?:[ ,]+(?!all\s+one\b)[A-Za-z0-9_]+){1,5}"
                       r"(?=[ ,]+(?:all\s+)?(?:one\s+word|no\s+spaces|joined\s+up)\b)", re.IGNORECASE)
# "at sign", "at symbol" said for the "@" of a handle, where a handle is spoken of ("find me
# at sign calder carer"; not "i looked at symbol charts", "the at symbol key is broken").
_AT_SIGN = re.compile(r"\bat\s+(?:sign|symbol)\s+(?!(?:in|up|out|off|on|over|the|a|an|of|for|to|and|here|there"
                      r"|language|post\w*|board|boards|level|levels)\b)(?=\w)", re.IGNORECASE)
_HANDLE_SPOKEN_OF = re.compile(r"\b(?:find|follow|message|dm|add|tag|handle|username|account|insta|instagram|twitter"
                               r"|tiktok|snapchat|threads|bluesky|facebook|reach|on\s+x)\b[^!?\n]{0,30}$", re.IGNORECASE)


def _underscore(m: re.Match) -> str | None:
    """'_'; set apart by commas ("M H, underscore, workers"), only where a handle is spoken of
    ("I said, underscore, that's key" is the verb)."""
    if m.group("comma") and not _HANDLE_SPOKEN_OF.search(m.string, max(0, m.start() - 60), m.start()) \
            and "@" not in m.string[max(0, m.start() - 40):m.start()]:
        return None
    return "_"


def _at_sign(m: re.Match) -> str | None:
    return "@" if _HANDLE_SPOKEN_OF.search(m.string, max(0, m.start() - 40), m.start()) else None


# "slash" said after a host's ending, for the "/" of a path ("bit dot ly slash mersey mums"), each
# part of a path ("linkedin dot com slash in slash jo-amankwah", "careworkers.uk, forward slash join").
# The last part is one to a pause, of three words at most ("slash in slash marek whitlock." is
# /in/marek-whitlock), or one word before words going on ("slash orrinpeers for the form"); not a
# title or a capitalised name's first word before more ("... slash Femi Whitlock and message me",
# "slash dr tomi brannigan on there": the person rules read the name whole).
_A_SLASH_SAID = r",?\s+(?:forward\s+)?slash\s+"
_AT_A_PAUSE = r"(?=[ \t]*(?:[,.;:!?)—–]|$))"
_SPOKEN_SLASH = re.compile(rf"(?<=\.)(?P<end>[a-z]{{2,6}})(?:(?P<path>(?:{_A_SLASH_SAID}[\w-]+(?={_A_SLASH_SAID}))+)"
                           rf"(?:{_A_SLASH_SAID}(?P<last>[\w-]+(?:[ \t]+[\w-]+){{0,2}}){_AT_A_PAUSE})?"
                           rf"|{_A_SLASH_SAID}(?:(?P<only>[\w-]+(?:[ \t]+[\w-]+){{0,2}}){_AT_A_PAUSE}"
                           rf"|(?!(?:dr|mr|mrs|ms|miss|prof)\b)(?-i:(?![A-Z][\w-]*[ \t]+[A-Z]))(?P<word>[\w-]+)))",
                           re.IGNORECASE)


def _spoken_slash(m: re.Match) -> str | None:
    """The path's parts joined; its last said only to a pause, or as its one part (the address's
    first word after its host, as "bit dot ly slash orrinpeers for the form")."""
    parts = re.split(_A_SLASH_SAID, m.group("path") or "", flags=re.IGNORECASE)[1:]
    last = m.group("last") or m.group("only")
    parts += ["-".join(last.split())] if last else [m.group("word")] if m.group("word") else []
    return m.group("end") + "".join("/" + part for part in parts)


# "www" and "https://" said ("double-u double-u double-u dot", "h t t p s colon slash slash").
_SPOKEN_WEB = re.compile(r"\b(?:(?:double[\s-]?(?:u|you)[\s,]+){2}double[\s-]?(?:u|you)|triple[\s-]?(?:u|you|w)|w\s+w\s+w)"
                         r"(?=,?\s+(?:dot|\.))"
                         r"|\bh\s*t\s*t\s*p(?P<s>\s*s)?\s+colon\s+(?:forward\s+)?slash\s+(?:forward\s+)?slash\s+(?=\w)",
                         re.IGNORECASE)
# Characters joined by hyphens, each a figure, a letter or a number word ("Oh-one-C-three",
# "B-L-nine", "Y-O-sixty-one", "four-J-W").
_HYPHEN_PART = rf"(?:{TENS_WORD}|{TEEN_WORD}|{_UNIT}|[A-Za-z\d])"
_HYPHEN_DIGITS = re.compile(rf"(?<![\w-]){_HYPHEN_PART}(?:-{_HYPHEN_PART})+(?![\w-])", re.IGNORECASE)
_TRIGGER = re.compile(rf"\b(?:dot|at|underscore|slash|dash|hyphen|period|oh|zero|{UNIT_WORD}|double|{TENS_WORD})\b"
                      r"|[A-Za-z][-,.]\s?[A-Za-z][-,.]|\b[A-Z] [A-Z]\b", re.IGNORECASE)


def _spelled(m: re.Match) -> str | None:
    letters = re.sub(r"[^A-Za-z]", "", m.group())
    # "I A" and "a, b, c" lists of options read like letters too; only a run of four or
    # more, or capitals, is a word.
    if " " in m.group() and "," not in m.group() and "-" not in m.group() and "." not in m.group():
        return letters if m.group().isupper() and letters not in ("AI", "IA") else None
    return letters


# A postcode's second half after its first: a figure and two letters, spelled or not ("one-q-p", "2AB").
_A_POSTCODES_REST = re.compile(rf",?\s+(?:\d|(?i:{_UNIT}))(?:\s?-?[A-Za-z]-[A-Za-z]|[A-Za-z]{{2}}|\s[A-Z]\s?[A-Z]"
                               r"|\s(?![ap]\sm\b)[a-z]\s[a-z])(?![\w'’-])")  # (not "2 of", "1 am", "1 a m")


def _hyphen_digits(m: re.Match) -> str | None:
    """'Oh-one-C-three-three' -> '01C33', 'J-T-6-5-4-3-2-1-D' -> 'JT654321D' (a PIN, a number
    read out a character at a time); with two letters, one figure is enough: 'B-L-nine' ->
    'BL9', 'four-J-W' -> '4JW', 'Y-O-sixty-one' -> 'YO61' (a postcode's halves spelled). 'x-ray',
    'twenty-one' (a number word's own hyphen, the runs' to read), 'five-a-side', a stammer
    ('s-s-six') stay."""
    parts = m.group().split("-")
    said_first = parts[:-1]
    if all(len(p) == 1 and p.isalpha() and p.lower() == said_first[0].lower() for p in said_first) and (
            said_first[0].lower() == parts[-1][0].lower() or said_first[0].islower()) \
            and not _A_POSTCODES_REST.match(m.string, m.end()):
        return None  # a word stammered, a sound of it said first: "s-s-six months", "n-n-nine", "l-l-eleven"
        # (not a postcode's first half before its second: "s-s-seven, one-q-p" is SS7 1QP)
    figures = [p.lower() in _UNITS or p.lower() in _TEENS or p.lower() in _TENS or p.isdigit() for p in parts]
    said, letters = sum(figures), len(parts) - sum(figures)
    if said < 2 and not (said == 1 and letters >= 2) or letters == 0 and not all(
            p.lower() in _UNITS or p.isdigit() for p in parts):
        return None
    out, i = "", 0
    while i < len(parts):
        low = parts[i].lower()
        if low in _TENS:  # "sixty-one" is 61, "sixty" alone 60
            unit = parts[i + 1].lower() if i + 1 < len(parts) else ""
            out += _TENS[low] + (_UNITS[unit] if unit in _UNITS and _UNITS[unit] != "0" else "0")
            i += 2 if unit in _UNITS and _UNITS[unit] != "0" else 1
            continue
        if low == "o" and i and not figures[i - 1]:
            figures[i] = False  # an O after a letter is the letter: "Y-O-sixty-one", "C-O-one"
        out += parts[i].upper() if not figures[i] else _TEENS.get(low) or _UNITS.get(low) or parts[i]
        i += 1
    return out


# "dash", "hyphen", "slash" said between the parts of a code, figures or capitals ("HR dash two
# two, dash, four seven nine", "three eight five, dash, oh one six"), after the figures are read:
# the mark ("HR-22-479"); not between words ("I had to dash off", "a dash of milk"), nor "stroke"
# ("age 67 stroke 2019" is an illness).
_MARK_WORD = r"(?i:dash|hyphen|(?:forward\s+)?slash)"
_SPOKEN_CODE_MARK = re.compile(rf"(?<=[A-Z\d])(?:,?\s+|\s*-\s*)(?P<mark>{_MARK_WORD}),?(?:\s+|\s*-\s*)(?=[A-Z\d])")


_A_CODES_PART = re.compile(r"(?:\d+[A-Z]{0,2}|[A-Z](?:-[A-Z]){1,3}|[A-Z]{1,3}\d*)(?![\w'’-])")
_A_CODE_SAID_WITH_MARKS = re.compile(rf"(?<![\w'’-]){_A_CODES_PART.pattern}"
                                     rf"(?:(?:,?\s+|\s*-\s*){_MARK_WORD},?(?:\s+|\s*-\s*){_A_CODES_PART.pattern})+")
# (the emergency and non-emergency numbers, beside the helplines recognizers.public_numbers() lists)
_PUBLIC_NUMBERS = frozenset({"111", "999", "112", "101", "116"})
_A_TIME_OR_YEAR = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d|(?:19|20)\d\d")


def _code_mark(m: re.Match) -> str | None:
    """The mark, where the parts it joins are a code's: figures, or capitals of three letters at
    most, none a name ("OKAFOR dash 921816", "479 dash SUE" say whose), four figures or more in
    all and not a public number's ("S dash 136", "the A dash 580", "111 slash 999" are a section,
    a road, the helplines); figures alone three parts or more, not times or years alone ("0700 dash
    1930" is a shift); not opened by a public body's or a department's letters, its section or
    form the spoken rules read ("MHA dash S dash one three six", "HR dash 22 dash 479")."""
    from ingest.redact import lexicon, recognizers  # (both import this module)

    def a_name(part: str) -> bool:  # (not a department's or a public body's letters: "ITU", "NHS")
        letters = part.replace("-", "")
        lower = letters.lower()
        return len(letters) > 1 and letters.isalpha() and (lower in lexicon.first_names() or lower in lexicon.surnames()) \
            and not recognizers.letters_said_for_a_thing(letters) and lower not in recognizers.public_lower()

    chain = next((c for c in _A_CODE_SAID_WITH_MARKS.finditer(m.string, max(0, m.start() - 60), m.end() + 60)
                  if c.start() < m.start() and m.end() <= c.end()), None)
    if chain is None:
        return None
    # the parts on either side of this mark, out to a name ("HR dash 22 dash 479 dash SUE TREMAYNE")
    parts = list(_A_CODES_PART.finditer(m.string, chain.start(), chain.end()))
    named = [a_name(p.group()) for p in parts]
    left = [p for p in parts if p.end() <= m.start()]
    right = [p for p in parts if p.start() >= m.end()]
    if not left or not right or named[len(left) - 1] or named[len(left)]:
        return None
    first = next((i + 1 for i in range(len(left) - 1, -1, -1) if named[i]), 0)
    last = next((i for i in range(len(left), len(parts)) if named[i]), len(parts))
    code = [p.group() for p in parts[first:last]]
    figures_only = all(p.isdigit() for p in code)
    if sum(c.isdigit() for p in code for c in p) < 4 or any(p in _PUBLIC_NUMBERS for p in code) \
            or figures_only and (len(code) < 3 or all(_A_TIME_OR_YEAR.fullmatch(p) for p in code)) \
            or code[0].isalpha() and (recognizers.letters_said_for_a_thing(code[0].replace("-", ""))
                                      or recognizers.a_public_bodys_letters(code[0].replace("-", ""))):
        return None
    return "/" if m.group("mark").lower().endswith("slash") else "-"


# A number said as a quantity of thousands as the value of a label saying it is someone's
# number ("my staff number is seventy-four thousand one hundred and nineteen", "pin, four
# thousand and twelve", or said again after its figures: "seven four one one nine, seventy-four
# thousand ..."): its figures ("74119"), read by text2num, as a staff number or a PIN is said as
# often as figure by figure. Not a count ("the hospital has nine thousand beds", "the case ref
# had four thousand pages"), nor money near it ("awarded me twelve thousand", "paid thirty-one
# thousand a year": pay is what the archive is about), nor a year ("two thousand and nine": a
# date's grammar reads those), nor words that are no one number ("one two thousand").
_CARDINAL_WORD = rf"(?:{TENS_WORD}(?:[\s-]{UNIT_WORD})?|{TEEN_WORD}|{UNIT_WORD}|hundred|thousand|million)"
# (a comma after a thousand or a million is written inside one number: "seventy-four thousand,
# three hundred and twelve")
_CARDINAL = re.compile(rf"(?<![\w-]){_CARDINAL_WORD}"
                       rf"(?:(?:[\s-]+|\s+and\s+|(?:(?<=thousand)|(?<=million)),\s*){_CARDINAL_WORD})*"
                       r"(?![\w-])", re.IGNORECASE)

_MONEY = re.compile(r"£|\b(?:pounds?|quid|grand|k|salary|wages?|pay|paid|earn\w*|worth|costs?|owe[ds]?|debt|bonus|"
                    r"pension|pot|award(?:ed)?|claim(?:ed)?|settle(?:d|ment)?|compensation|invoice|contributions?|fees?|"
                    r"a\s+year|per\s+(?:year|annum|hour)|an\s+hour|budget|funding|grant)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _numbers_label() -> re.Pattern:
    """A label a number is the value of (data's number_labels), then fillers and, if the number
    was said already, its figures or words, up to where the number is said; or another's number
    said after one ("my staff number is ... and hers is ...")."""
    from ingest.redact import recognizers  # (it imports this module)

    return re.compile(rf"(?<![\w'’-])(?:{'|'.join(map(re.escape, recognizers.words('number_labels')))})"
                      r"(?:['’]s|\s+(?:is|was))?(?:[\s,:;—–-]+(?:it['’]s|um|er|erm|like))*[\s,:;—–-]*"
                      rf"(?:(?:{_NUMBER_WORD}|thousand|million|and|(?:his|hers|mine|theirs|yours)\s+(?:is|was))[\s,.;:—–-]+)*$",
                      re.IGNORECASE)


def _cardinal(m: re.Match) -> str | None:
    words, text = m.group(), m.string
    if not re.search(r"thousand|million", words, re.IGNORECASE) \
            or not _numbers_label().search(text, max(0, m.start() - 80), m.start()):
        return None
    # Written with a comma before its hundreds ("seventy-four thousand, three hundred and twelve"),
    # one number; else each part a comma sets apart is read as if said alone ("four thousand, five
    # thousand"; "ninety thousand, three weeks"), and so is a number whose words make a year or no
    # one number, or with money said after its thousands.
    from ingest.redact.recognizers import counted_after  # (it imports this module)

    said = words.split(",")
    if len(said) > 1 and "hundred" in said[1].lower() \
            and not counted_after(text, m.end()):  # ("thirty-two thousand, four hundred staff" are two)
        value = _number(" ".join(said))
        if value is not None and not 1900 <= value < 2100 \
                and not _money_near(text, m.start(), m.start() + len(said[0])):
            return str(value)
    read, end = [], m.start()
    for part in said:
        end += len(part)
        value = _number(part) if re.search(r"thousand|million", part, re.IGNORECASE) else None
        read.append(part.strip() if value is None or 1900 <= value < 2100 or _money_near(text, m.start(), end)
                    else str(value))
        end += 1  # (the comma)
    return None if read == [part.strip() for part in said] else ", ".join(read)


def _money_near(text: str, start: int, end: int) -> bool:
    """Money said within the clause around a number's words: searched from before them, not cut
    after them."""
    money = _MONEY.search(text, max(0, start - 40))
    return money is not None and money.start() <= end + 20


def _number(words: str) -> int | None:
    from text_to_num import text2num

    try:
        return text2num(" ".join(words.lower().split()), "en")
    except ValueError:
        return None


# Each rewriting in its order, with the characters or words a text must hold for its pattern
# to match at all (lower case; None: no such cue): most texts skip most patterns unread.
# Letters said one by one inside an address said aloud, in any case: between two "dot"s ("dot n h
# s dot uk") or before "dot" and an ending ("meridian h r dot co dot uk"): one word of the address.
_LETTERS_IN_AN_ADDRESS = re.compile(rf"(?<![\w'’-])[a-z](?: [a-z]){{1,3}}(?=,? dot {_AN_ENDING})"
                                    r"|(?<=\bdot )[a-z](?: [a-z]){1,3}(?= dot\b)", re.IGNORECASE)

_REWRITES = [
    (_CARDINAL, _cardinal, ("thousand", "million")),
    (_LETTERS_IN_AN_ADDRESS, lambda m: m.group().replace(" ", ""), ("dot",)),
    (_SPOKEN_WEB, lambda m: ("https://" if m.group("s") else "http://") if m.group().lower().startswith("h") else "www",
     ("double", "triple", "w w", "colon")),
    (_HYPHEN_DIGITS, _hyphen_digits, ("-",)),
    (_NUMBER_RUN, lambda m: number_words(m.group()) if len(re.findall(r"\w+", m.group())) > 1 else None, None),
    (_SPELLED, _spelled, None),
    (_AT_DOT, lambda m: "@" if m.group(1).lower() == "at" else ".", tuple("([{<")),
    (_SPOKEN_DASH, lambda m: "-", ("dash", "hyphen")),
    (_SPOKEN_DOT, _spoken_dot, ("dot", "stop", "period")),
    (_UNDERSCORE, _underscore, ("underscore",)),
    (_AT_SIGN, _at_sign, ("sign", "symbol")),
    (_SPOKEN_SLASH, _spoken_slash, ("slash",)),
    (_SPOKEN_CODE_MARK, _code_mark, ("dash", "hyphen", "slash")),
    (_ONE_WORD, lambda m: re.sub(r"[ ,]+", "", m.group()), ("word", "spaces", "joined")),
]


def normalise(text: str) -> View:
    view = View.of(text)
    if not _TRIGGER.search(text):
        return view
    lower = text.lower()
    for pattern, rewrite, cues in _REWRITES:
        if cues is None or any(cue in lower for cue in cues):
            rewritten = view.sub(pattern, rewrite)
            if rewritten is not view:  # (letters spelled out may make a cue: "D-O-T")
                view, lower = rewritten, rewritten.text.lower()
    return view
