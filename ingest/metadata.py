"""Source metadata: collection.yml defaults → front matter → sidecar ``<file>.yml``.

Each layer is checked against its schema (``ingest.schema``) as it is read, so an
unknown key or a wrong type is named with its own file and line.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ingest import schema
from ingest.model import SourceError
from ingest.yamlfile import parse, read

KINDS = schema.KINDS
ACCESS = schema.ACCESS
# collection.yml keys that describe the collection itself, not each source.
COLLECTION_KEYS = ("title", "description", "kind", "access")


def load_yaml(path: Path, text: str | None = None, first_line: int = 1,
              kind: schema.Schema | None = None) -> dict[str, Any]:
    """Parse a YAML mapping, bounded; errors name the file and line. With ``kind``, check
    it against that schema and return its values normalised."""
    if text is None:
        text = read(path)
    document = parse(text, path, first_line)
    return kind.check(document, path) if kind is not None else document.data


def collection_defaults(collection_yml: Path) -> dict[str, Any]:
    """What a collection.yml gives each of its sources, and its own description."""
    data = load_yaml(collection_yml, kind=schema.COLLECTION) if collection_yml.exists() else {}
    meta = dict(data)
    # The collection's own title and description are not a source's.
    for key in ("title", "description"):
        meta.pop(key, None)
    meta["collection_title"] = data.get("title")
    meta["collection_description"] = data.get("description")
    meta["collection_kind"] = data.get("kind")
    meta["collection_access"] = data.get("access")
    return meta


def merge(*layers: dict[str, Any]) -> dict[str, Any]:
    """The layers' keys, a later layer's value winning; ``speakers:`` maps are merged label
    by label, so a sidecar naming one speaker keeps the others the front matter named."""
    merged: dict[str, Any] = {}
    for layer in layers:
        for key, value in layer.items():
            if value is None:
                continue
            if key == "speakers" and isinstance(value, dict) and isinstance(merged.get(key), dict):
                value = {**merged[key], **value}
            merged[key] = value
    return merged


def check_speakers(speakers: dict[str, Any] | None, labels: set[str], path: Path) -> None:
    """Each label a source's own ``speakers:`` describes must label a turn: a misspelt one
    would leave its speaker undescribed (an interviewer read as a participant, and coded)."""
    said = {label.casefold() for label in labels}
    for key in speakers or {}:
        if str(key).casefold() not in said:
            near = difflib.get_close_matches(str(key), sorted(labels), n=1, cutoff=0.6)
            hint = f" did you mean {near[0]!r}?" if near else " write it as the transcript labels its turns."
            raise SourceError(path, f"speakers: {str(key)!r} labels no turn of the transcript;{hint}")


# A recording is linked and played on the web: only web addresses, never javascript:,
# data: or file: ones, which would run script or reach the reader's own machine.
AUDIO_SCHEMES = ("http", "https")


def check_audio_url(url: Any, path: Path) -> None:
    """An ``audio_url`` must be an http(s) address with a host."""
    if url is None:
        return
    parts = urlsplit(str(url).strip())
    if not isinstance(url, str) or parts.scheme.lower() not in AUDIO_SCHEMES or not parts.netloc:
        # The scheme only: the rest of the address may hold anything.
        given = f"a {parts.scheme}: address" if parts.scheme else "not a web address"
        raise SourceError(path, f"audio_url is {given}; give an http:// or https:// link to the recording.")


def validate(meta: dict[str, Any], path: Path) -> dict[str, Any]:
    """What holds across the layers (each was checked against the schema as it was read)."""
    if meta.get("access") == "embargoed" and not meta.get("embargo_until"):
        raise SourceError(path, "access is 'embargoed' but no embargo_until date is given.")
    for key, default in (("speakers", {}), ("public_names", []), ("redact", [])):
        meta[key] = meta.get(key) or default
    check_audio_url(meta.get("audio_url"), path)
    return meta
