"""Readers: one per source format, in a registry keyed by file extension.

A reader takes the file's path and its merged metadata and returns the turns it
holds (``list[Turn]``), raising ``SourceError`` that names the file and the place
(line, cue, paragraph, row) for anything it cannot read. Front matter is the one
thing a reader may add to the metadata: it returns it as well.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ingest.model import Turn


@dataclass
class ReadResult:
    turns: list[Turn]
    front_matter: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # how the file was read (ingest.decode)


Reader = Callable[[Path, dict[str, Any]], ReadResult]
READERS: dict[str, Reader] = {}


def reader(*extensions: str) -> Callable[[Reader], Reader]:
    def register(fn: Reader) -> Reader:
        for ext in extensions:
            READERS[ext] = fn
        return fn

    return register


def reader_for(path: Path) -> Reader | None:
    return READERS.get(path.suffix.lower()) or _plugin_readers().get(path.suffix.lower())


def known_extensions() -> list[str]:
    return sorted({*READERS, *_plugin_readers()})


@functools.lru_cache(maxsize=1)
def _plugin_readers() -> dict[str, Reader]:
    """Readers of installed plug-ins (entry point group ``quote_archive.readers``, named by
    extension: ``".log" = "my_plugin:read_log"``); the built-in readers keep their formats."""
    from ingest import plugins

    return {name.lower() if name.startswith(".") else "." + name.lower(): reader
            for name, reader in plugins.load_all("readers").items() if name.lower() not in READERS}


# Importing the modules registers their readers.
from ingest.readers import docx, subtitles, survey, text  # noqa: E402,F401
