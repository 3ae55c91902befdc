"""Theme tagging: the tagger, the codebook, hand corrections and evaluation."""

from __future__ import annotations

import json

import pytest

from conftest import export_jsonl, run, write_tree
from ingest.config import ProjectConfig
from ingest.stages import register_stage
from ingest.themes import CodebookError, ThemeStage, load_codebook, make_tag_stage
from ingest.themes.evaluate import read_gold


@register_stage("test_themes_trust")
class _TrustedText:
    """Stands in for redaction in these tests: their fictional text holds no identifiers,
    so tagging and corrections are tested without loading the NER model."""

    name = "redact"

    def __init__(self, config):
        pass

    def fingerprint(self) -> str:
        return "trust"

    def __call__(self, source):
        source.redacted = True
        return source


@pytest.fixture(scope="module")
def stage():
    return ThemeStage()


def themes_of(stage, text):
    [tags] = stage.tag_texts([text])
    return {t.theme: t for t in tags}


def test_tags_what_the_quote_is_about_with_evidence(stage):
    tags = themes_of(stage, "I'm on a zero-hours contract with no sick pay, so I never know "
                            "if I can pay the rent.")
    assert "precarity" in tags
    assert 0 < tags["precarity"].score <= 1
    assert "zero-hours" in tags["precarity"].evidence
    assert tags["precarity"].origin == "tagger"


def test_several_themes_or_none(stage):
    tags = themes_of(stage, "Our manager bullied anyone who raised concerns, and the union rep "
                            "was the only person who stood by us.")
    assert {"management_culture", "solidarity"} <= set(tags)
    assert themes_of(stage, "It was sunny, so we walked along the canal.") == {}


def test_weak_cues_need_company(stage):
    # "team" alone is a weak cue for solidarity; with a second cue it counts.
    assert "solidarity" not in themes_of(stage, "The team is in the building on the left.")
    assert "solidarity" in themes_of(stage, "My team and the colleagues next door support each "
                                            "other.")


def test_redaction_tokens_do_not_confuse_the_tagger(stage):
    tags = themes_of(stage, "[Person 2] at [Workplace 1] told me they put us all on "
                            "fixed-term contracts.")
    assert "precarity" in tags


def test_stage_exposes_the_codebook_themes(stage):
    ids = [t["id"] for t in stage.themes]
    assert ids[:3] == ["precarity", "unwaged_work", "downgrading"]
    assert len(ids) == 10
    assert all(t["label"] and t["description"] for t in stage.themes)


CODEBOOK = """\
    threshold: 0.5
    themes:
      - id: gardening
        label: Gardening
        description: Talk of plants.
        strong: [allotment, "prun*", "grow ... tomatoes"]
        weak: [soil, seeds]
"""


def test_project_codebook_replaces_the_default_and_changes_the_fingerprint(tmp_path, stage):
    from archive.pipeline import settings_fingerprint

    before = settings_fingerprint(ProjectConfig(root=tmp_path))
    write_tree(tmp_path, {"codebook.yml": CODEBOOK})
    assert settings_fingerprint(ProjectConfig(root=tmp_path)) != before  # so ingest re-tags
    project = make_tag_stage(ProjectConfig(root=tmp_path))
    assert [t["id"] for t in project.themes] == ["gardening"]
    assert set(themes_of(project, "We grow our own tomatoes.")) == {"gardening"}
    assert set(themes_of(project, "Pruning roses is calming.")) == {"gardening"}
    assert themes_of(project, "Good soil.") == {}
    assert set(themes_of(project, "Good soil and seeds.")) == {"gardening"}


