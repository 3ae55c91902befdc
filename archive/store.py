"""The archive's SQLite store, via sqlite-utils.

Its tables (collections, sources, speakers, quotes with the full-text index quotes_fts,
themes, quote_themes, and the internal ones: archive_meta, ingest_state, theme_corrections,
withdrawals, withheld_collections) are defined in ``archive.tables``, which a published
database is made from too; ``ensure_schema`` makes them and brings an older archive up to
date.

Only redacted text is ever written: ``replace_source`` refuses a Source the
redaction stage has not passed.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

import sqlite_utils

from archive import tables
from archive.errors import StoreError
from archive.rows import quote_rows
from ingest.model import Source, text_key

SCHEMA_VERSION = 7  # 2: ingest_state keeps keys of file paths, not the paths
#                    3: theme_corrections keep their quote's source and a key of its text;
#                       themes keep their place in the codebook
#                    4: ingest_state keeps the settings each source was made with
#                    5: ... and keys of the folders its file is in
#                    6: ... and the fingerprint whose private redaction log is written
#                    7: withdrawal reasons recorded before `withdraw` redacted them are removed
DEFAULT_DB = "archive.db"

# Tables a published archive never shows: the private ones of archive.tables, and the
# coding queue's (made by archive.coding when it is first used).
INTERNAL_TABLES = (*(t.name for t in tables.TABLES if t.private), "coding_shown")


def open_db(path: str | Path, create: bool = True, check: bool = False) -> sqlite_utils.Database:
    """Open (or create) the archive at ``path``. With ``check``, as every writing command
    does, a damaged database is refused before anything is written to it."""
    path = Path(path)
    if not create and not path.exists():
        raise StoreError(f"No archive at {path}: run 'archive ingest' first, or name one with --db.")
    try:
        db = sqlite_utils.Database(path)
        db.execute("PRAGMA foreign_keys = ON")
        # WAL keeps readers (archive serve, search) working while ingest writes; with
        # synchronous=NORMAL each transaction stays atomic if the process is killed
        # (only a power cut can lose the last commits) and commits skip an fsync.
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        # Deleted rows are overwritten, not left in free pages: a source replaced after a
        # redaction fix, or kept out, must not survive in the file's bytes.
        db.execute("PRAGMA secure_delete = ON")
        ensure_schema(db)
        if check:
            check_db(db)
    except sqlite3.Error as e:
        raise database_fault(path, e) from None
    return db


# What an SQLite error says about the database, by its primary result code: the fault is
# the database's (or the disk's), never an input file's.
FAULTS = {
    "SQLITE_READONLY": "is read-only (check the permissions of the file and its folder)",
    "SQLITE_FULL": "could not grow: the disk is full (or the database is at its size limit); free some space",
    "SQLITE_CORRUPT": "is damaged (a page of the file is unreadable); restore it from a backup, or ingest "
                      "the transcripts again into a new database",
    "SQLITE_NOTADB": "is not an SQLite database (damaged, or another kind of file)",
    "SQLITE_IOERR": "could not be read or written (a disk input/output error)",
    "SQLITE_CANTOPEN": "cannot be opened (check that its folder exists and is writable)",
    "SQLITE_BUSY": "is locked by another program writing to it; try again when it has finished",
    "SQLITE_LOCKED": "is locked by another program writing to it; try again when it has finished",
    "SQLITE_PERM": "may not be written (permission denied)",
}


def database_fault(path: str | Path, error: sqlite3.Error) -> StoreError:
    """One sentence naming the database and what is wrong with it."""
    name = getattr(error, "sqlite_errorname", None) or ""
    primary = next((code for code in FAULTS if name == code or name.startswith(code + "_")), None)
    if primary is None:  # an older SQLite module without error names: read the message
        text = str(error).lower()
        primary = next((code for code, words in (
            ("SQLITE_READONLY", "readonly"), ("SQLITE_FULL", "is full"), ("SQLITE_CORRUPT", "malformed"),
            ("SQLITE_NOTADB", "not a database"), ("SQLITE_IOERR", "i/o error"),
            ("SQLITE_CANTOPEN", "unable to open"), ("SQLITE_BUSY", "is locked")) if words in text), None)
    if primary is None:
        return StoreError(f"{path} is not a usable archive database ({error}).")
    return StoreError(f"{path} {FAULTS[primary]}.")


def check_db(db: sqlite_utils.Database) -> None:
    """Refuse a damaged database: ``pragma quick_check`` reads every page (about 0.3 s per
    100,000 quotes) without the slower index cross-checks of integrity_check."""
    problems = [row[0] for row in db.execute("pragma quick_check").fetchall()]
    if problems != ["ok"]:
        raise sqlite3.DatabaseError("database disk image is malformed")


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """One explicit transaction: all of it commits, or none of it.

    ``with db.conn:`` is not one: it opens no transaction, and sqlite-utils' ``execute``
    commits each write made outside an open transaction on its own, while its table
    methods (``upsert``, ``insert_all``...) commit whatever is open. So this begins the
    transaction itself (IMMEDIATE: the write lock first, so a reader never turns it into
    a deadlock) and, until its own COMMIT, refuses any other COMMIT, BEGIN or ROLLBACK on
    the connection: code that would commit half of the work fails loudly instead. Nested,
    it is a savepoint of the outer transaction (as sqlite-utils' own ``db.atomic()``)."""
    conn = db.conn
    if conn.in_transaction:
        name = f"nested_{id(object())}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if conn.in_transaction:  # an error (SQLITE_FULL, say) may have ended it all
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    conn.execute("BEGIN IMMEDIATE")
    conn.set_authorizer(_refuse_transaction_control)
    try:
        yield
    except BaseException:
        conn.set_authorizer(None)
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.set_authorizer(None)
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _refuse_transaction_control(action, *_args) -> int:
    return sqlite3.SQLITE_DENY if action == sqlite3.SQLITE_TRANSACTION else sqlite3.SQLITE_OK


def schema_version(db: sqlite_utils.Database) -> int | None:
    if "archive_meta" not in db.table_names():
        return None
    row = db.execute("select value from archive_meta where key = 'schema_version'").fetchone()
    return int(row[0]) if row else None


def ensure_schema(db: sqlite_utils.Database) -> None:
    version = schema_version(db)
    if version == SCHEMA_VERSION:
        return
    if version is not None and version > SCHEMA_VERSION:
        raise StoreError(
            f"This archive has schema version {version}, newer than this program "
            f"understands ({SCHEMA_VERSION}): upgrade the archive package."
        )
    with transaction(db):
        _create_tables(db)
        if version == 1:  # file names may hold names: keep only keys of the paths
            for source, root, path in db.execute("select source, root, path from ingest_state").fetchall():
                db.execute("update ingest_state set root = ?, path = ? where source = ?",
                           [path_key(root), path_key(path), source])
        if version in (1, 2):  # corrections follow their quote's text: key what they were made on
            for column in {"source", "text_key"} - set(db["theme_corrections"].columns_dict):
                db["theme_corrections"].add_column(column, str)
            if "position" not in db["themes"].columns_dict:  # the codebook's order, filled by ingest
                db["themes"].add_column("position", int)
            for quote, source, text in db.execute(
                    "select q.id, q.source, q.text from quotes q join theme_corrections c on c.quote = q.id"
            ).fetchall():
                db.execute("update theme_corrections set source = ?, text_key = ? where quote = ?",
                           [source, text_key(text), quote])
            # A correction whose quote is missing now (its file broken, say) keeps its source,
            # read off the quote id ("<source>-<turn>"), and applies by id when it returns.
            for (source,) in db.execute("select id from sources order by length(id) desc").fetchall():
                db.execute("update theme_corrections set source = ? where source is null and "
                           "substr(quote, 1, ?) = ?", [source, len(source) + 1, source + "-"])
        for column in ("settings", "folders", "logged"):  # 4, 5: unknown until the source is next ingested
            if column not in db["ingest_state"].columns_dict:
                db.execute(f"alter table ingest_state add column [{column}] text")
        if version is not None and version < 6:  # the logs there were written when their sources were
            db.execute("update ingest_state set logged = fingerprint where logged is null")
        if version is not None and version < 7:
            # A reason often names who asked, and it was stored word for word. It cannot be
            # redacted now: withdrawing deleted the source's private log, the names to search
            # for. The withdrawal stays; its reason goes (secure_delete: from the file too).
            db.execute("update withdrawals set reason = null where reason is not null")
        _upsert(db, "archive_meta", {"key": "schema_version", "value": str(SCHEMA_VERSION)}, "key")


def _create_tables(db: sqlite_utils.Database) -> None:
    for table in tables.TABLES:
        _create_table(db, table)


def _create_table(db: sqlite_utils.Database, table: tables.Table) -> None:
    """A table of ``archive.tables`` as the store keeps it, its indexes and full-text index."""
    columns = table.columns_in(tables.STORE)
    db[table.name].create(
        {c.name: c.type for c in columns}, pk=table.pk[0] if len(table.pk) == 1 else table.pk,
        foreign_keys=[(c.name, c.references, "id") for c in columns if c.references], if_not_exists=True)
    for index in table.indexes_in(tables.STORE):
        db[table.name].create_index(index.columns, if_not_exists=True)
    if table.fts and f"{table.name}_fts" not in db.table_names():
        db[table.name].enable_fts(list(table.fts), tokenize="porter", create_triggers=True)


def path_key(path: str | Path) -> str:
    """What the archive keeps of a file's path: a hash that recognises the file again.
    The path itself may hold a participant's name (a file called after them)."""
    return hashlib.sha256(str(Path(path).resolve()).encode()).hexdigest()[:32]


def folder_keys(path: str | Path) -> str:
    """Keys of every folder a file is in, so that ingesting any of them knows the file was
    under it (and removes its source when the file is gone), whichever folder it came from."""
    return " ".join(path_key(folder) for folder in Path(path).resolve().parents)


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def year_of(date: object) -> int | None:
    text = str(date or "")
    return int(text[:4]) if len(text) >= 4 and text[:4].isdigit() else None


# ---------------------------------------------------------------- writing

def replace_source(db: sqlite_utils.Database, source: Source, root: str) -> None:
    """Replace everything stored for ``source`` in one transaction."""
    if not source.redacted:
        raise StoreError(f"{source.path}: refusing to store a source that has not been redacted.")
    meta = source.meta
    collection = {
        "id": source.collection,
        "title": meta.get("collection_title") or source.collection,
        "description": meta.get("collection_description"),
        "kind": meta.get("collection_kind"),
        "licence": meta.get("licence"),
        "access": meta.get("collection_access"),
        "citation": meta.get("citation"),
    }
    row = {
        "id": source.id,
        "collection": source.collection,
        "title": source.title,
        "date": str(meta["date"]) if meta.get("date") else None,
        "year": year_of(meta.get("date")),
        "kind": source.kind,
        "description": meta.get("description"),
        "access": source.access,
        "embargo_until": str(meta["embargo_until"]) if meta.get("embargo_until") else None,
        "audio_url": meta.get("audio_url"),
        "format": source.format,
        "quotes": len(source.quotes),
        "words": sum(q.words for q in source.quotes),
    }
    state = {"source": source.id, "root": root, "path": path_key(source.path),
             "fingerprint": source.fingerprint, "settings": source.settings, "folders": folder_keys(source.path),
             "ingested_at": now(), "logged": None}
    with transaction(db):
        # The texts being replaced: hand corrections made on them look for them again.
        old_texts = dict(db.execute("select id, text from quotes where source = ?", [source.id]).fetchall())
        _delete_source_rows(db, source.id)
        _upsert(db, "collections", collection, "id")
        _upsert(db, "sources", row, "id")
        # executemany rather than insert_all: the same rows without sqlite-utils'
        # per-call introspection, which dominated the time of storing a source.
        db.conn.executemany(
            "insert into speakers (id, source, number, description) values (?, ?, ?, ?)",
            [(speaker_id(source.id, s.number), source.id, s.number, s.description) for s in source.speakers],
        )
        db.conn.executemany(
            "insert into quotes (id, source, speaker, position, turn, part, text, words, start, end, question)"
            " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(q.id, source.id, speaker_id(source.id, q.speaker.number), q.position, q.turn, q.part, q.text,
              q.words, q.start, q.end, q.question) for q in source.quotes],
        )
        db.conn.executemany(
            "insert into quote_themes (quote, theme, score, evidence, origin) values (?, ?, ?, ?, ?)",
            [(q.id, t.theme, t.score, json.dumps(t.evidence), t.origin) for q in source.quotes for t in q.themes],
        )
        source.notes += _apply_theme_corrections(db, source.id, old_texts)
        source.notes += _moved_ids(old_texts, {q.id: q.text for q in source.quotes})
        _upsert(db, "ingest_state", state, "source")


