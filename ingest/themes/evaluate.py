"""Score the tagger against hand-coded material (a gold JSONL file).

Each line of the gold file is a JSON object with at least ``text`` and
``themes`` (the theme ids a careful coder gave it); ``doc`` (or ``source``, as in
``archive export``) names the document.
Per theme: precision, recall and F1; overall: micro F1 (every decision counts
the same) and macro F1 (every theme counts the same, so rare themes matter).
"""

from __future__ import annotations

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


def read_gold(path: str | Path) -> list[GoldUnit]:
    path = Path(path)
    units = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as e:
        raise GoldError(f"{path}: cannot read the gold file ({e.strerror}).") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            # "source" as well as "doc": an `archive export` whose themes a coder has checked is gold.
            units.append(GoldUnit(str(row.get("doc") or row.get("source") or ""), str(row["text"]),
                                  set(row.get("themes") or []), str(row.get("speaker") or "")))
        except (ValueError, KeyError, TypeError, AttributeError):
            raise GoldError(f"{path}, line {number}: expected a JSON object with 'text' and "
                            "'themes'.") from None
    if not units:
        raise GoldError(f"{path}: no gold units in the file.")
    return units


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
    def macro_f1(self) -> float:
        return sum(c.f1 for c in self.themes.values()) / len(self.themes) if self.themes else 0.0

    def as_dict(self) -> dict:
        return {
            "units": self.units,
            "micro_f1": round(self.micro.f1, 4),
            "macro_f1": round(self.macro_f1, 4),
            "themes": {t: {"precision": round(c.precision, 4), "recall": round(c.recall, 4),
                           "f1": round(c.f1, 4), "support": c.tp + c.fn}
                       for t, c in self.themes.items()},
        }

    def table(self) -> str:
        width = max([len(t) for t in self.themes] + [5])
        lines = [f"{'theme':<{width}}  precision  recall     F1  support"]
        for theme, c in self.themes.items():
            lines.append(f"{theme:<{width}}  {c.precision:9.3f}  {c.recall:6.3f}  {c.f1:5.3f}  "
                         f"{c.tp + c.fn:7d}")
        micro = self.micro
        lines.append(f"{'micro':<{width}}  {micro.precision:9.3f}  {micro.recall:6.3f}  "
                     f"{micro.f1:5.3f}")
        lines.append(f"{'macro F1':<{width}}  {'':9}  {'':6}  {self.macro_f1:5.3f}")
        lines.append(f"({self.units} units)")
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
    be found, and one the codebook has but the gold never uses has F1 0.
    """
    predicted = tag(units)
    return score([u.themes for u in units], predicted, themes)
