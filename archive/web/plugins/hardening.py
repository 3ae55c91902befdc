"""Datasette plugin of the archive: a published instance's defences against abuse.

Loaded from the build's plugins/ folder like archive_pages.py. It sits in front of
Datasette (``asgi_wrapper``) and refuses, before any query runs:

- requests too long to be a reader's: a long query string, a long value, a search of
  too many words (a few 60 KB searches once held every SQL thread for seconds);
- ``_searchmode=raw``, which would override the escaped search the metadata sets;
- ``_ttl``, which would let a reader set how long proxies keep a page (past a withdrawal);
- methods other than GET and HEAD except where a form posts (Datasette answered 500);
- table parameters Datasette answers with a 500 (an unknown ``_sort``, a bad
  ``_through``), so a typo in a URL is the reader's 400, not the server's error;
- introspection pages that show server paths or debugging tools;
- the full-text index's own tables (quotes_fts, quotes_fts_data...), by URL or in a list
  (``permission_allowed``): the quotes table's search still reads them.

Searches pass a gate: one fewer at a time than Datasette has SQL threads (so other pages
always find one), one per client, the client with the least search time of late first,
and clients that search without pause, like searches of many words, share one slot a
quarter of the time, half a second per search (no count, no facets);
so three clients sending the slowest searches the limits allow leave other readers their
pages and searches.
It throttles sign-in per client and checks passwords on a thread of their own (the
hash takes a third of a second of CPU), and adds a Content-Security-Policy that allows
only the site's own scripts (by hash, read from the templates at startup) and the
recordings' hosts, plus X-Content-Type-Options, frame-ancestors and Referrer-Policy
headers, on every response.

Every limit is data: ``DEFAULTS`` below, which a project may change in metadata.yml
under ``plugins: archive-hardening:``; a key not in ``DEFAULTS`` stops the server.
"""

from __future__ import annotations

import asyncio
import base64
import difflib
import hashlib
import itertools
import json
import re
import time
import weakref
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qsl, urlencode, urlsplit

from datasette import hookimpl
from datasette.utils import tilde_decode
from datasette.utils.asgi import Response
import jinja2
from jinja2 import meta as jinja_meta
from limits import parse_many, storage, strategies

PLUGIN = "archive-hardening"

