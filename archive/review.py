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
from typing import Iterable

import click

from archive.cli import db_option
from archive.leak_gate import LogMissing, log_files
from ingest.config import save_review_decisions
from ingest.redact import lexicon
from ingest.redact.gate import SOURCE_TERM, read_log
from ingest.redact.terms import PLACEHOLDER

CONTEXT = 50


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
    try:
        files = log_files(private_dir, source)
    except LogMissing as e:
        raise click.ClickException(str(e)) from None
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
