"""Every format in inputs.md reads into the turns a person sees in the file."""

from __future__ import annotations

import codecs

import docx
import openpyxl
import pytest

from ingest.decode import decode
from ingest.model import SourceError
from archive.pipeline import SourceFile, read_source
from tests.conftest import write_tree


def read(root, name):
    path = root / name
    return read_source(SourceFile(path, path.parent.name, path.parent / "collection.yml"))


def test_text_with_front_matter_labels_and_time_stamps(tmp_path):
    write_tree(tmp_path, {"study/int-1.txt": """
        ---
        id: study-int-1
        title: Interview with a counsellor
        speakers:
          Interviewer: Interviewer
          R: "Respondent, counsellor"
        ---
        [00:00:05] Interviewer: How did you start?
        [00:01:10] r: Through a placement.
        It was unpaid.

        It still is, really.
        interviewer: [02:03] Thank you.
        """})
    source = read(tmp_path, "study/int-1.txt")
    assert source.id == "study-int-1"
    assert [(t.label, t.start) for t in source.turns] == [("Interviewer", 5), ("R", 70), ("Interviewer", 123)]
    assert source.turns[1].text == "Through a placement.\nIt was unpaid.\n\nIt still is, really."
    assert source.turns[1].end == 123  # a timed turn ends where the next begins


def test_a_colon_inside_speech_does_not_start_a_turn(tmp_path):
    write_tree(tmp_path, {"study/a.txt": """
        Q: What did they say?
        A: I remember it well.
        What my manager said was this: no more overtime.
        Q: And then?
        """})
    turns = read(tmp_path, "study/a.txt").turns
    assert [t.label for t in turns] == ["Q", "A", "Q"]
    assert "What my manager said was this: no more overtime." in turns[1].text


def test_text_without_labels_is_one_speakers_paragraphs(tmp_path):
    write_tree(tmp_path, {"study/diary.txt": "First paragraph\nstill first.\n\nSecond one.\n"})
    turns = read(tmp_path, "study/diary.txt").turns
    assert [(t.label, t.text) for t in turns] == [(None, "First paragraph\nstill first."), (None, "Second one.")]


def test_markdown_headings_are_not_speech(tmp_path):
    write_tree(tmp_path, {"study/b.md": """
        ---
        title: An interview
        ---
        # An interview

        **Q:** Where do you work?

        **A:** In a talking therapies service.
        """})
    source = read(tmp_path, "study/b.md")
    assert [(t.label, t.text) for t in source.turns] == [
        ("Q", "Where do you work?"), ("A", "In a talking therapies service.")]
    assert source.meta["title"] == "An interview"


def test_metadata_precedence_collection_then_front_matter_then_sidecar(tmp_path):
    write_tree(tmp_path, {
        "study/collection.yml": "kind: interview\nlicence: CC BY 4.0\naccess: restricted\ntitle: The study\n",
        "study/c.md": "---\ntitle: From front matter\ndate: 2019-05\naccess: public\n---\nQ: Hello?\n",
        "study/c.md.yml": "title: From the sidecar\n",
    })
    meta = read(tmp_path, "study/c.md").meta
    assert meta["title"] == "From the sidecar"
    assert meta["date"] == "2019-05" and meta["access"] == "public"
    assert meta["kind"] == "interview" and meta["licence"] == "CC BY 4.0"
    assert meta["collection_title"] == "The study"


VTT = """WEBVTT

NOTE a comment block

1
00:00:01.000 --> 00:00:04.500
<v Dana Host>Welcome to the show.</v>

00:00:04.600 --> 00:00:08.000
<v Dana Host>Today we talk about caseloads.</v>

00:00:08.500 --> 00:00:12.250
GUEST: Thanks for having me,
it is good to be here.

00:00:12.300 --> 00:00:15.000
I have a lot to say.

00:00:15.500 --> 00:00:17.000
dana host: Go on.
"""


