"""Writers' and QDA exports: selection, access, DOCX, reference-manager files, REFI-QDA
(written, read by an independent reader, imported back), safe Markdown. Each file is opened
with its own reader."""

from __future__ import annotations

import io
import json
import sqlite3
import xml.etree.ElementTree as ET
import zipfile

import bibtexparser
import docx
import pytest
import rispy
from markdown_it import MarkdownIt

from tests.conftest import export_jsonl, run, write_tree

P = "{urn:QDA-XML:project:1.0}"

TREE = {
    "study/collection.yml": "title: Working lives study\nkind: interview\nlicence: CC BY 4.0\n",
    "study/int-a.txt": """
        ---
        title: Interview with a support worker
        date: 2019-03
        speakers:
          Q: Interviewer
          A: Support worker, third sector
        ---
        Q: What is the work like?
        A: The caseload never stops growing and the targets keep changing every quarter.
        Q: Anything else?
        A: See <script>alert(1)</script> and [the form](javascript:alert(1)) and <b>bold</b>.
        # heading
        1. item
        """,
    "study/int-b.txt": """
        ---
        title: Interview with a counsellor
        date: 2021
        speakers:
          A: Counsellor, voluntary sector
        ---
        A: I worked an honorary placement for two years, unpaid, to get my hours for accreditation.
        """,
    "closed/collection.yml": "title: Closed study\nkind: interview\naccess: restricted\n",
    "closed/int-r.txt": """
        ---
        title: Restricted interview
        date: 2018
        speakers:
          A: Nurse, mental health ward
        ---
        A: The caseload on the ward is heavy and nobody listens to us.
        """,
    "later/collection.yml": "title: Later study\nkind: interview\n",
    "later/int-e.txt": """
        ---
        title: Embargoed interview
        date: 2020
        access: embargoed
        embargo_until: 2999-01-01
        speakers:
          A: Therapist, private practice
        ---
        A: My caseload doubled after the merger and the targets came with it.
        """,
    "pods/collection.yml": "title: Conversations at work\nkind: podcast\n",
    "pods/ep1.vtt": """
        WEBVTT

        00:01:05.000 --> 00:01:09.500
        <v Guest>The recovery rate decided everything we did, and the caseload too.</v>
        """,
    "pods/ep1.vtt.yml": "title: Targets\ndate: 2022-06\naudio_url: https://example.org/ep1.mp3\n"
                        "speakers:\n  Guest: Guest, therapist\n",
}


@pytest.fixture
def archive_db(project):
    write_tree(project / "t", TREE)
    db = project / "a.db"
    run("ingest", "t", "--db", db)
    return db


def ids(db, *args):
    return [q["id"] for q in export_jsonl(db, *args)]


# ---------------------------------------------------------------- selection and access

def test_restricted_and_embargoed_quotes_stay_out_unless_asked_for_and_carry_their_access(archive_db):
    assert {q["source"] for q in export_jsonl(archive_db)} == {"int-a", "int-b", "ep1"}
    everything = export_jsonl(archive_db, "--include-restricted")
    access = {q["source"]: q["access"] for q in everything}
    assert access == {"int-a": "public", "int-b": "public", "ep1": "public",
                      "int-r": "restricted", "int-e": "embargoed"}
    assert next(q for q in everything if q["source"] == "int-e")["embargo_until"] == "2999-01-01"


def test_selections_combine(archive_db):
    assert ids(archive_db, "--query", "caseload") == ["ep1-001", "int-a-002"]
    assert ids(archive_db, "--query", "caseload", "--kind", "podcast") == ["ep1-001"]
    # Collections in order (closed, later, pods, study), then sources, then quotes.
    assert ids(archive_db, "--query", "caseload", "--include-restricted", "--year", "2018..2020") == [
        "int-r-001", "int-e-001", "int-a-002"]
    assert ids(archive_db, "--query", "caseload -targets", "--include-restricted") == ["int-r-001", "ep1-001"]
    assert ids(archive_db, "--speaker", "counsellor") == ["int-b-001"]
    assert ids(archive_db, "--collection", "study", "--year", "2021") == ["int-b-001"]
    assert ids(archive_db, "--theme", "unwaged_work", "--source", "int-b", "--source", "int-a") == ["int-b-001"]
    assert ids(archive_db, "--id", "int-a-002", "--id", "ep1-001") == ["ep1-001", "int-a-002"]
    assert ids(archive_db, "--id", "int-a-002", "--query", "honorary") == []


