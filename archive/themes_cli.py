"""``archive tag`` (hand corrections) and ``archive themes`` (list, evaluate, train)."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import click

from archive import store
from archive.cli import chosen_db, db_option, open_existing, project_config
from ingest.model import text_key

HAND_EVIDENCE = json.dumps(["added by hand"])


def apply_corrections(db, quote_id: str, changes: list[tuple[str, str]]) -> list[str]:
    """Record hand decisions ('+'/'-', theme) for a quote and apply them at once.

    They are kept in theme_corrections, which every re-ingest re-applies, so a
    hand decision wins over the tagger. Each keeps a key of the quote's text,
    to follow that text when turns are added above it. Returns the quote's themes after.
    """
    at = store.now()
    source, text = db.execute("select source, text from quotes where id = ?", [quote_id]).fetchone()
    with store.transaction(db):  # all the changes, or none
        for action, theme in changes:
            db.execute("insert or replace into theme_corrections (quote, theme, action, at, source, text_key)"
                       " values (?, ?, ?, ?, ?, ?)", [quote_id, theme, action, at, source, text_key(text)])
            if action == "+":
                db.execute(
                    "insert or replace into quote_themes (quote, theme, score, evidence, origin) "
                    "values (?, ?, 1.0, ?, 'hand')", [quote_id, theme, HAND_EVIDENCE])
            else:
                db.execute("delete from quote_themes where quote = ? and theme = ?", [quote_id, theme])
    return [row[0] for row in db.execute(
        "select theme from quote_themes where quote = ? order by score desc, theme", [quote_id])]


def parse_changes(changes: tuple[str, ...], known: set[str]) -> list[tuple[str, str]]:
    parsed = []
    for change in changes:
        action, theme = change[:1], change[1:]
        if action not in "+-" or not action or not theme:
            raise click.UsageError(f"{change!r}: write +THEME to add a theme or -THEME to remove one.")
        if theme not in known:
            raise click.UsageError(f"no theme {theme!r} in the archive; known: "
                                   f"{', '.join(sorted(known)) or 'none'}.")
        if any(t == theme for _, t in parsed):
            raise click.UsageError(f"{theme!r} is given twice: give each theme once, with + or -.")
        parsed.append((action, theme))
    return parsed


def removed_with_corrections(db, quote_id: str) -> set[str]:
    """Themes gone from the codebook that still hold a correction of this quote: it may be undone."""
    return {row[0] for row in db.execute(
        "select theme from theme_corrections where quote = ? and theme not in (select id from themes)",
        [quote_id])}


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
    db = open_existing(chosen_db(db_path), check=True)
    if not db.execute("select 1 from quotes where id = ?", [quote_id]).fetchone():
        raise click.ClickException(f"no quote {quote_id!r} in the archive.")
    known = {row[0] for row in db.execute("select id from themes")}
    parsed = parse_changes(changes, known | removed_with_corrections(db, quote_id))
    removed = next((t for action, t in parsed if action == "+" and t not in known), None)
    if removed:
        raise click.UsageError(f"{removed!r} is no longer in the codebook: its correction can be "
                               f"removed (-{removed}), not added.")
    try:
        themes = apply_corrections(db, quote_id, parsed)
    except sqlite3.Error as e:
        raise click.ClickException(str(store.database_fault(chosen_db(db_path), e))) from None
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
    db = open_existing(chosen_db(db_path))
    rows = db.execute(
        """select t.id, t.label, t.description, count(qt.quote),
                  sum(qt.origin = 'hand')
           from themes t left join quote_themes qt on qt.theme = t.id
           group by t.id order by t.position, t.rowid"""
    ).fetchall()
    if not rows:
        click.echo("The archive has no themes yet: run 'archive ingest'.")
        return
    width = max(len(r[0]) for r in rows)
    for theme_id, label, description, count, by_hand in rows:
        hand = f" ({by_hand} by hand)" if by_hand else ""
        click.echo(f"{theme_id:<{width}}  {count:5d} quotes{hand}  {label}")
        if description:
            click.echo(f"{'':<{width}}  {description}")
    orphans = db.execute("select theme, count(*) from theme_corrections where theme not in "
                         "(select id from themes) group by theme order by theme").fetchall()
    if orphans:
        click.echo("note: hand corrections of themes no longer in the codebook are kept, and apply "
                   "again if the theme comes back: " + ", ".join(f"{t} ({n})" for t, n in orphans) + ".",
                   err=True)


TAGGERS = {"rules": "tag", "embeddings": "tag_embeddings"}


def build_tag_stage(tagger: str | None, codebook: Path | None):
    """The tag stage to evaluate: --tagger, else the one archive.yml's pipeline names."""
    from ingest.themes import ThemeStage, codebook_path

    config = project_config()
    name = TAGGERS[tagger] if tagger else config.pipeline.get("tag", "tag")
    codebook = codebook or codebook_path(config)
    if name == "tag_embeddings":
        from ingest.themes.learnt import LearntThemeStage, model_path
        return LearntThemeStage(codebook, model_path(config))
    if name != "tag":
        raise click.ClickException(f"cannot evaluate the tag stage {name!r}: evaluate knows "
                                   f"{', '.join(TAGGERS.values())}.")
    return ThemeStage(codebook)


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
    from ingest.themes.evaluate import GoldError, evaluate as run_evaluation, read_gold

    try:
        stage = build_tag_stage(tagger, codebook)
        units = read_gold(gold)
    except (PipelineError, GoldError) as e:  # a codebook's, a model's or a missing file's error
        raise click.ClickException(str(e)) from None

    def tag(units) -> list[set[str]]:
        with click.progressbar(length=len(units), label="Tagging", file=sys.stderr) as bar:
            tagged = []
            for unit, tags in zip(units, stage.tag_texts(u.text for u in units)):
                tagged.append({t.theme for t in tags} if stage.is_coded([unit.speaker]) else set())
                bar.update(1)
        return tagged

    scores = run_evaluation(units, tag, stage.codebook.ids)
    unknown = sorted({t for u in units for t in u.themes} - set(stage.codebook.ids))
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=2))
    else:
        click.echo(f"codebook: {stage.codebook.path}")
        click.echo(scores.table())
    if unknown:
        click.echo(f"note: gold themes not in the codebook, not scored: {', '.join(unknown)}", err=True)
    model = getattr(stage, "model", None)
    if model is not None:
        seen = set(model.trained_on)
        learnt = sum(text_key(u.text) in seen for u in units)
        if learnt:
            click.echo(f"note: the learnt model was trained on {learnt} of these {len(units)} texts, "
                       "so these figures overstate it; the figure to quote is the cross-validated "
                       "one (archive themes train GOLD).", err=True)


