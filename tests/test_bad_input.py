"""Bad input: a one-line error naming the file and place, the rest still goes in,
exit code 1, and nothing already in the archive is lost or half-written."""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import export_jsonl, run, write_tree

GOOD = {
    "study/collection.yml": "title: A study\nkind: interview\n",
    "study/good.txt": "Q: How is the work?\nA: Hard, but the team is kind.\n",
}

BROKEN_VTT = """WEBVTT

00:00:01.000 --> 00:00:03.000
Host: Welcome back.

00:00:03.500 -> 00:00:06.000
Guest: Thanks.
"""

BROKEN_SRT = """1
00:00:01,000 --> 00:00:03,000
Host: Welcome back.

2
00:00:03,500 --> 00:0x:06,000
Guest: Thanks.
"""

BROKEN_SRT_ARROW = """1
00:00:01,000 --> 00:00:03,000
Host: Welcome back.

2
Guest: 00:00:04,000 -> 00:00:06,000
Call me on 07700 900123.
"""

CASES = {
    "empty file": ({"study/empty.txt": ""}, "study/empty.txt", "empty", None),
    "binary file": ({"study/photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"},
                    "study/photo.txt", "binary", None),
    "broken vtt time line": ({"study/ep.vtt": BROKEN_VTT}, "study/ep.vtt", "cue 2 has no valid time line", "line 6"),
    "broken srt time line": ({"study/ep.srt": BROKEN_SRT}, "study/ep.srt", "cue 2 has no valid time line", "line 6"),
    "srt time line with a mistyped arrow": ({"study/ep2.srt": BROKEN_SRT_ARROW}, "study/ep2.srt",
                                           "cue 2 has no valid time line", "line 6"),
    "docx that is not a zip": ({"study/int.docx": "Q: this was saved as text\n"}, "study/int.docx",
                               "not a zip", None),
    "survey without its id column": (
        {"study/s.csv": "respondent,role,q1\nA1,PWP,More time\n",
         "study/s.csv.yml": "survey:\n  id_column: rid\n  open_questions:\n    q1: What would help?\n"},
        "study/s.csv", "no id column 'rid'", "line 1"),
    "survey answer whose quote is never closed": (
        {"study/s.csv": 'respondent,role,q1\nA1,PWP,More time\nA2,PWP,"Less paperwork\nA3,PWP,07700 900123\n',
         "study/s.csv.yml": "survey:\n  id_column: respondent\n  open_questions:\n    q1: What would help?\n"},
        "study/s.csv", "opens a quoted value that is never closed", "line 3"),
    "invalid yaml in a sidecar": ({"study/int.txt": "Q: Hi?\n", "study/int.txt.yml": "title: ok\nspeakers: [Q\n"},
                                  "study/int.txt.yml", "invalid YAML", "line 2"),
    "front matter never closed": ({"study/int.txt": "---\ntitle: Night work\nQ: Hi?\nA: Call me on 07700 900123.\n"},
                                  "study/int.txt", "no closing '---' line", "line 1"),
    "a date no calendar has, in front matter": (
        {"study/int.txt": "---\ntitle: Night work\ndate: 2025-13-45\n---\nQ: Hi?\n"},
        "study/int.txt", "'date' is not a real date (month must be in 1..12)", "line 3"),
    "a date no calendar has, in a sidecar": (
        {"study/int.txt": "Q: Hi?\n", "study/int.txt.yml": "title: ok\ndate: 2025-02-30\n"},
        "study/int.txt.yml", "'date' is not a real date (day is out of range for month)", "line 2"),
    "two sources with one id": ({"study/a.txt": "---\nid: good\n---\nQ: Hi?\n"}, "study/a.txt",
                                "source id 'good' is already used by", None),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_is_named_and_the_rest_goes_in(project, case):
    files, bad_file, message, place = CASES[case]
    db = project / "a.db"
    write_tree(project / "t", GOOD)
    run("ingest", "t", "--db", db)
    before = export_jsonl(db)
    assert before, "the good source must be in the archive first"

    write_tree(project / "t", {**files, "study/another.txt": "Q: And you?\nA: Fine, thanks.\n"})
    result = run("ingest", "t", "--db", db, expect=1)

    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert str(project / "t" / bad_file) in errors[0] and message in errors[0]
    if place:
        assert f", {place}:" in errors[0]
    assert "Traceback" not in result.output
    assert "07700" not in result.output  # errors name places, never quote content
    assert "1 failed" in result.stdout
    after = export_jsonl(db)
    assert {q["source"] for q in after} == {"good", "another"}
    assert [q for q in after if q["source"] == "good"] == before
    assert sqlite3.connect(db).execute("pragma integrity_check").fetchone() == ("ok",)


@pytest.mark.parametrize("broken, message", [
    ({"study/good.txt": b"\x00\x01\x02\x03 broken \x00\x00"}, "binary"),
    ({"study/good.txt.yml": "title: [unclosed\n"}, "invalid YAML"),
    ({"study/collection.yml": "kind: interview\ntitle: 'unclosed\n"}, "invalid YAML"),
], ids=["the file", "its sidecar", "its collection.yml"])
def test_a_source_that_breaks_keeps_what_the_archive_had(project, broken, message):
    db = project / "a.db"
    write_tree(project / "t", GOOD)
    run("ingest", "t", "--db", db)
    before = export_jsonl(db)
    write_tree(project / "t", broken)
    result = run("ingest", "t", "--db", db, expect=1)
    assert message in result.stderr
    assert "0 removed" in result.stdout
    assert export_jsonl(db) == before


def test_a_broken_collection_yml_is_said_once_not_once_per_source(project):
    files = {f"study/s{n}.txt": "Q: How is the work?\nA: Hard, but the team is kind.\n" for n in range(4)}
    write_tree(project / "t", {**files, "study/collection.yml": "title: A study\nkind: interview\ntitle: Again\n"})
    result = run("ingest", "t", "--db", project / "a.db", expect=1)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert "collection.yml, line 3: 'title:' appears twice" in errors[0]
    assert "4 sources not read" in errors[0]


def test_an_unexpected_failure_in_one_source_is_a_sentence_and_the_rest_go_in(project, monkeypatch):
    from ingest.readers import READERS

    def broken_reader(path, meta):
        raise RuntimeError("a bug in a reader")

    monkeypatch.setitem(READERS, ".md", broken_reader)
    write_tree(project / "t", {**GOOD, "study/other.md": "Q: Hello?\n"})
    result = run("ingest", "t", "--db", project / "a.db", expect=1)
    assert "other.md: could not be processed (RuntimeError)" in result.stderr
    assert "Traceback" not in result.output
    assert {q["source"] for q in export_jsonl(project / "a.db")} == {"good"}


def test_unsupported_format_is_reported(project):
    write_tree(project / "t", {**GOOD, "study/notes.pdf": b"%PDF-1.4"})
    result = run("ingest", "t", "--db", project / "a.db", expect=1)
    assert "notes.pdf: unsupported format '.pdf'" in result.stderr
    assert {q["source"] for q in export_jsonl(project / "a.db")} == {"good"}
