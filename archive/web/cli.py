"""The ``archive serve``, ``archive publish`` and ``archive withdraw`` commands: a click layer
over ``Archive.publish`` and ``Archive.withdraw``. ``archive serve`` runs a web server in the
foreground (a temporary publish build, Datasette, the local coding page): a command, not a
library call, though it reads the archive through the same object."""

from __future__ import annotations

import difflib
import sqlite3
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from archive.cli import counted, db_option, open_archive, progress_bar, sentences
from archive import store
from archive.web import publish as publisher
from archive.web import withdraw as withdrawer

metadata_option = click.option(
    "--metadata", "metadata_path", type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Datasette metadata (default: metadata.yml in the project folder).",
)


def _quote_count(db_path: Path) -> int:
    try:
        db = store.open_db(db_path, create=False)
    except store.StoreError as e:
        raise click.ClickException(str(e)) from None
    return db.execute("select count(*) from quotes").fetchone()[0]


@contextmanager
def _progress(db_path: Path, label: str):
    with click.progressbar(length=_quote_count(db_path), label=label, file=sys.stderr) as bar:
        yield bar


def _describe(report: publisher.BuildReport) -> list[str]:
    lines = []
    for name, counts in report.counts.items():
        lines.append(f"{name}.db: {counted(counts['sources'], 'source')}, {counted(counts['quotes'], 'quote')}")
    for reason, ids in report.left_out.items():
        lines.append(f"left out ({reason}): {', '.join(ids)}")
    return lines + [f"warning: {w}" for w in report.warnings]


def _leak_check(archive, patterns: bool = True):
    """The leak gate once more, as export has it; first a warning if sources are behind."""
    from archive.leak_gate import published_checker

    warning = archive.behind_warning()
    if warning:
        click.echo(warning, err=True)
    return published_checker(archive.config, patterns)


@click.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@db_option
@metadata_option
@click.option("--public-only", is_flag=True, help="Leave restricted sources out altogether.")
def publish(out: Path, db_path: Path | None, metadata_path: Path | None, public_only: bool):
    """Write a deployable Datasette directory to OUT.

    OUT holds only what may be public (plus restricted sources in a database
    only signed-in researchers can open), with metadata, templates, plugins,
    settings and a README on deploying it: OUT/README.md says how to serve it
    without an access log (plain 'datasette OUT' logs every search typed).
    """
    archive = open_archive(db_path)
    try:
        with sentences(publisher.PublishError):
            report = archive.publish(out, metadata_path=metadata_path, public_only=public_only,
                                     progress=progress_bar("Publishing"),
                                     warn=lambda line: click.echo(line, err=True))
    except sqlite3.Error as e:  # recording the build in a read-only or full archive, say
        raise click.ClickException(str(store.database_fault(archive.db_path, e))) from None
    click.echo("\n".join(_describe(report) + [f"Built {out}: {out / 'README.md'} says how to serve it without logging searches "
                                                  f"(plain 'datasette {out}' logs every search typed)."]))


@click.command()
@db_option
@metadata_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("-p", "--port", default=8001, show_default=True, type=int, help="Port to listen on.")
@click.option("--access-log", is_flag=True, help="Log each request on stderr (its path, never its query "
                                                 "string: searches often hold names).")
def serve(db_path: Path | None, metadata_path: Path | None, host: str, port: int, access_log: bool):
    """Browse the archive in Datasette, exactly as it would be published."""
    from archive.web.serve import port_problem, run_datasette, temporary_build

    archive = open_archive(db_path)
    db_path = archive.db_path
    problem = port_problem(host, port)
    if problem:
        raise click.ClickException(f"cannot serve on {host}:{port} ({problem.lower()}): choose another port with --port.")
    try:
        check = _leak_check(archive, patterns=False)  # its warning before the progress bar
        with _progress(db_path, "Building") as bar, temporary_build(db_path, metadata_path, bar, check) as report:
            bar.render_finish()
            for line in _describe(report):
                click.echo(line, err=True)
            click.echo(f"Serving on http://{host}:{port}/ (Ctrl+C to stop). It shows the archive as it "
                       "is now: restart it to see sources ingested later.", err=True)
            code = run_datasette(report.out, host, port, access_log)
    except (publisher.PublishError, store.StoreError) as e:
        raise click.ClickException(str(e)) from None
    sys.exit(code)


@click.command()
@click.argument("source_id")
@db_option
@click.option("--reason", help="Why (recorded in the archive's withdrawals table, redacted as a quote is).")
@click.option("--out", "builds", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="A publish directory to remove it from too (repeatable; builds made by "
                   "'archive publish' are remembered and always included).")
@click.option("--force", is_flag=True, help="Record the withdrawal of an id never ingested (a source "
                                            "still to come), so ingest keeps it out.")
def withdraw(source_id: str, db_path: Path | None, reason: str | None, builds: tuple[Path], force: bool):
    """Withdraw SOURCE_ID from the archive, its search index, its private redaction log
    and published builds, for good.

    The withdrawal is recorded, so later ingests keep the source out.
    """
    archive = open_archive(db_path)
    db_path = archive.db_path
    try:
        report = archive.withdraw(source_id, reason=reason, builds=builds, force=force)
    except withdrawer.UnknownSource as e:
        close = difflib.get_close_matches(source_id, e.known_ids, n=3)
        raise click.ClickException(
            f"{source_id!r} was never ingested into {db_path}" + (f" (did you mean {' or '.join(close)}?)" if close
                                                                  else "")
            + "; nothing was withdrawn. To keep out a source not yet ingested, give --force.") from None
    except (store.StoreError, withdrawer.WithdrawError) as e:
        raise click.ClickException(str(e)) from None
    if report.was_in_archive:
        click.echo(f"Withdrew {source_id}: {counted(report.quotes, 'quote')} removed from {db_path}.")
    elif report.already:
        click.echo(f"{source_id} was already withdrawn.")
    else:
        click.echo(f"{source_id} is not in the archive; recorded the withdrawal so ingest keeps a source of "
                   f"that id out.")
    if reason and report.reason != reason:
        click.echo(f"Recorded the reason redacted: {report.reason}")
    if report.private_log:
        click.echo("Deleted its private redaction log (the originals).")
    if report.search_index:
        click.echo("Removed it from the search index.")
    for build in report.builds:
        if build.parent.name.startswith("archive-serve-"):  # a running preview: it reopens the new file
            click.echo(f"Removed it from the running 'archive serve' preview ({build}).")
        else:
            click.echo(f"Removed it from the build {build}: redeploy that build.")
    for build in report.missing_builds:
        click.echo(f"note: the build {build} is gone; nothing to remove there.", err=True)