def test_selection_mistakes_are_one_line(archive_db):
    assert "no quote 'int-a-099' in the archive" in run("export", "--db", archive_db, "--id", "int-a-099",
                                                        expect=1).output
    result = run("export", "--db", archive_db, "--id", "int-r-001", expect=1)
    assert "quote 'int-r-001' is restricted: add --include-restricted" in result.output
    assert "No kind 'radio'" in run("export", "--db", archive_db, "--kind", "radio", expect=1).output
    assert "--year 'soon'" in run("export", "--db", archive_db, "--year", "soon", expect=1).output
    assert "give a year or a range" in run("export", "--db", archive_db, "--year", "2016 2018", expect=1).output


def test_search_leaves_out_restricted_quotes_and_marks_them_when_asked_for(archive_db):
    plain = run("search", "caseload", "--db", archive_db).output
    assert "2 quotes match" in plain and "ward" not in plain
    assert "2 more in restricted or embargoed sources: add --include-restricted" in plain
    shown = run("search", "caseload", "--db", archive_db, "--include-restricted").output
    assert "4 quotes match" in shown
    assert "[restricted] The caseload on the ward" in shown
    assert "[embargoed until 2999-01-01] My caseload doubled" in shown
    assert "[" not in shown.split("The recovery rate")[0].splitlines()[-1]  # a public quote is not marked
    found = json.loads(run("search", "caseload", "--db", archive_db, "--include-restricted", "--json").output)
    marks = {r["id"]: (r["access"], r["restricted"]) for r in found["results"]}
    assert marks["int-r-001"] == ("restricted", "restricted")
    assert marks["int-a-002"] == ("public", None)


def test_search_says_how_many_restricted_quotes_hold_some_of_the_words(archive_db):
    # No quote holds both words; a public one holds 'honorary', a restricted one 'ward'. The
    # quotes holding some of the words left out the restricted one without a word about it.
    plain = run("search", "ward honorary", "--db", archive_db).output
    assert "0 quotes match" in plain and "Then 1 more holding some of the words" in plain
    assert "1 more holding some of the words in restricted or embargoed sources: add --include-restricted" in plain
    found = json.loads(run("search", "ward honorary", "--db", archive_db, "--json").output)
    assert found["left_out_restricted"] == 0 and found["left_out_restricted_some"] == 1
    shown = run("search", "ward honorary", "--db", archive_db, "--include-restricted").output
    assert "[restricted] The caseload on the ward" in shown and "restricted or embargoed sources" not in shown
    # every word in a restricted quote: counted once, as before
    caseload = run("search", "caseload", "--db", archive_db).output
    assert "some of the words in restricted" not in caseload


def test_an_output_file_name_gives_the_format_and_a_contrary_one_is_refused(archive_db, project):
    # 'archive export -o quotes.docx' wrote JSON lines into quotes.docx, which Word cannot open.
    run("export", "--db", archive_db, "-o", project / "q.docx")
    assert docx.Document(project / "q.docx").paragraphs[0].style.name == "Title"
    run("export", "--db", archive_db, "-o", project / "q.ris")
    assert rispy.loads((project / "q.ris").read_text())[0]["id"] == ids(archive_db)[0]
    run("export", "--db", archive_db, "-o", project / "q.txt")  # a name that says nothing: JSONL
    assert json.loads((project / "q.txt").read_text().splitlines()[0])["id"] == ids(archive_db)[0]
    result = run("export", "--db", archive_db, "--format", "jsonl", "-o", project / "x.docx", expect=2)
    assert "x.docx names a docx file, but --format is jsonl" in result.output
    assert not (project / "x.docx").exists()


