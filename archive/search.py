"""Searching the archive's quotes: each kind of query goes to the engine that answers it fast.

SQLite FTS5 (``quotes_fts``, porter stemming, kept in step by the store's
triggers) answers words, phrases, AND/OR/NOT and the field filters, ranks by
bm25, counts all matches and marks the matched words. It needs no index of
its own and no import beyond sqlite3, so a plain query starts fast.

The Whoosh index (``archive.search_index``) is a word list with statistics,
opened only for what FTS5 cannot do:

* fuzzy ``supervison~``: Whoosh finds the indexed words within the edits,
  FTS5 searches for any of them;
* "did you mean": when a query finds little, Whoosh suggests spellings, kept
  only if FTS5 finds something with them;
* ``--like QUOTE_ID``: Whoosh picks the quote's most distinctive words,
  FTS5 ranks the quotes that share them (with the query's filters).

``SearchResult.engine`` says which engines took part ("fts5" or "fts5+whoosh").

The published site (``archive.web``) runs this same searcher on its own
database connection, with ``VocabLexicon`` (FTS5's own term list) in place of
Whoosh, so the site and ``archive search`` understand a query alike.

Ranking: quotes with all the words first; when they are few, quotes with any
of them follow (``SearchResult.relaxed``). Participants' turns rank above the
questions of interviewers and hosts (``ASKER_ROLES``), each group by bm25.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from archive import search_query as sq
from archive.rows import quote_rows
from archive.errors import StoreError
# Whose turns are questions rather than testimony (interviewers, hosts: ``ASKER_ROLES``),
# read as the codebook reads them: they rank after participants' turns.
from ingest.roles import ASKER_ROLES, asks  # noqa: F401

# A query that finds fewer than this many quotes gets a "did you mean".
FEW_RESULTS = 3
# Queries matching more quotes than this rank only this many (the first, in archive order).
RANK_AT_MOST = 20_000
# Up to this many matches, ranking reads each match's quote row for its speaker; beyond it,
# a table of the askers' quote rowids (built once per connection) is probed instead.
JOIN_AT_MOST = 2_000
# A capped searcher (count_at_most set: the web) counts and ranks at most this many quotes
# holding some of the words.
RELAXED_AT_MOST = 1_000
# ... and of the quotes matching a query with filters (each match is read to test them).
FILTERED_AT_MOST = 2_000
# --like ranks fewer: its words are OR-ed, so it finds many quotes that share only one.
LIKE_RANK_AT_MOST = 5_000
# How many distinctive words of a quote --like searches for.
LIKE_WORDS = 10
# Marks around matched words in FTS5 highlight(): control characters never in quote text.
_OPEN, _CLOSE = "\x01", "\x02"


class SearchIndexError(StoreError):
    """A one-line, user-facing problem with the search index or a query.

    A StoreError, so commands that sync the index (ingest, withdraw) report it
    as they report any other storage problem: one line, no traceback.
    """


@dataclass
class Hit:
    id: str
    score: float
    row: dict  # the quote joined with source, speaker and themes, keyed as store.iter_quotes
    matches: list[tuple[int, int]]  # character spans of matched words in row["text"]


@dataclass
class SearchResult:
    total: int
    hits: list[Hit]
    did_you_mean: str | None = None
    query: str = ""
    like: str | None = None
    engine: str = "fts5"
    ranked_among: int | None = None  # set when only the first N of many matches were ranked
    extra: dict = field(default_factory=dict)
    # When few quotes hold all the words: how many hold any of them (the hits after the
    # first ``total`` are those), else None.
    relaxed: int | None = None
    counted_at_most: int | None = None  # set when counting stopped there: "more than N"


def is_asker(description: str | None) -> bool:
    """Is this speaker description an interviewer's or a host's ("Interviewer 2", "Host, ...",
    "Rona Fenwick, podcast host")? The codebook's notion (``Codebook.is_coded``), with the
    packaged roles: a published site has no codebook."""
    return asks([description])


def index_dir(db_path: str | Path) -> Path:
    """Where the Whoosh index of ``db_path`` lives: ``<db file>-index/`` beside it."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + "-index")


# ---------------------------------------------------------------- rendering for FTS5

def fts_string(text: str) -> str:
    """User text as one FTS5 string: it can hold no operator, column filter or syntax error."""
    return '"' + text.replace('"', '""') + '"'


def is_text(node: sq.Node) -> bool:
    return not sq.has_filters(node)


