"""The ``archive`` command: a thin click layer over the ingest and archive libraries."""

from __future__ import annotations

import importlib
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import click

from archive import __version__, export as exporter
from ingest.config import ConfigError, ProjectConfig, load_config


def project_config() -> ProjectConfig:
    try:
        return load_config()
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


def open_existing(db_path: Path):
    from archive import store  # sqlite-utils takes a tenth of a second to import: only when needed

    try:
        return store.open_db(db_path, create=False)
    except store.StoreError as e:
        raise click.ClickException(str(e)) from None


class LazyGroup(click.Group):
    """Loads a subcommand's module only when that command runs (click's documented pattern),
    so ``archive search`` never pays for importing spaCy or Datasette."""

    def __init__(self, *args, lazy_subcommands: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy_subcommands = lazy_subcommands or {}

    def list_commands(self, ctx):
        return sorted([*super().list_commands(ctx), *self.lazy_subcommands])

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
    archive ingest transcripts/          read, redact, tag and store every source
    archive sources                      what the archive holds
    archive export --format jsonl        every quote with its citation
    """


@cli.command()
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
@db_option
def ingest(path: Path | None, db_path: Path | None):
    """Ingest the transcripts tree at PATH (default: transcripts/) into the archive.

    Unchanged sources are skipped, changed ones replaced, and sources whose file
    is gone removed. A source that cannot be read is reported with its file and
    place, the others still go in, and the exit code is 1.
    """
    config = project_config()
    root = path or config.resolve(config.transcripts)
    db_path = resolve_db(db_path, config)
    from archive import store
    from ingest.pipeline import ingest_path  # loads the pipeline only when ingesting

    @contextmanager
    def progress(files):
        with click.progressbar(files, label="Ingesting", file=sys.stderr,
                               item_show_func=lambda f: f.path.name if f else "") as bar:
            yield bar

    try:
        report = ingest_path(root, db_path, config, progress=progress)
    except (FileNotFoundError, ValueError, store.StoreError, ConfigError) as e:
        raise click.ClickException(str(e)) from None
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    for message in report.failed:
        click.secho(f"error: {message}", fg="red", err=True)
    lines = [
        f"{len(report.added)} added, {len(report.updated)} updated, {len(report.unchanged)} unchanged, "
        f"{len(report.removed)} removed, {len(report.failed)} failed"
        + (f", {len(report.withdrawn)} withdrawn" if report.withdrawn else ""),
        f"{report.quotes:,} quotes, {report.words:,} words in {db_path}; took {report.seconds:.1f} s",
    ]
    for removed in report.removed:
        lines.insert(0, f"removed {removed}: its file is gone, or now gives another id")
    click.echo("\n".join(lines))
    if not report.ok:
        sys.exit(1)


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(exporter.FORMATS), default="jsonl", show_default=True)
@click.option("--theme", "themes", multiple=True, metavar="ID", help="Only quotes with this theme (repeatable).")
@click.option("--source", "sources", multiple=True, metavar="ID", help="Only quotes from this source (repeatable).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (default: standard output).")
def export(db_path: Path | None, fmt: str, themes: tuple[str], sources: tuple[str], output: Path | None):
    """Export quotes, in source order, each with its citation.

    \b
    archive export --format jsonl > quotes.jsonl
    archive export --format markdown --theme unwaged_work -o unwaged.md
    """
    config = project_config()
    db = open_existing(resolve_db(db_path, config))
    themes = tuple(t.lower() for t in themes)  # theme ids are lower case, as search reads them
    _check_known(db, "themes", themes, "theme")
    _check_known(db, "sources", sources, "source")
    from archive.store import iter_quotes

    rows = iter_quotes(db, themes=themes, sources=sources)
    from archive.review import Leak, behind_warning, checked_rows, published_checker  # the leak gate again

    warning = behind_warning(db, config)
    if warning:
        click.echo(warning, err=True)
    try:
        _write_export(checked_rows(rows, published_checker(config)), fmt, output)
    except Leak as e:
        raise click.ClickException(f"Export stopped: {e}") from None


def _write_export(rows, fmt: str, output: Path | None) -> None:
    # Nothing leaves until every row has passed the gate: never a half-written export.
    if output:
        tmp = output.with_name(output.name + ".tmp")
        try:
            out = tmp.open("w", encoding="utf-8", newline="")
        except OSError as e:
            raise click.ClickException(f"cannot write {output}: {e.strerror or e}.") from None
        try:
            with out:
                count = exporter.write(rows, fmt, out)
            tmp.replace(output)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        click.echo(f"{count} quotes written to {output}", err=True)
    else:
        with tempfile.SpooledTemporaryFile(max_size=64 << 20, mode="w+", encoding="utf-8", newline="") as buffer:
            exporter.write(rows, fmt, buffer)
            buffer.seek(0)
            shutil.copyfileobj(buffer, sys.stdout)


def _check_known(db, table: str, wanted: tuple[str], what: str) -> None:
    known = {row[0] for row in db.execute(f"select id from {table}").fetchall()}
    unknown = [w for w in wanted if w not in known]
    if unknown:
        raise click.ClickException(
            f"no {what} {', '.join(map(repr, unknown))} in the archive; known: {', '.join(sorted(known)) or 'none'}."
        )


@cli.command()
@db_option
def sources(db_path: Path | None):
    """List the sources in the archive."""
    config = project_config()
    db = open_existing(resolve_db(db_path, config))
    rows = db.execute(
        "select id, collection, kind, date, access, quotes, words, title from sources order by collection, id"
    ).fetchall()
    if not rows:
        click.echo("The archive is empty: run 'archive ingest'.")
        return
    headers = ("id", "collection", "kind", "date", "access", "quotes", "words", "title")
    table = [headers] + [tuple("" if v is None else str(v) for v in row) for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(headers) - 1)]
    for row in table:
        click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths)) + "  " + row[-1])
