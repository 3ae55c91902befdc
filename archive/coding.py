"""Assisted coding: the quotes the tagger is least sure of, retraining on hand codes, re-tagging.

Library functions on an open archive (sqlite-utils Database); the commands
(``archive themes queue|train|retag``) and the coding page are thin layers on them.

- ``queue``: the coded quotes no one has decided by hand, those whose scores sit
  nearest their theme's threshold first. A quote already listed but left undecided goes
  to the back, so a coder who skips one is not shown it again and again.
- ``hand_coded``: the quotes a coder has decided, as training units: the themes the
  quote carries now (hand decisions win, and the tagger's tags the coder left standing)
  are its codes.
- ``train``: the packaged training units plus this archive's hand codes (which count
  more, and also learn weights of their own: they are the project's own material) → a
  model written to the project.
- ``retag``: every coded quote tagged again with the current model, from the stored
  (redacted) text, without reading the sources; hand decisions re-applied on top.
"""

from __future__ import annotations

import inspect

import json
import math
from dataclasses import dataclass
from pathlib import Path

from archive import hand_codes, store

SHOWN_TABLE = "coding_shown"  # internal: when a quote was last listed by the queue


@dataclass
class QuoteRow:
    id: str
    source: str
    text: str
    context: str
    coded: bool


def coded_quotes(db, stage) -> list[QuoteRow]:
    """Every quote with its context (question or the quote before), and whether it is coded
    (not an interviewer's or a host's turn, read from the speaker's description)."""
    from ingest.themes import quote_contexts

    rows = db.execute(
        """select q.id, q.source, q.text, q.question, coalesce(s.description, '')
           from quotes q left join speakers s on s.id = q.speaker
           order by q.source, q.position""").fetchall()
    out, by_source = [], {}
    for row in rows:
        by_source.setdefault(row[1], []).append(row)
    for source, quotes in by_source.items():
        contexts = quote_contexts([{"text": r[2], "question": r[3]} for r in quotes])
        for (qid, _, text, _, description), context in zip(quotes, contexts):
            out.append(QuoteRow(qid, source, text, context, stage.is_coded([description])))
    return out


def hand_decided(db) -> set[str]:
    return {row[0] for row in db.execute("select distinct quote from theme_corrections")}


def _margin(score: float, threshold: float) -> float:
    """How far a score is from its threshold, in log-odds (0.51 vs 0.5 is close; 0.99 vs 0.98 is not)."""
    def logit(p):
        p = min(max(p, 1e-4), 1 - 1e-4)
        return math.log(p / (1 - p))
    return abs(logit(score) - logit(threshold))


def queue(db, stage, limit: int = 20, mark_shown: bool = True) -> list[dict]:
    """The undecided quotes whose theme decisions the tagger is least sure of."""
    _ensure_shown(db)
    decided = hand_decided(db)
    quotes = [q for q in coded_quotes(db, stage) if q.coded and q.id not in decided and q.text.strip()]
    if not quotes:
        return []
    _, scores = stage.score_texts([q.text for q in quotes], [q.context for q in quotes])
    shown = dict(db.execute(f"select quote, times from [{SHOWN_TABLE}]").fetchall())
    thresholds = stage.thresholds
    ranked = sorted(
        range(len(quotes)),
        key=lambda i: (shown.get(quotes[i].id, 0),
                       min(_margin(float(s), t) for s, t in zip(scores[i], thresholds)), quotes[i].id))
    items = []
    for i in ranked[:limit]:
        q = quotes[i]
        items.append({
            "id": q.id, "source": q.source, "text": q.text, "context": q.context,
            "scores": {t: round(float(s), 4) for t, s in zip(stage.codebook.ids, scores[i])},
            # surest first, as the scores are shown
            "suggested": [t for s, t, th in sorted(zip(scores[i], stage.codebook.ids, thresholds),
                                                   key=lambda x: -x[0]) if s >= th],
        })
    if mark_shown and items:
        with db.conn:
            db.conn.executemany(
                f"insert into [{SHOWN_TABLE}] (quote, times, at) values (?, 1, ?) "
                "on conflict(quote) do update set times = times + 1, at = excluded.at",
                [(item["id"], store.now()) for item in items])
    return items


def _ensure_shown(db) -> None:
    db[SHOWN_TABLE].create({"quote": str, "times": int, "at": str}, pk="quote", if_not_exists=True)


def hand_coded(db, stage) -> list[dict]:
    """The quotes a coder decided, as units to learn from (text, context, codes, source)."""
    decided = hand_decided(db)
    if not decided:
        return []
    themes: dict[str, set[str]] = {}
    for quote, theme in db.execute("select quote, theme from quote_themes"):
        themes.setdefault(quote, set()).add(theme)
    return [{"doc": f"archive:{q.source}", "text": q.text, "context": q.context,
             "themes": sorted(themes.get(q.id, set()) & set(stage.codebook.ids))}
            for q in coded_quotes(db, stage) if q.id in decided and q.coded]


