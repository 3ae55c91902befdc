"""Withdrawal of consent reaches the originals, the publish folder and running servers."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

import pytest

from archive import store
from archive.web import publish
from conftest import run
from test_web import PROJECT_METADATA  # the sample project's metadata.yml
from test_browser import free_port
from test_web import build_sample_archive

WITHDRAWN_TEXT = "caseload doubled"


@pytest.fixture
def sample(tmp_path, monkeypatch):
    """The sample archive in the current folder, with its sources' private redaction logs."""
    monkeypatch.chdir(tmp_path)
    db = build_sample_archive(tmp_path / "archive.db")
    logs = tmp_path / "private" / "redaction-log"
    logs.mkdir(parents=True)
    (logs / "int-01.jsonl").write_text('{"source": "int-01", "original": "Morwenna Trelawny", "kind": "PERSON"}\n')
    (logs / "pod-01.jsonl").write_text('{"source": "pod-01", "original": "Idris Penhaligon", "kind": "PERSON"}\n')
    return db, logs


def test_withdraw_deletes_the_private_log_and_leaves_no_trace_of_the_id_in_the_build(tmp_path, sample):
    db, logs = sample
    run("publish", "site", "--db", db, "--metadata", PROJECT_METADATA)
    result = run("withdraw", "int-01", "--db", db)
    assert "Deleted its private redaction log" in result.output
    assert not (logs / "int-01.jsonl").exists() and (logs / "pod-01.jsonl").exists()
    # The folder is published: it may not say who withdrew (an id may be a name).
    for path in (tmp_path / "site").rglob("*"):
        if path.is_file():
            assert b"int-01" not in path.read_bytes(), path


def test_review_of_a_withdrawn_source_says_it_was_withdrawn(sample):
    # It said "No redaction log ...: ingest it first", but a withdrawn source is kept out of
    # every ingest: its log went with it and there is nothing to bring back.
    db, _ = sample
    run("withdraw", "int-01", "--db", db)
    result = run("review", "int-01", "--db", db, expect=1)
    assert "ingest it first" not in result.output
    assert "int-01 was withdrawn: its private redaction log was deleted with it" in result.output


def test_the_reason_for_a_withdrawal_is_recorded_redacted(sample):
    # The database holds only redacted text, and a reason often names who asked.
    db, _ = sample
    result = run("withdraw", "int-01", "--db", db,
                 "--reason", "Trelawny's manager Mr Quarrington asked us to; ring her on 07700 900123")
    stored = store.open_db(db, create=False).execute("select reason from withdrawals").fetchone()[0]
    for identifier in ("Trelawny", "Quarrington", "07700", "900123"):
        assert identifier not in stored and identifier not in result.output
    assert "manager" in stored and "asked us to" in stored
    assert "Recorded the reason redacted" in result.output


def test_a_reason_that_cannot_be_redacted_is_not_recorded_and_the_source_still_goes(sample, monkeypatch):
    from archive.core import Archive

    db, _ = sample

    def broken(*args):
        raise OSError("no language model")

    monkeypatch.setattr(Archive, "_redacted_reason", broken)
    result = run("withdraw", "int-01", "--db", db, "--reason", "Ms Trelawny asked")
    assert "Withdrew int-01" in result.output and "not recorded" in result.output
    conn = store.open_db(db, create=False)
    assert conn.execute("select reason from withdrawals").fetchone()[0] is None
    assert conn.execute("select count(*) from quotes where source = 'int-01'").fetchone()[0] == 0


OLD_REASON = "Mr Quarrington from the trust asked us to; ring him on 07700 900456"


@pytest.mark.parametrize("command", [("sources",), ("search", "caseload")])
def test_a_reason_recorded_before_reasons_were_redacted_is_removed_by_the_next_command(tmp_path, sample, command):
    """An archive from before `withdraw --reason` redacted the reason holds it word for word,
    and the source's private log (the names to search for) went with the withdrawal: the
    next command that opens the archive removes the reason, from every file, and keeps the
    withdrawal."""
    db, _ = sample
    conn = store.open_db(db, create=False)
    with store.transaction(conn):
        conn.execute("insert into withdrawals (source, at, reason) values ('int-09', '2025-01-01T00:00:00', ?)",
                     [OLD_REASON])
        conn.execute("update archive_meta set value = '6' where key = 'schema_version'")
    conn.close()
    run(*command, "--db", db)
    conn = store.open_db(db, create=False)
    assert conn.execute("select reason from withdrawals where source = 'int-09'").fetchall() == [(None,)]
    conn.close()
    for identifier in ("Quarrington", "07700", "900456"):
        for path in tmp_path.rglob("*"):
            if path.is_file() and "redaction-log" not in path.parts:
                assert identifier.encode() not in path.read_bytes(), path


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


