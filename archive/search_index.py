"""The Whoosh index: the archive's word list, for what SQLite FTS5 cannot do.

``archive.search`` answers queries with FTS5 and opens this index only for
fuzzy words (``supervison~``: which indexed words are within an edit or two),
"did you mean" (likely spellings of a word no quote holds) and ``--like``
(a quote's most distinctive words, weighed against the whole archive).
So it holds only what those need: each quote's words, unstemmed and
lower-cased, with their frequencies, keyed by source so a source can be
replaced. No positions, no stored fields: the quotes themselves, their
filters and their display are read from the database.

The index lives next to the database, in ``<db file>-index/``, and holds only
what the database holds (quote text is already redacted). It is derived data:
it can be deleted at any time and is rebuilt from the database when missing,
unreadable by this version (``INDEX_VERSION``) or asked for (``rebuild``).

Keeping in step: ingest and withdraw call ``sync(db, changed, removed)``. The
index also records the ``ingest_state`` it last saw, so ``catch_up`` (run
before the index is used) re-indexes whatever changed behind its back. Every
small segment that loses documents is rewritten at once (``_rewrite_deleted``):
Whoosh only marks them, and a replaced quote's words would stay in its word list
(in a big one they stay until it is next merged, and the Lexicon never offers them).

Whoosh reads its table of contents and segment directories with pickle, which can
run code: the index is opened only when its files are exactly those the archive
wrote, by their SHA-256 recorded in the database (``archive_meta``) after each
write; another table of contents, or a changed byte, and it is rebuilt from the database.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path
from typing import Callable, Iterable, Iterator

from whoosh import index as whoosh_index
from whoosh.reading import TermNotFound
from whoosh.analysis import StandardAnalyzer
from whoosh.fields import ID, TEXT, Schema

from archive import store
from archive.search import SearchIndexError, SearchResult, Searcher, index_dir, search  # noqa: F401 (the API)

# Bump when the schema or the analysis changes: older indexes are rebuilt.
INDEX_VERSION = 2
INDEX_NAME = "quotes"
STATE_FILE = "archive-index.json"
WORDS = "words"
# Seconds to wait for another writer (an ingest) before giving up.
LOCK_TIMEOUT = 10.0
# --like leaves out words found in more than this share of quotes (if it has rarer ones).
COMMON_SHARE = 0.005
COMMON_MIN = 50
# Whoosh's writer buffers this many MB of postings before it writes a segment.
LIMIT_MB = 512
# archive_meta: {file name: sha256} of the index files the archive wrote last.
FILES_KEY = "search_index_files"
# A segment that loses documents is rewritten without them at once up to this size (about a
# second); a bigger one (from a rebuild of a large archive) keeps their words, never offered
# by the Lexicon, until the next rebuild or compaction (sources leaving, redaction fixes).
REWRITE_DOCS = 5_000


def make_schema() -> Schema:
    return Schema(
        source=ID(),  # to drop and replace a source's quotes
        # Unstemmed words (stop words and one-letter words left out); frequencies, no positions.
        words=TEXT(analyzer=StandardAnalyzer(), phrase=False),
    )


# ---------------------------------------------------------------- documents

def _excluded_sources(db) -> set[str]:
    """Sources that must never be searchable even if rows remain (belt and braces)."""
    withdrawn = store.withdrawn_ids(db)
    withdrawn |= {r[0] for r in db.execute("select id from sources where access = 'withdrawn'")}
    return withdrawn


def _documents(db, source_ids: Iterable[str] | None = None) -> Iterator[dict]:
    excluded = _excluded_sources(db)
    if source_ids is None:
        rows = db.execute("select source, text from quotes")
    else:
        rows = (row for sid in sorted(source_ids)
                for row in db.execute("select source, text from quotes where source = ?", [sid]))
    for source, text in rows:
        if source not in excluded and text:
            yield {"source": source, WORDS: text}


def _db_state(db) -> dict:
    """What the index must match: each source's fingerprint and ingest time."""
    sources = {
        r[0]: f"{r[1]}@{r[2]}"
        for r in db.execute("select source, fingerprint, ingested_at from ingest_state")
    }
    # Sources can exist without ingest_state (stores built by hand); key them by size.
    for sid, quotes, words in db.execute(
        "select id, quotes, words from sources where id not in (select source from ingest_state)"
    ):
        sources[sid] = f"size:{quotes}:{words}"
    withdrawals = db.execute("select count(*), max(at) from withdrawals").fetchone()
    return {"sources": sources, "withdrawals": list(withdrawals)}


# ---------------------------------------------------------------- state file

def _read_state(directory: Path) -> dict | None:
    try:
        state = json.loads((directory / STATE_FILE).read_text())
    except (OSError, ValueError):
        return None
    if state.get("index_version") != INDEX_VERSION:
        return None
    return state


def _write_state(directory: Path, state: dict) -> None:
    state = {"index_version": INDEX_VERSION, **state}
    tmp = directory / (STATE_FILE + ".tmp")
    tmp.write_text(json.dumps(state))
    os.replace(tmp, directory / STATE_FILE)


# ---------------------------------------------------------------- what the archive wrote

