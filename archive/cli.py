"""The ``archive`` command: a thin click layer over ``archive.Archive`` (``archive.core``).

Each command parses its options, calls one ``Archive`` method, and lays out what it returns
(messages, tables, progress bars); the work is in the library modules.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING
from contextlib import contextmanager
from pathlib import Path

import click

from archive import __version__

if TYPE_CHECKING:
    from ingest.config import ProjectConfig

# Only click at import: `archive --help` lists the commands without the export formats or
# the YAML loader; each command imports what it uses.


def project_config() -> ProjectConfig:
    from ingest.config import ConfigError, find_project, load_config

    try:
        return load_config(find_project(Path.cwd()))
    except ConfigError as e:
        raise click.ClickException(str(e)) from None


def db_option(fn):
    return click.option(
        "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
        help="The archive database (default: archive.db in the project folder, or 'db:' in archive.yml).",
    )(fn)


def resolve_db(db_path: Path | None, config: ProjectConfig) -> Path:
    return db_path or config.resolve(config.db)


def chosen_db(db_path: Path | None) -> Path:
    """The database a command works on: --db, else the project's."""
    return resolve_db(db_path, project_config())


def open_archive(db_path: Path | None = None):
    """The project's ``Archive`` (archive.yml in the working folder or the nearest above it),
    on --db if given."""
    from archive.core import Archive
    from ingest.config import ConfigError, find_project

    try:
        return Archive(find_project(Path.cwd()), db=db_path)
    except ConfigError as e:
        raise click.ClickException(str(e)) from None


@contextmanager
def sentences(*errors: type[BaseException]):
    """The library's errors (a sentence each, naming the file and place) as the command's
    message: never a traceback. The archive's own (a missing or damaged database) always."""
    from archive.errors import StoreError
    from ingest.config import ConfigError

    try:
        yield
    except (StoreError, ConfigError, *errors) as e:
        raise click.ClickException(str(e)) from None


def progress_bar(label: str):
    """A progress bar on standard error, in the shape ``Archive`` methods take: given the
    number of steps, a context manager whose ``update(n)`` moves it on."""
    @contextmanager
    def progress(total: int):
        with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
            yield bar
    return progress


def _named_db(args: list[str]) -> str:
    """The database a command was given (--db FILE or --db=FILE), else the project's."""
    for i, arg in enumerate(args):
        if arg == "--db" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--db="):
            return arg[5:]
    try:
        return str(chosen_db(None))
    except click.ClickException:
        return "the archive database"


