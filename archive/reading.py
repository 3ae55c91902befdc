"""What the site's pages show beside the quotes: the pseudonym legend, matched words,
and the pieces of a citation. Light (no sqlite-utils, no spaCy): ``archive publish``
copies it into the build with the modules the pages run."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache

from markupsafe import Markup, escape

from archive.rows import quote_rows

try:
    from archive import citations
except ImportError:  # not there yet, or citeproc-py, rispy and bibtexparser missing
    citations = None

# Pseudonyms and placeholders the redaction writes, and what each stands for.
LEGEND = {
    "Person": "a person's name",
    "Workplace": "a workplace, employer or organisation",
    "Place": "a place",
    "email": "an email address",
    "phone": "a phone number",
    "web address": "a web address",
    "postcode": "a postcode",
    "address": "a street address",
    "date": "a date that could identify someone",
    "NI number": "a National Insurance number",
    "NHS number": "an NHS number",
    "ID number": "an identifying number",
    "redacted": "words taken out to protect someone",
}
_PLACEHOLDER = re.compile(r"\[(?P<kind>[A-Za-z][A-Za-z ]*?)(?: (?P<n>\d+))?\]")


# ------------------------------------------------------------------ helpers

def legend(*texts: str) -> list[dict]:
    """The pseudonyms and placeholders in ``texts``, each with what it stands for."""
    seen: dict[str, dict] = {}
    for text in texts:
        for m in _PLACEHOLDER.finditer(text or ""):
            kind = m["kind"] if m["kind"] in LEGEND else next(
                (k for k in LEGEND if k.lower() == m["kind"].lower()), None)
            if kind and m[0] not in seen:
                seen[m[0]] = {"label": m[0], "means": LEGEND[kind], "numbered": bool(m["n"])}
    return list(seen.values())


def marked(text: str, spans) -> Markup:
    """``text`` escaped, with the matched words in <mark>."""
    out, at = [], 0
    for start, end in spans:
        out += [str(escape(text[at:start])), "<mark>", str(escape(text[start:end])), "</mark>"]
        at = end
    out.append(str(escape(text[at:])))
    return Markup("".join(out))


def site_of(datasette, request) -> dict:
    """The archive's name, address, licence and today's date, as a citation gives them.
    The address is metadata.yml's ``site_url`` when set (a site behind a proxy does not
    know its public address), else the one the reader used."""
    url = datasette.metadata("site_url") or (datasette.absolute_url(request, "/") if request is not None else None)
    return {"title": datasette.metadata("title") or "Archive",
            "url": url.rstrip("/") if url else None,
            "licence": datasette.metadata("license"),
            "accessed": dt.date.today().isoformat()}


def citation_row(conn, quote_id: str, database: str) -> dict | None:
    """A quote as citations read it (``archive.rows``), with its access and licence."""
    row = next(quote_rows(conn, "q.id = ?", [quote_id]), None)
    if row is None:
        return None
    licence = conn.execute("select c.licence from collections c join sources s on s.collection = c.id "
                           "where s.id = ?", [row["source"]]).fetchone()
    row["licence"] = licence[0] if licence else None
    row["access"] = "restricted" if database == "restricted" else "public"
    return row


def cite(item: dict) -> dict:
    """The item in APA, Chicago and the archive's plain style. A CSL processor takes tens of
    milliseconds a style: each item is formatted once, then remembered."""
    return dict(_cite(json.dumps(item, sort_keys=True)))


@lru_cache(maxsize=4096)
def _cite(item_json: str) -> tuple:
    item = json.loads(item_json)
    return tuple((style, citations.format_citation(item, style)) for style in ("apa", "chicago", "plain"))
