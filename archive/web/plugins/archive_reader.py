"""Datasette plugin of the archive: the pages readers use beyond Datasette's own views.

* ``/DB/search`` (and ``.json``): the archive's search, the same query language and
  the same ranking as ``archive search`` (``archive.search``), with did-you-mean, the
  themes matching the words, and a page that helps when nothing matches;
* ``/DB/theme?theme=ID``: a theme's quotes as cards, best tagged first, paged, with
  counts by collection, kind and year (``/DB/theme.json`` stays the canned query);
* ``/DB/random_quote``: a random quote's page (on a theme with ``?theme=ID``);
* quotes as RIS and BibTeX (``/DB/quotes/ID.ris``, ``.bib``, and any quotes table page);
* 404 and 403 pages that say what to do next; ``<html lang="en">`` on every page.

Every page checks the reader may see the database, as Datasette's own views do.
A deployment runs plain ``datasette OUT`` without this package installed: ``archive
publish`` copies the modules these pages need into ``plugins/vendor/``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sqlite3
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils.asgi import Forbidden, NotFound, Response

try:
    import archive.reading  # noqa: F401
except ImportError:  # a deployment: the build's own copy of the modules
    sys.path.insert(0, str(Path(__file__).resolve().parent / "vendor"))
    sys.modules.pop("archive", None)  # another package of that name, if any, gives way
from archive import search as searching
from archive.reading import citation_row, citations, legend, marked, site_of
from archive.rows import quote_rows

PAGE_SIZE = 20
# A page answers within ~100 ms at a million quotes: bm25 ranks at most this many matches
# (the first in archive order, as archive search does with its larger limit), and counting
# stops here ("more than 10,000").
RANK_AT_MOST = 5_000
COUNT_AT_MOST = 10_000
# More than COUNT_AT_MOST matches (a very common word): only the first 1,000 are ranked.
# bm25 reads each ranked match's length: ranking 5,000 of them was most of such a search's
# time (~25 ms CPU at a million quotes); which 1,000 or 5,000 of 10,000+ is arbitrary either way.
HUGE_RANK_AT_MOST = 1_000
THEME_PAGE_SIZE = 20
# A search holds a SQL thread for at most the site's sql_time_limit_ms, or less when the
# request asks (_timelimit, as the hardening plugin sets for clients that search without
# pause), and is then answered with a 400 that says why; SQLite checks every this many steps.
PROGRESS_STEPS = 1_000


def _time_budget(datasette, request) -> float:
    """Seconds a search may take."""
    limit = datasette.setting("sql_time_limit_ms") or 1000
    asked = request.args.get("_timelimit") or ""
    if asked.isdigit() and len(asked) < 8:
        limit = min(limit, int(asked))
    return limit / 1000


def _int_arg(request, name: str, default: int = 1) -> int:
    value = request.args.get(name) or ""
    return max(1, int(value)) if value.isdigit() and len(value) < 7 else default


async def _readable(datasette, request, database: str, table: str = "quotes"):
    """The database, once the reader may see its table; 404 for a database that is not an archive."""
    if database not in datasette.databases or database.startswith("_"):
        raise NotFound(f"There is no database called {database}.")
    db = datasette.get_database(database)
    if not await db.table_exists(table):
        raise NotFound(f"The database {database} holds no {table}.")
    await datasette.ensure_permissions(request.actor, [
        ("view-table", (database, table)), ("view-database", database), "view-instance"])
    return db


_SEARCHERS: dict[int, tuple] = {}


def _searcher(conn) -> "searching.Searcher":
    """One Searcher per Datasette connection (each keeps small temporary tables)."""
    found = _SEARCHERS.get(id(conn))
    if found is None or found[0] is not conn:
        if len(_SEARCHERS) > 64:
            _SEARCHERS.clear()
        found = (conn, searching.Searcher(conn=conn, lexicon=searching.VocabLexicon(conn),
                                          rank_at_most=RANK_AT_MOST, count_at_most=COUNT_AT_MOST,
                                          huge_rank_at_most=HUGE_RANK_AT_MOST))
        _SEARCHERS[id(conn)] = found
    return found[1]


async def _theme_rows(db) -> dict[str, dict]:
    return {r["id"]: dict(r) for r in (await db.execute(
        "select id, label, description, quotes from themes order by label")).rows}


def _card(row: dict, theme_labels: dict) -> dict:
    themes = row["themes"] if isinstance(row.get("themes"), list) else []
    return {
        "id": row["id"], "text": row["text"], "speaker": row["speaker_description"],
        "source": row["source"], "source_title": row["source_title"],
        "collection": row["collection"], "collection_title": row.get("collection_title"),
        "kind": row["kind"], "year": (str(row.get("source_date") or "")[:4] or None),
        "start": row.get("start"), "question": row.get("question"),
        "themes": [{"id": t["theme"], "label": theme_labels.get(t["theme"], {}).get("label", t["theme"])}
                   for t in themes],
    }


# ------------------------------------------------------------------ search

async def search_page(datasette, request):
    database = request.url_vars["database"]
    as_json = bool(request.url_vars.get("format"))
    db = await _readable(datasette, request, database)
    q = (request.args.get("q") or "").strip()
    page = _int_arg(request, "page")
    themes = await _theme_rows(db)

    budget = _time_budget(datasette, request)

    def run(conn):
        searcher = _searcher(conn)
        if not q:
            return None, []
        searcher.prepare()
        deadline, stopped = time.monotonic() + budget, []

        def out_of_time():
            if time.monotonic() >= deadline:
                stopped.append(True)
                return True
            return False

        conn.set_progress_handler(out_of_time, PROGRESS_STEPS)
        try:
            # include_restricted: a published database holds only what its readers may see
            # (publish chose the sources; Datasette's permissions guard restricted.db).
            return (searcher.search(q, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, include_restricted=True),
                    searcher.matching_themes(q))
        except sqlite3.OperationalError:
            if not stopped:  # SQLite says "interrupted", or what the interrupted step was
                raise
            raise searching.SearchIndexError(
                f"This search is too broad to answer within {budget:g} s: drop some very common words, "
                "or put words that go together in quotes (\"zero hours\").") from None
        finally:
            conn.set_progress_handler(None, PROGRESS_STEPS)

    error, result, theme_ids = None, None, []
    try:
        result, theme_ids = await db.execute_fn(run)
    except searching.SearchIndexError as e:
        error = str(e)
    cards = []
    for n, hit in enumerate(result.hits if result else []):
        card = _card(hit.row, themes)
        card["snippet"] = marked(hit.row["text"], hit.matches)
        card["all_words"] = (page - 1) * PAGE_SIZE + n < result.total
        card["score"] = hit.score
        card["citation"] = hit.row.get("citation")  # the published quote's ready citation
        cards.append(card)
    if as_json:
        return _search_json(request, q, result, error, cards, theme_ids, themes)
    found = (result.relaxed or result.total) if result else 0
    if result and result.ranked_among and not result.relaxed:
        found = min(found, result.ranked_among)  # pages past the ranked matches would be empty
    context = {
        "database": database, "q": q, "error": error, "result": result, "cards": cards, "page": page,
        "pages": max(1, -(-found // PAGE_SIZE)), "found": found,
        "matching_themes": [themes[t] for t in theme_ids if t in themes],
        "all_themes": list(themes.values()),
        "page_url": lambda n: datasette.urls.database(database) + "/search?" + urlencode({"q": q, "page": n}),
        "suggestion_url": (datasette.urls.database(database) + "/search?" + urlencode({"q": result.did_you_mean})
                           if result and result.did_you_mean else None),
        "legend": legend(*(c["text"] for c in cards)),
    }
    html = await datasette.render_template("archive-search.html", context, request=request, view_name="archive-search")
    return Response.html(html, status=400 if error else 200)


def _search_json(request, q, result, error, cards, theme_ids, themes):
    rows = [{
        "id": c["id"], "text": c["text"], "snippet": str(c["snippet"]), "speaker_description": c["speaker"],
        "source": c["source"], "source_title": c["source_title"], "collection": c["collection"],
        "kind": c["kind"], "year": int(c["year"]) if c["year"] and c["year"].isdigit() else None,
        "themes": [t["id"] for t in c["themes"]], "start": c["start"], "all_words": c["all_words"],
        "score": round(c["score"], 4), "citation": c["citation"],
    } for c in cards]
    if error:
        return Response.json({"ok": False, "error": error, "status": 400}, status=400)
    if request.args.get("_shape") == "array":
        return Response.json(rows)
    return Response.json({
        "ok": True, "query": q, "total": result.total if result else 0,
        "relaxed": result.relaxed if result else None,
        "did_you_mean": result.did_you_mean if result else None,
        "ranked_among": result.ranked_among if result else None,
        "counted_at_most": result.counted_at_most if result else None,
        # A filter emptied the answer: how many quotes the words alone match (as archive search --json).
        "without_filters": result.extra.get("without_filters", 0) if result else 0,
        "themes": [themes[t] for t in theme_ids if t in themes], "rows": rows,
    })


# ------------------------------------------------------------------ theme page

FACETS = ("collection", "kind", "year")


async def theme_page(datasette, request):
    database = request.url_vars["database"]
    db = await _readable(datasette, request, database, "quote_themes")
    theme_id = (request.args.get("theme") or "").strip()
    themes = await _theme_rows(db)
    if theme_id not in themes:
        if theme_id:
            raise NotFound(f"There is no theme called “{theme_id}” in this archive.")
        return Response.redirect(datasette.urls.path("/") + "#themes-heading")
    chosen = {f: request.args.get(f) for f in FACETS if request.args.get(f)}
    page = _int_arg(request, "page")

    def where(skip=None):
        sql, params = ["theme = ?"], [theme_id]
        for name, value in chosen.items():
            if name != skip:
                sql.append(f"{name} = ?")
                params.append(value)
        return " and ".join(sql), params

    async def counts():
        # One read of the theme's index gives every (collection, kind, year) group; each facet
        # then counts the groups that meet the other choices (a facet never narrows itself).
        groups = (await db.execute(
            "select collection, kind, year, count(*) from quote_themes where theme = ? "
            "group by collection, kind, year", [theme_id])).rows
        found = {}
        for name in FACETS:
            tally: dict = {}
            for row in groups:
                values = dict(zip(FACETS, row[:3]))
                if all(str(values[k]) == v for k, v in chosen.items() if k != name):
                    tally[values[name]] = tally.get(values[name], 0) + row[3]
            key = (lambda kv: (-(kv[0] or 0),)) if name == "year" else (lambda kv: (-kv[1], str(kv[0])))
            found[name] = sorted(tally.items(), key=key)
        found["total"] = sum(row[3] for row in groups
                             if all(str(dict(zip(FACETS, row[:3]))[k]) == v for k, v in chosen.items()))
        return found

    counted = await _cached(db, ("theme", theme_id, tuple(sorted(chosen.items()))), counts)
    total = counted["total"]
    facets = {name: [{"value": value, "count": n, "selected": str(value) == chosen.get(name),
                      "url": _theme_url(datasette, database, theme_id, chosen, name, value)}
                     for value, n in counted[name] if value is not None] for name in FACETS}
    sql, params = where()
    picked = (await db.execute(
        f"select quote, score, origin from quote_themes where {sql} order by score desc, quote "
        f"limit {THEME_PAGE_SIZE} offset {(page - 1) * THEME_PAGE_SIZE}", params)).rows
    scores = {r["quote"]: (r["score"], r["origin"]) for r in picked}

    def read(conn):
        ids = [r["quote"] for r in picked]
        if not ids:
            return []
        rows = {r["id"]: r for r in quote_rows(conn, f"q.id in ({', '.join('?' * len(ids))})", ids)}
        return [rows[i] for i in ids if i in rows]

    cards = []
    for row in await db.execute_fn(read):
        card = _card(row, themes)
        card["score"], card["origin"] = scores[row["id"]]
        cards.append(card)
    titles = {r["id"]: r["title"] for r in (await db.execute("select id, title from collections")).rows}
    context = {
        "database": database, "theme": themes[theme_id], "cards": cards, "total": total, "page": page,
        "pages": max(1, -(-total // THEME_PAGE_SIZE)), "facets": facets, "chosen": chosen,
        "collection_titles": titles,
        "clear_url": _theme_url(datasette, database, theme_id, {}, None, None),
        "page_url": lambda n: _theme_url(datasette, database, theme_id, {**chosen, "page": n}, None, None),
        "legend": legend(*(c["text"] for c in cards)),
    }
    html = await datasette.render_template("archive-theme.html", context, request=request, view_name="archive-theme")
    return Response.html(html)


_COUNTS: dict = {}
_COUNTS_KEPT = 1024


async def _cached(db, key, compute):
    """Counts that change only when the database file does (a published site's never do, until
    withdraw rewrites it): kept per file identity, so a theme's facets are counted once."""
    try:
        info = os.stat(db.path)
        identity = (db.path, info.st_ino, info.st_mtime_ns, info.st_size)
    except (OSError, TypeError):
        return await compute()
    full = (identity, key)
    if full not in _COUNTS:
        if len(_COUNTS) >= _COUNTS_KEPT:
            _COUNTS.pop(next(iter(_COUNTS)))
        _COUNTS[full] = await compute()
    return _COUNTS[full]