def _moved_ids(old_texts: dict[str, str], texts: dict[str, str]) -> list[str]:
    """A note when quotes kept their text but not their id (turns added or taken out above
    them): links and citations made to the old ids now lead to other quotes."""
    holders = {}
    for quote in sorted(texts, key=_turn):
        holders.setdefault(texts[quote], []).append(quote)
    moved = []
    for quote in sorted(old_texts, key=_turn):
        now = holders.get(old_texts[quote], [])
        if len(now) == 1 and now[0] != quote and texts.get(quote) != old_texts[quote]:
            moved.append((quote, now[0]))
    if not moved:
        return []
    old, new = moved[0]
    said = "1 quote id now names" if len(moved) == 1 else f"{len(moved)} quote ids now name"
    return [f"{said} other text (turns were added or taken out above them): "
            f"links and citations made to the old ids lead to other quotes ({old} is now {new})."]


def mark_logged(db: sqlite_utils.Database, source_id: str, fingerprint: str) -> None:
    """Record that the private redaction log of this version of the source is written. It
    is written only after the source's transaction commits; a source stored but not yet
    logged (ingest killed in between) is not taken as unchanged by the next ingest."""
    with transaction(db):
        db.execute("update ingest_state set logged = ? where source = ? and fingerprint = ?",
                   [fingerprint, source_id, fingerprint])


