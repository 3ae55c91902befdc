"""Ingest is incremental and safe: unchanged sources skipped, changed ones replaced
whole, removed ones reported; ids stable. (A kill: tests/test_store_faults.py.)"""

from __future__ import annotations

import sqlite3

import pytest

from archive import store
from tests.conftest import export_jsonl, run, write_tree

TREE = {
    "study/collection.yml": "title: Interviews\nkind: interview\nlicence: CC BY 4.0\n",
    "study/one.txt": """
        ---
        title: First interview
        date: 2019-05
        speakers:
          Q: Interviewer
          A: "Respondent, counsellor"
        ---
        Q: Tell me about your contract.
        A: It is a zero hours contract with a charity.
        Q: And the supervision?
        A: I pay for my own supervision, every month.
        """,
    "study/two.md": "---\ntitle: Second interview\n---\nQ: Caseload?\nA: Forty clients, far too many.\n",
}


def summary(result) -> str:
    return result.stdout.strip().splitlines()[-2]


def test_second_ingest_skips_unchanged_sources_and_keeps_ids(project):
    write_tree(project / "t", TREE)
    db = project / "a.db"
    first = run("ingest", "t", "--db", db)
    assert summary(first) == "2 added, 0 updated, 0 unchanged, 0 removed, 0 failed"
    ids = [q["id"] for q in export_jsonl(db)]
    second = run("ingest", "t", "--db", db)
    assert summary(second) == "0 added, 0 updated, 2 unchanged, 0 removed, 0 failed"
    assert [q["id"] for q in export_jsonl(db)] == ids
    assert ids[:2] == ["one-001", "one-002"]


def test_changed_source_is_replaced_and_full_text_search_follows(project):
    write_tree(project / "t", TREE)
    db = project / "a.db"
    run("ingest", "t", "--db", db)
    path = project / "t" / "study" / "one.txt"
    path.write_text(path.read_text().replace("zero hours contract", "fixed-term contract"))
    result = run("ingest", "t", "--db", db)
    assert summary(result) == "0 added, 1 updated, 1 unchanged, 0 removed, 0 failed"
    con = sqlite3.connect(db)
    match = "select count(*) from quotes_fts where quotes_fts match ?"
    assert con.execute(match, ["zero"]).fetchone() == (0,)
    assert con.execute(match, ["contracts"]).fetchone() == (2,)  # porter stemming: contract(s)
    assert con.execute("select count(*) from quotes where source = 'one'").fetchone() == (4,)


def test_metadata_change_reingests_the_source(project):
    write_tree(project / "t", TREE)
    db = project / "a.db"
    run("ingest", "t", "--db", db)
    (project / "t" / "study" / "two.md.yml").write_text("title: Renamed interview\n")
    assert summary(run("ingest", "t", "--db", db)).startswith("0 added, 1 updated, 1 unchanged")
    assert sqlite3.connect(db).execute("select title from sources where id='two'").fetchone() == ("Renamed interview",)


def test_a_collection_folder_named_on_its_own_is_read_as_one_collection(project):
    write_tree(project / "t", {k: v for k, v in TREE.items() if not k.endswith("collection.yml")})
    result = run("ingest", "t/study", "--db", project / "a.db")
    assert summary(result) == "2 added, 0 updated, 0 unchanged, 0 removed, 0 failed"
    assert {q["collection"] for q in export_jsonl(project / "a.db")} == {"study"}


def test_a_file_deleted_after_its_folder_was_ingested_alone_leaves_with_the_whole_tree(project):
    write_tree(project / "t", TREE)
    db = project / "a.db"
    run("ingest", "t", "--db", db)
    (project / "t/study/two.md").write_text("Q: Caseload?\nA: Thirty clients.\n")
    run("ingest", "t/study", "--db", db)  # "two" is now recorded as ingested from t/study
    (project / "t/study/two.md").unlink()
    result = run("ingest", "t", "--db", db)
    assert summary(result) == "0 added, 0 updated, 1 unchanged, 1 removed, 0 failed"
    assert {q["source"] for q in export_jsonl(db)} == {"one"}


def test_a_file_left_unread_is_not_taken_for_gone(project):
    # Ingesting t/study reads its subfolder as the collection and leaves a.txt unread.
    write_tree(project / "t", {"study/a.txt": "Q: Hi?\nA: Fine.\n", "study/extra/b.txt": "Q: Hi?\nA: Busy.\n"})
    db = project / "a.db"
    run("ingest", "t", "--db", db)
    result = run("ingest", "t/study", "--db", db)
    assert "0 removed" in summary(result) and "(e.g. a.txt) is in no collection folder" in result.output
    assert {q["source"] for q in export_jsonl(db)} == {"a", "b"}


