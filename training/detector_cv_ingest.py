"""Cross-validate the detector through the whole redaction: held-out documents are ingested.

    nice -n 5 .venv/bin/python training/detector_cv_ingest.py --arch base|small [--folds 3]
        [--epochs 2] [--out /tmp/det-cv-NAME.json]

The training documents are split by document into folds as ``train_detector.py`` splits them;
for each fold a detector is trained on the other folds plus dev (the recipe of
``train_detector.py``: as written, lower case, capitals, persons renamed), written to a
temporary folder, and the held-out documents are ingested by ``archive ingest`` with that
detector (the product's rules as they are), exported and scored together with
``../shared/tools/score.py`` against train's gold lines: per-kind leak recall of the whole
redaction, public terms kept, ordinary words kept. Only figures are printed.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
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


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--arch", default="base")
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--shipped", action="store_true", help="score the shipped detector (not CV: it saw train)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)

    import redaction as bench
    from ingest.redact import lexicon

    scorer = bench.load_scorer(args.corpus)
    given_names = sorted(n for n in lexicon.first_names() if n.isalpha() and len(n) > 2)
    train_units, dev_units = td.load_units(args.corpus, ("train",)), td.load_units(args.corpus, ("dev",))
    docs = sorted({u["doc"] for u in train_units})
    random.Random(td.SEED).shuffle(docs)
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
        else:
            nlp = td.train(fit, args.epochs, given_names, arch=args.arch)
            model_dir = fold_dir / "detector"
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
    figures.update({"arch": args.arch, "folds": args.folds, "epochs": args.epochs, "shipped": args.shipped})
    for k in keys:
        print(k, s.get(k))
    if args.out:
        args.out.write_text(json.dumps(figures, indent=1) + "\n")
    shutil.rmtree(work, ignore_errors=True)
    print(f"total {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