@pytest.mark.parametrize("text, line, words", [
    ("themes:\n  - id: a\n    strong: [x\n  - id: b\n", None, "not valid YAML"),
    ("themes:\n  - id: ok\n  - id: Not Valid\n", 3, "'id'"),
    ("themes:\n  - id: ok\n  - id: ok\n", 3, "twice"),
    ("themes:\n  - id: ok\n\n  - id: two\n    strong: fine\n", 4, "list of phrases"),
    ("themes:\n  - id: ok\n    phrases: [a]\n", 2, "unknown key"),
    ("threshold: 2\nthemes:\n  - id: ok\n", 1, "threshold"),
])
def test_a_malformed_codebook_names_the_file_and_line(tmp_path, text, line, words):
    path = tmp_path / "codebook.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CodebookError) as error:
        load_codebook(path)
    message = str(error.value)
    assert message.startswith(str(path)) and words in message
    assert ", line " in message
    if line:
        assert f", line {line}:" in message
    assert "\n" not in message


TREE = {
    "archive.yml": "pipeline:\n  redact: test_themes_trust\n",
    "transcripts/study/collection.yml": "title: Fictional study\nkind: interview\n",
    "transcripts/study/talk-01.txt": """\
        Interviewer: How is work at the moment?
        Kestrel: I'm on a zero-hours contract and there's no sick pay at all.
        Interviewer: Are you on a fixed-term contract too, with no sick pay?
        Kestrel: The waiting list is eighteen months, people are discharged after six sessions.
        Interviewer: Anything else?
        Kestrel: It rained on Thursday.
    """,
}


@pytest.fixture
def archive(project):
    write_tree(project, TREE)
    run("ingest")
    return project / "archive.db"


def test_themes_appear_in_the_store_the_listing_and_the_export(archive):
    quotes = {q["text"][:20]: q for q in export_jsonl(archive)}
    contract = quotes["I'm on a zero-hours "]
    assert "precarity" in contract["themes"]
    assert contract["theme_scores"]["precarity"] > 0
    assert contract["theme_evidence"]["precarity"]
    assert "patient_care" in quotes["The waiting list is "]["themes"]
    assert quotes["It rained on Thursda"]["themes"] == []
    # Coders code what participants say, not the interviewer's questions.
    assert quotes["Are you on a fixed-t"]["themes"] == []

    listing = run("themes", "--db", archive).output
    assert "precarity" in listing and "Quality of patient care" in listing
    assert "zero hours" in listing  # the description is shown
    line = next(ln for ln in listing.splitlines() if ln.startswith("precarity"))
    assert "1 quote " in line


def test_hand_corrections_win_and_survive_a_re_ingest(archive, project):
    quote = next(q for q in export_jsonl(archive) if "zero-hours" in q["text"])
    result = run("tag", quote["id"], "+welfare_reform", "-precarity", "--db", archive)
    assert "welfare_reform" in result.output

    def current():
        return next(q for q in export_jsonl(archive) if q["id"] == quote["id"])

    assert "precarity" not in current()["themes"] and "welfare_reform" in current()["themes"]
    listing = run("themes", "--db", archive).output
    assert "by hand" in listing
    # the labels stay in one column after "(1 by hand)"
    labels = {"precarity": "Precarity", "welfare_reform": "Welfare", "patient_care": "Quality of patient care"}
    columns = {ln.index(label) for ln in listing.splitlines() for theme, label in labels.items()
               if ln.startswith(theme + " ")}
    assert len(columns) == 1, listing

    # Edit the file so the source is re-read, re-tagged and replaced.
    path = project / "transcripts/study/talk-01.txt"
    path.write_text(path.read_text() + "Kestrel: One more thing about the garden.\n")
    report = run("ingest").output
    assert "1 updated" in report
    after = current()
    assert "precarity" not in after["themes"]
    assert "welfare_reform" in after["themes"]
    assert after["theme_evidence"]["welfare_reform"] == ["added by hand"]


