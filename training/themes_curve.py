"""The learning curve of assisted coding, simulated on training documents held out of the model.

    nice -n 5 .venv/bin/python training/themes_curve.py [--weights 4,1] [--steps 0,25,50,100,200]

``../shared/tools/coding_sim.py`` measures the curve on ``valid`` through the commands (ingest,
queue, tag, train, retag), which takes long and must not be tuned on. This runs the same loop
in memory on the packaged training units (hashed counts and codes, never text), so choices
about retraining (how much a hand code counts) can be made without looking at ``valid``:

- one document in five of the shipped training set is held out as "a collection the tagger
  was not trained on"; the tagger is refitted on the rest (``trained.refit``: the packaged
  calibration and thresholds, new weights). With ``--folds N``, N held-out collections in
  turn instead, each shaped like ``valid`` (fold k: the k-th and (k+1)-th document of every
  train sub-collection, about 530 quotes), and their mean: one fold's steps are noisy;
- a simulated coder takes the held-out quotes in queue order (least sure first, as
  ``archive.coding.queue``), 25 at a time, and codes them as the reference coding does;
  as ``coding_sim.py``, a quote becomes a hand code only when a theme is added or removed
  (one with no theme, rightly tagged with none, is reviewed but teaches nothing);
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


def _margin(scores, thresholds):
    """Each quote's smallest distance, in log-odds, between a theme's score and its threshold."""
    def logit(p):
        p = np.clip(p, 1e-4, 1 - 1e-4)
        return np.log(p / (1 - p))
    return np.min(np.abs(logit(scores) - logit(np.asarray(thresholds))), axis=1)


def fold_documents(docs, k: int) -> list[str]:
    """Fold k: the k-th and (k+1)-th (mod 5) document of every train sub-collection (tr-X-NN)."""
    subs: dict[str, list[str]] = {}
    for name in sorted(set(docs.tolist())):
        if name.startswith("tr-"):
            subs.setdefault(name.rsplit("-", 1)[0], []).append(name)
    return [names[j] for names in subs.values() for j in (k % 5, (k + 1) % 5) if j < len(names)]


def held_out_curve(weight: float, steps=(0, 25, 50, 100, 200), every: int = 5, log=print,
                   fold: int | None = None) -> list[tuple[int, float]]:
    data = T.TrainingSet.load(T.PACKAGED_DATA)
    like = T.TaggerModel.load(T.PACKAGED_MODEL)
    names = sorted(set(data.docs.tolist()))
    chosen = fold_documents(data.docs, fold) if fold is not None else names[2::every]
    held = np.isin(data.docs, chosen)
    rest, pool = _rows(data, ~held), _rows(data, held)

    def probabilities(model):
        return model.probabilities(pool.text_counts, pool.context_counts, pool.cues, pool.context_cues)

    model, reviewed, recorded, curve = T.refit(rest, like), [], [], []
    for target in steps:
        while len(reviewed) < target:
            scores = probabilities(model)
            undecided = np.setdiff1d(np.arange(len(pool)), reviewed)
            if not len(undecided):
                break
            order = np.argsort(_margin(scores[undecided], model.thresholds), kind="stable")
            for i in undecided[order[:min(QUEUE_BATCH, target - len(reviewed))]].tolist():
                reviewed.append(i)
                if pool.labels[i].any() or (scores[i] >= model.thresholds).any():
                    recorded.append(i)  # coding_sim tags it: a theme added or removed
        seen = np.isin(np.arange(len(pool)), reviewed)
        decided = np.isin(np.arange(len(pool)), recorded)
        if decided.any():
            own = np.arange(len(rest) + int(decided.sum())) >= len(rest)  # as coding.train
            model = T.refit(rest.concat(_rows(pool, decided, weight, doc="archive")), like, own=own)
        scores = probabilities(model)
        rest_of = ~seen
        # as coding_sim: a theme no quote left carries has no F1
        kept = pool.labels[rest_of].any(axis=0)
        macro = float(np.mean([T.f1(pool.labels[rest_of, j], scores[rest_of, j] >= model.thresholds[j])
                               for j in np.flatnonzero(kept)]))
        curve.append((len(reviewed), round(macro, 4)))
        log(f"  hand weight {weight:g}: {curve[-1][0]} decisions, macro F1 {curve[-1][1]:.3f} "
            f"on the {int((~seen).sum())} not yet reviewed")
    return curve


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--weights", default=str(T.HAND_WEIGHT), help="hand-code weights to compare, comma-separated")
    parser.add_argument("--steps", default="0,25,50,100,200")
    parser.add_argument("--folds", type=int, default=0,
                        help="hold out N collections shaped like valid in turn (up to 5) and give the mean")
    args = parser.parse_args(argv)
    steps = [int(s) for s in args.steps.split(",")]
    for weight in (float(w) for w in args.weights.split(",")):
        began = time.perf_counter()
        if args.folds:
            curves = [held_out_curve(weight, steps, fold=k, log=lambda *a: None) for k in range(args.folds)]
            for k, c in enumerate(curves):
                print(f"hand weight {weight:g}, fold {k}: {[f for _, f in c]}")
            curve = [(n, round(float(np.mean([c[i][1] for c in curves])), 4)) for i, (n, _) in enumerate(curves[0])]
        else:
            curve = held_out_curve(weight, steps)
        rising = all(b[1] >= a[1] for a, b in zip(curve, curve[1:]))
        print(f"hand weight {weight:g}: {curve} (rising at each step: {'yes' if rising else 'no'}; "
              f"gain {curve[-1][1] - curve[0][1]:+.3f}; {time.perf_counter() - began:.0f} s)")


if __name__ == "__main__":
    main()
