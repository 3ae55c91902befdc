"""The detector's entity recognizer decoded greedily for a whole batch of docs at once.

spaCy's transition-based recognizer reads a doc one token at a time: at each step it sums
three precomputed feature vectors (the token, the first token of the entity open, the token
before), takes the maxout and scores the moves (begin, in, last, unit of each kind, out),
then takes the best move the state allows. Its Cython loop does that for each doc's state with a blis
call per feature and per step, and on the machines measured it took almost as long as the
whole token encoder (0.34 of the detector's 0.78 s on the valid corpus). The same steps
taken with numpy for every doc of the batch together give the same entities (every doc of
dev, train and valid, as written, lower-cased and in capitals, and a reviewer's 15,000
invented texts; ``test_detector.py`` checks some) in about a third of that time. The same up
to float rounding: the output layer multiplies through numpy, spaCy's loop through blis, and
the scores differ by a millionth or so, where the closest two moves found apart were a
hundred thousandth (spaCy's own scores move as much with the batch size). Which moves a state allows is asked of the
recognizer's own rules once, for each kind of state (``allowed_moves``).

Registered as the spaCy factory ``batch_greedy_entities``: it reads the weights and moves of
the pipeline's recognizer (``recognizer``, default ``"ner"``), which stays in the pipeline,
disabled. A doc whose entities are already set goes through the recognizer's own loop:
its moves keep preset entities, which these do not know.
"""

from __future__ import annotations

import functools

import numpy as np
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline._parser_internals.stateclass import StateClass
from spacy.tokens import Doc, Span
from spacy.util import minibatch

# The recognizer's moves (spaCy's BILUO scheme, ``get_class_name``: "B-ORG", "O", "U-"...)
BEGIN, IN, LAST, UNIT, OUT = "B", "I", "L", "U", "O"
# The most tokens decoded together (their features take some 2 kB each, and the encoder's
# layers more while they run): a batch of long docs is read in parts.
MAX_TOKENS = 20_000


