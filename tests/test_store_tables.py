"""One definition of the archive's tables (archive.tables) makes both the store and each
published database: a published database is the store's schema without its private
tables and columns, with the columns publish derives. Nothing may drift between them."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from archive import store, tables
from archive.web import publish


def _columns(conn, table: str) -> list[tuple[str, str]]:
    return [(row[1], row[2].lower()) for row in conn.execute(f"pragma table_info([{table}])")]


def _names(conn, kind: str) -> set[str]:
    return {row[0] for row in conn.execute("select name from sqlite_master where type = ?", [kind])
            if not row[0].startswith("sqlite_")}  # SQLite's own (analyze statistics)


def test_a_published_database_is_the_store_s_schema_without_what_is_private(tmp_path):
    src = store.open_db(tmp_path / "a.db")
    publish.write_database(src, tmp_path / "out.db", [])
    out = sqlite3.connect(tmp_path / "out.db")
    assert _names(out, "table") - _names(src.conn, "table") == set()  # nothing publish made up on its own
    for table in tables.TABLES:
        kept = _columns(src.conn, table.name)
        if table.private:
            assert table.name not in _names(out, "table") and table.name in store.INTERNAL_TABLES
            continue
        private = {c.name for c in table.columns if c.private}
        derived = [(c.name, tables.SQL_TYPES[c.type]) for c in table.columns if c.derived]
        public = [column for column in kept if column[0] not in private]
        assert _columns(out, table.name) == public + derived, table.name
        assert {c.name for c in table.columns if not c.derived} == {name for name, _ in kept}, table.name
    assert "quotes_fts" in _names(out, "table") and "quotes_fts" in _names(src.conn, "table")


def _with_quotes_column(column: tables.Column) -> tuple[tables.Table, ...]:
    return tuple(dataclasses.replace(t, columns=(*t.columns, column)) if t.name == "quotes" else t
                 for t in tables.TABLES)


@pytest.mark.parametrize("private, published", [(False, True), (True, False)])
def test_a_column_added_to_the_store_s_quotes_is_published_unless_private(tmp_path, monkeypatch, private, published):
    monkeypatch.setattr(tables, "TABLES", _with_quotes_column(tables.Column("setting", str, private=private)))
    src = store.open_db(tmp_path / "a.db")
    with src.conn:
        src.execute("insert into collections (id, title) values ('study', 'Interviews')")
        src.execute("insert into sources (id, collection, title, access) values ('one', 'study', 'First', 'public')")
        src.execute("insert into speakers (id, source, number, description) values ('one-s1', 'one', 1, 'Nurse')")
        src.execute("insert into quotes (id, source, speaker, position, turn, part, text, words, setting) values "
                    "('one-001', 'one', 'one-s1', 1, 1, 0, 'We met at the depot.', 5, 'a night shift')")
    publish.write_database(src, tmp_path / "out.db", ["one"])
    out = sqlite3.connect(tmp_path / "out.db")
    assert ("setting" in {name for name, _ in _columns(out, "quotes")}) == published
    if published:
        assert out.execute("select setting from quotes").fetchall() == [("a night shift",)]
    else:
        assert b"a night shift" not in (tmp_path / "out.db").read_bytes()