DEFAULTS = {
    # What a reader's request can hold: longer ones are refused with a 400 before any query.
    "max_query_string": 2000,  # characters of the whole query string, as sent (percent-encoded)
    "max_value_length": 500,  # characters of any one parameter
    "max_search_terms": 16,  # words in one search: every word is one more full-text lookup
    # Parameters that are full-text searches (and every _search_<column>).
    "search_parameters": ["_search", "q"],
    # Parameter values refused outright, each with the reason given to the reader.
    "refused_values": {
        "_searchmode": {
            "raw": "Raw full-text syntax (_searchmode=raw) is not available here: type the words to search for.",
        },
    },
    # Parameters refused whatever their value, each with the reason given to the reader.
    # _ttl would let anyone ask a proxy or CDN to keep a page for a year, past a withdrawal.
    "refused_parameters": {
        "_ttl": "_ttl is not available here: pages are cached for the site's own few minutes.",
    },
    # Where a form may POST; every other path answers GET and HEAD only.
    # /-/coding/decide: the local coding page (plugins/coding.py), which answers 404 unless
    # `archive serve` runs it on the private archive, so never on a deployment.
    "post_paths": ["/-/login", "/-/logout", "/-/coding/decide"],
    "max_post_bytes": 10_000,  # a sign-in form is a few hundred
    # Pages a public instance does not show: server paths, plugins, threads, debugging tools.
    "hidden_paths": ["/-/databases", "/-/plugins", "/-/threads", "/-/password-tool",
                     "/-/allow-debug", "/-/messages", "/-/patterns"],
    # Sign-in attempts allowed per client (limits' notation), counted before the password is checked.
    "sign_in_limits": "5/minute;30/hour",
    "sign_in_threads": 1,  # password checks at once; each takes a core for a third of a second
    # Behind a proxy or load balancer, how many X-Forwarded-For hops to trust to find the client.
    "trusted_proxies": 0,
    "headers": {
        "x-content-type-options": "nosniff",
        "x-frame-options": "DENY",  # browsers older than frame-ancestors
        "referrer-policy": "no-referrer",  # as Datasette sets on its data pages: no host learns which quote was read
        "cross-origin-opener-policy": "same-origin",
    },
    # Content-Security-Policy; script-src gains the hashes of the templates' inline scripts,
    # media-src the origins of the recordings (sources.audio_url) in the databases.
    "content_security_policy": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # Datasette's table and query pages write per-column <style> blocks for phone widths.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
    # Inline scripts with a template variable in them, and the values it takes: each
    # rendering is hashed into the policy. Datasette's table page says if facets are on.
    "script_variables": {"datasette_allow_facet": ["true", "false"]},
    # More recording hosts than this, and media-src allows any https: host instead.
    "max_media_origins": 50,
    # Searches at once; 0: one fewer than Datasette's num_sql_threads, so other pages always
    # find a thread. Each client one at a time; the client who searched least of late first.
    "max_searches": 0,
    "max_searches_per_client": 1,
    # A client with more search time than this of late (seconds, halving every 30 s) is
    # busy: busy clients share all slots but one, which stays free for readers.
    "busy_search_seconds": 5.0,
    # A search of more words than this goes as a busy client's does, from its first: a search
    # of many common words takes seconds (1.5 s of a core at a million quotes).
    "broad_search_terms": 8,
    # Busy clients together search at most this share of the time: after each of their
    # searches their slot rests three times as long as it took.
    "busy_share": 0.25,
    # A busy client's searches: half a second each, no total count, no facets.
    "busy_search_parameters": {"_timelimit": "500", "_nocount": "1", "_nofacet": "1"},
    "search_wait_seconds": 10.0,  # then 503: the archive is busy
}

READ_METHODS = {"GET", "HEAD"}
TABLE_PATH = re.compile(r"^/(?P<database>[^/.]+)/(?P<table>[^/.]+)(?:\.(?P<format>\w+))?$")
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
WORD = re.compile(r"\w+")


class HardeningError(Exception):
    """A setting under plugins: archive-hardening that cannot be used."""


def settings_of(config: dict | None) -> dict:
    """DEFAULTS with a project's changes; an unknown key or a wrong type is an error."""
    if config is not None and not isinstance(config, dict):
        raise HardeningError(f"metadata: plugins.{PLUGIN} should be a mapping of settings to values.")
    config = dict(config or {})
    unknown = sorted(set(config) - set(DEFAULTS))
    if unknown:
        close = difflib.get_close_matches(unknown[0], DEFAULTS, n=1)
        hint = f"did you mean {close[0]}?" if close else f"the settings are {', '.join(DEFAULTS)}."
        raise HardeningError(f"metadata: plugins.{PLUGIN}.{unknown[0]} is not a setting; {hint}")
    for key, value in config.items():
        expected = type(DEFAULTS[key])
        if expected is float and isinstance(value, int):
            value = config[key] = float(value)  # 10 for 10.0 seconds
        if not isinstance(value, expected) or isinstance(value, bool) != isinstance(DEFAULTS[key], bool):
            kinds = {int: "a whole number", float: "a number", str: "text", list: "a list", dict: "a mapping"}
            raise HardeningError(
                f"metadata: plugins.{PLUGIN}.{key} should be {kinds[expected]}, like {DEFAULTS[key]!r}."
            )
    settings = {**DEFAULTS, **config}
    try:
        settings["_sign_in_items"] = parse_many(settings["sign_in_limits"])
    except ValueError:
        raise HardeningError(
            f"metadata: plugins.{PLUGIN}.sign_in_limits should read like '5/minute;30/hour'."
        ) from None
    return settings


