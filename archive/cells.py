"""What a spreadsheet would run as a formula, and the text cell it reads instead.

One rule for every CSV the archive writes: `archive export --format csv` (export.py) and
the published site's own CSV downloads (web/plugins/csv_cells.py, which has a copy of this
module in the build's vendor/ folder).
"""

from __future__ import annotations

# What a spreadsheet reads as the start of a formula (Excel, LibreOffice, Google Sheets).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def as_text_cell(value):
    """A cell a spreadsheet would run as a formula ('=2+2 was on the sign') opened with ',
    which a spreadsheet takes as 'this is text' (opened from a file, the ' may show)."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value
