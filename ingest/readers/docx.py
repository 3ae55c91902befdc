"""Word (.docx): one paragraph a line, speaker turns as in plain text (labels may be bold)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from ingest import limits
from ingest.model import SourceError
from ingest.readers import ReadResult, reader
from ingest.readers.turns import turns_from_lines


@reader(".docx")
def read_docx(path: Path, meta: dict[str, Any]) -> ReadResult:
    if path.stat().st_size == 0:
        raise SourceError(path, "the file is empty.")
    if not zipfile.is_zipfile(path):
        raise SourceError(path, "not a Word .docx file (it is not a zip archive); save it again as .docx.")
    limits.check_zip(path, "Word file", "max_word_xml_bytes")  # python-docx unpacks every part
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as e:
        raise SourceError(path, f"not a readable Word .docx file ({e}).") from None
    # paragraph.style searches every style by name: slow. Decide once per style id used.
    styles = document.styles.element
    is_heading: dict[str | None, bool] = {None: False}
    # Counted lazily, before python-docx makes an object of each.
    limits.check_count(path, "paragraphs", sum(1 for _ in document.element.body.iterchildren(qn("w:p"))))
    lines = []
    for n, paragraph in enumerate(document.paragraphs, start=1):
        style_id = paragraph._p.style
        if style_id not in is_heading:
            style = styles.get_by_id(style_id)
            name = (style.name_val if style is not None else "") or ""
            is_heading[style_id] = name.lower().startswith(("title", "heading", "subtitle"))
        if is_heading[style_id]:
            continue  # a document's title and headings are not speech
        for line in paragraph.text.split("\n"):  # soft line breaks
            lines.append((line, f"paragraph {n}"))
    turns = turns_from_lines(lines, meta.get("speakers") or {})
    if not turns:
        raise SourceError(path, "the document has no text.")
    return ReadResult(turns)
