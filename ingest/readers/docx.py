"""Word (.docx): one paragraph a line, speaker turns as in plain text (labels may be bold)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError

from ingest.model import SourceError
from ingest.readers import ReadResult, reader
from ingest.readers.turns import turns_from_lines


@reader(".docx")
def read_docx(path: Path, meta: dict[str, Any]) -> ReadResult:
    if path.stat().st_size == 0:
        raise SourceError(path, "the file is empty.")
    if not zipfile.is_zipfile(path):
        raise SourceError(path, "not a Word .docx file (it is not a zip archive); save it again as .docx.")
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as e:
        raise SourceError(path, f"not a readable Word .docx file ({e}).") from None
    # Looking a paragraph's style up by name is slow; compare style ids found once.
    headings = {style.style_id for style in document.styles
                if (style.name or "").startswith(("Title", "Heading", "Subtitle"))}
    lines = []
    for n, paragraph in enumerate(document.paragraphs, start=1):
        if paragraph._p.style in headings:
            continue  # a document's title and headings are not speech
        for line in paragraph.text.split("\n"):  # soft line breaks
            lines.append((line, f"paragraph {n}"))
    turns = turns_from_lines(lines, meta.get("speakers") or {})
    if not turns:
        raise SourceError(path, "the document has no text.")
    return ReadResult(turns)
