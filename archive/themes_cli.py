"""``archive tag`` (hand codes) and ``archive themes`` (list, queue, evaluate, train, retag):
a click layer over ``Archive`` (its tag, themes, queue, evaluate, train and retag)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import click

from archive.cli import counted, db_option, open_archive, progress_bar, sentences
from archive.coding import TAGGERS


@click.command(context_settings={"ignore_unknown_options": True, "help_option_names": ["-h", "--help"]})
@click.argument("quote_id")
@click.argument("changes", nargs=-1, required=True, type=click.UNPROCESSED)
@db_option
def tag(quote_id: str, changes: tuple[str, ...], db_path: Path | None):
    """Add (+THEME) or remove (-THEME) themes of a quote by hand.

    \b
    archive tag dev-int-01-012 +precarity -workload

    Hand decisions win over the tagger and are kept across re-ingest, following the
    quote's text; if the text changes, ingest drops the decision and says so.
    """
    from archive import store
    from archive.hand_codes import BadChange, UncodedTurn, UnknownQuote

    archive = open_archive(db_path)
    try:
        with sentences(UnknownQuote):
            themes = archive.tag(quote_id, *changes)
    except UncodedTurn as e:
        raise click.ClickException(str(e)) from None
    except BadChange as e:
        raise click.UsageError(str(e)) from None
    except sqlite3.Error as e:
        raise click.ClickException(str(store.database_fault(archive.db_path, e))) from None
    click.echo(f"{quote_id}: {', '.join(themes) or 'no themes'}")


@click.group(invoke_without_command=True)
@db_option
@click.pass_context
def themes(ctx: click.Context, db_path: Path | None):
    """List the archive's themes with their quote counts and descriptions.

    \b
    archive themes
    archive themes evaluate gold.jsonl     score the tagger against hand coding
    archive themes train gold.jsonl        train the learnt tagger on hand coding
    """
    if ctx.invoked_subcommand:
        return
    archive = open_archive(db_path)
    with sentences():
        rows = archive.themes()
        orphans = archive.orphaned_hand_codes() if rows else {}
    if not rows:
        click.echo("The archive has no themes yet: run 'archive ingest'.")
        return
    width = max(len(r["id"]) for r in rows)
    # The counts' column holds "(2 by hand)" where some are: as wide as its widest, so the
    # labels after it stay in one column.
    counts = [counted(r["quotes"], "quote").rjust(12) + (f" ({r['by_hand']} by hand)" if r["by_hand"] else "")
              for r in rows]
    count_width = max(len(c) for c in counts)
    for row, count in zip(rows, counts):
        click.echo(f"{row['id']:<{width}}  {count:<{count_width}}  {row['label']}")
        if row["description"]:
            click.echo(f"{'':<{width}}  {row['description']}")
    if orphans:
        click.echo("note: hand corrections of themes no longer in the codebook are kept, and apply "
                   "again if the theme comes back: " + ", ".join(f"{t} ({n})" for t, n in orphans.items()) + ".",
                   err=True)


@themes.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--codebook", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Codebook to evaluate (default: the project's codebook.yml, else the packaged one).")
@click.option("--tagger", type=click.Choice(sorted(TAGGERS)),
              help="Tagger to evaluate (default: the one archive.yml's pipeline names, else rules).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate(gold: Path, codebook: Path | None, tagger: str | None, as_json: bool):
    """Score the tagger against GOLD, a JSONL file of hand-coded texts.

    Each line: {"text": ..., "themes": [theme ids], "doc": ...}. Prints precision,
    recall and F1 per theme, and micro and macro F1.
    """
    from ingest.model import PipelineError
    from ingest.themes.evaluate import GoldError

    with sentences(PipelineError, GoldError):  # a codebook's, a model's or a missing file's error
        result = open_archive().evaluate(gold, codebook, tagger, progress=progress_bar("Tagging"))
    if as_json:
        click.echo(json.dumps(result.scores.as_dict(), indent=2))
    else:
        click.echo(f"codebook: {result.codebook}")
        click.echo(result.scores.table())
    if result.unknown:
        click.echo(f"note: gold themes not in the codebook, not scored: {', '.join(result.unknown)}", err=True)
    if result.seen_in_training:
        click.echo(f"note: the learnt model was trained on {result.seen_in_training} of these {result.units} texts, "
                   "so these figures overstate it; the figure to quote is the cross-validated "
                   "one (archive themes train GOLD).", err=True)


@themes.command()
@click.argument("gold", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--codebook", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Codebook whose cues the model uses (default: the project's codebook.yml, else the packaged one).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the model (default: tagger_model in archive.yml, tagger_model.npz; "
                   "with GOLD, themes_model, themes_model.json).")
@click.option("--no-cv", is_flag=True, help="With GOLD: skip the cross-validated figure (faster).")
@db_option
def train(gold: Path | None, codebook: Path | None, out: Path | None, no_cv: bool, db_path: Path | None):
    """Retrain the tagger on the packaged coding plus this archive's hand codes.

    \b
    archive themes train                 # then: archive themes retag
    archive themes train coded.jsonl     # the optional embeddings tagger, on your own coded file

    Hand codes are the decisions taken with 'archive tag' or on the coding page: each
    decided quote teaches the themes it now carries. They count more than the packaged
    units, being this project's own material, and also learn weights of their own: how
    this collection's coding differs from the packaged one. The model is written to the project
    (tagger_model.npz) and used by the next ingest and by 'archive themes retag'.

    With GOLD, trains the optional embeddings tagger instead (needs the embeddings
    extra), as before; the figure printed is cross-validated by document.
    """
    from ingest.model import PipelineError
    from ingest.themes.evaluate import GoldError
    from ingest.themes.trained import ModelError

    archive = open_archive(db_path)
    with sentences(PipelineError, GoldError, ModelError):
        training = archive.train(gold, codebook, out, cross_validated=not no_cv,
                                 log=lambda message, **k: click.echo(message, err="file" in k))
    if gold is None:
        click.echo(f"wrote {training.out}: learnt from {training.model.info['units']} coded quotes "
                   f"({training.hand_coded} coded by hand in this archive); run 'archive themes retag' to apply it.")


@themes.command()
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1),
              help="How many quotes to list.")
@click.option("--json", "as_json", is_flag=True, help="Print the quotes as JSON (a list of objects).")
@db_option
def queue(limit: int, as_json: bool, db_path: Path | None):
    """The quotes whose themes the tagger is least sure of, for a coder to decide.

    \b
    archive themes queue --limit 10
    archive tag QUOTE_ID +precarity -workload     # decide one
    archive themes train && archive themes retag  # learn from the decisions

    Quotes already decided by hand are left out; one listed before and left undecided
    comes after the others. Each shows the themes suggested (those at or above their
    threshold) and the two near misses, with their scores (calibrated probabilities);
    --json gives every theme's score.
    """
    from ingest.model import PipelineError
    from ingest.themes.trained import ModelError

    with sentences(PipelineError, ModelError):
        items = open_archive(db_path).queue(limit)
    if as_json:
        click.echo(json.dumps(items, ensure_ascii=False, indent=1))
        return
    if not items:
        click.echo("Nothing to code: every coded quote has been decided by hand.")
        return
    for item in items:
        scores = item["scores"]
        near = sorted((t for t in scores if t not in item["suggested"]), key=lambda t: -scores[t])[:2]
        click.echo(f"{item['id']}  suggested: "
                   + (", ".join(f"{t} {scores[t]:.2f}" for t in item["suggested"]) or "none")
                   + "; near misses: " + (", ".join(f"{t} {scores[t]:.2f}" for t in near) or "none"))
        click.echo(f"  {_shortened(item['text'], 300)}")


def _shortened(text: str, width: int) -> str:
    """``text`` up to ``width`` characters, cut between words with '…' if it goes on."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[:width + 1].rsplit(" ", 1)[0] if " " in text[:width + 1] else text[:width]
    return cut.rstrip(" ,;:") + " …"


@themes.command()
@db_option
def retag(db_path: Path | None):
    """Tag the archive's quotes again with the current model, without reading the sources.

    Hand decisions stay on top of the new tags.
    """
    from ingest.model import PipelineError
    from ingest.themes.trained import ModelError

    with sentences(PipelineError, ModelError):
        count = open_archive(db_path).retag()
    click.echo(f"re-tagged {counted(count, 'quote')}.")