def test_vtt_voice_tags_and_name_prefixes_join_consecutive_cues(tmp_path):
    write_tree(tmp_path, {"pod/ep1.vtt": VTT,
                          "pod/ep1.vtt.yml": "speakers:\n  Dana Host: Host\n  Guest: Guest, counsellor\n"})
    turns = read(tmp_path, "pod/ep1.vtt").turns
    assert [(t.label, t.start, t.end) for t in turns] == [
        ("Dana Host", 1.0, 8.0), ("Guest", 8.5, 15.0), ("Dana Host", 15.5, 17.0)]
    assert turns[0].text == "Welcome to the show. Today we talk about caseloads."
    assert turns[1].text == "Thanks for having me, it is good to be here. I have a lot to say."
    assert turns[0].place == "cue 1"


def test_srt_with_bom_and_crlf(tmp_path):
    body = ("1\r\n00:00:02,000 --> 00:00:05,000\r\nHOST: Hello there.\r\n\r\n"
            "2\r\n00:00:05,500 --> 00:00:09,000\r\nGUEST: Hello, good to be here.\r\n\r\n"
            "3\r\n00:00:09,100 --> 00:00:11,000\r\nStill the guest.\r\n")
    write_tree(tmp_path, {"pod/ep2.srt": codecs.BOM_UTF8 + body.encode()})
    turns = read(tmp_path, "pod/ep2.srt").turns
    assert [(t.label, t.text, t.start, t.end) for t in turns] == [
        ("HOST", "Hello there.", 2.0, 5.0),
        ("GUEST", "Hello, good to be here. Still the guest.", 5.5, 11.0)]


def test_docx_with_bold_labels(tmp_path):
    document = docx.Document()
    document.add_heading("Interview eleven", level=1)
    p = document.add_paragraph()
    p.add_run("Interviewer:").bold = True
    p.add_run(" Tell me about the rota.")
    p = document.add_paragraph()
    p.add_run("P:").bold = True
    p.add_run(" It changes every week.")
    document.add_paragraph("Nobody knows it in advance.")
    (tmp_path / "study").mkdir()
    document.save(tmp_path / "study" / "int.docx")
    turns = read(tmp_path, "study/int.docx").turns
    assert [(t.label, t.text) for t in turns] == [
        ("Interviewer", "Tell me about the rota."),
        ("P", "It changes every week.\nNobody knows it in advance.")]
    assert turns[1].place == "paragraph 3"


SURVEY_META = """
survey:
  id_column: rid
  open_questions:
    q1: What would improve your work?
    q2: Describe your contract.
  attributes: [role, sector]
"""


def test_csv_in_windows_1252_with_multiline_answers(tmp_path):
    rows = ('rid,role,sector,q1,q2\r\n'
            'A1,Counsellor,Third sector,"Being paid \u00a3 for my hours.\r\n- and supervision",\r\n'
            'A2,PWP,NHS,,"\u201cZero hours\u201d, no sick pay"\r\n')
    write_tree(tmp_path, {"survey/s.csv": rows.encode("cp1252"), "survey/s.csv.yml": SURVEY_META})
    turns = read(tmp_path, "survey/s.csv").turns
    assert [(t.label, t.question, t.text) for t in turns] == [
        ("A1", "What would improve your work?", "Being paid \u00a3 for my hours.\n- and supervision"),
        ("A2", "Describe your contract.", "\u201cZero hours\u201d, no sick pay")]
    assert turns[0].attributes == {"role": "Counsellor", "sector": "Third sector"}


def test_csv_row_with_more_values_than_columns_is_refused(tmp_path):
    rows = "rid,role,sector,q1,q2\nA1,PWP,NHS,,Zero hours, no sick pay\n"
    write_tree(tmp_path, {"survey/s.csv": rows, "survey/s.csv.yml": SURVEY_META})
    with pytest.raises(SourceError, match="6 values but the header has 5 columns") as error:
        read(tmp_path, "survey/s.csv")
    assert error.value.place == "line 2"


def test_xlsx_survey(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["rid", "role", "sector", "q1", "q2"])
    sheet.append(["B1", "Psychotherapist", "Private", "Less competition from apps", None])
    sheet.append([None, None, None, None, None])
    sheet.append(["B2", "Nurse", "NHS", None, "Bank shifts only"])
    (tmp_path / "survey").mkdir()
    workbook.save(tmp_path / "survey" / "s.xlsx")
    write_tree(tmp_path, {"survey/s.xlsx.yml": SURVEY_META})
    turns = read(tmp_path, "survey/s.xlsx").turns
    assert [(t.label, t.text, t.place) for t in turns] == [
        ("B1", "Less competition from apps", "row 2, column q1"),
        ("B2", "Bank shifts only", "row 4, column q2")]


