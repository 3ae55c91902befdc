"""Datasette plugin of the archive: the site's own CSV downloads open no cell as a formula.

Datasette writes a table's or a query's CSV (``/archive/quotes.csv``, ``?_stream=on``,
``?_dl=1``) itself, past every renderer hook. A quote that opens with ``=``, ``+``, ``-`` or
``@`` ('=HYPERLINK(...)', '+44 is the code...') would run as a formula in the spreadsheet a
reader opens it in. This wrapper (``asgi_wrapper``) reads the CSV as Datasette sends it,
record by record, and opens each such text cell with ``'``, by the rule
``archive export --format csv`` follows (``archive.cells``). A cell that is a number
(``-1``, ``-0.5``) is a number Datasette wrote, not text, and stays as it is.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import sys
from pathlib import Path

from datasette import hookimpl

try:
    import archive.cells  # noqa: F401
except ImportError:  # a deployment: the build's own copy of the modules (archive publish)
    sys.path.insert(0, str(Path(__file__).resolve().parent / "vendor"))
    sys.modules.pop("archive", None)  # another package of that name, if any, gives way
from archive.cells import as_text_cell

NUMBER = re.compile(r"-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")
CELL_START = re.compile(r'(?:^|,)"?[=+\-@\t\r]')  # where a cell may open as a formula
CSV_TYPES = (b"text/csv", b"text/plain")  # Datasette's CSV is text/plain unless _dl is given


def guard_cell(cell: str) -> str:
    return cell if NUMBER.fullmatch(cell) else as_text_cell(cell)


def guard_csv_line(record: str) -> str:
    """One CSV record as Datasette's writer wrote it (the excel dialect, ending in \\r\\n),
    with every text cell a spreadsheet would run as a formula opened with '."""
    if not CELL_START.search(record):
        return record
    out = io.StringIO()
    for row in csv.reader(io.StringIO(record, newline="")):
        csv.writer(out).writerow([guard_cell(cell) for cell in row])
    return out.getvalue()


class RecordSplitter:
    """Cuts CSV text that arrives in pieces into whole records (a quoted cell may hold
    line breaks, and a piece may end inside a record or a UTF-8 character). A line break
    ends a record when the quotes before it in the record are even in number (an escaped
    quote is two)."""

    def __init__(self):
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.pending = ""
        self.scanned = 0  # how much of pending has been scanned for line breaks
        self.quotes = 0  # quotes in pending[:scanned]

    def feed(self, data: bytes, final: bool = False) -> str:
        self.pending += self.decoder.decode(data, final)
        done = []
        start, pos = 0, self.scanned
        while (end := self.pending.find("\n", pos)) >= 0:
            self.quotes += self.pending.count('"', pos, end)
            pos = end + 1
            if self.quotes % 2 == 0:
                done.append(guard_csv_line(self.pending[start:pos]))
                start, self.quotes = pos, 0
        self.pending, self.scanned = self.pending[start:], pos - start
        if final and self.pending:
            done.append(guard_csv_line(self.pending + "\r\n")[:-2])  # a last record with no line end
            self.pending, self.scanned, self.quotes = "", 0, 0
        return "".join(done)


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def csv_cells(scope, receive, send):
            if scope["type"] != "http" or not scope["path"].endswith(".csv"):
                return await app(scope, receive, send)
            splitter = None

            async def guarded(message):
                nonlocal splitter
                if message["type"] == "http.response.start":
                    headers = message.get("headers", [])
                    kind = dict(headers).get(b"content-type", b"").split(b";")[0].strip().lower()
                    if message.get("status") == 200 and kind in CSV_TYPES:
                        splitter = RecordSplitter()
                        # The guarded body is longer: a length set beforehand would cut it.
                        message = dict(message, headers=[(k, v) for k, v in headers
                                                         if k.lower() != b"content-length"])
                elif message["type"] == "http.response.body" and splitter is not None:
                    more = message.get("more_body", False)
                    message = dict(message, body=splitter.feed(message.get("body", b""), final=not more)
                                   .encode("utf-8"))
                await send(message)

            return await app(scope, receive, guarded)

        return csv_cells

    return wrap
