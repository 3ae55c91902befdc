"""Bytes to text: UTF-8 (with or without BOM), UTF-16, or Windows-1252; any line ends.

The three encodings the contract names are told apart by their marks rather than
guessed by a detector: a BOM says UTF-8 or UTF-16; NUL bytes on alternate positions
mean UTF-16 without a BOM, any other NUL a binary file; strict UTF-8 either
decodes or it does not. What is left is read as Windows-1252.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ingest import limits
from ingest.model import SourceError


_LINE_END = re.compile("\r\n|[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def decode(data: bytes, path: Path | str) -> str:
    if not data.strip():
        raise SourceError(path, "the file is empty.")
    text = _decode(data, path)
    # Normalise every line end str.splitlines knows (\r\n, \r, and Unicode separators) to \n,
    # without the list of lines that splitlines makes: a file of empty lines would cost
    # fifty bytes a byte. Like "\n".join(splitlines()), it drops one final line end.
    text = _LINE_END.sub("\n", text)
    return text[:-1] if text.endswith("\n") else text


def _decode(data: bytes, path: Path | str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path)
    sample = data[:4096]
    if b"\x00" in sample:  # checked first: NUL is valid UTF-8, but no transcript has one
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > len(sample) // 4 and even == 0:
            return _strict(data, "utf-16-le", path)
        if even > len(sample) // 4 and odd == 0:
            return _strict(data, "utf-16-be", path)
        raise SourceError(path, "this is a binary file, not text.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as e:
        raise SourceError(
            path, "the text is not UTF-8, UTF-16 or Windows-1252.", place=f"byte {e.start}"
        ) from None


def _strict(data: bytes, encoding: str, path: Path | str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise SourceError(path, f"the text is not valid {encoding.upper()}.", place=f"byte {e.start}") from None


def read_text(path: Path) -> str:
    return decode(limits.read_bytes(path), path)