def _index_files(directory: Path) -> list[Path]:
    """The files Whoosh would read: all but our JSON state file, lock files and a writer's
    temporary folder (``quotes.tmp``, never read by a reader)."""
    try:
        entries = sorted(directory.iterdir())
    except OSError:
        return []
    return [p for p in entries if p.name != STATE_FILE and not p.name.endswith(("LOCK", ".tmp"))
            and not p.is_dir()]


def _digest(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _manifest(directory: Path, known: dict[str, str] | None = None) -> dict[str, str]:
    """{name: sha256} of the index files; ``known`` hashes (just verified) are reused:
    Whoosh never rewrites a file, it writes new ones."""
    known = known or {}
    return {p.name: known.get(p.name) or _digest(p) for p in _index_files(directory)}


def _recorded(db_path: str | Path) -> dict[str, str] | None:
    try:
        con = sqlite3.connect(f"file:{Path(db_path).resolve()}?mode=ro", uri=True)
        try:
            row = con.execute("select value from archive_meta where key = ?", [FILES_KEY]).fetchone()
        finally:
            con.close()
        return json.loads(row[0]) if row else None
    except (sqlite3.Error, ValueError):
        return None


def _record(db, manifest: dict[str, str]) -> None:
    try:
        with store.transaction(db):
            db.execute("insert into archive_meta (key, value) values (?, ?) on conflict(key) do update set "
                       "value = excluded.value", [FILES_KEY, json.dumps(manifest, sort_keys=True)])
    except sqlite3.Error:
        pass  # a read-only archive: the index stays untrusted, and is rebuilt when next opened


def _verified(db_path: str | Path, directory: Path) -> dict[str, str] | None:
    """The recorded manifest if every file in it is there unchanged and no other table of
    contents is (Whoosh reads the newest one, and only the segments that one names), else
    None. Other files are never read: a running writer's new segment, for one."""
    recorded = _recorded(db_path)
    if not recorded:
        return None
    if any(p.suffix == ".toc" and p.name not in recorded for p in _index_files(directory)):
        return None
    for name, digest in recorded.items():
        try:
            if _digest(directory / name) != digest:
                return None
        except OSError:
            return None
    return recorded


def _rewrite_deleted(writer, segments):
    """Merge policy: every segment of up to REWRITE_DOCS documents with deleted documents
    is rewritten without them (their words go with them), then Whoosh's usual merging of
    small segments. Rewriting a rebuild's big segment for each edit would cost a minute."""
    from whoosh.reading import SegmentReader
    from whoosh.writing import MERGE_SMALL

    kept = []
    for segment in segments:
        if segment.has_deletions() and segment.doc_count_all() <= REWRITE_DOCS:
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)
            reader.close()
        else:
            kept.append(segment)
    return MERGE_SMALL(writer, kept)


# ---------------------------------------------------------------- building