def _upsert(db: sqlite_utils.Database, table: str, row: dict, pk: str) -> None:
    # Plain SQL: sqlite-utils' upsert inspects the table on every call, too slow per source.
    columns = ", ".join(f"[{c}]" for c in row)
    updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in row if c != pk)
    db.execute(f"insert into [{table}] ({columns}) values ({', '.join('?' * len(row))}) "
               f"on conflict([{pk}]) do update set {updates}", list(row.values()))


def _apply_theme_corrections(db: sqlite_utils.Database, source_id: str, old_texts: dict[str, str]) -> list[str]:
    """Hand decisions win over the tagger and outlive re-ingest. Each follows the text it
    was made on: the quote that holds that text now (the same occurrence of it, when the
    text is said twice), else the quote most like it when the text was edited (a
    redaction fix, a typo). One whose text is gone is dropped, with a note (returned)."""
    texts = dict(db.execute("select id, text from quotes where source = ?", [source_id]).fetchall())
    holders, held_before = _holders(texts), _holders(old_texts)
    corrections = db.execute(
        "select quote, theme, action, at, text_key from theme_corrections where source = ? order by at",
        [source_id]).fetchall()
    # Where each correction goes, decided for all before any moves: turns added above
    # shift many quotes at once. A later decision on the same quote and theme wins.
    placed: dict[tuple[str, str], tuple] = {}
    notes = []
    for quote, theme, action, at, key in corrections:
        if key is None:  # made before schema 3 on a quote missing at the upgrade: by id, as then
            target = quote if quote in texts else None
        elif key in holders:
            target = _same_occurrence(quote, holders[key], held_before.get(key, []))
        else:
            target = _most_like(old_texts.get(quote), key, texts, quote)
        if target is None:
            # Said once, then dropped: the text it was made on is gone.
            notes.append(f"a hand correction ({action}{theme}) was dropped: the text of the quote it "
                         f"was made on (then {quote}) has changed; tag the quote again if it still applies.")
        else:
            placed[(target, theme)] = (target, theme, action, at, source_id, text_key(texts[target]))
    db.execute("delete from theme_corrections where source = ?", [source_id])
    db.conn.executemany(
        "insert into theme_corrections (quote, theme, action, at, source, text_key) values (?, ?, ?, ?, ?, ?)",
        placed.values())
    themes = {row[0] for row in db.execute("select id from themes")}
    from archive import hand_codes  # the one writer of hand codes

    for quote, theme, action, *_ in placed.values():
        if action == "-" or theme in themes:
            hand_codes.apply(db, quote, theme, action)
    return notes


