"""``archive export --format docx``: a Word document a writer can paste from.

A title, the selection in words, then the quotes grouped by theme (codebook order; a quote
on two themes is under both, and quotes on none come last) or by source, each a block
quotation in Word's built-in *Quote* style followed by its speaker and citation, and a list
of the sources at the end. Only built-in styles (Title, Heading 1, Quote, List Bullet), so
any word processor maps them to its own.
"""

from __future__ import annotations

from typing import IO, Iterable

def write_docx(rows: Iterable[dict], out: IO[bytes], options) -> int:
    from docx import Document
    from docx.shared import Pt

    from archive.export import citation
    from archive.search import access_mark

    rows = list(rows)
    document = Document()
    document.core_properties.title = options.title
    document.add_heading(options.title, level=0)
    intro = document.add_paragraph(options.selection or "")
    count = f"{len(rows)} quote{'s' if len(rows) != 1 else ''}"
    intro.add_run(f" {count}, grouped by {'theme' if options.group == 'theme' else 'source'}.")

    # python-docx appends a paragraph after searching the whole body for its end, and looks a
    # style up by name each time: both grow with the document (minutes for thousands of quotes).
    # So paragraphs go in before one placeholder at the end, removed at the end, and styles
    # are set by id.
    end = document.add_paragraph()
    heading_style = document.styles["Heading 1"].style_id
    quote_style = document.styles["Quote"].style_id
    bullet_style = document.styles["List Bullet"].style_id

    def add(text: str = "", style: str | None = None):
        paragraph = end.insert_paragraph_before(text)
        if style:
            paragraph._p.style = style
        return paragraph

    for heading, description, group in _groups(rows, options):
        add(heading, heading_style)
        if description:
            add(description).runs[0].italic = True
        for row in group:
            for paragraph in (row["text"] or "").split("\n"):
                if paragraph.strip():
                    add(paragraph.strip(), quote_style)
            attribution = add("— ")
            cited = citation(row, options.cite, options.site)
            speaker = row["speaker_description"]
            if cited.startswith(speaker):  # every style opens with the speaker: shown once, in bold
                attribution.add_run(speaker).bold = True
                cited = cited[len(speaker):]
            else:
                attribution.add_run(speaker + ". ").bold = True
            attribution.add_run(cited).font.size = Pt(9)
            mark = access_mark(row)
            if mark:  # exported with --include-restricted: not for publishing
                flag = attribution.add_run(f" [{mark}: not for publication]")
                flag.bold = True

    add("Sources", heading_style)
    seen: dict[str, dict] = {}
    for row in rows:
        seen.setdefault(row["source"], row)
    for source, row in sorted(seen.items(), key=lambda item: (item[1]["collection"], item[0])):
        parts = [f"“{row['source_title']}”"]
        if row.get("source_date"):
            parts.append(str(row["source_date"]))
        parts.append(row.get("collection_title") or row["collection"])
        parts.append(f"{row['kind']} ({source})")
        if row.get("licence"):
            parts.append(f"licence: {row['licence']}")
        item = add(", ".join(parts) + ".", bullet_style)
        if row.get("source_description"):
            item.add_run(f" {row['source_description']}")
        if row.get("collection_citation"):
            item.add_run(f" {row['collection_citation'].strip()}")
    end._p.getparent().remove(end._p)
    document.save(out)
    return len(rows)


def _groups(rows: list[dict], options):
    """(heading, description, quotes) in the order the document gives them. Quotes chosen by
    theme are grouped under the themes chosen only."""
    if options.group == "source":
        order: dict[str, list[dict]] = {}
        for row in rows:
            order.setdefault(row["source"], []).append(row)
        for source, group in order.items():
            first = group[0]
            date = f", {first['source_date']}" if first.get("source_date") else ""
            yield f"{first['source_title']}{date}", first.get("source_description"), group
        return
    labels = {t["id"]: t for t in options.themes}
    by_theme: dict[str, list[dict]] = {}
    untagged = []
    for row in rows:
        themes = [t["theme"] for t in row["themes"]
                  if not options.group_themes or t["theme"] in options.group_themes]
        for theme in themes:
            by_theme.setdefault(theme, []).append(row)
        if not themes:
            untagged.append(row)
    known = [t["id"] for t in options.themes]
    for theme in [*[t for t in known if t in by_theme], *sorted(t for t in by_theme if t not in known)]:
        info = labels.get(theme, {})
        yield info.get("label") or theme, info.get("description"), by_theme[theme]
    if untagged:
        yield "Quotes on no theme", None, untagged
