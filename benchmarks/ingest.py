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

Goals: unchanged re-ingest of the dev corpus under 1 s; reading and storing at
200,000 words/s or more.
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

from ingest.config import ProjectConfig  # noqa: E402
from ingest.pipeline import ingest_path  # noqa: E402
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
    from ingest.pipeline import discover, read_source
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--times", type=int, default=10)
    parser.add_argument("--full", action="store_true", help="also run the full pipeline on the large copy")
    args = parser.parse_args()

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


if __name__ == "__main__":
    main()
