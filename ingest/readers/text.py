"""Plain text (.txt) and Markdown (.md): ``Label: text`` turns, optional front matter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from frontmatter.default_handlers import YAMLHandler

from ingest.decode import read_text
from ingest import limits, schema
from ingest.metadata import load_yaml
from ingest.model import SourceError
from ingest.readers import ReadResult, reader
from ingest.readers.turns import turns_from_lines

_front = YAMLHandler()


@reader(".txt", ".md")
def read_text_source(path: Path, meta: dict[str, Any]) -> ReadResult:
    notes: list[str] = []
    text = read_text(path, notes)
    limits.check_count(path, "lines", text.count("\n") + 1)
    front: dict[str, Any] = {}
    body_line = 1
    if _front.detect(text):
        try:
            fm, body = _front.split(text)
        except ValueError:  # "---" opens the file, and no line closes what it opens
            raise SourceError(path, "the front matter opened by '---' has no closing '---' line; add one "
                                    "after its last key, or take out the first line.", place="line 1") from None
        front = load_yaml(path, fm, first_line=1, kind=schema.SOURCE)  # fm opens with the end of the "---" line
        body_line = text[: text.rindex(body)].count("\n") + 1 if body else text.count("\n") + 1
        text = body
    speakers = {**(meta.get("speakers") or {}), **(front.get("speakers") or {})}
    markdown = path.suffix.lower() == ".md"
    lines = [
        (line, f"line {n}")
        for n, line in enumerate(text.split("\n"), start=body_line)
        # Markdown headings are titles, not speech.
        if not (markdown and line.lstrip().startswith("#"))
    ]
    return ReadResult(turns_from_lines(lines, {str(k): v for k, v in speakers.items()}), front, notes)
