"""The learning curve of assisted coding, simulated on training documents held out of the model.

    nice -n 5 .venv/bin/python training/themes_curve.py [--weights 4,1] [--steps 0,25,50,100,200]

``../shared/tools/coding_sim.py`` measures the curve on ``valid`` through the commands (ingest,
queue, tag, train, retag), which takes long and must not be tuned on. This runs the same loop
in memory on the packaged training units (hashed counts and codes, never text), so choices
about retraining (how much a hand code counts) can be made without looking at ``valid``:

- one document in five of the shipped training set is held out as "a collection the tagger
  was not trained on"; the tagger is refitted on the rest (``trained.refit``: the packaged
  calibration and thresholds, new weights);
- a simulated coder takes the held-out quotes in queue order (least sure first, as
  ``archive.coding.queue``), 25 at a time, and codes them as the reference coding does;
- after each step the tagger is refitted on the rest plus those hand codes (each counting
  ``--weights`` shipped units, as ``archive themes train`` does with ``HAND_WEIGHT``, and
  learning weights of their own as it does: ``trained.refit``'s ``own``), and
  macro F1 is measured on the held-out quotes not yet reviewed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest.themes import trained as T  # noqa: E402

QUEUE_BATCH = 25


def _rows(data: T.TrainingSet, keep: np.ndarray, weight: float | None = None, doc: str | None = None):
    n = int(keep.sum())
    return T.TrainingSet(data.text_counts[keep], data.context_counts[keep], data.cues[keep], data.context_cues[keep],
                         data.labels[keep], np.array([doc] * n) if doc else data.docs[keep],
                         np.full(n, weight, np.float32) if weight is not None else data.weights[keep], data.themes)


def _macro(labels, scores, thresholds) -> float:
    return float(np.mean([T.f1(labels[:, j], scores[:, j] >= thresholds[j]) for j in range(labels.shape[1])]))


def _margin(scores, thresholds):
    """Each quote's smallest distance, in log-odds, between a theme's score and its threshold."""
    def logit(p):
        p = np.clip(p, 1e-4, 1 - 1e-4)
        return np.log(p / (1 - p))
    return np.min(np.abs(logit(scores) - logit(np.asarray(thresholds))), axis=1)


def held_out_curve(weight: float, steps=(0, 25, 50, 100, 200), every: int = 5, log=print) -> list[tuple[int, float]]:
    data = T.TrainingSet.load(T.PACKAGED_DATA)
    like = T.TaggerModel.load(T.PACKAGED_MODEL)
    names = sorted(set(data.docs.tolist()))
    held = np.isin(data.docs, [names[i] for i in range(2, len(names), every)])
    rest, pool = _rows(data, ~held), _rows(data, held)

    def probabilities(model):
        return model.probabilities(pool.text_counts, pool.context_counts, pool.cues, pool.context_cues)

    model, reviewed, curve = T.refit(rest, like), [], []
    for target in steps:
        while len(reviewed) < target:
            scores = probabilities(model)
            undecided = np.setdiff1d(np.arange(len(pool)), reviewed)
            if not len(undecided):
                break
            order = np.argsort(_margin(scores[undecided], model.thresholds), kind="stable")
            reviewed += undecided[order[:min(QUEUE_BATCH, target - len(reviewed))]].tolist()
        decided = np.isin(np.arange(len(pool)), reviewed)
        if decided.any():
            own = np.arange(len(rest) + int(decided.sum())) >= len(rest)  # as coding.train
            model = T.refit(rest.concat(_rows(pool, decided, weight, doc="archive")), like, own=own)
        scores = probabilities(model)
        curve.append((len(reviewed), round(_macro(pool.labels[~decided], scores[~decided], model.thresholds), 4)))
        log(f"  hand weight {weight:g}: {curve[-1][0]} decisions, macro F1 {curve[-1][1]:.3f} "
            f"on the {int((~decided).sum())} not yet reviewed")
    return curve


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--weights", default=str(T.HAND_WEIGHT), help="hand-code weights to compare, comma-separated")
    parser.add_argument("--steps", default="0,25,50,100,200")
    args = parser.parse_args(argv)
    steps = [int(s) for s in args.steps.split(",")]
    for weight in (float(w) for w in args.weights.split(",")):
        began = time.perf_counter()
        curve = held_out_curve(weight, steps)
        rising = all(b[1] >= a[1] for a, b in zip(curve, curve[1:]))
        print(f"hand weight {weight:g}: {curve} (rising at each step: {'yes' if rising else 'no'}; "
              f"gain {curve[-1][1] - curve[0][1]:+.3f}; {time.perf_counter() - began:.0f} s)")


if __name__ == "__main__":
    main()
