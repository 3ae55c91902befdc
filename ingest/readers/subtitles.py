"""WebVTT (.vtt) via webvtt-py and SubRip (.srt) via srt.

The speaker of a cue is its ``<v Name>`` voice tag or a ``Name:`` prefix; a cue
with neither continues the speaker before it. Consecutive cues of one speaker
join into one turn with the first cue's start and the last cue's end; each cue's
offset in the turn is kept so a split turn's parts get their own times.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import srt
import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from ingest import limits
from ingest.decode import read_text
from ingest.labels import judge_lines, seconds, split_label
from ingest.model import Cue, SourceError, Turn
from ingest.readers import ReadResult, reader

_VTT_TIME = re.compile(
    r"^(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}\s+-->\s+(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}(?:\s+.*)?$"
)
_VTT_META_BLOCK = ("WEBVTT", "NOTE", "STYLE", "REGION")
_SRT_TIME = re.compile(r"^\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s+-->\s+\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}(?:\s.*)?$")


@dataclass
class _Cue:
    number: int
    start: float
    end: float
    text: str
    voice: str | None


@reader(".vtt")
def read_vtt(path: Path, meta: dict[str, Any]) -> ReadResult:
    notes: list[str] = []
    text = read_text(path, notes)
    limits.check_count(path, "lines", text.count("\n") + 1)
    if not text.lstrip().startswith("WEBVTT"):
        raise SourceError(path, "not a WebVTT file: the first line must be 'WEBVTT'.", place="line 1")
    _check_vtt_time_lines(path, text)
    try:
        captions = webvtt.from_buffer(io.StringIO(text))
    except (MalformedCaptionError, MalformedFileError) as e:
        raise SourceError(path, f"not a valid WebVTT file ({e}).") from None
    cues = [
        # start_in_seconds drops the milliseconds: read the stamps themselves.
        _Cue(n, seconds(c.start), seconds(c.end), " ".join(c.text.split()), c.voice)
        for n, c in enumerate(captions, start=1)
    ]
    _check_times(path, cues)
    return ReadResult(_turns_from_cues(cues, meta.get("speakers") or {}), notes=notes)


@reader(".srt")
def read_srt(path: Path, meta: dict[str, Any]) -> ReadResult:
    notes: list[str] = []
    text = read_text(path, notes)
    limits.check_count(path, "lines", text.count("\n") + 1)
    # Errors name the line but never quote it: a broken line may hold a name or a number.
    _check_srt_time_lines(path, text)
    try:
        subtitles = list(srt.parse(text))
    except srt.SRTParseError as e:
        line = text[: e.expected_start].count("\n") + 1
        raise SourceError(path, "cannot read the cue starting here: expected a number, then a time line "
                                "'hh:mm:ss,mmm --> hh:mm:ss,mmm'.", place=f"line {line}") from None
    cues = [
        _Cue(n, s.start.total_seconds(), s.end.total_seconds(), " ".join(s.content.split()), None)
        for n, s in enumerate(subtitles, start=1)
    ]
    _check_times(path, cues)
    return ReadResult(_turns_from_cues(cues, meta.get("speakers") or {}), notes=notes)


def _check_srt_time_lines(path: Path, text: str) -> None:
    """srt takes a cue with a mistyped time line for text of the cue before it: refuse it."""
    line_no = 1
    for block in text.split("\n\n"):
        lines = block.split("\n")
        first_line = line_no + next((i for i, l in enumerate(lines) if l.strip()), 0)
        line_no += len(lines) + 1
        stripped = [l.strip() for l in lines if l.strip()]
        if stripped and stripped[0].isdigit() and (len(stripped) < 2 or not _SRT_TIME.match(stripped[1])):
            raise SourceError(path, f"cue {stripped[0]} has no valid time line; "
                                    "expected 'hh:mm:ss,mmm --> hh:mm:ss,mmm'.", place=f"line {first_line + 1}")


def _check_vtt_time_lines(path: Path, text: str) -> None:
    """webvtt-py skips a cue whose time line is broken; we refuse it, naming the line."""
    line_no = 1
    cue = 0
    for block in text.split("\n\n"):
        lines = block.split("\n")
        stripped = [l for l in lines if l.strip()]
        first_line = line_no + next((i for i, l in enumerate(lines) if l.strip()), 0)
        line_no += len(lines) + 1
        if not stripped or stripped[0].startswith(_VTT_META_BLOCK):
            continue
        cue += 1
        # The time line is the first line, or the second after a cue identifier.
        for i, candidate in enumerate(stripped[:2]):
            if _VTT_TIME.match(candidate.strip()):
                break
        else:
            shown = next((l for l in stripped[:2] if "-->" in l or re.search(r"\d:\d", l)), stripped[0])
            offset = stripped.index(shown)
            raise SourceError(path, f"cue {cue} has no valid time line; expected 'hh:mm:ss.mmm --> hh:mm:ss.mmm'.",
                              place=f"line {first_line + offset}")


def _check_times(path: Path, cues: list[_Cue]) -> None:
    """A cue that ends before it starts is a typo in its time line: stored, it would give
    a quote a negative length and a link to the wrong moment."""
    for cue in cues:
        if cue.end < cue.start:
            raise SourceError(path, f"cue {cue.number} ends ({_stamp(cue.end)}) before it starts "
                                    f"({_stamp(cue.start)}); correct its time line.", place=f"cue {cue.number}")


def _stamp(seconds_: float) -> str:
    minutes, secs = divmod(seconds_, 60)
    return f"{int(minutes // 60):02d}:{int(minutes % 60):02d}:{secs:06.3f}"


def _turns_from_cues(cues: list[_Cue], speakers: dict[str, str]) -> list[Turn]:
    split = [split_label(c.text) for c in cues]
    judge = judge_lines(split, speakers)
    turns: list[Turn] = []
    pieces: list[list[str]] = []  # each turn's cue texts
    length = 0  # of the current turn's text so far
    current: Turn | None = None
    for cue, parsed in zip(cues, split):
        label, text = cue.voice, cue.text
        if label is None and judge.is_label(parsed.label):
            label, text = parsed.label, parsed.text
        if label is not None:
            label = judge.canonical(label.strip())
        if not text:
            continue
        if current is None or (label is not None and label != current.label):
            current = Turn(label=label, text="", place=f"cue {cue.number}", start=cue.start)
            turns.append(current)
            pieces.append([])
        # The text in pieces, joined once below: adding to a string copies it each time.
        offset = length + 1 if pieces[-1] else 0
        pieces[-1].append(text)
        length = offset + len(text)
        current.cues.append(Cue(offset, cue.start, cue.end))
        current.end = cue.end
    for turn, parts in zip(turns, pieces):
        turn.text = " ".join(parts)
    return turns
