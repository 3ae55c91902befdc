"""The redaction stage, as a user meets it: ingest, export, the private log, review, the gate.

Every name here is invented; public bodies are real.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3

import pytest
import yaml

from conftest import export_jsonl, run, write_tree
from ingest.config import load_config
from ingest.model import Quote, Source, SourceError, Speaker
from ingest.redact import Redactor, write_private_log
from ingest.redact.gate import log_path, terms_from_log

INTERVIEW = """\
---
title: Interview with a psychological wellbeing practitioner
speakers:
  Interviewer: Interviewer
public_names: [Dara Quill]
redact: [Pelham Row, larkspur]
---
Interviewer: Thanks for coming in, Tamsin. This is Dara Quill's project.
TAMSIN: I'm a PWP at the Larchfield Centre in Brindleford, part of Oakvale Partnership Trust. My manager, Orla Kennet, is fair. Orla's team runs the IAPT service and we're all in Unison.
Interviewer: And Mind?
TAMSIN: The local branch, Brindleford Mind, is brilliant. Ask for tamsin at the desk, or for ORLA. Our office is by Pelham Row, on larkspur ward.
Interviewer: How can people reach you?
TAMSIN: Ring 0161 496 0000, or email tamsin dot vale at gmail dot com. I started on the 14th of March.
"""

ORIGINALS = ["larkspur", "Tamsin", "Larchfield", "Brindleford", "Oakvale", "Orla", "Kennet", "Pelham Row",
             "0161 496 0000", "tamsin dot vale", "14th of March"]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("redact")
    write_tree(folder / "transcripts", {
        "study/collection.yml": "title: A study\nkind: interview\n",
        "study/int-01.md": INTERVIEW,
    })
    db = folder / "a.db"
    with contextlib.chdir(folder):
        run("ingest", folder / "transcripts", "--db", db)
        quotes = export_jsonl(db)
    return folder, db, quotes


def published(quotes) -> str:
    return "\n".join(f"{q['text']}\n{q['speaker']}\n{q['citation']}" for q in quotes)


def stored_and_exported(db) -> bytes:
    """Every byte of the database file, and its export."""
    return db.read_bytes() + str(export_jsonl(db)).encode()


def index_files(db) -> list[bytes]:
    """The bytes of each file of the database's Whoosh index."""
    return [p.read_bytes() for p in db.with_name(db.name + "-index").iterdir() if p.is_file()]


def test_identifiers_never_reach_the_export(archive):
    _, _, quotes = archive
    text = published(quotes)
    for original in ORIGINALS:
        assert original.lower() not in text.lower(), original


def test_public_bodies_and_public_names_stay(archive):
    text = published(archive[2])
    for term in ("PWP", "IAPT", "Unison", "Mind", "Dara Quill"):
        assert term in text
    assert "[Workplace" in text and "Brindleford Mind" not in text  # a local branch is a workplace


def test_pseudonyms_are_consistent_within_a_source(archive):
    texts = [q["text"] for q in archive[2]]
    assert "Thanks for coming in, [Person 1]." in texts[0]
    # Orla Kennet, "Orla's", "ORLA": one person, one pseudonym, possessive kept.
    orla = texts[1].split("My manager, ")[1].split(",")[0]
    assert orla.startswith("[Person ")
    assert f"{orla}'s team" in texts[1]
    assert f"or for {orla}." in texts[3]
    assert "ask for [person 1] at the desk" in texts[3].lower()  # the label, in any case
    assert "[phone]" in texts[5] and "[email]" in texts[5] and "[date]" in texts[5]
    # The source's redact list; a ward named in lower case is found too, and the listed word
    # inside it goes with it, under its label.
    assert "larkspur" not in texts[3] and re.search(r"on \[(?:redacted\] ward|(?:Place|Workplace) \d+\])", texts[3])


def test_speaker_labels_that_are_names_are_not_published(archive):
    speakers = {q["speaker"] for q in archive[2]}
    assert "Interviewer" in speakers
    assert not any("tamsin" in s.lower() for s in speakers)


def test_private_log_holds_the_originals_and_the_database_does_not(archive):
    folder, db, _ = archive
    log = folder / "private" / "redaction-log" / "int-01.jsonl"
    entries = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert {"Orla Kennet", "0161 496 0000"} <= {e["original"] for e in entries}
    assert all({"source", "quote", "original", "replacement", "recognizer", "score"} <= set(e) for e in entries)
    raw = db.read_bytes().lower()
    for original in ORIGINALS:
        assert original.lower().encode() not in raw, original


def test_leak_gate_stops_an_injected_leak_without_printing_it(tmp_path):
    config = load_config(tmp_path)
    speaker = Speaker(1, "Participant 1", labels={"Wenna"})
    source = Source("s1", "c", tmp_path / "s1.txt", "txt", {"title": "A talk"}, speakers=[speaker],
                    quotes=[Quote("s1-001", 1, 1, 1, speaker, "Wenna here, from Brindleford.", "line 1")])
    redactor = Redactor(config)
    redactor(source)
    write_private_log(source)  # as ingest does once the source is stored
    assert source.redacted and "Wenna" not in source.quotes[0].text
    source.quotes[0].text += " Wenna said so."  # a bug puts the name back
    with pytest.raises(SourceError) as caught:
        redactor.gate(source, terms_from_log(log_path(tmp_path / "private", "s1")))
    message = str(caught.value)
    assert "s1-001" in message and "person's name" in message
    assert "Wenna" not in message


