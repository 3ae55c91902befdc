"""The keys Datasette (0.65) reads from its metadata, so that a misspelt one in metadata.yml
is an error naming the file and line, as in every other YAML file of the archive.

Datasette itself ignores a key it does not know: ``licence:`` for ``license:`` would publish a
site with no licence, without a word. The keys are those of Datasette's documentation
(Metadata; Facets; Full-text search; Canned queries; Authentication and permissions):
the same descriptive keys at the top level, per database and per table, and each level's own.
``plugins:`` holds each plugin's configuration, which is the plugin's to check (the
archive's hardening plugin checks its own); so are ``columns:`` and ``units:`` (a column's
name to a text). ``site_url:`` at the top level is the archive's own key.
"""

from __future__ import annotations

from pathlib import Path

from ingest.model import SourceError
from ingest.schema import unknown_key
from ingest.yamlfile import Document, KeyPath

# Shown on the index page, a database's page or a table's, and in the footer.
DESCRIPTIVE = ("title", "description", "description_html", "license", "license_url",
               "source", "source_url", "about", "about_url")
# The archive's own: site_url, the site's public address for citations (archive/reading.py).
ARCHIVE_TOP = ("site_url",)
TOP = (*DESCRIPTIVE, "databases", "plugins", "extra_css_urls", "extra_js_urls", "custom_units",
       "allow", "allow_sql", *ARCHIVE_TOP)
DATABASE = (*DESCRIPTIVE, "tables", "queries", "plugins", "allow", "allow_sql")
TABLE = (*DESCRIPTIVE, "columns", "units", "sort", "sort_desc", "size", "sortable_columns",
         "label_column", "hidden", "facets", "facet_size", "fts_table", "fts_pk", "searchmode",
         "plugins", "allow")
QUERY = (*DESCRIPTIVE, "sql", "params", "hide_sql", "fragment", "write", "on_success_message",
         "on_success_redirect", "on_error_message", "on_error_redirect", "allow")


def check(document: Document, path: Path | str) -> None:
    """Raise a SourceError naming the file and line of the first key Datasette does not read."""
    data = document.data
    _keys(document, path, data, (), TOP)
    for db_name, db in _named(document, path, data, ("databases",)):
        where = ("databases", db_name)
        _keys(document, path, db, where, DATABASE)
        for table_name, table in _named(document, path, db, (*where, "tables")):
            _keys(document, path, table, (*where, "tables", table_name), TABLE)
        for query_name, query in (db.get("queries") or {}).items() if isinstance(db.get("queries"), dict) else ():
            if isinstance(query, dict):  # a query may also be given as its SQL alone
                _keys(document, path, query, (*where, "queries", str(query_name)), QUERY)


def _named(document: Document, path, parent: dict, where: KeyPath):
    """The (name, mapping) pairs of ``databases:`` or ``tables:``; anything else is an error."""
    value = parent.get(where[-1])
    if value is None:
        return []
    if not isinstance(value, dict) or not all(isinstance(v, dict) or v is None for v in value.values()):
        raise SourceError(path, f"'{'.'.join(where)}:' must map each name to a mapping of its settings.",
                          place=f"line {document.line_of(where)}")
    return [(str(name), inner or {}) for name, inner in value.items()]


def _keys(document: Document, path, mapping: dict, where: KeyPath, known: tuple[str, ...]) -> None:
    for key in mapping:
        if key not in known:
            at = (*where, str(key))
            raise SourceError(path, unknown_key(str(key), known, ".".join(where)),
                              place=f"line {document.line_of(at)}")
