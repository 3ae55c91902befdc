"""The default theme tagger: a linear model per theme, learnt from hand-coded quotes.

Features of a quote (all cheap: no neural network, nothing downloaded):

- its words and word pairs, hashed into a fixed number of columns (so no vocabulary,
  and so no text of the material it learnt from, is shipped), tf-idf weighted;
- the same of its context: the question a survey answer replies to, or the turn before
  it in a conversation (a coder reads an answer in the light of its question), weighed less;
- per theme, how many strong and weak codebook cues the rule tagger finds in the quote
  and in its context (the cues are also the evidence shown to readers).

One logistic regression per theme; its output is then calibrated (Platt scaling fitted
on cross-validated predictions, grouped by document), so a score of 0.7 means that about
seven in ten quotes so scored carry the theme. Each theme has its own threshold, the one
that gave the best cross-validated F1 on the training material.

The packaged model (``tagger_model.npz``) learnt from the shared training and
development corpora; ``tagger_data.npz`` holds the hashed feature counts and codes of
those units (never their text), so ``archive themes train`` can retrain on them plus a
project's own hand codes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse

PACKAGED_MODEL = Path(__file__).with_name("tagger_model.npz")
PACKAGED_DATA = Path(__file__).with_name("tagger_data.npz")

TEXT_BUCKETS = 2 ** 18
CONTEXT_BUCKETS = 2 ** 16
CONTEXT_WEIGHT = 0.5     # how much the context's words count against the quote's own
CUE_WEIGHT = 1.0
C = 4.0                  # inverse regularisation of each logistic regression
HAND_WEIGHT = 4.0        # a project's own hand code counts as this many shipped units
OWN_SCALE = 0.3          # the scale of a project's own copy of its hand codes' features (smaller: held back more)
FOLDS = 5
MIN_CV_UNITS = 100       # fewer coded units than this: too few to cross-validate calibration
THRESHOLDS = np.round(np.arange(0.05, 0.90, 0.025), 3)


class ModelError(Exception):
    pass


def _hasher(buckets: int):
    from sklearn.feature_extraction.text import HashingVectorizer

    # Words of two letters or more, and pairs of them; counts, not yet weighted.
    return HashingVectorizer(n_features=buckets, ngram_range=(1, 2), alternate_sign=False, norm=None,
                             lowercase=True, token_pattern=r"(?u)\b\w\w+\b")


def count_matrices(texts: list[str], contexts: list[str]):
    """Hashed word and word-pair counts of the quotes and of their contexts (sparse)."""
    return (_hasher(TEXT_BUCKETS).transform(texts).astype(np.float32).tocsr(),
            _hasher(CONTEXT_BUCKETS).transform([c or "" for c in contexts]).astype(np.float32).tocsr())


def _weigh(counts, idf):
    """Sublinear tf times idf, each row scaled to unit length."""
    from sklearn.preprocessing import normalize

    X = counts.copy().tocsr()
    X.data = 1 + np.log(X.data)
    X = X @ sparse.diags(idf)
    return normalize(X)


def idf_of(counts):
    """Smoothed idf per column. In a large training set a column seen in a single unit gets
    none: a word one quote says, often a name, teaches nothing and would be kept as a weight.
    A project's few hand codes keep every word."""
    df = np.asarray((counts > 0).sum(axis=0)).ravel()
    n = counts.shape[0]
    min_df = 2 if n >= MIN_CV_UNITS else 1
    idf = np.log((1 + n) / (1 + df)) + 1
    idf[df < min_df] = 0
    return idf.astype(np.float32)


def design(text_counts, context_counts, cues, context_cues, idf_text, idf_context):
    return sparse.hstack([
        _weigh(text_counts, idf_text),
        CONTEXT_WEIGHT * _weigh(context_counts, idf_context),
        sparse.csr_matrix(CUE_WEIGHT * np.asarray(cues, dtype=np.float32)),
        sparse.csr_matrix(CONTEXT_WEIGHT * CUE_WEIGHT * np.asarray(context_cues, dtype=np.float32)),
    ]).tocsr()