@pytest.mark.parametrize("table, column", [("quotes", "text"), ("speakers", "description"), ("sources", "title")])
def test_export_and_publish_recheck_against_the_private_log(archive, tmp_path, table, column):
    folder, db, _ = archive
    copy = tmp_path / "copy.db"
    copy.write_bytes(db.read_bytes())
    with sqlite3.connect(copy) as conn:
        conn.execute(f"update {table} set {column} = {column} || ' Orla Kennet'")
    with contextlib.chdir(folder):
        exported = run("export", "--db", copy, "--format", "jsonl", expect=1)
        published = run("publish", tmp_path / "site", "--db", copy, expect=1)
    assert "Export stopped" in exported.output and "Kennet" not in exported.output
    assert "Nothing built" in published.output and "Kennet" not in published.output
    assert not (tmp_path / "site").exists()


def test_review_shows_replacements_and_saves_decisions(archive, tmp_path):
    folder, db, _ = archive
    with contextlib.chdir(folder):
        shown = run("review", "int-01", "--db", db).output
        assert "Orla Kennet" in shown and "[Person" in shown
        # the speaker's label (one word, its own only part) is listed once
        assert shown.count("(always) 'TAMSIN'") == 1, shown
        run("review", "--keep", "Larchfield Centre", "--redact", "Fernhollow")
    config = load_config(folder)
    assert "Larchfield Centre" in config.review["keep"] and "Fernhollow" in config.review["redact"]
    saved = yaml.safe_load((folder / "archive.yml").read_text())
    assert saved["review"]["redact"] == ["Fernhollow"]
    (folder / "archive.yml").unlink()


