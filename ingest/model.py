"""The objects that flow through the ingest pipeline.

read → segment → redact → tag → store. Each stage takes a Source and returns one.
Raw text (``Turn.text``, ``Turn.label``) exists only in memory between read and
redact; the store accepts only a Source whose ``redacted`` flag the redaction
stage has set, so nothing unredacted can reach the archive.
"""

from __future__ import annotations

import hashlib
import os

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Cue:
    """A timed piece of a turn (a subtitle cue): where it starts in ``Turn.text``."""

    offset: int
    start: float | None
    end: float | None


@dataclass
class Turn:
    """One speaker turn or survey answer, as read from the file.

    ``label`` is the speaker label exactly as written (it may be a real name);
    ``place`` says where in the file the turn starts ("line 12", "cue 40", "row 7")
    for error messages and the review screen.
    """

    label: str | None
    text: str
    place: str
    start: float | None = None
    end: float | None = None
    cues: list[Cue] = field(default_factory=list)
    # Survey answers: the question asked and the respondent's kept attributes.
    question: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass
class Speaker:
    """A speaker in one source. ``description`` is what may be published."""

    number: int
    description: str
    labels: set[str] = field(default_factory=set)  # raw labels: private, never stored
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass
class ThemeTag:
    theme: str
    score: float
    evidence: list[str] = field(default_factory=list)
    origin: str = "tagger"  # or "hand"


@dataclass
class Quote:
    """A quote: a turn, or a part of a long turn, ready to be stored."""

    id: str
    turn: int  # 1-based turn number in the source
    part: int  # 1-based part of that turn (1 when the turn was not split)
    position: int  # 1-based position of the quote in the source
    speaker: Speaker
    text: str
    place: str
    start: float | None = None
    end: float | None = None
    question: str | None = None
    themes: list[ThemeTag] = field(default_factory=list)

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Source:
    """One transcript file and everything the pipeline knows about it."""

    id: str
    collection: str
    path: Path
    format: str  # file extension without the dot
    meta: dict[str, Any]  # merged collection.yml → front matter → sidecar
    fingerprint: str = ""  # of its files and the settings
    settings: str = ""  # the settings alone (pipeline.settings_fingerprint)
    turns: list[Turn] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    redacted: bool = False  # set only by the redaction stage
    notes: list[str] = field(default_factory=list)  # warnings worth showing the user
    redaction_widened: bool = False  # redacts what its last ingest did not, or has no log of it
    # (path, lines) of the private redaction log, written only once the source is stored
    private_log: tuple[Path, list[str]] | None = None

    @property
    def kind(self) -> str:
        return self.meta.get("kind") or "other"

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or self.id)

    @property
    def access(self) -> str:
        return self.meta.get("access") or "public"


def text_key(text: str) -> str:
    """A short key of a text, blind to spacing, so a text can be recognised again without
    keeping it: by a hand correction (its quote's text) and by a learnt model (what it
    learnt from)."""
    return hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:12]


class SourceError(Exception):
    """A problem with one source file: names the file and the place in it."""

    def __init__(self, path: Path | str, message: str, place: str | None = None):
        self.path = Path(path)
        self.place = place
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{printable(self.path)}, {self.place}" if self.place else printable(self.path)
        return f"{where}: {self.message}"


def printable(path: Path | str) -> str:
    """A path fit to print on one line: bytes that are not UTF-8 as \\xNN, control characters
    (a newline in a file's name could forge a line of the report) escaped."""
    raw = os.fsencode(path).decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in raw)


class CollectionNameError(SourceError):
    """The collection's folder name holds an identifier found in this source. The name is
    in every quote of the folder, so all of them stay out until the folder is renamed."""


class PipelineError(ValueError):
    """The pipeline's set-up is wrong (a codebook, a missing extra): no source can go in,
    so the whole ingest stops with this message. Its text is ours, never a source's."""
