"""The leak gate of what leaves the archive: export, publish and serve read every quote
through it, and nothing is written if one still holds an identifier.

It checks each text against the source's private redaction log (every word the source was
searched for), the project's words to redact now, and the structured recognizers again
(``ingest.redact.gate.PublishedChecker``). A library module: no command-line code here.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ingest.redact.gate import PublishedChecker


class Leak(Exception):
    """An identifier found in what was about to leave the archive (never the identifier)."""


class LogMissing(LookupError):
    """No private redaction log for a source."""


def log_files(private_dir: Path, source: str | None) -> list[Path]:
    """SENSITIVE: the private redaction logs, of one source or of all."""
    folder = private_dir / "redaction-log"
    if source:
        path = folder / f"{source}.jsonl"
        if not path.exists():
            raise LogMissing(f"No redaction log for source {source!r} in {folder}: ingest it first.")
        return [path]
    return sorted(folder.glob("*.jsonl")) if folder.exists() else []


def published_checker(config, patterns: bool = True) -> PublishedChecker:
    """The leak gate of what leaves the archive: each source's private log, the project's
    words to redact now, and with ``patterns`` the structured recognizers again."""
    return PublishedChecker(config.resolve(config.private), config.always_redact, patterns)


def behind_warning(db, config) -> str | None:
    """A warning when sources were ingested with other settings or an older version of the
    archive than now: they keep the redaction they were made with until ingested again."""
    from archive import store
    from archive.pipeline import settings_fingerprint

    behind = store.sources_redacted_otherwise(db, settings_fingerprint(config, trained_taggers=False))
    if not behind:
        return None
    return (f"warning: {len(behind)} source{'s were' if len(behind) > 1 else ' was'} last ingested with other "
            f"settings or an older version of the archive ({', '.join(behind[:3])}{', ...' if len(behind) > 3 else ''})"
            ": run 'archive ingest' so that today's redaction applies to them.")


def _warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def checked_rows(rows: Iterable[dict], check: PublishedChecker,
                 warn: Callable[[str], None] = _warn) -> Iterator[dict]:
    """Quote rows (``store.iter_quotes``), each passed by the leak gate (``published_checker``)
    first, with its collection's and source's texts once each: export and publish both read
    through this. Raises ``Leak``; ``warn`` hears of sources with no private log."""
    collections: set[str] = set()
    sources: set[str] = set()
    for row in rows:
        source = row["source"]
        if row["collection"] not in collections:
            collections.add(row["collection"])
            leaks = check.shared({"collection title": row["collection_title"] or "",
                                  "collection description": row["collection_description"] or "",
                                  "collection citation": row["collection_citation"] or "",
                                  "collection licence": row.get("licence") or ""})
            if leaks:
                raise Leak(f"collection {row['collection']}, {leaks[0]}. Ingest the collection's folder again.")
        if source not in sources:
            sources.add(source)
            if not check.has_log(source):
                warn(f"no redaction log for {source} in {check.private_dir}: its quotes were re-checked for "
                     "patterns and listed words only (run from the project folder, or name it in archive.yml).")
            leaks = check(source, {"title": row["source_title"] or "", "description": row["source_description"] or ""})
            if leaks:
                raise Leak(f"source {source}, {leaks[0]}. Ingest the source's folder again, or check it with "
                           f"'archive review {source}'.")
        leaks = check(source, {"text": row["text"] or "", "speaker": row["speaker_description"] or "",
                               "question": row["question"] or ""})
        if leaks:
            raise Leak(f"quote {row['id']}, {leaks[0]}. Ingest the source's folder again, or check it with "
                       f"'archive review {source}'.")
        yield row


def checked_export(rows: Iterable[dict], fmt: str, options, check: PublishedChecker,
                   warn: Callable[[str], None] = _warn) -> Iterator[dict]:
    """What an export of ``fmt`` writes, through the gate: the quote rows (``checked_rows``);
    for the formats that carry the codebook (docx, qdpx, qdc), its labels and descriptions
    first; for docx, which describes the selection, the words asked for (--query,
    --speaker; the rest of the description is the archive's own vetted ids) against every
    source exported, so a name searched for is never written out.
    A qdc holds no quotes: none are read."""
    if fmt in ("docx", "qdpx", "qdc"):
        for theme in options.themes:
            leaks = check.shared({"theme label": theme["label"] or "",
                                  "theme description": theme["description"] or ""})
            if leaks:
                raise Leak(f"theme {theme['id']}, {leaks[0]}. Edit the codebook, and ingest again.")
    if fmt == "qdc":
        return iter(())
    rows = checked_rows(rows, check, warn)
    if fmt != "docx":
        return rows
    rows = list(rows)
    for source in dict.fromkeys(row["source"] for row in rows):
        if check(source, {"selection": options.asked}):
            raise Leak("the selection's description (the words of --query or --speaker) holds a word "
                       f"redacted in {source}: select with other words.")
    if check.shared({"selection": options.asked}):
        raise Leak("the selection's description (the words of --query or --speaker) holds a word the "
                   "project redacts: select with other words.")
    return iter(rows)


def theme_vetter(check: PublishedChecker, sources: Iterable[str]) -> Callable[[str, str], str | None]:
    """Whether a code's name and description may become a theme's (themes are published):
    ``vet(label, description)`` is why not (the first identifier found, never the word
    itself), else None; checked against the project's lists, the patterns and every source's log."""
    sources = list(sources)

    def vet(label: str, description: str) -> str | None:
        texts = {"its name": label or "", "its description": description or ""}
        for leaks in (check.shared(texts), *(check(source, texts) for source in sources)):
            if leaks:
                return str(leaks[0])
        return None

    return vet
