"""Full-text search over the archive's quotes with Whoosh.

The index lives next to the database, in ``<db file>-index/``, and holds only
what the database holds (quote text is already redacted). It is derived data:
it can be deleted at any time and is rebuilt from the database when missing,
unreadable by this version (``INDEX_VERSION``) or asked for (``rebuild``).

Keeping in step: ingest and withdraw call ``sync(db, changed, removed)``. The
index also records the ``ingest_state`` it last saw, so ``catch_up`` (run
before every search) re-indexes whatever changed behind its back.

Query language (Whoosh's, plus two conveniences)::

    honorary placements              both words (stemmed: honorary ~ honoraries)
    "unpaid placement"               a phrase
    targets OR KPIs, burnout NOT app boolean operators
    supervison~                      fuzzy term (one edit; supervison~2 for two)
    theme:precarity kind:podcast     field filters: theme, collection, kind,
    source:int-04 speaker:therapist  source, speaker (the speaker's description)
    year:2016..2018  year:2017..     year ranges (also year:2017, year:[2016 TO 2018])
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from whoosh import index as whoosh_index
from whoosh import qparser, query
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema

from archive import store

# Bump when the schema or the analysis changes: older indexes are rebuilt.
INDEX_VERSION = 1
INDEX_NAME = "quotes"
STATE_FILE = "archive-index.json"
SPELL_FIELD = "spell_text"  # Whoosh's unstemmed companion of a spelling=True field
FIELDS = ("theme", "collection", "kind", "source", "speaker", "year")
# A query that finds fewer than this many quotes gets a "did you mean".
FEW_RESULTS = 3
# Seconds to wait for another writer (an ingest) before giving up.
LOCK_TIMEOUT = 10.0


class SearchIndexError(store.StoreError):
    """A one-line, user-facing problem with the search index or a query.

    A StoreError, so commands that sync the index (ingest, withdraw) report it
    as they report any other storage problem: one line, no traceback.
    """


def make_schema() -> Schema:
    text_analyzer = StemmingAnalyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        source=ID(stored=True, analyzer=_lower_id()),
        collection=ID(analyzer=_lower_id()),
        kind=ID(analyzer=_lower_id()),
        theme=KEYWORD(lowercase=True, scorable=False),
        year=NUMERIC(int, bits=16, signed=False),
        speaker=TEXT(analyzer=StemmingAnalyzer(), phrase=True),
        # Text is not stored: it is in the database, and one copy is enough.
        # spelling=True keeps unstemmed words for "did you mean".
        text=TEXT(analyzer=text_analyzer, phrase=True, spelling=True),
    )


def _lower_id():
    from whoosh.analysis import IDTokenizer, LowercaseFilter

    return IDTokenizer() | LowercaseFilter()


def index_dir(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + "-index")


# ---------------------------------------------------------------- documents

def _excluded_sources(db) -> set[str]:
    """Sources that must never be searchable even if rows remain (belt and braces)."""
    withdrawn = store.withdrawn_ids(db)
    withdrawn |= {r[0] for r in db.execute("select id from sources where access = 'withdrawn'")}
    return withdrawn


def _documents(db, source_ids: Iterable[str] | None = None) -> Iterator[dict]:
    sources = sorted(source_ids) if source_ids is not None else ()
    if source_ids is not None and not sources:
        return
    excluded = _excluded_sources(db)
    for row in store.iter_quotes(db, sources=sources):
        if row["source"] in excluded:
            continue
        year = store.year_of(row.get("source_date"))
        doc = {
            "id": row["id"],
            "source": row["source"],
            "collection": row["collection"] or "",
            "kind": row["kind"] or "",
            "theme": " ".join(t["theme"] for t in row["themes"]),
            "speaker": row.get("speaker_description") or "",
            "text": row["text"] or "",
        }
        if year is not None:
            doc["year"] = year
        yield doc


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
    corrections = db.execute("select max(at) from theme_corrections").fetchone()[0]
    withdrawals = db.execute("select count(*), max(at) from withdrawals").fetchone()
    return {"sources": sources, "corrections": corrections, "withdrawals": list(withdrawals)}


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
        options = {"limitmb": 256}
        if procs > 1:
            options.update(procs=procs, multisegment=True)
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
        old = target.with_name(target.name + f".old-{os.getpid()}")
        if target.exists():
            os.replace(target, old)
        os.replace(building, target)
        shutil.rmtree(old, ignore_errors=True)
        return count
    finally:
        shutil.rmtree(building, ignore_errors=True)
        db.close()


def _open(db_path: str | Path):
    """Open the index, or return None when it must be (re)built."""
    directory = index_dir(db_path)
    if _read_state(directory) is None:
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
        if old_state.get("corrections") != new_state["corrections"]:
            touched |= _corrected_sources(db, old_state.get("corrections"))
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
                writer.delete_by_term("source", source_id.lower())
            for doc in _documents(db, present):
                writer.add_document(**doc)
                count += 1
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        _write_state(directory, new_state)
        return {"rebuilt": False, "indexed": count, "sources": len(touched)}
    finally:
        db.close()
        ix.close()


def catch_up(db_path: str | Path) -> dict:
    """Re-index whatever changed in the database since the index last looked."""
    return sync(db_path, (), ())


def _corrected_sources(db, since: str | None) -> set[str]:
    sql = "select distinct q.source from theme_corrections c join quotes q on q.id = c.quote"
    params: list = []
    if since:
        sql += " where c.at >= ?"
        params.append(since)
    return {r[0] for r in db.execute(sql, params)}


# ---------------------------------------------------------------- searching

_YEAR_RANGE = re.compile(r"\byear:(\d{4})?\.\.(\d{4})?(?=\s|\)|$)")


def _expand_year_ranges(text: str) -> str:
    """year:2016..2018 → year:[2016 TO 2018] (open ends allowed)."""
    return _YEAR_RANGE.sub(lambda m: f"year:[{' '.join(filter(None, [m[1], 'TO', m[2]]))}]", text)


def _fuzzy_on_words(reader, analyzer):
    """Make fuzzy terms match words, not stems.

    Fuzzy matching against stems misses ("supervison" is two edits from the
    stem "supervis"), so a fuzzy term looks up the unstemmed words Whoosh keeps
    for spelling and searches the stems of those words.
    """

    def expand(q):
        if not (isinstance(q, query.FuzzyTerm) and q.fieldname == "text"):
            return q
        # Typos rarely hit the first letter; keeping it makes the lookup far faster.
        prefix = max(q.prefixlength, 1)
        words = reader.terms_within(SPELL_FIELD, q.text, q.maxdist, prefix)
        stems = {t.text for w in words for t in analyzer(w, mode="query")}
        if not stems:
            return query.NullQuery
        return query.Or([query.Term("text", stem) for stem in sorted(stems)], boost=q.boost)

    return expand


def make_parser(schema: Schema) -> qparser.QueryParser:
    parser = qparser.QueryParser("text", schema)
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(qparser.GtLtPlugin())
    return parser


@dataclass
class Hit:
    id: str
    score: float
    row: dict  # the quote joined with source, speaker and themes (store.iter_quotes)
    matches: list[tuple[int, int]]  # character spans of matched words in row["text"]


@dataclass
class SearchResult:
    total: int
    hits: list[Hit]
    did_you_mean: str | None = None
    query: str = ""
    like: str | None = None
    extra: dict = field(default_factory=dict)


class Searcher:
    """An open index plus database, for many queries (the CLI uses one per run)."""

    def __init__(self, db_path: str | Path, update: bool = True):
        self.db_path = Path(db_path)
        if not self.db_path.exists():
            raise SearchIndexError(
                f"No archive at {self.db_path}: run 'archive ingest' first, or name one with --db."
            )
        if update:
            catch_up(self.db_path)
        ix = _open(self.db_path)
        if ix is None:
            rebuild(self.db_path)
            ix = _open(self.db_path)
        self.ix = ix
        self.searcher = ix.searcher()
        self.parser = make_parser(ix.schema)
        self.db = store.open_db(self.db_path, create=False)

    def close(self) -> None:
        self.searcher.close()
        self.ix.close()
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def parse(self, text: str):
        try:
            q = self.parser.parse(_expand_year_ranges(text))
        except Exception as e:
            raise SearchIndexError(f"Cannot understand the query {text!r}: {e}") from None
        if q is query.NullQuery and text.strip():
            raise SearchIndexError(
                f"The query {text!r} has no searchable words (only very common words?)."
            )
        return q.accept(_fuzzy_on_words(self.searcher.reader(), self.ix.schema["text"].analyzer))

    def search(
        self,
        text: str = "",
        limit: int = 10,
        themes: Iterable[str] = (),
        like: str | None = None,
    ) -> SearchResult:
        themes = [t.lower() for t in themes]
        theme_filter = query.Or([query.Term("theme", t) for t in themes]) if themes else None
        q = self.parse(text) if text.strip() else None
        if like:
            return self._more_like(like, q, theme_filter, limit, text)
        if q is None:
            q = theme_filter or query.Every()
            theme_filter = None
        results = self.searcher.search(q, limit=limit, filter=theme_filter)
        total = len(results)
        hits = self._hits(results, q)
        did_you_mean = self._did_you_mean(q, text) if total < FEW_RESULTS and text.strip() else None
        return SearchResult(total=total, hits=hits, did_you_mean=did_you_mean, query=text)

    def _more_like(self, quote_id, q, theme_filter, limit, text) -> SearchResult:
        docnum = self.searcher.document_number(id=quote_id)
        row = self.db.execute("select text from quotes where id = ?", [quote_id]).fetchone()
        if docnum is None or row is None:
            raise SearchIndexError(f"No quote with id {quote_id!r} in {self.db_path}.")
        filters = [f for f in (q, theme_filter) if f is not None]
        key_terms = self.searcher.key_terms_from_text("text", row[0], numterms=10)
        if not key_terms:
            return SearchResult(total=0, hits=[], query=text, like=quote_id)
        like_q = query.Or([query.Term("text", w, boost=weight) for w, weight in key_terms])
        like_q = query.AndNot(like_q, query.Term("id", quote_id))
        filter_q = query.And(filters) if filters else None
        results = self.searcher.search(like_q, limit=limit, filter=filter_q)
        return SearchResult(
            total=len(results), hits=self._hits(results, like_q), query=text, like=quote_id
        )

    def _hits(self, results, q) -> list[Hit]:
        ids = [(hit["id"], hit["source"], hit.score) for hit in results]
        rows = self._rows(ids)
        terms = self._highlight_terms(q)
        analyzer = self.ix.schema["text"].analyzer
        hits = []
        for quote_id, _source, score in ids:
            row = rows.get(quote_id)
            if row is None:  # deleted since the index last looked
                continue
            hits.append(Hit(quote_id, score, row, _match_spans(row["text"], terms, analyzer)))
        return hits

    def _rows(self, ids) -> dict[str, dict]:
        wanted = {quote_id for quote_id, _, _ in ids}
        sources = {source for _, source, _ in ids}
        # Reuse the store's join, so rows look the same as in the export.
        rows = {}
        if not sources:
            return rows
        for row in store.iter_quotes(self.db, sources=sources):
            if row["id"] in wanted:
                rows[row["id"]] = row
        return rows

    def _highlight_terms(self, q) -> set[str]:
        terms = set()
        for fieldname, term in q.existing_terms(self.searcher.reader(), phrases=True, expand=True):
            if fieldname == "text":
                terms.add(term.decode("utf-8") if isinstance(term, bytes) else term)
        return terms

    def _did_you_mean(self, q, text: str) -> str | None:
        try:
            correction = self.searcher.correct_query(q, _expand_year_ranges(text), prefix=1)
        except Exception:  # suggestions are a nicety, never a failure
            return None
        suggestion = correction.string
        if not suggestion or suggestion == _expand_year_ranges(text):
            return None
        if len(self.searcher.search(self.parse(suggestion), limit=1)) == 0:
            return None
        return suggestion


def _match_spans(text: str, terms: set[str], analyzer) -> list[tuple[int, int]]:
    if not terms:
        return []
    return [
        (token.startchar, token.endchar)
        for token in analyzer(text, chars=True, mode="index")
        if token.text in terms
    ]


def search(db_path: str | Path, text: str = "", **options) -> SearchResult:
    """One-shot search: open, search, close."""
    with Searcher(db_path) as searcher:
        return searcher.search(text, **options)