# ------------------------------------------------------------------ per-instance state

class Guard:
    """What one Datasette instance keeps: its settings, limiter, caches and policy."""

    def __init__(self, datasette):
        self.datasette = datasette
        self.settings = settings_of(datasette.plugin_config(PLUGIN))
        self.limiter = strategies.MovingWindowRateLimiter(storage.MemoryStorage())
        self.hashing = ThreadPoolExecutor(max_workers=self.settings["sign_in_threads"],
                                          thread_name_prefix="sign-in")
        self.names: dict[str, tuple[set[str], set[str]]] = {}  # database → (tables, views)
        self.index_names: dict[str, set[str]] = {}  # database → its full-text index tables
        self.tables: dict[tuple[str, str], dict] = {}
        slots = self.settings["max_searches"] or max(1, datasette.setting("num_sql_threads") - 1)
        self.searches = SearchGate(slots, self.settings["max_searches_per_client"],
                                   self.settings["busy_search_seconds"], self.settings["busy_share"])
        self.policy: str | None = None

    # -- requests

    def client(self, scope) -> str:
        """The client's address; behind trusted proxies, the one they saw."""
        hops = self.settings["trusted_proxies"]
        if hops:
            forwarded = [h.decode("latin-1") for k, h in scope.get("headers", []) if k == b"x-forwarded-for"]
            chain = [p.strip() for p in ",".join(forwarded).split(",") if p.strip()]
            if chain:
                return chain[-min(hops, len(chain))]
        return (scope.get("client") or ("unknown",))[0]

    def query_problem(self, query_string: str) -> str | None:
        """Why a query string is not a reader's, in a sentence; None when it is."""
        s = self.settings
        if len(query_string) > s["max_query_string"]:
            return f"This address is too long: its query may be at most {s['max_query_string']:,} characters."
        for key, value in parse_qsl(query_string, keep_blank_values=True):
            if len(value) > s["max_value_length"]:
                return f"The value of {key} is too long: at most {s['max_value_length']:,} characters."
            if key in s["search_parameters"] or key.startswith("_search_"):
                if len(WORD.findall(value)) > s["max_search_terms"]:
                    return f"Search for at most {s['max_search_terms']} words at a time."
            reason = s["refused_parameters"].get(key) or s["refused_values"].get(key, {}).get(value.strip().lower())
            if reason:
                return reason
        return None

    async def table_info(self, database: str, table: str) -> dict | None:
        """Columns and sortable columns of a table or view; None if there is no such one.
        Cached for the tables that exist only, so made-up names cannot grow the cache."""
        db = self.datasette.databases.get(database)
        if db is None or database.startswith("_"):
            return None
        if database not in self.names:
            self.names[database] = (set(await db.table_names()), set(await db.view_names()))
        tables, views = self.names[database]
        if table not in tables and table not in views:
            return None
        if (database, table) not in self.tables:
            columns = await db.table_columns(table)
            metadata = self.datasette.table_metadata(database, table) or {}
            sortable = set(metadata.get("sortable_columns") or columns)
            if table in tables and not await db.primary_keys(table):
                sortable.add("rowid")
            self.tables[database, table] = {"columns": set(columns), "sortable": sortable}
        return self.tables[database, table]

    async def parameter_problem(self, path: str, query_string: str) -> str | None:
        """A table parameter Datasette would answer with a 500, as a sentence."""
        match = TABLE_PATH.match(path)
        if not match or not query_string:
            return None
        database, table = tilde_decode(match["database"]), tilde_decode(match["table"])
        info = await self.table_info(database, table)
        if info is None:
            return None
        args = parse_qsl(query_string, keep_blank_values=True)
        sorts = [(k, v) for k, v in args if k in ("_sort", "_sort_desc") and v]
        if len(sorts) > 1:
            return "Sort by one column at a time: give _sort or _sort_desc, not both."
        for key, value in sorts:
            if value not in info["sortable"]:
                return f"{table} cannot be sorted by {value!r}: choose one of {', '.join(sorted(info['sortable']))}."
        for key, value in args:
            if key == "_through" and not await self.through_ok(database, table, value):
                return ('_through should be {"table": ..., "column": ..., "value": ...} naming a table'
                        f" with a foreign key to {table}.")
        return None

    async def through_ok(self, database: str, table: str, value: str) -> bool:
        try:
            through = json.loads(value)
        except ValueError:
            return False
        if not isinstance(through, dict) or not {"table", "column", "value"} <= set(through):
            return False
        if not isinstance(through["table"], str) or not isinstance(through["column"], str):
            return False
        info = await self.table_info(database, through["table"])
        if info is None or through["column"] not in info["columns"]:
            return False
        keys = await self.datasette.databases[database].foreign_keys_for_table(through["table"])
        return any(fk["other_table"] == table for fk in keys)

    def hidden(self, path: str) -> bool:
        return any(path == p or path.startswith(p + ".") for p in self.settings["hidden_paths"])

    async def index_tables(self, database: str) -> set[str]:
        """The full-text indexes of a database (quotes_fts) with their own tables (quotes_fts_data,
        _idx, _docsize, _config...) and SQLite's statistics: no reader's pages."""
        if database not in self.index_names:
            db = self.datasette.databases.get(database)
            if db is None:
                return set()
            rows = (await db.execute(
                "select name, rootpage = 0 and sql like 'CREATE VIRTUAL TABLE%USING FTS%' from sqlite_master "
                "where type = 'table'")).rows
            indexes = {name for name, fts in rows if fts}
            self.index_names[database] = {
                name for name, _ in rows
                if name in indexes or name.startswith("sqlite_stat") or any(name.startswith(f"{i}_") for i in indexes)}
        return self.index_names[database]

    def search_terms(self, query_string: str) -> int:
        """The most words any one search parameter holds."""
        names = self.settings["search_parameters"]
        return max((len(WORD.findall(value)) for key, value in parse_qsl(query_string, keep_blank_values=True)
                    if key in names or key.startswith("_search_")), default=0)

    def is_search(self, query_string: str) -> bool:
        names = self.settings["search_parameters"]
        return any(value.strip() and (key in names or key.startswith("_search_"))
                   for key, value in parse_qsl(query_string, keep_blank_values=True))

    # -- sign-in

    def sign_in_wait(self, client: str) -> int:
        """Seconds before this client may try to sign in again (0: now, and counted)."""
        items = self.settings["_sign_in_items"]
        full = [item for item in items if not self.limiter.test(item, "sign-in", client)]
        if full:
            resets = [self.limiter.get_window_stats(item, "sign-in", client).reset_time for item in full]
            return max(1, int(max(resets) - time.time()) + 1)
        for item in items:
            self.limiter.hit(item, "sign-in", client)
        return 0

    async def check_password(self, password: str, password_hash: str) -> bool:
        # Looked up at call time, so the check is the plugin's own, whatever version.
        from datasette_auth_passwords import utils

        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.hashing, utils.verify_password, password, password_hash)

    # -- headers

    async def content_security_policy(self) -> str:
        if self.policy is None:
            directives = {k: list(v) for k, v in self.settings["content_security_policy"].items()}
            directives.setdefault("script-src", ["'self'"]).extend(sorted(self.script_hashes()))
            origins = await self.media_origins()
            if len(origins) > self.settings["max_media_origins"]:
                origins = {"https:"}
            directives.setdefault("media-src", ["'self'"]).extend(sorted(origins))
            self.policy = "; ".join(" ".join([name, *sources]) for name, sources in directives.items())
        return self.policy

    def script_hashes(self) -> set[str]:
        """'sha256-...' of every inline script the templates can write.

        A script with a template variable in it is hashed once per value in
        ``script_variables``; one with other variables cannot be allowed, and a test
        renders the site's pages to catch it."""
        env = self.datasette.jinja_env
        hashes = set()
        for name in env.loader.list_templates():
            if not name.endswith(".html"):
                continue
            source = env.loader.get_source(env, name)[0]
            for script in INLINE_SCRIPT.finditer(source):
                if "src=" in script["attrs"]:
                    continue
                for body in self.renderings(script["body"]):
                    digest = hashlib.sha256(body.encode("utf-8")).digest()
                    hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
        return hashes

    def renderings(self, body: str) -> list[str]:
        if not any(mark in body for mark in ("{{", "{%", "{#")):
            return [body]
        env = jinja2.Environment(autoescape=True)  # Datasette's own is async-only
        try:
            names = sorted(jinja_meta.find_undeclared_variables(env.parse(body)))
        except jinja2.TemplateError:  # a fragment that is not a template on its own
            return []
        known = self.settings["script_variables"]
        if not names or not all(n in known for n in names):
            return []
        template = env.from_string(body)
        return [template.render(dict(zip(names, values)))
                for values in itertools.product(*(known[n] for n in names))]

    async def media_origins(self) -> set[str]:
        """The hosts the recordings are played from: each source's audio_url."""
        origins = set()
        for name, db in self.datasette.databases.items():
            if name.startswith("_") or "sources" not in await db.table_names():
                continue
            if "audio_url" not in await db.table_columns("sources"):
                continue
            rows = await db.execute("select distinct audio_url from sources where audio_url is not null")
            for (url,) in rows.rows:
                parts = urlsplit(str(url))
                if parts.scheme in ("http", "https") and parts.netloc:
                    origins.add(f"{parts.scheme}://{parts.netloc}")
        return origins


