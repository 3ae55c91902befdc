"""The codebook: the themes a project tags quotes with, and the cues for each.

A YAML file (see the packaged ``codebook.yml`` for the format). Loading checks
it fully, so a mistake surfaces as one sentence naming the file and line
rather than as a wrong tag much later.
"""

from __future__ import annotations

from ingest import schema
from ingest.roles import asks
from ingest.model import PipelineError

import difflib
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from collections.abc import Hashable
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

    def is_coded(self, speaker_names) -> bool:
        """False for an interviewer's or a host's turns: coders code what participants say.
        Each name is a label from the transcript ("Q") or the speaker's description, read
        as ``ingest.roles.asks`` reads them (the search ranks the same turns last)."""
        return not asks(speaker_names, self.uncoded_speakers)


def codebook_path(config) -> Path:
    """The project's codebook.yml (``ingest.config.ProjectConfig``) if there is one, else the
    packaged default."""
    return config.project_file("codebook", DEFAULT_CODEBOOK)


# The keys and their meanings are in ingest.schema, with every other YAML file's.
TOP_KEYS = schema.CODEBOOK.names
WEIGHT_KEYS = schema.WEIGHTS.names
THEME_KEYS = schema.THEME.names


def _line(node) -> int:
    return node.start_mark.line + 1


class _Map(dict):
    """A YAML mapping that knows its line and each key's line, for error messages."""

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.key_lines: dict = {}

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class _List(list):
    """A YAML list that knows the line of each item, for error messages."""

    def __init__(self, node):
        super().__init__()
        self.lines = [_line(item) for item in node.value]


class _DuplicateKey(yaml.YAMLError):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


class _LineLoader(yaml.SafeLoader):
    """Builds mappings and lists that remember where they are in the file."""

    def construct_line_map(self, node):
        data = _Map(_line(node))
        # Before construction flattens any '<<' merge, whose keys may override others.
        data.key_lines = self._key_lines(node)
        yield data
        data.update(self.construct_mapping(node))

    def construct_line_list(self, node):
        data = _List(node)
        yield data
        data.extend(self.construct_sequence(node))

    def _key_lines(self, node) -> dict:
        # YAML keeps the last of two equal keys without a word: refuse the second.
        lines: dict = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node)
            if not isinstance(key, Hashable):
                continue  # construct_mapping reports it
            if key in lines:
                raise _DuplicateKey(_line(key_node), f"'{key}:' appears twice in the same "
                                                     f"mapping (first on line {lines[key]}).")
            lines[key] = _line(key_node)
        return lines


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_line_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_line_list)


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
    except _DuplicateKey as e:
        raise CodebookError(f"{path}, line {e.line}: {e}") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark else ""
        problem = getattr(e, "problem", None) or str(e)
        raise CodebookError(f"{path}{where}: not valid YAML ({problem}).") from None

    def fail(line: int | None, message: str) -> CodebookError:
        return CodebookError(f"{path}, line {line}: {message}" if line else f"{path}: {message}")

    if not isinstance(data, dict):
        raise fail(1, "expected a mapping with a 'themes:' list at the top level.")
    if unknown := _unknown_keys(data, TOP_KEYS):  # a misspelt key would silently not count
        raise fail(data.line_of(unknown[0]), _unknown_message("the codebook", unknown, TOP_KEYS))
    if "themes" not in data:
        raise fail(data.line, "the codebook has no 'themes:' list.")

    weights = dict(DEFAULT_WEIGHTS)
    given = data.get("weights")
    if given is not None:
        if not isinstance(given, dict):
            raise fail(data.line_of("weights"), "'weights:' must map 'strong' and 'weak' to "
                                                "numbers between 0 and 1.")
        if unknown := _unknown_keys(given, WEIGHT_KEYS):
            raise fail(given.line_of(unknown[0]), _unknown_message("'weights:'", unknown, WEIGHT_KEYS))
        for kind in WEIGHT_KEYS:
            if kind in given:
                weights[kind] = _fraction(given[kind], f"weights: {kind}", given.line_of(kind), fail)
    threshold = _fraction(data.get("threshold", DEFAULT_THRESHOLD), "threshold",
                          data.line_of("threshold"), fail)

    uncoded = data.get("uncoded_speakers") or []
    if not isinstance(uncoded, list) or not all(isinstance(x, str) for x in uncoded):
        raise fail(data.line_of("uncoded_speakers"),
                   "'uncoded_speakers:' must be a list of speaker labels.")

    listed = data["themes"]
    if not listed:
        raise fail(data.line_of("themes"), "the codebook has no themes.")
    if not isinstance(listed, list):
        raise fail(data.line_of("themes"), "'themes:' must be a list of themes.")
    themes: list[Theme] = []
    seen: set[str] = set()
    for number, (item_line, item) in enumerate(zip(listed.lines, listed), 1):
        if not isinstance(item, dict):
            raise fail(item_line, f"theme {number} must be a mapping with id, label and description.")
        line = item.line
        theme_id = item.get("id")
        if theme_id is None:
            raise fail(line, f"theme {number} has no 'id'.")
        if not isinstance(theme_id, str) or not THEME_ID.match(theme_id):
            raise fail(line, f"theme {number} needs an 'id' of lower-case letters, digits and "
                             f"underscores (got {theme_id!r}).")
        if theme_id in seen:
            raise fail(line, f"theme id {theme_id!r} appears twice.")
        seen.add(theme_id)
        if unknown := _unknown_keys(item, THEME_KEYS):
            raise fail(line, _unknown_message(f"theme {theme_id!r}", unknown, THEME_KEYS))
        text = {key: _text(item, key, theme_id, fail) for key in ("label", "description")}
        cues = {}
        first_lines: dict[str, int] = {}
        for kind in ("strong", "weak"):
            value = item.get(kind)
            if value is None:
                cues[kind] = []
                continue
            if not isinstance(value, list):
                raise fail(line, f"theme {theme_id!r}: '{kind}:' must be a list of phrases.")
            where = f"theme {theme_id!r}: a '{kind}:' cue"
            cues[kind] = [_cue(cue, where, cue_line, fail) for cue_line, cue in zip(value.lines, value)]
            for cue_line, cue in zip(value.lines, cues[kind]):
                # Each cue found adds to the score: one written twice would count twice.
                if cue.lower() in first_lines:
                    raise fail(cue_line, f"theme {theme_id!r}: the cue {cue!r} is already listed "
                                         f"(line {first_lines[cue.lower()]}).")
                first_lines[cue.lower()] = cue_line
        themes.append(Theme(
            id=theme_id,
            label=text["label"] or theme_id.replace("_", " ").capitalize(),
            description=" ".join(text["description"].split()),
            line=line,
            **cues,
        ))
    return Codebook(path=path, themes=themes, weights=weights, threshold=threshold,
                    uncoded_speakers={x.strip().lower() for x in uncoded},
                    digest=hashlib.sha256(raw).hexdigest()[:16])


