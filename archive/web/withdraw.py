"""Withdraw a source from everything the archive keeps.

A participant may take their words back. ``withdraw`` removes the source from
the database and its full-text index, from the Whoosh search index, from its
private redaction log (the originals), and from every publish build it knows of
(``archive serve`` registers its own while it runs); and records the withdrawal,
which ingest honours so the source never comes back. Deleted pages are
overwritten (``secure_delete``) and the write-ahead log emptied, so the words do
not linger in the files either.

A build's database is never changed in place under a running Datasette (it opens
them immutable): the source is removed from a copy, which is swapped in with one
rename; the build's ``archive_reload`` plugin reopens it before the next request.
A build records how many withdrawals it took, never which ids.
"""

from __future__ import annotations

import json
import os
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
    private_log: bool = False  # its private redaction log was deleted
    reason: str | None = None  # as recorded: redacted


class UnknownSource(WithdrawError):
    """The id was never ingested: a typo, most likely. ``force`` records it all the same."""

    def __init__(self, source_id: str, known_ids: list[str]):
        self.source_id, self.known_ids = source_id, known_ids
        super().__init__(f"{source_id!r} was never ingested into this archive.")


def withdraw(
    db_path: str | Path, source_id: str, reason: str | None = None, builds: Iterable[Path] = (),
    private_dir: Path | None = None, force: bool = False,
) -> WithdrawReport:
    """Withdraw ``source_id``. An id the archive never held raises UnknownSource unless
    ``force`` (to keep out a source not yet ingested); ``private_dir`` is where its
    private redaction log is deleted from."""
    if not source_id.strip() or source_id != source_id.strip():
        raise WithdrawError(f"{source_id!r} is not a source id: give the id 'archive sources' lists.")
    db = store.open_db(db_path, create=False, check=True)
    try:
        return _withdraw(db, db_path, source_id, reason, builds, private_dir, force)
    except sqlite3.Error as e:
        raise store.database_fault(db_path, e) from None
    finally:
        db.close()


def _withdraw(db, db_path, source_id: str, reason: str | None, builds: Iterable[Path],
              private_dir: Path | None, force: bool) -> WithdrawReport:
    row = db.execute("select quotes from sources where id = ?", [source_id]).fetchone()
    known = row is not None or db.execute(
        "select 1 from ingest_state where source = ?", [source_id]
    ).fetchone() is not None
    report = WithdrawReport(source_id=source_id, was_in_archive=known, quotes=row[0] if row else 0,
                            reason=reason)
    report.already = source_id in store.withdrawn_ids(db)
    if not known:
        report.known_ids = [r[0] for r in db.execute("select id from sources order by id")]
        if not report.already and not force:
            raise UnknownSource(source_id, report.known_ids)
    db.execute("PRAGMA secure_delete = ON")
    with store.transaction(db):  # out of the archive and recorded as withdrawn: both, or neither
        store.remove_source(db, source_id)
        if not report.already or reason is not None:  # a repeat keeps the first date and reason
            db.execute("insert into withdrawals (source, at, reason) values (?, ?, ?) on conflict(source) do "
                       "update set reason = excluded.reason", [source_id, store.now(), reason])
    store.compact_text_index(db)  # checkpoints the write-ahead log too
    report.private_log = _delete_private_log(private_dir, source_id)
    report.search_index = _drop_from_search_index(db_path, source_id) and known
    for build in _unique_paths([*builds, *map(Path, publish.published_builds(db))]):
        if not (build / publish.BUILD_FILE).exists():
            report.missing_builds.append(build)
            continue
        if remove_from_build(build, source_id):
            report.builds.append(build)
    return report


def _delete_private_log(private_dir: Path | None, source_id: str) -> bool:
    """Withdrawn consent covers the originals too: the log of what was replaced goes."""
    if private_dir is None:
        return False
    from ingest.redact.gate import log_path  # light: no language model

    path = log_path(private_dir, source_id)
    found = False
    for leftover in (path, path.with_suffix(".jsonl.tmp")):
        if leftover.exists():
            leftover.unlink()
            found = True
    return found


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
    """Remove a source from a publish build: each database holding it is copied, the
    source deleted from the copy (which is then vacuumed, so no free page keeps its
    words), and the copy renamed over the original in one step, so a Datasette serving
    the build never reads a half-changed file. Refreshes the inspect file. Returns whether
    the build held it (a build without it is left as it is)."""
    for stale in build.glob(".*.db.withdrawing"):  # left by a withdraw that was killed: holds it all
        stale.unlink()
    holding = [path for path in sorted(build.glob("*.db")) if _holds(path, source_id)]
    if not holding:
        return False
    for path in holding:
        fresh = path.with_name(f".{path.name}.withdrawing")
        try:
            _without_source(path, fresh, source_id)
            os.replace(fresh, path)
        except sqlite3.Error as e:
            raise WithdrawError(f"{path}: could not remove {source_id} from this build ({e}).") from None
        except OSError as e:
            raise WithdrawError(f"{path}: could not write the build without {source_id} "
                                f"({e.strerror or e}).") from None
        finally:
            fresh.unlink(missing_ok=True)
    publish.write_inspect(build)
    info_path = build / publish.BUILD_FILE
    info = json.loads(info_path.read_text(encoding="utf-8"))
    # How many, and when: never which ids (the folder is published).
    earlier = info.pop("withdrawn", [])
    info["withdrawals"] = info.get("withdrawals", 0) + (len(earlier) if isinstance(earlier, list) else 0) + 1
    info["last_withdrawal_at"] = store.now()
    tmp = info_path.with_name(info_path.name + ".tmp")
    tmp.write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, info_path)
    return True


def _without_source(path: Path, fresh: Path, source_id: str) -> None:
    """Write to ``fresh`` a copy of the build database at ``path`` without the source."""
    fresh.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn = sqlite3.connect(fresh)
    try:
        source.backup(conn)
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
        conn.execute("vacuum")
    finally:
        conn.close()
        source.close()
    with open(fresh, "rb+") as f:  # on disk before it replaces the original
        os.fsync(f.fileno())


def _holds(path: Path, source_id: str) -> bool:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("select 1 from sources where id = ?", [source_id]).fetchone() is not None
    except sqlite3.Error as e:
        raise WithdrawError(f"{path}: could not read this build ({e}).") from None
    finally:
        conn.close()
