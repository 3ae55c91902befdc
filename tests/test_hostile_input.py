"""Input read safely: confined to its tree, bounded, and checked against its schema.

Each case is a file an operator could drop in by mistake, or an attacker on purpose:
a link out of the tree, a pipe, a name that is not text, a zip or YAML bomb, a key
misspelt. Each is refused in one line naming the file (and the place), the other files
still go in, and nothing already in the archive is lost.
"""

from __future__ import annotations

import io
import os
import re
import sqlite3
import struct
import sys
import zipfile

import docx
import openpyxl
import pytest

from ingest import schema
from ingest.config import ProjectConfig
from ingest.stages import build_stages
from tests.conftest import export_jsonl, run, write_tree

GOOD = {
    "study/collection.yml": "title: A study\nkind: interview\n",
    "study/good.txt": "Q: How is the work?\nA: Hard, but the team is kind.\n",
}
ANOTHER = {"study/another.txt": "Q: And you?\nA: Fine, thanks.\n"}
SURVEY_YML = "survey:\n  id_column: rid\n  open_questions:\n    q1: What would help?\n"


def docx_bytes(text: str = "Q: How is the rota?\nA: It changes weekly.") -> bytes:
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.append(["rid", "q1"])
    workbook.active.append(["A1", "More time with each client."])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def with_members(zipped: bytes, members: dict[str, bytes], declared: dict[str, int] | None = None) -> bytes:
    """``zipped`` with more members; ``declared`` gives a member the unpacked size its
    directory claims (the sizes a zip bomb declares honestly, without building one)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(zipped)) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        for name, data in members.items():
            new.writestr(name, data)
    data = bytearray(out.getvalue())
    for name, size in (declared or {}).items():
        encoded = name.encode()
        local = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(name).header_offset
        struct.pack_into("<I", data, local + 22, size)  # local header: unpacked size
        central = data.find(b"PK\x01\x02")
        while data[central + 46: central + 46 + len(encoded)] != encoded:
            central = data.find(b"PK\x01\x02", central + 4)
        struct.pack_into("<I", data, central + 24, size)  # central directory: unpacked size
    return bytes(data)


def xlsx_entity_bomb() -> bytes:
    """An .xlsx whose sheet defines an entity that expands a thousand-fold per level."""
    entities = '<!ENTITY e0 "lol">' + "".join(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, 9))
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes())) as old:
        parts = {info.filename: old.read(info) for info in old.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = f"<!DOCTYPE worksheet [{entities}]>" + sheet.replace("More time with each client.", "&e8;")
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            new.writestr(name, data)
    return out.getvalue()


def alias_bomb(levels: int = 6) -> str:
    """A sidecar whose ``redact:`` list names 10**levels words in a few lines."""
    lines = ["redact:", "  - &l0 [" + ", ".join(["lol"] * 10) + "]"]
    for n in range(1, levels):
        lines.append(f"  - &l{n} [" + ", ".join([f"*l{n - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


BACKWARDS_VTT = """WEBVTT

00:00:01.000 --> 00:00:03.000
Host: Welcome back.

00:00:05.000 --> 00:00:04.000
Guest: Thanks for having me.
"""

BACKWARDS_SRT = """1
00:00:01,000 --> 00:00:03,000
Host: Welcome back.

