"""Ingest benchmark: the dev corpus and a generated copy ten times its size.

Prints sources/s, words/s and peak memory for
  - the full pipeline (read, segment, redact, tag, store, search index) on the dev corpus,
  - reading and storing only (redact and tag replaced by a pass-through, no search
    index; the index build is timed on its own after it) on the 10x copy,
  - the full pipeline on the 10x copy (with --full; it takes minutes),
and the time of a re-ingest with nothing changed, in-process and as a fresh
``archive ingest`` command, and the cost of storing each source in its own
transaction (with its private log marked written after it) against storing all of
them in one, and of the damage check (``pragma quick_check``) every writing command
runs first.

    python benchmarks/ingest.py [--corpus ../shared/corpus/dev] [--full]
    python benchmarks/ingest.py --bounded     # only the large-input figures below

and, each in a fresh process (so that its peak memory is its own), the time and peak
memory of reading, segmenting and storing one large file (redact and tag passed
through) at three sizes, to show both linear: a transcript of many turns up to 50 MB,
a survey export up to 100,000 rows; the segmenter alone on one paragraph up to
50 MB (ingest refuses a turn that long: max_turn_chars); and the full pipeline on small
transcripts, whose memory per MB says how large a file the default limits may let in;
and each recognizer on one long turn of a few shapes that once made one quadratic.

Goals: unchanged re-ingest of the dev corpus under 1 s; reading and storing at
200,000 words/s or more; no input file takes ingest past 1 GB.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from dataclasses import replace  # noqa: E402

from ingest.config import ProjectConfig  # noqa: E402
from ingest.limits import DEFAULT as DEFAULT_LIMITS  # noqa: E402
from archive.pipeline import ingest_path  # noqa: E402
from ingest.stages import register_stage  # noqa: E402

DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "dev"


class PassThrough:
    """Benchmark only: stands in for redaction and tagging to time reading and storing."""

    name = "passthrough"

    def __call__(self, source):
        source.redacted = True
        return source


register_stage("benchmark-passthrough")(lambda config: PassThrough())


def copy_corpus(corpus: Path, out: Path, times: int) -> Path:
    """``times`` copies of the corpus, each collection and source id made unique."""
    for k in range(times):
        for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
            target = out / f"{folder.name}-{k}"
            shutil.copytree(folder, target)
            for path in target.iterdir():
                if path.suffix in (".yml", ".txt", ".md"):
                    text = path.read_text(encoding="utf-8-sig")
                    path.write_text(re.sub(r"(?m)^id: *(\S+)", rf"id: \1-{k}", text), encoding="utf-8")
    return out


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(label: str, corpus: Path, db: Path, config: ProjectConfig, index: bool = True) -> None:
    began = time.perf_counter()
    report = ingest_path(corpus, db, config, index=index)
    seconds = time.perf_counter() - began
    sources = len(report.added) + len(report.updated)
    if report.failed:
        print(f"  ({len(report.failed)} failed: {report.failed[0]})")
    print(f"{label:<44} {sources:>5} sources {report.words:>9,} words {seconds:>7.2f} s "
          f"{sources / seconds:>8.1f} sources/s {report.words / seconds:>10,.0f} words/s "
          f"peak {peak_mb():,.0f} MB")


def transaction_cost(corpus: Path, tmp: Path, rounds: int = 5) -> None:
    """The per-source transaction on ``corpus``: each source stored in its own BEGIN
    IMMEDIATE ... COMMIT and then marked logged (what ingest does), against all sources
    stored in one transaction (the least the same rows can cost). Medians of ``rounds``
    re-stores of every source, alternated; the pipeline's stages are left out (redaction
    and tagging are passed through) so only the store is timed."""
    import statistics

    from archive import store
    from archive.pipeline import discover, read_source
    from ingest.stages import build_stages

    config = ProjectConfig(root=tmp, pipeline={"redact": "benchmark-passthrough", "tag": "benchmark-passthrough"})
    stages = build_stages(config)
    sources = []
    for source_file in discover(corpus)[0]:
        try:
            source = read_source(source_file)
        except Exception:  # a broken file is not what this measures
            continue
        for stage in stages:
            source = stage(source)
        source.fingerprint = source.settings = "benchmark"
        sources.append(source)
    db = store.open_db(tmp / "transactions.db")
    for source in sources:
        store.replace_source(db, source, "benchmark")
    each, together = [], []
    for _ in range(rounds):
        began = time.perf_counter()
        for source in sources:
            store.replace_source(db, source, "benchmark")
            store.mark_logged(db, source.id, source.fingerprint)
        each.append(time.perf_counter() - began)
        began = time.perf_counter()
        with store.transaction(db):
            for source in sources:
                store.replace_source(db, source, "benchmark")  # a savepoint each, one commit
        together.append(time.perf_counter() - began)
    quotes = sum(len(s.quotes) for s in sources)
    one, all_ = statistics.median(each), statistics.median(together)
    print(f"{'store, one transaction per source':<44} {len(sources):>5} sources {quotes:>9,} quotes "
          f"{one:>7.3f} s  {one / len(sources) * 1000:.1f} ms/source")
    print(f"{'store, all sources in one transaction':<44} {len(sources):>5} sources {quotes:>9,} quotes "
          f"{all_:>7.3f} s  {all_ / len(sources) * 1000:.1f} ms/source; per-source transactions cost "
          f"{(one - all_) / len(sources) * 1000:+.2f} ms/source")
    db.close()
    for path in (tmp / "transactions.db", tmp / "dev.db", tmp / "bare.db"):
        if path.exists():
            db = store.open_db(path, create=False)
            began = time.perf_counter()
            store.check_db(db)
            checked = time.perf_counter() - began
            count = db.execute("select count(*) from quotes").fetchone()[0]
            print(f"{'damage check (quick_check), ' + path.name:<44} {count:>9,} quotes {checked * 1000:>7.1f} ms")
            db.close()


# A fictional exchange: an answer of about 60 words, as transcripts have them.
TURN = ("Q: How often does that happen?\n"
        "A: Most weeks, honestly. We had the review again and nobody could say who would cover "
        "the late clinic, so I stayed until eight and wrote my notes at home. My manager says it "
        "will settle once the new posts are filled, but they have been saying that since the "
        "spring, and two of the team are off sick now.\n\n")


def large_input(kind: str, size: float, folder: Path) -> Path:
    """A fictional transcript of ``size`` MB, or a survey export of ``size`` thousand rows."""
    study = folder / "large"
    study.mkdir(parents=True, exist_ok=True)
    (study / "collection.yml").write_text("title: Large input\nkind: interview\n")
    if kind == "transcript":
        path = study / "long.txt"
        path.write_text(TURN * int(size * 1024 * 1024 / len(TURN)), encoding="utf-8")
    else:
        path = study / "survey.csv"
        (study / "survey.csv.yml").write_text(
            "kind: survey\nsurvey:\n  id_column: rid\n  attributes: [role]\n"
            "  open_questions: {q1: What would help?, q2: What gets in the way?}\n")
        with path.open("w", encoding="utf-8") as f:
            f.write("rid,role,q1,q2\n")
            for n in range(int(size * 1000)):
                f.write(f'R{n},Therapist,"More time between sessions, and cover for leave.",'
                        f'"The rota changes every week."\n')
    return path


def measure(kind: str, size: float) -> None:
    """One measurement, in this (fresh) process: prints seconds and peak MB."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if kind == "paragraph":
            from ingest.segment import split_spans

            text = ("Then the rota changed again and nobody could tell me why. " *
                    int(size * 1024 * 1024 / 59))
            began = time.perf_counter()
            parts = len(split_spans(text))
            print(f"{time.perf_counter() - began:.2f} {peak_mb():.0f} {parts}")
            return
        path = large_input("transcript" if kind == "full" else kind, size, tmp / "t")
        # Past the default limits on purpose: this measures what reading costs per MB.
        roomy = replace(DEFAULT_LIMITS, max_file_bytes=64 * 1024 * 1024, max_turns=1_000_000,
                        max_text_chars=64 * 1024 * 1024)
        passthrough = {"redact": "benchmark-passthrough", "tag": "benchmark-passthrough"}
        config = ProjectConfig(root=tmp, limits=roomy, pipeline={} if kind == "full" else passthrough)
        began = time.perf_counter()
        report = ingest_path(tmp / "t", tmp / "a.db", config, index=False)
        assert report.ok, report.failed
        print(f"{time.perf_counter() - began:.2f} {peak_mb():.0f} {report.quotes} {path.stat().st_size}")