# ---------------------------------------------------------------- citations

def test_cite_styles_reach_the_citation_field(archive_db):
    apa = export_jsonl(archive_db, "--id", "ep1-001", "--cite", "apa")[0]["citation"]
    assert apa.startswith("Guest, therapist. (2022, June). Targets [Podcast episode].")
    chicago = export_jsonl(archive_db, "--id", "ep1-001", "--cite", "chicago")[0]["citation"]
    assert chicago.startswith("Guest, therapist. “Targets”. Podcast episode.")
    linked = export_jsonl(archive_db, "--id", "ep1-001", "--base-url", "https://q.example.org",
                          "--accessed", "2026-11-30")[0]["citation"]
    assert linked.endswith("https://q.example.org/archive/quotes/ep1-001")


def test_ris_bibtex_and_csl_json_read_back(archive_db):
    ris = rispy.loads(run("export", "--db", archive_db, "--format", "ris").stdout)
    assert [r["id"] for r in ris] == ids(archive_db)
    assert ris[0]["type_of_reference"] == "SOUND" and ris[0]["accession_number"] == "quote no. 1, at 1:05"
    library = bibtexparser.parse_string(run("export", "--db", archive_db, "--format", "bibtex").stdout)
    assert not library.failed_blocks
    assert [e.key for e in library.entries] == ids(archive_db)
    assert library.entries[1]["author"] == "{Interviewer}"
    items = json.loads(run("export", "--db", archive_db, "--format", "csl-json").stdout)
    assert [i["id"] for i in items] == ids(archive_db)
    assert items[0]["author"] == [{"literal": "Guest, therapist"}] and items[0]["custom"]["access"] == "public"


# ---------------------------------------------------------------- docx

def test_docx_has_title_selection_quotes_by_theme_citations_and_sources(archive_db, project):
    run("export", "--db", archive_db, "--format", "docx", "--query", "caseload OR honorary", "--cite", "apa",
        "-o", project / "q.docx")
    document = docx.Document(project / "q.docx")
    paragraphs = document.paragraphs
    assert paragraphs[0].style.name == "Title" and paragraphs[0].text.startswith("Quotes")
    assert "matching “caseload OR honorary”" in paragraphs[1].text and "3 quotes" in paragraphs[1].text
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["Unwaged work", "Performance data and targets"] or "Unwaged work" in headings
    assert headings[-1] == "Sources"
    quotes = [p.text for p in paragraphs if p.style.name == "Quote"]
    assert "I worked an honorary placement for two years, unpaid, to get my hours for accreditation." in quotes
    honorary = next(i for i, p in enumerate(paragraphs) if p.text.startswith("I worked an honorary"))
    attribution = paragraphs[honorary + 1]
    assert attribution.text.startswith("— Counsellor, voluntary sector. (2021). Interview with a counsellor [Interview].")
    assert attribution.runs[1].bold  # the speaker
    sources = [p.text for p in paragraphs if p.style.name == "List Bullet"]
    assert len(sources) == 3 and any(s.startswith("“Targets”, 2022-06") for s in sources)
    assert "ward" not in "\n".join(p.text for p in paragraphs)  # restricted: left out


def test_docx_in_source_order(archive_db, project):
    run("export", "--db", archive_db, "--format", "docx", "--group", "source", "-o", project / "q.docx")
    headings = [p.text for p in docx.Document(project / "q.docx").paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Targets, 2022-06", "Interview with a support worker, 2019-03",
                        "Interview with a counsellor, 2021", "Sources"]


# ---------------------------------------------------------------- REFI-QDA