def retag(db, stage, progress=None) -> int:
    """Tag every coded quote again with ``stage``; hand decisions stay on top. Returns the count."""
    quotes = [q for q in coded_quotes(db, stage) if q.coded]
    docs, scores = stage.score_texts([q.text for q in quotes], [q.context for q in quotes])
    corrections: dict[str, dict[str, str]] = {}
    for quote, theme, action in db.execute("select quote, theme, action from theme_corrections"):
        corrections.setdefault(quote, {})[theme] = action
    known = set(stage.codebook.ids)
    hand, tagged = [], []
    for q, doc, row in zip(quotes, docs, scores):
        tags = {t.theme: t for t in stage.tags_of(doc, row)}
        for theme, action in corrections.get(q.id, {}).items():
            if action == "-":
                tags.pop(theme, None)
            elif theme in known:
                # A hand code keeps the cues that speak for it, for readers.
                hand.append((q.id, theme, stage.evidence(doc, theme)))
                tags.pop(theme, None)
        tagged += [(q.id, t.theme, t.score, json.dumps(t.evidence), "tagger") for t in tags.values()]
        if progress:
            progress(1)
    with db.conn:
        db.execute("delete from quote_themes where origin = 'tagger' or quote in "
                   "(select quote from theme_corrections)")
        db.conn.executemany("insert or replace into quote_themes (quote, theme, score, evidence, origin) "
                            "values (?, ?, ?, ?, ?)", tagged)
        for quote_id, theme, cues in hand:
            hand_codes.apply(db, quote_id, theme, "+", evidence=cues)
    return len(quotes)


def train(db, stage, out: Path, progress=None):
    """Retrain from the packaged units plus this archive's hand codes; write the model to ``out``.

    Returns (model, number of hand-coded quotes used)."""
    import numpy as np

    from ingest.themes.build import training_set
    from ingest.themes.trained import (HAND_WEIGHT, PACKAGED_DATA, PACKAGED_MODEL, ModelError, TaggerModel,
                                       TrainingSet, fit, refit)

    units = hand_coded(db, stage)
    shipped = TrainingSet.load(PACKAGED_DATA)
    if shipped.themes == stage.codebook.ids:
        data = shipped.concat(training_set(stage, units, HAND_WEIGHT)) if units else shipped
    elif len({u["doc"] for u in units}) >= 2:
        data = training_set(stage, units, 1.0)  # a project's own codebook: its own codes only
    else:
        raise ModelError("the codebook's themes differ from the packaged model's, so training needs "
                         "hand codes of quotes from at least two sources: code some with 'archive tag' "
                         "or the coding page first.")
    if shipped.themes == stage.codebook.ids:
        # The hand codes also learn weights of their own: what sets this collection apart.
        own = np.arange(len(data)) >= len(shipped)
        model = refit(data, TaggerModel.load(PACKAGED_MODEL), own=own)
    else:
        model, _ = fit(data, progress)
    model.info["hand_coded"] = len(units)
    model.save(out)
    return model, len(units)


# ------------------------------------------------------------ which tagger

TAGGERS = {"rules": "tag", "embeddings": "tag_embeddings"}  # --tagger name -> stage name


def default_stage(config, codebook: Path | None = None):
    """The default tag stage: the project's trained model if there is one, else the packaged."""
    from ingest.themes import ThemeStage, codebook_path, tagger_model_path

    return ThemeStage(codebook or codebook_path(config), tagger_model_path(config))


def evaluation_stage(config, tagger: str | None = None, codebook: Path | None = None):
    """The tag stage to evaluate: ``tagger`` (a TAGGERS name), else the one archive.yml's
    pipeline names. Raises ``PipelineError`` for a stage evaluation does not know."""
    from ingest.model import PipelineError
    from ingest.themes import ThemeStage, codebook_path

    name = TAGGERS[tagger] if tagger else config.pipeline.get("tag", "tag")
    codebook = codebook or codebook_path(config)
    if name == "tag_embeddings":
        from ingest.themes.learnt import LearntThemeStage, model_path
        return LearntThemeStage(codebook, model_path(config))
    if name != "tag":
        raise PipelineError(f"cannot evaluate the tag stage {name!r}: evaluate knows "
                            f"{', '.join(TAGGERS.values())}.")
    return ThemeStage(codebook)


# ------------------------------------------------------------ evaluating against hand coding

@dataclass
class Evaluation:
    scores: object  # ingest.themes.evaluate.Scores: per theme, micro and macro F1; .table(), .as_dict()
    codebook: Path  # the codebook evaluated
    units: int  # gold units read
    unknown: list[str]  # gold themes the codebook lacks: not scored
    seen_in_training: int  # of the gold texts, those the learnt model was trained on (figures overstate it)


def evaluate(stage, units: list, progress=None) -> Evaluation:
    """Score ``stage`` against hand-coded texts (``ingest.themes.evaluate.read_gold``: a JSONL
    file of {"text", "themes", "doc"}). ``progress(n)`` hears of each text tagged."""
    from ingest.model import text_key
    from ingest.themes.evaluate import evaluate as run_evaluation


    def tag(units) -> list[set[str]]:
        tagged = []
        texts = [u.text for u in units]
        # The context ingest gives the tagger (ingest.themes.quote_contexts): a survey answer's
        # question, else the unit before it in the same source, in the file's order.
        if "contexts" in inspect.signature(stage.tag_texts).parameters:
            contexts, before = [], {}
            for u in units:
                contexts.append(u.question or before.get(u.doc, ""))
                before[u.doc] = u.text
            found = stage.tag_texts(texts, contexts)
        else:  # a tagger that reads no context (the learnt one)
            found = stage.tag_texts(texts)
        for unit, tags in zip(units, found):
            tagged.append({t.theme for t in tags} if stage.is_coded([unit.speaker]) else set())
            if progress:
                progress(1)
        return tagged

    scores = run_evaluation(units, tag, stage.codebook.ids)
    model = getattr(stage, "model", None)
    seen = set(model.trained_on) if model is not None and hasattr(model, "trained_on") else set()
    return Evaluation(scores, stage.codebook.path, len(units),
                      sorted({t for u in units for t in u.themes} - set(stage.codebook.ids)),
                      sum(text_key(u.text) in seen for u in units))