def bounded_inputs() -> None:
    """Time and peak memory of one large file at three sizes: linear and bounded."""
    print("one large file, read + segment + store (redact and tag passed through, unless 'full pipeline'), "
          "each in a fresh process:")
    baseline = subprocess.run([sys.executable, "-c", "import resource, archive.pipeline, archive.store; "
                               "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"],
                              cwd=HERE.parent, check=True, capture_output=True, text=True).stdout.strip()
    print(f"  (the process alone, modules loaded: peak {float(baseline):.0f} MB)")
    for kind, sizes, unit in (("transcript", (12.5, 25, 50), "MB transcript"),
                              ("survey", (25, 50, 100), "thousand-row survey"),
                              ("paragraph", (12.5, 25, 50), "MB single paragraph, segmenter alone"),
                              ("full", (0.5, 1, 2), "MB transcript, full pipeline")):
        rates = []
        for size in sizes:
            out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--measure", kind, str(size)],
                                 check=True, capture_output=True, text=True).stdout.split()
            seconds, peak, quotes = float(out[0]), float(out[1]), int(out[2])
            rates.append(seconds / size)
            file_mb = f" ({int(out[3]) / 1024 / 1024:.1f} MB file)" if len(out) > 3 else ""
            print(f"  {size:>6g} {unit:<38}{file_mb:<16} {seconds:>7.2f} s  peak {peak:>5.0f} MB  "
                  f"{quotes:>9,} {'parts' if kind == 'paragraph' else 'quotes'}")
        print(f"  {'':>6} time per unit, smallest to largest: "
              + " / ".join(f"{r:.3f}" for r in rates) + " s (flat = linear)")
    long_turns()