def test_qdpx_is_a_refi_qda_project(archive_db, project):
    run("export", "--db", archive_db, "--format", "qdpx", "-o", project / "q.qdpx")
    with zipfile.ZipFile(project / "q.qdpx") as archive:
        root = ET.fromstring(archive.read("project.qde"))
        texts = {name: archive.read(name).decode("utf-8") for name in archive.namelist() if name.startswith("sources/")}
    assert root.tag == f"{P}Project"
    codes = {c.get("guid"): c.get("name") for c in root.iter(f"{P}Code")}
    assert "Unwaged work" in codes.values() and len(codes) == 10
    stored = {q["id"]: q for q in export_jsonl(archive_db)}
    sources = root.findall(f"{P}Sources/{P}TextSource")
    assert sorted(s.get("name") for s in sources) == ["ep1", "int-a", "int-b"]
    for source in sources:
        text = texts["sources/" + source.get("plainTextPath").removeprefix("internal://")]
        for selection in source.findall(f"{P}PlainTextSelection"):
            quote = stored[selection.get("name")]
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            assert text[start:end] == quote["text"]
            coded = sorted(codes[c.get("targetGUID")] for c in selection.iter(f"{P}CodeRef"))
            assert len(coded) == len(quote["themes"])
    ep1 = next(s for s in sources if s.get("name") == "ep1").find(f"{P}PlainTextSelection")
    assert ep1.find(f"{P}Description").text == "At 1:05–1:09 in the recording."
    cases = {c.get("name") for c in root.iter(f"{P}Case")}
    assert {"Guest, therapist (ep1)", "Interviewer (int-a)", "Support worker, third sector (int-a)"} <= cases
    variables = {v.get("name") for v in root.iter(f"{P}Variable")}
    assert {"Speaker description", "Kind", "Date", "Access"} <= variables


def test_qdpx_reads_with_an_independent_implementation(archive_db, project):
    pyrefiqda = pytest.importorskip("pyrefiqda")
    run("export", "--db", archive_db, "--format", "qdpx", "-o", project / "q.qdpx")
    loaded = pyrefiqda.RefiProject.load(project / "q.qdpx", extract_dir=str(project / "x"))
    assert len(loaded.code_book.codes.code) == 10
    assert {s.name for s in loaded.sources.text_source} == {"ep1", "int-a", "int-b"}
    ep1 = next(s for s in loaded.sources.text_source if s.name == "ep1")
    text = pyrefiqda.RefiProject.resolve_source_path(ep1.plain_text_path, project / "x").read_text()
    selection = ep1.plain_text_selection[0]
    assert text[selection.start_position:selection.end_position].startswith("The recovery rate decided")
    assert {c.name for c in loaded.cases.case} >= {"Guest, therapist (ep1)"}
    codebook = pyrefiqda.RefiCodebook.load(_write(project / "c.qdc", run(
        "export", "--db", archive_db, "--format", "qdc").stdout))
    assert [c.name for c in codebook.codes.code][:2] == ["Precarity", "Unwaged work"]


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def _themes(db) -> dict[str, set[str]]:
    with sqlite3.connect(db) as conn:
        found: dict[str, set[str]] = {}
        for quote, theme in conn.execute("select quote, theme from quote_themes"):
            found.setdefault(quote, set()).add(theme)
        return found


def test_qdpx_round_trip_brings_back_the_same_codes_as_hand_codes(archive_db, project):
    run("export", "--db", archive_db, "--format", "qdpx", "-o", project / "q.qdpx")
    before = {q: t for q, t in _themes(archive_db).items() if not q.startswith(("int-r", "int-e"))}
    assert before
    with sqlite3.connect(archive_db) as conn:
        conn.execute("delete from quote_themes")
    output = run("import", project / "q.qdpx", "--db", archive_db).output
    assert f"{sum(map(len, before.values()))} hand codes added" in output and "unmatched" not in output
    assert _themes(archive_db) == before
    with sqlite3.connect(archive_db) as conn:  # kept as 'archive tag' keeps them: across re-ingest
        assert conn.execute("select count(*) from theme_corrections").fetchone()[0] == sum(map(len, before.values()))
    assert "0 hand codes added" in run("import", project / "q.qdpx", "--db", archive_db).output


