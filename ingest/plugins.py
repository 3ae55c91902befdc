"""Plug-ins from outside the package, found by entry point or named by dotted path.

A plug-in package declares what it adds in its own ``pyproject.toml``, one entry-point
group per kind (as Datasette and pytest find their plug-ins)::

    [project.entry-points."quote_archive.stages"]
    shout = "my_plugin:make_shout_stage"        # factory(config) -> stage; archive.yml: pipeline: {tag: shout}
    [project.entry-points."quote_archive.readers"]
    ".log" = "my_plugin:read_log"               # reader(path, meta) -> ReadResult, for files ending .log
    [project.entry-points."quote_archive.recognizers"]
    badge = "my_plugin:badge_numbers"            # one more kind of identifier
    [project.entry-points."quote_archive.exports"]
    tei = "my_plugin:write_tei"                  # archive export --format tei

``archive.yml`` may also name an object by dotted path (``pipeline: {tag:
"my_plugin.stages:make_tagger"}``), for code that is importable but not installed as a package.
"""

from __future__ import annotations

import functools
import importlib
import importlib.metadata
from typing import Any

from ingest.model import PipelineError

GROUPS = {
    "stages": "quote_archive.stages",
    "readers": "quote_archive.readers",
    "recognizers": "quote_archive.recognizers",
    "exports": "quote_archive.exports",
}


@functools.lru_cache(maxsize=None)
def entry_points(kind: str) -> dict[str, importlib.metadata.EntryPoint]:
    """The installed plug-ins of one kind, by name (not loaded)."""
    return {ep.name: ep for ep in importlib.metadata.entry_points(group=GROUPS[kind])}


def load(kind: str, name: str) -> Any | None:
    """The plug-in of ``kind`` called ``name``, or None when none is installed."""
    ep = entry_points(kind).get(name)
    if ep is None:
        return None
    try:
        return ep.load()
    except Exception as e:  # a broken plug-in stops everything it would have changed
        raise PipelineError(f"the {kind[:-1]} plug-in {name!r} ({ep.value}) could not be loaded: "
                            f"{type(e).__name__}: {e}") from None


def load_all(kind: str) -> dict[str, Any]:
    return {name: load(kind, name) for name in entry_points(kind)}


def is_dotted(name: str) -> bool:
    return ":" in name or "." in name.strip(".")


def load_dotted(path: str, where: str = "") -> Any:
    """``package.module:attribute`` (or ``package.module.attribute``)."""
    module, _, attribute = path.partition(":") if ":" in path else path.rpartition(".")
    try:
        found = importlib.import_module(module)
        for part in attribute.split("."):
            found = getattr(found, part)
    except (ImportError, AttributeError, ValueError) as e:
        raise PipelineError(f"{where}cannot load {path!r}: {e}.") from None
    return found
