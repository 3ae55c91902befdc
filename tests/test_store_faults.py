"""The store under faults: a kill at any statement, a read-only, full or damaged database.

Every source is stored in one transaction: killed anywhere, a source is either as it
was or wholly replaced, its private redaction log never runs ahead of what is stored,
and the next ingest finishes the work. A fault of the database is named as one, once.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import sqlite3
from pathlib import Path
import textwrap

import pytest

from archive import store
from archive.web import publish
from archive import pipeline
from tests.conftest import export_jsonl, run, write_tree

COLLECTION = {"study/collection.yml": "title: Interviews\nkind: interview\nlicence: CC BY 4.0\n"}
V1 = {
    **COLLECTION,
    "study/one.txt": """
        Q: Who did you work with?
        A: I worked with Priya Natarajan at the clinic, on the waiting list.
        Q: And the supervision?
        A: I pay for my own supervision, every month.
        """,
    "study/two.txt": """
        Q: Caseload?
        A: Forty clients. Dariusz Wojcik said it was far too many.
        """,
    "study/three.txt": "Q: Contract?\nA: A zero hours contract with a charity.\n",
}
# Both changed sources change their number of quotes and whom they name.
V2 = {
    **V1,
    "study/one.txt": """
        Q: Who did you work with?
        A: I worked with Tomasz Brennan at the clinic, on the waiting list.
        Q: And now?
        A: Now I work alone.
        """,
    "study/two.txt": """
        Q: Caseload?
        A: Forty clients. Aoife Lindqvist said it was far too many.
        Q: And the pay?
        A: Banded, but the band is low.
        Q: Anything else?
        A: No.
        """,
}
KILLED = 77


def _state(db_path, private):
    """Per source: (quote texts, count on its row, fingerprint, logged) and its log's bytes."""
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("pragma integrity_check").fetchone() == ("ok",)
        sources = {}
        for source_id, count in con.execute("select id, quotes from sources"):
            texts = tuple(t for (t,) in con.execute(
                "select text from quotes where source = ? order by position", [source_id]))
            state = con.execute("select * from ingest_state where source = ?", [source_id])
            state = dict(zip([c[0] for c in state.description], state.fetchone()))
            fingerprint, logged = state["fingerprint"], state.get("logged")
            log = private / "redaction-log" / f"{source_id}.jsonl"
            sources[source_id] = {"texts": texts, "count": count, "fingerprint": fingerprint, "logged": logged,
                                  "log": log.read_bytes() if log.exists() else None}
        return sources
    finally:
        con.close()


def _restore(snapshot, db_path, private):
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    shutil.copy(snapshot / "a.db", db_path)
    shutil.rmtree(private, ignore_errors=True)
    shutil.copytree(snapshot / "private", private)


def _killed_ingest(monkeypatch, db_path, at: int) -> int:
    """Ingest in a child process that dies (os._exit) at the ``at``-th event: each SQL
    statement run while a source is being replaced (triggers' statements included), the
    moment after it commits, and the moment after its private log is written. Returns
    the child's exit code: KILLED, or 0 when ``at`` was past the last event."""
    pid = os.fork()
    if pid:
        return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    try:
        events = itertools.count(1)
        replacing = [False]

        def tick():
            if next(events) == at:
                os._exit(KILLED)

        def trace(sql):
            if replacing[0] and not sql.startswith("--"):  # a statement, not one of its triggers'
                tick()

        open_db, replace_source = store.open_db, store.replace_source
        write_log = getattr(pipeline, "_write_private_log", None)  # (raising=False: so it runs on older code)

        def traced_open(*args, **kwargs):
            db = open_db(*args, **kwargs)
            db.conn.set_trace_callback(trace)
            return db

        def traced_replace(*args, **kwargs):
            replacing[0] = True
            try:
                replace_source(*args, **kwargs)
            finally:
                replacing[0] = False
            tick()  # stored, its log not yet written

        def traced_log(source):
            write_log(source)
            tick()  # log written, not yet marked as written

        monkeypatch.setattr(store, "open_db", traced_open)
        monkeypatch.setattr(store, "replace_source", traced_replace)
        monkeypatch.setattr(pipeline, "_write_private_log", traced_log, raising=False)
        run("ingest", "t", "--db", db_path, expect=None)
        os._exit(0)
    except BaseException:
        os._exit(3)


@pytest.fixture
def stages_built_once(monkeypatch):
    """The pipeline's stages built once for the test, not at every ingest (the tagger alone
    takes a second and a half to build): the kill test runs a hundred ingests."""
    built = []
    build = pipeline.build_stages
    monkeypatch.setattr(pipeline, "build_stages", lambda config: built or built.extend(build(config)) or built)
    # Nor an fsync at each checkpoint: a kill (unlike a power cut) loses nothing committed either way.
    open_db = store.open_db

    def unsynced(*args, **kwargs):
        db = open_db(*args, **kwargs)
        db.execute("PRAGMA synchronous = OFF")
        return db

    monkeypatch.setattr(store, "open_db", unsynced)