def _foreign_project(path, source_text, selections, codes):
    """A project as another QDA program writes it: its own GUIDs and code names, text inline."""
    root = ET.Element(f"{P}Project", {"name": "Elsewhere"})
    book = ET.SubElement(ET.SubElement(root, f"{P}CodeBook"), f"{P}Codes")
    for n, name in enumerate(codes):
        ET.SubElement(book, f"{P}Code", {"guid": f"00000000-0000-4000-8000-00000000000{n}", "name": name,
                                         "isCodable": "true"})
    source = ET.SubElement(ET.SubElement(root, f"{P}Sources"), f"{P}TextSource",
                           {"guid": "10000000-0000-4000-8000-000000000000", "name": "Transcript 7"})
    ET.SubElement(source, f"{P}PlainTextContent").text = source_text
    for n, (fragment, code_numbers) in enumerate(selections):
        start = source_text.index(fragment)
        selection = ET.SubElement(source, f"{P}PlainTextSelection", {
            "guid": f"20000000-0000-4000-8000-00000000000{n}", "startPosition": str(start),
            "endPosition": str(start + len(fragment))})
        for c in code_numbers:
            coding = ET.SubElement(selection, f"{P}Coding", {"guid": f"3000000{n}-0000-4000-8000-00000000000{c}"})
            ET.SubElement(coding, f"{P}CodeRef", {"targetGUID": f"00000000-0000-4000-8000-00000000000{c}"})
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", ET.tostring(root, encoding="utf-8", xml_declaration=True))
    return path


def test_import_of_a_foreign_project_maps_codes_and_reports_the_unmatched(archive_db, project):
    text = ("Interviewer: What is the work like?\n\nCounsellor: I worked an honorary placement for two years, unpaid, "
            "to get my hours for accreditation.\n\nNot in the archive at all, this sentence.")
    path = _foreign_project(project / "f.qdpx", text, [
        ("an honorary placement for two years, unpaid", [0, 1]),  # part of a stored quote
        ("Not in the archive at all, this sentence.", [0]),
        ("What is the work like?", [0]),  # an interviewer's question: those turns stay uncoded
    ], ["Job insecurity", "Odd code"])
    (project / "codes.yml").write_text("Job insecurity: precarity\n")
    output = run("import", path, "--db", archive_db, "--mapping", project / "codes.yml").output
    assert "1 hand code added" in output
    assert "unmatched code 'Odd code' (1 codings skipped)" in output
    assert "1 coded selection matching no stored quote's text: skipped" in output
    assert "1 coding on interviewers' or hosts' turns: skipped" in output
    assert "int-a-001" not in _themes(archive_db)
    assert "precarity" in _themes(archive_db)["int-b-001"]
    with sqlite3.connect(archive_db) as conn:
        assert conn.execute("select origin from quote_themes where quote = 'int-b-001' and theme = 'precarity'"
                            ).fetchone() == ("hand",)
    wrong = project / "wrong.yml"
    wrong.write_text("Job insecurity: insecurity\n")
    assert "no theme 'insecurity' in the archive" in run("import", path, "--db", archive_db, "--mapping", wrong,
                                                          expect=1).output