class Ticket:
    """One search let through the gate. (Not a dataclass: Datasette loads this file
    without putting it in sys.modules, which dataclasses need.)"""

    def __init__(self, client: str, busy: bool):
        self.client, self.busy, self.started = client, busy, 0.0


class SearchGate:
    """At most ``slots`` searches at once and ``per_client`` per client. A client's search
    time of late (seconds, halving every ``HALF_LIFE`` seconds) orders the waiting
    searches, least first; a client with more than ``busy_seconds`` of it is busy, and
    busy clients share ``slots - 1`` slots, so one is always left for the rest."""

    HALF_LIFE = 30.0

    def __init__(self, slots: int, per_client: int, busy_seconds: float, busy_share: float = 1.0):
        self.slots, self.per_client, self.busy_seconds = slots, per_client, busy_seconds
        self.busy_share = busy_share
        self.busy_closed_until = 0.0  # after a busy client's search, the busy slot rests a while
        self.running: dict[str, int] = {}
        self.running_busy = 0
        self.waiting: list[tuple[float, int, Ticket, asyncio.Future]] = []
        self.arrivals = itertools.count()
        self.used: dict[str, tuple[float, float]] = {}  # client → (seconds, when)

    def search_time(self, client: str, add: float = 0.0) -> float:
        """The client's search time of late, after adding ``add`` seconds to it."""
        now = time.monotonic()
        seconds, when = self.used.get(client, (0.0, now))
        seconds = seconds * 0.5 ** ((now - when) / self.HALF_LIFE) + add
        if len(self.used) > 10_000:  # forget the clients long quiet
            self.used = {c: (n, t) for c, (n, t) in self.used.items() if now - t < 10 * self.HALF_LIFE}
        self.used[client] = (seconds, now)
        return seconds

    def _free_for(self, ticket: Ticket) -> bool:
        if sum(self.running.values()) >= self.slots or self.running.get(ticket.client, 0) >= self.per_client:
            return False
        if not ticket.busy:
            return True
        return self.running_busy < max(1, self.slots - 1) and time.monotonic() >= self.busy_closed_until

    def _start(self, ticket: Ticket) -> Ticket:
        self.running[ticket.client] = self.running.get(ticket.client, 0) + 1
        self.running_busy += ticket.busy
        ticket.started = time.monotonic()
        return ticket

    async def enter(self, client: str, timeout: float, broad: bool = False) -> Ticket | None:
        """Wait for a slot; None if none came within ``timeout`` seconds. A ``broad``
        search goes as a busy client's does."""
        used = self.search_time(client)
        ticket = Ticket(client, busy=broad or used > self.busy_seconds)
        future = asyncio.get_running_loop().create_future()
        self.waiting.append((used, next(self.arrivals), ticket, future))
        self._dispatch()
        if future.done():
            self.waiting = [w for w in self.waiting if w[3] is not future]
            return ticket
        resting = self.busy_closed_until - time.monotonic()
        if ticket.busy and resting > 0:
            asyncio.get_running_loop().call_later(resting, self._dispatch)
        try:
            await asyncio.wait_for(asyncio.shield(future), timeout)
            return ticket
        except (asyncio.TimeoutError, asyncio.CancelledError) as stopped:
            # Out of time, or the reader left: a slot given meanwhile goes back at once.
            if future.done() and not future.cancelled():
                self.leave(ticket)
            future.cancel()
            if isinstance(stopped, asyncio.CancelledError):
                raise
            return None
        finally:
            self.waiting = [w for w in self.waiting if w[3] is not future]

    def leave(self, ticket: Ticket) -> None:
        took = time.monotonic() - ticket.started
        self.search_time(ticket.client, took)
        if ticket.busy and self.busy_share < 1:
            # Busy clients, together, search at most busy_share of the time.
            rest = took * (1 / self.busy_share - 1)
            self.busy_closed_until = time.monotonic() + rest
            asyncio.get_running_loop().call_later(rest, self._dispatch)
        self.running[ticket.client] -= 1
        if not self.running[ticket.client]:
            del self.running[ticket.client]
        self.running_busy -= ticket.busy
        self._dispatch()

    def _dispatch(self) -> None:
        """Free slots to the waiting searches, least search time first."""
        for _, _, waiter, future in sorted(self.waiting, key=lambda w: w[:2]):
            if not future.done() and self._free_for(waiter):
                self._start(waiter)
                future.set_result(None)