def _fraction(value, name, line, fail) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise fail(line, f"'{name}' must be a number above 0 and at most 1 (got {value!r}).")
    return float(value)


def _unknown_keys(mapping: _Map, expected: tuple[str, ...]) -> list:
    """The keys not expected, in the order they are written."""
    return sorted((key for key in mapping if key not in expected), key=mapping.line_of)


def _unknown_message(where: str, unknown: list, expected: tuple[str, ...]) -> str:
    near = difflib.get_close_matches(str(unknown[0]), expected, n=1)
    hint = f"did you mean '{near[0]}'? " if near else ""
    return (f"{where} has unknown key(s) {', '.join(map(str, unknown))}; "
            f"{hint}expected {', '.join(expected)}.")


def _text(item: _Map, key: str, theme_id: str, fail) -> str:
    # Strings only: str() of a list or mapping would be shown to readers as the label.
    value = item.get(key)
    if value is not None and not isinstance(value, str):
        raise fail(item.line_of(key), f"theme {theme_id!r}: '{key}:' must be text, "
                                      f"{schema.not_text(value)}.")
    return value or ""


def _cue(value, where: str, line: int, fail) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)  # a number is a phrase ("50")
    if value is None or (isinstance(value, str) and not value.strip()):
        raise fail(line, f"{where} is empty.")
    if not isinstance(value, str):
        raise fail(line, f"{where} must be a phrase, {schema.not_text(value)}.")
    value = value.strip()
    if not _says_something(value):
        raise fail(line, f"{where} ({value!r}) has no letter, digit or sign such as %, so it "
                         "would match almost anything.")
    return value


def _says_something(cue: str) -> bool:
    # Hyphens, stops and the cue syntax ("*", "...") are all through any text, so a cue of
    # them alone matches nearly every turn; a sign such as "%" or "£" is a fair cue.
    return any(c.isalnum() or c in "%&#@" or unicodedata.category(c).startswith("S") for c in cue)
