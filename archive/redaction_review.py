"""SENSITIVE: checking the redaction by eye (``archive review``, ``Archive.review_redaction``).

For each source: every replacement in the private redaction log, with the redacted text
around it and the original, then the words left in the quotes that look like names or
places (``suspicious_words``). This holds originals: it is for the people who hold the
material, on their own machine, never for publishing. A library module: the command
only lays it out and asks.
"""

from __future__ import annotations

import collections
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

CONTEXT = 50  # characters shown either side of a replacement or a word left


@dataclass
class Replacement:
    entry: dict  # the log's entry: original, replacement, kind, recognizer, score, quote, place
    context: str = ""  # the redacted text around the replacement ("" for a word redacted everywhere)


@dataclass
class WordLeft:
    word: str
    count: int
    context: str  # the text around its first use


@dataclass
class SourceReview:
    source: str
    replaced: int = 0  # replacements in the source's quotes, as the log counts them
    replacements: list[Replacement] = field(default_factory=list)  # those to show
    words_left: list[WordLeft] = field(default_factory=list)


CLITIC = re.compile(r"['’](?:s|m|d|ll|ve|re)$", re.IGNORECASE)


def suspicious_words(texts: Iterable[str], keep: Iterable[str] = ()) -> collections.Counter:
    """Capitalised words left mid-sentence, and known given names or places, that no list explains."""
    from ingest.redact import lexicon
    from ingest.redact.engine import PublicMatcher
    from ingest.redact.terms import PLACEHOLDER

    words, ordinary_places = lexicon.ordinary_proper_nouns()
    public = PublicMatcher(lexicon.builtin_public_terms(), any_case=list(keep))
    names, places = lexicon.first_names(), lexicon.places()
    found: collections.Counter = collections.Counter()
    for text in texts:
        visible = PLACEHOLDER.sub(" ", text)
        protected = public.spans(visible)
        for m in re.finditer(r"\b[^\W\d_][\w'’-]*", visible):
            # A clitic is no part of the word: "I’m", "I’ll", "Jo’s" are "I" and "Jo".
            word = CLITIC.sub("", m.group())
            lower = word.lower()
            if word in words or lower in ordinary_places or any(a <= m.start() < b for a, b in protected):
                continue
            mid_sentence = word[0].isupper() and re.search(r"[a-z,] $", visible[: m.start()]) is not None
            known = (lower in names or lower in places) and lexicon.zipf(lower) < 4.0
            if mid_sentence or known:
                found[word] += 1
    return found


def review_sources(db, logs: Iterable[Path], keep: Iterable[str] = ()) -> Iterator[SourceReview]:
    """One ``SourceReview`` per private log (``leak_gate.log_files``), made as it is asked
    for: a reviewer answering about one source's words sees it before the next is read."""
    from ingest.redact.gate import SOURCE_TERM, read_log

    keep = list(keep)
    for path in logs:
        source_id = path.stem
        quotes = {row[0]: row[1] for row in db.execute("select id, text from quotes where source = ?", [source_id])}
        entries = read_log(path) or []
        review = SourceReview(source_id, sum(1 for e in entries if e.get("quote")))
        for entry in entries:
            if entry.get("recognizer") == SOURCE_TERM:
                continue  # a part of a name already shown, searched for on its own too
            context = ""
            if entry.get("quote"):
                text = quotes.get(entry["quote"], "")
                at = text.find(entry["replacement"]) if entry.get("replacement") else -1
                if at >= 0:
                    context = text[max(0, at - CONTEXT): at + len(entry["replacement"]) + CONTEXT].replace("\n", " ")
            review.replacements.append(Replacement(entry, context))
        for word, count in suspicious_words(quotes.values(), keep).most_common():
            example = next((t for t in quotes.values() if re.search(rf"\b{re.escape(word)}\b", t)), "")
            m = re.search(rf"\b{re.escape(word)}\b", example)
            snippet = example[max(0, m.start() - CONTEXT): m.end() + CONTEXT].replace("\n", " ") if m else ""
            review.words_left.append(WordLeft(word, count, snippet))
        yield review