def fts_match(node: sq.Node) -> str | None:
    """An FTS5 MATCH expression for a tree of words only; None when FTS5 cannot say it
    (a NOT with nothing positive beside it, which FTS5's binary NOT cannot express)."""
    if isinstance(node, sq.Word) and node.prefix:
        return fts_string(node.text) + " *"
    if isinstance(node, (sq.Word, sq.Phrase)):
        return fts_string(node.text)
    if isinstance(node, sq.Or):
        parts = [fts_match(i) for i in node.items]
        return None if None in parts else " OR ".join(f"({p})" for p in parts)
    if isinstance(node, sq.And):
        positive = [fts_match(i) for i in node.items if not isinstance(i, sq.Not)]
        negative = [fts_match(i.item) for i in node.items if isinstance(i, sq.Not)]
        if not positive or None in positive or None in negative:
            return None
        expression = " AND ".join(f"({p})" for p in positive)
        for n in negative:
            expression = f"({expression}) NOT ({n})"
        return expression
    return None  # a lone NOT, or a filter


# What a filter may name: a misspelt one is an error, not an empty answer.
_KNOWN_VALUES = {
    "theme": "select id from themes",
    "source": "select id from sources",
    "collection": "select distinct collection from sources",
    "kind": "select distinct kind from sources",
}
_SOURCE_FILTERS = {
    "source": "id = ? collate nocase",
    "collection": "collection = ? collate nocase",
    "kind": "kind = ? collate nocase",
}


@dataclass(frozen=True)
class PublicOnly:
    """Only quotes anyone may read: public sources, and embargoed ones past their date (as
    ``archive publish`` decides). Restricted and embargoed quotes need --include-restricted."""
    today: str


# "2026" or "2026-03" sort before "2026-03-01": an embargo ends at the start of that period.
PUBLIC_SQL = ("q.source in (select id from sources where coalesce(access, 'public') = 'public' "
              "or (access = 'embargoed' and embargo_until is not null and embargo_until <= ?))")


def today() -> str:
    return dt.date.today().isoformat()


def access_mark(row: dict, on: str | None = None) -> str | None:
    """'restricted', 'embargoed until 2027-01' for a quote not everyone may read; else None."""
    access = row.get("access") or "public"
    if access == "embargoed":
        until = row.get("embargo_until")
        if until and str(until) <= (on or today()):
            return None
        return f"embargoed until {until}" if until else "embargoed"
    return None if access == "public" else access


class _Sql:
    """SQL conditions on ``quotes q`` for the parts of a query outside the main MATCH."""

    def __init__(self, searcher: "Searcher", probe_each: bool):
        self.searcher = searcher
        self.probe_each = probe_each  # test each candidate quote, rather than build the filter's set
        self.params: list = []

    def condition(self, node: sq.Node | str) -> str:
        if isinstance(node, str):  # a quote id to leave out (--like's own quote)
            self.params.append(node)
            return "q.id != ?"
        if isinstance(node, PublicOnly):
            self.params.append(node.today)
            return PUBLIC_SQL
        if isinstance(node, sq.Filter):
            return self._filter(node)
        if isinstance(node, sq.Years):
            first, last = node.first or 0, node.last or 9999
            self.params += [first, last]
            return "q.source in (select id from sources where year between ? and ?)"
        match = fts_match(node) if is_text(node) else None
        if match is not None:
            self.params.append(match)
            return "q.rowid in (select rowid from quotes_fts where quotes_fts match ?)"
        if isinstance(node, sq.Not):
            return f"not ({self.condition(node.item)})"
        joiner = " and " if isinstance(node, sq.And) else " or "
        return "(" + joiner.join(self.condition(i) for i in node.items) + ")"

    def _filter(self, node: sq.Filter) -> str:
        if node.field == "theme":
            self.params.append(node.value.lower())
            if self.probe_each:  # one primary-key probe per candidate quote
                return "exists (select 1 from quote_themes qt where qt.quote = q.id and qt.theme = ?)"
            return "q.id in (select quote from quote_themes where theme = ?)"  # the theme's index drives
        if node.field == "speaker":
            self.searcher._speaker_table()
            self.params.append(fts_string(node.value))
            return ("q.speaker in (select id from speakers where description in "
                    "(select description from temp.speaker_words where speaker_words match ?))")
        self.params.append(node.value)
        return f"q.source in (select id from sources where {_SOURCE_FILTERS[node.field]})"


