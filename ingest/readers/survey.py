"""Survey exports (.csv via the csv module, .xlsx via openpyxl).

One row per respondent; each non-empty open answer is a turn whose speaker is the
respondent, described by the ``attributes`` columns. The sidecar says which
columns are which::

    survey:
      id_column: respondent_id
      open_questions: {q_improve: "What one change would make your job better?"}
      attributes: [role, sector, region]
"""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path
from typing import Any, Iterator

from ingest import limits
from ingest.decode import read_text
from ingest.model import SourceError, Turn
from ingest.readers import ReadResult, reader

Rows = Iterator[tuple[int, dict[str, str]]]  # (row number in the file, values by column)


@reader(".csv")
def read_csv(path: Path, meta: dict[str, Any]) -> ReadResult:
    notes: list[str] = []
    text = read_text(path, notes)
    limits.check_count(path, "lines", text.count("\n") + 1)
    unclosed = _unclosed_quote(text)
    if unclosed:
        raise SourceError(path, "this row opens a quoted value that is never closed, so every row after it "
                                "would be read as part of one answer; close its quote (\") and ingest again.",
                          place=f"line {unclosed}")
    # Lines keep their ends so that answers with line breaks inside quotes survive.
    reader_ = csv.reader(_lines_keeping_ends(text))
    try:
        header = next(reader_)
    except StopIteration:
        raise SourceError(path, "the file is empty.") from None

    def rows() -> Rows:
        try:
            for values in reader_:
                if any(v.strip() for v in values[len(header):]):
                    raise SourceError(path, f"this row has {len(values)} values but the header has "
                                            f"{len(header)} columns (an unquoted comma?).",
                                      place=f"line {reader_.line_num}")
                if any(v.strip() for v in values):
                    yield reader_.line_num, dict(zip(header, values))
        except csv.Error as e:
            raise SourceError(path, f"cannot read this row ({e}).", place=f"line {reader_.line_num}") from None

    return ReadResult(_answers(path, meta, [h.strip() for h in header], rows(), "line"), notes=notes)


def _unclosed_quote(text: str) -> int | None:
    """The line of the row whose quoted value runs to the end of the file, if one does (the
    csv module, not strict, would take the rest of the file as that one value)."""
    reader_ = csv.reader(_lines_keeping_ends(text), strict=True)
    start = 1
    try:
        for _ in reader_:
            start = reader_.line_num + 1
    except csv.Error as e:
        return start if "unexpected end of data" in str(e) else None
    return None


@reader(".xlsx")
def read_xlsx(path: Path, meta: dict[str, Any]) -> ReadResult:
    import openpyxl  # imported here: only survey projects pay for it

    if not zipfile.is_zipfile(path):
        raise SourceError(path, "not an Excel .xlsx file (it is not a zip archive).")
    limits.check_zip(path, "Excel file")
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (KeyError, ValueError, OSError, zipfile.BadZipFile) as e:
        raise SourceError(path, f"not a readable Excel .xlsx file ({e}).") from None
    sheet_name = (meta.get("survey") or {}).get("sheet")
    if sheet_name and sheet_name not in workbook.sheetnames:
        raise SourceError(path, f"no sheet named {sheet_name!r} (sheets: {', '.join(workbook.sheetnames)}).")
    sheet = workbook[sheet_name] if sheet_name else workbook.worksheets[0]
    values = _guarded(path, sheet.iter_rows(values_only=True))
    header = [str(h).strip() if h is not None else "" for h in next(values, [])]
    if not any(header):
        raise SourceError(path, "the first sheet is empty.", place="row 1")
    # The same cells as written: a text opening with "=" that pandas or openpyxl saved is a
    # formula with no saved value, which the values above give as empty.
    formulas_book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    formulas = formulas_book[sheet.title].iter_rows(min_row=2, values_only=True)
    as_formula: list[str] = []  # the cells read so

    def rows() -> Rows:
        for n, (row, written) in enumerate(zip(values, formulas), start=2):
            cells = ["" if v is None else str(v) for v in row]
            for i, (v, w) in enumerate(zip(row, written)):
                if v is None and isinstance(w, str) and w.startswith("=") and i < len(header):
                    cells[i] = w
                    as_formula.append(f"row {n}, column {header[i]}")
            if any(c.strip() for c in cells):
                yield n, dict(zip(header, cells))

    turns = _answers(path, meta, header, rows(), "row")
    workbook.close()
    formulas_book.close()
    notes = []
    if as_formula:
        more = f" (and {len(as_formula) - 1} more)" if len(as_formula) > 1 else ""
        notes.append(f"{as_formula[0]}{more} holds a formula with no saved value (the program that wrote "
                     "the file took a text opening with = for one); read as the text it holds.")
    return ReadResult(turns, notes=notes)


def _guarded(path: Path, rows: Iterator) -> Iterator:
    """A sheet's rows, read as they are parsed: XML the parser refuses (an entity, broken
    markup) is the file's fault, named as such."""
    from xml.etree.ElementTree import ParseError

    n = 0
    try:
        for n, row in enumerate(rows, start=1):
            if n > limits.current().max_lines:  # read row by row: refused when it gets there
                limits.check_count(path, "rows (at least)", n)
            yield row
    except (ParseError, ValueError) as e:  # defusedxml's refusals are ValueErrors
        raise SourceError(path, f"the sheet's XML cannot be read ({type(e).__name__}); save the file "
                                "again from Excel.", place=f"row {n + 1}") from None


def _lines_keeping_ends(text: str) -> Iterator[str]:
    for line in text.split("\n"):
        yield line + "\n"


def _answers(path: Path, meta: dict[str, Any], header: list[str], rows: Rows, unit: str) -> list[Turn]:
    survey = meta.get("survey")
    if not isinstance(survey, dict):
        raise SourceError(path, "a survey export needs 'survey:' metadata (id_column, open_questions, "
                                "attributes) in its sidecar or collection.yml.")
    id_column = survey.get("id_column")
    questions = survey.get("open_questions") or {}
    attributes = [str(a) for a in survey.get("attributes") or []]
    if not id_column:
        raise SourceError(path, "the survey metadata names no id_column.")
    if not isinstance(questions, dict) or not questions:
        raise SourceError(path, "the survey metadata names no open_questions (column: question text).")
    columns = ", ".join(h for h in header if h)
    for role, names in (("id column", [id_column]), ("open question column", list(questions)),
                        ("attribute column", attributes)):
        for name in names:
            if name not in header:
                raise SourceError(path, f"no {role} {name!r} in the header (columns: {columns}).",
                                  place=f"{unit} 1")
    turns: list[Turn] = []
    seen: dict[str, int] = {}
    for n, row in rows:
        respondent = (row.get(id_column) or "").strip()
        if not respondent:
            raise SourceError(path, f"the respondent has no id in column {id_column!r}.", place=f"{unit} {n}")
        if respondent in seen:
            raise SourceError(path, f"this respondent id was already used at {unit} {seen[respondent]}.",
                              place=f"{unit} {n}")
        seen[respondent] = n
        kept = {a: (row.get(a) or "").strip() for a in attributes}
        for column, question in questions.items():
            answer = (row.get(column) or "").strip()
            if answer:
                turns.append(Turn(label=respondent, text=answer, place=f"{unit} {n}, column {column}",
                                  question=str(question), attributes=kept))
    return turns
