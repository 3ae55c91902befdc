"""Exports of the archive's quotes: JSONL (the contract in inputs.md), CSV and Markdown.

Every format carries the same citation, made here by ``citation()``: the one
place that says how a quote is cited.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Iterable

FORMATS = ("jsonl", "csv", "markdown")


def clock(seconds: float | None) -> str | None:
    """Seconds → 'm:ss' or 'h:mm:ss'."""
    if seconds is None:
        return None
    whole = int(seconds)
    h, rest = divmod(whole, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def citation(row: dict) -> str:
    """A ready-to-paste citation: speaker, source title and date, collection, quote number, time."""
    parts = [row["speaker_description"], f"“{row['source_title']}”"]
    if row.get("source_date"):
        parts.append(str(row["source_date"]))
    parts.append(row.get("collection_title") or row["collection"])
    parts.append(f"quote {row['position']}")
    if row.get("start") is not None:
        parts.append(f"at {clock(row['start'])}")
    text = ", ".join(parts) + "."
    if row.get("collection_citation"):
        text += f" {row['collection_citation'].strip()}"
    if row.get("audio_url") and row.get("start") is not None:
        text += f" {row['audio_url']}#t={int(row['start'])}"
    return text


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
