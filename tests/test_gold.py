"""The gold file evaluate reads, and the figures it reports (macro F1 over themes with an F1)."""

from __future__ import annotations

import json

import pytest

from conftest import run, write_tree
from ingest.themes.evaluate import Counts, GoldError, Scores, read_gold, score

THEMES = ["precarity", "solidarity", "workload"]

# A small codebook of its own, so these tests do not move with the packaged one.
CODEBOOK = """\
    threshold: 0.5
    themes:
      - id: precarity
        label: Precarity
        description: Insecure work.
        strong: [fixed-term contract, zero hours]
      - id: solidarity
        label: Solidarity
        description: Standing together.
        strong: [union branch, petition]
      - id: workload
        label: Workload
        description: Too much work.
        strong: [caseload, overtime]
"""


@pytest.fixture
def evaluate(project):
    """``archive themes evaluate GOLD [args]`` with the small codebook."""
    codebook = write_tree(project, {"codebook.yml": CODEBOOK}) / "codebook.yml"
    return lambda gold, *args, expect=0: run("themes", "evaluate", gold, "--codebook", codebook,
                                             *args, expect=expect)


def write_gold(path, rows) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_a_gold_file_that_is_not_utf8_is_refused_in_one_sentence(tmp_path, evaluate):
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(b'{"text": "fine", "themes": []}\n'
                     + '{"text": "caf\u00e9 workers", "themes": []}\n'.encode("latin-1"))
    result = evaluate(gold, expect=1)
    assert "Traceback" not in result.output
    assert result.output.startswith(f"Error: {gold}, line 2: the gold file is not UTF-8 text")
    assert len(result.output.strip().splitlines()) == 1


def test_a_utf8_bom_and_raw_line_separators_in_texts_are_read(tmp_path):
    # `archive export` writes non-ASCII raw, U+2028 and U+0085 included: they are not line ends.
    gold = tmp_path / "gold.jsonl"
    write_gold(gold, [{"doc": "a", "text": "one\u2028two\x85three", "themes": ["precarity"]}])
    gold.write_bytes(b"\xef\xbb\xbf" + gold.read_bytes())
    [unit] = read_gold(gold)
    assert unit.text == "one\u2028two\x85three" and unit.themes == {"precarity"}


def test_themes_as_a_string_is_refused_naming_the_line(tmp_path, evaluate):
    gold = tmp_path / "gold.jsonl"
    write_gold(gold, [{"text": "fine", "themes": []}, {"text": "My contract ends.", "themes": "precarity"}])
    result = evaluate(gold, expect=1)
    assert f"{gold}, line 2: 'themes' must be a list of theme ids" in result.output
    assert '"precarity"' in result.output


@pytest.mark.parametrize("row", [
    {"text": "no themes key"},
    {"themes": ["precarity"]},
    {"text": None, "themes": []},
    {"text": 42, "themes": []},
    {"text": "themes not strings", "themes": [1, 2]},
    {"text": "an empty theme id", "themes": [""]},
    ["text", "themes"],
])
def test_a_line_that_is_not_a_gold_unit_is_refused_naming_it(tmp_path, evaluate, row):
    gold = tmp_path / "gold.jsonl"
    write_gold(gold, [{"text": "fine", "themes": ["precarity"]}, row])
    result = evaluate(gold, expect=1)
    assert result.output.startswith(f"Error: {gold}, line 2: ")
    assert "Traceback" not in result.output
    with pytest.raises(GoldError, match="line 2"):
        read_gold(gold)


def test_an_empty_list_of_themes_is_a_text_coded_with_no_theme(tmp_path):
    gold = tmp_path / "gold.jsonl"
    write_gold(gold, [{"source": "a", "text": "We talked about the weather.", "themes": []}])
    [unit] = read_gold(gold)
    assert unit.themes == set() and unit.doc == "a"


def test_themes_neither_in_the_gold_nor_tagged_are_left_out_of_macro_f1(tmp_path, evaluate):
    # One perfectly tagged unit: the two unused themes used to make macro F1 0.333 (0.100
    # with the packaged codebook's ten themes).
    gold = tmp_path / "gold.jsonl"
    write_gold(gold, [{"doc": "a", "text": "They cut my hours and I have a fixed-term contract.",
                       "themes": ["precarity"]}])
    figures = json.loads(evaluate(gold, "--json").stdout)
    assert figures["micro_f1"] == 1.0 and figures["macro_f1"] == 1.0
    assert figures["themes"]["precarity"]["f1"] == 1.0
    assert figures["themes"]["solidarity"] == {"precision": None, "recall": None, "f1": None,
                                               "support": 0}

    output = evaluate(gold).output
    solidarity = next(ln for ln in output.splitlines() if ln.startswith("solidarity")).split()
    assert solidarity[1:] == ["n/a", "n/a", "n/a", "0"]
    assert next(ln for ln in output.splitlines() if ln.startswith("macro F1")).split()[-1] == "1.000"
    left_out = next(ln for ln in output.splitlines() if ln.startswith("not in the gold"))
    assert "left out of macro F1" in left_out and "solidarity" in left_out
    assert "precarity" not in left_out


def test_a_theme_tagged_but_not_in_the_gold_counts_against_macro_f1():
    # Predicting a theme the coder never gave is a real error: precision 0, F1 0, kept.
    scores = score([{"precarity"}, set()], [{"precarity"}, {"solidarity"}], THEMES)
    assert scores.themes["solidarity"].defined and scores.themes["solidarity"].f1 == 0.0
    assert scores.undefined == ["workload"]
    assert scores.macro_f1 == pytest.approx(0.5)
    assert scores.as_dict()["themes"]["solidarity"]["f1"] == 0.0
    table = scores.table()
    assert "left out of macro F1: workload" in table
    assert "macro F1" in table and "0.500" in table


def test_a_theme_in_the_gold_never_found_counts_against_macro_f1():
    scores = score([{"precarity"}, {"workload"}], [{"precarity"}, set()], THEMES)
    assert scores.themes["workload"].defined and scores.themes["workload"].f1 == 0.0
    assert scores.macro_f1 == pytest.approx(0.5)


def test_no_theme_with_an_f1_gives_no_macro_figure():
    scores = score([set()], [set()], THEMES)
    assert scores.undefined == THEMES
    assert scores.as_dict()["macro_f1"] is None
    assert next(ln for ln in scores.table().splitlines() if ln.startswith("macro F1")).split()[-1] == "n/a"


def test_counts_defined():
    assert not Counts().defined
    assert Counts(fp=1).defined and Counts(fn=1).defined and Counts(tp=1).defined
    assert Scores().macro_f1 == 0.0