TEXT = "Q: Caf\u00e9 or canteen?\nA: The caf\u00e9 \u2014 always.\n"


@pytest.mark.parametrize("encoded", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),  # with BOM
    TEXT.encode("utf-16-le"),  # without BOM
    TEXT.encode("utf-16-be"),
    TEXT.encode("cp1252"),
    TEXT.replace("\n", "\r\n").encode("utf-8"),
    TEXT.replace("\n", "\r").encode("cp1252"),
], ids=["utf8", "utf8-bom", "utf16", "utf16le", "utf16be", "cp1252", "crlf", "cr"])
def test_every_encoding_and_line_end(encoded):
    assert decode(encoded, "x.txt") == TEXT.rstrip("\n")


@pytest.mark.parametrize("encoded, refused", [
    # Read: Latin text in Windows-1252, whatever its language.
    ("A: \u00c0 l\u2019\u00e9cole, les \u00e9l\u00e8ves sont \u00e2g\u00e9s.\n".encode("cp1252"), None),
    ("A: Gr\u00f6\u00dfere M\u00fcdigkeit, sch\u00f6n ist das nicht.\n".encode("cp1252"), None),
    ("A: Se\u00f1or, ma\u00f1ana.\n".encode("cp1252"), None),
    # Refused: another script's bytes, and UTF-8 once read as Windows-1252 (mojibake).
    ("A: \u0394\u03cd\u03c3\u03ba\u03bf\u03bb\u03b1, \u03c0\u03bf\u03bb\u03bb\u03ad\u03c2 \u03ce\u03c1\u03b5\u03c2.\n".encode("iso-8859-7"), "iconv -f"),
    ("A: \u0422\u044f\u0436\u0435\u043b\u043e, \u043c\u043d\u043e\u0433\u043e \u0440\u0430\u0431\u043e\u0442\u044b.\n".encode("cp1251"), "iconv -f"),
    ("Q: Hi\nA: caf\u00e9 \u2019\n".encode().decode("cp1252").encode(), "mojibake"),
])
def test_text_that_reads_as_another_encoding_is_refused(encoded, refused):
    if refused is None:
        assert decode(encoded, "x.txt") == encoded.decode("cp1252").rstrip("\n")
    else:
        with pytest.raises(SourceError, match=refused) as error:
            decode(encoded, "x.txt")
        assert str(error.value).startswith("x.txt, line ")


def test_binary_and_empty_files_are_refused(tmp_path):
    with pytest.raises(SourceError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", "x.txt")
    with pytest.raises(SourceError, match="empty"):
        decode(b"  \n", "x.txt")


def test_xlsx_answer_a_program_wrote_as_a_formula_is_read_not_lost(tmp_path):
    """pandas' to_excel and openpyxl write a text that opens with = as a formula with no
    saved value: read for its value only, the answer was silently lost. It is read as the
    text it holds, and a note names its cell."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["rid", "role", "sector", "q1", "q2"])
    sheet.append(["B1", "Porter", "NHS", "=the same pay as in 2015, every year", "Bank shifts"])
    sheet.append(["B2", "Nurse", "NHS", "Fewer forms", "+ two jobs"])
    (tmp_path / "survey").mkdir()
    workbook.save(tmp_path / "survey" / "s.xlsx")
    write_tree(tmp_path, {"survey/s.xlsx.yml": SURVEY_META})
    result = read(tmp_path, "survey/s.xlsx")
    assert [(t.label, t.text, t.place) for t in result.turns] == [
        ("B1", "=the same pay as in 2015, every year", "row 2, column q1"),
        ("B1", "Bank shifts", "row 2, column q2"),
        ("B2", "Fewer forms", "row 3, column q1"),
        ("B2", "+ two jobs", "row 3, column q2")]
    notes = [n for n in result.notes if "formula" in n]
    assert len(notes) == 1 and "row 2, column q1" in notes[0], result.notes
    assert "same pay" not in notes[0]  # the place, not the answer