def test_loose_files_beside_collections_are_named_not_silently_skipped(project):
    write_tree(project / "t", {**TREE, "stray.txt": "Q: Hi?\nA: Hello.\n", "README.md": "About these files.\n"})
    result = run("ingest", "t", "--db", project / "a.db")
    assert summary(result) == "2 added, 0 updated, 0 unchanged, 0 removed, 0 failed"
    assert "1 file directly in t (e.g. stray.txt) is in no collection folder and was not read" in result.output


def test_removed_file_removes_its_source_and_says_so(project):
    write_tree(project / "t", TREE)
    db = project / "a.db"
    run("ingest", "t", "--db", db)
    (project / "t" / "study" / "two.md").unlink()
    result = run("ingest", "t", "--db", db)
    assert "removed two: its file is gone" in result.stdout
    assert summary(result) == "0 added, 0 updated, 1 unchanged, 1 removed, 0 failed"
    assert {q["source"] for q in export_jsonl(db)} == {"one"}


def test_withdrawn_source_is_kept_out(project):
    write_tree(project / "t", TREE)
    db = project / "a.db"
    run("ingest", "t", "--db", db)
    (project / "t" / "study" / "two.md.yml").write_text("access: withdrawn\n")
    result = run("ingest", "t", "--db", db)
    assert "1 withdrawn" in result.stdout
    assert {q["source"] for q in export_jsonl(db)} == {"one"}


def test_schema_version_is_recorded(project):
    write_tree(project / "t", TREE)
    run("ingest", "t", "--db", project / "a.db")
    con = sqlite3.connect(project / "a.db")
    assert con.execute("select value from archive_meta where key='schema_version'").fetchone() == (
        str(store.SCHEMA_VERSION),)


def test_sources_lists_the_archive(project):
    write_tree(project / "t", TREE)
    run("ingest", "t", "--db", project / "a.db")
    out = run("sources", "--db", project / "a.db").stdout
    assert "one" in out and "First interview" in out and "2019-05" in out


def test_default_paths_are_transcripts_and_archive_db(project):
    write_tree(project / "transcripts", TREE)
    run("ingest")
    assert (project / "archive.db").exists()
    assert len(export_jsonl(project / "archive.db")) == 6


def test_an_archive_of_schema_1_forgets_its_file_paths(project):
    write_tree(project / "t", TREE)
    db_path = project / "a.db"
    run("ingest", "t", "--db", db_path)
    con = sqlite3.connect(db_path)
    with con:  # as version 1 kept them: the paths themselves
        study = project / "t" / "study"
        con.execute("update ingest_state set root = ?", [str((project / "t").resolve())])
        con.execute("update ingest_state set path = ? where source = 'one'", [str((study / "one.txt").resolve())])
        con.execute("update ingest_state set path = ? where source = 'two'", [str((study / "two.md").resolve())])
        con.execute("update archive_meta set value = '1' where key = 'schema_version'")
    store.open_db(db_path).close()
    assert con.execute("select count(*) from ingest_state where path like '%study%' or root like '%/%'").fetchone() == (0,)
    assert "2 unchanged" in run("ingest", "t", "--db", db_path).stdout  # and still knows its files


def test_a_folder_with_no_transcripts_says_so(project):
    (project / "t" / "empty").mkdir(parents=True)
    result = run("ingest", "t", "--db", project / "a.db")
    assert "found no transcripts in t: a collection is a folder of source files (.csv, .docx" in result.output


def test_an_archive_of_schema_3_learns_its_sources_settings_and_folders(project):
    write_tree(project / "t", TREE)
    db_path = project / "a.db"
    run("ingest", "t", "--db", db_path)
    con = sqlite3.connect(db_path)
    with con:  # as schema 3 kept ingest_state, made by older code (another fingerprint)
        con.execute("alter table ingest_state drop column settings")
        con.execute("alter table ingest_state drop column folders")
        con.execute("update ingest_state set fingerprint = 'older code'")
        con.execute("update archive_meta set value = '3' where key = 'schema_version'")
    assert "warning: 2 sources were last ingested with other settings" in run("export", "--db", db_path).stderr
    assert "2 updated" in run("ingest", "t", "--db", db_path).stdout
    assert con.execute("select count(*) from ingest_state where settings is null or folders is null").fetchone() == (0,)
    assert "warning" not in run("export", "--db", db_path).stderr  # known now to be up to date