@dataclass
class TrainingSet:
    """What a model learns from: feature counts, codes and documents, never text."""

    text_counts: sparse.csr_matrix
    context_counts: sparse.csr_matrix
    cues: np.ndarray
    context_cues: np.ndarray
    labels: np.ndarray          # units x themes, 1 = coded with it
    docs: np.ndarray            # the document of each unit (cross-validation keeps one together)
    weights: np.ndarray         # how much each unit counts
    themes: list[str]

    def __len__(self) -> int:
        return len(self.docs)

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path, text_counts=_csr_arrays(self.text_counts), context_counts=_csr_arrays(self.context_counts),
            cues=self.cues.astype(np.float32), context_cues=self.context_cues.astype(np.float32),
            labels=self.labels.astype(np.int8), docs=np.array(self.docs, dtype=str),
            weights=self.weights.astype(np.float32), themes=np.array(self.themes, dtype=str))

    @classmethod
    def load(cls, path: Path) -> "TrainingSet":
        with np.load(path, allow_pickle=False) as f:
            return cls(_csr_from(f["text_counts"], TEXT_BUCKETS), _csr_from(f["context_counts"], CONTEXT_BUCKETS),
                       f["cues"], f["context_cues"], f["labels"].astype(int), f["docs"], f["weights"],
                       [str(t) for t in f["themes"]])

    def concat(self, other: "TrainingSet") -> "TrainingSet":
        if other.themes != self.themes:
            raise ModelError("cannot join training sets coded with different themes.")
        return TrainingSet(sparse.vstack([self.text_counts, other.text_counts]).tocsr(),
                           sparse.vstack([self.context_counts, other.context_counts]).tocsr(),
                           np.vstack([self.cues, other.cues]), np.vstack([self.context_cues, other.context_cues]),
                           np.vstack([self.labels, other.labels]), np.concatenate([self.docs, other.docs]),
                           np.concatenate([self.weights, other.weights]), self.themes)


def _csr_arrays(m) -> np.ndarray:
    """A sparse count matrix as one int32 array: rows, then (row, column, count) triples."""
    m = m.tocoo()
    return np.concatenate([[m.shape[0]], np.stack([m.row, m.col, m.data.astype(np.int64)], axis=1).ravel()]
                          ).astype(np.int32)


def _csr_from(a: np.ndarray, columns: int):
    rows, triples = int(a[0]), a[1:].reshape(-1, 3)
    return sparse.csr_matrix((triples[:, 2].astype(np.float32), (triples[:, 0], triples[:, 1])),
                             shape=(rows, columns))


@dataclass
class TaggerModel:
    themes: list[str]
    idf_text: np.ndarray
    idf_context: np.ndarray
    coef: np.ndarray            # themes x features
    intercept: np.ndarray
    platt: np.ndarray           # themes x 2: calibrated = sigmoid(a * logit + b)
    thresholds: np.ndarray      # per theme, on the calibrated score
    info: dict = field(default_factory=dict)
    path: Path | None = None
    _transposed: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def probabilities(self, text_counts, context_counts, cues, context_cues) -> np.ndarray:
        X = design(text_counts, context_counts, cues, context_cues, self.idf_text, self.idf_context)
        logits = np.asarray(X @ self._columns(np.result_type(X.dtype, self.coef.dtype))) + self.intercept
        return _sigmoid(self.platt[:, 0] * logits + self.platt[:, 1])

    def _columns(self, dtype) -> np.ndarray:
        """``coef`` transposed, contiguous and in the product's type, made once: a sparse
        matrix times the transposed view copied the whole model at every call (some 13 ms
        a source, most of the tagging); the product is the same to the last bit."""
        if dtype not in self._transposed:
            self._transposed[dtype] = np.ascontiguousarray(self.coef.T, dtype=dtype)
        return self._transposed[dtype]

    def save(self, path: Path) -> None:
        used = np.flatnonzero(np.abs(self.coef).sum(axis=0))  # only columns that carry weight
        np.savez_compressed(
            path, themes=np.array(self.themes, dtype=str), idf_text=self.idf_text.astype(np.float16),
            idf_context=self.idf_context.astype(np.float16), columns=used.astype(np.int32),
            coef=self.coef[:, used].astype(np.float32), width=np.array([self.coef.shape[1]]),
            intercept=self.intercept, platt=self.platt, thresholds=self.thresholds,
            info=np.array([repr(sorted(self.info.items()))]))

    @classmethod
    def load(cls, path: Path) -> "TaggerModel":
        try:
            with np.load(path, allow_pickle=False) as f:
                coef = np.zeros((len(f["themes"]), int(f["width"][0])), dtype=np.float32)
                coef[:, f["columns"]] = f["coef"]
                import ast
                return cls([str(t) for t in f["themes"]], f["idf_text"].astype(np.float32),
                           f["idf_context"].astype(np.float32), coef, f["intercept"], f["platt"],
                           f["thresholds"], dict(ast.literal_eval(str(f["info"][0]))), path=Path(path))
        except OSError as e:
            raise ModelError(f"{path}: cannot read the theme model ({e.strerror or e}).") from None
        except (ValueError, KeyError, SyntaxError):
            raise ModelError(f"{path}: not a theme model of this archive (retrain it with "
                             "'archive themes train').") from None


