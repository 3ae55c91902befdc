"""The archive's tables, defined once.

``archive.store`` makes every table here in the archive's database (``STORE``);
``archive.web.publish`` makes the public ones in each published database
(``PUBLISHED``). A published database is the store's schema without what is private
(internal tables, and the columns marked ``private``: only the archive reads them),
with the columns marked ``derived`` added: made by publish from the store's rows, for
the site's pages and facets (counts, a quote's collection, year, citation...).

So a column added to a public table of the store is published, filled from the store's
column of the same name, unless it is declared private. Changing a table here changes
both; ``store.SCHEMA_VERSION`` and its migration say how an existing archive catches up.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils.db import COLUMN_TYPE_MAPPING

STORE, PUBLISHED = "store", "published"
BOTH = (STORE, PUBLISHED)
# The SQL type of each Python type, as sqlite-utils makes the store's columns.
SQL_TYPES = {kind: COLUMN_TYPE_MAPPING[kind].lower() for kind in (str, int, float)}


@dataclass(frozen=True)
class Column:
    name: str
    type: type  # str, int or float
    references: str | None = None  # the table whose id this column holds
    private: bool = False  # in the store only: never published
    derived: bool = False  # in published databases only: made by publish from the store's rows

    def kept_in(self, where: str) -> bool:
        return not (self.private if where == PUBLISHED else self.derived)


@dataclass(frozen=True)
class Index:
    columns: tuple[str, ...]  # "score desc" for a descending column
    where: tuple[str, ...] = BOTH


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    pk: tuple[str, ...] = ("id",)
    private: bool = False  # internal to the archive: never published
    indexes: tuple[Index, ...] = ()
    fts: tuple[str, ...] = ()  # columns searched by full text: an FTS5 table <name>_fts, porter stemming

    def columns_in(self, where: str) -> list[Column]:
        return [c for c in self.columns if c.kept_in(where)]

    def indexes_in(self, where: str) -> list[Index]:
        return [i for i in self.indexes if where in i.where]


def _internal(name: str, pk: tuple[str, ...], **columns: type) -> Table:
    return Table(name, tuple(Column(n, t) for n, t in columns.items()), pk=pk, private=True)


C = Column
TABLES: tuple[Table, ...] = (
    _internal("archive_meta", ("key",), key=str, value=str),  # schema version, settings, builds
    Table("collections", (
        C("id", str), C("title", str), C("description", str), C("kind", str), C("licence", str),
        C("access", str, private=True),  # the collection's default: each source carries its own
        C("citation", str),
        C("sources", int, derived=True), C("quotes", int, derived=True),
    )),
    Table("sources", (
        C("id", str), C("collection", str, "collections"), C("title", str), C("date", str), C("year", int),
        C("kind", str), C("description", str), C("access", str), C("embargo_until", str), C("audio_url", str),
        C("format", str), C("quotes", int), C("words", int),
        C("added", str, derived=True),  # when it was ingested
    ), indexes=(Index(("collection",)),)),
    Table("speakers", (
        C("id", str), C("source", str, "sources"), C("number", int), C("description", str),
    ), indexes=(Index(("source",)),)),
    Table("quotes", (
        C("id", str), C("source", str, "sources"), C("speaker", str, "speakers"), C("position", int),
        C("turn", int), C("part", int), C("text", str), C("words", int), C("start", float), C("end", float),
        C("question", str),
        # The source's and speaker's, on each quote: the site facets and lists quotes without joins.
        C("collection", str, "collections", derived=True), C("kind", str, derived=True),
        C("year", int, derived=True), C("source_title", str, derived=True),
        C("speaker_description", str, derived=True), C("themes", str, derived=True),
        C("citation", str, derived=True), C("audio_link", str, derived=True),
    ), indexes=(
        Index(("source", "position")), Index(("speaker",)),
        Index(("collection",), (PUBLISHED,)), Index(("year",), (PUBLISHED,)), Index(("kind",), (PUBLISHED,)),
    ), fts=("text",)),
    Table("themes", (
        C("id", str), C("label", str), C("description", str),
        C("position", int, private=True),  # the codebook's order, for ingest and coding
        C("quotes", int, derived=True),
    )),
    Table("quote_themes", (
        C("quote", str, "quotes"), C("theme", str, "themes"), C("score", float), C("evidence", str),
        C("origin", str),
        # The quote's, so that a theme's page facets fast.
        C("collection", str, derived=True), C("kind", str, derived=True), C("year", int, derived=True),
    ), pk=("quote", "theme"), indexes=(
        Index(("theme",), (STORE,)),
        Index(("theme", "quote"), (PUBLISHED,)),
        Index(("theme", "score desc", "quote", "collection", "kind", "year"), (PUBLISHED,)),  # a theme's page, best first
        # A theme's page counts by collection, kind and year under any choice of the others:
        # each index holds all three, so every count reads an index alone.
        Index(("theme", "collection", "kind", "year"), (PUBLISHED,)),
        Index(("theme", "year", "collection", "kind"), (PUBLISHED,)),
        Index(("theme", "kind", "collection", "year"), (PUBLISHED,)),
    )),
    # ingest_state: root, path, folders are path keys (store.path_key), never paths.
    _internal("ingest_state", ("source",), source=str, root=str, path=str, fingerprint=str, settings=str,
              folders=str, ingested_at=str, logged=str),
    # Hand decisions on themes, kept across ingest.
    _internal("theme_corrections", ("quote", "theme"), quote=str, theme=str, action=str, at=str, source=str,
              text_key=str),
    _internal("withdrawals", ("source",), source=str, at=str, reason=str),  # kept out of every ingest
    # Folders whose name holds an identifier (keys of the names), kept out until renamed.
    _internal("withheld_collections", ("key",), key=str, at=str),
)
del C


def table(name: str) -> Table:
    return next(t for t in TABLES if t.name == name)


def published_tables() -> list[Table]:
    return [t for t in TABLES if not t.private]


def published_schema() -> str:
    """The SQL that makes a published database's tables, indexes and full-text index."""
    statements = []
    for t in published_tables():
        columns = [f'"{c.name}" {SQL_TYPES[c.type]}' + (f' references "{c.references}"(id)' if c.references else "")
                   for c in t.columns_in(PUBLISHED)]
        columns.append(f"primary key ({', '.join(t.pk)})")
        statements.append(f'create table "{t.name}" ({", ".join(columns)})')
        for index in t.indexes_in(PUBLISHED):
            name = "_".join([t.name, *(c.split()[0] for c in index.columns)])
            statements.append(f'create index "{name}" on "{t.name}"({", ".join(index.columns)})')
        if t.fts:
            statements.append(f'create virtual table "{t.name}_fts" using fts5({", ".join(t.fts)}, '
                              f"content={t.name}, tokenize='porter')")
    return ";\n".join(statements) + ";\n"
