"""Build the packaged tagger from coded corpora (the shared train and dev corpora).

    python -m ingest.themes.build GOLD.jsonl [GOLD.jsonl ...] [--out-model FILE] [--out-data FILE]

Each gold file is shaped like ``../shared/corpus/train.gold.jsonl``: one unit per line
(``doc``, ``unit``, ``speaker``, ``text``, ``themes``; optionally ``question`` and
``context``). A ``<corpus>-src/`` folder beside it, if there is one, gives each speaker's
public description, so hosts' and interviewers' turns are left out as ingest leaves them.
Writes the model and the training set (hashed feature counts and codes, never text),
and prints the cross-validated figure by document.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from ingest.themes import DEFAULT_CODEBOOK, ThemeStage
from ingest.themes.evaluate import score
from ingest.themes.trained import (PACKAGED_DATA, PACKAGED_MODEL, TrainingSet, count_matrices, cue_counts,
                                   fit)


def _question(unit: dict) -> str:
    """A survey answer's question: the part of its context that asks something."""
    if not unit.get("question"):
        return ""
    parts = [p for p in str(unit.get("context") or "").split(" | ") if p.strip().endswith("?")]
    return parts[0] if parts else str(unit["question"])


def gold_units(path: Path) -> list[dict]:
    """Units in document order, each with its role and context."""
    units = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    src = path.parent / path.name.replace(".gold.jsonl", "-src")
    roles = {}
    for p in src.glob("*.json") if src.is_dir() else []:
        d = json.loads(p.read_text(encoding="utf-8"))
        roles[d["id"]] = d.get("speakers_public") or {}
    units.sort(key=lambda u: (u["doc"], u.get("unit", 0)))
    before: dict[str, str] = {}
    for u in units:
        u["role"] = roles.get(u["doc"], {}).get(u.get("speaker"), "") or ""
        u["context"] = _question(u) or before.get(u["doc"], "")
        before[u["doc"]] = u["text"]
    return units


def training_set(stage: ThemeStage, units: list[dict], weight: float = 1.0) -> TrainingSet:
    texts, contexts = [u["text"] for u in units], [u["context"] for u in units]
    counts, context_counts = count_matrices(texts, contexts)
    themes = stage.codebook.ids
    return TrainingSet(counts, context_counts, cue_counts(list(stage.nlp.pipe(texts)), themes),
                       cue_counts(list(stage.nlp.pipe(contexts)), themes),
                       np.array([[t in u["themes"] for t in themes] for u in units], dtype=int).reshape(-1, len(themes)),
                       np.array([str(u["doc"]) for u in units]), np.full(len(units), weight, dtype=np.float32),
                       themes)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path, nargs="+")
    parser.add_argument("--out-model", type=Path, default=PACKAGED_MODEL)
    parser.add_argument("--out-data", type=Path, default=PACKAGED_DATA)
    args = parser.parse_args(argv)
    stage = ThemeStage(DEFAULT_CODEBOOK, rules_only=True)
    units = [u for path in args.gold for u in gold_units(path)]
    units = [u for u in units if stage.is_coded([u.get("speaker"), u["role"]])]
    data = training_set(stage, units)
    model, held_out = fit(data, progress=lambda: print(".", end="", file=sys.stderr, flush=True))
    predicted = [{t for t, s, th in zip(data.themes, row, model.thresholds) if s >= th} for row in held_out]
    print(f"\n== cross-validated by document ({len(set(data.docs.tolist()))} documents, {len(data)} coded units)")
    print(score([{t for t, y in zip(data.themes, row) if y} for row in data.labels], predicted, data.themes).table())
    print("thresholds: " + ", ".join(f"{t} {th:.3f}" for t, th in zip(data.themes, model.thresholds)))
    model.save(args.out_model)
    data.save(args.out_data)
    print(f"wrote {args.out_model} ({args.out_model.stat().st_size // 1024} KB) and {args.out_data} "
          f"({args.out_data.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