def _themes_only(node: sq.Node | None) -> list[str] | None:
    """The themes of a query that is nothing but theme filters joined by OR, else None."""
    items = node.items if isinstance(node, sq.Or) else (node,)
    if all(isinstance(i, sq.Filter) and i.field == "theme" for i in items):
        return sorted({i.value.lower() for i in items})
    return None


def _positive_text(node: sq.Node | None) -> list[sq.Node]:
    """Words and phrases not under a NOT: what highlighting marks."""
    if node is None or isinstance(node, (sq.Not, sq.Filter, sq.Years)):
        return []
    if isinstance(node, (sq.Word, sq.Phrase)):
        return [node]
    return [leaf for item in node.items for leaf in _positive_text(item)]


# ---------------------------------------------------------------- the searcher

class Searcher:
    """An open archive for many queries; Whoosh is opened only when a query needs it."""

    def __init__(self, db_path: str | Path | None = None, update: bool = True, *,
                 conn: sqlite3.Connection | None = None, lexicon=None,
                 rank_at_most: int | None = None, count_at_most: int | None = None,
                 huge_rank_at_most: int | None = None):
        """Open ``db_path``, or search on ``conn`` (a connection someone else owns, such as
        Datasette's); ``lexicon`` stands in for the Whoosh word list (``VocabLexicon``).
        A web page must answer fast whatever the query: it ranks fewer matches
        (``rank_at_most``) and stops counting at ``count_at_most`` (``SearchResult.counted_at_most``);
        a match set past that count ranks ``huge_rank_at_most`` of its matches, if given."""
        self.rank_at_most = rank_at_most or RANK_AT_MOST
        self.count_at_most = count_at_most
        self.huge_rank_at_most = huge_rank_at_most
        self.db_path = Path(db_path) if db_path is not None else None
        self.update = update  # bring the Whoosh index in step before using it
        self._lexicon = lexicon
        self._owns_lexicon = lexicon is None
        self._speakers_ready = None  # the speakers table's (count, max rowid) when last read
        self._askers_ready = None
        self._asker_quotes_ready = None
        self._themes_ready = None
        self._owns_conn = conn is None
        self.public_only: PublicOnly | None = None  # set by each search
        self._closed: bool | None = None
        if conn is not None:
            self.conn = conn
            return
        if not self.db_path.exists():
            raise SearchIndexError(
                f"No archive at {self.db_path}: run 'archive ingest' first, or name one with --db."
            )
        try:
            self.conn = sqlite3.connect(self.db_path)
            self.conn.execute("select 1 from quotes_fts limit 0")
        except sqlite3.DatabaseError as e:
            raise SearchIndexError(f"{self.db_path} is not a searchable archive database ({e}).") from None

    def close(self) -> None:
        if self._owns_conn:
            self.conn.close()
        if self._lexicon is not None and self._owns_lexicon:
            self._lexicon.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def lexicon(self):
        if self._lexicon is None:
            from archive import search_index  # Whoosh: imported only when a query needs it

            self._lexicon = search_index.Lexicon(self.db_path, update=self.update)
        return self._lexicon

    def parse(self, text: str) -> sq.Node | None:
        try:
            node = sq.parse(text)
        except sq.QueryError as e:
            raise SearchIndexError(str(e)) from None
        if node is None and text.strip():
            raise SearchIndexError(f"The query {text!r} has no searchable words.")
        return node

    def search(
        self,
        text: str = "",
        limit: int = 10,
        themes: Iterable[str] = (),
        like: str | None = None,
        offset: int = 0,
        relax: bool = True,
        include_restricted: bool = False,
    ) -> SearchResult:
        """The best ``limit`` quotes after ``offset``. With ``relax``, when fewer than
        FEW_RESULTS quotes hold all the words, quotes holding any of them follow."""
        node = self.parse(text) if text.strip() else None
        engines = {"fts5"}
        fuzzy = sq.fuzzy_words(node)
        if fuzzy:
            node = sq.replace(node, {w: self._expand_fuzzy(w) for w in fuzzy})
            engines.add("whoosh")
        # An archive of public sources only (most) keeps its fast paths: no condition at all.
        self.public_only = None if include_restricted or not self._has_closed() else PublicOnly(today())
        themes = [t for t in themes if t.strip()]
        if themes:
            theme_filter = sq.join_items(sq.Or, [sq.Filter("theme", t) for t in themes])
            node = sq.join_items(sq.And, [node, theme_filter] if node is not None else [theme_filter])
        self._check_filters(node)
        exclude = None
        if like:
            like_words = self._like_words(like)
            if like_words is None:  # a quote of stop words only: nothing to be like
                return SearchResult(total=0, hits=[], query=text, like=like, engine="whoosh")
            engines.add("whoosh")
            node = sq.join_items(sq.And, [like_words] + ([node] if node is not None else []))
            exclude = like
        # A capped searcher (a web page) probes fewer matches when filters read each one.
        cap = FILTERED_AT_MOST if sq.has_filters(node) else None
        with self._capped(cap):
            total, hits, ranked_among = self._run(node, limit, exclude, LIKE_RANK_AT_MOST if like else None,
                                                  offset=offset)
            counted = self.count_at_most
        result = SearchResult(total=total, hits=hits, query=text, like=like, ranked_among=ranked_among)
        if counted is not None and total > counted:
            result.total, result.counted_at_most = counted, counted
        if self.public_only is not None:  # say how many were left out, so none is missed unknowingly
            closed, self.public_only = self.public_only, None
            result.extra["left_out"] = self._run(node, 0, exclude)[0] - total
            self.public_only = closed
        # An explicit AND asks for every word: it is never loosened.
        loose = (_any_words(node) if relax and total < FEW_RESULTS and not like
                 and "AND" not in text.split() else None)
        if loose is not None:
            # Few quotes hold every word: those first, then the quotes holding any of them,
            # best first (bm25 favours quotes that hold more of the words).
            # Any of the words matches many quotes: a capped search (a web page) ranks and
            # counts fewer of them, so a filter probing each match stays quick.
            with self._capped(RELAXED_AT_MOST):
                found, more, _ = self._run(loose, offset + limit + total, None, None)
                counted = self.count_at_most
            if counted is not None and found > counted:
                result.counted_at_most = found = counted
            elif counted is None and self.public_only is not None:
                # Those holding some of the words in closed sources are said too, as those
                # holding every word are: the nearest quotes may be there.
                closed, self.public_only = self.public_only, None
                some = self._run(loose, 0, None, None)[0] - found - result.extra.get("left_out", 0)
                self.public_only = closed
                if some > 0:
                    result.extra["left_out_some"] = some
            if found > total:
                result.relaxed = found
                seen = {h.id for h in hits} | {h.id for h in self._run(node, total, None, None)[1]}
                extra = [h for h in more if h.id not in seen]
                start = max(0, offset - total)
                result.hits = hits + extra[start:start + limit - len(hits)]
        if total == 0 and not like and sq.has_filters(node):
            # Nothing passes the filters: say whether the words alone find something, so
            # that an empty answer is not taken for "no quote says this".
            words = sq.without_filters(node)
            if words is not None:
                alone = self._run(words, 0)[0]
                if alone:
                    result.extra["without_filters"] = alone
                    result.extra["filters"] = sq.filters_said(node)
                    result.extra["filter_count"] = sum(isinstance(n, (sq.Filter, sq.Years)) for n in sq.walk(node))
        if total < FEW_RESULTS and text.strip() and not like:
            result.did_you_mean = self._did_you_mean(text, themes)
            if result.did_you_mean:
                engines.add("whoosh")
        result.engine = "+".join(sorted(engines))
        return result

    def _has_closed(self) -> bool:
        """Whether any source is restricted or embargoed (read once per Searcher)."""
        if self._closed is None:
            self._closed = self.conn.execute(
                "select 1 from sources where coalesce(access, 'public') != 'public' limit 1").fetchone() is not None
        return self._closed

    def where(self, node: sq.Node | None, include_restricted: bool = False,
              on: str | None = None) -> tuple[str, list]:
        """SQL conditions on ``quotes q`` (and their parameters) selecting every quote that
        matches ``node``, in no particular order: what ``archive export --query`` writes.
        Fuzzy words are expanded and filters checked as a search does."""
        fuzzy = sq.fuzzy_words(node)
        if fuzzy:
            node = sq.replace(node, {w: self._expand_fuzzy(w) for w in fuzzy})
        self._check_filters(node)
        sql = _Sql(self, probe_each=False)
        parts = [sql.condition(node)] if node is not None else []
        if not include_restricted:
            parts.append(sql.condition(PublicOnly(on or today())))
        return " and ".join(parts), sql.params

    def _check_filters(self, node: sq.Node | None) -> None:
        """A misspelt theme, source, collection or kind would match nothing and look like an
        answer: say so instead. Compared in lower case, as the filters match."""
        for name, known_sql in _KNOWN_VALUES.items():
            asked = {n.value.lower() for n in sq.walk(node) if isinstance(n, sq.Filter) and n.field == name}
            if not asked:
                continue
            known = {str(row[0]) for row in self.conn.execute(known_sql) if row[0] is not None}
            lowered = {k.lower(): k for k in known}
            unknown = sorted(asked - set(lowered))
            if unknown:
                close = [lowered[k] for k in difflib.get_close_matches(unknown[0], sorted(lowered), n=5, cutoff=0.5)]
                spelt = difflib.get_close_matches(unknown[0], sorted(lowered), n=1, cutoff=0.75)
                if not close and name == "theme":  # "theme:burnout": the themes whose words say it
                    try:
                        close = self.matching_themes(unknown[0].replace("_", " "))
                    except SearchIndexError:
                        close = []
                listed = sorted(known) if len(known) <= 20 else close
                raise SearchIndexError(
                    f"No {name} {unknown[0]!r} in the archive; "
                    + (f"did you mean {lowered[spelt[0]]!r}? " if spelt else "")
                    + (f"{'its' if len(known) <= 20 else 'close'} {name}s: {', '.join(listed)}." if listed
                       else f"it has no {name}s yet." if not known else f"it has {len(known)} {name}s."))

    # ------------------------------------------------------------ FTS5

    def _run(self, node: sq.Node | None, limit: int, exclude: str | None = None,
             rank_at_most: int | None = None, offset: int = 0):
        """(count of all matches, the best ``limit`` hits, how many were ranked if not all)."""
        items = list(node.items) if isinstance(node, sq.And) else [node] if node is not None else []
        positive = [i for i in items if not isinstance(i, sq.Not) and is_text(i) and fts_match(i)]
        negative = [i for i in items if isinstance(i, sq.Not) and is_text(i.item) and fts_match(i.item)]
        match = fts_match(sq.join_items(sq.And, positive + negative)) if positive else None
        rest = [i for i in items if i not in positive and (match is None or i not in negative)]
        if exclude:
            rest.append(exclude)
        if self.public_only is not None:
            rest.append(self.public_only)

        def where(probe_each: bool) -> tuple[str, list]:
            sql = _Sql(self, probe_each)
            conditions = [sql.condition(i) for i in rest]
            return " and ".join(conditions), sql.params

        if match is not None:
            conditions, params = where(probe_each=True)  # the MATCH drives; filters probe its finds
            if conditions:
                base = (f"from quotes_fts join quotes q on q.rowid = quotes_fts.rowid "
                        f"where quotes_fts match ? and {conditions}")
            else:  # the count and ranking stay inside the FTS index
                base = "from quotes_fts where quotes_fts match ?"
            params = [match] + params
            total = self._count(base, params)
            ranked_among = None
            rank_at_most = min(rank_at_most or self.rank_at_most, self.rank_at_most)
            if self.huge_rank_at_most and self.count_at_most is not None and total > self.count_at_most:
                rank_at_most = min(rank_at_most, self.huge_rank_at_most)
            if total > rank_at_most:
                # bm25 costs a few microseconds a match: rank only the first RANK_AT_MOST
                # (in archive order), which FTS5 finds by rowid without scoring the rest.
                last = self.conn.execute(f"select quotes_fts.rowid {base} order by quotes_fts.rowid "
                                         f"limit 1 offset {rank_at_most - 1}", params).fetchone()[0]
                base += f" and quotes_fts.rowid <= {int(last)}"
                ranked_among = rank_at_most
            # Participants first, then interviewers' and hosts' questions; each by bm25.
            # Many matches: a probe of the askers' quote rowids, not a read of each quote row.
            if total > JOIN_AT_MOST and self._asker_quotes_table():
                asker = "quotes_fts.rowid in temp.asker_quotes"
            else:
                self._askers_table()
                asker = "q.speaker in temp.askers"
                if not conditions:
                    base = base.replace("from quotes_fts ", "from quotes_fts join quotes q on q.rowid = quotes_fts.rowid ", 1)
            ranked = self.conn.execute(
                f"select quotes_fts.rowid, -bm25(quotes_fts) {base} "
                f"order by {asker}, bm25(quotes_fts) limit ? offset ?",
                params + [limit, offset],
            ).fetchall()
            return total, self._hits(ranked, _positive_text(node)), ranked_among

        # Filters only: nothing to rank; quotes come in archive order.
        conditions, params = where(probe_each=False)  # each filter's own index finds its set
        base = f"from quotes q {'where ' + conditions if conditions else ''}"
        themes = _themes_only(node) if not exclude and self.public_only is None else None
        if themes is not None:  # counted in the theme index alone, not quote by quote
            marks = ", ".join("?" * len(themes))
            counting = "count(*)" if len(themes) == 1 else "count(distinct quote)"
            total = self.conn.execute(f"select {counting} from quote_themes where theme in ({marks})",
                                      themes).fetchone()[0]
        else:
            total = self._count(base, params)
        if not total or not limit:
            return total, [], None
        everything = self.conn.execute("select max(rowid) from quotes").fetchone()[0] or 1
        if total * 100 >= everything:
            # A common filter: walking the quotes in order finds ``limit`` of them within
            # ~100 x limit rows, far fewer than the filter's whole set.
            conditions, params = where(probe_each=True)
            base = f"from quotes q where {conditions} order by q.rowid"
        ranked = self.conn.execute(f"select q.rowid, 0.0 {base} limit ? offset ?",
                                   params + [limit, offset]).fetchall()
        return total, self._hits(ranked, _positive_text(node)), None

    @contextmanager
    def _capped(self, at_most: int | None):
        """Rank and count at most ``at_most`` matches meanwhile, if this searcher is capped."""
        saved = self.rank_at_most, self.count_at_most
        if at_most is not None and self.count_at_most is not None:
            self.rank_at_most = min(at_most, self.rank_at_most)
            self.count_at_most = min(at_most, self.count_at_most)
        try:
            yield
        finally:
            self.rank_at_most, self.count_at_most = saved

    def _count(self, base: str, params: list) -> int:
        """How many quotes match, up to ``count_at_most + 1`` when that is set."""
        if self.count_at_most is None:
            return self.conn.execute(f"select count(*) {base}", params).fetchone()[0]
        return self.conn.execute(f"select count(*) from (select 1 {base} limit {int(self.count_at_most) + 1})",
                                 params).fetchone()[0]

    def _hits(self, ranked: list[tuple[int, float]], marked: list[sq.Node]) -> list[Hit]:
        if not ranked:
            return []
        rowids = [rowid for rowid, _ in ranked]
        marks = ", ".join("?" * len(rowids))
        rows = {row.pop("_rowid"): row for row in quote_rows(self.conn, f"q.rowid in ({marks})", rowids, rowid=True)}
        spans = self._spans(rowids, marked)
        return [Hit(rows[r]["id"], score, rows[r], spans.get(r, [])) for r, score in ranked if r in rows]

    def _spans(self, rowids: list[int], marked: list[sq.Node]) -> dict[int, list[tuple[int, int]]]:
        """Where the query's words matched in each shown quote, from FTS5's highlight()."""
        if not marked:
            return {}
        match = " OR ".join(f"({fts_match(n)})" for n in dict.fromkeys(marked))
        marks = ", ".join("?" * len(rowids))
        found = self.conn.execute(
            f"select rowid, highlight(quotes_fts, 0, ?, ?) from quotes_fts "
            f"where quotes_fts match ? and rowid in ({marks})",
            [_OPEN, _CLOSE, match, *rowids],
        )
        return {rowid: _spans_of(text) for rowid, text in found}

    def _speaker_table(self) -> None:
        # speaker: matches words of the description, stemmed like the quotes (practitioners ~
        # practitioner): a temporary FTS5 table of the few distinct descriptions does exactly that,
        # refilled when the speakers change under a long-lived Searcher.
        version = self.conn.execute("select count(*), max(rowid) from speakers").fetchone()
        if self._speakers_ready == version:
            return
        self.conn.execute("create virtual table if not exists temp.speaker_words "
                          "using fts5(description, tokenize='porter')")
        self.conn.execute("delete from temp.speaker_words")
        self.conn.execute("insert into temp.speaker_words (description) "
                          "select distinct description from speakers where description is not null")
        self._speakers_ready = version

    def _askers_table(self) -> None:
        """temp.askers: ids of the speakers who ask (interviewers, hosts), for ranking."""
        version = self.conn.execute("select count(*), max(rowid) from speakers").fetchone()
        if self._askers_ready == version:
            return
        self.conn.execute("create temp table if not exists askers (id text primary key)")
        self.conn.execute("delete from temp.askers")
        self.conn.executemany("insert into temp.askers values (?)", (
            (speaker,) for speaker, description in self.conn.execute("select id, description from speakers")
            if is_asker(description)))
        self._askers_ready = version

    def _asker_quotes_table(self) -> bool:
        """temp.asker_quotes: rowids of the askers' quotes, kept while the quotes stay as they
        are (a published site's never change). Built once per connection, from the speaker index."""
        # max(rowid) alone (count(*) reads every row): quotes stored or replaced get new,
        # higher rowids; a deleted quote's rowid left behind matches nothing any more.
        version = self.conn.execute("select max(rowid) from quotes").fetchone()
        if self._asker_quotes_ready != version:
            self._askers_table()
            self.conn.execute("create temp table if not exists asker_quotes (rowid integer primary key)")
            self.conn.execute("delete from temp.asker_quotes")
            self.conn.execute("insert into temp.asker_quotes select rowid from quotes "
                              "where speaker in (select id from temp.askers)")
            self._asker_quotes_ready = version
        return True

    def prepare(self) -> None:
        """Build the per-connection tables ranking uses now, so a search's time budget (the
        site's progress handler) goes to the search, not to a new connection's setup."""
        self._askers_table()
        self._asker_quotes_table()

    def matching_themes(self, text: str, limit: int = 5) -> list[str]:
        """Ids of the themes whose label or description holds a word of the query (stemmed),
        best first: a reader who typed "unpaid placements" may want the theme Unwaged work."""
        words = [w for w in sq.walk(self.parse(text)) if isinstance(w, (sq.Word, sq.Phrase))
                 and not (isinstance(w, sq.Word) and w.fuzzy)] if text.strip() else []
        if not words:
            return []
        version = self.conn.execute("select count(*), max(rowid) from themes").fetchone()
        if self._themes_ready != version:
            self.conn.execute("create virtual table if not exists temp.theme_words "
                              "using fts5(id unindexed, label, description, tokenize='porter')")
            self.conn.execute("delete from temp.theme_words")
            self.conn.execute("insert into temp.theme_words select id, label, description from themes")
            self._themes_ready = version
        match = " OR ".join(f"({fts_match(w)})" for w in dict.fromkeys(words))
        return [r[0] for r in self.conn.execute(
            "select id from temp.theme_words where theme_words match ? order by bm25(theme_words, 0, 4, 1) limit ?",
            [match, limit])]

    # ------------------------------------------------------------ with Whoosh's word list

    def _expand_fuzzy(self, word: sq.Word) -> sq.Node:
        words = self.lexicon.similar(word.text, word.fuzzy)
        # The word itself too: it may be in the quotes but not in an index still catching up.
        return sq.join_items(sq.Or, [sq.Word(w) for w in dict.fromkeys([word.text.lower(), *words])])

    def _like_words(self, quote_id: str) -> sq.Node | None:
        row = self.conn.execute("select text from quotes where id = ?", [quote_id]).fetchone()
        if row is None:
            raise SearchIndexError(f"No quote with id {quote_id!r} in {self.db_path}.")
        words = self.lexicon.key_words(row[0], LIKE_WORDS)
        return sq.join_items(sq.Or, [sq.Word(w) for w in words])

    def _did_you_mean(self, text: str, themes: list[str]) -> str | None:
        # Only words no quote holds can be misspelt: FTS5 says which, so a rare but
        # well-spelt query never opens the Whoosh index.
        words = [w for w in sq.plain_words(self.parse(text)) if not self._occurs(w.text)]
        if not words or (self._lexicon is None and (self.db_path is None or not index_dir(self.db_path).exists())):
            return None  # no word list yet: building one is not worth a suggestion
        try:
            lexicon = self.lexicon
            fixes = {w.span: lexicon.suggest(w.text) for w in words}
        except SearchIndexError:
            return None  # suggestions are a nicety, never a failure
        fixes = {span: fix for span, fix in fixes.items() if fix}
        if not fixes:
            return None
        suggestion = text
        for (start, end), fix in sorted(fixes.items(), reverse=True):
            suggestion = suggestion[:start] + fix + suggestion[end:]
        node = self.parse(suggestion)
        if themes:
            node = sq.join_items(sq.And, [node, sq.join_items(sq.Or, [sq.Filter("theme", t) for t in themes])])
        total, _, _ = self._run(node, 0)
        return suggestion if total else None


    def _occurs(self, word: str) -> bool:
        found = self.conn.execute("select 1 from quotes_fts where quotes_fts match ? limit 1",
                                  [fts_string(word)])
        return found.fetchone() is not None


