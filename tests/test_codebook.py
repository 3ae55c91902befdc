"""Loading a codebook: every mistake is one sentence naming the file and the line.

Each codebook below marks the line its error must name with ``# here``.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ingest.themes import CodebookError, load_codebook

THEME = "themes:\n  - id: ok\n    label: Fine\n"


def write(tmp_path, text):
    path = tmp_path / "codebook.yml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def error_of(tmp_path, text) -> str:
    """The loading error after its file and line, checking that it names the marked line."""
    path = write(tmp_path, text)
    [line] = [n for n, row in enumerate(path.read_text().splitlines(), 1) if "# here" in row]
    with pytest.raises(CodebookError) as error:
        load_codebook(path)
    message = str(error.value)
    assert "\n" not in message
    prefix = f"{path}, line {line}: "
    assert message.startswith(prefix), message
    return message.removeprefix(prefix)


# 1. label and description are text

@pytest.mark.parametrize("value, words", [
    ("[a, b]", "'label:' must be text, not a list"),
    ("{a: 1}", "'label:' must be text, not a mapping"),
    ("2020", "'label:' must be text, not 2020; put it in quotes"),
    ("yes", "'label:' must be text, but YAML reads it as true/false; put it in quotes"),
])
def test_a_label_must_be_text(tmp_path, value, words):
    message = error_of(tmp_path, f"""
        themes:
          - id: ok
            label: {value}  # here
    """)
    assert words in message and "__line__" not in message


def test_a_description_must_be_text(tmp_path):
    message = error_of(tmp_path, THEME + "    description: {a: 1}  # here\n")
    assert message == "theme 'ok': 'description:' must be text, not a mapping."


# 2. cues

def test_a_yes_no_cue_must_be_quoted(tmp_path):
    message = error_of(tmp_path, THEME + "    strong:\n      - fine\n      - yes  # here\n")
    assert message == ("theme 'ok': a 'strong:' cue must be a phrase, but YAML reads it as "
                       "true/false; put it in quotes.")


@pytest.mark.parametrize("cue", ['"-"', '"*"', '"..."', '"- ..."', '"–"'])
def test_a_cue_of_punctuation_alone_is_refused(tmp_path, cue):
    message = error_of(tmp_path, THEME + f"    weak:\n      - fine\n      - {cue}  # here\n")
    assert "'weak:' cue" in message and "has no letter, digit or sign" in message


@pytest.mark.parametrize("cue", ['""', '"   "', ""])
def test_an_empty_cue_is_named_at_its_own_line(tmp_path, cue):
    message = error_of(tmp_path, THEME + f"    strong:\n      - fine\n      - {cue}  # here\n"
                                        "      - also fine\n")
    assert message == "theme 'ok': a 'strong:' cue is empty."


def test_numbers_and_signs_are_fair_cues(tmp_path):
    path = write(tmp_path, THEME + '    strong: [50, "%", "£", "zero - hours", "contract*", '
                                  '"no ... union"]\n')
    [theme] = load_codebook(path).themes
    assert theme.strong == ["50", "%", "£", "zero - hours", "contract*", "no ... union"]


# 3. unknown keys

def test_an_unknown_top_level_key_is_refused(tmp_path):
    message = error_of(tmp_path, "threshhold: 0.4  # here\n" + THEME)
    assert message == ("the codebook has unknown key(s) threshhold; did you mean 'threshold'? "
                       "expected uncoded_speakers, weights, threshold, themes.")


def test_an_unknown_weight_is_refused(tmp_path):
    message = error_of(tmp_path, "weights:\n  strong: 0.8\n  medium: 0.5  # here\n" + THEME)
    assert message == "'weights:' has unknown key(s) medium; expected strong, weak."


def test_a_misspelt_themes_key_is_named_and_a_missing_one_said_plainly(tmp_path):
    assert "unknown key(s) theme;" in error_of(tmp_path, THEME.replace("themes:", "theme:  # here"))
    assert error_of(tmp_path, "threshold: 0.5  # here\n") == "the codebook has no 'themes:' list."


# 4. duplicated keys

@pytest.mark.parametrize("text, key", [
    ("threshold: 0.5\nthreshold: 0.6  # here\n" + THEME, "threshold"),
    ("weights:\n  weak: 0.3\n  weak: 0.4  # here\n" + THEME, "weak"),
    (THEME + "    label: Again  # here\n", "label"),
    (THEME + "    strong: [a]\n    weak: [b]\n    strong: [c]  # here\n", "strong"),
])
def test_a_key_given_twice_is_refused_at_the_second(tmp_path, text, key):
    message = error_of(tmp_path, text)
    assert message.startswith(f"'{key}:' appears twice") and "(first on line" in message


# 5. the line named is the setting's, and a missing id is said plainly

@pytest.mark.parametrize("text, words", [
    ("uncoded_speakers: [int]\nthreshold: 2  # here\n" + THEME, "'threshold' must be a number"),
    ("uncoded_speakers: [int]\nthreshold:  # here\n" + THEME, "(got None)"),
    ("threshold: 0.5\nweights: 0.5  # here\n" + THEME, "'weights:' must map"),
    ("weights:\n  strong: 0.8\n  weak: 2  # here\n" + THEME, "'weights: weak' must be a number"),
    ("threshold: 0.5\nuncoded_speakers: int  # here\n" + THEME, "'uncoded_speakers:' must be"),
    ("threshold: 0.5\nthemes: []  # here\n", "has no themes"),
])
def test_settings_errors_name_the_settings_line(tmp_path, text, words):
    assert words in error_of(tmp_path, text)


def test_a_theme_without_an_id_says_so(tmp_path):
    message = error_of(tmp_path, THEME + "  - label: Nameless  # here\n")
    assert message == "theme 2 has no 'id'."


def test_a_cue_listed_twice_in_a_theme_is_refused(tmp_path):
    path = tmp_path / "codebook.yml"
    path.write_text("themes:\n  - id: pay\n    strong: [zero hours]\n    weak:\n"
                    "      - wages\n      - Zero Hours\n", encoding="utf-8")
    with pytest.raises(CodebookError) as error:
        load_codebook(path)
    assert f"{path}, line 6:" in str(error.value) and "already listed (line 3)" in str(error.value)


def test_the_documented_codebook_is_the_packaged_one():
    """docs/themes.md, which a user who clones the project reads, lists exactly the
    packaged codebook's themes, each with its label."""
    import re

    import yaml

    root = Path(__file__).resolve().parents[1]
    packaged = yaml.safe_load((root / "ingest" / "themes" / "codebook.yml").read_text(encoding="utf-8"))
    documented = dict(re.findall(r"^\| `([a-z_]+)` \| ([^|]+?) \|", (root / "docs" / "themes.md").read_text(
        encoding="utf-8"), re.M))
    assert documented == {t["id"]: t["label"] for t in packaged["themes"]}