def test_a_kill_at_any_statement_leaves_each_source_whole_and_the_next_ingest_repairs_it(
        project, monkeypatch, stages_built_once):
    db_path, private = project / "a.db", project / "private"
    write_tree(project / "t", V1)
    run("ingest", "t", "--db", db_path)  # also loads the models once, for every child
    old = _state(db_path, private)
    snapshot = project / "snapshot"
    snapshot.mkdir()
    shutil.copy(db_path, snapshot / "a.db")
    shutil.copytree(private, snapshot / "private")
    write_tree(project / "t", V2)
    run("ingest", "t", "--db", db_path)
    new = _state(db_path, private)
    assert old["one"]["log"] != new["one"]["log"] and old["two"]["count"] != new["two"]["count"]

    for at in itertools.count(1):
        _restore(snapshot, db_path, private)
        code = _killed_ingest(monkeypatch, db_path, at)
        if code == 0:
            break
        assert code == KILLED, f"the ingest killed at event {at} failed on its own (exit {code})"
        now = _state(db_path, private)
        assert set(now) == set(old), at
        for source_id, stored in now.items():
            whole = {k: stored[k] for k in ("texts", "count", "fingerprint")}
            was, will = ({k: v[source_id][k] for k in whole} for v in (old, new))
            assert whole in (was, will), f"killed at event {at}: {source_id} is half-written"
            assert stored["count"] == len(stored["texts"])
            if whole == was:  # never a log made for a version that was not stored
                assert stored["log"] == old[source_id]["log"], f"killed at event {at}: {source_id}"
            elif stored["log"] != new[source_id]["log"] or stored["logged"] != stored["fingerprint"]:
                # Stored, its log not (or not known to be) written: the next ingest makes it again.
                assert stored["logged"] is None, f"killed at event {at}: {source_id}"
        # The next ingest finishes whatever was interrupted.
        run("ingest", "t", "--db", db_path)
        repaired = _state(db_path, private)
        assert {k: {f: v[f] for f in ("texts", "count", "fingerprint", "log")} for k, v in repaired.items()} == \
            {k: {f: v[f] for f in ("texts", "count", "fingerprint", "log")} for k, v in new.items()}, at
        assert all(v["logged"] == v["fingerprint"] for v in repaired.values())
    # Each of the two changed sources has a dozen statements or more, and three moments around its log.
    print(f"{at - 1} kill points")
    assert at > 30, f"only {at - 1} kill points: the hook did not see the replacement"


def test_nothing_commits_part_of_a_source_inside_its_transaction(project):
    db = store.open_db(project / "a.db")
    with pytest.raises(sqlite3.DatabaseError):
        with store.transaction(db):
            db.execute("insert into archive_meta (key, value) values ('a', '1')")
            db.conn.commit()  # what 'with db.conn:' or a stray commit would do half-way
    assert db.execute("select count(*) from archive_meta where key = 'a'").fetchone() == (0,)


# ---------------------------------------------------------------- faults of the database

def _ingested(project):
    write_tree(project / "t", V1)
    db_path = project / "a.db"
    run("ingest", "t", "--db", db_path)
    write_tree(project / "t", V2)
    return db_path, project / "private" / "redaction-log"


def _logs(logs):
    return {p.name: p.read_bytes() for p in sorted(logs.iterdir())}


def _run_faulty(pragmas, *args):
    """Run the command with each database opened and then given ``pragmas(db)``."""
    open_db = store.open_db

    def faulty(*args, **kwargs):
        db = open_db(*args, **kwargs)
        for pragma in pragmas(db):
            db.execute(pragma)
        return db

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store, "open_db", faulty)
        return run(*args, expect=None)


def _one_message(result, db_path, fault):
    out = result.output
    assert result.exit_code == 1
    assert "Traceback" not in out and "could not be processed" not in out
    lines = [line for line in out.splitlines() if str(db_path) in line and fault in line]
    assert len(lines) == 1, out  # once, naming the database, not each input file
    assert not any(name in out for name in ("one.txt", "two.txt")), out


