"""Theme tagging: the "tag" stage, which codes each quote with the codebook's themes.

The codebook is the project's ``codebook.yml`` (``codebook:`` in archive.yml)
when it exists, else the packaged default. The pipeline hashes it with the code
(``archive.pipeline.settings_fingerprint``), so changing it re-tags every source.

Two taggers fill the step: ``tag``, the rule tagger (the default, light), and
``tag_embeddings`` (``ingest.themes.learnt``, an optional extra).
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import spacy

from ingest.config import ProjectConfig
from ingest.model import Source, ThemeTag
from ingest.stages import register_stage
from ingest.themes.codebook import DEFAULT_CODEBOOK, Codebook, CodebookError, codebook_path, load_codebook
from ingest.themes.tagger import SPANS_KEY, ThemeTagger

__all__ = ["DEFAULT_CODEBOOK", "ThemeStage", "make_tag_stage", "codebook_path", "build_tagger", "Codebook",
           "CodebookError", "load_codebook"]

def build_tagger(codebook: str | Path = DEFAULT_CODEBOOK) -> spacy.Language:
    """A blank English pipeline whose only component is the theme tagger."""
    nlp = spacy.blank("en")
    nlp.add_pipe("theme_tagger", config={"codebook": str(codebook)})
    return nlp


def shared_tagger(codebook: str | Path = DEFAULT_CODEBOOK) -> spacy.Language:
    """The tagger pipeline of a codebook, built once per process for each content of the
    file (a stage is made for every ingest; parsing and compiling the codebook is most of it).
    Shared: read it, do not add to it."""
    try:
        digest = hashlib.sha256(Path(codebook).read_bytes()).hexdigest()
    except OSError:
        return build_tagger(codebook)  # the codebook's own loader says what is wrong
    return _tagger_of(str(codebook), digest)


@functools.lru_cache(maxsize=4)
def _tagger_of(codebook: str, digest: str) -> spacy.Language:
    return build_tagger(codebook)


# What a tag learnt without a cue shows a reader as its reason.
LEARNT_EVIDENCE = "learnt from coded quotes"


def quote_contexts(quotes) -> list[str]:
    """What a coder reads each quote in the light of: a survey answer's question, else the
    quote before it in the same source (in a conversation, usually the question asked)."""
    contexts, before = [], ""
    for quote in quotes:
        question = getattr(quote, "question", None) if not isinstance(quote, dict) else quote.get("question")
        text = quote.text if not isinstance(quote, dict) else quote["text"]
        contexts.append(question or before)
        before = text
    return contexts


class ThemeStage:
    """The "tag" step: the trained tagger's calibrated scores, the codebook's cues as evidence.

    With a codebook whose themes the model was not trained on (a project's own), the cue
    scores alone decide, as the rule tagger always did, until ``archive themes train``
    learns a model for it from the project's hand codes.
    """

    name = "tag"

    def __init__(self, codebook: str | Path = DEFAULT_CODEBOOK, model: str | Path | None = None,
                 rules_only: bool = False):
        self.nlp = shared_tagger(codebook)
        self.tagger: ThemeTagger = self.nlp.get_pipe("theme_tagger")
        self.codebook = self.tagger.codebook
        # What the pipeline writes to the themes table (archive.store.sync_themes).
        self.themes = [t.as_row() for t in self.codebook.themes]
        self.model = None
        if not rules_only:
            from ingest.themes.trained import PACKAGED_MODEL, TaggerModel

            model = TaggerModel.load(Path(model or PACKAGED_MODEL))
            if model.themes == self.codebook.ids:
                self.model = model

    def is_coded(self, speaker_names) -> bool:
        """False for an interviewer's or a host's turns (``Codebook.is_coded``)."""
        return self.codebook.is_coded(speaker_names)

    def score_texts(self, texts, contexts=None):
        """Processed docs of the texts, and each theme's score for each (calibrated when a
        model is in use, else the cue score)."""
        import numpy as np

        texts = list(texts)
        contexts = list(contexts) if contexts is not None else [""] * len(texts)
        docs = list(self.nlp.pipe(texts, batch_size=256))
        if not texts:  # a source with no participant's turn (the hashing refuses an empty list)
            return docs, np.zeros((0, len(self.codebook.ids)))
        if self.model is None:
            return docs, np.array([[d.cats.get(t, 0.0) for t in self.codebook.ids] for d in docs]).reshape(
                len(docs), len(self.codebook.ids))
        from ingest.themes.trained import count_matrices, cue_counts

        # A context is mostly the quote before, already read: each distinct text is read once.
        read = dict(zip(texts, docs))
        new = list(dict.fromkeys(c for c in contexts if c not in read))
        read.update(zip(new, self.nlp.pipe(new, batch_size=256)))
        context_docs = [read[c] for c in contexts]
        counts, context_counts = count_matrices(texts, contexts)
        scores = self.model.probabilities(counts, context_counts, cue_counts(docs, self.codebook.ids),
                                          cue_counts(context_docs, self.codebook.ids))
        return docs, scores

    @property
    def thresholds(self):
        if self.model is None:
            return [self.codebook.threshold] * len(self.codebook.ids)
        return [float(t) for t in self.model.thresholds]

    def tag_texts(self, texts, contexts=None) -> list[list[ThemeTag]]:
        docs, scores = self.score_texts(texts, contexts)
        return [self.tags_of(doc, row) for doc, row in zip(docs, scores)]

    def tags_of(self, doc, row) -> list[ThemeTag]:
        tags = []
        for theme, score, threshold in zip(self.codebook.ids, row, self.thresholds):
            if score >= threshold:
                # Two decimals: all a calibrated probability can tell; and as stored (8-byte
                # reals) such values never hold a run of letters a leak check could mistake.
                digits = 4 if self.model is None else 2
                tags.append(ThemeTag(theme, round(float(score), digits), self.evidence(doc, theme),
                                     origin="tagger"))
        return tags

    def evidence(self, doc, theme: str) -> list[str]:
        """The cue phrases of ``theme`` in the quote, strong ones first (what a reader is shown)."""
        phrases = [s.text for s in doc.spans[SPANS_KEY] if s.label_ == theme]
        return list(dict.fromkeys(phrases)) or ([LEARNT_EVIDENCE] if self.model is not None else [])

    def __call__(self, source: Source) -> Source:
        contexts = dict(zip((q.id for q in source.quotes), quote_contexts(source.quotes)))
        coded = [q for q in source.quotes if self.is_coded([*q.speaker.labels, q.speaker.description])]
        for quote, tags in zip(coded, self.tag_texts([q.text for q in coded], [contexts[q.id] for q in coded])):
            quote.themes = tags
        return source


def tagger_model_path(config: ProjectConfig) -> Path:
    """The project's trained tagger (written by ``archive themes train``) if there is one,
    else the packaged one."""
    from ingest.themes.trained import PACKAGED_MODEL

    return config.project_file("tagger_model", PACKAGED_MODEL)


@register_stage("tag")
def make_tag_stage(config: ProjectConfig) -> ThemeStage:
    return ThemeStage(codebook_path(config), tagger_model_path(config))
