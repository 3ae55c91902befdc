"""`archive --help` lists every command with its own one-line help, without loading the
heavy libraries behind them (spaCy, sqlite-utils, Datasette, Whoosh, the YAML loader)."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from archive.cli import cli

# and nothing a command needs only when it runs: the export formats, the YAML loader
HEAVY = ("spacy", "sqlite_utils", "datasette", "whoosh", "ingest.redact", "archive.store", "archive.export", "yaml")


def test_help_loads_no_heavy_library():
    code = ("import sys; from click.testing import CliRunner; from archive.cli import cli; "
            "r = CliRunner().invoke(cli, ['--help']); assert r.exit_code == 0, r.output; "
            f"print(__import__('json').dumps([m for m in {HEAVY!r} if m in sys.modules]))")
    loaded = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                       check=True).stdout)
    assert loaded == []


def test_help_lists_each_command_with_its_own_help():
    output = CliRunner().invoke(cli, ["--help"]).output
    listing = output.split("Commands:", 1)[1]
    ctx = cli.make_context("archive", [], resilient_parsing=True)
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        first_words = " ".join(command.get_short_help_str(200).split()[:4])
        entry = next(line for line in listing.splitlines() if line.strip().startswith(name + " "))
        assert first_words[:30] in " ".join(entry.split()), name
