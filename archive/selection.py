"""Which quotes an export takes: a query in the search language, ids, and filters.

Every option but ``ids`` is a node of the search language's tree (``archive.search_query``),
so ``--theme precarity --kind podcast`` selects what ``theme:precarity kind:podcast`` finds,
and the search engine's own SQL (``Searcher.where``) answers it. Options of one kind are
joined by OR (any of these themes), kinds by AND. Restricted and embargoed quotes are left
out unless ``include_restricted``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from archive import search_query as sq
from archive.rows import quote_rows

ORDER = "s.collection, q.source, q.position"


class SelectionError(ValueError):
    """A selection that cannot be made; the message is one line for the user."""


@dataclass(frozen=True)
class Selection:
    query: str = ""
    ids: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    collections: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    years: str | None = None  # "2016..2018", "2017", "2017.."
    speakers: tuple[str, ...] = ()
    include_restricted: bool = False

    def node(self) -> sq.Node | None:
        items = []
        if self.query.strip():
            try:
                node = sq.parse(self.query)
            except sq.QueryError as e:
                raise SelectionError(str(e)) from None
            if node is None:
                raise SelectionError(f"The query {self.query!r} has no searchable words.")
            items.append(node)
        for field, values in (("theme", self.themes), ("source", self.sources),
                              ("collection", self.collections), ("kind", self.kinds),
                              ("speaker", self.speakers)):
            if values:
                items.append(sq.join_items(sq.Or, [sq.Filter(field, v) for v in values]))
        if self.years:
            try:
                years = sq.parse(f"year:{self.years}")
                if not isinstance(years, sq.Years):  # "2016 2018": a year and a word
                    raise sq.QueryError(self.years)
            except sq.QueryError as e:
                if getattr(e, "backwards", None):
                    raise SelectionError(f"--year {self.years!r} runs backwards: give "
                                         f"{e.backwards[0]}..{e.backwards[1]}.") from None
                raise SelectionError(f"--year {self.years!r}: give a year or a range, "
                                     "such as 2017 or 2016..2018.") from None
            items.append(years)
        return sq.join_items(sq.And, items)

    def describe(self) -> str:
        """The selection in words, for a document's opening ('All public quotes.' when none)."""
        parts = []
        if self.query.strip():
            parts.append(f"matching “{self.query.strip()}”")
        for label, values in (("with the theme", self.themes), ("from the source", self.sources),
                              ("in the collection", self.collections), ("of the kind", self.kinds),
                              ("by a speaker described as", self.speakers), ("with the id", self.ids)):
            if values:
                plural = "s" if len(values) > 1 and label.endswith(("theme", "source", "collection", "id")) else ""
                parts.append(f"{label}{plural} {' or '.join(values)}")
        if self.years:
            parts.append(f"from {self.years.replace('..', ' to ')}")
        access = "Quotes, restricted and embargoed ones included," if self.include_restricted else "Public quotes"
        return f"{access} {', '.join(parts)}." if parts else f"All {access.lower().rstrip(',')}."

    def asked(self) -> str:
        """The words a user typed into the selection (--query, --speaker): the only part of
        ``describe`` not made of the archive's own ids (themes, sources, collections, kinds,
        quote ids), which were vetted when they came in."""
        return " ".join([self.query.strip(), *self.speakers]).strip()

    def rows(self, db_path: str | Path, on: str | None = None) -> Iterator[dict]:
        """The selected quote rows, in source order."""
        from archive.search import SearchIndexError, Searcher

        searcher = Searcher(db_path)
        try:
            try:
                where, params = searcher.where(self.node(), self.include_restricted, on)
            except SearchIndexError as e:
                raise SelectionError(str(e)) from None
            if self.ids:
                self._check_ids(searcher.conn, on)
                where = " and ".join(filter(None, [where, f"q.id in ({', '.join('?' * len(self.ids))})"]))
                params = [*params, *self.ids]
            yield from quote_rows(searcher.conn, where, params, order=ORDER)
        finally:
            searcher.close()

    def _check_ids(self, conn, on: str | None) -> None:
        from archive.search import access_mark

        marks = ", ".join("?" * len(self.ids))
        found = {row["id"]: row for row in quote_rows(conn, f"q.id in ({marks})", self.ids)}
        unknown = [i for i in self.ids if i not in found]
        if unknown:
            raise SelectionError(f"no quote {', '.join(map(repr, unknown))} in the archive.")
        if not self.include_restricted:
            closed = [(i, access_mark(found[i], on)) for i in self.ids if access_mark(found[i], on)]
            if closed:
                quote, mark = closed[0]
                raise SelectionError(f"quote {quote!r} is {mark}: add --include-restricted to export it.")
