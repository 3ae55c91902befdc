"""Cross-validate the detector through the whole redaction: held-out documents are ingested.

    nice -n 5 .venv/bin/python training/detector_cv_ingest.py --arch base|small [--folds 3]
        [--epochs 2] [--out /tmp/det-cv-NAME.json] [--keep DIR | --reuse DIR] [--misses FILE]
        [--rename-places]

The training documents are split by document into folds as ``train_detector.py`` splits them;
for each fold a detector is trained on the other folds plus dev (the recipe of
``train_detector.py``: as written, lower case, capitals, persons renamed; with
``--rename-places`` workplaces and places too), written to a
temporary folder, and the held-out documents are ingested by ``archive ingest`` with that
detector (the product's rules as they are), exported and scored together with
``../shared/tools/score.py`` against train's gold lines: per-kind leak recall of the whole
redaction, public terms kept, ordinary words kept. Only figures are printed.

``--keep DIR`` keeps each fold's detector in ``DIR/foldK/detector`` (with ``DIR/folds.json``
naming the held-out documents); ``--reuse DIR`` ingests the held-out documents again with
those detectors, without training: after a rule change, the held-out figures in minutes.
``--misses FILE`` writes the held-out misses to a private file for reading (train only: this
script never reads valid): each gold identifier mention left in the published text, with the
published quote around it, each public term lost and the ordinary words each quote lost. It must lie under /tmp, outside
the project, and is written readable by its owner alone.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import train_detector as td  # noqa: E402


def held_out_tree(corpus: Path, held: set[str], into: Path) -> Path:
    tree = into / "tree"
    for sub in (corpus / "train").iterdir():
        if not sub.is_dir():
            continue
        (tree / sub.name).mkdir(parents=True)
        for f in sub.iterdir():
            if f.name == "collection.yml" or f.name.split(".")[0] in held:
                shutil.copy(f, tree / sub.name / f.name)
    return tree


def use_detector(path: Path) -> None:
    """Point the archive's detector at ``path`` (the fold's weights) for this process."""
    from ingest.redact import detector

    detector.available.__defaults__ = (path,)
    detector.Detector.__init__.__defaults__ = (path,)
    detector.load_detector.__wrapped__.__defaults__ = (path,)
    detector.load_detector.cache_clear()


def aligned_records(scorer, units: list[dict], recs: list[dict]) -> list[list[dict]]:
    """The published records aligned to each gold unit, as ``score.py`` aligns them."""
    unit_words = [set(w for w in scorer.words(u["text"]) if len(w) >= 3) for u in units]
    aligned: list[list[dict]] = [[] for _ in units]
    cursor = -1
    for r in recs:
        rw = set(w for w in scorer.words(scorer.PLACEHOLDER.sub(" ", r.get("text") or "")) if len(w) >= 3)
        if not rw:
            continue
        best = min(range(len(units)), key=lambda i: (-len(rw & unit_words[i]) / len(rw),
                                                      (i < cursor, abs(i - cursor - 1))))
        if len(rw & unit_words[best]) / len(rw) >= 0.6:
            aligned[best].append(r)
            cursor = best
    return aligned


def misses(scorer, gold: list[dict], rows: list[dict]) -> list[dict]:
    """Each gold mention the published text still shows, each public term it lost, and the
    ordinary words outside identifiers each quote lost ("WORDS lost")."""
    by_doc: dict[str, list[dict]] = {}
    for g in gold:
        by_doc.setdefault(g["doc"], []).append(g)
    out_by_doc: dict[str, list[dict]] = {}
    for r in rows:
        out_by_doc.setdefault(str(r.get("source")), []).append(r)
    found = []
    for doc, units in by_doc.items():
        recs = out_by_doc.get(doc)
        if recs is None:
            continue
        for u, recs_u in zip(units, aligned_records(scorer, units, recs)):
            published = " | ".join(r.get("text") or "" for r in recs_u)
            for kind, surface, leaked in scorer.mention_leaks(u, recs_u):
                if leaked:
                    found.append({"doc": doc, "unit": u["unit"], "kind": kind, "surface": surface,
                                  "published": published})
            published_words = scorer.words(scorer.PLACEHOLDER.sub(" ", published))
            out_words = " ".join(published_words)
            # ordinary words outside identifiers the published text lost (content retention's)
            text, pos, outside = u["text"], 0, []
            for _k, _s, start, end in u["mentions"]:
                outside += scorer.words(text[pos:start])
                pos = end
            outside += scorer.words(text[pos:])
            left = Counter(published_words)
            lost = [w for w, n in Counter(w for w in outside if len(w) >= 3 and w.isalpha()).items() if n > left[w]]
            if lost:
                found.append({"doc": doc, "unit": u["unit"], "kind": "WORDS lost", "surface": " ".join(lost),
                              "published": published})
            for kind, surface, _s, _e in u["mentions"]:
                phrase = " ".join(scorer.words(surface))
                if kind == "KEEP" and out_words.count(phrase) < " ".join(scorer.words(u["text"])).count(phrase):
                    found.append({"doc": doc, "unit": u["unit"], "kind": "KEEP lost", "surface": surface,
                                  "published": published})
    return found


def write_private(path: Path, records: list[dict]) -> None:
    path = path.resolve()
    if not str(path).startswith("/tmp/") or str(path).startswith(str(ROOT)):
        raise SystemExit(f"--misses {path}: the misses hold training text; write them under /tmp only.")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        for r in sorted(records, key=lambda r: (r["kind"], r["doc"], r["unit"])):
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--arch", default="base")
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--shipped", action="store_true", help="score the shipped detector (not CV: it saw train)")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--keep", type=Path, help="keep each fold's detector in this folder")
    parser.add_argument("--reuse", type=Path, help="ingest with the detectors --keep kept, no training")
    parser.add_argument("--misses", type=Path, help="write the held-out misses to this private file under /tmp")
    parser.add_argument("--rename-places", action="store_true",
                        help="train_detector.py --rename-places: workplaces and places renamed too")
    parser.add_argument("--ordinary-workplaces", action="store_true",
                        help="train_detector.py --ordinary-workplaces: some named in everyday words")
    args = parser.parse_args(argv)
    td.ORDINARY_WORKPLACES = args.ordinary_workplaces
    td.RENAME_PLACES = args.rename_places or args.ordinary_workplaces
    if args.keep and args.reuse:
        parser.error("--keep and --reuse: one or the other (--reuse trains nothing)")
    if args.misses:
        write_private(args.misses, [])  # refuse a bad place before the slow part

    import redaction as bench
    from ingest.redact import lexicon

    scorer = bench.load_scorer(args.corpus)
    given_names = sorted(n for n in lexicon.first_names() if n.isalpha() and len(n) > 2)
    train_units, dev_units = td.load_units(args.corpus, ("train",)), td.load_units(args.corpus, ("dev",))
    docs = sorted({u["doc"] for u in train_units})
    random.Random(td.SEED).shuffle(docs)
    if args.reuse:
        kept = json.loads((args.reuse / "folds.json").read_text())
        if kept["docs"] != docs or kept["folds"] != args.folds:
            raise SystemExit(f"{args.reuse / 'folds.json'}: its folds are not this corpus's {args.folds} folds; "
                             "train again with --keep.")
        args.arch, args.epochs = kept["arch"], kept["epochs"]
        td.RENAME_PLACES = kept.get("rename_places", False)
        td.ORDINARY_WORKPLACES = kept.get("ordinary_workplaces", False)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        (args.keep / "folds.json").write_text(json.dumps({"folds": args.folds, "arch": args.arch,
                                                          "epochs": args.epochs, "rename_places": td.RENAME_PLACES,
                                                          "ordinary_workplaces": td.ORDINARY_WORKPLACES,
                                                          "docs": docs}) + "\n")
    rows, began = [], time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="det-cv-"))
    precision = json.loads((td.OUT / "meta.json").read_text())["precision"]  # same scores for every arch
    for k in range(args.folds):
        held = set(docs[k::args.folds])
        fit = [u for u in train_units if u["doc"] not in held] + dev_units
        fold_dir = work / f"fold{k}"
        print(f"fold {k + 1}/{args.folds}: {len(held)} documents held out, {len(fit)} turns to learn from", flush=True)
        if args.shipped:
            model_dir = td.OUT
        elif args.reuse:
            model_dir = args.reuse / f"fold{k}" / "detector"
        else:
            nlp = td.train(fit, args.epochs, given_names, arch=args.arch)
            model_dir = (args.keep or work) / f"fold{k}" / "detector"
            td.save(nlp, model_dir, args.arch, {"precision": precision})
        use_detector(model_dir)
        tree = held_out_tree(args.corpus, held, fold_dir)
        seconds, cpu, project = bench.ingest(tree, fold_dir, presidio=False)
        rows += bench.export(project)
        print(f"  ingest of the held-out documents: {seconds:.0f} s ({time.perf_counter() - began:.0f} s so far)",
              flush=True)
    gold = scorer.load(args.corpus / "train.gold.jsonl")
    s = scorer.score(gold, rows)
    keys = ("leak_recall", "mention_leak_recall", "keep_retention", "content_retention", "recall_by_type",
            "mention_recall_by_type", "docs_missing")
    figures = {k: s.get(k) for k in keys}
    figures.update({"arch": args.arch, "folds": args.folds, "epochs": args.epochs, "shipped": args.shipped,
                    "rename_places": td.RENAME_PLACES, "ordinary_workplaces": td.ORDINARY_WORKPLACES})
    for k in keys:
        print(k, s.get(k))
    if args.misses:
        found = misses(scorer, gold, rows)
        write_private(args.misses, found)
        print(f"{len(found)} misses written to {args.misses} (private: read, never copy)")
    if args.out:
        args.out.write_text(json.dumps(figures, indent=1) + "\n")
    shutil.rmtree(work, ignore_errors=True)
    print(f"total {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
