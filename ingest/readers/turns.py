"""Turns from labelled lines: shared by the plain-text, Markdown and Word readers."""

from __future__ import annotations

from ingest.labels import LabelledLine, judge_lines, split_label
from ingest.model import Turn


def turns_from_lines(lines: list[tuple[str, str]], speakers: dict[str, str]) -> list[Turn]:
    """Build turns from ``(line, place)`` pairs.

    A confirmed label starts a turn; lines without one continue it (a blank line
    between them becomes a paragraph break, which the segmenter splits at). A file
    with no labels at all is one speaker's text, one turn per paragraph.
    """
    parsed = [(split_label(line), place) if line.strip() else (None, place) for line, place in lines]
    judge = judge_lines([p for p, _ in parsed if p], speakers)
    labelled = any(p and judge.is_label(p.label) for p, _ in parsed)

    turns: list[Turn] = []
    # Each turn's text in pieces, joined once at the end: adding line by line to a string
    # copies it each time, quadratic in a turn of many lines.
    pieces: list[list[str]] = []
    current: Turn | None = None
    blank_before = False
    for p, place in parsed:
        if p is None:
            blank_before = True
            if not labelled:
                current = None  # unlabelled text: each paragraph is a turn
            continue
        if labelled and judge.is_label(p.label):
            current = Turn(label=judge.canonical(p.label), text="", place=place, start=p.time)
            turns.append(current)
            pieces.append([p.text] if p.text else [])
        else:
            text = _unlabelled_text(p)
            if current is None:
                current = Turn(label=None, text="", place=place, start=p.time)
                turns.append(current)
                pieces.append([text] if text else [])
            elif text:
                if pieces[-1]:
                    pieces[-1].append("\n\n" if blank_before else "\n")
                pieces[-1].append(text)
        blank_before = False
    for turn, parts in zip(turns, pieces):
        turn.text = "".join(parts)

    turns = [t for t in turns if t.text.strip()]
    # Where turns carry time stamps, each ends where the next timed one starts.
    for turn, following in zip(turns, turns[1:]):
        if turn.start is not None and following.start is not None:
            turn.end = following.start
    return turns


def _unlabelled_text(p: LabelledLine) -> str:
    # A rejected label candidate was ordinary text: put it back.
    return f"{p.label}: {p.text}".strip() if p.label else p.text