def _theme_url(datasette, database, theme_id, chosen, name, value) -> str:
    args = {"theme": theme_id, **{k: v for k, v in chosen.items() if k != "page"}}
    if name is not None:
        if str(value) == str(chosen.get(name)):
            args.pop(name, None)  # a chosen facet's link takes it off again
        else:
            args[name] = value
    if chosen.get("page") and name is None:
        args["page"] = chosen["page"]
    return datasette.urls.database(database) + "/theme?" + urlencode(args)


# ------------------------------------------------------------------ random quote

async def random_quote(datasette, request):
    database = request.url_vars["database"]
    db = await _readable(datasette, request, database)
    theme_id = (request.args.get("theme") or "").strip()
    if theme_id:
        count = (await db.execute("select quotes from themes where id = ?", [theme_id])).first()
        if count is None:
            raise NotFound(f"There is no theme called “{theme_id}” in this archive.")
        row = (await db.execute("select quote from quote_themes where theme = ? limit 1 offset ?",
                                [theme_id, random.randrange(max(count[0] or 0, 1))])).first()
    else:
        top = (await db.execute("select max(rowid) from quotes")).first()[0] or 0
        row = (await db.execute("select id from quotes where rowid >= ? order by rowid limit 1",
                                [random.randint(1, max(top, 1))])).first()
    if row is None:
        raise NotFound("This archive holds no quotes" + (" on that theme." if theme_id else "."))
    return Response.redirect(datasette.urls.row(database, "quotes", row[0]))


