"""Plug-ins from outside the package: a tiny plug-in package, installed the way pip leaves
one (a module and its ``.dist-info`` with entry points) on a folder put on the path, adds a
stage and a reader that `archive ingest` then uses; a dotted path in archive.yml works too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import write_tree

PLUGIN = '''
import json
import re

from ingest.model import ThemeTag
from ingest.redact.recognizers import Finding, register_kind, register_recognizer

register_kind("LOCKER", "locker number", "[locker]")


@register_recognizer("locker-number", "LOCKER", context=("locker",))
def locker_numbers(text):
    for m in re.finditer(r"\\bLK-\\d{4}\\b", text):
        yield Finding(m.start(), m.end(), "LOCKER", 0.9, "locker-number")


def write_ids(records, out):
    """One quote id and its text a line."""
    n = 0
    for n, record in enumerate(records, start=1):
        out.write(f"{record['id']}\\t{record['text']}\\n")
    return n
from ingest.readers import ReadResult
from ingest.model import Turn


class EveryQuoteOnWorkload:
    """A tag stage that codes every quote 'workload', with its own evidence."""
    name = "tag"
    themes = [{"id": "workload", "label": "Workload and wellbeing", "description": "", "position": 0}]

    def __call__(self, source):
        for quote in source.quotes:
            quote.themes = [ThemeTag("workload", 1.0, ["from the plug-in"])]
        return source


def make_stage(config):
    return EveryQuoteOnWorkload()


def read_minutes(path, meta):
    """Meeting minutes: one '- said: text' line per turn."""
    turns = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("- "):
            label, _, text = line[2:].partition(": ")
            turns.append(Turn(label, text, f"line {number}"))
    return ReadResult(turns)
'''


def install_plugin(site: Path) -> None:
    (site / "minutes_plugin.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "minutes_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: minutes-plugin\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(textwrap.dedent("""\
        [quote_archive.stages]
        everything_workload = minutes_plugin:make_stage

        [quote_archive.readers]
        .minutes = minutes_plugin:read_minutes

        [quote_archive.recognizers]
        lockers = minutes_plugin:locker_numbers

        [quote_archive.exports]
        ids = minutes_plugin:write_ids
    """), encoding="utf-8")


def ingest_with_plugin(project: Path, site: Path, pipeline: str) -> tuple[subprocess.CompletedProcess, list[dict]]:
    write_tree(project, {
        "archive.yml": f"pipeline: {{tag: {pipeline!r}}}\n",
        "transcripts/team/collection.yml": "title: Team meetings\nkind: other\n",
        "transcripts/team/meeting-1.minutes": "- Chair: Our caseloads are too high this term, LK-4821 is mine.\n"
                                              "- Member: We need more staff on the rota.\n",
        "transcripts/team/talk-1.txt": "Q: How is it going?\nA: Busy, but fine.\n",
    })
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    archive = [sys.executable, "-m", "archive"]
    ingest = subprocess.run([*archive, "ingest", "--db", "a.db"], cwd=project, env=env, capture_output=True,
                            text=True)
    export = subprocess.run([*archive, "export", "--db", "a.db"], cwd=project, env=env, capture_output=True,
                            text=True)
    return ingest, [json.loads(line) for line in export.stdout.splitlines() if line.strip()]


def run_archive(project: Path, site: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "archive", *args], cwd=project, env=env, capture_output=True,
                          text=True)


@pytest.fixture
def site(tmp_path):
    site = tmp_path / "site-packages"
    site.mkdir()
    install_plugin(site)
    return site


def test_an_installed_plugin_stage_and_reader_are_used_by_ingest(tmp_path, site):
    result, quotes = ingest_with_plugin(tmp_path / "project", site, "everything_workload")
    assert result.returncode == 0, result.stderr
    assert {q["source"] for q in quotes} == {"meeting-1", "talk-1"}  # the .minutes file was read
    assert "Our caseloads are too high" in " ".join(q["text"] for q in quotes)
    # The plug-in's recognizer ran in the redaction stage: its kind has its own placeholder.
    assert "[locker] is mine" in " ".join(q["text"] for q in quotes)
    assert "LK-4821" not in json.dumps(quotes)
    # ... and its export format is offered and written, from the leak-gated records.
    written = run_archive(tmp_path / "project", site, "export", "--db", "a.db", "--format", "ids")
    assert written.returncode == 0, written.stderr
    assert sorted(line.split("\t")[0] for line in written.stdout.splitlines()) == sorted(q["id"] for q in quotes)
    wrong = run_archive(tmp_path / "project", site, "export", "--db", "a.db", "--format", "idz")
    assert wrong.returncode == 2 and "did you mean 'ids'" in wrong.stderr
    assert all(q["themes"] == ["workload"] and q["theme_evidence"]["workload"] == ["from the plug-in"]
               for q in quotes)


def test_a_stage_named_by_dotted_path_in_archive_yml(tmp_path, site):
    result, quotes = ingest_with_plugin(tmp_path / "project", site, "minutes_plugin:make_stage")
    assert result.returncode == 0, result.stderr
    assert quotes and all(q["themes"] == ["workload"] for q in quotes)


def test_an_unknown_stage_stops_the_ingest_once_naming_archive_yml(tmp_path, site):
    result, _ = ingest_with_plugin(tmp_path / "project", site, "everything_workloda")
    assert result.returncode == 1
    assert "archive.yml" in result.stderr and "unknown stage 'everything_workloda'" in result.stderr
    assert "everything_workload" in result.stderr  # the installed ones are listed
    assert "please report" not in result.stderr and "Traceback" not in result.stderr
