"""``archive review [SOURCE]``: check the redaction by eye, and record decisions.

Shows each replacement from the private redaction log in its (redacted) context with
the original, then the words left in the quotes that look like names or places. A
person decides: ``--redact WORD`` (always redact) or ``--keep WORD`` (a public name),
or answers prompts with ``--interactive``. Decisions go into archive.yml (``review:``)
and apply on the next ingest; they change the redaction stage's fingerprint, so every
source is redacted again.

This command prints originals: it is for the people who hold the material, on their
own machine, never for publishing. A click layer over ``Archive.review_redaction`` and
``Archive.decide_redaction`` (``archive.redaction_review``).
"""

from __future__ import annotations

from pathlib import Path

import click

from archive.cli import db_option


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
    from archive.cli import counted, open_archive, sentences
    from archive.leak_gate import LogMissing

    archive = open_archive(db_path)
    if keep or redact:
        path = archive.decide_redaction(keep, redact)
        listed = {w.lower() for w in archive.config.redact}
        for word in keep:
            if word.lower() in listed:
                click.echo(f"warning: {word!r} is also listed under redact: in {path}, which wins over "
                           "keep: take it out of that list for the keep to apply.", err=True)
        click.echo(f"Saved to {path}: {len(keep)} to keep, {len(redact)} to redact. "
                   f"They apply on the next 'archive ingest' (every source is redacted again).")
        return
    decisions = {"keep": [], "redact": []}
    with sentences(LogMissing):
        reviews = archive.review_redaction(source)
    for found in reviews:
        click.secho(f"\n{found.source}: {counted(found.replaced, 'replacement')}", bold=True)
        for replacement in found.replacements:
            entry = replacement.entry
            if not entry.get("quote"):
                click.echo(f"  (always) {entry['original']!r}  {entry.get('recognizer', '')}")
                continue
            click.echo(f"  {entry.get('place', entry['quote'])}: {entry.get('replacement')} ← "
                       f"{entry['original']!r} ({entry.get('kind')}, {entry.get('recognizer')} {entry.get('score')})")
            if replacement.context:
                click.echo(f"      …{replacement.context}…")
        if found.words_left:
            click.secho(f"  Words left that look like names or places ({len(found.words_left)}):", bold=True)
            for left in found.words_left:
                click.echo(f"    {left.word} ×{left.count}   …{left.context}…")
                if interactive:
                    choice = click.prompt("    [k]eep / [r]edact / [s]kip", default="s",
                                          type=click.Choice(["k", "r", "s"]), show_choices=False)
                    if choice != "s":
                        decisions["keep" if choice == "k" else "redact"].append(left.word)
    if decisions["keep"] or decisions["redact"]:
        path = archive.decide_redaction(decisions["keep"], decisions["redact"])
        click.echo(f"\nSaved to {path}; they apply on the next 'archive ingest'.")
