"""Shared helpers: fictional transcripts trees built in a temporary folder, and the CLI."""

from __future__ import annotations

import contextlib
import json
import os
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV_CORPUS = SHARED / "corpus" / "dev"
DEV_GOLD = SHARED / "corpus" / "dev.gold.jsonl"


def require_corpus(path: Path = DEV_CORPUS) -> None:
    """Corpus-scale tests need ../shared beside the project. A user's plain clone has none:
    those tests are skipped there; in CI (CI=true), where it must be, its absence fails."""
    if path.exists():
        return
    message = f"the shared corpus is missing at {path}"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message + " (a plain clone: corpus-scale tests run where ../shared is present)")


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``{"collection/file.txt": content}``; str content is dedented UTF-8 text."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


def run(*args: str, expect: int | None = 0):
    """Run the archive command in-process; check its exit code."""
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    if expect is not None:
        assert result.exit_code == expect, f"exit {result.exit_code}\n{result.output}"
    return result


def export_jsonl(db: Path, *args: str) -> list[dict]:
    result = run("export", "--db", db, "--format", "jsonl", *args)
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture
def project(tmp_path, monkeypatch):
    """An empty project folder as the working directory (so archive.yml defaults apply)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="session")
def dev_archive(tmp_path_factory):
    """The dev corpus ingested once per test session: (db path, exported quotes)."""
    require_corpus()
    folder = tmp_path_factory.mktemp("dev")
    db = folder / "dev.db"
    with contextlib.chdir(folder):  # the private redaction log goes to the temporary project
        run("ingest", DEV_CORPUS, "--db", db)
        return db, export_jsonl(db)
