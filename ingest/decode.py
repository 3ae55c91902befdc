"""Bytes to text: UTF-8 (with or without BOM), UTF-16, or Windows-1252; any line ends.

The three encodings the contract names are told apart by their marks rather than
guessed by a detector: a BOM says UTF-8 or UTF-16; NUL bytes on alternate positions
mean UTF-16 without a BOM, any other NUL a binary file; strict UTF-8 either
decodes or it does not. What is left is read as Windows-1252, with two checks:

- a file mostly UTF-8 with some lines in Windows-1252 (pasted from an old file) is read
  line by line, and a note names the lines so read;
- Windows-1252 (or UTF-8) that reads as mojibake is refused, naming the line: UTF-8 read as
  Windows-1252 ("Ã©" for "é"), or another script's 8-bit bytes (Greek in ISO-8859-7 reads
  "äõóêïëÜ"), judged by charset-normalizer's mess detector, which also names the likely
  encoding for the message.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ingest import limits
from ingest.model import SourceError


_LINE_END = re.compile("\r\n|[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


READ = "The archive reads UTF-8, UTF-16 and Windows-1252"
# 8-bit encodings of other scripts charset-normalizer is asked to name for the message.
_OTHER_8BIT = ["iso8859_7", "cp1253", "cp1251", "koi8_r", "iso8859_5", "cp1250", "iso8859_2",
               "cp1254", "cp1255", "iso8859_8", "cp1256", "iso8859_6", "cp1257", "cp874"]
_ICONV = {"iso8859_7": "ISO-8859-7", "cp1253": "WINDOWS-1253", "cp1251": "WINDOWS-1251", "koi8_r": "KOI8-R",
          "iso8859_5": "ISO-8859-5", "cp1250": "WINDOWS-1250", "iso8859_2": "ISO-8859-2",
          "cp1254": "WINDOWS-1254", "cp1255": "WINDOWS-1255", "iso8859_8": "ISO-8859-8",
          "cp1256": "WINDOWS-1256", "iso8859_6": "ISO-8859-6", "cp1257": "WINDOWS-1257", "cp874": "CP874"}


def decode(data: bytes, path: Path | str, notes: list[str] | None = None) -> str:
    """The text of ``data``; a note on how it was read goes to ``notes`` if given."""
    if not data.strip():
        raise SourceError(path, "the file is empty.")
    text = _decode(data, path, notes if notes is not None else [])
    # Normalise every line end str.splitlines knows (\r\n, \r, and Unicode separators) to \n,
    # without the list of lines that splitlines makes: a file of empty lines would cost
    # fifty bytes a byte. Like "\n".join(splitlines()), it drops one final line end.
    text = _LINE_END.sub("\n", text)
    return text[:-1] if text.endswith("\n") else text


def _decode(data: bytes, path: Path | str, notes: list[str]) -> str:
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
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _by_line(data, path, notes)
    _refuse_mojibake(text.split("\n"), path)
    return text


def _by_line(data: bytes, path: Path | str, notes: list[str]) -> str:
    """Not UTF-8 as a whole: each line UTF-8 if it is, else Windows-1252."""
    lines, fallback, utf8 = [], [], False
    for number, raw in enumerate(data.split(b"\n"), 1):
        try:
            line = raw.decode("utf-8")
            utf8 = utf8 or not raw.isascii()
        except UnicodeDecodeError:
            try:
                line = raw.decode("cp1252")
            except UnicodeDecodeError as e:
                raise SourceError(path, f"the text is not UTF-8, UTF-16 or Windows-1252 (byte "
                                  f"0x{raw[e.start]:02X}). {READ}.", place=f"line {number}") from None
            fallback.append(number)
        lines.append(line)
    _refuse_mojibake(lines, path)
    _refuse_other_script(data, lines, fallback, path)
    if utf8:  # UTF-8 lines with others in Windows-1252: say which lines were read so
        one = len(fallback) == 1
        notes.append(f"{_lines(fallback)} {'is' if one else 'are'} not UTF-8 like the rest of the file "
                     f"and {'was' if one else 'were'} read as Windows-1252: check {'its' if one else 'their'} "
                     "accented letters.")
    return "\n".join(lines)


def _lines(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:10])) + (f" and {len(numbers) - 10} more" if len(numbers) > 10 else "")
    return f"line{'s' if len(numbers) > 1 else ''} {shown}"


def _refuse_mojibake(lines: list[str], path: Path | str) -> None:
    """UTF-8 that was once read as Windows-1252 and saved again ("Ã©" for "é", "â€™" for "’"):
    a line whose Windows-1252 bytes are UTF-8 with letters beyond ASCII."""
    for number, line in enumerate(lines, 1):
        if line.isascii():
            continue
        try:
            fixed = line.encode("cp1252").decode("utf-8")
        except UnicodeError:
            continue
        if fixed != line:
            raise SourceError(path, "this line is UTF-8 that was read as Windows-1252 and saved again "
                              "(mojibake such as \"Ã©\" for \"é\"); repair the file (for instance with "
                              "`iconv -f UTF-8 -t WINDOWS-1252` on it, which gives back the UTF-8) "
                              "and ingest it again.", place=f"line {number}")


def _refuse_other_script(data: bytes, lines: list[str], fallback: list[int], path: Path | str) -> None:
    """Lines read as Windows-1252 that read as another script's bytes (charset-normalizer's
    mess detector: runs of accented capitals and symbols no Latin language writes)."""
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    read = [lines[n - 1] for n in fallback]
    messy = [n for n, line in zip(fallback, read) if not line.isascii() and mess_ratio(line, 1.0) >= 0.2]
    if not messy or mess_ratio("\n".join(read), 1.0) < 0.2:
        return
    best = from_bytes(data, cp_isolation=_OTHER_8BIT).best()
    named = _ICONV.get(best.encoding) if best is not None else None
    guess = (f"it looks like {named}; convert it, for instance with `iconv -f {named} -t UTF-8`"
             if named else "convert it to UTF-8 from the encoding it was saved in, for instance with "
             "`iconv -f ISO-8859-7 -t UTF-8` for Greek")
    raise SourceError(path, f"the text is not in an encoding the archive reads: read as Windows-1252 it "
                      f"is not words. {READ}; {guess}, and ingest it again.", place=f"line {messy[0]}")


def _strict(data: bytes, encoding: str, path: Path | str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise SourceError(path, f"the text is not valid {encoding.upper()}.", place=f"byte {e.start}") from None


def read_text(path: Path, notes: list[str] | None = None) -> str:
    return decode(limits.read_bytes(path), path, notes)
