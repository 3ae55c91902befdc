"""The segment stage: turns → speakers and quotes.

A quote is a speaker turn or a survey answer; a turn longer than ``max_words``
is split into balanced parts at paragraph breaks, else at sentence ends. Quote
ids are ``<source>-<turn>`` (``<source>-<turn>-<part>`` for split turns): the
same file read with the same settings always gives the same ids, and an edit
to one turn leaves the ids of the others alone.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from ingest.config import ProjectConfig
from ingest.labels import ROLE_DESCRIPTIONS
from ingest.model import Quote, Source, Speaker, Turn
from ingest.stages import register_stage

MAX_WORDS = 150
_PARAGRAPH = re.compile(r"\n\s*\n")
# A sentence ends at . ! ? or … (perhaps closing a quotation or bracket) before a capital.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


@dataclass
class Segmenter:
    max_words: int = MAX_WORDS
    name: str = "segment"

    def __call__(self, source: Source) -> Source:
        source.speakers = []
        source.quotes = []
        by_key: dict[str, Speaker] = {}
        position = 0
        for turn_no, turn in enumerate(source.turns, start=1):
            speaker = self._speaker(source, turn, by_key)
            spans = split_spans(turn.text, self.max_words)
            offsets = [c.offset for c in turn.cues]
            for part, (begin, end) in enumerate(spans, start=1):
                position += 1
                start, stop = _times(turn, begin, end, offsets)
                source.quotes.append(Quote(
                    id=f"{source.id}-{turn_no:03d}" + (f"-{part}" if len(spans) > 1 else ""),
                    turn=turn_no, part=part, position=position, speaker=speaker,
                    text=turn.text[begin:end].strip(), place=turn.place,
                    start=start, end=stop, question=turn.question,
                ))
        return source

    def _speaker(self, source: Source, turn: Turn, by_key: dict[str, Speaker]) -> Speaker:
        key = turn.label.casefold() if turn.label else ""
        if key in by_key:
            return by_key[key]
        described = {k.casefold(): v for k, v in source.meta.get("speakers", {}).items()}
        number = len(source.speakers) + 1
        if key in described:
            description = described[key]
        elif turn.attributes:
            # A survey respondent, described by the kept attribute columns.
            description = ", ".join(v for v in turn.attributes.values() if v) or f"Respondent {number}"
        elif not key and len(described) == 1:
            description = next(iter(described.values()))  # one speaker's text
        elif key in ROLE_DESCRIPTIONS:
            description = ROLE_DESCRIPTIONS[key]
        else:
            # Never the label itself: it may be a name. The redaction stage may refine this.
            pseudonyms = sum(1 for s in source.speakers if s.description.startswith("Participant "))
            description = f"Participant {pseudonyms + 1}"
        speaker = Speaker(number=number, description=description,
                          labels={turn.label} if turn.label else set(), attributes=dict(turn.attributes))
        by_key[key] = speaker
        source.speakers.append(speaker)
        return speaker


def split_spans(text: str, max_words: int = MAX_WORDS) -> list[tuple[int, int]]:
    """Character spans of the parts of ``text``, each about ``max_words`` words or fewer."""
    total = _words(text, 0, len(text))
    if total <= max_words:
        return [(0, len(text))]
    units: list[tuple[int, int, int]] = []  # (begin, end, words)
    for begin, end in _spans(text, _PARAGRAPH, 0, len(text)):
        words = _words(text, begin, end)
        if words > max_words:
            units += [(b, e, _words(text, b, e)) for b, e in _spans(text, _SENTENCE_END, begin, end)]
        elif words:
            units.append((begin, end, words))
    if len(units) == 1:
        return [units[0][:2]]  # one very long sentence: nowhere sensible to cut
    # Cut at the unit boundaries nearest to each k·total/n: n parts of balanced length.
    n = math.ceil(total / max_words)
    cumulative, running = [], 0
    for _, _, words in units:
        running += words
        cumulative.append(running)
    cuts: list[int] = []  # index of the last unit of each part but the last
    last = len(units) - 2  # a cut after the last unit would leave an empty part
    for k in range(1, n):
        goal = k * total / n
        # cumulative rises strictly: the nearest is beside where goal would go (a bisection,
        # so that a turn of many sentences costs n log n, not n squared); a tie goes to the
        # earlier unit.
        i = min(bisect.bisect_left(cumulative, goal, 0, last + 1), last)
        best = i - 1 if i > 0 and goal - cumulative[i - 1] <= abs(cumulative[i] - goal) else i
        if not cuts or best > cuts[-1]:
            cuts.append(best)
    bounds = [-1] + cuts + [len(units) - 1]
    return [(units[a + 1][0], units[b][1]) for a, b in zip(bounds, bounds[1:])]


_WORD = re.compile(r"\S+")


def _words(text: str, begin: int, end: int) -> int:
    """Words in ``text[begin:end]``, as str.split counts them. A long stretch is counted
    match by match: split would hold a list of all its words at once (a 50 MB paragraph,
    half a gigabyte)."""
    if end - begin < 100_000:
        return len(text[begin:end].split())
    return sum(1 for _ in _WORD.finditer(text, begin, end))


def _spans(text: str, separator: re.Pattern, begin: int, end: int) -> list[tuple[int, int]]:
    spans, cursor = [], begin
    for m in separator.finditer(text, begin, end):
        spans.append((cursor, m.start()))
        cursor = m.end()
    spans.append((cursor, end))
    return [(b, e) for b, e in spans if text[b:e].strip()]


def _times(turn: Turn, begin: int, end: int, offsets: list[int]) -> tuple[float | None, float | None]:
    """A part's times: from the cues it spans, else the turn's own. ``offsets`` are the
    cues' offsets, in order: bisected rather than scanned for every part."""
    if turn.cues:
        starting = bisect.bisect_right(offsets, begin)  # cues with offset <= begin
        ending = bisect.bisect_left(offsets, end)  # cues with offset < end
        return ((turn.cues[starting - 1].start if starting else turn.start),
                (turn.cues[ending - 1].end if ending else turn.end))
    return turn.start, turn.end


@register_stage("segment")
def make_segmenter(config: ProjectConfig) -> Segmenter:
    return Segmenter(max_words=config.max_words)