2
00:00:05,000 --> 00:00:04,500
Guest: Thanks for having me.
"""

GB2 = 2 * 1024 ** 3 - 1

CASES = {
    "unknown key in a sidecar": (
        {"study/int.txt": "Q: Hi?\nA: Fine.\n", "study/int.txt.yml": "title: An interview\nredcat: [Maeve]\n"},
        "study/int.txt.yml", "unknown key 'redcat'; did you mean 'redact'?", "line 2"),
    "unknown key in front matter": (
        {"study/fm.txt": "---\ntitle: A talk\nspeakrs:\n  A: Nurse\n---\nQ: Hi?\nA: Fine.\n"},
        "study/fm.txt", "unknown key 'speakrs'; did you mean 'speakers'?", "line 3"),
    "unknown key in collection.yml": (
        {"other/collection.yml": "title: Other\nlicense: CC BY 4.0\n", "other/x.txt": "Q: Hi?\nA: Fine.\n"},
        "other/collection.yml", "unknown key 'license'; did you mean 'licence'?", "line 2"),
    "unknown key inside survey:": (
        {"study/s.csv": "rid,q1\nA1,More time\n", "study/s.csv.yml": SURVEY_YML.replace("id_column", "id_colunm")},
        "study/s.csv.yml", "unknown key 'id_colunm' in 'survey:'; did you mean 'id_column'?", "line 2"),
    "a list where text is wanted": (
        {"study/int.txt": "Q: Hi?\nA: Fine.\n", "study/int.txt.yml": "kind: interview\ntitle: [one, two]\n"},
        "study/int.txt.yml", "'title:' must be text, not a list", "line 2"),
    "a date that is not a date": (
        {"study/int.txt": "Q: Hi?\nA: Fine.\n", "study/int.txt.yml": "date: last spring\n"},
        "study/int.txt.yml", "'date:' must be an ISO 8601 date", "line 1"),
    "a key twice in a sidecar": (
        {"study/int.txt": "Q: Hi?\nA: Fine.\n", "study/int.txt.yml": "redact: [Maeve]\ntitle: A\nredact: [Orla]\n"},
        "study/int.txt.yml", "'redact:' appears twice in the same mapping (first on line 1)", "line 3"),
    "a key twice in front matter": (
        {"study/fm.txt": "---\ntitle: A\ntitle: B\n---\nQ: Hi?\nA: Fine.\n"},
        "study/fm.txt", "'title:' appears twice", "line 3"),
    "a YAML alias bomb in redact:": (
        {"study/int.txt": "Q: Hi?\nA: Fine.\n", "study/int.txt.yml": alias_bomb()},
        "study/int.txt.yml", "counting each alias as a copy of what it names, over the limit of 100,000 values",
        "line 1"),
    "a sidecar over the YAML size limit": (
        {"study/int.txt": "Q: Hi?\nA: Fine.\n", "study/int.txt.yml": "description: " + "word " * 250_000 + "\n"},
        "study/int.txt.yml", "(1.2 MB) is over the limit of 1.0 MB (max_yaml_bytes", None),
    "a misspelt speaker label in front matter": (
        {"study/fm.txt": "---\nspeakers:\n  Intervewer: Interviewer\n---\nInterviewer: Hi?\nA: Fine.\n"},
        "study/fm.txt", "speakers: 'Intervewer' labels no turn of the transcript; did you mean 'Interviewer'?", None),
    "a speaker label in a sidecar that no turn has": (
        {"study/int.txt": "Q: Hi?\nA: Fine.\n", "study/int.txt.yml": "speakers:\n  B: Nurse\n"},
        "study/int.txt.yml", "speakers: 'B' labels no turn of the transcript; write it as the transcript labels its turns.", None),
    "a VTT cue that ends before it starts": (
        {"study/ep.vtt": BACKWARDS_VTT}, "study/ep.vtt", "cue 2 ends (00:00:04.000) before it starts", "cue 2"),
    "an SRT cue that ends before it starts": (
        {"study/ep.srt": BACKWARDS_SRT}, "study/ep.srt", "cue 2 ends (00:00:04.500) before it starts", "cue 2"),
    "a Word file whose image unpacks to 2 GB": (
        {"study/int.docx": with_members(docx_bytes(), {"word/media/image9.png": bytes(1000)},
                                        declared={"word/media/image9.png": GB2})},
        "study/int.docx", "its part 'word/media/image9.png' unpacks to 2,048.0 MB, over the limit of 64.0 MB", None),
    "a Word file of too many parts": (
        {"study/int.docx": with_members(docx_bytes(), {f"extra/part{n}.xml": b"<a/>" for n in range(2_100)})},
        "study/int.docx", "files, over the limit of 2,000 files (max_zip_members", None),
    "an Excel file whose parts unpack to 2 GB in all": (
        {"study/s.xlsx": with_members(xlsx_bytes(), {f"xl/media/image{n}.png": bytes(1000) for n in range(40)},
                                      declared={f"xl/media/image{n}.png": 60 * 1024 ** 2 for n in range(40)}),
         "study/s.xlsx.yml": SURVEY_YML},
        "study/s.xlsx", "the Excel file unpacks to 2,400.0 MB, over the limit of 256.0 MB", None),
    "an Excel sheet with an XML entity bomb": (
        {"study/s.xlsx": xlsx_entity_bomb(), "study/s.xlsx.yml": SURVEY_YML},
        "study/s.xlsx", "not a readable Excel .xlsx file", None),  # refused unexpanded, in one line
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_hostile_input_is_named_and_the_rest_goes_in(project, case):
    files, bad_file, message, place = CASES[case]
    db = project / "a.db"
    write_tree(project / "t", GOOD)
    run("ingest", "t", "--db", db)
    before = export_jsonl(db)

    write_tree(project / "t", {**files, **ANOTHER})
    result = run("ingest", "t", "--db", db, expect=1)

    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert str(project / "t" / bad_file) in errors[0] and message in errors[0], errors[0]
    if place:
        assert f", {place}:" in errors[0]
    assert "Traceback" not in result.output and "lol" not in result.output
    after = export_jsonl(db)
    assert {q["source"] for q in after} == {"good", "another"}
    assert [q for q in after if q["source"] == "good"] == before
    assert sqlite3.connect(db).execute("pragma integrity_check").fetchone() == ("ok",)


# Confined: nothing outside the transcripts tree is read.

def test_links_out_of_the_tree_are_refused_and_named(project):
    write_tree(project, {"outside/secret.txt": "Q: Hi?\nA: The passphrase is swordfish.\n",
                         "outside/meta.yml": "title: Borrowed\n",
                         "outside/folder/x.txt": "Q: Hi?\nA: Kept elsewhere, swordfish.\n",
                         "t/linked/collection.yml": "title: Linked\n",
                         "t/linked/int.txt": "Q: Hi?\nA: My own words.\n"})
    write_tree(project / "t", {**GOOD, **ANOTHER})
    (project / "t/study/link.txt").symlink_to(project / "outside/secret.txt")
    (project / "t/linked/int.txt.yml").symlink_to(project / "outside/meta.yml")
    (project / "t/elsewhere").symlink_to(project / "outside/folder")
    result = run("ingest", "t", "--db", project / "a.db", expect=1)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3, result.stderr
    for name, what in (("study/link.txt", "file"), ("linked/int.txt.yml", "file"), ("elsewhere", "folder")):
        assert any(f"{project / 't' / name}: a link to a {what} outside" in e for e in errors), result.stderr
    quotes = export_jsonl(project / "a.db")
    assert {q["source"] for q in quotes} == {"good", "another"}  # int.txt waits for its sidecar
    assert "swordfish" not in str(quotes)


def test_a_link_inside_the_tree_is_read(project):
    write_tree(project / "t", GOOD)
    (project / "t/study/again.txt").symlink_to(project / "t/study/good.txt")
    (project / "t/study/again.txt.yml").write_text("id: again\n")
    run("ingest", "t", "--db", project / "a.db")
    assert {q["source"] for q in export_jsonl(project / "a.db")} == {"good", "again"}


def test_a_pipe_is_named_not_read(project):
    write_tree(project / "t", {**GOOD, **ANOTHER})
    os.mkfifo(project / "t/study/pipe.txt")
    result = run("ingest", "t", "--db", project / "a.db", expect=1)
    assert f"{project / 't/study/pipe.txt'}: not an ordinary file (a pipe, device or socket)" in result.stderr
    assert {q["source"] for q in export_jsonl(project / "a.db")} == {"good", "another"}


def test_a_name_that_is_not_text_is_named_safely_and_the_rest_goes_in(project):
    write_tree(project / "t", {**GOOD, **ANOTHER})
    root = os.fsencode(project / "t")
    with open(root + b"/study/int-\xff\xfe.txt", "wb") as f:
        f.write(b"Q: Hi?\nA: Fine.\n")
    os.makedirs(root + b"/st\xe9dy")
    with open(root + b"/st\xe9dy/x.txt", "wb") as f:
        f.write(b"Q: Hi?\nA: Fine.\n")
    result = run("ingest", "t", "--db", project / "a.db", expect=1)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2, result.stderr
    assert any(f"{project / 't'}/study/int-\\xff\\xfe.txt: the file name is not valid text (UTF-8)" in e
               for e in errors), errors
    assert any(f"{project / 't'}/st\\xe9dy: the folder name is not valid text" in e for e in errors), errors
    assert "2 added" in result.stdout
    assert {q["source"] for q in export_jsonl(project / "a.db")} == {"good", "another"}


def test_a_name_with_a_line_break_cannot_forge_a_line_of_the_report(project):
    write_tree(project / "t", {**GOOD, "study/x\nerror: all is well.txt": ""})
    result = run("ingest", "t", "--db", project / "a.db", expect=1)
    assert not [line for line in result.stderr.splitlines() if line.startswith("error: all is well")]
    assert "study/x\\nerror: all is well.txt: the file is empty." in result.stderr


# Bounded: each limit names the file, and a project may move it in archive.yml.

def test_a_real_zip_bomb_in_a_part_that_is_not_text_is_refused_before_unpacking(project):
    bomb = with_members(docx_bytes(), {"word/media/image1.png": bytes(8 * 1024 ** 2)})  # 8 MB → 8 KB
    write_tree(project, {"archive.yml": "limits:\n  max_zip_member_bytes: 1000000\n"})
    write_tree(project / "t", {**GOOD, "study/int.docx": bomb})
    result = run("ingest", "t", "--db", project / "a.db", expect=1)
    assert (f"{project / 't/study/int.docx'}: its part 'word/media/image1.png' unpacks to 8.0 MB, over the "
            "limit of 1,000,000 bytes (max_zip_member_bytes under 'limits:' in archive.yml)") in result.stderr


def test_a_turn_over_the_limit_is_named_with_its_line(project):
    write_tree(project, {"archive.yml": "limits: {max_turn_chars: 500}\n"})
    answer = "And then it went on." + " And then it went on." * 29
    write_tree(project / "t", {**GOOD, "study/long.txt": f"Q: Tell me.\nA: {answer}\n"})
    result = run("ingest", "t", "--db", project / "a.db", expect=1)
    assert (f"{project / 't/study/long.txt'}, line 2: this turn ({len(answer)} characters) is over the limit "
            "of 500 characters (max_turn_chars") in result.stderr
    assert {q["source"] for q in export_jsonl(project / "a.db")} == {"good"}


def test_a_file_over_the_size_limit_is_not_read(project):
    write_tree(project, {"archive.yml": "limits:\n  max_file_bytes: 1000\n"})
    write_tree(project / "t", {**GOOD, "study/big.txt": "Q: Tell me.\nA: " + "More. " * 300 + "\n"})
    size = (project / "t/study/big.txt").stat().st_size
    result = run("ingest", "t", "--db", project / "a.db", expect=1)
    assert f"{project / 't/study/big.txt'}: the file ({size:,} bytes) is over the limit of 1,000 bytes" in result.stderr


def test_a_source_of_too_many_lines_turns_or_too_much_word_xml_is_refused(project):
    write_tree(project, {"archive.yml": "limits:\n  max_lines: 10\n  max_word_xml_bytes: 1000\n"
                                        "  max_turns: 4\n  max_text_chars: 100\n"})
    write_tree(project / "t", {**GOOD, "study/many.txt": "Q: Hi?\n" + "A: Yes.\n" * 20,
                               "study/int.docx": docx_bytes(),
                               "study/s.csv": "rid,q1,q2\nA1,Time,Pay\nA2,Cover,Rota\nA3,Sleep,Leave\n",
                               "study/s.csv.yml": SURVEY_YML + "    q2: What gets in the way?\n"})
    result = run("ingest", "t", "--db", project / "a.db", expect=1)
    assert (f"{project / 't/study/s.csv'}: the file holds 6 turns or answers, over the limit of 4 turns "
            "(max_turns under 'limits:' in archive.yml)") in result.stderr
    assert (f"{project / 't/study/many.txt'}: the file holds 21 lines, over the limit of 10 lines "
            "(max_lines under 'limits:' in archive.yml)") in result.stderr
    assert f"{project / 't/study/int.docx'}: the Word file's XML unpacks to" in result.stderr
    write_tree(project / "t", {"study/long.txt": "Q: Tell me about the rota.\nA: " + "It changes. " * 10 + "\n"})
    result = run("ingest", "t", "--db", project / "a.db", expect=1)
    assert re.search(re.escape(f"{project / 't/study/long.txt'}: the file holds ") + r"1\d\d characters of text, "
                     r"over the limit of 100 characters \(max_text_chars", result.stderr), result.stderr
    assert {q["source"] for q in export_jsonl(project / "a.db")} == {"good"}


# archive.yml: checked against its schema, every mistake with its line.

@pytest.mark.parametrize("text, message", [
    ("db: a.db\nredcat: [Maeve]\n", "archive.yml, line 2: unknown key 'redcat'; did you mean 'redact'?"),
    ("pipeline:\n  tagg: my_tagger\n", "archive.yml, line 2: unknown key 'tagg' in 'pipeline:'; did you mean 'tag'?"),
    ("limits:\n  max_turn_char: 5\n", "archive.yml, line 2: unknown key 'max_turn_char' in 'limits:'; "
                                     "did you mean 'max_turn_chars'?"),
    ("redact: [Maeve]\ndb: a.db\nredact: [Orla]\n", "archive.yml, line 3: 'redact:' appears twice"),
    ("max_words: lots\n", "archive.yml, line 1: 'max_words:' must be a whole number of 1 or more, not 'lots'"),
    ("review:\n  keep: {a: b}\n", "archive.yml, line 2: 'review.keep:' must be a list of words"),
    # a setting that no longer does anything is not left to look as if it did
    ("db: a.db\nspacy_model: en_core_web_lg\n", "archive.yml, line 2: 'spacy_model:' is no longer read: redaction"),
    ("public_names: &a [x, *a]\n", None),  # a list that holds itself is not a list of words
], ids=["unknown key", "unknown key inside pipeline:", "unknown limit", "a key twice", "wrong type",
        "wrong nested type", "retired key", "recursive alias"])
def test_mistakes_in_archive_yml_are_named_with_their_line(project, text, message):
    write_tree(project, {"archive.yml": text})
    result = run("sources", expect=1)
    assert "Traceback" not in result.output
    assert str(project / "archive.yml") in result.output
    if message:
        assert message in result.output


def test_max_words_is_a_setting_of_the_config_object():
    [segment, *_] = build_stages(ProjectConfig(max_words=60, pipeline={"redact": "segment", "tag": "segment"}))
    assert segment.max_words == 60


def test_the_settings_document_is_printed_from_the_schema():
    docs = (os.path.dirname(__file__) + "/../docs/settings.md")
    with open(docs, encoding="utf-8") as f:
        assert f.read() == schema.markdown() + "\n", "run: python -m ingest.schema > docs/settings.md"


# Linear: the work of splitting a turn grows with its length, not its square.

def python_calls(fn, *args) -> int:
    """How many Python-level function calls ``fn(*args)`` makes: a count of work done,
    the same on any machine (timing would not be)."""
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        calls += event == "call"

    sys.setprofile(count)
    try:
        fn(*args)
    finally:
        sys.setprofile(None)
    return calls


def test_splitting_a_long_paragraph_is_linear_in_its_length():
    from ingest.segment import split_spans

    sentence = "Then the rota changed again and nobody could say why. "
    small, large = (python_calls(split_spans, sentence * n) for n in (2_000, 4_000))
    assert large <= 2 * small + 20, (small, large)  # twice the text, at most twice the work