_guards: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def guard(datasette) -> Guard:
    if datasette not in _guards:
        _guards[datasette] = Guard(datasette)
    return _guards[datasette]


# ------------------------------------------------------------------ hooks

@hookimpl
def startup(datasette):
    async def inner():
        # A typo in the settings stops the server at once rather than leave a limit off.
        await guard(datasette).content_security_policy()

    return inner


@hookimpl
def permission_allowed(datasette, action, resource):
    """The full-text index's own tables are internals, not a reader's tables: left out of the
    database's page and refused by URL (403), like the SQL that would read them. The quotes
    table's search reads them all the same: its SQL needs no page."""
    if action != "view-table" or not isinstance(resource, (tuple, list)) or len(resource) != 2:
        return None

    async def inner():
        database, table = resource
        return False if table in await guard(datasette).index_tables(database) else None

    return inner


async def refuse(datasette, scope, send, status: int, message: str, headers: dict | None = None):
    """Datasette's own error page (or JSON) with ``status``: wanted, nothing ran."""
    from datasette.utils.asgi import Request

    await datasette.invoke_startup()
    # Refused outside Datasette's CSRF middleware, which gives pages their token: none needed here.
    request = Request(dict(scope, csrftoken=lambda: ""), None)
    titles = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 413: "Too large",
              429: "Too many requests", 503: "Busy"}
    info = {"ok": False, "error": message, "status": status, "title": titles.get(status)}
    if scope["path"].endswith(".json"):
        response = Response.json(info, status=status, headers=headers)
    else:
        html = await datasette.render_template([f"{status}.html", "error.html"], info, request=request)
        response = Response.html(html, status=status, headers=headers)
    await response.asgi_send(send)


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def hardened(scope, receive, send):
            if scope["type"] != "http":
                return await app(scope, receive, send)
            g = guard(datasette)
            policy = await g.content_security_policy()
            extra = [(k.encode(), v.encode()) for k, v in g.settings["headers"].items()]
            extra.append((b"content-security-policy", policy.encode()))

            async def send_with_headers(message):
                if message["type"] == "http.response.start":
                    present = {k.lower() for k, _ in message.get("headers", [])}
                    message = dict(message, headers=[*message.get("headers", []),
                                                     *(h for h in extra if h[0] not in present)])
                await send(message)

            path, base_url = scope["path"], datasette.setting("base_url")
            if base_url != "/" and path.startswith(base_url):
                path = "/" + path[len(base_url):]
            method = scope["method"].upper()
            query = scope.get("query_string", b"").decode("latin-1")
            if g.hidden(path):
                return await refuse(datasette, scope, send_with_headers, 404, "Not found.")
            if method not in READ_METHODS and path not in g.settings["post_paths"]:
                return await refuse(
                    datasette, scope, send_with_headers, 405,
                    f"{method} is not allowed here: this archive is read-only.",
                    headers={"allow": "GET, HEAD"},
                )
            length = dict(scope.get("headers", [])).get(b"content-length", b"0")
            if not length.isdigit() or int(length) > g.settings["max_post_bytes"]:
                return await refuse(datasette, scope, send_with_headers, 413,
                                    f"A form may send at most {g.settings['max_post_bytes']:,} bytes.")
            problem = g.query_problem(query) or await g.parameter_problem(path, query)
            if problem:
                return await refuse(datasette, scope, send_with_headers, 400, problem)
            if not g.is_search(query):
                return await app(scope, receive, send_with_headers)
            client = g.client(scope)
            ticket = await g.searches.enter(client, g.settings["search_wait_seconds"],
                                           broad=g.search_terms(query) > g.settings["broad_search_terms"])
            if ticket is None:
                return await refuse(datasette, scope, send_with_headers, 503,
                                    "The archive is busy: try the search again in a moment.",
                                    headers={"retry-after": "5"})
            if ticket.busy:  # its searches hold a SQL thread for less time than a reader's
                busy = g.settings["busy_search_parameters"]
                pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in busy]
                scope = dict(scope, query_string=urlencode([*pairs, *busy.items()]).encode("ascii"))
            try:
                await app(scope, receive, send_with_headers)
            finally:
                g.searches.leave(ticket)

        return hardened

    return wrap