def test_review_decisions_apply_on_the_next_ingest(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_tree(tmp_path / "transcripts", {
        "study/collection.yml": "title: A study\n",
        "study/a.txt": "Interviewer: Where?\nP: At Fernhollow House, with the Quillon Group.\n",
    })
    run("ingest", "transcripts", "--db", "a.db")
    assert "Quillon" not in export_jsonl(tmp_path / "a.db")[1]["text"]
    run("review", "--keep", "Quillon Group")
    run("ingest", "transcripts", "--db", "a.db")
    text = export_jsonl(tmp_path / "a.db")[1]["text"]
    assert "Quillon Group" in text and "Fernhollow" not in text


def test_a_name_in_the_source_title_is_still_redacted_everywhere(project):
    write_tree(project / "t", {
        "study/collection.yml": "title: Working Lives Study\n",
        "study/int.md": "---\ntitle: Interview with Nell Garrow at Brackwater Mind\n"
                        "description: Nell Garrow talks about her rota.\n---\n"
                        "Q: Who are you?\nA: I am Nell Garrow and I work at Brackwater Mind, for the Working Lives Study.\n",
    })
    run("ingest", "t", "--db", project / "a.db")
    published = stored_and_exported(project / "a.db")
    for identifier in (b"Nell", b"Garrow", b"Brackwater"):
        assert identifier not in published
    assert b"Working Lives Study" in published  # the collection's own name is public


def test_a_name_in_the_file_name_stops_the_source_until_it_has_an_id(project):
    write_tree(project / "t", {
        "study/collection.yml": "title: A study\n",
        "study/int-nell-garrow.txt": "Q: Who are you?\nA: I am Nell Garrow, I work on the wards.\n",
    })
    result = run("ingest", "t", "--db", project / "a.db", expect=1)
    assert "the source id (by default the file name) contains an identifier" in result.stderr
    assert b"garrow" not in (project / "a.db").read_bytes().lower()
    write_tree(project / "t", {"study/int-nell-garrow.txt.yml": "id: int-07\n"})
    run("ingest", "t", "--db", project / "a.db")
    assert [q["source"] for q in export_jsonl(project / "a.db")] == ["int-07", "int-07"]
    assert b"garrow" not in (project / "a.db").read_bytes().lower()  # not even the file's path


def test_names_typed_into_metadata_are_redacted_everywhere(project):
    write_tree(project / "t", {
        "study/collection.yml": "title: A study\ndescription: Interviews collected by Priscilla Hembury.\n",
        "study/int.md": "---\ntitle: Caseloads\ndescription: A conversation with Declan Oyelaran at Harrowfield Lodge.\n"
                        "speakers:\n  Sam: Sam Okafor, PWP\n---\nQ: Hello?\nSam: Hi. Declan Oyelaran is me.\n",
        "survey/collection.yml": "title: A survey\n",
        "survey/s.csv": "rid,role,manager,q1\nR1,Nurse,Gwen Pryce,More staff please.\n",
        "survey/s.csv.yml": "survey:\n  id_column: rid\n  open_questions:\n    q1: What would help?\n"
                            "  attributes: [role, manager]\n",
    })
    run("ingest", "t", "--db", project / "a.db")
    published = stored_and_exported(project / "a.db")
    for identifier in (b"Hembury", b"Oyelaran", b"Harrowfield", b"Okafor", b"Pryce"):
        assert identifier not in published
    assert b"Nurse" in published and b"Caseloads" in published  # ordinary metadata stays


def test_a_name_in_the_audio_url_stops_the_source(project):
    write_tree(project / "t", {
        "pods/collection.yml": "title: Conversations\n",
        "pods/ep1.vtt": "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Host>Welcome, Jory Pellow.</v>\n",
        "pods/ep1.vtt.yml": "audio_url: https://example.org/jory-pellow-interview.mp3\n",
    })
    result = run("ingest", "t", "--db", project / "a.db", expect=1)
    assert "the audio_url contains an identifier" in result.stderr and "pellow" not in result.stderr.lower()


@pytest.mark.parametrize("audio_url,said", [
    # run together by capitals: the source says the name, the address joins it
    ("https://example.org/EpisodeWithJoryPellow.mp3", "Welcome, Jory Pellow."),
    # joined in a file name, a name the source never says
    ("https://example.org/jory_pellow_interview.mp3", "Welcome to the show."),
    # a surname with a capital inside, whole in the address ("Mc Quennell" is no name)
    ("https://example.org/ep3-McPellow.mp3", "Welcome, Jory McPellow."),
])
def test_a_name_run_together_in_the_audio_url_stops_the_source(project, audio_url, said):
    write_tree(project / "t", {
        "pods/collection.yml": "title: Conversations\n",
        "pods/ep1.vtt": f"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Host>{said}</v>\n",
        "pods/ep1.vtt.yml": f"audio_url: {audio_url}\n",
    })
    result = run("ingest", "t", "--db", project / "a.db", expect=1)
    assert "the audio_url contains an identifier" in result.stderr and "pellow" not in result.stderr.lower()


def test_an_audio_url_of_ordinary_words_is_published(project):
    write_tree(project / "t", {
        "pods/collection.yml": "title: Conversations\n",
        "pods/ep1.vtt": "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Host>Welcome to the show.</v>\n",
        "pods/ep1.vtt.yml": "audio_url: https://example.org/ShiftWorkAndBurnout-ep2.mp3\n",
    })
    run("ingest", "t", "--db", project / "a.db")


def test_role_labels_and_role_words_are_never_redacted(project):
    write_tree(project / "t", {"study/int.txt": (
        "Question: What is your job?\n"
        "Answer: I am a therapist. Answer me this: why ask?\n"
        "Question: And as an interviewee, how do you feel?\n"
        "Interviewee: Tired. The Interviewee in me says the caseload is too much.\n")})
    run("ingest", "t", "--db", project / "a.db")
    quotes = export_jsonl(project / "a.db")
    assert [q["speaker"] for q in quotes] == ["Interviewer", "Respondent", "Interviewer", "Interviewee"]
    assert "Answer me this" in quotes[1]["text"] and "as an interviewee" in quotes[2]["text"]
    assert "The Interviewee in me" in quotes[3]["text"]


def test_a_lower_case_name_loses_its_surname_too(project):
    write_tree(project / "t", {"study/int.txt": (
        "Q: Who supports you?\nA: honestly only my friend tobias quenby, he listens. tobias is a nurse too.\n")})
    run("ingest", "t", "--db", project / "a.db")
    text = export_jsonl(project / "a.db")[1]["text"]
    assert "quenby" not in text and "tobias" not in text and "he listens" in text


def test_a_lone_name_inside_metadata_words_is_redacted_but_list_items_stay(project):
    write_tree(project / "t", {
        "study/collection.yml": "title: A study\n",
        "study/int.md": "---\ntitle: Talking to Declan about caseloads (Orla)\n"
                        "description: A PWP at a Harrogate service, formerly in Rotherham; Colm's colleague.\n"
                        "speakers:\n  Sam: Trainee counsellor, Third sector, Yorkshire and the Humber\n"
                        "  Ann: Peer support worker, London\n  P3: Grace, trainee counsellor\n"
                        "---\nQ: Hello?\nSam: Hi. The caseload is heavy.\nAnn: Mine too.\nP3: Same.\n",
        "study/int2.md": "---\ntitle: Quenby on caseloads\n---\nQ: Hello?\nA: Hi.\n",
        "survey/collection.yml": "title: A survey\n",
        "survey/s.csv": "rid,region,role,q1\nR1,London,Nurse,More staff please.\n",
        "survey/s.csv.yml": "survey:\n  id_column: rid\n  open_questions:\n    q1: What would help?\n"
                            "  attributes: [region, role]\n",
    })
    run("ingest", "t", "--db", project / "a.db")
    published = stored_and_exported(project / "a.db")
    for identifier in (b"Declan", b"Orla", b"Harrogate", b"Rotherham", b"Colm", b"Quenby", b"Grace"):
        assert identifier not in published
    # Items of a curated list are the curators' choice: a region, a sector, a role.
    speakers = {q["speaker"] for q in export_jsonl(project / "a.db")}
    assert "Trainee counsellor, Third sector, Yorkshire and the Humber" in speakers
    assert "Peer support worker, London" in speakers
    assert "London, Nurse" in speakers


def test_a_name_in_the_collection_folder_keeps_the_whole_folder_out(project):
    # "a" is read first and does not say the name: it goes in, then comes out with the folder.
    write_tree(project / "t", {
        "with-nell-garrow/a.txt": "Q: Who are you?\nA: A nurse on the wards.\n",
        "with-nell-garrow/b.txt": "Q: Who are you?\nA: I am Nell Garrow, I work on the wards.\n",
        "study/int2.txt": "Q: Who are you?\nA: A nurse on the wards.\n",
    })

    def nothing_of_the_name_is_kept():
        assert b"garrow" not in (project / "a.db").read_bytes().lower()
        index = index_files(project / "a.db")
        assert index and not any(b"garrow" in data.lower() for data in index)

    result = run("ingest", "t", "--db", project / "a.db", expect=1)
    assert "the collection's folder name contains an identifier" in result.stderr
    assert "a: kept out with its whole collection folder" in result.stderr
    nothing_of_the_name_is_kept()
    assert [q["source"] for q in export_jsonl(project / "a.db")] == ["int2", "int2"]
    # Later runs keep the folder out even without the source that named it.
    (project / "t/with-nell-garrow/b.txt").unlink()
    result = run("ingest", "t", "--db", project / "a.db", expect=1)
    assert "its collection folder's name was found to hold an identifier" in result.stderr
    nothing_of_the_name_is_kept()
    assert [q["source"] for q in export_jsonl(project / "a.db")] == ["int2", "int2"]
    # Renamed, the folder comes back.
    (project / "t/with-nell-garrow").rename(project / "t/ward-talks")
    run("ingest", "t", "--db", project / "a.db")
    assert {q["collection"] for q in export_jsonl(project / "a.db")} == {"study", "ward-talks"}
    nothing_of_the_name_is_kept()


def test_a_persons_name_in_the_collection_title_is_not_made_public(project):
    write_tree(project / "t", {
        "study/collection.yml": "title: Interviews with Nell Garrow and the Quenby group for Surviving Work\n"
                                "public_names: [Surviving Work]\n",
        "study/int.txt": "Q: Who are you?\nA: I am Nell Garrow. Surviving Work asked me to talk. "
                         "Quenby was there too.\n",
    })
    run("ingest", "t", "--db", project / "a.db")
    published = stored_and_exported(project / "a.db")
    assert b"Garrow" not in published and b"Quenby" not in published
    assert "Surviving Work asked me" in export_jsonl(project / "a.db")[1]["text"]  # as public_names says


@pytest.mark.parametrize("where", ["archive.yml", "study/a.txt.yml"])
def test_text_replaced_by_a_redaction_fix_leaves_no_trace_in_the_files(project, where):
    write_tree(project / "t", {"study/a.txt": "Q: Hi?\nA: The quorvex rota said no. My caseload is heavy.\n",
                               "study/b.txt": "Q: Hi?\nA: Fine.\n"})
    run("ingest", "t", "--db", project / "a.db")
    assert b"quorvex" in (project / "a.db").read_bytes()  # the word was there to find
    path = project / where if where == "archive.yml" else project / "t" / where
    path.write_text("redact: [quorvex]\n")
    run("ingest", "t", "--db", project / "a.db")
    assert b"quorvex" not in (project / "a.db").read_bytes()  # not in the full-text index's pages either
    assert not any(b"quorvex" in data for data in index_files(project / "a.db"))
    assert "The [redacted] rota" in export_jsonl(project / "a.db")[1]["text"]


def test_a_damaged_redaction_log_does_not_stop_the_source(project):
    write_tree(project / "t", {"study/a.txt": "Q: Hi?\nA: I am Nell Garrow.\n"})
    run("ingest", "t", "--db", project / "a.db")
    log = next((project / "private" / "redaction-log").glob("*.jsonl"))
    log.write_bytes(b'not json\n\xff\xfe\n{"quote": ["x"], "original": "y"}\n{"original": "z"}\n')
    export_jsonl(project / "a.db")  # the export's own check reads the log too
    write_tree(project / "t", {"study/a.txt": "Q: Hi?\nA: I am Nell Garrow, a nurse.\n"})
    run("ingest", "t", "--db", project / "a.db")
    assert "Garrow" not in export_jsonl(project / "a.db")[1]["text"]
    assert "Garrow" in log.read_text(encoding="utf-8")  # the log is written afresh


@pytest.mark.parametrize("title, text", [
    ("Interviews with the Baker family for the Working Lives Study",
     "Q: Hi?\nA: Yesterday I phoned Baker and he agreed. The Working Lives Study asked.\n"),
    ("Interviews with Mr Baker for the Working Lives Study",
     "Q: Hi?\nA: I phoned Mr Baker and he agreed. The Working Lives Study asked.\n"),
    ("Hill Baker and the Working Lives Study",
     "Q: Hi?\nHill Baker: I agreed. The Working Lives Study asked.\n"),
])
def test_a_common_word_surname_in_the_collection_title_stays_redacted(project, title, text):
    write_tree(project / "t", {"study/collection.yml": f"title: {title}\n", "study/a.txt": text})
    run("ingest", "t", "--db", project / "a.db")
    quote = export_jsonl(project / "a.db")[1]
    assert "Baker" not in quote["text"] + quote["speaker"] and "The Working Lives Study asked" in quote["text"]
    assert b"Baker" not in (project / "a.db").read_bytes()


# The collection's own title is public by definition: a series named with a word that is
# also in the given-name lists ("Night", "Summer") stays in quotes, titles, the host's
# description and citations. A title naming people still loses them.
@pytest.mark.parametrize("title, kept, gone", [
    ("Night Shift Notes", "Night Shift Notes", None),
    ("Night Owl Hours", "Night Owl Hours", None),
    ("Grace May and the Late Shift", "Late Shift", "Grace May"),
    ("Hope Baker Talks", None, "Baker"),
])
def test_the_collections_own_title_stays_and_people_named_in_it_go(project, title, kept, gone):
    said = title if gone else kept
    write_tree(project / "t", {
        "study/collection.yml": f"title: {title}\nkind: podcast\n",
        "study/ep1.txt": f"Host: Welcome to {said}, I'm your host.\nGuest: Thanks. I listen to {said} on nights.\n",
        "study/ep1.txt.yml": f"title: {title} episode 1\nspeakers:\n  Host: host of {title}\n",
    })
    run("ingest", "t", "--db", project / "a.db")
    quotes = export_jsonl(project / "a.db")
    published = " ".join(q["text"] + q["speaker"] + q["citation"] for q in quotes)
    if kept:
        assert kept in quotes[0]["text"] and kept in quotes[0]["speaker"]
    if not gone:
        assert f"host of {kept}" in quotes[0]["speaker"] and f"{kept} episode 1" in quotes[0]["citation"]
    if gone:
        assert gone not in published
        assert gone.encode() not in (project / "a.db").read_bytes()


def test_redacting_more_than_before_compacts_the_word_list(project, monkeypatch):
    # Whoosh keeps a replaced document's words until its segments are rewritten; on small
    # indexes it merges them anyway, so what is checked here is the decision to rewrite.
    import archive.pipeline as pipeline

    compacted = []
    monkeypatch.setattr(pipeline, "_sync_search_index",
                        lambda db, changed, removed, compact: compacted.append(compact))
    write_tree(project / "t", {"study/a.txt": "Q: Hi?\nA: Yesterday I phoned Baker and he agreed. The baker shop is shut.\n",
                               "study/b.txt": "Q: Hi?\nA: Fine.\n"})

    def ingest():
        pipeline.ingest_path(project / "t", project / "a.db", load_config(project))

    ingest()
    (project / "t/study/a.txt.yml").write_text("redact: [baker]\n")  # the lower-case word too
    ingest()
    (project / "t/study/b.txt").write_text("Q: Hi?\nA: Fine, thanks.\n")  # nothing more redacted
    ingest()
    assert compacted == [False, True, False]
    assert "baker" not in export_jsonl(project / "a.db")[1]["text"].lower()


@pytest.mark.parametrize("said, surname", [
    ("I spoke to Rose Green yesterday. Green came too.", "Green"),  # a party's name, and a surname
    ("I met Ms White on Monday. Then Tom White rang, and White said no.", "White"),
    ("Dr May rang. May said it was fine.", "May"),  # a month and a stop word, and a surname
    ("Mrs Kate Green runs it. Green is fair.", "Green"),
    ("Sister White was brilliant. White always had time.", "White"),
    ("I sat near Rose Green at lunch. Green was kind.", "Green"),  # a person, not a place
    ("Rose Smith-Green came. Smith-Green is great.", "Green"),
    ("Smith-Green came. Green agreed.", "Green"),
    ("I confided in Joy Green when it got bad. Joy listened.", "Joy"),  # not a place "in" which
    ("Grace White, my manager, was brilliant. White backed me.", "White"),
    ("My manager Kwame White was supportive. White always listened.", "White"),  # a name no list knows
    ("Our supervisor, Tunde Green, rang me. Green was fine.", "Green"),
    ("I spoke to Okafor-White yesterday. White agreed.", "White"),
    ("Frank White, my old supervisor, retired. White was fair.", "White"),
    ("Chidi French ran the clinic. French kept notes.", "French"),
    ("Father Lord came. Lord was kind.", "Lord"),
    ("Our lead is Sian Wales. Wales is tough.", "Wales"),  # a nation, and a surname
    ("My manager Ruth England said no. England never listened.", "England"),
    ("ROSE GREEN wrote. Green was kind.", "Green"),
    # a given name that is a month or a faith too, before a surname that is a word, then what
    # someone does
    ("June Black told me on the Monday. Black was fair.", "Black"),
    ("My supervisor April White said I was fine. April left.", "April"),
    ("Christian Green rang me twice. Green was kind.", "Green"),
    ("I was told my manager June Black was off. Black came back in May.", "Black"),  # "was" inside a sentence
])
def test_a_surname_that_is_also_an_ordinary_word_is_redacted_wherever_said(project, said, surname):
    write_tree(project / "t", {"study/a.txt": f"Q: Who helped?\nA: {said}\n"})
    run("ingest", "t", "--db", project / "a.db")
    stored = sqlite3.connect(project / "a.db").execute("select text from quotes where id = 'a-002'").fetchone()[0]
    assert surname not in stored
    assert surname not in export_jsonl(project / "a.db")[1]["text"]


# The rules alone read published metadata (no model): a compass word after a given name is
# a surname there too ("Interview with Ruth West" kept "West").
@pytest.mark.parametrize("title, surname", [
    ("Interview with Ruth West, nurse", "West"),
    ("A conversation with Jo North", "North"),
    ("Talking to Priya South about pay", "South"),
    ("Interview with Dora Green", "Green"),
])
def test_a_surname_that_is_a_compass_word_is_redacted_in_a_title(project, title, surname):
    write_tree(project / "t", {"study/a.txt": f"---\ntitle: {title}\n---\nQ: Who helped?\nA: Nobody did.\n"})
    run("ingest", "t", "--db", project / "a.db")
    stored = sqlite3.connect(project / "a.db").execute("select title from sources").fetchone()[0]
    assert surname not in stored and "[Person 1]" in stored


def test_a_place_named_by_its_side_in_a_speaker_description_is_a_place(project):
    # "Respondent, support worker, North Calderby" read "[Person 3]" in every citation.
    write_tree(project / "t", {"study/a.txt": "---\nspeakers:\n  Q: Interviewer\n"
                                             "  A: Respondent, support worker, North Calderby\n---\n"
                                             "Q: Who helped?\nA: Nobody did.\n"})
    run("ingest", "t", "--db", project / "a.db")
    speaker = export_jsonl(project / "a.db")[1]["speaker"]
    assert speaker == "Respondent, support worker, [Place 1]"


def test_ordinary_words_beside_names_stay_and_the_export_agrees(project):
    """Only a surname joins a name: a date, a product or a job title after one stays, and
    the export's check does not stop on a word the redaction stage rightly kept."""
    said = ("Kate May 3rd was my start. We used Zoom with Grace Zoom. Dr Head rang. Head office said no. "
            "The Green Party agreed. Good Lord, I am Northern Irish. Snow White was the panto. Early May, "
            "we moved to Albert Road. I grew up in Ashley Green; Ashley, my sister, is there. Non-English "
            "speakers learn English. I'm Zimbabwean White; White Zimbabweans are few. Irish rules. Young "
            "Black, working-class lads. Till May, no manager. Quarter-Irish, she said; Judeo-Christian values. "
            "Scots-Irish is how he put it. Off-White walls. He spoke Pidgin English; a Coptic Christian, he said.")
    write_tree(project / "t", {"study/a.txt": f"Q: Who helped?\nA: {said}\n"})
    run("ingest", "t", "--db", project / "a.db")
    text = export_jsonl(project / "a.db")[1]["text"]  # raises if the export's check stopped it
    for kept in ("[date]", "Zoom.", "Head office", "The Green Party", "Good Lord", "Northern Irish", "Snow White",
                 "Early May", "Non-English", "learn English", "Irish rules", "Black, working-class", "Till May",
                 "Irish, she said", "Christian values", "Scots-Irish", "Off-White", "Pidgin English",
                 "Coptic Christian", "Zimbabwean White", "White Zimbabweans"):
        assert kept in text
    for name in ("Kate", "Grace", "Dr Head", "Albert", "Ashley"):
        assert name not in text


def test_the_export_checks_for_the_words_ingest_searched_for_no_more(project):
    """A word kept by review stays, and its being part of a name does not stop the export."""
    (project / "archive.yml").write_text("review: {keep: [White]}\n")
    write_tree(project / "t", {"study/a.txt": "Q: Who?\nA: Ms White runs it. White staff mostly.\n"})
    run("ingest", "t", "--db", project / "a.db")
    assert export_jsonl(project / "a.db")[1]["text"] == "[Person 1] runs it. White staff mostly."


def test_a_name_in_capitals_loses_its_surname_in_any_case(project):
    write_tree(project / "t", {"study/a.txt": "ROSE GREEN: Green is my surname.\nQ: And?\n"})
    run("ingest", "t", "--db", project / "a.db")
    assert "Green" not in export_jsonl(project / "a.db")[0]["text"]


def test_a_word_to_redact_added_then_one_folder_ingested_stops_export_and_publish(project):
    """archive.yml's redact list is for every source; sources of folders not ingested since
    it changed still hold the word, so ingest says so and nothing publishes them."""
    # A common word no recognizer takes for a name: only the list redacts it.
    write_tree(project / "t", {"study/a.txt": "Q: Where?\nA: By the lifts, the walls are yellow.\n",
                               "other/b.txt": "Q: And you?\nA: Fine.\n"})
    db = project / "a.db"
    run("ingest", "t", "--db", db)
    run("publish", "site", "--db", db)
    before = (project / "site/archive.db").read_bytes()
    (project / "archive.yml").write_text("redact: [yellow]\n")
    result = run("ingest", "t/other", "--db", db)
    assert "1 source outside t/other (a) was last ingested with other settings" in result.output
    export = run("export", "--db", db, expect=1)
    assert "quote a-002" in export.output and "word listed to redact" in export.output
    assert "yellow" not in export.output
    publish = run("publish", "site", "--db", db, expect=1)
    assert "Nothing built: quote a-002" in publish.output
    assert (project / "site/archive.db").read_bytes() == before  # the earlier build untouched

    result = run("ingest", "t", "--db", db)
    assert "other settings" not in result.output
    run("publish", "site", "--db", db)
    assert b"yellow" not in (project / "site/archive.db").read_bytes()
    assert "yellow" not in export_jsonl(db)[1]["text"]


def test_a_spoken_public_address_in_one_quote_is_not_read_into_the_next(project):
    """The leak gate reads each text alone: "At gov dot uk" is not an e-mail address with the
    previous quote's words in front of it."""
    write_tree(project / "t", {"study/collection.yml": "title: Green Spaces Study\n",
                               "study/a.txt": "Q: Where did you find the form?\nA: At gov dot uk. Took ages.\n",
                               "study/b.txt": "Q: Who helped?\nA: Rose Green did.\n"})
    run("ingest", "t", "--db", project / "a.db")
    assert [q["text"] for q in export_jsonl(project / "a.db")][:2] == ["Where did you find the form?",
                                                                     "At gov dot uk. Took ages."]
    run("publish", "site", "--db", project / "a.db")  # the shared collection title does not stop it


def test_a_listed_word_in_a_collection_title_stops_export_and_publish(project):
    write_tree(project / "t", {"study/collection.yml": "title: The sunflower study\n",
                               "study/a.txt": "Q: Hi?\nA: Fine.\n"})
    run("ingest", "t", "--db", project / "a.db")
    (project / "archive.yml").write_text("redact: [sunflower]\n")  # the folder not ingested since
    exported = run("export", "--db", project / "a.db", expect=1)
    published = run("publish", "site", "--db", project / "a.db", expect=1)
    assert "Export stopped: collection study, collection title: a word listed to redact" in exported.output
    assert "Nothing built: collection study, collection title: a word listed to redact" in published.output


def test_a_title_before_a_surname_is_not_searched_for_alone(project):
    write_tree(project / "t", {"study/a.txt": "Q: Who rang?\nA: Auntie May rang. My auntie visits. Father Lord came.\n"
                                              "Q: And?\nA: Father was kind. May was sad.\n"})
    run("ingest", "t", "--db", project / "a.db")
    texts = [q["text"] for q in export_jsonl(project / "a.db")]
    assert texts[1] == "[Person 1] rang. My auntie visits. [Person 2] came."
    assert texts[3] == "Father was kind. [Person 1] was sad."


@pytest.mark.parametrize("name", ["Shona", "Roma", "Geordie"])
def test_a_given_name_that_is_also_a_language_or_people_is_still_a_name(project, name):
    write_tree(project / "t", {"study/a.txt": f"Q: Who?\nA: My manager at the clinic, {name}, rings me on my day off.\n"})
    run("ingest", "t", "--db", project / "a.db")
    assert name not in export_jsonl(project / "a.db")[1]["text"]


@pytest.mark.parametrize("text, listed", [
    ("Then I’m off, and I’ll ring, since I’ve time and I'd said so.", []),  # contractions of "I"
    ("We asked and Morwenna’s notes said no.", ["Morwenna"]),  # a possessive is its name
    ("So we’re told, and they’re sure.", []),
    ("He said that Kesgrave's team had gone.", ["Kesgrave"]),
])
def test_review_lists_names_left_in_the_text_not_contractions(text, listed):
    from archive.redaction_review import suspicious_words

    assert sorted(suspicious_words([text])) == listed


@pytest.fixture(scope="module")
def engine():
    from ingest.config import ProjectConfig
    from ingest.redact import Redactor

    return Redactor(ProjectConfig()).engine


# A survey answer opening with a word of the field (rare in general English, everyday here)
# keeps it; a rare name in the same place is still a name, and so is a workplace named
# with such words.
@pytest.mark.parametrize("answer, name", [
    ("Sessional, paid per client hour, nothing if they cancel.", None),
    ("Caseload of 45. Notes at home every night.", None),
    ("Locum. Three months at a time, then who knows.", None),
    ("Supervisees are seen fortnightly, unpaid.", None),
    # either number of a listed word: the list holds "rotas"
    ("The manager puts the rota up on a Friday night.", None),
    ("Referral in, then six weeks of waiting.", None),
    ("Okonkwo, paid per client hour, nothing if they cancel.", "Okonkwo"),
    ("I volunteer at Befriending Works on Tuesdays.", "Befriending Works"),
])
def test_words_of_the_field_are_not_names_by_their_rarity(engine, answer, name):
    found = [answer[f.start:f.end] for f in engine.find([answer])[0]
             if f.kind in ("PERSON", "ORG", "LOC")]
    assert found == ([name] if name else [])


def test_a_public_bodys_compound_in_a_speaker_description_is_kept_as_in_a_quote(project):
    """'NHS-funded' is read as a stressed name ('ka-WAL-ska') only where no public name holds
    it: a speaker description or survey attribute keeps it as a quote does, and it is no
    term to search the source's quotes for."""
    write_tree(project / "t", {
        "c/one.txt": "---\nspeakers:\n  Sam: Counsellor, NHS-funded service\n---\n"
                     "Q: And pay?\n\nSam: Band 6, and the NHS-funded posts went.\n"})
    run("ingest", "t", "--db", project / "a.db")
    (quote,) = [q for q in export_jsonl(project / "a.db") if q["speaker"].startswith("Counsellor")]
    assert quote["speaker"] == "Counsellor, NHS-funded service"
    assert quote["text"] == "Band 6, and the NHS-funded posts went."


# The name rules alone, without any model: a capitalised name before a number said in words
# ("one night") is still a name; a town before a postcode is the town, not lost with the
# postcode it was joined to; a place of several words the gazetteer knows is read whole, even
# when its other words are ordinary or surnames; a name given in quotes ('we called it "X"') is
# a workplace's; a district named by its side ("from the west end") a place; ordinary words
# before a plural of people a group's name ("Fair Fee Counsellors"); "a woman called Sky" a
# person's; a name before a figure ("Zainab 2 weeks ago"), a workplace before a year. A digit
# after a word ("Step 2"), a job title, a nickname and ordinary words stay.
@pytest.mark.parametrize("text, names", [
    ("I was on nights at Quarrowby one week, days the next.", ["Quarrowby"]),
    ("Post it to us, Brindleford BD7 1QX, please.", ["Brindleford"]),
    ("Two days in Norris Green, then three in Wood Green.", ["Norris Green", "Wood Green"]),
    # a name given in quotes is a group's or a service's; one everyday word is a nickname
    ('We called it "Kindred", for luck, and it stuck.', ["Kindred"]),
    ("They named the group ‘Tea and Quarrel’ in the end.", ["Tea and Quarrel"]),
    ("We called it a 'slow week' and a 'go-slow' after.", []),
    # a town's district named by its side, in any case; not a side of something
    ("Most of my clients are from the west end, all of them skint.", ["west end"]),
    ("She lives in the Southside now.", ["Southside"]),
    ("The west end of the ward is quieter, and on the east side it's worse.", []),
    # a group named as one with ordinary words before a plural of people; job titles stay
    ("I help run a campaign, Fair Fee Counsellors, with forty of us.", ["Fair Fee Counsellors"]),
    ("We hired two Senior Support Workers and our Peer Mentors stayed, with the Disability Employment Adviser.",
     []),
    # someone introduced as "called" a name, even a word; not "called the police"
    ("Then a woman called Bramble rang, and someone named Sky.", ["Bramble", "Sky"]),
    ("In the end someone called the police, and a neighbour named it.", []),
    ("We moved from Step 2 to Ward 7 in one week.", []),
    # ... nor a capital letter alone as its label ("Plan B" was read as a workplace); a name goes on
    ("We went with Plan B in the end, then Option A, in Team C.", []),
    ("I did a year at Unit B Studios.", ["Unit B Studios"]),
    # a name before a figure is a name still; a word the figure numbers is not
    ("I saw Zainab 2 weeks ago, and I rang Okonkwo 3 times.", ["Zainab", "Okonkwo"]),
    ("I rang David 3 times, and Emma 2 weeks later.", ["David", "Emma"]),
    ("Worked for Ashgrove 2015-2019, then agency.", ["Ashgrove"]),
    ("I rang McAllister 3 times.", ["McAllister"]),
    ("We had a McFlurry 2 times.", []),
    ("She's in Year 11, and we met in Room 4, Bay 3, on Thu 12 and Sun 5.", []),
    # nor the field's shorthand, a plural, a brand
    ("Lates 3 and Earlies 2, Referrals 12, Supervisions 3 behind.", []),
    ("I drive a Mazda 3, and she does Peloton 30 minute rides on Sertraline 50mg.", []),
    # a word English hardly uses before a dose or a count: a medicine's or a pastime's short name
    ("Sert 50 then Quet 25, Kalms 2 tablets, Bodypump 3 times a week.", []),
    ("Only the green one was left, and some wood.", []),
    # a given name opening a line and signed with a dash; not an everyday word so opened
    ("Grace - happy to talk, ring me after six.", ["Grace"]),
    ("Honestly - no idea. Will - not sure either.", []),
    # in a shouted line a long word no word list knows is a name; an acronym is not
    ("MY EMPLOYER (QUILLBROOK) NEVER PAID ON TIME", ["QUILLBROOK"]),
    ("WE SCORE THE SWEMWBS AND THE CORE EVERY WEEK", []),
])
def test_the_name_rules_read_places_and_names_whole(engine, text, names):
    from ingest.redact.engine import load_model, resolve

    doc = load_model(engine.model_name).make_doc(text)
    protected = engine.unless_named(text, engine.public.spans(text))  # as the engine protects public terms
    found = [text[f.start:f.end] for f in resolve(engine.names.find(doc, protected, text))
             if f.kind in ("PERSON", "ORG", "LOC")]
    assert found == names


def test_a_lower_case_workplace_of_ordinary_words_stays_elsewhere_and_the_export_agrees(project):
    """Read after someone's post ('pwp at new roots'), a workplace of ordinary words is redacted
    there and where a workplace is said again ('at new roots'); the same words said of
    something else stay, and the export's check does not stop on them."""
    write_tree(project / "t", {"study/a.txt": "Q: Where?\nA: pwp at new roots before i moved. "
                                              "a year at new roots was enough. we need new roots here.\n"})
    run("ingest", "t", "--db", project / "a.db")
    text = export_jsonl(project / "a.db")[1]["text"]  # raises if the export's check stopped it
    assert "at new roots" not in text and "we need new roots here" in text