def test_import_of_a_codebook_adds_themes_that_outlive_ingest(archive_db, project):
    book = ET.Element("{urn:QDA-XML:codebook:1.0}CodeBook")
    codes = ET.SubElement(book, "{urn:QDA-XML:codebook:1.0}Codes")
    code = ET.SubElement(codes, "{urn:QDA-XML:codebook:1.0}Code",
                         {"guid": "00000000-0000-4000-8000-000000000009", "name": "Moral injury", "isCodable": "true"})
    ET.SubElement(code, "{urn:QDA-XML:codebook:1.0}Description").text = "Being made to act against one's values."
    ET.SubElement(codes, "{urn:QDA-XML:codebook:1.0}Code",
                  {"guid": "00000000-0000-4000-8000-000000000008", "name": "Precarity", "isCodable": "true"})
    from archive.qda import theme_guid

    ET.SubElement(codes, "{urn:QDA-XML:codebook:1.0}Code",  # the archive's own code, relabelled elsewhere
                  {"guid": theme_guid("workload"), "name": "Workload and stress", "isCodable": "true"})
    path = project / "book.qdc"
    path.write_bytes(ET.tostring(book, encoding="utf-8", xml_declaration=True))
    output = run("import", path, "--db", archive_db).output
    assert "3 codes read from book.qdc" in output
    assert "1 theme added (moral_injury)" in output
    assert "1 theme given the file's label or description (workload)" in output
    assert "Workload and stress" in run("themes", "--db", archive_db).output
    run("tag", "int-a-002", "+moral_injury", "--db", archive_db)
    (project / "t" / "study" / "int-b.txt").write_text((project / "t" / "study" / "int-b.txt").read_text() + "\n")
    run("ingest", "t", "--db", archive_db)
    listed = run("themes", "--db", archive_db).output
    assert "moral_injury" in listed and "Being made to act against one's values." in listed
    assert "moral_injury" in _themes(archive_db)["int-a-002"]


def test_import_of_a_broken_file_is_one_line(archive_db, project):
    (project / "bad.qdpx").write_text("not a zip")
    assert run("import", project / "bad.qdpx", "--db", archive_db, expect=1).output.strip() == (
        f"Error: {project / 'bad.qdpx'}: not a REFI-QDA project (a .qdpx is a zip file).")


# ---------------------------------------------------------------- safe Markdown and the leak gate

def test_markdown_makes_nothing_from_a_transcript_live(archive_db):
    markdown = run("export", "--db", archive_db, "--format", "markdown").stdout
    html = MarkdownIt("commonmark").render(markdown)
    assert "<script" not in html and "<b>" not in html
    assert "<a " not in html and "href" not in html and "<img" not in html
    assert "<h1>" not in html and "<ol>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text, every character kept
    assert "[the form](javascript:alert(1))" in html


@pytest.mark.parametrize("fmt", ["docx", "qdpx", "ris", "markdown"])
def test_a_leak_stops_every_format_and_writes_nothing(project, fmt):
    write_tree(project / "t", {
        "study/collection.yml": "title: A study\nkind: interview\n",
        "study/int.txt": "Q: Who helped?\nA: My supervisor Orla Kennet helped a lot.\nQ: Thanks.\nA: Fine.\n",
    })
    db = project / "a.db"
    run("ingest", "t", "--db", db)
    with sqlite3.connect(db) as conn:
        conn.execute("update quotes set text = text || ' Kennet' where position = 4")
    out = project / f"q.{fmt}"
    result = run("export", "--db", db, "--format", fmt, "-o", out, expect=1)
    assert "Export stopped" in result.output
    assert not out.exists() and not out.with_name(out.name + ".tmp").exists()


def test_a_name_searched_for_is_not_written_into_the_document(project):
    write_tree(project / "t", {
        "study/collection.yml": "title: A study\nkind: interview\n",
        "study/int.txt": "Q: Who helped?\nA: My supervisor Orla Kennet helped a lot with the caseload.\n",
    })
    db = project / "a.db"
    run("ingest", "t", "--db", db)
    result = run("export", "--db", db, "--format", "docx", "--query", "caseload OR Kennet", "-o",
                 project / "q.docx", expect=1)
    assert "the selection's description" in result.output and "Kennet" not in result.output
    assert not (project / "q.docx").exists()


def test_a_document_of_a_theme_whose_id_has_an_underscore_is_written(project):
    """The description names the selection by the archive's own ids ("unwaged_work", a
    collection folder "my_study"); only the words typed into it are read as possible names."""
    write_tree(project / "t", {
        "my_study/collection.yml": "title: A study\nkind: interview\n",
        "my_study/int.txt": "Q: Paid?\nA: I did two years as an unpaid honorary counsellor to get my hours.\n",
    })
    db = project / "a.db"
    run("ingest", "t", "--db", db)
    out = project / "unwaged.docx"
    run("export", "--db", db, "--format", "docx", "--theme", "unwaged_work", "--collection", "my_study", "-o", out)
    opening = docx.Document(out).paragraphs
    assert any("unwaged_work" in p.text and "my_study" in p.text for p in opening)
    assert any("unpaid honorary counsellor" in p.text for p in opening)