# How alike an edited quote must be to the text a correction was made on to keep it.
SAME_QUOTE_SIMILARITY = 0.8


def _most_like(old: str | None, key: str, texts: dict[str, str], near: str) -> str | None:
    """The quote most like ``old`` (the text the correction was made on, if it was being
    replaced now), if alike enough; the nearest to ``near`` among equals."""
    if old is None or text_key(old) != key:
        return None
    words = old.split()
    scored = [(difflib.SequenceMatcher(None, words, text.split()).ratio(), -_distance(q, near), q)
              for q, text in texts.items()]
    best = max(scored, default=None)
    return best[2] if best and best[0] >= SAME_QUOTE_SIMILARITY else None


def _holders(texts: dict[str, str]) -> dict[str, list[str]]:
    """The quotes holding each text (by its key), in the order they are said."""
    holders: dict[str, list[str]] = {}
    for quote in sorted(texts, key=_turn):
        holders.setdefault(text_key(texts[quote]), []).append(quote)
    return holders


def _same_occurrence(quote: str, holders: list[str], before: list[str]) -> str | None:
    """Of the quotes holding a text now, the one that is the same occurrence of it as the
    corrected quote was among those holding it ``before`` ("Yes." said twice: the second
    stays the second). When it is said more or fewer times than before, which one is which
    cannot be told: None."""
    if quote in before:
        return holders[before.index(quote)] if len(before) == len(holders) else None
    return holders[0] if len(holders) == 1 else None


