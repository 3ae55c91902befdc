"""Train the learnt tagger on hand-coded material, and measure it honestly.

    python -m ingest.themes.train GOLD.jsonl [--codebook FILE] [--out FILE] [--no-cv]

GOLD is shaped like the dev corpus's gold file (``doc``, ``speaker``, ``text``,
``themes`` per line). The figure printed is cross-validated by document: for each
document, a model trained on all the others (its settings chosen by the same
leave-one-document-out inside those others only) tags it, and the pooled tags are
scored. That is how it would do on an interview it has never seen. The model
written to --out is then trained on every document. Needs the embeddings extra
(scikit-learn for training).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from ingest.themes.evaluate import GoldError, Scores, read_gold, score
from ingest.model import text_key
from ingest.themes.learnt import LearntModel, LearntThemeStage, PACKAGED_MODEL, cue_features

# Settings are chosen leaving one document out, inside leave-one-document-out.
MIN_DOCUMENTS = 3
# The settings tried for each model, chosen by leave-one-document-out on its training documents.
C_VALUES = (1.0, 4.0)
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5)


def _probabilities(X, Y, train, test, C: float):
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    P = np.zeros((int(test.sum()), Y.shape[1]))
    for j in range(Y.shape[1]):
        if Y[train, j].min() == Y[train, j].max():  # a theme never (or always) coded here
            P[:, j] = Y[train, j][0]
            continue
        clf = LogisticRegression(C=C, max_iter=2000)
        clf.fit(X[train], Y[train, j])
        P[:, j] = clf.predict_proba(X[test])[:, 1]
    return P


def _macro_f1(Y, P, threshold: float) -> float:
    import numpy as np

    predicted = P >= threshold
    f1s = []
    for j in range(Y.shape[1]):
        tp = np.sum(predicted[:, j] & (Y[:, j] == 1))
        fp, fn = np.sum(predicted[:, j]) - tp, np.sum(Y[:, j]) - tp
        if tp + fp + fn:  # as evaluate's macro F1: a theme neither coded nor tagged has none
            f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(f1s)) if f1s else 0.0


def choose_settings(X, Y, docs, rows) -> tuple[float, float]:
    """C and threshold with the best pooled leave-one-document-out macro F1 on ``rows``."""
    import numpy as np

    best = (-1.0, C_VALUES[0], THRESHOLDS[0])
    names = np.unique(docs[rows])
    for C in C_VALUES:
        pooled = np.zeros(Y.shape)
        for name in names:
            test = rows & (docs == name)
            pooled[test] = _probabilities(X, Y, rows & (docs != name), test, C)
        for threshold in THRESHOLDS:
            f1 = _macro_f1(Y[rows], pooled[rows], threshold)
            best = max(best, (f1, C, threshold))
    return best[1], best[2]


def fit(X, Y, docs, rows):
    """Weights per theme trained on ``rows``, with settings chosen inside them."""
    from sklearn.linear_model import LogisticRegression

    C, threshold = choose_settings(X, Y, docs, rows)
    coef, intercept = [], []
    for j in range(Y.shape[1]):
        if Y[rows, j].min() == Y[rows, j].max():
            # A theme the coders never (or always) used: learn that, whatever the features.
            coef.append([0.0] * X.shape[1])
            intercept.append(10.0 if Y[rows, j][0] else -10.0)
            continue
        clf = LogisticRegression(C=C, max_iter=2000).fit(X[rows], Y[rows, j])
        coef.append(clf.coef_[0].tolist())
        intercept.append(float(clf.intercept_[0]))
    return coef, intercept, C, threshold


def cross_validate(X, Y, docs, coded, themes, progress=None) -> tuple[Scores, list]:
    """Leave one document out, settings chosen within the rest: the figure to report."""
    import numpy as np

    predicted = [set() for _ in range(len(docs))]
    chosen = []
    for name in np.unique(docs):
        test = (docs == name) & coded
        coef, intercept, C, threshold = fit(X, Y, docs, coded & (docs != name))
        chosen.append((name, C, threshold))
        P = 1 / (1 + np.exp(-(X[test] @ np.asarray(coef).T + np.asarray(intercept))))
        for i, row in zip(np.flatnonzero(test), P):
            predicted[i] = {t for t, p in zip(themes, row) if p >= threshold}
        if progress:
            progress(name)
    gold = [{t for t, y in zip(themes, Y[i]) if y} for i in range(len(docs))]
    return score(gold, predicted, themes), chosen


def gold_matrices(stage: LearntThemeStage, units):
    """Features, labels, documents and which units are coded, for a gold file."""
    import numpy as np

    texts = [u.text for u in units]
    docs = list(stage.nlp.pipe(texts, batch_size=256))
    X = np.hstack([stage.embed(texts), cue_features(docs, stage.codebook.ids)])
    Y = np.array([[t in u.themes for t in stage.codebook.ids] for u in units], dtype=int)
    names = np.array([u.doc for u in units])
    coded = np.array([stage.is_coded([u.speaker]) for u in units])
    return X, Y, names, coded


class _Untrained(LearntThemeStage):
    """The learnt stage's features without a model yet (training needs no weights). Its
    embedder is set by ``train`` once the gold file is known to be worth embedding."""

    def __init__(self, codebook):
        from ingest.themes import ThemeStage

        ThemeStage.__init__(self, codebook)


def train(gold: Path, codebook: Path, out: Path | None, cross_validated: bool = True,
          embedder=None, log=print) -> Scores | None:
    from ingest.themes.learnt import Embedder

    units = read_gold(gold)
    stage = _Untrained(codebook)
    # Documents with coded turns (one of interviewers' questions only teaches nothing),
    # counted before the extra loads, so the first thing said is what is wrong.
    documents = {u.doc for u in units if stage.is_coded([u.speaker])}
    if len(documents) < MIN_DOCUMENTS:
        raise GoldError(f"{gold}: training needs coded quotes from at least {MIN_DOCUMENTS} documents "
                        f"('doc' on each line), since its settings are chosen document by document; "
                        f"found {len(documents)}.")
    stage.embed = embedder or Embedder()
    X, Y, docs, coded = gold_matrices(stage, units)
    warnings.filterwarnings("ignore", category=UserWarning)
    scores = None
    if cross_validated:
        scores, chosen = cross_validate(X, Y, docs, coded, stage.codebook.ids,
                                        progress=lambda name: log(f"  held out {name}", file=sys.stderr))
        log(f"== learnt tagger, cross-validated by document ({len(set(docs))} documents held out in turn)")
        log(scores.table())
        log("settings chosen per held-out document (C, threshold): "
            + ", ".join(f"{n} {c:g}/{t:g}" for n, c, t in chosen))
    if out:
        coef, intercept, C, threshold = fit(X, Y, docs, coded)
        LearntModel(themes=stage.codebook.ids, coef=coef, intercept=intercept, threshold=threshold,
                    codebook_digest=stage.codebook.digest,
                    trained_on=sorted({text_key(u.text) for u, c in zip(units, coded) if c}),
                    settings={"C": C, "threshold": threshold, "units": int(coded.sum()),
                              "documents": len(set(docs[coded])), "gold": gold.name,
                              "embedding": "all-MiniLM-L6-v2"}).save(out)
        log(f"wrote {out} (trained on all {len(set(docs[coded]))} documents, C {C:g}, "
            f"threshold {threshold:g})")
    return scores


def main(argv=None) -> None:
    from ingest.themes import DEFAULT_CODEBOOK

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--codebook", type=Path, default=DEFAULT_CODEBOOK)
    parser.add_argument("--out", type=Path, default=None,
                        help=f"where to write the model (the packaged one is {PACKAGED_MODEL.name})")
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validated figure")
    args = parser.parse_args(argv)
    from ingest.model import PipelineError
    try:
        train(args.gold, args.codebook, args.out, not args.no_cv)
    except (GoldError, PipelineError) as e:  # the codebook's and the extra's errors are PipelineErrors
        sys.exit(f"error: {e}")


if __name__ == "__main__":
    main()
