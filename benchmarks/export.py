"""Export speed on a generated archive: the selection, then each format's writer.

    .venv/bin/python benchmarks/export.py                 # 10,000 quotes
    .venv/bin/python benchmarks/export.py --quotes 2000   # quicker

Prints, per format, the seconds to select and write every quote (without the leak gate,
which `archive export` runs first: see README, about 55 s per 100,000 quotes) and the
rate per 1,000 quotes. The archive is the search benchmark's generated one: fictional text.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from archive import export as exporter  # noqa: E402
from archive.selection import Selection  # noqa: E402
from search import THEMES, generate  # noqa: E402  (benchmarks/search.py)

CASES = [("jsonl", "plain"), ("jsonl", "apa"), ("jsonl", "chicago"), ("csv", "plain"), ("markdown", "plain"),
         ("docx", "plain"), ("ris", "plain"), ("bibtex", "plain"), ("csl-json", "plain"), ("qdpx", "plain")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        generate(db, args.quotes)
        themes = [{"id": t, "label": t.replace("_", " ").capitalize(), "description": ""} for t in THEMES]
        began = time.perf_counter()
        count = sum(1 for _ in Selection(include_restricted=True).rows(db))
        selected = time.perf_counter() - began
        print(f"{count:,} quotes; selecting them all: {selected:.2f} s")
        began = time.perf_counter()
        found = sum(1 for _ in Selection(themes=("workload",), years="2015..2020", kinds=("podcast",)).rows(db))
        print(f"--theme workload --year 2015..2020 --kind podcast: {found:,} quotes in "
              f"{time.perf_counter() - began:.2f} s")
        print(f"{'format':<10} {'cite':<8} {'seconds':>8} {'per 1,000':>10}")
        for fmt, cite in CASES:
            options = exporter.ExportOptions(cite=cite, themes=themes, selection="All quotes.")
            out = io.BytesIO() if fmt in exporter.BINARY_FORMATS else io.StringIO()
            began = time.perf_counter()
            exporter.write(Selection(include_restricted=True).rows(db), fmt, out, options)
            seconds = time.perf_counter() - began
            print(f"{fmt:<10} {cite:<8} {seconds:8.2f} {seconds / count * 1000:10.3f}")


if __name__ == "__main__":
    main()
