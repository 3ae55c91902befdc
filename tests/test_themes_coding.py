"""The trained tagger and assisted coding: queue, train, retag, hand codes and roles."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import export_jsonl, run, write_tree
from ingest.themes import ThemeStage
from ingest.themes.trained import PACKAGED_MODEL, TaggerModel
import test_themes  # noqa: F401  registers the test_themes_trust stage (fictional text, no NER)

TREE = {
    "archive.yml": "pipeline:\n  redact: test_themes_trust\n",
    "transcripts/study/collection.yml": "title: Fictional study\nkind: interview\n",
    "transcripts/study/talk-01.txt": """\
        Interviewer: How is work at the moment?
        Kestrel: I'm on a zero-hours contract and there's no sick pay at all.
        Interviewer: And the service itself?
        Kestrel: The waiting list is eighteen months, people are discharged after six sessions.
        Interviewer: Anything else?
        Kestrel: We planted tomatoes in the allotment and the courgettes came up well.
        Researcher: Thank you, that's everything.
    """,
    "transcripts/study/talk-02.txt": """\
        Q: What would help?
        Wren: Honestly a union rep who answers the phone, and colleagues who back each other up.
        Q: Anything about the garden?
        Wren: The allotment tomatoes were lovely this year, and the beans.
        Q: And your manager?
        Wren: She ticks boxes for the commissioners and shouts at anyone who asks why.
    """,
}


@pytest.fixture
def archive(project):
    write_tree(project, TREE)
    run("ingest")
    return project / "archive.db"


def queue(db, limit=10):
    return json.loads(run("themes", "queue", "--db", db, "--limit", limit, "--json").stdout)


def quote_with(db, words):
    return next(q for q in export_jsonl(db) if words in q["text"])


@pytest.fixture(scope="module")
def stage():
    return ThemeStage()


def test_the_packaged_model_scores_with_calibrated_probabilities(stage):
    model = TaggerModel.load(PACKAGED_MODEL)
    assert model.themes == stage.codebook.ids and stage.model is not None
    docs, scores = stage.score_texts(["I'm on a zero-hours contract with no sick pay and no pension.",
                                      "We walked the dog along the canal."])
    assert ((scores >= 0) & (scores <= 1)).all()
    precarity = stage.codebook.ids.index("precarity")
    assert scores[0, precarity] > 0.5 > scores[1, precarity]
    [tags, none] = stage.tag_texts(["I'm on a zero-hours contract with no sick pay and no pension.",
                                    "We walked the dog along the canal."])
    assert none == []
    tag = next(t for t in tags if t.theme == "precarity")
    assert "zero-hours" in tag.evidence  # the cues stay what readers are shown


def test_the_question_before_an_answer_informs_its_themes(stage):
    answer = "It has got much worse since then, honestly."
    j = stage.codebook.ids.index("precarity")
    _, alone = stage.score_texts([answer], [""])
    _, asked = stage.score_texts([answer], ["What are your pay and contract like: permanent, "
                                            "fixed-term or zero hours?"])
    assert asked[0, j] > alone[0, j]


@pytest.mark.parametrize("names, coded", [
    (["Q"], False), (["Interviewer"], False), (["Researcher"], False), (["Researcher 2"], False),
    (["Kestrel", "Podcast host"], False), (["Wren", "Host of the Surviving Work podcast"], False),
    (["Rona", "Rona Fenwick, host"], False), (["Guest host, Surviving Work podcast"], False),
    (["Focus group facilitator"], False), (["Lead interviewer"], False),
    (["Kestrel", "Participant 2"], True), (["Respondent, counsellor"], True),
    (["Support worker and union member at a charity"], True), (["Mental-health nurse, formerly agency"], True),
    (["Wren", "Psychological wellbeing practitioner"], True),
])
def test_interviewers_and_hosts_are_known_by_their_role(stage, names, coded):
    assert stage.is_coded(names) is coded


def test_queue_lists_undecided_participant_quotes_least_sure_first(archive, stage):
    items = queue(archive)
    ids = [i["id"] for i in items]
    texts = " ".join(i["text"] for i in items)
    assert len(items) == 6  # the participants' six answers; no question, no researcher's thanks
    assert "How is work" not in texts and "Thank you" not in texts
    for item in items:
        assert set(item["scores"]) == set(stage.codebook.ids)
        assert all(0 <= s <= 1 for s in item["scores"].values())
    margins = [min(abs(s - t) for s, t in zip(i["scores"].values(), stage.thresholds)) for i in items]
    assert margins[0] <= max(margins)
    for item in items:  # the suggested themes are those at their threshold, surest first
        assert item["suggested"] == sorted(
            (t for t, th in zip(stage.codebook.ids, stage.thresholds) if item["scores"][t] >= th),
            key=lambda t: -item["scores"][t])

    # A decided quote leaves the queue; one listed and left undecided goes to the back.
    run("tag", ids[0], "+precarity", "--db", archive)
    again = [i["id"] for i in queue(archive, limit=6)]
    assert ids[0] not in again
    first = queue(archive, limit=1)[0]["id"]
    second = queue(archive, limit=1)[0]["id"]
    assert first != second

    text = run("themes", "queue", "--db", archive, "--limit", 2).output
    assert "suggested:" in text


def test_train_learns_this_archives_hand_codes_and_retag_applies_them(project):
    # A project's own codebook: the packaged coding cannot help, its hand codes must.
    codebook = """\
        uncoded_speakers: [interviewer, q, researcher]
        weights: {strong: 0.8, weak: 0.35}
        threshold: 0.5
        themes:
          - id: growing
            label: Growing food
            description: Gardens, allotments, vegetables.
            strong: [greenhouse]
          - id: work
            label: Work
            description: Jobs and contracts.
            strong: [contract]
    """
    write_tree(project, {**TREE, "codebook.yml": codebook,
                         "archive.yml": "pipeline:\n  redact: test_themes_trust\ncodebook: codebook.yml\n",
                         "transcripts/study/talk-03.txt": """\
                             Q: And outside work?
                             Linnet: My runner beans and tomatoes at the allotment keep me sane.
                             Q: Anything else?
                             Linnet: The rota changes every week and nobody tells us why.
                         """})
    run("ingest")
    db = project / "archive.db"
    tomatoes = quote_with(db, "planted tomatoes")
    assert "growing" not in tomatoes["themes"]  # no cue of it in the words
    run("tag", tomatoes["id"], "+growing", "-work", "--db", db)
    run("tag", quote_with(db, "runner beans")["id"], "+growing", "--db", db)
    run("tag", quote_with(db, "rota changes")["id"], "-growing", "--db", db)
    run("tag", quote_with(db, "waiting list")["id"], "-growing", "--db", db)
    run("tag", quote_with(db, "union rep")["id"], "-growing", "--db", db)
    run("tag", quote_with(db, "zero-hours")["id"], "+work", "-growing", "--db", db)

    result = run("themes", "train", "--db", db)
    assert "6 coded by hand" in result.output
    assert (project / "tagger_model.npz").exists()
    shutil.rmtree(project / "transcripts")  # retag reads the archive, never the sources
    assert "re-tagged" in run("themes", "retag", "--db", db).output

    after = {q["id"]: q for q in export_jsonl(db)}
    garden = quote_with(db, "allotment tomatoes were lovely")  # never decided: learnt
    assert "growing" in garden["themes"]
    assert garden["theme_evidence"]["growing"] == ["learnt from coded quotes"]
    assert 0 < garden["theme_scores"]["growing"] < 1
    assert "growing" in after[tomatoes["id"]]["themes"]  # hand codes win
    assert "work" not in after[tomatoes["id"]]["themes"]
    assert "growing" not in quote_with(db, "waiting list")["themes"]


def test_train_with_the_packaged_codebook_joins_the_shipped_units(archive):
    run("tag", quote_with(archive, "allotment")["id"], "+solidarity", "--db", archive)
    result = run("themes", "train", "--db", archive)
    assert "1 coded by hand" in result.output
    model = TaggerModel.load(archive.parent / "tagger_model.npz")
    assert model.info["units"] > 1000 and model.info["hand_coded"] == 1


def test_hand_added_theme_keeps_the_taggers_evidence(archive):
    quote = quote_with(archive, "zero-hours")
    assert "zero-hours" in quote["theme_evidence"]["precarity"]
    run("tag", quote["id"], "+precarity", "--db", archive)
    kept = quote_with(archive, "zero-hours")
    assert "zero-hours" in kept["theme_evidence"]["precarity"]
    run("themes", "retag", "--db", archive)
    assert "zero-hours" in quote_with(archive, "zero-hours")["theme_evidence"]["precarity"]


def test_queue_train_and_retag_need_an_archive(project):
    for command in (["themes", "queue"], ["themes", "train"], ["themes", "retag"]):
        result = run(*command, "--db", project / "none.db", expect=1)
        assert "No archive at" in result.output


def test_fit_calibrates_and_chooses_a_threshold_per_theme_by_document(stage):
    """The recipe the packaged tagger was built with, on fictional units from six documents."""
    from ingest.themes.build import training_set
    from ingest.themes.trained import fit

    pay = ["my contract is zero hours and the pay is low", "fixed term again, no sick pay",
           "sessional work, paid by the hour, no pension"]
    other = ["we walked the dog by the river", "the canteen soup was cold", "it rained all week"]
    units = [{"doc": f"doc-{i % 6}", "text": f"{text} ({i})", "context": "",
              "themes": ["precarity"] if text in pay else []}
             for i, text in enumerate((pay + other) * 20)]
    model, held_out = fit(training_set(stage, units))
    j = stage.codebook.ids.index("precarity")
    assert held_out.shape == (120, len(stage.codebook.ids))
    assert held_out[:, j][[u["themes"] == ["precarity"] for u in units]].min() > model.thresholds[j]
    assert held_out[:, j][[u["themes"] == [] for u in units]].max() < model.thresholds[j]
    assert model.platt[j, 0] > 0  # calibration keeps the order of the scores


def test_a_source_with_no_participant_turn_is_tagged_with_nothing(stage):
    assert stage.tag_texts([], []) == []


def test_a_retrained_theme_model_is_not_taken_for_a_change_of_redaction(archive):
    """After `themes train` and `retag` the quotes hold the new model's themes and their
    redaction is as it was: no command says the sources need ingesting again."""
    quote = quote_with(archive, "zero-hours")["id"]
    run("tag", quote, "+workload", "--db", archive)
    run("themes", "train", "--db", archive)
    assert (archive.parent / "tagger_model.npz").exists()
    run("themes", "retag", "--db", archive)
    assert "other settings" not in run("export", "--db", archive, "--format", "jsonl").stderr
    (archive.parent / "archive.yml").write_text("pipeline:\n  redact: test_themes_trust\nredact: [allotment]\n")
    changed = run("export", "--db", archive, "--format", "jsonl", expect=None)  # a change of redaction
    assert "other settings" in changed.stderr


GARDEN = {
    "transcripts/study/talk-03.txt": """\
        Q: And outside work?
        Linnet: My runner beans and tomatoes at the allotment keep me sane.
        Q: Anything else?
        Linnet: The rota changes every week and nobody tells us why.
        Q: And at weekends?
        Linnet: Weeding the allotment with my neighbour, we swap seedlings and marrows.
    """,
    "transcripts/study/talk-04.txt": """\
        Q: What keeps you going?
        Plover: The community allotment, sharing courgettes and compost with the other plot holders.
        Q: And the job?
        Plover: Too many forms, and the targets change every quarter.
        Q: Anything else?
        Plover: Digging potatoes at the allotment on Sunday, the whole row of plots helps each other.
    """,
}


def test_a_coders_decisions_on_one_kind_of_quote_change_the_suggestions_for_similar_ones(project):
    """This collection codes its allotment talk as solidarity, as the packaged coding never
    did: after a handful of such decisions, retraining carries it to the allotment quotes
    not yet decided, and not to the others."""
    write_tree(project, {**TREE, **GARDEN})
    run("ingest")
    db = project / "archive.db"
    unseen = quote_with(db, "community allotment")
    assert "solidarity" not in unseen["themes"]
    for words in ("planted tomatoes", "allotment tomatoes were lovely", "runner beans", "Weeding the allotment"):
        run("tag", quote_with(db, words)["id"], "+solidarity", "--db", db)
    for words in ("waiting list", "rota changes"):
        run("tag", quote_with(db, words)["id"], "-solidarity", "--db", db)
    run("themes", "train", "--db", db)
    run("themes", "retag", "--db", db)
    assert "solidarity" in quote_with(db, "community allotment")["themes"]
    assert "solidarity" in quote_with(db, "Digging potatoes")["themes"]
    assert "solidarity" not in quote_with(db, "Too many forms")["themes"]
    assert "solidarity" not in quote_with(db, "shouts at anyone")["themes"]


def test_retraining_on_the_same_decisions_gives_the_same_model(archive):
    run("tag", quote_with(archive, "allotment")["id"], "+solidarity", "--db", archive)
    run("tag", quote_with(archive, "waiting list")["id"], "+patient_care", "-precarity", "--db", archive)
    models = []
    for _ in range(2):
        run("themes", "train", "--db", archive)
        models.append(TaggerModel.load(archive.parent / "tagger_model.npz"))
    assert (models[0].coef == models[1].coef).all()
    assert (models[0].intercept == models[1].intercept).all()


def test_the_queue_shows_a_score_for_every_suggested_theme_and_marks_a_cut_text(project, monkeypatch):
    # It showed the three highest scores beside the suggested themes, so a theme suggested
    # fourth (or one under a theme scored higher but not suggested) had no score shown; and it
    # cut a long quote at 300 characters mid-word, with no mark that the text goes on.
    from archive.core import Archive

    long_text = "The rota changed again this week and nobody asked us first. " * 6
    item = {"id": "talk-01-004", "source": "talk-01", "text": long_text, "context": "",
            "scores": {"workload": 0.98, "performance_targets": 0.86, "solidarity": 0.40,
                       "digitalisation": 0.23, "management_culture": 0.12, "precarity": 0.05},
            "suggested": ["workload", "performance_targets", "digitalisation", "management_culture"]}
    monkeypatch.setattr(Archive, "queue", lambda self, limit: [item])
    write_tree(project, {"archive.yml": "max_words: 150\n"})
    head, text = run("themes", "queue").output.splitlines()[:2]
    for theme in item["suggested"]:
        assert f"{theme} {item['scores'][theme]:.2f}" in head, theme
    assert "solidarity 0.40" in head.split("near misses:")[1]  # scored higher, not suggested
    assert text.endswith("…") and len(text) <= 305
    assert text[2:-1].rstrip() == long_text[:len(text[2:-1].rstrip())]  # cut between words
    assert long_text[len(text[2:-1].rstrip())] == " "
