"""The export contract (inputs.md): keys, source order, citations, filters, formats."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections import defaultdict

import pytest

from tests.conftest import DEV_GOLD, export_jsonl, run, write_tree

CONTRACT_KEYS = {"id", "source", "collection", "kind", "speaker", "text", "themes", "start", "end", "citation"}

TREE = {
    "pods/collection.yml": "title: Conversations at work\nkind: podcast\nlicence: CC BY-NC 4.0\n"
                           "citation: The Example Work Library.\n",
    "pods/ep1.vtt": """
        WEBVTT

        00:00:01.000 --> 00:00:05.000
        <v Host>Welcome. Today: targets and the recovery rate.</v>

        00:01:05.000 --> 00:01:09.500
        <v Guest>The recovery rate decided everything we did.</v>
        """,
    "pods/ep1.vtt.yml": "title: Targets\ndate: 2020-06\naudio_url: https://example.org/ep1.mp3\n"
                        "speakers:\n  Host: Host\n  Guest: Guest, therapist\n",
    "pods/ep2.vtt": """
        WEBVTT

        00:00:02.000 --> 00:00:04.000
        <v Host>Second episode.</v>
        """,
}


@pytest.fixture
def archive_db(project):
    write_tree(project / "t", TREE)
    db = project / "a.db"
    run("ingest", "t", "--db", db)
    return db


def test_jsonl_has_the_contract_keys_in_source_order(archive_db):
    quotes = export_jsonl(archive_db)
    assert [q["id"] for q in quotes] == ["ep1-001", "ep1-002", "ep2-001"]
    assert all(CONTRACT_KEYS <= set(q) for q in quotes)
    guest = quotes[1]
    assert (guest["source"], guest["collection"], guest["kind"], guest["speaker"]) == (
        "ep1", "pods", "podcast", "Guest, therapist")
    assert (guest["start"], guest["end"]) == (65.0, 69.5)
    assert isinstance(guest["themes"], list)


def test_citation_names_speaker_source_date_collection_quote_and_time(archive_db):
    citation = export_jsonl(archive_db)[1]["citation"]
    assert citation.startswith("Guest, therapist, “Targets”, 2020-06, Conversations at work, quote no. 2, at 1:05.")
    assert "The Example Work Library." in citation
    assert "https://example.org/ep1.mp3#t=65" in citation


def test_filter_by_source_and_unknown_ids_are_errors(archive_db):
    assert {q["source"] for q in export_jsonl(archive_db, "--source", "ep2")} == {"ep2"}
    result = run("export", "--db", archive_db, "--source", "nope", expect=1)
    assert "no source 'nope' in the archive" in result.output
    result = run("export", "--db", archive_db, "--theme", "nope", expect=1)
    assert "no theme 'nope'" in result.output


def test_an_export_no_quote_matches_says_so_on_stderr(archive_db):
    # Not a word before: exit 0 and an empty output looked like an export that failed.
    result = run("export", "--db", archive_db, "--format", "jsonl", "--year", "2030")
    assert result.stdout == ""
    assert "No quote matched the selection" in result.stderr
    assert "No quote matched" not in run("export", "--db", archive_db, "--format", "jsonl").stderr


def test_a_range_of_years_written_backwards_is_refused_not_an_empty_export(archive_db):
    # "2018..2016" matched nothing, said as "No quote matched": read as a search for none.
    result = run("export", "--db", archive_db, "--format", "jsonl", "--year", "2018..2016", expect=1)
    assert "--year '2018..2016' runs backwards: give 2016..2018." in result.output
    result = run("search", "--db", archive_db, "caseload year:2018..2016", expect=1)
    assert "'year:2018..2016' runs backwards: give year:2016..2018." in result.output


def test_a_misspelt_metadata_yml_is_a_warning_at_export(archive_db, project):
    (project / "metadata.yml").write_text("title: The Example Work Library\nlicence: CC BY 4.0\n")
    result = run("export", "--db", archive_db, "--format", "jsonl")
    assert "metadata.yml, line 2: unknown key 'licence'; did you mean 'license'?" in result.stderr
    assert result.stdout.count("\n") == 3


def test_a_metadata_yml_still_to_fill_in_puts_no_placeholder_into_citations(archive_db, project):
    # `archive init` writes metadata.yml with FILL IN values; publish refuses them, but export
    # put "FILL IN: the archive's name, e.g. ..." into every citation, RIS, BibTeX and the
    # title of a Word document, ready to paste into a manuscript.
    (project / "metadata.yml").write_text(
        'title: "FILL IN: the archive\'s name"\nlicense: "FILL IN: the licence"\nsource: Example Trust\n')
    result = run("export", "--db", archive_db, "--format", "jsonl", "--cite", "apa")
    assert "FILL IN" not in result.stdout
    assert "metadata.yml still says FILL IN for title, license" in result.stderr
    for fmt in ("ris", "bibtex", "csl-json"):
        assert "FILL IN" not in run("export", "--db", archive_db, "--format", fmt).stdout
    run("export", "--db", archive_db, "--format", "docx", "-o", project / "q.docx")
    import docx

    assert docx.Document(project / "q.docx").paragraphs[0].text == "Quotes"


def test_a_csv_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text(project):
    # A turn opening with '=' (or +, -, @) went into the CSV as it was: Excel and LibreOffice
    # open such a cell as a formula (=HYPERLINK(...) becomes a live link, others run).
    write_tree(project / "t", {
        "s/collection.yml": "title: Sheds\nkind: interview\n",
        "s/one.txt": "Q: One?\nA: =2+2 was on the sign.\nQ: Two?\nA: @ six most days, too.\nQ: Three?\n"
                     "A: +44 and -5 degrees.\nQ: Four?\nA: Plain words.\n",
    })
    db = project / "a.db"
    run("ingest", "t", "--db", db)
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", db, "--format", "csv").stdout)))
    texts = [r["text"] for r in rows][1::2]
    assert texts == ["'=2+2 was on the sign.", "'@ six most days, too.", "'+44 and -5 degrees.",
                     "Plain words."]
    assert [q["text"] for q in export_jsonl(db)][1] == "=2+2 was on the sign."  # JSONL keeps the text as it is


def test_csv_and_markdown_carry_the_same_citation(archive_db, project):
    citations = [q["citation"] for q in export_jsonl(archive_db)]
    out = run("export", "--db", archive_db, "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["citation"] for r in rows] == citations
    run("export", "--db", archive_db, "--format", "markdown", "-o", project / "q.md")
    markdown = (project / "q.md").read_text()
    assert "> The recovery rate decided everything we did." in markdown
    assert all(f"— {c}" in markdown for c in citations)


def test_export_without_an_archive_says_so(project):
    result = run("export", "--db", project / "missing.db", expect=1)
    assert "No archive at" in result.output and "archive ingest" in result.output


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def test_dev_corpus_every_turn_and_answer_is_exported_in_order(dev_archive):
    """Every non-empty gold turn is in the export, whole or in parts, in order.

    Redaction replaces identifiers, so each gold turn is compared with its quotes
    on the words outside the marked identifiers: most of each turn's words must
    be in its quotes (a short turn can lose a word to over-redaction), and nearly
    all words over the whole corpus.
    """
    _, quotes = dev_archive
    gold = [json.loads(line) for line in DEV_GOLD.read_text().splitlines()]
    by_turn = defaultdict(list)
    for q in quotes:
        turn = q["id"][len(q["source"]) + 1:].split("-")[0]
        by_turn[q["source"], int(turn)].append(q["text"])
    assert {g["doc"] for g in gold} == {q["source"] for q in quotes}
    found = total = 0
    for doc in {g["doc"] for g in gold}:
        units = [g for g in gold if g["doc"] == doc and g["text"].strip()]
        turns = sorted(t for (d, t) in by_turn if d == doc)
        assert len(turns) == len(units), doc
        for unit, turn in zip(units, turns):
            text = unit["text"]
            for _, _, start, end in sorted(unit["mentions"], key=lambda m: -m[2]):
                text = text[:start] + " " + text[end:]
            expected = _words(text)
            got = set(_words(" ".join(by_turn[doc, turn])))
            kept = sum(w in got for w in expected)
            assert kept >= 0.5 * len(expected), (doc, unit["unit"], kept / len(expected))
            found, total = found + kept, total + len(expected)
    assert found >= 0.97 * total


def test_a_leak_found_at_export_lets_nothing_out(project):
    write_tree(project / "t", {
        "study/collection.yml": "title: A study\nkind: interview\n",
        "study/int.txt": "Q: Who helped?\nA: My supervisor Orla Kennet helped a lot.\nQ: Thanks.\nA: Fine.\n",
    })
    db = project / "a.db"
    run("ingest", "t", "--db", db)
    assert "Kennet" not in str(export_jsonl(db))
    with sqlite3.connect(db) as conn:  # a leak slips into the database after ingest
        conn.execute("update quotes set text = text || ' Kennet' where position = 4")  # a surname alone
    result = run("export", "--db", db, "--format", "jsonl", expect=1)
    assert result.stdout == ""  # not even the quotes before the leak
    result = run("export", "--db", db, "-o", project / "out.jsonl", expect=1)
    assert not (project / "out.jsonl").exists() and not (project / "out.jsonl.tmp").exists()


def test_export_without_the_private_log_warns_that_it_checked_patterns_only(archive_db, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # no private/ here
    result = run("export", "--db", archive_db)
    assert "warning: no redaction log for ep1" in result.stderr and "re-checked for patterns and listed words only" in result.stderr
    assert len([line for line in result.stdout.splitlines() if line]) == 3


def test_an_output_file_that_cannot_be_written_is_one_line(archive_db, tmp_path):
    result = run("export", "--db", archive_db, "-o", tmp_path / "no-such-folder" / "q.jsonl", expect=1)
    assert result.output.strip() == f"Error: cannot write {tmp_path / 'no-such-folder' / 'q.jsonl'}: No such file or directory."


def test_export_and_publish_warn_of_sources_ingested_with_other_settings(archive_db, project):
    assert "warning" not in run("export", "--db", archive_db).stderr
    (project / "archive.yml").write_text("public_names: [Surviving Work]\n")  # not ingested since
    exported = run("export", "--db", archive_db)
    published = run("publish", project / "site", "--db", archive_db)
    for result in (exported, published):
        assert "were last ingested with other settings or an older version" in result.stderr
        assert "run 'archive ingest'" in result.stderr
    assert exported.stdout  # a warning, not a refusal
