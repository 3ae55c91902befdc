"""The search query language, parsed once into a small tree that each engine renders.

    honorary placements              both words (stemmed: honorary ~ honoraries)
    "unpaid placement"               a phrase
    targets OR KPIs, burnout NOT app boolean operators (upper case), (parentheses)
    burnout -app -theme:workload     a leading minus is NOT
    supervison~                      fuzzy word (one edit; supervison~2 for two)
    supervis*                        words starting so (supervisor, supervision...)
    theme:precarity kind:podcast     field filters: theme, collection, kind,
    source:int-04 speaker:therapist  source, speaker (words of the speaker's description)
    year:2016..2018  year:2017..     year ranges (also year:2017, year:[2016 TO 2018])

Parsing never fails on stray punctuation: an unclosed quote runs to the end, an
unmatched parenthesis is ignored, a dangling operator is dropped, and words with
nothing searchable in them (``***``) are left out. Only a malformed year is an
error, since guessing it would silently change the answer.

This module imports nothing heavy: ``archive search`` parses before it knows
which engine it needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Union

FIELDS = ("theme", "collection", "kind", "source", "speaker", "year")
OPERATORS = ("AND", "OR", "NOT")
MAX_FUZZY_EDITS = 2


class QueryError(ValueError):
    """A query that cannot be understood; the message is one line for the user."""

    def __init__(self, message: str, backwards: tuple[str, str] | None = None):
        super().__init__(message)
        self.backwards = backwards  # a range of years written last first: (first, last)


@dataclass(frozen=True)
class Word:
    text: str
    fuzzy: int = 0  # allowed edits; 0 = exact (stemmed) match
    prefix: bool = False  # supervis*: any word starting so
    span: tuple[int, int] = (0, 0)  # where it stands in the query text (for "did you mean")


@dataclass(frozen=True)
class Phrase:
    text: str


@dataclass(frozen=True)
class Filter:
    field: str  # one of FIELDS except year
    value: str


@dataclass(frozen=True)
class Years:
    first: int | None
    last: int | None


@dataclass(frozen=True)
class And:
    items: tuple["Node", ...]


@dataclass(frozen=True)
class Or:
    items: tuple["Node", ...]


@dataclass(frozen=True)
class Not:
    item: "Node"


Node = Union[Word, Phrase, Filter, Years, And, Or, Not]

_FIELD_NAMES = "|".join(FIELDS)
_TOKEN = re.compile(
    rf"""
      (?P<space>\s+)
    | (?P<minus>-)(?=[^\s\-)])
    | (?P<open>\()
    | (?P<close>\))
    | (?P<field>(?i:{_FIELD_NAMES})):
      (?: "(?P<fphrase>[^"]*)"? | \[(?P<frange>[^\]]*)\]? | (?P<fvalue>[^\s()"]*) )
    | "(?P<phrase>[^"]*)"?
    | (?P<word>[^\s()"]+)
    """,
    re.VERBOSE,
)
_SEARCHABLE = re.compile(r"\w")
_FUZZY = re.compile(r"^(?P<base>.*?)~(?P<edits>\d*)$")
_PREFIX = re.compile(r"^(?P<base>.*?\w)\*+$")


def parse(text: str) -> Node | None:
    """Parse ``text`` into a query tree; None when nothing searchable is left."""
    tokens = list(_tokens(text))
    parser = _Parser(tokens)
    items = []
    while not parser.done():
        node = parser.parse_or()
        if node is not None:
            items.append(node)
        if parser.peek() == ")":  # unmatched: ignore it
            parser.next()
    return join_items(And, items)


def _tokens(text: str) -> Iterator[object]:
    for m in _TOKEN.finditer(text):
        if m["space"]:
            continue
        if m["minus"]:
            yield "NOT"
        elif m["open"] or m["close"]:
            yield m[0]
        elif m["field"]:
            node = _field(m["field"].lower(), m["fphrase"], m["frange"], m["fvalue"], m[0])
            if node is not None:
                yield node
        elif m["phrase"] is not None:
            words = m["phrase"].strip()
            if _SEARCHABLE.search(words):
                yield Phrase(words) if len(words.split()) > 1 else Word(words, span=m.span("phrase"))
        elif m["word"] in OPERATORS:
            yield m["word"]
        else:
            word, span = m["word"], m.span("word")
            edits, prefix = 0, False
            fuzzy = _FUZZY.match(word)
            starting = _PREFIX.match(word)
            if fuzzy:
                word = fuzzy["base"]
                edits = min(int(fuzzy["edits"] or 1), MAX_FUZZY_EDITS)
                span = (span[0], span[0] + len(word))
            elif starting:
                word, prefix = starting["base"], True
                span = (span[0], span[0] + len(word))
            if _SEARCHABLE.search(word):
                yield Word(word, edits, prefix, span)


def _field(name: str, phrase: str | None, bracket: str | None, value: str | None, raw: str):
    if name == "year":
        return _years(bracket if bracket is not None else (value or ""), raw)
    value = (phrase if phrase is not None else bracket if bracket is not None else value or "").strip()
    return Filter(name, value) if value else None


_YEAR_DOTS = re.compile(r"^(\d{4})?(?:\.\.(\d{4})?)?$")
_YEAR_TO = re.compile(r"^\s*(\d{4})?\s*TO\s*(\d{4})?\s*$", re.IGNORECASE)


def _years(value: str, raw: str) -> Years:
    m = _YEAR_TO.match(value) or _YEAR_DOTS.match(value)
    if not m or not (m[1] or m[2]):
        raise QueryError(f"{raw!r} is not a year or a range of years (try year:2016..2018).")
    if _YEAR_DOTS.match(value) and ".." not in value:
        return Years(int(m[1]), int(m[1]))
    if m[1] and m[2] and int(m[1]) > int(m[2]):  # a range that holds no year: a slip, not a search for none
        raise QueryError(f"{raw!r} runs backwards: give year:{m[2]}..{m[1]}.", backwards=(m[2], m[1]))
    return Years(int(m[1]) if m[1] else None, int(m[2]) if m[2] else None)


class _Parser:
    """Recursive descent: or := and (OR and)* ; and := unary (AND? unary)* ; unary := NOT unary | atom."""

    def __init__(self, tokens: list):
        self.tokens, self.at = tokens, 0

    def done(self) -> bool:
        return self.at >= len(self.tokens)

    def peek(self):
        return None if self.done() else self.tokens[self.at]

    def next(self):
        token = self.tokens[self.at]
        self.at += 1
        return token

    def parse_or(self) -> Node | None:
        items = [self.parse_and()]
        while self.peek() == "OR":
            self.next()
            items.append(self.parse_and())
        return join_items(Or, [i for i in items if i is not None])

    def parse_and(self) -> Node | None:
        items = []
        while self.peek() not in (None, ")", "OR"):
            if self.peek() == "AND":
                self.next()
                continue
            node = self.parse_unary()
            if node is not None:
                items.append(node)
        return join_items(And, items)

    def parse_unary(self) -> Node | None:
        token = self.peek()
        if token == "NOT":
            self.next()
            if self.peek() in (None, ")", "OR", "AND"):
                return None  # a dangling NOT
            inner = self.parse_unary()
            return Not(inner) if inner is not None else None
        if token == "(":
            self.next()
            node = self.parse_or()
            if self.peek() == ")":
                self.next()
            return node
        return self.next()


def join_items(kind, items: list) -> Node | None:
    """``kind`` (And or Or) of ``items``, flattened; the item itself when alone, None when none."""
    flat = []
    for item in items:
        flat.extend(item.items if isinstance(item, kind) else [item])
    if not flat:
        return None
    return flat[0] if len(flat) == 1 else kind(tuple(flat))


# ---------------------------------------------------------------- looking at a tree

def walk(node: Node | None) -> Iterator[Node]:
    if node is None:
        return
    yield node
    if isinstance(node, (And, Or)):
        for item in node.items:
            yield from walk(item)
    elif isinstance(node, Not):
        yield from walk(node.item)


def has_filters(node: Node | None) -> bool:
    return any(isinstance(n, (Filter, Years)) for n in walk(node))


def fuzzy_words(node: Node | None) -> list[Word]:
    return [n for n in walk(node) if isinstance(n, Word) and n.fuzzy]


def without_filters(node: Node | None) -> Node | None:
    """The query's words alone: the tree with its filters (and NOTs of filters) taken out;
    None when nothing but filters is left."""
    if node is None or isinstance(node, (Filter, Years)):
        return None
    if isinstance(node, Not):
        inner = without_filters(node.item)
        return Not(inner) if inner is not None else None
    if isinstance(node, (And, Or)):
        return join_items(type(node), [i for i in (without_filters(i) for i in node.items) if i is not None])
    return node


def filters_said(node: Node | None) -> str:
    """The query's filters alone, as a user types them: 'kind:podcast theme:workload',
    '-theme:workload', '(theme:workload OR theme:precarity)', 'year:2016..2018'."""

    def said(n: Node, nested: bool) -> str | None:
        if isinstance(n, Filter):
            return f"{n.field}:" + (f'"{n.value}"' if re.search(r'[\s()"]', n.value) else n.value)
        if isinstance(n, Years):
            return "year:" + (f"{n.first}" if n.first == n.last else f"{n.first or ''}..{n.last or ''}")
        if isinstance(n, Not):
            inner = said(n.item, True)
            return f"-{inner}" if inner else None
        if isinstance(n, (And, Or)):
            parts = [p for p in (said(i, True) for i in n.items) if p]
            joined = (" OR " if isinstance(n, Or) else " ").join(parts)
            return f"({joined})" if nested and len(parts) > 1 else joined or None
        return None

    return (said(node, False) or "") if node is not None else ""


def plain_words(node: Node | None) -> list[Word]:
    """Words to spell-check: neither fuzzy nor prefixes."""
    return [n for n in walk(node) if isinstance(n, Word) and not n.fuzzy and not n.prefix]


def replace(node: Node | None, mapping: dict) -> Node | None:
    """A copy of the tree with nodes in ``mapping`` replaced (e.g. fuzzy words by their matches)."""
    if node is None:
        return None
    if node in mapping:
        return mapping[node]
    if isinstance(node, (And, Or)):
        return type(node)(tuple(replace(i, mapping) for i in node.items))
    if isinstance(node, Not):
        return Not(replace(node.item, mapping))
    return node
