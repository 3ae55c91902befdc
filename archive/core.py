"""The archive as a library: one ``Archive`` object, as sqlite-utils has ``Database``.

    from archive import Archive

    archive = Archive("my-project")            # a project folder (archive.yml, archive.db)
    archive.ingest()                           # read, redact, tag and store transcripts/
    for hit in archive.search("honorary theme:unwaged_work", limit=5).hits:
        print(hit.id, hit.row["text"])
    rows = list(archive.quotes(themes=["precarity"]))   # published shape: text, speaker, citation...
    archive.export("quotes.jsonl")             # through the leak gate, like `archive export`

The commands and these methods call the same library functions; making every command a
thin layer over this object is still to do. Heavy libraries (spaCy, Datasette) load only in
the method that needs them.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Iterable, Iterator

from ingest.config import ProjectConfig, load_config


class Archive:
    """A project's archive: its configuration (archive.yml) and its database.

    ``path`` is the project folder (default: the working folder) or the database file
    itself; ``db`` names another database than the project's."""

    def __init__(self, path: str | Path = ".", db: str | Path | None = None):
        path = Path(path)
        is_db = path.suffix == ".db" or path.is_file()
        self.config: ProjectConfig = load_config(path.parent if is_db else path)
        self.db_path = Path(db) if db else path if is_db else self.config.resolve(self.config.db)

    def __repr__(self) -> str:
        return f"<Archive {self.db_path}>"

    def _db(self):
        from archive import store

        return store.open_db(self.db_path, create=False)

    # ------------------------------------------------------------ writing

    def ingest(self, path: str | Path | None = None, progress=None, index: bool = True):
        """Read, redact, tag and store the transcripts tree (default: the project's
        ``transcripts/``). Returns an ``IngestReport`` (added, updated, failed...)."""
        from archive.pipeline import ingest_path

        root = Path(path) if path else self.config.resolve(self.config.transcripts)
        return ingest_path(root, self.db_path, self.config, progress=progress, index=index)

    def tag(self, quote_id: str, add: Iterable[str] = (), remove: Iterable[str] = ()) -> list[str]:
        """Hand decisions on a quote's themes (kept across re-ingest); returns its themes now."""
        from archive.themes_cli import apply_corrections

        from archive import store

        changes = [("+", t) for t in add] + [("-", t) for t in remove]
        db = store.open_db(self.db_path, create=False, check=True)  # a damaged archive is not written to
        try:
            return apply_corrections(db, quote_id, changes)
        finally:
            db.close()

    def withdraw(self, source_id: str, reason: str | None = None, **options):
        """Remove a source from the archive, its index, its private redaction log and its
        published builds, and keep it out. An id never ingested needs ``force=True``."""
        from archive.web.withdraw import withdraw

        options.setdefault("private_dir", self.config.resolve(self.config.private))
        return withdraw(self.db_path, source_id, reason, **options)

    def publish(self, out: str | Path, **options):
        """Write a deployable Datasette directory holding only what may be public."""
        from archive.leak_gate import published_checker
        from archive.web import publish

        options.setdefault("check", published_checker(self.config))
        return publish.build(self.db_path, out, **options)

    # ------------------------------------------------------------ reading

    def sources(self) -> list[dict]:
        db = self._db()
        try:
            return [dict(row) for row in db["sources"].rows_where(order_by="collection, id")]
        finally:
            db.close()

    def quotes(self, themes: Iterable[str] = (), sources: Iterable[str] = (), **selection) -> Iterator[dict]:
        """Quotes in source order as the export has them (text, speaker, themes, citation...).
        ``selection``: what ``archive export`` selects by (``archive.selection.Selection``:
        query, ids, collections, kinds, years, speakers, include_restricted)."""
        from archive import export
        from archive.selection import Selection

        self._db().close()  # the archive's own checks (missing, older schema) first
        for row in Selection(themes=tuple(themes), sources=tuple(sources), **selection).rows(self.db_path):
            yield export.record(row)

    def search(self, query: str = "", **options):
        """Search with the language of ``archive search`` (``theme:``, ``OR``, ``-word``...)."""
        from archive.search import search

        return search(self.db_path, query, **options)

    def export(self, out: str | Path | IO, fmt: str = "jsonl", themes: Iterable[str] = (),
               sources: Iterable[str] = (), cite: str = "plain", **selection) -> int:
        """Write quotes to a file or stream (binary for docx and qdpx), each passed by the
        leak gate first; a leak (``archive.leak_gate.Leak``) writes nothing. ``selection`` as
        for ``quotes``. Returns the number of quotes written (codes for qdc)."""
        import tempfile

        from archive import export
        from archive.leak_gate import checked_export, published_checker
        from archive.selection import Selection

        chosen = Selection(themes=tuple(themes), sources=tuple(sources), **selection)
        db = self._db()
        try:
            options = export.ExportOptions(cite=cite, selection=chosen.describe(), themes=export.codebook(db),
                                           group_themes=chosen.themes)
            rows = checked_export(chosen.rows(self.db_path), fmt, options, published_checker(self.config),
                                  warn=lambda message: None)
            if not isinstance(out, (str, Path)):
                return export.write(rows, fmt, out, options)
            out = Path(out)
            binary = fmt in export.BINARY_FORMATS
            with tempfile.NamedTemporaryFile("wb" if binary else "w", encoding=None if binary else "utf-8",
                                             newline=None if binary else "", dir=out.parent, prefix=out.name,
                                             suffix=".tmp", delete=False) as tmp:
                try:
                    count = export.write(rows, fmt, tmp, options)
                except BaseException:
                    Path(tmp.name).unlink(missing_ok=True)
                    raise
            Path(tmp.name).replace(out)
            return count
        finally:
            db.close()

    def review(self, source: str | None = None) -> list[dict]:
        """SENSITIVE: the private redaction log's entries (originals and replacements)."""
        from archive.leak_gate import log_files
        from ingest.redact.gate import read_log

        return [entry for path in log_files(self.config.resolve(self.config.private), source)
                for entry in (read_log(path) or [])]