def test_a_read_only_database_is_named_once_and_changes_nothing(project):
    db_path, logs = _ingested(project)
    before, logs_before = _state(db_path, project / "private"), _logs(logs)
    result = _run_faulty(lambda db: ["PRAGMA query_only = ON"],  # what a read-only file or disk gives
                         "ingest", "t", "--db", db_path)
    _one_message(result, db_path, "read-only")
    quote = export_jsonl(db_path)[1]["id"]
    theme = sqlite3.connect(db_path).execute("select id from themes").fetchone()[0]
    for command in (["tag", quote, f"+{theme}"], ["withdraw", "three"]):
        result = _run_faulty(lambda db: ["PRAGMA query_only = ON"], *command, "--db", db_path)
        assert result.exit_code == 1 and "read-only" in result.output, (command, result.output)
        assert "Traceback" not in result.output and "Withdrew" not in result.output
    assert _state(db_path, project / "private") == before and _logs(logs) == logs_before


def test_a_full_disk_is_named_once_stores_no_part_of_a_source_and_keeps_its_log(project):
    db_path, logs = _ingested(project)
    before, logs_before = _state(db_path, project / "private"), _logs(logs)
    # A big new source that cannot fit: the database may grow by a few pages only.
    write_tree(project / "t", {"study/four.txt": "".join(
        f"Q: Question {k}?\nA: The waiting list grew again this week, {k} more people in the queue.\n"
        for k in range(400))})
    result = _run_faulty(lambda db: [f"PRAGMA max_page_count = {db.execute('pragma page_count').fetchone()[0] + 3}"],
                         "ingest", "t", "--db", db_path)
    _one_message(result, db_path, "disk is full")
    after = _state(db_path, project / "private")
    assert "four" not in after  # never listed with quotes it does not have
    for source_id, stored in after.items():  # each as it was, or wholly replaced
        assert stored["count"] == len(stored["texts"])
        if stored["fingerprint"] == before[source_id]["fingerprint"]:
            assert stored == before[source_id]
    assert not (logs / "four.jsonl").exists()  # never a log for a version never stored
    # With room again, the next ingest stores everything.
    result = run("ingest", "t", "--db", db_path)
    assert "1 added" in result.output and (logs / "four.jsonl").exists()


def _damage(db_path):
    """Overwrite the first page of the quotes table with noise, as a bad sector would."""
    con = sqlite3.connect(db_path)
    con.execute("pragma wal_checkpoint(truncate)")
    page_size = con.execute("pragma page_size").fetchone()[0]
    root = con.execute("select rootpage from sqlite_master where name = 'quotes'").fetchone()[0]
    con.close()
    with open(db_path, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(bytes(range(256)) * (page_size // 256))


def test_writing_commands_refuse_a_damaged_database(project):
    db_path, _logs_dir = _ingested(project)
    quote = export_jsonl(db_path)[1]["id"]
    theme = sqlite3.connect(db_path).execute("select id from themes").fetchone()[0]
    _damage(db_path)
    for command in (["ingest", "t"], ["tag", quote, f"+{theme}"], ["withdraw", "three"],
                    ["publish", "site", "--metadata", str(Path(__file__).resolve().parents[1] / "metadata.yml")]):
        result = run(*command, "--db", db_path, expect=None)
        assert result.exit_code == 1, (command, result.output)
        assert "is damaged" in result.output and str(db_path) in result.output, (command, result.output)
        assert "Traceback" not in result.output
    assert not (project / "site").exists()
    # Commands that only read, when they meet the damaged page, say so in one sentence too.
    for command in (["export"], ["search", "clients"], ["index", "--rebuild"]):
        result = run(*command, "--db", db_path, expect=None)
        assert result.exit_code == 1 and "is damaged" in result.output, (command, result.output)


def test_a_source_the_leak_gate_refuses_keeps_its_private_log(project):
    db_path, logs = _ingested(project)
    text = "---\naudio_url: https://audio.example.org/tomasz-brennan.mp3\n---\n" + textwrap.dedent(V2["study/one.txt"])
    (project / "t" / "study" / "one.txt").write_text(text)
    before = (logs / "one.jsonl").read_bytes()
    result = run("ingest", "t", "--db", db_path, expect=1)
    assert "audio_url" in result.output
    assert (logs / "one.jsonl").read_bytes() == before  # not the log of a version never stored


def test_a_private_log_that_cannot_be_written_is_named_and_made_again_next_time(project):
    db_path, logs = _ingested(project)
    logs.rename(project / "private" / "moved")
    logs.write_text("a file where the folder was")  # the folder cannot be made
    result = run("ingest", "t", "--db", db_path, expect=1)
    assert "private redaction log could not be written" in result.output and "Traceback" not in result.output
    assert "could not be processed" not in result.output
    logs.unlink()
    (project / "private" / "moved").rename(logs)
    result = run("ingest", "t", "--db", db_path)  # the stored versions had no log: made again
    assert "2 updated" in result.output
    assert "Tomasz" in (logs / "one.jsonl").read_text()