# ------------------------------------------------------------------ citation files

def _can_cite(columns):
    return citations is not None and {"id", "source", "position", "text"} <= set(columns or [])


def _citation_renderer(kind: str):
    async def render(datasette, request, database, columns, rows):
        if citations is None:
            raise NotFound("Citation files are not available on this site.")
        ids = [dict(zip(columns, r))["id"] if not isinstance(r, dict) else r["id"] for r in rows]
        db = datasette.get_database(database)
        site = site_of(datasette, request)
        found = await db.execute_fn(lambda conn: [citation_row(conn, i, database) for i in ids])
        items = [citations.csl_item(row, site) for row in found if row]
        if kind == "ris":
            body, content_type, ext = citations.to_ris(items), "application/x-research-info-systems", "ris"
        else:
            body, content_type, ext = citations.to_bibtex(items), "application/x-bibtex", "bib"
        name = ids[0] if len(ids) == 1 else "quotes"
        return Response(body, content_type=f"{content_type}; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="{name}.{ext}"'})
    return render


@hookimpl
def register_output_renderer(datasette):
    return [
        {"extension": "ris", "render": _citation_renderer("ris"), "can_render": _can_cite},
        {"extension": "bib", "render": _citation_renderer("bib"), "can_render": _can_cite},
    ]


# ------------------------------------------------------------------ routes, errors, lang

@hookimpl
def register_routes(datasette):
    return [
        (r"^/(?P<database>[^/]+)/search(?P<format>\.json)?$", search_page),
        (r"^/(?P<database>[^/]+)/theme$", theme_page),
        (r"^/(?P<database>[^/]+)/random_quote$", random_quote),
    ]


async def _error_page(datasette, request, status: int, message: str) -> Response:
    parts = [p for p in request.path.split("/") if p]
    context = {"status": status, "message": message,
               "database": parts[0] if parts and parts[0] in datasette.databases else None,
               "what": parts[1] if len(parts) > 2 else None,
               "login_url": datasette.urls.path("/-/login"),
               "signed_in": bool(request.actor),
               "has_restricted": "restricted" in datasette.databases}
    html = await datasette.render_template("archive-error.html", context, request=request, view_name="archive-error")
    return Response.html(html, status=status)


def _is_json(request) -> bool:
    return request.path.split("?")[0].endswith(".json")


@hookimpl
def handle_exception(datasette, request, exception):
    """A 404 page that helps: what may have happened, a search box, the way home."""
    if getattr(exception, "status", None) != 404 or _is_json(request):
        return None
    return lambda: _error_page(datasette, request, 404, exception.args[0] if exception.args else "")


@hookimpl
def forbidden(datasette, request, message):
    """A 403 page with a sign-in link (Datasette's own says only "Forbidden")."""
    if _is_json(request):
        return Response.json({"ok": False, "error": message, "status": 403}, status=403)
    return lambda: _error_page(datasette, request, 403, message)


def _lang_en(app):
    """Datasette's base.html opens with <html>: say the pages are English, for screen readers."""
    async def wrapped(scope, receive, send):
        if scope["type"] != "http":
            return await app(scope, receive, send)
        state = {"html": False, "done": False}

        async def sending(message):
            if message["type"] == "http.response.start":
                headers = dict((k.lower(), v) for k, v in message.get("headers", []))
                state["html"] = headers.get(b"content-type", b"").startswith(b"text/html")
                if state["html"]:
                    message = {**message, "headers": [(k, v) for k, v in message.get("headers", [])
                                                      if k.lower() != b"content-length"]}
            elif message["type"] == "http.response.body" and state["html"] and not state["done"]:
                body = message.get("body", b"")
                if b"<html>" in body[:200]:
                    message = {**message, "body": body.replace(b"<html>", b'<html lang="en">', 1)}
                state["done"] = bool(body)
            await send(message)

        return await app(scope, receive, sending)
    return wrapped


@hookimpl
def asgi_wrapper(datasette):
    return _lang_en


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["pretty_kind"] = lambda kind: str(kind or "").replace("_", " ")