def test_a_collection_licence_is_checked_too(project):
    write_tree(project / "t", {
        "study/collection.yml": "title: A study\nkind: interview\nlicence: ask orla.kennet@example.org first\n",
        "study/int.txt": "Q: How is work?\nA: Busy, with a long waiting list.\n",
    })
    db = project / "a.db"
    run("ingest", "t", "--db", db)
    with sqlite3.connect(db) as conn:
        stored = conn.execute("select licence from collections").fetchone()[0]
    if "@" not in stored:
        pytest.skip("ingest redacts licences now; nothing left to check at export")
    result = run("export", "--db", db, "--format", "ris", expect=1)
    assert "Export stopped: collection study" in result.output and "@" not in result.output


def test_a_project_rewritten_by_an_independent_implementation_imports_back(archive_db, project):
    pyrefiqda = pytest.importorskip("pyrefiqda")
    run("export", "--db", archive_db, "--format", "qdpx", "-o", project / "q.qdpx")
    loaded = pyrefiqda.RefiProject.load(project / "q.qdpx", extract_dir=str(project / "x"))
    pyrefiqda.RefiProject.save(loaded, project / "again.qdpx", source_media_dir=project / "x" / "sources")
    before = {q: t for q, t in _themes(archive_db).items() if not q.startswith(("int-r", "int-e"))}
    with sqlite3.connect(archive_db) as conn:
        conn.execute("delete from quote_themes")
    output = run("import", project / "again.qdpx", "--db", archive_db).output
    assert "unmatched" not in output and "skipped" not in output
    assert _themes(archive_db) == before


def test_the_library_selects_and_writes_every_format_as_the_command_does(archive_db, project):
    from archive import Archive

    archive = Archive(archive_db)
    assert [q["id"] for q in archive.quotes(query="caseload")] == ids(archive_db, "--query", "caseload")
    assert "int-r-001" in [q["id"] for q in archive.quotes(include_restricted=True, kinds=("interview",))]
    assert archive.export(project / "lib.docx", "docx", query="honorary", cite="apa") == 1
    quotes = [p.text for p in docx.Document(project / "lib.docx").paragraphs if p.style.name == "Quote"]
    assert quotes == ["I worked an honorary placement for two years, unpaid, to get my hours for accreditation."]
    assert archive.export(project / "lib.qdc", "qdc") == 10


def test_restricted_quotes_exported_on_request_are_marked_in_every_format(archive_db, project):
    args = ("--db", archive_db, "--id", "int-r-001", "--include-restricted")
    markdown = run("export", *args, "--format", "markdown").stdout
    assert "**\\[restricted: not for publication\\]**" in markdown
    run("export", *args, "--format", "docx", "-o", project / "r.docx")
    text = "\n".join(p.text for p in docx.Document(project / "r.docx").paragraphs)
    assert "[restricted: not for publication]" in text
    assert "Access: restricted" in rispy.loads(run("export", *args, "--format", "ris").stdout)[0]["notes"]
    assert export_jsonl(archive_db, "--id", "int-r-001", "--include-restricted")[0]["access"] == "restricted"


def test_a_codebook_export_says_the_selection_does_not_apply(archive_db):
    result = run("export", "--db", archive_db, "--format", "qdc", "--theme", "precarity")
    assert "the selection does not apply" in result.stderr
    assert "the selection does not apply" not in run("export", "--db", archive_db, "--format", "qdc").stderr