def _sigmoid(x):
    return 1 / (1 + np.exp(-np.clip(x, -30, 30)))


def _logit(p):
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def _fit_logits(data: TrainingSet, rows, idf_text, idf_context, test_rows):
    """Logistic regressions on ``rows``; their logits for ``test_rows`` (and the weights)."""
    X = design(data.text_counts[rows], data.context_counts[rows], data.cues[rows], data.context_cues[rows],
               idf_text, idf_context)
    Xt = design(data.text_counts[test_rows], data.context_counts[test_rows], data.cues[test_rows],
                data.context_cues[test_rows], idf_text, idf_context) if test_rows is not None else None
    coef, intercept = _regressions(X, data.labels[rows], data.weights[rows])
    logits = np.asarray(Xt @ coef.T) + intercept if Xt is not None else None
    return coef, intercept, logits


def _regressions(X, labels: np.ndarray, weights: np.ndarray):
    """One logistic regression per theme (column of ``labels``): their weights and intercepts."""
    from sklearn.linear_model import LogisticRegression

    coef = np.zeros((labels.shape[1], X.shape[1]), dtype=np.float32)
    intercept = np.zeros(labels.shape[1])
    for j in range(labels.shape[1]):
        y = labels[:, j]
        if y.min() == y.max():  # a theme never (or always) coded here: learn just that
            intercept[j] = 10.0 if y[0] else -10.0
            continue
        clf = LogisticRegression(C=C, solver="liblinear", random_state=0)
        clf.fit(X, y, sample_weight=weights)
        coef[j], intercept[j] = clf.coef_[0], clf.intercept_[0]
    return coef, intercept


def _folds(docs: np.ndarray, k: int):
    """Documents shared out among k folds, biggest first, so folds are about even."""
    names, sizes = np.unique(docs, return_counts=True)
    load, fold_of = np.zeros(k), {}
    for i in np.argsort(-sizes):
        f = int(np.argmin(load))
        fold_of[names[i]] = f
        load[f] += sizes[i]
    which = np.array([fold_of[d] for d in docs])
    return [which == f for f in range(min(k, len(names)))]


def cross_validated_logits(data: TrainingSet, progress=None) -> np.ndarray:
    """Each unit's logits from a model that never saw its document."""
    out = np.zeros(data.labels.shape)
    for fold in _folds(data.docs, FOLDS):
        rows, test = np.flatnonzero(~fold), np.flatnonzero(fold)
        idf_t, idf_c = idf_of(data.text_counts[rows]), idf_of(data.context_counts[rows])
        out[test] = _fit_logits(data, rows, idf_t, idf_c, test)[2]
        if progress:
            progress()
    return out


def f1(y, predicted) -> float:
    tp = int(np.sum(predicted & (y == 1)))
    fp, fn = int(np.sum(predicted)) - tp, int(np.sum(y)) - tp
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def platt(logits, y) -> tuple[float, float]:
    """a, b so that sigmoid(a * logit + b) is calibrated on these (held-out) logits."""
    from sklearn.linear_model import LogisticRegression

    if y.min() == y.max():
        return 1.0, 0.0
    clf = LogisticRegression(C=100.0).fit(logits.reshape(-1, 1), y)
    return float(clf.coef_[0, 0]), float(clf.intercept_[0])