def _turn(quote: str) -> tuple[int, int]:
    """(turn, part) from a quote id, "<source>-<turn>[-<part>]"; a source id may end in digits too."""
    m = re.search(r"-(\d{3,})(?:-(\d{1,2}))?$", quote)
    return (int(m.group(1)), int(m.group(2) or 0)) if m else (0, 0)


def _distance(quote: str, other: str) -> int:
    """How far apart two quotes of a source are, in turns."""
    return abs(_turn(quote)[0] - _turn(other)[0])


def compact_text_index(db: sqlite_utils.Database) -> None:
    """Rewrite the full-text index without what was deleted from it. FTS5 only marks
    deleted rows, so a replaced or removed quote's words would stay in its pages (which
    secure_delete then zeroes once freed). About 0.4 s per 100,000 quotes."""
    with transaction(db):
        db.execute("insert into quotes_fts(quotes_fts) values ('optimize')")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def remove_source(db: sqlite_utils.Database, source_id: str) -> None:
    """Remove a source and everything it holds, in one transaction."""
    with transaction(db):
        _delete_source_rows(db, source_id)
        db.execute("delete from ingest_state where source = ?", [source_id])


def _delete_source_rows(db: sqlite_utils.Database, source_id: str) -> None:
    db.execute(
        "delete from quote_themes where quote in (select id from quotes where source = ?)", [source_id]
    )
    db.execute("delete from quotes where source = ?", [source_id])
    db.execute("delete from speakers where source = ?", [source_id])
    db.execute("delete from sources where id = ?", [source_id])
    db.execute("delete from collections where id not in (select collection from sources)")


def speaker_id(source_id: str, number: int) -> str:
    return f"{source_id}-s{number}"


def sync_themes(db: sqlite_utils.Database, themes: Iterable[dict]) -> None:
    """Make the themes table match the codebook (id, label, description, and its order)."""
    rows = [dict(row, position=number) for number, row in enumerate(themes, 1)]
    with transaction(db):
        db["themes"].upsert_all(rows, pk="id")
        keep = {r["id"] for r in rows}
        for (theme_id,) in db.execute("select id from themes").fetchall():
            if theme_id not in keep:
                db.execute("delete from quote_themes where theme = ?", [theme_id])
                db.execute("delete from themes where id = ?", [theme_id])