def test_a_removed_source_takes_its_private_redaction_log_with_it(project):
    write_tree(project / "t", {**TREE, "study/two.md": "Q: Caseload?\nA: Forty clients, said Morwenna Trelawny.\n"})
    run("ingest", "t", "--db", project / "a.db")
    logs = project / "private" / "redaction-log"
    assert (logs / "two.jsonl").exists() and (logs / "one.jsonl").exists()
    (project / "t" / "study" / "two.md").unlink()
    assert "removed two" in run("ingest", "t", "--db", project / "a.db").stdout
    assert not (logs / "two.jsonl").exists()  # the originals of a source no longer in the archive
    assert (logs / "one.jsonl").exists()


def _unlog(file, db):
    db.execute("update ingest_state set logged = null where source = ?", [file.stem])


# A stored source's file, what happens to it before the next ingest, what that ingest plans.
PLAN_CASES = [
    ("unchanged", lambda file, db: None, "skip"),
    ("edited", lambda file, db: file.write_text("Q: Which?\nA: Another one.\n"), "replace"),
    ("described", lambda file, db: file.with_name(file.name + ".yml").write_text("title: Described\n"), "replace"),
    ("unlogged", _unlog, "replace"),  # killed after it was stored, before its private log was written
    ("recalled", lambda file, db: db["withdrawals"].insert({"source": file.stem, "at": store.now()}), "withdraw"),
    ("deleted", lambda file, db: file.unlink(), "gone"),
]


def test_the_plan_says_what_each_file_needs_without_reading_any(project, monkeypatch):
    from archive import pipeline
    from ingest.config import load_config

    files = {f"study/{name}.txt": f"Q: Which?\nA: The {name} one.\n" for name, *_ in PLAN_CASES}
    root = write_tree(project / "t", {"study/collection.yml": "title: Interviews\n", **files})
    config, db = load_config(project), store.open_db(project / "a.db")
    first = pipeline.plan_ingest(root, db, config)
    assert {p.action for p in first.sources} == {"add"} and not first.may_leave
    # Recorded as apply records a stored source (with the plan's fingerprints), without a full ingest.
    db["ingest_state"].insert_all({
        "source": p.file.path.stem, "root": store.path_key(root), "path": store.path_key(p.file.path),
        "fingerprint": p.fingerprint, "settings": first.settings, "folders": store.folder_keys(p.file.path),
        "logged": p.fingerprint} for p in first.sources)
    for name, happen, _ in PLAN_CASES:
        happen(root / "study" / f"{name}.txt", db)
    (root / "study/new.txt").write_text("Q: Which?\nA: A new one.\n")
    monkeypatch.setattr(pipeline, "read_source", lambda *a, **k: pytest.fail("the plan read a source"))

    plan = pipeline.plan_ingest(root, db, config)
    assert {p.file.path.stem: p.action for p in plan.sources} == \
        {"new": "add", **{name: want for name, _, want in PLAN_CASES if want != "gone"}}
    assert plan.gone == ["deleted"]
    assert sorted(plan.may_leave) == sorted(name for name, *_ in PLAN_CASES)  # unless still given by a file
    assert plan.ids("replace") == ["described", "edited", "unlogged"]


def test_a_sidecar_describing_one_speaker_keeps_the_others_the_front_matter_described(project):
    """Layers merge label by label (collection.yml, front matter, sidecar): a sidecar that
    corrects the respondent's description does not leave the researcher undescribed."""
    write_tree(project / "t", {
        "study/three.txt": "---\nspeakers:\n  R: Researcher, study lead\n  A: Respondent\n---\n"
                           "R: Tell me about your contract.\nA: I pay for my own supervision, every month.\n",
        "study/three.txt.yml": "speakers:\n  A: Counsellor, voluntary sector\n"})
    db = project / "a.db"
    run("ingest", "t", "--db", db)
    with sqlite3.connect(db) as conn:
        described = dict(conn.execute("select q.text, s.description from quotes q join speakers s "
                                      "on s.id = q.speaker where q.source = 'three'"))
    assert described["Tell me about your contract."] == "Researcher, study lead"
    assert described["I pay for my own supervision, every month."] == "Counsellor, voluntary sector"