def test_a_correction_follows_its_quote_when_turns_are_added_above(archive, project):
    rained = next(q for q in export_jsonl(archive) if "rained" in q["text"])
    run("tag", rained["id"], "+solidarity", "--db", archive)
    path = project / "transcripts/study/talk-01.txt"
    path.write_text("Interviewer: Is the recorder on?\nKestrel: Yes, I think so.\n" + path.read_text())
    report = run("ingest").output
    assert "not applied" not in report
    quotes = {q["id"]: q for q in export_jsonl(archive)}
    moved = next(q for q in quotes.values() if "rained" in q["text"])
    assert moved["id"] != rained["id"] and "solidarity" in moved["themes"]
    assert "solidarity" not in quotes[rained["id"]]["themes"]  # the quote that took its old id

    # When the text itself changes, the correction is dropped, and ingest says so once.
    path.write_text(path.read_text().replace("It rained on Thursday.", "It snowed on Friday."))
    report = run("ingest").output
    assert f"a hand correction (+solidarity) was dropped" in report and f"(then {moved['id']})" in report
    assert all("solidarity" not in q["themes"] for q in export_jsonl(archive))
    path.write_text(path.read_text() + "Kestrel: And that is all.\n")
    assert "dropped" not in run("ingest").output


def test_a_correction_on_repeated_text_stays_with_its_own_turn(project):
    write_tree(project, {
        "archive.yml": TREE["archive.yml"],
        "transcripts/study/collection.yml": "title: Fictional study\n",
        "transcripts/study/talk.txt": "Q: Is the caseload high?\nKestrel: Yes, far too high.\n"
                                      "Q: And the targets?\nKestrel: Yes, far too high.\n",
    })
    run("ingest")
    second = [q for q in export_jsonl(project / "archive.db") if q["text"] == "Yes, far too high."][1]
    run("tag", second["id"], "+performance_targets")
    path = project / "transcripts/study/talk.txt"
    path.write_text("Q: Ready?\nKestrel: Ready.\n" + path.read_text())
    assert "dropped" not in run("ingest").output
    repeated = [q for q in export_jsonl(project / "archive.db") if q["text"] == "Yes, far too high."]
    assert ["performance_targets" in q["themes"] for q in repeated] == [False, True]
    # Said once now: which one is left cannot be told, so the correction goes, with a note.
    path.write_text(path.read_text().replace("Q: And the targets?\nKestrel: Yes, far too high.\n", ""))
    assert "(+performance_targets) was dropped" in run("ingest").output
    assert not any("performance_targets" in q["themes"] for q in export_jsonl(project / "archive.db"))


def test_a_correction_survives_a_small_edit_of_its_quote(archive, project):
    # As when a redaction fix replaces a word: the quote is still the one the coder read.
    quote = next(q for q in export_jsonl(archive) if "waiting list" in q["text"])
    run("tag", quote["id"], "+solidarity", "--db", archive)
    path = project / "transcripts/study/talk-01.txt"
    path.write_text(path.read_text().replace("eighteen months", "[redacted] months"))
    report = run("ingest").output
    after = next(q for q in export_jsonl(archive) if q["id"] == quote["id"])
    assert "[redacted] months" in after["text"] and "solidarity" in after["themes"]
    assert "dropped" not in report


def test_corrections_made_before_schema_3_keep_applying(archive, project):
    import sqlite3

    from archive import store

    quote = next(q for q in export_jsonl(archive) if "rained" in q["text"])
    run("tag", quote["id"], "+solidarity", "--db", archive)
    con = sqlite3.connect(archive)
    with con:  # as schema 2 kept them: no source, no key of the text
        con.execute("alter table theme_corrections drop column source")
        con.execute("alter table theme_corrections drop column text_key")
        con.execute("alter table themes drop column position")
        # and one made on a quote the archive no longer holds
        con.execute("insert into theme_corrections values ('talk-01-099', 'workload', '+', '2024-01-01')")
        con.execute("update archive_meta set value = '2' where key = 'schema_version'")
    store.open_db(archive).close()
    assert con.execute("select quote, source, text_key is not null from theme_corrections order by quote"
                       ).fetchall() == [(quote["id"], "talk-01", 1), ("talk-01-099", "talk-01", 0)]
    assert "position" in {row[1] for row in con.execute("pragma table_info(themes)")}
    path = project / "transcripts/study/talk-01.txt"
    path.write_text(path.read_text() + "Kestrel: One more thing.\n")
    report = run("ingest").output
    assert "solidarity" in next(q for q in export_jsonl(archive) if q["id"] == quote["id"])["themes"]
    assert "(+workload) was dropped" in report and "(then talk-01-099)" in report


