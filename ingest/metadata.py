"""Source metadata: collection.yml defaults → front matter → sidecar ``<file>.yml``."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from ingest.decode import read_text
from ingest.model import SourceError

# libyaml's loader when PyYAML was built with it: ten times faster on many small files.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

KINDS = ("interview", "podcast", "survey", "focus_group", "other")
ACCESS = ("public", "restricted", "embargoed", "withdrawn")
# collection.yml keys that describe the collection itself, not each source.
COLLECTION_KEYS = ("title", "description", "kind", "access")


def load_yaml(path: Path, text: str | None = None, first_line: int = 1) -> dict[str, Any]:
    """Parse a YAML mapping; errors name the file and line."""
    if text is None:
        text = read_text(path)
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        raise _yaml_error(path, _python_loader_error(text) or error, first_line) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SourceError(path, "expected a mapping of keys (key: value) at the top level.")
    return data


def _python_loader_error(text: str) -> yaml.YAMLError | None:
    """The pure-Python loader's error: its marks point nearer the mistake than libyaml's."""
    try:
        yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        return error
    return None


def _yaml_error(path: Path, e: yaml.YAMLError, first_line: int) -> SourceError:
    mark = getattr(e, "problem_mark", None)
    place = f"line {mark.line + first_line}" if mark else None
    problem = getattr(e, "problem", None) or "not valid YAML"
    return SourceError(path, f"invalid YAML: {problem}.", place=place)


def collection_defaults(collection_yml: Path) -> dict[str, Any]:
    """What a collection.yml gives each of its sources, and its own description."""
    data = load_yaml(collection_yml) if collection_yml.exists() else {}
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
    merged: dict[str, Any] = {}
    for layer in layers:
        merged.update({k: v for k, v in layer.items() if v is not None})
    return merged


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
    """Check the keys the archive relies on; normalise their types."""
    kind = meta.get("kind")
    if kind is not None and kind not in KINDS:
        raise SourceError(path, f"unknown kind {kind!r}; use one of {', '.join(KINDS)}.")
    access = meta.get("access")
    if access is not None and access not in ACCESS:
        raise SourceError(path, f"unknown access {access!r}; use one of {', '.join(ACCESS)}.")
    if access == "embargoed" and not meta.get("embargo_until"):
        raise SourceError(path, "access is 'embargoed' but no embargo_until date is given.")
    speakers = meta.get("speakers") or {}
    if not isinstance(speakers, dict):
        raise SourceError(path, "'speakers' must map each label in the file to a public description.")
    meta["speakers"] = {str(k): str(v) for k, v in speakers.items()}
    for key in ("public_names", "redact"):
        value = meta.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise SourceError(path, f"'{key}' must be a list of words or names.")
        meta[key] = [str(v) for v in value]
    check_audio_url(meta.get("audio_url"), path)
    if "id" in meta:
        meta["id"] = str(meta["id"])
    if meta.get("date") is not None:
        meta["date"] = str(meta["date"])
    return meta