class LazyGroup(click.Group):
    """Loads a subcommand's module only when that command runs (click's documented pattern),
    so ``archive search`` never pays for importing spaCy or Datasette."""

    def __init__(self, *args, lazy_subcommands: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy_subcommands = lazy_subcommands or {}

    def list_commands(self, ctx):
        return sorted([*super().list_commands(ctx), *self.lazy_subcommands])

    def invoke(self, ctx):
        """Any command: a fault of the database met while it runs (a damaged page read by
        an export or a search) is one sentence naming the database, never a traceback."""
        import sqlite3

        args = [*getattr(ctx, "_protected_args", []), *ctx.args]  # the command's own, before it parses them
        try:
            return super().invoke(ctx)
        except sqlite3.Error as e:
            from archive import store

            raise click.ClickException(str(store.database_fault(_named_db(args), e))) from None

    def get_command(self, ctx, name):
        if name in self.lazy_subcommands:
            module, attribute = self.lazy_subcommands[name].rsplit(".", 1)
            return getattr(importlib.import_module(module), attribute)
        return super().get_command(ctx, name)

    def format_commands(self, ctx, formatter):
        """The command list, with each lazy command's one-line help read from its module's
        source (its function's docstring) rather than by importing it: ``archive --help``
        must not load spaCy, sqlite-utils or Datasette."""
        found = []  # (name, docstring or command)
        for name in self.list_commands(ctx):
            docstring = _docstring_of(self.lazy_subcommands[name]) if name in self.lazy_subcommands else None
            command = None if docstring is not None else self.get_command(ctx, name)
            if docstring is not None or (command is not None and not command.hidden):
                found.append((name, docstring if docstring is not None else command))
        if found:
            limit = formatter.width - 6 - max(len(name) for name, _ in found)  # as click lays it out
            rows = [(name, (click.Command(name, help=what) if isinstance(what, str) else what)
                     .get_short_help_str(limit)) for name, what in found]
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _docstring_of(dotted: str) -> str | None:
    """The docstring of the function ``module.attribute`` names, read from the module's source."""
    import ast
    import importlib.util

    module, attribute = dotted.rsplit(".", 1)
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return None
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == attribute:
            return ast.get_docstring(node)
    return None


# Commands that live in other modules: name -> "module.attribute".
LAZY_COMMANDS = {
    "search": "archive.search_cli.search_command",
    "index": "archive.search_cli.index_command",
    "themes": "archive.themes_cli.themes",
    "tag": "archive.themes_cli.tag",
    "review": "archive.review.review",
    "serve": "archive.web.cli.serve",
    "publish": "archive.web.cli.publish",
    "withdraw": "archive.web.cli.withdraw",
}


@click.group(cls=LazyGroup, lazy_subcommands=LAZY_COMMANDS)
@click.version_option(__version__, prog_name="archive")
def cli():
    """Turn interview, podcast and survey transcripts into a redacted, searchable,
    citable archive of quotes.

    \b
    archive init my-archive              a new project to fill in
    archive ingest transcripts/          read, redact, tag and store every source
    archive sources                      what the archive holds
    archive export --format jsonl        every quote with its citation
    """


@cli.command()
@click.argument("folder", required=False, default=".", type=click.Path(file_okay=False, path_type=Path))
def init(folder: Path):
    """Start a project in FOLDER (default: here): archive.yml, a metadata.yml to fill in
    with your organisation's archive name and licence, and transcripts/ with one example."""
    from archive.core import Archive

    try:
        written, kept = Archive.init(folder)
    except OSError as e:
        raise click.ClickException(f"cannot write the project into {folder}: {e.strerror or e}.") from None
    for path in written:
        click.echo(f"wrote {path}")
    for path in kept:
        click.echo(f"kept {path} (already there)")
    click.echo(f"Next: fill in {folder / 'metadata.yml'}, put your transcripts in {folder / 'transcripts'}, "
               f"then run 'archive ingest' and 'archive serve' "
               + ("here." if Path(folder).resolve() == Path.cwd().resolve() else f"in {folder}."))


@cli.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
@db_option
def ingest(path: Path | None, db_path: Path | None):
    """Ingest the transcripts tree at PATH (default: transcripts/) into the archive.

    Unchanged sources are skipped, changed ones replaced, and sources whose file
    is gone removed. A source that cannot be read is reported with its file and
    place, the others still go in, and the exit code is 1.
    """
    if path is not None and path.is_file():  # an edited transcript: its folder re-reads only what changed
        raise click.UsageError(f"{path} is a file: give its folder (archive ingest {path.parent}); "
                               "only the sources that changed are read again.")
    archive = open_archive(db_path)

    current = []  # the file being read when Ctrl+C came, to name it

    def noted(bar):
        for source_file in bar:
            current[:] = [source_file.path]
            yield source_file
        current.clear()  # every file read: what is left is the search index, no file's business

    @contextmanager
    def progress(files):
        with click.progressbar(files, label="Ingesting", file=sys.stderr,
                               item_show_func=lambda f: f.path.name if f else "") as bar:
            yield noted(bar)

    try:
        with sentences(FileNotFoundError, ValueError):
            report = archive.ingest(path, progress=progress)
    except KeyboardInterrupt:
        from ingest.model import printable

        where = f" at {printable(current[0])}" if current else ""
        click.secho(f"\nIngest interrupted{where}: every source stored before it is whole, and the rest keep "
                    "what the archive had for them. Run 'archive ingest' again to finish.", fg="red", err=True)
        sys.exit(130)
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    for message in report.failed:
        click.secho(f"error: {message}", fg="red", err=True)
    lines = [
        f"{len(report.added)} added, {len(report.updated)} updated, {len(report.unchanged)} unchanged, "
        f"{len(report.removed)} removed, {len(report.failed)} failed"
        + (f", {len(report.withdrawn)} withdrawn" if report.withdrawn else ""),
        f"{counted(report.quotes, 'quote')}, {counted(report.words, 'word')} in {archive.db_path}; "
        f"took {report.seconds:.1f} s",
    ]
    for removed in report.removed:
        lines.insert(0, f"removed {removed}: its file is gone, or now gives another id")
    click.echo("\n".join(lines))
    if not report.ok:
        sys.exit(1)


def _export_format(value: str) -> str:
    """A built-in format, or one an installed plug-in adds (checked here rather than by a
    click.Choice, so that listing commands never looks for plug-ins)."""
    from archive import export as exporter

    known = exporter.formats()
    if value not in known:
        import difflib

        near = difflib.get_close_matches(value, known, n=1)
        raise click.BadParameter(f"{value!r} is not a format{f'; did you mean {near[0]!r}' if near else ''}; "
                                 f"choose from {', '.join(known)}.")
    return value


@cli.command()
@db_option
@click.option("--format", "fmt", default=None,
              callback=lambda ctx, param, value: None if value is None else _export_format(value),
              help="jsonl, csv, markdown; docx for writers; ris, bibtex, csl-json for reference managers; "
                   "qdpx (REFI-QDA project) or qdc (its codebook) for QDA software; or an installed plug-in's. "
                   "Default: the one -o's file name ends in (.docx, .csv, .md, .ris, .bib...), else jsonl.")
@click.option("--query", default="", metavar="TEXT", help="Only quotes this search finds (the language of 'archive search').")
@click.option("--id", "ids", multiple=True, metavar="QUOTE_ID", help="Only this quote (repeatable).")
@click.option("--theme", "themes", multiple=True, metavar="ID", help="Only quotes with this theme (repeatable: any of them).")
@click.option("--source", "sources", multiple=True, metavar="ID", help="Only quotes from this source (repeatable).")
@click.option("--collection", "collections", multiple=True, metavar="ID", help="Only quotes from this collection (repeatable).")
@click.option("--kind", "kinds", multiple=True, metavar="KIND", help="Only sources of this kind: interview, podcast, survey... (repeatable).")
@click.option("--year", metavar="A..B", help="Only sources from these years: 2017, 2016..2018, 2017..")
@click.option("--speaker", "speakers", multiple=True, metavar="WORDS", help="Only speakers whose description has these words (repeatable).")
@click.option("--include-restricted", is_flag=True, help="Also export restricted and embargoed quotes (each carries its access).")
@click.option("--cite", type=click.Choice(["plain", "apa", "chicago"]), default="plain", show_default=True,
              help="Citation style of the citation field and the document.")
@click.option("--group", type=click.Choice(["theme", "source"]), default="theme", show_default=True,
              help="docx: quotes grouped by theme, or in source order.")
@click.option("--base-url", metavar="URL", help="The published archive's address: citations link to each quote's page.")
@click.option("--accessed", metavar="DATE", help="Date accessed, for citations with --base-url (default: today).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (default: standard output).")
def export(db_path: Path | None, fmt: str | None, query: str, ids: tuple[str], themes: tuple[str], sources: tuple[str],
           collections: tuple[str], kinds: tuple[str], year: str | None, speakers: tuple[str],
           include_restricted: bool, cite: str, group: str, base_url: str | None, accessed: str | None,
           output: Path | None):
    """Export quotes, in source order, each with its citation.

    Selections combine: each option narrows the quotes (several values of one option:
    any of them). Restricted and embargoed quotes stay out unless --include-restricted.

    \b
    archive export --format jsonl > quotes.jsonl
    archive export --format markdown --theme unwaged_work -o unwaged.md
    archive export --format docx --query 'honorary placement' --kind interview --cite apa -o quotes.docx
    archive export --format ris --theme precarity --year 2016..2018 -o precarity.ris
    archive export --format qdpx --collection surveys -o surveys.qdpx     # NVivo, ATLAS.ti, MAXQDA...
    """
    from archive import export as exporter
    from archive.leak_gate import Leak
    from archive.selection import SelectionError

    named = exporter.BY_SUFFIX.get(output.suffix.lower()) if output else None
    if fmt and named and fmt != named:  # JSON lines in a .docx, say: no program opens it
        raise click.UsageError(f"{output.name} names a {named} file, but --format is {fmt}: "
                               f"give --format {named}, or a file name ending as {fmt} files do.")
    fmt = fmt or named or "jsonl"
    archive = open_archive(db_path)
    binary = fmt in exporter.BINARY_FORMATS
    out = output or (click.get_binary_stream("stdout") if binary else sys.stdout)
    try:
        with sentences(exporter.ExportError, SelectionError):
            try:
                count = archive.export(out, fmt, query=query, ids=ids, themes=themes, sources=sources,
                                       collections=collections, kinds=kinds, years=year, speakers=speakers,
                                       include_restricted=include_restricted, cite=cite, group=group,
                                       base_url=base_url, accessed=accessed,
                                       warn=lambda line: click.echo(line, err=True))
            except exporter.ExportOptionError as e:  # options that do not go together: a usage error
                raise click.UsageError(str(e)) from None
    except Leak as e:
        raise click.ClickException(f"Export stopped: {e}") from None
    except OSError as e:
        if output is None:
            raise
        raise click.ClickException(f"cannot write {output}: {e.strerror or e}.") from None
    if output:
        click.echo(f"{counted(count, 'code' if fmt in exporter.CODEBOOK_ONLY else 'quote')} written to {output}", err=True)
    elif count == 0 and fmt not in exporter.CODEBOOK_ONLY:
        # On standard error: standard output is the export (empty, or a format's bare frame).
        click.echo("No quote matched the selection: nothing exported.", err=True)


@cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@click.option("--mapping", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A YAML file mapping the file's code names to theme ids ('Job insecurity: precarity').")
@click.option("--add-themes", is_flag=True,
              help="Codes that map to no theme become new themes (always so for a .qdc codebook).")
def import_command(file: Path, db_path: Path | None, mapping: Path | None, add_themes: bool):
    """Read a REFI-QDA project (.qdpx) or codebook (.qdc) from NVivo, ATLAS.ti, MAXQDA...

    \b
    A codebook adds themes and updates their labels and descriptions. A project's coded
    selections over text that matches stored quotes become hand codes, as 'archive tag'
    makes them (kept across re-ingest). Codes are matched to themes by --mapping, then
    by the archive's own codes, then by label or id; the others are reported.

    \b
    archive import coded.qdpx --mapping codes.yml
    archive import codebook.qdc
    """
    from archive import qda

    archive = open_archive(db_path)
    with sentences(qda.QdaError):
        report = archive.import_codes(file, mapping, add_themes, progress=progress_bar("Matching coded selections"))
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    lines = [f"{counted(report.codes_read, 'code')} read from {file.name}"]
    if report.themes_added:
        lines.append(f"{counted(len(report.themes_added), 'theme')} added ({', '.join(report.themes_added)}), "
                     f"also to {report.codebook}")
    if report.themes_updated:
        lines.append(f"{counted(len(report.themes_updated), 'theme')} given the file's label or description "
                     f"({', '.join(report.themes_updated)}): edit the codebook to keep them after the next ingest")
    if not report.is_codebook:
        lines.append(f"{counted(report.coded, 'hand code')} added to quotes, {report.already} the archive already had")
    for refusal in report.refused:
        lines.append(f"a code was not imported, as themes are published: {refusal}; rename it in the QDA "
                     "program, or map it to a theme with --mapping")
    for name, count in sorted(report.unmatched_codes.items()):
        lines.append(f"unmatched code {name!r} ({count} codings skipped): map it with --mapping, "
                     "or add it with --add-themes")
    if report.unmatched_selections:
        lines.append(f"{counted(report.unmatched_selections, 'coded selection')} matching no stored quote's text: skipped")
    if report.uncoded_turns:
        lines.append(f"{counted(report.uncoded_turns, 'coding')} on interviewers' or hosts' turns: skipped "
                     "(those turns stay uncoded)")
    if report.ambiguous_selections:
        lines.append(f"{counted(report.ambiguous_selections, 'coded selection')} matching quotes in several sources: skipped")
    click.echo("\n".join(lines))


def counted(n: int, noun: str) -> str:
    """'1 quote', '2,345 quotes': what every command prints a number of."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


@cli.command()
@db_option
def sources(db_path: Path | None):
    """List the sources in the archive."""
    with sentences():
        rows = open_archive(db_path).sources()
    if not rows:
        click.echo("The archive is empty: run 'archive ingest'.")
        return
    headers = ("id", "collection", "kind", "date", "access", "quotes", "words", "title")
    table = [headers] + [tuple("" if row[h] is None else str(row[h]) for h in headers) for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(headers) - 1)]
    for row in table:
        click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths)) + "  " + row[-1])