def test_docx_of_a_theme_groups_under_that_theme_only(archive_db, project):
    run("export", "--db", archive_db, "--format", "docx", "--theme", "workload", "-o", project / "w.docx")
    paragraphs = docx.Document(project / "w.docx").paragraphs
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Workload and wellbeing", "Sources"]
    assert len([p for p in paragraphs if p.style.name == "Quote"]) == len(ids(archive_db, "--theme", "workload"))


def test_a_source_whose_text_is_outside_the_project_is_skipped_with_a_note(archive_db, project):
    path = _foreign_project(project / "f.qdpx", "x", [], ["Precarity"])
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("project.qde"))
    source = root.find(f"{P}Sources/{P}TextSource")
    source.remove(source.find(f"{P}PlainTextContent"))
    source.set("plainTextPath", "file:///C:/Users/someone/transcript.txt")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", ET.tostring(root, encoding="utf-8"))
    result = run("import", path, "--db", archive_db)
    assert "source 'Transcript 7': its text (file:///C:/Users/someone/transcript.txt) is not inside" in result.stderr
    assert "1 code read from f.qdpx" in result.stdout


def test_a_code_named_after_a_participant_does_not_become_a_theme(project):
    write_tree(project / "t", {
        "study/collection.yml": "title: A study\nkind: interview\n",
        "study/int.txt": "Q: Who helped?\nA: My supervisor Orla Kennet helped a lot with the caseload.\n",
    })
    db = project / "a.db"
    run("ingest", "t", "--db", db)
    book = ET.Element("{urn:QDA-XML:codebook:1.0}CodeBook")
    codes = ET.SubElement(book, "{urn:QDA-XML:codebook:1.0}Codes")
    for n, name in enumerate(["What Kennet did", "Support at work"]):
        ET.SubElement(codes, "{urn:QDA-XML:codebook:1.0}Code",
                      {"guid": f"00000000-0000-4000-8000-00000000000{n}", "name": name, "isCodable": "true"})
    (project / "b.qdc").write_bytes(ET.tostring(book, encoding="utf-8"))
    output = run("import", project / "b.qdc", "--db", db).output
    assert "1 theme added (support_at_work)" in output
    assert "a code was not imported, as themes are published: its name: a" in output and "Kennet" not in output
    listed = run("themes", "--db", db).output
    assert "support_at_work" in listed and "kennet" not in listed.lower()
    assert "Kennet" not in (project / "codebook.yml").read_text()


def test_an_import_that_fails_half_way_leaves_the_archive_as_it_was(archive_db, project, monkeypatch):
    from archive import hand_codes, qda, store

    run("export", "--db", archive_db, "--format", "qdpx", "-o", project / "q.qdpx")
    with sqlite3.connect(archive_db) as conn:
        conn.execute("delete from quote_themes")
    found = qda.read_file(project / "q.qdpx")
    found.codes.append(qda.Code("00000000-0000-4000-8000-0000000000aa", "Brand new code"))
    calls = []
    record = hand_codes.record

    def failing(db, quote_id, changes):
        calls.append(quote_id)
        if len(calls) == 2:
            raise OSError("disk full")
        return record(db, quote_id, changes)

    monkeypatch.setattr(hand_codes, "record", failing)  # the disk fills while the second quote's codes are written
    db = store.open_db(archive_db, create=False)
    with pytest.raises(OSError):
        qda.import_project(db, found, {}, True)
    db.close()
    assert _themes(archive_db) == {}
    with sqlite3.connect(archive_db) as conn:
        assert conn.execute("select count(*) from themes where id = 'brand_new_code'").fetchone()[0] == 0
        assert conn.execute("select count(*) from theme_corrections").fetchone()[0] == 0


def test_a_codebook_with_entities_is_refused_in_one_line(archive_db, project):
    (project / "bomb.qdc").write_text(
        '<?xml version="1.0"?><!DOCTYPE b [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="00000000-0000-4000-8000-000000000001" '
        'name="&b;" isCodable="true"/></Codes></CodeBook>')
    result = run("import", project / "bomb.qdc", "--db", archive_db, expect=1)
    assert "refused: it declares XML entities" in result.output
