"""Theme tagging: the "tag" stage, which codes each quote with the codebook's themes.

The codebook is the project's ``codebook.yml`` (``codebook:`` in archive.yml)
when it exists, else the packaged default. The pipeline hashes it with the code
(``ingest.pipeline.settings_fingerprint``), so changing it re-tags every source.

Two taggers fill the step: ``tag``, the rule tagger (the default, light), and
``tag_embeddings`` (``ingest.themes.learnt``, an optional extra).
"""

from __future__ import annotations

from pathlib import Path

import spacy

from ingest.config import ProjectConfig
from ingest.model import Source, ThemeTag
from ingest.stages import register_stage
from ingest.themes.codebook import DEFAULT_CODEBOOK, Codebook, CodebookError, load_codebook
from ingest.themes.tagger import ThemeTagger

__all__ = ["DEFAULT_CODEBOOK", "ThemeStage", "make_tag_stage", "codebook_path", "build_tagger", "Codebook",
           "CodebookError", "load_codebook"]

def codebook_path(config: ProjectConfig) -> Path:
    """The project's codebook.yml if there is one, else the packaged default."""
    return config.project_file("codebook", DEFAULT_CODEBOOK)


def build_tagger(codebook: str | Path = DEFAULT_CODEBOOK) -> spacy.Language:
    """A blank English pipeline whose only component is the theme tagger."""
    nlp = spacy.blank("en")
    nlp.add_pipe("theme_tagger", config={"codebook": str(codebook)})
    return nlp


# Words before a role that keep it the same role: "Guest host", "Lead interviewer".
ROLE_MODIFIERS = {"guest", "lead", "main", "second", "assistant"}


class ThemeStage:
    name = "tag"

    def __init__(self, codebook: str | Path = DEFAULT_CODEBOOK):
        self.nlp = build_tagger(codebook)
        self.tagger: ThemeTagger = self.nlp.get_pipe("theme_tagger")
        self.codebook = self.tagger.codebook
        # What the pipeline writes to the themes table (archive.store.sync_themes).
        self.themes = [t.as_row() for t in self.codebook.themes]

    def is_coded(self, speaker_names) -> bool:
        """False for an interviewer's or a host's turns: coders code what participants say.

        Each name is a label from the transcript ("Q") or the speaker's description, whose
        first item may be the role ("Guest host, Surviving Work podcast").
        """
        for name in speaker_names:
            words = str(name or "").split(",")[0].lower().split()
            while len(words) > 1 and words[0] in ROLE_MODIFIERS:
                words = words[1:]
            if " ".join(words) in self.codebook.uncoded_speakers:
                return False
        return True

    def tag_texts(self, texts) -> list[list[ThemeTag]]:
        return [
            [ThemeTag(theme, score, evidence, origin="tagger")
             for theme, score, evidence in self.tagger.tags(doc)]
            for doc in self.nlp.pipe(texts, batch_size=256)
        ]

    def __call__(self, source: Source) -> Source:
        coded = [q for q in source.quotes if self.is_coded([*q.speaker.labels, q.speaker.description])]
        for quote, tags in zip(coded, self.tag_texts(q.text for q in coded)):
            quote.themes = tags
        return source


@register_stage("tag")
def make_tag_stage(config: ProjectConfig) -> ThemeStage:
    return ThemeStage(codebook_path(config))