# ---------------------------------------------------------------- reading

def ingest_states(db: sqlite_utils.Database) -> dict[str, dict]:
    return {row["source"]: row for row in db["ingest_state"].rows}


def sources_made_otherwise(db: sqlite_utils.Database, settings: str, exclude: Iterable[str] = ()) -> list[str]:
    """Sources in the archive made with other (or unrecorded) settings than ``settings``."""
    return [row[0] for row in db.execute(
        "select i.source from ingest_state i join sources s on s.id = i.source"
        " where i.settings is null or i.settings != ? order by i.source", [settings]).fetchall()
        if row[0] not in exclude]


REDACTION_SETTINGS = "redaction settings "  # archive_meta key prefix: full fingerprint -> without taggers


def remember_redaction_settings(db: sqlite_utils.Database, settings: str, redaction: str) -> None:
    """What a settings fingerprint (``pipeline.settings_fingerprint``) comes to without the
    project's trained theme models: the stale-sources warning compares that, so a model
    retrained by ``archive themes train`` (which ``retag`` applies without re-reading any
    source) is not taken for a change of redaction. Fingerprints no source holds are dropped."""
    with transaction(db):
        _upsert(db, "archive_meta", {"key": REDACTION_SETTINGS + settings, "value": redaction}, "key")
        db.execute("delete from archive_meta where key like ? and substr(key, ?) not in "
                   "(select settings from ingest_state where settings is not null)",
                   [REDACTION_SETTINGS + "%", len(REDACTION_SETTINGS) + 1])


def sources_redacted_otherwise(db: sqlite_utils.Database, redaction: str) -> list[str]:
    """Sources made with other (or unrecorded) settings than ``redaction``, a fingerprint
    without the trained theme models (``remember_redaction_settings``)."""
    known = dict(db.execute("select substr(key, ?), value from archive_meta where key like ?",
                            [len(REDACTION_SETTINGS) + 1, REDACTION_SETTINGS + "%"]).fetchall())
    return [source for source, settings in db.execute(
        "select i.source, i.settings from ingest_state i join sources s on s.id = i.source order by i.source")
        if known.get(settings) != redaction]


def withhold_collection(db: sqlite_utils.Database, collection: str) -> list[str]:
    """Keep a collection folder out: its name holds an identifier. Removes the sources of
    every folder of that name (the name is the collection, wherever the folder is) and
    returns their ids; remembers a key of the name (not the name), so no later ingest lets
    such a folder back until it is renamed."""
    removed = [row[0] for row in db.execute(
        "select id from sources where collection = ?", [collection]).fetchall()]
    with transaction(db):
        for source_id in removed:
            remove_source(db, source_id)
        _create_table(db, tables.table("withheld_collections"))  # not in an archive made before it was
        _upsert(db, "withheld_collections", {"key": text_key(collection), "at": now()}, "key")
    return removed


def withheld_test(db: sqlite_utils.Database) -> Callable[[str], bool]:
    """Whether a collection folder is withheld, the table read once (per ingest)."""
    keys = set()
    if "withheld_collections" in db.table_names():  # not in an archive made before the table
        keys = {row[0] for row in db.execute("select key from withheld_collections")}
    return lambda collection: text_key(collection) in keys


def withdrawn_ids(db: sqlite_utils.Database) -> set[str]:
    return {row["source"] for row in db["withdrawals"].rows}


def iter_quotes(
    db: sqlite_utils.Database,
    themes: Iterable[str] = (),
    sources: Iterable[str] = (),
) -> Iterator[dict]:
    """Quotes in source order, each joined with its source, speaker and themes."""
    where, params = [], []
    themes, sources = list(themes), list(sources)
    if sources:
        where.append(f"q.source in ({', '.join('?' * len(sources))})")
        params += sources
    if themes:
        where.append(
            f"q.id in (select quote from quote_themes where theme in ({', '.join('?' * len(themes))}))"
        )
        params += themes
    return quote_rows(db.conn, " and ".join(where), params, order="s.collection, q.source, q.position")
