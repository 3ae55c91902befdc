"""The codebook: the themes a project tags quotes with, and the cues for each.

A YAML file (see the packaged ``codebook.yml`` for the format). Loading checks
it fully, so a mistake surfaces as one sentence naming the file and line
rather than as a wrong tag much later.
"""

from __future__ import annotations

from ingest.model import PipelineError

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DEFAULT_CODEBOOK = Path(__file__).with_name("codebook.yml")
THEME_ID = re.compile(r"^[a-z][a-z0-9_]*$")
DEFAULT_WEIGHTS = {"strong": 0.8, "weak": 0.35}
DEFAULT_THRESHOLD = 0.5


class CodebookError(PipelineError):  # stops `archive ingest` with one line
    pass


@dataclass
class Theme:
    id: str
    label: str
    description: str
    strong: list[str] = field(default_factory=list)
    weak: list[str] = field(default_factory=list)
    line: int = 0  # where the theme starts in its file, for error messages

    def as_row(self) -> dict:
        return {"id": self.id, "label": self.label, "description": self.description}


@dataclass
class Codebook:
    path: Path
    themes: list[Theme]
    weights: dict[str, float]
    threshold: float
    digest: str  # of the file's bytes: part of the tag stage's fingerprint
    # Speaker labels whose turns are not coded (interviewers' questions), lower case.
    uncoded_speakers: set[str] = field(default_factory=set)

    @property
    def ids(self) -> list[str]:
        return [t.id for t in self.themes]

    def theme(self, theme_id: str) -> Theme | None:
        return next((t for t in self.themes if t.id == theme_id), None)


class _LineLoader(yaml.SafeLoader):
    """Records the line each mapping starts on, under the key ``__line__``."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def load_codebook(path: str | Path = DEFAULT_CODEBOOK) -> Codebook:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise CodebookError(f"{path}: cannot read the codebook ({e.strerror}).") from None
    try:
        data = yaml.load(raw.decode("utf-8-sig"), Loader=_LineLoader)
    except UnicodeDecodeError:
        raise CodebookError(f"{path}: the codebook is not UTF-8 text.") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark else ""
        problem = getattr(e, "problem", None) or str(e)
        raise CodebookError(f"{path}{where}: not valid YAML ({problem}).") from None

    def fail(line: int | None, message: str) -> CodebookError:
        return CodebookError(f"{path}, line {line}: {message}" if line else f"{path}: {message}")

    if not isinstance(data, dict) or not isinstance(data.get("themes"), list):
        raise fail(1, "expected a mapping with a 'themes:' list at the top level.")
    top_line = data.get("__line__")
    weights = dict(DEFAULT_WEIGHTS)
    given = data.get("weights") or {}
    if not isinstance(given, dict):
        raise fail(top_line, "'weights:' must map 'strong' and 'weak' to numbers between 0 and 1.")
    for kind in ("strong", "weak"):
        if kind in given:
            weights[kind] = _fraction(given[kind], f"weights: {kind}", given.get("__line__"), fail)
    threshold = _fraction(data.get("threshold", DEFAULT_THRESHOLD), "threshold", top_line, fail)

    uncoded = data.get("uncoded_speakers") or []
    if not isinstance(uncoded, list) or not all(isinstance(x, str) for x in uncoded):
        raise fail(top_line, "'uncoded_speakers:' must be a list of speaker labels.")

    themes: list[Theme] = []
    seen: set[str] = set()
    for number, item in enumerate(data["themes"], 1):
        if not isinstance(item, dict):
            raise fail(top_line, f"theme {number} must be a mapping with id, label and description.")
        line = item.pop("__line__")
        theme_id = item.get("id")
        if not isinstance(theme_id, str) or not THEME_ID.match(theme_id):
            raise fail(line, f"theme {number} needs an 'id' of lower-case letters, digits and "
                             f"underscores (got {theme_id!r}).")
        if theme_id in seen:
            raise fail(line, f"theme id {theme_id!r} appears twice.")
        seen.add(theme_id)
        unknown = set(item) - {"id", "label", "description", "strong", "weak"}
        if unknown:
            raise fail(line, f"theme {theme_id!r} has unknown key(s) {', '.join(sorted(unknown))}; "
                             "expected id, label, description, strong, weak.")
        cues = {}
        for kind in ("strong", "weak"):
            value = item.get(kind) or []
            if not isinstance(value, list) or not all(
                isinstance(p, (str, int, float)) and str(p).strip() for p in value
            ):
                raise fail(line, f"theme {theme_id!r}: '{kind}:' must be a list of phrases.")
            cues[kind] = [str(p).strip() for p in value]
        themes.append(Theme(
            id=theme_id,
            label=str(item.get("label") or theme_id.replace("_", " ").capitalize()),
            description=" ".join(str(item.get("description") or "").split()),
            line=line,
            **cues,
        ))
    if not themes:
        raise fail(top_line, "the codebook has no themes.")
    return Codebook(path=path, themes=themes, weights=weights, threshold=threshold,
                    uncoded_speakers={x.strip().lower() for x in uncoded},
                    digest=hashlib.sha256(raw).hexdigest()[:16])


def _fraction(value, name, line, fail) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise fail(line, f"'{name}' must be a number above 0 and at most 1 (got {value!r}).")
    return float(value)