def test_a_command_run_in_a_subfolder_works_on_its_project(project, monkeypatch):
    """As git finds its repository: archive.yml in the nearest folder above is the project's,
    so a researcher in transcripts/study searches the project's archive (its db: setting
    too) instead of being told there is none."""
    write_tree(project, {"archive.yml": "db: data/study.db\n",
                         **{f"transcripts/{name}": text for name, text in TREE.items()}})
    (project / "data").mkdir()
    run("ingest")
    monkeypatch.chdir(project / "transcripts" / "study")
    assert "zero hours contract" in run("search", "contract").output
    assert [line.split()[0] for line in run("sources").output.splitlines()[1:]] == ["one", "two"]
    assert not (project / "transcripts" / "study" / "archive.db").exists()


def test_a_project_with_no_settings_is_found_by_its_archive_from_a_subfolder(project, monkeypatch):
    """The sample project has no archive.yml: its archive.db marks it."""
    write_tree(project, {f"transcripts/{name}": text for name, text in TREE.items()})
    run("ingest")
    monkeypatch.chdir(project / "transcripts" / "study")
    assert [line.split()[0] for line in run("sources").output.splitlines()[1:]] == ["one", "two"]


def test_counts_of_one_are_said_in_the_singular(project):
    write_tree(project / "t", {"study/one.txt": "A: Forty clients, far too many.\n"})
    output = run("ingest", "t", "--db", project / "a.db").output
    assert "1 quote, 5 words in" in output and "1 quotes" not in output


def test_an_unchanged_reingest_loads_no_model(project):
    """Planning hashes files and settings only: a re-ingest with nothing to do answers
    without loading spaCy (seconds at every run of a scheduled ingest)."""
    import subprocess
    import sys

    write_tree(project / "t", TREE)
    run("ingest", "t", "--db", project / "a.db")
    script = ("import sys; from archive import Archive; r = Archive('.', db='a.db').ingest('t'); "
              "assert len(r.unchanged) == 2 and not r.added and not r.updated, r; print('spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False"]


def test_export_says_one_quote_in_the_singular(project):
    write_tree(project / "t", {"study/one.txt": "A: Forty clients, far too many.\n"})
    run("ingest", "t", "--db", project / "a.db")
    result = run("export", "--format", "jsonl", "--db", project / "a.db", "-o", project / "one.jsonl")
    assert "1 quote written to" in result.stderr and "1 quotes" not in result.stderr


def test_review_says_one_replacement_in_the_singular(project):
    write_tree(project / "t", {"study/one.txt": "A: Write to me at robin.example@mailbox.example, any time.\n"})
    run("ingest", "t", "--db", project / "a.db")
    output = run("review", "one", "--db", project / "a.db").output
    assert "one: 1 replacement\n" in output


def test_archive_yml_written_out_with_its_defaults_redoes_nothing(project):
    """Settings, not bytes: an archive.yml holding only defaults and comments (written to
    make a folder a project) leaves every source as it was; a word to redact does not."""
    write_tree(project / "t", TREE)
    run("ingest", "t")
    (project / "archive.yml").write_text("# our project\ndb: archive.db\nmax_words: 150\n")
    assert "other settings" not in run("export", "--format", "jsonl").stderr
    assert summary(run("ingest", "t")) == "0 added, 0 updated, 2 unchanged, 0 removed, 0 failed"
    (project / "archive.yml").write_text("db: archive.db\nredact: [Hollowmere]\n")
    assert summary(run("ingest", "t")) == "0 added, 2 updated, 0 unchanged, 0 removed, 0 failed"


def test_an_archive_made_inside_its_transcripts_folder_is_not_read_as_sources(project, monkeypatch):
    """'archive ingest .' run in a collection folder writes the database, its index and the
    private log there: the next run passes over them instead of failing on each."""
    write_tree(project / "t", TREE)
    monkeypatch.chdir(project / "t" / "study")
    run("ingest", ".")
    assert (project / "t" / "study" / "archive.db").exists()
    second = run("ingest", ".")
    assert summary(second) == "0 added, 0 updated, 2 unchanged, 0 removed, 0 failed"


# Invented lines, each encoded as a user's old tools save them.
GREEK = "Q: \u03a0\u03ce\u03c2 \u03b5\u03af\u03bd\u03b1\u03b9 \u03b7 \u03b4\u03bf\u03c5\u03bb\u03b5\u03b9\u03ac;\nA: \u0394\u03cd\u03c3\u03ba\u03bf\u03bb\u03b1, \u03c0\u03bf\u03bb\u03bb\u03ad\u03c2 \u03c5\u03c0\u03b5\u03c1\u03c9\u03c1\u03af\u03b5\u03c2 \u03ba\u03ac\u03b8\u03b5 \u03bc\u03ad\u03c1\u03b1.\n"


