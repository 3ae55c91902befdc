"""The leak gate: nothing replaced anywhere in a source may survive in what is published.

It checks texts against the source's terms (every original replaced, speaker names,
the ``redact`` lists) and re-runs the structured recognizers. Errors name the quote
and the kind of identifier, never the identifier itself: the original belongs only in
the private log. The export checks again from that log with ``PublishedChecker``
(through ``archive.leak_gate.checked_rows``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from ingest.redact.recognizers import gate_findings, label
from ingest.redact.terms import PLACEHOLDER, Term, TermMatcher, make_term


class LeakError(Exception):
    """An identifier found in text about to be published. ``key``: where; ``kind``: what kind."""

    def __init__(self, key: str, kind: str):
        self.key, self.kind = key, kind
        where = ("archive.yml or the source's metadata lists it" if kind == "REDACT"
                 else "the original is in the private redaction log")
        super().__init__(f"{key}: a {label(kind)} is still in the redacted text ({where})")


def find_leaks(texts: dict[str, str], terms: Iterable[Term] | TermMatcher, patterns: bool = True) -> list[LeakError]:
    """One leak for each text still holding a term or, with ``patterns``, something the
    structured recognizers find (most of the cost). Each text is read alone, as at ingest."""
    matcher = terms if isinstance(terms, TermMatcher) else TermMatcher(terms)
    leaks = []
    for key, text in texts.items():
        if not text:
            continue
        visible = PLACEHOLDER.sub(" ", text)
        found = next((term.kind for _start, _end, term in matcher.finditer(visible)), None)
        if found is None and patterns:
            found = next((f.kind for f in gate_findings(visible)), None)
        if found is not None:
            leaks.append(LeakError(key, found))
    return leaks


def log_path(private_dir: Path, source_id: str) -> Path:
    return Path(private_dir) / "redaction-log" / f"{source_id}.jsonl"


def read_log(path: Path) -> list[dict] | None:
    """A source's private redaction log, entry by entry, or None when it has none. A
    damaged line (not a JSON object with an 'original') is skipped: the rest still counts."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return None
    entries = []
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and isinstance(entry.get("original"), str):
            entries.append(entry)
    return entries


# A log written since the redaction stage logs every word it searched a source for
# (recognizer SOURCE_TERM); an older log lists only what was replaced.
LOG_FORMAT = 2
SOURCE_TERM = "source-term"


def terms_from_log(path: Path) -> list[Term]:
    """Every word the redaction stage searched the source for, as its log lists them. From
    an older log: every original, and the parts of each person's name that may be said
    alone ("Kennet" after "Orla Kennet") by today's rule, which may find what the stage
    then left (the source is ingested again)."""
    from ingest.redact.engine import FOUND_ONLY_WHERE_SAID, parts_said_alone

    entries = read_log(path) or []
    complete = any(isinstance(entry.get("log"), int) and entry["log"] >= LOG_FORMAT for entry in entries)
    terms = []
    for entry in entries:
        original, kind = entry["original"], str(entry.get("kind") or "REDACT")
        if original and entry.get("recognizer") in FOUND_ONLY_WHERE_SAID:
            continue  # redacted where said (a workplace's ordinary words, a day's ordinal): the same
            # words elsewhere are no name
        if original:
            terms.append(Term(original, kind, entry.get("match", "any-case") == "any-case"))
            if kind == "PERSON" and not complete:
                terms += [make_term(part, "PERSON") for part in parts_said_alone(original)]
    return terms


class PublishedChecker:
    """Checks texts of any source (export rows, a build's rows) against that source's private
    log and the project's words to redact now (``always``): a source ingested before a word
    was listed, and not since, still holds it."""

    def __init__(self, private_dir: Path, always: Iterable[str] = (), patterns: bool = True):
        self.private_dir = Path(private_dir)
        self.always = [Term(word, "REDACT", True) for word in always if word.strip()]
        self.patterns = patterns  # re-run the structured recognizers too (about 0.55 s per 1,000 quotes)
        self._matchers: dict[str, TermMatcher] = {}

    def has_log(self, source_id: str) -> bool:
        return log_path(self.private_dir, source_id).exists()

    def shared(self, texts: dict[str, str]) -> list[LeakError]:
        """Texts many sources share (a collection's title, description and citation), stored
        as one of them redacted them: checked for the listed words and the patterns only."""
        return find_leaks(texts, self.always, self.patterns)

    def __call__(self, source_id: str, texts: dict[str, str]) -> list[LeakError]:
        if source_id not in self._matchers:
            terms = terms_from_log(log_path(self.private_dir, source_id))
            self._matchers[source_id] = TermMatcher([*terms, *self.always])
        return find_leaks(texts, self._matchers[source_id], self.patterns)
