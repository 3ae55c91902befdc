"""Readers: one per source format, in a registry keyed by file extension.

A reader takes the file's path and its merged metadata and returns the turns it
holds (``list[Turn]``), raising ``SourceError`` that names the file and the place
(line, cue, paragraph, row) for anything it cannot read. Front matter is the one
thing a reader may add to the metadata: it returns it as well.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ingest.model import Turn


@dataclass
class ReadResult:
    turns: list[Turn]
    front_matter: dict[str, Any] = field(default_factory=dict)


Reader = Callable[[Path, dict[str, Any]], ReadResult]
READERS: dict[str, Reader] = {}


def reader(*extensions: str) -> Callable[[Reader], Reader]:
    def register(fn: Reader) -> Reader:
        for ext in extensions:
            READERS[ext] = fn
        return fn

    return register


def reader_for(path: Path) -> Reader | None:
    return READERS.get(path.suffix.lower())


# Importing the modules registers their readers.
from ingest.readers import docx, subtitles, survey, text  # noqa: E402,F401
