"""Withdraw a source from everything the archive keeps.

A participant may take their words back. ``withdraw`` removes the source from
the database and its full-text index, from the Whoosh search index, and from
every publish build it knows of; and records the withdrawal, which ingest
honours so the source never comes back. Deleted pages are overwritten
(``secure_delete``) and the write-ahead log emptied, so the words do not
linger in the files either.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from archive import store
from archive.web import publish


class WithdrawError(Exception):
    pass


@dataclass
class WithdrawReport:
    source_id: str
    was_in_archive: bool
    quotes: int = 0
    search_index: bool = False
    builds: list[Path] = field(default_factory=list)  # publish builds it was removed from
    missing_builds: list[Path] = field(default_factory=list)  # recorded builds no longer there
    known_ids: list[str] = field(default_factory=list)  # the archive's sources, when it was not one
    already: bool = False  # withdrawn before


def withdraw(
    db_path: str | Path, source_id: str, reason: str | None = None, builds: Iterable[Path] = ()
) -> WithdrawReport:
    db = store.open_db(db_path, create=False)
    try:
        return _withdraw(db, db_path, source_id, reason, builds)
    finally:
        db.close()


def _withdraw(db, db_path, source_id: str, reason: str | None, builds: Iterable[Path]) -> WithdrawReport:
    row = db.execute("select quotes from sources where id = ?", [source_id]).fetchone()
    known = row is not None or db.execute(
        "select 1 from ingest_state where source = ?", [source_id]
    ).fetchone() is not None
    report = WithdrawReport(source_id=source_id, was_in_archive=known, quotes=row[0] if row else 0)
    report.already = source_id in store.withdrawn_ids(db)
    if not known:
        report.known_ids = [r[0] for r in db.execute("select id from sources order by id")]
    db.execute("PRAGMA secure_delete = ON")
    store.remove_source(db, source_id)
    if not report.already or reason is not None:  # a repeat keeps the first date and reason
        with db.conn:
            db["withdrawals"].upsert(
                {"source": source_id, "at": store.now(), "reason": reason}, pk="source"
            )
    store.compact_text_index(db)  # checkpoints the write-ahead log too
    report.search_index = _drop_from_search_index(db_path, source_id) and known
    for build in _unique_paths([*builds, *map(Path, publish.published_builds(db))]):
        if not (build / publish.BUILD_FILE).exists():
            report.missing_builds.append(build)
            continue
        if remove_from_build(build, source_id):
            report.builds.append(build)
    return report


def _unique_paths(paths: Iterable[Path]) -> list[Path]:
    seen, unique = set(), []
    for path in paths:
        key = Path(path).resolve()
        if key not in seen:
            seen.add(key)
            unique.append(Path(path))
    return unique


def _drop_from_search_index(db_path, source_id: str) -> bool:
    try:
        from archive import search_index
    except ImportError as e:
        if e.name != "archive.search_index":
            raise
        return False
    if not search_index.index_dir(db_path).exists():
        return False  # no index to clean; building one now is not what withdraw is for
    search_index.sync(db_path, [], [source_id])
    return True


def remove_from_build(build: Path, source_id: str) -> bool:
    """Delete a source from a publish build's databases in place, and refresh its inspect
    file. Returns whether the build held it (a build without it is left as it is)."""
    holding = [path for path in sorted(build.glob("*.db")) if _holds(path, source_id)]
    if not holding:
        return False
    for path in holding:
        conn = sqlite3.connect(path)
        try:
            conn.execute("PRAGMA secure_delete = ON")
            with conn:
                quote_ids = "select id from quotes where source = ?"
                conn.execute(f"delete from quote_themes where quote in ({quote_ids})", [source_id])
                conn.execute("delete from quotes where source = ?", [source_id])
                conn.execute("delete from speakers where source = ?", [source_id])
                conn.execute("delete from sources where id = ?", [source_id])
                conn.execute("delete from collections where id not in (select collection from sources)")
                conn.execute(
                    "update themes set quotes = (select count(*) from quote_themes where theme = themes.id)"
                )
                conn.execute(
                    "update collections set sources = (select count(*) from sources where collection = collections.id),"
                    " quotes = (select coalesce(sum(quotes), 0) from sources where collection = collections.id)"
                )
            # quotes_fts indexes quotes as external content: rebuild it from what is left.
            conn.execute("insert into quotes_fts(quotes_fts) values ('rebuild')")
            conn.commit()
            conn.execute("vacuum")
        except sqlite3.Error as e:
            raise WithdrawError(f"{path}: could not remove {source_id} from this build ({e}).") from None
        finally:
            conn.close()
    publish.write_inspect(build)
    info_path = build / publish.BUILD_FILE
    info = json.loads(info_path.read_text(encoding="utf-8"))
    info.setdefault("withdrawn", []).append({"source": source_id, "at": store.now()})
    info_path.write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return True


def _holds(path: Path, source_id: str) -> bool:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("select 1 from sources where id = ?", [source_id]).fetchone() is not None
    except sqlite3.Error as e:
        raise WithdrawError(f"{path}: could not read this build ({e}).") from None
    finally:
        conn.close()
