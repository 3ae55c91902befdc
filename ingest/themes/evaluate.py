"""Score the tagger against hand-coded material (a gold JSONL file).

Each line of the gold file is a JSON object with at least ``text`` and
``themes`` (the theme ids a careful coder gave it); ``doc`` (or ``source``, as in
``archive export``) names the document.
Per theme: precision, recall and F1; overall: micro F1 (every decision counts
the same) and macro F1 (every theme counts the same, so rare themes matter).
A theme the gold never uses and the tagger never gives has no F1 (0/0): it is
shown as n/a and left out of macro F1, rather than counted as a failure.
"""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable


class GoldError(Exception):
    pass


@dataclass
class GoldUnit:
    doc: str
    text: str
    themes: set[str]
    speaker: str = ""
    question: str = ""  # a survey answer's question (an export's "question"): the tagger's context


def read_gold(path: str | Path) -> list[GoldUnit]:
    path = Path(path)
    units = []
    try:
        data = path.read_bytes().removeprefix(codecs.BOM_UTF8)
    except OSError as e:
        raise GoldError(f"{path}: cannot read the gold file ({e.strerror}).") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise GoldError(f"{path}, line {line}: the gold file is not UTF-8 text; save it as "
                        "UTF-8 (JSONL is always UTF-8).") from None
    # Split on newlines only: str.splitlines() also breaks on U+2028 or U+0085, which
    # JSON allows raw inside a string (as `archive export` writes them).
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError:
            row = None  # not JSON: refused below with any other line that is not a unit
        try:
            units.append(_gold_unit(row))
        except ValueError as e:
            raise GoldError(f"{path}, line {number}: {e}.") from None
    if not units:
        raise GoldError(f"{path}: no gold units in the file.")
    return units


def _gold_unit(row) -> GoldUnit:
    if not isinstance(row, dict) or "text" not in row or "themes" not in row:
        raise ValueError("expected a JSON object with 'text' and 'themes'")
    text, themes = row["text"], row["themes"]
    if not isinstance(text, str):
        raise ValueError(f"'text' must be a string, not {json.dumps(text)[:40]}")
    # A bare string would be read letter by letter as themes; [] is a text coded with no theme.
    if not isinstance(themes, list) or not all(isinstance(t, str) and t for t in themes):
        raise ValueError(f"'themes' must be a list of theme ids such as [\"precarity\"] "
                         f"(or [] for none), not {json.dumps(themes)[:40]}")
    # "source" as well as "doc": an `archive export` whose themes a coder has checked is gold.
    return GoldUnit(str(row.get("doc") or row.get("source") or ""), text, set(themes),
                    str(row.get("speaker") or ""), str(row.get("question") or ""))


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def defined(self) -> bool:
        """False when F1 is 0/0: no gold support and never predicted. With support or
        predictions it is a real figure, even 0 (predicting an unused theme is an error)."""
        return bool(self.tp + self.fp + self.fn)


@dataclass
class Scores:
    themes: dict[str, Counts] = field(default_factory=dict)
    units: int = 0

    @property
    def micro(self) -> Counts:
        total = Counts()
        for c in self.themes.values():
            total.tp, total.fp, total.fn = total.tp + c.tp, total.fp + c.fp, total.fn + c.fn
        return total

    @property
    def undefined(self) -> list[str]:
        """Themes neither in the gold nor ever tagged: no F1, so left out of macro F1."""
        return [t for t, c in self.themes.items() if not c.defined]

    @property
    def macro_f1(self) -> float:
        # Over the themes with an F1; counting undefined ones as 0 would let a small
        # gold file's unused themes drag the figure down though nothing was wrong.
        f1s = [c.f1 for c in self.themes.values() if c.defined]
        return sum(f1s) / len(f1s) if f1s else 0.0

    def as_dict(self) -> dict:
        def figure(c: Counts, value: float) -> float | None:
            return round(value, 4) if c.defined else None

        return {
            "units": self.units,
            "micro_f1": round(self.micro.f1, 4),
            "macro_f1": round(self.macro_f1, 4) if len(self.undefined) < len(self.themes) else None,
            "themes": {t: {"precision": figure(c, c.precision), "recall": figure(c, c.recall),
                           "f1": figure(c, c.f1), "support": c.tp + c.fn}
                       for t, c in self.themes.items()},
        }

    def table(self) -> str:
        width = max([len(t) for t in self.themes] + [5])
        lines = [f"{'theme':<{width}}  precision  recall     F1  support"]
        for theme, c in self.themes.items():
            if c.defined:
                lines.append(f"{theme:<{width}}  {c.precision:9.3f}  {c.recall:6.3f}  {c.f1:5.3f}  "
                             f"{c.tp + c.fn:7d}")
            else:
                lines.append(f"{theme:<{width}}  {'n/a':>9}  {'n/a':>6}  {'n/a':>5}  {0:7d}")
        micro = self.micro
        lines.append(f"{'micro':<{width}}  {micro.precision:9.3f}  {micro.recall:6.3f}  "
                     f"{micro.f1:5.3f}")
        macro = f"{self.macro_f1:5.3f}" if len(self.undefined) < len(self.themes) else "  n/a"
        lines.append(f"{'macro F1':<{width}}  {'':9}  {'':6}  {macro}")
        if self.undefined:
            lines.append(f"not in the gold and never tagged, left out of macro F1: "
                         f"{', '.join(self.undefined)}")
        lines.append(f"({self.units} unit{'' if self.units == 1 else 's'})")
        return "\n".join(lines)


def score(gold: Iterable[set[str]], predicted: Iterable[set[str]], themes: list[str]) -> Scores:
    """Compare predicted theme sets with gold ones, theme by theme."""
    scores = Scores(themes={t: Counts() for t in themes})
    for expected, got in zip(gold, predicted, strict=True):
        scores.units += 1
        for theme, c in scores.themes.items():
            if theme in got and theme in expected:
                c.tp += 1
            elif theme in got:
                c.fp += 1
            elif theme in expected:
                c.fn += 1
    return scores


def evaluate(units: list[GoldUnit], tag: Callable[[list[GoldUnit]], list[set[str]]],
             themes: list[str]) -> Scores:
    """Tag every gold unit with ``tag`` (units → theme sets) and score the result.

    Scored over the codebook's themes only: a gold theme the codebook lacks cannot
    be found; one the codebook has but the gold never uses has F1 0 if tagged, and
    no F1 (left out of macro F1) if not.
    """
    predicted = tag(units)
    return score([u.themes for u in units], predicted, themes)