# Turns that made a recognizer quadratic: words joined by hyphens or dots (the web-address
# pattern retried each word to the run's end: "Nee-" x 10,000 took 11 s), dates, spoken digits.
LONG_TURNS = ("Nee-", "a.", "1-", "A-", "1 May ", "oh seven ", "at ")


def long_turns() -> None:
    """Each recognizer on one turn of 10,000 and 40,000 characters of each shape: four times the
    text should take about four times as long."""
    from ingest.redact.recognizers import registered

    print("one long turn, each recognizer (the slowest per shape), 10,000 and 40,000 characters:")
    for unit in LONG_TURNS:
        worst = (0.0, 0.0, "")
        for recognizer in (r for r in registered() if not r.batch):
            seconds = []
            for size in (10_000, 40_000):
                text = unit * (size // len(unit))
                began = time.perf_counter()
                list(recognizer.find(text))
                seconds.append(time.perf_counter() - began)
            worst = max(worst, (seconds[1], seconds[0], recognizer.name))
        print(f"  {unit!r:<12} {worst[2]:<24} {worst[1]:>7.3f} s / {worst[0]:>7.3f} s  "
              f"(x{worst[0] / max(worst[1], 1e-9):.1f}; x4 = linear)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--times", type=int, default=10)
    parser.add_argument("--full", action="store_true", help="also run the full pipeline on the large copy")
    parser.add_argument("--bounded", action="store_true", help="only the large-input figures")
    parser.add_argument("--measure", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        return measure(args.measure[0], float(args.measure[1]))
    if args.bounded:
        return bounded_inputs()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        full = ProjectConfig(root=tmp)
        bare = ProjectConfig(root=tmp, pipeline={"redact": "benchmark-passthrough", "tag": "benchmark-passthrough"})
        big = copy_corpus(args.corpus, tmp / "big", args.times)

        run("full pipeline, dev corpus", args.corpus, tmp / "dev.db", full)
        began = time.perf_counter()
        report = ingest_path(args.corpus, tmp / "dev.db", full)
        in_process = time.perf_counter() - began
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", "archive", "ingest", str(args.corpus), "--db", str(tmp / "dev.db")],
                       cwd=tmp, check=True, capture_output=True)
        command = time.perf_counter() - began
        print(f"{'re-ingest, nothing changed, dev corpus':<44} {len(report.unchanged):>5} unchanged "
              f"{in_process:.3f} s in-process, {command:.2f} s as a fresh 'archive ingest' command")

        run(f"read + store only, {args.times}x copy", big, tmp / "bare.db", bare, index=False)
        from archive import search_index

        began = time.perf_counter()
        search_index.sync(tmp / "bare.db", [], [])
        print(f"{'search index built for the ' + str(args.times) + 'x copy':<44} {time.perf_counter() - began:.2f} s")
        if args.full:
            run(f"full pipeline, {args.times}x copy", big, tmp / "big.db", full)
        transaction_cost(args.corpus, tmp)
    bounded_inputs()


if __name__ == "__main__":
    main()