def test_a_codebook_named_in_archive_yml_must_exist(archive, project):
    before = export_jsonl(archive)
    (project / "archive.yml").write_text(TREE["archive.yml"] + "codebook: project-codes.ym\n")
    result = run("ingest", expect=1)
    assert "'codebook: project-codes.ym' names a file that does not exist" in result.output
    assert export_jsonl(archive) == before  # nothing re-tagged with another codebook
    assert "does not exist" in run("themes", "evaluate", project / "archive.yml", expect=1).output


def test_a_hosts_turns_are_not_coded(project):
    write_tree(project, {
        "archive.yml": TREE["archive.yml"],
        "transcripts/pods/collection.yml": "title: Fictional podcast\nkind: podcast\n",
        "transcripts/pods/ep1.txt": "Wren Talbot: Welcome. Today: zero-hours contracts and the union.\n"
                                    "Guest: I'm on a zero-hours contract and there's no sick pay.\n",
        "transcripts/pods/ep1.txt.yml": "speakers:\n  Wren Talbot: Guest host, Fictional podcast\n"
                                        "public_names: [Wren Talbot]\n",
    })
    run("ingest")
    host, guest = export_jsonl(project / "archive.db")
    assert host["speaker"] == "Guest host, Fictional podcast" and host["themes"] == []
    assert "precarity" in guest["themes"]


def test_themes_follow_the_codebook_and_removed_ones_keep_their_corrections(archive, project):
    from ingest.themes import DEFAULT_CODEBOOK

    quote = export_jsonl(archive)[1]["id"]
    run("tag", quote, "+welfare_reform", "--db", archive)
    # The project's codebook: the packaged one with welfare_reform removed and the order reversed.
    import yaml

    data = yaml.safe_load(DEFAULT_CODEBOOK.read_text(encoding="utf-8"))
    data["themes"] = [t for t in reversed(data["themes"]) if t["id"] != "welfare_reform"]
    (project / "codebook.yml").write_text(yaml.safe_dump(data), encoding="utf-8")
    run("ingest")
    result = run("themes", "--db", archive)
    listed = [ln.split()[0] for ln in result.stdout.splitlines() if ln[:1].strip()]
    assert listed == [t["id"] for t in data["themes"]]
    assert "welfare_reform (1)" in result.stderr  # kept, and said so
    assert "welfare_reform" not in export_jsonl(archive)[1]["themes"]
    result = run("tag", quote, "+welfare_reform", "--db", archive, expect=2)
    assert "no longer in the codebook" in result.output  # not added back by hand
    run("tag", quote, "-welfare_reform", "--db", archive)  # but it can still be undone


def test_tag_refuses_to_add_and_remove_one_theme(archive):
    quote = export_jsonl(archive)[0]["id"]
    result = run("tag", quote, "+workload", "-workload", "--db", archive, expect=2)
    assert "'workload' is given twice" in result.output
    assert [q["id"] for q in export_jsonl(archive, "--theme", "PRECARITY")] == [  # any case, as search
        q["id"] for q in export_jsonl(archive) if "precarity" in q["themes"]]


def test_tag_refuses_unknown_quotes_and_themes(archive):
    quote = export_jsonl(archive)[0]["id"]
    assert "no quote 'nope-999'" in run("tag", "nope-999", "+precarity", "--db", archive, expect=1).output
    result = run("tag", quote, "+pottery", "--db", archive, expect=2)
    assert "no theme 'pottery'" in result.output and "did you mean" not in result.output
    result = run("tag", quote, "+precarty", "--db", archive, expect=2)
    assert "no theme 'precarty' in the archive; did you mean 'precarity'?" in result.output
    result = run("tag", quote, "precarity", "--db", archive, expect=2)
    assert "+THEME" in result.output


