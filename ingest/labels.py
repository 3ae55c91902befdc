"""Speaker labels: ``Label: text`` at the start of a line or cue.

A colon early in a line is not always a label ("What she said was: no."), so a
candidate counts as a label when it is one of the source's ``speakers:`` (any
case), when it labels two or more lines of the file, or when it is a short,
name-like label of one or two capitalised words. Sentences are kept out by refusing
candidates with sentence punctuation.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

MAX_LABEL = 40

# Transcribers' role labels are not names: the speaker's description, where one is implied.
ROLE_DESCRIPTIONS = {
    "interviewer": "Interviewer", "int": "Interviewer", "iv": "Interviewer", "i": "Interviewer",
    "q": "Interviewer", "question": "Interviewer", "researcher": "Researcher", "facilitator": "Facilitator",
    "moderator": "Moderator", "host": "Host", "respondent": "Respondent", "resp": "Respondent",
    "r": "Respondent", "a": "Respondent", "answer": "Respondent", "interviewee": "Interviewee",
    "participant": "Participant",
}
# Every word that opens a role label ("Interviewer 2", "Participant A", "Unknown speaker").
ROLE_WORDS = (*ROLE_DESCRIPTIONS, "p", "c", "f", "m", "co-host", "cohost", "guest", "speaker", "audience",
              "researcher", "student", "voice", "unknown", "unidentified", "narrator", "presenter", "male",
              "female", "man", "woman", "all", "both", "several", "multiple", "crosstalk", "chair", "group",
              "member", "other", "everyone", "caller")
# The role words as a pattern's alternatives (the label reader's and the redaction's).
ROLE_WORD = "|".join(map(re.escape, ROLE_WORDS))
ROLE_LABEL = re.compile(rf"^(?:{ROLE_WORD})\b[\w\s.-]*$", re.IGNORECASE)
# Optional [hh:mm:ss] or [mm:ss] before or after the label.
TIME = r"\[(?P<{name}>(?:\d{{1,2}}:)?\d{{1,2}}:\d{{2}}(?:[.,]\d+)?)\]"
_LINE = re.compile(
    r"^\s*(?:" + TIME.format(name="t1") + r"\s*)?"
    r"(?:\*\*|__)?(?P<label>[^\s:*_\[\]][^:\n]{0,39}?)(?:\*\*|__)?\s*:(?:\*\*|__)?(?:\s+|$)"
    r"(?:" + TIME.format(name="t2") + r"\s*)?"
    r"(?P<rest>.*)$"
)
_LEADING_TIME = re.compile(r"^\s*" + TIME.format(name="t") + r"\s*(?P<rest>.*)$")
_NOT_IN_LABEL = re.compile(r"[.,;!?\"“”()<>]|\bhttps?\b|\d{3,}")


@dataclass
class LabelledLine:
    label: str | None
    text: str
    time: float | None


def seconds(stamp: str | None) -> float | None:
    """'01:02:03' or '02:03' (optionally with fractions) → seconds."""
    if not stamp:
        return None
    parts = [float(p) for p in stamp.replace(",", ".").split(":")]
    total = 0.0
    for p in parts:
        total = total * 60 + p
    return total


def split_label(line: str) -> LabelledLine:
    """The label candidate, text and time stamp of one line (label not yet confirmed)."""
    m = _LINE.match(line)
    if m and not _NOT_IN_LABEL.search(m["label"]) and len(m["label"]) <= MAX_LABEL:
        return LabelledLine(m["label"].strip(), m["rest"].strip(), seconds(m["t1"] or m["t2"]))
    t = _LEADING_TIME.match(line)
    if t:
        return LabelledLine(None, t["rest"].strip(), seconds(t["t"]))
    return LabelledLine(None, line.strip(), None)


class LabelJudge:
    """Decides which label candidates in one file are really speaker labels."""

    def __init__(self, candidates: list[str], speakers: dict[str, str]):
        self.known = {k.casefold(): k for k in speakers}
        self.counts = Counter(c.casefold() for c in candidates)

    def is_label(self, candidate: str | None) -> bool:
        if not candidate:
            return False
        key = candidate.casefold()
        if key in self.known or self.counts[key] >= 2:
            return True
        words = candidate.split()
        return len(words) <= 2 and all(w[:1].isupper() for w in words)

    def canonical(self, label: str) -> str:
        """The ``speakers:`` key a label matches (any case), else the label as written."""
        return self.known.get(label.casefold(), label)


def judge_lines(lines: list[LabelledLine], speakers: dict[str, str]) -> LabelJudge:
    return LabelJudge([l.label for l in lines if l.label], speakers)