async def sign_in(request, datasette):
    """datasette-auth-passwords' sign-in form, throttled per client, hashing off the event loop."""
    g = guard(datasette)
    config = datasette.plugin_config("datasette-auth-passwords") or {}
    accounts = {key[: -len("_password_hash")]: value for key, value in config.items()
                if key.endswith("_password_hash")}
    error, status, headers = None, 200, {}
    if not accounts:
        error = "This instance does not have any configured accounts"
    if request.method == "POST":
        wait = g.sign_in_wait(g.client(request.scope))
        if wait:
            minutes = (wait + 59) // 60
            error = (f"Too many sign-in attempts from your address. Try again in "
                     f"{minutes} minute{'s' if minutes != 1 else ''}.")
            status, headers = 429, {"retry-after": str(wait)}
        else:
            post = await request.post_vars()
            username, password = post.get("username") or "", post.get("password") or ""
            password_hash = accounts.get(username)
            if password_hash and await g.check_password(password, password_hash):
                actor = (config.get("actors") or {}).get(username) or {"id": username}
                response = Response.redirect(datasette.urls.path("/"))
                response.set_cookie("ds_actor", datasette.sign({"a": actor}, "actor"))
                return response
            error = "Invalid username or password"
    html = await datasette.render_template("password_login.html", {"error": error}, request=request)
    return Response.html(html, status=status, headers=headers)


@hookimpl(tryfirst=True)
def register_routes():
    # Before datasette-auth-passwords' own /-/login: the first route that matches answers.
    return [(r"^/-/login$", sign_in)]
