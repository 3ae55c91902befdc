"""The archive as a library: the README's notebook example runs as written, on the sample
transcripts, and gives what the commands give."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## As a library", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_readme_notebook_example_runs(tmp_path, capsys):
    shutil.copytree(ROOT / "transcripts", tmp_path / "transcripts")
    with contextlib.chdir(tmp_path):
        exec(compile(readme_example(), "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "7 sources added" in printed
    assert re.search(r"^sample-\S+ \S", printed, re.M)  # a search hit: its id and text
    exported = [json.loads(line) for line in (tmp_path / "workload.jsonl").read_text().splitlines()]
    assert exported and all("workload" in q["themes"] and q["citation"] for q in exported)
    assert (tmp_path / "archive.db").exists()  # the project's database, as the CLI would use


def test_archive_quotes_are_the_export_records(tmp_path):
    from archive import Archive
    from tests.conftest import export_jsonl, write_tree

    write_tree(tmp_path, {"t/c/one.txt": "A: My caseload doubled last year.\nB: That sounds hard.\n"})
    archive = Archive(tmp_path / "a.db")
    assert archive.ingest(tmp_path / "t").ok
    assert list(archive.quotes()) == export_jsonl(tmp_path / "a.db")
    assert [s["id"] for s in archive.sources()] == ["one"]


def test_the_leak_gate_is_library_code():
    """Export, publish and the Archive object read through archive.leak_gate, which never
    loads the command-line layer."""
    import subprocess
    import sys

    code = "import sys, archive.leak_gate; print('archive.cli' in sys.modules, 'archive.review' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]


def test_the_stages_package_imports_nothing_of_the_archive():
    """ingest/ (readers, segmenter, redaction, themes) is the stages; archive/ stores and
    orchestrates them. One direction only: no import cycle between the packages."""
    import subprocess
    import sys

    code = ("import sys, ingest.stages, ingest.readers, ingest.segment, ingest.redact, ingest.themes, "
            "ingest.config, ingest.plugins; print(sorted(m for m in sys.modules if m.split('.')[0] == 'archive'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