@themes.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--codebook", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Codebook whose cues the model uses (default: the project's codebook.yml, else the packaged one).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the model (default: themes_model in archive.yml, themes_model.json).")
@click.option("--no-cv", is_flag=True, help="Skip the cross-validated figure (faster).")
def train(gold: Path, codebook: Path | None, out: Path | None, no_cv: bool):
    """Train the learnt tagger on GOLD, your own hand-coded quotes (needs the embeddings extra).

    \b
    archive themes train coded.jsonl
    archive ingest                       # with pipeline: {tag: tag_embeddings} in archive.yml

    GOLD is shaped like the evaluate command's. The figure printed is cross-validated
    by document (each document tagged by a model trained on the others): what to
    expect on material the model has not seen. A few hundred coded quotes from several
    documents are needed for it to beat the rule tagger.
    """
    from ingest.model import PipelineError
    from ingest.themes import codebook_path
    from ingest.themes.evaluate import GoldError
    from ingest.themes.train import train as run_training

    config = project_config()
    out = out or config.resolve(config.themes_model)
    try:
        run_training(gold, codebook or codebook_path(config), out, cross_validated=not no_cv,
                     log=lambda message, **k: click.echo(message, err="file" in k))
    except (PipelineError, GoldError) as e:
        raise click.ClickException(str(e)) from None