def rebuild(
    db_path: str | Path,
    procs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Build the index from scratch beside ``db_path``; return the number of quotes.

    Builds into a temporary folder and swaps it in, so searches keep working
    on the old index until the new one is complete.
    """
    db = store.open_db(db_path, create=False)
    target = index_dir(db_path)
    building = target.with_name(target.name + f".building-{os.getpid()}")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    try:
        state = _db_state(db)
        total = db.execute("select count(*) from quotes").fetchone()[0]
        procs = procs or (min(2, os.cpu_count() or 1) if total > 20_000 else 1)
        ix = whoosh_index.create_in(str(building), make_schema(), indexname=INDEX_NAME)
        options = {"limitmb": LIMIT_MB}
        if procs > 1:
            # Each process analyses its share of the quotes and writes its own segment.
            options.update(procs=procs, multisegment=True, limitmb=LIMIT_MB // procs)
        writer = ix.writer(**options)
        count = 0
        try:
            for doc in _documents(db):
                writer.add_document(**doc)
                count += 1
                if progress and count % 1000 == 0:
                    progress(1000)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        if progress:
            progress(count % 1000)
        _write_state(building, state)
        manifest = _manifest(building)
        old = target.with_name(target.name + f".old-{os.getpid()}")
        if target.exists():
            os.replace(target, old)
        os.replace(building, target)
        shutil.rmtree(old, ignore_errors=True)
        _record(db, manifest)
        return count
    finally:
        shutil.rmtree(building, ignore_errors=True)
        db.close()


def _open(db_path: str | Path):
    """Open the index, or return None when it must be (re)built: missing, from another
    version, or not exactly the files the archive wrote (never unpickled unchecked)."""
    directory = index_dir(db_path)
    if _read_state(directory) is None or _verified(db_path, directory) is None:
        return None
    try:
        return whoosh_index.open_dir(str(directory), indexname=INDEX_NAME)
    except whoosh_index.EmptyIndexError:
        return None
    except Exception as e:  # Whoosh raises many kinds on damaged files
        raise SearchIndexError(
            f"The search index at {directory} cannot be read ({type(e).__name__}: {e}); "
            f"run 'archive index --rebuild'."
        ) from None


def sync(
    db_path: str | Path,
    changed_source_ids: Iterable[str] = (),
    removed_source_ids: Iterable[str] = (),
    compact: bool = False,
) -> dict:
    """Bring the index in step with the database after an ingest or withdrawal.

    Re-indexes the changed sources, drops the removed ones, and also catches
    anything else that changed since the index last looked. Builds the whole
    index when it is missing or from an older version. Returns counts of what
    was done: ``{"rebuilt": bool, "indexed": n, "sources": n}``.
    """
    ix = _open(db_path)
    if ix is None:
        n = rebuild(db_path)
        return {"rebuilt": True, "indexed": n, "sources": None}
    directory = index_dir(db_path)
    old_state = _read_state(directory) or {}
    db = store.open_db(db_path, create=False)
    try:
        new_state = _db_state(db)
        old_sources, new_sources = old_state.get("sources", {}), new_state["sources"]
        touched = set(changed_source_ids) | set(removed_source_ids)
        touched |= {s for s, v in new_sources.items() if old_sources.get(s) != v}
        touched |= set(old_sources) - set(new_sources)
        if old_state.get("withdrawals") != new_state["withdrawals"]:
            touched |= _excluded_sources(db) & set(old_sources)
        if not touched:
            return {"rebuilt": False, "indexed": 0, "sources": 0}
        present = {s for s in touched if s in new_sources}
        try:
            writer = ix.writer(timeout=LOCK_TIMEOUT)
        except whoosh_index.LockError:
            raise SearchIndexError(
                f"The search index at {directory} is locked by another process "
                f"(an ingest or index build?); try again when it has finished."
            ) from None
        count = 0
        try:
            for source_id in sorted(touched):
                writer.delete_by_term("source", source_id)
            for doc in _documents(db, present):
                writer.add_document(**doc)
                count += 1
        except BaseException:
            writer.cancel()
            raise
        # Whoosh only marks deleted documents: the segments that lost any are rewritten
        # (replaced or removed text must leave no word behind); all of them when a source
        # left the archive (withdrawn, removed) or after new redaction settings (``compact``).
        verified = _recorded(db_path) or {}  # checked by _open a moment ago
        if compact or touched - present:
            writer.commit(optimize=True)
        else:
            writer.commit(mergetype=_rewrite_deleted)
        _write_state(directory, new_state)
        _record(db, _manifest(directory, verified))
        return {"rebuilt": False, "indexed": count, "sources": len(touched)}
    finally:
        db.close()
        ix.close()


def catch_up(db_path: str | Path) -> dict:
    """Re-index whatever changed in the database since the index last looked."""
    return sync(db_path, (), ())


# ---------------------------------------------------------------- the word list

class Lexicon:
    """The index opened for reading: similar words, spellings, distinctive words."""

    def __init__(self, db_path: str | Path, update: bool = True):
        if update:
            catch_up(db_path)
        ix = _open(db_path)
        if ix is None:
            rebuild(db_path)
            ix = _open(db_path)
        self.ix = ix
        self.searcher = ix.searcher()
        self.reader = self.searcher.reader()
        self.analyzer = ix.schema[WORDS].analyzer

    def close(self) -> None:
        self.searcher.close()
        self.ix.close()

    def knows(self, word: str) -> bool:
        return self._live(word.lower())

    def _live(self, word: str) -> bool:
        """Whether a quote the archive holds now has the word. A segment too big to rewrite
        at each ingest (see REWRITE_DOCS) still lists the words of its deleted quotes
        until it is next merged: they are never offered."""
        try:
            return self.reader.postings(WORDS, word).is_active()
        except TermNotFound:
            return False

    def similar(self, word: str, edits: int = 1) -> list[str]:
        """Indexed words within ``edits`` edits of ``word``.

        Typos rarely hit the first letter; keeping it makes the lookup far faster.
        """
        return sorted(w for w in self.reader.terms_within(WORDS, word.lower(), edits, prefix=1) if self._live(w))

    def suggest(self, word: str) -> str | None:
        """The likeliest spelling of a word no quote holds: closest first, then most frequent."""
        word = word.lower()
        if not any(True for _ in self.analyzer(word)) or self.knows(word):
            return None  # a stop word, or a word the archive has
        corrector = self.searcher.corrector(WORDS)
        for edits in (1, 2):
            found = [w for w in corrector.suggest(word, limit=5, maxdist=edits, prefix=1) if self._live(w)]
            if found:
                return found[0]
        return None

    def key_words(self, text: str, count: int = 10) -> list[str]:
        """The words of ``text`` that best tell it apart from the archive (Whoosh's Bo1 model).

        Words in more than COMMON_SHARE of the quotes are left out while rarer ones
        remain: OR-ed together, one of them would match (and make FTS5 rank) most
        of the archive, and they say little about what the quote is about.
        """
        found = [w for w, _weight in self.searcher.key_terms_from_text(WORDS, text, numterms=count * 3)]
        common = max(COMMON_MIN, self.reader.doc_count() * COMMON_SHARE)
        frequency = {w: self.reader.doc_frequency(WORDS, w) for w in found}
        rare = [w for w in found if frequency[w] <= common]
        return (rare or sorted(found, key=frequency.get)[:3])[:count]