def test_evaluate_prints_the_figures(tmp_path, project):
    gold = tmp_path / "gold.jsonl"
    rows = [
        {"doc": "a", "text": "They cut my hours and I have a fixed-term contract.", "themes": ["precarity"]},
        {"doc": "a", "text": "The union branch organised a petition.", "themes": ["solidarity"]},
        {"doc": "b", "text": "We talked about the weather.", "themes": []},
        {"doc": "b", "text": "My caseload is huge.", "themes": ["workload", "precarity"]},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    output = run("themes", "evaluate", gold).output
    assert "macro F1" in output and "micro" in output
    precarity = next(ln for ln in output.splitlines() if ln.startswith("precarity")).split()
    assert precarity[1:5] == ["1.000", "0.500", "0.667", "2"]  # precision, recall, F1, support

    figures = json.loads(run("themes", "evaluate", gold, "--json").stdout)
    assert figures["themes"]["solidarity"]["f1"] == 1.0
    assert figures["units"] == 4


def test_an_export_whose_themes_a_coder_checked_is_gold(archive, tmp_path):
    # The coder corrects one quote in the exported file; evaluate reads it as gold.
    quotes = export_jsonl(archive)
    checked = [dict(q, themes=[t for t in q["themes"] if t != "precarity"]) if "zero-hours" in q["text"]
               else q for q in quotes]
    gold = tmp_path / "checked.jsonl"
    gold.write_text("".join(json.dumps(q) + "\n" for q in checked), encoding="utf-8")
    figures = json.loads(run("themes", "evaluate", gold, "--json").stdout)
    assert figures["units"] == len(quotes)
    assert figures["themes"]["precarity"]["precision"] < 1.0  # the tagger still says precarity
    assert figures["themes"]["patient_care"]["f1"] == 1.0
    # Its documents are the export's sources, as training needs them.
    assert {u.doc for u in read_gold(gold)} == {q["source"] for q in quotes} != {""}


def test_evaluate_names_the_line_of_a_broken_gold_file(tmp_path, project):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"text": "fine", "themes": []}\nnot json\n', encoding="utf-8")
    result = run("themes", "evaluate", gold, expect=1)
    assert f"{gold}, line 2" in result.output


def test_dev_corpus_quotes_carry_themes(dev_archive):
    db, quotes = dev_archive
    tagged = [q for q in quotes if q["themes"]]
    assert len(tagged) > len(quotes) / 4
    seen = {t for q in tagged for t in q["themes"]}
    assert len(seen) == 10
    assert all(set(q["theme_scores"]) == set(q["themes"]) for q in tagged)


def test_tag_on_an_interviewers_turn_is_refused_in_one_sentence_not_a_usage_error(project):
    """The command was typed right: the quote is the problem, so no 'Usage:' help and exit 1."""
    write_tree(project / "t", {"study/one.txt": "Interviewer: How is the caseload?\n\n"
                                                "Robin: Forty clients, far too many.\n"})
    run("ingest", "t", "--db", project / "a.db")
    result = run("tag", "one-001", "+workload", "--db", project / "a.db", expect=1)
    assert result.output.strip().startswith("Error: quote 'one-001' is a turn of")
    assert "Usage:" not in result.output


CONTEXT_TREE = dict(TREE, **{"transcripts/study/talk-01.txt": """\
        Interviewer: Has your caseload doubled, with unpaid overtime every evening?
        Kestrel: I think about it constantly.
        Interviewer: Anything else?
        Kestrel: It rained on Thursday.
    """})


def test_evaluate_on_the_archives_own_export_finds_the_tags_ingest_gave(project, tmp_path):
    # Ingest tags an answer in the light of the question asked; evaluate must read it the
    # same way, or the archive's own export scores below the tagger as it runs.
    write_tree(project, CONTEXT_TREE)
    run("ingest")
    quotes = export_jsonl(project / "archive.db")
    assert next(q for q in quotes if q["text"].startswith("I think"))["themes"] == ["workload"]
    gold = tmp_path / "own.jsonl"
    gold.write_text("".join(json.dumps(q) + "\n" for q in quotes), encoding="utf-8")
    figures = json.loads(run("themes", "evaluate", gold, "--json").stdout)
    assert figures["micro_f1"] == figures["macro_f1"] == 1.0, figures
