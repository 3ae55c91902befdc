"""Exports of the archive's quotes.

    jsonl      the contract in inputs.md, one quote a line
    csv        the contract's columns, one quote a row
    markdown   block quotations with citations, escaped: nothing in a quote becomes live
    docx       a Word document a writer can paste from (``archive.export_docx``)
    ris, bibtex, csl-json   one reference per quote, for reference managers
    qdpx, qdc  a REFI-QDA project, or its codebook alone (``archive.qda``)

Every format carries the same citation, made from one CSL-JSON item per quote
(``archive.citations``), in the style asked for (``--cite``).
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable

from archive.cells import as_text_cell
from archive.citations import clock, csl_item, format_citation  # noqa: F401 (clock: for callers)

FORMATS = ("jsonl", "csv", "markdown", "docx", "ris", "bibtex", "csl-json", "qdpx", "qdc")
BINARY_FORMATS = ("docx", "qdpx")  # written as bytes: never to a terminal
# The format a file's name says (`archive export -o quotes.docx`): ".json" is left out, as
# JSON lines and CSL-JSON both go by it.
BY_SUFFIX = {".jsonl": "jsonl", ".csv": "csv", ".md": "markdown", ".markdown": "markdown", ".docx": "docx",
             ".ris": "ris", ".bib": "bibtex", ".qdpx": "qdpx", ".qdc": "qdc"}


def formats() -> list[str]:
    """The built-in formats and those of installed plug-ins (entry point group
    ``quote_archive.exports``: ``writer(records, out) -> count``, given the records the
    JSONL export has, each already passed by the leak gate)."""
    from ingest import plugins

    return [*FORMATS, *sorted(set(plugins.entry_points("exports")) - set(FORMATS))]
CODEBOOK_ONLY = ("qdc",)  # needs no quotes


@dataclass
class ExportOptions:
    cite: str = "plain"  # citation style: archive.citations.STYLES
    site: dict | None = None  # {"title", "url", "licence", "accessed"}: the archive's name, base URL...
    title: str = "Quotes"  # a document's title (docx, qdpx project name)
    selection: str = ""  # the selection in words (docx)
    asked: str = ""  # the words typed into it (--query, --speaker), which the leak gate reads
    group: str = "theme"  # docx: "theme" or "source"
    group_themes: tuple[str, ...] = ()  # docx: only these themes' headings (the themes selected)
    themes: list[dict] = field(default_factory=list)  # the codebook: {id, label, description}, in order


class ExportError(ValueError):
    """An export that cannot be made as asked (a theme or source the archive lacks...)."""


class ExportOptionError(ExportError):
    """Options that do not go together, or a value written wrong (a usage error)."""


def site(metadata: dict, base_url: str | None = None, accessed: str | None = None) -> dict:
    """What citations say of the published archive: its name and licence (``metadata``,
    from metadata.yml), its address and the date it was accessed (default: today)."""
    import datetime as dt

    if accessed and not base_url:
        raise ExportOptionError("--accessed dates a visit to the published archive: give --base-url too.")
    if accessed:
        try:
            accessed = dt.date.fromisoformat(accessed).isoformat()
        except ValueError:
            raise ExportOptionError(f"--accessed {accessed!r}: give a date as YYYY-MM-DD.") from None
    if base_url and not base_url.startswith(("https://", "http://")):
        raise ExportOptionError(f"--base-url {base_url!r}: give the address with https://.")
    return {"title": metadata.get("title"), "licence": metadata.get("license"), "url": base_url,
            "accessed": (accessed or dt.date.today().isoformat()) if base_url else None}


def write_file(rows: Iterable[dict], fmt: str, path: Path, options: ExportOptions | None = None) -> int:
    """``write`` to the file ``path`` atomically: into a .tmp sibling, moved into place only
    when every row has passed (the rows are read through the leak gate as they are
    written): never a half-written export. Raises OSError if the file cannot be written."""
    tmp = path.with_name(path.name + ".tmp")
    out = tmp.open("wb") if fmt in BINARY_FORMATS else tmp.open("w", encoding="utf-8", newline="")
    try:
        with out:
            count = write(rows, fmt, out, options)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count


def write_stream(rows: Iterable[dict], fmt: str, stream: IO, options: ExportOptions | None = None) -> int:
    """``write`` to an open stream (binary for ``BINARY_FORMATS``), held back in a buffer
    until every row has passed: a leak found halfway writes nothing to the stream."""
    import shutil
    import tempfile

    binary = fmt in BINARY_FORMATS
    with tempfile.SpooledTemporaryFile(max_size=64 << 20, mode="w+b" if binary else "w+",
                                       encoding=None if binary else "utf-8", newline=None if binary else "") as buffer:
        count = write(rows, fmt, buffer, options)
        buffer.seek(0)
        shutil.copyfileobj(buffer, stream)
    return count


def codebook(conn) -> list[dict]:
    """The archive's themes, in the codebook's order: what docx, qdpx and qdc write."""
    return [{"id": r[0], "label": r[1], "description": r[2]} for r in conn.execute(
        "select id, label, description from themes order by position, rowid").fetchall()]


def citation(row: dict, style: str = "plain", site: dict | None = None) -> str:
    """A ready-to-paste citation: speaker, source title and date, collection, quote number,
    time (``archive.citations``: one CSL-JSON item per quote is the source of every style)."""
    return format_citation(csl_item(row, site), style)


def record(row: dict, options: ExportOptions | None = None) -> dict:
    """One quote as the export contract has it, plus a few extra keys."""
    options = options or ExportOptions()
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
        "citation": citation(row, options.cite, options.site),
        # Beyond the contract:
        "access": row.get("access") or "public",
        "embargo_until": row.get("embargo_until"),
        "position": row["position"],
        "question": row["question"],
        "theme_scores": {t["theme"]: round(t["score"], 3) for t in row["themes"]},
        "theme_evidence": {t["theme"]: t["evidence"] for t in row["themes"]},
    }


def write(rows: Iterable[dict], fmt: str, out: IO, options: ExportOptions | None = None) -> int:
    """Write ``rows`` (quote rows, already through the leak gate) as ``fmt`` to ``out`` (a
    binary file for ``BINARY_FORMATS``, else text); returns how many quotes (codes for qdc)."""
    options = options or ExportOptions()
    if fmt in ("jsonl", "csv"):
        return {"jsonl": _jsonl, "csv": _csv}[fmt]((record(r, options) for r in rows), out)
    if fmt == "markdown":
        from archive.search import access_mark

        return _markdown(({**record(r, options), "mark": access_mark(r)} for r in rows), out)
    if fmt in ("ris", "bibtex", "csl-json"):
        from archive import citations

        items = [csl_item(r, options.site) for r in rows]
        out.write({"ris": citations.to_ris, "bibtex": citations.to_bibtex,
                   "csl-json": citations.to_csl_json}[fmt](items))
        return len(items)
    if fmt == "docx":
        from archive.export_docx import write_docx

        return write_docx(rows, out, options)
    if fmt in ("qdpx", "qdc"):
        from archive import qda

        if fmt == "qdc":
            return qda.write_qdc(options.themes, out)
        return qda.write_qdpx(rows, out, options)
    from ingest import plugins

    writer = plugins.load("exports", fmt)
    if writer is None:
        raise ValueError(f"unknown export format {fmt!r}")
    return writer((record(r, options) for r in rows), out)


def _jsonl(records: Iterable[dict], out: IO[str]) -> int:
    n = 0
    for n, rec in enumerate(records, start=1):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return n


CSV_COLUMNS = ("id", "source", "collection", "kind", "speaker", "text", "themes", "start", "end", "citation",
               "access")


def _csv(records: Iterable[dict], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for n, rec in enumerate(records, start=1):
        row = {**rec, "themes": ";".join(rec["themes"])}
        writer.writerow({k: as_text_cell(v) for k, v in row.items()})
    return n


# What Markdown would read as markup anywhere in a line: emphasis, code, links and images,
# raw HTML and autolinks (<...>), entities (&...;), tables, strikethrough, escapes.
_MARKUP = re.compile(r"([\\`*_\[\]<>&|~])")
# ... and only at the start of a line: headings, block quotes, lists, rules, setext underlines.
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def escape_markdown(text: str) -> str:
    """``text`` as literal Markdown: every character that could start markup is escaped
    (CommonMark lets any ASCII punctuation be escaped), so no HTML, link, image or heading
    in a transcript becomes live. Bare web addresses stay text in CommonMark; renderers that
    auto-link them (GitHub's) link only http(s), ftp and www addresses, never javascript:."""
    lines = []
    for line in text.split("\n"):
        line = _MARKUP.sub(r"\\\1", line)
        line = _LINE_START.sub(lambda m: m.group(1) + (m.group(2)[:-1] + "\\" + m.group(2)[-1]), line)
        lines.append(line)
    return "\n".join(lines)


def _markdown(records: Iterable[dict], out: IO[str]) -> int:
    n, current = 0, None
    for n, rec in enumerate(records, start=1):
        if rec["source"] != current:
            current = rec["source"]
            out.write(f"{'' if n == 1 else chr(10)}## {escape_markdown(rec['source'])}\n\n")
        quoted = "\n".join(f"> {line}" if line else ">" for line in escape_markdown(rec["text"]).split("\n"))
        themes = f" Themes: {escape_markdown(', '.join(rec['themes']))}." if rec["themes"] else ""
        mark = f" **\\[{rec['mark']}: not for publication\\]**" if rec.get("mark") else ""
        out.write(f"{quoted}\n\n— {escape_markdown(rec['citation'])}{themes}{mark}\n\n")
    return n
