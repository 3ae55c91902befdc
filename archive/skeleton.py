"""``archive init``: a new project's folder, ready to fill in.

Writes ``archive.yml`` (every setting, commented), ``metadata.yml`` (the organisation's
own archive name, description and licence, each marked FILL IN, which ``archive publish``
refuses to publish), a ``.gitignore`` keeping private material out of version control,
and ``transcripts/`` with one collection holding one fictional interview, so that
``archive ingest`` and ``archive serve`` work at once. Files already there are kept.
"""

from __future__ import annotations

from pathlib import Path

ARCHIVE_YML = """\
# The archive's settings for this project (all optional; the defaults are shown).
transcripts: transcripts       # where `archive ingest` looks by default
db: archive.db
private: private               # SENSITIVE: the redaction log; never publish or share it
# codebook: codebook.yml       # the project's own themes (copy ingest/themes/codebook.yml)
# max_words: 150               # split turns longer than this
public_names: []               # names that are public in every source (a podcast's host...)
redact: []                     # words always redacted, in every source
"""

METADATA_YML = """\
# How the published archive presents itself (`archive serve`, `archive publish OUT`).
# Fill in each FILL IN: `archive publish` refuses to publish while one is left.
# Never put a password, hash or secret in this file.
title: "FILL IN: the archive's name, e.g. Working Lives Archive of Example Trust"
description_html: |-
  <p>FILL IN: what the archive holds, who made it and why, in a sentence or two.</p>
license: "FILL IN: the licence quotes may be reused under, e.g. CC BY-NC 4.0"
license_url: "FILL IN: the licence's address, e.g. https://creativecommons.org/licenses/by-nc/4.0/"
source: "FILL IN: your organisation's name"
# site_url: https://quotes.example.org   # the site's public address, for permanent links in citations
about: >-
  participants were promised anonymity, so names, places, workplaces and contact details
  are replaced by labels in [brackets]
"""

GITIGNORE = """\
# Raw transcripts and the redaction log identify people: never commit them.
transcripts/
private/
archive.db*
"""

COLLECTION_YML = """\
title: "Example study: a fictional interview"
description: >-
  One invented interview, to try the archive with. Replace this folder with your own
  collections: one folder per study, survey or podcast series.
kind: interview
licence: CC BY-NC 4.0
access: public
citation: "Example study (fictional), your organisation."
"""

EXAMPLE_INTERVIEW = """\
---
title: Example interview with a support worker
date: 2024-05
speakers:
  Interviewer: Interviewer
  Robin: Support worker, community mental-health team
---
Interviewer: How has your work changed in the last year?

Robin: The caseload went up and the time for each person went down. I used to have an
hour with someone, now it is twenty minutes and a form to fill in.

Interviewer: What keeps you going?

Robin: The team. We cover for each other, and the union rep listens when nobody else does.
"""

FILES = {
    "archive.yml": ARCHIVE_YML,
    "metadata.yml": METADATA_YML,
    ".gitignore": GITIGNORE,
    "transcripts/example-study/collection.yml": COLLECTION_YML,
    "transcripts/example-study/example-interview-01.txt": EXAMPLE_INTERVIEW,
}


def init_project(folder: str | Path) -> tuple[list[Path], list[Path]]:
    """Write the skeleton into ``folder``; returns (files written, files kept as they were)."""
    folder = Path(folder)
    written, kept = [], []
    for name, text in FILES.items():
        path = folder / name
        if path.exists():
            kept.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written, kept