@functools.lru_cache(maxsize=1)
def blas():
    """numpy's BLAS, which the detector holds to one thread (``blas().limit(limits=1)``): on a
    machine shared with other work a second thread mostly waits."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController().select(user_api="blas")


def largest_piece(pieces):
    """A maxout: the largest of each unit's pieces (the last axis), by np.maximum over them;
    ``.max(axis=-1)`` gives the same values, slowly on so short an axis."""
    best = pieces[..., 0]
    for piece in range(1, pieces.shape[-1]):
        best = np.maximum(best, pieces[..., piece])
    return np.ascontiguousarray(best)


@Language.factory("batch_greedy_entities", default_config={"recognizer": "ner"})
def make_batch_greedy_entities(nlp: Language, name: str, recognizer: str) -> BatchGreedyEntities:
    return BatchGreedyEntities(nlp.get_pipe(recognizer), name)


class BatchGreedyEntities:
    """Sets ``doc.ents`` as ``recognizer`` would, a batch of docs in one pass of its moves."""

    def __init__(self, recognizer, name: str = "batch_greedy_entities"):
        model = recognizer.model
        self.name, self.recognizer = name, recognizer
        self.tok2vec, self.lower, self.upper = model.get_ref("tok2vec"), model.get_ref("lower"), model.get_ref("upper")
        if recognizer.cfg.get("beam_width", 1) != 1 or self.lower.get_dim("nF") != 3 \
                or model.attrs.get("unseen_classes"):
            raise ValueError(f"{name}: the recognizer is not one this decoder reads (greedy, three "
                             "features: the token, the entity's first, the one before; every move seen).")
        names = [recognizer.moves.get_class_name(i) for i in range(recognizer.moves.n_moves)]
        move = np.array([n.split("-")[0] for n in names])
        label = [n.partition("-")[2] for n in names]
        self.labels = sorted({lab for lab in label if lab})
        self.label = np.array([self.labels.index(lab) + 1 if lab else 0 for lab in label])
        self.begins, self.goes_in = move == BEGIN, move == IN
        self.ends, self.unit = (move == LAST) | (move == UNIT), move == UNIT
        self.penalty = np.where(self.allowed_moves(names), 0.0, -np.inf).astype(np.float32)

    def allowed_moves(self, names: list[str]):
        """allowed[the kind of the entity open (0: none), the token: 2 if an entity may go on
        past it (it is not its doc's or sentence's last) + 1 if it is white space, move], as
        the recognizer's own rules (ner.pyx's ``is_valid``) have it for a state of each kind."""
        moves = self.recognizer.moves
        allowed = np.zeros((len(self.labels) + 1, 4, len(names)), dtype=bool)
        for kind in range(len(self.labels) + 1):
            for token in range(4):
                words = ["a", "\n" if token % 2 else "b"] + (["c"] if token >= 2 else [])
                state = StateClass(Doc(self.recognizer.vocab, words=words))
                moves.apply_transition(state, f"{BEGIN}-{self.labels[kind - 1]}" if kind else OUT)
                allowed[kind, token] = [moves.is_valid(state, name) for name in names]
        return allowed

    def __call__(self, doc):
        self.set_entities([doc])
        return doc

    def pipe(self, docs, batch_size: int = 256):
        for batch in minibatch(docs, batch_size):
            self.set_entities(batch)
            yield from batch

    def set_entities(self, docs: list) -> None:
        # (an empty doc "has" every annotation: it sends no batch to the recognizer's loop)
        if any(len(doc) and doc.has_annotation("ENT_IOB") for doc in docs):
            self.recognizer.set_annotations(docs, self.recognizer.predict(docs))
            return
        # At most MAX_TOKENS read at once: the features of every token are held for the steps.
        part, tokens = [], 0
        for doc in [*docs, None]:
            if doc is None or part and tokens + len(doc) > MAX_TOKENS:
                for read, entities in zip(part, self.entities(part)):
                    read.set_ents([Span(read, start, end, label=self.labels[kind - 1]) for start, end, kind in entities],
                                  default="outside")
                part, tokens = [], 0
            if doc is not None:
                part.append(doc)
                tokens += len(doc)

    def entities(self, docs: list) -> list[list[tuple[int, int, int]]]:
        """Each doc's entities as (start token, end token, kind: 1 + index in ``labels``)."""
        found = [[] for _ in docs]
        lengths = np.array([len(doc) for doc in docs], dtype=np.int64)
        if not lengths.sum():
            return found
        n_f, n_o, n_p = (self.lower.get_dim(d) for d in ("nF", "nO", "nP"))
        # Every doc moves one token a step: in order of length, those still read are the first.
        order = np.argsort(-lengths, kind="stable")
        docs = [docs[i] for i in order]
        lengths = lengths[order]
        # The features of the batch's tokens, one array per feature: row 0 the padding said
        # for a feature with no token, token t of the batch row 1 + t.
        features = self.lower.predict(self.tok2vec.predict(docs))
        features = [np.ascontiguousarray(features[:, f].reshape((-1, n_o * n_p))) for f in range(n_f)]
        bias = self.lower.get_param("b").reshape((n_o * n_p,))
        weights, scores_bias = np.ascontiguousarray(self.upper.get_param("W").T), self.upper.get_param("b")
        starts = np.concatenate([doc.to_array([SENT_START]).reshape(-1) for doc in docs])
        last = np.cumsum(lengths) - 1
        goes_on = np.ones(len(starts), dtype=bool)
        goes_on[last] = False
        goes_on[:-1] &= starts[1:] != 1
        token_kind = 2 * goes_on + np.concatenate([doc.to_array([IS_SPACE]).reshape(-1) for doc in docs]).astype(bool)
        first = np.concatenate([[0], last[:-1] + 1])
        reading = np.searchsorted(-lengths, -np.arange(lengths[0]))  # docs longer than each step
        open_row = np.zeros(len(docs), dtype=np.int64)  # the row of the entity's first token, 0: none
        kind = np.zeros(len(docs), dtype=np.int64)
        with blas().limit(limits=1):
            for step, n in enumerate(reading):
                token = first[:n] + step
                open_rows, kinds = open_row[:n], kind[:n]
                hidden = features[0][token + 1] + features[1][open_rows] + features[2][token * (open_rows > 0)]
                hidden += bias
                scores = largest_piece(hidden.reshape((n, n_o, n_p))) @ weights
                scores += scores_bias
                scores += self.penalty[kinds, token_kind[token]]
                best = scores.argmax(axis=1)
                for i in np.flatnonzero(self.ends[best]):
                    begun = step if self.unit[best[i]] else open_rows[i] - 1 - first[i]
                    found[order[i]].append((int(begun), step + 1, int(self.label[best[i]])))
                begins, stays = self.begins[best], self.goes_in[best]
                open_row[:n] = begins * (token + 1) + stays * open_rows
                kind[:n] = begins * self.label[best] + stays * kinds
        return found
