"""Datasette plugin of the archive: the data behind its home, quote and source pages.

Loaded from the build's plugins/ folder, so a published directory works with plain
``datasette OUT``. Pages are Datasette's own views (and so keep Datasette's
permission checks); this only adds template variables, template filters, an FTS
escape function for the canned search and an Atom renderer.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import datasette.handle_exception
from datasette import hookimpl
from datasette.utils import escape_fts, tilde_decode
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

try:
    import archive.reading  # noqa: F401
except ImportError:  # a deployment: the build's own copy of the modules (archive publish)
    sys.path.insert(0, str(Path(__file__).resolve().parent / "vendor"))
    sys.modules.pop("archive", None)  # another package of that name, if any, gives way
from archive.reading import citation_row, citations, legend, site_of
from archive.reading import cite as cite_styles
from archive.timecode import clock

PUBLIC_DB = "archive"

# With `rich` installed (spaCy brings it), Datasette prints every 404 and 403 as a
# traceback with local variables: request headers and sign-in cookies in the log, and
# seconds per refused request. Without it, Datasette still prints real errors' tracebacks.
datasette.handle_exception.rich = None


@hookimpl
def prepare_connection(conn):
    # The canned search passes what people type through this, so "can't" or a stray
    # quote mark searches for the words instead of failing as FTS5 syntax.
    conn.create_function("escape_fts", 1, lambda q: escape_fts(q or ""), deterministic=True)


def highlight(snippet):
    """Escape a snippet() value but keep the <mark> tags the search query put in."""
    text = str(escape(snippet or ""))
    return Markup(text.replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>"))


def _long_date(day) -> str:
    return f"{day.day} {day:%B %Y}"


def timecode(seconds) -> str:
    return clock(seconds) or ""


def json_list(value):
    try:
        items = json.loads(value or "[]")
    except (TypeError, ValueError):
        return []
    return items if isinstance(items, list) else []


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["highlight"] = highlight
    env.filters["timecode"] = timecode
    env.filters["json_list"] = json_list


async def _rows(db, sql, params=None):
    return [dict(r) for r in (await db.execute(sql, params or [])).rows]


async def _theme_labels(db):
    return {r["id"]: r for r in await _rows(db, "select id, label, description, quotes from themes")}


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if view_name == "index":
        return _home_vars(datasette, request)
    if view_name == "row" and table in ("quotes", "sources", "collections") and request is not None:
        pk = tilde_decode(request.url_vars.get("pks", ""))
        if table == "quotes":
            return _quote_vars(datasette, database, pk, request)
        if table == "collections":
            return _collection_vars(datasette, database, pk)
        return _source_vars(datasette, database, pk)
    return {}


async def _home_vars(datasette, request):
    if PUBLIC_DB not in datasette.databases:
        return {}
    db = datasette.get_database(PUBLIC_DB)
    return {
        "archive_themes": await _rows(
            db, "select id, label, description, quotes from themes order by label"
        ),
        "archive_collections": await _rows(db, "select * from collections order by title"),
        "archive_quote_count": (
            await db.execute("select coalesce(sum(quotes), 0) from collections")  # not count(*): fast at any size
        ).first()[0],
        "archive_has_restricted": "restricted" in datasette.databases,
    }


async def _quote_vars(datasette, database, quote_id, request=None):
    db = datasette.get_database(database)
    found = await _rows(db, "select * from quotes where id = ?", [quote_id])
    if not found:
        return {}
    quote = found[0]
    labels = await _theme_labels(db)
    themes = await _rows(
        db,
        "select theme, score, origin, evidence from quote_themes where quote = ? order by score desc",
        [quote_id],
    )
    text = quote["text"].lower()
    for t in themes:
        # The tagger's reasons are shown, so a reader can tell a suggestion from a coder's
        # call: the phrases it found in this quote (a learnt model's note is not one).
        found = json.loads(t["evidence"] or "[]") if t["origin"] != "hand" else []
        t.update(label=labels.get(t["theme"], {}).get("label", t["theme"]),
                 evidence=[e for e in found if e.lower() in text])
    around = await _rows(
        db,
        "select id, position, text, speaker_description from quotes"
        " where source = ? and position between ? and ? order by position",
        [quote["source"], quote["position"] - 1, quote["position"] + 1],
    )
    source = (await _rows(db, "select * from sources where id = ?", [quote["source"]]) or [{}])[0]
    cite = {}
    if citations is not None:
        row = await db.execute_fn(lambda conn: citation_row(conn, quote_id, database))
        item = citations.csl_item(row, site_of(datasette, request))
        # Off the event loop: formatting blocks for tens of milliseconds the first time.
        cite = await asyncio.get_running_loop().run_in_executor(None, cite_styles, item)
        cite.update(url=item.get("URL"), licence=item.get("license"), accessed=_long_date(dt.date.today()))
    return {
        "quote_citations": cite,
        "quote_legend": legend(quote["text"]),
        "site_title": datasette.metadata("title") or "Archive",
        "site_licence": datasette.metadata("license"),
        "site_licence_url": datasette.metadata("license_url"),
        "quote_url": cite.get("url") or (datasette.absolute_url(request, datasette.urls.row(database, "quotes", quote_id))
                                         if request else None),
        "quote": quote,
        "quote_themes": themes,
        "quote_before": next((r for r in around if r["position"] < quote["position"]), None),
        "quote_after": next((r for r in around if r["position"] > quote["position"]), None),
        "quote_source": source,
    }


async def _source_vars(datasette, database, source_id):
    db = datasette.get_database(database)
    found = await _rows(db, "select * from sources where id = ?", [source_id])
    if not found:
        return {}
    collection = await _rows(db, "select * from collections where id = ?", [found[0]["collection"]])
    quotes = await _rows(
        db,
        "select id, position, text, speaker_description, start, \"end\", question, themes from quotes"
        " where source = ? order by position",
        [source_id],
    )
    # Survey answers under their questions, in the order the questions first come.
    questions: dict[str, list] = {}
    for q in quotes:
        if q["question"]:
            questions.setdefault(q["question"], []).append(q)
    return {
        "source": found[0],
        "source_collection": collection[0] if collection else None,
        "source_quotes": quotes,
        "source_questions": list(questions.items()),
        "source_timed": any(q["start"] is not None for q in quotes),
        "source_legend": legend(*(q["text"] for q in quotes)),
        "theme_labels": {k: v["label"] for k, v in (await _theme_labels(db)).items()},
    }


async def _collection_vars(datasette, database, collection_id):
    db = datasette.get_database(database)
    found = await _rows(db, "select * from collections where id = ?", [collection_id])
    if not found:
        return {}
    sources = await _rows(
        db, "select id, title, date, year, kind, quotes, audio_url from sources where collection = ?"
            " order by date, id", [collection_id])
    kinds: dict[str, int] = {}
    for source in sources:
        kinds[source["kind"] or "other"] = kinds.get(source["kind"] or "other", 0) + 1
    dates = sorted(str(s["date"]) for s in sources if s["date"])
    themes = await _rows(
        db, "select t.id, t.label, count(*) as quotes from quote_themes qt join themes t on t.id = qt.theme"
            " where qt.collection = ? group by t.id order by quotes desc limit 10", [collection_id])
    return {
        "collection": found[0],
        "collection_sources": sources,
        "collection_kinds": sorted(kinds.items(), key=lambda kv: -kv[1]),
        "collection_dates": (dates[0], dates[-1]) if dates else None,
        "collection_themes": themes,
    }


# ------------------------------------------------------------------ Atom feed

def _can_render_atom(columns):
    return {"atom_id", "atom_title", "atom_updated", "atom_content"} <= set(columns or [])


def _atom_time(value):
    text = str(value or "")
    if len(text) == 4:
        text += "-01-01"
    elif len(text) == 7:
        text += "-01"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = datetime(1970, 1, 1)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.isoformat()


async def _render_atom(datasette, request, columns, rows, query_name, database):
    base = datasette.absolute_url(request, "/")
    entries = []
    for row in rows:
        row = dict(zip(columns, row)) if not isinstance(row, dict) else row
        link = datasette.absolute_url(request, datasette.urls.row(database, "quotes", row["atom_id"]))
        entries.append(
            "<entry>"
            f"<id>{xml_escape(link)}</id>"
            f"<title>{xml_escape(str(row['atom_title'] or ''))}</title>"
            f"<updated>{_atom_time(row['atom_updated'])}</updated>"
            f'<link href="{xml_escape(link)}"/>'
            f"<content type=\"text\">{xml_escape(str(row['atom_content'] or ''))}</content>"
            "</entry>"
        )
    updated = max((_atom_time(dict(zip(columns, r))["atom_updated"]) for r in rows), default=_atom_time(None))
    title = (datasette.metadata("title") or "Archive") + f": {query_name or 'quotes'}"
    if request.args.get("theme"):
        title += f" ({request.args['theme']})"
    body = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{xml_escape(title)}</title>"
        f"<id>{xml_escape(str(request.url))}</id>"
        f'<link href="{xml_escape(base)}"/>'
        f"<updated>{updated}</updated>" + "".join(entries) + "</feed>"
    )
    return Response(body, content_type="application/atom+xml; charset=utf-8")


@hookimpl
def register_output_renderer(datasette):
    return {"extension": "atom", "render": _render_atom, "can_render": _can_render_atom}