def test_text_in_another_encoding_is_refused_or_read_line_by_line_and_said(project):
    write_tree(project / "t", {
        "study/collection.yml": TREE["study/collection.yml"],
        "study/good.txt": "Q: Any overtime?\nA: Plenty, and the cr\u00e8che shuts at five.\n",
        # Greek saved as ISO-8859-7: read as Windows-1252 it would be letters of nonsense.
        "study/greek.txt": GREEK.encode("iso-8859-7"),
        # UTF-8 with one line pasted in from a Latin-1 file.
        "study/mixed.txt": ("Q: Any overtime?\n".encode() + "A: The cr\u00e8che shuts at five.\n".encode("latin-1")
                            + "Q: And you?\nA: Overtime too, at the caf\u00e9.\n".encode()),
        # UTF-8 once read as Windows-1252 and saved again as UTF-8.
        "study/mojibake.txt": "Q: Lunch?\nA: The caf\u00e9 \u2019s closed.\n".encode().decode("cp1252").encode(),
    })
    result = run("ingest", "t", expect=1)
    said = result.stderr
    assert "2 failed" in result.output
    greek = next(line for line in said.splitlines() if "greek.txt, line 1:" in line)
    assert "UTF-8, UTF-16 and Windows-1252" in greek and "iconv -f " in greek and "-t UTF-8" in greek
    assert "mojibake.txt, line 2:" in said and "mojibake" in said
    assert "mixed.txt: line 2 is not UTF-8" in said and "Windows-1252" in said
    texts = [q["text"] for q in export_jsonl(project / "archive.db")]
    assert "Plenty, and the cr\u00e8che shuts at five." in texts  # the other files still go in
    assert "The cr\u00e8che shuts at five." in texts and "Overtime too, at the caf\u00e9." in texts
    assert not any("\u00c3" in t or "\u00e4\u00f5" in t for t in texts)


def test_an_ingest_interrupted_with_ctrl_c_says_what_it_kept_in_a_sentence(project, monkeypatch):
    # Ctrl+C printed click's bare "Aborted!": nothing said what had gone in, what had not,
    # or what to do next.
    from archive import pipeline

    write_tree(project / "t", TREE)
    db = project / "a.db"
    run("ingest", "t", "--db", db)
    for name, old, new in (("one.txt", "zero hours", "fixed-term"), ("two.md", "Forty", "Fifty")):
        path = project / "t" / "study" / name
        path.write_text(path.read_text().replace(old, new))
    read = pipeline.read_source

    def read_until_two(source_file, *args, **kwargs):
        if source_file.path.name == "two.md":
            raise KeyboardInterrupt
        return read(source_file, *args, **kwargs)

    monkeypatch.setattr(pipeline, "read_source", read_until_two)
    result = run("ingest", "t", "--db", db, expect=None)
    assert result.exit_code != 0 and "Aborted!" not in result.output
    assert "interrupted" in result.stderr and "two.md" in result.stderr
    assert "Run 'archive ingest' again" in result.stderr
    texts = " ".join(q["text"] for q in export_jsonl(db))
    assert "fixed-term" in texts and "Forty clients" in texts  # one stored whole, two as it was


def test_a_turn_added_above_says_which_quote_ids_now_name_other_quotes(project):
    # Quote ids are turn numbers: a turn added at the top gives every later quote a new id,
    # so a citation or link to an old id leads to another quote. Ingest said only "1 updated".
    write_tree(project / "t", TREE)
    db = project / "a.db"
    run("ingest", "t", "--db", db)
    path = project / "t" / "study" / "one.txt"
    path.write_text(path.read_text().replace("Q: Tell me about your contract.",
                                             "Q: Is the recorder on?\nA: It is.\nQ: Tell me about your contract."))
    result = run("ingest", "t", "--db", db)
    assert "one.txt: 4 quote ids now name other text (turns were added or taken out above them)" in result.stderr
    assert "one-001 is now one-003" in result.stderr
    path.write_text(path.read_text().replace("every month", "every single month"))  # an edit in place
    assert "quote ids now name other text" not in run("ingest", "t", "--db", db).stderr


def test_ingest_given_one_file_says_to_give_its_folder(project):
    # "Invalid value for '[PATH]': Directory 't/study/one.txt' is a file." called the file a
    # directory and did not say what to do.
    write_tree(project / "t", TREE)
    result = run("ingest", "t/study/one.txt", "--db", project / "a.db", expect=2)
    assert "Directory" not in result.output
    assert "t/study/one.txt is a file: give its folder (archive ingest t/study)" in result.output
    assert not (project / "a.db").exists()
