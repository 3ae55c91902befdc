"""The theme tagger: a spaCy component that scores each text against the codebook.

Registered as the factory ``theme_tagger``, configured by the codebook's path,
so it sits in any spaCy pipeline::

    nlp = spacy.blank("en")
    nlp.add_pipe("theme_tagger", config={"codebook": "codebook.yml"})
    doc = nlp("I'm on a zero-hours contract with no sick pay.")
    doc.cats                  # {"precarity": 0.96, ...} every theme, scored 0..1
    doc.spans["themes"]       # the cue phrases found, labelled with their theme

It needs only a tokenizer: cues are matched on token norms (lower case, with
"n't" read as "not"), so a blank English pipeline is enough and tagging costs
little next to the named-entity model redaction runs.
"""

from __future__ import annotations

import math

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.themes.codebook import DEFAULT_CODEBOOK, Codebook, CodebookError, load_codebook

SPANS_KEY = "themes"


@Language.factory("theme_tagger", default_config={"codebook": str(DEFAULT_CODEBOOK)})
def make_theme_tagger(nlp: Language, name: str, codebook: str) -> "ThemeTagger":
    return ThemeTagger(nlp, name, load_codebook(codebook))


# A compiled cue: its elements, each ("word", norm), ("prefix", stem) or ("gap", most words).
Element = tuple[str, object]


class ThemeTagger:
    def __init__(self, nlp: Language, name: str, codebook: Codebook):
        self.name = name
        self.codebook = codebook
        # Cues indexed by their first element, so each token looks up only the cues that
        # can start there: an exact-norm dict, and a dict of stems for "word*" cues.
        # (spaCy's Matcher with a REGEX per token was some 50 times slower.)
        self.by_word: dict[str, list[tuple[tuple[str, str, int], list[Element]]]] = {}
        self.by_stem: dict[str, list[tuple[tuple[str, str, int], list[Element]]]] = {}
        for theme in codebook.themes:
            for kind in ("strong", "weak"):
                for number, phrase in enumerate(getattr(theme, kind)):
                    elements = compile_phrase(nlp, phrase)
                    if not elements:
                        raise CodebookError(f"{codebook.path}, line {theme.line}: theme "
                                            f"{theme.id!r} has a cue with no words ({phrase!r}).")
                    (what, value), rest = elements[0], elements[1:]
                    index = self.by_word if what == "word" else self.by_stem
                    index.setdefault(value, []).append(((theme.id, kind, number), rest))
        self.stem_lengths = sorted({len(stem) for stem in self.by_stem})
        # norm -> the cues that can start at a token of it, looked up once (one entry per
        # distinct norm read; most hold no cue and share one empty tuple)
        self._candidates: dict[str, list | tuple] = {}

    def __call__(self, doc: Doc) -> Doc:
        norms = [token.norm_ for token in doc]
        found: dict[str, dict[tuple[str, int], Span]] = {t: {} for t in self.codebook.ids}
        for start, norm in enumerate(norms):
            candidates = self._candidates.get(norm)
            if candidates is None:
                candidates = self._candidates[norm] = self.cues_starting(norm) or ()
            for (theme, kind, number), rest in candidates:
                if (kind, number) in found[theme]:
                    continue  # a cue counts once; its first place is the evidence
                end = match_rest(norms, start + 1, rest)
                if end is not None:
                    # kb_id keeps the cue's kind, for readers of doc.spans (the learnt tagger).
                    found[theme][(kind, number)] = Span(doc, start, end, label=theme, kb_id=kind)
        weights = self.codebook.weights
        evidence = []
        for theme, cues in found.items():
            cues = _outermost(cues)
            miss = math.prod(1 - weights[kind] for kind, _ in cues)
            doc.cats[theme] = round(1 - miss, 4)
            # Strong cues first: they are the better reason to show a reader.
            evidence += [span for (kind, _), span in
                         sorted(cues.items(), key=lambda c: (c[0][0] != "strong", c[1].start))]
        doc.spans[SPANS_KEY] = evidence
        return doc

    def cues_starting(self, norm: str) -> list[tuple[tuple[str, str, int], list[Element]]]:
        """The cues whose first element matches a token of this norm."""
        candidates = list(self.by_word.get(norm, ()))
        for length in self.stem_lengths:
            if length > len(norm):
                break
            candidates += self.by_stem.get(norm[:length], ())
        return candidates

    def tags(self, doc: Doc) -> list[tuple[str, float, list[str]]]:
        """The themes tagged in a processed doc: (theme, score, evidence phrases)."""
        tagged = []
        for theme in self.codebook.ids:
            score = doc.cats.get(theme, 0.0)
            if score >= self.codebook.threshold:
                phrases = [s.text for s in doc.spans[SPANS_KEY] if s.label_ == theme]
                tagged.append((theme, score, list(dict.fromkeys(phrases))))
        return tagged


def _outermost(cues: dict[tuple[str, int], Span]) -> dict[tuple[str, int], Span]:
    """Drop cues found only inside a longer cue of the same theme ("team" in "the team"),
    so one phrase is never counted twice. The longest cue wins."""
    kept: dict[tuple[str, int], Span] = {}
    bounds: list[tuple[int, int]] = []  # (the kept spans' token offsets, read once: a Span's are looked up at each read)
    for cue, span in sorted(cues.items(), key=lambda c: (c[1].start - c[1].end, c[0][0] != "strong")):
        start, end = span.start, span.end
        if not any(a <= start and end <= b for a, b in bounds):
            kept[cue] = span
            bounds.append((start, end))
    return kept


def compile_phrase(nlp: Language, phrase: str) -> list[Element]:
    """A codebook phrase as elements: words by norm, "word*" by prefix, "..." a gap."""
    elements: list[Element] = []
    for chunk in phrase.split():
        if chunk == "...":
            elements.append(("gap", 3))
        elif chunk.endswith("*") and len(chunk) > 1:
            elements.append(("prefix", chunk[:-1].lower()))
        else:
            elements += [("word", token.norm_) for token in nlp.make_doc(chunk)]
    # A gap at either end would only widen the evidence, never change a match.
    while elements and elements[0][0] == "gap":
        elements.pop(0)
    while elements and elements[-1][0] == "gap":
        elements.pop()
    return elements


def match_rest(norms: list[str], i: int, rest: list[Element]) -> int | None:
    """Where a cue whose first element matched before ``i`` ends, or None."""
    if not rest:
        return i
    (what, value), tail = rest[0], rest[1:]
    if what == "gap":
        for skip in range(value + 1):
            end = match_rest(norms, i + skip, tail)
            if end is not None:
                return end
        return None
    if i >= len(norms):
        return None
    norm = norms[i]
    if norm == value if what == "word" else norm.startswith(value):
        return match_rest(norms, i + 1, tail)
    return None
