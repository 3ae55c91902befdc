"""How much the archive reads from any one input, in one table.

Every input is untrusted: a transcript, a Word or Excel file (a zip of XML), a YAML
sidecar. Each limit below bounds one way a file could make ingest run out of memory
or time; a file over a limit is refused with one line naming it and the limit, and
the other files still go in. A project may change them under ``limits:`` in archive.yml.

The defaults keep any one file under about 1 GB of memory through the whole pipeline.
Reading and storing cost about 10 MB per MB of text; redaction and tagging, which hold
all of a source's quotes at once, about 30 MB per MB of text plus about 6 KB per quote
(benchmarks/ingest.py): hence max_text_chars and max_turns, well below what the
readers alone could take (max_file_bytes).
"""

from __future__ import annotations

import os
import stat
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Iterator

from ingest.model import SourceError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    # name: default  (the one-line meaning is in MEANINGS, shown in errors and the docs)
    max_file_bytes: int = 64 * MB
    max_zip_members: int = 2_000
    max_zip_member_bytes: int = 64 * MB
    max_unzipped_bytes: int = 256 * MB
    max_word_xml_bytes: int = 24 * MB
    max_lines: int = 500_000
    max_turns: int = 100_000
    max_text_chars: int = 6_000_000
    max_yaml_bytes: int = 1 * MB
    max_yaml_nodes: int = 100_000
    max_turn_chars: int = 1_000_000


MEANINGS = {
    "max_file_bytes": "largest source file read (bytes)",
    "max_zip_members": "most files inside one .docx or .xlsx",
    "max_zip_member_bytes": "largest file inside a .docx or .xlsx, unpacked (bytes)",
    "max_unzipped_bytes": "largest .docx or .xlsx, all its files unpacked (bytes)",
    "max_word_xml_bytes": "largest text of a .docx, its XML files unpacked (bytes): each is parsed whole",
    "max_lines": "most lines, paragraphs, cues or rows in one source",
    "max_turns": "most speaker turns or survey answers in one source (each is a quote or more)",
    "max_text_chars": "most characters of text in one source, all its turns together",
    "max_yaml_bytes": "largest YAML file or front matter (bytes)",
    "max_yaml_nodes": "most values in one YAML document, an alias counting as a copy of what it names",
    "max_turn_chars": "longest speaker turn or survey answer (characters)",
}

DEFAULT = Limits()
_current = DEFAULT


def current() -> Limits:
    """The limits in force: the defaults, or what archive.yml set for this run."""
    return _current


@contextmanager
def applied(limits: Limits) -> Iterator[Limits]:
    """``limits`` in force for the length of a ``with`` block (one ingest)."""
    global _current
    before, _current = _current, limits
    try:
        yield limits
    finally:
        _current = before


def from_settings(values: dict[str, Any]) -> Limits:
    """The defaults with archive.yml's ``limits:`` applied (checked by the schema)."""
    return replace(DEFAULT, **values)


def names() -> tuple[str, ...]:
    return tuple(f.name for f in fields(Limits))


_UNITS = {"chars": "characters", "nodes": "values", "members": "files", "lines": "lines", "turns": "turns"}


def amount(name: str, n: int) -> str:
    """``n`` in the unit of limit ``name``: "70.0 MB", "1,200,000 characters"."""
    if name.endswith("_bytes"):
        return f"{n / MB:,.1f} MB" if n >= MB else f"{n:,} bytes"
    return f"{n:,} {_UNITS.get(name.rsplit('_', 1)[-1], '')}".rstrip()


def over(name: str, size: int | None = None) -> str:
    """The end of a refusal: how big, which limit, how to change it."""
    found = f" ({amount(name, size)}) is" if size is not None else ","
    return (f"{found} over the limit of {amount(name, getattr(current(), name))} "
            f"({name} under 'limits:' in archive.yml)")


def read_bytes(path: Path, limit: str = "max_file_bytes", what: str = "the file") -> bytes:
    """A regular file's bytes, refused past ``limit`` without reading it all."""
    cap = getattr(current(), limit)
    try:
        with open(path, "rb", opener=_regular_only) as f:
            data = f.read(cap + 1)
    except _NotRegular:
        raise SourceError(path, "not a regular file (a device, pipe or socket); the archive reads "
                                "only ordinary files.") from None
    if len(data) > cap:
        size = os.stat(path).st_size
        raise SourceError(path, f"{what}{over(limit, max(size, len(data)))}.")
    return data


class _NotRegular(OSError):
    pass


def _regular_only(path: str, flags: int) -> int:
    # O_NONBLOCK: opening a pipe for reading must not wait for a writer; checked on the
    # open descriptor, so the file cannot be swapped between the check and the read.
    fd = os.open(path, flags | os.O_NONBLOCK)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise _NotRegular(path)
    return fd


def check_count(path: Path, what: str, n: int, limit: str = "max_lines") -> None:
    """Refuse a source of more ``what`` (lines, cues, rows...) than the limit: each costs
    memory beyond its bytes, so a file of many tiny lines is bounded by this, not its size."""
    if n > getattr(current(), limit):
        raise SourceError(path, f"the file holds {n:,} {what}{over(limit)}; split it into several sources.")


def check_zip(path: Path, what: str, xml_limit: str | None = None) -> None:
    """Refuse a zip (.docx, .xlsx) whose directory says it unpacks past the limits, before
    any of it is unpacked. The sizes it declares are a bound: Python's zipfile stops at a
    member's declared size, so a member that lies about it fails its checksum instead."""
    limits = current()
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip: the reader says so in its own words
    if len(members) > limits.max_zip_members:
        raise SourceError(path, f"the {what} holds {len(members):,} files{over('max_zip_members')}; "
                                "it is not read.")
    for member in members:
        if member.file_size > limits.max_zip_member_bytes:
            # repr: a member's name is the file's, and may hold anything
            raise SourceError(path, f"its part {member.filename!r} unpacks to "
                                    f"{amount('max_zip_member_bytes', member.file_size)}"
                                    f"{over('max_zip_member_bytes')}; it is not read.")
    if xml_limit:  # parts parsed whole into a tree that is many times their size
        xml = sum(m.file_size for m in members if m.filename.endswith((".xml", ".rels")))
        if xml > getattr(limits, xml_limit):
            raise SourceError(path, f"the {what}'s XML unpacks to {amount(xml_limit, xml)}{over(xml_limit)}; "
                                    "it is not read.")
    total = sum(member.file_size for member in members)
    if total > limits.max_unzipped_bytes:
        raise SourceError(path, f"the {what} unpacks to {amount('max_unzipped_bytes', total)}"
                                f"{over('max_unzipped_bytes')}; it is not read.")
