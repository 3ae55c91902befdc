"""`archive search` and `archive index`: a thin click layer over ``Archive.search`` and
``Archive.index`` (archive.search, archive.search_index).

Import-light on purpose: a plain query is answered by SQLite FTS5, so this
module imports neither Whoosh (archive.search_index) nor spaCy;
``archive index`` imports Whoosh when it runs.
"""

from __future__ import annotations

import json
import sqlite3

import click

from archive import search as searching
from archive.cli import counted, db_option, open_archive, progress_bar, sentences
from archive.export import citation
from archive.search import SearchIndexError


class QueryCommand(click.Command):
    """A command whose words may start with "-" ("burnout -app", "-theme:workload"): an
    argument that is none of the command's options is a word of the query, in its place."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        takes_value = {opt: not param.is_flag for param in self.get_params(ctx) if isinstance(param, click.Option)
                       for opt in [*param.opts, *param.secondary_opts]}
        options, words = [], []
        rest = iter(args)
        for arg in rest:
            if arg == "--":
                words += rest
                break
            name = arg.split("=", 1)[0] if arg.startswith("--") else arg[:2]
            # "-n5" is the option with its value; "-nurse" is NOT nurse, not "-n urse".
            short = not arg.startswith("--") and (arg == name or not takes_value.get(name) or arg[2:].isdigit())
            if arg.startswith("--") or (name in takes_value and short):  # an unknown --option is still refused
                options.append(arg)
                if takes_value.get(name) and arg == name:
                    value = next(rest, None)
                    if value is None:
                        raise click.BadOptionUsage(name, f"Option '{name}' requires an argument.", ctx)
                    options.append(value)
            else:
                words.append(arg)
        return super().parse_args(ctx, [*options, "--", *words])


@click.command("search", cls=QueryCommand)
@click.argument("query", nargs=-1)
@db_option
@click.option("--limit", "-n", type=click.IntRange(1), default=10, show_default=True,
              help="How many quotes to show.")
@click.option("--theme", "themes", multiple=True, metavar="ID",
              help="Only quotes tagged with this theme (repeat for any of several).")
@click.option("--like", metavar="QUOTE_ID", help="Quotes like this one (QUERY, if given, filters them).")
@click.option("--include-restricted", is_flag=True,
              help="Also search restricted and embargoed sources (each such quote is marked).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def search_command(query, db_path, limit, themes, like, include_restricted, as_json):
    """Search the quotes.

    \b
    QUERY is words (stemmed: honorary finds honoraries; supervis* finds words
    starting so), "phrases", AND/OR/NOT (-word is NOT word), fuzzy words
    (supervison~), and filters theme:ID
    collection:ID kind:KIND source:ID speaker:WORD year:2016..2018.
    Quotes holding every word come first; when they are few, quotes holding
    any of them follow. Participants' turns rank above interviewers' questions.

    \b
    Examples:
      archive search 'honorary placements speaker:therapist'
      archive search '"unpaid placement" year:2016..2018' --theme unwaged_work
      archive search --like sample-int-01-002 --json
      archive search targets -nhs -theme:workload
    """
    query = " ".join(query)
    if not query.strip() and not like and not themes:
        raise click.UsageError("Give a QUERY, --theme or --like.")
    with sentences(SearchIndexError):
        result = open_archive(db_path).search(query, limit=limit, themes=themes, like=like,
                                              include_restricted=include_restricted)
    if as_json:
        click.echo(json.dumps(_as_json(result), indent=2, ensure_ascii=False))
        return
    _print_results(result)


def _as_json(result: searching.SearchResult) -> dict:
    return {
        "query": result.query,
        "engine": result.engine,
        "like": result.like,
        "total": result.total,
        "did_you_mean": result.did_you_mean,
        "ranked_among": result.ranked_among,
        "relaxed": result.relaxed,
        "left_out_restricted": result.extra.get("left_out", 0),
        "left_out_restricted_some": result.extra.get("left_out_some", 0),
        "without_filters": result.extra.get("without_filters", 0),
        "results": [
            {
                "id": hit.id,
                "score": float(f"{hit.score:.4g}"),
                "source": hit.row["source"],
                "collection": hit.row["collection"],
                "kind": hit.row["kind"],
                "speaker": hit.row["speaker_description"],
                "text": hit.row["text"],
                "matches": [list(span) for span in hit.matches],
                "themes": [t["theme"] for t in hit.row["themes"]],
                "start": hit.row["start"],
                "end": hit.row["end"],
                "citation": citation(hit.row),
                "access": hit.row["access"] or "public",
                "restricted": searching.access_mark(hit.row),
            }
            for hit in result.hits
        ],
    }


def _highlighted(text: str, spans: list[tuple[int, int]]) -> str:
    # click.echo drops the colour when output is not a terminal.
    out, at = [], 0
    for start, end in spans:
        out += [text[at:start], click.style(text[start:end], fg="yellow", bold=True)]
        at = end
    out.append(text[at:])
    return "".join(out)


def _print_results(result: searching.SearchResult) -> None:
    one = result.total == 1
    subject = f"like {result.like}" if result.like else ("matches" if one else "match")
    noun = "quote" if one else "quotes"
    shown = f" (showing {len(result.hits)})" if len(result.hits) < result.total else ""
    click.echo(f"{result.total} {noun} {subject}{shown}")
    if result.relaxed:
        click.echo(f"Then {result.relaxed - result.total} more holding some of the words, best first.")
    left_out = result.extra.get("left_out")
    if left_out:
        click.echo(f"{left_out} more in restricted or embargoed sources: add --include-restricted to see "
                   f"{'it' if left_out == 1 else 'them'}.")
    some = result.extra.get("left_out_some")
    if some:
        click.echo(f"{some} more holding some of the words in restricted or embargoed sources: "
                   f"add --include-restricted to see {'it' if some == 1 else 'them'}.")
    alone = result.extra.get("without_filters")
    if alone:
        several = result.extra["filter_count"] > 1
        click.echo(f"Without the filter{'s' if several else ''} {result.extra['filters']}, "
                   f"the words match {counted(alone, 'quote')}.")
    if result.ranked_among:
        click.echo(f"So many: ranked the first {result.ranked_among:,} of them; add words to narrow the search.")
    if result.did_you_mean:
        click.echo(f"Did you mean: {result.did_you_mean}")
    for n, hit in enumerate(result.hits, start=1):
        row = hit.row
        themes = ", ".join(t["theme"] for t in row["themes"]) or "no themes"
        click.echo()
        mark = searching.access_mark(row)
        # Said before the text: a quote not everyone may read must not be taken for a public one.
        flag = click.style(f"[{mark}] ", fg="red", bold=True) if mark else ""
        click.echo(f"{n}. {flag}{_highlighted(row['text'], hit.matches)}")
        click.echo(click.style(f"   — {row['speaker_description']} · {themes}", dim=True))
        cite = citation(row)
        click.echo(click.style(f"   {hit.id} · {cite}", dim=True))


@click.command("index")
@db_option
@click.option("--rebuild", is_flag=True, help="Build the whole index again from the database.")
def index_command(db_path, rebuild):
    """Bring the search index in step with the database (or --rebuild it)."""
    archive = open_archive(db_path)
    try:
        with sentences(SearchIndexError):
            report = archive.index(rebuild, progress=progress_bar("Indexing quotes"))
    except sqlite3.Error as e:  # the database failed under the index (damaged, say)
        from archive import store

        raise click.ClickException(str(store.database_fault(archive.db_path, e))) from None
    directory = report["directory"]
    if report["rebuilt"]:
        click.echo(f"Indexed {counted(report['indexed'], 'quote')} into {directory}", err=True)
    elif report["sources"]:
        click.echo(f"Re-indexed {counted(report['sources'], 'source')} ({counted(report['indexed'], 'quote')}) in {directory}",
                   err=True)
    else:
        click.echo(f"The search index at {directory} is up to date.", err=True)
