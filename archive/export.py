"""Exports of the archive's quotes: JSONL (the contract in inputs.md), CSV and Markdown.

Every format carries the same citation, made here by ``citation()``: the one
place that says how a quote is cited.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Iterable

from archive.citations import clock, csl_item, format_citation  # noqa: F401 (clock: for callers)

FORMATS = ("jsonl", "csv", "markdown")


def citation(row: dict, style: str = "plain", site: dict | None = None) -> str:
    """A ready-to-paste citation: speaker, source title and date, collection, quote number,
    time (``archive.citations``: one CSL-JSON item per quote is the source of every style)."""
    return format_citation(csl_item(row, site), style)


def record(row: dict) -> dict:
    """One quote as the export contract has it, plus a few extra keys."""
    return {
        "id": row["id"],
        "source": row["source"],
        "collection": row["collection"],
        "kind": row["kind"],
        "speaker": row["speaker_description"],
        "text": row["text"],
        "themes": [t["theme"] for t in row["themes"]],
        "start": row["start"],
        "end": row["end"],
        "citation": citation(row),
        # Beyond the contract:
        "position": row["position"],
        "question": row["question"],
        "theme_scores": {t["theme"]: round(t["score"], 3) for t in row["themes"]},
        "theme_evidence": {t["theme"]: t["evidence"] for t in row["themes"]},
    }


def write(rows: Iterable[dict], fmt: str, out: IO[str]) -> int:
    writer = {"jsonl": _jsonl, "csv": _csv, "markdown": _markdown}[fmt]
    return writer((record(r) for r in rows), out)


def _jsonl(records: Iterable[dict], out: IO[str]) -> int:
    n = 0
    for n, rec in enumerate(records, start=1):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return n


CSV_COLUMNS = ("id", "source", "collection", "kind", "speaker", "text", "themes", "start", "end", "citation")


def _csv(records: Iterable[dict], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for n, rec in enumerate(records, start=1):
        writer.writerow({**rec, "themes": ";".join(rec["themes"])})
    return n


def _markdown(records: Iterable[dict], out: IO[str]) -> int:
    n, current = 0, None
    for n, rec in enumerate(records, start=1):
        if rec["source"] != current:
            current = rec["source"]
            out.write(f"{'' if n == 1 else chr(10)}## {rec['source']}\n\n")
        quoted = "\n".join(f"> {line}" if line else ">" for line in rec["text"].split("\n"))
        themes = f" Themes: {', '.join(rec['themes'])}." if rec["themes"] else ""
        out.write(f"{quoted}\n\n— {rec['citation']}{themes}\n\n")
    return n