def fit(data: TrainingSet, progress=None) -> tuple[TaggerModel, np.ndarray]:
    """The model trained on all of ``data``, its calibration and thresholds chosen from
    cross-validation by document; also returns the calibrated cross-validated scores."""
    if len(data) < MIN_CV_UNITS or len(set(data.docs.tolist())) < 2:
        # Too few to hold any out: uncalibrated scores, the usual threshold.
        idf_t, idf_c = idf_of(data.text_counts), idf_of(data.context_counts)
        coef, intercept, logits = _fit_logits(data, np.arange(len(data)), idf_t, idf_c, np.arange(len(data)))
        themes = len(data.themes)
        model = TaggerModel(data.themes, idf_t, idf_c, coef, intercept, np.tile([1.0, 0.0], (themes, 1)),
                            np.full(themes, 0.5), info={"units": len(data), "documents": len(set(data.docs.tolist())),
                                                         "calibrated": False})
        return model, _sigmoid(logits)
    held_out = cross_validated_logits(data, progress)
    calibration = np.array([platt(held_out[:, j], data.labels[:, j]) for j in range(len(data.themes))])
    scores = _sigmoid(calibration[:, 0] * held_out + calibration[:, 1])
    thresholds = np.array([
        max(THRESHOLDS, key=lambda t: (f1(data.labels[:, j], scores[:, j] >= t), -abs(t - 0.5)))
        for j in range(len(data.themes))])
    idf_t, idf_c = idf_of(data.text_counts), idf_of(data.context_counts)
    coef, intercept, _ = _fit_logits(data, np.arange(len(data)), idf_t, idf_c, None)
    model = TaggerModel(data.themes, idf_t, idf_c, coef, intercept, calibration, thresholds,
                        info={"units": len(data), "documents": len(set(data.docs.tolist()))})
    return model, scores


def _fit_own(data: TrainingSet, own: np.ndarray, idf_text, idf_context):
    """Logistic regressions where the ``own`` rows (a project's hand codes) also have a copy
    of their features and a bias of their own ("frustratingly easy" domain adaptation): the
    shared weights learn from every unit, the copy learns how this collection differs, and
    the model for the collection's quotes is the sum of the two (so it is saved and used as
    any other). The copy is scaled down by ``OWN_SCALE``, so regularisation holds it back
    more than the shared weights: a few hand codes (picked by the queue, so not a fair
    sample) move it little, many move it further."""
    X = design(data.text_counts, data.context_counts, data.cues, data.context_cues, idf_text, idf_context)
    width = X.shape[1]
    mine = sparse.diags(OWN_SCALE * own.astype(np.float32))
    X = sparse.hstack([X, mine @ X, sparse.csr_matrix(OWN_SCALE * own.astype(np.float32).reshape(-1, 1))]).tocsr()
    w, intercept = _regressions(X, data.labels, data.weights)
    return w[:, :width] + OWN_SCALE * w[:, width:2 * width], intercept + OWN_SCALE * w[:, -1]


def refit(data: TrainingSet, like: TaggerModel, own: np.ndarray | None = None) -> TaggerModel:
    """The weights learnt again from ``data``, keeping ``like``'s calibration and thresholds
    (chosen by cross-validation when it was built): one fit instead of six, so retraining
    after each round of coding takes seconds, not minutes. ``own``: which rows are the
    project's own hand codes, learnt with weights of their own too (``_fit_own``). The
    same data always gives the same model."""
    idf_t, idf_c = idf_of(data.text_counts), idf_of(data.context_counts)
    if own is not None and own.any():
        coef, intercept = _fit_own(data, np.asarray(own, dtype=bool), idf_t, idf_c)
    else:
        coef, intercept, _ = _fit_logits(data, np.arange(len(data)), idf_t, idf_c, None)
    return TaggerModel(data.themes, idf_t, idf_c, coef, intercept, like.platt, like.thresholds,
                       info={**like.info, "units": len(data), "documents": len(set(data.docs.tolist()))})


def cue_counts(docs, themes: list[str]) -> np.ndarray:
    """Per theme: log(1 + distinct strong cues), log(1 + distinct weak cues); then the length."""
    from ingest.themes.tagger import SPANS_KEY

    rows = np.zeros((len(docs), 2 * len(themes) + 1), dtype=np.float32)
    column = {theme: 2 * i for i, theme in enumerate(themes)}
    for r, doc in enumerate(docs):
        for span in doc.spans[SPANS_KEY]:
            if span.label_ in column:
                rows[r, column[span.label_] + (span.kb_id_ != "strong")] += 1
        rows[r, -1] = math.log1p(len(doc)) / 5
    rows[:, :-1] = np.log1p(rows[:, :-1])
    return rows
