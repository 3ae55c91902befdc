"""``archive review [SOURCE]``: check the redaction by eye, and record decisions.

Shows each replacement from the private redaction log in its (redacted) context with
the original, then the words left in the quotes that look like names or places. A
person decides: ``--redact WORD`` (always redact) or ``--keep WORD`` (a public name),
or answers prompts with ``--interactive``. Decisions go into archive.yml (``review:``)
and apply on the next ingest; they change the redaction stage's fingerprint, so every
source is redacted again.

This command prints originals: it is for the people who hold the material, on their
own machine, never for publishing.
"""

from __future__ import annotations

import collections
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator

import click

from archive.cli import db_option
from ingest.config import save_review_decisions
from ingest.redact import lexicon
from ingest.redact.gate import SOURCE_TERM, PublishedChecker, read_log
from ingest.redact.terms import PLACEHOLDER

CONTEXT = 50


def log_files(private_dir: Path, source: str | None) -> list[Path]:
    folder = private_dir / "redaction-log"
    if source:
        path = folder / f"{source}.jsonl"
        if not path.exists():
            raise click.ClickException(f"No redaction log for source {source!r} in {folder}: ingest it first.")
        return [path]
    return sorted(folder.glob("*.jsonl")) if folder.exists() else []


def suspicious_words(texts: Iterable[str], keep: Iterable[str] = ()) -> collections.Counter:
    """Capitalised words left mid-sentence, and known given names or places, that no list explains."""
    from ingest.redact.engine import PublicMatcher

    words, ordinary_places = lexicon.ordinary_proper_nouns()
    public = PublicMatcher(lexicon.builtin_public_terms(), any_case=list(keep))
    names, places = lexicon.first_names(), lexicon.places()
    found: collections.Counter = collections.Counter()
    for text in texts:
        visible = PLACEHOLDER.sub(" ", text)
        protected = public.spans(visible)
        for m in re.finditer(r"\b[^\W\d_][\w'’-]*", visible):
            word = re.sub(r"['’]s$", "", m.group())
            lower = word.lower()
            if word in words or lower in ordinary_places or any(a <= m.start() < b for a, b in protected):
                continue
            mid_sentence = word[0].isupper() and re.search(r"[a-z,] $", visible[: m.start()]) is not None
            known = (lower in names or lower in places) and lexicon.zipf(lower) < 4.0
            if mid_sentence or known:
                found[word] += 1
    return found


@click.command()
@click.argument("source", required=False)
@db_option
@click.option("--keep", multiple=True, metavar="WORD", help="Never redact WORD (a public name). Repeatable.")
@click.option("--redact", multiple=True, metavar="WORD", help="Always redact WORD. Repeatable.")
@click.option("-i", "--interactive", is_flag=True, help="Ask about each word left that looks like a name.")
def review(source: str | None, db_path: Path | None, keep: tuple[str], redact: tuple[str], interactive: bool):
    """Show what redaction replaced in SOURCE (default: every source), and record decisions.

    \b
    archive review dev-int-01                 replacements in context, and words left to check
    archive review --redact Brightwater       always redact a word, in every source
    archive review --keep "Surviving Work"    never redact a public name
    """
    from archive.cli import open_existing, project_config, resolve_db

    config = project_config()
    if keep or redact:
        path = save_review_decisions(config, list(keep), list(redact))
        click.echo(f"Saved to {path}: {len(keep)} to keep, {len(redact)} to redact. "
                   f"They apply on the next 'archive ingest' (every source is redacted again).")
        return
    private_dir = config.resolve(config.private)
    files = log_files(private_dir, source)
    if not files:
        raise click.ClickException(f"No redaction logs in {private_dir / 'redaction-log'}: run 'archive ingest' first.")
    db = open_existing(resolve_db(db_path, config))
    decisions = {"keep": [], "redact": []}
    for path in files:
        source_id = path.stem
        quotes = {row[0]: row[1] for row in db.execute("select id, text from quotes where source = ?", [source_id])}
        entries = read_log(path) or []
        click.secho(f"\n{source_id}: {sum(1 for e in entries if e.get('quote'))} replacements", bold=True)
        for entry in entries:
            if entry.get("recognizer") == SOURCE_TERM:
                continue  # a part of a name already shown, searched for on its own too
            if not entry.get("quote"):
                click.echo(f"  (always) {entry['original']!r}  {entry.get('recognizer', '')}")
                continue
            text = quotes.get(entry["quote"], "")
            at = text.find(entry["replacement"]) if entry.get("replacement") else -1
            context = text[max(0, at - CONTEXT): at + len(entry["replacement"]) + CONTEXT].replace("\n", " ") \
                if at >= 0 else ""
            click.echo(f"  {entry.get('place', entry['quote'])}: {entry.get('replacement')} ← "
                       f"{entry['original']!r} ({entry.get('kind')}, {entry.get('recognizer')} {entry.get('score')})")
            if context:
                click.echo(f"      …{context}…")
        left = suspicious_words(quotes.values(), config.review.get("keep") or [])
        if left:
            click.secho(f"  Words left that look like names or places ({len(left)}):", bold=True)
            for word, count in left.most_common():
                example = next((t for t in quotes.values() if re.search(rf"\b{re.escape(word)}\b", t)), "")
                m = re.search(rf"\b{re.escape(word)}\b", example)
                snippet = example[max(0, m.start() - CONTEXT): m.end() + CONTEXT].replace("\n", " ") if m else ""
                click.echo(f"    {word} ×{count}   …{snippet}…")
                if interactive:
                    choice = click.prompt("    [k]eep / [r]edact / [s]kip", default="s",
                                          type=click.Choice(["k", "r", "s"]), show_choices=False)
                    if choice != "s":
                        decisions["keep" if choice == "k" else "redact"].append(word)
    if decisions["keep"] or decisions["redact"]:
        path = save_review_decisions(config, decisions["keep"], decisions["redact"])
        click.echo(f"\nSaved to {path}; they apply on the next 'archive ingest'.")


def published_checker(config, patterns: bool = True) -> PublishedChecker:
    """The leak gate of what leaves the archive: each source's private log, the project's
    words to redact now, and with ``patterns`` the structured recognizers again."""
    return PublishedChecker(config.resolve(config.private), config.always_redact, patterns)


def behind_warning(db, config) -> str | None:
    """A warning when sources were ingested with other settings or an older version of the
    archive than now: they keep the redaction they were made with until ingested again."""
    from archive import store
    from ingest.pipeline import settings_fingerprint

    behind = store.sources_made_otherwise(db, settings_fingerprint(config))
    if not behind:
        return None
    return (f"warning: {len(behind)} source{'s were' if len(behind) > 1 else ' was'} last ingested with other "
            f"settings or an older version of the archive ({', '.join(behind[:3])}{', ...' if len(behind) > 3 else ''})"
            ": run 'archive ingest' so that today's redaction applies to them.")


class Leak(Exception):
    """An identifier found in what was about to leave the archive (never the identifier)."""


def _warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


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
    --speaker) against every source exported, so a name searched for is never written out.
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
        if check(source, {"selection": options.selection}):
            raise Leak("the selection's description (the words of --query or --speaker) holds a word "
                       f"redacted in {source}: select with other words.")
    if check.shared({"selection": options.selection}):
        raise Leak("the selection's description (the words of --query or --speaker) holds a word the "
                   "project redacts: select with other words.")
    return iter(rows)