class VocabLexicon:
    """A word list read from FTS5's own index (an ``fts5vocab`` table), for a database with no
    Whoosh index beside it: the published site. Its terms are porter stems, so a spelling is
    found among the stems and shown as a quote spells it (FTS5's highlight of that stem)."""

    # Terms under each first letter, per database file (path, inode, time and size): read once
    # per process, not once per suggestion and connection. fts5vocab counts each term's
    # documents by reading its whole doclist: ~40-90 ms a letter at a million quotes.
    _cache: dict[tuple, list[tuple[str, int]]] = {}
    CACHE_LETTERS = 256

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        conn.execute("create virtual table if not exists temp.quotes_terms using fts5vocab(main, quotes_fts, row)")
        self._path = next((row[2] for row in conn.execute("pragma database_list") if row[1] == "main"), "")
        self._opened = self._file()  # the file this connection reads

    def close(self) -> None:
        pass

    def _file(self) -> tuple | None:
        """The database file as it is now; None for a database in memory, or when another
        file has taken its path since the connection opened it (withdraw swaps files)."""
        if not self._path:
            return None
        try:
            info = os.stat(self._path)
        except OSError:
            return None
        found = (self._path, info.st_dev, info.st_ino, info.st_mtime_ns, info.st_size)
        opened = getattr(self, "_opened", None)
        return found if opened is None or opened[:3] == found[:3] else None

    def _terms(self, word: str) -> list[tuple[str, int]]:
        # Typos rarely hit the first letter (as Whoosh's prefix=1): read only its terms.
        first = word[:1]
        file = self._file()
        key = (file, first)
        if file is not None and key in self._cache:
            return self._cache[key]
        terms = self.conn.execute("select term, doc from temp.quotes_terms where term >= ? and term < ?",
                                  [first, first + "\uffff"]).fetchall()
        if file is not None:
            if len(self._cache) >= self.CACHE_LETTERS:
                self._cache.clear()  # old files' letters (Datasette's threads share this dict)
            self._cache[key] = terms
        return terms

    def _spelling(self, term: str) -> str | None:
        found = self.conn.execute(
            "select highlight(quotes_fts, 0, char(1), char(2)) from quotes_fts where quotes_fts match ? limit 1",
            [fts_string(term)]).fetchone()
        spans = _spans_of(found[0]) if found else []
        if not spans:
            return None
        plain = found[0].replace(_OPEN, "").replace(_CLOSE, "")
        return plain[spans[0][0]:spans[0][1]].lower()

    def similar(self, word: str, edits: int = 1) -> list[str]:
        word = word.lower()
        cutoff = 0.8 if edits <= 1 else 0.65
        terms = [t for t, _ in self._terms(word) if abs(len(t) - len(word)) <= edits + 2]
        return difflib.get_close_matches(word, terms, n=20, cutoff=cutoff)

    def suggest(self, word: str) -> str | None:
        word = word.lower()
        if len(word) < 3:
            return None
        counts = dict(self._terms(word))
        close = difflib.get_close_matches(word, [t for t in counts if abs(len(t) - len(word)) <= 3], n=5, cutoff=0.7)
        if not close:
            return None
        # Closest first; among equally close, the commoner.
        best = max(close, key=lambda t: (round(difflib.SequenceMatcher(None, word, t).ratio(), 2), counts[t]))
        return self._spelling(best)


def _any_words(node: sq.Node | None) -> sq.Node | None:
    """The query with its words joined by OR instead of AND (filters and NOTs kept), or None
    when it has fewer than two words to loosen."""
    items = list(node.items) if isinstance(node, sq.And) else []
    text = [i for i in items if isinstance(i, (sq.Word, sq.Phrase, sq.Or)) and is_text(i)]
    if len(text) < 2:
        return None
    rest = [i for i in items if i not in text]
    return sq.join_items(sq.And, [sq.join_items(sq.Or, text), *rest])


def _spans_of(marked: str) -> list[tuple[int, int]]:
    spans, at, start = [], 0, 0
    for char in marked:
        if char == _OPEN:
            start = at
        elif char == _CLOSE:
            spans.append((start, at))
        else:
            at += 1
    return spans


def search(db_path: str | Path, text: str = "", **options) -> SearchResult:
    """One-shot search: open, search, close."""
    with Searcher(db_path) as searcher:
        return searcher.search(text, **options)
