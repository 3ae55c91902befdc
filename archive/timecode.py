"""A moment in a recording as people write it: '4:31', '1:02:07'.

One formatter for the citations, the exports and the published site's pages. It imports
nothing beyond the standard library: the site's plugin runs it in a deployment that has
neither this package nor citeproc-py installed (``archive publish`` copies it there).
"""

from __future__ import annotations

import math


def clock(seconds: float | str | None) -> str | None:
    """Seconds from the start → 'm:ss' under an hour, else 'h:mm:ss'; None when there is
    no time (None, '', not a number, before the start). Whole seconds, cut rather than
    rounded: played from the time shown, the quote has not yet begun."""
    try:
        seconds = float(seconds)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(seconds) or seconds < 0:
        return None
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
