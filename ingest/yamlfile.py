"""YAML read safely: bounded, strict about duplicate keys, and with the line of every key.

Every YAML the archive reads (archive.yml, collection.yml, sidecars, front matter)
comes through here. The document is composed into nodes first, so that before
anything is built from it: its size counting each alias as a copy of what it names
is bounded (an "alias bomb" of a few lines names billions of values); a key written
twice in one mapping is an error with its line (YAML would keep the last without a
word); and the line of each key is kept, for the schema's messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ingest import limits
from ingest.decode import decode
from ingest.model import SourceError

# libyaml's parser when PyYAML was built with it: ten times faster on many small files.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MERGE = "tag:yaml.org,2002:merge"

KeyPath = tuple  # ("survey", "open_questions"): where a key sits in the document


@dataclass
class Document:
    data: dict[str, Any]
    line: int = 1  # of the document's first line in its file
    lines: dict[KeyPath, int] = field(default_factory=dict)  # key path → line of the key

    def line_of(self, where: KeyPath) -> int:
        """The line of the key at ``where``, else of the nearest mapping holding it."""
        while where and where not in self.lines:
            where = where[:-1]
        return self.lines.get(where, self.line)


def read(path: Path, what: str = "the YAML file") -> str:
    """The text of a YAML file, bounded. An empty file is an empty mapping, as a file of
    comments is ("touch archive.yml" marks a project folder), not the empty-source error."""
    data = limits.read_bytes(path, "max_yaml_bytes", what)
    return decode(data, path) if data.strip() else ""


def parse(text: str, path: Path | str, first_line: int = 1) -> Document:
    """Parse a YAML mapping; every error names the file and line."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limits.current().max_yaml_bytes:
        raise SourceError(path, f"the YAML{limits.over('max_yaml_bytes', size)}.")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Document({}, first_line)
        _check_size(node, path, first_line)
        lines: dict[KeyPath, int] = {}
        _check_keys(node, (), lines, path, first_line)
        data = loader.construct_document(node)
    except yaml.YAMLError as error:
        raise _yaml_error(path, _python_loader_error(text) or error, first_line) from None
    except ValueError:  # a value YAML reads as a date, but no calendar has (2025-13-45)
        raise _bad_date(node, path, first_line) from None
    except RecursionError:
        raise SourceError(path, "the YAML is nested too deeply to read.") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise SourceError(path, "expected a mapping of keys (key: value) at the top level.",
                          place=f"line {first_line}")
    return Document(data, first_line, lines)


_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _bad_date(root: yaml.Node, path: Path | str, first_line: int) -> SourceError:
    """The error for the first value written as a date that is none, naming its key and
    line (not its value: a date can be a birthday)."""
    constructor = yaml.constructor.SafeConstructor()
    todo: list[tuple[str, yaml.Node]] = [("", root)]
    while todo:
        key, node = todo.pop(0)
        if isinstance(node, yaml.MappingNode):
            todo += [(str(k.value), v) for k, v in node.value]
        elif isinstance(node, yaml.SequenceNode):
            todo += [(key, v) for v in node.value]
        elif node.tag == _TIMESTAMP:
            try:
                constructor.construct_yaml_timestamp(node)
            except ValueError as error:
                return SourceError(path, f"'{key}' is not a real date ({error}); write it as YYYY-MM-DD, "
                                         "or YYYY-MM or YYYY for a month or a year.",
                                   place=f"line {_line(node, first_line)}")
    return SourceError(path, "a value could not be read.", place=f"line {first_line}")


def _line(node: yaml.Node, first_line: int) -> int:
    return node.start_mark.line + first_line


def _check_size(root: yaml.Node, path: Path | str, first_line: int) -> None:
    """Refuse a document whose values, aliases expanded, are too many to build."""
    cap = limits.current().max_yaml_nodes
    sizes: dict[int, int] = {}

    def size(node: yaml.Node) -> int:
        if id(node) in sizes:  # an alias: the node again, counted again (and a cycle counts once)
            return sizes[id(node)]
        sizes[id(node)] = 1
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(child) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(size(key) + size(value) for key, value in node.value)
        total = min(total, cap + 1)  # enough to know it is over; keeps the numbers small
        sizes[id(node)] = total
        return total

    if size(root) > cap:
        raise SourceError(path, "the YAML holds more values than it may, counting each alias as a copy "
                                f"of what it names{limits.over('max_yaml_nodes')}.",
                          place=f"line {_line(root, first_line)}")


def _check_keys(node: yaml.Node, where: KeyPath, lines: dict, path: Path | str, first_line: int,
                seen: set[int] | None = None) -> None:
    seen = set() if seen is None else seen
    if id(node) in seen:
        return  # an alias of a mapping already checked
    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            _check_keys(child, where, lines, path, first_line, seen)
        return
    if not isinstance(node, yaml.MappingNode):
        return
    first: dict[Any, int] = {}
    for key_node, value_node in node.value:
        if key_node.tag == _MERGE:
            _check_keys(value_node, where, lines, path, first_line, seen)
            continue
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        line = _line(key_node, first_line)
        if key is not None:
            if key in first:
                raise SourceError(path, f"'{key}:' appears twice in the same mapping (first on line "
                                        f"{first[key]}); YAML would silently keep the last.",
                                  place=f"line {line}")
            first[key] = line
            lines.setdefault((*where, key), line)
        _check_keys(value_node, (*where, key), lines, path, first_line, seen)


def _python_loader_error(text: str) -> yaml.YAMLError | None:
    """The pure-Python loader's error: its marks point nearer the mistake than libyaml's."""
    try:
        yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        return error
    except RecursionError:
        return None
    return None


def _yaml_error(path: Path | str, e: yaml.YAMLError, first_line: int) -> SourceError:
    mark = getattr(e, "problem_mark", None)
    place = f"line {mark.line + first_line}" if mark else None
    problem = getattr(e, "problem", None) or "not valid YAML"
    return SourceError(path, f"invalid YAML: {problem}.", place=place)
