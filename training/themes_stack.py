"""Does the context a coder reads help the tagger? A second stage on neighbours and source, tested.

    nice -n 5 .venv/bin/python training/themes_stack.py [--gold ../shared/corpus/train.gold.jsonl]

A human coder reads a quote among the turns around it and knows what the whole interview is
about; the packaged tagger (``ingest.themes.trained``) reads the quote and its question or
previous turn only. This measures, cross-validated by document on the training corpus's units
(the packaged hashed counts, ``tagger_data.npz``; the gold file only for the next turn's words),
whether more of that context adds anything:

- ``stacked``: a second logistic regression per theme on the first stage's logits for the
  quote (every theme's: co-occurrence) and the first stage's probabilities of every theme
  for the previous and the next participant turn of the same source, their mean and their
  maximum over the rest of the source, with indicators of a missing neighbour and the
  source's size. Nested by document: in each outer fold the second stage learns from the
  first stage's out-of-fold logits computed inside the outer training documents only (inner
  5-fold by document), and is applied to logits of a first stage trained on all of them.
- ``stacked, same theme``: the same with only theme j's own columns for theme j (fewer weights);
- ``next turn``: the words of the turn after the quote as a further context block (weight 0.25);
- ``class weights``: the first stage with balanced class weights;
- ``at most 2 themes``: the per-theme decisions capped to the two with the largest margin.

Each is calibrated (Platt on the held-out scores) and thresholded per theme on the same
held-out scores as the baseline, so all are equally (slightly) optimistic and comparable.

Figures of 2026-12-03 (1327 coded units of 40 training documents, 5 folds; macro F1, then
per theme in codebook order):

    baseline (packaged recipe)         0.658  0.63 0.78 0.54 0.63 0.70 0.55 0.59 0.82 0.67 0.67
    stacked (C2 0.1)                   0.661  0.64 0.79 0.55 0.61 0.70 0.58 0.57 0.82 0.67 0.67
    stacked (C2 0.3 / 1 / 3)           0.659 / 0.649 / 0.635
    stacked, same theme (C2 1)         0.662  0.64 0.77 0.54 0.61 0.72 0.56 0.60 0.84 0.67 0.67
    stacked, neighbours only (C2 1)    0.662
    stacked, source mean/max only      0.659
    stacked, co-occurrence only        0.651
    next turn's words (0.25 / 0.5)     0.657 / 0.655
    class weights balanced             0.658
    at most 2 themes (1 / 3)           0.648 (0.581 / 0.655)
    first stage C 1 / 16; context 1.0  0.651 / 0.659; 0.652

None beats the baseline by more than 0.004, within the noise of a 40-document CV, so the
packaged tagger is unchanged. Even the reference codes of the neighbours say little: a
quote carries a theme in 12-38% of cases when the previous participant turn does (base
rate 6-14%), and the correlation of a quote's code with the rest of its source's rate of
that theme is 0.02-0.38 (with the rest of the same speaker's turns, -0.06-0.40: no more, so
aggregating by speaker was not tried further). What the errors need (a short answer that says, without
any of the codebook's words, that the speaker took over a qualified colleague's post; a long
story whose point is deskilling) is understanding, not more of the same words from elsewhere
in the source.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np
from scipy import sparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.themes import trained as T  # noqa: E402


def _subset(data: T.TrainingSet, keep: np.ndarray) -> T.TrainingSet:
    return T.TrainingSet(data.text_counts[keep], data.context_counts[keep], data.cues[keep], data.context_cues[keep],
                         data.labels[keep], data.docs[keep], data.weights[keep], data.themes)


def context_features(logits: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """Per unit: its own logits; previous and next unit's probabilities in the same document;
    mean and maximum over the document's other units; has-previous, has-next, log(1 + others).
    Units are in document order, as in the packaged training set."""
    p = T._sigmoid(logits)
    n, k = p.shape
    prev, nxt, mean, top = (np.zeros_like(p) for _ in range(4))
    extra = np.zeros((n, 3))
    for d in np.unique(docs):
        idx = np.flatnonzero(docs == d)
        P, m = p[idx], len(idx)
        if m > 1:
            prev[idx[1:]], nxt[idx[:-1]] = P[:-1], P[1:]
            extra[idx[1:], 0], extra[idx[:-1], 1] = 1, 1
            mean[idx] = (P.sum(0) - P) / (m - 1)
            ordered = np.sort(P, axis=0)
            top[idx] = np.where(P >= ordered[-1], ordered[-2], ordered[-1])  # the maximum without itself
        extra[idx, 2] = np.log1p(m - 1)
    return np.hstack([logits, prev, nxt, mean, top, extra])


def _columns(F: np.ndarray, j: int, k: int, same_theme: bool) -> np.ndarray:
    if not same_theme:
        return F
    return F[:, [j, k + j, 2 * k + j, 3 * k + j, 4 * k + j, 5 * k, 5 * k + 1, 5 * k + 2]]


def stacked_logits(data: T.TrainingSet, C2: float, same_theme: bool, progress=None) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression

    k, out = len(data.themes), np.zeros(data.labels.shape)
    for fold in T._folds(data.docs, T.FOLDS):
        rows, test = np.flatnonzero(~fold), np.flatnonzero(fold)
        inner = _subset(data, ~fold)
        F_train = context_features(T.cross_validated_logits(inner), inner.docs)
        idf_t, idf_c = T.idf_of(data.text_counts[rows]), T.idf_of(data.context_counts[rows])
        F_test = context_features(T._fit_logits(data, rows, idf_t, idf_c, test)[2], data.docs[test])
        for j in range(k):
            clf = LogisticRegression(C=C2, max_iter=2000)
            clf.fit(_columns(F_train, j, k, same_theme), inner.labels[:, j])
            out[test, j] = clf.decision_function(_columns(F_test, j, k, same_theme))
        if progress:
            progress()
    return out


def first_stage_logits(data: T.TrainingSet, next_counts=None, class_weight=None) -> np.ndarray:
    """The packaged recipe's held-out logits, optionally with the next turn's words as a
    further context block and with class weights."""
    from sklearn.linear_model import LogisticRegression

    out = np.zeros(data.labels.shape)
    for fold in T._folds(data.docs, T.FOLDS):
        rows, test = np.flatnonzero(~fold), np.flatnonzero(fold)
        idf_t, idf_c = T.idf_of(data.text_counts[rows]), T.idf_of(data.context_counts[rows])
        idf_n = T.idf_of(next_counts[rows]) if next_counts is not None else None

        def X(r):
            M = T.design(data.text_counts[r], data.context_counts[r], data.cues[r], data.context_cues[r], idf_t, idf_c)
            if next_counts is None:
                return M
            return sparse.hstack([M, 0.25 * T._weigh(next_counts[r], idf_n)]).tocsr()

        X_train, X_test = X(rows), X(test)
        for j in range(len(data.themes)):
            clf = LogisticRegression(C=T.C, solver="liblinear", class_weight=class_weight)
            clf.fit(X_train, data.labels[rows, j])
            out[test, j] = clf.decision_function(X_test)
    return out


def calibrated(logits: np.ndarray, labels: np.ndarray) -> np.ndarray:
    k = labels.shape[1]
    cal = np.array([T.platt(logits[:, j], labels[:, j]) for j in range(k)])
    return T._sigmoid(cal[:, 0] * logits + cal[:, 1])


def best_decisions(scores: np.ndarray, labels: np.ndarray) -> np.ndarray:
    thresholds = np.array([max(T.THRESHOLDS, key=lambda t: (T.f1(labels[:, j], scores[:, j] >= t), -abs(t - 0.5)))
                           for j in range(labels.shape[1])])
    return scores >= thresholds, thresholds


def report(name: str, decisions: np.ndarray, labels: np.ndarray) -> None:
    f1s = [T.f1(labels[:, j], decisions[:, j]) for j in range(labels.shape[1])]
    print(f"{name:34s} {np.mean(f1s):.3f}  " + " ".join(f"{f:.2f}" for f in f1s), flush=True)


def next_turn_counts(gold: Path, data: T.TrainingSet):
    """Hashed counts of the turn after each coded unit (any speaker's), from the gold file."""
    from ingest.themes import DEFAULT_CODEBOOK, ThemeStage
    from ingest.themes.build import gold_units

    stage = ThemeStage(DEFAULT_CODEBOOK, rules_only=True)
    units = gold_units(gold)
    after = [units[i + 1]["text"] if i + 1 < len(units) and units[i + 1]["doc"] == u["doc"] else ""
             for i, u in enumerate(units)]
    after = [a for a, u in zip(after, units) if stage.is_coded([u.get("speaker"), u["role"]])]
    if len(after) != len(data):
        return None
    return T._hasher(T.CONTEXT_BUCKETS).transform(after).astype(np.float32).tocsr()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "corpus" / "train.gold.jsonl")
    parser.add_argument("--prefix", default="tr-", help="documents cross-validated (the training corpus's)")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    data = T.TrainingSet.load(T.PACKAGED_DATA)
    data = _subset(data, np.array([d.startswith(args.prefix) for d in data.docs]))
    labels, began = data.labels, time.perf_counter()
    print(f"{len(data)} coded units of {len(set(data.docs.tolist()))} documents, {T.FOLDS} folds by document")
    base = calibrated(T.cross_validated_logits(data), labels)
    decisions, thresholds = best_decisions(base, labels)
    report("baseline (packaged recipe)", decisions, labels)
    margin = T._logit(base) - T._logit(thresholds)
    capped = decisions & (np.argsort(np.argsort(-margin, axis=1), axis=1) < 2)
    report("at most 2 themes", capped, labels)
    report("class weights balanced", best_decisions(calibrated(first_stage_logits(data, class_weight="balanced"),
                                                                 labels), labels)[0], labels)
    after = next_turn_counts(args.gold, data) if args.gold.exists() else None
    if after is not None:
        report("next turn's words (0.25)", best_decisions(calibrated(first_stage_logits(data, after), labels),
                                                          labels)[0], labels)
    for same, C2 in ((False, 0.1), (True, 1.0)):
        logits = stacked_logits(data, C2, same, progress=lambda: print(".", end="", file=sys.stderr, flush=True))
        report(f"stacked{', same theme' if same else ''} (C2 {C2:g})",
               best_decisions(calibrated(logits, labels), labels)[0], labels)
    print(f"({time.perf_counter() - began:.0f} s)")


if __name__ == "__main__":
    main()