@contextmanager
def _server(command: list[str], cwd):
    """Run ``command`` with ``--port`` added until the block ends; yields its URL. The port
    is chosen here, while any server started before holds its own: two ports chosen before
    either server starts can be the same one, and the second server, refused it, would
    leave the first answering for both."""
    port = free_port()
    server = subprocess.Popen([*command, "--port", str(port)], cwd=cwd, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, server.stdout.read().decode()
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_servers_left_running_never_serve_withdrawn_text(tmp_path):
    db = build_sample_archive(tmp_path / "archive.db")
    metadata = str(PROJECT_METADATA)
    run("publish", tmp_path / "site", "--db", db, "--metadata", metadata)
    with _server([sys.executable, "-m", "datasette", "serve", str(tmp_path / "site")], tmp_path) as published, \
            _server([sys.executable, "-c", "from archive.cli import cli; cli()", "serve", "--db", str(db),
                     "--metadata", metadata], tmp_path) as served:
        pages = ["/archive/quotes/int-01-q3", "/archive/quotes.json?_search=caseload", "/archive/quotes.json"]
        for base in (published, served):
            assert WITHDRAWN_TEXT in _get(base + pages[0])[1]
        result = run("withdraw", "int-01", "--db", db)
        assert "site" in result.output and "archive-serve-" in result.output
        for base in (published, served):
            for page in pages:
                status, body = _get(base + page)
                assert status in (200, 404), (base, page, status)
                assert WITHDRAWN_TEXT not in body, (base, page)
            assert _get(base + pages[0])[0] == 404
            assert "Burnout is everywhere" in _get(base + "/archive/quotes/pod-01-q2")[1]  # the rest still serves
    # Stopped, the preview's build is forgotten: withdraw no longer looks for it.
    assert not any("archive-serve-" in b for b in publish.published_builds(store.open_db(db)))


def test_a_source_marked_withdrawn_loses_its_private_log_at_ingest(project):
    from tests.conftest import write_tree

    write_tree(project / "t", {"study/collection.yml": "title: Interviews\n",
                               "study/one.txt": "Q: Who?\nA: I worked with Morwenna Trelawny at the clinic.\n"})
    run("ingest", "t", "--db", project / "a.db")
    log = project / "private" / "redaction-log" / "one.jsonl"
    assert log.exists()
    (project / "t" / "study" / "one.txt.yml").write_text("access: withdrawn\n")
    assert "1 withdrawn" in run("ingest", "t", "--db", project / "a.db").output
    assert not log.exists()


def test_published_pages_may_be_cached_for_minutes_not_hours(tmp_path):
    """What a browser or proxy keeps outlives withdrawal by at most the page's cache lifetime."""
    from datasette.app import Datasette
    from test_web import TODAY, Client

    site = tmp_path / "site"
    publish.build(build_sample_archive(tmp_path / "archive.db"), site, today=TODAY, record=False)
    client = Client(Datasette(config_dir=site))
    for path in ("/archive/quotes/int-01-q2", "/archive/quotes.json?_search=caseload"):
        response = client.get(path)
        assert response.status_code == 200, path
        lifetime = response.headers["cache-control"]
        assert lifetime.startswith("max-age=") and int(lifetime.split("=")[1]) <= 300, (path, lifetime)


def test_a_preview_that_could_not_be_recorded_says_withdraw_will_not_reach_it(tmp_path, monkeypatch):
    """A preview unknown to the archive keeps serving a source withdrawn meanwhile: whoever
    started it is told so, not left to believe withdraw reaches it."""
    import sqlite3

    from archive.web.serve import temporary_build

    db = build_sample_archive(tmp_path / "archive.db")

    def locked(db, out):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(publish, "remember_build", locked)
    with temporary_build(db, PROJECT_METADATA) as report:
        assert any("'archive withdraw' will not reach it" in w and "database is locked" in w
                   for w in report.warnings), report.warnings
    monkeypatch.undo()
    with temporary_build(db, PROJECT_METADATA) as report:  # recorded: nothing to say
        assert not any("withdraw" in w for w in report.warnings)
